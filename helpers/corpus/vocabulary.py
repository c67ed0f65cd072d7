"""The corpus's vocabulary: the roles, kinds and record names the parser writes and others read.

Each word is defined here once, as a member of an enum whose members *are*
strings: ``FrontKind.ABSTRACT == "abstract"``, ``f"{kind:12}"`` pads the word,
and ``str(kind)`` is the word, so notebooks and data files that hold the plain
word keep working. Code that writes or compares a word uses the member, so a
typo is an ``AttributeError`` (and a mypy error), not a silent mismatch. A word
that comes in from outside (a format reader's hint, a data file, a user) is
converted once, with :meth:`Vocabulary.parse`, which names the bad word and the
allowed ones.

>>> FrontKind.parse("abstract") == "abstract", f"[{FrontKind.BYLINE:8}]"
(True, '[byline  ]')
>>> FrontKind.parse("abstarct")
Traceback (most recent call last):
...
helpers.corpus.vocabulary.VocabularyError: 'abstarct' is not a front-matter kind; the allowed ones are: abstract, keywords, byline, affiliation, subtitle, dateline, rubric, metadata
>>> str(LedgerTarget.parse("heading:3")), LedgerTarget.parse("demo:p004").kind
('heading:3', <TargetKind.PARAGRAPH: 'paragraph'>)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import TypeVar

_V = TypeVar("_V", bound="Vocabulary")


class VocabularyError(ValueError):
    """A word that is not in one of the corpus's vocabularies (the message names it and the allowed ones)."""


class Vocabulary(str, Enum):
    """Base of the vocabularies: a member is its word (``enum.StrEnum`` needs Python 3.11).

    ``describes`` (set on each subclass) says what the words name, for error messages.
    """

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)

    @classmethod
    def describes(cls) -> str:
        """What the words of this vocabulary name (``front-matter kind``), for error messages."""
        return cls.__name__

    @classmethod
    def parse(cls: type[_V], word: object, where: str = "") -> _V:
        """The member for ``word``; a :class:`VocabularyError` naming it and the allowed words if none.

        ``where`` (a file and line, a reader's name) is put before the message.

        >>> Script.parse("simplified") is Script.SIMPLIFIED
        True
        """
        if isinstance(word, cls):
            return word
        try:
            return cls(word)
        except ValueError:
            allowed = ", ".join(member.value for member in cls)
            prefix = f"{where}: " if where else ""
            raise VocabularyError(
                f"{prefix}{word!r} is not a {cls.describes()}; the allowed ones are: {allowed}"
            ) from None


class Role(Vocabulary):
    """What one raw line of an article is, as the parser (or a format reader's hint) decides.

    - ``title``: the article's title.
    - ``heading``: a section heading (its style or level is the line's :class:`HeadingStyle`).
    - ``heading-continued``: the second line of a heading that a PDF broke in two.
    - ``body``: a line of a body paragraph.
    - ``marker``: a line holding nothing but a note marker (or a lone number that is one).
    - ``note``: a line of a footnote or of the notes list.
    - ``caption``: a figure or table caption, or the note under a figure caption.
    - ``table``: a table cell or the source line under a table (see :class:`CaptionPart`).
    - ``front``: front matter: abstract, keywords, byline… (see :class:`FrontKind`).
    - ``removed``: dropped by the cleaner, with a reason (see :class:`RemovedKind`).
    - ``blank``: an empty line.
    """

    TITLE = "title"
    HEADING = "heading"
    HEADING_CONTINUED = "heading-continued"
    BODY = "body"
    MARKER = "marker"
    NOTE = "note"
    CAPTION = "caption"
    TABLE = "table"
    FRONT = "front"
    REMOVED = "removed"
    BLANK = "blank"

    @classmethod
    def describes(cls) -> str:
        return "line role"


