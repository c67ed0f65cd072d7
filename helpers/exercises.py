"""Exercises with a ``check`` that tells the student, fairly, whether an answer is right.

Exercises live in ``helpers/data/exercises/<notebook or article>.toml`` (the
format is explained at the top of each file). Each ``[[exercise]]`` has an
``id``, a ``question``, a ``kind`` (see :class:`Kind`), a ``hint`` and either a
``solution`` (Python whose last expression computes the answer from the
corpus, so the answer follows the data) or an ``answer`` (a literal, for
judgements of reading), with an optional ``explanation`` shown with the
solution. ``open`` questions have no automatic check: a ``model_answer`` and
``must_contain`` (what a good answer must contain) are shown on request.

:func:`check` accepts what a careful student would write: any case, any order
for sets, ids with or without the article prefix (``"p015"``, ``"P15"``,
``"abe-beijing-2018:p015"``, joined by commas or by "and"), either script,
surrounding spaces, numbers as strings or small counts as words ("four", "四"), an
option by its letter, its text or the start of its text that fits no other option.
It returns a :class:`Verdict`, shown as a styled ✓/✗ line, and never raises for a
student's answer.

>>> check("abe-beijing-2018/separation-joined", ["p002"]).status
'wrong'
>>> print(check("abe-beijing-2018/separation-joined", None))
… No answer yet: replace None with your answer (a paragraph id, "p" and its number, such as "p…") and run the cell again.
>>> check("sources/notes-without-text", str(run_solution("sources/notes-without-text"))).right
True
"""

from __future__ import annotations

import ast
import functools
import hashlib
import html
import math
import numbers
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

import pandas as pd
from IPython.display import HTML

from .corpus.loading import SEEDS_DIR
from .text.datafiles import DATA_DIR, DataFileError, folder_stamp, read_toml
from .text.fulltable import mark_chinese
from .text.quantities import DIGITS
from .text.script import to_simplified

EXERCISES_DIR = DATA_DIR / "exercises"


class Kind(str, Enum):
    """What kind of answer an exercise expects, and so how :func:`check` compares it."""

    #: A set of paragraph ids: any order, with or without the article prefix, "P15" for "p015".
    IDS = "ids"
    #: A set of strings: any order, any case, either script, spaces trimmed.
    SET = "set"
    #: An ordered list of strings, compared like ``set`` items.
    LIST = "list"
    #: A number, within an optional relative ``tolerance``; "12", 12, 12.0 and "twelve" are the same.
    NUMBER = "number"
    #: One short string; ``accept`` lists other acceptable forms.
    TEXT = "text"
    #: One of ``options``: its letter ("b"), its text, or the start of its text that fits no other option.
    CHOICE = "choice"
    #: No automatic check: a ``model_answer`` and ``must_contain`` are shown on request.
    OPEN = "open"


#: What each kind of answer looks like, for messages.
WANTS = {
    # No example ids: any real id could be an exercise's answer, or rule one out.
    Kind.IDS: 'a list of paragraph ids, each "p" and its number: ["p…", "p…"]',
    Kind.SET: 'a list of strings such as ["…", "…"], in any order',
    Kind.LIST: 'a list of strings such as ["…", "…"], in order',
    Kind.NUMBER: "a number",
    Kind.TEXT: 'a short piece of text in quotes, such as "…"',
    Kind.CHOICE: 'the letter of one option, such as "b"',
    Kind.OPEN: "your own answer in a few sentences, as a string in quotes",
}
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
#: What check() says for "no answer yet" in a Voilà dashboard, where there is no cell to type into.
IN_DASHBOARD = (
    "Exercise: this dashboard shows the question only. To answer it, open the notebook itself "
    "(JupyterLab or Binder), put your answer in place of None in the cell above, and run it."
)
#: What check() says in the student edition (scripts/editions.py), whose exercise files hold no answers,
#: for an exercise it cannot check there (an open question, a number with a tolerance).
WITHHELD = "Noted. This is the student edition: the answers are with your teacher, who will check this one."
#: What the student edition's check() adds to a verdict it made from digests.
DIGEST_NOTE = "(Student edition: checked against a digest of the answer; the details are with your teacher.)"
_ID = re.compile(r"^[^\s/]+$")
_DIGEST = re.compile(r"^[0-9a-f]{32}$")
_PARA_ID = re.compile(r"^(?:(?P<article>[a-z0-9][a-z0-9-]*)\s*:\s*)?p?\s*0*(?P<number>\d+)$", re.IGNORECASE)
_SEPARATORS = re.compile(r"[,，、;；\n]+")
_NUMBER_TEXT = re.compile(r"(?P<number>[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(?P<unit>[^\d\s.,][^\d]{0,11})?")
_QUOTES = "\"'“”‘’「」『』《》〈〉()（）[]【】"
#: Number words a student may write for a small count ("four", "四处"): English to twenty, Chinese to 九十九.
_ENGLISH_NUMBERS = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
_ENGLISH_TENS = {
    word: 10 * n for n, word in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)
}
_NUMBER_WORD = re.compile(
    r"(?P<word>[a-z]+(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)\b)?|[〇零一二两兩三四五六七八九十]+)"
    r"(?:\s*(?P<unit>[^\d]{0,12}))?"
)
#: Words that join paragraph ids in a careful answer ("p011 and p016", "p011 和 p016").
_CONNECTIVES = {"and", "&", "+", "和", "与", "與", "及"}


class ExerciseError(DataFileError):
    """An exercise file is malformed, or an exercise id is unknown."""


@dataclass(frozen=True)
class Exercise:
    """One exercise as its file gives it. ``id`` is ``<file name>/<id in the file>``."""

    id: str
    question: str
    kind: Kind
    hint: str = ""
    solution: str = ""
    answer: object = None
    explanation: str = ""
    tolerance: float = 0.0
    accept: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    model_answer: str = ""
    must_contain: tuple[str, ...] = ()
    path: Path | None = None
    #: True in the student edition: the answer fields were removed.
    withheld: bool = False
    #: In the student edition, digests of the answers check() accepts (see :func:`answer_digests`).
    answer_digests: tuple[str, ...] = ()
    #: In the student edition, the article a bare "p015" belongs to (ids exercises on one article).
    ids_article: str = ""

    @property
    def checkable(self) -> bool:
        """False for ``open`` questions, which only a reader can judge."""
        return self.kind is not Kind.OPEN


