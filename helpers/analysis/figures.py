"""The figures the articles cite, the two tables of the Japan–US article, and checks.

Three things live here:

* :func:`summit_table` and :func:`negotiation_table` turn the two tables that the
  Japan–US article writes out one cell per line into DataFrames.
* :func:`load_figures` reads ``helpers/data/figures.csv``: every figure the
  articles cite on trade, finance, defence, summits, aid, energy and politics,
  one row each, curated by reading the texts (the file's header explains the
  columns). :func:`figures_for` selects from it.
* :func:`check_figures` asks whether the articles' own numbers add up: parts
  against a stated whole, a stated multiple against the two amounts, a stated
  duration against the dates the article prints, a direction of change, a band.
  The checks are data, ``helpers/data/figure_checks.toml`` (its header explains
  the format), read by :func:`load_figure_checks` and run by one function per
  kind of check (:data:`KINDS`).

Dates are read by :mod:`helpers.text.dates` (``parse_printed_date``,
``elapsed`` and ``DateSpan`` stay importable from here).

>>> summits = summit_table()
>>> summits[["date", "minutes"]].head(2).values.tolist()
[['4月26~27日', 105], ['5月25~28日', 155]]
>>> figures_for("abe-beijing-2018", "finance").raw.tolist()[:3]
['3300億日圓', '3年', '達十倍']
>>> checks = check_figures()
>>> row = checks[checks.check == "F-35 fleet: parts against the stated total"].iloc[0]
>>> float(row.stated), float(row.computed), bool(row.consistent)
(140.0, 142.0, False)
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, NoReturn

import pandas as pd

from ..corpus.loading import ArticleRef, Corpus, article_id_of, default_corpus
from ..corpus.records import Article, TableBlock
from ..corpus.vocabulary import article_of
from ..errors import CorpusError
from ..text.datafiles import DATA_DIR, DataFileError, parse_toml, read_csv, read_text
from ..text.dates import DateSpan, elapsed, parse_printed_date
from ..text.fulltable import FullTable, full_table
from ..text.quantities import extract_quantities
from ..text.script import to_simplified

#: The curated figures, and the quantities deliberately left out of them.
FIGURES_PATH = DATA_DIR / "figures.csv"
EXCLUDED_PATH = DATA_DIR / "figures_excluded.csv"

#: The categories of figures.csv, with what each covers (also in the file's header).
CATEGORIES = {
    "trade": "trade in goods, trade talks and agreements, their estimated effects",
    "finance": "currency swaps, investment quotas, funds",
    "investment": "firms abroad, business deals and the agreements that carry them",
    "defence": "defence budgets, weapons, exercises, defence talks and hotlines",
    "summit": "summit meetings: their number, length, and gaps between them",
    "aid": "official aid, loans and grants, training offered as aid",
    "energy": "stakes, loans and output in oil, gas and uranium projects",
    "politics": "relation scores, approval ratings, seats, political dialogues",
    "other": "anything else that carries an argument (GDP shares, counts of agreements)",
}

FIGURE_COLUMNS = [
    "figure_id",
    "article_id",
    "para_id",
    "quote",
    "raw",
    "value",
    "value_high",
    "unit",
    "year",
    "category",
    "country",
    "series",
    "description",
]
EXCLUDED_COLUMNS = ["article_id", "para_id", "raw", "reason"]
CHECK_COLUMNS = ["article_id", "para_id", "check", "kind", "stated", "computed", "consistent", "explanation"]

#: The article with the two tables, and the header cells each table must have.
TABLE_ARTICLE = "japan-us-2021"
SUMMIT_HEADER = ("時間", "參與者及場合", "會談總時長", "主要議題")
NEGOTIATION_HEADER = ("時間", "事件")

#: Anything that can be indexed by article id: a Corpus, or a dict of Articles.
CorpusLike = Corpus | Mapping[str, Article]

# Hedges that make a stated number a bound or an approximation (see _agrees).
MORE_THAN = {"多", "餘", "余", "逾", "超過", "超过", "以上"}
NEARLY = {"近", "將近", "将近", "接近", "不到", "不足"}
ABOUT = {"約", "约", "大約", "大约", "約合", "约合", "左右"}


class FigureDataError(DataFileError):
    """figures.csv or figures_excluded.csv is malformed; the message names the file and line."""


class TableShapeError(CorpusError):
    """A table's cells are not the shape its parser expects; the message names the table."""


# --- The two tables --------------------------------------------------------------------------


def find_table(article: Article, label: str) -> TableBlock:
    """Return the table of ``article`` whose caption starts with ``label`` (``表1``).

    >>> from helpers import load_corpus
    >>> find_table(load_corpus()["japan-us-2021"], "表2").id
    'japan-us-2021:t2'
    """
    for table in article.tables:
        if table.caption.startswith(label):
            return table
    captions = [table.caption for table in article.tables] or ["none"]
    raise TableShapeError(article.id, f"no table is captioned {label!r} (captions: {'; '.join(captions)})")


