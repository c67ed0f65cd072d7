"""Per-seed tests: what a careful reader of each article sees in it.

Every expectation here was written from reading the raw files in ``seeds/``
(line numbers refer to them), not copied from the cleaner's output.
"""

import re

import pytest

import helpers
from helpers.cleaning import han
from helpers.structure import as_markdown, build_article

CORPUS = helpers.load_corpus()
IDS = ["abe-beijing-2018", "japan-us-2021", "china-japan-2025", "central-asia-2007", "japan-korea-2024"]


def headings(article_id):
    return [(h.level, h.text) for h in CORPUS[article_id].headings]


def paragraph_with(article_id, snippet):
    found = [p for p in CORPUS[article_id].paragraphs if snippet in p.text]
    assert len(found) == 1, f"{snippet!r} is in {len(found)} paragraphs of {article_id}"
    return found[0]


# --- The corpus as a whole ------------------------------------------------------------


def test_corpus_holds_the_five_articles_in_catalog_order():
    # A teacher may add articles after them (tests/test_sixth_article.py checks those).
    assert [a.id for a in CORPUS if a.id in IDS] == IDS
    assert CORPUS["central-asia-2007"].source_file == "003_83a792fe77ea19c8.txt"


def test_unknown_id_names_the_known_ones():
    with pytest.raises(KeyError, match="abe-beijing-2018"):
        CORPUS["no-such-article"]


def test_metadata_comes_from_the_catalog():
    assert CORPUS["japan-us-2021"].authors == ("盧昊",)
    assert CORPUS["china-japan-2025"].authors == ("黄贝", "司晓宇")
    assert CORPUS["abe-beijing-2018"].authors == ()
    assert CORPUS["abe-beijing-2018"].year == 2018
    assert {a.id: a.script for a in CORPUS if a.id in IDS} == {
        "abe-beijing-2018": "traditional",
        "japan-us-2021": "traditional",
        "china-japan-2025": "simplified",
        "central-asia-2007": "simplified",
        "japan-korea-2024": "traditional",
    }


@pytest.mark.parametrize("article_id", IDS)
def test_detected_script_agrees_with_the_catalog(article_id):
    article = CORPUS[article_id]
    assert helpers.structure.detect_script(article.raw) == article.script


@pytest.mark.parametrize("article_id", IDS)
def test_printed_titles_match_the_catalog(article_id):
    article = CORPUS[article_id]
    found = build_article(article.raw, article_id).title
    if article.metadata["title_supplied"] == "true":
        assert found == ""  # the text prints no title: the catalog supplies one
    else:
        assert found == article.title


def test_paragraphs_frame_has_one_row_per_paragraph():
    frame = CORPUS.paragraphs_frame()
    assert list(frame.columns) == ["article_id", "para_id", "section", "text"]
    assert len(frame) == sum(len(a.paragraphs) for a in CORPUS)
    assert frame["para_id"].is_unique
    assert frame.loc[frame.para_id == "central-asia-2007:p001", "section"].item() == ""


@pytest.mark.parametrize("article_id", IDS)
def test_paragraph_ids_are_sequential(article_id):
    ids = [p.id for p in CORPUS[article_id].paragraphs]
    assert ids == [f"{article_id}:p{n:03d}" for n in range(1, len(ids) + 1)]


@pytest.mark.parametrize("article_id", IDS)
def test_nothing_is_lost(article_id):
    assert helpers.unaccounted(CORPUS[article_id]) == []


@pytest.mark.parametrize("article_id", IDS)
def test_body_text_is_clean(article_id):
    for paragraph in CORPUS[article_id].paragraphs:
        text = paragraph.text
        assert "\n" not in text and "\u3000" not in text and "\u00a0" not in text
        assert not re.search(r"<sup>|\\\*|\[\d+\]|〔\d+〕|[①-⑳]|（P\.\d", text), paragraph.id
        # A space between two Chinese characters is an extraction artefact.
        assert not re.search(r"[\u4e00-\u9fff] [\u4e00-\u9fff]", text), paragraph.id
        assert text == text.strip()


@pytest.mark.parametrize("article_id", IDS)
def test_sections_name_real_headings(article_id):
    article = CORPUS[article_id]
    heading_texts = {h.text for h in article.headings}
    for paragraph in article.paragraphs:
        assert set(paragraph.section) <= heading_texts


