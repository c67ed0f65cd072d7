"""The corpus as tables, one row per article, heading, paragraph, note, token or quantity.

These are the tables ``python -m helpers export`` writes (with the curated
ones of :mod:`helpers.analysis.export`); every table starts with ``article_id``,
then ``para_id`` where rows belong to a paragraph.

>>> from helpers import load_corpus
>>> headings_frame(load_corpus()).columns.tolist()
['article_id', 'level', 'text', 'line']
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import astuple

import pandas as pd

from ..text.language import token_spans
from ..text.quantities import COLUMNS as QUANTITY_COLUMNS
from ..text.quantities import find_quantities, quantity_frame
from .loading import Corpus
from .records import Article


def articles_frame(corpus: Corpus) -> pd.DataFrame:
    """One row per article: what the cleaner found, then the catalog's other columns.

    >>> from helpers import load_corpus
    >>> row = articles_frame(load_corpus()).iloc[0]
    >>> row.article_id, row.authors, int(row.paragraphs), row.format
    ('abe-beijing-2018', '', 15, 'pdf-text')
    """
    rows = []
    for article in corpus:
        row: dict[str, object] = {
            "article_id": article.id,
            "title": article.title,
            "authors": ";".join(article.authors),
            "year": article.year,
            "script": article.script.value,
            "source_file": article.source_file,
            "encoding": article.encoding,
            "paragraphs": len(article.paragraphs),
            "headings": sum(1 for h in article.headings if h.level > 0),
            "notes": len(article.notes),
            "characters": sum(len(p.text) for p in article.paragraphs),
        }
        extra = {k: v for k, v in article.metadata.items() if k not in ("id", "file", *row)}
        rows.append(row | extra)
    frame = pd.DataFrame(rows)
    return frame.astype({"year": "Int64"})


def headings_frame(corpus: Corpus) -> pd.DataFrame:
    """One row per heading (the title is level 0): ``article_id, level, text, line``.

    >>> from helpers import load_corpus
    >>> headings_frame(load_corpus()).iloc[1].to_dict() == {"article_id": "abe-beijing-2018", "level": 1, "text": "壹、前言", "line": 3}
    True
    """
    rows = [(a.id, h.level, h.text, h.line) for a in corpus for h in a.headings]
    return pd.DataFrame(rows, columns=["article_id", "level", "text", "line"])


def paragraphs_table(corpus: Corpus) -> pd.DataFrame:
    """One row per paragraph: ids, number, section, the raw lines it came from, its notes and text.

    >>> from helpers import load_corpus
    >>> paragraphs_table(load_corpus()).columns.tolist()
    ['article_id', 'para_id', 'number', 'section', 'section_path', 'lines', 'note_ids', 'text']
    """
    rows = [
        (
            article.id,
            p.id,
            number,
            p.section[-1] if p.section else "",
            " > ".join(p.section),
            ";".join(str(n) for n in p.lines),
            ";".join(p.note_ids),
            p.text,
        )
        for article in corpus
        for number, p in enumerate(article.paragraphs, start=1)
    ]
    columns = ["article_id", "para_id", "number", "section", "section_path", "lines", "note_ids", "text"]
    return pd.DataFrame(rows, columns=columns)


def notes_frame(corpus: Corpus) -> pd.DataFrame:
    """One row per note: ``article_id, note_id, para_id, marker, locator, line, text``.

    >>> from helpers import load_corpus
    >>> notes_frame(load_corpus()).query("article_id == 'abe-beijing-2018'").marker.tolist()
    ['1']
    """
    rows = [(a.id, n.id, n.para_id, n.marker, n.locator, n.line, n.text) for a in corpus for n in a.notes]
    return pd.DataFrame(rows, columns=["article_id", "note_id", "para_id", "marker", "locator", "line", "text"])


def tokens_frame(corpus: Iterable[Article], *, drop_stopwords: bool = False) -> pd.DataFrame:
    """One row per token of every paragraph: ``article_id, para_id, token, position``.

    ``corpus`` is a :class:`~helpers.Corpus` (or any iterable of articles);
    ``position`` is the token's character offset in the paragraph text.
    Whitespace is dropped, as in :func:`segment`.

    >>> from helpers import load_corpus
    >>> frame = tokens_frame([load_corpus()["central-asia-2007"]])
    >>> frame.columns.tolist()
    ['article_id', 'para_id', 'token', 'position']
    >>> frame.para_id[0], frame.token[:4].tolist(), frame.position[:4].tolist()
    ('central-asia-2007:p001', ['由于', '日本', '的', '中亚'], [0, 2, 4, 5])
    """
    rows = [
        (article.id, paragraph.id, token, position)
        for article in corpus
        for paragraph in article.paragraphs
        for position, token in token_spans(paragraph.text, drop_stopwords=drop_stopwords)
    ]
    frame = pd.DataFrame(rows, columns=["article_id", "para_id", "token", "position"])
    return frame.astype({"position": "int64"})


def quantities_frame(corpus: Iterable[Article]) -> pd.DataFrame:
    """Quantities in every paragraph of ``corpus``: ``article_id, para_id`` + :data:`COLUMNS`.

    ``start``/``end`` are offsets into the paragraph's text.

    >>> from helpers import load_corpus
    >>> frame = quantities_frame(load_corpus())
    >>> frame.columns.tolist()[:3]
    ['article_id', 'para_id', 'raw']
    >>> row = frame[frame.raw == "3300億日圓"].iloc[0]
    >>> row.para_id, float(row.value), row.unit
    ('abe-beijing-2018:p008', 330000000000.0, 'JPY')
    """
    # One frame for the whole corpus: building a frame per paragraph would cost more
    # than finding the quantities.
    rows = [
        (article.id, paragraph.id, *astuple(quantity))
        for article in corpus
        for paragraph in article.paragraphs
        for quantity in find_quantities(paragraph.text)
    ]
    return quantity_frame(rows, ["article_id", "para_id", *QUANTITY_COLUMNS])
