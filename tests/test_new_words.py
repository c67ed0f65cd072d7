"""Proposed user-dictionary entries: the names a new article prints that the word splitter cuts today."""

from __future__ import annotations

import pytest

from helpers.analysis.new_words import candidates, propose_user_words
from helpers.corpus.structure import build_article
from helpers.text.language import segment, user_words


def article(text: str):
    return build_article("標題\n\n" + text + "\n", "demo")


@pytest.mark.parametrize(
    "text, word, tag",
    [
        ("日方提出“提案型合作”的新方式。", "提案型合作", "nz"),
        ("双方签署《开发合作大纲》。", "开发合作大纲", "nz"),
        ("卡西姆若马尔特·托卡耶夫出席会议。", "托卡耶夫", "nr"),
        ("丰田通商公司也派员参加。", "丰田通商公司", "nt"),
        ("石破茂内阁上台后。", "石破茂内阁", "nt"),
        ("七國集團廣島峰會在五月舉行。", "七國集團廣島峰會", "nz"),
    ],
)
def test_a_name_that_splits_is_proposed(text, word, tag):
    proposals = propose_user_words(article(text))
    row = proposals[proposals.word == word]
    assert len(row) == 1 and row.tag.iloc[0] == tag
    assert len(segment(word)) > 1 and row.splits_into.iloc[0] == " / ".join(segment(word))


@pytest.mark.parametrize(
    "text",
    [
        "日本与中国举行会谈。",  # a verb and a generic suffix, no name
        "他说：“这是可以信赖的伙伴。”",  # a phrase in quotation marks, not a name
        "日本首相出席峰会。",  # the suffix alone
    ],
)
def test_no_name_is_proposed(text):
    assert propose_user_words(article(text)).empty


def test_words_already_in_the_user_dictionary_are_not_proposed():
    known = next(word for word in user_words() if len(word) >= 3 and word.endswith("峰會"))
    assert known not in set(propose_user_words(article(f"雙方出席{known}。")).word)


def test_a_dotted_name_is_cut_at_the_words_around_it():
    found = [(word, reason) for word, tag, reason in candidates("美国国务卿安东尼·布林肯表示支持。") if tag == "nr"]
    assert [word for word, _ in found] == ["安东尼", "布林肯"]
    assert "安东尼·布林肯" in found[0][1]
