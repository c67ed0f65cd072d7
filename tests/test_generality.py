"""The cleaner and the tools on articles they were not written for.

The texts in ``tests/data/`` were written for these tests, in the styles a
teacher brings: a Simplified PDF extraction with a running head and page
numbers, a Traditional web page with its navigation and share buttons, a
markdown export, a commentary with no headings, a text that mixes English
sentences with Chinese, and a title with one paragraph. Two more are made
here: a 1 MB article assembled from the seeds' paragraphs, and the PDF text with
Windows line endings. Since we wrote them, we know what the cleaner should find:
the tests say so, paragraph by paragraph.

Where the cleaner gets a style wrong, the test that says what it should do is
marked ``xfail(strict=True)`` with the reason: it documents the gap, and turns
into a failure (to be unmarked) the day the cleaner is fixed. (All the gaps found
when these tests were written have since been fixed.)
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

import helpers
from helpers import cli, unaccounted
from helpers.cleaning import decode, ends_sentence
from helpers.corpus import catalog
from helpers.corpus.tables import quantities_frame, tokens_frame
from helpers.records import Article
from helpers.script import to_simplified
from helpers.structure import build_article
from helpers.themes import tag_themes

DATA = Path(__file__).parent / "data"
FILES = {
    "pdf": "pdf_simplified_journal.txt",
    "web": "web_traditional_navigation.txt",
    "markdown": "markdown_export.md",
    "no-headings": "no_headings_traditional.txt",
    "mixed-english": "mixed_english.txt",
    "title-only": "title_and_one_paragraph.txt",
}
STYLES = [*FILES, "long", "windows"]


def raw_text(style: str) -> str:
    """The text of a style, as a file would hold it."""
    if style == "long":
        return long_article()[0]
    if style == "windows":
        return raw_text("pdf").replace("\n", "\r\n")
    return (DATA / FILES[style]).read_text(encoding="utf-8")


@cache
def article_of(style: str) -> Article:
    return build_article(raw_text(style), style)


def texts(article: Article) -> list[str]:
    return [p.text for p in article.paragraphs]


def headings(article: Article) -> list[tuple[int, str]]:
    return [(h.level, h.text) for h in article.headings]


# --- Every style ------------------------------------------------------------------------------


@pytest.mark.parametrize("style", STYLES)
def test_nothing_is_lost(style):
    assert unaccounted(article_of(style)) == []


@pytest.mark.parametrize("style", STYLES)
def test_the_language_tools_work_on_every_style(style):
    article = article_of(style)
    tokens = tokens_frame([article])
    for paragraph in article.paragraphs[:20]:
        rows = tokens[tokens.para_id == paragraph.id]
        # Tokens sit where they say, and together they are the paragraph without its spaces.
        assert all(paragraph.text[p : p + len(t)] == t for p, t in zip(rows.position, rows.token))
        assert "".join(rows.token) == "".join(paragraph.text.split())
    tags = tag_themes(article)
    assert set(tags.para_id) == {p.id for p in article.paragraphs}
    quantities = quantities_frame([article])
    assert all(
        article.paragraph(pid).text[start:end] == raw
        for pid, start, end, raw in zip(quantities.para_id, quantities.start, quantities.end, quantities.raw)
    )


# --- A Simplified PDF extraction with a running head and page numbers ---------------------------------

PDF_TITLE = "日本对东南亚基础设施外交的演变与特点"
RUNNING_HEAD = "东北亚论坛　2019 年第 4 期"
PDF_HEADINGS = [
    (0, PDF_TITLE),
    (1, "一、问题的提出"),
    (1, "二、日本基础设施外交的演变"),
    (2, "（一）援助主导阶段"),
    (2, "（二）官民合作阶段"),
    (2, "（三）规则塑造阶段"),
    (1, "三、结语"),
]
# The paragraphs as they were written, before they were laid out in 22-character
# lines with a running head and a page number on each page (markers ① ② taken out).
PDF_PARAGRAPHS = [
    "东南亚是日本经济外交的传统重点地区。自1977年“福田主义”提出以来，日本通过政府开发援助在该地区修建了大量道路、港口和电站，为日本企业进入当地市场铺平了道路。进入二十一世纪，随着中国在东南亚的影响力迅速上升，日本政府开始重新审视基础设施合作的战略意义。",
    "2015年5月，安倍晋三政府提出“高质量基础设施伙伴关系”，宣布在此后五年内与亚洲开发银行合作提供约1100亿美元资金。这一倡议被普遍视为日本对“一带一路”倡议的回应，也标志着日本基础设施外交进入新的阶段。",
    "现有研究多从日中竞争的角度解读这一政策，较少关注日本国内官民关系的变化以及东南亚国家自身的选择。本文尝试从政策演变、运作方式和实际效果三个方面加以考察。",
    "二十世纪九十年代以前，日本对东南亚的基础设施合作主要以日元贷款形式进行。日本政府强调“请求主义”，即由受援国提出项目需求，日方据此进行审查和融资。这种做法在客观上照顾了受援国的自主性，但也使日本难以根据本国战略需要主动布局。",
    "2010年前后，日本经济产业省和外务省相继设立推进基础设施出口的专门机构，首相官邸也成立了“经协基础设施战略会议”，由内阁官房长官统筹协调。日本国际协力银行的业务范围随之扩大，可以为日本企业参与的海外项目提供更多融资。",
    "在这一阶段，日本更加重视整体打包输出，即把设计、建设、运营和人才培养结合在一起，以提高项目的附加值。印度尼西亚雅加达地铁和泰国曼谷的城市轨道项目都是这种模式的代表。",
    "2016年以后，日本在七国集团和二十国集团等多边场合推动“高质量基础设施投资原则”，强调项目的透明度、开放性、经济性和债务可持续性。2019年，这一原则在大阪峰会上获得二十国集团领导人的认可。",
    "通过推广这些原则，日本试图把自身的项目标准转化为地区乃至全球的规则，从而在与其他国家的竞争中占据有利位置。",
    "总体来看，日本基础设施外交经历了从援助到投资、从项目到规则的转变。然而，日本企业成本偏高、决策周期较长等问题依然存在，东南亚国家也更愿意在多个合作伙伴之间保持平衡。日本能否在这一领域继续保持优势，仍有待观察。",
]
# Paragraphs 2 and 6 run over a page break, where the running head is printed.
PDF_CROSSING_A_PAGE = (1, 5)


def test_pdf_title_byline_abstract_and_headings():
    article = article_of("pdf")
    assert article.title == PDF_TITLE
    assert article.authors == ("李明远",)
    assert article.script == "simplified"
    assert [f.kind for f in article.front_matter] == ["byline", "abstract", "keywords"]
    assert article.abstract().startswith("摘要：二十一世纪以来，日本把基础设施出口作为对东南亚外交")
    assert article.abstract().endswith("并指出其面临的竞争压力与内在局限。")
    assert headings(article) == PDF_HEADINGS


def test_pdf_page_numbers_are_removed():
    article = article_of("pdf")
    assert [(r.kind, r.text) for r in article.removed if r.kind == "page-number"] == [
        ("page-number", "56"),
        ("page-number", "57"),
        ("page-number", "58"),
    ]
    assert not any(number in p.text for p in article.paragraphs for number in ("56", "57", "58"))


def test_pdf_paragraphs_that_stay_on_one_page_are_as_written():
    article = article_of("pdf")
    assert len(article.paragraphs) == len(PDF_PARAGRAPHS)
    for index, (found, written) in enumerate(zip(texts(article), PDF_PARAGRAPHS)):
        if index not in PDF_CROSSING_A_PAGE:
            assert found == written
        assert found.startswith(written[:12])
    assert [p.section[-1] for p in article.paragraphs] == [
        "一、问题的提出",
        "一、问题的提出",
        "一、问题的提出",
        "（一）援助主导阶段",
        "（二）官民合作阶段",
        "（二）官民合作阶段",
        "（三）规则塑造阶段",
        "（三）规则塑造阶段",
        "三、结语",
    ]


def test_pdf_notes_at_the_foot_of_the_page_are_linked_to_their_paragraphs():
    article = article_of("pdf")
    assert [(n.marker, n.text, n.para_id) for n in article.notes] == [
        ("①", "白石隆：《海洋帝国》，中公新书 2000 年版。", "pdf:p001"),
        ("②", "日本国际协力银行：《年度报告 2012》。", "pdf:p005"),
    ]


def test_pdf_running_head_is_removed():
    article = article_of("pdf")
    assert texts(article) == PDF_PARAGRAPHS
    assert sum(1 for r in article.removed if r.text == RUNNING_HEAD) == 2


def test_pdf_wrapped_foot_note_stays_whole():
    text = (
        "日本的东南亚政策\n\n"
        "　　东南亚是日本经济外交的传统重点地区。自\n"
        "1977 年“福田主义”提出以来，日本通过政府开\n"
        "发援助在该地区修建了大量道路、港口和电站，①\n"
        "为日本企业进入当地市场铺平了道路。进入二十\n"
        "\n"
        "① 参见[日]白石隆：《海洋帝国：如何思考亚洲》，中公\n"
        "新书 2000 年版，第 45 页。\n"
        "\n"
        "56\n"
        "\n"
        "一世纪，随着中国在东南亚的影响力迅速上升，日\n"
        "本政府开始重新审视基础设施合作的战略意义。\n"
    )
    article = build_article(text, "demo")
    # Notes keep the spaces of the extraction (see test_pdf_notes_at_the_foot_of_the_page_…).
    assert [n.text for n in article.notes] == [
        "参见[日]白石隆：《海洋帝国：如何思考亚洲》，中公新书 2000 年版，第 45 页。"
    ]
    assert texts(article) == [PDF_PARAGRAPHS[0]]


# --- A Traditional web page with navigation and share buttons -------------------------------------

WEB_TITLE = "日本與東協的海洋安全合作：進展與侷限"
WEB_FURNITURE = ("首頁 > 國際 > 亞太評論", "分享到：Facebook", "上一篇：", "下一篇：", "返回首頁")


def web_body_lines() -> list[str]:
    """The article's paragraphs, as the page has them: one line each."""
    lines = raw_text("web").splitlines()
    return [lines[n - 1] for n in (7, 9, 10, 12, 13, 15, 16)]


