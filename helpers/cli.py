"""The command line: look at the corpus, check a text, add an article, export tables.

Run it from the repository's folder as ``python -m helpers COMMAND`` (or, once the
package is installed, as ``jp-readings COMMAND``)::

    python -m helpers info                      # the corpus at a glance
    python -m helpers check                     # check the catalog and every seed file
    python -m helpers check ~/new_article.txt   # check a text before adding it
    python -m helpers add ~/new_article.pdf --year 2024 --yes
    python -m helpers notebook japan-asean-2019  # a starter reading notebook
    python -m helpers export --format csv --out export/

Every command takes ``--seeds DIR`` to work on another seeds folder than the
repository's ``seeds/``. A mistake in the input (a missing file, a binary file,
a bad catalog row) is reported on one line of standard error, naming the file,
with a non-zero exit status and no traceback.

The pieces the commands are made of can be used from Python too:

>>> from helpers import load_corpus
>>> corpus = load_corpus()
>>> row = info_frame(corpus).iloc[0]
>>> row.id, row.script, int(row.paragraphs)
('abe-beijing-2018', 'traditional', 15)
>>> check_article(corpus["central-asia-2007"]).errors
[]
"""

from __future__ import annotations

import argparse
import csv
import datetime
import hashlib
import importlib
import io
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from . import cleaning
from .cleaning import decode, display_width, ends_sentence, han, normalise_spaces
from .errors import CatalogError, CorpusError, DuplicateIdError, MissingFileError
from .corpus import formats
from .loading import (
    CATALOG_NAME,
    SEEDS_DIR,
    Corpus,
    article_from_bytes,
    load_article,
    load_corpus,
    read_catalog,
    read_paragraph_corrections,
)
from .records import Article
from .structure import as_markdown, build_article, detect_script, unaccounted

# --- Exit statuses ------------------------------------------------------------------------

#: Everything went well (warnings do not count as failures).
EXIT_OK = 0
#: The input has errors: a bad file or catalog row, or characters the cleaner lost.
EXIT_ERRORS = 1
#: The command cannot run as asked: a bad option, pyarrow missing, or ``add`` needs ``--yes``.
EXIT_USAGE = 2

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
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?=\s*年|[-/.]\d{1,2}[-/.]\d{1,2})")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
#: Words of a web page's furniture (share buttons, links to other pages, a breadcrumb), not of an article.
_WEB_FURNITURE = re.compile(
    r"分享到|上一篇|下一篇|返回首[頁页]|返回[頂顶]部|相[關关][閱阅][讀读]|延伸[閱阅][讀读]|責任編輯|责任编辑|首[頁页]\s*[>＞»]"
)
_NAME = re.compile(r"^[\u3400-\u9fffA-Za-z·・.\- ]+$")


class DuplicateTextError(CorpusError):
    """The text is already in the seeds folder (perhaps in another encoding or under another name)."""


class CommandError(Exception):
    """A mistake the command explains in one line; ``status`` is the exit status to use."""

    def __init__(self, message: str, status: int = EXIT_ERRORS) -> None:
        super().__init__(message)
        self.status = status


# --- info ----------------------------------------------------------------------------------


def info_frame(corpus: Corpus) -> pd.DataFrame:
    """One row per article: ``id, year, script, paragraphs, headings, notes, figures, themes, title``.

    ``headings`` leaves out the title; ``figures`` counts the article's rows in
    ``helpers/data/figures.csv``; ``themes`` counts the distinct themes that
    :func:`helpers.themes.tag_themes` finds in its paragraphs.

    >>> frame = info_frame(load_corpus())
    >>> frame.columns.tolist()
    ['id', 'year', 'script', 'paragraphs', 'headings', 'notes', 'figures', 'themes', 'title']
    >>> int(frame.set_index("id").loc["japan-us-2021", "headings"])
    17
    """
    # Imported here, as in export_tables: `check` and `add` need neither these
    # modules nor jieba, which they import, and start faster without them.
    from .figures import load_figures
    from .themes import NO_THEME, tag_themes

    figures = load_figures().groupby("article_id").size()
    tags = tag_themes(corpus)
    themes = tags[tags.theme != NO_THEME].groupby("article_id", observed=True)["theme"].nunique()
    rows = [
        {
            "id": article.id,
            "year": article.year if article.year is not None else "",
            "script": article.script,
            "paragraphs": len(article.paragraphs),
            "headings": sum(1 for h in article.headings if h.level > 0),
            "notes": len(article.notes),
            "figures": int(figures.get(article.id, 0)),
            "themes": int(themes.get(article.id, 0)),
            "title": article.title,
        }
        for article in corpus
    ]
    return pd.DataFrame(rows, columns=["id", "year", "script", "paragraphs", "headings", "notes", "figures", "themes", "title"])


def show_frame(frame: pd.DataFrame) -> str:
    """A DataFrame as plain text, with Chinese characters counted as two columns wide.

    >>> print(show_frame(pd.DataFrame({"id": ["a"], "title": ["日本"]})))
    id title
     a  日本
    """
    with pd.option_context("display.unicode.east_asian_width", True, "display.width", 250, "display.max_colwidth", 40):
        return frame.to_string(index=False)


