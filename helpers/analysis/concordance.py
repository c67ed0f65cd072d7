"""Key word in context (KWIC): every occurrence of a term with the text around it.

The term may be typed in either script: term and paragraphs are compared in
Simplified characters (see :func:`helpers.themes.find_keyword_spans`), and the
context is cut from the paragraph as printed, so a Traditional article is
quoted in Traditional characters.

>>> from helpers import load_corpus
>>> lines = kwic(load_corpus(), "關係", width=4)
>>> lines.iloc[0].tolist()
['abe-beijing-2018', 'abe-beijing-2018:p001', '改善兩國', '關係', '，一直到']
"""

from __future__ import annotations

import pandas as pd

from ..text.fulltable import FullTable, full_table
from .themes import ParagraphSource, find_keyword_spans, paragraph_texts

KWIC_COLUMNS = ["article_id", "para_id", "left", "term", "right"]
FULL_WIDTH_SPACE = "\u3000"


def kwic(corpus: ParagraphSource, term: str, width: int = 15) -> FullTable:
    """One row per occurrence of ``term``: ``article_id, para_id, left, term, right``.

    ``left`` and ``right`` hold up to ``width`` characters on each side, taken
    from the same paragraph (a concordance line never runs into the next
    paragraph); ``term`` is the match as printed. ``corpus`` may also be an
    :class:`Article`, a :class:`Paragraph` or a paragraphs DataFrame.

    The term is matched literally (``.`` or ``+`` are ordinary characters) and
    surrounding spaces are ignored. A blank term or a term that does not
    occur gives an empty table with these columns: whatever the term, this
    function does not raise.

    >>> from helpers import load_corpus
    >>> article = load_corpus()["central-asia-2007"]
    >>> kwic(article, "中亚+日本", width=3)[["left", "term", "right"]].head(2).values.tolist()
    [['成立“', '中亚+日本', '”对话'], ['建立“', '中亚+日本', '”对话']]
    >>> kwic(article, "  ").shape
    (0, 5)
    """
    if isinstance(width, bool) or not isinstance(width, int) or width < 0:
        raise ValueError(f"width must be a whole number of characters, 0 or more, not {width!r}")
    terms = [term] if isinstance(term, str) else []
    rows = []
    for article_id, para_id, text in paragraph_texts(corpus):
        for start, end, _ in find_keyword_spans(text, terms):
            left, right = text[max(0, start - width) : start], text[end : end + width]
            rows.append((article_id, para_id, left, text[start:end], right))
    return full_table(pd.DataFrame(rows, columns=KWIC_COLUMNS))


def kwic_lines(lines: pd.DataFrame) -> list[str]:
    """Format KWIC rows as aligned lines of text, the term between 【 and 】.

    The left context is padded with full-width spaces so that the terms line up
    (Chinese characters are full-width in a monospaced font).

    >>> from helpers import load_corpus
    >>> for line in kwic_lines(kwic(load_corpus()["japan-korea-2024"], "冷战", width=3))[:3]:
    ...     print(line.replace("\u3000", "□"))  # □: a full-width space
    0年代【冷戰】開始之
    □□□【冷戰】後，日
    消除的【冷戰】結構，
    """
    width = max((len(left) for left in lines["left"]), default=0)
    return [
        f"{left.rjust(width, FULL_WIDTH_SPACE)}【{term}】{right}"
        for left, term, right in zip(lines["left"], lines["term"], lines["right"])
    ]
