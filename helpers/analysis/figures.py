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
  duration against the dates the article prints.

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
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..corpus.loading import ArticleRef, Corpus, article_id_of, default_corpus
from ..corpus.records import Article, TableBlock
from ..errors import CorpusError
from ..text.datafiles import DATA_DIR, DataFileError, read_csv
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
CHECK_COLUMNS = ["article_id", "para_id", "check", "stated", "computed", "consistent", "explanation"]

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

CENTRAL_ASIAN_STATES = ("哈萨克斯坦", "乌兹别克斯坦", "吉尔吉斯斯坦", "塔吉克斯坦", "土库曼斯坦")


class FigureDataError(DataFileError):
    """figures.csv or figures_excluded.csv is malformed; the message names the file and line."""


class TableShapeError(CorpusError):
    """A table's cells are not the shape its parser expects; the message names the table."""


# --- Printed dates -------------------------------------------------------------------------


@dataclass(frozen=True)
class DateSpan:
    """The days a printed date covers: ``2011年10月`` is 1–31 October 2011."""

    first: pd.Timestamp
    last: pd.Timestamp


_DATE_TOKEN = re.compile(r"\s*(\d+)\s*([年月日]?)")
_DATE_RANGE = re.compile(r"\s*[~～〜至到－—–-]\s*")
_UNIT_ORDER = "年月日"


def parse_printed_date(text: str, year: int | None = None) -> DateSpan:
    """Read a date as the articles print it; ``year`` is used when the text has none.

    A range (``~``, ``至``) spans from its first to its last day, and the second
    half borrows the year and month the first half gives:

    >>> span = parse_printed_date("4月26~27日", year=2019)
    >>> str(span.first.date()), str(span.last.date())
    ('2019-04-26', '2019-04-27')
    >>> [str(d.date()) for d in vars(parse_printed_date("2011年10月")).values()]
    ['2011-10-01', '2011-10-31']
    >>> [str(d.date()) for d in vars(parse_printed_date("2019~2023年")).values()]
    ['2019-01-01', '2023-12-31']
    >>> parse_printed_date("5月7日")
    Traceback (most recent call last):
    ...
    ValueError: the date '5月7日' gives no year, and none was supplied
    """
    halves = _DATE_RANGE.split(text.strip())
    if len(halves) > 2:
        raise ValueError(f"cannot read {text!r} as a date or a range of two dates")
    tokens = [_date_tokens(half, text) for half in halves]
    if len(tokens) == 2 and tokens[0][-1][1] == "":  # 26~27日: the first half borrows 日
        tokens[0][-1] = (tokens[0][-1][0], tokens[1][0][1])
    if any(unit == "" for part in tokens for _, unit in part):
        raise ValueError(f"cannot tell which numbers in {text!r} are years, months or days")
    start: dict[str, int | None] = {unit: number for number, unit in tokens[0]}
    end: dict[str, int | None] = {unit: number for number, unit in tokens[-1]}
    start.setdefault("年", year)
    if start["年"] is None:
        raise ValueError(f"the date {text!r} gives no year, and none was supplied")
    for unit in _UNIT_ORDER:  # 5月7日至8日: the second half borrows 年 and 月
        if unit in end:
            break
        end[unit] = start.get(unit)
    try:
        first = pd.Timestamp(start["年"], start.get("月", 1), start.get("日", 1))
        month_end = pd.Timestamp(end["年"], end.get("月") or 12, 1) + pd.offsets.MonthEnd(0)
        last = month_end if "日" not in end or end["日"] is None else pd.Timestamp(end["年"], end["月"], end["日"])
    except (TypeError, ValueError) as error:
        raise ValueError(f"{text!r} is not a valid date: {error}") from None
    if last < first:
        raise ValueError(f"the range {text!r} ends before it starts")
    return DateSpan(first, last)


def _date_tokens(half: str, text: str) -> list[tuple[int, str]]:
    tokens, position = [], 0
    for match in _DATE_TOKEN.finditer(half):
        if match.start() != position:
            break
        tokens.append((int(match.group(1)), match.group(2)))
        position = match.end()
    units = [unit for _, unit in tokens if unit]
    if not tokens or position != len(half) or units != sorted(set(units), key=_UNIT_ORDER.index):
        raise ValueError(f"cannot read {text!r} as a date")
    return tokens


