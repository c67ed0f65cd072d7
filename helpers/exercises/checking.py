""":func:`check`: whether a student's answer is right and, if not, a message that says what is wrong,
with one check for each kind of exercise (ids, set, list, number, text, choice)."""

from __future__ import annotations

import math
import numbers
import os
import re
from collections.abc import Callable
from typing import Any

from .answers import (
    _DATE_WITHOUT_YEAR,
    _SEPARATORS,
    _answer_id_keys,
    _denies_itself,
    _hedged_number,
    _items,
    _letter_run,
    _letters_written_out,
    _number_for,
    _second_year,
    _spaced_list,
    _text_readings,
    _wants,
    _without_excluded_letters,
    normalise,
)
from .digests import _check_digest
from .loading import _expected, exercise
from .options import (
    _chosen_option,
    _contradicted_letter,
    _hedged_set,
    _named_options,
    _names_two_letters,
    _tag_then_letter,
)
from .records import WITHHELD, Exercise, Kind, Verdict, _form

#: What check() says for "no answer yet" in a Voilà dashboard, where there is no cell to type into.
IN_DASHBOARD = (
    "Exercise: this dashboard shows the question only. To answer it, open the notebook itself "
    "(JupyterLab or Binder), put your answer in place of None in the cell above, and run it."
)


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


def _unreadable(task: Exercise, answer: object) -> Verdict:
    return Verdict(task.id, "unreadable", _wants(task, answer), task.hint)


def _check_ids(task: Exercise, expected: frozenset, answer: object) -> Verdict:
    articles = {article for article, _ in expected}
    default = next(iter(articles)) if len(articles) == 1 else None
    read = _answer_id_keys(answer, default)
    if read is None:
        return _unreadable(task, answer)
    keys, bad = read
    if bad:
        return Verdict(task.id, "unreadable", f"{bad[0]!r} is not a paragraph id; write ids such as 'p015'.", task.hint)
    if not keys:
        return Verdict(
            task.id, "unreadable", "Your answer leaves out every id it names: give the ids you choose.", task.hint
        )
    if any(article is None for article, _ in keys):
        return Verdict(
            task.id,
            "unreadable",
            "This exercise spans several articles: write full ids with the article, such as 'japan-us-2021:p015'.",
        )
    foreign = sorted(key for key in set(keys) if key[0] not in articles)
    if default is not None and foreign:
        # "japan-korea-2024:p027" on a japan-us-2021 exercise: not "p027 should not be there"
        article, number = foreign[0]
        return Verdict(
            task.id,
            "unreadable",
            f"'{article}:p{number:03d}' is a paragraph of another article ({article}); this exercise is about "
            f"{default}: give its paragraph ids, such as 'p015' or '{default}:p015'.",
            task.hint,
        )
    have = set(keys)
    return _compare_sets(
        task,
        expected,
        have,
        lambda key: f"{key[0]}:p{key[1]:03d}" if len(articles) > 1 else f"p{key[1]:03d}",
        "paragraph ids",
    )


def _compare_sets(task: Exercise, want: frozenset, have: set, show, what: str) -> Verdict:
    if have == want:
        # "all 1 paragraph ids" and "all 2 paragraph ids" read oddly: say "Right." and "both"
        if len(want) == 1:
            return Verdict(task.id, "right", "Right.")
        return Verdict(task.id, "right", f"Right: {'both' if len(want) == 2 else f'all {len(want)}'} {what}.")
    right = len(have & want)
    parts = [f"Not yet: {right} of your {len(have)} {'is' if right == 1 or len(have) == 1 else 'are'} right"]
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
    if isinstance(answer, str) and letters and _hedged_set(task, answer):
        return Verdict(
            task.id,
            "unreadable",
            f"{answer.strip()[:40]!r} offers another letter in a note ('maybe', 'or', '?'): give only the "
            'letters you choose, e.g. "a, b" (you may add "not …" after them).',
            task.hint,
        )
    if isinstance(answer, str) and letters:
        answer = _letters_written_out(task, answer)
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
    if all(re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", item) for item in expected) and any(
        _DATE_WITHOUT_YEAR.fullmatch(item) for item in given
    ):
        return Verdict(
            task.id,
            "wrong",
            "Not yet: give each date with its year, as 'YYYY-MM' for a month and 'YYYY-MM-DD' for a day "
            "(a date in your answer has no year).",
            task.hint,
        )
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