# --- check ----------------------------------------------------------------------------------


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

    >>> heading_like_lines(build_article("標題\\n\\n第一段講日本。", "demo"))
    []
    """
    raw_lines = raw_lines_of(article)
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

    >>> furniture_in_text(build_article("標題\\n\\n正文。\\n\\n日本外交。上一篇：日本外交", "demo"))
    ["demo:p002, line 5: web-page furniture kept as text: '日本外交。上一篇：日本外交'"]
    """
    found = []
    for paragraph in article.paragraphs:
        match = _WEB_FURNITURE.search(paragraph.text)
        if match:
            start = max(0, match.start() - 10)
            found.append(f"{paragraph.id}, line {paragraph.line}: web-page furniture kept as text: {paragraph.text[start:start + 30]!r}")
    for front in article.front_matter:
        # An editor's line is the page's metadata, kept on purpose as such.
        if front.kind != "metadata" and _WEB_FURNITURE.search(front.text):
            found.append(f"line {front.line}: web-page furniture kept as front matter ({front.kind}): {front.text[:30]!r}")
    return found


def odd_authors(article: Article) -> list[str]:
    """Warn when the authors found in a byline do not look like names.

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


def raw_lines_of(article: Article) -> list[str]:
    """The raw file's lines, numbered as the records' ``line`` fields count them (from 1).

    >>> raw_lines_of(build_article("\\ufeff標題\\r\\n\\r\\n正文。", "demo"))
    ['標題', '', '正文。']
    """
    text = article.raw[1:] if article.raw.startswith("\ufeff") else article.raw
    return re.split(r"\r\n|\r|\n", text)


def notes_without_text(article: Article) -> list[str]:
    """Warn about markers in the text whose note the file does not hold.

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

    >>> notes_without_marker(build_article("標題\\n\\n日本外交很重要。\\n\\n① 見外務省報告。", "demo"))
    ["note ① (line 5) has no marker in the text: '見外務省報告。'"]
    """
    raw_lines = raw_lines_of(article)
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

    >>> text = "日本外交\\n\\n" + "日本與韓國的關係在這幾年來有了很大的變化。\\n\\n" * 3 + "中日关系的缓和机遇及其不确定性值得我们关注。"
    >>> other_script_paragraphs(build_article(text, "demo"))
    ['demo:p004, line 9: reads as simplified, but the article is traditional (a quotation, or text pasted from another source?)']
    """
    from .script import to_script

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


