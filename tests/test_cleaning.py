"""Unit tests of the cleaner on small snippets, and its properties on generated text."""

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from helpers import cleaning, unaccounted
from helpers.cleaning import ends_sentence, join_lines, normalise_spaces, unescape_markdown
from helpers.structure import as_markdown, build_article, detect_script, split_byline

# --- Character-level cleaning ------------------------------------------------------------


@pytest.mark.parametrize(
    "lines, joined",
    [
        (["日本與中國在第三", "國展開合作"], "日本與中國在第三國展開合作"),
        (["the National", "Interest"], "the National Interest"),
        (["(Soft ", "Hedging)"], "(Soft Hedging)"),
        (["日本擁有 140", "架戰機"], "日本擁有 140架戰機"),
        (["https://a.org/why-", "fail"], "https://a.org/why-fail"),
        (["  ", "文字"], "文字"),
    ],
)
def test_join_lines(lines, joined):
    assert join_lines(lines) == joined


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("中國大陸 ( 以下簡稱大陸 ) 與日本", "中國大陸(以下簡稱大陸)與日本"),
        ("時\u3000\u3000評", "時評"),
        ("關鍵詞:日美關係\u00a0\u00a0日本外交", "關鍵詞:日美關係日本外交"),
        ("Mike   Pence", "Mike Pence"),
        ("GDP 1%", "GDP 1%"),
        ("  前後空白  ", "前後空白"),
    ],
)
def test_normalise_spaces(raw, clean):
    assert normalise_spaces(raw) == clean


@pytest.mark.parametrize(
    "markdown, plain",
    [
        (r"不确定性\*", "不确定性*"),
        (r"黄 贝 司晓宇\*\*", "黄 贝 司晓宇**"),
        (r"[https://a.cn/x\\_1](https://a.cn/x_1)", "https://a.cn/x_1"),
        ("<https://www.mofa.go.jp/a.pdf>", "https://www.mofa.go.jp/a.pdf"),
        ("波动。<sup>①</sup>整体", "波动。①整体"),
    ],
)
def test_unescape_markdown(markdown, plain):
    assert unescape_markdown(markdown) == plain


@pytest.mark.parametrize(
    "line, markers",
    [
        ("构成太大的影响。 [1]日本的", ["[1]"]),
        ("策的边缘。 [2]（P.65）因为", ["[2]"]),
        ("明日的東亞”〔1〕。日本", ["〔1〕"]),
        ("持续波动。<sup>①</sup>整体", ["①"]),
        ("不确定性\\*", ["*"]),
        ("司晓宇\\*\\*", ["**"]),
        ("2024年10月石破茂内阁", []),
    ],
)
def test_find_markers(line, markers):
    assert [cleaning.plain_marker(m.group("marker")) for m in cleaning.find_markers(line)] == markers


def test_locator_is_kept_with_its_marker():
    (match,) = cleaning.find_markers("策的边缘。 [2]（P.65）因为")
    assert match.group("locator") == "（P.65）"


@pytest.mark.parametrize(
    "text, expected",
    [("重要性。", True), ("的走向。 ", True), ("他說：「好。」", True), ("對策：", False), ("一帶一路」", False)],
)
def test_ends_sentence(text, expected):
    assert ends_sentence(text) is expected


def test_split_byline():
    assert split_byline("黄 贝 司晓宇**") == ("黄贝", "司晓宇")
    assert split_byline("盧\u00a0\u00a0昊") == ("盧昊",)
    assert split_byline("高博杰") == ("高博杰",)


def test_detect_script():
    assert detect_script("日美關係日益受到當前國際局勢劇烈變動的深刻影響") == "traditional"
    assert detect_script("日美关系日益受到当前国际局势剧烈变动的深刻影响") == "simplified"


# --- Structure on small documents --------------------------------------------------------


WRAPPED = """\
68

日本的中亚政策

高博杰

由于日本的中亚政策起步较晚，无论在政治

还是经济领域，日本目前与中亚国家的合作都落

后于其他大国，暂不足以对中亚地区的战略格局

构成太大的影响。 [1]日本的中亚政策目前虽不

会对华造成重大压力。

一、中亚在日本对外政策中的地位

本质上讲，中亚地区一直处于日本对外政

策的边缘。 [2]（P.65）因为从地缘政治上看，

日本与中亚相距甚远，相比俄罗斯和中国这些

中亚的强大邻邦，日本的影响力十分有限。

二、日本中亚政策对中国的影响

及应对策略

考察日本中亚政策的发展轨迹及其在中亚

的利益诉求，可以看出日本接近中亚的主要目

的不是针对中国，遏制中国，而是服务于其自

身的利益需要。
"""


