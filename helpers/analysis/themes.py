"""Tag paragraphs with themes, using keyword lists that a teacher can edit.

The themes live in ``helpers/data/themes.toml``: each has an id, an English
label and description, a list of Chinese keywords and, optionally, sense rules
(``exclude``: phrases in which a keyword does not count, such as 上台 for 台).
A paragraph gets a theme when one of the theme's keywords occurs in it outside
those phrases; its score is the number of such occurrences.

How far the tags agree with a careful reader is measured against the hand
labels in ``helpers/data/theme_labels.csv`` (:func:`load_theme_labels`,
:func:`tagger_scores`).

Keywords and texts are both converted to Simplified characters before they are
compared, so one keyword list serves the Traditional and the Simplified
articles, and ``關係`` finds ``关系``. Because the conversion keeps every
character in place, a match found in the converted text has the same position
in the original, which is what :func:`find_keyword_spans` returns.

>>> from helpers import load_corpus
>>> find_keyword_spans("日美同盟與美韓同盟", ["同盟"])
[(2, 4, '同盟'), (7, 9, '同盟')]
>>> tags = tag_themes(load_corpus()["abe-beijing-2018"])
>>> tags.columns.tolist()
['article_id', 'para_id', 'theme', 'score', 'matched']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeAlias, Union

import pandas as pd

from ..corpus.loading import Corpus
from ..corpus.records import Article, Paragraph
from ..corpus.vocabulary import article_of
from ..text.datafiles import DATA_DIR, DataFileError, parse_toml, read_csv, read_text
from ..text.script import to_simplified

#: The theme file that ships with the notebooks.
THEMES_PATH = DATA_DIR / "themes.toml"

#: The theme given to a paragraph that matches no other theme.
NO_THEME = "none"

TAG_COLUMNS = ["article_id", "para_id", "theme", "score", "matched"]
THEME_FIELDS = ("id", "label", "description", "keywords", "exclude")
#: In an ``exclude`` phrase, this stands for a gap of up to :data:`GAP_LENGTH` characters of one sentence.
GAP = "…"
GAP_LENGTH = 12
_SENTENCE_END = "。！？；!?;\n"
_THEME_ID = re.compile(r"^[a-z][a-z0-9_-]*$")
#: What :func:`tag_themes` and :func:`helpers.concordance.kwic` accept as text to search.
ParagraphSource: TypeAlias = Union[Corpus, Article, Paragraph, pd.DataFrame, Iterable[Paragraph]]  # noqa: UP007 (a runtime alias on 3.10)

_THEME_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*theme[ \t]*\]\]", re.MULTILINE)


class ThemeFileError(DataFileError):
    """The themes file is malformed; the message names the file, the theme and the problem."""


@dataclass(frozen=True)
class Theme:
    """A theme: a short ``id``, an English ``label`` and ``description``, ``keywords``
    and ``exclude``, the phrases in which a keyword does not count (sense rules).

    >>> Theme("energy", "Energy & resources", "Oil and gas.", ("能源", "石油")).keywords
    ('能源', '石油')
    >>> Theme("taiwan", "Taiwan", "Taiwan.", ("台",), ("上台",)).exclude
    ('上台',)
    """

    id: str
    label: str
    description: str
    keywords: tuple[str, ...]
    exclude: tuple[str, ...] = ()


# --- Reading the theme file ------------------------------------------------


def load_themes(path: str | Path | None = None) -> list[Theme]:
    """Read and check a themes file (default: ``helpers/data/themes.toml``).

    Every problem raises :class:`ThemeFileError` naming the file, the theme (its
    number, line and id) and what is wrong.

    >>> themes = load_themes()
    >>> themes[0].id, themes[0].label
    ('economy', 'Economy & trade')
    """
    path = Path(path) if path is not None else THEMES_PATH
    text = read_text(path, ThemeFileError)
    data = parse_toml(text, path, ThemeFileError)

    tables = data.get("theme")
    if not isinstance(tables, list) or not tables:
        raise ThemeFileError(str(path), "no themes found: each theme starts with a [[theme]] line")
    header_lines = [text.count("\n", 0, m.start()) + 1 for m in _THEME_HEADER.finditer(text)]

    themes: list[Theme] = []
    first_seen: dict[str, str] = {}
    for number, table in enumerate(tables, start=1):
        line = header_lines[number - 1] if len(header_lines) == len(tables) else None
        theme = _check_theme(table, _where(path, number, line, table))
        if theme.id in first_seen:
            raise ThemeFileError(
                _where(path, number, line, table), f"duplicate id {theme.id!r} (already used by {first_seen[theme.id]})"
            )
        first_seen[theme.id] = f"theme {number}" + (f" on line {line}" if line else "")
        themes.append(theme)
    return themes


def _where(path: Path, number: int, line: int | None, table: object) -> str:
    where = f"{path}, theme {number}"
    if line is not None:
        where += f" (line {line})"
    if isinstance(table, dict) and isinstance(table.get("id"), str):
        where += f" {table['id']!r}"
    return where


def _check_theme(table: object, where: str) -> Theme:
    if not isinstance(table, dict):
        raise ThemeFileError(where, "a theme must be a [[theme]] table")
    unknown = sorted(set(table) - set(THEME_FIELDS))
    if unknown:
        raise ThemeFileError(where, f"unknown field(s) {', '.join(unknown)} (a theme has {', '.join(THEME_FIELDS)})")
    for name in ("id", "label", "description"):
        value = table.get(name)
        if value is None:
            raise ThemeFileError(where, f"missing {name}")
        if not isinstance(value, str) or not value.strip():
            raise ThemeFileError(where, f"{name} must be a non-empty string, not {value!r}")
    theme_id = table["id"].strip()
    if not _THEME_ID.match(theme_id):
        raise ThemeFileError(
            where, f"id {theme_id!r} must be lower-case letters, digits, '-' or '_', such as 'economy'"
        )
    if theme_id == NO_THEME:
        raise ThemeFileError(where, f"the id {NO_THEME!r} is reserved for paragraphs that match no theme")
    keywords = _check_keywords(table.get("keywords"), where)
    exclude = _check_exclude(table.get("exclude", []), where)
    return Theme(theme_id, table["label"].strip(), table["description"].strip(), keywords, exclude)


def _check_exclude(phrases: object, where: str) -> tuple[str, ...]:
    if not isinstance(phrases, list):
        raise ThemeFileError(where, 'exclude must be a list of phrases, such as ["上台", "不是…遏制"]')
    checked: list[str] = []
    for position, phrase in enumerate(phrases, start=1):
        if not isinstance(phrase, str) or not phrase.strip(GAP + " \t\u3000"):
            raise ThemeFileError(where, f"exclude phrase {position} must be a non-empty string, not {phrase!r}")
        phrase = phrase.strip()
        if phrase.startswith(GAP) or phrase.endswith(GAP):
            raise ThemeFileError(
                where, f"exclude phrase {phrase!r} must not start or end with {GAP!r} (a gap needs text on both sides)"
            )
        if phrase in checked:
            raise ThemeFileError(where, f"exclude phrase {phrase!r} is listed twice")
        checked.append(phrase)
    return tuple(checked)


def _check_keywords(keywords: object, where: str) -> tuple[str, ...]:
    if keywords is None:
        raise ThemeFileError(where, "missing keywords")
    if not isinstance(keywords, list) or not keywords:
        raise ThemeFileError(where, 'keywords must be a non-empty list of strings, such as ["能源", "石油"]')
    checked: list[str] = []
    seen: dict[str, str] = {}
    for position, keyword in enumerate(keywords, start=1):
        if not isinstance(keyword, str) or not keyword.strip():
            raise ThemeFileError(where, f"keyword {position} must be a non-empty string, not {keyword!r}")
        keyword = keyword.strip()
        # Two spellings of one word ("關係", "关系") would match the same places twice.
        simplified = _simplified(keyword)
        if simplified in seen:
            same = "" if seen[simplified] == keyword else f" (the same word as {seen[simplified]!r} in Simplified)"
            raise ThemeFileError(where, f"keyword {keyword!r} is listed twice{same}")
        seen[simplified] = keyword
        checked.append(keyword)
    return tuple(checked)


# --- Finding keywords --------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def _simplified(text: str) -> str:
    # The result must have the same length as ``text`` so that positions carry over.
    # OpenCC keeps lengths on these texts; if it ever did not (or failed, as it does
    # on lone surrogates), convert character by character and keep what won't convert.
    try:
        converted = to_simplified(text)
    except UnicodeError:
        converted = None
    if converted is not None and len(converted) == len(text):
        return converted
    return "".join(_simplified_char(char) for char in text)


def _simplified_char(char: str) -> str:
    try:
        converted = to_simplified(char)
    except UnicodeError:
        return char
    return converted if len(converted) == 1 else char


@functools.lru_cache(maxsize=1024)
def _keyword_pattern(keywords: tuple[str, ...]) -> tuple[re.Pattern[str], dict[str, str]] | None:
    # Longest first: the regex engine takes the first alternative that matches at a
    # position, so "日美同盟" wins over "同盟" where both start.
    by_form: dict[str, str] = {}
    for keyword in keywords:
        by_form.setdefault(_simplified(keyword), keyword)
    if not by_form:
        return None
    forms = sorted(by_form, key=len, reverse=True)
    return re.compile("|".join(re.escape(form) for form in forms)), by_form


def find_keyword_spans(
    text: str, keywords: Iterable[str] | str, exclude: Iterable[str] = ()
) -> list[tuple[int, int, str]]:
    """Find the keywords in ``text``: a list of ``(start, end, keyword)``, in text order.

    ``text[start:end]`` is the match as printed in the original script and
    ``keyword`` is the keyword (stripped of surrounding spaces) that matched.
    Matching is literal (``.``, ``*``, ``+``… are plain characters), on the
    Simplified forms of text and keywords. Matches do not overlap: scanning from
    the left, the longest keyword that starts at a position wins. Blank keywords,
    non-strings and an empty text give no matches; this function does not raise.

    A match that overlaps an occurrence of one of the ``exclude`` phrases is
    dropped (see :func:`find_excluded_spans` for what was dropped); in such a
    phrase ``…`` stands for up to 12 characters of the same sentence.

    >>> find_keyword_spans("石破茂上台后访台", ["台"], exclude=["上台"])
    [(7, 8, '台')]
    >>> find_keyword_spans("不是针对中国，遏制中国", ["遏制"], exclude=["不是…遏制"])
    []

    >>> text = "日美關係與中日关系"
    >>> [(s, e, k, text[s:e]) for s, e, k in find_keyword_spans(text, ["关系"])]
    [(2, 4, '关系', '關係'), (7, 9, '关系', '关系')]
    >>> find_keyword_spans("美日韓三邊", ["美日", "美日韓"])
    [(0, 3, '美日韓')]
    >>> find_keyword_spans("中亚+日本", ["亚+日"]), find_keyword_spans("abc", [" ", ""])
    ([(1, 4, '亚+日')], [])
    """
    if not isinstance(text, str) or not text:
        return []
    if isinstance(keywords, str):
        keywords = [keywords]
    try:
        cleaned = tuple(k.strip() for k in keywords if isinstance(k, str) and k.strip())
    except TypeError:  # keywords is not iterable
        return []
    compiled = _keyword_pattern(cleaned)
    if compiled is None:
        return []
    pattern, by_form = compiled
    simplified = _simplified(text)
    spans = [(m.start(), m.end(), by_form[m.group()]) for m in pattern.finditer(simplified)]
    blocked = _excluded_ranges(simplified, exclude)
    if not blocked:
        return spans
    return [span for span in spans if not _overlaps(span, blocked)]


def find_excluded_spans(
    text: str, keywords: Iterable[str] | str, exclude: Iterable[str]
) -> list[tuple[int, int, str, str]]:
    """The keyword matches that a sense rule drops: ``(start, end, keyword, rule)``.

    This is what :func:`find_keyword_spans` finds without ``exclude`` and
    leaves out with it; ``rule`` is the exclude phrase that dropped the match.

    >>> find_excluded_spans("石破茂上台后访台", ["台"], ["上台"])
    [(4, 5, '台', '上台')]
    """
    if not isinstance(text, str) or not text:
        return []
    rules = _clean_phrases(exclude)
    simplified = _simplified(text)
    dropped = []
    for start, end, keyword in find_keyword_spans(text, keywords):
        for rule in rules:
            if _overlaps((start, end, keyword), _excluded_ranges(simplified, (rule,))):
                dropped.append((start, end, keyword, rule))
                break
    return dropped


def _clean_phrases(phrases: Iterable[str] | str) -> tuple[str, ...]:
    if isinstance(phrases, str):
        phrases = [phrases]
    try:
        return tuple(p.strip() for p in phrases if isinstance(p, str) and p.strip(GAP + " \t\u3000"))
    except TypeError:
        return ()


@functools.lru_cache(maxsize=1024)
def _exclude_pattern(phrase: str) -> re.Pattern[str]:
    gap = f"[^{re.escape(_SENTENCE_END)}]{{0,{GAP_LENGTH}}}?"
    pieces = [re.escape(_simplified(piece)) for piece in phrase.split(GAP)]
    return re.compile(gap.join(pieces))


def _excluded_ranges(simplified_text: str, exclude: Iterable[str] | str) -> list[tuple[int, int]]:
    ranges = []
    for phrase in _clean_phrases(exclude):
        pattern = _exclude_pattern(phrase)
        # Every start position, so that overlapping occurrences of a rule are all found.
        position = 0
        while True:
            match = pattern.search(simplified_text, position)
            if match is None:
                break
            if match.end() > match.start():
                ranges.append((match.start(), match.end()))
            position = match.start() + 1
    return ranges


def _overlaps(span: tuple[int, int, str], ranges: list[tuple[int, int]]) -> bool:
    start, end = span[0], span[1]
    return any(start < stop and begin < end for begin, stop in ranges)


def mark_keywords(
    text: str, keywords: Iterable[str] | str, before: str = "【", after: str = "】", exclude: Iterable[str] = ()
) -> str:
    """Return ``text`` with every keyword match wrapped in ``before`` and ``after``.

    >>> mark_keywords("強化美日防衛合作", ["防卫"])
    '強化美日【防衛】合作'
    >>> mark_keywords("a.b", ".", "<mark>", "</mark>")
    'a<mark>.</mark>b'
    """
    pieces, position = [], 0
    for start, end, _ in find_keyword_spans(text, keywords, exclude):
        pieces += [text[position:start], before, text[start:end], after]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


# --- Tagging paragraphs --------------------------------------------------------


def paragraph_texts(source: ParagraphSource) -> list[tuple[str, str, str]]:
    """List ``(article_id, para_id, text)`` for the paragraphs of ``source``.

    ``source`` is a :class:`Corpus`, an :class:`Article`, a :class:`Paragraph`,
    paragraphs, or a DataFrame with ``para_id`` and ``text`` columns (such as
    ``corpus.paragraphs_frame()``).

    >>> from helpers import load_corpus
    >>> paragraph_texts(load_corpus()["central-asia-2007"])[0][:2]
    ('central-asia-2007', 'central-asia-2007:p001')
    """
    if isinstance(source, pd.DataFrame):
        missing = [c for c in ("para_id", "text") if c not in source.columns]
        if missing:
            raise ValueError(f"the DataFrame has no {' or '.join(missing)} column (it has {list(source.columns)})")
        ids = source["article_id"] if "article_id" in source.columns else source["para_id"].map(_article_id)
        return list(zip(ids.astype(str), source["para_id"].astype(str), source["text"].astype(str)))
    if isinstance(source, Corpus):
        paragraphs: Iterable[Paragraph] = (p for article in source for p in article.paragraphs)
    elif isinstance(source, Article):
        paragraphs = source.paragraphs
    elif isinstance(source, Paragraph):
        paragraphs = [source]
    else:
        paragraphs = source
    rows = []
    for paragraph in paragraphs:
        if not isinstance(paragraph, Paragraph):
            raise TypeError(
                f"expected a Corpus, Article, Paragraph or DataFrame, got an item of type {type(paragraph).__name__}"
            )
        rows.append((_article_id(paragraph.id), paragraph.id, paragraph.text))
    return rows


def _article_id(para_id: str) -> str:
    return article_of(para_id)


def tag_themes(
    corpus_or_paragraphs: ParagraphSource,
    themes: list[Theme] | str | Path | None = None,
    *,
    min_score: int = 1,
) -> pd.DataFrame:
    """Tag each paragraph with the themes whose keywords it contains.

    Returns one row per (paragraph, theme) with columns ``article_id, para_id,
    theme, score, matched``. ``score`` counts the keyword occurrences of each
    theme on its own, as :func:`find_keyword_spans` finds them: outside the
    theme's ``exclude`` phrases, without overlaps,
    and where two of the theme's keywords start at the same character the longer
    one counts ("日美同盟", not "同盟" inside it). ``matched`` is
    the ``;``-joined list of the keywords found, as written in the themes file,
    in the file's order. A theme is kept when its score is at least
    ``min_score``; a paragraph left with none gets a single row with theme
    ``none``, score 0 and ``matched`` empty. Rows follow the paragraphs' order,
    strongest theme first. ``theme`` is a categorical column whose categories
    are the theme ids in file order, then ``none``, so counts include zeros.

    ``themes`` is a list of :class:`Theme`, a path to a themes file, or None
    for the default file.

    >>> from helpers import load_corpus
    >>> from helpers import load_corpus
    >>> corpus = load_corpus()
    >>> tags = tag_themes(corpus["abe-beijing-2018"].paragraph("p008"))
    >>> tags[["theme", "score"]].head(2).values.tolist()
    [['finance', 9], ['economy', 5]]
    >>> tags.loc[0, "matched"]
    '金融;货币互换;证券'
    """
    if not isinstance(min_score, int) or min_score < 1:
        raise ValueError(f"min_score must be a whole number of at least 1, not {min_score!r}")
    if themes is None or isinstance(themes, (str, Path)):
        themes = load_themes(themes)
    rows = []
    for article_id, para_id, text in paragraph_texts(corpus_or_paragraphs):
        found = []
        for order, theme in enumerate(themes):
            spans = find_keyword_spans(text, theme.keywords, theme.exclude)
            if len(spans) >= min_score:
                hit = {keyword for _, _, keyword in spans}
                matched = ";".join(k for k in theme.keywords if k in hit)
                found.append((-len(spans), order, theme.id, matched))
        if not found:
            rows.append((article_id, para_id, NO_THEME, 0, ""))
        for minus_score, _, theme_id, matched in sorted(found):
            rows.append((article_id, para_id, theme_id, -minus_score, matched))
    tags = pd.DataFrame(rows, columns=TAG_COLUMNS)
    tags["score"] = tags["score"].astype(int)
    tags["theme"] = pd.Categorical(tags["theme"], categories=[t.id for t in themes] + [NO_THEME])
    return tags


# --- Summaries for charts and widgets -------------------------------------------


def theme_counts(tags: pd.DataFrame) -> pd.DataFrame:
    """Count paragraphs per article (rows) and theme (columns, ``none`` last).

    >>> from helpers import load_corpus
    >>> counts = theme_counts(tag_themes(load_corpus()))
    >>> int(counts.loc["central-asia-2007", "energy"]) > int(counts.loc["japan-us-2021", "energy"])
    True
    """
    themes = _theme_order(tags)
    counts = pd.crosstab(tags["article_id"], pd.Categorical(tags["theme"], categories=themes), dropna=False)
    counts = counts.reindex(index=pd.unique(tags["article_id"]), columns=themes, fill_value=0)
    counts.index.name, counts.columns.name = "article_id", "theme"
    return counts.astype(int)


def theme_matrix(tags: pd.DataFrame) -> pd.DataFrame:
    """The share of each article's paragraphs (rows) that carry each theme (columns).

    >>> from helpers import load_corpus
    >>> matrix = theme_matrix(tag_themes(load_corpus()))
    >>> float(matrix.loc["abe-beijing-2018", "economy"]) > 0.5
    True
    """
    paragraphs = tags.groupby("article_id", sort=False)["para_id"].nunique()
    counts = theme_counts(tags)
    return counts.div(paragraphs.reindex(counts.index), axis=0)


def theme_character_share(tags: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """A length-fair companion to :func:`theme_matrix`: the share of each article's
    characters that lie in paragraphs carrying each theme.

    Paragraph lengths differ between articles (the Taipei commentary's are the
    longest), so a share of paragraphs and a share of text can disagree.

    >>> from helpers import load_corpus
    >>> corpus = load_corpus()
    >>> share = theme_character_share(tag_themes(corpus), corpus)
    >>> bool(((share >= 0) & (share <= 1)).all().all())
    True
    """
    lengths = {p.id: len(p.text) for article in corpus for p in article.paragraphs}
    frame = tags.assign(length=tags["para_id"].map(lengths).fillna(0))
    themes = _theme_order(tags)
    weighted = frame.pivot_table(index="article_id", columns="theme", values="length", aggfunc="sum", observed=False)
    weighted = weighted.reindex(index=pd.unique(tags["article_id"]), columns=themes).fillna(0)
    totals = frame.drop_duplicates("para_id").groupby("article_id")["length"].sum()
    share = weighted.div(totals.reindex(weighted.index), axis=0)
    share.index.name, share.columns.name = "article_id", "theme"
    return share


def paragraph_themes(tags: pd.DataFrame) -> dict[str, list[str]]:
    """Map each paragraph id to its themes, strongest first (``[]`` for no theme).

    >>> from helpers import load_corpus
    >>> themes = paragraph_themes(tag_themes(load_corpus()["japan-korea-2024"]))
    >>> themes["japan-korea-2024:p028"][0]
    'history-territory'
    """
    result: dict[str, list[str]] = {}
    for para_id, theme in zip(tags["para_id"], tags["theme"]):
        result.setdefault(para_id, [])
        if theme != NO_THEME:
            result[para_id].append(str(theme))
    return result


def paragraphs_with_theme(tags: pd.DataFrame, theme: str, corpus: Corpus | None = None) -> pd.DataFrame:
    """The rows of ``tags`` for one theme (``none`` for untagged paragraphs), in reading order.

    With a ``corpus``, a ``text`` column holds each paragraph's text, ready for
    :func:`mark_keywords`.

    >>> from helpers import load_corpus
    >>> corpus = load_corpus()
    >>> rows = paragraphs_with_theme(tag_themes(corpus), "taiwan-seas", corpus)
    >>> rows.loc[rows["score"].idxmax(), ["para_id", "matched"]].tolist()
    ['china-japan-2025:p014', '台湾;台海;涉台;窜台;南海']
    """
    known = _theme_order(tags)
    if theme not in known:
        raise ValueError(f"unknown theme {theme!r} (known: {', '.join(known)})")
    rows = tags[tags["theme"] == theme].reset_index(drop=True)
    if corpus is not None:
        rows["text"] = [corpus.paragraph(para_id).text for para_id in rows["para_id"]]
    return rows


def _theme_order(tags: pd.DataFrame) -> list[str]:
    if isinstance(tags["theme"].dtype, pd.CategoricalDtype):
        return [str(c) for c in tags["theme"].cat.categories]
    order = [str(t) for t in pd.unique(tags["theme"]) if t != NO_THEME]
    return order + [NO_THEME]


# --- A reader's labels, and how well the tagger agrees with them ------------------

#: The hand-labelled paragraphs that ship with the notebooks.
LABELS_PATH = DATA_DIR / "theme_labels.csv"
LABEL_COLUMNS = ("paragraph", "starts_with", "themes", "why")
SCORE_COLUMNS = ["labelled", "tagged", "agreed", "recall", "precision"]


@dataclass(frozen=True)
class ThemeLabel:
    """A reader's themes for one paragraph (``themes`` is empty for "none").

    >>> label = load_theme_labels()[0]
    >>> label.paragraph, label.article_id
    ('abe-beijing-2018:p001', 'abe-beijing-2018')
    """

    paragraph: str
    starts_with: str
    themes: frozenset[str]
    why: str
    line: int

    @property
    def article_id(self) -> str:
        return _article_id(self.paragraph)


def load_theme_labels(path: str | Path | None = None, themes: list[Theme] | None = None) -> list[ThemeLabel]:
    """Read and check the hand labels (default: ``helpers/data/theme_labels.csv``).

    Lines starting with ``#`` are comments; then a header ``paragraph,
    starts_with, themes, why`` and one row per paragraph. Every problem raises
    :class:`ThemeFileError` naming the file, the line and what is wrong: an
    unknown theme id (checked against ``themes``, default the themes file), a
    paragraph labelled twice, "none" beside a theme, an empty field.

    >>> labels = load_theme_labels()
    >>> sorted(labels[0].themes)
    ['economy', 'finance', 'rapprochement', 'summits']
    """
    path = Path(path) if path is not None else LABELS_PATH
    rows = read_csv(path, required=LABEL_COLUMNS, error=ThemeFileError)
    known = {t.id for t in (load_themes() if themes is None else themes)}
    labels: list[ThemeLabel] = []
    seen: dict[str, int] = {}
    for row in rows:
        where, number = row.where, row.line
        paragraph, starts_with, theme_field, why = (row[column] for column in LABEL_COLUMNS)
        for name, value in zip(LABEL_COLUMNS, (paragraph, starts_with, theme_field, why)):
            if not value:
                raise ThemeFileError(where, f"the field {name!r} is empty")
        if not re.match(r"^[a-z0-9-]+:p\d{3,}$", paragraph):
            raise ThemeFileError(where, f"{paragraph!r} is not a paragraph id such as 'abe-beijing-2018:p001'")
        if paragraph in seen:
            raise ThemeFileError(where, f"{paragraph} is labelled twice (first on line {seen[paragraph]})")
        seen[paragraph] = number
        ids = [t.strip() for t in theme_field.split(";") if t.strip()]
        if ids == [NO_THEME]:
            chosen: frozenset[str] = frozenset()
        else:
            if NO_THEME in ids:
                raise ThemeFileError(where, f"{NO_THEME!r} cannot stand beside other themes ({theme_field})")
            unknown = sorted(set(ids) - known)
            if unknown:
                raise ThemeFileError(
                    where, f"unknown theme id(s) {', '.join(unknown)} (known: {', '.join(sorted(known))})"
                )
            if len(set(ids)) != len(ids):
                raise ThemeFileError(where, f"a theme is listed twice in {theme_field!r}")
            chosen = frozenset(ids)
        labels.append(ThemeLabel(paragraph, starts_with, chosen, why, number))
    if not labels:
        raise ThemeFileError(str(path), "no labelled paragraphs after the header")
    return labels


def check_labels_against(labels: list[ThemeLabel], corpus: Corpus) -> list[str]:
    """Problems with labels whose paragraph is missing or no longer starts as recorded.

    An empty list means every label still points at the paragraph it was made for.

    >>> from helpers import load_corpus
    >>> check_labels_against(load_theme_labels(), load_corpus())
    []
    """
    problems = []
    for label in labels:
        try:
            text = corpus.paragraph(label.paragraph).text
        except (KeyError, LookupError, ValueError):
            problems.append(f"line {label.line}: {label.paragraph} is not a paragraph of the corpus")
            continue
        if not text.startswith(label.starts_with):
            problems.append(
                f"line {label.line}: {label.paragraph} now starts {text[: len(label.starts_with)]!r}, not {label.starts_with!r}"
            )
    return problems


def tagger_scores(tags: pd.DataFrame, labels: list[ThemeLabel], by: str = "theme") -> pd.DataFrame:
    """Recall and precision of the tags against the reader's labels.

    ``by`` is ``"theme"`` (one row per theme), ``"article"`` (one row per
    article, all themes pooled) or ``"both"`` (article × theme). Only the
    labelled paragraphs count. ``labelled`` is how many (paragraph, theme) pairs
    the reader gave, ``tagged`` how many the tagger gave, ``agreed`` how many
    both gave; ``recall = agreed / labelled`` and ``precision = agreed /
    tagged`` (NaN where the denominator is 0). A last row ``all`` pools
    everything (not for ``"both"``).

    >>> from helpers import load_corpus
    >>> corpus, labels = load_corpus(), load_theme_labels()
    >>> scores = tagger_scores(tag_themes(corpus), labels, by="article")
    >>> scores.columns.tolist()
    ['labelled', 'tagged', 'agreed', 'recall', 'precision']
    """
    if by not in ("theme", "article", "both"):
        raise ValueError(f"by must be 'theme', 'article' or 'both', not {by!r}")
    tagged = {p: set(ts) for p, ts in paragraph_themes(tags).items()}
    missing = [label.paragraph for label in labels if label.paragraph not in tagged]
    if missing:
        raise ValueError(f"the tags do not cover the labelled paragraph(s) {', '.join(missing)}")
    pairs = []
    for label in labels:
        given = tagged[label.paragraph]
        for theme in label.themes | given:
            pairs.append((label.article_id, theme, theme in label.themes, theme in given))
    frame = pd.DataFrame(pairs, columns=["article_id", "theme", "labelled", "tagged"])
    frame["agreed"] = frame["labelled"] & frame["tagged"]
    keys = {"theme": ["theme"], "article": ["article_id"], "both": ["article_id", "theme"]}[by]
    table = frame.groupby(keys, sort=False)[["labelled", "tagged", "agreed"]].sum().astype(int)
    if by == "theme":
        order = [t for t in _theme_order(tags) if t in table.index]
        table = table.reindex(order + sorted(set(table.index) - set(order)))
    elif by == "article":
        order = list(dict.fromkeys(label.article_id for label in labels))
        table = table.reindex(order)
    else:
        table = table.sort_index()
    if by != "both":
        table.loc["all"] = table.sum()
    table["recall"] = (table["agreed"] / table["labelled"].where(table["labelled"] > 0)).round(2)
    table["precision"] = (table["agreed"] / table["tagged"].where(table["tagged"] > 0)).round(2)
    return table[SCORE_COLUMNS]


def themes_frame(themes: list[Theme] | None = None) -> pd.DataFrame:
    """One row per theme: ``id, label, description, keywords, exclude`` (lists joined by "、").

    What a reader needs to see why a paragraph matched and what a theme cannot see.

    >>> themes_frame().columns.tolist()
    ['id', 'label', 'description', 'keywords', 'exclude']
    """
    themes = load_themes() if themes is None else themes
    rows = [(t.id, t.label, t.description, "、".join(t.keywords), "、".join(t.exclude)) for t in themes]
    return pd.DataFrame(rows, columns=["id", "label", "description", "keywords", "exclude"])
