"""Read a Word file (.docx) with python-docx: paragraph styles, footnotes, headers.

Word says what each paragraph is by its style: ``Title`` is the title (or, when
no paragraph has that style, a single ``Heading 1`` at the top), ``Heading N``
(``標題 N``, ``标题 N``) a heading of level N, the rest body paragraphs, which the
cleaner reads for bylines, abstracts and metadata lines. A footnote reference
becomes a marker ``[^N]`` in the text and the footnote (from the file's
footnotes part, which python-docx does not expose) a note ``[^N]: …``. Page
headers and footers are removed as running heads; the file's properties (title,
author) are kept as removed blocks, since they are often a template's.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter

from lxml import etree

from ...errors import CorpusError
from ...text.cleaning import han, join_lines
from ..vocabulary import RemovedKind, Role, SourceFormat
from . import Block, Extraction

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_HEADING_STYLE = re.compile(r"^(?:Heading|標題|标题|見出し)\s*(\d)$", re.IGNORECASE)


def _q(name: str) -> str:
    return f"{{{W}}}{name}"


def read_docx(data: bytes, where: str) -> Extraction:
    """Read a .docx file's bytes into blocks (see the module's docstring)."""
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise CorpusError(
            where, f"not a readable Word (.docx) file ({error}); an old .doc must be saved as .docx first"
        ) from None
    source: list[str] = []
    paragraphs = []
    for element in document.element.body.iterchildren():
        if element.tag == _q("p"):
            style = element.find(f"{_q('pPr')}/{_q('pStyle')}")
            style_id = style.get(_q("val")) if style is not None else ""
            paragraphs.append((_style_name(document, style_id), _paragraph_text(element)))
        elif element.tag == _q("tbl"):
            for row in element.iter(_q("tr")):
                cells = [join_lines([_paragraph_text(p) for p in cell.iter(_q("p"))]) for cell in row.iter(_q("tc"))]
                paragraphs.append(("table", "　".join(c for c in cells if c)))
    source.append(han("".join(t.text or "" for t in document.element.body.iter(_q("t")))))

    blocks: list[Block] = []
    titles = [i for i, (style, text) in enumerate(paragraphs) if text.strip() and style.lower() == "title"]
    heading_1 = [i for i, (style, text) in enumerate(paragraphs) if text.strip() and _level(style) == 1]
    first_text = next((i for i, (_, text) in enumerate(paragraphs) if text.strip()), None)
    title_at = titles[0] if titles else (heading_1[0] if len(heading_1) == 1 and heading_1[0] == first_text else None)
    shift = 1 if title_at is not None and not titles else 0
    for index, (style, text) in enumerate(paragraphs):
        if not text.strip():
            continue
        where_ = f"paragraph {index + 1} ({style or 'Normal'})"
        level = _level(style)
        if index == title_at:
            blocks.append(Block(text, Role.TITLE, where=where_))
        elif level:
            blocks.append(Block(text, Role.HEADING, level=max(1, min(level - shift, 3)), where=where_))
        else:
            blocks.append(Block(text, None, where=where_))

    for part in ("word/footnotes.xml", "word/endnotes.xml"):
        if part not in archive.namelist():
            continue
        root = etree.fromstring(archive.read(part))
        source.append(han("".join(t.text or "" for t in root.iter(_q("t")))))
        tag = "footnote" if "foot" in part else "endnote"
        for note in root.iter(_q(tag)):
            if note.get(_q("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            text = join_lines([_paragraph_text(p) for p in note.iter(_q("p"))]).strip()
            if text:
                blocks.append(Block(f"[^{note.get(_q('id'))}]: {text}", Role.NOTE, where=f"{tag} {note.get(_q('id'))}"))
    for part in sorted(n for n in archive.namelist() if re.match(r"word/(header|footer)\d*\.xml$", n)):
        root = etree.fromstring(archive.read(part))
        source.append(han("".join(t.text or "" for t in root.iter(_q("t")))))
        for paragraph in root.iter(_q("p")):
            text = _paragraph_text(paragraph)
            if text.strip():
                blocks.append(
                    Block(
                        text,
                        Role.REMOVED,
                        RemovedKind.RUNNING_HEAD,
                        reason="the Word file's page header or footer (a running head)",
                        where=part,
                    )
                )
    properties = document.core_properties
    for name in ("title", "author", "subject", "keywords", "comments"):
        value = getattr(properties, name, "") or ""
        if han(value):
            source.append(han(value))
            blocks.append(
                Block(
                    value,
                    Role.REMOVED,
                    RemovedKind.FILE_PROPERTY,
                    reason=f"the Word file's {name!r} property (often left over from a template)",
                    where="document properties",
                )
            )
    return Extraction(SourceFormat.DOCX, blocks, Counter("".join(source)))


def _style_name(document, style_id: str) -> str:
    if not style_id:
        return ""
    try:
        return document.styles.get_by_id(style_id, 1).name or style_id  # 1: WD_STYLE_TYPE.PARAGRAPH
    except (KeyError, ValueError, AttributeError):
        return style_id


def _level(style: str) -> int:
    match = _HEADING_STYLE.match(style.strip())
    return int(match.group(1)) if match else 0


def _paragraph_text(paragraph: etree._Element) -> str:
    pieces = []
    for element in paragraph.iter(_q("t"), _q("tab"), _q("br"), _q("footnoteReference"), _q("endnoteReference")):
        if element.tag == _q("t"):
            pieces.append(element.text or "")
        elif element.tag == _q("tab"):
            pieces.append(" ")
        elif element.tag == _q("br"):
            pieces.append("\n")
        else:
            pieces.append(f"[^{element.get(_q('id'))}]")
    return join_lines("".join(pieces).split("\n"))
