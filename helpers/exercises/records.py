"""What an exercise is, and what check() says about an answer: :class:`Kind`, :class:`Exercise`,
:class:`Verdict` and :class:`ExerciseError`, with the forms an answer of each kind takes (for messages)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from ..text.datafiles import DataFileError


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


#: What check() says in the student edition (scripts/editions.py), whose exercise files hold no answers,
#: for an exercise it cannot check there (an open question, a number with a tolerance).
WITHHELD = "Noted. This is the student edition: the answers are with your teacher, who will check this one."


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


def _form(task: Exercise) -> str:
    """What an answer to ``task`` looks like: :data:`WANTS`, but one id where the file expects one."""
    if task.kind is Kind.IDS and isinstance(task.answer, list) and len(task.answer) == 1:
        # The question asks for one paragraph ("Give its id"): a two-id template would invite a wrong answer.
        return 'a paragraph id, "p" and its number, such as "p…"'
    return WANTS[task.kind]


def _option_text(task: Exercise, index: int) -> str:
    """An option without the letter the file may write before it ("b the Yomiuri" → "the Yomiuri")."""
    return re.sub(rf"^\(?{chr(97 + index)}[).:]?\s+", "", task.options[index], flags=re.IGNORECASE)
