"""The figure checks as data: helpers/data/figure_checks.toml and the functions that run each kind.

Each kind is run on a small made-up article (one consistent case, one
inconsistent, and the hedges 多/餘/近/約), bad entries must give errors naming
the file, the line and the entry, and every entry of the shipped file must
resolve against the corpus. Expectations on the shipped entries are keyed to the
seeds' ids, so a sixth article (with no checks of its own) keeps the suite green.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd
import pytest
from seed_info import SEED_IDS

from helpers.corpus.structure import build_article
from helpers.figures import (
    CHECKS_PATH,
    CODED_CHECKS,
    FIGURE_COLUMNS,
    KINDS,
    FigureCheckError,
    Sources,
    check_figures,
    load_figure_checks,
    load_figures,
    run_check,
)

DEMO = "demo-2020"
# One paragraph per case, so that every phrase occurs once.
PARAGRAPHS = [
    "2011年10月訪問後穿梭外交中斷12年之久，直到2023年3月16至17日再訪。",  # p001 elapsed, no hedge
    "2011年10月訪問後中斷11年多，直到2023年3月16至17日再訪。",  # p002 elapsed, 多
    "計畫為期5年，即2019~2023年。",  # p003 elapsed, one period
    "已採購60架，將再購最多36架，總數近100架。",  # p004 sum, 近
    "五次會談共約415分鐘，分別為200分鐘與200分鐘。",  # p005 sum, 約
    "3300億日圓增至3.4兆日圓，達十倍；另一說為五倍。",  # p006 ratio
    "貿易總額33兆日圓，其中出口15兆日圓，另有40兆日圓之說。",  # p007 part
    "援助由1.56亿美元上升至2.42亿美元。",  # p008 trend up
    "分數從-6.0分升至-7.0分。",  # p009 trend, the wrong way
    "區間(—3分至-6分)。",  # p010 band
    "年底為-5.0分，年中為-6.0分，最低為-7.5分。",  # p011 scores
    "訪問了哈萨克斯坦、乌兹别克斯坦等中亚2国；又訪問了塔吉克斯坦等3国。",  # p012 count
]


def para(number: int) -> str:
    return f"{DEMO}:p{number:03d}"


FIGURE_ROWS = [
    # (paragraph, raw, value, value_high, unit)
    (1, "12年之久", 12, math.nan, "year"),
    (2, "11年多", 11, math.nan, "year"),
    (3, "5年", 5, math.nan, "year"),
    (4, "60架", 60, math.nan, "架"),
    (4, "最多36架", 36, math.nan, "架"),
    (4, "近100架", 100, math.nan, "架"),
    (5, "約415分鐘", 415, math.nan, "minute"),
    (5, "200分鐘與", 200, math.nan, "minute"),
    (6, "3300億日圓", 3.3e11, math.nan, "JPY"),
    (6, "3.4兆日圓", 3.4e12, math.nan, "JPY"),
    (6, "達十倍", 10, math.nan, "times"),
    (6, "五倍", 5, math.nan, "times"),
    (7, "33兆日圓", 3.3e13, math.nan, "JPY"),
    (7, "15兆日圓", 1.5e13, math.nan, "JPY"),
    (7, "40兆日圓", 4.0e13, math.nan, "JPY"),
    (8, "1.56亿美元", 1.56e8, math.nan, "USD"),
    (8, "2.42亿美元", 2.42e8, math.nan, "USD"),
    (9, "-6.0分", -6, math.nan, "point"),
    (9, "-7.0分", -7, math.nan, "point"),
    (10, "—3分至-6分", -6, -3, "point"),
    (11, "-5.0分", -5, math.nan, "point"),
    (11, "-6.0分", -6, math.nan, "point"),
    (11, "-7.5分", -7.5, math.nan, "point"),
    (12, "2国", 2, math.nan, "国"),
    (12, "3国", 3, math.nan, "国"),
]


@pytest.fixture(scope="module")
def demo() -> Sources:
    text = "標題\n\n一、前言\n\n" + "\n\n".join(PARAGRAPHS) + "\n"
    article = build_article(text, DEMO)
    assert [p.text for p in article.paragraphs] == PARAGRAPHS
    rows = [
        {
            "figure_id": f"{DEMO}:f{number:02d}",
            "article_id": DEMO,
            "para_id": para(paragraph),
            "quote": raw,
            "raw": raw,
            "value": float(value),
            "value_high": float(high),
            "unit": unit,
            "year": 2020,
            "category": "other",
            "country": "",
            "series": "",
            "description": "made up",
        }
        for number, (paragraph, raw, value, high, unit) in enumerate(FIGURE_ROWS, start=1)
    ]
    return Sources({DEMO: article}, pd.DataFrame(rows, columns=FIGURE_COLUMNS))


def run(tmp_path: Path, sources: Sources, body: str) -> pd.DataFrame:
    """Write one or more checks (TOML) for the demo article, load and run them."""
    path = tmp_path / "checks.toml"
    path.write_text("# made-up checks\n" + body, encoding="utf-8")
    return check_figures(sources.corpus, sources.figures, load_figure_checks(path))


def entry(kind: str, paragraph: int, **fields: object) -> str:
    lines = [f"[{kind}-case]", f'kind = "{kind}"', f'name = "{kind} case"', f'article = "{DEMO}"']
    lines.append(f'paragraph = "p{paragraph:03d}"')
    lines.append('what = "the made-up case"')
    lines += [f"{name} = {value}" for name, value in fields.items()]
    return "\n".join(lines) + "\n"


def verdict(tmp_path, sources, kind, paragraph, **fields) -> pd.Series:
    return run(tmp_path, sources, entry(kind, paragraph, **fields)).iloc[0]


# --- Each kind on a made-up case -----------------------------------------------------------------


def test_elapsed_without_a_hedge_wants_whole_years(tmp_path, demo):
    row = verdict(tmp_path, demo, "elapsed", 1, stated='"12年之久"', since='"2011年10月"', until='"2023年3月16至17日"')
    assert not row.consistent and row.stated == 12 and 11.3 < row.computed < 11.5
    assert row.para_id == para(1)
    assert "12年之久" in row.explanation and "2011年10月" in row.explanation
    assert "subtracting the years (2023 − 2011 = 12)" in row.explanation


def test_elapsed_with_duo_accepts_more_than_the_number(tmp_path, demo):
    row = verdict(tmp_path, demo, "elapsed", 2, stated='"11年多"', since='"2011年10月"', until='"2023年3月16至17日"')
    assert row.consistent and row.stated == 11 and 11 < row.computed < 12


def test_elapsed_of_one_printed_period(tmp_path, demo):
    row = verdict(tmp_path, demo, "elapsed", 3, stated='"5年"', since='"2019~2023年"')
    assert row.consistent and row.computed == 5.0
    assert row.explanation.startswith("The period 2019~2023年 is 5.00 years")


def test_sum_with_jin_and_a_bound(tmp_path, demo):
    row = verdict(tmp_path, demo, "sum", 4, stated='"近100架"', parts='["60架", "最多36架"]')
    assert row.consistent and (row.stated, row.computed) == (100, 96)
    row = verdict(tmp_path, demo, "sum", 4, stated='"60架"', parts='["最多36架", "近100架"]')
    assert not row.consistent and row.computed == 136
    assert "最多36架 is a bound" in row.explanation


def test_sum_with_yue_allows_five_percent(tmp_path, demo):
    # 200 + 200 = 400 is within 5% of 約415.
    row = verdict(tmp_path, demo, "sum", 5, stated='"約415分鐘"', parts='["200分鐘與", "200分鐘與"]')
    assert row.consistent and row.computed == 400
    bad = entry("sum", 5, stated='"約415分鐘"', parts='["200分鐘與", "200分鐘與", "200分鐘與"]')
    assert not run(tmp_path, demo, bad).iloc[0].consistent


def test_ratio_within_its_tolerance(tmp_path, demo):
    fine = verdict(tmp_path, demo, "ratio", 6, stated='"達十倍"', numerator='"3.4兆日圓"', denominator='"3300億日圓"')
    assert fine.consistent and 10.3 < fine.computed < 10.31 and "within 5%" in fine.explanation
    wrong = verdict(tmp_path, demo, "ratio", 6, stated='"五倍"', numerator='"3.4兆日圓"', denominator='"3300億日圓"')
    assert not wrong.consistent and "more than 5%" in wrong.explanation
    strict = verdict(
        tmp_path,
        demo,
        "ratio",
        6,
        stated='"達十倍"',
        numerator='"3.4兆日圓"',
        denominator='"3300億日圓"',
        tolerance=0.01,
    )
    assert not strict.consistent


def test_part_cannot_exceed_the_whole(tmp_path, demo):
    fine = verdict(tmp_path, demo, "part", 7, part='"15兆日圓"', whole='"33兆日圓"')
    assert fine.consistent and fine.computed == 1.5e13 and "45% of it" in fine.explanation
    assert not verdict(tmp_path, demo, "part", 7, part='"40兆日圓"', whole='"33兆日圓"').consistent


def test_trend_direction(tmp_path, demo):
    up = verdict(tmp_path, demo, "trend", 8, earlier='"1.56亿美元"', later='"2.42亿美元"', word='"上升"')
    assert up.consistent and (up.stated, up.computed) == (1, 1) and "+55%" in up.explanation
    wrong = verdict(tmp_path, demo, "trend", 9, earlier='"-6.0分"', later='"-7.0分"', word='"升至"')
    assert not wrong.consistent and (wrong.stated, wrong.computed) == (1, -1)
    down = verdict(tmp_path, demo, "trend", 9, earlier='"-6.0分"', later='"-7.0分"', word='"升至"', direction='"down"')
    assert down.consistent and down.stated == -1


def test_band_inside_and_at_its_edge(tmp_path, demo):
    band = '{ paragraph = "p010", figure = "—3分至-6分" }'
    assert verdict(tmp_path, demo, "band", 11, value='"-5.0分"', band=band).consistent
    outside = verdict(tmp_path, demo, "band", 11, value='"-7.5分"', band=band)
    assert not outside.consistent and outside.computed == -6 and "is not inside" in outside.explanation
    assert verdict(tmp_path, demo, "band", 11, value='"-6.0分"', band=band, edge="true").consistent
    assert not verdict(tmp_path, demo, "band", 11, value='"-5.0分"', band=band, edge="true").consistent


def test_count_of_the_names_before_the_figure(tmp_path, demo):
    names = '["哈萨克斯坦", "乌兹别克斯坦", "塔吉克斯坦"]'
    fine = verdict(tmp_path, demo, "count", 12, stated='"2国"', names=names)
    assert fine.consistent and "(哈萨克斯坦、乌兹别克斯坦)" in fine.explanation
    # Only the clause just before 3国 counts: one state there, not the three of the paragraph.
    wrong = verdict(tmp_path, demo, "count", 12, stated='"3国"', names=names)
    assert not wrong.consistent and wrong.computed == 1


def test_a_figure_may_be_named_by_its_id(tmp_path, demo):
    by_id = verdict(tmp_path, demo, "part", 7, part=f'"{DEMO}:f14"', whole=f'"{DEMO}:f13"')
    by_raw = verdict(tmp_path, demo, "part", 7, part='"15兆日圓"', whole='"33兆日圓"')
    assert by_id.equals(by_raw)


def test_rows_keep_the_order_of_the_file(tmp_path, demo):
    body = entry("part", 7, part='"15兆日圓"', whole='"33兆日圓"') + entry(
        "trend", 8, earlier='"1.56亿美元"', later='"2.42亿美元"', word='"上升"'
    )
    assert run(tmp_path, demo, body).check.tolist() == ["part case", "trend case"]


# --- Bad entries -----------------------------------------------------------------------------------

GOOD_PART = entry("part", 7, part='"15兆日圓"', whole='"33兆日圓"')


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('kind = "part"', 'kind = "parts"', "unknown kind 'parts'"),
        ('whole = "33兆日圓"\n', "", "needs whole"),
        ('what = "the made-up case"\n', "", "needs what"),
        ('whole = "33兆日圓"', 'whole = "33兆日圓"\nword = "上升"', "word is not a field of a 'part' check"),
        ('paragraph = "p007"', 'paragraph = "7"', "'7' is not a paragraph"),
        ('part = "15兆日圓"', 'part = "other-2020:f01"', "not in article 'demo-2020'"),
        ('part = "15兆日圓"', "part = 15", "must name a figure"),
        ('part = "15兆日圓"', 'part = { para = "p007", figure = "15兆日圓" }', "part must be"),
        ('name = "part case"', 'name = ""', "name must be a non-empty string"),
    ],
)
def test_a_malformed_entry_names_the_file_line_and_entry(tmp_path, demo, old, new, message):
    assert old in GOOD_PART
    path = tmp_path / "checks.toml"
    path.write_text("# a comment\n\n" + GOOD_PART.replace(old, new), encoding="utf-8")
    with pytest.raises(FigureCheckError, match=re.escape(message)) as error:
        load_figure_checks(path)
    assert f"{path}, line 3, check [part-case]" in str(error.value)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"stated": '"5年"', "since": '"2019~2023"'}, "cannot tell which numbers"),
        ({"stated": '"5年"', "since": '{ date = "5月7日" }'}, "gives no year"),
        ({"stated": '"5年"', "since": '"2019~2023年"', "tolerance": "2"}, "tolerance is not a field"),
    ],
)
def test_an_unreadable_date_or_setting_is_an_error_at_load(tmp_path, fields, message):
    path = tmp_path / "checks.toml"
    path.write_text(entry("elapsed", 3, **fields), encoding="utf-8")
    with pytest.raises(FigureCheckError, match=re.escape(message)):
        load_figure_checks(path)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            '[x]\nkind = "coded"\nname = "x"\narticle = "a"\nparagraph = "p001"\nfunction = "nope"\n',
            "no check function",
        ),
        (
            entry("ratio", 6, stated='"達十倍"', numerator='"3.4兆日圓"', denominator='"3300億日圓"', tolerance=1.5),
            "tolerance",
        ),
        (
            entry("trend", 8, earlier='"1.56亿美元"', later='"2.42亿美元"', word='"上升"', direction='"sideways"'),
            "direction",
        ),
        (entry("band", 11, value='"-5.0分"', band='"—3分至-6分"', edge='"yes"'), "edge must be true or false"),
        ("title = 'checks'\n", "every check is a table"),
    ],
)
def test_bad_settings_are_errors(tmp_path, body, message):
    path = tmp_path / "checks.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(FigureCheckError, match=re.escape(message)):
        load_figure_checks(path)


@pytest.mark.parametrize(
    ("fields", "paragraph", "message"),
    [
        ({"part": '"16兆日圓"', "whole": '"33兆日圓"'}, 7, "'16兆日圓' is not printed in demo-2020:p007"),
        ({"part": '"15兆日圓"', "whole": '"33兆日圓"'}, 99, "demo-2020 has no paragraph or table 'demo-2020:p099'"),
        ({"part": '"demo-2020:f99"', "whole": '"33兆日圓"'}, 7, "no figure 'demo-2020:f99' in figures.csv"),
        ({"part": '"出口"', "whole": '"33兆日圓"'}, 7, "0 rows of figures.csv have raw '出口'"),
    ],
)
def test_a_figure_or_paragraph_not_found_names_the_entry(tmp_path, demo, fields, paragraph, message):
    with pytest.raises(FigureCheckError, match=re.escape(message)) as error:
        run(tmp_path, demo, entry("part", paragraph, **fields))
    assert "line 2, check [part-case]" in str(error.value)


def test_a_missing_word_date_or_article_names_the_entry(tmp_path, demo):
    with pytest.raises(FigureCheckError, match="the word '下降' is not printed"):
        run(tmp_path, demo, entry("trend", 8, earlier='"1.56亿美元"', later='"2.42亿美元"', word='"下降"'))
    with pytest.raises(FigureCheckError, match=re.escape("'2018年3月' is not printed in demo-2020:p001")):
        run(tmp_path, demo, entry("elapsed", 1, stated='"12年之久"', since='"2018年3月"'))
    other = entry("part", 7, part='"15兆日圓"', whole='"33兆日圓"').replace(DEMO, "nowhere-2020")
    with pytest.raises(FigureCheckError, match="no article 'nowhere-2020' in the corpus"):
        run(tmp_path, demo, other)


# --- The shipped file ------------------------------------------------------------------------------

SHIPPED = load_figure_checks()


def test_the_shipped_file_explains_every_kind_with_an_example():
    header = "".join(line for line in CHECKS_PATH.read_text(encoding="utf-8").splitlines(True) if line.startswith("#"))
    for kind in KINDS:
        assert re.search(rf"^#\s+{kind}\s", header, re.MULTILINE), f"the header does not explain the kind {kind!r}"
    for name in CODED_CHECKS:
        assert name in {check.function for check in SHIPPED}, f"the coded check {name} is not placed in the file"


def test_the_shipped_checks_are_about_articles_of_the_catalog(corpus):
    # A teacher may add checks for a new article; each must be about an article of the catalog.
    assert {check.article for check in SHIPPED} <= set(corpus.ids)
    assert len({check.name for check in SHIPPED}) == len(SHIPPED)


def test_the_seeds_checks_use_every_kind():
    assert {check.kind for check in SHIPPED if check.article in SEED_IDS} == set(KINDS)


@pytest.mark.parametrize("check", SHIPPED, ids=[check.id for check in SHIPPED])
def test_every_shipped_check_resolves_against_the_corpus(corpus, check):
    assert check.article in corpus, f"{check.where}: the article {check.article!r} is not in the corpus"
    row = run_check(check, Sources(corpus, load_figures()))
    assert row["check"] == check.name and row["article_id"] == check.article
    assert isinstance(row["explanation"], str) and row["explanation"].endswith(".")
