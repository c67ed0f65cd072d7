"""Files in the formats teachers have: PDF, saved web pages, markdown, Word, and awkward plain texts.

Each sample in ``tests/data/`` was written for these tests (the PDFs are printed
by Chromium from the HTML in ``tests/data/pdf_sources/``, the Word file is
written by python-docx: ``tests/data/make_samples.py`` rebuilds both), so the
tests say what the loader must find: the title, the authors, the headings, the
paragraphs, and that no boilerplate reaches the body and no character is lost.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from lxml import html as lxml_html

import helpers
from helpers import cli, unaccounted
from helpers.corpus import catalog, formats
from helpers.corpus.loading import load_article
from helpers.corpus.records import Article
from helpers.corpus.structure import build_article, detect_script
from helpers.text.cleaning import decode, han, join_lines

DATA = Path(__file__).parent / "data"
SAMPLES = {
    "pdf-simplified": "pdf_journal_simplified.pdf",
    "pdf-traditional": "pdf_commentary_traditional.pdf",
    "web-news": "web_news_simplified.html",
    "web-thinktank": "web_thinktank_traditional.html",
    "markdown-front-matter": "markdown_front_matter_html.md",
    "markdown-prettified": "markdown_prettified_html.md",
    "markdown-export": "markdown_export.md",
    "word": "word_article.docx",
    "press-statement": "press_statement_no_title.txt",
    "pdftotext": "pdftotext_formfeed.txt",
    "line-endings": "mixed_line_endings.txt",
    "journal-page": "journal_page_metadata.txt",
}
#: Words of a page's furniture or a journal's apparatus that must never reach the body.
BOILERPLATE = (
    "分享",
    "首页",
    "首頁",
    "English",
    "相关新闻",
    "熱門文章",
    "网友",
    "二维码",
    "公众号",
    "责任编辑",
    "原标题",
    "版权",
    "版權",
    "中图分类号",
    "文献标识码",
    "文章编号",
    "DOI",
    "作者简介",
    "本文共阅读",
    "选择字号",
    "进入专题",
    "发布时间",
    "来源：",
    "來源：",
    "文號",
    "东北亚论坛",
    "- 2 -",
    "範本",
)


@cache
def article_of(style: str) -> Article:
    return load_article(DATA / SAMPLES[style])


def texts(article: Article) -> list[str]:
    return [p.text for p in article.paragraphs]


def headings(article: Article) -> list[tuple[int, str]]:
    return [(h.level, h.text) for h in article.headings]


# --- Every style ---------------------------------------------------------------------------------


@pytest.mark.parametrize("style", SAMPLES)
def test_nothing_is_lost(style):
    # Every Han character of the file (for HTML, attributes, comments and scripts
    # included) is in the article or in `removed` with a reason.
    article = article_of(style)
    assert unaccounted(article) == []
    assert all(r.reason for r in article.removed)


@pytest.mark.parametrize("style", [s for s in SAMPLES if not SAMPLES[s].endswith((".pdf", ".docx"))])
def test_every_han_character_of_the_file_is_in_the_rendering(style):
    data = (DATA / SAMPLES[style]).read_bytes()
    article = article_of(style)
    source = sorted(han(decode(data, "x")[0]))
    received = sorted(han(article.raw))
    missing = [c for c in set(source) if source.count(c) > received.count(c)]
    assert missing == []


@pytest.mark.parametrize("style", SAMPLES)
def test_no_boilerplate_in_the_body(style):
    body = "\n".join(texts(article_of(style)) + [h.text for h in article_of(style).headings])
    assert [word for word in BOILERPLATE if word in body] == []


@pytest.mark.parametrize("style", SAMPLES)
def test_the_format_is_recorded(style):
    expected = {".pdf": "pdf", ".html": "html", ".md": "markdown", ".docx": "docx", ".txt": "text"}
    assert article_of(style).source_format == expected[Path(SAMPLES[style]).suffix]


@pytest.mark.parametrize("style", SAMPLES)
def test_check_and_add_work_on_every_style(style, tmp_path, seeds, capsys):
    path = DATA / SAMPLES[style]
    assert cli.main(["check", str(path)]) == 0
    out, err = capsys.readouterr()
    assert "unaccounted none" in out and err == ""
    assert cli.main(["add", str(path), "--seeds", str(seeds), "--yes"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    corpus = helpers.load_corpus(seeds)
    added = corpus[corpus.ids[-1]]
    assert (seeds / path.name).read_bytes() == path.read_bytes()  # the original file, byte for byte
    assert added.title == article_of(style).title and texts(added) == texts(article_of(style))
    assert unaccounted(added) == []
    row = helpers.read_catalog(seeds / "catalog.csv").iloc[-1]
    assert row["format"] == (
        article_of(style).source_format
        if article_of(style).source_format != "text"
        else catalog.detect_format(article_of(style).raw)
    )


# --- PDF: what was printed is what is read ----------------------------------------------------------


def printed(source: str) -> dict[str, object]:
    """What the HTML source of a test PDF prints: title, byline, headings, paragraphs, notes."""
    root = lxml_html.parse(str(DATA / "pdf_sources" / source)).getroot()
    for sup in root.iter("sup"):  # note markers are taken out of the text
        sup.drop_tree()

    def text(element) -> str:
        return join_lines("".join(element.itertext()).split("\n"))

    paragraphs: list[str] = []
    for p in root.xpath("//div[@class='body']/p[not(contains(@class, 'front')) and not(contains(@class, 'byline'))]"):
        if "cont" in (p.get("class") or ""):
            paragraphs[-1] += text(p)
        else:
            paragraphs.append(text(p))
    return {
        "title": text(root.xpath("//h1")[0]),
        "byline": "".join(text(root.xpath("//p[@class='byline']")[0]).split()),
        "headings": [(int(h.tag[1]) - 1, text(h)) for h in root.xpath("//div[@class='body']/*[self::h2 or self::h3]")],
        "paragraphs": [re.sub(r"\s+(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff，。])\s+", "", p) for p in paragraphs],
        "notes": [text(p) for p in root.xpath("//div[@class='notes']/p") if not text(p).startswith("作者简介")],
    }


@pytest.mark.parametrize(
    "style, source", [("pdf-simplified", "journal_simplified.html"), ("pdf-traditional", "commentary_traditional.html")]
)
def test_pdf_reads_as_it_was_printed(style, source):
    article, expected = article_of(style), printed(source)
    assert article.title == expected["title"]  # over two lines in the simplified sample
    assert article.authors == (expected["byline"],)
    assert headings(article)[1:] == expected["headings"]
    assert texts(article) == expected["paragraphs"]  # indents start paragraphs; one crosses a page
    assert [n.marker.strip("[]^") + n.text.lstrip() for n in article.notes] == [
        re.sub(r"^(\d+)\s+", r"\1", n).replace(" ", "") for n in expected["notes"]
    ]
    assert all(n.para_id for n in article.notes)
    assert article.script == ("simplified" if "simplified" in style else "traditional")


def test_pdf_margins_are_removed_with_their_reasons():
    removed = [(r.kind, r.text) for r in article_of("pdf-simplified").removed]
    assert removed == [
        ("page-number", "41"),
        ("running-head", "东北亚论坛 2021年第3期"),
        ("page-number", "42"),
        ("running-head", "东北亚论坛 2021年第3期"),
        ("page-number", "43"),
    ]
    assert [r.kind for r in article_of("pdf-traditional").removed].count("page-number") == 3


def test_pdf_front_matter_and_journal_metadata():
    article = article_of("pdf-simplified")
    assert [f.kind for f in article.front_matter] == ["byline", "abstract", "keywords", "metadata", "affiliation"]
    assert article.front_matter[3].text.startswith("中图分类号：D831.3 文献标识码：A")


def test_radicals_from_the_font_become_ideographs():
    # Noto Sans CJK maps 日 and the radical ⽇ to one glyph; the PDF's text says ⽇.
    raw = article_of("pdf-simplified").raw
    assert "⽇" not in raw and "日本" in raw


def test_a_pdf_without_text_is_refused_with_a_clear_error(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>"
        b"endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 100 100]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF"
    )
    with pytest.raises(helpers.CorpusError, match=r"scan\.pdf.*no text"):
        load_article(path)


def test_a_broken_pdf_names_the_file(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\nnot really")
    with pytest.raises(helpers.CorpusError, match=r"broken\.pdf"):
        load_article(path)


# --- Saved web pages ----------------------------------------------------------------------------------


def test_web_news_page():
    article = article_of("web-news")
    assert article.title == "日本首相访问中亚推动“中亚＋日本”峰会机制"
    assert article.authors == ("王海涛",)
    assert [t[:10] for t in texts(article)] == ["环球观察网东京8月9", "据日本外务省介绍，峰", "分析人士指出，日本加"]
    fronts = {f.kind: f.text for f in article.front_matter}
    assert fronts["dateline"].startswith("2024-08-09 10:32 来源：环球观察网")
    assert [f.text for f in article.front_matter if f.kind == "metadata"] == [
        "原标题：日本首相将出席首届“中亚＋日本”峰会",
        "（责任编辑：刘晓燕）",
    ]
    assert [(c.text) for c in article.captions] == ["图为岸田文雄在首相官邸举行记者会。（资料图）"]
    assert catalog.guess_year(article)[0] == 2024


def test_web_news_page_keeps_what_it_removes_with_the_reason():
    reasons = {r.text: r.reason for r in article_of("web-news").removed}
    assert "navigation" in reasons["首页新闻国际国内评论视频"]
    assert "breadcrumb" in reasons["当前位置：首页 > 国际新闻 > 正文"]
    assert "language switch" in reasons["English"]
    assert "share" in reasons["分享到：微信 微博 QQ空间"]
    assert "related" in reasons["日本与哈萨克斯坦签署能源合作协议"]
    assert "comments" in reasons["网友123：希望中亚国家自主选择合作伙伴。"]
    assert "QR-code" in reasons["扫描二维码，关注环球观察网微信公众号"]
    assert "footer" in reasons["版权所有 环球观察网 未经授权禁止转载"]
    # Text in attributes, scripts and the title bar is accounted for too.
    assert "'alt' attribute" in reasons["岸田文雄在记者会上发言"]
    assert "'title' attribute" in reasons["分享到微信"]
    assert "'content' attribute" in reasons["日本首相访问中亚五国，双方同意建立新的合作机制。"]
    assert "<script>" in reasons['var pageTitle = "日本首相访问中亚"; window.dataLayer = [];']
    assert "title bar" in reasons["日本首相访问中亚 推动“中亚＋日本”峰会机制_国际新闻_环球观察网"]


def test_web_page_with_one_tag_per_line():
    article = article_of("web-thinktank")
    assert article.title == "日美同盟的新階段：從岸田到石破"
    assert article.authors == ("陳思齊",)  # not the date, not the source
    assert headings(article)[1:] == [
        (1, "一、前言"),
        (1, "二、同盟深化的內容"),
        (2, "（一）指揮管制"),
        (2, "（二）國防產業"),
        (1, "三、結語"),
    ]
    assert len(article.paragraphs) == 5
    assert texts(article)[0] == (
        "二〇二四年四月，岸田文雄首相以國賓身分訪問華盛頓，與拜登總統發表聯合聲明，"
        "宣示日美同盟進入「全球夥伴關係」的新階段。"
    )
    assert "language switch" in next(r.reason for r in article_of("web-thinktank").removed if r.text == "| English| |")
    assert catalog.guess_year(article)[0] == 2024  # the byline's date


# --- Markdown -------------------------------------------------------------------------------------------


def test_markdown_with_front_matter_and_raw_html():
    article = article_of("markdown-front-matter")
    assert article.title == "日本与东盟的经济安全合作"  # from the front matter
    assert article.authors == ("赵一鸣",)
    assert headings(article)[1:] == [(1, "引言"), (1, "合作的限度")]  # <p><strong> section heads
    assert [t[:8] for t in texts(article)] == [
        "2023年是日本",
        "日本政府认为，供",
        "不过，东盟国家普",
        "总的来看，日本与",
    ]
    assert "发表了《联合愿景声明》，把经济安全" in texts(article)[0]  # an inline link keeps its text
    assert [(c.label, c.text) for c in article.captions] == [("图1", "日本—东盟特别峰会（2023年12月，东京）")]
    kinds = {r.text: r.kind for r in article.removed}
    assert kinds["草稿：发布前请核对数据"] == "comment" and kinds["tags: 经济安全；东盟"] == "front-matter"
    assert any(r.kind == "style" and "注释样式" in r.text for r in article.removed)
    assert catalog.guess_year(article) == (2023, "date on the page (2023-11-20)")


def test_markdown_wrapping_prettified_html():
    article = article_of("markdown-prettified")
    assert article.title == "日本对太平洋岛国的援助政策"
    assert article.authors == ("孙立平",)
    assert headings(article)[1:] == [(1, "一、援助的背景"), (1, "二、援助的特点")]
    assert texts(article) == [
        "太平洋岛国散布在广阔的海域，在渔业资源和海上交通方面具有重要地位。",
        "日本自1997年起每三年举办一次“太平洋岛国峰会”，以此作为与岛国对话的主要平台。",
        "日本的援助重视防灾、气候变化和海洋监测，并通过国际协力机构派遣专家。",
        "近年来，日本还加强了与澳大利亚、新西兰在岛国事务上的协调。",
    ]


def test_markdown_export_reads_as_before():
    # The markdown reader gives what the plain-text cleaner gave for this export.
    before = build_article((DATA / "markdown_export.md").read_text(encoding="utf-8"), "markdown_export")
    after = article_of("markdown-export")
    assert (after.title, after.authors, headings(after), texts(after)) == (
        before.title,
        before.authors,
        headings(before),
        texts(before),
    )
    assert [n.text for n in after.notes] == [n.text for n in before.notes]


def test_bad_front_matter_names_the_file_and_line(tmp_path):
    path = tmp_path / "bad.md"
    path.write_text("---\ntitle: 日本\nauthor: [未闭合\n---\n\n正文。\n", encoding="utf-8")
    with pytest.raises(helpers.CorpusError, match=r"bad\.md, line \d+: the YAML front matter cannot be read"):
        load_article(path)


# --- Word ------------------------------------------------------------------------------------------------


def test_word_file_styles_and_footnotes():
    article = article_of("word")
    assert article.title == "岸田政府的「全球南方」外交"
    assert article.authors == ("陳明哲",)
    assert headings(article)[1:] == [
        (1, "一、前言"),
        (1, "二、主要作法"),
        (2, "（一）政府開發援助"),
        (2, "（二）首腦外交"),
        (1, "三、結語"),
    ]
    assert [t[:8] for t in texts(article)] == [
        "岸田文雄首相上任",
        "日本修訂《開發合",
        "岸田首相先後訪問",
        "日本能否在「全球",
    ]
    assert [(n.text, n.para_id) for n in article.notes] == [
        ("外務省，《外交青書2023》，東京：外務省，2023年。", "word:p001"),
        ("〈岸田首相訪問非洲〉，《日本經濟新聞》，2023年5月3日。", "word:p003"),
    ] or [(n.text, n.para_id.split(":")[1]) for n in article.notes] == [
        ("外務省，《外交青書2023》，東京：外務省，2023年。", "p001"),
        ("〈岸田首相訪問非洲〉，《日本經濟新聞》，2023年5月3日。", "p003"),
    ]
    assert {r.kind for r in article.removed} == {"running-head", "file-property"}


def test_a_file_that_is_not_a_word_file_names_it(tmp_path):
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0 an old .doc renamed")
    with pytest.raises(helpers.CorpusError, match=r"old\.docx.*saved as \.docx"):
        load_article(path)


# --- Plain texts -------------------------------------------------------------------------------------------


def test_press_statement_without_a_title():
    article = article_of("press-statement")
    assert article.title == "" and article.headings == []
    assert len(article.paragraphs) == 3 and texts(article)[0].startswith("中華民國外交部對日本政府")
    assert [(f.kind, f.text) for f in article.front_matter] == [("metadata", "文號:003")]


def test_pdftotext_with_form_feeds():
    article = article_of("pdftotext")
    assert article.title == "日本对东盟外交的新动向" and article.authors == ("王磊",)
    assert headings(article)[1:] == [(1, "一、引言"), (1, "二、结语")]
    assert len(article.paragraphs) == 2
    assert "推动双方在教育和文化领域的交流与合作以及在海洋安全方面的对话。" in texts(article)[0]  # across the \f
    assert [r.text for r in article.removed] == ["12", "13"]


def test_mixed_line_endings_and_lines_of_spaces():
    article = article_of("line-endings")
    assert article.title == "日台關係的新局面" and article.authors == ("黃志明",)
    assert [t[:6] for t in texts(article)] == ["近年來，日本", "日本政府提供", "不過，人才與"]


def test_journal_page_metadata_goes_to_front_matter_or_removed():
    article = article_of("journal-page")
    assert article.title == "日本战后外交的“亚洲主义”传统"
    assert article.authors == ("李海峰",)  # the byline has a date and a source too
    assert len(article.paragraphs) == 3
    kinds = [f.kind for f in article.front_matter]
    assert kinds.count("keywords") == 2 and kinds.count("metadata") == 2 and "affiliation" in kinds
    assert [r.text for r in article.removed] == [
        "选择字号：大 中 小",
        "本文共阅读 1234 次",
        "进入专题：日本外交 亚洲主义",
    ]


# --- Scripts, formats, dispatch ------------------------------------------------------------------------------


def test_detect_script_says_unknown_without_script_specific_characters():
    assert detect_script("日本外交") == "unknown"
    assert detect_script("") == "unknown"
    assert detect_script("日本與中國") == "traditional"


def test_format_of_reads_the_name_then_the_bytes():
    assert formats.format_of("a.txt", "日本".encode()) == "text"
    assert formats.format_of("a.txt", b"%PDF-1.7") == "pdf"  # a PDF saved under another name is still read
    assert formats.format_of("download", b"%PDF-1.7") == "pdf"
    assert formats.format_of("page", b"<!DOCTYPE html><html>") == "html"
    assert formats.format_of("x.DOCX") == "docx"


# --- add: the year's basis, the script, new names; check: progress ---------------------------------------


def test_year_basis_is_kept_without_a_year(run_cli, seeds):
    status, out, _ = run_cli(
        "add",
        DATA / SAMPLES["press-statement"],
        "--seeds",
        seeds,
        "--dry-run",
        "--year-basis",
        "date of the press release on the ministry's site",
    )
    assert status == 0
    assert "year_basis" in out and "date of the press release on the ministry's site" in out


def test_a_text_without_script_specific_characters_needs_script(run_cli, seeds, tmp_path):
    path = tmp_path / "short.txt"
    path.write_text("日本外交\n\n日本外交。\n", encoding="utf-8")
    status, _, err = run_cli("add", path, "--seeds", seeds, "--dry-run")
    assert status == 1 and "short.txt" in err and "--script" in err
    status, out, _ = run_cli("add", path, "--seeds", seeds, "--dry-run", "--script", "traditional")
    assert status == 0 and "traditional" in out


def test_add_proposes_user_dictionary_entries(run_cli, seeds):
    status, out, _ = run_cli("add", DATA / SAMPLES["word"], "--seeds", seeds, "--dry-run")
    assert status == 0
    assert "copy its line into helpers/data/userdict.txt" in out
    assert "  全球南方 nz" in out  # a term in quotation marks that jieba cuts in two


def test_check_shows_progress_through_the_files():
    seen = []

    def progress(items):
        seen.append(list(items))
        return items

    reports = helpers.corpus.checks.check_files([DATA / SAMPLES["word"], DATA / SAMPLES["web-news"]], progress=progress)
    assert len(seen) == 1 and len(seen[0]) == 2 and all(r.ok for r in reports)


@pytest.fixture
def run_cli(capsys):
    def run(*args):
        status = cli.main([str(a) for a in args])
        out, err = capsys.readouterr()
        return status, out, err

    return run


@pytest.mark.parametrize(
    "line, kind",
    [
        ("| English| |", "language-switch"),
        ("English | 中文 | 日本語", "language-switch"),
        ("本文共阅读 1234 次", "web-furniture"),
        ("长按识别二维码关注我们", "web-furniture"),
    ],
)
def test_web_lines_in_a_plain_text_are_removed(line, kind):
    article = build_article(f"{line}\n\n日美同盟的新階段\n\n二〇二四年四月，岸田文雄首相訪問華盛頓。\n", "demo")
    assert article.title == "日美同盟的新階段"
    assert [(r.kind, r.text) for r in article.removed] == [(kind, line)]


@pytest.mark.parametrize(
    "line",
    [
        "中圖分類號：D831.3",
        "文獻標識碼：A",
        "文章編號：1003-7411(2021)03-0041-09",
        "DOI：10.19657/j.cnki.1002-7874.2020.02.001",
        "責任編輯：王小明",
        "原標題：日美同盟",
    ],
)
def test_journal_metadata_lines_in_both_scripts_go_to_front_matter(line):
    article = build_article(f"日美同盟的新階段\n\n{line}\n\n二〇二四年四月，岸田文雄首相訪問華盛頓。\n", "demo")
    assert [(f.kind, f.text) for f in article.front_matter] == [("metadata", line)]
    assert texts(article) == ["二〇二四年四月，岸田文雄首相訪問華盛頓。"]
