"""Reading the exercise files (``helpers/data/exercises/*.toml``), cached until one is saved, looking an
exercise up, and the expected answer: the solution's result (or the literal answer), normalised."""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

import pandas as pd

from ..corpus.loading import SEEDS_DIR
from ..text.datafiles import DATA_DIR, folder_stamp, read_toml
from .answers import _items, _number, _para_key, normalise
from .options import _option_index
from .records import Exercise, ExerciseError, Kind

EXERCISES_DIR = DATA_DIR / "exercises"


FIELDS = {
    "id",
    "question",
    "kind",
    "hint",
    "solution",
    "answer",
    "explanation",
    "tolerance",
    "accept",
    "options",
    "model_answer",
    "must_contain",
    "withheld",
    "answer_digests",
    "ids_article",
}


_ID = re.compile(r"^[^\s/]+$")


_DIGEST = re.compile(r"^[0-9a-f]{32}$")


def load_exercises(folder: str | Path | None = None) -> dict[str, Exercise]:
    """Read every exercise file; ids are ``<file name>/<exercise id>``.

    A malformed exercise raises :class:`ExerciseError` naming the file and the exercise.
    The files are read again on the first call after one of them is saved (or one
    is added or removed), so a teacher's edit is seen without restarting the kernel.

    >>> "abe-beijing-2018/separation-joined" in load_exercises()
    True
    """
    folder = Path(folder) if folder is not None else EXERCISES_DIR
    return _load_exercises(folder.resolve(), folder_stamp(folder, "*.toml"))


@functools.lru_cache(maxsize=8)
def _load_exercises(folder: Path, stamp: tuple[object, ...]) -> dict[str, Exercise]:
    exercises: dict[str, Exercise] = {}
    for path in sorted(folder.glob("*.toml")):
        data = read_toml(path, ExerciseError)
        for number, table in enumerate(data.get("exercise", []), start=1):
            task = _exercise_from(table, path, number)
            if task.id in exercises:
                raise ExerciseError(f"{path}, exercise {number}", f"duplicate exercise id {table['id']!r}")
            exercises[task.id] = task
    return exercises


def _exercise_from(table: dict, path: Path, number: int) -> Exercise:
    where = f"{path}, exercise {number}" + (f" ({table['id']!r})" if isinstance(table.get("id"), str) else "")
    unknown = set(table) - FIELDS
    if unknown:
        raise ExerciseError(
            where, f"unknown field(s) {', '.join(sorted(unknown))}; the fields are {', '.join(sorted(FIELDS))}"
        )
    missing = [k for k in ("id", "question", "kind") if not str(table.get(k, "")).strip()]
    if missing:
        raise ExerciseError(where, f"missing {', '.join(missing)}")
    if not _ID.match(str(table["id"])):
        raise ExerciseError(where, f"id {table['id']!r} must have no spaces or slashes")
    try:
        kind = Kind(table["kind"])
    except ValueError:
        raise ExerciseError(
            where, f"kind must be one of {', '.join(k.value for k in Kind)}, not {table['kind']!r}"
        ) from None
    solution = str(table.get("solution", "")).strip()
    has_answer = "answer" in table
    withheld = table.get("withheld", False) is True
    digests = table.get("answer_digests", [])
    if ("answer_digests" in table or "ids_article" in table) and not withheld:
        raise ExerciseError(
            where, "answer_digests and ids_article belong to the student edition (withheld = true) only"
        )
    if not isinstance(digests, list) or not all(isinstance(d, str) and _DIGEST.match(d) for d in digests):
        raise ExerciseError(where, "answer_digests must be a list of digests as scripts/editions.py writes them")
    if withheld:
        if solution or has_answer or "model_answer" in table:
            raise ExerciseError(where, "a withheld exercise (student edition) has no solution, answer or model_answer")
    elif kind is Kind.OPEN:
        if solution or has_answer:
            raise ExerciseError(where, "an open question has no solution or answer: give model_answer and must_contain")
        if not str(table.get("model_answer", "")).strip():
            raise ExerciseError(where, "an open question needs a model_answer")
        if not _string_list(table.get("must_contain")):
            raise ExerciseError(where, "an open question needs must_contain, a list of the points a good answer makes")
    else:
        if not str(table.get("hint", "")).strip():
            raise ExerciseError(where, "missing hint (shown when an answer is wrong)")
        if bool(solution) == has_answer:
            raise ExerciseError(
                where, "give either solution (code that computes the answer) or answer (a literal), not both or neither"
            )
    if solution:
        try:
            tree = ast.parse(solution)
        except SyntaxError as error:
            raise ExerciseError(where, f"the solution is not valid Python: {error.msg} (line {error.lineno})") from None
        if not tree.body or not isinstance(tree.body[-1], ast.Expr):
            raise ExerciseError(where, "the solution must end with an expression giving the answer")
    options = tuple(str(o).strip() for o in table.get("options", []))
    if kind is Kind.CHOICE and len(options) < 2:
        raise ExerciseError(where, "a choice exercise needs options, a list of at least two")
    if "options" in table and kind is not Kind.CHOICE:
        raise ExerciseError(where, 'options are only for kind = "choice"')
    if "accept" in table and (kind is not Kind.TEXT or not _string_list(table["accept"])):
        raise ExerciseError(where, 'accept (a list of strings) is only for kind = "text"')
    try:
        tolerance = float(table.get("tolerance", 0.0))
    except (TypeError, ValueError):
        raise ExerciseError(where, f"tolerance must be a number, not {table.get('tolerance')!r}") from None
    if tolerance < 0 or ("tolerance" in table and kind is not Kind.NUMBER):
        raise ExerciseError(where, 'tolerance is a relative tolerance (0 or more) for kind = "number" only')
    task = Exercise(
        id=f"{path.stem}/{table['id']}",
        question=str(table["question"]).strip(),
        kind=kind,
        hint=str(table.get("hint", "")).strip(),
        solution=solution,
        answer=table.get("answer"),
        explanation=str(table.get("explanation", "")).strip(),
        tolerance=tolerance,
        accept=tuple(_string_list(table.get("accept")) or ()),
        options=options,
        withheld=withheld,
        answer_digests=tuple(digests),
        ids_article=str(table.get("ids_article", "")),
        model_answer=str(table.get("model_answer", "")).strip(),
        must_contain=tuple(_string_list(table.get("must_contain")) or ()),
        path=path,
    )
    if has_answer:
        try:
            _expected_from(task, task.answer)
        except (TypeError, ValueError) as error:
            raise ExerciseError(where, f"answer {task.answer!r} does not fit kind {kind.value!r}: {error}") from None
    return task


