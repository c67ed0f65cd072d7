"""How long each notebook takes to run, and how fast the theme filter reacts.

Prints, as plain text:
- the execution time of every notebook in a fresh kernel (as nbval runs them),
  next to a *floor*: a notebook that only starts a kernel and imports the same
  libraries, so one can see how much of each time is the notebook's own work;
- the whole sequence's total;
- the median and worst time of one update of the corpus-wide theme filter
  (choosing themes, typing a keyword, clearing), which readers feel as lag.

Run: ``python benchmarks/bench_notebooks.py [repeats]`` (each time is the median of
``repeats`` runs, 3 by default: about two minutes on a quiet machine).
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


def median_time(notebook: nbformat.NotebookNode, repeats: int) -> float:
    """The median of ``repeats`` fresh-kernel runs (one run is at the mercy of whatever else the machine does)."""
    return statistics.median(run(notebook) for _ in range(repeats))


def main(repeats: int = 3) -> None:
    run(floor_notebook())  # warm the disk cache and the font cache, which the first run alone would pay for
    floor = median_time(floor_notebook(), repeats)
    print(f"median of {repeats} runs each, fresh kernel")
    print(f"{'notebook':<40} {'seconds':>8} {'above floor':>12} {'× floor':>8}")
    print(f"{'(floor: kernel + imports + load_corpus)':<40} {floor:>8.1f} {'':>12} {1:>8.2f}")
    total = 0.0
    for path in NOTEBOOKS:
        seconds = median_time(nbformat.read(path, as_version=4), repeats)
        total += seconds
        print(f"{path.name:<40} {seconds:>8.1f} {seconds - floor:>12.1f} {seconds / floor:>8.2f}")
    print(f"{'whole sequence':<40} {total:>8.1f}")
    times = widget_update_times()
    print(
        f"\ntheme filter over the whole corpus: {len(times)} updates, median {statistics.median(times) * 1000:.1f} ms, "
        f"worst {max(times) * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
