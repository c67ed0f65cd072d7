"""Tests for helpers/analysis/figures.py and the curated figures in helpers/data/figures.csv.

The dataset and the extractor (helpers/text/quantities.py) keep each other honest:
every figure must be where its row says, read the way its row says, and every
quantity the extractor finds must be either a figure or excluded with a reason.
Expected numbers here (the table rows, the dates of the checks) were read from
the articles, not copied from the code's output.
"""

from __future__ import annotations

import dataclasses
import math
from datetime import date

import pandas as pd
import pytest

from helpers.figures import (
    CATEGORIES,
    CHECK_COLUMNS,
    FIGURE_COLUMNS,
    FigureCheckError,
    FigureDataError,
    TableShapeError,
    check_figures,
    elapsed,
    figures_for,
    load_excluded,
    load_figures,
    negotiation_table,
    parse_printed_date,
    summit_table,
    table_row_texts,
)
from helpers.quantities import extract_quantities

FIGURES = load_figures()
TABLE_WIDTHS = {"japan-us-2021:t1": 4, "japan-us-2021:t2": 2}

# A bare number is read as a score only when 分 has been mentioned before it in
# the paragraph, so "-5.0" alone has no unit; in its paragraph it is a score
# (test_each_figure_is_extracted_in_place checks that).
UNIT_FROM_CONTEXT = {("china-japan-2025:p002", "-5.0")}


def row_id(row: pd.Series) -> str:
    return f"{row.para_id}:{row.raw}"


FIGURE_ROWS = [row for _, row in FIGURES.iterrows()]
FIGURE_IDS = [f"{i}-{row_id(row)}" for i, row in enumerate(FIGURE_ROWS)]


def sources(corpus) -> dict[str, list[str]]:
    """Every text the figures may come from: a paragraph, or one table row (cells joined)."""
    texts = {p.id: [p.text] for article in corpus for p in article.paragraphs}
    for table in corpus["japan-us-2021"].tables:
        texts[table.id] = table_row_texts(table, TABLE_WIDTHS[table.id])
    return texts


def locate(texts: dict[str, list[str]], figure: pd.Series) -> tuple[int, int]:
    """(index of the text, offset of raw in it): the quote must be in exactly one text, once."""
    found = [(i, text.index(figure.quote)) for i, text in enumerate(texts[figure.para_id]) if figure.quote in text]
    assert len(found) == 1, f"{row_id(figure)}: the quote {figure.quote!r} is in {len(found)} texts"
    i, at = found[0]
    assert texts[figure.para_id][i].count(figure.quote) == 1, f"{row_id(figure)}: the quote occurs twice"
    return i, at + figure.quote.index(figure.raw)


