"""The dated events each article relies on, as one table a teacher can edit.

The events live in ``helpers/data/timeline.csv``: one row per visit, summit,
agreement, exercise, change of leadership (an election, a new leader taking
office), policy document, statement or crisis, with the paragraph (or table) it comes from, the date at the precision the text gives
(``2018-10-25``, ``2018-10`` or ``2018``), and a short quote that contains the
date so that a student can find it in the text.

:func:`load_timeline` reads and checks the file and adds two sortable columns,
``start`` and ``end``: the first and the last day of the period the date names
(a date given only as ``2018`` starts on 1 January and ends on 31 December).

>>> from helpers import load_corpus
>>> timeline = load_timeline()
>>> visit = timeline_for("abe-beijing-2018", timeline).query("date == '2018-10-25'").iloc[0]
>>> visit["end_date"], visit["precision"], visit["event_type"]
('2018-10-27', 'day', 'visit')
>>> verify_timeline(load_corpus(), timeline).empty
True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from ..corpus.loading import ArticleRef, Corpus, article_id_of
from ..corpus.records import Article
from ..text.datafiles import DATA_DIR, DataFileError, read_csv

# Dates have one home, helpers/text/dates.py; precision_of and period stay importable from here
# (the timeline's own names before the move), re-exported with "as".
from ..text.dates import PRECISIONS, parse_iso_date
from ..text.dates import period as period
from ..text.dates import precision_of as precision_of
from ..text.fulltable import full_table

#: The timeline that ships with the notebooks.
TIMELINE_PATH = DATA_DIR / "timeline.csv"

#: The kinds of event; the header of timeline.csv says what each one covers.
EVENT_TYPES = (
    "visit",
    "summit",
    "meeting",
    "agreement",
    "exercise",
    "leadership",
    "policy-document",
    "statement",
    "crisis",
    "other",
)

FILE_COLUMNS = (
    "article_id",
    "para_id",
    "date",
    "end_date",
    "precision",
    "year_inferred",
    "event_type",
    "quote",
    "description",
)
#: The columns of :func:`load_timeline`: the file's, then the parsed period and the line it came from.
TIMELINE_COLUMNS = [*FILE_COLUMNS, "start", "end", "line"]
PROBLEM_COLUMNS = ["article_id", "para_id", "line", "quote", "problem"]

_PLACE_ID = re.compile(r"(?P<article>[a-z0-9][a-z0-9-]*):(?P<kind>[pt])\d+")
_BOOLEANS = {"true": True, "false": False}


class TimelineError(DataFileError):
    """A row of the timeline file is malformed; the message names the file, line and problem."""


# --- Reading the file --------------------------------------------------------


def load_timeline(path: str | Path | None = None) -> pd.DataFrame:
    """Read and check a timeline file (default: ``helpers/data/timeline.csv``).

    Returns one row per event, in file order, with the file's columns
    (``year_inferred`` as a bool, an empty ``end_date`` as ``""``) plus
    ``start`` and ``end`` (pandas Timestamps: first and last day of the period,
    the end of a span when there is an ``end_date``) and ``line`` (the row's
    line in the file). A bad row raises :class:`TimelineError`.

    >>> timeline = load_timeline()
    >>> timeline.loc[0, ["date", "precision", "start"]].tolist()
    ['2014-11', 'month', Timestamp('2014-11-01 00:00:00')]
    """
    path = Path(path) if path is not None else TIMELINE_PATH
    rows = [
        _parse_row(dict(row), row.where) | {"line": row.line}
        for row in read_csv(path, required=FILE_COLUMNS, error=TimelineError)
    ]
    return pd.DataFrame(rows, columns=TIMELINE_COLUMNS)


def _parse_row(row: dict[str, str], where: str) -> dict[str, object]:
    _check_place(row, where)
    start, end = _check_dates(row, where)
    inferred = _BOOLEANS.get(row["year_inferred"].lower())
    if inferred is None:
        raise TimelineError(where, f"year_inferred must be true or false, not {row['year_inferred']!r}")
    if row["event_type"] not in EVENT_TYPES:
        raise TimelineError(where, f"unknown event_type {row['event_type']!r} (one of: {', '.join(EVENT_TYPES)})")
    for column in ("quote", "description"):
        if not row[column]:
            raise TimelineError(where, f"{column} is empty")
    return {column: row[column] for column in FILE_COLUMNS} | {
        "year_inferred": inferred,
        "start": start,
        "end": end,
    }


def _check_place(row: dict[str, str], where: str) -> None:
    match = _PLACE_ID.fullmatch(row["para_id"])
    if not match:
        raise TimelineError(
            where, f"para_id must look like abe-beijing-2018:p006 or japan-us-2021:t2, not {row['para_id']!r}"
        )
    if match["article"] != row["article_id"]:
        raise TimelineError(where, f"para_id {row['para_id']!r} is not in article {row['article_id']!r}")


def _check_dates(row: dict[str, str], where: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    if row["precision"] not in PRECISIONS:
        raise TimelineError(where, f"unknown precision {row['precision']!r} (one of: {', '.join(PRECISIONS)})")
    start, end = _checked_period(row["date"], row["precision"], "date", where)
    if row["end_date"]:
        end_start, end = _checked_period(row["end_date"], row["precision"], "end_date", where)
        if end_start <= start:
            raise TimelineError(where, f"end_date {row['end_date']} is not after date {row['date']}")
    return start, end


def _checked_period(date: str, precision: str, column: str, where: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    try:
        span = parse_iso_date(date)
    except ValueError as error:
        raise TimelineError(where, f"bad {column}: {error}") from None
    if span.precision != precision:
        raise TimelineError(
            where, f"precision is {precision!r} but {column} {date!r} is written to the {span.precision}"
        )
    return span.first, span.last


# --- Views for the notebooks -------------------------------------------------


def timeline_for(article: ArticleRef, timeline: pd.DataFrame | None = None) -> pd.DataFrame:
    """One article's events (an Article or its id), earliest first (default timeline: the shipped file).

    >>> timeline_for("central-asia-2007").iloc[0][["date", "event_type"]].tolist()
    ['1991-12-28', 'statement']
    """
    timeline = load_timeline() if timeline is None else timeline
    article_id = article_id_of(article)
    rows = timeline[timeline["article_id"] == article_id]
    if rows.empty:
        known = ", ".join(dict.fromkeys(timeline["article_id"]))
        raise KeyError(f"no events for article {article_id!r} in the timeline (articles with events: {known})")
    return _by_date(rows)


def merged_timeline(articles: Iterable[str] | None = None, timeline: pd.DataFrame | None = None) -> pd.DataFrame:
    """The events of several articles (default: all) in one table, earliest first.

    Events that start on the same day keep the more precise first (a day before
    the month or year that contains it), then article and paragraph order.

    >>> merged = merged_timeline(["abe-beijing-2018", "japan-us-2021"])
    >>> merged["start"].is_monotonic_increasing, sorted(set(merged["article_id"]))
    (True, ['abe-beijing-2018', 'japan-us-2021'])
    """
    timeline = load_timeline() if timeline is None else timeline
    if articles is not None:
        wanted = list(articles)
        unknown = [article for article in wanted if article not in set(timeline["article_id"])]
        if unknown:
            known = ", ".join(dict.fromkeys(timeline["article_id"]))
            raise KeyError(f"no events for article(s) {', '.join(unknown)} (articles with events: {known})")
        timeline = timeline[timeline["article_id"].isin(wanted)]
    return _by_date(timeline)


def _by_date(rows: pd.DataFrame) -> pd.DataFrame:
    # A stable sort, so that rows which tie on every key keep the file's order.
    keys = ["start", "end", "article_id", "para_id", "line"]
    return full_table(rows.sort_values(keys, kind="mergesort").reset_index(drop=True))


# --- Checking the file against the texts ------------------------------------


def verify_timeline(corpus: Corpus, timeline: pd.DataFrame | None = None) -> pd.DataFrame:
    """List the rows that the texts do not bear out (an empty table when all is well).

    A row is listed, with a ``problem`` in plain English, when its article or
    paragraph/table does not exist, when its quote is not found exactly in the
    paragraph (or in the table's caption and cells), or when its date is not
    written where the file says it is:

    * the year must be written in the quote, unless ``year_inferred`` is true;
      then it must be written in the paragraph (or table) or be the article's
      catalog year, and the quote must not itself write it;
    * the month (for month and day precision) and the day (for day precision)
      must be written in the quote or, when ``year_inferred``, in the paragraph;
    * the same for ``end_date``.

    "Written" means the number stands in the text by itself (``5`` is found in
    ``5~6月`` but not in ``15``); full-width digits count.

    >>> from helpers import load_corpus
    >>> bad = load_timeline().head(1).assign(quote="2015年")
    >>> verify_timeline(load_corpus(), bad)["problem"].tolist()
    ['the quote is not in abe-beijing-2018:p001']
    """
    timeline = load_timeline() if timeline is None else timeline
    problems = []
    for row in timeline.itertuples(index=False):
        for problem in _row_problems(row, corpus):
            problems.append(
                {
                    "article_id": row.article_id,
                    "para_id": row.para_id,
                    "line": row.line,
                    "quote": row.quote,
                    "problem": problem,
                }
            )
    return pd.DataFrame(problems, columns=PROBLEM_COLUMNS)


def _row_problems(row, corpus: Corpus) -> list[str]:
    if row.article_id not in corpus:
        return [f"no article {row.article_id!r} in the corpus"]
    article = corpus[row.article_id]
    try:
        text = source_text(article, row.para_id)
    except KeyError as error:
        return [str(error.args[0])]
    if row.quote not in text:
        return [f"the quote is not in {row.para_id}"]
    problems = []
    for column in ("date", "end_date"):
        if getattr(row, column):
            problems += _date_problems(getattr(row, column), column, row, text, article.year)
    return problems


def _date_problems(date: str, column: str, row, text: str, catalog_year: int | None) -> list[str]:
    year, *rest = (int(part) for part in date.split("-"))
    problems = []
    if not row.year_inferred and not written(year, row.quote):
        problems.append(f"{column}: the year {year} is not written in the quote (is year_inferred true?)")
    if row.year_inferred and column == "date" and written(year, row.quote):
        problems.append(f"{column}: year_inferred is true but the quote writes the year {year}")
    if row.year_inferred and not (written(year, text) or year == catalog_year):
        problems.append(
            f"{column}: the year {year} is neither written in {row.para_id} nor the article's year {catalog_year}"
        )
    for name, number in zip(("month", "day"), rest):
        if name == "month" and number == 12 and _END_OF_YEAR.search(row.quote):
            continue  # 2022年底 "the end of 2022" is stored as 2022-12: the text names the month by 年底/年末
        if name == "month" and number == 1 and _SINCE_START_OF_YEAR.search(row.quote):
            continue  # 进入2025年以来 "since entering 2025" is stored as 2025-01: the text says when it began
        if not (written(number, row.quote) or (row.year_inferred and written(number, text))):
            problems.append(f"{column}: the {name} {number} is not written in the quote")
    return problems


_END_OF_YEAR = re.compile(r"[0-9０-９]年(?:底|末)")
_SINCE_START_OF_YEAR = re.compile(r"[进進]入[0-9０-９]+年以[来來]")


def written(number: int, text: str) -> bool:
    """Whether a number is written in a text as a number of its own.

    >>> written(5, "2019年5~6月"), written(5, "第15次"), written(2019, "２０１９年")
    (True, False, True)
    """
    digits = unicodedata.normalize("NFKC", text)
    return re.search(rf"(?<![0-9])0*{number}(?![0-9])", digits) is not None


def source_text(article: Article, place_id: str) -> str:
    """The text a timeline row points to: a paragraph, or a table's caption and cells.

    A table's cells are joined one per line, after its caption, so that a quote
    can be a whole cell but cannot run from one cell into the next.

    >>> from helpers import load_corpus
    >>> source_text(load_corpus()["japan-us-2021"], "japan-us-2021:t2").splitlines()[:2]
    ['表2 日美貨物貿易協定(TAG)談判相關重大事件', '時間']
    """
    for table in article.tables:
        if table.id == place_id:
            return "\n".join([table.caption, *table.cells])
    try:
        return article.paragraph(place_id).text
    except KeyError:
        raise KeyError(f"{article.id} has no paragraph or table {place_id!r}") from None
