"""helpers/text/dates.py: one date model for printed dates (2011年10月) and data-file dates (2011-10)."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis import figures, timeline
from helpers.text.dates import DateSpan, elapsed, parse_iso_date, parse_printed_date, period, precision_of


@pytest.mark.parametrize(
    ("printed", "year", "first", "last", "precision"),
    [
        ("2011年10月", None, "2011-10-01", "2011-10-31", "month"),
        ("4月26~27日", 2019, "2019-04-26", "2019-04-27", "day"),
        ("2019~2023年", None, "2019-01-01", "2023-12-31", "year"),
        ("2025年7月至2026年6月", None, "2025-07-01", "2026-06-30", "month"),
        ("5月7日至8日", 2023, "2023-05-07", "2023-05-08", "day"),
        ("2024年2月", None, "2024-02-01", "2024-02-29", "month"),
        ("2018年", None, "2018-01-01", "2018-12-31", "year"),
    ],
)
def test_printed_dates(printed, year, first, last, precision):
    assert parse_printed_date(printed, year) == DateSpan(pd.Timestamp(first), pd.Timestamp(last), precision)


@pytest.mark.parametrize(
    ("printed", "message"),
    [
        ("某日", "cannot read '某日' as a date"),
        ("2019年13月", "is not a valid date"),
        ("3月", "gives no year"),
        ("2019年5月31~1日", "ends before it starts"),
        ("1~2~3日", "a range of two dates"),
        ("2019~2023", "cannot tell which numbers"),
    ],
)
def test_unreadable_printed_dates_say_why(printed, message):
    with pytest.raises(ValueError, match=message):
        parse_printed_date(printed)


@pytest.mark.parametrize(
    ("written", "first", "last", "precision"),
    [
        ("2018-10-26", "2018-10-26", "2018-10-26", "day"),
        ("2024-02", "2024-02-01", "2024-02-29", "month"),
        ("2023-02", "2023-02-01", "2023-02-28", "month"),
        ("2018", "2018-01-01", "2018-12-31", "year"),
    ],
)
def test_iso_dates(written, first, last, precision):
    span = parse_iso_date(written)
    assert span == DateSpan(pd.Timestamp(first), pd.Timestamp(last), precision)
    assert precision_of(written) == precision and period(written) == (span.first, span.last)


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("2018/10/26", "not a date written YYYY, YYYY-MM or YYYY-MM-DD"),
        ("18-10", "not a date written"),
        ("2018-13", "has no month 13"),
        ("2019-02-29", "not a day of the calendar"),
    ],
)
def test_bad_iso_dates_say_why(written, message):
    with pytest.raises(ValueError, match=message):
        parse_iso_date(written)


def test_the_two_parsers_agree_on_the_same_date():
    for printed, written in [("2011年10月", "2011-10"), ("1991年12月28日", "1991-12-28"), ("2007年", "2007")]:
        assert parse_printed_date(printed) == parse_iso_date(written)


def test_a_span_checks_itself():
    with pytest.raises(ValueError, match="unknown precision 'week'"):
        DateSpan(pd.Timestamp("2020-01-01"), pd.Timestamp("2020-01-07"), "week")
    with pytest.raises(ValueError, match="cannot end"):
        DateSpan(pd.Timestamp("2020-01-07"), pd.Timestamp("2020-01-01"))
    assert parse_printed_date("2024年2月").days == 29


def test_elapsed_counts_calendar_time():
    assert elapsed(pd.Timestamp("2025-07-01"), pd.Timestamp("2026-07-01"), "year") == 1.0
    assert elapsed(pd.Timestamp("2024-01-31"), pd.Timestamp("2024-02-29"), "month") == 1.0
    assert elapsed(pd.Timestamp("2023-03-17"), pd.Timestamp("2023-05-07"), "day") == 51.0
    with pytest.raises(ValueError, match="unit must be"):
        elapsed(pd.Timestamp("2023-03-17"), pd.Timestamp("2023-05-07"), "week")


def test_the_old_names_still_import_and_are_the_same_functions():
    assert figures.parse_printed_date is parse_printed_date and figures.elapsed is elapsed
    assert figures.DateSpan is DateSpan
    assert timeline.precision_of is precision_of and timeline.period is period
