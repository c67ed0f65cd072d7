"""Quotations as data: the sentence that carries a claim, cut from the corpus, with our English.

A notebook that says what an author argues shows the sentence that says it. The
sentence is never typed in: a quote file names the paragraph and a short
``phrase`` copied from it, and :func:`quote_text` cuts the whole sentence (or
sentences) containing the phrase out of the paragraph as printed. Our
translation, the voice (the author's own, the author paraphrasing a source he
cites, or a voice he reports) and a note sit beside it in the file, one file per article: ``helpers/data/quotes/<article id>.toml``
(its format is explained at the top of each file).

>>> quote = load_quotes("abe-beijing-2018")["tactical-verdict"]
>>> quote.voice.value, quote.paragraph
('author', 'abe-beijing-2018:p015')
>>> text = quote_text(quote)
>>> text.phrase in text.sentence and text.sentence.endswith("。")
True

The cleaner takes note markers (``[5]``, ``①``, ``〔3〕``) out of the paragraph
text but records where each stood (:attr:`helpers.corpus.records.Note.offset`);
a resolved quote keeps the markers that fall inside its sentence, so a sentence
the author credits to a source is never shown as if it were his own:

>>> cited = quote_text(find_quote("central-asia-2007", "verdict"))
>>> [(position, note.marker) for position, note in cited.markers], marked_sentence(cited)[-8:]
([(69, '[1]')], '大的影响。[1]')

:func:`check_quotes` reports every quote whose article, paragraph or phrase
cannot be found; :func:`helpers.reading.quotes` shows quotes on the page.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from ..corpus.loading import Corpus, default_corpus
from ..corpus.records import Note
from ..text.datafiles import DATA_DIR, DataFileError, read_toml
from ..text.script import to_simplified

QUOTES_DIR = DATA_DIR / "quotes"
#: Where a sentence ends: 。！？ (and their half-width forms).
SENTENCE_ENDS = "。！？!?"
#: Closing quotation marks and brackets that belong to the sentence before them.
CLOSERS = "」』”’）)】〕》〉\"'"
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_PARAGRAPH = re.compile(r"^p\d+$")
FIELDS = {"id", "paragraph", "phrase", "english", "voice", "speaker", "note"}


class QuoteError(DataFileError):
    """A quote file is malformed, or a quote cannot be found in the corpus."""


class Voice(str, Enum):
    """Whose words a quoted sentence gives."""

    #: The author's own statement or interpretation.
    AUTHOR = "author"
    #: A voice the author reports: a newspaper, an official, another scholar.
    REPORTED = "reported"
    #: The author paraphrasing or summarising a source he cites (the sentence, or
    #: the passage it ends, carries a note marker): his wording, another's finding.
    CITED = "cited"


@dataclass(frozen=True)
class Quote:
    """One quotation, as the quote file gives it (the sentence itself comes from the corpus).

    ``paragraph`` is the full paragraph id (``abe-beijing-2018:p015``);
    ``speaker`` names a reported voice (``讀賣新聞``) or, for a cited one, the
    source as the article cites it (``[5] P.66``, ``宇山智彦 [3]``); empty for the author.
    """

    id: str
    article_id: str
    paragraph: str
    phrase: str
    english: str
    voice: Voice
    speaker: str = ""
    note: str = ""
    path: Path | None = None

    @property
    def where(self) -> str:
        """The file and quote id, for error messages."""
        return f"{self.path or self.article_id}, quote {self.id!r}"


@dataclass(frozen=True)
class QuoteText:
    """A quote resolved in the corpus: the sentence(s) shown and where the phrase sits in them.

    ``before + phrase + after == sentence``, and ``sentence`` occurs in the
    paragraph exactly as printed (without its note markers, as all paragraph
    text). ``markers`` holds the notes whose markers stood inside the sentence,
    each with its position in ``sentence`` (the marker followed ``sentence[:position]``).
    """

    quote: Quote
    sentence: str
    before: str
    phrase: str
    after: str
    start: int
    end: int
    markers: tuple[tuple[int, Note], ...] = ()

    @property
    def cited_sources(self) -> str:
        """The markers in the sentence as a reader cites them: ``[5] (P.66)``, ``[3] (P.174-181), [8]``."""
        return ", ".join(note_label(note) for _, note in self.markers)


def quote_files(folder: str | Path | None = None) -> list[Path]:
    """The quote files, one per article, in name order.

    >>> [path.stem for path in quote_files()][:2]
    ['abe-beijing-2018', 'central-asia-2007']
    """
    return sorted(Path(folder or QUOTES_DIR).glob("*.toml"))


def load_quotes(article_id: str, folder: str | Path | None = None) -> dict[str, Quote]:
    """An article's quotes by id, in file order; an article without a file has none.

    A malformed file raises :class:`QuoteError` naming the file and the quote.

    >>> list(load_quotes("central-asia-2007"))[:2]
    ['verdict', 'pressure-and-challenge']
    >>> load_quotes("no-such-article")
    {}
    """
    path = Path(folder or QUOTES_DIR) / f"{article_id}.toml"
    if not path.is_file():
        return {}
    return dict(_read_quotes(path, path.stat().st_mtime_ns))


@functools.lru_cache(maxsize=64)
def _read_quotes(path: Path, mtime: int) -> tuple[tuple[str, Quote], ...]:
    # ``mtime`` is part of the cache key: an edited file is read again.
    data = read_toml(path, QuoteError)
    unknown = set(data) - {"quote", "article"}
    if unknown:
        raise QuoteError(
            str(path), f"unknown top-level key(s) {', '.join(sorted(unknown))}; quotes are [[quote]] tables"
        )
    article_id = path.stem
    if data.get("article", article_id) != article_id:
        raise QuoteError(str(path), f"article = {data['article']!r} does not match the file name {article_id!r}")
    quotes: dict[str, Quote] = {}
    for number, table in enumerate(data.get("quote", []), start=1):
        quote = _quote_from(table, article_id, path, number)
        if quote.id in quotes:
            raise QuoteError(f"{path}, quote {number} ({quote.id!r})", f"duplicate id {quote.id!r}")
        quotes[quote.id] = quote
    return tuple(quotes.items())


def _quote_from(table: dict, article_id: str, path: Path, number: int) -> Quote:
    label = f"quote {number}" + (f" ({table['id']!r})" if isinstance(table.get("id"), str) else "")
    where = f"{path}, {label}"
    unknown = set(table) - FIELDS
    if unknown:
        raise QuoteError(
            where, f"unknown field(s) {', '.join(sorted(unknown))}; the fields are {', '.join(sorted(FIELDS))}"
        )
    for key in ("id", "paragraph", "phrase", "english", "voice"):
        if not isinstance(table.get(key), str) or not table[key].strip():
            raise QuoteError(where, f"missing or empty {key!r}")
    quote_id = table["id"].strip()
    if not _ID.match(quote_id):
        raise QuoteError(where, f"id {quote_id!r} must be a lower-case slug such as 'tactical-verdict'")
    paragraph = table["paragraph"].strip()
    if ":" in paragraph:
        prefix, paragraph = paragraph.split(":", 1)
        if prefix != article_id:
            raise QuoteError(
                where, f"paragraph {table['paragraph']!r} belongs to another article; this file is {article_id}"
            )
    if not _PARAGRAPH.match(paragraph):
        raise QuoteError(where, f"paragraph must be a short id such as 'p001', not {table['paragraph']!r}")
    voice_text, _, speaker_in_voice = table["voice"].partition(":")
    try:
        voice = Voice(voice_text.strip())
    except ValueError:
        raise QuoteError(where, f"voice must be 'author', 'cited' or 'reported', not {table['voice']!r}") from None
    speaker = str(table.get("speaker", "") or speaker_in_voice).strip()
    if voice is Voice.AUTHOR and speaker:
        raise QuoteError(
            where, f'a speaker ({speaker!r}) is given but voice is \'author\'; use voice = "reported" or "cited"'
        )
    for key in ("speaker", "note"):
        if key in table and not isinstance(table[key], str):
            raise QuoteError(where, f"{key!r} must be a string")
    return Quote(
        id=quote_id,
        article_id=article_id,
        paragraph=f"{article_id}:{paragraph}",
        phrase=table["phrase"].strip(),
        english=" ".join(table["english"].split()),
        voice=voice,
        speaker=speaker,
        note=" ".join(str(table.get("note", "")).split()),
        path=path,
    )


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence(s) of ``text`` that contain ``text[start:end]``.

    A sentence runs from just after the previous 。！？ (and any closing quotation
    mark after it) up to and including the next one (with its closing marks), or
    to the paragraph's edge.

    >>> text = "前一句。他說：「這是重點。」後一句！"
    >>> a, b = sentence_bounds(text, text.index("重點"), text.index("重點") + 2)
    >>> text[a:b]
    '他說：「這是重點。」'
    """
    left = start
    while left > 0 and text[left - 1] not in SENTENCE_ENDS:
        left -= 1
    # A closing mark right after the previous sentence's end belongs to that sentence.
    while left < start and text[left] in CLOSERS:
        left += 1
    while left < start and text[left].isspace():
        left += 1
    right = end
    if right > start and text[right - 1] in SENTENCE_ENDS:
        pass
    else:
        while right < len(text) and text[right] not in SENTENCE_ENDS:
            right += 1
        right = min(right + 1, len(text))
    while right < len(text) and text[right] in CLOSERS:
        right += 1
    return left, right