@dataclass(frozen=True)
class Verdict:
    """What :func:`check` says about an answer; shown as a styled line (✓ right, ✗ not yet).

    ``status`` is ``right``, ``wrong``, ``empty`` (no answer yet), ``unreadable``
    (an answer of the wrong shape) or ``open`` (no automatic check).
    ``bool(verdict)`` is True only when the answer is right.

    >>> verdict = Verdict("x/y", "wrong", "Not yet: 13 is too high.", hint="count the markers")
    >>> str(verdict), bool(verdict)
    ('✗ Not yet: 13 is too high. Hint: count the markers', False)
    """

    exercise_id: str
    status: str
    message: str
    hint: str = ""
    details: tuple[str, ...] = field(default_factory=tuple)

    @property
    def right(self) -> bool:
        """True when the answer is right."""
        return self.status == "right"

    def __bool__(self) -> bool:
        return self.right

    @property
    def symbol(self) -> str:
        """✓ for right, ✗ for wrong or unreadable, … for no answer yet, ✎ for an open question."""
        return {"right": "✓", "wrong": "✗", "unreadable": "✗", "empty": "…", "open": "✎"}[self.status]

    def __str__(self) -> str:
        text = f"{self.symbol} {self.message}"
        if self.hint and self.status in ("wrong", "unreadable"):
            text += f" Hint: {self.hint}"
        return text

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        colour, background = {
            "right": ("#1b5e20", "#e8f5e9"),
            "wrong": ("#b71c1c", "#fdecea"),
            "unreadable": ("#b71c1c", "#fdecea"),
            "empty": ("#444", "#f2f2f2"),
            "open": ("#0d47a1", "#e8f0fe"),
        }[self.status]
        hint = ""
        if self.hint and self.status in ("wrong", "unreadable"):
            hint = f"<br><b>Hint:</b> {html.escape(self.hint)}"
        return (
            f"<div style='border-left:5px solid {colour};background:{background};color:{colour};"
            f"padding:0.4em 0.8em;margin:0.3em 0'><b style='font-size:120%'>{self.symbol}</b> "
            f"{html.escape(self.message)}{hint}</div>"
        )


# --- Loading ------------------------------------------------------------------------------


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


# --- The expected answer ---------------------------------------------------------------------


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


# --- Normalisation ---------------------------------------------------------------------------


def normalise(value: object) -> str:
    """A string as :func:`check` compares it: NFKC (full-width to half-width), Simplified, case-folded,
    spaces collapsed (and dropped between Chinese characters), surrounding quotes and brackets removed.
    A year or date answer keeps only the date: a leading "in" or "the year" goes, and a year written
    in Chinese numerals before 年 (二〇一四年) is written in digits.

    >>> normalise("  「 霸權 護持 」 "), normalise("ＲＱＦＩＩ"), normalise("Hard  Hedging") == normalise("hard hedging")
    ('霸权护持', 'rqfii', True)
    >>> normalise("In 2014."), normalise("the year 2014"), normalise("二〇一四年"), normalise("in October 2014")
    ('2014', '2014', '2014年', '2014-10')
    >>> normalise("2014 年"), normalise("2014 年 10 月"), normalise("in the year 2014"), normalise("二〇一四")
    ('2014年', '2014-10', '2014', '2014')
    """
    text = unicodedata.normalize("NFKC", str(value))
    text = to_simplified(text).casefold()
    text = " ".join(text.split())
    text = re.sub(r"(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])", "", text)
    previous = None
    while previous != text:
        previous = text
        text = text.strip().strip(_QUOTES).strip()
    # "2014 年 10 月", as the articles print dates: no space inside a date.
    text = re.sub(r"(?<=\d) (?=[年月日])|(?<=[年月]) (?=\d)", "", text)
    text = _YEAR_IN_NUMERALS.sub(lambda m: m[0].translate(_NUMERAL_DIGITS), text)
    return _date_key(_BEFORE_A_DATE.sub("", text.rstrip("。.")))


# "in 2014", "the year 2014", "in October 2014": the words before a date are not part of the answer.
_BEFORE_A_DATE = re.compile(r"^(?:in the year|in|the year|year)\s+(?=[a-z.,\s\d]*\d{4}$)")
# A year in Chinese numerals (二〇一四年, 二零一四年): four digits before 年.
_NUMERAL_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
# Without 年 only when the numerals are the whole answer and begin like a year (二〇一四).
_YEAR_IN_NUMERALS = re.compile(r"[〇零一二三四五六七八九]{4}(?=年)|^[一二][〇零一二三四五六七八九]{3}$")


_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(\d{1,2})\s*日?|月)?(?:[ t]00:00(?::00)?)?")
# A part of a month that names no day (11月中旬 'mid-November', 8月底 'end of August', "2019-11 (mid)"):
# a text that dates an event so gives its month, and a student who copies it gives the month too.
_PART_OF_MONTH = re.compile(r"(?<=月)\s*(?:上旬|中旬|下旬|初|中|底|末)$|\s*\((?:early|mid|late|end)\)?$")
_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_WORD_MONTH = re.compile(
    r"(?:(\d{1,2})\s+|(?:early|mid|late|end of)[- ]?)?(" + "|".join(_MONTHS) + r")(?:\s+(\d{1,2}),?)?\s+(\d{4})"
)


def _date_key(text: str) -> str:
    """A date as YYYY-MM or YYYY-MM-DD ("2019-8-25", "2019/08/25", "2019年8月25日", a printed
    Timestamp, "22 november 2019"; a month with a part that names no day: "2019年11月中旬",
    "mid-november 2019", "2019-11 (mid)"); any other string unchanged. (The text is already
    case-folded.)

    >>> _date_key("2019-8-25"), _date_key("2019年11月"), _date_key("2019-11-22 00:00:00"), _date_key("p015")
    ('2019-08-25', '2019-11', '2019-11-22', 'p015')
    >>> _date_key("2019年11月中旬"), _date_key("mid-november 2019"), _date_key("2019-11 (mid)"), _date_key("august 2019")
    ('2019-11', '2019-11', '2019-11', '2019-08')
    >>> _date_key("22 november 2019"), _date_key("november 22, 2019")
    ('2019-11-22', '2019-11-22')
    """
    words = _WORD_MONTH.fullmatch(text)
    if words:
        day = words[1] or words[3]
        month = f"{words[4]}-{_MONTHS.index(words[2]) + 1:02d}"
        if not day:
            return month
        return f"{month}-{int(day):02d}" if 1 <= int(day) <= 31 else text
    match = _DATE.fullmatch(_PART_OF_MONTH.sub("", text))
    if not match or not 1 <= int(match[2]) <= 12 or (match[3] and not 1 <= int(match[3]) <= 31):
        return text
    return f"{match[1]}-{int(match[2]):02d}" + (f"-{int(match[3]):02d}" if match[3] else "")


def _para_key(value: object, default_article: str | None) -> tuple[str | None, int] | None:
    """``(article id, paragraph number)`` for "p015", "P15", "15", "abe-beijing-2018:p015"; None if not an id."""
    if isinstance(value, bool):
        return None
    if isinstance(value, numbers.Integral):
        return default_article, int(value)
    match = _PARA_ID.match(unicodedata.normalize("NFKC", str(value)).strip().strip(_QUOTES).strip())
    if not match:
        return None
    article = match.group("article")
    return (article.lower() if article else default_article), int(match.group("number"))


