"""Walk an HTML tree into text blocks, with every piece of text accounted for.

Shared by the web-page reader and the markdown reader (markdown may carry raw
HTML). A *block* is the text of one block-level element (``<p>``, ``<h2>``,
``<li>``, ``<figcaption>``…) outside its block-level children; text in
``<script>``/``<style>``, comments and attributes (``title``, ``alt``) are blocks
of their own, so that a reader can put them in ``removed`` with a reason.

>>> from lxml import html as lxml_html
>>> root = lxml_html.fragment_fromstring("<div><p>日本<a title='連結'>外交</a></p><!-- 註解 --></div>")
>>> [f"{b.kind} {b.tag} {b.text}" for b in html_blocks(root)]
['text p 日本外交', 'attribute a 連結', 'comment comment 註解']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml import etree

from ...text.cleaning import han, join_lines
from ..vocabulary import Vocabulary

BLOCK_TAGS = frozenset(
    [
        "html",
        "body",
        "head",
        "title",
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "figure",
        "figcaption",
        "caption",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "pre",
        "section",
        "article",
        "header",
        "footer",
        "nav",
        "aside",
        "main",
        "form",
        "fieldset",
        "legend",
        "address",
        "center",
        "option",
        "select",
        "button",
        "label",
        "details",
        "summary",
        "hr",
        "menu",
        "noscript",
    ]
)
HIDDEN_TAGS = frozenset({"script", "style", "template", "noscript"})


class HtmlPiece(Vocabulary):
    """What a piece of an HTML document's text is (:attr:`HtmlBlock.kind`).

    - ``text``: text shown on the page, the text of one block-level element.
    - ``hidden``: the contents of an element not shown (``<script>``, ``<style>``…).
    - ``comment``: an HTML comment.
    - ``attribute``: the text of an attribute (``title``, ``alt``).

    A reader that removes the last three says so with the :class:`RemovedKind
    <helpers.corpus.vocabulary.RemovedKind>` of the same word.
    """

    TEXT = "text"
    HIDDEN = "hidden"
    COMMENT = "comment"
    ATTRIBUTE = "attribute"

    @classmethod
    def describes(cls) -> str:
        return "kind of HTML text"


#: Between two blocks (a block-level element starts or ends, or a ``<br>``).
_BOUNDARY = "boundary"


@dataclass
class HtmlBlock:
    """A piece of an HTML document's text, of the :class:`HtmlPiece` ``kind``."""

    kind: HtmlPiece
    text: str
    element: etree._Element | None
    tag: str
    attribute: str = ""

    def ancestors(self) -> list[etree._Element]:
        """The element and its ancestors, innermost first."""
        found = []
        element = self.element
        while element is not None:
            found.append(element)
            element = element.getparent()
        return found


def _tag(element: etree._Element) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else "comment"


def _pieces(element: etree._Element, owner: etree._Element | None) -> Iterator[tuple]:
    tag = _tag(element)
    if not isinstance(element.tag, str):  # a comment or processing instruction
        if element.text and element.text.strip():
            yield (HtmlPiece.COMMENT, element, element.text)
        return
    for name, value in element.attrib.items():
        if han(value):
            yield (HtmlPiece.ATTRIBUTE, element, value, name)
    if tag in HIDDEN_TAGS:
        text = "".join(element.itertext()) if tag == "noscript" else (element.text or "")
        if text.strip():
            yield (HtmlPiece.HIDDEN, element, text)
        return
    own = element if tag in BLOCK_TAGS else owner
    if tag in BLOCK_TAGS or tag == "br":
        yield (_BOUNDARY, own)
    if element.text:
        yield (HtmlPiece.TEXT, own, element.text)
    for child in element:
        yield from _pieces(child, own)
        if tag in BLOCK_TAGS and _tag(child) in BLOCK_TAGS:
            yield (_BOUNDARY, own)
        if child.tail:
            yield (HtmlPiece.TEXT, own, child.tail)
    if tag in BLOCK_TAGS:
        yield (_BOUNDARY, own)


def tidy(text: str) -> str:
    """Join the lines of a text node the way Chinese is joined (no space between Han characters)."""
    return join_lines(re.split(r"[\r\n]+", text.replace("\u00a0", " ")))


def html_blocks(root: etree._Element) -> list[HtmlBlock]:
    """The blocks of an HTML tree in document order (see the module's docstring)."""
    blocks: list[HtmlBlock] = []
    pending: list[str] = []
    pending_owner: etree._Element | None = None
    # Comments and attributes inside a paragraph follow it rather than cutting it in two.
    deferred: list[HtmlBlock] = []

    def flush() -> None:
        nonlocal pending, pending_owner
        text = tidy("".join(pending))
        if text.strip():
            blocks.append(
                HtmlBlock(HtmlPiece.TEXT, text, pending_owner, _tag(pending_owner) if pending_owner is not None else "")
            )
        blocks.extend(deferred)
        deferred.clear()
        pending, pending_owner = [], None

    for piece in _pieces(root, None):
        kind = piece[0]
        if kind == _BOUNDARY:
            flush()
        elif kind is HtmlPiece.TEXT:
            if pending and piece[1] is not pending_owner:
                flush()
            pending_owner = piece[1]
            pending.append(piece[2])
        else:
            element = piece[1]
            text = piece[2]
            if kind is not HtmlPiece.ATTRIBUTE:
                text = tidy(text)
            deferred.append(
                HtmlBlock(kind, text.strip(), element, _tag(element), piece[3] if kind is HtmlPiece.ATTRIBUTE else "")
            )
    flush()
    return blocks


def element_han(root: etree._Element) -> str:
    """Every Han character of a tree: its text, tails, comments, scripts and text attributes."""
    found: list[Any] = []
    for element in root.iter():
        if isinstance(element.tag, str):
            found.extend(han(value) for value in element.attrib.values())
        found.append(han(element.text or ""))
        if element is not root:
            found.append(han(element.tail or ""))
    return "".join(found)