def test_web_page_title_dateline_and_headings():
    article = article_of("web")
    assert article.title == WEB_TITLE
    assert article.script == "traditional"
    assert headings(article) == [
        (0, WEB_TITLE),
        (1, "一、合作的背景"),
        (1, "二、合作的主要內容"),
        (1, "三、合作的侷限"),
    ]
    dateline = [f.text for f in article.front_matter if f.kind == "dateline"]
    assert dateline == ["2022-09-30 10:15 來源：洞見國際評論網 作者：陳思齊"]
    assert catalog.guess_year(article)[0] == 2022


def test_web_page_title_bar_and_related_links_are_removed():
    article = article_of("web")
    removed = [r.text for r in article.removed]
    assert removed[0] == "洞見國際評論網 | " + WEB_TITLE
    related = [r.text for r in article.removed if r.kind == "web-boilerplate"]
    assert related == ["相關閱讀", "• 日本的印太戰略與東南亞", "• 南海仲裁案五週年的回顧"]


def test_web_page_paragraphs_are_the_page_lines():
    article = article_of("web")
    assert texts(article)[:7] == web_body_lines()
    assert texts(article)[0].startswith("近年來，日本與東南亞國家協會（東協）")
    assert [p.section for p in article.paragraphs[:7]] == [
        (),
        ("一、合作的背景",),
        ("一、合作的背景",),
        ("二、合作的主要內容",),
        ("二、合作的主要內容",),
        ("三、合作的侷限",),
        ("三、合作的侷限",),
    ]


