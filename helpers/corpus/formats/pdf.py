"""Read a PDF from its characters' positions and sizes (pdfplumber, over pdfminer.six).

A text extraction loses what tells a reader where a paragraph starts; the PDF
itself keeps it. Every character comes with its page, position and font size,
so that:

- the largest type on the first page is the title (over one line or several);
- larger type than the body is a heading, and the sizes, largest first, give
  the heading levels;
- a line in the top margin is a running head, a number in the bottom margin a
  page number (both removed, with the reason);
- smaller type under the last body line of a page is a footnote, which begins
  at its marker (① or a number) and may run over several lines;
- in the body, a line indented by about two characters starts a paragraph, and
  a paragraph that reaches the foot of a page goes on at the top of the next
  unless that line is indented; small raised characters in a line are note
  markers (a number becomes ``[^1]``, so that it cannot be read as text).

Lines before the first heading in body or smaller type (byline, abstract,
keywords, classification numbers) are left to the cleaner, which knows them by
their labels.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from ...errors import CorpusError
from ...text.cleaning import han, join_lines
from ..vocabulary import RemovedKind, Role, SourceFormat
from . import Block, Extraction

#: Type at least this much larger than the body's is a heading (the title is the largest on page 1).
HEADING_RATIO = 1.08
#: Type at most this much of the body's is a note or a superscript marker.
SMALL_RATIO = 0.9
#: The top and bottom margins, as shares of the page's height, where running heads and page numbers sit.
MARGIN_SHARE = 0.085
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAGE_NUMBER = re.compile(r"^(?:[-—–·]\s*)?(?:第\s*)?\d{1,4}(?:\s*[頁页])?(?:\s*[-—–·])?$|^\d{1,4}\s*/\s*\d{1,4}$")


@dataclass
class _PdfLine:
    page: int
    top: float
    bottom: float
    chars: list[dict] = field(default_factory=list)
    size: float = 0.0
    x0: float = 0.0
    x1: float = 0.0
    text: str = ""
    page_height: float = 0.0


def read_pdf(data: bytes, where: str) -> Extraction:
    """Read a PDF's bytes into blocks (see the module's docstring)."""
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    lines: list[_PdfLine] = []
    source = []
    quiet = logging.getLogger("pdfminer")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # pdfminer warns about every font it cannot measure, which changes nothing here
    try:
        with pdfplumber.open(io.BytesIO(data)) as document:
            for number, page in enumerate(document.pages, start=1):
                chars = [dict(c, text=radicals_to_ideographs(c["text"])) for c in page.chars if c["text"].strip()]
                source.append(han("".join(c["text"] for c in chars)))
                lines += _lines(chars, number, float(page.height))
    except (PDFSyntaxError, PdfminerException, ValueError, KeyError, TypeError) as error:
        raise CorpusError(where, f"not a readable PDF ({type(error).__name__}: {error})") from None
    finally:
        quiet.setLevel(level)
    if not lines:
        raise CorpusError(where, "the PDF has no text (a scan needs OCR first, e.g. with ocrmypdf)")
    body = _body_size(lines)
    for line in lines:
        line.text = _line_text(line, body)
    return Extraction(SourceFormat.PDF, _blocks(lines, body), Counter("".join(source)))


def radicals_to_ideographs(text: str) -> str:
    """Kangxi and supplementary radicals as the ideographs they stand for.

    Fonts such as Noto Sans CJK draw 日 and the radical ⽇ with one glyph, so a PDF
    may map the glyph back to the radical: the text then reads ⽇本 for 日本.
    Unicode's compatibility mapping gives the ideograph back (and a few look-alike
    punctuation marks are put back too).

    >>> radicals_to_ideographs("⽇本⼤学\u2329⻅\u232a")
    '日本大学〈见〉'
    """
    return "".join(
        _SIMPLIFIED_RADICALS.get(c)
        or _LOOKALIKES.get(c)
        or (unicodedata.normalize("NFKC", c) if "\u2f00" <= c <= "\u2fdf" else c)
        for c in text
    )


# Punctuation drawn with the glyph of a look-alike: 〈〉 (U+3008, U+3009) come back as the
# angle brackets U+2329, U+232A (their canonical equivalents), ／ as the division slash.
_LOOKALIKES = {"\u2329": "〈", "\u232a": "〉", "\u2215": "／"}
# The supplementary radicals of simplified characters have no compatibility mapping in Unicode.
_SIMPLIFIED_RADICALS = dict(
    zip("⻅⻉⻋⻓⻔⻘⻚⻛⻜⻝⻢⻥⻦⻩⻬⻮⻰⻳⻆⻣⻤⻨⻪⻭⻯", "见贝车长门青页风飞食马鱼鸟黄齐齿龙龟角骨鬼麦黾鼎龙")
)


def _lines(chars: list[dict], page: int, height: float) -> list[_PdfLine]:
    """Group a page's characters into lines: characters that overlap vertically share a line."""
    lines: list[_PdfLine] = []
    for char in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        for line in reversed(lines[-3:]):
            overlap = min(line.bottom, char["bottom"]) - max(line.top, char["top"])
            if overlap > 0.3 * min(char["size"], line.bottom - line.top):
                line.chars.append(char)
                line.top, line.bottom = min(line.top, char["top"]), max(line.bottom, char["bottom"])
                break
        else:
            lines.append(_PdfLine(page, char["top"], char["bottom"], [char], page_height=height))
    for line in lines:
        line.chars.sort(key=lambda c: c["x0"])
        sizes = Counter(round(c["size"], 1) for c in line.chars)
        line.size = sizes.most_common(1)[0][0]
        line.x0, line.x1 = line.chars[0]["x0"], line.chars[-1]["x1"]
    return lines