@pytest.mark.parametrize("article_id", IDS)
def test_cleaning_is_idempotent(article_id):
    article = CORPUS[article_id]
    again = build_article(as_markdown(article), article_id)
    assert [p.text for p in again.paragraphs] == [p.text for p in article.paragraphs]
    assert [(h.level, h.text) for h in again.headings if h.level] == [
        (h.level, h.text) for h in article.headings if h.level
    ]


@pytest.mark.parametrize("article_id", IDS)
def test_every_note_is_linked_or_explained(article_id):
    article = CORPUS[article_id]
    for note in article.notes:
        # A note either has text, or stands for a marker in a paragraph.
        assert note.text or note.para_id, note
        if note.para_id:
            assert note.id in article.paragraph(note.para_id).note_ids


# --- abe-beijing-2018: PDF text, Taiwanese commentary ---------------------------------------


def test_abe_headings():
    assert headings("abe-beijing-2018") == [
        (0, "日相安倍晉三訪問中國大陸與今後日「中」關係走向評析"),
        (1, "壹、前言"),
        (1, "貳、日本以「第三方市場合作」之名參與「一帶一路」"),
        (1, "參、強化兩國經濟合作為優先"),
        (1, "肆、傾向「軟避險」的安倍內閣對大陸政策"),
        (1, "伍、結語"),
    ]


def test_abe_rubric_is_not_part_of_the_title():
    article = CORPUS["abe-beijing-2018"]
    assert article.title[-2:] == "評析"
    assert [(f.kind, f.text) for f in article.front_matter] == [("rubric", "時評")]


def test_abe_paragraphs_as_written():
    article = CORPUS["abe-beijing-2018"]
    assert article.paragraphs[0].text.startswith(
        "中國大陸(以下簡稱大陸)與日本自2014年11月北京亞太經合會(APEC)非正式領袖峰會"
    )
    # Lines 5-19 are one paragraph (the blank lines between them mean nothing).
    assert article.paragraphs[0].text.endswith("為日本企業參與「一帶一路」基礎建設背書。")
    assert article.paragraphs[1].text.startswith("日「中」雙方歷經三年多")
    # Line 39 starts a new paragraph although line 37 fills the column (a correction).
    assert paragraph_with("abe-beijing-2018", "日「中」恢復正常外交往來").text.startswith("日「中」恢復正常外交往來")
    # Line 73 begins a new page with a space: the word 財務省 runs on across it.
    assert "經濟產業省、財務省等政府部門" in paragraph_with("abe-beijing-2018", "和泉洋人率領").text
    # Line 231 starts a new paragraph although line 229 fills the column (a correction).
    assert paragraph_with("abe-beijing-2018", "事實上，在日「中」開始摸索").text.endswith(
        "每年輪流在印度洋與西太平洋實施美日印三國海軍聯合演訓。"
    )
    swap = paragraph_with("abe-beijing-2018", "3.4兆日圓")
    assert "大幅提高互換上限達十倍的3.4兆日圓" in swap.text
    assert "(Soft Hedging)" in paragraph_with("abe-beijing-2018", "軟避險").text


def test_abe_footnote_moves_out_of_the_body():
    article = CORPUS["abe-beijing-2018"]
    (note,) = article.notes
    assert note.marker == "1"
    assert note.text.startswith("Christian Whiton, “Why Japan's Outreach to China Will Fail?”")
    assert "https://nationalinterest.org/feature/why-japans-outreach-china-will-fail-34632." in note.text
    cited = article.paragraph(note.para_id)
    assert "懷頓(Christian Whiton)撰文，嚴厲抨擊" in cited.text
    assert all("National Interest》" not in p.text for p in article.paragraphs)


# --- japan-us-2021: web page ---------------------------------------------------------------


def test_japan_us_structure():
    levels = [level for level, _ in headings("japan-us-2021")]
    assert levels.count(1) == 4 and levels.count(2) == 13
    assert headings("japan-us-2021")[:3] == [
        (0, "國際變局下的日美關係及日本的應對"),
        (1, "一、當前日美關係的國際政治背景"),
        (2, "(一)國際權力轉移與中美戰略競爭加劇"),
    ]
    assert headings("japan-us-2021")[-1] == (1, "四、小結")


