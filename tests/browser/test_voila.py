"""The comparison notebook served by Voilà as a dashboard: no code shown, the widget works."""

from __future__ import annotations

from pathlib import Path

import nbformat
from playwright.sync_api import expect

from .theme_filter import ThemeFilterView, exercise, index_for

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"

COMPARISON = NOTEBOOKS / "07_comparing_the_articles.ipynb"


def code_lines(notebook: Path) -> list[str]:
    """The distinctive lines of the notebook's code cells: assignments and calls, not comments."""
    cells = nbformat.read(notebook, as_version=4).cells
    lines = [line.strip() for cell in cells if cell.cell_type == "code" for line in cell.source.splitlines()]
    return [line for line in lines if len(line) > 20 and not line.startswith("#") and ("=" in line or "(" in line)]


def test_theme_filter_in_voila(voila, offline_page, screenshots):
    page = offline_page
    page.goto(voila.url("/"))
    view = ThemeFilterView.first_on(page)  # Voilà shows the page once every cell has run
    # Markdown cells show (as .jp-InputArea); code cells only show their outputs.
    expect(page.locator(".jp-OutputArea").first).to_be_visible()
    expect(page.locator(".jp-CodeCell .jp-InputArea, .jp-InputPrompt, .cm-editor, .jp-CodeMirrorEditor")).to_have_count(
        0
    )
    # The code is stripped from the page, not merely hidden.
    shown = page.locator("body").inner_text() + page.content()
    assert [line for line in code_lines(COMPARISON) if line in shown] == []
    seen = exercise(view, index_for(COMPARISON), screenshots / "voila-07_comparing_the_articles.png")
    print(f"Voilà: {seen}")
    page.screenshot(path=str(screenshots / "voila-07-page.png"))


def test_exercise_cells_explain_themselves_in_voila(voila, offline_page):
    """Without code, "replace None with your answer" would make no sense: the dashboard says where to answer."""
    from helpers.exercises import IN_DASHBOARD

    nb = nbformat.read(COMPARISON, as_version=4)
    checks = sum("check(" in cell.source for cell in nb.cells if cell.cell_type == "code")
    page = offline_page
    page.goto(voila.url("/"))
    ThemeFilterView.first_on(page)  # every cell has run
    expect(page.get_by_text(IN_DASHBOARD)).to_have_count(checks)
    assert "replace None with your answer" not in page.locator("body").inner_text()
