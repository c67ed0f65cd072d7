"""Dates: as the articles print them, and as the data files write them.

One model for both: a :class:`DateSpan`, the first and the last day a date
covers and the precision it is given to (``day``, ``month`` or ``year``).

* :func:`parse_printed_date` reads a date as an article prints it
  (``2011年10月``, ``4月26~27日``, ``2019~2023年``);
* :func:`parse_iso_date` reads a date as ``timeline.csv`` writes it
  (``2018-10-26``, ``2018-10``, ``2018``); :func:`precision_of` and
  :func:`period` are its two halves;
* :func:`elapsed` measures the time between two days by the calendar.

>>> parse_printed_date("2011年10月") == parse_iso_date("2011-10")
True
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

import pandas as pd

#: Precisions, from the finest to the coarsest.
PRECISIONS = ("day", "month", "year")


@dataclass(frozen=True)
class DateSpan:
    """The days a date covers and its precision: ``2011年10月`` is 1–31 October 2011, to the month.

    >>> span = DateSpan(pd.Timestamp("2011-10-01"), pd.Timestamp("2011-10-31"), "month")
    >>> span.days
    31
    """

    first: pd.Timestamp
    last: pd.Timestamp
    precision: str = "day"

    def __post_init__(self) -> None:
        if self.precision not in PRECISIONS:
            raise ValueError(f"unknown precision {self.precision!r} (one of: {', '.join(PRECISIONS)})")
        if self.last < self.first:
            raise ValueError(f"a span cannot end ({self.last.date()}) before it starts ({self.first.date()})")

    @property
    def days(self) -> int:
        """How many calendar days the span covers, both ends included."""
        return int((self.last - self.first).days) + 1


# --- Dates as the articles print them -----------------------------------------------------

_DATE_TOKEN = re.compile(r"\s*(\d+)\s*([年月日]?)")
_DATE_RANGE = re.compile(r"\s*[~～〜至到－—–-]\s*")
_UNIT_ORDER = "年月日"
_UNIT_PRECISION = {"年": "year", "月": "month", "日": "day"}


def parse_printed_date(text: str, year: int | None = None) -> DateSpan:
    """Read a date as the articles print it; ``year`` is used when the text has none.

    A range (``~``, ``至``) spans from its first to its last day, and the second
    half borrows the year and month the first half gives. The precision is the
    finest unit printed:

    >>> span = parse_printed_date("4月26~27日", year=2019)
    >>> str(span.first.date()), str(span.last.date()), span.precision
    ('2019-04-26', '2019-04-27', 'day')
    >>> span = parse_printed_date("2011年10月")
    >>> str(span.first.date()), str(span.last.date()), span.precision
    ('2011-10-01', '2011-10-31', 'month')
    >>> span = parse_printed_date("2019~2023年")
    >>> str(span.first.date()), str(span.last.date()), span.precision
    ('2019-01-01', '2023-12-31', 'year')
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
    finest = max((unit for part in tokens for _, unit in part), key=_UNIT_ORDER.index)
    return DateSpan(first, last, _UNIT_PRECISION[finest])


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


# --- Dates as the data files write them ---------------------------------------------------

_ISO_SHAPES = {
    "year": re.compile(r"\d{4}"),
    "month": re.compile(r"\d{4}-\d{2}"),
    "day": re.compile(r"\d{4}-\d{2}-\d{2}"),
}


def precision_of(date: str) -> str:
    """The precision that the shape of an ISO-style date shows.

    >>> precision_of("2018-10-25"), precision_of("2018-10"), precision_of("2018")
    ('day', 'month', 'year')
    >>> precision_of("2018/10")
    Traceback (most recent call last):
    ...
    ValueError: '2018/10' is not a date written YYYY, YYYY-MM or YYYY-MM-DD
    """
    for precision, shape in _ISO_SHAPES.items():
        if shape.fullmatch(date):
            return precision
    raise ValueError(f"{date!r} is not a date written YYYY, YYYY-MM or YYYY-MM-DD")


def parse_iso_date(date: str) -> DateSpan:
    """Read a date written ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as the span it names.

    >>> span = parse_iso_date("2019-02")
    >>> str(span.first.date()), str(span.last.date()), span.precision
    ('2019-02-01', '2019-02-28', 'month')
    >>> parse_iso_date("2019-02-30")
    Traceback (most recent call last):
    ...
    ValueError: '2019-02-30' is not a day of the calendar
    """
    precision = precision_of(date)
    year, month, day = ([int(part) for part in date.split("-")] + [1, 1])[:3]
    if precision != "year" and not 1 <= month <= 12:
        raise ValueError(f"{date!r} has no month {month}")
    if precision == "day":
        try:
            first = last = datetime.date(year, month, day)
        except ValueError:
            raise ValueError(f"{date!r} is not a day of the calendar") from None
    elif precision == "month":
        first = datetime.date(year, month, 1)
        last = datetime.date(year, month, calendar.monthrange(year, month)[1])
    else:
        first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return DateSpan(pd.Timestamp(first), pd.Timestamp(last), precision)


def period(date: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The first and the last day of the period that an ISO-style date names.

    >>> period("2019-02")
    (Timestamp('2019-02-01 00:00:00'), Timestamp('2019-02-28 00:00:00'))
    >>> period("2018")[1]
    Timestamp('2018-12-31 00:00:00')
    """
    span = parse_iso_date(date)
    return span.first, span.last


# --- Time between days ----------------------------------------------------------------------


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


__all__ = ["PRECISIONS", "DateSpan", "elapsed", "parse_iso_date", "parse_printed_date", "period", "precision_of"]
