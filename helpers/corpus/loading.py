"""Load the seed articles: the catalog, the files, and the :class:`Corpus`.

>>> corpus = load_corpus()
>>> "abe-beijing-2018" in corpus, corpus["abe-beijing-2018"].script
(True, <Script.TRADITIONAL: 'traditional'>)
>>> corpus.paragraphs_frame().columns.tolist()
['article_id', 'para_id', 'section', 'text']
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import pandas as pd

from ..errors import CatalogError, CorpusError, DuplicateIdError, MissingColumnError, MissingFileError
from ..text.cleaning import decode
from ..text.datafiles import DATA_DIR, ID_SLUG, read_csv
from . import formats
from .records import Article, Paragraph
from .structure import build_article
from .vocabulary import Script, SourceFormat

#: The repository's ``seeds/`` folder, the default corpus.
SEEDS_DIR = Path(__file__).resolve().parents[2] / "seeds"
CATALOG_NAME = "catalog.csv"
REQUIRED_COLUMNS = ("id", "file", "title", "authors", "year", "script", "source")
#: The scripts a catalog row may give (``unknown`` is what detection says when it cannot tell).
SCRIPTS = (Script.TRADITIONAL.value, Script.SIMPLIFIED.value)


class Corpus:
    """The articles of a catalog, in catalog order.

    Iterate over it, take ``len()``, or index it by article id.
    """

    def __init__(self, articles: list[Article], catalog: pd.DataFrame) -> None:
        self._articles = list(articles)
        self._by_id = {article.id: article for article in self._articles}
        self.catalog = catalog

    def __iter__(self) -> Iterator[Article]:
        return iter(self._articles)

    def __len__(self) -> int:
        return len(self._articles)

    def __getitem__(self, article_id: str) -> Article:
        try:
            return self._by_id[article_id]
        except KeyError:
            known = ", ".join(self._by_id)
            raise KeyError(f"no article {article_id!r} in the corpus (known: {known})") from None

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._by_id

    @property
    def ids(self) -> list[str]:
        """The article ids, in catalog order."""
        return [article.id for article in self._articles]

    def paragraphs_frame(self) -> pd.DataFrame:
        """One row per body paragraph: ``article_id, para_id, section, text``.

        ``section`` is the innermost heading above the paragraph ("" before the first
        heading); the full path of headings is in ``Paragraph.section``.
        """
        rows = [
            {
                "article_id": article.id,
                "para_id": paragraph.id,
                "section": paragraph.section[-1] if paragraph.section else "",
                "text": paragraph.text,
            }
            for article in self._articles
            for paragraph in article.paragraphs
        ]
        return pd.DataFrame(rows, columns=["article_id", "para_id", "section", "text"])

    def paragraph(self, para_id: str) -> Paragraph:
        """Return the paragraph with a full id such as ``abe-beijing-2018:p007``."""
        article_id = para_id.split(":", 1)[0]
        return self[article_id].paragraph(para_id)

    def __repr__(self) -> str:
        return f"Corpus({', '.join(self.ids)})"


#: An argument naming one article: the :class:`~helpers.Article` itself, or its
#: catalog id (then looked up in :func:`default_corpus`). Every function about
#: one article takes either.
ArticleRef = Article | str


def default_corpus(corpus: Corpus | None = None) -> Corpus:
    """``corpus``, or when it is None the repository's seeds (:func:`load_corpus`).

    This is what ``corpus=None`` means in every function of the package: only
    ``None`` means "the default", so an empty corpus stays empty.

    >>> default_corpus().ids[0]
    'abe-beijing-2018'
    """
    return load_corpus() if corpus is None else corpus


def resolve_article(article: ArticleRef, corpus: Corpus | None = None) -> Article:
    """The article itself, given an :class:`~helpers.Article` or its id.

    >>> resolve_article("japan-us-2021").title[:6]
    '國際變局下的'
    """
    if isinstance(article, Article):
        return article
    return default_corpus(corpus)[article]


def article_id_of(article: ArticleRef) -> str:
    """The id of an article given as an :class:`~helpers.Article` or its id.

    >>> article_id_of("japan-us-2021")
    'japan-us-2021'
    """
    return article.id if isinstance(article, Article) else str(article)


def load_corpus(seeds_dir: str | Path | None = None) -> Corpus:
    """Read ``catalog.csv`` and every file it lists, cleaned and structured.

    Results are cached per process: loading the same folder again is free.
    The folder is only read, never written.
    """
    folder = Path(seeds_dir) if seeds_dir is not None else SEEDS_DIR
    return _load_corpus_cached(folder.resolve(), _folder_signature(folder))


def _folder_signature(folder: Path) -> tuple:
    # The cache key includes the files' sizes and times, so an edited catalog or a
    # newly added article is picked up without restarting the kernel.
    if not folder.is_dir():
        raise MissingFileError(str(folder), "the seeds folder does not exist")
    return tuple((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(folder.iterdir()) if p.is_file())


@functools.lru_cache(maxsize=8)
def _load_corpus_cached(folder: Path, signature: tuple) -> Corpus:
    catalog = read_catalog(folder / CATALOG_NAME)
    corrections = read_paragraph_corrections()
    articles = []
    for row_number, row in enumerate(catalog.to_dict("records"), start=2):
        path = folder / row["file"]
        if not path.is_file():
            raise MissingFileError(
                f"{folder / CATALOG_NAME}, row {row_number}", f"the file {row['file']!r} does not exist in {folder}"
            )
        articles.append(
            load_article(
                path,
                id=row["id"],
                title=row["title"],
                authors=tuple(a.strip() for a in row["authors"].split(";") if a.strip()),
                year=int(row["year"]) if str(row["year"]).strip() else None,
                script=row["script"],
                metadata={k: str(v) for k, v in row.items()},
                corrections=corrections.get(row["file"], {}),
            )
        )
    return Corpus(articles, catalog)


def read_catalog(path: str | Path) -> pd.DataFrame:
    """Read and validate a catalog CSV; every problem names the row.

    >>> read_catalog(SEEDS_DIR / "catalog.csv")["id"].tolist()[0]
    'abe-beijing-2018'
    """
    path = Path(path)
    if not path.is_file():
        raise MissingFileError(str(path), "the catalog does not exist")
    text, _ = decode(path.read_bytes(), str(path))
    reader = csv.DictReader(io.StringIO(text))
    columns = reader.fieldnames or []
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise MissingColumnError(str(path), f"missing required column(s): {', '.join(missing)}")
    rows = list(reader)
    seen: dict[str, int] = {}
    for row_number, row in enumerate(rows, start=2):
        where = f"{path}, row {row_number}"
        if None in row or any(value is None for value in row.values()):
            raise CatalogError(where, "the row has a different number of fields from the header")
        row_id = row["id"].strip()
        if not ID_SLUG.match(row_id):
            raise CatalogError(where, f"id {row_id!r} must be a lower-case slug such as 'abe-beijing-2018'")
        if row_id in seen:
            raise DuplicateIdError(where, f"duplicate id {row_id!r} (first used in row {seen[row_id]})")
        seen[row_id] = row_number
        if not row["file"].strip():
            raise CatalogError(where, "the 'file' column is empty")
        if row["script"].strip() not in SCRIPTS:
            raise CatalogError(where, f"script must be one of {SCRIPTS}, not {row['script']!r}")
        if row["year"].strip() and not re.fullmatch(r"\d{4}", row["year"].strip()):
            raise CatalogError(where, f"year must be four digits, not {row['year']!r}")
    frame = pd.DataFrame(rows, columns=columns).fillna("")
    return frame.apply(lambda column: column.str.strip())


def read_paragraph_corrections(path: str | Path | None = None) -> dict[str, dict[int, str]]:
    """Read the paragraph-break corrections a teacher can edit.

    Returns ``{file name: {line number: "break" | "join"}}``. A ``break`` starts a
    new paragraph at that raw line; a ``join`` makes it continue the previous one.
    """
    path = Path(path) if path is not None else DATA_DIR / "paragraph_breaks.csv"
    corrections: dict[str, dict[int, str]] = {}
    if not path.is_file():
        return corrections
    for row in read_csv(path, required=("file", "line", "action"), error=CatalogError):
        action = row["action"]
        if action not in ("break", "join"):
            raise CatalogError(row.where, f"action must be 'break' or 'join', not {action!r}")
        try:
            line = int(row["line"])
        except ValueError:
            raise CatalogError(row.where, f"line must be a number, not {row['line']!r}") from None
        corrections.setdefault(row["file"], {})[line] = action
    return corrections


def load_article(path: str | Path, **metadata: object) -> Article:
    """Load one text file as an :class:`Article`, with or without a catalog row.

    Keyword arguments override what is found in the text: ``id`` (default: the file
    name without extension), ``title``, ``authors``, ``year``, ``script`` (default:
    detected) and ``metadata``; ``corrections`` maps raw line numbers to
    ``"break"``/``"join"`` paragraph corrections.

    >>> article = load_article(SEEDS_DIR / "003_83a792fe77ea19c8.txt")
    >>> article.id, article.script, article.title
    ('003_83a792fe77ea19c8', <Script.SIMPLIFIED: 'simplified'>, '日本的中亚政策及中国的应对策略')
    """
    path = Path(path)
    if not path.is_file():
        raise MissingFileError(str(path), "the file does not exist")
    data = path.read_bytes()
    return article_from_bytes(data, path.name, where=str(path), **metadata)


def article_from_bytes(data: bytes, file_name: str, *, where: str = "", **metadata: object) -> Article:
    """Build an article from a file's bytes, read by the reader for its format (see :func:`load_article`).

    A PDF, a saved web page (``.html``), markdown (``.md``) or a Word file
    (``.docx``) is first read by its reader in :mod:`helpers.corpus.formats`; any
    other file is a plain text.

    >>> article_from_bytes("<h1>日本外交</h1><p>正文。</p>".encode(), "page.html").source_format == "html"
    True
    """
    where = where or file_name
    fmt = formats.format_of(file_name, data)
    corrections = _given(metadata, "corrections", dict, where) or {}
    hints = None
    problems: tuple[str, ...] = ()
    if fmt is SourceFormat.TEXT:
        raw, encoding = decode(data, where)
    else:
        extraction = formats.read_bytes(data, fmt, where)
        raw, encoding, hints = extraction.text, fmt.value, extraction.hints()
        corrections = {**extraction.corrections(), **corrections}
        problems = tuple(extraction.lost())
    article = build_article(
        raw,
        str(metadata.get("id") or Path(file_name).stem),
        title=_optional_str(metadata.get("title")),
        authors=_given(metadata, "authors", tuple, where),
        year=_given(metadata, "year", int, where),
        script=_optional_str(metadata.get("script")),
        source_file=file_name,
        metadata=_given(metadata, "metadata", dict, where),
        encoding=encoding,
        corrections=corrections,
        hints=hints,
    )
    article.source_format = fmt
    article.extraction_problems = problems
    return article


def _optional_str(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


Given = TypeVar("Given")


def _given(metadata: dict[str, object], name: str, kind: type[Given], where: str) -> Given | None:
    """A keyword argument of :func:`load_article` of the type it must have, or None when not given.

    >>> _given({"year": "2018"}, "year", int, "x.txt")
    Traceback (most recent call last):
    ...
    helpers.errors.CorpusError: x.txt: year must be int, not str ('2018')
    """
    value = metadata.get(name)
    if value is None:
        return None
    if not isinstance(value, kind) or isinstance(value, bool):
        raise CorpusError(where, f"{name} must be {kind.__name__}, not {type(value).__name__} ({value!r})")
    return value
