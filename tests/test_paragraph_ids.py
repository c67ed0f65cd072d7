"""Paragraph ids that students cite stay valid, or the change is versioned (helpers/corpus/citations.py)."""

from __future__ import annotations

import pytest

from helpers.corpus.citations import (
    PARAGRAPH_IDS_PATH,
    cite,
    load_paragraph_ids,
    paragraph_id_changes,
    record_paragraph_ids,
    text_version,
)
from helpers.errors import CorpusError


def test_the_corpus_matches_the_recorded_numbering(corpus):
    # If this fails after a change to paragraph_breaks.csv or the cleaner: the ids students cite
    # have moved. Bump the version in helpers/data/paragraph_ids.csv, add a changelog line saying
    # which ids moved where, and re-record (see the file's header).
    assert paragraph_id_changes(corpus) == []


def test_a_renumbering_is_detected(corpus, tmp_path):
    # Simulate a correction that splits abe-beijing-2018:p004: every later id moves by one.
    recorded = load_paragraph_ids()
    text = PARAGRAPH_IDS_PATH.read_text(encoding="utf-8")
    anchors = [a for pid, a in recorded.anchors.items() if pid.startswith("abe-beijing-2018:")]
    shifted = text.replace(f"abe-beijing-2018:p005,{anchors[4]}", f"abe-beijing-2018:p005,{anchors[3]}")
    path = tmp_path / "paragraph_ids.csv"
    path.write_text(shifted, encoding="utf-8")
    problems = paragraph_id_changes(corpus, path)
    assert problems and problems[0].startswith("abe-beijing-2018:p005 now begins")


def test_a_new_article_is_not_a_change(corpus, tmp_path):
    text = "\n".join(
        line
        for line in PARAGRAPH_IDS_PATH.read_text(encoding="utf-8").splitlines()
        if not line.startswith("japan-korea-2024:")
    )
    path = tmp_path / "paragraph_ids.csv"
    path.write_text(text + "\n", encoding="utf-8")
    assert paragraph_id_changes(corpus, path) == []


def test_citations_carry_the_version():
    assert cite("central-asia-2007:p018") == f"central-asia-2007:p018 (texts v{text_version()})"


def test_recording_round_trips(corpus, tmp_path):
    path = tmp_path / "paragraph_ids.csv"
    path.write_text(record_paragraph_ids(corpus, version="7", changelog="# v7 test"), encoding="utf-8")
    assert load_paragraph_ids(path).version == "7"
    assert paragraph_id_changes(corpus, path) == []


@pytest.mark.parametrize(
    "text, message",
    [
        ("para_id,starts_with\nx:p001,甲\n", "no '# version: N' line"),
        ("# version: 1\npara,starts\n", "the header must be para_id,starts_with"),
        ("# version: 1\npara_id,starts_with\nx:p001,甲\nx:p001,乙\n", r"line 4: x:p001 is recorded twice"),
    ],
)
def test_a_malformed_file_names_the_problem(tmp_path, text, message):
    path = tmp_path / "ids.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CorpusError, match=message):
        load_paragraph_ids(path)


def test_moved_ids_cannot_be_recorded_under_the_old_version(corpus, tmp_path):
    # The same simulated split of abe-beijing-2018:p004: re-recording without a new version fails,
    # so a citation "(texts v1)" can never silently point at a different numbering.
    recorded = load_paragraph_ids()
    text = PARAGRAPH_IDS_PATH.read_text(encoding="utf-8")
    anchors = [a for pid, a in recorded.anchors.items() if pid.startswith("abe-beijing-2018:")]
    path = tmp_path / "paragraph_ids.csv"
    path.write_text(
        text.replace(f"abe-beijing-2018:p005,{anchors[4]}", f"abe-beijing-2018:p005,{anchors[3]}"), encoding="utf-8"
    )
    with pytest.raises(CorpusError, match="under a new version"):
        record_paragraph_ids(corpus, version=recorded.version, previous=path)
    bumped = record_paragraph_ids(
        corpus,
        version=str(int(recorded.version) + 1),
        previous=path,
        changelog="# v2 test: abe-beijing-2018 p005 re-anchored",
    )
    assert f"# version: {int(recorded.version) + 1}" in bumped


def test_version_is_required(corpus):
    with pytest.raises(TypeError):
        record_paragraph_ids(corpus)  # type: ignore[call-arg]
