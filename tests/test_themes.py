"""Tests for helpers.themes and the theme file helpers/data/themes.toml.

The expected themes below come from reading the paragraphs, not from running
the code: each case says why a reader would give the paragraph that theme.
"""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from seed_info import seeds_in

from helpers import Paragraph
from helpers.script import to_simplified, to_traditional
from helpers.themes import (
    NO_THEME,
    TAG_COLUMNS,
    THEMES_PATH,
    Theme,
    ThemeFileError,
    find_keyword_spans,
    load_themes,
    mark_keywords,
    paragraph_themes,
    paragraphs_with_theme,
    tag_themes,
    theme_counts,
    theme_matrix,
)

REGEX_METACHARACTERS = ".*+?[](){}|\\^$"


@pytest.fixture(scope="module")
def themes():
    return load_themes()


@pytest.fixture(scope="module")
def tags(corpus):
    return tag_themes(corpus)


def themes_of(tags: pd.DataFrame, para_id: str) -> list[str]:
    return [str(t) for t in tags.loc[tags["para_id"] == para_id, "theme"]]


# --- The theme file --------------------------------------------------------------


def test_theme_file_has_at_least_ten_themes_with_all_fields(themes):
    assert len(themes) >= 10
    assert len({t.id for t in themes}) == len(themes)
    for theme in themes:
        assert theme.label and theme.description and theme.keywords
        assert theme.id != NO_THEME


def test_theme_file_starts_with_a_comment_for_teachers():
    header = THEMES_PATH.read_text(encoding="utf-8").split("[[theme]]\nid")[0].splitlines()
    assert all(line.startswith("#") for line in header if line.strip())
    comment = " ".join(header)
    assert "To add a keyword" in comment and "To add a theme" in comment


# The same word in Taipei's and in Beijing's usage (ROC form, PRC form): a fair lexicon lists both
# in the same theme, whichever of the two the five seed texts happen to use.
COUNTERPARTS = [
    ("陆方", "中方"),
    ("中共", "中方"),
    ("对岸", "中方"),
    ("北韩", "朝鲜"),
    ("两岸", "台海"),
    ("钓鱼台", "钓鱼岛"),
    ("北方领土", "北方四岛"),
    ("川普", "特朗普"),
    ("小布希", "布什"),
    ("潘斯", "彭斯"),
    ("避险", "对冲"),
    ("平衡", "制衡"),
    ("美中", "中美"),
    ("美陆", "中美"),
    ("人工智慧", "人工智能"),
    ("数位经济", "数字经济"),
    ("网路", "网络"),
    ("东协", "东盟"),
    ("普世价值", "普遍价值"),
    ("演训", "演习"),
]


def test_both_vocabularies_are_in_the_same_theme(themes):
    theme_of = {to_simplified(k): t.id for t in themes for k in t.keywords}
    for roc, prc in COUNTERPARTS:
        assert roc in theme_of and prc in theme_of, (roc, prc)
        assert theme_of[roc] == theme_of[prc], (roc, theme_of[roc], prc, theme_of[prc])


def test_every_keyword_occurs_in_the_corpus_or_is_the_other_vocabularys_form(corpus, themes):
    simplified_texts = [to_simplified(p.text) for article in corpus for p in article.paragraphs]

    def occurs(word):
        return any(to_simplified(word) in text for text in simplified_texts)

    partners = {}
    for roc, prc in COUNTERPARTS:
        partners.setdefault(roc, []).append(prc)
        partners.setdefault(prc, []).append(roc)
    missing = [
        (theme.id, keyword)
        for theme in themes
        for keyword in theme.keywords
        if not occurs(keyword) and not any(occurs(other) for other in partners.get(to_simplified(keyword), []))
    ]
    assert missing == []


def test_every_theme_has_a_one_sentence_description(themes):
    for theme in themes:
        sentence = theme.description
        assert sentence.endswith(".") and sentence.count(". ") == 0, (theme.id, sentence)
        assert 20 <= len(sentence) <= 200, (theme.id, sentence)


def test_us_factor_is_a_theme_of_its_own(themes):
    by_id = {t.id: t for t in themes}
    presidents = {"川普", "特朗普", "拜登", "美国优先"}
    assert presidents <= {to_simplified(k) for k in by_id["us-factor"].keywords}
    assert not presidents & {to_simplified(k) for k in by_id["alliance"].keywords}


