"""Refuse to test notebooks whose cells differ from the committed version (a student's saved answers).

    python scripts/edited_notebooks.py     # exit 1, naming each edited notebook and cell; 0 if none

`make test` runs this first: the notebook tests compare every cell's output with
the saved one, so a notebook in which a student typed answers (and JupyterLab
saved them) would fail for reasons that have nothing to do with the code. Only
the cells count (their type, source and outputs); metadata such as the kernel
name or the widget state does not. (`make site` needs no such check: it is built
from the last commit and ignores the working copy.)

To keep your own work, copy the notebooks first (`make my-copy` puts them in
my-notebooks/, which git ignores) and work there; `git checkout -- notebooks/`
then restores the originals.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent


def _cells(text: str) -> list[tuple]:
    nb = nbformat.reads(text, as_version=4)
    cells = []
    for cell in nb.cells:
        outputs = tuple(
            (
                o.get("output_type"),
                repr(sorted(o.get("data", {}).items())),
                o.get("text", ""),
                o.get("ename", ""),
            )
            for o in cell.get("outputs", [])
        )
        cells.append((cell.cell_type, cell.source, outputs))
    return cells


def edited_cells(path: Path, repo: Path = ROOT) -> list[int] | None:
    """The numbers (from 1) of the cells of ``path`` that differ from HEAD; None if it is not committed."""
    relative = path.resolve().relative_to(repo.resolve()).as_posix()
    result = subprocess.run(
        ["git", "-C", str(repo), "show", f"HEAD:{relative}"],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        return None
    committed, current = _cells(result.stdout), _cells(path.read_text(encoding="utf-8"))
    changed = [n for n, (a, b) in enumerate(zip(committed, current), start=1) if a != b]
    if len(committed) != len(current):
        changed.append(min(len(committed), len(current)) + 1)
    return changed


def report(repo: Path = ROOT) -> list[str]:
    """One line per edited notebook (empty when none, or outside a git checkout)."""
    if (
        subprocess.run(
            ["git", "-C", str(repo), "rev-parse", "HEAD"],
            capture_output=True,
            check=False,
        ).returncode
        != 0
    ):
        return []
    lines = []
    for path in sorted((repo / "notebooks").glob("*.ipynb")):
        changed = edited_cells(path, repo)
        if changed:
            cells = ", ".join(map(str, changed[:8])) + (" ..." if len(changed) > 8 else "")
            lines.append(f"notebooks/{path.name}: cell(s) {cells} differ from the committed version")
    return lines


def main() -> int:
    lines = report(ROOT)
    if not lines:
        return 0
    print(
        "These notebooks were edited (saved answers or experiments?), so their stored outputs cannot be tested:",
        file=sys.stderr,
    )
    for line in lines:
        print(f"  {line}", file=sys.stderr)
    print(
        "Keep your work with `make my-copy` (copies the notebooks into my-notebooks/, which git ignores),\n"
        "then restore the originals with `git checkout -- notebooks/` and run `make test` again.\n"
        "Developers who changed a notebook on purpose: commit it first, or run `make test ALLOW_EDITED=1`.",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