def table_rows(table: TableBlock, header: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Split a table's cells into body rows, after checking its header cells.

    >>> table = TableBlock("x:t1", "表9 例", ("時間", "事件", "1月", "甲", "2月", "乙"), "", 1)
    >>> table_rows(table, ("時間", "事件"))
    [('1月', '甲'), ('2月', '乙')]
    """
    where = f"{table.id} ({table.caption})"
    width = len(header)
    if tuple(table.cells[:width]) != header:
        raise TableShapeError(where, f"expected the header cells {list(header)}, found {list(table.cells[:width])}")
    body = table.cells[width:]
    if not body or len(body) % width:
        raise TableShapeError(
            where,
            f"{len(body)} body cells is not a positive multiple of the {width} header cells "
            "(a cell was lost or split in the extraction)",
        )
    return [tuple(body[i : i + width]) for i in range(0, len(body), width)]


def table_row_texts(table: TableBlock, width: int) -> list[str]:
    """The cells of each body row joined with one space (how figures.csv quotes a table row).

    >>> table_row_texts(TableBlock("x:t1", "表9", ("時間", "事件", "1月", "甲"), "", 1), 2)
    ['1月 甲']
    """
    body = table.cells[width:]
    return [" ".join(body[i : i + width]) for i in range(0, len(body), width)]


def summit_table(corpus: CorpusLike | None = None) -> FullTable:
    """表1 of the Japan–US article: the 2019 Japan–US summits, one row per meeting.

    Columns: ``date`` (as printed), ``start``, ``end`` (Timestamps; the year comes
    from the caption), ``participants_occasion``, ``minutes`` (int, read with
    :func:`helpers.quantities.extract_quantities`), ``topics`` (a list),
    ``table_id`` and ``row`` (1-based).

    >>> summits = summit_table()
    >>> len(summits), int(summits.minutes.sum()), str(summits.start[0].date())
    (5, 415, '2019-04-26')
    >>> summits.topics[3]
    ['日美關係', '日美貿易談判', '朝鮮問題']
    """
    table = find_table(_article(corpus), "表1")
    where = f"{table.id} ({table.caption})"
    year = re.search(r"(\d{4})年", table.caption)
    if not year:
        raise TableShapeError(where, "the caption gives no year for the dates in the table")
    records = []
    for number, (date, occasion, length, topics) in enumerate(table_rows(table, SUMMIT_HEADER), start=1):
        span = _table_date(date, int(year.group(1)), where, number)
        minutes = extract_quantities(length)
        minutes = minutes[minutes.unit == "minute"]
        if len(minutes) != 1:
            raise TableShapeError(where, f"row {number}: expected one length in minutes in {length!r}")
        records.append(
            {
                "date": date,
                "start": span.first,
                "end": span.last,
                "participants_occasion": occasion,
                "minutes": int(minutes.value.iloc[0]),
                "topics": [t for t in topics.rstrip("。").split("、") if t],
                "table_id": table.id,
                "row": number,
            }
        )
    return full_table(pd.DataFrame(records))


def negotiation_table(corpus: CorpusLike | None = None) -> FullTable:
    """表2 of the Japan–US article: the chronology of the TAG trade talks.

    Columns: ``date`` (as printed), ``start`` (Timestamp), ``event``,
    ``table_id`` and ``row`` (1-based).

    >>> talks = negotiation_table()
    >>> len(talks), str(talks.start.iloc[0].date()), str(talks.start.iloc[-1].date())
    (8, '2018-08-09', '2020-01-01')
    """
    table = find_table(_article(corpus), "表2")
    where = f"{table.id} ({table.caption})"
    records = [
        {
            "date": date,
            "start": _table_date(date, None, where, number).first,
            "event": event,
            "table_id": table.id,
            "row": number,
        }
        for number, (date, event) in enumerate(table_rows(table, NEGOTIATION_HEADER), start=1)
    ]
    return full_table(pd.DataFrame(records))


def _article(corpus: CorpusLike | None) -> Article:
    return (default_corpus() if corpus is None else corpus)[TABLE_ARTICLE]


def _table_date(printed: str, year: int | None, where: str, row: int) -> DateSpan:
    try:
        return parse_printed_date(printed, year)
    except ValueError as error:
        raise TableShapeError(where, f"row {row}: {error}") from None


# --- figures.csv ---------------------------------------------------------------------------------


def load_figures(path: str | Path | None = None) -> pd.DataFrame:
    """Read figures.csv (default: the curated file) and check every row.

    A malformed row (unknown category, a value that is not a number, an empty
    quote…) raises :class:`FigureDataError` naming the file and the line.

    >>> figures = load_figures()
    >>> figures.columns.tolist() == FIGURE_COLUMNS
    True
    >>> row = figures[figures.raw == "3.4兆日圓"].iloc[0]
    >>> float(row.value), row.unit, int(row.year)
    (3400000000000.0, 'JPY', 2018)
    """
    path = Path(path) if path is not None else FIGURES_PATH
    rows: list[dict[str, object]] = []
    first_line: dict[str, int] = {}
    for row in read_csv(path, required=FIGURE_COLUMNS, error=FigureDataError):
        line = row.line
        where = f"{path}, line {line}"
        rows.append(_check_figure(dict(row), where))
        if row["figure_id"] in first_line:
            raise FigureDataError(
                where, f"figure_id {row['figure_id']!r} is already used on line {first_line[row['figure_id']]}"
            )
        first_line[row["figure_id"]] = line
    frame = pd.DataFrame(rows, columns=FIGURE_COLUMNS)
    return frame.astype({"value": float, "value_high": float, "year": int})


def load_excluded(path: str | Path | None = None) -> pd.DataFrame:
    """Read figures_excluded.csv: quantities deliberately left out, each with a reason.

    >>> load_excluded().columns.tolist()
    ['article_id', 'para_id', 'raw', 'reason']
    """
    path = Path(path) if path is not None else EXCLUDED_PATH
    rows = []
    for row in read_csv(path, required=EXCLUDED_COLUMNS, error=FigureDataError):
        line = row.line
        for column in EXCLUDED_COLUMNS:
            if not row[column]:
                raise FigureDataError(f"{path}, line {line}", f"the {column!r} column is empty")
        rows.append(dict(row))
    return pd.DataFrame(rows, columns=EXCLUDED_COLUMNS)


def figures_for(
    article: ArticleRef | None = None, category: str | None = None, path: str | Path | None = None
) -> FullTable:
    """The figures of one article (an Article or its id) and/or one category (None: all).

    >>> aid = figures_for("central-asia-2007", "aid")
    >>> aid.groupby("country").size().to_dict()["Kazakhstan"]
    4
    >>> figures_for(category="weather")
    Traceback (most recent call last):
    ...
    ValueError: unknown category 'weather'; choose from trade, finance, investment, defence, summit, aid, energy, politics, other
    """
    if category is not None and category not in CATEGORIES:
        raise ValueError(f"unknown category {category!r}; choose from {', '.join(CATEGORIES)}")
    figures = load_figures(path)
    keep = pd.Series(True, index=figures.index)
    if article is not None:
        article_id = article_id_of(article)
        if article_id not in set(figures.article_id):
            raise ValueError(f"no figures for article {article_id!r}; ids: {', '.join(figures.article_id.unique())}")
        keep &= figures.article_id == article_id
    if category is not None:
        keep &= figures.category == category
    return full_table(figures[keep].reset_index(drop=True))


def _check_figure(row: dict[str, str], where: str) -> dict[str, object]:
    for column in (
        "figure_id",
        "article_id",
        "para_id",
        "quote",
        "raw",
        "value",
        "unit",
        "year",
        "category",
        "description",
    ):
        if not row[column]:
            raise FigureDataError(where, f"the {column!r} column is empty")
    for column in ("para_id", "figure_id"):
        if not row[column].startswith(row["article_id"] + ":"):
            raise FigureDataError(where, f"{column} {row[column]!r} is not in article {row['article_id']!r}")
    if not re.fullmatch(r"f\d{2,}", row["figure_id"].split(":", 1)[1]):
        raise FigureDataError(where, f"figure_id {row['figure_id']!r} should look like {row['article_id']}:f01")
    if row["series"] and not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", row["series"]):
        raise FigureDataError(where, f"series {row['series']!r} should be a lower-case slug such as swap-ceiling")
    if row["category"] not in CATEGORIES:
        raise FigureDataError(where, f"unknown category {row['category']!r}; choose from {', '.join(CATEGORIES)}")
    if row["raw"] not in row["quote"]:
        raise FigureDataError(where, f"raw {row['raw']!r} does not occur in the quote {row['quote']!r}")
    checked: dict[str, object] = dict(row)
    for column in ("value", "value_high"):
        if column == "value_high" and not row[column]:
            checked[column] = math.nan
            continue
        try:
            checked[column] = float(row[column])
        except ValueError:
            raise FigureDataError(where, f"{column} {row[column]!r} is not a number") from None
    if not re.fullmatch(r"\d{4}", row["year"]):
        raise FigureDataError(where, f"year {row['year']!r} is not a four-digit year")
    return checked


# --- Checks ---------------------------------------------------------------------------------------
#
# The checks are data (helpers/data/figure_checks.toml, whose header explains the format): each entry
# is read into a FigureCheck and run by the function of its kind (KINDS). Three checks read the parsed
# tables of japan-us-2021 rather than figures and dates printed in a paragraph; their shape fits no
# kind, so they are written in Python (CODED_CHECKS) and the data file only places and names them.


class FigureCheckError(DataFileError):
    """An entry of figure_checks.toml is malformed or does not match the texts or figures.csv.

    The message names the file, the entry's line and id, and what is wrong.
    """


@dataclass(frozen=True)
class Ref:
    """A figure of figures.csv: by its paragraph and the phrase as printed (``raw``), or by ``figure_id``."""

    para_id: str = ""
    raw: str = ""
    figure_id: str = ""

    def __str__(self) -> str:
        return self.figure_id or f"{self.raw!r} in {self.para_id}"


@dataclass(frozen=True)
class DateRef:
    """A date exactly as printed in a paragraph or table; ``year_from``: an earlier printed
    date in the same place that supplies the year (``同年10月25至27日``)."""

    para_id: str
    printed: str
    year_from: str = ""


@dataclass(frozen=True)
class FigureCheck:
    """One validated entry of figure_checks.toml.

    ``figures`` holds the entry's figure fields (``stated``, ``whole``…; ``parts``
    as several), ``dates`` its date fields; ``where`` locates the entry for errors.
    """

    id: str
    kind: str
    name: str
    article: str
    para_id: str
    where: str
    what: str = ""
    figures: Mapping[str, tuple[Ref, ...]] = field(default_factory=dict)
    dates: Mapping[str, DateRef] = field(default_factory=dict)
    word: str = ""
    direction: int = 1
    edge: bool = False
    tolerance: float = 0.0
    names: tuple[str, ...] = ()
    function: str = ""

    def ref(self, name: str) -> Ref:
        """The one figure of field ``name``."""
        return self.figures[name][0]


@dataclass
class Sources:
    """What the checks read: the corpus and the figures (the two tables of japan-us-2021 on demand)."""

    corpus: CorpusLike
    figures: pd.DataFrame

    @cached_property
    def summits(self) -> pd.DataFrame:
        return summit_table(self.corpus)

    @cached_property
    def negotiations(self) -> pd.DataFrame:
        return negotiation_table(self.corpus)

    def figure(self, ref: Ref) -> pd.Series:
        """The one row of figures.csv that ``ref`` names (a phrase must be printed in its paragraph)."""
        if ref.figure_id:
            rows = self.figures[self.figures.figure_id == ref.figure_id]
            if rows.empty:
                raise KeyError(f"no figure {ref.figure_id!r} in figures.csv")
            return rows.iloc[0]
        if ref.raw not in self.text(ref.para_id):
            raise KeyError(f"{ref.raw!r} is not printed in {ref.para_id}")
        rows = self.figures[(self.figures.para_id == ref.para_id) & (self.figures.raw == ref.raw)]
        if len(rows) != 1:
            raise KeyError(f"{len(rows)} rows of figures.csv have raw {ref.raw!r} in {ref.para_id} (expected one)")
        return rows.iloc[0]

    def text(self, para_id: str) -> str:
        """A paragraph's text, or a table's rows (cells joined with spaces), one per line."""
        article_id = article_of(para_id)
        if article_id not in self.corpus:
            raise KeyError(f"no article {article_id!r} in the corpus")
        article = self.corpus[article_id]
        for table in article.tables:
            if table.id == para_id:
                width = len(SUMMIT_HEADER if table.caption.startswith("表1") else NEGOTIATION_HEADER)
                return "\n".join(table_row_texts(table, width))
        try:
            return article.paragraph(para_id).text
        except KeyError:
            raise KeyError(f"{article_id} has no paragraph or table {para_id!r}") from None

    def date(self, ref: DateRef) -> DateSpan:
        """The printed date ``ref`` names, after checking it is printed where it says."""
        text = self.text(ref.para_id)
        for printed in (ref.printed, ref.year_from):
            if printed and printed not in text:
                raise KeyError(f"{printed!r} is not printed in {ref.para_id}")
        year = parse_printed_date(ref.year_from).first.year if ref.year_from else None
        return parse_printed_date(ref.printed, year)


def _qualifier(raw: str) -> str:
    """The hedge printed with a figure (約, 多, 近…), as the extractor reads it."""
    found = extract_quantities(raw)
    return found.qualifier.iloc[0] if len(found) else ""


def _row(
    para_id: str, check: str, stated: float, computed: float, consistent: bool, explanation: str
) -> dict[str, object]:
    """One row of :func:`check_figures`, placed at ``para_id``."""
    return {
        "article_id": article_of(para_id),
        "para_id": para_id,
        "check": check,
        "stated": float(stated),
        "computed": float(computed),
        "consistent": bool(consistent),
        "explanation": explanation,
    }


def _sentence(text: str) -> str:
    """Upper-case the first letter (the checks' ``what`` is written to go mid-sentence)."""
    return text[:1].upper() + text[1:]


def _years_months(years: float) -> str:
    """3.9 -> '3 years 11 months'."""
    months = round(years * 12)
    whole, rest = divmod(months, 12)
    text = f"{whole} year{'s' if whole != 1 else ''}"
    return text + (f" {rest} month{'s' if rest != 1 else ''}" if rest else "")


def agrees(stated: float, qualifier: str, computed: float, *, whole_units: bool, tolerance: float = 0.0) -> bool:
    """Does ``computed`` fit a number printed as ``stated`` with this hedge?

    ``whole_units`` (durations): a plain "N年" means N full years and less than
    N+1. 多/餘/逾 mean more than N but less than the next round number; 近 means
    a little less than N; 約/左右 mean within 5% (or half a step for durations).

    >>> agrees(12, "", 11.4, whole_units=True), agrees(50, "餘", 51, whole_units=True)
    (False, True)
    >>> agrees(100, "近", 96, whole_units=False), agrees(100, "約", 106, whole_units=False)
    (True, False)
    """
    step = 10 ** math.floor(math.log10(abs(stated))) if abs(stated) >= 10 else 1
    if qualifier in MORE_THAN:
        return stated < computed < stated + step
    if qualifier in NEARLY:
        return stated - step <= computed <= stated
    if qualifier in ABOUT:
        margin = step / 2 if whole_units else max(tolerance, 0.05) * abs(stated)
        return abs(computed - stated) <= margin
    if whole_units:
        return stated <= computed < stated + 1
    return abs(computed - stated) <= tolerance * abs(stated) + 1e-9


def _printed(ref: DateRef) -> str:
    """A printed date with the year it borrows: 10月25至27日 -> 2018年10月25至27日."""
    if ref.year_from and not re.match(r"\d{4}", ref.printed):
        return f"{parse_printed_date(ref.year_from).first.year}年{ref.printed}"
    return ref.printed


# --- One function per kind of check ------------------------------------------------------------


def elapsed_check(check: FigureCheck, sources: Sources) -> dict[str, object]:
    """A stated duration against the dates the article prints.

    With ``until``, the time from the end of ``since`` to the start of ``until``
    (a gap: 時隔, 中斷); without it, the length of the period ``since`` itself.
    """
    figure = sources.figure(check.ref("stated"))
    since_ref, until_ref = check.dates["since"], check.dates.get("until")
    since = sources.date(since_ref)
    if until_ref is None:
        start, end = since.first, since.last + pd.Timedelta(days=1)
        span = f"the period {_printed(since_ref)}"
    else:
        start, end = since.last, sources.date(until_ref).first
        span = f"from {_printed(since_ref)} to {_printed(until_ref)}"
    computed = elapsed(start, end, figure.unit)
    fits = agrees(figure.value, _qualifier(figure.raw), computed, whole_units=True)
    amount = f"{computed:.0f} days" if figure.unit == "day" else f"{computed:.2f} {figure.unit}s"
    if figure.unit == "year":
        amount += f" ({_years_months(computed)} to the nearest month)"  # say the bracket is rounded
    if fits:
        explanation = f"{_sentence(span)} is {amount}, which fits {figure.raw} ({check.what})."
    else:
        calendar = end.year - start.year
        if figure.unit == "year" and calendar == figure.value:
            # Not an error: counting calendar years is a common convention (the notebooks discuss it).
            explanation = (
                f"The text says {figure.raw} ({check.what}): {span} is {amount} by the dates, and "
                f"{calendar} by counting calendar years ({end.year} − {start.year}), which gives the stated figure."
            )
        else:
            only = "only " if computed < figure.value else ""
            explanation = f"The text says {figure.raw} ({check.what}), but {span} is {only}{amount}."
    return _row(figure.para_id, check.name, figure.value, computed, fits, explanation)


def sum_check(check: FigureCheck, sources: Sources) -> dict[str, object]:
    """Parts printed separately against the total the text states."""
    figure = sources.figure(check.ref("stated"))
    parts = [sources.figure(part) for part in check.figures["parts"]]
    computed = sum(part.value for part in parts)
    fits = agrees(figure.value, _qualifier(figure.raw), computed, whole_units=False, tolerance=check.tolerance)
    addition = " + ".join(part.raw for part in parts) + f" = {computed:g}"
    if fits:
        explanation = f"{_sentence(check.what)}: {addition}, which matches the stated {figure.raw}."
    else:
        explanation = (
            f"{_sentence(check.what)}: {addition}, not the {figure.raw} the text states "
            f"(off by {computed - figure.value:+g})."
        )
        bounded = [part for part in parts if _qualifier(part.raw) in ("最多", "至少")]
        if bounded:
            explanation += (
                f" {bounded[0].raw} is a bound, so {figure.raw} is possible, but only if "
                f"{figure.value - (computed - bounded[0].value):g} rather than "
                f"{bounded[0].value:g} are added, which the text does not say."
            )
    return _row(figure.para_id, check.name, figure.value, computed, fits, explanation)


def ratio_check(check: FigureCheck, sources: Sources) -> dict[str, object]:
    """A stated multiple (十倍) against the two amounts it relates."""
    figure = sources.figure(check.ref("stated"))
    top, bottom = sources.figure(check.ref("numerator")), sources.figure(check.ref("denominator"))
    if top.unit != bottom.unit:
        raise ValueError(f"cannot divide {top.unit} by {bottom.unit}")
    computed = top.value / bottom.value
    fits = agrees(figure.value, "", computed, whole_units=False, tolerance=check.tolerance)
    verdict = "within" if fits else "more than"
    explanation = (
        f"{_sentence(check.what)}: {top.raw} ÷ {bottom.raw} = {computed:.2f}, {verdict} "
        f"{check.tolerance:.0%} of the stated {figure.raw}."
    )
    return _row(figure.para_id, check.name, figure.value, computed, fits, explanation)


def part_check(check: FigureCheck, sources: Sources) -> dict[str, object]:
    """A part ("其中…") that cannot exceed the whole printed with it."""
    part, whole = sources.figure(check.ref("part")), sources.figure(check.ref("whole"))
    fits = part.value <= whole.value
    share = part.value / whole.value
    if part.unit == "percent" and whole.unit == "percent":  # shares of one whole: say so in points
        of_it = f"{part.value:g} of the {whole.value:g} points, {share:.0%} of the larger share"
    else:
        of_it = f"{share:.0%} of it"
    explanation = (
        f"{_sentence(check.what)}: {part.raw} is part of {whole.raw} ({of_it})."
        if fits
        else f"{_sentence(check.what)}: {part.raw} is given as part of {whole.raw}, but is larger ({of_it})."
    )
    return _row(whole.para_id, check.name, whole.value, part.value, fits, explanation)


def trend_check(check: FigureCheck, sources: Sources) -> dict[str, object]:
    """A word of change (上升, 提高, 升至) against the two figures it joins.

    ``stated`` is the direction the word claims (+1 up, −1 down) and ``computed``
    the direction of the figures (the sign of later − earlier).
    """
    before, after = sources.figure(check.ref("earlier")), sources.figure(check.ref("later"))
    if check.word not in sources.text(after.para_id):
        raise KeyError(f"the word {check.word!r} is not printed in {after.para_id}")
    change = float(after.value - before.value)
    computed = math.copysign(1.0, change) if change else 0.0
    positive = before.value > 0 and after.value > 0
    growth = f", {change / before.value:+.0%}" if positive else ""
    years = int(after.year) - int(before.year)
    yearly = ""
    if years > 0 and positive and after.unit in ("JPY", "USD", "CNY", "KRW", "EUR"):
        yearly = f", {(after.value / before.value) ** (1 / years) - 1:+.1%} a year over {years} years"
    amount = f"{change:+,.0f}" if abs(change) >= 1000 else f"{change:+g}"
    unit = after.unit
    if unit == "percent":  # a change of shares is in points; the relative change is of the earlier share
        unit, growth = (
            "percentage points",
            (f" ({change / before.value:+.0%} of the earlier share)" if positive else ""),
        )
    explanation = (
        f"{_sentence(check.what)}: the text says {check.word} from {before.raw} to {after.raw}; "
        f"the change is {amount} {unit}{growth}{yearly}."
    )
    return _row(after.para_id, check.name, check.direction, computed, computed == check.direction, explanation)


def band_check(check: FigureCheck, sources: Sources) -> dict[str, object]:
    """A score against a band the article states (``edge``: it should be the band's low end).

    ``computed`` is the point of the band nearest to the score (the score itself
    when it lies inside), or the band's low end for an ``edge`` check.
    """
    score, band = sources.figure(check.ref("value")), sources.figure(check.ref("band"))
    if math.isnan(band.value_high):
        raise ValueError(f"the band {band.raw!r} has no high end (value_high) in figures.csv")
    low, high = sorted((band.value, band.value_high))
    computed = low if check.edge else min(max(score.value, low), high)
    fits = math.isclose(score.value, computed)
    place = "the low end of" if check.edge else "inside"
    explanation = (
        f"{_sentence(check.what)}: {score.raw} {'is' if fits else 'is not'} {place} the band "
        f"{band.raw} ({low:g} to {high:g}) that {band.para_id} states."
    )
    return _row(score.para_id, check.name, score.value, computed, fits, explanation)


def count_check(check: FigureCheck, sources: Sources) -> dict[str, object]:
    """A stated count ("中亚4国") against the names printed in the clause just before it."""
    figure = sources.figure(check.ref("stated"))
    text = sources.text(figure.para_id)
    end = text.index(figure.quote) + figure.quote.index(figure.raw)
    clause = to_simplified(re.split(r"[，。；]", text[:end])[-1])
    # In the order the clause prints them, so the explanation quotes the text as printed.
    named = sorted((name for name in check.names if name in clause), key=clause.index)
    computed = float(len(named))
    fits = computed == figure.value
    explanation = (
        f"The clause before {figure.raw} names {len(named)} {check.what} ({'、'.join(named)}); "
        f"it states {figure.raw}{'' if fits else ', which does not match'}."
    )
    return _row(figure.para_id, check.name, figure.value, computed, fits, explanation)


# --- Checks written in Python: they read the parsed tables of japan-us-2021 -------------------------


def _summit_minutes(check: FigureCheck, sources: Sources) -> dict[str, object]:
    """表1's minutes summed against the total the text states (約415分鐘)."""
    figure = sources.figure(check.ref("stated"))
    minutes = sources.summits.minutes
    computed = float(minutes.sum())
    fits = agrees(figure.value, _qualifier(figure.raw), computed, whole_units=False)
    explanation = (
        f"表1 lists {len(minutes)} meetings of {' + '.join(map(str, minutes))} = {computed:g} minutes; "
        f"the text states {figure.raw}{'' if fits else ', which does not match'}."
    )
    return _row(figure.para_id, check.name, figure.value, computed, fits, explanation)


def _summit_count(check: FigureCheck, sources: Sources) -> dict[str, object]:
    """表1's rows counted against the number of summits the text states (5次)."""
    figure = sources.figure(check.ref("stated"))
    computed = float(len(sources.summits))
    fits = computed == figure.value
    explanation = (
        f"表1 has {computed:g} rows, one per meeting; the text states {figure.raw} "
        f"首腦會談 in 2019{'' if fits else ', which does not match'}."
    )
    return _row(figure.para_id, check.name, figure.value, computed, fits, explanation)


def _signing_date(check: FigureCheck, sources: Sources) -> dict[str, object]:
    """表1 marks one summit "(籤約)"; 表2 dates the formal signing of the TAG."""
    summits, talks = sources.summits, sources.negotiations
    marked = summits[summits.topics.map(lambda topics: any("籤約" in topic for topic in topics))]
    signed = talks[talks.event.str.contains("正式籤署")]
    if len(marked) != 1 or len(signed) != 1:
        raise ValueError("expected one 表1 row marked 籤約 and one 表2 row with 正式籤署")
    summit, signing = marked.iloc[0], signed.iloc[0]
    computed = float((signing.start - summit.start).days)
    fits = computed == 0
    on_the_day = talks[talks.start == summit.start]
    concluded = f" (表2 row {on_the_day.row.iloc[0]}: {on_the_day.event.iloc[0]})" if len(on_the_day) else ""
    explanation = (
        f"表1 marks the summit of {summit.date} with 日美貿易談判(籤約) ('signing'), but 表2 (row "
        f"{signing.row}) dates the formal signing of the TAG to {signing.date}, {computed:g} days later, "
        f"as the text does (2019年10月); on the summit day the talks were concluded{concluded}, "
        "so 表1's 籤約 can at most mean a statement signed by the leaders."
    )
    if fits:
        explanation = f"表1 and 表2 both date the signing of the TAG to {signing.date}."
    return _row(summit.table_id, check.name, 0.0, computed, fits, explanation)


CheckFunction = Callable[[FigureCheck, Sources], dict[str, object]]

#: The checks written in Python, by the name ``function`` gives in figure_checks.toml.
CODED_CHECKS: dict[str, CheckFunction] = {
    "summit_minutes": _summit_minutes,
    "summit_count": _summit_count,
    "signing_date": _signing_date,
}


def coded_check(check: FigureCheck, sources: Sources) -> dict[str, object]:
    """A check written in Python: the function of :data:`CODED_CHECKS` that the entry names."""
    return CODED_CHECKS[check.function](check, sources)


@dataclass(frozen=True)
class Kind:
    """A kind of check: the function that runs it and the fields an entry of that kind has."""

    run: CheckFunction
    figures: tuple[str, ...] = ()
    optional_figures: tuple[str, ...] = ()
    figure_lists: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    optional_dates: tuple[str, ...] = ()
    settings: tuple[str, ...] = ()
    required_settings: tuple[str, ...] = ()


#: The kinds of check an entry of figure_checks.toml may be (its header explains each).
KINDS: dict[str, Kind] = {
    "elapsed": Kind(elapsed_check, figures=("stated",), dates=("since",), optional_dates=("until",)),
    "sum": Kind(sum_check, figures=("stated",), figure_lists=("parts",), settings=("tolerance",)),
    "ratio": Kind(ratio_check, figures=("stated", "numerator", "denominator"), settings=("tolerance",)),
    "part": Kind(part_check, figures=("part", "whole")),
    "trend": Kind(
        trend_check, figures=("earlier", "later"), settings=("word", "direction"), required_settings=("word",)
    ),
    "band": Kind(band_check, figures=("value", "band"), settings=("edge",)),
    "count": Kind(count_check, figures=("stated",), settings=("names",), required_settings=("names",)),
    "coded": Kind(coded_check, optional_figures=("stated",), settings=("function",), required_settings=("function",)),
}

#: The checks that ship with the notebooks.
CHECKS_PATH = DATA_DIR / "figure_checks.toml"

_COMMON_FIELDS = ("kind", "name", "article", "paragraph", "what")
_DEFAULT_TOLERANCE = {"ratio": 0.05}
_FIGURE_ID = re.compile(r"[a-z0-9][a-z0-9-]*:f\d{2,}")
_PLACE = re.compile(r"[pt]\d+")
_DIRECTIONS = {"up": 1, "down": -1}


def load_figure_checks(path: str | Path | None = None) -> tuple[FigureCheck, ...]:
    """Read figure_checks.toml (default: the shipped file) and validate every entry, in file order.

    A malformed entry (unknown kind, a missing or unknown field, a value of the
    wrong type…) raises :class:`FigureCheckError` naming the file, the entry's
    line and id. Whether its figures and dates are printed where it says is
    checked when it runs (:func:`run_check`).

    >>> checks = load_figure_checks()
    >>> checks[4].id, checks[4].kind, [str(part) for part in checks[4].figures["parts"]]
    ('f35-fleet', 'sum', ["'42架' in abe-beijing-2018:p013", "'最多100架' in abe-beijing-2018:p013"])
    """
    path = Path(path) if path is not None else CHECKS_PATH
    text = read_text(path, FigureCheckError)
    data = parse_toml(text, path, FigureCheckError)
    lines = {match["id"]: number for number, match in _table_headers(text)}
    checks = []
    for entry_id, entry in data.items():
        where = f"{path}, line {lines.get(entry_id, '?')}, check [{entry_id}]"
        if not isinstance(entry, dict):
            raise FigureCheckError(
                f"{path}, check {entry_id!r}", "every check is a table: [its-id] on a line of its own"
            )
        checks.append(_parse_check(entry_id, entry, where))
    return tuple(checks)


def _table_headers(text: str) -> list[tuple[int, re.Match[str]]]:
    header = re.compile(r"""\s*\[\s*["']?(?P<id>[^\]"']+)["']?\s*\]\s*(?:#.*)?""")
    return [(number, match) for number, line in enumerate(text.splitlines(), 1) if (match := header.fullmatch(line))]


def _parse_check(entry_id: str, entry: dict[str, Any], where: str) -> FigureCheck:
    def fail(problem: str) -> NoReturn:
        raise FigureCheckError(where, problem)

    kind_name = entry.get("kind")
    if kind_name not in KINDS:
        fail(f"unknown kind {kind_name!r} (one of: {', '.join(KINDS)})")
    kind = KINDS[kind_name]
    required = [*_COMMON_FIELDS[:4], *kind.figures, *kind.figure_lists, *kind.dates, *kind.required_settings]
    if kind_name != "coded":
        required.append("what")
    allowed = {*_COMMON_FIELDS, *required, *kind.optional_figures, *kind.optional_dates, *kind.settings}
    missing = [name for name in required if name not in entry]
    if missing:
        fail(f"a check of kind {kind_name!r} needs {', '.join(missing)}")
    unknown = sorted(set(entry) - allowed)
    if unknown:
        fail(f"{', '.join(unknown)} is not a field of a {kind_name!r} check (its fields: {', '.join(sorted(allowed))})")
    for name in ("name", "article", "paragraph", "what", "word", "function"):
        if name in entry and (not isinstance(entry[name], str) or not entry[name].strip()):
            fail(f"{name} must be a non-empty string in double quotes")
    article = entry["article"]
    para_id = _place(entry["paragraph"], article, "paragraph", fail)

    def figure(value: object, name: str) -> Ref:
        if isinstance(value, dict):
            extra = set(value) - {"paragraph", "figure"}
            if extra or "figure" not in value:
                fail(f'{name} must be {{ paragraph = "p001", figure = "…" }}, not {value!r}')
            where_printed = _place(value.get("paragraph", entry["paragraph"]), article, name, fail)
            value = value["figure"]
        else:
            where_printed = para_id
        if not isinstance(value, str) or not value:
            fail(f"{name} must name a figure: its raw text as printed, or its figure_id (not {value!r})")
        if _FIGURE_ID.fullmatch(value):
            if not value.startswith(article + ":"):
                fail(f"{name}: figure_id {value!r} is not in article {article!r}")
            return Ref(figure_id=value)
        return Ref(where_printed, value)

    def date(value: object, name: str) -> DateRef:
        if isinstance(value, str):
            value = {"date": value}
        if not isinstance(value, dict) or set(value) - {"paragraph", "date", "year_from"} or "date" not in value:
            fail(f'{name} must be a date as printed, or {{ paragraph = "p001", date = "…" }}, not {value!r}')
        where_printed = _place(value.get("paragraph", entry["paragraph"]), article, name, fail)
        printed, year_from = value["date"], value.get("year_from", "")
        if not isinstance(printed, str) or not isinstance(year_from, str):
            fail(f"{name}: the date and year_from must be strings")
        try:
            year = parse_printed_date(year_from).first.year if year_from else None
            parse_printed_date(printed, year)
        except ValueError as error:
            fail(f"{name}: {error}")
        return DateRef(where_printed, printed, year_from)

    figures: dict[str, tuple[Ref, ...]] = {
        name: (figure(entry[name], name),) for name in (*kind.figures, *kind.optional_figures) if name in entry
    }
    for name in kind.figure_lists:
        if not isinstance(entry[name], list) or len(entry[name]) < 2:
            fail(f"{name} must be a list of at least two figures in [ ]")
        figures[name] = tuple(figure(item, name) for item in entry[name])
    dates = {name: date(entry[name], name) for name in (*kind.dates, *kind.optional_dates) if name in entry}
    settings: dict[str, Any] = {"tolerance": _DEFAULT_TOLERANCE.get(kind_name, 0.0)}
    if "tolerance" in entry:
        tolerance = entry["tolerance"]
        if isinstance(tolerance, bool) or not isinstance(tolerance, (int, float)) or not 0 <= tolerance < 1:
            fail(f"tolerance must be a share between 0 and 1 (0.05 for 5%), not {tolerance!r}")
        settings["tolerance"] = float(tolerance)
    if "direction" in entry:
        if entry["direction"] not in _DIRECTIONS:
            fail(f'direction must be "up" or "down", not {entry["direction"]!r}')
        settings["direction"] = _DIRECTIONS[entry["direction"]]
    if "edge" in entry:
        if not isinstance(entry["edge"], bool):
            fail(f"edge must be true or false, not {entry['edge']!r}")
        settings["edge"] = entry["edge"]
    if "names" in entry:
        names = entry["names"]
        if not isinstance(names, list) or not names or not all(isinstance(n, str) and n for n in names):
            fail("names must be a list of names in double quotes")
        settings["names"] = tuple(names)
    if "function" in entry:
        if entry["function"] not in CODED_CHECKS:
            fail(f"no check function {entry['function']!r} in figures.py (one of: {', '.join(CODED_CHECKS)})")
        settings["function"] = entry["function"]
    return FigureCheck(
        entry_id,
        kind_name,
        entry["name"],
        article,
        para_id,
        where,
        entry.get("what", ""),
        figures,
        dates,
        word=entry.get("word", ""),
        **settings,
    )


def _place(value: object, article: str, name: str, fail: Callable[[str], NoReturn]) -> str:
    """A paragraph or table id as the file writes it (p013, t2, or abe-beijing-2018:p013), made full."""
    if isinstance(value, str):
        short = value.split(":", 1)[1] if value.startswith(article + ":") else value
        if _PLACE.fullmatch(short):
            return f"{article}:{short}"
    fail(f"{name}: {value!r} is not a paragraph (p013) or table (t2) of {article!r}")


def run_check(check: FigureCheck, sources: Sources) -> dict[str, object]:
    """Run one check; a figure, date or word not found raises :class:`FigureCheckError` naming the entry."""
    try:
        sources.text(check.para_id)
        return KINDS[check.kind].run(check, sources)
    except (KeyError, ValueError, CorpusError) as error:
        problem = error.args[0] if isinstance(error, KeyError) and error.args else str(error)
        raise FigureCheckError(check.where, str(problem)) from None


def check_figures(
    corpus: CorpusLike | None = None,
    figures: pd.DataFrame | None = None,
    checks: tuple[FigureCheck, ...] | None = None,
) -> FullTable:
    """Run every check of figure_checks.toml (or ``checks``); one row each, consistent ones included.

    Columns: ``article_id``, ``para_id`` (where the stated figure is), ``check``,
    ``kind`` (of figure_checks.toml), ``stated`` and ``computed`` (plain numbers in the same unit), ``consistent``
    and ``explanation`` (an English sentence).

    >>> checks = check_figures()
    >>> checks.columns.tolist() == CHECK_COLUMNS
    True
    >>> checks[~checks.consistent].check.str.split(":").str[0].tolist()
    ['TAG signing', 'F-35 fleet', 'Shuttle diplomacy', 'Shuttle diplomacy']
    """
    corpus = default_corpus() if corpus is None else corpus
    sources = Sources(corpus, load_figures() if figures is None else figures)
    checks = load_figure_checks() if checks is None else checks
    rows = [{**run_check(check, sources), "kind": check.kind} for check in checks]
    return full_table(pd.DataFrame(rows, columns=CHECK_COLUMNS))


__all__ = [
    "CATEGORIES",
    "CHECKS_PATH",
    "CODED_CHECKS",
    "KINDS",
    "DateSpan",
    "FigureCheck",
    "FigureCheckError",
    "FigureDataError",
    "TableShapeError",
    "agrees",
    "check_figures",
    "elapsed",
    "figures_for",
    "find_table",
    "load_excluded",
    "load_figure_checks",
    "load_figures",
    "negotiation_table",
    "parse_printed_date",
    "run_check",
    "summit_table",
    "table_row_texts",
    "table_rows",
]