def _items(answer: object) -> list[object] | None:
    """The items of a list-like answer (a string is split at commas, 、 and semicolons); None if not list-like."""
    if isinstance(answer, str):
        parts = [part.strip() for part in _SEPARATORS.split(answer)]
        return [part for part in parts if part]
    if isinstance(answer, pd.DataFrame):
        if "para_id" in answer.columns:
            return list(answer["para_id"])
        if answer.shape[1] == 1:
            return list(answer.iloc[:, 0])
        return None
    if isinstance(answer, dict):
        return None
    if isinstance(answer, (pd.Series, pd.Index, list, tuple, set, frozenset)) or (
        hasattr(answer, "__iter__") and hasattr(answer, "__len__") and not isinstance(answer, (bytes, bytearray))
    ):
        items = list(answer)
        if any(isinstance(item, (list, tuple, set, dict)) for item in items):
            return None
        return items
    return None


def _number(value: object) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, numbers.Real):
        number = float(value)
    elif isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip().replace("\u2212", "-").rstrip("。.").strip()
        # "1,234", "3.92%", "80 minutes", "10倍": a number, then at most a short unit without digits.
        match = _NUMBER_TEXT.fullmatch(text)
        if not match:
            return _number_word(text)
        number = float(match.group("number").replace(",", "").replace("_", "").replace(" ", ""))
    elif hasattr(value, "__float__") and not isinstance(value, (list, tuple, dict, set)):
        try:
            number = float(value)
        except (TypeError, ValueError):
            return None
    else:
        return None
    return number if math.isfinite(number) else None


def _number_word(text: str) -> float | None:
    """A count written as a word, alone or before a short unit: "four", "Four (all 上台)", "四", "十二处".

    >>> _number_word("four"), _number_word("Twelve hits"), _number_word("四"), _number_word("二十三处"), _number_word("many")
    (4.0, 12.0, 4.0, 23.0, None)
    >>> _number_word("twenty-eight"), _number_word("Thirty one paragraphs"), _number_word("forty")
    (28.0, 31.0, 40.0)
    """
    match = _NUMBER_WORD.fullmatch(text.casefold())
    if not match:
        return None
    word = match.group("word")
    if word in _ENGLISH_NUMBERS:
        return float(_ENGLISH_NUMBERS[word])
    tens_word, _, unit_word = word.replace("-", " ").partition(" ")
    if tens_word in _ENGLISH_TENS and (not unit_word or 1 <= _ENGLISH_NUMBERS.get(unit_word, 0) <= 9):
        return float(_ENGLISH_TENS[tens_word] + _ENGLISH_NUMBERS.get(unit_word, 0))
    # Counts up to 99 only (十二, 二十三): a longer numeral in a count answer is more likely a slip.
    tens, ten, units = word.partition("十")
    if not ten:
        return float(DIGITS[word]) if len(word) == 1 and word in DIGITS else None
    if len(tens) > 1 or len(units) > 1 or "十" in units:
        return None
    return float(DIGITS.get(tens, 1) * 10 + DIGITS.get(units, 0))


def _option_index(task: Exercise, value: object) -> int | None:
    """The index of the option a student's answer names, or None if it names none (or two).

    Accepted: the letter ("b", "(b)", "B.", "option b"); the option's text, its start cut at a word's
    end, or a gloss it gives in brackets ("respect for diversity" for "a 尊重多样性 (respect for
    diversity)"), with its paragraph tag anywhere or nowhere ("p022: …", "… (p022)", "… p022") and
    its punctuation as the student types it ("… s2t, 并 …" for "… s2t; 并 …"); the option's head
    before its colon ("the ROC" for "the ROC: …"), alone or before the student's words ("the ROC, a
    reading …"); and a letter followed by words ("(c) neither ...", "b, because ...", "a 主要目的",
    "b (seems)", "b - because ..."), unless those words name another option.
    """
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        return None
    given = normalise(value)
    letters = "abcdefghijklmnopqrstuvwxyz"[: len(task.options)]
    letter = re.fullmatch(r"(?:(?:option|answer|choice)\s*:?\s*)?\(?([a-z])[).:]?", given)
    if letter and letter.group(1) in letters:
        return letters.index(letter.group(1))
    named = _named_options(task, letters, given)
    if len(named) == 1:
        return named[0]
    # A letter, then the student's own words: "(c) neither ...", "c) because ...", "b, since ...",
    # "b - because ...", "b (seems)" and "a 主要目的" (a letter, a space and Chinese). A bare "a" before
    # English words is read as a letter only when the words are the start of that option's text:
    # "a slip" may be the article.
    lead = _letter_and_words(task, given)
    if lead:
        index, words, spaced = lead
        named_by_words = _named_options(task, letters, normalise(words))
        # An explicit letter wins when its own option is among those the words name: "a) p021" where
        # p021 starts options a and b. Words that name another option contradict it: "b (to hedge)",
        # and so do words taken from another option's own wording: "b (hedge)" when only (a) says hedge.
        if index in named_by_words or (
            not named_by_words and not spaced and _quoted_option(task, index, words) is None
        ):
            return index
        return None
    if not named:
        # The option's head, then the student's own words after a comma, a dash or "because":
        # "the ROC, a reading of one occurrence". The words must name no other option.
        clause = re.match(r"(.+?)\s*(?:[,;:，；：]|\s[-–—]+\s|\s+because\s)\s*(.+)", given)
        if clause:
            head = _named_options(task, letters, normalise(clause.group(1)))
            rest = _named_options(task, letters, normalise(clause.group(2)))
            if len(head) == 1 and set(rest) <= set(head):
                return head[0]
    return None


#: Words too common to tell options apart, left out when a letter's reason is compared with the options.
_COMMON_WORDS = set(
    "a an the of to in on at by for as and or but if so is are was were be been it its his her their they this "
    "that these those with from into than then there here which who what how one all also has have had did does "
    "do only just very".split()
)
#: A reason that says what an option is not ("b, not hedging", "b (rather than hedge)") names it to refuse it.
_NEGATION = re.compile(r"\b(?:not|no|rather than|instead of|unlike|never)\b|不是|而非|并非")


def _content_words(text: str) -> set[str]:
    """The words of a text that can tell options apart: English words of three letters or more, stemmed
    crudely ("hedging", "hedged" and "hedge" are one word), and each run of Chinese characters."""
    text = re.sub(r"['’]s\b", "", normalise(text))  # "the author's" is "the author"
    english = {
        stem if len(stem := re.sub(r"(?:ing|ed|es|e|s)$", "", word)) >= 3 else word
        for word in re.findall(r"[a-z]{3,}", text)
        if word not in _COMMON_WORDS
    }
    return english | set(re.findall(r"[\u3400-\u9fff]{2,}", text))