class FrontKind(Vocabulary):
    """The kind of a block of front matter (:attr:`FrontMatter.kind <helpers.corpus.records.FrontMatter>`).

    - ``abstract``: the abstract (摘要, 內容提要), with its label.
    - ``keywords``: the keywords line (關鍵詞), with its label.
    - ``byline``: the author line.
    - ``affiliation``: the authors' affiliation or biography (作者簡介, 本文作者).
    - ``subtitle``: a subtitle or a line under the title that is not a byline.
    - ``dateline``: a date, or a web page's source and publication time.
    - ``rubric``: the journal's section name printed beside the title.
    - ``metadata``: a journal's or agency's apparatus: classification number, DOI,
      editor, original title…
    """

    ABSTRACT = "abstract"
    KEYWORDS = "keywords"
    BYLINE = "byline"
    AFFILIATION = "affiliation"
    SUBTITLE = "subtitle"
    DATELINE = "dateline"
    RUBRIC = "rubric"
    METADATA = "metadata"

    @classmethod
    def describes(cls) -> str:
        return "front-matter kind"


class RemovedKind(Vocabulary):
    """What a piece the cleaner dropped was (:attr:`Removed.kind <helpers.corpus.records.Removed>`).

    Found in the text by the cleaner:

    - ``page-number``: a page number.
    - ``running-head``: a running head or foot repeated on each page.
    - ``notes-header``: the header of the notes list (註釋); the notes are kept.
    - ``rule``: a markdown horizontal rule (a page separator).
    - ``page-title``: a web page's title bar that repeats the article's title.
    - ``web-furniture``: navigation, sharing, printing links, reading counters, QR codes.
    - ``web-boilerplate``: links to other articles after the end of the text.
    - ``language-switch``: a web page's language menu.

    Given by a format reader:

    - ``front-matter``: a markdown front-matter field about the file, not the text.
    - ``file-property``: a Word file's document property.
    - ``comment``: an HTML comment.
    - ``attribute``: an HTML attribute's text (an image's alt text, a title).
    - ``hidden``: the contents of an HTML element not shown (script, style…).
    - ``script``, ``style``, ``template``, ``noscript``: the same, for an HTML block
      inside markdown, named by its element.
    """

    PAGE_NUMBER = "page-number"
    RUNNING_HEAD = "running-head"
    NOTES_HEADER = "notes-header"
    RULE = "rule"
    PAGE_TITLE = "page-title"
    WEB_FURNITURE = "web-furniture"
    WEB_BOILERPLATE = "web-boilerplate"
    LANGUAGE_SWITCH = "language-switch"
    FRONT_MATTER = "front-matter"
    FILE_PROPERTY = "file-property"
    COMMENT = "comment"
    ATTRIBUTE = "attribute"
    HIDDEN = "hidden"
    SCRIPT = "script"
    STYLE = "style"
    TEMPLATE = "template"
    NOSCRIPT = "noscript"

    @classmethod
    def describes(cls) -> str:
        return "removed kind"


class CaptionPart(Vocabulary):
    """Which part of a caption or table a line is (lines with role ``caption`` or ``table``).

    - ``table-caption``: the caption of a table (表1 …), which starts a table.
    - ``cell``: one cell of a table written out one cell per line.
    - ``source``: the source line (資料來源) under a table.
    - ``caption-note``: the note (注：) under a figure caption.
    """

    TABLE_CAPTION = "table-caption"
    CELL = "cell"
    SOURCE = "source"
    CAPTION_NOTE = "caption-note"

    @classmethod
    def describes(cls) -> str:
        return "caption or table part"


class HeadingStyle(Vocabulary):
    """How a heading is numbered, outermost style first; the order of the styles an
    article uses gives its headings' levels.

    - ``upper``: 壹、貳、…
    - ``numeral``: 一、二、…
    - ``paren-numeral``: （一）（二）…
    - ``arabic``: 1. 2. …
    - ``paren-arabic``: （1）（2）…
    - ``plain``: an unnumbered heading that articles commonly use (前言, 結語…), level 1.
    - ``md1`` … ``md6``: an unnumbered markdown (or format reader's) heading of that
      many ``#``; ``md2`` is level 1.
    """

    UPPER = "upper"
    NUMERAL = "numeral"
    PAREN_NUMERAL = "paren-numeral"
    ARABIC = "arabic"
    PAREN_ARABIC = "paren-arabic"
    PLAIN = "plain"
    MD1 = "md1"
    MD2 = "md2"
    MD3 = "md3"
    MD4 = "md4"
    MD5 = "md5"
    MD6 = "md6"

    @classmethod
    def describes(cls) -> str:
        return "heading style"

    @classmethod
    def markdown(cls, hashes: int) -> HeadingStyle:
        """The style of a markdown heading with ``hashes`` ``#`` (1 to 6).

        >>> HeadingStyle.markdown(2)
        <HeadingStyle.MD2: 'md2'>
        """
        return cls.parse(f"md{hashes}")

    @property
    def markdown_level(self) -> int | None:
        """The number of ``#`` of a markdown style, None for a numbering style.

        >>> HeadingStyle.MD3.markdown_level, HeadingStyle.NUMERAL.markdown_level
        (3, None)
        """
        return int(self.value[2:]) if self.value.startswith("md") else None


