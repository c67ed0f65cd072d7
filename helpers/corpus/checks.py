"""Checks of a text before it joins the corpus: characters lost, and structure that looks wrong.

``python -m helpers check`` prints these reports; they are plain data, so a
notebook or a test can look at them too.

>>> from helpers import load_corpus
>>> check_article(load_corpus()["central-asia-2007"]).errors
[]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CorpusError, MissingFileError
from ..text import cleaning
from ..text.cleaning import HAN_RANGE, display_width, ends_sentence, han, normalise_spaces
from .catalog import WEB_FURNITURE_WORDS, row_metadata
from .loading import CATALOG_NAME, load_article, read_catalog, read_paragraph_corrections
from .records import Article
from .structure import detect_script, unaccounted
from .vocabulary import FrontKind, Script

# --- Thresholds of the warnings -------------------------------------------------------------

#: A paragraph longer than this (in characters) may be two that the layout ran together.
LONG_PARAGRAPH = 1200


#: A line at most this wide (half-width columns, a Chinese character counts 2) can be a heading.
HEADING_WIDTH = 60


#: Paragraphs with fewer Han characters than this are too short to tell their script.
SCRIPT_MIN_HAN = 20


#: How many examples a warning lists before it says "and N more".
EXAMPLES = 5


_SENTENCE_PUNCT = re.compile(r"[，。；！？,;!?]")


_NAME = re.compile(f"^[{HAN_RANGE}A-Za-z·・.\\- ]+$")


@dataclass
class Report:
    """What ``check`` says about one text: a description, warnings and errors.

    ``label`` names the text (catalog id and file); ``article`` is None when the
    file could not be loaded at all (then ``errors`` says why).
    """

    label: str
    article: Article | None = None
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings are allowed)."""
        return not self.errors


def check_article(article: Article, label: str = "") -> Report:
    """Check a loaded article: characters the cleaner lost are errors, oddities are warnings.

    >>> from helpers.corpus.structure import build_article
    >>> article = build_article("標題\\n\\n第一段。", "demo")
    >>> report = check_article(article)
    >>> report.errors, report.warnings
    ([], [])
    """
    default = f"{article.id} ({article.source_file})" if article.source_file else article.id
    report = Report(label or default, article)
    report.errors = [f"characters not accounted for: {problem}" for problem in unaccounted(article)]
    report.warnings = article_warnings(article)
    return report


def article_warnings(article: Article) -> list[str]:
    """Everything suspicious about an article's structure, one sentence each.

    Looks for very long paragraphs, lines that look like unrecognised headings,
    web-page furniture left in the text, an odd byline, note markers without a
    note, notes without a marker and paragraphs in the other script.

    >>> from helpers.corpus.structure import build_article
    >>> text = "標題\\n\\n第一段講日本。\\n\\n第二部分　日本與韓國\\n接著討論韓國的外交政策，以及美國在其中的角色。"
    >>> article_warnings(build_article(text, "demo"))
    ["demo:p002, line 5: '第二部分 日本與韓國' looks like a heading that was not recognised, or a running head; it starts the paragraph"]
    """
    return [
        *long_paragraphs(article),
        *heading_like_lines(article),
        *furniture_in_text(article),
        *odd_authors(article),
        *notes_without_text(article),
        *notes_without_marker(article),
        *other_script_paragraphs(article),
    ]


def long_paragraphs(article: Article, limit: int = LONG_PARAGRAPH) -> list[str]:
    """Warn about paragraphs longer than ``limit`` characters: they may be two.

    >>> from helpers.corpus.structure import build_article
    >>> long_paragraphs(build_article("標題\\n\\n" + "很長的段落。" * 300, "demo"))[0][:40]
    'demo:p001, line 3: 1,800 characters long'
    """
    return [
        f"{p.id}, line {p.line}: {len(p.text):,} characters long; it may be two paragraphs run together "
        f"(if the original starts one inside it, add a 'break' row to helpers/data/paragraph_breaks.csv)"
        for p in article.paragraphs
        if len(p.text) > limit
    ]


