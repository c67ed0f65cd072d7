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
surrounding spaces, numbers as strings or small counts as words ("four", "四"), the
letters of a set with the ones left out named anywhere ("not d, not e: a b c"), an
option by its letter (with a reason of the student's own, not another option's words),
its text, or the start of its text or of the words that tell it from the other options
("s2t" for "著 rules out s2t only") that fits no other option.
It returns a :class:`Verdict`, shown as a styled ✓/✗ line, and never raises for a
student's answer.

The package's modules: ``records`` (Kind, Exercise, Verdict), ``answers`` (a student's answer
normalised: text, dates, numbers, ids, the items of a set), ``options`` (which option a choice
answer names), ``loading`` (the files, cached; the expected answers), ``checking`` (check),
``digests`` (the student edition's check) and ``display`` (question, solution, model_answer).

>>> check("abe-beijing-2018/separation-joined", ["p002"]).status
'wrong'
>>> print(check("abe-beijing-2018/separation-joined", None))
… No answer yet: replace None with your answer (a paragraph id, "p" and its number, such as "p…") and run the cell again.
>>> check("sources/notes-without-text", str(run_solution("sources/notes-without-text"))).right
True
"""

from __future__ import annotations

from .checking import IN_DASHBOARD, check
from .digests import DIGEST_NOTE, answer_digests, ids_article
from .display import model_answer, question, solution
from .loading import exercise, exercises_for, load_exercises, run_solution
from .records import WITHHELD, Exercise, ExerciseError, Kind, Verdict

# The exercise folder is helpers.exercises.loading.EXERCISES_DIR (a test that writes its own
# exercises sets it there); it is not re-exported, so that setting it here cannot silently do nothing.
__all__ = [
    "DIGEST_NOTE",
    "IN_DASHBOARD",
    "WITHHELD",
    "Exercise",
    "ExerciseError",
    "Kind",
    "Verdict",
    "answer_digests",
    "check",
    "exercise",
    "exercises_for",
    "ids_article",
    "load_exercises",
    "model_answer",
    "question",
    "run_solution",
    "solution",
]
