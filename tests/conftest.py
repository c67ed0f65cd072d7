"""Shared fixtures, and the rule that CI allows no skipped test.

A skip is only ever acceptable on a developer's machine that lacks an optional
tool; in CI (the environment variable ``CI`` set to anything but "", "0" or
"false") every skip is turned into a failure that prints the skip's reason, so a
green CI run means every test really ran.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.database import DirectoryBasedExampleDatabase
from platformdirs import user_cache_dir

import helpers
from helpers.loading import SEEDS_DIR


def in_ci() -> bool:
    """True when the ``CI`` environment variable asks for a strict run."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


# --- Hypothesis: the same examples on every CI run ------------------------------------------

# CI draws the same examples every run (derandomize), so a red build is a real
# failure that the next run reproduces, never bad luck; on a developer's machine
# new examples are drawn each run, and the failures found are replayed from a
# database in the user's cache folder (not .hypothesis/ in the repository).
# HYPOTHESIS_PROFILE=ci reproduces CI's examples locally.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile(
    "dev",
    database=DirectoryBasedExampleDatabase(Path(user_cache_dir("japan-relations-reader")) / "hypothesis"),
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if in_ci() else "dev"))


# --- Fixtures -----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def corpus() -> helpers.Corpus:
    """The five seed articles, loaded once for the whole test session."""
    return helpers.load_corpus()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The repository's ``seeds/`` folder (read it, never write to it)."""
    return SEEDS_DIR


# --- No skips in CI -------------------------------------------------------------------------


def pytest_configure(config: pytest.Config) -> None:
    # Registered as a plugin rather than written as hooks of this conftest, so
    # that it also sees the doctests in helpers/ and the notebooks' cells.
    if in_ci():
        config.pluginmanager.register(NoSkipsInCI(), "no-skips-in-ci")


class NoSkipsInCI:
    """Turns every skipped test into a failure that gives the skip's reason."""

    def __init__(self) -> None:
        self.skipped_modules: list[str] = []

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo) -> pytest.TestReport:
        report = yield
        # An expected failure (xfail) is reported as "skipped" too; it is not a skip.
        if report.skipped and not hasattr(report, "wasxfail"):
            report.outcome = "failed"
            report.longrepr = f"skipped in CI, where no test may be skipped: {_skip_reason(report)}"
        return report

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        # A whole module skipped at import (pytest.importorskip, skip(allow_module_level=True)).
        # Making this report a failure would stop the session, so it is noted
        # here and fails the run at the end instead.
        line = f"{report.nodeid}: {_skip_reason(report)}"
        # --doctest-modules collects each module a second time: report it once.
        if report.skipped and line not in self.skipped_modules:
            self.skipped_modules.append(line)

    def pytest_terminal_summary(self, terminalreporter) -> None:
        if self.skipped_modules:
            terminalreporter.section("skipped in CI, where no test may be skipped", red=True)
            for line in self.skipped_modules:
                terminalreporter.write_line(line)

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        if self.skipped_modules and session.exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED


def _skip_reason(report: pytest.TestReport | pytest.CollectReport) -> str:
    # A skip's longrepr is (file, line, "Skipped: reason").
    if isinstance(report.longrepr, tuple) and len(report.longrepr) == 3:
        path, line, reason = report.longrepr
        return f"{reason} ({path}:{line})"
    return str(report.longrepr)


@pytest.fixture
def seeds(tmp_path, seeds_dir) -> Path:
    """A writable copy of the seeds folder, for commands that add to it."""
    folder = tmp_path / "seeds"
    shutil.copytree(seeds_dir, folder)
    for path in folder.iterdir():
        path.chmod(0o644)
    return folder