def test_web_page_navigation_and_share_buttons_are_removed():
    article = article_of("web")
    kept = texts(article) + [f.text for f in article.front_matter]
    assert not [text for text in kept if any(word in text for word in WEB_FURNITURE)]
    removed = " ".join(r.text for r in article.removed)
    assert all(word in removed for word in WEB_FURNITURE)
    assert texts(article)[:7] == web_body_lines()


def test_web_page_author_is_read_from_the_dateline():
    assert article_of("web").authors == ("陳思齊",)


# --- A markdown export --------------------------------------------------------------------------------


def test_markdown_title_and_heading_levels():
    article = article_of("markdown")
    assert article.title == "日本的印太战略与中日关系"
    assert headings(article) == [
        (0, "日本的印太战略与中日关系"),
        (1, "一、引言"),
        (1, "二、日本印太战略的演变"),
        (2, "（一）从“战略”到“构想”"),
        (2, "（二）重点领域的扩展"),
        (1, "三、结语"),
    ]

    def section_of(start: str) -> tuple[str, ...]:
        return next(p.section for p in article.paragraphs if p.text.startswith(start))

    assert section_of("2018年前后") == ("二、日本印太战略的演变", "（一）从“战略”到“构想”")
    assert section_of("随着美国推出") == ("二、日本印太战略的演变", "（二）重点领域的扩展")
    assert section_of("总的来看") == ("三、结语",)