#: The kinds a line can be given beside its role.
LineKind = FrontKind | RemovedKind | CaptionPart | HeadingStyle


class Script(Vocabulary):
    """The script an article is written in (:attr:`Article.script <helpers.corpus.records.Article>`).

    - ``traditional``: Traditional characters (Taipei).
    - ``simplified``: Simplified characters (Beijing).
    - ``unknown``: no character that only one script uses (or as many of each):
      the text reads the same in both. A catalog must say which script it is.
    """

    TRADITIONAL = "traditional"
    SIMPLIFIED = "simplified"
    UNKNOWN = "unknown"

    @classmethod
    def describes(cls) -> str:
        return "script"


class SourceFormat(Vocabulary):
    """The format of an article's file (:attr:`Article.source_format <helpers.corpus.records.Article>`).

    - ``text``: a plain text (an extraction from a PDF or a web page, or typed).
    - ``pdf``: a PDF file, read by the PDF reader.
    - ``html``: a saved web page.
    - ``markdown``: a markdown file (as a browser extension or pandoc writes it).
    - ``docx``: a Word document.
    """

    TEXT = "text"
    PDF = "pdf"
    HTML = "html"
    MARKDOWN = "markdown"
    DOCX = "docx"

    @classmethod
    def describes(cls) -> str:
        return "source format"


class TargetKind(Vocabulary):
    """The kind of record a piece of a raw line went to (:class:`LedgerTarget`).

    - ``title``: the title.
    - ``heading``: a heading, by its index in ``article.headings``.
    - ``paragraph``, ``note``, ``table``: a body paragraph, note or table, by its id.
    - ``caption``: a caption, by its index in ``article.captions``.
    - ``front``: front matter, by its index in ``article.front_matter``.
    - ``removed``: removed text, by its index in ``article.removed``.
    - ``marker``: a note marker (the note records where it stood).
    """

    TITLE = "title"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    NOTE = "note"
    CAPTION = "caption"
    TABLE = "table"
    FRONT = "front"
    REMOVED = "removed"
    MARKER = "marker"

    @classmethod
    def describes(cls) -> str:
        return "ledger target kind"


_BY_INDEX = (TargetKind.HEADING, TargetKind.CAPTION, TargetKind.FRONT, TargetKind.REMOVED)
_BY_ID = {"p": TargetKind.PARAGRAPH, "n": TargetKind.NOTE, "t": TargetKind.TABLE}
_LETTER = {kind: letter for letter, kind in _BY_ID.items()}
_INDEXED = re.compile(rf"^(?P<kind>{'|'.join(k.value for k in _BY_INDEX)}):(?P<index>\d+)$")
#: ``<article id>:p004`` (paragraph), ``<article id>:n03`` (note), ``<article id>:t1`` (table).
RECORD_ID = re.compile(r"^(?P<article>.+):(?P<letter>[pnt])(?P<number>\d+)$")


