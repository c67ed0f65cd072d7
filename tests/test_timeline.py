"""Tests for helpers.timeline and the event file helpers/data/timeline.csv.

The checks of the file against the texts are written here independently of the
code they test (they split the text into numbers with a plain ``\\d+``), and the
spot checks at the end were verified by reading the paragraphs, not by running
the code.

The rule for where a date must be written (the same one verify_timeline applies):

* the year is written in the quote, unless ``year_inferred`` is true; then the
  quote does not write it, and it is written somewhere in the same paragraph (for a
  table: its caption or cells) or, failing that, it is the article's year in the
  catalog (``11 月 13 日`` in the 2018 commentary);
* the month (for month and day precision) and the day (for day precision) are
  written in the quote, or -- when ``year_inferred`` -- in the same paragraph
  (``同一天`` after ``2023年4月``);
* the same holds for ``end_date``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pandas as pd
import pytest
from seed_info import seeds_in

from helpers.timeline import (
    EVENT_TYPES,
    PRECISIONS,
    TIMELINE_COLUMNS,
    TIMELINE_PATH,
    TimelineError,
    load_timeline,
    merged_timeline,
    period,
    precision_of,
    timeline_for,
    verify_timeline,
)

HEADER = "article_id,para_id,date,end_date,precision,year_inferred,event_type,quote,description"
GOOD_ROW = 'abe-beijing-2018,abe-beijing-2018:p006,2018-09-25,,day,true,meeting,"於9月25日在北京召開","First meeting"'


@pytest.fixture(scope="module")
def timeline() -> pd.DataFrame:
    return load_timeline()


def cell_text(corpus, para_id: str, with_caption: bool = False) -> str:
    """The paragraph's text, or the table's cells joined one per line."""
    article = corpus[para_id.split(":")[0]]
    for table in article.tables:
        if table.id == para_id:
            return "\n".join(([table.caption] if with_caption else []) + list(table.cells))
    return article.paragraph(para_id).text


def numbers(text: str) -> set[int]:
    return {int(n) for n in re.findall(r"\d+", unicodedata.normalize("NFKC", text))}


def rows_where(timeline: pd.DataFrame, **values) -> pd.DataFrame:
    mask = pd.Series(True, index=timeline.index)
    for column, value in values.items():
        mask &= timeline[column] == value
    return timeline[mask]


# --- The shipped file against the texts ----------------------------------------------


def test_every_quote_is_in_the_named_paragraph_or_table(corpus, timeline):
    missing = [
        (row.line, row.para_id, row.quote)
        for row in timeline.itertuples()
        if row.quote not in cell_text(corpus, row.para_id)
    ]
    assert missing == []


def test_every_date_is_written_in_the_quote_or_its_context(corpus, timeline):
    unsupported = []
    for row in timeline.itertuples():
        quote = numbers(row.quote)
        context = numbers(cell_text(corpus, row.para_id, with_caption=True))
        catalog_year = corpus[row.article_id].year
        if row.year_inferred and int(row.date[:4]) in quote:
            unsupported.append((row.line, "year_inferred, but the quote writes the year", row.quote))
        for date in filter(None, (row.date, row.end_date)):
            year, *month_day = (int(part) for part in date.split("-"))
            year_ok = year in context or year == catalog_year if row.year_inferred else year in quote
            # "The end of 2022" (2022年底/年末) names December without the digit 12.
            end_of_year = {12} if re.search(r"[0-9０-９]年[底末]", row.quote) else set()
            # "Since entering 2025" (进入2025年以来) names January, when the event began.
            start_of_year = {1} if re.search(r"[进進]入[0-9０-９]+年以[来來]", row.quote) else set()
            named = end_of_year | start_of_year
            parts_ok = all(n in quote or n in named or (row.year_inferred and n in context) for n in month_day)
            if not (year_ok and parts_ok):
                unsupported.append((row.line, date, row.quote))
    assert unsupported == []


def test_inferred_years_are_marked_and_used_where_the_text_omits_the_year(timeline):
    inferred = timeline[timeline["year_inferred"]]
    # Relative or year-less dates the articles use, each of which must be marked.
    assert {"同年10月25至27日回訪北京", "11月22日,韓方宣布有條件延長GSOMIA", "4月26~27日"} <= set(inferred["quote"])
    assert 20 <= len(inferred) <= len(timeline) // 2


def test_the_shipped_file_passes_verify_timeline(corpus, timeline):
    problems = verify_timeline(corpus, timeline)
    assert problems.empty, problems.to_string()


def test_at_least_twelve_events_for_each_article(corpus, timeline):
    counts = Counter(timeline["article_id"])
    assert set(counts) <= set(corpus.ids)
    # The timeline is curated: required of the five seeds, optional for an added article.
    assert all(counts[article_id] >= 12 for article_id in seeds_in(corpus.ids)), counts


def test_the_file_has_between_80_and_150_events_and_no_duplicates(timeline):
    assert 80 <= len(timeline) <= 150
    key = ["article_id", "para_id", "date", "event_type", "quote", "description"]
    assert not timeline.duplicated(key).any()


def test_every_table_row_is_an_event_that_cites_its_table(corpus, timeline):
    # Table 1 and Table 2 of japan-us-2021 are written out one cell per line: the
    # date cell is the first of each row (4 columns in Table 1, 2 in Table 2).
    article = corpus["japan-us-2021"]
    widths = {"japan-us-2021:t1": 4, "japan-us-2021:t2": 2}
    for table in article.tables:
        width = widths[table.id]
        date_cells = table.cells[width::width]
        cited = timeline[timeline["para_id"] == table.id]
        assert sorted(cited["quote"]) == sorted(date_cells)
        # The same date cells are not cited from a paragraph instead.
        elsewhere = timeline[(timeline["para_id"] != table.id) & timeline["quote"].isin(date_cells)]
        assert elsewhere.empty


def test_table_dates_match_the_cells(timeline):
    # 2018年8月9~10日 -> 2018-08-09 .. 2018-08-10, read from the cell itself.
    for row in timeline[timeline["para_id"].str.contains(":t")].itertuples():
        year, month, first, last = re.fullmatch(r"(?:(\d{4})年)?(\d+)月(\d+)日?(?:~(\d+)日)?", row.quote).groups()
        expected_year = int(year) if year else 2019  # Table 1 is headed "2019年".
        assert row.date == f"{expected_year}-{int(month):02d}-{int(first):02d}"
        assert row.end_date == (f"{expected_year}-{int(month):02d}-{int(last):02d}" if last else "")
        assert row.year_inferred == (year is None)


def test_table_1_lists_the_five_summits_that_paragraph_13_counts(corpus, timeline):
    # p013: "2019年雙方領導人在各種場合舉行了5次首腦會談,總時長約415分鐘(參見表1)".
    assert "5次首腦會談" in corpus.paragraph("japan-us-2021:p013").text
    summits = rows_where(timeline, para_id="japan-us-2021:t1", event_type="summit")
    assert len(summits) == 5
    assert set(summits["start"].dt.year) == {2019}


def test_the_header_comment_lists_the_event_types_and_explains_the_columns():
    comments = [line for line in TIMELINE_PATH.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    listed = {m.group(1) for line in comments if (m := re.match(r"#\s{20}([a-z-]+)\s{2,}\S", line))}
    assert listed == set(EVENT_TYPES)
    text = "\n".join(comments)
    for column in HEADER.split(","):
        assert re.search(rf"#\s+{column}\s", text), column
    assert "To add a row" in text


def test_every_event_type_and_precision_is_used(timeline):
    assert set(timeline["event_type"]) == set(EVENT_TYPES)
    assert set(timeline["precision"]) == set(PRECISIONS)


# --- Spot checks, verified by reading the texts --------------------------------------


@pytest.mark.parametrize(
    "para_id, date, end_date, event_type, must_contain",
    [
        # 日本首相安倍晉三於同年10月25至27日回訪北京 (after Li's visit in 2018)
        ("abe-beijing-2018:p001", "2018-10-25", "2018-10-27", "visit", "10月25至27日"),
        # 李克強於2018年5月8至11日訪問東京
        ("abe-beijing-2018:p001", "2018-05-08", "2018-05-11", "visit", "5月8至11日"),
        # Table 2: 2019年10月7日 日美代表在華盛頓正式籤署TAG協定 / 2020年1月1日 日美TAG協定生效
        ("japan-us-2021:t2", "2019-10-07", "", "agreement", "2019年10月7日"),
        ("japan-us-2021:t2", "2020-01-01", "", "agreement", "2020年1月1日"),
        # Table 1: 5月25~28日 川普訪日,會見安倍
        ("japan-us-2021:t1", "2019-05-25", "2019-05-28", "summit", "5月25~28日"),
        # 2023年3月16至17日，尹錫悅訪日與岸田文雄會談 ... 5月7日至8日，岸田文雄訪韓
        ("japan-korea-2024:p016", "2023-03-16", "2023-03-17", "visit", "尹錫悅訪日"),
        ("japan-korea-2024:p016", "2023-05-07", "2023-05-08", "visit", "岸田文雄訪韓"),
        # 2023年8月18日在美國戴維營舉行三國首腦會議
        ("japan-korea-2024:p016", "2023-08-18", "", "summit", "戴維營"),
        # 日本于1991年12月28日正式承认中亚国家独立
        ("central-asia-2007:p005", "1991-12-28", "", "statement", "承认中亚国家独立"),
        # 2025年2月7日,石破茂与特朗普进行首次首脑会谈
        ("china-japan-2025:p012", "2025-02-07", "", "summit", "首次首脑会谈"),
    ],
)
def test_spot_checks(timeline, para_id, date, end_date, event_type, must_contain):
    found = rows_where(timeline, para_id=para_id, date=date)
    assert len(found) == 1
    row = found.iloc[0]
    assert (row["end_date"], row["event_type"]) == (end_date, event_type)
    assert must_contain in row["quote"]
    assert row["precision"] == "day"


def test_the_central_asia_article_dates_silk_road_diplomacy_twice(timeline):
    # p004: 1997年，日本桥本龙太郎内阁提出“丝绸之路外交”理念; p007: 于1999年提出了“丝绸之路外交”政策.
    silk_road = timeline[timeline["quote"].str.contains("丝绸之路外交")]
    assert sorted(silk_road["date"]) == ["1997", "1999"]


def test_the_abe_visits_fall_in_order(timeline):
    abe = timeline_for("abe-beijing-2018", timeline)
    li_tokyo = abe.index[abe["date"] == "2018-05-08"][0]
    abe_beijing = abe.index[abe["date"] == "2018-10-25"][0]
    forum = abe.index[abe["date"] == "2018-10-26"][0]
    assert li_tokyo < abe_beijing < forum


# --- Loading: columns, precision, sorting --------------------------------------------


def write(tmp_path, *rows: str, header: str = HEADER):
    path = tmp_path / "timeline.csv"
    path.write_text("# a comment line\n\n" + "\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_load_timeline_columns_and_types(timeline):
    assert timeline.columns.tolist() == TIMELINE_COLUMNS
    assert timeline["year_inferred"].dtype == bool
    assert pd.api.types.is_datetime64_any_dtype(timeline["start"])
    assert (timeline["start"] <= timeline["end"]).all()


def test_precision_sets_the_period(tmp_path):
    path = write(
        tmp_path,
        GOOD_ROW.replace("2018-09-25,,day", "2018,,year"),
        GOOD_ROW.replace("2018-09-25,,day", "2018-02,,month"),
        GOOD_ROW.replace("2018-09-25,,day", "2018-05-08,2018-05-11,day"),
        GOOD_ROW.replace("2018-09-25,,day", "2019-05,2019-06,month"),
    )
    loaded = load_timeline(path)
    assert loaded["start"].tolist() == [
        pd.Timestamp(d) for d in ("2018-01-01", "2018-02-01", "2018-05-08", "2019-05-01")
    ]
    assert loaded["end"].tolist() == [pd.Timestamp(d) for d in ("2018-12-31", "2018-02-28", "2018-05-11", "2019-06-30")]
    assert loaded["line"].tolist() == [4, 5, 6, 7]  # after a comment, a blank line and the header


def test_merged_timeline_sorts_by_date_across_articles(tmp_path):
    korea = GOOD_ROW.replace("abe-beijing-2018", "japan-korea-2024")
    path = write(
        tmp_path,
        GOOD_ROW.replace("2018-09-25,,day", "2018,,year"),
        korea.replace("2018-09-25", "2018-09-24"),
        GOOD_ROW.replace("2018-09-25,,day", "2017-11,,month"),
        korea.replace("2018-09-25,,day", "2018-01,,month"),
        GOOD_ROW.replace("2018-09-25", "2018-01-01"),
    )
    merged = merged_timeline(timeline=load_timeline(path))
    # On the same first day, the more precise event comes first: day, month, year.
    assert merged["date"].tolist() == ["2017-11", "2018-01-01", "2018-01", "2018", "2018-09-24"]
    assert merged["start"].is_monotonic_increasing
    only_korea = merged_timeline(["japan-korea-2024"], timeline=load_timeline(path))
    assert only_korea["date"].tolist() == ["2018-01", "2018-09-24"]


def test_merged_timeline_of_the_shipped_file_spans_1951_to_2025(timeline):
    merged = merged_timeline(timeline=timeline)
    assert merged["start"].is_monotonic_increasing
    assert merged["start"].iloc[0].year == 1951 and merged["start"].iloc[-1].year == 2025
    assert len(merged) == len(timeline)


def test_timeline_for_gives_one_article_in_date_order(timeline):
    korea = timeline_for("japan-korea-2024", timeline)
    assert set(korea["article_id"]) == {"japan-korea-2024"}
    assert korea["start"].is_monotonic_increasing
    assert len(korea) == (timeline["article_id"] == "japan-korea-2024").sum()


def test_unknown_articles_are_errors(timeline):
    with pytest.raises(KeyError, match="no events for article 'japan-france-2030'"):
        timeline_for("japan-france-2030", timeline)
    with pytest.raises(KeyError, match="japan-france-2030"):
        merged_timeline(["abe-beijing-2018", "japan-france-2030"], timeline)


def test_precision_of_and_period():
    assert precision_of("2024-02") == "month"
    assert period("2024-02") == (pd.Timestamp("2024-02-01"), pd.Timestamp("2024-02-29"))  # a leap year
    assert period("2023-02")[1] == pd.Timestamp("2023-02-28")
    with pytest.raises(ValueError, match="YYYY"):
        precision_of("2018/10/25")


# --- Bad rows --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "row, message",
    [
        (GOOD_ROW.replace("2018-09-25", "2018-13-25"), r"bad date: .*no month 13"),
        (GOOD_ROW.replace("2018-09-25", "2018-02-30"), r"bad date: .*not a day of the calendar"),
        (GOOD_ROW.replace("2018-09-25", "18-09-25"), r"bad date: .*YYYY, YYYY-MM or YYYY-MM-DD"),
        (GOOD_ROW.replace("2018-09-25", "2018年9月25日"), r"bad date"),
        (GOOD_ROW.replace(",day,", ",week,"), r"unknown precision 'week'"),
        (GOOD_ROW.replace(",day,", ",month,"), r"precision is 'month' but date '2018-09-25' is written to the day"),
        (
            GOOD_ROW.replace("2018-09-25,,day", "2018-09,,day"),
            r"precision is 'day' but date '2018-09' is written to the month",
        ),
        (GOOD_ROW.replace("2018-09-25,,", "2018-09-25,2018-09,"), r"end_date '2018-09' is written to the month"),
        (GOOD_ROW.replace("2018-09-25,,", "2018-09-25,2018-09-20,"), r"end_date 2018-09-20 is not after date"),
        (GOOD_ROW.replace(",meeting,", ",party,"), r"unknown event_type 'party'"),
        (GOOD_ROW.replace(",true,", ",yes,"), r"year_inferred must be true or false, not 'yes'"),
        (GOOD_ROW.replace("abe-beijing-2018:p006", "japan-us-2021:p006"), r"not in article 'abe-beijing-2018'"),
        (GOOD_ROW.replace("abe-beijing-2018:p006", "p006"), r"para_id must look like"),
        (GOOD_ROW.replace('"First meeting"', '""'), r"description is empty"),
        (GOOD_ROW.replace('"於9月25日在北京召開"', "於9月25日, 在北京"), r"10 fields where the header has 9"),
    ],
)
def test_bad_rows_name_the_file_line_and_problem(tmp_path, row, message):
    path = write(tmp_path, GOOD_ROW, row)
    with pytest.raises(TimelineError, match=message) as error:
        load_timeline(path)
    assert str(path) in str(error.value)
    assert "line 5" in str(error.value)  # comment, blank line, header, good row, then the bad row


def test_a_missing_column_is_named(tmp_path):
    header = HEADER.replace(",event_type", "")
    path = write(tmp_path, GOOD_ROW.replace(",meeting", ""), header=header)
    with pytest.raises(TimelineError, match=r"line 3: the header lacks column\(s\) event_type"):
        load_timeline(path)


def test_a_missing_or_empty_file_is_an_error(tmp_path):
    with pytest.raises(TimelineError, match="does not exist"):
        load_timeline(tmp_path / "nothing.csv")
    empty = tmp_path / "empty.csv"
    empty.write_text("# only a comment\n", encoding="utf-8")
    with pytest.raises(TimelineError, match="no header line"):
        load_timeline(empty)


def test_a_good_row_loads(tmp_path):
    [row] = load_timeline(write(tmp_path, GOOD_ROW)).to_dict("records")
    assert (row["date"], row["end_date"], row["year_inferred"], row["quote"]) == (
        "2018-09-25",
        "",
        True,
        "於9月25日在北京召開",
    )


# --- verify_timeline finds rows the texts do not bear out -----------------------------


@pytest.mark.parametrize(
    "row, problem",
    [
        (GOOD_ROW, None),
        (GOOD_ROW.replace("於9月25日在北京召開", "於9月26日在北京召開"), "the quote is not in abe-beijing-2018:p006"),
        (GOOD_ROW.replace(":p006", ":p099"), "has no paragraph or table 'abe-beijing-2018:p099'"),
        (GOOD_ROW.replace("abe-beijing-2018", "japan-france-2030"), "no article 'japan-france-2030'"),
        # 9月25日 does not write the year: year_inferred must be true.
        (GOOD_ROW.replace(",true,", ",false,"), "the year 2018 is not written in the quote"),
        # p006 does not write 2017, and the article's year is 2018.
        (GOOD_ROW.replace("2018-09-25", "2017-09-25"), "the year 2017 is neither written"),
        (GOOD_ROW.replace("2018-09-25", "2018-10-25"), "the month 10 is not written"),
        (GOOD_ROW.replace("2018-09-25,,", "2018-09-25,2018-09-27,"), "end_date: the day 27 is not written"),
        (
            'abe-beijing-2018,abe-beijing-2018:p014,2018-09-13,,day,true,exercise,"2018年9月13日","x"',
            "year_inferred is true but the quote writes the year 2018",
        ),
    ],
)
def test_verify_timeline_reports_each_problem(tmp_path, corpus, row, problem):
    problems = verify_timeline(corpus, load_timeline(write(tmp_path, row)))
    if problem is None:
        assert problems.empty
    else:
        assert len(problems) == 1
        assert problem in problems.loc[0, "problem"]
        assert problems.loc[0, "line"] == 4


def test_verify_timeline_finds_a_quote_in_a_table_cell(tmp_path, corpus):
    row = 'japan-us-2021,japan-us-2021:t1,2019-08-25,,day,true,summit,"8月25日","G7 Biarritz"'
    assert verify_timeline(corpus, load_timeline(write(tmp_path, row))).empty
    # Table 2 has no such cell (its first TAG round was 2019年4月15~16日).
    other = row.replace(":t1", ":t2").replace("2019-08-25,,", "2019-04-26,2019-04-27,").replace("8月25日", "4月26~27日")
    assert not verify_timeline(corpus, load_timeline(write(tmp_path, other))).empty


def test_the_end_of_a_year_is_stored_as_its_december(timeline):
    # p011 of japan-korea-2024: 日本於2022年底通過了… is late 2022, not 1 January 2022.
    rows = timeline[
        timeline["quote"].str.contains(r"[0-9]年[底末]", regex=True) & (timeline["article_id"] == "japan-korea-2024")
    ]
    assert not rows.empty
    assert set(rows["date"]) == {"2022-12"} and set(rows["precision"]) == {"month"}


def test_verify_timeline_accepts_the_end_of_a_year_only_as_december(corpus, timeline):
    row = timeline[timeline["quote"].str.contains("2022年底")].head(1)
    assert verify_timeline(corpus, row).empty
    wrong = row.assign(date="2022-11")
    assert verify_timeline(corpus, wrong)["problem"].str.contains("the month 11").all()