def test_markdown_bold_labels_are_read():
    article = article_of("markdown")
    assert article.authors == ("张华",)
    assert [f.kind for f in article.front_matter] == ["byline", "abstract", "keywords"]
    assert article.abstract().startswith("摘要：本文考察日本“自由开放的印度太平洋”战略")
    assert texts(article)[0].startswith("2016年8月，安倍晋三在肯尼亚")


def test_markdown_footnotes_become_notes():
    article = article_of("markdown")
    assert not any("[^" in text for text in texts(article))
    assert [n.text for n in article.notes] == [
        "外务省：《外交蓝皮书2017》，东京：外务省，2017年，第25页。",
        "参见张华：《美日澳印四边机制的演进》，《国际问题研究》2021年第3期。",
    ]
    cited = [article.paragraph(n.para_id).text for n in article.notes]
    assert cited[0].startswith("2016年8月") and cited[1].startswith("随着美国推出")


# --- A text with no headings at all ---------------------------------------------------------------------


def test_text_without_headings():
    article = article_of("no-headings")
    assert article.title == "岸田訪美後的日美同盟走向"
    assert article.authors == ("林志遠",)
    assert headings(article) == [(0, "岸田訪美後的日美同盟走向")]
    assert [p.text[:8] for p in article.paragraphs] == [
        "日本首相岸田文雄",
        "從日本的角度看，",
        "從美國的角度看，",
        "不過，同盟的深化",
    ]
    assert all(p.section == () for p in article.paragraphs)
    assert texts(article)[-1].endswith("將是未來觀察的重點。")
    assert article.removed == [] and article.notes == []


# --- A text that mixes English sentences with Chinese ---------------------------------------------------


def test_english_sentences_are_kept_whole():
    article = article_of("mixed-english")
    assert article.title == "日本“重返”的外交话语：从安倍演讲看日本的国家定位"
    assert article.authors == ("王晓东",)
    assert [h.text for h in article.headings[1:]] == ["一、演讲的背景", "二、话语中的国家定位", "三、结语"]
    first, second, third, fourth, fifth = texts(article)
    assert "“Japan is not, and will never be, a Tier-two country. That is the core message I am here to make.”" in first
    assert (
        "Does Japan desire to continue to be a tier-one nation, or is she content to drift into tier-two status?"
        in second
    )
    assert "阿米蒂奇（Richard Armitage）与奈（Joseph Nye）" in second
    assert "“rule-promoter”“guardian of the global commons”" in third
    assert fourth.startswith("Such rhetoric, as several commentators noted, was designed for two audiences at once.")
    assert fifth.startswith("从“Japan is Back”到后来的")
    assert article.script == "simplified"


