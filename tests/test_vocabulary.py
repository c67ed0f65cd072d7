"""The corpus's vocabulary (helpers/corpus/vocabulary.py): words that fail loudly.

Each vocabulary is an enum whose members are their words, so code and data that
hold the plain word keep working; a word that is not in a vocabulary raises an
error naming it and the allowed ones; every ledger target of every article reads
back to itself.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

from helpers.corpus import formats
from helpers.corpus.loading import article_from_bytes
from helpers.corpus.records import Article, FrontMatter, LedgerEntry, Removed
from helpers.corpus.structure import LineHint, build_article
from helpers.corpus.vocabulary import (
    CaptionPart,
    FrontKind,
    HeadingStyle,
    LedgerTarget,
    RemovedKind,
    Role,
    Script,
    SourceFormat,
    TargetKind,
    Vocabulary,
    VocabularyError,
    split_record_id,
)

VOCABULARIES = (Role, FrontKind, RemovedKind, CaptionPart, HeadingStyle, Script, SourceFormat, TargetKind)
DATA = Path(__file__).parent / "data"
#: Every file in tests/data that a reader or the plain-text cleaner reads (one of each format).
SAMPLE_FILES = sorted(
    path for path in DATA.iterdir() if path.suffix in (".txt", ".md", ".html", ".pdf", ".docx") and path.is_file()
)


@cache
def sample_articles() -> tuple[Article, ...]:
    return tuple(article_from_bytes(path.read_bytes(), path.name) for path in SAMPLE_FILES)


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda v: v.__name__)
def test_a_member_is_its_word(vocabulary: type[Vocabulary]):
    for member in vocabulary:
        word = member.value
        assert member == word and word == member and hash(member) == hash(word)
        assert str(member) == word and f"{member}" == word and f"{member:>20}" == f"{word:>20}"
        assert json.dumps({"k": member}) == json.dumps({"k": word})
        assert {word: 1}[member] == 1 and vocabulary.parse(word) is member
        assert "".join([member]) == word  # what ", ".join(kinds) prints


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda v: v.__name__)
def test_each_docstring_says_what_every_member_means(vocabulary: type[Vocabulary]):
    documented = set(re.findall(r"``([^`]+)``", vocabulary.__doc__ or ""))
    # ``md1`` … ``md6`` stands for the six markdown levels.
    missing = [m.value for m in vocabulary if m.value not in documented and not re.fullmatch(r"md[2-5]", m.value)]
    assert not missing, f"{vocabulary.__name__}'s docstring does not explain {missing}"


@pytest.mark.parametrize(
    ("vocabulary", "word"),
    [(Role, "bodyy"), (FrontKind, "abstarct"), (RemovedKind, "nav"), (Script, "Traditional"), (SourceFormat, "pfd")],
)
def test_an_unknown_word_is_named_with_the_allowed_ones(vocabulary: type[Vocabulary], word: str):
    with pytest.raises(VocabularyError) as raised:
        vocabulary.parse(word, "catalog.csv, row 3")
    message = str(raised.value)
    assert message.startswith("catalog.csv, row 3: ") and repr(word) in message
    assert all(member.value in message for member in vocabulary)
    assert isinstance(raised.value, ValueError)  # callers that catch ValueError still do


def test_words_from_outside_are_checked_at_the_border():
    with pytest.raises(VocabularyError, match="'abstarct' is not a front-matter kind"):
        FrontMatter("abstarct", "摘要", 3)  # type: ignore[arg-type]
    with pytest.raises(VocabularyError, match="'skipped' is not a removed kind"):
        Removed("skipped", "x", 1, "why")  # type: ignore[arg-type]
    with pytest.raises(VocabularyError, match="'traditonal' is not a script"):
        build_article("標題\n\n正文。", "demo", script="traditonal")
    with pytest.raises(VocabularyError, match="'pfd' is not a source format"):
        formats.read_bytes(b"", "pfd", "x.pdf")
    with pytest.raises(VocabularyError, match="'heading:x' is not a ledger target"):
        LedgerEntry(1, 0, "一、前言", "heading:x")  # type: ignore[arg-type]
    # The words themselves are accepted, and stored as members.
    assert FrontMatter("abstract", "摘要", 3).kind is FrontKind.ABSTRACT  # type: ignore[arg-type]
    assert LedgerEntry(1, 0, "前言", "heading:1").target == LedgerTarget(TargetKind.HEADING, 1)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("hint", "named"),
    [
        (("frnt",), "'frnt' is not a line role"),
        (("front", "abstarct"), "'abstarct' is not a front-matter kind"),
        (("front",), "None is not a front-matter kind"),
        (("removed", "nav"), "'nav' is not a removed kind"),
        (("title", "abstract"), "a title line hint has no kind"),
        (("blank",), "role must be one of"),
    ],
)
def test_a_format_readers_bad_hint_is_refused(hint: tuple[str, ...], named: str):
    with pytest.raises(VocabularyError, match=re.escape(named)):
        LineHint(*hint)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Title",
        "heading",
        "heading:",
        "heading:-1",
        "heading:1a",
        "front:1:2",
        "demo:p",
        "demo:x004",
        ":p004",
        "p004",
    ],
)
def test_a_bad_ledger_target_raises_naming_it(text: str):
    with pytest.raises(VocabularyError, match=re.escape(repr(text))):
        LedgerTarget.parse(text)


def test_a_target_is_consistent_with_its_kind():
    with pytest.raises(VocabularyError):
        LedgerTarget(TargetKind.HEADING)  # a heading needs its index
    with pytest.raises(VocabularyError):
        LedgerTarget(TargetKind.PARAGRAPH, record_id="demo:n01")  # a note's id is not a paragraph
    with pytest.raises(VocabularyError):
        LedgerTarget(TargetKind.TITLE, 0)


def _all_articles(corpus) -> list[Article]:
    return [*corpus, *sample_articles()]


def test_every_ledger_target_of_every_article_reads_back_to_itself(corpus):
    seen: set[TargetKind] = set()
    for article in _all_articles(corpus):
        for entry in article.ledger:
            text = str(entry.target)
            again = LedgerTarget.parse(text)
            assert again == entry.target and str(again) == text, (article.id, text)
            if again.record_id:
                assert again.article_id == article.id and split_record_id(text) == (article.id, text.split(":")[-1])
            seen.add(again.kind)
    # The corpus and the samples exercise every kind of target (a new kind must be parsed too).
    assert seen == set(TargetKind)


def test_every_target_names_a_record_of_its_article(corpus):
    """Each target's index or id points at a record that exists (what ``unaccounted`` relies on)."""
    for article in _all_articles(corpus):
        lists = {
            TargetKind.HEADING: article.headings,
            TargetKind.CAPTION: article.captions,
            TargetKind.FRONT: article.front_matter,
            TargetKind.REMOVED: article.removed,
        }
        ids = {p.id for p in article.paragraphs} | {n.id for n in article.notes} | {t.id for t in article.tables}
        for entry in article.ledger:
            target = entry.target
            if target.index is not None:
                assert target.index < len(lists[target.kind]), (article.id, str(target))
            elif target.record_id:
                assert target.record_id in ids, (article.id, str(target))


def test_the_records_hold_members_not_bare_words(corpus):
    """Every kind and script a record holds is a member of its vocabulary, whichever reader made it."""
    for article in _all_articles(corpus):
        assert type(article.script) is Script and type(article.source_format) is SourceFormat
        assert all(type(f.kind) is FrontKind for f in article.front_matter)
        assert all(type(r.kind) is RemovedKind for r in article.removed)
        assert all(type(e.target) is LedgerTarget for e in article.ledger)
    formats_read = {a.source_format for a in sample_articles()}
    assert formats_read == set(SourceFormat), f"tests/data lacks a sample of {set(SourceFormat) - formats_read}"
