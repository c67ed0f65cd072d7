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
``"abe-beijing-2018:p015"``, ``"paragraph 15"``, ``"p.15"``, joined by commas or by "and"), with a
final full stop, a reason in brackets, ranges (``"p015–p018"``) and exclusions (``"p13-p18 except
p14"``, ``"p027, not p030"``), either script, surrounding spaces, numbers as strings, as words
("four", "two hundred and sixty") or Chinese numerals (四, 二百六十, 二六〇), with their working
("28 (15 + 13)", "15 + 13 = 28") and a unit the question asks for, dates with month names or
abbreviations ("Aug 2019", "November 22, 2019"), a text answer with a gloss, a paragraph tag or a
working note ("儼然 (as if)", "2014 (2023 - 9)"), the letters of a set with the ones left out named
anywhere ("not d, not e: a b c", "all except d and e") or as a range ("a–c"), an option by its
letter with a reason of the student's own ("b seems", "b, 勢必 isn't 'perhaps'"; only a short reason
that is nothing but another option's words, such as "b (hedge)", is refused), its text, or the start
of its text or of the words that tell it from the other options ("s2t" for "著 rules out s2t only")
that fits no other option.
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