def test_summits_no_longer_counts_dialogue_or_leaders_in_general(themes):
    summit_words = {to_simplified(k) for t in themes if t.id == "summits" for k in t.keywords}
    assert not summit_words & {"对话", "领导人", "高层互动", "高层交流"}


# --- Tags a reader would give ------------------------------------------------------

# (paragraph, themes a reader gives it, the strongest theme or None, themes it must not get)
READER_TAGS = [
    # The 2018 currency swap agreement, a symbol of improved ties; the Diaoyu dispute is why it lapsed.
    ("abe-beijing-2018:p008", {"finance", "economy", "history-territory"}, "finance", {"defence"}),
    # The National Defense Program Guidelines: defence budget to 1.3% of GDP, F-35s, the Izumo carriers.
    ("abe-beijing-2018:p013", {"defence"}, "defence", {"economy", "finance", "summits"}),
    # Quad, Malabar naval exercises, Chinese bases in the South China Sea.
    ("abe-beijing-2018:p012", {"defence", "indo-pacific", "taiwan-seas"}, "defence", {"finance"}),
    # Trump calls the security treaty unfair and asks Japan to pay more for US forces.
    ("japan-us-2021:p016", {"defence", "alliance"}, "defence", {"energy"}),
    # The TAG negotiations: tariffs on farm products and cars, fifteen rounds of talks.
    ("japan-us-2021:p017", {"economy", "summits"}, "economy", {"defence"}),
    # Pressure on North Korea to denuclearise, the Japan-ROK GSOMIA dispute.
    ("japan-us-2021:p019", {"korea-nuclear", "defence"}, None, {"energy"}),
    # Taiwan: "a Taiwan contingency is a Japanese contingency", China's firm counter-measures.
    ("china-japan-2025:p014", {"taiwan-seas", "china-response", "history-territory"}, "taiwan-seas", {"energy"}),
    # Ishiba's weak hold on power and the upper-house election of July 2025.
    ("china-japan-2025:p019", {"domestic"}, "domestic", {"defence", "economy"}),
    # Trump's 2018 steel and aluminium tariffs pushed Abe towards China: the US factor, not an alliance.
    ("china-japan-2025:p016", {"economy", "us-factor"}, None, {"defence"}),
    # Japanese stakes in Caspian oil fields and Kazakh uranium mines.
    ("central-asia-2007:p014", {"energy", "finance"}, "energy", {"defence", "taiwan-seas"}),
    # What China should do: cultural, youth and educational exchange with Central Asia.
    ("central-asia-2007:p022", {"culture", "china-response"}, "culture", {"defence"}),
    # Good-neighbourliness and political trust within the Shanghai Cooperation Organisation.
    ("central-asia-2007:p019", {"multilateral", "china-response"}, None, {"economy"}),
    # The 2023 US-Japan-ROK anti-submarine exercise near Dokdo/Takeshima.
    ("japan-korea-2024:p008", {"defence", "history-territory"}, "defence", {"finance"}),
    # North Korea's missile launch over Japan in 1998 and its nuclear tests.
    ("japan-korea-2024:p009", {"korea-nuclear"}, "korea-nuclear", {"economy"}),
    # The war in Ukraine as a lever for Japan's and Korea's strategic shift.
    ("japan-korea-2024:p005", {"russia", "rivalry", "defence"}, None, {"finance"}),
    # Shuttle diplomacy: Yoon in Tokyo, Kishida in Seoul, the Camp David summit.
    ("japan-korea-2024:p016", {"summits", "alliance"}, "summits", {"energy"}),
    # Semiconductor export controls lifted, supply chains, a joint fund.
    ("japan-korea-2024:p018", {"technology", "economy", "energy"}, "technology", {"defence"}),
    # Comfort women, forced labour, the visit to Dokdo: the history gap.
    ("japan-korea-2024:p028", {"history-territory", "summits"}, "history-territory", {"finance"}),
]


@pytest.mark.parametrize("para_id, expected, strongest, absent", READER_TAGS, ids=[c[0] for c in READER_TAGS])
def test_paragraphs_get_the_themes_a_reader_gives_them(tags, para_id, expected, strongest, absent):
    found = themes_of(tags, para_id)
    assert expected <= set(found)
    assert not absent & set(found)
    if strongest is not None:
        assert found[0] == strongest


def test_reader_cases_cover_all_five_articles(corpus):
    assert {case[0].split(":")[0] for case in READER_TAGS} == set(seeds_in(corpus.ids))