def _body_size(lines: list[_PdfLine]) -> float:
    counts: Counter = Counter()
    for line in lines:
        counts[line.size] += len(line.chars)
    return counts.most_common(1)[0][0]


def _line_text(line: _PdfLine, body: float) -> str:
    """The line's text; small raised numbers in a body-size line become ``[^n]`` markers."""
    pieces: list[str] = []
    previous = None
    index = 0
    chars = line.chars
    while index < len(chars):
        char = chars[index]
        small = char["size"] <= line.size * 0.8 and line.size >= body * SMALL_RATIO
        if small and char["text"] in "0123456789":
            digits = char["text"]
            while (
                index + 1 < len(chars)
                and chars[index + 1]["text"] in "0123456789"
                and chars[index + 1]["size"] <= line.size * 0.8
            ):
                index += 1
                digits += chars[index]["text"]
            pieces.append(f"[^{digits}]")
            previous = chars[index]
            index += 1
            continue
        if previous is not None and char["x0"] - previous["x1"] > 0.25 * char["size"] and not pieces[-1].endswith(" "):
            pieces.append(" ")
        pieces.append(char["text"])
        previous = char
        index += 1
    return "".join(pieces).strip()


def _blocks(lines: list[_PdfLine], body: float) -> list[Block]:
    first_page = [pdf_line for pdf_line in lines if pdf_line.page == 1 and not _in_margin(pdf_line)]
    title_size = max((pdf_line.size for pdf_line in first_page), default=body)
    has_title = title_size >= body * 1.3
    heading_sizes = sorted(
        {
            pdf_line.size
            for pdf_line in lines
            if body * HEADING_RATIO <= pdf_line.size
            and not (has_title and pdf_line.size == title_size)
            and not _in_margin(pdf_line)
        },
        reverse=True,
    )
    body_lines = [pdf_line for pdf_line in lines if abs(pdf_line.size - body) < 0.5 and not _in_margin(pdf_line)]
    left = Counter(round(pdf_line.x0) for pdf_line in body_lines).most_common(1)[0][0] if body_lines else 0
    right = max((pdf_line.x1 for pdf_line in body_lines), default=0)

    blocks: list[Block] = []
    current: list[_PdfLine] = []
    current_role: Role | None = None
    current_level = 0
    seen_heading = False

    # The last body paragraph, as (index in blocks, its lines): a paragraph cut by the foot of
    # a page goes on at the top of the next one, after the notes and margins in between.
    suspended: list[tuple[int, list[_PdfLine]]] = []

    def close() -> None:
        nonlocal current, current_role
        if current and current_role is None and abs(current[-1].size - body) < 0.5:
            suspended[:] = [(len(blocks), list(current))]
        elif current and current_role in (Role.TITLE, Role.HEADING):
            suspended.clear()
        if current:
            text = join_lines([pdf_line.text for pdf_line in current])
            if current_role is Role.NOTE and not _starts_note(text):
                current_role = None  # small type at the foot without a marker: an author's note, left to the cleaner
            if current_role is Role.NOTE:
                # A numbered foot note is written as markdown writes one, so that its number is read as a marker.
                text = re.sub(r"^(?:\[\^(\d{1,3})\]|(\d{1,3}))\s*", lambda m: f"[^{m.group(1) or m.group(2)}]: ", text)
            where = f"page {current[0].page}" + (f"-{current[-1].page}" if current[-1].page != current[0].page else "")
            blocks.append(
                Block(text, current_role, level=current_level if current_role is Role.HEADING else 0, where=where)
            )
        current, current_role = [], None

    last_body_bottom = {
        page: max((pdf_line.bottom for pdf_line in body_lines if pdf_line.page == page), default=0)
        for page in {pdf_line.page for pdf_line in lines}
    }
    for line in lines:
        where = f"page {line.page}"
        if _in_margin(line):
            if current_role is Role.NOTE or (current and current[-1].page != line.page):
                close()
            top = line.top < line.page_height * MARGIN_SHARE
            if not top and _PAGE_NUMBER.match(line.text):
                blocks.append(
                    Block(line.text, Role.REMOVED, RemovedKind.PAGE_NUMBER, reason="a page number", where=where)
                )
            else:
                blocks.append(
                    Block(
                        line.text,
                        Role.REMOVED,
                        RemovedKind.RUNNING_HEAD,
                        reason="a running head or foot printed in the page margin",
                        where=where,
                    )
                )
            continue
        if has_title and line.size == title_size and line.page == 1:
            if current_role is not Role.TITLE:
                close()
                current_role = Role.TITLE
            current.append(line)
            continue
        if line.size in heading_sizes:
            level = min(heading_sizes.index(line.size) + 1, 3)
            previous = current[-1] if current else None
            wrapped = (
                current_role is Role.HEADING
                and previous is not None
                and previous.size == line.size
                and line.top - previous.bottom < line.size
            )
            if not wrapped:
                close()
                current_role, current_level = Role.HEADING, level
            current.append(line)
            seen_heading = True
            continue
        small = line.size <= body * SMALL_RATIO
        if small and seen_heading and line.top >= last_body_bottom.get(line.page, 0):
            if _starts_note(line.text) or current_role is not Role.NOTE:
                close()
                current_role = Role.NOTE
            current.append(line)
            continue
        # Body (or front matter in body or small type).
        if current_role in (Role.TITLE, Role.HEADING, Role.NOTE) or not current:
            close()
            if suspended and _continues(suspended[0][1], line, left, right):
                index_, lines_ = suspended[0]
                current[:] = lines_
                current.append(line)
                del blocks[index_]
                suspended.clear()
                continue
            current.append(line)
            continue
        previous = current[-1]
        indented = line.x0 - left > 1.2 * line.size
        short_before = previous.x1 < right - 1.5 * previous.size and previous.page == line.page
        size_changed = abs(previous.size - line.size) >= 0.5
        if indented or short_before or size_changed:
            close()
        current.append(line)
    close()
    return blocks


def _continues(lines: list[_PdfLine], line: _PdfLine, left: float, right: float) -> bool:
    """True if ``line``, the first body line of a page, goes on with the paragraph cut at the foot of the last."""
    last = lines[-1]
    return (
        line.page == last.page + 1
        and abs(line.size - last.size) < 0.5
        and line.x0 - left <= 1.2 * line.size
        and last.x1 >= right - 1.5 * last.size
    )


def _in_margin(line: _PdfLine) -> bool:
    share = MARGIN_SHARE * line.page_height
    return line.bottom < share or line.top > line.page_height - share


def _starts_note(text: str) -> bool:
    return bool(text) and (text[0] in _CIRCLED or bool(re.match(r"^(?:\[\^\d+\]|\d{1,2}(?=\s|[^\d]))", text)))
