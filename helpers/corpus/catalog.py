"""Adding a text to the corpus: propose its catalog row, then copy it into the seeds folder.

``python -m helpers add`` is a thin front to :func:`propose` and :func:`add_to_seeds`.

>>> propose_id(Path("Japan_ASEAN 2019.txt"), 2019, [])
'japan-asean-2019'
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

from ..errors import CatalogError, CorpusError, DuplicateIdError, MissingFileError
from ..text.cleaning import decode, display_width, ends_sentence, han, split_lines
from ..text.datafiles import ID_SLUG
from . import formats
from .loading import CATALOG_NAME, article_from_bytes, read_catalog, read_paragraph_corrections
from .records import Article
from .structure import build_article, looks_wrapped
from .vocabulary import FrontKind, Script, SourceFormat

_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?=\s*年|[-/.]\d{1,2}[-/.]\d{1,2})")


#: Words of a web page's furniture (share buttons, links to other pages, a breadcrumb), not of an article.
WEB_FURNITURE_WORDS = re.compile(
    r"分享到|上一篇|下一篇|返回首[頁页]|返回[頂顶]部|相[關关][閱阅][讀读]|延伸[閱阅][讀读]|責任編輯|责任编辑|首[頁页]\s*[>＞»]"
)


class DuplicateTextError(CorpusError):
    """The text is already in the seeds folder (perhaps in another encoding or under another name)."""


class ArticleFields(TypedDict):
    """What a catalog row gives :func:`helpers.load_article`, typed."""

    id: str
    title: str
    authors: tuple[str, ...]
    year: int | None
    script: str
    metadata: dict[str, str]


def row_metadata(row: dict[str, str]) -> ArticleFields:
    """The keyword arguments :func:`helpers.load_article` takes for a catalog row, as the loader builds them.

    >>> row_metadata({"id": "x", "title": "", "authors": "黄贝; 司晓宇", "year": "2025", "script": "simplified"})["authors"]
    ('黄贝', '司晓宇')
    """
    year = str(row.get("year", "")).strip()
    return {
        "id": row["id"],
        "title": row.get("title", ""),
        "authors": tuple(a.strip() for a in str(row.get("authors", "")).split(";") if a.strip()),
        "year": int(year) if year else None,
        "script": row.get("script", ""),
        "metadata": {k: str(v) for k, v in row.items()},
    }


def detect_format(raw: str) -> str:
    """Guess what a text was extracted from: ``markdown``, ``pdf-text``, ``web-page`` or ``text``.

    ``pdf-text`` is hard-wrapped at a column width; ``web-page`` has one line per
    paragraph and the furniture of a web page (share buttons, links to other
    articles, a breadcrumb); ``text`` has one line per paragraph and nothing else.

    >>> detect_format("# 標題\\n\\n正文。")
    'markdown'
    >>> detect_format("標題\\n\\n正文。\\n\\n上一篇：日本外交")
    'web-page'
    >>> detect_format("標題\\n\\n正文。")
    'text'
    """
    if re.search(r"^#{1,6}\s|^\*\*[^*\n]+\*\*|<sup>|\[\^\d+\]|\\[*_\[\]#-]", raw, re.MULTILINE):
        return "markdown"
    if _is_wrapped(raw):
        return "pdf-text"
    if WEB_FURNITURE_WORDS.search(raw):
        return "web-page"
    return "text"


def _is_wrapped(raw: str) -> bool:
    # Lines narrower than 16 columns are headings, page numbers or blank: they say nothing about the layout.
    measured = [(display_width(line.strip()), ends_sentence(line)) for line in split_lines(raw)]
    return looks_wrapped([(width, ends) for width, ends in measured if width >= 16])


def guess_year(article: Article, today: datetime.date | None = None) -> tuple[int | None, str]:
    """Propose a year and say how it was found (the catalog's ``year_basis``).

    The year of a dateline at the top wins; otherwise the latest year the text
    (paragraphs, front matter and notes) mentions as a year (``2018年``,
    ``2018 年``, ``2018-10-25``), up to ``today``'s.

    >>> guess_year(build_article("標題\\n\\n2022-09-30 來源：某網站\\n\\n1990年以來日本外交有所變化。", "d"))
    (2022, 'date on the page (2022-09-30 來源：某網站)')
    >>> guess_year(build_article("標題\\n\\n日本在 2016 年與 2019 年先後提出構想。", "d"))
    (2019, 'latest year mentioned in the text (proposed by `add`: check it)')
    """
    for front in article.front_matter:
        # A byline may carry the date too: 作者：陳思齊 2024年6月15日 來源：…
        dated = front.kind is FrontKind.DATELINE or (front.kind is FrontKind.BYLINE and _YEAR.search(front.text))
        found = re.search(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", front.text) if dated else None
        if found:
            return int(found.group(1)), f"date on the page ({front.text})"
    last = (today or datetime.date.today()).year
    # A note citing a later publication dates the text too.
    texts = (
        [p.text for p in article.paragraphs] + [f.text for f in article.front_matter] + [n.text for n in article.notes]
    )
    years = [int(y) for text in texts for y in _YEAR.findall(text) if int(y) <= last]
    if not years:
        return None, ""
    return max(years), "latest year mentioned in the text (proposed by `add`: check it)"


def text_fingerprint(raw: str) -> str:
    """A hash of a text that ignores its encoding, byte-order mark, line endings and trailing spaces.

    >>> text_fingerprint("標題\\r\\n正文 ") == text_fingerprint("\\ufeff標題\\n正文\\n")
    True
    """
    lines = [line.rstrip() for line in split_lines(raw)]
    return hashlib.sha256("\n".join(lines).strip().encode("utf-8")).hexdigest()


def propose_id(path: Path, year: int | None, taken: Iterable[str]) -> str:
    """An unused catalog id: the file's name as a slug, else ``article-<year>``.

    >>> propose_id(Path("Japan_ASEAN 2019.txt"), 2019, ["abe-beijing-2018"])
    'japan-asean-2019'
    >>> propose_id(Path("日本外交.txt"), 2024, ["article-2024"])
    'article-2024-2'
    """
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
    if not ID_SLUG.match(slug) or not re.search(r"[a-z]", slug):
        slug = f"article-{year}" if year else "article"
    taken = set(taken)
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate


@dataclass
class Proposal:
    """A text ready to be added: its bytes, the article as the loader will see it, and the catalog row."""

    source: Path
    data: bytes
    article: Article
    row: dict[str, str]
    target: Path


def propose(
    path: str | Path,
    seeds_dir: Path,
    *,
    article_id: str | None = None,
    title: str | None = None,
    authors: str | None = None,
    year: str | None = None,
    year_basis: str | None = None,
    source: str = "",
    name: str | None = None,
    script: str | None = None,
) -> Proposal:
    """Read a new text, refuse it if it cannot be added, and propose its catalog row.

    Raises a :class:`helpers.CorpusError` that names the file when the text is
    missing, empty, binary or undecodable, is already in the folder (same text,
    whatever its encoding), or when the id or the file name is taken.

    A file that is already in the seeds folder but not in the catalog is
    catalogued where it is, not copied.

    >>> from helpers.corpus.loading import SEEDS_DIR
    >>> try:
    ...     propose(SEEDS_DIR / "003_83a792fe77ea19c8.txt", SEEDS_DIR)
    ... except CorpusError as error:
    ...     print(error.problem)
    003_83a792fe77ea19c8.txt is already in the catalog, as central-asia-2007
    """
    path = Path(path)
    if not path.is_file():
        raise MissingFileError(str(path), "the file does not exist" if not path.exists() else "not a file")
    data = path.read_bytes()
    file_format = formats.format_of(path, data)
    if file_format is SourceFormat.TEXT:
        raw, encoding = decode(data, str(path))
        found = build_article(raw, "new")
    else:  # a PDF, web page, markdown or Word file: its reader's rendering stands for the text
        found = article_from_bytes(data, path.name, where=str(path), id="new")
        raw, encoding = found.raw, file_format.value
    catalog_path = seeds_dir / CATALOG_NAME
    catalog = read_catalog(catalog_path)
    columns = list(catalog.columns)

    ids = dict(zip(catalog["file"], catalog["id"]))
    in_place = path.parent.resolve() == seeds_dir.resolve()
    if in_place and path.name in ids:
        raise DuplicateIdError(str(path), f"{path.name} is already in the catalog, as {ids[path.name]}")
    _refuse_duplicate_text(path, raw, seeds_dir, ids, data)
    name = path.name if in_place else (name or path.name)
    if Path(name).name != name or name == CATALOG_NAME or name.startswith("."):
        raise CatalogError(str(path), f"{name!r} cannot be the name of a seed file: give a plain file name with --name")
    target = seeds_dir / name
    if target.exists() and not in_place:
        raise CatalogError(
            str(path), f"{target} already exists, and a seed is never overwritten: choose another name with --name"
        )
    if name in ids:
        raise DuplicateIdError(str(path), f"the catalog already lists a file named {name} (as {ids[name]})")
    if year is not None and not re.fullmatch(r"\d{4}", year.strip()):
        raise CatalogError(str(path), f"--year must be four digits, not {year!r}")
    if article_id is not None and article_id in ids.values():
        raise DuplicateIdError(str(path), f"the id {article_id!r} is already in {catalog_path}")
    if article_id is not None and not ID_SLUG.match(article_id):
        raise CatalogError(str(path), f"id {article_id!r} must be a lower-case slug such as 'japan-asean-2019'")

    if script is not None and script not in (Script.TRADITIONAL, Script.SIMPLIFIED):
        raise CatalogError(str(path), f"--script must be traditional or simplified, not {script!r}")
    script = Script(script) if script else found.script
    if script is Script.UNKNOWN:
        raise CatalogError(
            str(path),
            "the text has no character that only one script uses, so its script cannot be "
            "told: give --script traditional or --script simplified",
        )

    year_value, basis = (int(year), "") if year else guess_year(found)
    if year_basis:  # the teacher's reason wins, whether the year was given or guessed
        basis = year_basis
    article_id = article_id or propose_id(path, year_value, ids.values())

    author_list = [a.strip() for a in re.split(r"[;,，、]", authors)] if authors else list(found.authors)
    values = {
        "id": article_id,
        "file": name,
        "title": title or found.title,
        "title_supplied": "true" if title and not _printed(title, raw) else "false",
        "authors": ";".join(a for a in author_list if a),
        "year": str(year_value or ""),
        "year_basis": basis,
        "script": script.value,
        "source": source,
        "format": detect_format(raw) if file_format is SourceFormat.TEXT else file_format.value,
    }
    row = {column: values.get(column, "") for column in columns}
    if file_format is SourceFormat.TEXT:
        article = load_source(raw, row, encoding)
    else:
        corrections = read_paragraph_corrections().get(name, {})
        article = article_from_bytes(data, name, where=str(path), **row_metadata(row), corrections=corrections)
    return Proposal(path, data, article, row, target)


def _printed(title: str, raw: str) -> bool:
    return han(title) in han(raw)


def load_source(raw: str, row: dict[str, str], encoding: str = "utf-8") -> Article:
    """Build the article from its text and catalog row, as :func:`helpers.load_corpus` will.

    >>> load_source("標題\\n\\n正文。", {"id": "demo", "file": "demo.txt", "title": "", "authors": "林", "year": "", "script": "traditional"}).authors
    ('林',)
    """
    metadata = row_metadata(row)
    corrections = read_paragraph_corrections().get(row.get("file", ""), {})
    return build_article(
        raw,
        str(metadata["id"]),
        title=str(metadata["title"]) or None,
        authors=metadata["authors"],
        year=metadata["year"],
        script=str(metadata["script"]) or None,
        source_file=row.get("file", ""),
        metadata=metadata["metadata"],
        encoding=encoding,
        corrections=corrections,
    )


def _refuse_duplicate_text(path: Path, raw: str, seeds_dir: Path, ids: dict[str, str], data: bytes = b"") -> None:
    fingerprint = text_fingerprint(raw)
    for other in sorted(seeds_dir.iterdir()):
        if not other.is_file() or other.name == CATALOG_NAME or other.resolve() == path.resolve():
            continue
        if data and other.stat().st_size == len(data) and other.read_bytes() == data:
            listed = f" ({ids[other.name]})" if other.name in ids else " (not in the catalog)"
            raise DuplicateTextError(
                str(path), f"the same text (the very same file) is already in the seeds folder as {other.name}{listed}"
            )
        if formats.format_of(other) is not SourceFormat.TEXT:
            continue
        try:
            other_raw, _ = decode(other.read_bytes(), str(other))
        except CorpusError:
            continue  # not a text; `check` reports it
        if text_fingerprint(other_raw) == fingerprint:
            listed = f" ({ids[other.name]})" if other.name in ids else " (not in the catalog)"
            raise DuplicateTextError(str(path), f"the same text is already in the seeds folder as {other.name}{listed}")


def append_row(catalog_path: Path, row: dict[str, str]) -> None:
    """Append ``row`` to a catalog, keeping its columns, encoding and line endings.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     catalog = Path(folder) / "catalog.csv"
    ...     _ = catalog.write_text("id,file\\nold,old.txt\\n", encoding="utf-8")
    ...     append_row(catalog, {"id": "new", "file": "new, with a comma.txt"})
    ...     print(catalog.read_text(encoding="utf-8"), end="")
    id,file
    old,old.txt
    new,"new, with a comma.txt"
    """
    data = catalog_path.read_bytes()
    text, encoding = decode(data, str(catalog_path))
    newline = "\r\n" if "\r\n" in text else "\n"
    columns = next(csv.reader(io.StringIO(text)))
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=newline).writerow([row.get(column, "") for column in columns])
    separator = "" if text.endswith(("\n", "\r")) else newline
    # The catalog keeps the encoding it was saved in (a byte-order mark is written once, at the start).
    addition = (separator + buffer.getvalue()).encode("utf-8" if encoding == "utf-8-sig" else encoding)
    with open(catalog_path, "ab") as handle:
        handle.write(addition)


def add_to_seeds(proposal: Proposal, seeds_dir: Path) -> None:
    """Copy the file into the seeds folder and append its row; undo both if the catalog no longer reads.

    The raw file is copied byte for byte (it is never edited), and never over an
    existing file. The article itself was already built from the same text and
    row by :func:`propose`, as the loader will build it.
    """
    catalog_path = seeds_dir / CATALOG_NAME
    before = catalog_path.read_bytes()
    copied = False
    if not proposal.target.exists():
        with open(proposal.target, "xb") as handle:  # "x": fail rather than overwrite
            handle.write(proposal.data)
        copied = True
    try:
        append_row(catalog_path, proposal.row)
        read_catalog(catalog_path)
    except (CorpusError, OSError):
        catalog_path.write_bytes(before)
        if copied:
            proposal.target.unlink()
        raise