def same_number(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or math.isclose(a, b, rel_tol=1e-9)


# --- The dataset ---------------------------------------------------------------------------------


def test_figures_file_has_the_documented_columns_and_a_plausible_size():
    assert FIGURES.columns.tolist() == FIGURE_COLUMNS
    assert 70 <= len(FIGURES) <= 120
    assert set(FIGURES.category) <= set(CATEGORIES)
    assert set(FIGURES.article_id) == {
        "abe-beijing-2018",
        "japan-us-2021",
        "china-japan-2025",
        "central-asia-2007",
        "japan-korea-2024",
    }
    assert not FIGURES.duplicated(["para_id", "quote"]).any()
    assert FIGURES.figure_id.is_unique
    assert (FIGURES.figure_id.str.split(":").str[0] == FIGURES.article_id).all()
    assert FIGURES.description.str.len().min() > 10


@pytest.mark.parametrize("figure", FIGURE_ROWS, ids=FIGURE_IDS)
def test_quote_occurs_in_its_paragraph_and_contains_raw_once(corpus, figure):
    texts = sources(corpus)
    assert figure.para_id in texts, f"no paragraph or table {figure.para_id}"
    assert figure.para_id.startswith(figure.article_id + ":")
    assert figure.quote.count(figure.raw) == 1
    locate(texts, figure)


@pytest.mark.parametrize("figure", FIGURE_ROWS, ids=FIGURE_IDS)
def test_extractor_reads_raw_as_the_row_does(figure):
    found = extract_quantities(figure.raw)
    found = found[~found.ordinal]
    assert len(found) == 1, f"{figure.raw!r} gives {found.raw.tolist()}"
    quantity = found.iloc[0]
    assert quantity.raw == figure.raw
    assert same_number(quantity.value, figure.value)
    assert same_number(quantity.value_high, figure.value_high)
    expected_unit = "" if (figure.para_id, figure.raw) in UNIT_FROM_CONTEXT else figure.unit
    assert quantity.unit == expected_unit


@pytest.mark.parametrize("figure", FIGURE_ROWS, ids=FIGURE_IDS)
def test_each_figure_is_extracted_in_place(corpus, figure):
    texts = sources(corpus)
    i, offset = locate(texts, figure)
    found = extract_quantities(texts[figure.para_id][i])
    here = found[found.start == offset]
    assert len(here) == 1, f"the extractor finds nothing at {figure.raw!r} in {figure.para_id}"
    assert here.raw.iloc[0] == figure.raw
    assert same_number(here.value.iloc[0], figure.value)
    assert here.unit.iloc[0] == figure.unit


def test_every_extracted_quantity_is_a_figure_or_excluded(corpus):
    texts = sources(corpus)
    excluded = load_excluded()
    excused = set(zip(excluded.para_id, excluded.raw))
    curated = set()
    for _, figure in FIGURES.iterrows():
        i, offset = locate(texts, figure)
        curated.add((figure.para_id, i, offset))
    missing = []
    # Figures are curated for the articles that have rows in figures.csv (the five seeds, at least).
    with_figures = set(FIGURES.para_id.str.split(":").str[0])
    for para_id, rows in texts.items():
        if para_id.split(":")[0] not in with_figures:
            continue
        for i, text in enumerate(rows):
            for q in extract_quantities(text).itertuples():
                if q.ordinal or (para_id, i, q.start) in curated or (para_id, q.raw) in excused:
                    continue
                missing.append(f"{para_id}: {q.raw}")
    assert not missing, f"neither in figures.csv nor in figures_excluded.csv: {missing}"


def test_every_exclusion_has_a_reason_and_matches_a_quantity(corpus):
    texts = sources(corpus)
    excluded = load_excluded()
    assert excluded.reason.str.len().min() > 10
    assert not excluded.duplicated(["para_id", "raw"]).any()
    for row in excluded.itertuples():
        assert row.para_id.startswith(row.article_id + ":")
        found = [
            q
            for text in texts[row.para_id]
            for q in extract_quantities(text).itertuples()
            if q.raw == row.raw and not q.ordinal
        ]
        assert found, f"the exclusion {row.para_id}: {row.raw} matches nothing the extractor finds"
        assert not ((FIGURES.para_id == row.para_id) & (FIGURES.raw == row.raw)).any(), (
            f"{row.para_id}: {row.raw} is both a figure and excluded"
        )


def test_central_asia_aid_covers_the_four_states_and_the_region():
    aid = figures_for("central-asia-2007", "aid")
    assert set(aid.country) == {"Kazakhstan", "Kyrgyzstan", "Uzbekistan", "Central Asia"}
    assert aid.year.between(1992, 2003).all()
    stakes = figures_for("central-asia-2007", "energy")
    assert sorted(stakes[stakes.unit == "percent"].value) == [2.5, 3.4, 3.92, 10, 10, 25]


def test_figures_for_filters_and_rejects_unknown_names():
    summit = figures_for(category="summit")
    assert (summit.category == "summit").all() and len(summit) >= 7
    assert set(figures_for("japan-korea-2024").article_id) == {"japan-korea-2024"}
    with pytest.raises(ValueError, match="unknown category 'weather'"):
        figures_for(category="weather")
    with pytest.raises(ValueError, match="no figures for article 'nowhere'"):
        figures_for("nowhere")


# --- The two tables -----------------------------------------------------------------------------


def test_summit_table_reads_table_1(corpus):
    summits = summit_table(corpus)
    assert summits.columns.tolist() == [
        "date",
        "start",
        "end",
        "participants_occasion",
        "minutes",
        "topics",
        "table_id",
        "row",
    ]
    assert summits.minutes.tolist() == [105, 155, 35, 50, 70]
    assert summits.date.tolist() == ["4月26~27日", "5月25~28日", "6月27~28日", "8月25日", "9月25日"]
    assert summits.start.tolist() == [
        pd.Timestamp(d) for d in ("2019-04-26", "2019-05-25", "2019-06-27", "2019-08-25", "2019-09-25")
    ]
    assert summits.end.tolist() == [
        pd.Timestamp(d) for d in ("2019-04-27", "2019-05-28", "2019-06-28", "2019-08-25", "2019-09-25")
    ]
    assert summits.row.tolist() == [1, 2, 3, 4, 5]
    assert (summits.table_id == "japan-us-2021:t1").all()
    assert summits.topics[0][0] == "朝鮮問題" and summits.topics[0][-1] == "G20大阪領導人會議"
    assert all("朝鮮問題" in topics for topics in summits.topics)
    assert summits.participants_occasion[1] == "川普訪日,會見安倍。"


def test_negotiation_table_reads_table_2(corpus):
    talks = negotiation_table(corpus)
    assert talks.columns.tolist() == ["date", "start", "event", "table_id", "row"]
    assert len(talks) == 8
    assert talks.start.iloc[0] == pd.Timestamp("2018-08-09")
    assert talks.start.iloc[-1] == pd.Timestamp("2020-01-01")
    assert talks.start.is_monotonic_increasing
    assert talks.date.iloc[3] == "2019年4月15~16日"
    assert "正式籤署" in talks.event.iloc[6] and talks.start.iloc[6] == pd.Timestamp("2019-10-07")


def test_table_figures_agree_with_the_parsed_table(corpus):
    from_csv = FIGURES[FIGURES.para_id == "japan-us-2021:t1"].value.tolist()
    assert from_csv == summit_table(corpus).minutes.tolist()


def corpus_with_table(corpus, label: str, **changes) -> dict:
    """A one-article corpus whose table ``label`` is altered."""
    article = corpus["japan-us-2021"]
    tables = tuple(dataclasses.replace(t, **changes) if t.caption.startswith(label) else t for t in article.tables)
    return {"japan-us-2021": dataclasses.replace(article, tables=tables)}


def test_a_lost_cell_is_an_error_naming_the_table(corpus):
    cells = corpus["japan-us-2021"].tables[0].cells
    broken = corpus_with_table(corpus, "表1", cells=cells[:-1])
    with pytest.raises(TableShapeError, match=r"japan-us-2021:t1 \(表1 .*\): 19 body cells"):
        summit_table(broken)


def test_a_wrong_header_is_an_error_naming_the_table(corpus):
    cells = corpus["japan-us-2021"].tables[1].cells
    broken = corpus_with_table(corpus, "表2", cells=("日期",) + cells[1:])
    with pytest.raises(TableShapeError, match=r"japan-us-2021:t2 \(表2.*header cells"):
        negotiation_table(broken)


def test_a_missing_table_or_unreadable_date_is_an_error(corpus):
    with pytest.raises(TableShapeError, match="no table is captioned '表1'"):
        summit_table(corpus_with_table(corpus, "表1", caption="圖1 別的"))
    cells = list(corpus["japan-us-2021"].tables[0].cells)
    cells[4] = "某日"
    with pytest.raises(TableShapeError, match="row 1: cannot read '某日'"):
        summit_table(corpus_with_table(corpus, "表1", cells=tuple(cells)))
    cells = list(corpus["japan-us-2021"].tables[0].cells)
    cells[6] = "很久"
    with pytest.raises(TableShapeError, match="row 1: expected one length in minutes"):
        summit_table(corpus_with_table(corpus, "表1", cells=tuple(cells)))


# --- Dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "printed, year, first, last",
    [
        ("2018年8月9~10日", None, "2018-08-09", "2018-08-10"),
        ("2023年3月16至17日", None, "2023-03-16", "2023-03-17"),
        ("5月7日至8日", 2023, "2023-05-07", "2023-05-08"),
        ("2025年7月至2026年6月", None, "2025-07-01", "2026-06-30"),
        ("2019~2023年", None, "2019-01-01", "2023-12-31"),
        ("2024年2月", None, "2024-02-01", "2024-02-29"),
        ("1991年12月28日", None, "1991-12-28", "1991-12-28"),
    ],
)
def test_parse_printed_date(printed, year, first, last):
    span = parse_printed_date(printed, year)
    assert (span.first, span.last) == (pd.Timestamp(first), pd.Timestamp(last))