def _string_list(value: object) -> list[str] | None:
    if isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value):
        return [v.strip() for v in value]
    return None


def exercise(exercise_id: str) -> Exercise:
    """Look up an exercise; an unknown id names the exercises that exist."""
    exercises = load_exercises()
    if exercise_id not in exercises:
        prefix = str(exercise_id).split("/")[0]
        known = [key for key in exercises if key.startswith(prefix + "/")] or list(exercises)
        raise ExerciseError(str(exercise_id), f"no such exercise; try one of: {', '.join(known)}")
    return exercises[exercise_id]


def exercises_for(name: str) -> list[str]:
    """The ids of the exercises in one file (an article id or a notebook's name), in file order."""
    return [key for key in load_exercises() if key.startswith(name + "/")]


def run_solution(exercise_id: str) -> object:
    """The right answer: the value of the solution code's last expression, or the literal ``answer``.

    An open question has none (``None``).
    """
    task = exercise(exercise_id)
    if task.kind is Kind.OPEN:
        return None
    return task.answer if not task.solution else _run_code(exercise_id, task.solution, _inputs_stamp())


def _inputs_stamp() -> tuple[object, ...]:
    # What a solution's value can depend on: the articles and every data file
    # (themes, figures, quotes…), so that an edit to any of them is seen on the
    # next check rather than after a kernel restart. Stat-ing these few dozen files takes under 1 ms.
    return folder_stamp(SEEDS_DIR) + folder_stamp(DATA_DIR, "**/*")


@functools.lru_cache(maxsize=256)
def _run_code(exercise_id: str, code: str, stamp: tuple[object, ...]) -> object:
    tree = ast.parse(code)
    last = tree.body.pop()
    assert isinstance(last, ast.Expr)  # checked when the file was read
    import helpers  # the solutions use the package as students do

    namespace: dict[str, object] = {"helpers": helpers, "pd": pd}
    exec(compile(tree, f"<solution {exercise_id}>", "exec"), namespace)
    return eval(compile(ast.Expression(last.value), f"<solution {exercise_id}>", "eval"), namespace)


def _expected(exercise_id: str) -> object:
    task = exercise(exercise_id)
    try:
        return _expected_from(task, run_solution(exercise_id))
    except (TypeError, ValueError) as error:
        raise ExerciseError(
            exercise_id, f"the solution's result does not fit kind {task.kind.value!r}: {error}"
        ) from None


def _expected_from(task: Exercise, value: object) -> object:
    """The expected answer in the normalised form :func:`check` compares with."""
    if task.kind is Kind.IDS:
        items = _items(value)
        if items is None:
            raise TypeError("expected a list of paragraph ids")
        ids = [_para_key(item, None) for item in items]
        if any(key is None or key[0] is None for key in ids):
            raise ValueError("expected answers must be full paragraph ids such as 'abe-beijing-2018:p015'")
        return frozenset(ids)
    if task.kind in (Kind.SET, Kind.LIST):
        items = _items(value)
        if items is None:
            raise TypeError("expected a list of strings")
        keys = [normalise(item) for item in items]
        return frozenset(keys) if task.kind is Kind.SET else tuple(keys)
    if task.kind is Kind.NUMBER:
        number = _number(value)
        if number is None:
            raise TypeError("expected a number")
        return number
    if task.kind is Kind.TEXT:
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            raise TypeError("expected a string")
        return frozenset(normalise(v) for v in (str(value), *task.accept))
    if task.kind is Kind.CHOICE:
        index = _option_index(task, value)
        if index is None:
            raise ValueError(
                f"not one of the options (give a letter a–{chr(96 + len(task.options))} or an option's text)"
            )
        return index
    return None