def check_folder(seeds_dir: Path, *, progress: bool = False) -> list[Report]:
    """Check a seeds folder: the catalog, then each file it lists, loaded as the notebooks load it.

    A bad catalog gives a single report with the error; a bad file gives its own
    report, so that one broken file does not hide the others.

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
    rows = list(enumerate(catalog.to_dict("records"), start=2))
    for row_number, row in tqdm(rows, desc="check", unit="text", disable=not progress, leave=False):
        label = f"{row['id']} ({row['file']})"
        path = seeds_dir / row["file"]
        try:
            if not path.is_file():
                raise MissingFileError(f"{catalog_path}, row {row_number}", f"the file {row['file']!r} does not exist in {seeds_dir}")
            article = load_article(path, **row_metadata(row), corrections=corrections.get(row["file"], {}))
        except CorpusError as error:
            reports.append(Report(label, errors=[str(error)]))
            continue
        report = check_article(article, label)
        detected = detect_script(article.raw)
        if detected != row["script"] and detected != "unknown":
            report.warnings.insert(0, f"the catalog says {row['script']}, but the text reads as {detected}")
        reports.append(report)
    listed = set(catalog["file"])
    for path in sorted(seeds_dir.iterdir()):
        if path.is_file() and path.name != CATALOG_NAME and path.name not in listed and not path.name.startswith("."):
            reports.append(Report(path.name, warnings=[f"{path} is not in {CATALOG_NAME}: the notebooks do not see it"]))
    return reports


def row_metadata(row: dict[str, str]) -> dict[str, object]:
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


def check_files(paths: Iterable[str | Path], *, progress: bool = False) -> list[Report]:
    """Check text files that are not (yet) in a catalog, each loaded with :func:`helpers.load_article`.

    >>> check_files([SEEDS_DIR / "no-such-file.txt"])[0].errors[0].endswith("the file does not exist")
    True
    """
    reports = []
    paths = list(paths)
    # Reading a long PDF takes seconds: show a bar when there is a terminal to show it on.
    for path in tqdm(paths, desc="check", unit="file", disable=not progress, leave=False):
        try:
            article = load_article(path)
        except CorpusError as error:
            reports.append(Report(str(path), errors=[str(error)]))
            continue
        reports.append(check_article(article, str(path)))
    return reports


def describe(article: Article) -> list[str]:
    """What the cleaner found in an article, as lines of text for ``check``.

    >>> print("\\n".join(describe(build_article("日本與韓國\\n\\n一、前言\\n\\n兩國關係。", "demo"))[:4]))
    title       日本與韓國
    authors     (none found)
    script      traditional
    headings    1
    """
    lines = [
        f"title       {article.title or '(none found)'}",
        f"authors     {'; '.join(article.authors) or '(none found)'}",
        f"script      {article.script}",
        f"headings    {sum(1 for h in article.headings if h.level > 0)}",
    ]
    lines += [f"  {'  ' * (h.level - 1)}{h.level} {h.text}   (line {h.line})" for h in article.headings if h.level > 0]
    longest = max((len(p.text) for p in article.paragraphs), default=0)
    lines.append(f"paragraphs  {len(article.paragraphs)} (the longest has {longest:,} characters)")
    empty = sum(1 for n in article.notes if not n.text)
    lines.append(f"notes       {len(article.notes)}" + (f" ({empty} without text)" if empty else ""))
    lines.append(f"captions    {len(article.captions)}")
    lines += [f"  {c.label} {c.text}   (line {c.line})" for c in article.captions]
    if article.tables:
        lines.append(f"tables      {len(article.tables)}")
    kinds = ", ".join(f.kind for f in article.front_matter)
    lines.append(f"front       {kinds or '(none)'}")
    if article.source_format != "text":
        lines.append(f"read as     {article.source_format} (the file itself, by {READERS[article.source_format]})")
    lines.append(f"removed     {len(article.removed)}")
    groups: dict[str, list] = {}
    for removed in article.removed:
        groups.setdefault(removed.reason, []).append(removed)
    for reason, items in groups.items():
        where = f"line {items[0].line}" if len(items) == 1 else f"{len(items)} lines, {line_ranges([r.line for r in items])}"
        lines.append(f"  {where}: {reason}; first {items[0].text[:30]!r}")
    return lines


#: The library that reads each format, as ``check`` names it.
READERS = {"pdf": "pdfplumber", "html": "trafilatura and lxml", "markdown": "markdown-it-py and PyYAML", "docx": "python-docx"}


def line_ranges(numbers: list[int]) -> str:
    """Line numbers as ranges of consecutive lines, in order.

    >>> line_ranges([2, 3, 4, 9, 11, 12])
    '2-4, 9, 11-12'
    """
    ranges: list[list[int]] = []
    for number in sorted(numbers):
        if ranges and number == ranges[-1][1] + 1:
            ranges[-1][1] = number
        else:
            ranges.append([number, number])
    return ", ".join(f"{a}-{b}" if b > a else str(a) for a, b in ranges)


def report_lines(report: Report, *, brief: bool = False) -> list[str]:
    """A report as lines of text; ``brief`` leaves out the description.

    >>> report_lines(Report("x.txt", errors=["x.txt: the file is empty"]))
    ['== x.txt', 'ERROR   x.txt: the file is empty']
    """
    lines = [f"== {report.label}"]
    if report.article is not None and not brief:
        lines += describe(report.article)
        lines.append("unaccounted " + ("none" if report.ok else f"{len(report.errors)} problem(s)"))
    lines += [f"ERROR   {error}" for error in report.errors]
    lines += [f"warning {warning}" for warning in report.warnings]
    return lines


# --- add: proposing a catalog row --------------------------------------------------------------


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
    if _WEB_FURNITURE.search(raw):
        return "web-page"
    return "text"


def _is_wrapped(raw: str) -> bool:
    # Lines cut at a column width are nearly all as wide as each other and mostly
    # stop in mid-sentence; lines that are whole paragraphs vary and end sentences.
    widths = [display_width(line.strip()) for line in raw.splitlines() if display_width(line.strip()) >= 16]
    if len(widths) < 8:
        return False
    common = max(set(widths), key=widths.count)
    near = sum(1 for w in widths if abs(w - common) <= 4)
    ending = sum(1 for line in raw.splitlines() if display_width(line.strip()) >= 16 and ends_sentence(line))
    return common <= 100 and near >= 0.4 * len(widths) and ending < 0.5 * len(widths)


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
        dated = front.kind == "dateline" or (front.kind == "byline" and _YEAR.search(front.text))
        found = re.search(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", front.text) if dated else None
        if found:
            return int(found.group(1)), f"date on the page ({front.text})"
    last = (today or datetime.date.today()).year
    # A note citing a later publication dates the text too.
    texts = [p.text for p in article.paragraphs] + [f.text for f in article.front_matter] + [n.text for n in article.notes]
    years = [int(y) for text in texts for y in _YEAR.findall(text) if int(y) <= last]
    if not years:
        return None, ""
    return max(years), "latest year mentioned in the text (proposed by `add`: check it)"


def text_fingerprint(raw: str) -> str:
    """A hash of a text that ignores its encoding, byte-order mark, line endings and trailing spaces.

    >>> text_fingerprint("標題\\r\\n正文 ") == text_fingerprint("\\ufeff標題\\n正文\\n")
    True
    """
    text = raw[1:] if raw.startswith("\ufeff") else raw
    lines = [line.rstrip() for line in re.split(r"\r\n|\r|\n", text)]
    return hashlib.sha256("\n".join(lines).strip().encode("utf-8")).hexdigest()


def propose_id(path: Path, year: int | None, taken: Iterable[str]) -> str:
    """An unused catalog id: the file's name as a slug, else ``article-<year>``.

    >>> propose_id(Path("Japan_ASEAN 2019.txt"), 2019, ["abe-beijing-2018"])
    'japan-asean-2019'
    >>> propose_id(Path("日本外交.txt"), 2024, ["article-2024"])
    'article-2024-2'
    """
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
    if not _SLUG.match(slug) or not re.search(r"[a-z]", slug):
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
    if file_format == "text":
        raw, encoding = decode(data, str(path))
        found = build_article(raw, "new")
    else:
        found = article_from_bytes(data, path.name, where=str(path), id="new")
        raw, encoding = found.raw, file_format
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
        raise CatalogError(str(path), f"{target} already exists, and a seed is never overwritten: choose another name with --name")
    if name in ids:
        raise DuplicateIdError(str(path), f"the catalog already lists a file named {name} (as {ids[name]})")
    if year is not None and not re.fullmatch(r"\d{4}", year.strip()):
        raise CatalogError(str(path), f"--year must be four digits, not {year!r}")
    if article_id is not None and article_id in ids.values():
        raise DuplicateIdError(str(path), f"the id {article_id!r} is already in {catalog_path}")
    if article_id is not None and not _SLUG.match(article_id):
        raise CatalogError(str(path), f"id {article_id!r} must be a lower-case slug such as 'japan-asean-2019'")
    if script is not None and script not in ("traditional", "simplified"):
        raise CatalogError(str(path), f"--script must be traditional or simplified, not {script!r}")
    script = script or found.script
    if script == "unknown":
        raise CatalogError(str(path), "the text has no character that only one script uses, so its script cannot be "
                                      "told: give --script traditional or --script simplified")

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
        "script": script,
        "source": source,
        "format": detect_format(raw) if file_format == "text" else file_format,
    }
    row = {column: values.get(column, "") for column in columns}
    if file_format == "text":
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
        authors=metadata["authors"],  # type: ignore[arg-type]
        year=metadata["year"],  # type: ignore[arg-type]
        script=str(metadata["script"]) or None,
        source_file=row.get("file", ""),
        metadata=metadata["metadata"],  # type: ignore[arg-type]
        encoding=encoding,
        corrections=corrections,
    )


def user_word_lines(article: Article) -> list[str]:
    """The user-dictionary entries proposed for a new article, as ``add`` prints them.

    >>> print("\\n".join(user_word_lines(build_article("標題\\n\\n丰田通商公司派员参加。", "demo"))))
    Names the word splitter cuts today; to keep one whole, copy its line into helpers/data/userdict.txt:
      丰田通商公司 nt     # an organisation or event named with 公司; 1x, now 丰田 / 通商 / 公司
    """
    from .new_words import propose_user_words

    proposals = propose_user_words(article)
    if proposals.empty:
        return ["No new names to add to the user dictionary were found."]
    lines = ["Names the word splitter cuts today; to keep one whole, copy its line into helpers/data/userdict.txt:"]
    for row in proposals.itertuples():
        entry = f"{row.word} {row.tag}"
        lines.append(f"  {entry:<12}  # {row.reason}; {row.count}x, now {row.splits_into}")
    return lines


def _refuse_duplicate_text(path: Path, raw: str, seeds_dir: Path, ids: dict[str, str], data: bytes = b"") -> None:
    fingerprint = text_fingerprint(raw)
    for other in sorted(seeds_dir.iterdir()):
        if not other.is_file() or other.name == CATALOG_NAME or other.resolve() == path.resolve():
            continue
        if data and other.stat().st_size == len(data) and other.read_bytes() == data:
            listed = f" ({ids[other.name]})" if other.name in ids else " (not in the catalog)"
            raise DuplicateTextError(str(path), f"the same file is already in the seeds folder as {other.name}{listed}")
        if formats.format_of(other) != "text":
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


# --- export ------------------------------------------------------------------------------

#: The tables ``export`` writes, in order. Each row keeps its article id, and its paragraph id where it has one.
TABLES = ("articles", "headings", "paragraphs", "notes", "tokens", "themes", "quantities", "figures", "timeline")
FORMATS = ("csv", "parquet", "jsonl", "txt")


def articles_frame(corpus: Corpus) -> pd.DataFrame:
    """One row per article: what the cleaner found, then the catalog's other columns.

    >>> row = articles_frame(load_corpus()).iloc[0]
    >>> row.article_id, row.authors, int(row.paragraphs), row.format
    ('abe-beijing-2018', '', 15, 'pdf-text')
    """
    rows = []
    for article in corpus:
        row = {
            "article_id": article.id,
            "title": article.title,
            "authors": ";".join(article.authors),
            "year": article.year,
            "script": article.script,
            "source_file": article.source_file,
            "encoding": article.encoding,
            "paragraphs": len(article.paragraphs),
            "headings": sum(1 for h in article.headings if h.level > 0),
            "notes": len(article.notes),
            "characters": sum(len(p.text) for p in article.paragraphs),
        }
        extra = {k: v for k, v in article.metadata.items() if k not in ("id", "file", *row)}
        rows.append(row | extra)
    frame = pd.DataFrame(rows)
    return frame.astype({"year": "Int64"})


def headings_frame(corpus: Corpus) -> pd.DataFrame:
    """One row per heading (the title is level 0): ``article_id, level, text, line``.

    >>> headings_frame(load_corpus()).iloc[1].to_dict() == {"article_id": "abe-beijing-2018", "level": 1, "text": "壹、前言", "line": 3}
    True
    """
    rows = [(a.id, h.level, h.text, h.line) for a in corpus for h in a.headings]
    return pd.DataFrame(rows, columns=["article_id", "level", "text", "line"])


def paragraphs_table(corpus: Corpus) -> pd.DataFrame:
    """One row per paragraph: ids, number, section, the raw lines it came from, its notes and text.

    >>> paragraphs_table(load_corpus()).columns.tolist()
    ['article_id', 'para_id', 'number', 'section', 'section_path', 'lines', 'note_ids', 'text']
    """
    rows = [
        (
            article.id,
            p.id,
            number,
            p.section[-1] if p.section else "",
            " > ".join(p.section),
            ";".join(str(n) for n in p.lines),
            ";".join(p.note_ids),
            p.text,
        )
        for article in corpus
        for number, p in enumerate(article.paragraphs, start=1)
    ]
    columns = ["article_id", "para_id", "number", "section", "section_path", "lines", "note_ids", "text"]
    return pd.DataFrame(rows, columns=columns)


def notes_frame(corpus: Corpus) -> pd.DataFrame:
    """One row per note: ``article_id, note_id, para_id, marker, locator, line, text``.

    >>> notes_frame(load_corpus()).query("article_id == 'abe-beijing-2018'").marker.tolist()
    ['1']
    """
    rows = [(a.id, n.id, n.para_id, n.marker, n.locator, n.line, n.text) for a in corpus for n in a.notes]
    return pd.DataFrame(rows, columns=["article_id", "note_id", "para_id", "marker", "locator", "line", "text"])


def export_tables(corpus: Corpus, tables: Iterable[str] = TABLES, *, progress: bool = False) -> Iterator[tuple[str, pd.DataFrame]]:
    """Build the export tables one by one, as ``(name, frame)``.

    Every table starts with ``article_id``, then ``para_id`` where rows belong
    to a paragraph. ``figures`` and ``timeline`` are the curated files,
    restricted to the corpus's articles. Tokens take most of the time, so ``progress`` shows a bar
    over the articles while they are cut.

    >>> dict(export_tables(load_corpus(), ["notes"]))["notes"].shape[1]
    7
    """
    from .figures import load_figures
    from .language import tokens_frame
    from .quantities import quantities_frame
    from .themes import tag_themes
    from .timeline import load_timeline

    ids = set(corpus.ids)

    def tokens() -> pd.DataFrame:
        bar = tqdm(list(corpus), desc="tokens", unit="article", disable=not progress, leave=False)
        parts = [tokens_frame([article]) for article in bar]
        return pd.concat(parts, ignore_index=True) if parts else tokens_frame([])

    def timeline() -> pd.DataFrame:
        frame = _only(load_timeline(), ids)
        return frame.assign(start=frame.start.dt.strftime("%Y-%m-%d"), end=frame.end.dt.strftime("%Y-%m-%d"))

    def themes() -> pd.DataFrame:
        frame = tag_themes(corpus)
        return frame.assign(theme=frame.theme.astype(str))

    builders: dict[str, Callable[[], pd.DataFrame]] = {
        "articles": lambda: articles_frame(corpus),
        "headings": lambda: headings_frame(corpus),
        "paragraphs": lambda: paragraphs_table(corpus),
        "notes": lambda: notes_frame(corpus),
        "tokens": tokens,
        "themes": themes,
        "quantities": lambda: quantities_frame(corpus),
        "figures": lambda: _only(load_figures(), ids),
        "timeline": timeline,
    }
    for name in tables:
        yield name, _ids_first(builders[name]())


def _ids_first(frame: pd.DataFrame) -> pd.DataFrame:
    # Every table starts with the ids a reader joins on, whatever order its module chose.
    first = [c for c in ("article_id", "para_id") if c in frame.columns]
    return frame[first + [c for c in frame.columns if c not in first]]


def _only(frame: pd.DataFrame, ids: set[str]) -> pd.DataFrame:
    return frame[frame["article_id"].isin(ids)].reset_index(drop=True)


def parquet_available() -> bool:
    """True when pyarrow, which pandas needs to write parquet files, can be imported."""
    try:
        importlib.import_module("pyarrow")
    except ImportError:
        return False
    return True


def write_table(frame: pd.DataFrame, folder: Path, name: str, fmt: str) -> Path:
    """Write one table as ``folder/name.<fmt>`` and return the path.

    CSV is UTF-8 with a byte-order mark, so that Excel shows the Chinese
    characters; pandas (``read_csv``) and R (``readr::read_csv``) read it as it is.
    """
    path = folder / f"{name}.{fmt}"
    if fmt == "csv":
        frame.to_csv(path, index=False, encoding="utf-8-sig")
    elif fmt == "jsonl":
        frame.to_json(path, orient="records", lines=True, force_ascii=False, date_format="iso")
    elif fmt == "parquet":
        frame.to_parquet(path, index=False)
    else:
        raise ValueError(f"unknown table format {fmt!r}; choose from csv, parquet, jsonl")
    return path


def write_texts(corpus: Corpus, folder: Path) -> list[Path]:
    """Write each article's cleaned text, as markdown, to ``folder/<id>.txt``.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     [p.name for p in write_texts(load_corpus(), Path(folder))][:2]
    ['abe-beijing-2018.txt', 'japan-us-2021.txt']
    """
    paths = []
    for article in corpus:
        path = folder / f"{article.id}.txt"
        path.write_text(as_markdown(article) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


# --- The commands ------------------------------------------------------------------------------


def run_info(args: argparse.Namespace) -> int:
    """``info``: print :func:`info_frame` for the corpus."""
    corpus = load_corpus(args.seeds)
    print(show_frame(info_frame(corpus)))
    return EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    """``check``: print a report per text; exit 1 if any has an error."""
    progress = not args.quiet and sys.stderr.isatty()
    reports = check_files(args.files, progress=progress) if args.files else check_folder(Path(args.seeds), progress=progress)
    for report in reports:
        if args.quiet and report.ok and not report.warnings:
            continue
        print("\n".join(report_lines(report, brief=args.quiet)))
        if not args.quiet:
            print()
    errors = sum(len(r.errors) for r in reports)
    warnings = sum(len(r.warnings) for r in reports)
    texts = sum(1 for r in reports if r.article is not None or r.errors)
    print(f"checked {texts} text(s): {errors} error(s), {warnings} warning(s)")
    for report in reports:
        for error in report.errors:
            print(f"error: {_one_line(error)}", file=sys.stderr)
    return EXIT_ERRORS if errors else EXIT_OK


def run_add(args: argparse.Namespace) -> int:
    """``add``: propose a row, check the text, and (when confirmed) copy it and append the row."""
    seeds_dir = Path(args.seeds)
    proposal = propose(
        args.file,
        seeds_dir,
        article_id=args.id,
        title=args.title,
        authors=args.authors,
        year=args.year,
        year_basis=args.year_basis,
        source=args.source or "",
        name=args.name,
        script=args.script,
    )
    print(f"Proposed row for {seeds_dir / CATALOG_NAME} (file {proposal.target}):")
    width = max(len(column) for column in proposal.row)
    for column, value in proposal.row.items():
        print(f"  {column:<{width}}  {value}")
    print()
    report = check_article(proposal.article, f"{proposal.row['id']} ({proposal.target.name})")
    print("\n".join(report_lines(report)))
    print()
    print("\n".join(user_word_lines(proposal.article)))
    print()
    if not report.ok:
        raise CommandError(
            f"{proposal.source}: not added: the cleaner lost characters of this text (see above); "
            "report it with the file attached"
        )
    if args.dry_run:
        print("Dry run: nothing was written.")
        return EXIT_OK
    if not args.yes:
        if not sys.stdin.isatty():
            raise CommandError(
                f"{proposal.source}: not added: there is no terminal to confirm on; run again with --yes "
                "(or --dry-run to only look)",
                EXIT_USAGE,
            )
        answer = input(f"Add {proposal.row['id']} to {seeds_dir}? [y/N] ").strip().lower()
        if answer not in ("y", "yes"):
            print("Not added: nothing was written.")
            return EXIT_OK
    add_to_seeds(proposal, seeds_dir)
    print(f"Added {proposal.row['id']}: {proposal.target} and a row at the end of {seeds_dir / CATALOG_NAME}.")
    print("Fill in the row's empty columns (title_en, source, perspective, genre…) in a spreadsheet, then run `make test`.")
    return EXIT_OK


def run_notebook(args: argparse.Namespace) -> int:
    """``notebook``: write (and run once) a starter reading notebook for one article."""
    from .starter import write_starter_notebook

    corpus = load_corpus(args.seeds)
    if args.id not in corpus:
        raise CommandError(f"no article {args.id!r} in {Path(args.seeds) / CATALOG_NAME} (known: {', '.join(corpus.ids)})")
    out = Path(args.out) if args.out else Path("notebooks") / f"{args.id}.ipynb"
    if out.exists() and not args.force:
        raise CommandError(f"{out} already exists: a notebook is never overwritten without --force", EXIT_USAGE)
    seeds = None if Path(args.seeds).resolve() == SEEDS_DIR.resolve() else str(Path(args.seeds).resolve())
    print(f"writing {out} and running it once, so that its outputs are stored…", file=sys.stderr)
    write_starter_notebook(args.id, out, seeds, execute=not args.no_run)
    print(f"wrote {out}: fill in the places marked 'Teacher:', then run it again with "
          f"`jupyter nbconvert --to notebook --execute --inplace {out}`")
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    """``export``: write the corpus's tables (or texts) into a folder."""
    if args.format == "parquet" and not parquet_available():
        raise CommandError(
            "parquet needs the pyarrow package, which is not installed: run `pip install pyarrow`, "
            "or choose --format csv or jsonl",
            EXIT_USAGE,
        )
    seeds_dir = Path(args.seeds).resolve()
    out = Path(args.out)
    if out.resolve() == seeds_dir or seeds_dir in out.resolve().parents:
        raise CommandError(f"{out}: will not write into the seeds folder; choose another --out", EXIT_USAGE)
    corpus = load_corpus(seeds_dir)
    out.mkdir(parents=True, exist_ok=True)
    progress = not args.quiet and sys.stderr.isatty()
    if args.format == "txt":
        written = [(path, len(article.paragraphs)) for path, article in zip(write_texts(corpus, out), corpus)]
        unit = "paragraphs"
    else:
        tables = _table_list(args.tables)
        steps = tqdm(export_tables(corpus, tables, progress=progress), total=len(tables), desc="export",
                     unit="table", disable=not progress)
        written = [(write_table(frame, out, name, args.format), len(frame)) for name, frame in steps]
        unit = "rows"
    if not args.quiet:
        for path, count in written:
            print(f"{path}  {count:,} {unit}  {_size(path.stat().st_size)}")
    print(f"exported {len(corpus)} article(s) to {out} as {args.format}")
    return EXIT_OK


