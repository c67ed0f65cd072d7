"""Lint, formatting and types of the package, run with the tests (and so in CI).

ruff and mypy are in the ``test`` extra of pyproject.toml, where their settings
are too. Each test fails with the tools' own report, file and line first.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True)


def tool(name: str) -> None:
    if shutil.which(name, path=str(Path(sys.executable).parent)) is None and run(name, "--version").returncode:
        pytest.skip(f"{name} is not installed (pip install -e '.[test]' installs it)")


def test_ruff_finds_nothing_to_fix():
    tool("ruff")
    result = run("ruff", "check", "helpers", "tests", "--output-format", "concise")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_code_is_formatted():
    tool("ruff")
    result = run("ruff", "format", "--check", "helpers", "tests")
    assert result.returncode == 0, result.stdout + result.stderr + "\nrun `ruff format helpers tests` to format"


def test_mypy_finds_no_type_error():
    tool("mypy")
    result = run("mypy")  # the files and settings are in pyproject.toml
    assert result.returncode == 0, result.stdout + result.stderr
