"""The static site (scripts/build_site.py) in a browser: saved widgets render without a kernel.

The site is built into a temporary folder and served by ``python -m http.server``
on 127.0.0.1. Every request the pages make stays on that server (the
``offline_page`` fixture refuses and reports any other), so the widget renderer
must come from the copy shipped with the site.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import expect

from .theme_filter import ThemeFilterView, check_cjk_renders

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def reading_order() -> list[Path]:
    return sorted(p for p in NOTEBOOKS.glob("*.ipynb") if re.match(r"\d\d_", p.name))


def saved_theme_filter(notebook: Path) -> dict[str, str] | None:
    """The summary and results HTML of the first theme filter whose state the notebook saved."""
    nb = nbformat.read(notebook, as_version=4)
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})

    def model(reference: str) -> dict:
        return state.get(reference.removeprefix("IPY_MODEL_"), {})

    for cell in nb.cells:
        for output in cell.get("outputs", []):
            view = output.get("data", {}).get(WIDGET_VIEW)
            root = model(view["model_id"]) if view else {}
            children = root.get("state", {}).get("children", [])
            if root.get("model_name") != "VBoxModel" or len(children) != 3:
                continue
            controls = [model(c).get("model_name") for c in model(children[0]).get("state", {}).get("children", [])]
            if "SelectMultipleModel" in controls:
                results = model(model(children[2])["state"]["children"][0])["state"]["value"]
                return {"summary": model(children[1])["state"]["value"], "results": results}
    return None


def text_of(fragment: str) -> str:
    """The text of an HTML fragment, as a browser shows it (tags dropped, entities decoded)."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


WITH_WIDGETS = [p for p in reading_order() if saved_theme_filter(p)]


def test_the_reading_order_can_be_followed_from_the_home_page(site_server, offline_page):
    page = offline_page
    page.goto(site_server.url("/index.html"))
    expect(page.locator("ol.reading-order a")).to_have_count(len(reading_order()))
    with page.expect_navigation():
        page.locator("ol.reading-order a").first.click()
    visited = [Path(page.url).name]
    while page.locator("nav.site-nav-top a.next").count():
        with page.expect_navigation():
            page.locator("nav.site-nav-top a.next").click()
        visited.append(Path(page.url).name)
    assert visited == [p.with_suffix(".html").name for p in reading_order()]


def test_some_notebook_saved_its_theme_filter():
    assert WITH_WIDGETS, "no notebook has a saved theme-filter widget state: the site would show no widget"


@pytest.mark.parametrize("notebook", WITH_WIDGETS, ids=lambda path: path.stem)
def test_saved_widget_renders_on_the_site(site_server, offline_page, screenshots, notebook):
    saved = saved_theme_filter(notebook)
    page = offline_page
    page.goto(site_server.url(f"/{notebook.stem}.html"))
    view = ThemeFilterView.first_on(page)  # drawn by vendor/html-manager/embed.js from the saved state
    expect(view.summary).to_have_text(text_of(saved["summary"]))
    expect(view.themes.locator("option").first).to_be_attached()
    listed = view.listed()
    assert listed == re.findall(r'<span class="pid">([^<]+)</span>', saved["results"])
    if listed:
        check_cjk_renders(view.results.locator(".para").first, view.results.locator(".para").first.inner_text())
    view.screenshot(screenshots / f"site-{notebook.stem}.png")