def test_score_counts_occurrences_counted_by_hand(tags):
    # p013: 防衛計畫大綱, 中期防衛力整備計畫, 防衛預算 (防卫 x3); 隱形戰機, 第五代戰機,
    # F-35B戰機 (战机 x3); 反潛直升機 (反潜 x1). 護衛艦 is not 防衛.
    row = tags[(tags["para_id"] == "abe-beijing-2018:p013") & (tags["theme"] == "defence")].iloc[0]
    assert row["score"] == 7
    assert row["matched"] == "防卫;战机;反潜"


def test_longer_keyword_wins_and_is_counted_once():
    themes = [Theme("alliance", "Alliance", "Alliances.", ("同盟", "日美同盟"))]
    paragraph = Paragraph("x:p001", "日美同盟與美韓同盟", (), (1,))
    row = tag_themes([paragraph], themes).iloc[0]
    assert (row["score"], row["matched"]) == (2, "同盟;日美同盟")


# --- Every paragraph, and "none" -----------------------------------------------------


def test_tag_table_has_the_documented_columns(tags):
    assert tags.columns.tolist() == TAG_COLUMNS


def test_every_paragraph_has_at_least_one_row(corpus, tags):
    all_ids = [p.id for article in corpus for p in article.paragraphs]
    assert set(tags["para_id"]) == set(all_ids)
    assert tags["para_id"].nunique() == len(all_ids)


def test_none_rows_are_alone_with_score_zero(tags):
    untagged = tags[tags["theme"] == NO_THEME]
    assert (untagged["score"] == 0).all() and (untagged["matched"] == "").all()
    rows_per_paragraph = tags.groupby("para_id")["theme"].size()
    assert (rows_per_paragraph[untagged["para_id"]] == 1).all()
    assert (tags.loc[tags["theme"] != NO_THEME, "score"] >= 1).all()


def test_an_introductory_paragraph_gets_none(tags):
    # "The background of Japan-US relations includes the following": no topic yet.
    assert themes_of(tags, "japan-us-2021:p003") == [NO_THEME]


def test_a_paragraph_without_keywords_gets_none():
    tags = tag_themes([Paragraph("x:p001", "今天天氣很好，我們去公園散步。", (), (1,))])
    assert tags[["article_id", "theme", "score", "matched"]].values.tolist() == [["x", NO_THEME, 0, ""]]


def test_min_score_drops_weak_themes(corpus):
    paragraph = corpus.paragraph("abe-beijing-2018:p013")  # defence 7, nothing else
    assert themes_of(tag_themes(paragraph, min_score=8), paragraph.id) == [NO_THEME]
    assert themes_of(tag_themes(paragraph, min_score=7), paragraph.id) == ["defence"]
    with pytest.raises(ValueError, match="min_score"):
        tag_themes(paragraph, min_score=0)


def test_a_dataframe_of_paragraphs_gives_the_same_tags(corpus, tags):
    from_frame = tag_themes(corpus.paragraphs_frame())
    pd.testing.assert_frame_equal(from_frame, tags)


def test_only_a_share_of_paragraphs_is_untagged(tags):
    share = (tags["theme"] == NO_THEME).sum() / tags["para_id"].nunique()
    assert 0 < share < 0.15


# --- Both scripts ------------------------------------------------------------------


def test_both_scripts_get_the_same_themes_and_keywords(corpus, themes):
    for article in corpus:
        for paragraph in article.paragraphs:
            renderings = [
                Paragraph(paragraph.id, convert(paragraph.text), paragraph.section, paragraph.lines)
                for convert in (to_traditional, to_simplified)
            ]
            traditional, simplified = (tag_themes(p, themes) for p in renderings)
            pd.testing.assert_frame_equal(traditional, simplified)
            pd.testing.assert_frame_equal(traditional, tag_themes(paragraph, themes))


def test_a_traditional_keyword_matches_simplified_text():
    themes = [Theme("ties", "Ties", "Relations.", ("關係",))]
    tags = tag_themes([Paragraph("x:p001", "中日关系与日美關係", (), (1,))], themes)
    assert (tags.loc[0, "theme"], tags.loc[0, "score"], tags.loc[0, "matched"]) == ("ties", 2, "關係")


# --- find_keyword_spans and mark_keywords ---------------------------------------------