def test_wrapped_pdf_text():
    article = build_article(WRAPPED, "demo")
    assert article.title == "日本的中亚政策"
    assert article.authors == ("高博杰",)
    assert [(h.level, h.text) for h in article.headings] == [
        (0, "日本的中亚政策"),
        (1, "一、中亚在日本对外政策中的地位"),
        (1, "二、日本中亚政策对中国的影响及应对策略"),
    ]
    assert len(article.paragraphs) == 3
    assert article.paragraphs[1].text.startswith("本质上讲，中亚地区一直处于日本对外政策的边缘。因为")
    assert [n.marker for n in article.notes] == ["[1]", "[2]"]
    assert [r.kind for r in article.removed] == ["page-number"]
    assert unaccounted(article) == []


def test_footnote_at_the_foot_of_a_page():
    text = "標題\n\n壹、前言\n\n懷頓撰文， \n1\n嚴厲抨擊日本。\n\n1 Christian Whiton, “Why Japan”\nThe National Interest.\n 事實上，日本也未放緩。\n"
    article = build_article(text, "demo")
    assert [p.text for p in article.paragraphs] == ["懷頓撰文，嚴厲抨擊日本。", "事實上，日本也未放緩。"]
    (note,) = article.notes
    assert note.marker == "1" and note.para_id == "demo:p001"
    assert note.text == "Christian Whiton, “Why Japan” The National Interest."
    assert unaccounted(article) == []


def test_windows_line_endings_and_bom_change_nothing():
    unix = build_article(WRAPPED, "demo")
    windows = build_article("\ufeff" + WRAPPED.replace("\n", "\r\n"), "demo")
    assert [p.text for p in windows.paragraphs] == [p.text for p in unix.paragraphs]
    assert windows.title == unix.title
    assert unaccounted(windows) == []


def test_text_with_no_headings():
    text = "第一段說明日本外交。\n\n第二段討論中日關係。\n"
    article = build_article(text, "demo")
    assert [p.text for p in article.paragraphs] == ["第一段說明日本外交。", "第二段討論中日關係。"]
    assert all(p.section == () for p in article.paragraphs)


# --- Properties on generated documents ----------------------------------------------------

HAN = "日本中國关系關係外交戰略战略同盟美韓韩經濟经济合作安全政策东亚東亞"
PUNCT = "，。、；：「」“”（）()"
PIECES = st.one_of(
    st.text(alphabet=HAN, min_size=1, max_size=12),
    st.text(alphabet=HAN + PUNCT + "0123456789 %-.abcXYZ\u3000\u00a0", min_size=1, max_size=20),
    st.sampled_from(["[3]", "〔2〕", "①", "<sup>②</sup>", "\\*", "（P.65）", "2018 年 10 月", "F-35", "3 萬 2349 家"]),
)
LINE = st.one_of(
    st.lists(PIECES, min_size=1, max_size=6).map("".join),
    st.lists(PIECES, min_size=1, max_size=3).map(lambda p: "一、" + "".join(p)),
    st.lists(PIECES, min_size=1, max_size=3).map(lambda p: "（二）" + "".join(p)),
    st.lists(PIECES, min_size=1, max_size=3).map(lambda p: "## " + "".join(p)),
    st.lists(PIECES, min_size=1, max_size=3).map(lambda p: "① " + "".join(p)),
    st.lists(PIECES, min_size=1, max_size=3).map(lambda p: "图1 " + "".join(p)),
    st.lists(PIECES, min_size=1, max_size=3).map(lambda p: "表2 " + "".join(p)),
    st.sampled_from(["", "", " ", "68", "1", "---", "註釋：", "相關焦點", "摘要:本文討論日本。", "關鍵詞:日本 外交"]),
)
DOCUMENT = st.lists(LINE, min_size=1, max_size=40).map("\n".join)
# An article as teachers bring them: a title (or none) and a first sentence, then anything.
ARTICLE = st.tuples(
    st.sampled_from(["", "日本的中亚政策及中国的应对策略\n\n", "## 中日关系的缓和机遇\\*\n\n黄 贝 司晓宇\n\n"]),
    st.text(alphabet=HAN, min_size=16, max_size=40).map(lambda s: s[:8] + "，" + s[8:] + "。"),
    DOCUMENT,
).map(lambda parts: parts[0] + parts[1] + "\n" + parts[2])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(DOCUMENT, ARTICLE))
def test_nothing_is_lost_from_any_text(text):
    article = build_article(text, "generated")
    assert unaccounted(article) == []


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLE)
# A paragraph "0." (its note marker gone) once came back as a numbered heading.
@example("东东东东东东东东，东东东东东东东东。\n一、东\n[3]0.")
def test_cleaning_its_own_output_changes_nothing(text):
    article = build_article(text, "generated")
    again = build_article(as_markdown(article), "generated")
    assert unaccounted(again) == []
    assert [p.text for p in again.paragraphs] == [p.text for p in article.paragraphs]
    assert [(h.level, h.text) for h in again.headings] == [(h.level, h.text) for h in article.headings]


@given(st.text(max_size=200))
def test_normalise_spaces_is_idempotent(text):
    once = normalise_spaces(text)
    assert normalise_spaces(once) == once
    assert cleaning.han(once) == cleaning.han(text)
