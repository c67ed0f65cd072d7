"""No stored output of any notebook has a cell cut short.

pandas cuts a long string at ``display.max_colwidth`` and marks the cut with
``...`` (in HTML, ``...</td>``; in plain text a cell ending in ``...``), and
elides rows and columns of a long or wide frame with a row or column of
``...``. Every table a notebook shows must be readable in full in its stored
outputs (on GitHub, nbviewer or the static site), so any such mark fails here.
A Chinese ellipsis (……) that the text itself prints is not a cut.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import ipywidgets as widgets
import pandas as pd
import pytest

from helpers import load_corpus
from helpers.reading import full_table
from helpers.widgets import theme_filter

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))

# "...</td>" or "…</td>" not preceded by another "…" (the text's own "……" is kept).
HTML_CUT = re.compile(r"(?<!…)(?:\.\.\.|…)\s*</t[dh]>")
# A plain-text cell ending in "..." right after text, or a line of only "..." marks (elided rows/columns).
TEXT_CUT = re.compile(r"\S\.\.\.(?=\s|$)")
ELIDED_LINE = re.compile(r"^[\s.…]*\.\.\.[\s.…]*$")


# ipywidgets' own repr of a container widget, which runs on for hundreds of characters and is
# what a page without widget JavaScript shows: a widget the notebooks use must say what it is instead.
RAW_WIDGET_REPR = re.compile(r"^\w+\(children=\(")


def cut_cells(output: dict) -> list[str]:
    """The pieces of one stored output that show a cut cell (empty when none)."""
    data = output.get("data", {})
    found = []
    page = "".join(data.get("text/html", ""))
    for match in HTML_CUT.finditer(page):
        start = page.rfind("<t", 0, match.start())
        found.append("HTML cell " + page[start : match.end()][-90:])
    if output.get("output_type") in ("execute_result", "display_data"):
        text = "".join(data.get("text/plain", ""))
        if RAW_WIDGET_REPR.match(text):
            found.append("a widget's raw repr " + text[:90])
        if "application/vnd.jupyter.widget-view+json" in data and text.endswith("…"):
            found.append("a widget's text cut at ipywidgets' 110 characters: " + text[-90:])
        for line in text.splitlines():
            if TEXT_CUT.search(line) or ELIDED_LINE.match(line):
                found.append("text/plain line " + line.strip()[-90:])
    return found


def test_the_detector_finds_what_pandas_cuts():
    frame = pd.DataFrame({"claim": ["Four international forces shape the relationship between Japan and the US " * 2]})
    with pd.option_context("display.max_colwidth", 50, "display.max_rows", 60):
        html = frame._repr_html_()
        plain = repr(frame)
        long_plain = repr(pd.DataFrame({"n": range(200)}))
    assert cut_cells({"output_type": "execute_result", "data": {"text/html": html}})
    assert cut_cells({"output_type": "execute_result", "data": {"text/plain": plain}})
    assert cut_cells({"output_type": "execute_result", "data": {"text/plain": long_plain}})
    table = full_table(frame)
    with pd.option_context("display.max_colwidth", 50, "display.max_rows", 60):
        shown = {"text/html": table._repr_html_(), "text/plain": repr(table)}
    assert cut_cells({"output_type": "execute_result", "data": shown}) == []
    assert cut_cells({"output_type": "execute_result", "data": {"text/html": "<td>他說……</td>"}}) == []
    raw_widget = repr(widgets.VBox([widgets.HTML("x")]))
    assert raw_widget.startswith("VBox(children=(")
    assert cut_cells({"output_type": "display_data", "data": {"text/plain": raw_widget}})
    cut = {"text/plain": "x" * 110 + "…", "application/vnd.jupyter.widget-view+json": {}}
    assert cut_cells({"output_type": "display_data", "data": cut})
    bundle = theme_filter(load_corpus()["central-asia-2007"])._repr_mimebundle_()
    assert bundle is None or not bundle["text/plain"].endswith("…")
    shown = repr(theme_filter(load_corpus()["central-asia-2007"]))
    assert (
        shown.startswith("[Theme filter")
        and cut_cells({"output_type": "display_data", "data": {"text/plain": shown}}) == []
    )


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_no_stored_output_has_a_cut_cell(notebook):
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    problems = []
    for number, cell in enumerate(cells, start=1):
        for output in cell.get("outputs", []):
            problems += [f"cell {number}: {piece}" for piece in cut_cells(output)]
    assert not problems, f"{notebook.name}: cut cells (show the table with full_table(...)):\n" + "\n".join(
        problems[:20]
    )


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_every_passage_reader_has_a_static_copy(notebook):
    """A passage reader's widget output follows the static copy of its text (readable without widgets)."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    for number, cell in enumerate(cells, start=1):
        outputs = cell.get("outputs", [])
        for index, output in enumerate(outputs):
            if "".join(output.get("data", {}).get("text/plain", "")).startswith(
                "The same passages with a script toggle"
            ):
                before = "".join(outputs[index - 1].get("data", {}).get("text/html", "")) if index else ""
                assert "jr-static-passages" in before and "<blockquote" in before, f"{notebook.name}, cell {number}"