def _check_number(task: Exercise, expected: float, answer: object) -> Verdict:
    value, wrong_unit = _number_for(task, answer)
    if value is None and _hedged_number(answer):
        return Verdict(
            task.id,
            "unreadable",
            f"{str(answer).strip()[:40]!r} gives two numbers: give the one number you choose.",
            task.hint,
        )
    if value is None:
        return _unreadable(task, answer)
    if wrong_unit:
        return Verdict(task.id, "wrong", f"Not yet: {wrong_unit}.", task.hint)
    if math.isclose(value, expected, rel_tol=task.tolerance or 1e-9, abs_tol=1e-9):
        return Verdict(task.id, "right", f"Right: {_show_number(value)}.")
    direction = "too high" if value > expected else "too low"
    return Verdict(task.id, "wrong", f"Not yet: {_show_number(value)} is {direction}.", task.hint)


def _show_number(value: float) -> str:
    return str(int(value)) if value.is_integer() else f"{value:g}"


def _check_text(task: Exercise, expected: frozenset, answer: object) -> Verdict:
    if not isinstance(answer, (str, numbers.Number)) or isinstance(answer, bool):
        return _unreadable(task, answer)
    readings = _text_readings(answer)
    if any(reading in expected for reading in readings):
        return Verdict(task.id, "right", "Right.")
    if _second_year(answer):
        return Verdict(
            task.id,
            "wrong",
            f"Not yet: {str(answer).strip()[:60]!r} gives a second year, or working that does not give your "
            "year: give one year (working in brackets is welcome if it gives that year).",
            task.hint,
        )
    if _denies_itself(answer):
        return Verdict(
            task.id,
            "wrong",
            f"Not yet: {str(answer).strip()[:60]!r} says it is not the answer: give the answer you choose, "
            "without 'not'.",
            task.hint,
        )
    if len(readings) > 1:
        # a gloss, a tag or a note was added: do not suggest that the word itself is wrong, nor that it is right
        return Verdict(
            task.id,
            "wrong",
            f"Not yet: {str(answer).strip()[:60]!r} is not the answer. Give only the answer itself (the word, "
            "year or sentence), without a gloss, a note or a paragraph tag.",
            task.hint,
        )
    return Verdict(task.id, "wrong", f"Not yet: {str(answer).strip()[:60]!r} is not the answer.", task.hint)


def _check_choice(task: Exercise, expected: int, answer: object) -> Verdict:
    index = _chosen_option(task, answer)
    if index is None:
        letters = ", ".join(f'"{chr(97 + i)}"' for i in range(len(task.options)))
        several = (
            _named_options(task, normalise(answer))
            if isinstance(answer, str) and not _names_two_letters(task, answer)
            else []
        )
        tagged = _tag_then_letter(task, normalise(answer)) if isinstance(answer, str) else None
        if tagged and tagged[1]:
            return Verdict(
                task.id,
                "unreadable",
                f"{str(answer).strip()[:40]!r} gives the letter ({chr(97 + tagged[0])}), but ({chr(97 + tagged[0])}) is "
                f"about {', '.join(tagged[1])}: give the letter of the option you mean.",
                task.hint,
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


# Each check takes the kind of expected answer its solution computes.
_CHECKS: dict[Kind, Callable[[Exercise, Any, object], Verdict]] = {
    Kind.IDS: _check_ids,
    Kind.SET: _check_set,
    Kind.LIST: _check_list,
    Kind.NUMBER: _check_number,
    Kind.TEXT: _check_text,
    Kind.CHOICE: _check_choice,
}
