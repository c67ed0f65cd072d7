"""The student edition's check: :func:`answer_digests` (salted digests of the answers check() accepts,
which scripts/editions.py writes in place of the answers) and the check of an answer against them."""

from __future__ import annotations

import hashlib
import numbers
import re
from typing import Any

from .answers import (
    _EXCLUDING,
    _answer_id_keys,
    _items,
    _letters_written_out,
    _number_for,
    _spaced_list,
    _text_readings,
    _wants,
    _without_excluded_letters,
    normalise,
)
from .loading import _expected, exercise
from .options import _chosen_option, _hedged_set
from .records import Exercise, Kind, Verdict

#: What the student edition's check() adds to a verdict it made from digests.
DIGEST_NOTE = "(Student edition: checked against a digest of the answer; the details are with your teacher.)"


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
    if task.kind is Kind.IDS:
        read = _answer_id_keys(answer, task.ids_article or None)
        if read is None or read[1] or not read[0] or any(article is None for article, _ in read[0]):
            return []
        return _canonical(Kind.IDS, set(read[0]))
    if task.kind in (Kind.SET, Kind.LIST):
        if task.kind is Kind.SET and isinstance(answer, str):
            if _hedged_set(task, answer):
                return []  # "a, b, c (maybe d)": a hedge, as _check_set reads it
            answer = _letters_written_out(task, answer)  # "a–c", "all except d and e" (labels "(a)" only)
            # words in brackets after letters, as _check_set drops them: "a, b, c (reported)"
            dropped = re.sub(r"[(（][^()（）]{2,}[)）]", " ", answer)
            if dropped != answer and re.fullmatch(r"[\sa-zA-Z,，、;；&/]*", dropped):
                answer = dropped
        items = _items(answer)
        if not items:
            return []
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
        value, wrong_unit = _number_for(task, answer)
        return [] if value is None else _canonical(Kind.NUMBER, value) if not wrong_unit else ["wrong unit"]
    if task.kind is Kind.TEXT:
        if not isinstance(answer, (str, numbers.Number)) or isinstance(answer, bool):
            return []
        return _text_readings(answer)
    index = _chosen_option(task, answer)
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