@pytest.mark.parametrize("printed", ["某日", "2019年13月", "3月", "2019年5月31~1日", "1~2~3日"])
def test_unreadable_dates_are_errors(printed):
    with pytest.raises(ValueError):
        parse_printed_date(printed)


def test_elapsed_counts_calendar_time():
    assert elapsed(pd.Timestamp("2019-01-01"), pd.Timestamp("2024-01-01"), "year") == 5.0
    assert elapsed(pd.Timestamp("2024-01-31"), pd.Timestamp("2024-02-29"), "month") == 1.0
    assert elapsed(pd.Timestamp("2023-03-17"), pd.Timestamp("2023-05-07"), "day") == 51.0


# --- The checks -----------------------------------------------------------------------------------


def fig(para_id: str, raw: str) -> float:
    rows = FIGURES[(FIGURES.para_id == para_id) & (FIGURES.raw == raw)]
    assert len(rows) == 1
    return float(rows.value.iloc[0])


def years(start: date, end: date) -> float:
    return (end - start).days / 365.2425


# Each check recomputed here another way: from figures.csv rather than the
# parsed tables, and from dates read off the page with datetime rather than
# parse_printed_date.
RECOMPUTED = {
    "2019 summits: 表1 minutes against the stated total": lambda: FIGURES[
        FIGURES.para_id == "japan-us-2021:t1"
    ].value.sum(),
    "2019 summits: 表1 rows against the stated number": lambda: (FIGURES.para_id == "japan-us-2021:t1").sum(),
    "TAG signing: 表1 summit marked 籤約 against 表2's signing date": lambda: (
        (date(2019, 10, 7) - date(2019, 9, 25)).days
    ),
    "TAG talks: 逾1年 against 表2's dates": lambda: years(date(2018, 9, 26), date(2019, 10, 7)),
    "F-35 fleet: parts against the stated total": lambda: (
        fig("abe-beijing-2018:p013", "42架") + fig("abe-beijing-2018:p013", "最多100架")
    ),
    "Currency swap: 十倍 against the two ceilings": lambda: (
        fig("abe-beijing-2018:p008", "3.4兆日圓") / fig("abe-beijing-2018:p008", "3300億日圓")
    ),
    "Japan–China trade: exports within the total": lambda: fig("abe-beijing-2018:p003", "15兆日圓"),
    "Defence budget: 1% ceiling to the 1.3% plan": lambda: 1.0,
    "Defence plan: 5年 against 2019~2023": lambda: 2023 - 2019 + 1,
    "Rapprochement: 三年多 from November 2014": lambda: years(date(2014, 11, 30), date(2018, 10, 25)),
    "World GDP: China within the developing countries": lambda: fig("japan-us-2021:p004", "16%"),
    "Relation score: -5.0 inside the 紧张 band": lambda: -5.0,
    "Relation score: -6.0 at the edge of the 紧张 band": lambda: -6.0,
    "Relation score: 升至 -5.0": lambda: 1.0,
    "Forecast horizon: 一年 against July 2025–June 2026": lambda: ((2026 - 2025) * 12 + (6 - 7) + 1) / 12,
    "First Trump shock: 七年前 against 2018 and 2025": lambda: years(date(2018, 3, 31), date(2025, 4, 1)),
    "Kawaguchi's 2004 visit: states named against the stated count": lambda: len(
        "乌兹别克斯坦、哈萨克斯坦、塔吉克斯坦、吉尔吉斯斯坦".split("、")
    ),
    "Central Asia: 独立后5年 against 1991 and 1997": lambda: years(date(1991, 12, 28), date(1997, 7, 1)),
    "Aid to Central Asia: 1997 to 2003": lambda: 1.0,
    "Shuttle diplomacy: 中斷12年之久 against October 2011 and March 2023": lambda: years(
        date(2011, 10, 31), date(2023, 3, 16)
    ),
    "Shuttle diplomacy: 中斷12年之久 against the visits to Seoul (October 2011, May 2023)": lambda: years(
        date(2011, 10, 31), date(2023, 5, 7)
    ),
    "Shuttle diplomacy: 時隔50餘天 between the two visits": lambda: (date(2023, 5, 7) - date(2023, 3, 17)).days,
}