def _table_list(spec: str | None) -> list[str]:
    if not spec:
        return list(TABLES)
    names = [name.strip() for name in spec.split(",") if name.strip()]
    unknown = [name for name in names if name not in TABLES]
    if unknown:
        raise CommandError(f"unknown table(s) {', '.join(unknown)}; choose from {', '.join(TABLES)}", EXIT_USAGE)
    return names


def _size(size: int) -> str:
    return f"{size / 2**20:.1f} MiB" if size >= 2**20 else f"{size / 2**10:.1f} KiB"


def _one_line(message: str) -> str:
    return " ".join(str(message).split())


# --- The parser ------------------------------------------------------------------------------

EXAMPLES_INFO = """examples:
  %(prog)s
  %(prog)s --seeds ~/my_seeds
"""
EXAMPLES_CHECK = """examples:
  %(prog)s                         check seeds/catalog.csv and every file it lists
  %(prog)s --quiet                 only the problems, for CI
  %(prog)s ~/Downloads/article.txt check a text before adding it

exit status: 0 when there are no errors (warnings are allowed), 1 when a file
or catalog row is bad or the cleaner lost characters of a text.
"""
EXAMPLES_ADD = """examples:
  %(prog)s ~/Downloads/article.txt --dry-run          show the proposed row and the check, write nothing
  %(prog)s ~/Downloads/article.txt --year 2024 --yes  add it without asking
  %(prog)s article.txt --id japan-asean-2019 --authors "王小明;李華" --source "《東南亞研究》2019年第3期"

Without --yes the command asks before writing; where there is no terminal to
ask on (a script, CI), it writes nothing and exits with status 2 unless --yes
is given. The file is copied byte for byte and never over an existing one.
"""
EXAMPLES_NOTEBOOK = """examples:
  %(prog)s japan-asean-2019                      writes notebooks/japan-asean-2019.ipynb
  %(prog)s japan-asean-2019 --out /tmp/try.ipynb --force
"""
EXAMPLES_EXPORT = """examples:
  %(prog)s                                  every table as CSV in ./export
  %(prog)s --format jsonl --out /tmp/corpus
  %(prog)s --format csv --tables paragraphs,notes
  %(prog)s --format txt --out texts         one cleaned text per article

tables: articles, headings, paragraphs, notes, tokens, themes, quantities,
figures, timeline. Every row keeps its article_id, and its para_id where it has
one. CSV files are UTF-8 with a byte-order mark (Excel reads the Chinese
correctly). Parquet needs pyarrow (`pip install pyarrow`).
"""


