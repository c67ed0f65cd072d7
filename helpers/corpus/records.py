"""The records an article is made of.

Every record keeps the line number (1-based) of the raw file it came from, so a
student can always go back from a cleaned paragraph to the extraction it was
made from.

>>> Heading(level=1, text="一、前言", line=3).level
1
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..text.cleaning import split_lines
from .vocabulary import FrontKind, LedgerTarget, RemovedKind, Script, SourceFormat


@dataclass(frozen=True)
class Heading:
    """A heading as printed, numbering included (``壹、``, ``一、``, ``（一）``).

    ``level`` is 0 for the title, then 1, 2, 3 for ever deeper sections.
    """

    level: int
    text: str
    line: int


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph.

    ``id`` is ``<article id>:p<NNN>`` (numbered from 1 in reading order) and
    ``section`` is the tuple of the texts of the headings that enclose it, outermost
    first (the title is not included).
    """

    id: str
    text: str
    section: tuple[str, ...]
    lines: tuple[int, ...]
    note_ids: tuple[str, ...] = ()

    @property
    def line(self) -> int:
        """The raw line on which the paragraph starts."""
        return self.lines[0]


@dataclass(frozen=True)
class Note:
    """A footnote or reference.

    ``marker`` is the marker as printed (``①``, ``[3]``, ``〔12〕``, ``1``, ``*``).
    ``text`` is the note's text, empty when the source prints a marker but not the
    note itself (a reference list the extraction left out). ``locator`` is a page
    reference printed with the marker, such as ``（P.65）``. ``para_id`` is the
    paragraph whose text carried the marker (empty for a note on the title or
    byline, or for a note whose marker was not found). ``offset`` is where the
    marker stood in that paragraph's cleaned text, which has the markers taken
    out: the marker followed ``paragraph.text[:offset]`` (None when ``para_id``
    is empty).
    """

    id: str
    marker: str
    text: str
    line: int
    para_id: str = ""
    locator: str = ""
    offset: int | None = None


@dataclass(frozen=True)
class Caption:
    """A figure or table caption (``图1 …``, ``表2 …``), with any note under it."""

    label: str
    text: str
    line: int
    note: str = ""


@dataclass(frozen=True)
class TableBlock:
    """A table that the extraction wrote out as one cell per line.

    ``cells`` keeps the cell texts in reading order (header cells first);
    ``source`` is the "資料來源" line printed under the table. Parsing the cells
    into rows is left to the code that knows the table's shape.
    """

    id: str
    caption: str
    cells: tuple[str, ...]
    source: str
    line: int
    cell_lines: tuple[int, ...] = ()


@dataclass(frozen=True)
class FrontMatter:
    """A labelled block before (or beside) the body: abstract, keywords, byline…

    ``kind`` is a :class:`~helpers.corpus.vocabulary.FrontKind` (abstract,
    keywords, byline…), which compares equal to its word (``kind == "abstract"``).
    """

    kind: FrontKind
    text: str
    line: int

    def __post_init__(self) -> None:
        # A kind given as a word (from a test or a teacher's code) is checked here, once.
        object.__setattr__(self, "kind", FrontKind.parse(self.kind, f"line {self.line}"))


@dataclass(frozen=True)
class Removed:
    """Something the cleaner dropped, with the reason it was dropped.

    ``kind`` is a :class:`~helpers.corpus.vocabulary.RemovedKind` (page-number,
    running-head, web-furniture…); ``reason`` says it in a sentence.
    """

    kind: RemovedKind
    text: str
    line: int
    reason: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", RemovedKind.parse(self.kind, f"line {self.line}"))