def test_spans_point_at_the_original_text(corpus, themes):
    keywords = [k for theme in themes for k in theme.keywords]
    printed_in_traditional = 0
    for article in corpus:
        for paragraph in article.paragraphs:
            for start, end, keyword in find_keyword_spans(paragraph.text, keywords):
                printed = paragraph.text[start:end]
                assert to_simplified(printed) == to_simplified(keyword)
                printed_in_traditional += printed != keyword
                if article.script == "simplified":
                    assert printed == keyword
    # the Simplified keywords were found, as printed, in the Traditional articles
    assert printed_in_traditional > 100


def test_spans_in_a_traditional_paragraph():
    text = "日本與韓國的關係"
    assert find_keyword_spans(text, ["关系", "韩国"]) == [(3, 5, "韩国"), (6, 8, "关系")]
    assert text[6:8] == "關係"


@pytest.mark.parametrize("char", list(REGEX_METACHARACTERS))
def test_metacharacters_are_plain_characters(char):
    text = f"甲{char}乙 甲丙乙 {char}"
    spans = find_keyword_spans(text, [f"甲{char}乙", char])
    assert spans == [(0, 3, f"甲{char}乙"), (8, 9, char)]


@pytest.mark.parametrize("keyword", ["", " ", "\u3000", "\n\t", ".*", "(.)"])
def test_blank_and_pattern_like_keywords_match_nothing_in_plain_text(keyword):
    assert find_keyword_spans("中日關係穩定發展", [keyword]) == []


@pytest.mark.parametrize(
    "text, keywords", [("", ["关系"]), (None, ["关系"]), ("关系", None), ("关系", [None, 3]), ("关系", 3)]
)
def test_odd_input_gives_no_matches(text, keywords):
    assert find_keyword_spans(text, keywords) == []


def test_a_single_string_is_one_keyword_and_spaces_are_trimmed():
    assert find_keyword_spans("中日關係", " 关系 ") == [(2, 4, "关系")]


def test_matches_do_not_overlap():
    assert find_keyword_spans("哈哈哈哈哈", ["哈哈"]) == [(0, 2, "哈哈"), (2, 4, "哈哈")]


def test_lone_surrogates_do_not_break_matching():
    assert find_keyword_spans("\ud800關係", ["关系", "\udfff"]) == [(1, 3, "关系")]


@settings(deadline=None, max_examples=200)
@given(st.text(max_size=40), st.lists(st.text(max_size=5), max_size=5))
def test_spans_are_ordered_disjoint_and_in_bounds(text, keywords):
    spans = find_keyword_spans(text, keywords)
    previous_end = 0
    for start, end, keyword in spans:
        assert previous_end <= start < end <= len(text)
        assert keyword in [k.strip() for k in keywords]
        previous_end = end


@settings(deadline=None, max_examples=100)
@given(st.text(alphabet="中日韓关系關係同盟.*+?()[]", max_size=30))
def test_marking_keeps_the_text(text):
    marked = mark_keywords(text, ["关系", "同盟", ".*"], "<", ">")
    assert marked.replace("<", "").replace(">", "") == text
    assert marked.count("<") == len(find_keyword_spans(text, ["关系", "同盟", ".*"]))


def test_mark_keywords_wraps_the_printed_form():
    assert mark_keywords("美日同盟與日美關係", ["同盟", "关系"]) == "美日【同盟】與日美【關係】"


# --- Summaries -------------------------------------------------------------------


def test_theme_is_categorical_with_every_theme_and_none(tags, themes):
    assert tags["theme"].cat.categories.tolist() == [t.id for t in themes] + [NO_THEME]


def test_theme_counts_and_matrix(corpus, tags, themes):
    counts = theme_counts(tags)
    matrix = theme_matrix(tags)
    assert counts.index.tolist() == corpus.ids
    assert counts.columns.tolist() == [t.id for t in themes] + [NO_THEME]
    assert ((matrix >= 0) & (matrix <= 1)).all().all()
    # Read off the Central Asia article: energy comes up in p002, p003, p006, p007,
    # p010, p014, p015, p016, p017, p018 and p020, 11 of its 22 paragraphs.
    assert counts.loc["central-asia-2007", "energy"] == 11
    assert matrix.loc["central-asia-2007", "energy"] == pytest.approx(0.5)
    # Taiwan is not mentioned in the 2007 Central Asia article.
    assert counts.loc["central-asia-2007", "taiwan-seas"] == 0
    for article in corpus:
        assert (counts.loc[article.id] <= len(article.paragraphs)).all()


