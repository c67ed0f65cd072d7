"""Read markdown: YAML front matter, markdown proper (markdown-it-py), and raw HTML inside it.

The front matter is read with PyYAML: ``title`` gives the title, ``author`` or
``authors`` the byline, ``date`` the dateline, ``abstract``/``summary``/
``description`` the abstract; other fields are kept as removed blocks (they are
about the file, not the article). The body is parsed by markdown-it-py
(CommonMark): headings keep their levels, emphasis and links keep their text,
and runs of raw HTML (``<p>`` per paragraph, ``<figure>``, comments, ``<style>``,
even prettified HTML with every tag on its own line) are read as HTML.

>>> text = "---\\ntitle: 日本外交\\nauthor: 張華\\ntags: [外交]\\n---\\n\\n<p>日本與中國。</p>\\n<!-- 草稿 -->\\n"
>>> [f"{b.role or '-'} {b.kind or '-'} {b.text}" for b in read_markdown(text.encode(), "x.md").blocks]
['title - 日本外交', 'front byline 張華', 'removed front-matter tags: 外交', '- - 日本與中國。', 'removed comment 草稿']
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from typing import Any

import yaml
from lxml import html as lxml_html
from markdown_it import MarkdownIt

from ...errors import CorpusError
from ...text.cleaning import decode, han, join_lines
from ..vocabulary import FrontKind, RemovedKind, Role, SourceFormat
from . import Block, Extraction
from .htmlblocks import HtmlPiece, html_blocks

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(?P<yaml>.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_SENTENCE_PUNCT = re.compile(r"[，。；！？,;!?]")
#: Front-matter fields and the role their value takes.
FIELDS: dict[str, tuple[Role, FrontKind | None]] = {
    "title": (Role.TITLE, None),
    "author": (Role.FRONT, FrontKind.BYLINE),
    "authors": (Role.FRONT, FrontKind.BYLINE),
    "date": (Role.FRONT, FrontKind.DATELINE),
    "published": (Role.FRONT, FrontKind.DATELINE),
    "abstract": (Role.FRONT, FrontKind.ABSTRACT),
    "summary": (Role.FRONT, FrontKind.ABSTRACT),
    "description": (Role.FRONT, FrontKind.ABSTRACT),
    "subtitle": (Role.FRONT, FrontKind.SUBTITLE),
    "keywords": (Role.FRONT, FrontKind.KEYWORDS),
}


def read_markdown(data: bytes, where: str) -> Extraction:
    """Read a markdown file into blocks (see the module's docstring)."""
    text, _ = decode(data, where)
    blocks: list[Block] = []
    body = text
    match = _FRONT_MATTER.match(text)
    if match:
        body = text[match.end() :]
        try:
            fields = yaml.safe_load(match.group("yaml")) or {}
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = f", line {mark.line + 2}" if mark is not None else ""
            raise CorpusError(
                f"{where}{line}", f"the YAML front matter cannot be read ({getattr(error, 'problem', error)})"
            ) from None
        if not isinstance(fields, dict):
            raise CorpusError(where, "the front matter is not a list of 'name: value' fields")
        blocks += _front_blocks(fields)
    blocks += _body_blocks(body, has_title=any(b.role is Role.TITLE for b in blocks))
    return Extraction(SourceFormat.MARKDOWN, blocks, Counter(han(text)))


def _value_text(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return "；".join(_value_text(v) for v in value)
    if isinstance(value, dict):
        return "；".join(f"{k}: {_value_text(v)}" for k, v in value.items())
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return str(value).strip()


def _front_blocks(fields: dict) -> list[Block]:
    blocks = []
    for name, value in fields.items():
        text = _value_text(value)
        if not text:
            continue
        field = FIELDS.get(str(name).lower())
        if field is None:
            blocks.append(
                Block(
                    f"{name}: {text}",
                    Role.REMOVED,
                    RemovedKind.FRONT_MATTER,
                    reason=f"the front-matter field {name!r} (about the file, not the article's text)",
                    where="front matter",
                )
            )
        elif field[1] is FrontKind.BYLINE:
            blocks.append(Block(" ".join(text.split("；")), *field, where="front matter"))
        else:
            blocks.append(Block(text, *field, where="front matter"))
    return blocks


def _inline_text(token) -> tuple[str, list[Block]]:
    """The plain text of an inline token, and blocks for the raw HTML's comments and attributes."""
    pieces: list[str] = []
    extra: list[Block] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            pieces.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            pieces.append("\n")
        elif child.type == "image":
            alt = "".join(c.content for c in child.children or [])
            if alt.strip():
                extra.append(
                    Block(
                        alt,
                        Role.REMOVED,
                        RemovedKind.ATTRIBUTE,
                        reason="the description (alt text) of an image",
                        where="image",
                    )
                )
        elif child.type == "html_inline":
            if child.content.startswith("<!--"):
                comment = child.content[4:-3].strip()
                if comment:
                    extra.append(
                        Block(
                            comment, Role.REMOVED, RemovedKind.COMMENT, reason="an HTML comment (not shown on the page)"
                        )
                    )
            elif han(child.content):
                fragment = lxml_html.fragment_fromstring(
                    re.sub(r"^</", "<", child.content).rstrip("/>") + ">", create_parent=True
                )
                for block in html_blocks(fragment):
                    extra.append(
                        Block(block.text, Role.REMOVED, RemovedKind.ATTRIBUTE, reason=_attribute_reason(block))
                    )
    text = "".join(pieces)
    return join_lines(text.split("\n")), extra


def _attribute_reason(block) -> str:
    return f"the {block.attribute or 'text'!r} attribute of a <{block.tag}> element (not the article's text)"


def _only_strong(token) -> bool:
    kinds = [c.type for c in token.children or [] if not (c.type == "text" and not c.content.strip())]
    return bool(kinds) and kinds[0] == "strong_open" and kinds[-1] == "strong_close" and kinds.count("strong_open") == 1


def _body_blocks(body: str, has_title: bool) -> list[Block]:
    parser = MarkdownIt("commonmark").enable("table")
    # CommonMark would read a footnote "[^1]: text" as a link definition and drop it;
    # escaped, it stays a paragraph that the cleaner reads as a note.
    tokens = parser.parse(re.sub(r"(?m)^([ \t]{0,3})\[\^", r"\1\\[^", body))
    blocks: list[Block] = []
    html_run: list[str] = []
    title_seen = has_title

    def flush_html() -> None:
        if not html_run:
            return
        source = "".join(html_run)
        html_run.clear()
        root = lxml_html.fragment_fromstring(source, create_parent="div")
        headings = sorted({b.tag for b in html_blocks(root) if re.fullmatch(r"h[1-6]", b.tag)})
        for block in html_blocks(root):
            if block.kind is HtmlPiece.COMMENT:
                blocks.append(
                    Block(
                        block.text, Role.REMOVED, RemovedKind.COMMENT, reason="an HTML comment (not shown on the page)"
                    )
                )
            elif block.kind is HtmlPiece.HIDDEN:
                blocks.append(
                    Block(
                        block.text,
                        Role.REMOVED,
                        RemovedKind.parse(block.tag),
                        reason=f"the contents of a <{block.tag}> element (code, not text shown on the page)",
                    )
                )
            elif block.kind is HtmlPiece.ATTRIBUTE:
                blocks.append(Block(block.text, Role.REMOVED, RemovedKind.ATTRIBUTE, reason=_attribute_reason(block)))
            elif block.tag in ("figcaption", "caption"):
                blocks.append(Block(block.text, Role.CAPTION, where=f"<{block.tag}>"))
            elif re.fullmatch(r"h[1-6]", block.tag):
                level = headings.index(block.tag) + 1
                blocks.append(Block(block.text, Role.HEADING, level=min(level, 3), where=f"<{block.tag}>"))
            elif block.tag == "p" and _strong_only(block) and not _numbered(block.text) and len(blocks) > 2:
                blocks.append(Block(block.text, Role.HEADING, level=1, where="<p><strong>"))
            else:
                blocks.append(Block(block.text, None, where=f"<{block.tag}>"))

    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "html_block" or (token.type == "code_block" and token.content.lstrip().startswith("<")):
            html_run.append(token.content)
        elif token.type == "code_block" and html_run:
            html_run.append(token.content)  # text inside prettified HTML, indented like code
        elif token.type == "heading_open":
            flush_html()
            text, extra = _inline_text(tokens[index + 1])
            level = int(token.tag[1])
            if level == 1 and not title_seen:
                blocks.append(Block(text, Role.TITLE, where=_line_of(token)))
                title_seen = True
            else:
                blocks.append(Block(text, Role.HEADING, level=max(1, level - 1), where=_line_of(token)))
            blocks += extra
            index += 2
        elif token.type == "inline" and not html_run and re.search(r"\n\\?\[\^[^\]\s]+\]:", token.content):
            # Footnotes on consecutive lines are one markdown paragraph, but one note each.
            groups: list[list[str]] = []
            for line in token.content.split("\n"):
                if not groups or re.match(r"^\\?\[\^[^\]\s]+\]:", line):
                    groups.append([])
                groups[-1].append(line)
            for group in groups:
                text, extra = _inline_text(parser.parseInline("\n".join(group))[0])
                blocks.append(Block(text, None, where=_line_of(token) if token.map else ""))
                blocks += extra
        elif token.type == "inline":
            text, extra = _inline_text(token)
            if html_run and not text.strip():
                pass
            elif html_run:
                html_run.append(token.content)
            elif text.strip():
                strong = (
                    _only_strong(token) and len(text) <= 30 and not _SENTENCE_PUNCT.search(text) and len(blocks) > 2
                )
                blocks.append(
                    Block(
                        text,
                        Role.HEADING if strong and not _numbered(text) else None,
                        level=1,
                        where=_line_of(token) if token.map else "",
                    )
                )
            blocks += extra
        elif token.type in ("fence", "code_block"):
            flush_html()
            if token.content.strip():
                blocks.append(Block(token.content, None, where=_line_of(token)))
        elif token.type == "paragraph_close" and html_run:
            html_run.append("\n\n")
        index += 1
    flush_html()
    return blocks


def _numbered(text: str) -> bool:
    # Numbered headings (一、 （一）) are left to the cleaner, which ranks the numbering styles.
    return bool(
        re.match(
            r"^(?:[一二三四五六七八九十壹貳參肆伍陸柒捌玖拾]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.．、])",
            text,
        )
    )


def _strong_only(block) -> bool:
    element = block.element
    children = [c for c in element if isinstance(c.tag, str)]
    return (
        len(children) == 1
        and children[0].tag in ("strong", "b")
        and not (element.text or "").strip()
        and not (children[0].tail or "").strip()
    )


def _line_of(token: Any) -> str:
    """``line N`` for a markdown token (markdown-it gives block tokens their source lines)."""
    return f"line {token.map[0] + 1}" if token.map else "line ?"