def _quoted_option(task: Exercise, index: int, words: str) -> int | None:
    """The other option whose own wording a letter's reason repeats ("b (hedge)" where only option a
    says "hedge"), or None. The reason must share a word with that option that no other option has,
    none that only the letter's option has, and take more than half of its words from that option;
    a vague reason ("b (seems)", "c (a guess)") or one that says "not" names no other option.

    >>> task = Exercise(id="x", question="q", kind=Kind.CHOICE, hint="h", options=("a) 'to hedge': to keep options open", "b) 'to offset': to weigh one thing against another", "c) 'to collide'"))
    >>> [_quoted_option(task, 1, reason) for reason in ("hedge", "hedging, keeping options open", "weigh", "a guess", "not hedging")]
    [0, 0, None, None, None]
    """
    given = _content_words(words)
    if not given or _NEGATION.search(normalise(words)):
        return None
    options = [_content_words(_option_text(task, i)) for i in range(len(task.options))]

    def has(option: set[str], word: str) -> bool:
        # a Chinese run names an option when the option's text contains it
        return word in option or (
            "\u3400" <= word[0] <= "\u9fff"
            and any(word in other for other in option if "\u3400" <= other[0] <= "\u9fff")
        )

    def own(i: int) -> set[str]:
        return {
            w
            for w in given
            if has(options[i], w) and not any(has(options[j], w) for j in range(len(options)) if j != i)
        }

    if own(index):
        return None
    for other in range(len(options)):
        if other != index and own(other) and 2 * sum(has(options[other], w) for w in given) > len(given):
            return other
    return None


_LETTER_AND_WORDS = re.compile(
    r"(?:(?:option|answer|choice)\s*:?\s*)?(\(?([a-z])(?:[).:,]|\s*[-–—]+|\s+(?=[\u3400-\u9fff(])|(\s+)))\s*(.+)"
)


def _letter_and_words(task: Exercise, given: str) -> tuple[int, str, bool] | None:
    """A normalised answer that is an option's letter and then words ("b (seems)", "c) because …",
    "a 主要目的", "a slip"): the option's index, the words, and whether only a space separates them
    (then the "letter" may be the English article). None otherwise, and for a range ("a - c")."""
    lead = _LETTER_AND_WORDS.match(given)
    if not lead or lead.group(2) not in "abcdefghijklmnopqrstuvwxyz"[: len(task.options)]:
        return None
    other = re.fullmatch(r"\(?([a-z])\)?", lead.group(4))
    if other and other.group(1) != lead.group(2):
        return None
    return ord(lead.group(2)) - 97, lead.group(4), lead.group(3) is not None


def _contradicted_letter(task: Exercise, answer: object) -> tuple[int, int] | None:
    """(the letter's option, the other option its words name) for "b (hedge)" when (a) says "hedge"; else None."""
    lead = _letter_and_words(task, normalise(answer)) if isinstance(answer, str) else None
    if lead is None or lead[2]:
        return None
    index, words, _ = lead
    named = [
        i
        for i in _named_options(task, "abcdefghijklmnopqrstuvwxyz"[: len(task.options)], normalise(words))
        if i != index
    ]
    if named:
        return index, named[0]
    other = _quoted_option(task, index, words)
    return None if other is None else (index, other)


def _named_options(task: Exercise, letters: str, given: str) -> list[int]:
    """The options whose text (without its letter), its start cut at a word's end, or a bracketed gloss in it is ``given``.

    The whole answer is tried first ("…平稳 (p022)" is option c's text even if "(p022)" tags option e
    too). A key term with its gloss in brackets, either way round ("主要目的 (main aim)", "respect for
    diversity (尊重多样性)"), names the options that both parts name; quotes around a gloss do not count.
    """
    whole = _options_named_by(task, letters, given)
    if len(whole) == 1:
        return whole
    # (normalise has stripped a closing bracket that ended the answer)
    bracketed = re.findall(r"[(（]([^()（）]+)(?:[)）]|$)", given)
    outside = normalise(re.sub(r"[(（][^()（）]+(?:[)）]|$)", " ", given))
    if not (bracketed and outside):
        return whole
    named = set(_options_named_by(task, letters, outside))
    if not named:
        return whole
    for gloss in map(normalise, bracketed):
        by_gloss = _options_named_by(task, letters, gloss)
        if by_gloss:
            named &= set(by_gloss)  # a gloss narrows what the term names; one that names another option contradicts it
    return sorted(named) or whole


# A paragraph tag such as "p022", as an option gives it ("(p022)" at the end, "p022:" at the start).
_PARA_TAG = re.compile(r"(?<![a-z0-9])p\d{3}(?![a-z0-9])")


def _bare(text: str) -> str:
    """A normalised text without its punctuation and paragraph tags, for comparing an option with a copy of it."""
    text = _PARA_TAG.sub(" ", text)
    text = "".join(" " if unicodedata.category(char).startswith("P") else char for char in text)
    return normalise(text)


def _options_named_by(task: Exercise, letters: str, given: str) -> list[int]:
    exact, bare, starts = [], [], []
    given_tags = set(_PARA_TAG.findall(given))
    given_bare = _bare(given)
    distinct = _distinct_parts(task)
    for index, option in enumerate(task.options):
        stripped = re.sub(rf"^\(?{letters[index]}[).:]?\s+", "", option, flags=re.IGNORECASE)
        glosses = [normalise(gloss) for gloss in re.findall(r"[(（]([^()（）]+)[)）]", stripped)]
        unquoted = re.sub(r"[(（]\s*['‘“\"]?([^()（）'’”\"]+)['’”\"]?\s*[)）]", r"(\1)", normalise(stripped))
        # The head before the option's first colon ("the ROC" of "the ROC: 參謀總長 is …"), with or
        # without a leading article ("ROC").
        head = normalise(stripped).split(":", 1)[0]
        heads = {head, re.sub(r"^(?:the|a|an)\s+", "", head)} if ":" in normalise(stripped) else set()
        tagged = given_tags <= set(_PARA_TAG.findall(normalise(stripped)))
        if given in (normalise(option), normalise(stripped), *glosses) or (given in heads and len(given) >= 2):
            exact.append(index)
        elif given_bare and tagged and given_bare in (_bare(stripped), _bare(unquoted)):
            bare.append(index)
        elif len(given) >= 3 and (
            _starts_with_words(normalise(stripped), given)
            or _starts_with_words(unquoted, given)
            or any(_starts_with_words(gloss, given) for gloss in glosses)
            or _starts_with_words(distinct[index], given)
        ):
            starts.append(index)
        elif len(given_bare) >= 3 and tagged and given_tags and _starts_with_words(_bare(stripped), given_bare):
            starts.append(index)  # "p022: 双边关系分值…" for "双边关系分值… (p022)"
    return exact or bare or starts


def _distinct_parts(task: Exercise) -> list[str]:
    """Each option's text (normalised) after the words that every option begins with, so that the
    part that tells the options apart can be given alone: "s2t" for "著 rules out s2t only" among
    "著 rules out s2tw only", "著 rules out both" … ("" for an option that is only those words).

    >>> task = Exercise(id="x", question="q", kind=Kind.CHOICE, hint="h", options=("a 著 rules out s2t only", "b 著 rules out both"))
    >>> _distinct_parts(task)
    ['s2t only', 'both']
    """
    texts = [normalise(_option_text(task, index)).split(" ") for index in range(len(task.options))]
    shared = 0
    while all(len(words) > shared + 1 for words in texts) and len({words[shared] for words in texts}) == 1:
        shared += 1
    return [" ".join(words[shared:]) if shared else "" for words in texts]