def cut_sentence(text: str, phrase: str) -> tuple[int, int] | None:
    """Where the sentence carrying the first occurrence of ``phrase`` sits in ``text``; None if absent.

    >>> text = "日本加入了。但美國或許不滿？"
    >>> a, b = cut_sentence(text, "或許")
    >>> text[a:b]
    '但美國或許不滿？'
    >>> cut_sentence(text, "中國") is None
    True
    """
    found = text.find(phrase)
    if found < 0 or not phrase:
        return None
    return sentence_bounds(text, found, found + len(phrase))


def quote_text(quote: Quote, corpus: Corpus | None = None) -> QuoteText:
    """Resolve ``quote`` in the corpus: the sentence(s) carrying its phrase, as printed.

    Raises :class:`QuoteError` (naming the file and quote id) when the article,
    the paragraph or the phrase cannot be found.
    """
    corpus = default_corpus(corpus)
    if quote.article_id not in corpus.ids:
        raise QuoteError(quote.where, f"no article {quote.article_id!r} in the catalog")
    try:
        paragraph = corpus.paragraph(quote.paragraph)
    except KeyError:
        count = len(corpus[quote.article_id].paragraphs)
        raise QuoteError(
            quote.where, f"no paragraph {quote.paragraph} (the article has p001 to p{count:03d})"
        ) from None
    text = paragraph.text
    found = text.find(quote.phrase)
    if found < 0:
        if to_simplified(quote.phrase) in to_simplified(text):
            problem = "the phrase occurs only in the other script: copy it as printed"
        else:
            problem = "the phrase does not occur in the paragraph (copy it from the text as printed)"
        raise QuoteError(quote.where, f"{problem}: {quote.phrase!r} in {quote.paragraph}")
    start, end = sentence_bounds(text, found, found + len(quote.phrase))
    sentence = text[start:end]
    offset = found - start
    article = corpus[quote.article_id]
    markers = tuple(((note.offset or 0) - start, note) for note in article.notes_within(paragraph.id, start, end))
    return QuoteText(
        quote=quote,
        sentence=sentence,
        before=sentence[:offset],
        phrase=quote.phrase,
        after=sentence[offset + len(quote.phrase) :],
        start=start,
        end=end,
        markers=markers,
    )


