"""Tests for helpers.concordance (key word in context)."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import load_corpus
from helpers.concordance import KWIC_COLUMNS, kwic, kwic_lines
from helpers.script import to_simplified

REGEX_METACHARACTERS = ".*+?[](){}|\\^$"


def plain_count(corpus, *forms: str) -> int:
    """Count the forms with str.count, paragraph by paragraph: no regex, no conversion."""
    return sum(p.text.count(form) for article in corpus for p in article.paragraphs for form in forms)


def test_traditional_and_simplified_terms_give_the_same_lines(corpus):
    traditional, simplified = kwic(corpus, "關係"), kwic(corpus, "关系")
    pd.testing.assert_frame_equal(traditional, simplified)
    assert len(traditional) == plain_count(corpus, "關係", "关系")


def test_the_term_column_is_printed_in_the_article_script(corpus):
    lines = kwic(corpus, "关系")
    scripts = {article.id: article.script for article in corpus}
    printed = lines.groupby(lines["article_id"].map(scripts))["term"].unique()
    assert printed["traditional"].tolist() == ["關係"]
    assert printed["simplified"].tolist() == ["关系"]
    assert set(lines["article_id"]) == set(corpus.ids)


def test_columns_and_reading_order(corpus):
    lines = kwic(corpus, "同盟")
    assert lines.columns.tolist() == KWIC_COLUMNS
    order = {p.id: n for n, p in enumerate(p for article in corpus for p in article.paragraphs)}
    positions = lines["para_id"].map(order)
    assert positions.is_monotonic_increasing


@pytest.mark.parametrize("width", [0, 1, 5, 15, 40])
def test_context_has_the_requested_width_and_comes_from_the_paragraph(corpus, width):
    lines = kwic(corpus, "美國", width)
    assert len(lines) == plain_count(corpus, "美國", "美国")
    for row in lines.itertuples():
        text = corpus.paragraph(row.para_id).text
        assert len(row.left) <= width and len(row.right) <= width
        assert row.left + row.term + row.right in text
        # context is only short at the edges of the paragraph
        if len(row.left) < width:
            assert text.startswith(row.left + row.term)
        if len(row.right) < width:
            assert text.endswith(row.term + row.right)


def test_width_zero_gives_just_the_term(corpus):
    lines = kwic(corpus["japan-korea-2024"], "獨島", width=0)
    assert lines[["left", "term", "right"]].values.tolist() == [["", "獨島", ""], ["", "獨島", ""]]


def test_a_known_line(corpus):
    # japan-korea-2024:p008: "…在距離獨島（日本稱“竹島”）150公里以外…"
    lines = kwic(corpus, "竹岛", width=5)
    assert lines.values.tolist() == [
        ["japan-korea-2024", "japan-korea-2024:p008", "（日本稱“", "竹島", "”）150"],
    ]


@pytest.mark.parametrize("char", list(REGEX_METACHARACTERS))
def test_metacharacters_are_matched_literally(corpus, char):
    lines = kwic(corpus, char, width=2)
    assert len(lines) == plain_count(corpus, char)
    assert set(lines["term"]) <= {char}


def test_a_term_with_a_plus_sign(corpus):
    lines = kwic(corpus, "中亞+日本")
    assert len(lines) == plain_count(corpus, "中亚+日本") == 12


@pytest.mark.parametrize("term", ["", " ", "\u3000", "\n", None, 42, ".*", "^关系$", "关系|同盟"])
def test_empty_odd_or_absent_terms_give_an_empty_table(corpus, term):
    lines = kwic(corpus, term)
    assert lines.empty
    assert lines.columns.tolist() == KWIC_COLUMNS


def test_surrounding_spaces_are_ignored(corpus):
    pd.testing.assert_frame_equal(kwic(corpus, "  冷战 "), kwic(corpus, "冷战"))


def test_an_article_gives_its_share_of_the_corpus_lines(corpus):
    whole = kwic(corpus, "印太")
    article = kwic(corpus["japan-us-2021"], "印太")
    expected = whole[whole["article_id"] == "japan-us-2021"].reset_index(drop=True)
    pd.testing.assert_frame_equal(article, expected)
    pd.testing.assert_frame_equal(kwic(corpus.paragraphs_frame(), "印太"), whole)


@pytest.mark.parametrize("width", [-1, 2.5, "15", True])
def test_a_bad_width_is_an_error(corpus, width):
    with pytest.raises(ValueError, match="width"):
        kwic(corpus, "关系", width)


@settings(deadline=None, max_examples=60)
@given(st.text(max_size=6))
def test_any_term_is_safe(term):
    article = load_corpus()["abe-beijing-2018"]
    lines = kwic(article, term, width=3)
    assert lines.columns.tolist() == KWIC_COLUMNS
    for row in lines.itertuples():
        assert to_simplified(row.term) == to_simplified(term.strip())


def test_kwic_lines_align_the_terms(corpus):
    lines = kwic(corpus["japan-korea-2024"], "冷戰", width=3)
    printed = kwic_lines(lines)
    assert len(printed) == len(lines)
    assert {line.index("【") for line in printed} == {3}
    assert printed[1] == "\u3000\u3000\u3000【冷戰】後，日"  # p011 opens with 冷戰後
