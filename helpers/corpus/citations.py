"""Citable paragraph ids: a recorded numbering, its version, and a check that it still holds.

Paragraph ids (``abe-beijing-2018:p003``) count paragraphs from the start of an
article, so a correction to the cleaning (a row added to
``helpers/data/paragraph_breaks.csv``) renumbers every later paragraph of that
article. Rather than let a student's citation silently point at another
paragraph, the numbering is *recorded* in ``helpers/data/paragraph_ids.csv``
(each id with the first characters of its paragraph) under a version number,
and a test fails when the corpus no longer matches it. Whoever changes the
numbering then bumps the version, writes a changelog line in that file's header
(which ids moved where) and re-records it with ``record_paragraph_ids``. Cite a
paragraph with its version: :func:`cite`.

>>> cite("abe-beijing-2018:p003")
'abe-beijing-2018:p003 (texts v1)'
>>> paragraph_id_changes(load_corpus())
[]
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import CorpusError
from .loading import DATA_DIR, Corpus, load_corpus
from .vocabulary import article_of

#: The recorded numbering that ships with the notebooks.
PARAGRAPH_IDS_PATH = DATA_DIR / "paragraph_ids.csv"
#: How many characters of each paragraph are recorded to recognise it.
ANCHOR_LENGTH = 12
_VERSION = re.compile(r"^#\s*version:\s*(\S+)\s*$")


@dataclass(frozen=True)
class RecordedNumbering:
    """The version and, per paragraph id, the first characters recorded for it."""

    version: str
    anchors: dict[str, str]


def load_paragraph_ids(path: str | Path | None = None) -> RecordedNumbering:
    """Read the recorded numbering; errors name the file and line.

    >>> load_paragraph_ids().version
    '1'
    """
    path = Path(path) if path is not None else PARAGRAPH_IDS_PATH
    if not path.is_file():
        raise CorpusError(str(path), "the recorded paragraph ids do not exist (run record_paragraph_ids())")
    version = None
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = _VERSION.match(line)
        if match:
            version = match.group(1)
        elif line.strip() and not line.startswith("#"):
            rows.append((number, line))
    if version is None:
        raise CorpusError(str(path), "no '# version: N' line in the header")
    parsed = list(csv.reader([line for _, line in rows]))
    if not parsed or parsed[0] != ["para_id", "starts_with"]:
        raise CorpusError(str(path), "the header must be para_id,starts_with")
    anchors = {}
    for (number, _), row in zip(rows[1:], parsed[1:]):
        if len(row) != 2 or not row[0] or not row[1]:
            raise CorpusError(f"{path}, line {number}", "expected a paragraph id and its first characters")
        if row[0] in anchors:
            raise CorpusError(f"{path}, line {number}", f"{row[0]} is recorded twice")
        anchors[row[0]] = row[1]
    return RecordedNumbering(version, anchors)


def text_version(path: str | Path | None = None) -> str:
    """The version of the recorded numbering (what a citation names).

    >>> text_version()
    '1'
    """
    return load_paragraph_ids(path).version


def cite(para_id: str, path: str | Path | None = None) -> str:
    """A paragraph id with the version of the numbering it belongs to.

    >>> cite("japan-korea-2024:p016")
    'japan-korea-2024:p016 (texts v1)'
    """
    return f"{para_id} (texts v{text_version(path)})"


def paragraph_id_changes(corpus: Corpus, path: str | Path | None = None) -> list[str]:
    """Where the corpus no longer matches the recorded numbering (empty: every id still holds).

    Only articles that have recorded ids are compared, so a newly added article
    is not a change (record it when its numbering is settled).
    """
    recorded = load_paragraph_ids(path)
    articles = {article_of(para_id) for para_id in recorded.anchors}
    problems = []
    for article in corpus:
        if article.id not in articles:
            continue
        current = {p.id: p.text[:ANCHOR_LENGTH] for p in article.paragraphs}
        for para_id, anchor in recorded.anchors.items():
            if not para_id.startswith(article.id + ":"):
                continue
            if para_id not in current:
                problems.append(f"{para_id} no longer exists (it began {anchor!r})")
            elif current[para_id] != anchor:
                problems.append(f"{para_id} now begins {current[para_id]!r}, recorded as {anchor!r}")
        for para_id in current:
            if para_id not in recorded.anchors:
                problems.append(f"{para_id} is new (it begins {current[para_id]!r})")
    return problems


def record_paragraph_ids(
    corpus: Corpus | None = None, *, version: str, changelog: str = "", previous: str | Path | None = None
) -> str:
    """The text of a paragraph_ids.csv for ``corpus`` (write it to PARAGRAPH_IDS_PATH yourself).

    ``version`` must be given. If the corpus no longer matches the ``previous`` recording (by
    default the file in helpers/data) and ``version`` is that recording's version, this refuses:
    ids that moved must get a new version, so an old citation's version still says which
    numbering it used. ``changelog`` is kept in the header; add a line for the new version to it
    (which ids moved where).
    """
    corpus = load_corpus() if corpus is None else corpus
    previous_path = Path(previous) if previous is not None else PARAGRAPH_IDS_PATH
    if previous_path.exists():
        old_version = load_paragraph_ids(previous_path).version
        moved = paragraph_id_changes(corpus, previous_path)
        if moved and str(version) == old_version:
            raise CorpusError(
                str(previous_path),
                f"{len(moved)} paragraph id(s) changed ({moved[0]}); "
                f"record them under a new version, not v{old_version}, with a changelog line",
            )
    out = io.StringIO()
    out.write(
        HEADER.format(version=version, length=ANCHOR_LENGTH) + (changelog.rstrip("\n") + "\n" if changelog else "")
    )
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["para_id", "starts_with"])
    for article in corpus:
        for paragraph in article.paragraphs:
            writer.writerow([paragraph.id, paragraph.text[:ANCHOR_LENGTH]])
    return out.getvalue()


HEADER = """# The recorded paragraph numbering (read by helpers/corpus/citations.py).
#
# Students cite paragraphs by id (abe-beijing-2018:p003). An id counts paragraphs from the start
# of its article, so a correction to the cleaning (a row in paragraph_breaks.csv) renumbers the
# paragraphs after it. This file records, for the version below, each id and the first {length}
# characters of its paragraph; tests/test_paragraph_ids.py fails when the corpus no longer
# matches. If you change the numbering on purpose:
#   1. raise the version number below by one;
#   2. add a changelog line under it: the date, what changed, and which ids moved where
#      (e.g. "v2 2027-03-01: abe-beijing-2018 p004 split in two; old p005-p015 are now p006-p016");
#   3. re-record the ids: python -c "from helpers.corpus.citations import *; print(record_paragraph_ids(version='2', changelog=...))"
# Citations give the version: abe-beijing-2018:p003 (texts v1), as helpers.corpus.citations.cite() writes it.
#
# version: {version}
#
# Changelog:
"""