def test_english_words_are_tokens():
    tokens = tokens_frame([article_of("mixed-english")]).token.tolist()
    assert {"Japan", "Tier", "rhetoric", "Armitage"} <= set(tokens)


def test_english_abstract_and_keywords_are_separate():
    article = article_of("mixed-english")
    assert [f.kind for f in article.front_matter] == ["byline", "abstract", "keywords"]
    assert article.abstract().endswith("emphasised rules and values.")


# --- Only a title and one paragraph -------------------------------------------------------------------------


def test_title_and_one_paragraph():
    article = article_of("title-only")
    assert article.title == "日韓關係的新起點"
    assert headings(article) == [(0, "日韓關係的新起點")]
    assert texts(article) == [raw_text("title-only").splitlines()[2]]
    assert article.front_matter == [] and article.removed == [] and article.notes == []
    assert article.script == "traditional"


# --- Windows line endings ------------------------------------------------------------------------------------


@pytest.mark.parametrize("style", list(FILES))
def test_windows_line_endings_change_nothing(style):
    unix = article_of(style)
    windows = build_article(raw_text(style).replace("\n", "\r\n"), style)
    assert windows.title == unix.title and windows.authors == unix.authors
    assert headings(windows) == headings(unix)
    assert [(p.text, p.lines, p.section) for p in windows.paragraphs] == [
        (p.text, p.lines, p.section) for p in unix.paragraphs
    ]
    assert windows.notes == unix.notes and windows.front_matter == unix.front_matter
    assert [(r.kind, r.text, r.line) for r in windows.removed] == [(r.kind, r.text, r.line) for r in unix.removed]
    assert unaccounted(windows) == []


# --- A very long article -----------------------------------------------------------------------------------