# Read from the articles: 42 + 100 is not 140; October 2011 to 2023 is not 12
# full years; 表1 puts a signing at the 25 September summit that 表2 dates 7 October.
EXPECTED_DISCREPANCIES = {
    "TAG signing: 表1 summit marked 籤約 against 表2's signing date",
    "F-35 fleet: parts against the stated total",
    "Shuttle diplomacy: 中斷12年之久 against October 2011 and March 2023",
    "Shuttle diplomacy: 中斷12年之久 against the visits to Seoul (October 2011, May 2023)",
}


@pytest.fixture(scope="module")
def checks(corpus) -> pd.DataFrame:
    return check_figures(corpus)


def test_checks_have_the_documented_columns(checks):
    assert checks.columns.tolist() == CHECK_COLUMNS
    assert checks.consistent.dtype == bool
    assert checks.stated.map(lambda x: isinstance(x, float)).all()
    assert checks.explanation.str.endswith(".").all()
    assert not checks.check.duplicated().any()
    for row in checks.itertuples():
        assert row.para_id.startswith(row.article_id + ":")
        assert row.para_id in FIGURES.para_id.values


def test_every_check_is_recomputed_independently(checks):
    assert set(checks.check) == set(RECOMPUTED)
    for row in checks.itertuples():
        expected = float(RECOMPUTED[row.check]())
        # Years: calendar months in the code, days / 365.2425 here; they differ by far less than 0.02.
        assert math.isclose(row.computed, expected, rel_tol=1e-9, abs_tol=0.02), (
            f"{row.check}: computed {row.computed}, recomputed {expected}"
        )


