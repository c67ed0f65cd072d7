"""Read a saved web page: the article with trafilatura, everything else in ``removed`` with a reason.

`trafilatura <https://trafilatura.readthedocs.io>`_ finds the main content of a
page (it is maintained and widely used for building text corpora). Its answer
decides which blocks of the page are the article; every other block (the
navigation, breadcrumbs, share buttons, related links, comments, a QR-code
promotion, scripts, the text of attributes such as ``alt`` and ``title``) is
kept as a removed block whose reason says what it was, so nothing is lost.
Datelines, bylines and editor lines near the article are left to the cleaner,
which puts them in the front matter.

>>> page = "<html><head><title>網 | 日本外交</title></head><body><nav>首頁 國際</nav><article><h1>日本外交</h1>" \\
...     + "<p>日本與中國的關係在二〇一八年出現轉機，兩國領導人恢復互訪。</p>" * 3 + "</article></body></html>"
>>> extraction = read_html(page.encode(), "page.html")
>>> [f"{b.role or '-'} {b.text[:6]}" for b in extraction.blocks][:4]
['removed 網 | 日本', 'removed 首頁 國際', 'title 日本外交', '- 日本與中國的']
"""

from __future__ import annotations

import re
from collections import Counter

from lxml import etree
from lxml import html as lxml_html

from ...errors import CorpusError
from ...text.cleaning import decode, han
from ..vocabulary import RemovedKind, Role, SourceFormat
from . import Block, Extraction
from .htmlblocks import HtmlBlock, HtmlPiece, html_blocks

#: Why a block outside the article was removed, by a word in its element's tag, id or class (first match wins).
FURNITURE_REASONS = (
    (r"breadcrumb|crumb|location|position|daohang|mianbao", "a breadcrumb trail (where the page sits in the site)"),
    (r"lang|language|i18n", "a language switch"),
    (r"share|social|fenxiang|bdshare|jiathis", "share buttons"),
    (r"qr|qrcode|erweima|wechat|weixin|ewm", "a QR-code promotion"),
    (r"comment|pinglun|reply|discuss", "readers' comments"),
    (
        r"related|recommend|tuijian|xiangguan|more|hot|rank|also|read-next|next|prev",
        "links to related or other articles",
    ),
    (r"nav|menu|topbar|toolbar|channel", "the site's navigation menu"),
    (r"footer|copyright|foot|bottom", "the page footer (copyright, contacts)"),
    (r"header|masthead|logo|top", "the page header"),
    (r"aside|sidebar|side|right|widget", "a sidebar"),
    (r"\bad|advert|banner|sponsor|promo|guanggao", "an advertisement"),
    (r"form|search|login|subscribe", "a form (search, login or subscription)"),
)
# Lines near the article that the cleaner knows how to read as front matter.
_FRONT_LINE = re.compile(
    r"^(?:作者|撰文|[記记]者|文\s*[/／]|[來来]源|[發发][布佈表]|[時时][間间]|原[標标][題题]|[責责]任[編编][輯辑]|[編编][輯辑]|"
    r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2})"
)


