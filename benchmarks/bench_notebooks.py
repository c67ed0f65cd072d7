"""How long each notebook takes to run, and how fast the theme filter reacts.

Prints, as plain text:
- the execution time of every notebook in a fresh kernel (as nbval runs them),
  next to a *floor*: a notebook that only starts a kernel and imports the same
  libraries, so one can see how much of each time is the notebook's own work;
- the whole sequence's total;
- the median and worst time of one update of the corpus-wide theme filter
  (choosing themes, typing a keyword, clearing), which readers feel as lag.

Run: ``python benchmarks/bench_notebooks.py [repeats]``: ``repeats`` runs of each
notebook (5 by default, about three minutes on a quiet machine), taken in rounds;
it prints the median and the best run of each against the floor's. The best run is
the one least disturbed by whatever else the machine was doing (``timeit``'s reason
for reporting it); the median says what a reader will usually wait.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
FLOOR_SOURCE = """
import pandas, matplotlib, ipywidgets
import helpers
from helpers import plots, widgets, reading, exercises, arguments, figures, timeline, themes
corpus = helpers.load_corpus()
"""


def run(notebook: nbformat.NotebookNode) -> float:
    """Execute a notebook in a fresh kernel; return the wall time in seconds."""
    client = NotebookClient(
        notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(ROOT / "notebooks")}}
    )
    start = time.perf_counter()
    client.execute()
    return time.perf_counter() - start


def floor_notebook() -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(FLOOR_SOURCE)]
    return notebook


def widget_update_times(repeats: int = 5) -> list[float]:
    sys.path.insert(0, str(ROOT))
    import helpers
    from helpers.themes import load_themes
    from helpers.widgets import theme_filter

    widget = theme_filter(helpers.load_corpus())
    themes = [theme.id for theme in load_themes()]
    selections = [([t], "") for t in themes] + [
        (themes[:3], ""),
        ([], "關係"),
        ([], "关系"),
        (themes[:2], "同盟"),
        ([], ""),
    ]
    times = []
    for _ in range(repeats):
        for chosen, keyword in selections:
            start = time.perf_counter()
            widget.select(themes=chosen, keyword=keyword)
            times.append(time.perf_counter() - start)
    return times


def interleaved_times(notebooks: dict[str, nbformat.NotebookNode], repeats: int) -> dict[str, list[float]]:
    """``repeats`` fresh-kernel runs of every notebook, taken in rounds (floor, 00, 01, …, floor, 00, …).

    Rounds, not one notebook's runs in a row: a busy spell of the machine then
    slows one run of each notebook and of the floor alike, instead of all the
    runs of one notebook, so it moves the ratios less.
    """
    times: dict[str, list[float]] = {name: [] for name in notebooks}
    for _ in range(repeats):
        for name, notebook in notebooks.items():
            times[name].append(run(notebook))
    return times


def main(repeats: int = 5) -> None:
    run(floor_notebook())  # warm the disk cache and the font cache, which the first run alone would pay for
    floor_name = "(floor: kernel + imports + load_corpus)"
    notebooks = {floor_name: floor_notebook()} | {path.name: nbformat.read(path, as_version=4) for path in NOTEBOOKS}
    times = interleaved_times(notebooks, repeats)
    floor, floor_best = statistics.median(times[floor_name]), min(times[floor_name])
    print(f"{repeats} runs of each, fresh kernel, taken in rounds; median and best (fastest) run")
    print(f"{'notebook':<40} {'median s':>8} {'× floor':>8} {'best s':>8} {'× floor':>8}")
    total = 0.0
    for name, runs in times.items():
        median, best = statistics.median(runs), min(runs)
        total += median if name != floor_name else 0.0
        print(f"{name:<40} {median:>8.2f} {median / floor:>8.2f} {best:>8.2f} {best / floor_best:>8.2f}")
    print(f"{'whole sequence (medians)':<40} {total:>8.1f}")
    updates = widget_update_times()
    print(
        f"\ntheme filter over the whole corpus: {len(updates)} updates, median {statistics.median(updates) * 1000:.1f} ms, "
        f"worst {max(updates) * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