def elapsed(start: pd.Timestamp, end: pd.Timestamp, unit: str) -> float:
    """Time from ``start`` to ``end`` in ``unit`` (day, month or year), by the calendar.

    Months and years count calendar months, so 1 July 2025 to 1 July 2026 is
    exactly one year:

    >>> elapsed(pd.Timestamp("2025-07-01"), pd.Timestamp("2026-07-01"), "year")
    1.0
    >>> elapsed(pd.Timestamp("2023-03-17"), pd.Timestamp("2023-05-07"), "day")
    51.0
    """
    if unit == "day":
        return float((end - start).days)
    months = (end.year - start.year) * 12 + (end.month - start.month)
    anchor = start + pd.DateOffset(months=months)
    if anchor > end:
        months -= 1
        anchor = start + pd.DateOffset(months=months)
    following = start + pd.DateOffset(months=months + 1)
    fraction = (end - anchor).days / (following - anchor).days
    total = months + fraction
    if unit == "month":
        return float(total)
    if unit == "year":
        return float(total / 12)
    raise ValueError(f"unit must be 'day', 'month' or 'year', not {unit!r}")


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


# --- Checks --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ref:
    """A figure of figures.csv, named by its paragraph and raw text (and quote, if raw repeats)."""

    para_id: str
    raw: str
    quote: str = ""


@dataclass(frozen=True)
class DateRef:
    """A date exactly as printed in a paragraph or table; ``year_from``: an earlier printed
    date in the same place that supplies the year (``同年10月25至27日``)."""

    para_id: str
    printed: str
    year_from: str = ""


@dataclass
class Sources:
    """What the checks read: the corpus, the figures, the two parsed tables."""

    corpus: CorpusLike
    figures: pd.DataFrame
    summits: pd.DataFrame
    negotiations: pd.DataFrame

    def figure(self, ref: Ref) -> pd.Series:
        """The one row of figures.csv that ``ref`` names."""
        rows = self.figures[(self.figures.para_id == ref.para_id) & (self.figures.raw == ref.raw)]
        if ref.quote:
            rows = rows[rows.quote == ref.quote]
        if len(rows) != 1:
            raise KeyError(f"{len(rows)} rows of figures.csv match {ref} (expected exactly one)")
        return rows.iloc[0]

    def text(self, para_id: str) -> str:
        """A paragraph's text, or a table's rows (cells joined with spaces), one per line."""
        article = self.corpus[para_id.split(":", 1)[0]]
        for table in article.tables:
            if table.id == para_id:
                width = len(SUMMIT_HEADER if table.caption.startswith("表1") else NEGOTIATION_HEADER)
                return "\n".join(table_row_texts(table, width))
        return article.paragraph(para_id).text

    def date(self, ref: DateRef) -> DateSpan:
        """The printed date ``ref`` names, after checking it is printed where it says."""
        text = self.text(ref.para_id)
        for printed in (ref.printed, ref.year_from):
            if printed and printed not in text:
                raise KeyError(f"{printed!r} is not printed in {ref.para_id}")
        year = parse_printed_date(ref.year_from).first.year if ref.year_from else None
        return parse_printed_date(ref.printed, year)

    def qualifier(self, ref: Ref) -> str:
        """The hedge printed with a figure (約, 多, 近…), as the extractor reads it."""
        found = extract_quantities(ref.raw)
        return found.qualifier.iloc[0] if len(found) else ""


