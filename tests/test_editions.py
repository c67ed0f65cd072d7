"""`make editions` (scripts/editions.py): no answer reaches the student edition; the teacher's has notes.

Both editions are built once from the last commit into a temporary folder. A
"secret" is any line or literal of an exercise's solution, answer, accepted
forms, explanation, model answer or must-contain list (import lines, and code
that the helpers' source or a notebook's own cells show anyway, are not secrets). None may occur in
any text file of the student edition; all of them stay in the teacher edition.
(Single paragraph ids and numbers from answer lists are left out: they occur
everywhere, and only the whole list would be the answer.)
"""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import nbformat
import pytest
from script_module import load_script

ROOT = Path(__file__).resolve().parent.parent
ID_OR_NUMBER = re.compile(r"^([a-z0-9-]+:)?p\d+$|^[\d.,]+$", re.IGNORECASE)
TEXT_SUFFIXES = {
    ".ipynb",
    ".toml",
    ".py",
    ".md",
    ".csv",
    ".txt",
    ".json",
    ".cfg",
    ".html",
}


editions = load_script("editions")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    return editions.build_editions(tmp_path_factory.mktemp("editions"))


def library_text() -> str:
    """What every student sees anyway: the articles, the helpers' source, and the notebooks' cells other than solution cells.

    The articles are included because an answer that copies a sentence of the text (which
    sentence reconciles two paragraphs?) is the text itself: withholding it would withhold the article.
    """
    parts = [p.read_text(encoding="utf-8") for p in (ROOT / "helpers").rglob("*.py")]
    parts += [p.read_text(encoding="utf-8", errors="replace") for p in (ROOT / "seeds").glob("*.txt")]
    for path in (ROOT / "notebooks").glob("*.ipynb"):
        for cell in nbformat.read(path, as_version=4).cells:
            if not (cell.cell_type == "code" and editions.REVEALING_CALL.search(cell.source)):
                parts.append(cell.source)
    return "\n".join(parts)


def secrets() -> list[tuple[str, str]]:
    library = library_text()
    found = []
    for path in sorted((ROOT / editions.EXERCISES).glob("*.toml")):
        for secret in editions.secrets_of(path.read_text(encoding="utf-8")):
            # A single paragraph id or number of an answer occurs everywhere; the answer is the whole set.
            if (
                len(secret) < 6
                or secret.startswith(("import ", "from "))
                or secret in library
                or ID_OR_NUMBER.match(secret)
            ):
                continue
            found.append((path.name, secret))
    return found


def test_the_editions_script_examples_pass():
    failures, attempted = doctest.testmod(editions)
    assert attempted > 0 and failures == 0


def test_there_are_secrets_to_look_for():
    found = secrets()
    assert len(found) >= 10
    # The committed notebooks show some of them (their solution cells): the stripping has work to do.
    notebooks = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "notebooks").glob("*.ipynb"))
    assert any(secret in notebooks for _, secret in found)


def test_no_solution_text_reaches_the_student_edition(built):
    student = built["student"]
    texts = {
        p: p.read_text(encoding="utf-8", errors="replace")
        for p in student.rglob("*")
        if p.is_file() and p.suffix in TEXT_SUFFIXES
    }
    assert any(p.suffix == ".ipynb" for p in texts)
    leaks = [
        (name, secret, str(p.relative_to(student)))
        for name, secret in secrets()
        for p, text in texts.items()
        if secret in text
    ]
    assert leaks == [], f"{len(leaks)} answer texts in the student edition, e.g. {leaks[:5]}"