def test_japan_us_front_matter_is_labelled():
    article = CORPUS["japan-us-2021"]
    kinds = {f.kind: f.text for f in article.front_matter}
    assert kinds["abstract"].startswith("摘要:日美關係日益受到")
    assert kinds["keywords"] == "關鍵詞:日美關係 日本外交 國際變局 同盟 戰略自主"
    assert kinds["dateline"] == "2021-02-11 日本動態"
    assert kinds["affiliation"].startswith("本文作者:中國社會科學院日本研究所")
    assert not article.paragraphs[0].text.startswith("摘要")
    assert article.paragraphs[0].text.startswith("當前,國際格局秩序加速變動")


def test_japan_us_web_boilerplate_is_removed_and_recorded():
    article = CORPUS["japan-us-2021"]
    boilerplate = [r for r in article.removed if r.kind == "web-boilerplate"]
    assert boilerplate[0].text == "相關焦點" and boilerplate[0].line == 239
    assert all(r.reason for r in article.removed)
    assert not any("門洪華" in p.text or "相關焦點" in p.text for p in article.paragraphs)
    assert article.paragraphs[-1].text.startswith("面對同步增長的機遇與挑戰")
    assert [r.kind for r in article.removed if r.line == 1] == ["page-title"]


def test_japan_us_tables_stay_available():
    article = CORPUS["japan-us-2021"]
    first, second = article.tables
    assert first.id == "japan-us-2021:t1" and second.id == "japan-us-2021:t2"
    assert first.cells[:4] == ("時間", "參與者及場合", "會談總時長", "主要議題")
    assert len(first.cells) == 4 + 5 * 4
    assert "105分鐘" in first.cells
    assert first.source.startswith("資料來源:筆者根據日本外務省網站資料整理")
    assert second.cells[:2] == ("時間", "事件") and len(second.cells) == 2 + 8 * 2
    assert [c.label for c in article.captions] == ["表1", "表2"]
    assert not any("105分鐘" in p.text for p in article.paragraphs)


# --- china-japan-2025: markdown ------------------------------------------------------------


def test_china_japan_markdown_is_undone():
    article = CORPUS["china-japan-2025"]
    assert article.title == "中日关系的缓和机遇及其不确定性"
    assert headings("china-japan-2025")[1:] == [
        (1, "一、2024年中日关系止跌回暖"),
        (1, "二、多重因素交织影响下的中日关系"),
        (1, "三、未来一年中日关系的走向分析"),  # printed as "###" but a sibling of 一、二、
        (1, "四、结语"),
    ]
    assert [r.kind for r in article.removed] == ["rule"]
    for record in [*article.paragraphs, *article.notes]:
        assert "\\" not in record.text and "<sup>" not in record.text and "](" not in record.text


def test_china_japan_page_breaks_do_not_split_paragraphs():
    # Line 7 stops at "(—3分" and the sentence goes on at line 18, after a figure
    # caption and two notes.
    first = CORPUS["china-japan-2025"].paragraphs[0]
    assert "两国关系在“紧张”区间(—3分至-6分)持续波动。整体来看" in first.text
    assert first.lines[:2] == (7, 18)
    assert "外交政策导致日本国内对美不满情绪加剧" in paragraph_with("china-japan-2025", "这种不区分“敌友”").text


def test_china_japan_notes_follow_their_markers():
    article = CORPUS["china-japan-2025"]
    markers = [n.marker for n in article.notes]
    assert markers[:4] == ["*", "**", "①", "②"]
    assert len(article.notes) == 13
    assert all(n.text for n in article.notes)
    title_note = article.notes[0]
    assert title_note.text.startswith("本文系国家自然科学基金重大项目") and title_note.para_id == ""
    fmprc = next(n for n in article.notes if "林剑" in n.text)
    assert "https://www.fmprc.gov.cn/fyrbt_673021/202404/t20240416_11282539.shtml" in fmprc.text
    assert "台海和平稳定对日本安全至关重要" in article.paragraph(fmprc.para_id).text
    statement = next(n for n in article.notes if "Joint Leaders" in n.text)
    assert "石破茂与特朗普进行首次首脑会谈" in article.paragraph(statement.para_id).text


def test_china_japan_captions():
    captions = CORPUS["china-japan-2025"].captions
    assert [c.label for c in captions] == ["图1", "图2", "图3", "图4", "图5"]
    assert captions[1].note == "注:中日两国在2025年2月无正面事件发生。"


# --- central-asia-2007: PDF text, one line and one blank line at a time ----------------