def note_label(note: Note) -> str:
    """A note as a reader cites it: its marker and any page locator printed with it.

    >>> note_label(Note("a:n01", "[5]", "", 1, "a:p001", "（P.66）", 3))
    '[5] (P.66)'
    """
    locator = note.locator.strip().replace("（", "(").replace("）", ")")
    return f"{note.marker} {locator}".strip()


def marked_sentence(text: QuoteText) -> str:
    """The sentence with its note markers put back where they stood (locators included).

    >>> sentence = marked_sentence(quote_text(find_quote("central-asia-2007", "verdict")))
    >>> sentence.endswith("。[1]")
    True
    """
    pieces, last = [], 0
    for position, note in text.markers:
        pieces += [text.sentence[last:position], note.marker + note.locator.strip()]
        last = position
    return "".join(pieces) + text.sentence[last:]


#: Words that hedge a claim, in both scripts, which a quote's note may gloss ("應該 = 'presumably'").
HEDGE_WORDS = ("或許", "也許", "應該", "似乎", "儼然", "可能", "或將", "有望", "恐怕", "大概", "或")
_GLOSS_AFTER = r"\s*(?:=|\(|（|'|‘|“)"


def glossed_hedges(note: str) -> list[str]:
    """The hedge words a note glosses: a hedge followed by ``=``, a bracket or a quotation mark.

    >>> glossed_hedges("應該 = 'presumably': the author infers it. 可能性 is not glossed.")
    ['應該']
    >>> glossed_hedges("似乎 ('seems') and 有望 'are expected to'")
    ['似乎', '有望']
    """
    forms = sorted({form for word in HEDGE_WORDS for form in (word, to_simplified(word))}, key=len, reverse=True)
    pattern = re.compile(rf"(?<![\u3400-\u9fff])({'|'.join(forms)}){_GLOSS_AFTER}")
    return list(dict.fromkeys(match.group(1) for match in pattern.finditer(note)))


