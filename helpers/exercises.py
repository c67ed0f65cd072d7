"""Exercises with a ``check`` that tells the student whether an answer is right.

Exercises live in ``helpers/data/exercises/<article id>.toml``. Each has an
``id``, a ``question``, the ``kind`` of answer expected (``ids``: a set of
paragraph ids; ``number``; ``text``; ``list``: an ordered list), a ``hint``, and
a ``solution``: a few lines of Python whose last expression is the answer. The
expected answer is never typed in: :func:`check` runs the solution to get it,
so the answer always follows the data, and :func:`solution` shows the same code,
folded away until the student opens it.

>>> check("central-asia-2007/uranium-paragraphs", ["central-asia-2007:p002"])
'Not yet: 1 of your ids is right, but 2 are missing. Hint: search the Simplified text for 铀 (uranium).'
>>> check("central-asia-2007/uranium-paragraphs", 42)
'Your answer is a number (int); this exercise wants paragraph ids, as a list such as ["central-asia-2007:p003", ...].'
"""

from __future__ import annotations

import ast
import functools
import html
import math
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from IPython.display import HTML

from .text.datafiles import DATA_DIR, DataFileError, read_toml
from .text.script import to_simplified

EXERCISES_DIR = DATA_DIR / "exercises"
KINDS = {
    "ids": 'paragraph ids, as a list such as ["central-asia-2007:p003", ...]',
    "number": "a number",
    "text": "a piece of text (a string)",
    "list": "a list, in order",
}


class ExerciseError(DataFileError):
    """An exercise file is malformed, or an exercise id is unknown."""


@dataclass(frozen=True)
class Exercise:
    """One exercise: its question, the kind of answer, a hint and the solution code."""

    id: str
    question: str
    kind: str
    hint: str
    solution: str
    tolerance: float = 0.0


@functools.cache
def load_exercises(folder: str | Path | None = None) -> dict[str, Exercise]:
    """Read every exercise file; ids are ``<article id>/<exercise id>``."""
    folder = Path(folder) if folder is not None else EXERCISES_DIR
    exercises: dict[str, Exercise] = {}
    for path in sorted(folder.glob("*.toml")):
        data = read_toml(path, ExerciseError)
        for number, table in enumerate(data.get("exercise", []), start=1):
            where = f"{path}, exercise {number}"
            missing = [k for k in ("id", "question", "kind", "solution") if not str(table.get(k, "")).strip()]
            if missing:
                raise ExerciseError(where, f"missing {', '.join(missing)}")
            if table["kind"] not in KINDS:
                raise ExerciseError(where, f"kind must be one of {', '.join(KINDS)}, not {table['kind']!r}")
            try:
                ast.parse(table["solution"])
            except SyntaxError as error:
                raise ExerciseError(where, f"the solution is not valid Python: {error.msg} (line {error.lineno})") from None
            key = f"{path.stem}/{table['id']}"
            if key in exercises:
                raise ExerciseError(where, f"duplicate exercise id {table['id']!r}")
            exercises[key] = Exercise(
                key, table["question"].strip(), table["kind"], table.get("hint", "").strip(),
                table["solution"].strip(), float(table.get("tolerance", 0.0)),
            )
    return exercises


def exercise(exercise_id: str) -> Exercise:
    """Look up an exercise; an unknown id names the exercises that exist."""
    exercises = load_exercises()
    if exercise_id not in exercises:
        article = exercise_id.split("/")[0]
        known = [key for key in exercises if key.startswith(article + "/")] or list(exercises)
        raise ExerciseError(exercise_id, f"no such exercise; try one of: {', '.join(known)}")
    return exercises[exercise_id]


def run_solution(exercise_id: str) -> object:
    """Run the solution code and return the value of its last expression."""
    return _expected(exercise_id)


@functools.cache
def _expected(exercise_id: str) -> object:
    code = exercise(exercise_id).solution
    tree = ast.parse(code)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    assert last is None or isinstance(last, ast.Expr)
    import helpers  # the solutions use the package as students do

    namespace: dict[str, object] = {"helpers": helpers, "pd": pd}
    exec(compile(tree, f"<solution {exercise_id}>", "exec"), namespace)
    if last is None:
        raise ExerciseError(exercise_id, "the solution must end with an expression giving the answer")
    return eval(compile(ast.Expression(last.value), f"<solution {exercise_id}>", "eval"), namespace)


def check(exercise_id: str, answer: object) -> str:
    """Say whether ``answer`` is right, and if not, what is wrong with it.

    Never raises for a student's answer: a wrong type or shape gets a message.
    """
    task = exercise(exercise_id)
    expected = _expected(exercise_id)
    try:
        if task.kind == "ids":
            return _check_ids(task, expected, answer)
        if task.kind == "number":
            return _check_number(task, expected, answer)
        if task.kind == "text":
            return _check_text(task, expected, answer)
        return _check_list(task, expected, answer)
    except Exception as error:  # a student's odd object must never produce a traceback
        return f"Could not read your answer ({type(error).__name__}): {_wants(task, answer)}"