def test_central_asia_headings_including_one_split_over_two_lines():
    found = headings("central-asia-2007")
    assert [level for level, _ in found] == [0, 1, 1, 2, 2, 2, 1, 1, 2, 2, 2, 2]
    assert (1, "四、日本中亚政策对中国的影响及应对策略") in found
    assert (2, "（一）起步阶段（1992-1997年）") in found


def test_central_asia_page_number_and_abstract():
    article = CORPUS["central-asia-2007"]
    assert [(r.kind, r.text, r.line) for r in article.removed] == [("page-number", "68", 2)]
    assert article.abstract().startswith("［摘要］中亚国家独立以来")
    assert article.abstract().endswith("削弱日本在中亚对华的牵制。")
    assert not any("摘要" in p.text for p in article.paragraphs)
    # The abstract sits between two paragraphs in the file (lines 76-84).
    assert article.paragraphs[2].text.endswith("平衡中俄在中亚的强大地缘政治影响力。")


def test_central_asia_citations_become_notes_with_locators():
    article = CORPUS["central-asia-2007"]
    assert len(article.notes) == 15
    assert [n.marker for n in article.notes][:3] == ["[1]", "[2]", "[3]"]
    assert article.notes[1].locator == "（P.65）"
    assert article.notes[2].locator == "（P.174-181）"
    assert all(n.text == "" for n in article.notes)  # the reference list is not in the file
    # "[5]（P.66）" opens line 160 but belongs to the sentence before it.
    loans = paragraph_with("central-asia-2007", "215.3亿日元")
    assert "用于修建大型桥梁工程。在人员培训和技术支持方面" in loans.text


def test_central_asia_paragraphs_follow_indentation():
    paragraphs = CORPUS["central-asia-2007"].paragraphs
    assert len(paragraphs) == 22
    assert paragraphs[0].text == (
        "由于日本的中亚政策起步较晚，无论在政治还是经济领域，日本目前与中亚国家的合作都落后于其他大国，"
        "暂不足以对中亚地区的战略格局构成太大的影响。日本的中亚政策目前虽不会对华造成重大压力，"
        "但这也是一种挑战，因而需要认真探讨应对之策。"
    )
    starts = [p.text[:8] for p in paragraphs]
    assert "在“欧亚外交”与" in starts  # line 218: after a short last line
    assert "小泉访问中亚后，" in starts


# --- japan-korea-2024: PDF text with no title --------------------------------------------


def test_japan_korea_has_no_printed_title():
    article = CORPUS["japan-korea-2024"]
    assert article.metadata["title_supplied"] == "true"
    assert all(h.level > 0 for h in article.headings)
    assert article.paragraphs[0].text.startswith("自1951年《舊金山和約》簽訂後")


def test_japan_korea_headings_split_over_two_lines_are_joined():
    found = headings("japan-korea-2024")
    assert [level for level, _ in found].count(1) == 5
    assert [level for level, _ in found].count(2) == 14
    for text in (
        "（一）首腦“穿梭外交”和各層級對話機制形成",
        "（二）以“朝鮮威脅”為由重啓軍事安全合作",
        "（三）聯手構建產業供應鏈以改善兩國經貿關係",
        "（二）從“非對稱”到“對稱”引發的日韓對立情緒",
    ):
        assert (2, text) in found
    assert found[-1] == (1, "結語")


def test_japan_korea_notes():
    article = CORPUS["japan-korea-2024"]
    assert [n.marker for n in article.notes] == [f"〔{n}〕" for n in range(1, 18)]
    assert [bool(n.text) for n in article.notes] == [True] * 4 + [False] * 13
    assert "https://www.arabnews.jp/article/japan/ article_66759/" in article.notes[0].text
    assert "今天烏克蘭就是明日的東亞" in article.paragraph(article.notes[0].para_id).text
    assert [r.kind for r in article.removed] == ["notes-header"]
    assert article.paragraphs[-1].text.endswith("難以通向深度和解或結成同盟。")


def test_japan_korea_seats_sentence_is_whole():
    text = paragraph_with("japan-korea-2024", "192席").text
    assert "2024年4月韓國國會議員選舉以泛在野黨陣營192席的巨大勝利結束" in text


def test_han_characters_of_every_seed_are_all_accounted():
    # The ledger-based check above, restated as a count: no Han character vanishes.
    for article in CORPUS:
        given = "".join(entry.text for entry in article.ledger)
        assert len(han(given)) == len(han(article.raw))