def check_quotes(article_id: str, corpus: Corpus | None = None, folder: str | Path | None = None) -> list[str]:
    """Every problem with an article's quote file (empty when fine): unknown article, paragraph or phrase.

    >>> check_quotes("central-asia-2007")
    []
    """
    corpus = default_corpus(corpus)
    problems = []
    path = Path(folder or QUOTES_DIR) / f"{article_id}.toml"
    if path.is_file() and article_id not in corpus.ids:
        return [f"{path}: no article {article_id!r} in the catalog"]
    for quote in load_quotes(article_id, folder).values():
        try:
            shown = quote_text(quote, corpus)
        except QuoteError as error:
            problems.append(str(error))
            continue
        problems += [
            f"{quote.where}: the note glosses {word} but the sentence has no {word} (a note moved to the wrong quote?)"
            for word in glossed_hedges(quote.note)
            if to_simplified(word) not in to_simplified(shown.sentence)
        ]
        if quote.voice is Voice.CITED and not shown.markers and not quote.speaker:
            problems.append(
                f"{quote.where}: voice is 'cited' but the sentence holds no note marker; "
                'name the source in speaker (e.g. speaker = "[5] P.66") and say in note where it is cited'
            )
    return problems


def find_quote(article_id: str, quote_id: str, folder: str | Path | None = None) -> Quote:
    """One quote by id; an unknown id names the ids that exist.

    >>> find_quote("japan-us-2021", "softened-on-china").paragraph
    'japan-us-2021:p024'
    """
    quotes = load_quotes(article_id, folder)
    if quote_id not in quotes:
        path = Path(folder or QUOTES_DIR) / f"{article_id}.toml"
        known = ", ".join(quotes) or "(none: the file is missing or empty)"
        raise QuoteError(str(path), f"no quote {quote_id!r}; the quotes are: {known}")
    return quotes[quote_id]
