"""Compare the articles: who they mention, and how often they use chosen words.

Counts are made on a Simplified normalisation of the texts (so 關係 and 关系
count together) and, for words, normalised per 10,000 characters of body text,
because the articles differ in length by a factor of two.

>>> from helpers import load_corpus
>>> corpus = load_corpus()
>>> counts = term_frequencies(corpus, ["对冲", "平衡"])
>>> counts.columns.tolist()
['对冲', '平衡']
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..corpus.loading import Corpus
from ..text.datafiles import DATA_DIR, DataFileError, read_csv
from ..text.fulltable import full_table
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
        {
            term: {aid: text.count(to_simplified(term)) * per / max(len(text), 1) for aid, text in texts.items()}
            for term in terms
        }
    )
    return full_table(table.reindex(columns=terms).round(1))


def term_counts(corpus: Corpus, terms: Iterable[str]) -> pd.DataFrame:
    """Raw occurrences of each term, articles × terms (either script)."""
    texts = _simplified_texts(corpus)
    return full_table(
        pd.DataFrame({term: {aid: text.count(to_simplified(term)) for aid, text in texts.items()} for term in terms})
    )


#: The people named in the articles, with every form of their name (a teacher may edit it).
ACTORS_PATH = DATA_DIR / "actors.csv"


@dataclass(frozen=True)
class Actor:
    """A person and every form of their name in the articles.

    >>> load_actors()[0].forms
    ('川普', '特朗普')
    """

    person: str
    forms: tuple[str, ...]
    role: str


def load_actors(path: str | Path | None = None) -> list[Actor]:
    """Read the alias table (default ``helpers/data/actors.csv``); errors name the file and line.

    >>> [a.person for a in load_actors()][:2]
    ['Donald Trump', 'Abe Shinzō']
    """
    path = Path(path) if path is not None else ACTORS_PATH
    actors: list[Actor] = []
    owner: dict[str, str] = {}
    for row in read_csv(path, required=("person", "forms", "role")):
        person, role = row["person"], row["role"]
        forms = tuple(f.strip() for f in row["forms"].split(";") if f.strip())
        where = row.where
        if not person or not forms:
            raise DataFileError(where, "person and forms must not be empty")
        for form in forms:
            key = to_simplified(form)
            if key in owner and owner[key] != person:
                raise DataFileError(where, f"the form {form!r} is already given to {owner[key]}")
            owner[key] = person
        actors.append(Actor(person, forms, role))
    return actors


def actor_counts(corpus: Corpus, minimum: int = 2, actors: list[Actor] | None = None) -> pd.DataFrame:
    """How often each person is named in the body paragraphs of each article, all name forms together.

    One row per person (the table ``helpers/data/actors.csv``), articles as
    columns, then ``forms`` (the forms that occur, with their counts) and
    ``role``. Each occurrence counts once, under the longest form that matches
    (安倍晉三 is not also counted as 安倍). People named fewer than ``minimum``
    times in all are left out; the most named first.

    >>> from helpers import load_corpus
    >>> table = actor_counts(load_corpus())
    >>> int(table.loc["Abe Shinzō", "abe-beijing-2018"])
    33
    """
    from .themes import find_keyword_spans

    actors = load_actors() if actors is None else actors
    article_ids = [a.id for a in corpus]
    rows, details = {}, {}
    for actor in actors:
        counts: dict[str, int] = {}
        found: dict[str, int] = {}
        for article in corpus:
            total = 0
            for paragraph in article.paragraphs:
                for start, end, _ in find_keyword_spans(paragraph.text, actor.forms):
                    total += 1
                    printed = paragraph.text[start:end]
                    found[printed] = found.get(printed, 0) + 1
            counts[article.id] = total
        rows[actor.person] = counts
        details[actor.person] = ("; ".join(f"{form} ×{n}" for form, n in found.items()), actor.role)
    table = pd.DataFrame(rows).T.reindex(columns=article_ids).fillna(0).astype(int)
    table = table[table.sum(axis=1) >= minimum]
    table = table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    table["forms"] = [details[p][0] for p in table.index]
    table["role"] = [details[p][1] for p in table.index]
    table.index.name = "person"
    return full_table(table)