def _wants(task: Exercise, answer: object) -> str:
    wanted = KINDS[task.kind].replace("central-asia-2007", task.id.split("/")[0]) if task.kind == "ids" else KINDS[task.kind]
    if answer is None:
        return f"No answer yet: replace None with your answer ({wanted}) and run the cell again."
    kind = "a number" if isinstance(answer, (int, float)) and not isinstance(answer, bool) else f"a {type(answer).__name__}"
    wants = KINDS[task.kind].replace("central-asia-2007", task.id.split("/")[0]) if task.kind == "ids" else KINDS[task.kind]
    return f"Your answer is {kind} ({type(answer).__name__}); this exercise wants {wants}."


def _as_strings(answer: object) -> list[str] | None:
    if isinstance(answer, str):
        return None
    if isinstance(answer, pd.DataFrame):
        if "para_id" in answer.columns:
            return [str(x) for x in answer["para_id"]]
        return None
    if isinstance(answer, (pd.Series, pd.Index, list, tuple, set, frozenset)):
        return [str(x) for x in answer]
    return None


def _check_ids(task: Exercise, expected: object, answer: object) -> str:
    given = _as_strings(answer)
    if given is None:
        return _wants(task, answer)
    want = {str(x) for x in expected}  # type: ignore[attr-defined]
    have = set(given)
    short = [g for g in have if ":" not in g]
    if short:
        return f"Write full paragraph ids such as 'central-asia-2007:p003', not {short[0]!r}."
    if have == want:
        return f"Right: all {len(want)} paragraph ids."
    right = len(have & want)
    parts = [f"Not yet: {right} of your ids {'is' if right == 1 else 'are'} right"]
    if want - have:
        missing = len(want - have)
        parts.append(f"but {missing} {'is' if missing == 1 else 'are'} missing")
    if have - want:
        parts.append(f"and {len(have - want)} should not be there ({', '.join(sorted(have - want)[:3])})")
    message = ", ".join(parts) + "."
    return message + (f" Hint: {task.hint}" if task.hint else "")


def _check_number(task: Exercise, expected: object, answer: object) -> str:
    if isinstance(answer, bool) or not isinstance(answer, (int, float)) and not hasattr(answer, "__float__"):
        return _wants(task, answer)
    value = float(answer)
    target = float(expected)  # type: ignore[arg-type]
    if math.isclose(value, target, rel_tol=task.tolerance or 1e-9, abs_tol=1e-9):
        return f"Right: {answer}."
    direction = "too high" if value > target else "too low"
    return f"Not yet: {answer} is {direction}." + (f" Hint: {task.hint}" if task.hint else "")


def _check_text(task: Exercise, expected: object, answer: object) -> str:
    if not isinstance(answer, str):
        return _wants(task, answer)
    if to_simplified(answer.strip()) == to_simplified(str(expected).strip()):
        return "Right."
    return "Not yet." + (f" Hint: {task.hint}" if task.hint else "")


def _check_list(task: Exercise, expected: object, answer: object) -> str:
    given = _as_strings(answer)
    if given is None:
        return _wants(task, answer)
    want = [str(x) for x in expected]  # type: ignore[attr-defined]
    if given == want:
        return f"Right: all {len(want)} in the right order."
    if sorted(given) == sorted(want):
        return "The right items, but not in the right order." + (f" Hint: {task.hint}" if task.hint else "")
    return f"Not yet: {len(set(given) & set(want))} of {len(want)} items are right." + (f" Hint: {task.hint}" if task.hint else "")


def question(exercise_id: str) -> HTML:
    """The question, as a notebook shows it."""
    task = exercise(exercise_id)
    return HTML(
        f"<div style='border:1px solid #ccc;padding:0.5em 0.8em'><b>Exercise</b> "
        f"<code>{html.escape(task.id)}</code><br>{html.escape(task.question)}</div>"
    )


def solution(exercise_id: str) -> HTML:
    """The solution code and its result, folded until the student clicks to open it."""
    task = exercise(exercise_id)
    result = _expected(exercise_id)
    shown = result if not isinstance(result, (set, frozenset)) else sorted(result)
    return HTML(
        "<details><summary>Show the solution (try first!)</summary>"
        f"<pre>{html.escape(task.solution)}</pre><p>Result: <code>{html.escape(repr(shown))}</code></p></details>"
    )


def exercises_for(article_id: str) -> list[str]:
    """The ids of an article's exercises, in file order."""
    return [key for key in load_exercises() if key.startswith(article_id + "/")]