def _row(ref: Ref, check: str, stated: float, computed: float, consistent: bool, explanation: str) -> dict[str, object]:
    """One row of :func:`check_figures`; ``ref`` is the figure whose paragraph the row names."""
    article_id = ref.para_id.split(":", 1)[0]
    return {
        "article_id": article_id,
        "para_id": ref.para_id,
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


def _agrees(stated: float, qualifier: str, computed: float, *, whole_units: bool, tolerance: float = 0.0) -> bool:
    """Does ``computed`` fit a number printed as ``stated`` with this hedge?

    ``whole_units`` (durations): a plain "N年" means N full years and less than
    N+1. 多/餘/逾 mean more than N but less than the next round number; 近 means
    a little less than N; 約/左右 mean within 5% (or half a step for durations).

    >>> _agrees(12, "", 11.4, whole_units=True), _agrees(50, "餘", 51, whole_units=True)
    (False, True)
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


@dataclass(frozen=True)
class ElapsedCheck:
    """A stated duration against the dates the article prints.

    With ``until``, the time from the end of ``since`` to the start of ``until``
    (a gap: 時隔, 中斷); without it, the length of the period ``since`` itself.
    """

    name: str
    stated: Ref
    since: DateRef
    until: DateRef | None = None
    what: str = ""

    def run(self, sources: Sources) -> dict[str, object]:
        figure = sources.figure(self.stated)
        since = sources.date(self.since)
        if self.until is None:
            start, end = since.first, since.last + pd.Timedelta(days=1)
            span = f"the period {_printed(self.since)}"
        else:
            start, end = since.last, sources.date(self.until).first
            span = f"from {_printed(self.since)} to {_printed(self.until)}"
        computed = elapsed(start, end, figure.unit)
        fits = _agrees(figure.value, sources.qualifier(self.stated), computed, whole_units=True)
        amount = f"{computed:.0f} days" if figure.unit == "day" else f"{computed:.2f} {figure.unit}s"
        if figure.unit == "year":
            amount += f" ({_years_months(computed)})"
        if fits:
            explanation = f"{_sentence(span)} is {amount}, which fits {figure.raw} ({self.what})."
        else:
            only = "only " if computed < figure.value else ""
            explanation = f"The text says {figure.raw} ({self.what}), but {span} is {only}{amount}"
            calendar = end.year - start.year
            if figure.unit == "year" and calendar == figure.value:
                explanation += (
                    f"; subtracting the years ({end.year} − {start.year} = {calendar}) gives the stated figure"
                )
            explanation += "."
        return _row(self.stated, self.name, figure.value, computed, fits, explanation)


@dataclass(frozen=True)
class SumCheck:
    """Parts printed separately against the total the text states."""

    name: str
    stated: Ref
    parts: tuple[Ref, ...]
    what: str = ""

    def run(self, sources: Sources) -> dict[str, object]:
        figure = sources.figure(self.stated)
        parts = [sources.figure(part) for part in self.parts]
        computed = sum(part.value for part in parts)
        fits = _agrees(figure.value, sources.qualifier(self.stated), computed, whole_units=False)
        addition = " + ".join(part.raw for part in parts) + f" = {computed:g}"
        if fits:
            explanation = f"{_sentence(self.what)}: {addition}, which matches the stated {figure.raw}."
        else:
            explanation = (
                f"{_sentence(self.what)}: {addition}, not the {figure.raw} the text states "
                f"(off by {computed - figure.value:+g})."
            )
            bounded = [part for part in parts if sources.qualifier(Ref(part.para_id, part.raw)) in ("最多", "至少")]
            if bounded:
                explanation += (
                    f" {bounded[0].raw} is a bound, so {figure.raw} is possible, but only if "
                    f"{figure.value - (computed - bounded[0].value):g} rather than "
                    f"{bounded[0].value:g} are added, which the text does not say."
                )
        return _row(self.stated, self.name, figure.value, computed, fits, explanation)


@dataclass(frozen=True)
class RatioCheck:
    """A stated multiple (十倍) against the two amounts it relates."""

    name: str
    stated: Ref
    numerator: Ref
    denominator: Ref
    tolerance: float = 0.05
    what: str = ""

    def run(self, sources: Sources) -> dict[str, object]:
        figure = sources.figure(self.stated)
        top, bottom = sources.figure(self.numerator), sources.figure(self.denominator)
        if top.unit != bottom.unit:
            raise ValueError(f"{self.name}: cannot divide {top.unit} by {bottom.unit}")
        computed = top.value / bottom.value
        fits = _agrees(figure.value, "", computed, whole_units=False, tolerance=self.tolerance)
        verdict = "within" if fits else "more than"
        explanation = (
            f"{_sentence(self.what)}: {top.raw} ÷ {bottom.raw} = {computed:.2f}, {verdict} "
            f"{self.tolerance:.0%} of the stated {figure.raw}."
        )
        return _row(self.stated, self.name, figure.value, computed, fits, explanation)


@dataclass(frozen=True)
class TrendCheck:
    """A verb of change (上升, 提高, 升至) against the two figures it joins.

    ``stated`` is the direction the verb claims (+1 up, −1 down) and ``computed``
    the direction of the figures (the sign of later − earlier).
    """

    name: str
    earlier: Ref
    later: Ref
    word: str
    direction: int = 1
    what: str = ""

    def run(self, sources: Sources) -> dict[str, object]:
        before, after = sources.figure(self.earlier), sources.figure(self.later)
        if self.word not in sources.text(self.later.para_id):
            raise KeyError(f"{self.name}: the word {self.word!r} is not in {self.later.para_id}")
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
            f"{_sentence(self.what)}: the text says {self.word} from {before.raw} to {after.raw}; "
            f"the change is {amount} {unit}{growth}{yearly}."
        )
        return _row(self.later, self.name, self.direction, computed, computed == self.direction, explanation)


@dataclass(frozen=True)
class PartCheck:
    """A part ("其中…") that cannot exceed the whole printed with it."""

    name: str
    part: Ref
    whole: Ref
    what: str = ""

    def run(self, sources: Sources) -> dict[str, object]:
        part, whole = sources.figure(self.part), sources.figure(self.whole)
        fits = part.value <= whole.value
        explanation = (
            f"{_sentence(self.what)}: {part.raw} is part of {whole.raw}, "
            f"{'and' if fits else 'but'} it is {part.value / whole.value:.0%} of it."
        )
        return _row(self.whole, self.name, whole.value, part.value, fits, explanation)


@dataclass(frozen=True)
class BandCheck:
    """A score against a band the article states (``edge``: it should be the band's low end).

    ``computed`` is the point of the band nearest to the score (the score itself
    when it lies inside), or the band's low end for an ``edge`` check.
    """

    name: str
    value: Ref
    band: Ref
    edge: bool = False
    what: str = ""

    def run(self, sources: Sources) -> dict[str, object]:
        score, band = sources.figure(self.value), sources.figure(self.band)
        low, high = sorted((band.value, band.value_high))
        computed = low if self.edge else min(max(score.value, low), high)
        fits = math.isclose(score.value, computed)
        place = "the low end of" if self.edge else "inside"
        explanation = (
            f"{_sentence(self.what)}: {score.raw} {'is' if fits else 'is not'} {place} the band "
            f"{band.raw} ({low:g} to {high:g}) that {band.para_id} states."
        )
        return _row(self.value, self.name, score.value, computed, fits, explanation)


def _printed(ref: DateRef) -> str:
    """A printed date with the year it borrows: 10月25至27日 -> 2018年10月25至27日."""
    if ref.year_from and not re.match(r"\d{4}", ref.printed):
        return f"{parse_printed_date(ref.year_from).first.year}年{ref.printed}"
    return ref.printed


def _summit_minutes(sources: Sources) -> dict[str, object]:
    """表1's minutes summed against the total the text states (約415分鐘)."""
    ref = Ref("japan-us-2021:p013", "約415分鐘")
    figure = sources.figure(ref)
    minutes = sources.summits.minutes
    computed = float(minutes.sum())
    fits = _agrees(figure.value, sources.qualifier(ref), computed, whole_units=False)
    explanation = (
        f"表1 lists {len(minutes)} meetings of {' + '.join(map(str, minutes))} = {computed:g} minutes; "
        f"the text states {figure.raw}{'' if fits else ', which does not match'}."
    )
    return _row(ref, "2019 summits: 表1 minutes against the stated total", figure.value, computed, fits, explanation)


def _summit_count(sources: Sources) -> dict[str, object]:
    """表1's rows counted against the number of summits the text states (5次)."""
    ref = Ref("japan-us-2021:p013", "5次")
    figure = sources.figure(ref)
    computed = float(len(sources.summits))
    fits = computed == figure.value
    explanation = (
        f"表1 has {computed:g} rows, one per meeting; the text states {figure.raw} "
        f"首腦會談 in 2019{'' if fits else ', which does not match'}."
    )
    return _row(ref, "2019 summits: 表1 rows against the stated number", figure.value, computed, fits, explanation)


def _signing_date(sources: Sources) -> dict[str, object]:
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
    ref = Ref(summit.table_id, f"{summit.minutes}分鐘")
    return _row(ref, "TAG signing: 表1 summit marked 籤約 against 表2's signing date", 0.0, computed, fits, explanation)


def _kawaguchi_states(sources: Sources) -> dict[str, object]:
    """ "中亚4国": the states named just before the count."""
    ref = Ref("central-asia-2007:p004", "4国")
    figure = sources.figure(ref)
    text = sources.text(ref.para_id)
    end = text.index(figure.quote) + figure.quote.index(figure.raw)
    clause = re.split(r"[，。；]", text[:end])[-1]
    # In the order the clause prints them, so the explanation quotes the text as printed.
    named = sorted(
        (state for state in CENTRAL_ASIAN_STATES if state in to_simplified(clause)),
        key=lambda state: to_simplified(clause).index(state),
    )
    computed = float(len(named))
    fits = computed == figure.value
    explanation = (
        f"The clause before {figure.raw} names {len(named)} states ({'、'.join(named)}); "
        f"it states {figure.raw}{'' if fits else ', which does not match'}."
    )
    return _row(
        ref, "Kawaguchi's 2004 visit: states named against the stated count", figure.value, computed, fits, explanation
    )


_JK, _ABE, _JU, _CJ, _CA = (
    "japan-korea-2024",
    "abe-beijing-2018",
    "japan-us-2021",
    "china-japan-2025",
    "central-asia-2007",
)

#: The checks :func:`check_figures` runs: data records (each with a ``run`` method) and small functions.
CHECKS: tuple[object, ...] = (
    _summit_minutes,
    _summit_count,
    _signing_date,
    ElapsedCheck(
        "TAG talks: 逾1年 against 表2's dates",
        Ref(f"{_JU}:p017", "逾1年"),
        DateRef(f"{_JU}:t2", "2018年9月26日"),
        DateRef(f"{_JU}:t2", "2019年10月7日"),
        what="from the leaders' agreement to open TAG talks to the signing",
    ),
    SumCheck(
        "F-35 fleet: parts against the stated total",
        Ref(f"{_ABE}:p013", "140架"),
        (Ref(f"{_ABE}:p013", "42架"), Ref(f"{_ABE}:p013", "最多100架")),
        what="F-35s already bought plus (at most) those to be bought",
    ),
    RatioCheck(
        "Currency swap: 十倍 against the two ceilings",
        Ref(f"{_ABE}:p008", "達十倍"),
        Ref(f"{_ABE}:p008", "3.4兆日圓"),
        Ref(f"{_ABE}:p008", "3300億日圓"),
        what="the 2018 swap ceiling over the 2002 one",
    ),
    PartCheck(
        "Japan–China trade: exports within the total",
        Ref(f"{_ABE}:p003", "15兆日圓"),
        Ref(f"{_ABE}:p003", "33兆日圓"),
        what="Japanese exports to China in 2017 within total trade",
    ),
    TrendCheck(
        "Defence budget: 1% ceiling to the 1.3% plan",
        Ref(f"{_ABE}:p013", "1%以下"),
        Ref(f"{_ABE}:p013", "1.3%"),
        "提高",
        what="defence spending as a share of GDP",
    ),
    ElapsedCheck(
        "Defence plan: 5年 against 2019~2023",
        Ref(f"{_ABE}:p013", "5年"),
        DateRef(f"{_ABE}:p013", "2019~2023年"),
        what="the Mid-Term Defense Program",
    ),
    ElapsedCheck(
        "Rapprochement: 三年多 from November 2014",
        Ref(f"{_ABE}:p002", "三年多"),
        DateRef(f"{_ABE}:p001", "2014年11月"),
        DateRef(f"{_ABE}:p001", "10月25至27日", year_from="2018年5月8至11日"),
        what="from the APEC meeting in Beijing to Abe's visit",
    ),
    PartCheck(
        "World GDP: China within the developing countries",
        Ref(f"{_JU}:p004", "16%"),
        Ref(f"{_JU}:p004", "達40%"),
        what="shares of world GDP in 2019",
    ),
    BandCheck(
        "Relation score: -5.0 inside the 紧张 band",
        Ref(f"{_CJ}:p002", "-5.0"),
        Ref(f"{_CJ}:p001", "—3分至-6分"),
        what="the score from December 2024",
    ),
    BandCheck(
        "Relation score: -6.0 at the edge of the 紧张 band",
        Ref(f"{_CJ}:p002", "-6.0分"),
        Ref(f"{_CJ}:p001", "—3分至-6分"),
        edge=True,
        what="the 'critical point' towards confrontation",
    ),
    TrendCheck(
        "Relation score: 升至 -5.0",
        Ref(f"{_CJ}:p002", "-6.0分"),
        Ref(f"{_CJ}:p002", "-5.0"),
        "升至",
        what="the relation score, first half of 2024 to December 2024",
    ),
    ElapsedCheck(
        "Forecast horizon: 一年 against July 2025–June 2026",
        Ref(f"{_CJ}:p001", "一年"),
        DateRef(f"{_CJ}:p001", "2025年7月至2026年6月"),
        what="the forecast period",
    ),
    ElapsedCheck(
        "First Trump shock: 七年前 against 2018 and 2025",
        Ref(f"{_CJ}:p018", "七年"),
        DateRef(f"{_CJ}:p016", "2018年3月"),
        DateRef(f"{_CJ}:p017", "2025年4月"),
        what="from the steel and aluminium tariffs to the 'reciprocal tariffs'",
    ),
    _kawaguchi_states,
    ElapsedCheck(
        "Central Asia: 独立后5年 against 1991 and 1997",
        Ref(f"{_CA}:p006", "5年"),
        DateRef(f"{_CA}:p005", "1991年12月28日"),
        DateRef(f"{_CA}:p006", "1997年7月"),
        what="from Japan's recognition of independence to Hashimoto's Eurasian diplomacy",
    ),
    TrendCheck(
        "Aid to Central Asia: 1997 to 2003",
        Ref(f"{_CA}:p008", "1.56亿美元"),
        Ref(f"{_CA}:p008", "2.42亿美元"),
        "上升",
        what="Japanese economic aid to Central Asia",
    ),
    ElapsedCheck(
        "Shuttle diplomacy: 中斷12年之久 against October 2011 and March 2023",
        Ref(f"{_JK}:p016", "12年之久"),
        DateRef(f"{_JK}:p016", "2011年10月"),
        DateRef(f"{_JK}:p016", "2023年3月16至17日"),
        what="the shuttle diplomacy interrupted after Noda's visit to Seoul until Yoon's visit to Tokyo",
    ),
    ElapsedCheck(
        "Shuttle diplomacy: 中斷12年之久 against the visits to Seoul (October 2011, May 2023)",
        Ref(f"{_JK}:p016", "12年之久"),
        DateRef(f"{_JK}:p016", "2011年10月"),
        DateRef(f"{_JK}:p016", "5月7日至8日", year_from="2023年3月16至17日"),
        what="from Noda's visit to Seoul to Kishida's, the last and the next shuttle visits to Korea",
    ),
    ElapsedCheck(
        "Shuttle diplomacy: 時隔50餘天 between the two visits",
        Ref(f"{_JK}:p016", "50餘天"),
        DateRef(f"{_JK}:p016", "2023年3月16至17日"),
        DateRef(f"{_JK}:p016", "5月7日至8日", year_from="2023年3月16至17日"),
        what="from Yoon's visit to Tokyo to Kishida's visit to Seoul",
    ),
)


def check_figures(corpus: CorpusLike | None = None, figures: pd.DataFrame | None = None) -> FullTable:
    """Run every check in :data:`CHECKS`; one row each, consistent ones included.

    Columns: ``article_id``, ``para_id`` (where the stated figure is), ``check``,
    ``stated`` and ``computed`` (plain numbers in the same unit), ``consistent``
    and ``explanation`` (an English sentence).

    >>> checks = check_figures()
    >>> checks.columns.tolist() == CHECK_COLUMNS
    True
    >>> checks[~checks.consistent].check.str.split(":").str[0].tolist()
    ['TAG signing', 'F-35 fleet', 'Shuttle diplomacy', 'Shuttle diplomacy']
    """
    corpus = default_corpus() if corpus is None else corpus
    sources = Sources(
        corpus, load_figures() if figures is None else figures, summit_table(corpus), negotiation_table(corpus)
    )
    rows = [check(sources) if callable(check) else check.run(sources) for check in CHECKS]  # type: ignore[attr-defined]
    return full_table(pd.DataFrame(rows, columns=CHECK_COLUMNS))


__all__ = [
    "CATEGORIES",
    "CHECKS",
    "DateSpan",
    "FigureDataError",
    "TableShapeError",
    "check_figures",
    "elapsed",
    "figures_for",
    "find_table",
    "load_excluded",
    "load_figures",
    "negotiation_table",
    "parse_printed_date",
    "summit_table",
    "table_row_texts",
    "table_rows",
]