def _starts_with_words(text: str, start: str) -> bool:
    """Whether ``text`` begins with ``start`` and ``start`` ends at a word's end (or in Chinese)."""
    if not start or not text.startswith(start):
        return False
    rest = text[len(start) :]
    return not rest or not (rest[0].isalnum() and start[-1].isalnum()) or "\u3400" <= start[-1] <= "\u9fff"


# --- Checking --------------------------------------------------------------------------------


def check(exercise_id: str, answer: object) -> Verdict:
    """Say whether ``answer`` is right and, if not, what is wrong with it.

    ``None`` means "no answer yet". Never raises for a student's answer: an
    answer of the wrong type or shape gets a message saying what is wanted.
    """
    task = exercise(exercise_id)
    if _is_empty(answer) and os.environ.get("SERVER_SOFTWARE", "").startswith("voila/"):
        return Verdict(task.id, "empty", IN_DASHBOARD)
    if _is_empty(answer):
        return Verdict(
            task.id,
            "empty",
            f"No answer yet: replace None with your answer ({_form(task)}) and run the cell again.",
        )
    if task.withheld:
        return _check_digest(task, answer) if task.answer_digests else Verdict(task.id, "open", WITHHELD)
    if task.kind is Kind.OPEN:
        return Verdict(
            task.id,
            "open",
            f"Noted. No automatic check can judge this answer: compare it with the model answer, "
            f"model_answer({task.id!r}), and the {len(task.must_contain)} points a good answer must contain.",
        )
    expected = _expected(exercise_id)
    try:
        return _CHECKS[task.kind](task, expected, answer)
    except Exception as error:  # a student's odd object must never produce a traceback
        return Verdict(
            task.id,
            "unreadable",
            f"Could not read your answer ({type(error).__name__}). {_wants(task, answer)}",
            task.hint,
        )


def _is_empty(answer: object) -> bool:
    if answer is None:
        return True
    if isinstance(answer, str):
        return not answer.strip()
    return isinstance(answer, (list, tuple, set, frozenset, dict)) and len(answer) == 0


def _wants(task: Exercise, answer: object) -> str:
    return f"Your answer is {_describe(answer)}; this exercise wants {_form(task)}."


def _form(task: Exercise) -> str:
    """What an answer to ``task`` looks like: :data:`WANTS`, but one id where the file expects one."""
    if task.kind is Kind.IDS and isinstance(task.answer, list) and len(task.answer) == 1:
        # The question asks for one paragraph ("Give its id"): a two-id template would invite a wrong answer.
        return 'a paragraph id, "p" and its number, such as "p…"'
    return WANTS[task.kind]


def _describe(answer: object) -> str:
    if isinstance(answer, bool):
        return f"True/False ({answer})"
    if isinstance(answer, numbers.Number):
        return f"a number ({answer!r})"
    if isinstance(answer, str):
        return f"a piece of text ({answer[:40]!r})"
    if isinstance(answer, (list, tuple, set, frozenset)):
        return f"a {type(answer).__name__} of {len(answer)}"
    return f"a {type(answer).__name__}"


def _unreadable(task: Exercise, answer: object) -> Verdict:
    return Verdict(task.id, "unreadable", _wants(task, answer), task.hint)


def _check_ids(task: Exercise, expected: frozenset, answer: object) -> Verdict:
    # A bare number is one paragraph id, as "27" and [27] already are.
    is_number = isinstance(answer, numbers.Integral) and not isinstance(answer, bool)
    items = [answer] if is_number else _items(answer)
    if items is None or not items:
        return _unreadable(task, answer)
    articles = {article for article, _ in expected}
    default = next(iter(articles)) if len(articles) == 1 else None
    keys, bad = _id_keys(items, default)
    if bad:
        return Verdict(task.id, "unreadable", f"{bad[0]!r} is not a paragraph id; write ids such as 'p015'.", task.hint)
    if any(article is None for article, _ in keys):
        return Verdict(
            task.id,
            "unreadable",
            "This exercise spans several articles: write full ids with the article, such as 'japan-us-2021:p015'.",
        )
    have = set(keys)
    return _compare_sets(
        task,
        expected,
        have,
        lambda key: f"{key[0]}:p{key[1]:03d}" if len(articles) > 1 else f"p{key[1]:03d}",
        "paragraph ids",
    )


def _id_keys(items: list[object], default: str | None) -> tuple[list[tuple[str | None, int]], list[object]]:
    """The paragraph keys of an answer's items, and the items that are not ids."""
    # "p018 p019" is as careful an answer as "p018, p019": split an unreadable string item at spaces
    # (only then, so that "abe-beijing-2018 : p015" still reads as one id).
    items = [
        part
        for item in items
        for part in (item.split() if isinstance(item, str) and _para_key(item, default) is None else [item])
    ]
    items = [item for item in items if not (isinstance(item, str) and item.strip().casefold() in _CONNECTIVES)]
    found = [_para_key(item, default) for item in items]
    bad = [item for item, key in zip(items, found) if key is None]
    return [key for key in found if key is not None], bad


def _compare_sets(task: Exercise, want: frozenset, have: set, show, what: str) -> Verdict:
    if have == want:
        # "all 1 paragraph ids" and "all 2 paragraph ids" read oddly: say "Right." and "both"
        if len(want) == 1:
            return Verdict(task.id, "right", "Right.")
        return Verdict(task.id, "right", f"Right: {'both' if len(want) == 2 else f'all {len(want)}'} {what}.")
    right = len(have & want)
    parts = [f"Not yet: {right} of your {len(have)} {'is' if right == 1 else 'are'} right"]
    if want - have:
        missing = len(want - have)
        parts.append(f"{missing} {'is' if missing == 1 else 'are'} missing")
    extra = sorted(have - want)
    if extra:
        parts.append(f"{len(extra)} should not be there ({', '.join(show(e) for e in extra[:3])})")
    return Verdict(task.id, "wrong", ", ".join(parts) + ".", task.hint)