def test_the_student_edition_keeps_the_exercises_without_answers(built):
    student = built["student"]
    files = sorted((student / editions.EXERCISES).glob("*.toml"))
    assert [p.name for p in files] == sorted(p.name for p in (ROOT / editions.EXERCISES).glob("*.toml"))
    for path in files:
        data = editions.tomllib.loads(path.read_text(encoding="utf-8"))
        original = editions.tomllib.loads((ROOT / editions.EXERCISES / path.name).read_text(encoding="utf-8"))
        assert [e["id"] for e in data.get("exercise", [])] == [e["id"] for e in original.get("exercise", [])]
        for table in data.get("exercise", []):
            assert not set(table) & set(editions.SECRET_FIELDS), f"{path.name}: {table['id']}"
            assert table["withheld"] is True and table["question"]
    for path in sorted((student / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        assert not [c for c in nb.cells if c.cell_type == "code" and editions.REVEALING_CALL.search(c.source)], (
            path.name
        )
        original = nbformat.read(ROOT / "notebooks" / path.name, as_version=4)
        checks = [c.source for c in original.cells if "check(" in c.source]
        assert checks == [c.source for c in nb.cells if "check(" in c.source], f"{path.name}: the exercises stay"
    for omitted in editions.STUDENT_OMITS:
        assert not (student / omitted).exists(), omitted


def test_the_teacher_edition_has_the_solutions_and_teaching_notes(built):
    teacher = built["teacher"]
    notes = editions.load_notes(ROOT / editions.NOTES_FILE)
    assert notes
    for file, fields in notes.items():
        nb = nbformat.read(teacher / "notebooks" / file, as_version=4)
        cell = nb.cells[1]
        assert editions.NOTES_TAG in cell.metadata["tags"]
        for text in fields.values():
            assert text.strip() in cell.source
        assert len(nb.cells) == len(nbformat.read(ROOT / "notebooks" / file, as_version=4).cells) + 1
    for path in (ROOT / editions.EXERCISES).glob("*.toml"):
        assert (teacher / editions.EXERCISES / path.name).read_text(encoding="utf-8") == path.read_text(
            encoding="utf-8"
        )
    guide = (teacher / "TEACHING_NOTES.md").read_text(encoding="utf-8")
    assert all(fields["timing"].strip() in guide for fields in notes.values())


def test_bad_teaching_notes_are_refused_with_the_file_named(tmp_path):
    path = tmp_path / "teaching_notes.toml"
    path.write_text('[notes."02_x.ipynb"]\ntimming = "typo"\n', encoding="utf-8")
    with pytest.raises(editions.EditionError, match=r"teaching_notes.toml.*02_x.ipynb.*timming"):
        editions.load_notes(path)


def teacher_answers(task) -> list[object]:
    """The answers a student could give that the teacher's check() accepts: the solution's, and each accepted form."""
    from helpers import exercises

    value = exercises.run_solution(task.id)
    if task.kind is exercises.Kind.CHOICE and isinstance(value, int):
        value = chr(97 + value)
    spaced = []  # "a b c" for ["a", "b", "c"], as check() in the teacher's edition accepts it
    if task.kind is exercises.Kind.SET and all(" " not in str(item) for item in value):
        spaced = [" ".join(str(item) for item in value)]
    return [value, *task.accept, *spaced]


def test_in_the_student_edition_check_says_right_or_not_without_the_answers(built, monkeypatch):
    from helpers import exercises

    teacher = exercises.load_exercises()
    loaded = exercises.load_exercises(built["student"] / editions.EXERCISES)
    assert loaded and all(task.withheld for task in loaded.values())
    assert set(loaded) == set(teacher)
    answers = {task_id: teacher_answers(task) for task_id, task in teacher.items() if task.checkable}
    monkeypatch.setattr(exercises.loading, "EXERCISES_DIR", built["student"] / editions.EXERCISES)
    self_checked = 0
    for task_id, task in loaded.items():
        assert exercises.check(task_id, None).status == "empty"
        assert exercises.WITHHELD in exercises.solution(task_id).data
        if not task.answer_digests:  # an open question, or a number with a tolerance
            assert task.kind is exercises.Kind.OPEN or teacher[task_id].tolerance, task_id
            assert exercises.check(task_id, "my answer").message == exercises.WITHHELD
            continue
        self_checked += 1
        for answer in answers[task_id]:
            verdict = exercises.check(task_id, answer)
            assert verdict.right and exercises.DIGEST_NOTE in verdict.message, (task_id, answer, verdict.message)
        assert not exercises.check(task_id, "a wrong answer, surely").right, task_id
    assert self_checked >= len(loaded) // 2


def test_the_student_edition_accepts_what_the_teachers_does_in_other_forms(built, monkeypatch):
    from helpers import exercises

    def one_article(task) -> bool:
        return task.kind is exercises.Kind.IDS and len({p.split(":")[0] for p in exercises.run_solution(task.id)}) == 1

    task = next(t for t in exercises.load_exercises().values() if one_article(t))
    expected = sorted(exercises.run_solution(task.id))
    # what a careful student writes: another order, short forms, upper case, all in one string
    short = ", ".join(f"P{int(pid.split(':p')[1])}" for pid in reversed(expected))
    wrong = expected[:-1] if len(expected) > 1 else ["p999"]
    monkeypatch.setattr(exercises.loading, "EXERCISES_DIR", built["student"] / editions.EXERCISES)
    assert exercises.check(task.id, short).right
    assert exercises.check(task.id, list(reversed(expected))).right
    assert not exercises.check(task.id, wrong).right
