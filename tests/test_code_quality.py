"""Lint, formatting and types of the code, run with the tests (and so in CI).

ruff checks and formats the package, the tests, the scripts and the benchmarks;
mypy checks the package.

ruff and mypy are in the ``test`` extra of pyproject.toml, where their settings
are too. Each test fails with the tools' own report, file and line first.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: Every folder of Python code in the repository.
CODE = ("helpers", "tests", "scripts", "benchmarks")


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True)


def tool(name: str) -> None:
    if shutil.which(name, path=str(Path(sys.executable).parent)) is None and run(name, "--version").returncode:
        pytest.skip(f"{name} is not installed (pip install -e '.[test]' installs it)")


def test_ruff_finds_nothing_to_fix():
    tool("ruff")
    result = run("ruff", "check", *CODE, "--output-format", "concise")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_code_is_formatted():
    tool("ruff")
    result = run("ruff", "format", "--check", *CODE)
    assert result.returncode == 0, result.stdout + result.stderr + f"\nrun `ruff format {' '.join(CODE)}` to format"


def test_mypy_finds_no_type_error():
    tool("mypy")
    result = run("mypy")  # the files and settings are in pyproject.toml
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_module_path_named_in_a_data_file_or_the_readme_exists():
    # Data files say at the top which module reads them; after a module moves, a stale
    # path would send a teacher to a file that is not there.
    named = re.compile(r"helpers/[A-Za-z_/]+\.py")
    texts = [ROOT / "README.md", *sorted((ROOT / "helpers" / "data").rglob("*.*"))]
    stale = [
        f"{path.relative_to(ROOT)}: {found}"
        for path in texts
        if path.suffix in {".csv", ".toml", ".txt", ".md"}
        for found in sorted(set(named.findall(path.read_text(encoding="utf-8"))))
        if not (ROOT / found).is_file()
    ]
    assert not stale, "module paths that do not exist:\n" + "\n".join(stale)
