"""Read the files teachers bring (PDF, saved web pages, markdown, Word) into blocks of text.

Each reader turns a file into an :class:`Extraction`: one :class:`Block` per
paragraph, heading, note, caption or removed piece, in reading order, with the
role the file's layout or tags give it. The rendering (one line per block, a
blank line between blocks) is what :func:`helpers.structure.build_article`
cleans, with the roles passed as hints; lines without a role are read as in a
plain text (bylines, abstracts, metadata lines, note markers).

Nothing is lost on the way: :meth:`Extraction.lost` lists every Han character of
the original file (for HTML, its attributes, comments and scripts included) that
the rendering does not hold.

>>> extraction = read_bytes("# 標題\\n\\n正文。".encode(), "markdown", "x.md")
>>> extraction.text
'標題\\n\\n正文。'
>>> extraction.lost()
[]
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ...text.cleaning import han, join_lines
from ..structure import LineHint
from ..vocabulary import FrontKind, RemovedKind, Role, SourceFormat

#: File name endings and the format each is read as; anything else is a plain text.
SUFFIXES = {
    ".pdf": SourceFormat.PDF,
    ".html": SourceFormat.HTML,
    ".htm": SourceFormat.HTML,
    ".xhtml": SourceFormat.HTML,
    ".md": SourceFormat.MARKDOWN,
    ".markdown": SourceFormat.MARKDOWN,
    ".docx": SourceFormat.DOCX,
}
#: The formats a reader exists for (``text`` goes to the plain-text cleaner directly).
FORMATS = tuple(fmt.value for fmt in SourceFormat)


@dataclass(frozen=True)
class Block:
    """One paragraph-sized piece of a file, with the role its layout gives it.

    ``role`` is None when the layout says nothing (the cleaner decides), else a
    :class:`helpers.structure.LineHint` role, with the hint's ``kind``. ``where``
    says where in the original it was found (``page 2``, ``<nav>``, ``footnote 3``).
    """

    text: str
    role: Role | None = None
    kind: FrontKind | RemovedKind | None = None
    level: int = 0
    reason: str = ""
    where: str = ""


@dataclass
class Extraction:
    """A file read into blocks, and the Han characters of the original to account for."""

    format: SourceFormat
    blocks: list[Block]
    source_han: Counter = field(default_factory=Counter)
    where: str = ""

    @property
    def text(self) -> str:
        """One line per block, blocks separated by a blank line."""
        return "\n\n".join(_one_line(block.text) for block in self.blocks)

    def line_of(self, index: int) -> int:
        """The line of the rendering on which block ``index`` stands."""
        return 2 * index + 1

    def hints(self) -> dict[int, LineHint]:
        """The roles of the blocks, by rendering line, for :func:`build_article`."""
        return {
            self.line_of(i): LineHint(b.role, b.kind, b.level, b.reason) for i, b in enumerate(self.blocks) if b.role
        }

    def corrections(self) -> dict[int, str]:
        """Every block is its own paragraph: none runs into the next."""
        return {self.line_of(i): "break" for i in range(len(self.blocks))}

    def lost(self) -> list[str]:
        """Han characters of the original that the rendering does not hold (should be empty)."""
        missing = self.source_han - Counter(han(self.text))
        if not missing:
            return []
        chars = "".join(sorted(missing.elements()))
        message = (
            f"{self.where or 'the file'}: {sum(missing.values())} Han character(s) of the original are missing "
            f"from what the {self.format} reader extracted: {chars[:40]!r}"
        )
        return [message]


def _one_line(text: str) -> str:
    lines = list(text.replace("\r", "\n").split("\n"))
    return join_lines(lines) if len(lines) > 1 else text.strip()


def format_of(path: str | Path, data: bytes | None = None) -> SourceFormat:
    """The format a file is read as: from its name, else from its first bytes.

    >>> [str(fmt) for fmt in (format_of("a.PDF"), format_of("b.htm"), format_of("c.txt"), format_of("d", b"%PDF-1.7"))]
    ['pdf', 'html', 'text', 'pdf']
    """
    suffix = Path(path).suffix.lower()
    if suffix in SUFFIXES:
        return SUFFIXES[suffix]
    head = (data or b"")[:1024]
    if head.startswith(b"%PDF"):
        return SourceFormat.PDF
    if head.startswith(b"PK\x03\x04") and b"word/" in (data or b"")[:4096]:
        return SourceFormat.DOCX
    lowered = head.lstrip(b"\xef\xbb\xbf \r\n\t").lower()
    if lowered.startswith((b"<!doctype html", b"<html")):
        return SourceFormat.HTML
    return SourceFormat.TEXT


def read_bytes(data: bytes, fmt: SourceFormat | str, where: str) -> Extraction:
    """Read a file's bytes with the reader for ``fmt``.

    Raises :class:`helpers.errors.CorpusError` (naming ``where``) when the file is
    not what its name says or cannot be read.
    """
    fmt = SourceFormat.parse(fmt, where)
    if fmt is SourceFormat.PDF:
        from . import pdf

        extraction = pdf.read_pdf(data, where)
    elif fmt is SourceFormat.HTML:
        from . import html

        extraction = html.read_html(data, where)
    elif fmt is SourceFormat.MARKDOWN:
        from . import markdown

        extraction = markdown.read_markdown(data, where)
    elif fmt is SourceFormat.DOCX:
        from . import docx

        extraction = docx.read_docx(data, where)
    else:
        raise ValueError(f"no reader for the format {fmt!r}; choose from {FORMATS[1:]}")
    extraction.where = where
    return extraction
