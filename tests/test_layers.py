"""The helpers package is in layers, and no module imports from a layer above its own.

    0  helpers/errors.py       the errors every layer raises
    1  helpers/text/           strings in, strings or rows out
    2  helpers/corpus/         records, parser, catalog, loader, checks, tables
    3  helpers/analysis/       themes, concordance, figures, timeline, comparison, export
    4  helpers/*.py            the lessons: reading, widgets, plots, arguments…, and the
       helpers/exercises/      lesson package of the exercises (records, answers, checking…)
    5  helpers/cli/            the command line

Every ``import`` statement counts, also one inside a function or under
``TYPE_CHECKING``: a dependency that is only imported late is still a dependency.
Inside the package, modules are imported from their homes, never by the short
names kept for the notebooks (``helpers.figures``).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import helpers

PACKAGE = Path(helpers.__file__).resolve().parent
LAYERS = {"text": 1, "corpus": 2, "analysis": 3, "cli": 5}
LAYER_NAMES = {0: "errors", 1: "text", 2: "corpus", 3: "analysis", 4: "lessons", 5: "cli"}
#: ``import helpers`` (the package's front: load_corpus, the records) gives the corpus layer.
PACKAGE_ROOT_LAYER = 2


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> int | None:
    """The layer of a module of the package (None for a module outside it)."""
    parts = module.split(".")
    if parts[0] != "helpers":
        return None
    if len(parts) == 1:
        return PACKAGE_ROOT_LAYER
    if parts[1] in LAYERS:
        return LAYERS[parts[1]]
    if parts[1] == "errors":
        return 0
    return 4  # a module at the top of the package is a lesson module


def imported_modules(source: str, module: str, is_package: bool) -> list[tuple[int, str]]:
    """``(line, absolute module name)`` for every import in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".") if is_package else module.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.append((node.lineno, target))
            # `from . import cleaning` imports a module, not a name.
            found += [
                (node.lineno, f"{target}.{alias.name}") for alias in node.names if _is_module(f"{target}.{alias.name}")
            ]
    return found


def _is_module(name: str) -> bool:
    relative = Path(*name.split("."))
    return (PACKAGE.parent / relative).with_suffix(".py").is_file() or (
        PACKAGE.parent / relative / "__init__.py"
    ).is_file()


def problems_in(source: str, module: str, is_package: bool = False, where: str = "") -> list[str]:
    own = layer_of(module)
    problems = []
    for line, target in imported_modules(source, module, is_package):
        if not target.startswith("helpers"):
            continue
        short = target.split(".")
        if len(short) >= 2 and short[0] == "helpers" and short[1] in helpers.SHORT_NAMES:
            problems.append(f"{where}:{line}: imports {target}; import {helpers.SHORT_NAMES[short[1]]} instead")
            continue
        theirs = layer_of(target)
        if own is not None and theirs is not None and theirs > own:
            problems.append(
                f"{where}:{line}: {module} ({LAYER_NAMES[own]}) imports {target} ({LAYER_NAMES[theirs]}), a layer above"
            )
    return problems


def package_modules() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*.py") if path.name != "__main__.py")


def test_no_module_imports_from_a_layer_above():
    problems = []
    for path in package_modules():
        module = module_name(path)
        if module == "helpers":
            continue  # the package's front re-exports the corpus layer; it is not a layer itself
        source = path.read_text(encoding="utf-8")
        problems += problems_in(source, module, path.name == "__init__.py", str(path.relative_to(PACKAGE.parent)))
    assert problems == []


def test_every_layer_folder_is_a_package_with_modules():
    for folder in LAYERS:
        assert (PACKAGE / folder / "__init__.py").is_file(), folder
        assert len(list((PACKAGE / folder).glob("*.py"))) >= 2, folder


@pytest.mark.parametrize(
    ("source", "module", "expected"),
    [
        ("from ..analysis.figures import load_figures", "helpers.text.quantities", 1),
        ("def f():\n    from ..plots import new_axes", "helpers.analysis.figures", 1),
        ("from .. import reading", "helpers.corpus.loading", 1),
        ("from ..figures import load_figures", "helpers.corpus.loading", 1),  # a short name
        ("from ..text.cleaning import han\nfrom ..errors import CorpusError", "helpers.corpus.structure", 0),
        ("from .analysis.figures import load_figures", "helpers.plots", 0),
        ("import pandas as pd", "helpers.text.cleaning", 0),
        # a module of a lesson package (helpers/exercises/) is a lesson module too
        ("from ..cli import main", "helpers.exercises.checking", 1),
        ("from ..text.script import to_simplified\nfrom .records import Verdict", "helpers.exercises.answers", 0),
    ],
)
def test_the_check_sees_an_import_going_up(source, module, expected):
    assert len(problems_in(source, module)) == expected


def test_the_short_names_are_the_modules_themselves():
    import importlib

    for short, home in helpers.SHORT_NAMES.items():
        module = importlib.import_module(f"helpers.{short}")
        assert module is importlib.import_module(home)
        assert module.__spec__.name == home


def test_the_walk_reaches_the_modules_of_a_lesson_package():
    walked = {module_name(path) for path in package_modules()}
    assert {"helpers.exercises", "helpers.exercises.checking", "helpers.exercises.records"} <= walked
    assert all(layer_of(module) == 4 for module in walked if module.startswith("helpers.exercises"))