def build_parser(prog: str | None = None) -> argparse.ArgumentParser:
    """The argument parser, with one sub-command per task.

    >>> build_parser("jp").parse_args(["export", "--format", "jsonl"]).format
    'jsonl'
    """
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Look at the corpus, check and add articles, export the cleaned corpus.",
        epilog="Run '%(prog)s COMMAND --help' for a command's options and examples.",
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--seeds", default=str(SEEDS_DIR), metavar="DIR",
                        help="the seeds folder: catalog.csv and the texts (default: the repository's seeds/)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    formatter = argparse.RawDescriptionHelpFormatter

    info = commands.add_parser("info", parents=[common], help="the corpus at a glance, as a table",
                               description="The corpus at a glance: one row per article.",
                               epilog=EXAMPLES_INFO, formatter_class=formatter)
    info.set_defaults(run=run_info)

    check = commands.add_parser("check", parents=[common], help="check the catalog and the texts",
                                description="Check the catalog and the seed files (or the files given): what the "
                                            "cleaner found, characters it lost, and anything suspicious.",
                                epilog=EXAMPLES_CHECK, formatter_class=formatter)
    check.add_argument("files", nargs="*", metavar="FILE", help="files to check instead of the seeds folder (text, PDF, .html, .md or .docx)")
    check.add_argument("-q", "--quiet", action="store_true", help="print only the problems and the summary")
    check.set_defaults(run=run_check)

    add = commands.add_parser("add", parents=[common], help="add a new article to the seeds folder",
                              description="Copy a text into the seeds folder, propose its catalog row (title, "
                                          "authors and year from the text unless given), check it, and append the row.",
                              epilog=EXAMPLES_ADD, formatter_class=formatter)
    add.add_argument("file", metavar="FILE", help="the file to add: a text (UTF-8, GB18030, Big5 or UTF-16), "
                                                  "a PDF, a saved web page (.html), markdown (.md) or Word (.docx)")
    add.add_argument("--id", help="the catalog id, a lower-case slug (default: from the file name)")
    add.add_argument("--title", help="the title (default: the one found in the text)")
    add.add_argument("--authors", help="the authors, separated by ';' (default: the byline found in the text)")
    add.add_argument("--year", help="four digits (default: the dateline's year, else the latest year mentioned)")
    add.add_argument("--year-basis", help="how the year was decided (written to the year_basis column)")
    add.add_argument("--source", help="where the text was published")
    add.add_argument("--script", choices=("traditional", "simplified"),
                     help="the script (default: detected; needed when the text has no script-specific characters)")
    add.add_argument("--name", help="the file's name in the seeds folder (default: its current name)")
    add.add_argument("-y", "--yes", action="store_true", help="add without asking")
    add.add_argument("-n", "--dry-run", action="store_true", help="show the proposal and the check; write nothing")
    add.set_defaults(run=run_add)

    notebook = commands.add_parser("notebook", parents=[common], help="write a starter reading notebook for an article",
                                   description="Write a starter reading notebook for one article: its context, "
                                               "outline, passages in both scripts, key terms, figures, dates and "
                                               "themes, with places marked for the teacher. The notebook is run "
                                               "once, so that it is stored with its outputs.",
                                   epilog=EXAMPLES_NOTEBOOK, formatter_class=formatter)
    notebook.add_argument("id", help="the article's catalog id")
    notebook.add_argument("--out", metavar="FILE", help="where to write it (default: notebooks/<id>.ipynb)")
    notebook.add_argument("--force", action="store_true", help="overwrite an existing notebook")
    notebook.add_argument("--no-run", action="store_true", help="write it without running it (no outputs stored)")
    notebook.set_defaults(run=run_notebook)

    export = commands.add_parser("export", parents=[common], help="write the cleaned corpus as tables or texts",
                                 description="Write the cleaned corpus for use outside Python.",
                                 epilog=EXAMPLES_EXPORT, formatter_class=formatter)
    export.add_argument("--format", choices=FORMATS, default="csv", help="the file format (default: csv)")
    export.add_argument("--out", default="export", metavar="DIR", help="the folder to write to (default: ./export)")
    export.add_argument("--tables", metavar="NAMES", help="comma-separated tables to write (default: all)")
    export.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no list of files")
    export.set_defaults(run=run_export)
    return parser