_NUMERALS = "一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1..99 as written in a heading.

    >>> [chinese_number(n) for n in (1, 10, 12, 20, 47)]
    ['一', '十', '十二', '二十', '四十七']
    """
    tens, units = divmod(n, 10)
    return (_NUMERALS[tens - 1] if tens > 1 else "") + ("十" if tens else "") + (_NUMERALS[units - 1] if units else "")


@cache
def long_article() -> tuple[str, tuple[tuple[int, str], ...], tuple[str, ...]]:
    """A Simplified article of more than 1 MB, made of the seeds' paragraphs, one line each.

    Every article of the corpus gives a section (numbered 一、二、…) whose
    paragraphs are grouped ten by ten into subsections (（一）（二）…), and the
    corpus is repeated until the text passes 1,000,000 bytes. Returns the text,
    the headings and the paragraphs put into it. Only paragraphs that end a
    sentence are used: see test_a_paragraph_ending_with_a_colon_is_not_joined.
    """
    corpus = helpers.load_corpus()
    lines = ["五篇文章合编：日本对外关系长文测试", ""]
    heads: list[tuple[int, str]] = [(0, "五篇文章合编：日本对外关系长文测试")]
    paragraphs: list[str] = []
    section = 0
    while len("\n".join(lines).encode("utf-8")) < 1_000_000:
        for article in corpus:
            section += 1
            heads.append((1, f"{chinese_number(section)}、{to_simplified(article.title)}"))
            lines += [heads[-1][1], ""]
            usable = [to_simplified(p.text) for p in article.paragraphs if ends_sentence(p.text)]
            for index, text in enumerate(usable):
                if index % 10 == 0:
                    heads.append((2, f"（{chinese_number(index // 10 + 1)}）第{chinese_number(index // 10 + 1)}组段落"))
                    lines += [heads[-1][1], ""]
                lines += [text, ""]
                paragraphs.append(text)
    return "\n".join(lines), tuple(heads), tuple(paragraphs)


def test_long_article_is_over_a_megabyte():
    text, _, paragraphs = long_article()
    assert len(text.encode("utf-8")) > 1_000_000
    assert len(paragraphs) > 1000


def test_long_article_structure():
    _, heads, paragraphs = long_article()
    article = article_of("long")
    assert headings(article) == list(heads)
    assert texts(article) == list(paragraphs)
    assert article.paragraphs[-1].id == f"long:p{len(paragraphs):03d}"  # ids go on past p999
    assert all(len(p.section) == 2 for p in article.paragraphs)


def test_raw_seeds_run_together_lose_nothing(seeds_dir):
    # Not an article, but the no-loss ledger must hold on any text, even 1 MB of
    # five raw files run together (titles, notes lists and web boilerplate included).
    raws = [decode(path.read_bytes(), str(path))[0] for path in sorted(seeds_dir.glob("*.txt"))]
    text = "\n\n".join(raws * 9)
    assert len(text.encode("utf-8")) > 1_000_000
    assert unaccounted(build_article(text, "together")) == []


def test_a_paragraph_ending_with_a_colon_is_not_joined():
    text = (
        "日本的中亞政策\n\n"
        "日本介入中亞對華也形成一定牽制，我們應給予關注。為此，提出以下應對策略：\n\n"
        "第一，繼續堅持發展與中亞國家的睦鄰友好關係，加強政治互動。\n\n"
        "第二，深化與中亞國家的經貿合作，推動能源領域合作。\n"
    )
    assert len(build_article(text, "demo").paragraphs) == 3


# --- check and add, through the command line, on every style --------------------------------------------------


def sample_file(folder: Path, style: str) -> Path:
    name = FILES.get(style, f"{style}_sample.txt")
    path = folder / name
    path.write_bytes(raw_text(style).encode("utf-8"))
    return path


@pytest.mark.parametrize("style", STYLES)
def test_check_and_add_work_on_every_style(style, tmp_path, seeds, capsys):
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    path = sample_file(downloads, style)

    assert cli.main(["check", str(path)]) == 0
    out, err = capsys.readouterr()
    assert "unaccounted none" in out and err == ""
    assert f"title       {article_of(style).title}" in out

    assert cli.main(["add", str(path), "--seeds", str(seeds), "--yes"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    corpus = helpers.load_corpus(seeds)
    assert len(corpus) == len(helpers.load_corpus()) + 1
    added = corpus[corpus.ids[-1]]
    assert added.source_file == path.name
    assert (seeds / path.name).read_bytes() == path.read_bytes()
    assert added.title == article_of(style).title
    assert texts(added) == texts(article_of(style))
    assert added.script == article_of(style).script
    assert unaccounted(added) == []


@pytest.mark.parametrize(
    "style, expected",
    [
        ("pdf", "pdf-text"),
        ("windows", "pdf-text"),
        ("web", "web-page"),
        ("markdown", "markdown"),
        ("no-headings", "text"),
        ("mixed-english", "text"),
        ("title-only", "text"),
        ("long", "text"),
    ],
)
def test_add_detects_the_format(style, expected):
    assert catalog.detect_format(raw_text(style)) == expected


@pytest.mark.parametrize(
    "style, year",
    [
        ("pdf", 2019),  # the latest year it mentions (the G20 summit in Osaka)
        ("web", 2022),  # the dateline
        ("markdown", 2021),  # the latest year it mentions: a note on a 2021 article
        ("no-headings", 2024),  # Kishida's visit to Washington
        ("mixed-english", 2013),  # the Abe speech; the 2012 report is earlier
        ("title-only", None),  # no year at all
    ],
)
def test_add_proposes_a_year(style, year):
    assert catalog.guess_year(article_of(style))[0] == year