def read_html(data: bytes, where: str) -> Extraction:
    """Read a saved web page into blocks (see the module's docstring)."""
    import trafilatura

    text, _ = decode(data, where)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        root = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as error:
        raise CorpusError(where, f"not a readable HTML page ({error})") from None
    # One extraction gives both what trafilatura keeps and the page's title (its metadata).
    xml = trafilatura.extract(
        text,
        output_format="xml",
        include_comments=False,
        include_tables=True,
        include_images=False,
        favor_recall=True,
        deduplicate=False,
        with_metadata=True,
    )
    meta_title = _norm(etree.fromstring(xml.encode("utf-8")).get("title") or "") if xml else ""
    kept_texts, kept_all = _kept(xml)

    blocks = html_blocks(root)
    kept_flags = [b.kind is HtmlPiece.TEXT and _is_kept(_norm(b.text), kept_texts, kept_all) for b in blocks]
    region = _region([b.element for b, kept in zip(blocks, kept_flags) if kept])
    heading_tags = sorted({b.tag for b, k in zip(blocks, kept_flags) if k and re.fullmatch(r"h[2-6]", b.tag)})
    result: list[Block] = []
    title_done = False
    for block, kept in zip(blocks, kept_flags):
        inside = region is not None and block.element is not None and _within(block.element, region)
        norm = _norm(block.text)
        if block.kind is not HtmlPiece.TEXT:
            result.append(
                Block(
                    block.text,
                    Role.REMOVED,
                    RemovedKind.parse(block.kind.value),
                    reason=_hidden_reason(block),
                    where=f"<{block.tag}>",
                )
            )
        elif block.tag == "title":
            result.append(
                Block(
                    block.text,
                    Role.REMOVED,
                    RemovedKind.PAGE_TITLE,
                    reason="the browser's title bar of the page",
                    where="<title>",
                )
            )
        elif (
            not title_done
            and block.tag in ("h1", "h2")
            and (norm == meta_title or (block.tag == "h1" and (inside or kept)))
        ):
            result.append(Block(block.text, Role.TITLE, where=f"<{block.tag}>"))
            title_done = True
        elif kept and block.tag in heading_tags:
            level = min(heading_tags.index(block.tag) + 1, 3)
            result.append(Block(block.text, Role.HEADING, level=level, where=f"<{block.tag}>"))
        elif (kept or inside) and _furniture_reason(block, stop=region):
            # A share bar or QR-code box inside the article's own container.
            result.append(
                Block(
                    block.text,
                    Role.REMOVED,
                    RemovedKind.WEB_FURNITURE,
                    reason=_furniture_reason(block, stop=region),
                    where=f"<{block.tag}>",
                )
            )
        elif kept or (inside and _FRONT_LINE.match(norm)):
            role = Role.CAPTION if block.tag in ("figcaption", "caption") else None
            result.append(Block(block.text, role, where=f"<{block.tag}>"))
        elif inside and block.tag in ("figcaption", "caption"):
            result.append(Block(block.text, Role.CAPTION, where=f"<{block.tag}>"))
        elif _FRONT_LINE.match(norm) and not _furniture_reason(block):
            result.append(Block(block.text, None, where=f"<{block.tag}>"))
        else:
            reason = _furniture_reason(block) or (
                "left out by the main-content extractor (trafilatura) as not part of the article"
            )
            result.append(
                Block(block.text, Role.REMOVED, RemovedKind.WEB_FURNITURE, reason=reason, where=f"<{block.tag}>")
            )
    return Extraction(SourceFormat.HTML, result, Counter(han(text)))


def _norm(text: str) -> str:
    return re.sub(r"[\s\u3000]+", "", text)


def _kept(xml: str | None) -> tuple[set[str], str]:
    if not xml:
        return set(), ""
    tree = etree.fromstring(xml.encode("utf-8"))
    texts = set()
    for element in tree.iter():
        if isinstance(element.tag, str) and element.tag in (
            "p",
            "head",
            "item",
            "quote",
            "cell",
            "row",
            "list",
            "hi",
            "ref",
            "lb",
        ):
            texts.add(_norm("".join(element.itertext())))
    main = tree.find(".//main")
    everything = _norm("".join((main if main is not None else tree).itertext()))
    return {t for t in texts if t}, everything


def _is_kept(norm: str, kept_texts: set[str], kept_all: str) -> bool:
    if not norm:
        return False
    return norm in kept_texts or (len(norm) >= 6 and norm in kept_all)


def _region(elements: list) -> etree._Element | None:
    """The innermost element that holds every kept block (the article's container)."""
    elements = [e for e in elements if e is not None]
    if not elements:
        return None
    common = list(reversed([*elements[0].iterancestors()][::-1] + [elements[0]]))
    chain = [elements[0], *elements[0].iterancestors()]
    for candidate in chain:
        if all(_within(e, candidate) for e in elements):
            return candidate
    return common[-1]


def _within(element: etree._Element, container: etree._Element) -> bool:
    return element is container or any(a is container for a in element.iterancestors())


def _furniture_reason(block: HtmlBlock, stop: etree._Element | None = None) -> str:
    """Why a block is page furniture, from its own and its ancestors' tags, ids and classes (up to ``stop``)."""
    for element in block.ancestors():
        if element is stop:
            return ""
        if not isinstance(element.tag, str):
            continue
        words = " ".join(
            [element.tag, element.get("id") or "", element.get("class") or "", element.get("role") or ""]
        ).lower()
        for pattern, reason in FURNITURE_REASONS:
            if re.search(pattern, words):
                return reason
        if element.tag in ("article", "main"):
            return ""
    return ""


def _hidden_reason(block: HtmlBlock) -> str:
    if block.kind is HtmlPiece.COMMENT:
        return "an HTML comment (not shown on the page)"
    if block.kind is HtmlPiece.HIDDEN:
        return f"the contents of a <{block.tag}> element (code, not text shown on the page)"
    return f"the {block.attribute!r} attribute of a <{block.tag}> element (a tooltip, image description or page data, not the article's text)"