def test_the_discrepancies_are_found_and_explained(checks):
    flagged = checks[~checks.consistent]
    assert set(flagged.check) == EXPECTED_DISCREPANCIES
    shuttle = flagged[flagged.check.str.contains("October 2011 and March 2023")].iloc[0]
    assert shuttle.stated == 12 and 11 < shuttle.computed < 12
    assert "12年之久" in shuttle.explanation and "2011年10月" in shuttle.explanation
    f35 = flagged[flagged.check.str.startswith("F-35")].iloc[0]
    assert (f35.stated, f35.computed) == (140, 142)
    assert "42架" in f35.explanation and "140架" in f35.explanation


def test_consistent_checks_are_listed_too(checks):
    fine = checks[checks.consistent]
    assert len(fine) >= 10
    summit = fine[fine.check.str.contains("minutes")].iloc[0]
    assert summit.stated == summit.computed == 415
    swap = fine[fine.check.str.startswith("Currency swap")].iloc[0]
    assert swap.stated == 10 and 10 < swap.computed < 10.5


def test_a_check_with_a_figure_missing_from_the_file_fails_loudly(corpus):
    figures = FIGURES[FIGURES.raw != "140架"]
    with pytest.raises(FigureCheckError, match=r"check \[f35-fleet\]: 0 rows of figures.csv have raw '140架'"):
        check_figures(corpus, figures)


