"""A teacher adds a sixth article: the suite's generic checks still pass, and its starter notebook runs.

The README promises that adding an article with ``python -m helpers add`` and
running ``make test`` gives a green suite. These tests do exactly that in a
temporary copy of the repository (its ``helpers/``, ``tests/`` and ``seeds/``),
so the real ``seeds/`` is never touched: they add one of the samples in
``tests/data/`` (a PDF, so the format readers are part of it), then run the
tests that hold for any catalog, in a fresh Python, on the copy. The starter
notebook of the new article is written with ``python -m helpers notebook`` and
run under strict nbval, as CI runs the collection's notebooks.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import helpers
from helpers import unaccounted
from helpers.analysis.themes import tag_themes
from helpers.corpus.tables import tokens_frame

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "data" / "pdf_commentary_traditional.pdf"
NEW_ID = "pdf-commentary-traditional"
#: The test files whose checks hold for any catalog (seed-specific ones are keyed to the seeds' ids).
GENERIC_TESTS = [
    "tests/test_seeds.py",
    "tests/test_arguments.py",
    "tests/test_exercises.py",
    "tests/test_timeline.py",
    "tests/test_themes.py",
    "tests/test_quantities.py",
    "tests/test_figures.py",
    "tests/test_figure_checks.py",
    "tests/test_dates.py",
    "tests/test_compare.py",
    "tests/test_concordance.py",
    "tests/test_bad_input.py",
    "tests/test_cli.py::test_info_lists_every_article_with_its_counts",
    "tests/test_cli.py::test_check_of_the_seeds_passes_and_describes_each_article",
    "tests/test_cli.py::test_add_copies_the_file_and_appends_a_filled_row",
    "tests/test_cli.py::test_export_jsonl_of_chosen_tables",
    "helpers/corpus/checks.py",
    "helpers/corpus/loading.py",
]


def run(args: list[str], cwd: Path, **kwargs) -> subprocess.CompletedProcess:
    # The copy's own code comes first, also for the notebook kernels pytest starts.
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, check=False, **kwargs
    )


@pytest.fixture(scope="module")
def repository(tmp_path_factory) -> Path:
    """A copy of the repository with a sixth article added by the command line."""
    copy = tmp_path_factory.mktemp("repository")
    for name in ("helpers", "tests", "seeds"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__", "browser"))
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    for path in (copy / "seeds").iterdir():
        path.chmod(0o644)
    added = run(["-m", "helpers", "add", str(SAMPLE), "--yes", "--source", "東亞評論"], copy)
    assert added.returncode == 0, added.stderr
    return copy


def test_the_sixth_article_is_catalogued_with_its_format(repository):
    corpus = helpers.load_corpus(repository / "seeds")
    assert len(corpus) == len(helpers.load_corpus()) + 1 and corpus.ids[-1] == NEW_ID
    assert corpus.catalog.iloc[-1]["format"] == "pdf"
    assert (repository / "seeds" / SAMPLE.name).read_bytes() == SAMPLE.read_bytes()


def test_the_generic_checks_pass_on_the_sixth_article(repository):
    article = helpers.load_corpus(repository / "seeds")[NEW_ID]
    assert unaccounted(article) == []
    tokens = tokens_frame([article])
    for paragraph in article.paragraphs:
        rows = tokens[tokens.para_id == paragraph.id]
        assert "".join(rows.token) == "".join(paragraph.text.split())
    assert set(tag_themes(article).para_id) == {p.id for p in article.paragraphs}


def test_the_suite_stays_green_with_a_sixth_article(repository):
    result = run(
        [
            "-m",
            "pytest",
            *GENERIC_TESTS,
            "-q",
            "-p",
            "no:randomly",
            "-p",
            "no:cacheprovider",
            "-o",
            "addopts=--doctest-modules",
            "-W",
            "ignore::pytest.PytestUnraisableExceptionWarning",
        ],
        repository,
        timeout=1800,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and " failed" not in result.stdout


def test_the_starter_notebook_runs_under_strict_nbval(repository, tmp_path):
    notebook = tmp_path / f"{NEW_ID}.ipynb"
    written = run(
        ["-m", "helpers", "notebook", NEW_ID, "--seeds", str(repository / "seeds"), "--out", str(notebook)],
        repository,
        timeout=900,
    )
    assert written.returncode == 0, written.stderr
    checked = run(
        [
            "-m",
            "pytest",
            "--nbval",
            "--nbval-current-env",
            "-p",
            "no:cacheprovider",
            "-o",
            "addopts=",
            "-q",
            str(notebook),
        ],
        repository,
        timeout=900,
    )
    assert checked.returncode == 0, checked.stdout[-4000:]
    text = notebook.read_text(encoding="utf-8")
    # The passages are there as static text, in both scripts, and the teacher's places are marked.
    article = helpers.load_corpus(repository / "seeds")[NEW_ID]
    first = article.paragraphs[0].text
    assert first[:20] in text and helpers.text.script.to_simplified(first)[:20] in text
    assert text.count("**Teacher:**") >= 5
