"""Build the student and teacher editions of the collection (what `make editions` runs).

    python scripts/editions.py               # writes build/student/ and build/teacher/
    python scripts/editions.py --out DIR     # DIR/student and DIR/teacher

Both are made from the last commit (``git archive HEAD``), never from a working
copy, so nobody's saved answers travel with them.

- ``build/teacher/``: the whole collection, with a folded "Teaching notes" cell
  after each notebook's title (timing, where students stumble, how to run the
  discussion; from ``notebooks/teaching_notes.toml``) and the same notes in
  ``TEACHING_NOTES.md``.
- ``build/student/``: the collection with the exercises and ``check``, but
  without what would give the answers away: every exercise file loses its
  ``solution``, ``answer``, ``accept``, ``explanation``, ``model_answer`` and
  ``must_contain`` (and is marked ``withheld = true``), and keeps instead digests
  of the accepted answers (``answer_digests``), so that ``check`` still says
  right or not yet (open questions and numbers with a tolerance excepted); every notebook cell that
  shows a solution or a model answer is removed; the teaching notes and the
  tests (which hold expected answers) are left out.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_site
import toc as toc_module

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "build"
EXERCISES = Path("helpers/data/exercises")
NOTES_FILE = Path("notebooks/teaching_notes.toml")
#: The fields of an exercise that give its answer away (see LESSONS_API / helpers/exercises/loading.py, FIELDS).
SECRET_FIELDS = (
    "solution",
    "answer",
    "accept",
    "explanation",
    "model_answer",
    "must_contain",
)
#: A code cell that shows an answer: it calls one of these.
REVEALING_CALL = re.compile(r"\b(solution|model_answer|run_solution)\s*\(")
#: What the student edition leaves out entirely (expected answers live in the tests).
STUDENT_OMITS = ("tests", "benchmarks", str(NOTES_FILE))
NOTE_FIELDS = {
    "timing": "Timing",
    "stumbles": "Where students stumble",
    "discussion": "Running the discussion",
}
NOTES_TAG = "teacher-notes"


class EditionError(ValueError):
    """A file the editions cannot be made from; the message names it."""


# --- Exercise files without their answers -----------------------------------------------------------


def _toml_value(value: object, where: str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string
    if isinstance(value, list) and all(not isinstance(v, (dict, list)) for v in value):
        return "[" + ", ".join(_toml_value(v, where) for v in value) + "]"
    raise EditionError(f"{where}: cannot write a value of type {type(value).__name__} back as TOML")


def strip_exercises(text: str, where: str, checks: dict[str, tuple[list[str], str]] | None = None) -> str:
    """An exercise file's text without the answer fields, its leading comments kept.

    ``checks`` gives, by exercise id (``<file name>/<id>``), the answer digests and
    the ids exercise's article (:func:`exercise_checks`); they are written in place
    of the answer.

    >>> text = '# Format...\\n[[exercise]]\\nid = "a"\\nkind = "number"\\nsolution = "1 + 1"\\n'
    >>> print(strip_exercises(text, "x.toml", {"x/a": (["0" * 32], "")}))
    # Format...
    # Student edition: answers, solutions and model answers are with your teacher; check() compares
    # your answer with a digest of the right one (answer_digests) and says whether it is right.
    <BLANKLINE>
    [[exercise]]
    id = "a"
    kind = "number"
    answer_digests = ["00000000000000000000000000000000"]
    withheld = true
    <BLANKLINE>
    """
    checks = checks or {}
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise EditionError(f"{where}: not valid TOML: {error}") from None
    header = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    lines = [
        *header,
        "# Student edition: answers, solutions and model answers are with your teacher; check() compares",
        "# your answer with a digest of the right one (answer_digests) and says whether it is right.",
        "",
    ]
    for key, value in data.items():
        if key == "exercise":
            continue
        lines.append(f"{key} = {_toml_value(value, where)}")
    for number, table in enumerate(data.get("exercise", []), start=1):
        lines.append("[[exercise]]")
        for key, value in table.items():
            if key not in SECRET_FIELDS:
                lines.append(
                    f"{json.dumps(key) if not re.fullmatch(r'[A-Za-z0-9_-]+', key) else key} = "
                    f"{_toml_value(value, f'{where}, exercise {number}')}"
                )
        digests, article = checks.get(f"{Path(where).stem}/{table.get('id')}", ([], ""))
        if digests:
            lines.append(f"answer_digests = {_toml_value(digests, where)}")
        if article:
            lines.append(f"ids_article = {_toml_value(article, where)}")
        lines.append("withheld = true")
        lines.append("")
    return "\n".join(lines)


def exercise_checks(tree: Path) -> dict[str, tuple[list[str], str]]:
    """The answer digests and ids article of every exercise, computed by ``tree``'s own helpers.

    The solutions run against the committed articles and data in ``tree`` (in a
    separate Python, so that the working copy's package is not the one used).
    """
    code = (
        "import json, helpers.exercises as e; "
        "print(json.dumps({i: [list(e.answer_digests(i)), e.ids_article(i)] for i in e.load_exercises()}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tree,
        env={**os.environ, "PYTHONPATH": str(tree)},
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise EditionError(f"computing the answer digests failed:\n{result.stderr.strip()}")
    return {key: (digests, article) for key, (digests, article) in json.loads(result.stdout).items()}


def secrets_of(text: str) -> list[str]:
    """Every piece of answer text in an exercise file, as strings (code lines, literals, prose)."""
    found: list[str] = []

    def collect(value: object) -> None:
        if isinstance(value, str):
            found.extend(line.strip() for line in value.splitlines() if line.strip())
        elif isinstance(value, (list, tuple)):
            for item in value:
                collect(item)
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif value is not None:
            found.append(str(value))

    for table in tomllib.loads(text).get("exercise", []):
        for field in SECRET_FIELDS:
            collect(table.get(field))
    return found


# --- Notebooks -------------------------------------------------------------------------------------


def student_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The notebook without the cells that show solutions or model answers (or teachers' notes)."""
    kept = []
    for cell in nb.cells:
        tags = set(cell.get("metadata", {}).get("tags", []))
        if tags & {NOTES_TAG, "solution", "teacher"}:
            continue
        if cell.cell_type == "code" and REVEALING_CALL.search(cell.source):
            continue
        kept.append(cell)
    nb.cells = kept
    return nb


def load_notes(path: Path) -> dict[str, dict[str, str]]:
    """The teaching notes, by notebook file name; unknown fields are refused."""
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise EditionError(f"{path}: not valid TOML: {error}") from None
    notes = data.get("notes", {})
    for file, fields in notes.items():
        unknown = set(fields) - set(NOTE_FIELDS)
        if unknown:
            raise EditionError(
                f'{path}: [notes."{file}"]: unknown field(s) {sorted(unknown)}; known: {list(NOTE_FIELDS)}'
            )
    return notes


def notes_markdown(title: str, fields: dict[str, str], heading: str = "###") -> str:
    body = "\n".join(f"- **{label}.** {fields[key].strip()}" for key, label in NOTE_FIELDS.items() if fields.get(key))
    return f"{heading} Teaching notes: {title}\n\n{body}"


def teacher_notebook(nb: nbformat.NotebookNode, title: str, fields: dict[str, str] | None) -> nbformat.NotebookNode:
    """The notebook with its teaching notes in a folded cell after the title cell."""
    if fields:
        text = notes_markdown(title, fields)
        folded = f"<details open><summary><b>For the teacher</b></summary>\n\n{text}\n\n</details>"
        cell = nbformat.v4.new_markdown_cell(folded, metadata={"tags": [NOTES_TAG]})
        cell.id = NOTES_TAG
        nb.cells.insert(1, cell)
    return nb


# --- The editions ------------------------------------------------------------------------------------


def build_editions(out_dir: Path = DEFAULT_OUT, repo: Path = ROOT) -> dict[str, Path]:
    """Write ``out_dir/student`` and ``out_dir/teacher`` from the last commit of ``repo``."""
    with build_site.committed_tree(repo) as tree:
        return _build(out_dir, tree)


def _build(out_dir: Path, tree: Path) -> dict[str, Path]:
    toc = toc_module.load_toc(tree / "notebooks" / "toc.toml")
    notes = load_notes(tree / NOTES_FILE)
    unknown = set(notes) - {entry.file for entry in toc.entries}
    if unknown:
        raise EditionError(f"{tree / NOTES_FILE}: notes for notebooks not in the table of contents: {sorted(unknown)}")
    editions = {"teacher": out_dir / "teacher", "student": out_dir / "student"}
    for folder in editions.values():
        if folder.exists():
            shutil.rmtree(folder)
        shutil.copytree(tree, folder)

    teacher = editions["teacher"]
    for entry in toc.entries:
        path = teacher / "notebooks" / entry.file
        nb = teacher_notebook(nbformat.read(path, as_version=4), entry.title, notes.get(entry.file))
        path.write_text(toc_module.notebook_text(nb), encoding="utf-8")
    sections = [notes_markdown(e.title, notes[e.file], "##") for e in toc.entries if e.file in notes]
    (teacher / "TEACHING_NOTES.md").write_text(
        "# Teaching notes\n\nFrom notebooks/teaching_notes.toml; the same notes open each notebook of this edition.\n\n"
        + "\n\n".join(sections)
        + "\n",
        encoding="utf-8",
    )

    student = editions["student"]
    for omitted in STUDENT_OMITS:
        target = student / omitted
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    checks = exercise_checks(tree)
    for path in sorted((student / EXERCISES).glob("*.toml")):
        path.write_text(
            strip_exercises(path.read_text(encoding="utf-8"), str(EXERCISES / path.name), checks),
            encoding="utf-8",
        )
    for path in sorted((student / "notebooks").glob("*.ipynb")):
        nb = student_notebook(nbformat.read(path, as_version=4))
        path.write_text(toc_module.notebook_text(nb), encoding="utf-8")
    (student / "STUDENT_EDITION.md").write_text(
        "# Student edition\n\nThe notebooks and exercises without solutions or model answers. `check(...)` still "
        "tells you whether an answer is right (it compares a digest of your answer with a digest of the right one), "
        "but not what is missing; open questions and estimates are for your teacher, who has the answers. "
        "Work in a copy (see README, *Keep your own copy*).\n",
        encoding="utf-8",
    )
    return editions


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        help="folder for student/ and teacher/ (each emptied first)",
    )
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        editions = build_editions(args.out.resolve())
    except (EditionError, build_site.SiteError, toc_module.TocError) as error:
        print(f"editions: {error}", file=sys.stderr)
        return 1
    for name, folder in editions.items():
        print(f"{name}: {folder} ({build_site.folder_size(folder) / 1e6:.1f} MB)")
    print(f"in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
