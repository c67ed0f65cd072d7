"""The theme-filter widget as a reader sees it in a browser, and the checks the browser tests share.

The widget (``helpers.widgets.ThemeFilter``) is found by its keyword box's
placeholder; its parts by their place in the widget's layout:

    VBox ─ HBox ─ SelectMultiple "Themes"
         │      └ VBox ─ Text "Keyword" · ToggleButtons · ToggleButtons · Button "Clear"
         ├ HTML summary
         └ HBox ─ HTML results · HTML chart

What the browser shows is compared with what the helpers compute for the same
selection in this test process (``filter_paragraphs``), so the test checks the
whole chain: a click in the browser, the kernel's update, the rendered HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

import helpers
from helpers.script import to_traditional
from helpers.widgets import EMPTY_SELECTION, ParagraphIndex, build_index, filter_paragraphs

KEYWORD_PLACEHOLDER = "e.g. 同盟 or 關係"
#: How many paragraphs the results list shows before "… and N more" (helpers.widgets.results_html).
SHOWN = 60
#: Words written differently in the two scripts, tried in turn as the keyword.
KEYWORD_CANDIDATES = [
    "关系",
    "战略",
    "经济",
    "亚洲",
    "历史",
    "问题",
    "发展",
    "军事",
    "国际",
    "会谈",
    "协议",
    "资源",
    "援助",
    "贸易",
]


def source_for(notebook: Path, corpus: helpers.Corpus) -> helpers.Article | helpers.Corpus:
    """The article a notebook reads (``02_central_asia_2007`` → ``central-asia-2007``), else the corpus."""
    article_id = notebook.stem.split("_", 1)[1].replace("_", "-")
    return corpus[article_id] if article_id in corpus else corpus


def pick_theme(index: ParagraphIndex, shown: list[str]) -> str:
    """The theme with the most paragraphs whose list differs from the one ``shown`` now."""
    candidates = sorted(index.members.items(), key=lambda item: (-len(item[1]), item[0]))
    for theme, _members in candidates:
        expected = filter_paragraphs(index, [theme])["para_id"].tolist()[:SHOWN]
        if expected != shown:
            return theme
    raise AssertionError(f"no theme gives a list other than {shown}")


def pick_keyword(index: ParagraphIndex) -> tuple[str, str]:
    """A (Traditional, Simplified) pair that differ, found in 1 to SHOWN paragraphs."""
    for simplified in KEYWORD_CANDIDATES:
        traditional = to_traditional(simplified)
        count = len(filter_paragraphs(index, keyword=simplified))
        if traditional != simplified and 0 < count <= SHOWN:
            return traditional, simplified
    raise AssertionError("none of the candidate keywords is found in 1 to 60 paragraphs")


@dataclass
class ThemeFilterView:
    """Locators for the parts of one rendered theme filter."""

    root: Locator

    @classmethod
    def first_on(cls, page: Page) -> ThemeFilterView:
        keyword = page.locator(f'input[placeholder="{KEYWORD_PLACEHOLDER}"]').first
        expect(keyword).to_be_visible()
        root = keyword.locator("xpath=ancestor::div[contains(@class, 'widget-vbox')][.//select[@multiple]][1]")
        return cls(root)

    @property
    def themes(self) -> Locator:
        return self.root.locator("select[multiple]")

    @property
    def keyword(self) -> Locator:
        return self.root.locator(f'input[placeholder="{KEYWORD_PLACEHOLDER}"]')

    @property
    def clear(self) -> Locator:
        return self.root.get_by_role("button", name="Clear")

    @property
    def summary(self) -> Locator:
        # The first HTML child; the second (the chosen themes' descriptions) follows it.
        return self.root.locator(":scope > .widget-html").nth(0)

    @property
    def results(self) -> Locator:
        return self.root.locator(":scope > .widget-hbox > .widget-html").nth(0)

    @property
    def chart(self) -> Locator:
        return self.root.locator(":scope > .widget-hbox > .widget-html").nth(1)

    def screenshot(self, path: Path) -> None:
        """Save what a reader sees of the widget: its top, scrolled to the top of the window.

        A long results list makes the widget taller than the window; a picture
        of the whole element would slide JupyterLab's toolbars over it.
        """
        # JupyterLab keeps its active cell (the last one, after "Run All") in view, and
        # its windowed notebook undoes scrollIntoView(): make the widget's cell the
        # active one, then move the notebook's scroller.
        self.root.evaluate(
            """element => new Promise(done => {
                const cell = element.closest('.jp-Cell');
                const app = window.jupyterapp;
                if (cell && app && app.shell.currentWidget && app.shell.currentWidget.content) {
                    const notebook = app.shell.currentWidget.content;
                    const index = notebook.widgets.findIndex(widget => widget.node === cell);
                    if (index >= 0) notebook.activeCellIndex = index;
                }
                let scroller = element.parentElement;
                while (scroller && !(scroller.scrollHeight > scroller.clientHeight
                        && /(auto|scroll)/.test(getComputedStyle(scroller).overflowY))) {
                    scroller = scroller.parentElement;
                }
                scroller = scroller || document.scrollingElement;
                const top = scroller === document.scrollingElement ? 0 : scroller.getBoundingClientRect().top;
                setTimeout(() => {
                    scroller.scrollTop += element.getBoundingClientRect().top - top;
                    requestAnimationFrame(() => requestAnimationFrame(done));
                }, 0);
            })"""
        )
        box = self.root.bounding_box()
        viewport = self.root.page.viewport_size
        assert box and viewport, "the widget is not on screen"
        top = max(box["y"], 0)
        height = min(box["y"] + box["height"], viewport["height"]) - top
        clip = {"x": max(box["x"], 0), "y": top, "width": min(box["width"], viewport["width"]), "height": height}
        self.root.page.screenshot(path=str(path), clip=clip)

    def listed(self) -> list[str]:
        """The paragraph ids the results list shows, in order."""
        return [text.strip() for text in self.results.locator(".pid").all_text_contents()]

    def wait_for_summary(self, pattern: str | re.Pattern) -> None:
        expect(self.summary).to_have_text(re.compile(pattern) if isinstance(pattern, str) else pattern)

    def choose_themes(self, labels: list[str]) -> None:
        if labels:
            self.themes.select_option(label=labels)
        else:
            self.themes.select_option([])

    def type_keyword(self, keyword: str) -> None:
        # The box updates on Enter or when it loses focus (continuous_update=False).
        self.keyword.fill(keyword)
        self.keyword.press("Enter")


def summary_pattern(count: int, total: int) -> str:
    """The summary the widget shows for ``count`` of ``total`` paragraphs."""
    return rf"^\s*{count} of {total} paragraphs"


def check_cjk_renders(locator: Locator, sample: str) -> None:
    """Assert that the CJK characters of ``sample`` are drawn with real glyphs in ``locator``'s font.

    Each character is drawn on a canvas in the element's computed font, next to
    a private-use character that no font has (U+E000, drawn as the missing-glyph
    box). With no CJK font every character comes out as that same box; with one,
    each character's pixels differ from the box and from the other characters'.
    """
    characters = [c for c in dict.fromkeys(sample) if "\u4e00" <= c <= "\u9fff"][:6]
    assert len(characters) >= 3, f"too few CJK characters in {sample!r}"
    drawings = locator.evaluate(
        """(element, characters) => {
            const canvas = document.createElement('canvas');
            canvas.width = 96; canvas.height = 96;
            const context = canvas.getContext('2d', {willReadFrequently: true});
            const style = getComputedStyle(element);
            context.font = `64px ${style.fontFamily}`;
            const draw = (c) => {
                context.clearRect(0, 0, 96, 96);
                context.fillText(c, 8, 72);
                return Array.from(context.getImageData(0, 0, 96, 96).data).join(',');
            };
            return {missing: draw('\\ue000'), glyphs: characters.map(draw), font: style.fontFamily};
        }""",
        characters,
    )
    tofu = [c for c, image in zip(characters, drawings["glyphs"]) if image == drawings["missing"]]
    assert not tofu, f"drawn as missing-glyph boxes in font {drawings['font']}: {tofu}"
    assert len(set(drawings["glyphs"])) == len(characters), (
        f"some of {characters} are drawn alike in {drawings['font']}"
    )


def exercise(view: ThemeFilterView, index: ParagraphIndex, screenshot: Path) -> dict[str, object]:
    """Use the widget as a reader would, checking each step against the helpers; return what was seen.

    1. choose a theme: the list and the chart change, to the paragraphs that
       have the theme;
    2. type a keyword in Traditional, then in Simplified characters: the same
       paragraphs are found, and the keyword is marked;
    3. press Clear: the empty-selection message comes back.
    """
    total = len(index.paragraphs)
    expect(view.summary).to_have_text(re.compile(rf"of {total} paragraphs|{re.escape(EMPTY_SELECTION)}"))
    before, chart_before = view.listed(), view.chart.inner_html()
    labels = index.theme_labels

    theme = pick_theme(index, before)
    expected = filter_paragraphs(index, [theme])
    view.choose_themes([labels[theme]])
    view.wait_for_summary(summary_pattern(len(expected), total))
    # Widget values reach the page one message at a time: wait for the list itself.
    expect(view.results.locator(".pid").first).to_have_text(expected["para_id"].iloc[0])
    shown = view.listed()
    assert shown == expected["para_id"].tolist()[:SHOWN], (theme, shown, expected["para_id"].tolist())
    assert shown != before
    expect(view.chart).to_contain_text(labels[theme])
    assert view.chart.inner_html() != chart_before
    first_text = index.paragraphs.set_index("para_id").loc[shown[0], "text"]
    check_cjk_renders(view.results.locator(".para").first, first_text)
    view.screenshot(screenshot)

    traditional, simplified = pick_keyword(index)
    found: dict[str, list[str]] = {}
    view.choose_themes([])
    for keyword in (traditional, simplified):
        expected = filter_paragraphs(index, keyword=keyword)
        view.type_keyword(keyword)
        view.wait_for_summary(summary_pattern(len(expected), total))
        expect(view.results.locator(".pid").first).to_have_text(expected["para_id"].iloc[0])
        found[keyword] = view.listed()
        assert found[keyword] == expected["para_id"].tolist()
        assert view.results.locator("mark.keyword").count() >= len(found[keyword])
    assert found[traditional] == found[simplified] and found[traditional]

    view.clear.click()
    expect(view.summary).to_contain_text(EMPTY_SELECTION)
    expect(view.keyword).to_have_value("")
    assert view.listed() == [] and view.results.inner_text().strip() == ""
    return {
        "theme": theme,
        "theme_paragraphs": len(shown),
        "keyword": (traditional, simplified),
        "found": len(found[simplified]),
    }


def index_for(notebook: Path) -> ParagraphIndex:
    """The index the notebook's widget filters, built here the way the notebook builds it."""
    return build_index(source_for(notebook, helpers.load_corpus()))