def _check_set(task: Exercise, expected: frozenset, answer: object) -> Verdict:
    letters = all(len(item) == 1 for item in expected)
    original = answer  # what the messages quote: the student's answer, not what is left of it
    if isinstance(answer, str) and letters:
        kept = _without_excluded_letters(answer)
        if kept is None:
            return Verdict(
                task.id,
                "unreadable",
                'Give only the letters you choose, e.g. "a, b" (a letter after "not" or "except" is left '
                "out; the same letter cannot be both in and out).",
                task.hint,
            )
        if kept != answer and not re.search(r"[^\W\d_]", kept):
            return Verdict(
                task.id,
                "unreadable",
                f"{answer.strip()[:40]!r} names only letters to leave out: give the letters you choose, "
                'e.g. "a, b" (you may add "not …" after them).',
                task.hint,
            )
        answer = kept
        # A student who names what the letters stand for ("a, b, c (Aso, Hashimoto, Amari)",
        # "a, b, c: Aso …", "a: Aso; b: Hashimoto") gives the letters: drop bracketed words, then
        # the text after a colon (after the first one, if only letters precede it).
        answer = re.sub(r"[(（][^()（）]{2,}[)）]", " ", answer)
        head = re.split(r"[:：]", answer, maxsplit=1)[0]
        if (
            len(re.findall(r"[:：]", answer)) == 1
            and re.fullmatch(r"[\sa-zA-Z,，、;；&/()]*", head)
            and all(len(w) == 1 for w in re.findall(r"[a-zA-Z]+", head))
        ):
            answer = head
        answer = "\n".join(re.split(r"[:：]", part, maxsplit=1)[0] for part in _SEPARATORS.split(answer))
    items = _items(answer)
    if items is None or not items or any(isinstance(item, (dict, list)) for item in items):
        return _unreadable(task, original)
    given = {normalise(item) for item in items}
    if isinstance(answer, str) and all(" " not in item for item in expected) and not given <= expected:
        # "a b c", "a and b" and "abc" are as careful as "a, b, c" when every expected item is one
        # word: only then split at spaces and "and" (and a run of letters when the items are letters).
        # "a/b/c" and "(a)(b)(c)" too, unless an expected item has a slash or a bracket of its own.
        joins = r"\s+|&" + ("" if any("/" in item for item in expected) else "|/")
        joins += "" if any(set(item) & set("()") for item in expected) else r"|\)\s*\("
        words = {normalise(word) for item in items for word in re.split(joins, str(item))}
        words -= {"", "and", "only"} - expected  # "b only", "only s2tw": the item, not a second one
        if letters:
            # "abc" is three letters run together; "Aso" (letters out of alphabetical order) is a word.
            words = {part for word in words for part in (word if _letter_run(word, expected, task) else [word])}
        given = words
    # One item that is none of the items and looks like several run together ("a-c", "a|b"): say how to
    # separate them, rather than "0 of your 1 are right".
    lone = next(iter(given)) if len(given) == 1 else ""
    if isinstance(answer, str) and letters and any(len(word) > 1 and word.isalpha() for word in given):
        return Verdict(task.id, "unreadable", "Give only the letters, e.g. a, b.", task.hint)
    if (
        isinstance(answer, str)
        and len(expected) > 1
        and lone not in expected
        and ((letters and len(lone) > 1) or re.search(r"[/|+()]", lone))
    ):
        return Verdict(
            task.id,
            "unreadable",
            f"{str(original).strip()[:40]!r} is not one of the items: give them as a list, or separated by commas or spaces.",
            task.hint,
        )
    return _compare_sets(task, expected, given, str, "items")


# "not d", "but not d or e", "except d": what follows names letters the student leaves out.
_EXCLUDING = re.compile(r"(?:\bbut\s+|\band\s+)?\b(?:not|except|excluding)\b", re.IGNORECASE)
# What ends the letters an exclusion names: a colon, a semicolon or a new line ("not d, not e: a b c"),
# or a "but" that is not "but not" ("not d but a, b and c").
_END_OF_EXCLUDING = re.compile(r"\s*(?:[:：;；\n]|\bbut\b(?!\s+not\b))", re.IGNORECASE)


def _without_excluded_letters(answer: str) -> str | None:
    """A set-of-letters answer without the letters it excludes ("a, b, c, not d" is "a, b, c"), wherever
    the exclusions stand ("not d, not e: a b c" is "a b c"); None if an excluded part is not letters or
    excludes a letter the answer also includes.

    Each "not" (or "except", "excluding") excludes the letters after it, up to the next "not", a colon,
    a semicolon, a new line or a "but"; the colon or "but" that ends an exclusion goes with it.

    >>> _without_excluded_letters("a, b, c, not d"), _without_excluded_letters("a, b but not d or e")
    ('a, b, c, ', 'a, b ')
    >>> _without_excluded_letters("not d, not e: a b c"), _without_excluded_letters("not d or e but a, b")
    (' a b c', ' a, b')
    >>> _without_excluded_letters("a, b, not a"), _without_excluded_letters("a, b, not the others"), _without_excluded_letters("a, b")
    (None, None, 'a, b')
    """
    markers = list(_EXCLUDING.finditer(answer))
    if not markers:
        return answer
    kept, excluded = [], []
    position = 0
    for number, marker in enumerate(markers):
        if marker.start() < position:  # a "not" inside what an earlier exclusion already took
            return None
        kept.append(answer[position : marker.start()])
        stop = markers[number + 1].start() if number + 1 < len(markers) else len(answer)
        end = _END_OF_EXCLUDING.search(answer, marker.end(), stop)
        scope = answer[marker.end() : end.start() if end else stop]
        letters = [w.casefold() for w in re.findall(r"[^\W\d_]+", scope) if w.casefold() not in {"or", "and", "nor"}]
        if not letters or any(len(w) != 1 for w in letters):
            return None
        excluded += letters
        position = end.end() if end else stop
    kept.append(answer[position:])
    included = {w.casefold() for w in re.findall(r"[^\W\d_]+", "".join(kept))}
    if included & set(excluded):
        return None
    return "".join(kept)


def _letter_run(word: str, expected: frozenset, task: Exercise | None = None) -> bool:
    """Whether ``word`` is letters run together ("abc", "bd"): not an item, in alphabetical order, and
    (when the question labels its items "(a)", "(b)" …) made of those labels only, so that "not" is a word."""
    labels = set(re.findall(r"\(([a-z])\)", task.question)) if task is not None else set()
    return (
        word not in expected
        and word.isalpha()
        and list(word) == sorted(set(word))
        and (not labels or set(word) <= labels | set(expected))
    )


def _check_list(task: Exercise, expected: tuple, answer: object) -> Verdict:
    items = _items(answer)
    if items is None or not items:
        return _unreadable(task, answer)
    given = tuple(normalise(item) for item in items)
    if isinstance(answer, str) and given != expected and all(" " not in item for item in expected):
        # "2019-08 2019-11 2019-11-22" is as careful as with commas when every expected item is one word
        spaced = _spaced_list(given)
        given = spaced if len(spaced) == len(expected) else given
    if given == expected:
        count = {1: "", 2: ": both"}.get(len(expected), f": all {len(expected)}")
        return Verdict(task.id, "right", f"Right{count} in the right order." if count else "Right.")
    if sorted(given) == sorted(expected):
        return Verdict(task.id, "wrong", "The right items, but not in the right order.", task.hint)
    right, wanted = len(set(given) & set(expected)), len(expected)
    noun = "item" if wanted == 1 else "items"
    message = (
        f"Not yet: none of your items is right ({wanted} {noun} wanted)"
        if not right
        else f"Not yet: {right} of the {wanted} {noun} {'is' if right == 1 else 'are'} right"
    )
    if len(given) != wanted:
        message += f"; you gave {len(given)}, the answer has {wanted}"
    return Verdict(task.id, "wrong", message + ".", task.hint)


def _spaced_list(items: tuple[str, ...]) -> tuple[str, ...]:
    """A list's normalised items split at spaces and "and" ("s2t s2tw and s2hk" is three items)."""
    return tuple(word for item in items for word in item.split(" ") if word and word != "and")