@dataclass(frozen=True)
class LedgerTarget:
    """The record that received a piece of a raw line (:attr:`LedgerEntry.target <helpers.corpus.records.LedgerEntry>`).

    ``index`` counts a heading, caption, front-matter block or removed piece in its
    list on the article; ``record_id`` is a paragraph's, note's or table's id. Its
    string form is ``title``, ``marker``, ``heading:<n>``, ``caption:<n>``,
    ``front:<n>``, ``removed:<n>`` or the record id.

    >>> target = LedgerTarget.parse("abe-beijing-2018:n03")
    >>> target.kind, target.article_id, str(target)
    (<TargetKind.NOTE: 'note'>, 'abe-beijing-2018', 'abe-beijing-2018:n03')
    >>> str(LedgerTarget(TargetKind.FRONT, 2)) == "front:2"
    True
    >>> LedgerTarget.parse("heading:two")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    helpers.corpus.vocabulary.VocabularyError: 'heading:two' is not a ledger target: ...
    """

    kind: TargetKind
    index: int | None = None
    record_id: str = ""

    def __post_init__(self) -> None:
        kind = TargetKind.parse(self.kind)
        object.__setattr__(self, "kind", kind)
        if kind in _BY_INDEX:
            if self.index is None or self.index < 0 or self.record_id:
                raise VocabularyError(f"a {kind} target needs an index >= 0 and no record id, not {self!r}")
        elif kind in _LETTER:
            match = RECORD_ID.match(self.record_id)
            if self.index is not None or not match or match.group("letter") != _LETTER[kind]:
                raise VocabularyError(
                    f"a {kind} target needs a record id '<article id>:{_LETTER[kind]}<number>', not {self!r}"
                )
        elif self.index is not None or self.record_id:
            raise VocabularyError(f"a {kind} target has no index or record id, not {self!r}")

    @classmethod
    def of_record(cls, record_id: str) -> LedgerTarget:
        """The target for a paragraph, note or table id (the kind is read from the id).

        >>> LedgerTarget.of_record("demo:t1").kind
        <TargetKind.TABLE: 'table'>
        """
        match = RECORD_ID.match(record_id)
        if not match:
            raise VocabularyError(f"{record_id!r} is not a paragraph, note or table id ('<article id>:p004')")
        return cls(_BY_ID[match.group("letter")], record_id=record_id)

    @classmethod
    def parse(cls, text: str) -> LedgerTarget:
        """Read a target from its string form; a :class:`VocabularyError` naming it if it is none."""
        if text in (TargetKind.TITLE.value, TargetKind.MARKER.value):
            return cls(TargetKind(text))
        indexed = _INDEXED.match(text)
        if indexed:
            return cls(TargetKind(indexed.group("kind")), int(indexed.group("index")))
        if RECORD_ID.match(text):
            return cls.of_record(text)
        raise VocabularyError(
            f"{text!r} is not a ledger target: expected 'title', 'marker', "
            f"{', '.join(repr(k.value + ':<n>') for k in _BY_INDEX)} "
            "or a paragraph, note or table id ('<article id>:p004', ':n03', ':t1')"
        )

    @property
    def article_id(self) -> str:
        """The article of a paragraph, note or table target ("" for the others)."""
        match = RECORD_ID.match(self.record_id)
        return match.group("article") if match else ""

    def __str__(self) -> str:
        if self.record_id:
            return self.record_id
        if self.index is not None:
            return f"{self.kind.value}:{self.index}"
        return self.kind.value


#: The targets that have no index or id.
TITLE = LedgerTarget(TargetKind.TITLE)
MARKER = LedgerTarget(TargetKind.MARKER)


def split_record_id(record_id: str) -> tuple[str, str]:
    """The article id and the short id (``p004``, ``n03``, ``t1``) of a paragraph, note or table id.

    >>> split_record_id("abe-beijing-2018:p004")
    ('abe-beijing-2018', 'p004')
    >>> split_record_id("p004")
    Traceback (most recent call last):
    ...
    helpers.corpus.vocabulary.VocabularyError: 'p004' is not a paragraph, note or table id ('<article id>:p004')
    """
    match = RECORD_ID.match(record_id)
    if not match:
        raise VocabularyError(f"{record_id!r} is not a paragraph, note or table id ('<article id>:p004')")
    return match.group("article"), record_id[len(match.group("article")) + 1 :]


def short_id(record_id: str) -> str:
    """A paragraph's, note's or table's id without its article: ``p004`` for ``abe-beijing-2018:p004``."""
    return split_record_id(record_id)[1]


def article_of(record_id: str) -> str:
    """The article id of a paragraph, note or table id: ``abe-beijing-2018`` for ``abe-beijing-2018:p004``."""
    return split_record_id(record_id)[0]