def heading_like_lines(article: Article) -> list[str]:
    """Warn about short lines without sentence punctuation inside paragraphs.

    Such a line is usually a heading in a style the cleaner does not know, or a
    running head or other page furniture that the extraction left in the text
    (then the same line comes back on every page). In wrapped text every line
    but a paragraph's last is as wide as the column, so a line counts only when
    it is much narrower than the paragraph's widest; the last line is not looked at.

    >>> from helpers.corpus.structure import build_article
    >>> heading_like_lines(build_article("標題\\n\\n第一段講日本。", "demo"))
    []
    """
    raw_lines = article.raw_lines
    counts: dict[str, int] = {}
    for line in raw_lines:
        counts[_plain(line)] = counts.get(_plain(line), 0) + 1
    found = []
    for paragraph in article.paragraphs:
        numbers = paragraph.lines if len(paragraph.lines) == 1 else paragraph.lines[:-1]
        widest = max(display_width(_plain(raw_lines[n - 1])) for n in paragraph.lines)
        for number in numbers:
            line = raw_lines[number - 1]
            text = _plain(line)
            if not _looks_like_heading(text) or (len(paragraph.lines) > 1 and display_width(text) > 0.7 * widest):
                continue
            if len(paragraph.lines) == 1:
                where = "it is the whole paragraph"
            else:
                where = "it starts the paragraph" if number == paragraph.line else "it is inside the paragraph"
            repeated = f", and the same line is on {counts[text]} lines" if counts[text] > 1 else ""
            found.append(
                f"{paragraph.id}, line {number}: {' '.join(line.split())!r} looks like a heading that was not "
                f"recognised, or a running head; {where}{repeated}"
            )
    return found


def furniture_in_text(article: Article) -> list[str]:
    """Warn about web-page furniture (share buttons, previous/next links, a breadcrumb) kept as text.

    The cleaner removes such lines; this catches what is glued to the text.

    >>> from helpers.corpus.structure import build_article
    >>> furniture_in_text(build_article("標題\\n\\n正文。\\n\\n日本外交。上一篇：日本外交", "demo"))
    ["demo:p002, line 5: web-page furniture kept as text: '日本外交。上一篇：日本外交'"]
    """
    found = []
    for paragraph in article.paragraphs:
        match = WEB_FURNITURE_WORDS.search(paragraph.text)
        if match:
            start = max(0, match.start() - 10)
            found.append(
                f"{paragraph.id}, line {paragraph.line}: web-page furniture kept as text: {paragraph.text[start : start + 30]!r}"
            )
    for front in article.front_matter:
        # An editor's line is the page's metadata, kept on purpose as such.
        if front.kind is not FrontKind.METADATA and WEB_FURNITURE_WORDS.search(front.text):
            found.append(
                f"line {front.line}: web-page furniture kept as front matter ({front.kind}): {front.text[:30]!r}"
            )
    return found


def odd_authors(article: Article) -> list[str]:
    """Warn when the authors found in a byline do not look like names.

    >>> from helpers.corpus.structure import build_article
    >>> odd_authors(build_article("標題\\n\\n首頁 > 國際\\n\\n日本外交的新方向，值得我們持續關注與討論。", "demo"))
    ["authors ('首頁', '>', '國際') do not all look like names; give them with --authors or in the catalog"]
    """
    if all(_NAME.match(name) for name in article.authors):
        return []
    return [f"authors {article.authors} do not all look like names; give them with --authors or in the catalog"]


def _looks_like_heading(text: str) -> bool:
    return (
        len(han(text)) >= 2
        and display_width(text) <= HEADING_WIDTH
        and not _SENTENCE_PUNCT.search(text)
        and not ends_sentence(text)
    )


def _plain(line: str) -> str:
    return normalise_spaces(cleaning.unescape_markdown(line))


def notes_without_text(article: Article) -> list[str]:
    """Warn about markers in the text whose note the file does not hold.

    >>> from helpers.corpus.structure import build_article
    >>> notes_without_text(build_article("標題\\n\\n日本外交①很重要。", "demo"))
    ['1 marker without a note (the extraction left the notes out, or the cleaner did not find them): ① in p001 (line 3)']
    """
    missing = [n for n in article.notes if not n.text]
    if not missing:
        return []
    places = [f"{n.marker} in {_short(n.para_id) or 'the title or byline'} (line {n.line})" for n in missing]
    plural = "s" if len(missing) > 1 else ""
    return [
        f"{len(missing)} marker{plural} without a note (the extraction left the notes out, or the cleaner "
        f"did not find them): {_examples(places)}"
    ]


def notes_without_marker(article: Article) -> list[str]:
    """Warn about notes whose marker appears nowhere: not in a paragraph, the title or the byline.

    >>> from helpers.corpus.structure import build_article
    >>> notes_without_marker(build_article("標題\\n\\n日本外交很重要。\\n\\n① 見外務省報告。", "demo"))
    ["note ① (line 5) has no marker in the text: '見外務省報告。'"]
    """
    raw_lines = article.raw_lines
    # A note on the title or on the byline is linked to no paragraph, but its marker is there.
    head_lines = [h.line for h in article.headings if h.level == 0] + [f.line for f in article.front_matter]
    head_text = "".join(cleaning.unescape_markdown(raw_lines[n - 1]) for n in head_lines)
    return [
        f"note {n.marker} (line {n.line}) has no marker in the text: {n.text[:30]!r}"
        for n in article.notes
        if n.text and not n.para_id and n.marker not in head_text
    ]