def _check_number(task: Exercise, expected: float, answer: object) -> Verdict:
    value = _number(answer)
    if value is None:
        return _unreadable(task, answer)
    if math.isclose(value, expected, rel_tol=task.tolerance or 1e-9, abs_tol=1e-9):
        return Verdict(task.id, "right", f"Right: {_show_number(value)}.")
    direction = "too high" if value > expected else "too low"
    return Verdict(task.id, "wrong", f"Not yet: {_show_number(value)} is {direction}.", task.hint)


def _show_number(value: float) -> str:
    return str(int(value)) if value.is_integer() else f"{value:g}"


def _check_text(task: Exercise, expected: frozenset, answer: object) -> Verdict:
    if not isinstance(answer, (str, numbers.Number)) or isinstance(answer, bool):
        return _unreadable(task, answer)
    if normalise(answer) in expected:
        return Verdict(task.id, "right", "Right.")
    return Verdict(task.id, "wrong", f"Not yet: {str(answer).strip()[:60]!r} is not the answer.", task.hint)


def _check_choice(task: Exercise, expected: int, answer: object) -> Verdict:
    index = None if _names_two_letters(task, answer) else _option_index(task, answer)
    if index is None:
        letters = ", ".join(f'"{chr(97 + i)}"' for i in range(len(task.options)))
        several = (
            _named_options(task, "abcdefghijklmnopqrstuvwxyz"[: len(task.options)], normalise(answer))
            if isinstance(answer, str) and not _names_two_letters(task, answer)
            else []
        )
        contradicted = _contradicted_letter(task, answer)
        if contradicted and not several:
            letter, other = contradicted
            return Verdict(
                task.id,
                "unreadable",
                f"{str(answer).strip()[:40]!r} gives the letter ({chr(97 + letter)}), but its words are those of "
                f"({chr(97 + other)}): give the letter of the option you mean, with words of your own if you like.",
                task.hint,
            )
        if len(several) > 1:
            # "p021" where p021 starts options a and b: say so, rather than ask for "its text" again.
            fits = " and ".join(f"({chr(97 + i)})" for i in several)
            return Verdict(
                task.id,
                "unreadable",
                f"{str(answer).strip()[:40]!r} fits {fits}: give the letter of the one you mean.",
                task.hint,
            )
        return Verdict(task.id, "unreadable", f"Give the letter of one option ({letters}) or its text.", task.hint)
    if index == expected:
        return Verdict(task.id, "right", f"Right: ({chr(97 + index)}).")
    return Verdict(task.id, "wrong", f"Not yet: ({chr(97 + index)}) is not the best answer.", task.hint)


# A letter, a separator ("," ";" "/" "&" "or" "and" 或 和 、 or a space) and a second letter standing alone:
# "b, d", "b or d", "(b) (d)". The second letter must end there or before a separator, so a gloss that
# begins with a letter-like word ("b, a balanced diplomacy", "b) balanced diplomacy") is not caught.
# "b (or a)", "b (maybe c)": a second letter offered in brackets is a hedge between two options too.
_LETTER_OR_LETTER = re.compile(r"\(?([a-z])\)?\s*\(\s*(?:or|maybe|perhaps|possibly|或)\s*\(?([a-z])\)?\s*\)?$")
_TWO_LETTERS = re.compile(
    r"(?:(?:option|answer|choice)s?\s*:?\s*)?\(?([a-z])\)?[.:]?\s*(?:[,;/&、]|\bor\b|\band\b|或|和)?\s*"
    r"\(?([a-z])\)?(?=$|[,;/&、.:]|\s*\(|\s+(?:or|and)\b|\s*[或和])"
)


def _names_two_letters(task: Exercise, answer: object) -> bool:
    """Whether a choice answer opens with two different option letters ("b, d", "b or d"): a hedge
    between two options is not an answer, whichever letter comes first.

    >>> task = Exercise(id="x", question="q", kind=Kind.CHOICE, hint="h", options=("a one", "b two", "c three"))
    >>> [_names_two_letters(task, answer) for answer in ("b, c", "c or b", "b) two", "b, because", "b, a two", "b (or a)")]
    [True, True, False, False, False, True]
    """
    if not isinstance(answer, str):
        return False
    letters = "abcdefghijklmnopqrstuvwxyz"[: len(task.options)]
    pair = _TWO_LETTERS.match(normalise(answer)) or _LETTER_OR_LETTER.match(normalise(answer))
    if pair is None:
        return False
    return pair.group(1) != pair.group(2) and {pair.group(1), pair.group(2)} <= set(letters)


# Each check takes the kind of expected answer its solution computes.
_CHECKS: dict[Kind, Callable[[Exercise, Any, object], Verdict]] = {
    Kind.IDS: _check_ids,
    Kind.SET: _check_set,
    Kind.LIST: _check_list,
    Kind.NUMBER: _check_number,
    Kind.TEXT: _check_text,
    Kind.CHOICE: _check_choice,
}


# --- The student edition: digests instead of answers ------------------------------------------


def answer_digests(exercise_id: str) -> tuple[str, ...]:
    """Digests of the answers :func:`check` accepts, which the student edition keeps instead of the answers.

    ``scripts/editions.py`` writes them into the student's exercise files, so
    that ``check`` there still says whether an answer is right, in the same
    normalised forms (any order, case, script, "P15" for "p015"), without the
    answer being in the file. A digest stops an answer being read off, not being
    guessed: a choice of four can be tried four times. Empty for an open question
    and for a number checked with a tolerance, which a digest cannot compare.

    >>> len(answer_digests("sources/notes-without-text")), len(answer_digests("sources/notes-without-text")[0])
    (1, 32)
    """
    task = exercise(exercise_id)
    if task.kind is Kind.OPEN or (task.kind is Kind.NUMBER and task.tolerance):
        return ()
    return tuple(_digest(task.id, key) for key in _canonical(task.kind, _expected(exercise_id)))


def ids_article(exercise_id: str) -> str:
    """The article that a bare "p015" belongs to in an ids exercise about one article ("" otherwise)."""
    task = exercise(exercise_id)
    if task.kind is not Kind.IDS:
        return ""
    expected = _expected(exercise_id)
    assert isinstance(expected, frozenset)
    articles = {article for article, _ in expected}
    return next(iter(articles)) if len(articles) == 1 else ""


def _digest(exercise_id: str, key: str) -> str:
    # Salted with the exercise id, so two exercises with the same answer do not show it.
    return hashlib.sha256(f"{exercise_id}\x00{key}".encode()).hexdigest()[:32]


def _canonical(kind: Kind, normalised: Any) -> list[str]:
    """The expected answer, normalised as check() compares it, as strings (several for a text with accepted forms)."""
    if kind is Kind.IDS:
        return [",".join(f"{article}:p{number:03d}" for article, number in sorted(normalised))]
    if kind is Kind.SET:
        return ["\x1f".join(sorted(normalised))]
    if kind is Kind.LIST:
        return ["\x1f".join(normalised)]
    if kind is Kind.NUMBER:
        return [repr(float(normalised))]
    if kind is Kind.TEXT:
        return sorted(normalised)
    return [str(normalised)]  # a choice: the option's index


