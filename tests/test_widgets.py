"""The theme filter, walked the way a reader would use it, and fed hostile input."""

import pytest

import helpers
from helpers.themes import load_themes
from helpers.widgets import (
    EMPTY_SELECTION,
    MAX_KEYWORD,
    build_index,
    filter_paragraphs,
    highlight,
    theme_filter,
)

CORPUS = helpers.load_corpus()
THEME_IDS = [theme.id for theme in load_themes()]


@pytest.fixture(scope="module")
def corpus_widget():
    return theme_filter(CORPUS)


@pytest.fixture(scope="module", params=[a.id for a in CORPUS])
def article_widget(request):
    return theme_filter(CORPUS[request.param])


def test_empty_selection_shows_the_message(article_widget):
    article_widget.select(themes=(), keyword="")
    assert EMPTY_SELECTION in article_widget.summary.value
    assert article_widget.results.value == "" and article_widget.chart.value == ""


def test_every_theme_lists_exactly_its_paragraphs(article_widget):
    tags = article_widget.index.tags
    for theme in THEME_IDS:
        article_widget.select(themes=[theme])
        expected = set(tags.loc[tags["theme"].astype(str) == theme, "para_id"])
        listed = set(article_widget.matches()["para_id"])
        assert listed == expected, theme
        if expected:
            assert all(pid in article_widget.results.value for pid in expected)
            assert f"{len(expected)} of {len(article_widget.index.paragraphs)}" in article_widget.summary.value
        else:
            assert "No paragraph matches" in article_widget.results.value


def test_choosing_a_theme_changes_the_list_and_the_chart(corpus_widget):
    corpus_widget.select(themes=["energy"])
    energy = (corpus_widget.results.value, corpus_widget.chart.value)
    corpus_widget.select(themes=["defence"])
    defence = (corpus_widget.results.value, corpus_widget.chart.value)
    assert energy[0] != defence[0] and energy[1] != defence[1]
    assert "central-asia-2007" in energy[1]  # the chart has one column per article


def test_chart_columns_follow_the_catalog_order(corpus_widget):
    corpus_widget.select(themes=["alliance", "rivalry"], match="any")
    chart = corpus_widget.chart.value
    shown = [a.id for a in CORPUS if a.id in chart]
    assert len(shown) >= 2
    assert [chart.index(a) for a in shown] == sorted(chart.index(a) for a in shown)


def test_keyword_in_either_script_finds_the_same_paragraphs(corpus_widget):
    for traditional, simplified in [("關係", "关系"), ("戰略", "战略"), ("釣魚臺", "钓鱼台"), ("亞洲", "亚洲")]:
        corpus_widget.select(keyword=traditional)
        found_traditional = list(corpus_widget.matches()["para_id"])
        corpus_widget.select(keyword=simplified)
        found_simplified = list(corpus_widget.matches()["para_id"])
        assert found_traditional == found_simplified and found_traditional, traditional
        # Both scripts' articles are found.
        assert {pid.split(":")[0] for pid in found_traditional} & {"abe-beijing-2018", "central-asia-2007"}


def test_themes_and_keyword_combine(corpus_widget):
    corpus_widget.select(themes=["energy"], keyword="铀")
    both = set(corpus_widget.matches()["para_id"])
    corpus_widget.select(themes=["energy"])
    energy = set(corpus_widget.matches()["para_id"])
    assert both and both < energy
    assert all("铀" in CORPUS.paragraph(pid).text for pid in both)


def test_all_themes_is_narrower_than_any(corpus_widget):
    corpus_widget.select(themes=["defence", "alliance"], match="any")
    any_of = set(corpus_widget.matches()["para_id"])
    corpus_widget.select(themes=["defence", "alliance"], match="all")
    all_of = set(corpus_widget.matches()["para_id"])
    assert all_of < any_of


def test_clear_button_empties_the_selection(corpus_widget):
    corpus_widget.select(themes=["energy"], keyword="铀")
    corpus_widget.clear.click()
    assert corpus_widget.themes.value == () and corpus_widget.keyword.value == ""
    assert EMPTY_SELECTION in corpus_widget.summary.value


def test_script_toggle_shows_passages_in_the_chosen_script():
    widget = theme_filter(CORPUS["central-asia-2007"])
    widget.select(keyword="铀矿")
    widget.script.value = "traditional"
    assert "鈾礦" in widget.results.value and "铀矿" not in widget.results.value
    widget.script.value = "simplified"
    assert "铀矿" in widget.results.value


def test_paragraphs_are_marked_with_the_language_of_their_script():
    widget = theme_filter(CORPUS["central-asia-2007"])
    widget.select(keyword="铀矿")
    assert '<span lang="zh-Hans">' in widget.results.value and "zh-Hant" not in widget.results.value
    widget.script.value = "traditional"
    assert '<span lang="zh-Hant">' in widget.results.value and "zh-Hans" not in widget.results.value


@pytest.mark.parametrize(
    "keyword",
    ["", "   ", ".*+?[](){}|\\^$", "字" * 10_000, "日本 Japan 關係 关系", "<script>alert(1)</script>", "&amp; <b>"],
)
def test_hostile_keywords_are_handled(corpus_widget, keyword):
    corpus_widget.select(themes=["summits"], keyword=keyword)  # must not raise
    page = corpus_widget.summary.value + corpus_widget.results.value + corpus_widget.chart.value
    assert "<script>" not in page and "<b>" not in page
    if len(keyword) > MAX_KEYWORD:
        assert "cut to its first" in corpus_widget.summary.value


def test_article_text_is_escaped():
    marked = highlight('日本 <img src=x onerror="alert(1)"> 同盟 & 關係', ("同盟",), "關係")
    assert "<img" not in marked and "&lt;img" in marked and "&amp;" in marked
    assert '<mark class="theme">同盟</mark>' in marked and '<mark class="keyword">關係</mark>' in marked


def test_filter_without_widgets():
    index = build_index(CORPUS["japan-korea-2024"])
    assert filter_paragraphs(index).empty
    seats = filter_paragraphs(index, keyword="192席")
    assert list(seats["para_id"]) == [p.id for p in CORPUS["japan-korea-2024"].paragraphs if "192席" in p.text]
    unknown = filter_paragraphs(index, themes=["no-such-theme"])
    assert unknown.empty