@dataclass(frozen=True)
class LedgerEntry:
    """One piece of one raw line, and where it went.

    ``target`` is the :class:`~helpers.corpus.vocabulary.LedgerTarget` that
    received the piece (the title, a heading, paragraph, note, caption, table,
    front-matter block or removed piece, or a note marker); ``str(target)`` is its
    string form (``title``, ``heading:<n>``, ``<article id>:p004``…). Whitespace is
    not entered in the ledger.
    """

    line: int
    column: int
    text: str
    target: LedgerTarget

    def __post_init__(self) -> None:
        if isinstance(self.target, str):
            object.__setattr__(self, "target", LedgerTarget.parse(self.target))


@dataclass
class Article:
    """A cleaned, structured article.

    ``raw`` is the file's text exactly as decoded; everything else is derived
    from it. ``text`` is the body paragraphs joined by a blank line. ``script``
    is a :class:`~helpers.corpus.vocabulary.Script` and ``source_format`` a
    :class:`~helpers.corpus.vocabulary.SourceFormat`; for a file that is not plain
    text (PDF, HTML, markdown, Word), ``raw`` is what its reader extracted, one
    block per line, and ``extraction_problems`` lists any characters of the file
    the reader lost.
    """

    id: str
    title: str
    authors: tuple[str, ...]
    year: int | None
    script: Script
    source_file: str
    raw: str
    headings: list[Heading] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    tables: list[TableBlock] = field(default_factory=list)
    front_matter: list[FrontMatter] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    ledger: list[LedgerEntry] = field(default_factory=list, repr=False)
    metadata: dict[str, str] = field(default_factory=dict)
    encoding: str = "utf-8"
    source_format: SourceFormat = SourceFormat.TEXT
    extraction_problems: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        self.script = Script.parse(self.script, self.id)
        self.source_format = SourceFormat.parse(self.source_format, self.id)

    @property
    def text(self) -> str:
        """The body paragraphs joined by a blank line."""
        return "\n\n".join(p.text for p in self.paragraphs)

    @property
    def raw_lines(self) -> list[str]:
        """The raw file's lines: line ``n`` (as every record's ``line`` counts) is ``raw_lines[n - 1]``.

        >>> Article("a", "", (), None, Script.TRADITIONAL, "", "標題\\f續\\r\\n正文").raw_lines
        ['標題\\x0c續', '正文']
        """
        return split_lines(self.raw)

    def paragraph(self, para_id: str) -> Paragraph:
        """Return the paragraph with this id (``abe-beijing-2018:p007`` or ``p007``)."""
        wanted = para_id if ":" in para_id else f"{self.id}:{para_id}"
        for paragraph in self.paragraphs:
            if paragraph.id == wanted:
                return paragraph
        raise KeyError(f"{self.id}: no paragraph {para_id!r}")

    def notes_within(self, para_id: str, start: int, end: int) -> list[Note]:
        """The notes whose markers stood in ``paragraph.text[start:end]``, in text order.

        A marker belongs to the text before it, so one standing at ``start``
        (right after the previous sentence) is left out, and one at ``end`` is in.

        >>> article = Article("demo", "", (), None, Script.SIMPLIFIED, "", "")
        >>> article.notes = [Note("demo:n01", "[1]", "", 3, "demo:p001", "", 4), Note("demo:n02", "[2]", "", 3, "demo:p001", "", 7)]
        >>> [n.marker for n in article.notes_within("p001", 4, 7)]
        ['[2]']
        """
        wanted = para_id if ":" in para_id else f"{self.id}:{para_id}"
        found = [n for n in self.notes if n.para_id == wanted and n.offset is not None and start < n.offset <= end]
        return sorted(found, key=lambda n: n.offset or 0)

    def abstract(self) -> str:
        """The abstract, or an empty string when the article prints none."""
        return "".join(f.text for f in self.front_matter if f.kind is FrontKind.ABSTRACT)

    def __repr__(self) -> str:
        return (
            f"Article(id={self.id!r}, title={self.title!r}, script={str(self.script)!r}, "
            f"paragraphs={len(self.paragraphs)}, headings={len(self.headings)}, "
            f"notes={len(self.notes)})"
        )