def other_script_paragraphs(article: Article) -> list[str]:
    """Warn about paragraphs written in the other script than the article's.

    Only paragraphs with at least :data:`SCRIPT_MIN_HAN` Han characters are
    judged, and only when converting them to the article's script changes them.

    >>> from helpers.corpus.structure import build_article
    >>> text = "日本外交\\n\\n" + "日本與韓國的關係在這幾年來有了很大的變化。\\n\\n" * 3 + "中日关系的缓和机遇及其不确定性值得我们关注。"
    >>> other_script_paragraphs(build_article(text, "demo"))
    ['demo:p004, line 9: reads as simplified, but the article is traditional (a quotation, or text pasted from another source?)']
    """
    from ..text.script import to_script

    found = []
    for paragraph in article.paragraphs:
        if len(han(paragraph.text)) < SCRIPT_MIN_HAN:
            continue
        script = detect_script(paragraph.text)
        if script != article.script and to_script(paragraph.text, article.script) != paragraph.text:
            found.append(
                f"{paragraph.id}, line {paragraph.line}: reads as {script}, but the article is {article.script} "
                "(a quotation, or text pasted from another source?)"
            )
    return found


def _short(para_id: str) -> str:
    return para_id.split(":", 1)[1] if ":" in para_id else para_id


def _examples(items: list[str]) -> str:
    shown = ", ".join(items[:EXAMPLES])
    return shown + (f", and {len(items) - EXAMPLES} more" if len(items) > EXAMPLES else "")


#: Wraps the texts being checked, to show progress (the command line passes tqdm); the default shows nothing.
Progress = Callable[[list], Iterable]


def _quiet(items: list) -> Iterable:
    return items


def check_folder(seeds_dir: Path, *, progress: Progress = _quiet) -> list[Report]:
    """Check a seeds folder: the catalog, then each file it lists, loaded as the notebooks load it.

    A bad catalog gives a single report with the error; a bad file gives its own
    report, so that one broken file does not hide the others.

    >>> from helpers.corpus.loading import SEEDS_DIR
    >>> all(report.ok for report in check_folder(SEEDS_DIR))
    True
    """
    catalog_path = seeds_dir / CATALOG_NAME
    try:
        catalog = read_catalog(catalog_path)
    except CorpusError as error:
        return [Report(str(catalog_path), errors=[str(error)])]
    corrections = read_paragraph_corrections()
    reports = []
    for row_number, row in progress(list(enumerate(catalog.to_dict("records"), start=2))):
        label = f"{row['id']} ({row['file']})"
        path = seeds_dir / row["file"]
        try:
            if not path.is_file():
                raise MissingFileError(
                    f"{catalog_path}, row {row_number}", f"the file {row['file']!r} does not exist in {seeds_dir}"
                )
            article = load_article(path, **row_metadata(row), corrections=corrections.get(row["file"], {}))
        except CorpusError as error:
            reports.append(Report(label, errors=[str(error)]))
            continue
        report = check_article(article, label)
        detected = detect_script(article.raw)
        if detected != row["script"] and detected is not Script.UNKNOWN:
            report.warnings.insert(0, f"the catalog says {row['script']}, but the text reads as {detected}")
        reports.append(report)
    listed = set(catalog["file"])
    for path in sorted(seeds_dir.iterdir()):
        if path.is_file() and path.name != CATALOG_NAME and path.name not in listed and not path.name.startswith("."):
            reports.append(
                Report(path.name, warnings=[f"{path} is not in {CATALOG_NAME}: the notebooks do not see it"])
            )
    return reports


def check_files(paths: Iterable[str | Path], *, progress: Progress = _quiet) -> list[Report]:
    """Check files (texts, PDFs, web pages, markdown, Word) not (yet) in a catalog, each loaded with :func:`helpers.load_article`.

    >>> from helpers.corpus.loading import SEEDS_DIR
    >>> check_files([SEEDS_DIR / "no-such-file.txt"])[0].errors[0].endswith("the file does not exist")
    True
    """
    reports = []
    for path in progress(list(paths)):
        try:
            article = load_article(path)
        except CorpusError as error:
            reports.append(Report(str(path), errors=[str(error)]))
            continue
        reports.append(check_article(article, str(path)))
    return reports