def test_paragraph_themes(corpus, tags):
    by_paragraph = paragraph_themes(tags)
    assert set(by_paragraph) == {p.id for a in corpus for p in a.paragraphs}
    assert by_paragraph["japan-us-2021:p003"] == []
    assert by_paragraph["abe-beijing-2018:p008"][0] == "finance"


def test_paragraphs_with_theme(corpus, tags):
    rows = paragraphs_with_theme(tags, "energy", corpus)
    assert (rows["theme"] == "energy").all()
    assert rows["para_id"].tolist() == list(tags.loc[tags["theme"] == "energy", "para_id"])
    assert rows["text"].tolist() == [corpus.paragraph(p).text for p in rows["para_id"]]
    assert set(paragraphs_with_theme(tags, NO_THEME)["para_id"]) >= {"japan-us-2021:p003"}
    with pytest.raises(ValueError, match="unknown theme 'enrgy'"):
        paragraphs_with_theme(tags, "enrgy")


# --- Errors in the theme file ---------------------------------------------------------

GOOD_THEME = '[[theme]]\nid = "energy"\nlabel = "Energy"\ndescription = "Oil and gas."\nkeywords = ["能源", "石油"]\n'


def write(tmp_path, text):
    path = tmp_path / "themes.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_loads(tmp_path):
    [theme] = load_themes(write(tmp_path, "# a comment\n" + GOOD_THEME))
    assert theme == Theme("energy", "Energy", "Oil and gas.", ("能源", "石油"))


def theme_block(id='"trade"', label='"Trade"', description='"d"', keywords='["贸易"]', extra=""):
    """A [[theme]] table as a teacher would type it: each field as TOML, None to leave it out."""
    fields = {"id": id, "label": label, "description": description, "keywords": keywords}
    lines = [f"{name} = {value}" for name, value in fields.items() if value is not None]
    return "[[theme]]\n" + "\n".join(lines) + "\n" + extra


@pytest.mark.parametrize(
    "second_theme, message",
    [
        (theme_block(label=None), r"theme 2 \(line 7\) 'trade': missing label"),
        (theme_block(label='""'), r"'trade': label must be a non-empty string"),
        (theme_block(keywords="[]"), r"'trade': keywords must be a non-empty list"),
        (theme_block(keywords=None), r"'trade': missing keywords"),
        (theme_block('"energy"'), r"'energy': duplicate id 'energy' \(already used by theme 1 on line 1\)"),
        (theme_block(keywords='["贸易", "关税", "贸易"]'), r"'trade': keyword '贸易' is listed twice"),
        (theme_block(keywords='["關係", "关系"]'), r"keyword '关系' is listed twice \(the same word as '關係'"),
        (theme_block(keywords='["贸易", "  "]'), r"keyword 2 must be a non-empty string"),
        (theme_block(extra='keyword = ["关税"]\n'), r"unknown field\(s\) keyword"),
        (theme_block('"none"'), r"'none' is reserved"),
        (theme_block('"Trade Policy"'), r"id 'Trade Policy' must be lower-case"),
    ],
)
def test_malformed_themes_name_the_file_and_theme(tmp_path, second_theme, message):
    path = write(tmp_path, GOOD_THEME + "\n" + second_theme)
    with pytest.raises(ThemeFileError, match=message) as error:
        load_themes(path)
    assert str(error.value).startswith(str(path))


def test_invalid_toml_gives_the_line(tmp_path):
    path = write(tmp_path, GOOD_THEME + "colour = blue\n")
    with pytest.raises(ThemeFileError, match=r"not valid TOML: .*line 6"):
        load_themes(path)


@pytest.mark.parametrize("text", ["", "# only a comment\n", 'theme = "energy"\n'])
def test_a_file_without_themes_is_an_error(tmp_path, text):
    with pytest.raises(ThemeFileError, match="no themes found"):
        load_themes(write(tmp_path, text))


def test_a_missing_file_is_an_error(tmp_path):
    with pytest.raises(ThemeFileError, match="does not exist"):
        load_themes(tmp_path / "nothing.toml")


def test_tag_themes_reads_a_themes_file(tmp_path, corpus):
    path = write(tmp_path, GOOD_THEME)
    tags = tag_themes(corpus["central-asia-2007"], path)
    assert set(tags["theme"]) == {"energy", NO_THEME}
