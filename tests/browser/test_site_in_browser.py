"""The static site (scripts/build_site.py) in Chromium: its controls work without a kernel.

The site is built into a temporary folder and served by ``python -m http.server``
on 127.0.0.1 (every request stays on that server: ``offline_page`` refuses and
reports any other); one test opens it from disk (``file://``). A student follows
the reading order, toggles the script, filters by theme and keyword, and searches
the whole collection. The page's filter (site.js) is compared with
``helpers.widgets.filter_paragraphs`` for several inputs, by running the page's
own JavaScript.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from helpers.script import to_simplified
from helpers.widgets import build_index, filter_paragraphs

from .theme_filter import check_cjk_renders

ROOT = Path(__file__).resolve().parents[2]


def _toc():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import toc
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    return toc.load_toc()


TOC = _toc()
ARTICLE_PAGES = [entry for entry in TOC.entries if entry.article]
#: (themes, keyword, match) a student might try; keywords in both scripts and none.
INPUTS = [
    (["energy"], "", "any"),
    (["defence", "economy"], "", "any"),
    (["alliance", "summits"], "", "all"),
    ([], "關係", "any"),
    ([], "关系", "any"),
    (["alliance"], "中國", "any"),
    ([], "  同盟 ", "any"),
    ([], "no such word", "any"),
]


def python_ids(index, themes, keyword, match) -> list[str]:
    return filter_paragraphs(index, themes, keyword, match=match)["para_id"].tolist()


def test_the_reading_order_can_be_followed_from_the_home_page(site_server, offline_page):
    page = offline_page
    page.goto(site_server.url("/index.html"))
    expect(page.locator("ol.reading-order a")).to_have_count(len(TOC.entries))
    with page.expect_navigation():
        page.locator("ol.reading-order a").first.click()
    visited = [Path(page.url).name]
    while page.locator("nav.site-nav-top a.next").count():
        with page.expect_navigation():
            page.locator("nav.site-nav-top a.next").click()
        visited.append(Path(page.url).name)
    assert visited == [entry.html for entry in TOC.entries]


@pytest.mark.parametrize("entry", ARTICLE_PAGES, ids=lambda e: e.stem)
def test_the_pages_filter_gives_what_filter_paragraphs_gives(site_server, offline_page, corpus, entry):
    page = offline_page
    page.goto(site_server.url(f"/{entry.html}"))
    page.wait_for_function("document.documentElement.classList.contains('site-ready')")
    index = build_index(corpus[entry.article])
    known = {t.id for t in index.themes}
    for themes, keyword, match in INPUTS:
        themes = [t for t in themes if t in known]
        got = page.evaluate(
            "([s, t, k, m]) => window.siteFilter(s, t, k, m)",
            [entry.article, themes, keyword, match],
        )
        assert got == python_ids(index, themes, keyword, match), (
            themes,
            keyword,
            match,
        )


def test_a_student_filters_by_theme_and_keyword_and_clears(site_server, offline_page, corpus, screenshots):
    entry = ARTICLE_PAGES[0]
    index = build_index(corpus[entry.article])
    page = offline_page
    page.goto(site_server.url(f"/{entry.html}"))
    box = page.locator(".site-filter").first
    summary = box.locator(".summary")
    theme = next(t for t in index.themes if t.id in index.members)
    box.get_by_label(theme.label, exact=True).check()
    expected = python_ids(index, [theme.id], "", "any")
    expect(summary).to_have_text(f"{len(expected)} of {len(index.paragraphs)} paragraphs.")
    assert box.locator(".results .pid").all_inner_texts() == expected[:60]
    # A keyword, typed in the other script than the article's, narrows the list as one types.
    keyword = "關係" if corpus[entry.article].script == "simplified" else "关系"
    box.locator("input.keyword").press_sequentially(keyword, delay=50)
    narrowed = python_ids(index, [theme.id], keyword, "any")
    expect(summary).to_have_text(f"{len(narrowed)} of {len(index.paragraphs)} paragraphs.")
    if narrowed:
        expect(box.locator(".results mark.keyword").first).to_be_visible()
        check_cjk_renders(
            box.locator(".results .para").first,
            box.locator(".results .para").first.inner_text(),
        )
    box.screenshot(path=str(screenshots / f"site-filter-{entry.stem}.png"))
    box.get_by_role("button", name="Clear").click()
    expect(summary).to_contain_text("Choose one or more themes")
    expect(box.locator(".results .para")).to_have_count(0)
    assert not box.locator('input[name="theme"]:checked').count()


def test_the_script_toggle_switches_the_text_and_its_language(site_server, offline_page, corpus):
    entry = next(e for e in ARTICLE_PAGES if corpus[e.article].script == "traditional")
    page = offline_page
    page.goto(site_server.url(f"/{entry.html}"))
    span = page.locator("span.zh[data-zh-hans]").first
    printed = span.inner_text()
    page.get_by_label("简体").check()
    expect(span).to_have_text(to_simplified(printed))
    expect(span).to_have_attribute("lang", "zh-Hans")
    page.get_by_label("as printed").check()
    expect(span).to_have_text(printed)
    expect(span).to_have_attribute("lang", "zh-Hant")


def test_the_search_box_finds_paragraphs_across_the_collection(site_server, offline_page, corpus):
    index = build_index(corpus)
    page = offline_page
    page.goto(site_server.url("/index.html"))
    results = page.locator("#site-search-results")
    for keyword in ("關係", "关系"):  # either script, the same paragraphs
        page.locator("#site-search-box").fill(keyword)
        expected = python_ids(index, [], keyword, "any")
        expect(results).to_contain_text(f"{len(expected)} paragraph(s) in the collection contain it")
        assert results.locator(".pid").all_inner_texts() == expected[:60]
    with page.expect_navigation():
        results.locator(".pid a").first.click()
    assert Path(page.url).name in {e.html for e in ARTICLE_PAGES}


def test_the_site_works_opened_from_disk(built_site, page):
    entry = ARTICLE_PAGES[-1]
    page.goto((built_site / entry.html).as_uri())
    page.wait_for_function("document.documentElement.classList.contains('site-ready')")
    page.locator("#site-search-box").fill("日本")
    expect(page.locator("#site-search-results")).to_contain_text("paragraph(s) in the collection contain it")
    box = page.locator(".site-filter").first
    box.locator("input.keyword").fill("日本")
    box.locator("input.keyword").press("Enter")
    expect(box.locator(".summary")).to_have_text(re.compile(r"^\d+ of \d+ paragraphs\.$"))


def test_keyboard_focus_is_visible(site_server, offline_page):
    page = offline_page
    page.goto(site_server.url(f"/{ARTICLE_PAGES[0].html}"))
    page.keyboard.press("Tab")  # the skip link comes first, and shows itself
    focused = page.evaluate("document.activeElement.className")
    assert "skip-link" in focused
    for _ in range(3):
        page.keyboard.press("Tab")
        style = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert style not in ("none", ""), page.evaluate("document.activeElement.outerHTML")
