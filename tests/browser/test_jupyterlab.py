"""Each article notebook, and the comparison notebook, run in JupyterLab in a real browser.

The notebook is opened from a copy of notebooks/, all its cells are run with
JupyterLab's own "Run All Cells" command, and then its theme filter is used
with the mouse and keyboard as a reader would (see theme_filter.exercise).
"""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .theme_filter import ThemeFilterView, exercise, index_for

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"

#: The article notebooks (whichever of 02–06 exist) and the comparison notebook.
NOTEBOOKS_TO_RUN = sorted(NOTEBOOKS.glob("0[2-6]_*.ipynb")) + sorted(NOTEBOOKS.glob("07_*.ipynb"))

RUN_ALL_CELLS = """async (name) => {
    const app = window.jupyterapp;
    const panel = app.shell.currentWidget;
    if (!panel || !panel.context || panel.context.path !== name) {
        throw new Error(`the current tab is not ${name}`);
    }
    await panel.context.ready;
    await panel.sessionContext.ready;
    // Resolves once every cell has run (or one has failed).
    await app.commands.execute('notebook:run-all-cells');
    const problems = [];
    let index = 0;
    for (const cell of panel.content.model.cells) {
        if (cell.type === 'code') {
            if (cell.executionCount === null) problems.push(`cell ${index} did not run`);
            for (let i = 0; i < cell.outputs.length; i++) {
                const output = cell.outputs.get(i).toJSON();
                if (output.output_type === 'error') {
                    problems.push(`cell ${index}: ${output.ename}: ${output.evalue}`);
                }
            }
        }
        index++;
    }
    return {problems, kernel: panel.sessionContext.session.kernel.name};
}"""


def shut_down_kernels(server) -> None:
    """Stop every kernel of the server through its REST API, noting their processes first."""
    server.remember_processes()
    for kernel in server.get_json("/api/kernels"):
        request = urllib.request.Request(server.url(f"/api/kernels/{kernel['id']}"), method="DELETE")
        urllib.request.urlopen(request, timeout=30).close()


def test_there_are_article_notebooks_to_run():
    assert any(path.name.startswith("07_") for path in NOTEBOOKS_TO_RUN)
    assert len(NOTEBOOKS_TO_RUN) >= 2


@pytest.mark.parametrize("notebook", NOTEBOOKS_TO_RUN, ids=lambda path: path.stem)
def test_theme_filter_in_jupyterlab(jupyterlab, offline_page, screenshots, notebook):
    page = offline_page
    # ?reset starts from an empty workspace, so the notebooks opened by earlier tests stay closed.
    page.goto(jupyterlab.url(f"/lab/tree/{notebook.name}") + "&reset")
    page.wait_for_function(
        "(name) => window.jupyterapp && window.jupyterapp.shell.currentWidget"
        " && window.jupyterapp.shell.currentWidget.context"
        " && window.jupyterapp.shell.currentWidget.context.path === name",
        arg=notebook.name,
    )
    try:
        outcome = page.evaluate(RUN_ALL_CELLS, notebook.name)
        assert outcome["problems"] == [], json.dumps(outcome, ensure_ascii=False)
        view = ThemeFilterView.first_on(page)
        expect(view.themes).to_be_visible()
        seen = exercise(view, index_for(notebook), screenshots / f"jupyterlab-{notebook.stem}.png")
        print(f"{notebook.name}: {seen}")
    finally:
        shut_down_kernels(jupyterlab)


def test_jupyterlab_stops_with_its_kernels(jupyterlab):
    """The servers' processes are all stopped by the fixtures; here, a kernel started and stopped."""
    request = urllib.request.Request(jupyterlab.url("/api/kernels"), data=b"{}", method="POST")
    with urllib.request.urlopen(request, timeout=60) as response:
        kernel = json.load(response)
    pids = jupyterlab.remember_processes()
    assert pids, "the kernel's process was not found among the server's descendants"
    shut_down_kernels(jupyterlab)
    assert kernel["id"] not in {k["id"] for k in jupyterlab.get_json("/api/kernels")}
