"""scripts/edited_notebooks.py, which `make test` runs first: a student's edited notebook is refused, clearly.

Checked in a fresh clone of the last commit: untouched, nothing is reported; an
answer typed into a cell is reported with the notebook and the cell number; a
change of metadata only (kernel name, widget state) is not an edit.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("edited_notebooks", ROOT / "scripts" / "edited_notebooks.py")
edited = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = edited
spec.loader.exec_module(edited)


@pytest.fixture
def clone(tmp_path) -> Path:
    target = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{ROOT}", str(target)],
        check=True,
    )
    return target


def test_a_fresh_clone_has_no_edited_notebook(clone):
    assert edited.report(clone) == []


def test_a_saved_answer_is_refused_with_the_notebook_and_cell_named(clone, capsys, monkeypatch):
    path = max((clone / "notebooks").glob("*.ipynb"))
    nb = nbformat.read(path, as_version=4)
    number = next(n for n, c in enumerate(nb.cells, start=1) if c.cell_type == "code")
    nb.cells[number - 1].source = 'answer = ["p001", "p002"]  # my answer'
    nbformat.write(nb, path)
    assert edited.report(clone) == [f"notebooks/{path.name}: cell(s) {number} differ from the committed version"]
    monkeypatch.setattr(edited, "ROOT", clone)
    assert edited.main() == 1
    message = capsys.readouterr().err
    assert path.name in message and "make my-copy" in message and "git checkout -- notebooks/" in message


def test_metadata_alone_is_not_an_edit(clone):
    path = min((clone / "notebooks").glob("*.ipynb"))
    nb = nbformat.read(path, as_version=4)
    nb.metadata["kernelspec"] = {
        "name": "my-python",
        "display_name": "Mine",
        "language": "python",
    }
    nb.metadata.pop("widgets", None)
    nbformat.write(nb, path)
    assert edited.report(clone) == []
