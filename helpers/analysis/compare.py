"""Compare the articles: who they mention, and how often they use chosen words.

Counts are made on a Simplified normalisation of the texts (so 關係 and 关系
count together) and, for words, normalised per 10,000 characters of body text,
because the articles differ in length by a factor of two.

>>> corpus = load_corpus()
>>> counts = term_frequencies(corpus, ["对冲", "平衡"])
>>> counts.columns.tolist()
['对冲', '平衡']
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..text.fulltable import full_table
from ..text.language import read_user_dictionary, spellings
from ..corpus.loading import Corpus, load_corpus  # noqa: F401  (load_corpus: used by the examples)
from ..text.script import to_simplified

#: Words for hedging, balancing and alignment that the comparison notebook counts.
ALIGNMENT_VOCABULARY = ("对冲", "避险", "平衡", "制衡", "遏制", "接近", "同盟", "合作", "竞争", "自主")


def _simplified_texts(corpus: Corpus) -> dict[str, str]:
    return {article.id: to_simplified(article.text) for article in corpus}


def term_frequencies(corpus: Corpus, terms: Iterable[str], per: int = 10_000) -> pd.DataFrame:
    """Occurrences of each term per ``per`` characters of body text, articles × terms.

    Terms may be written in either script; they are matched literally.
    """
    texts = _simplified_texts(corpus)
    terms = list(terms)
    table = pd.DataFrame(
        {term: {aid: text.count(to_simplified(term)) * per / max(len(text), 1) for aid, text in texts.items()} for term in terms}
    )
    return full_table(table.reindex(columns=terms).round(1))


def term_counts(corpus: Corpus, terms: Iterable[str]) -> pd.DataFrame:
    """Raw occurrences of each term, articles × terms (either script)."""
    texts = _simplified_texts(corpus)
    return full_table(pd.DataFrame({term: {aid: text.count(to_simplified(term)) for aid, text in texts.items()} for term in terms}))


def actor_counts(corpus: Corpus, tag: str = "nr", minimum: int = 2) -> pd.DataFrame:
    """How often each person (user-dictionary entries tagged ``nr``) is named in each article.

    Names are counted in both scripts; only people named at least ``minimum``
    times in the whole corpus are kept, the most named first.
    """
    texts = _simplified_texts(corpus)
    rows = {}
    for entry in read_user_dictionary():
        if entry.tag != tag:
            continue
        forms = {to_simplified(form) for form in [entry.word, *spellings(entry.word)]}
        counts = {aid: max(text.count(form) for form in forms) for aid, text in texts.items()}
        name = entry.word
        if name in rows:
            continue
        rows[name] = counts
    table = pd.DataFrame(rows).T.reindex(columns=[a.id for a in corpus]).fillna(0).astype(int)
    table = _drop_contained(table)
    table = table[table.sum(axis=1) >= minimum]
    return full_table(table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index])


def _drop_contained(table: pd.DataFrame) -> pd.DataFrame:
    """Keep one row per person when a short name (安倍) is counted inside a full one (安倍晉三)."""
    names = list(table.index)
    simplified = {name: to_simplified(name) for name in names}
    merged = table.copy()
    for short in names:
        for full in names:
            if short != full and simplified[short] in simplified[full] and short in merged.index and full in merged.index:
                # The short form's count already includes the full form's occurrences.
                merged = merged.drop(index=full)
    return merged