def _student_keys(task: Exercise, answer: object) -> list[str]:
    """The student's answer in the canonical form of :func:`_canonical` (empty if it cannot be read).

    A set given as one string may be read several ways ("a b c" as one item or three),
    as :func:`_check_set` reads it; without the expected items to decide, every reading
    is tried, and one that matches a digest is the right set whichever it was.
    """
    if task.kind in (Kind.IDS, Kind.SET, Kind.LIST):
        items = _items(answer)
        if not items:
            return []
        if task.kind is Kind.IDS:
            keys, bad = _id_keys(items, task.ids_article or None)
            if bad or any(article is None for article, _ in keys):
                return []
            return _canonical(Kind.IDS, set(keys))
        if any(isinstance(item, (dict, list)) for item in items):
            return []
        if task.kind is Kind.SET and isinstance(answer, str) and _EXCLUDING.search(answer):
            kept = _without_excluded_letters(answer)
            if kept is None or not re.fullmatch(r"[\sa-zA-Z,，、;；&/()]*", kept):
                return []
            items = _items(kept) or []
            answer = kept
        normalised = [normalise(item) for item in items]
        if task.kind is Kind.LIST:
            spaced = _spaced_list(tuple(normalised)) if isinstance(answer, str) else ()
            return list(
                dict.fromkeys(_canonical(Kind.LIST, reading)[0] for reading in (tuple(normalised), spaced) if reading)
            )
        readings = [set(normalised)]
        if isinstance(answer, str):
            words = {normalise(word) for item in items for word in re.split(r"\s+|&|/|\)\s*\(", str(item))}
            words -= {"", "and", "only"}
            readings += [
                words,
                {part for word in words for part in (word if word.isalpha() and word.isascii() else [word])},
            ]
        return list(dict.fromkeys(_canonical(Kind.SET, reading)[0] for reading in readings))
    if task.kind is Kind.NUMBER:
        value = _number(answer)
        return [] if value is None else _canonical(Kind.NUMBER, value)
    if task.kind is Kind.TEXT:
        if not isinstance(answer, (str, numbers.Number)) or isinstance(answer, bool):
            return []
        return [normalise(answer)]
    index = None if _names_two_letters(task, answer) else _option_index(task, answer)
    return [] if index is None else [str(index)]


def _check_digest(task: Exercise, answer: object) -> Verdict:
    try:
        keys = _student_keys(task, answer)
    except Exception:  # a student's odd object must never produce a traceback
        keys = []
    if not keys:
        return Verdict(task.id, "unreadable", _wants(task, answer), task.hint)
    if any(_digest(task.id, key) in task.answer_digests for key in keys):
        return Verdict(task.id, "right", f"Right. {DIGEST_NOTE}")
    return Verdict(task.id, "wrong", f"Not yet. {DIGEST_NOTE}", task.hint)


# --- Showing ---------------------------------------------------------------------------------


def question(exercise_id: str) -> HTML:
    """The question as a notebook shows it (with the options of a choice exercise).

    >>> "sources/notes-without-text" in question("sources/notes-without-text").data
    True

    An ids exercise whose answer is one paragraph asks for one id, not a list of two:

    >>> "answer: a paragraph id," in question("japan-us-2021/duichong-offset").data
    True
    """
    task = exercise(exercise_id)
    options = ""
    if task.options:
        items = "".join(f"<li>({chr(97 + i)}) {_marked(_option_text(task, i))}</li>" for i in range(len(task.options)))
        options = f"<ul style='list-style:none;padding-left:0.5em;margin:0.3em 0'>{items}</ul>"
    kind = "open question: no automatic check" if task.kind is Kind.OPEN else f"answer: {_form(task)}"
    return HTML(
        f"<div style='border:1px solid #ccc;padding:0.5em 0.8em'><b>Exercise</b> "
        f"<code>{html.escape(task.id)}</code><br>{_marked(task.question)}{options}"
        f"<br><span style='font-size:85%;color:#555'>({html.escape(kind)})</span></div>"
    )


def _option_text(task: Exercise, index: int) -> str:
    """An option without the letter the file may write before it ("b the Yomiuri" → "the Yomiuri")."""
    return re.sub(rf"^\(?{chr(97 + index)}[).:]?\s+", "", task.options[index], flags=re.IGNORECASE)


def _marked(text: str) -> str:
    content, lang = mark_chinese(html.escape(text))
    return f'<span lang="{lang}">{content}</span>' if lang else content


def _shown(task: Exercise, value: object) -> str:
    if task.kind is Kind.CHOICE:
        index = _expected(task.id)
        assert isinstance(index, int)
        return f"({chr(97 + index)}) {_option_text(task, index)}"
    if isinstance(value, (set, frozenset)):
        value = sorted(value, key=str)
    return repr(value)


def solution(exercise_id: str) -> HTML:
    """The solution (code and result, or the answer) and its explanation, folded until the student opens it.

    >>> solution("sources/notes-without-text").data.startswith("<details><summary>Show the solution")
    True
    """
    task = exercise(exercise_id)
    if task.withheld:
        return HTML(f"<p>{html.escape(WITHHELD)}</p>")
    if task.kind is Kind.OPEN:
        return model_answer(exercise_id)
    parts = ["<details><summary>Show the solution (try first!)</summary>"]
    if task.solution:
        parts.append(f"<pre>{html.escape(task.solution)}</pre>")
        parts.append(f"<p>Result: <code>{_marked(_shown(task, run_solution(exercise_id)))}</code></p>")
    else:
        parts.append(f"<p>Answer: <code>{_marked(_shown(task, task.answer))}</code></p>")
    if task.accept:
        parts.append(f"<p>Also accepted: {_marked(', '.join(task.accept))}</p>")
    if task.explanation:
        parts.append(f"<p>{_marked(task.explanation)}</p>")
    parts.append("</details>")
    return HTML("".join(parts))


def model_answer(exercise_id: str) -> HTML:
    """An open question's model answer and the points a good answer must contain, folded.

    >>> model_answer("sources/find-the-original").data.startswith("<details>")
    True
    """
    task = exercise(exercise_id)
    if task.withheld:
        return HTML(f"<p>{html.escape(WITHHELD)}</p>")
    if task.kind is not Kind.OPEN:
        body = "<p>This exercise has an automatic check; its solution:</p>" + solution(exercise_id).data
        return HTML(f"<details><summary>Show the model answer</summary>{body}</details>")
    points = "".join(f"<li>{_marked(point)}</li>" for point in task.must_contain)
    return HTML(
        "<details><summary>Show the model answer (write yours first!)</summary>"
        f"<p>{_marked(task.model_answer)}</p><p>A good answer contains:</p><ul>{points}</ul>"
        + (f"<p>{_marked(task.explanation)}</p>" if task.explanation else "")
        + "</details>"
    )