# --- Malformed files ----------------------------------------------------------------------------

HEADER = ",".join(FIGURE_COLUMNS)
GOOD = (
    "abe-beijing-2018:f01,abe-beijing-2018,abe-beijing-2018:p003,總額為33兆日圓,33兆日圓,3.3e13,,JPY,2017,"
    "trade,China,trade-2017,Total trade"
)


def write(tmp_path, *lines: str):
    path = tmp_path / "figures.csv"
    path.write_text("\n".join(["# a comment", "#", HEADER, *lines]) + "\n", encoding="utf-8")
    return path


def test_a_good_file_loads(tmp_path):
    figures = load_figures(write(tmp_path, GOOD))
    assert figures.value.tolist() == [3.3e13] and math.isnan(figures.value_high[0])


@pytest.mark.parametrize(
    "old, new, message",
    [
        (",trade,", ",weather,", "unknown category 'weather'"),
        (",3.3e13,", ",lots,", "value 'lots' is not a number"),
        (",3.3e13,,", ",3.3e13,more,", "value_high 'more' is not a number"),
        (",總額為33兆日圓,", ",,", "the 'quote' column is empty"),
        (",33兆日圓,3.3e13", ",44兆日圓,3.3e13", "raw '44兆日圓' does not occur in the quote"),
        (",2017,", ",17,", "year '17' is not a four-digit year"),
        (",Total trade", ",Total trade,extra", "14 fields where the header has 13"),
        ("abe-beijing-2018:p003", "japan-us-2021:p003", "is not in article 'abe-beijing-2018'"),
        (",trade-2017,", ",Trade 2017,", "series 'Trade 2017' should be a lower-case slug"),
        ("abe-beijing-2018:f01", "abe-beijing-2018:01", "should look like abe-beijing-2018:f01"),
    ],
)
def test_a_malformed_row_names_the_file_and_line(tmp_path, old, new, message):
    assert old in GOOD
    bad = GOOD.replace(old, new, 1).replace(":f01,", ":f02,")
    path = write(tmp_path, GOOD, bad)
    with pytest.raises(FigureDataError) as error:
        load_figures(path)
    assert str(path) in str(error.value) and "line 5" in str(error.value)
    assert message in str(error.value)


def test_a_repeated_figure_id_is_an_error(tmp_path):
    with pytest.raises(FigureDataError, match="line 5: figure_id 'abe-beijing-2018:f01' is already used on line 4"):
        load_figures(write(tmp_path, GOOD, GOOD))


def test_series_group_the_rows_the_plots_draw():
    swap = FIGURES[FIGURES.series == "swap-ceiling"].sort_values("year")
    assert swap.raw.tolist() == ["3300億日圓", "3.4兆日圓"] and swap.year.tolist() == [2002, 2018]
    trade = FIGURES[FIGURES.series == "trade-2017"]
    assert sorted(trade.raw) == ["15兆日圓", "19%", "33兆日圓"] and (trade.year == 2017).all()
    assert sorted(FIGURES[FIGURES.series == "f35"].value) == [42, 100, 140]


def test_a_missing_column_or_file_is_an_error(tmp_path):
    path = tmp_path / "figures.csv"
    path.write_text("article_id,para_id,quote\n", encoding="utf-8")
    with pytest.raises(FigureDataError, match="line 1: the header lacks column"):
        load_figures(path)
    with pytest.raises(FigureDataError, match="does not exist"):
        load_figures(tmp_path / "nowhere.csv")


def test_an_exclusion_without_a_reason_is_an_error(tmp_path):
    path = tmp_path / "excluded.csv"
    path.write_text("# note\narticle_id,para_id,raw,reason\nx,x:p001,三國,\n", encoding="utf-8")
    with pytest.raises(FigureDataError, match=r"line 3: the 'reason' column is empty"):
        load_excluded(path)