def program_name() -> str:
    """How the user called us: ``python -m helpers`` or the console script's name."""
    name = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else ""
    return "python -m helpers" if name in ("", "__main__.py", "-c") else name


def main(argv: list[str] | None = None) -> int:
    """Run one command and return its exit status; user mistakes get one line on stderr.

    >>> main(["add", "no-such-file.txt"])  # the error goes to stderr
    1
    """
    parser = build_parser(program_name())
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, or a usage error argparse has already explained
        return int(stop.code or 0) if not isinstance(stop.code, str) else EXIT_USAGE
    try:
        return args.run(args)
    except (CorpusError, CommandError) as error:
        print(f"{parser.prog} {args.command}: error: {_one_line(str(error))}", file=sys.stderr)
        return getattr(error, "status", EXIT_ERRORS)
    except BrokenPipeError:  # the output was piped into `head`, which has read enough
        sys.stdout = open(os.devnull, "w")  # so that Python's final flush does not complain again
        return EXIT_ERRORS
    except OSError as error:  # permission denied, disk full: say which file
        where = f"{error.filename}: " if error.filename else ""
        print(f"{parser.prog} {args.command}: error: {where}{error.strerror or error}", file=sys.stderr)
        return EXIT_ERRORS
    except KeyboardInterrupt:
        print(f"{parser.prog} {args.command}: interrupted", file=sys.stderr)
        return 130
