"""Find an article's structure in a raw extraction.

Each raw line is given a *role* (title, heading, body, note, caption, table cell,
front matter, removed…), body lines are assembled into paragraphs, note markers
are taken out of the body and linked to their notes, and every piece of every
line is entered in a ledger that says where it went, so that nothing is lost.

Two layouts are recognised. In a *wrapped* file (text extracted from a PDF page)
every line is cut at the column width, often with blank lines between lines, so
paragraph boundaries are recovered from sentence-final punctuation, short last
lines and indented first lines. In a *line-per-paragraph* file (a web page or a
markdown export) each line is a paragraph, except where a page break cut one in
two.

>>> article = build_article("日本的中亚政策\\n\\n一、前言\\n\\n日本與中亞相距甚遠。", "demo")
>>> article.title, [h.text for h in article.headings], article.paragraphs[0].text
('日本的中亚政策', ['日本的中亚政策', '一、前言'], '日本與中亞相距甚遠。')
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..text import cleaning
from ..text.cleaning import HAN_RANGE, display_width, ends_sentence, han, join_lines, normalise_spaces, split_lines
from .records import (
    Article,
    Caption,
    FrontMatter,
    Heading,
    LedgerEntry,
    Note,
    Paragraph,
    Removed,
    TableBlock,
)
from .vocabulary import (
    MARKER,
    TITLE,
    CaptionPart,
    FrontKind,
    HeadingStyle,
    LedgerTarget,
    LineKind,
    RemovedKind,
    Role,
    Script,
    TargetKind,
    VocabularyError,
)

# --- Patterns -----------------------------------------------------------------

_UPPER_NUMERALS = "壹貳贰參叁肆伍陸陆柒捌玖拾"
_NUMERALS = "一二三四五六七八九十"
#: Heading numbering styles, from the outermost to the innermost.
HEADING_STYLES = (
    (HeadingStyle.UPPER, re.compile(f"^[{_UPPER_NUMERALS}]+[、.．]")),
    (HeadingStyle.NUMERAL, re.compile(f"^[{_NUMERALS}]+[、.．]")),
    (HeadingStyle.PAREN_NUMERAL, re.compile(f"^[（(][{_NUMERALS}]+[）)]")),
    (HeadingStyle.ARABIC, re.compile(r"^\d{1,2}[.．、](?!\d)")),
    (HeadingStyle.PAREN_ARABIC, re.compile(r"^[（(]\d{1,2}[）)]")),
)
#: Unnumbered headings that articles commonly use.
PLAIN_HEADINGS = re.compile(
    r"^(前言|引言|導言|导言|緒論|绪论|結語|结语|結論|结论|小結|小结|餘論|余论|結束語|结束语)[:：]?$"
)
NOTES_HEADER = re.compile(r"^(註釋|注釋|注释|註解|参考文献|參考文獻|參考資料|参考资料|References|Notes)[:：]?$")
BOILERPLATE_HEADER = re.compile(
    r"^(相關焦點|相关焦点|相關閱讀|相关阅读|延伸閱讀|延伸阅读|推薦閱讀|推荐阅读|相關文章|相关文章|熱門文章|热门文章|猜你喜歡|猜你喜欢)[:：]?$"
)
CAPTION = re.compile(r"^(?P<label>(?:图|圖|表|Figure|Fig\.|Table)\s*\d+)\s*(?P<text>.*)$")
CAPTION_NOTE = re.compile(r"^(注|註)\s*[:：]")
TABLE_SOURCE = re.compile(r"^(資料來源|资料来源|數據來源|数据来源|來源|来源)\s*[:：]")
ABSTRACT = re.compile(r"^[［\[【〔]?\s*(摘\s*要|內容提要|内容提要|提\s*要|Abstract)\s*[］\]】〕]?\s*[:：]?")
KEYWORDS = re.compile(r"^[［\[【〔]?\s*(關鍵詞|关键词|關鍵字|关键字|Keywords)\s*[］\]】〕]?\s*[:：]?")
AFFILIATION = re.compile(r"^(本文作者|作者簡介|作者简介|作者單位|作者单位)\s*[:：]")
DATELINE = re.compile(r"^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)(?![\d])")
SUBTITLE = re.compile(r"^[—–-]{1,2}\s*\S")
PAGE_NUMBER = re.compile(r"^\d{1,4}$")
MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
HORIZONTAL_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
# A note printed at the foot of a page or in a notes list: marker, then text.
NOTE_START = re.compile(
    r"^(?:<sup>\s*(?P<sup>[①-⑳]|\d{1,3}|\*+)\s*</sup>|(?P<circled>[①-⑳])|(?P<bracket>〔\d{1,3}〕|\[\d{1,3}\])|(?P<stars>(?:\\\*)+)|(?P<mdnote>\[\^[^\]\s]{1,20}\]:))\s*(?=\S)"
)
BARE_NUMBER_NOTE = re.compile(rf"^(?P<number>\d{{1,2}})\s+(?=[A-Za-z“\"《『「{HAN_RANGE}])")
#: A markdown line that starts with a numeric character reference (``&#48;``) is
#: literal text: never a heading, note, caption or page number (see ``as_markdown``).
LITERAL_LINE = re.compile(r"^[ \t]*&#(?:\d{1,7}|[xX][0-9a-fA-F]{1,6});")
RUBRIC = re.compile(r"\s+(?P<rubric>\S(?:[\u3000 ]+\S){1,3})$")
_SENTENCE_PUNCT = re.compile(r"[，。；！？,;]")


@dataclass
class _Line:
    number: int
    raw: str
    text: str  # markdown unescaped, not yet space-normalised
    role: Role | None = None  # None until a classifier decides
    kind: LineKind | None = None  # finer kind within a role (e.g. front matter kind)
    group: int = -1  # index of the record the line belongs to
    leading_space: bool = False
    markdown: bool = False
    removed_reason: str = ""

    @property
    def plain(self) -> str:
        text = cleaning.unescape_markdown(self.text) if self.markdown else self.text
        return normalise_spaces(text)

    @property
    def width(self) -> int:
        # Measured on the line as laid out (spaces included), that is what the
        # PDF's column width constrains; note markers are superscripts and take
        # almost no room.
        text = self.text.strip()
        return display_width(_strip_markers(text, cleaning.find_markers(text)).strip())


@dataclass
class _Marker:
    marker: str  # as a reader cites it: ① [2] 〔3〕 1 *
    locator: str
    line: int
    column: int
    raw: str
    target: LedgerTarget | None = None  # the paragraph, title or front matter it stood in
    note_id: str = ""
    # Where the marker stood in the cleaned paragraph text (the marker follows
    # ``text[:offset]``); -1 outside a paragraph.
    offset: int = -1


@dataclass
class _Draft:
    """Mutable state while one article is being built."""

    lines: list[_Line]
    markdown: bool
    wrapped: bool = False
    full_width: int = 0
    ledger: list[LedgerEntry] = field(default_factory=list)
    markers: list[_Marker] = field(default_factory=list)
    corrections: dict[int, str] = field(default_factory=dict)


# --- Entry point -----------------------------------------------------------------


def build_article(
    raw: str,
    article_id: str,
    *,
    title: str | None = None,
    authors: tuple[str, ...] | None = None,
    year: int | None = None,
    script: str | None = None,
    source_file: str = "",
    metadata: dict[str, str] | None = None,
    encoding: str = "utf-8",
    corrections: dict[int, str] | None = None,
    hints: dict[int, LineHint] | None = None,
) -> Article:
    """Clean and structure one raw text into an :class:`Article`.

    Values passed in (from a catalog) win over what is found in the text; what is
    not passed in is taken from the text (title, byline) or detected (script).
    ``corrections`` maps a raw line number to ``"break"`` or ``"join"`` where the
    layout gives no clue to a paragraph boundary. ``hints`` gives the roles that a
    format reader (PDF, HTML, Word, markdown) already knows from the file's layout
    or tags; the other lines are read as in a plain text. A text with hints is
    never read as markdown: the reader has already taken the markup out.
    """
    markdown = _looks_like_markdown(raw) if hints is None else False
    draft = _Draft(lines=_split_lines(raw), markdown=markdown, corrections=dict(corrections or {}))
    _apply_hints(draft, hints or {})
    _mark_blank_and_rules(draft)
    _mark_metadata_lines(draft)
    _mark_boilerplate(draft)
    _mark_notes_section(draft)
    _mark_head(draft)
    _mark_captions_and_tables(draft)
    _mark_running_heads(draft)
    _mark_page_notes(draft)
    _mark_front_matter_blocks(draft)
    _mark_headings(draft)
    _mark_page_numbers_and_markers(draft)
    for line in draft.lines:
        if not line.role:
            line.role = Role.BODY
    _detect_layout(draft)
    _join_heading_continuations(draft)

    article = Article(
        id=article_id,
        title="",
        authors=(),
        year=year,
        script=Script.parse(script, article_id) if script else detect_script(raw),
        source_file=source_file,
        raw=raw,
        metadata=dict(metadata or {}),
        encoding=encoding,
    )
    _collect_title_and_front(draft, article)
    _collect_headings(draft, article)
    _collect_paragraphs(draft, article)
    _collect_captions_and_tables(draft, article)
    _collect_notes(draft, article)
    _collect_removed(draft, article)
    if title:
        article.title = title
    if authors is not None:
        article.authors = tuple(authors)
    article.ledger = sorted(draft.ledger, key=lambda e: (e.line, e.column))
    return article


def detect_script(text: str) -> Script:
    """Return ``traditional``, ``simplified`` or ``unknown`` by counting script-specific characters.

    ``unknown`` is the answer for a text with no character that only one script
    uses (or as many of each): such a text reads the same in both.

    >>> detect_script("國際變局下的日美關係"), detect_script("国际变局下的日美关系"), detect_script("日本外交")
    (<Script.TRADITIONAL: 'traditional'>, <Script.SIMPLIFIED: 'simplified'>, <Script.UNKNOWN: 'unknown'>)
    """
    traditional = sum(text.count(c) for c in _TRADITIONAL_ONLY)
    simplified = sum(text.count(c) for c in _SIMPLIFIED_ONLY)
    if traditional == simplified:
        return Script.UNKNOWN
    return Script.TRADITIONAL if traditional > simplified else Script.SIMPLIFIED


# Frequent characters that exist in only one script. Enough to tell a whole article
# apart; script conversion itself is done by OpenCC in the language module.
_TRADITIONAL_ONLY = (
    "國們這個說時為會對來後過還種與關經發開於長學問體點現實書當從動頭話區義車陸東內議選產變貿務際戰軍邊網應該麼裡總"
)
_SIMPLIFIED_ONLY = (
    "国们这个说时为会对来后过还种与关经发开于长学问体点现实书当从动头话区义车陆东内议选产变贸务际战军边网应该么里总"
)


# --- Line roles ------------------------------------------------------------------


WEB_FURNITURE = re.compile(
    r"^(?:"
    r"(?:分享到|分享至|分享|Share|轉寄|转发|轉發)\s*[:：].*"
    r"|(?:上一篇|下一篇|上一則|下一則|上一条|下一条|上一篇文章|下一篇文章)\s*[:：]?.*"
    r"|返回(?:首頁|首页|頂部|顶部|列表|目錄|目录)"
    r"|(?:列印|打印|收藏|字體|字体|字號|字号)(?:\s*[|｜/]\s*\S+)*"
    r"|\S{1,12}(?:\s*[>›»]\s*\S{1,12}){2,}"
    r")$"
)


#: Every pattern a line classifier matches at the start of a line's text; a
#: paragraph that one of them matches is escaped by :func:`as_markdown`.
LINE_START_PATTERNS = (
    *(pattern for _, pattern in HEADING_STYLES),
    PLAIN_HEADINGS,
    NOTES_HEADER,
    BOILERPLATE_HEADER,
    CAPTION,
    CAPTION_NOTE,
    TABLE_SOURCE,
    ABSTRACT,
    KEYWORDS,
    AFFILIATION,
    DATELINE,
    SUBTITLE,
    PAGE_NUMBER,
    MARKDOWN_HEADING,
    HORIZONTAL_RULE,
    NOTE_START,
    BARE_NUMBER_NOTE,
    WEB_FURNITURE,
    LITERAL_LINE,
    re.compile(r"^[#\\>*+\-]"),  # markdown's own block markers and escapes
)


def _split_lines(raw: str) -> list[_Line]:
    lines = []
    for number, line in enumerate(split_lines(raw), start=1):
        lines.append(
            _Line(
                number=number,
                raw=line,
                text=line,
                leading_space=bool(re.match(r"^[ \u3000\u00a0]\S", line)),
            )
        )
    return lines


def _looks_like_markdown(raw: str) -> bool:
    return bool(
        re.search(r"^(#{1,6}\s|\\[-#*_+])", raw, re.MULTILINE)
        or re.search(LITERAL_LINE.pattern, raw, re.MULTILINE)
        or "<sup>" in raw
        or re.search(r"\\[*_\[\]]", raw)
    )


@dataclass(frozen=True)
class LineHint:
    """A role a format reader knows for one line of its rendering.

    ``role`` is a :class:`~helpers.corpus.vocabulary.Role`: ``title``,
    ``heading``, ``body``, ``note``, ``caption``, ``front`` or ``removed``;
    ``kind`` is the :class:`~helpers.corpus.vocabulary.FrontKind` of a ``front``
    line or the :class:`~helpers.corpus.vocabulary.RemovedKind` of a ``removed``
    one (and None otherwise); ``level`` is a heading's level (1, 2, 3);
    ``reason`` says why a line was removed. Words given for ``role`` and
    ``kind`` are checked here, so a reader's typo fails with the allowed words.

    >>> article = build_article("導航\\n\\n日本外交", "demo", hints={1: LineHint(Role.REMOVED, RemovedKind.WEB_FURNITURE, reason="menu"), 3: LineHint(Role.TITLE)})
    >>> article.title, article.removed[0].reason
    ('日本外交', 'menu')
    >>> LineHint("front", "byline").kind is FrontKind.BYLINE
    True
    >>> LineHint("removed", "nav")
    Traceback (most recent call last):
    ...
    helpers.corpus.vocabulary.VocabularyError: a removed line hint: 'nav' is not a removed kind; the allowed ones are: page-number, running-head, notes-header, rule, page-title, web-furniture, web-boilerplate, language-switch, front-matter, file-property, comment, attribute, hidden, script, style, template, noscript
    """

    role: Role
    kind: FrontKind | RemovedKind | None = None
    level: int = 0
    reason: str = ""

    def __post_init__(self) -> None:
        role = Role.parse(self.role, "a line hint")
        if role not in _HINTED_ROLES:
            raise VocabularyError(
                f"a line hint's role must be one of {', '.join(r.value for r in _HINTED_ROLES)}, not {role.value!r}"
            )
        object.__setattr__(self, "role", role)
        kinds: dict[Role, type[FrontKind] | type[RemovedKind]] = {Role.FRONT: FrontKind, Role.REMOVED: RemovedKind}
        if role in kinds:
            object.__setattr__(self, "kind", kinds[role].parse(self.kind, f"a {role} line hint"))
        elif self.kind:
            raise VocabularyError(f"a {role} line hint has no kind, not {self.kind!r}")
        else:
            object.__setattr__(self, "kind", None)


_HINTED_ROLES = (Role.TITLE, Role.HEADING, Role.BODY, Role.NOTE, Role.CAPTION, Role.FRONT, Role.REMOVED)


def _apply_hints(draft: _Draft, hints: dict[int, LineHint]) -> None:
    for line in draft.lines:
        hint = hints.get(line.number)
        if hint is None or not line.text.strip():
            continue
        line.role, line.kind, line.group = hint.role, hint.kind, line.number
        if hint.role is Role.HEADING:
            line.kind = HeadingStyle.markdown(hint.level + 1)
        elif hint.role is Role.REMOVED:
            line.removed_reason = hint.reason or "left out by the format reader"
        elif hint.role is Role.BODY:
            line.role = None  # the body's own patterns (markers, front matter) still apply


#: Lines of a journal's or a web page's apparatus: (pattern, role, kind, reason).
METADATA_LINES: tuple[tuple[re.Pattern[str], Role, FrontKind | RemovedKind, str], ...] = (
    (
        re.compile(
            r"^(中[圖图]分[類类][號号]|文[獻献][標标][識识][碼码]|文章[編编][號号]|DOI|doi|收稿日期|基金[項项]目|文[號号]|[發发]文字[號号]|[發发]文[編编][號号])\s*[:：]"
        ),
        Role.FRONT,
        FrontKind.METADATA,
        "",
    ),
    (
        re.compile(r"^[（(【\[]?(原[標标][題题]|[責责]任[編编][輯辑]|[編编][輯辑]|[責责][編编]|校[對对])\s*[:：]"),
        Role.FRONT,
        FrontKind.METADATA,
        "",
    ),
    (
        re.compile(r"^(文章[來来]源|[來来]源|[發发][布佈表]?[時时][間间]|[發发][布佈]日期)\s*[:：]"),
        Role.FRONT,
        FrontKind.DATELINE,
        "",
    ),
    (
        re.compile(
            r"^(本文共[閱阅][讀读].{0,12}次|[選选][擇择]字[號号].{0,20}|[進进]入[專专][題题].{0,30}|[閱阅][讀读][數数]?\s*[:：]?\s*\d+|[點点][擊击][數数]?\s*[:：]?\s*\d+|掃[碼码]|扫[码碼].{0,30}|[長长]按.{0,10}[識识][別别].{0,20}[二维維碼码].{0,20}|(?:[扫掃]描)?二[维維][码碼].{0,40}|.{0,30}(?:微信公[众眾][号號]|公[众眾][号號])[。.]?)$"
        ),
        Role.REMOVED,
        RemovedKind.WEB_FURNITURE,
        "a web page's reading counter, font-size switch, topic link or QR-code prompt (not part of the article)",
    ),
    (
        re.compile(
            r"^\|?\s*(?:English|中文|繁體|繁体|简体|簡體|日本語|한국어|EN|CN)\s*(?:[|｜/]\s*(?:English|中文|繁體|繁体|简体|簡體|日本語|한국어|EN|CN)?\s*)+\|?$"
        ),
        Role.REMOVED,
        RemovedKind.LANGUAGE_SWITCH,
        "a web page's language switch (not part of the article)",
    ),
)


def _mark_metadata_lines(draft: _Draft) -> None:
    """Classification numbers, DOIs, editors, reading counters: front matter or removed, never body."""
    for line in draft.lines:
        if line.role:
            continue
        plain = line.plain
        if display_width(plain) > 160:
            continue
        for pattern, role, kind, reason in METADATA_LINES:
            if pattern.match(plain):
                line.role, line.kind, line.group = role, kind, line.number
                line.removed_reason = reason
                break


def _mark_blank_and_rules(draft: _Draft) -> None:
    for line in draft.lines:
        line.markdown = draft.markdown
        if line.role:
            continue
        if draft.markdown:
            heading = MARKDOWN_HEADING.match(line.raw.strip())
            if heading:
                line.kind = HeadingStyle.markdown(len(heading.group(1)))
                line.text = heading.group(2)
        if not line.plain:
            line.role = Role.BLANK
        elif draft.markdown and LITERAL_LINE.match(line.raw):
            line.role = Role.BODY
        elif draft.markdown and HORIZONTAL_RULE.match(line.raw):
            _remove(line, RemovedKind.RULE, "a markdown horizontal rule (page separator)")


def _remove(line: _Line, kind: RemovedKind, reason: str) -> None:
    line.role = Role.REMOVED
    line.kind = kind
    line.removed_reason = reason


def _content(draft: _Draft, start: int = 0):
    """Indexes of the lines not yet given a role, from ``start``."""
    return [i for i in range(start, len(draft.lines)) if not draft.lines[i].role]


def _mark_boilerplate(draft: _Draft) -> None:
    for line in draft.lines:
        if not line.role and WEB_FURNITURE.match(line.plain.replace("\u3000", " ")):
            _remove(
                line,
                RemovedKind.WEB_FURNITURE,
                "web page navigation, sharing or printing links (not part of the article)",
            )
    for index, line in enumerate(draft.lines):
        if line.role is not Role.BLANK and BOILERPLATE_HEADER.match(line.plain):
            for tail in draft.lines[index:]:
                if tail.role not in (Role.BLANK, Role.REMOVED):
                    _remove(
                        tail,
                        RemovedKind.WEB_BOILERPLATE,
                        "links to other articles after the end of the text (web page furniture)",
                    )
            return


def _mark_running_heads(draft: _Draft) -> None:
    """A short line repeated at page breaks (journal name, issue, author) is a running head."""
    lines = draft.lines
    counts = Counter(line.plain for line in lines if not line.role and line.plain)
    for index, line in enumerate(lines):
        plain = line.plain
        if line.role or counts[plain] < 2 or display_width(plain) > 50 or ends_sentence(plain):
            continue
        if _SENTENCE_PUNCT.search(plain) or _heading_style(plain):
            continue
        near = [other for other in lines[max(0, index - 3) : index + 4] if other is not line]
        if (
            any(
                PAGE_NUMBER.match(other.plain) or "\f" in other.raw or other.kind is RemovedKind.PAGE_NUMBER
                for other in near
            )
            or "\f" in line.raw
        ):
            _remove(line, RemovedKind.RUNNING_HEAD, "a running head repeated at the top or foot of each page")


def _mark_notes_section(draft: _Draft) -> None:
    """A notes list under its own header (註釋：) runs to the end of the file."""
    for index, line in enumerate(draft.lines):
        if line.role or not NOTES_HEADER.match(line.plain):
            continue
        _remove(line, RemovedKind.NOTES_HEADER, "the header of the notes list (the notes are in `notes`)")
        note = -1
        for tail in draft.lines[index + 1 :]:
            if tail.role:
                continue
            if NOTE_START.match(tail.text.strip()) or BARE_NUMBER_NOTE.match(tail.text.strip()):
                note = tail.number
            tail.role = Role.NOTE
            tail.group = note if note > 0 else tail.number
        return


def _mark_head(draft: _Draft) -> None:
    """Title, rubric, web page title, byline, dateline and subtitle at the top."""
    head = _content(draft)[:12]
    candidates = []
    hinted_title = [i for i, line in enumerate(draft.lines) if line.role is Role.TITLE]
    for index in head:
        line = draft.lines[index]
        plain = line.plain
        bare = _strip_markers(plain, cleaning.find_markers(plain)).strip()
        note = NOTE_START.match(line.text.strip())
        if note and not note.group("bracket"):
            continue  # a note on the title or byline, printed right under them
        if CAPTION.match(plain):
            continue  # a figure placed before the text starts
        if _is_body_like(plain) or ends_sentence(bare):
            break
        if _heading_style(bare) or ABSTRACT.match(plain) or KEYWORDS.match(plain):
            break
        candidates.append(index)
    title_index = hinted_title[0] if hinted_title else None
    for index in candidates:
        line = draft.lines[index]
        plain = line.plain
        if PAGE_NUMBER.match(plain):
            _remove(line, RemovedKind.PAGE_NUMBER, "a page number")
        elif DATELINE.match(plain):
            line.role, line.kind = Role.FRONT, FrontKind.DATELINE
        elif SUBTITLE.match(plain) and title_index is not None:
            line.role, line.kind = Role.FRONT, FrontKind.SUBTITLE
        elif not re.search(f"[A-Za-z{HAN_RANGE}]", _strip_markers(plain, cleaning.find_markers(plain))):
            continue  # a title has words in it; leave stray symbols to the body
        elif title_index is None:
            title_index = index
            line.role = Role.TITLE
        elif _repeats_title(draft.lines[title_index].plain, plain):
            # A web page repeats the title after the site's own prefix: the later,
            # shorter line is the article's title.
            _remove(
                draft.lines[title_index],
                RemovedKind.PAGE_TITLE,
                "the web page's title bar, which repeats the article title",
            )
            line.role = Role.TITLE
            title_index = index
        elif _looks_like_byline(plain):
            line.role, line.kind = Role.FRONT, FrontKind.BYLINE
        else:
            line.role, line.kind = Role.FRONT, FrontKind.SUBTITLE


def _repeats_title(page_title: str, line: str) -> bool:
    """True if ``page_title`` is a site prefix, a separator, then ``line``."""
    prefix = page_title[: len(page_title) - len(line)]
    return page_title.endswith(line) and len(line) >= 4 and bool(re.search(r"[:：|｜\-—_]\s*$", prefix))


def _is_body_like(plain: str) -> bool:
    return bool(_SENTENCE_PUNCT.search(plain)) and display_width(plain) > 30 and not ABSTRACT.match(plain)


def _looks_like_byline(plain: str) -> bool:
    bare = re.sub(r"\\?\*+$", "", plain).strip()
    if _BYLINE_LABEL.match(bare) and re.match(r"^(?:作者|撰文|撰稿|[記记]者)", bare) and len(bare) <= 60:
        return True
    return bool(bare) and len(bare) <= 24 and not _SENTENCE_PUNCT.search(bare) and bool(han(bare))


def _mark_captions_and_tables(draft: _Draft) -> None:
    index = 0
    while index < len(draft.lines):
        line = draft.lines[index]
        match = CAPTION.match(line.plain) if not line.role else None
        if not match or display_width(line.plain) > 120:
            index += 1
            continue
        line.role, line.group = Role.CAPTION, line.number
        label = match.group("label")
        after = _content(draft, index + 1)
        if label.startswith("表") or label.startswith("Table"):
            line.kind = CaptionPart.TABLE_CAPTION
            for cell_index in after:
                cell = draft.lines[cell_index]
                if draft.lines[cell_index].role:
                    continue
                if TABLE_SOURCE.match(cell.plain):
                    cell.role, cell.kind, cell.group = Role.TABLE, CaptionPart.SOURCE, line.number
                    index = cell_index
                    break
                if display_width(cell.plain) > 160 or CAPTION.match(cell.plain) or _heading_style(cell.plain):
                    break
                cell.role, cell.kind, cell.group = Role.TABLE, CaptionPart.CELL, line.number
        elif after and CAPTION_NOTE.match(draft.lines[after[0]].plain):
            draft.lines[after[0]].role = Role.CAPTION
            draft.lines[after[0]].kind = CaptionPart.CAPTION_NOTE
            draft.lines[after[0]].group = line.number
        index += 1


def _mark_page_notes(draft: _Draft) -> None:
    """Notes printed at the foot of a page, between body lines."""
    bare_markers = {line.plain for line in draft.lines if not line.role and re.fullmatch(r"\d{1,2}", line.plain)}
    lines = draft.lines
    index = 0
    while index < len(lines):
        line = lines[index]
        stripped = line.text.strip()
        start = None if line.role else NOTE_START.match(stripped)
        if start and start.group("bracket"):
            start = None  # [n] and 〔n〕 at a line start are citations, not foot notes
        bare = None if line.role else BARE_NUMBER_NOTE.match(stripped)
        is_note = bool(start) and not _is_heading_text(line.plain)
        if bare and bare.group("number") in bare_markers and not start:
            is_note = True
        if not is_note:
            index += 1
            continue
        line.role, line.group = Role.NOTE, line.number
        follow = index + 1
        # A wrapped note goes on over the lines right under it, up to a blank line,
        # a new page (a line that starts with a space) or the next note.
        while follow < len(lines):
            nxt = lines[follow]
            if (
                nxt.role
                or nxt.leading_space
                or NOTE_START.match(nxt.text.strip())
                or BARE_NUMBER_NOTE.match(nxt.text.strip())
            ):
                break
            if not _continues_note(lines[follow - 1].plain, nxt.plain):
                break
            nxt.role, nxt.group = Role.NOTE, line.number
            follow += 1
        index = follow


def _continues_note(previous: str, candidate: str) -> bool:
    """A foot-of-page note goes on onto the line right under it if the note is unfinished
    or that line reads like a reference (mostly Latin: titles, URLs)."""
    latin = sum(c.isascii() and c.isalpha() for c in candidate)
    return latin > len(candidate) / 3 or not (ends_sentence(previous) or previous.endswith("."))


def _is_heading_text(plain: str) -> bool:
    return bool(_heading_style(plain)) and display_width(plain) <= 80


def _mark_front_matter_blocks(draft: _Draft) -> None:
    """Abstract, keywords and author lines, wherever the extraction put them."""
    lines = draft.lines
    for index, line in enumerate(lines):
        if line.role:
            continue
        plain = line.plain
        if ABSTRACT.match(plain):
            line.role, line.kind, line.group = Role.FRONT, FrontKind.ABSTRACT, line.number
            follow = index
            while not (ends_sentence(lines[follow].plain) or lines[follow].plain.endswith(".")):
                nxt = _content(draft, follow + 1)
                if not nxt or _heading_style(lines[nxt[0]].plain) or KEYWORDS.match(lines[nxt[0]].plain):
                    break
                follow = nxt[0]
                lines[follow].role, lines[follow].kind, lines[follow].group = (
                    Role.FRONT,
                    FrontKind.ABSTRACT,
                    line.number,
                )
        elif KEYWORDS.match(plain):
            line.role, line.kind, line.group = Role.FRONT, FrontKind.KEYWORDS, line.number
        elif AFFILIATION.match(plain):
            line.role, line.kind, line.group = Role.FRONT, FrontKind.AFFILIATION, line.number


def _heading_style(plain: str) -> HeadingStyle | None:
    if PLAIN_HEADINGS.match(plain):
        return HeadingStyle.PLAIN
    for style, pattern in HEADING_STYLES:
        if pattern.match(plain):
            return style
    return None


def _mark_headings(draft: _Draft) -> None:
    for line in draft.lines:
        if line.role:
            continue
        plain = line.plain
        style = _heading_style(plain)
        is_md = isinstance(line.kind, HeadingStyle) and line.kind.markdown_level is not None
        if (style and display_width(plain) <= 80 and not plain.endswith("。")) or (
            is_md and display_width(plain) <= 120
        ):
            line.role = Role.HEADING
            line.kind = style or line.kind


def _mark_page_numbers_and_markers(draft: _Draft) -> None:
    """Lone numbers: a note marker if a note with that number exists, else a page number."""
    note_numbers = {
        match.group("number")
        for line in draft.lines
        if line.role is Role.NOTE and (match := BARE_NUMBER_NOTE.match(line.text.strip()))
    }
    for line in draft.lines:
        # A number with a note marker stuck to it ("0[3]") is still a lone number.
        if line.role or not PAGE_NUMBER.match(_bare(line)):
            continue
        if line.plain in note_numbers:
            line.role = Role.MARKER
        else:
            _remove(line, RemovedKind.PAGE_NUMBER, "a page number")


def looks_wrapped(lines: list[tuple[int, bool]]) -> bool:
    """Whether text lines were cut at a column width, as a PDF page's are.

    ``lines`` gives each line's display width and whether it ends a sentence.
    Lines cut at a column width are mostly about as wide as each other and stop
    in mid-sentence; in a file with one line per paragraph the widths vary and
    nearly every line ends a sentence. The cleaner and ``add`` both ask this.

    >>> looks_wrapped([(60, False)] * 9), looks_wrapped([(60, True)] * 9)
    (True, False)
    """
    widths = [width for width, _ in lines]
    if len(widths) < 8:
        return False
    median = sorted(widths)[len(widths) // 2]
    common, _ = Counter(widths).most_common(1)[0]
    near = sum(1 for w in widths if abs(w - common) <= 4)
    sentence_ends = sum(1 for _, ends in lines if ends)
    return median <= 100 and near >= 0.4 * len(widths) and sentence_ends < 0.5 * len(widths)


def _detect_layout(draft: _Draft) -> None:
    body = [line for line in draft.lines if line.role is Role.BODY]
    if not body:
        return
    draft.wrapped = looks_wrapped([(line.width, ends_sentence(line.plain)) for line in body])
    draft.full_width, _ = Counter(line.width for line in body).most_common(1)[0]


def _join_heading_continuations(draft: _Draft) -> None:
    """A heading that the PDF broke over two lines: the second half is short and bare."""
    if not draft.wrapped:
        return
    for index, line in enumerate(draft.lines):
        if line.role is not Role.HEADING:
            continue
        following = [i for i in range(index + 1, len(draft.lines)) if draft.lines[i].role is not Role.BLANK]
        if not following:
            continue
        nxt = draft.lines[following[0]]
        if (
            nxt.role is Role.BODY
            and nxt.width < draft.full_width * 0.6
            and not _SENTENCE_PUNCT.search(nxt.plain)
            and not ends_sentence(nxt.plain)
        ):
            nxt.role, nxt.kind, nxt.group = Role.HEADING_CONTINUED, None, line.number


# --- Collecting records ----------------------------------------------------------


def _enter(draft: _Draft, line: _Line, text: str, target: LedgerTarget, column: int = 0) -> None:
    if text.strip():
        draft.ledger.append(LedgerEntry(line=line.number, column=column, text=text, target=target))


def _collect_title_and_front(draft: _Draft, article: Article) -> None:
    for line in draft.lines:
        if line.role is Role.TITLE:
            text = line.text
            rubric = RUBRIC.search(normalise_spaces_keep(text))
            markers = _enter_markers(draft, line, TITLE)
            bare = _unescaped(line, _strip_markers(text, markers))
            if rubric and display_width(bare) > 40:
                title_part = normalise_spaces_keep(bare)[: rubric.start()]
                rubric_text = re.sub(r"\s+", "", rubric.group("rubric"))
                article.front_matter.append(FrontMatter(FrontKind.RUBRIC, rubric_text, line.number))
                _enter(draft, line, title_part, TITLE)
                _enter(
                    draft,
                    line,
                    rubric_text,
                    LedgerTarget(TargetKind.FRONT, len(article.front_matter) - 1),
                    len(title_part),
                )
                article.title = normalise_spaces(title_part)
            else:
                article.title = normalise_spaces(bare)
                _enter(draft, line, bare, TITLE)
    groups: dict[int, list[_Line]] = {}
    for line in draft.lines:
        if line.role is Role.FRONT:
            key = line.group if line.group > 0 else line.number
            groups.setdefault(key, []).append(line)
    for key in sorted(groups):
        lines = groups[key]
        kind = lines[0].kind
        if not isinstance(kind, FrontKind):
            raise VocabularyError(f"line {lines[0].number}: front matter without a front-matter kind ({kind!r})")
        target = LedgerTarget(TargetKind.FRONT, len(article.front_matter))
        pieces = []
        for line in lines:
            markers = _enter_markers(draft, line, target)
            piece = _strip_markers(line.text, markers)
            pieces.append(_unescaped(line, piece))
            _enter(draft, line, piece, target)
        if kind in (FrontKind.KEYWORDS, FrontKind.DATELINE, FrontKind.BYLINE, FrontKind.METADATA):
            # Spaces separate the items of these lines: keep one between them.
            text = re.sub(r"[\s\u00a0\u3000]+", " ", " ".join(pieces)).strip()
        else:
            text = normalise_spaces(join_lines([normalise_spaces(p) for p in pieces]))
        article.front_matter.append(FrontMatter(kind, text, lines[0].number))
        if kind is FrontKind.BYLINE and not article.authors:
            article.authors = split_byline(text)
        named = (
            re.search(r"(?:作者|撰文|文\s*[:：/]|[記记]者)\s*[:：/]?\s*([^\s\d:：/（(]+)", text)
            if kind in (FrontKind.DATELINE, FrontKind.SUBTITLE)
            else None
        )
        if named and not article.authors:
            article.authors = tuple(a for a in re.split(r"[、,，;；]", named.group(1)) if a)


def normalise_spaces_keep(text: str) -> str:
    """Only turn odd spaces into ordinary ones (keeps the rubric's letter spacing visible)."""
    return text.replace("\u00a0", " ").strip()


# "作者：", "文/", "記者 " before the names; a date, a source or a time after them.
_BYLINE_LABEL = re.compile(r"^(?:作者|撰文|撰稿|[文記记]者|文|By)\s*[:：/|｜]?\s*")
_BYLINE_TAIL = re.compile(
    r"\s*(?:\d{4}\s*[-/.年]\s*\d{1,2}|[來来]源\s*[:：]|[發发][布佈表]|出[處处]\s*[:：]|[編编][輯辑]\s*[:：]|[|｜]|\d{1,2}:\d{2})"
)


def split_byline(byline: str) -> tuple[str, ...]:
    """Split a byline into author names.

    Names are separated by runs of spaces; single characters separated by spaces
    are one letter-spaced name. A label before the names (``作者：``) and a date or
    source after them are not names.

    >>> split_byline("作者：陳思齊 2024年6月15日 來源：洞見國際評論網")
    ('陳思齊',)

    >>> split_byline("黄 贝 司晓宇**")
    ('黄贝', '司晓宇')
    >>> split_byline("盧\\u00a0\\u00a0昊")
    ('盧昊',)
    """
    bare = re.sub(r"[\\*]+$", "", byline).replace("\u3000", " ").replace("\u00a0", " ").strip()
    bare = _BYLINE_LABEL.sub("", bare)
    bare = _BYLINE_TAIL.split(bare, maxsplit=1)[0].strip()
    tokens = bare.split()
    if 2 <= len(tokens) <= 4 and all(len(token) == 1 for token in tokens):
        return ("".join(tokens),)  # one letter-spaced name: 周 文 清
    names: list[str] = []
    pending = ""
    for token in tokens:
        if len(token) == 1:
            pending += token
            if len(pending) >= 2 and (len(names) or len(tokens) <= 3):
                names.append(pending)
                pending = ""
        else:
            if pending:
                names.append(pending)
                pending = ""
            names.append(token)
    if pending:
        names.append(pending)
    return tuple(names)


def _bare(line: _Line) -> str:
    """The line's text without note markers, markup or stray spaces."""
    return normalise_spaces(_unescaped(line, _strip_markers(line.text, cleaning.find_markers(line.text))))


def _unescaped(line: _Line, text: str) -> str:
    return cleaning.unescape_markdown(text) if line.markdown else text


def _strip_markers(text: str, markers: list[re.Match[str]]) -> str:
    if not markers:
        return text
    pieces, last = [], 0
    for match in markers:
        pieces.append(text[last : match.start()])
        last = match.end()
    pieces.append(text[last:])
    return "".join(pieces)


def _collect_headings(draft: _Draft, article: Article) -> None:
    if article.title:
        title_line = next(line.number for line in draft.lines if line.role is Role.TITLE)
        article.headings.append(Heading(0, article.title, title_line))
    styles_present = {line.kind for line in draft.lines if line.role is Role.HEADING}
    ranked = [style for style, _ in HEADING_STYLES if style in styles_present]
    for line in draft.lines:
        if line.role is not Role.HEADING:
            continue
        continued = [part for part in draft.lines if part.role is Role.HEADING_CONTINUED and part.group == line.number]
        text = join_lines([line.plain] + [part.plain for part in continued])
        text = re.sub(rf"\s+(?=[{HAN_RANGE}（(])|(?<=[、）)])\s+", "", text)
        hashes = line.kind.markdown_level if isinstance(line.kind, HeadingStyle) else None
        if isinstance(line.kind, HeadingStyle) and line.kind in ranked:
            level = min(ranked.index(line.kind) + 1, 3)
        elif hashes is not None:  # a markdown heading without numbering
            level = max(1, hashes - 1)
        else:  # a plain heading (前言)
            level = 1
        target = LedgerTarget(TargetKind.HEADING, len(article.headings))
        article.headings.append(Heading(level, text, line.number))
        _enter(draft, line, line.text, target)
        for extra in continued:
            _enter(draft, extra, extra.text, target)


def _collect_paragraphs(draft: _Draft, article: Article) -> None:
    sections: list[Heading] = []
    heading_at = {h.line: h for h in article.headings if h.level > 0}
    current: list[_Line] = []
    current_section: tuple[str, ...] = ()
    paragraphs: list[tuple[tuple[str, ...], list[_Line]]] = []
    previous_body: _Line | None = None
    orphan_markers: list[_Line] = []

    def close() -> None:
        nonlocal current
        if current:
            paragraphs.append((current_section, current))
        current = []

    for line in draft.lines:
        if line.number in heading_at:
            close()
            heading = heading_at[line.number]
            sections = [h for h in sections if h.level < heading.level] + [heading]
            previous_body = None
            continue
        if line.role is Role.BODY and not _bare(line):
            line.role = Role.MARKER  # a line holding nothing but a note marker
        if line.role is Role.MARKER:
            if current:
                current.append(line)
            elif paragraphs:
                paragraphs[-1][1].append(line)
            else:
                orphan_markers.append(line)
            continue
        if line.role is not Role.BODY:
            continue
        if current and previous_body is not None and _starts_paragraph(draft, previous_body, line):
            close()
        if not current:
            current_section = tuple(h.text for h in sections)
        current.append(line)
        previous_body = line
    close()
    for line in orphan_markers:
        _enter_marker_line(draft, line, None)

    for number, (section, lines) in enumerate(paragraphs, start=1):
        para_id = f"{article.id}:p{number:03d}"
        para_target = LedgerTarget.of_record(para_id)
        pieces: list[str] = []
        first_marker = len(draft.markers)
        # Markers are taken out of the text; where each stood is counted in
        # non-space characters before it, which cleaning never changes (it only
        # joins lines and drops spaces), and mapped onto the cleaned text below.
        printed_before: list[int] = []
        printed = 0
        for line in lines:
            if line.role is Role.MARKER:
                _enter_marker_line(draft, line, para_target)
                printed_before += [printed] * (len(draft.markers) - first_marker - len(printed_before))
                continue
            markers = cleaning.find_markers(line.text)
            for index, match in enumerate(markers):
                draft.markers.append(_marker_at(match, line, para_target))
                _enter(draft, line, match.group(0), MARKER, match.start())
                before = _unescaped(line, _strip_markers(line.text[: match.start()], markers[:index]))
                printed_before.append(printed + _non_space(before))
            piece = _strip_markers(line.text, markers)
            pieces.append(_unescaped(line, piece))
            printed += _non_space(pieces[-1])
            _enter(draft, line, piece, para_target)
        text = normalise_spaces(join_lines([normalise_spaces(p) for p in pieces]))
        for marker, count in zip(draft.markers[first_marker:], printed_before):
            marker.offset = _index_after(text, count)
        article.paragraphs.append(
            Paragraph(
                id=para_id,
                text=text,
                section=section,
                lines=tuple(part.number for part in lines if part.role is Role.BODY),
            )
        )


def _non_space(text: str) -> int:
    return sum(1 for char in text if not char.isspace())


def _index_after(text: str, count: int) -> int:
    """The index in ``text`` just after its ``count``-th non-space character.

    >>> _index_after("ab c。d", 3), _index_after("ab c。d", 0)
    (4, 0)
    """
    if count <= 0:
        return 0
    seen = 0
    for index, char in enumerate(text):
        if not char.isspace():
            seen += 1
            if seen == count:
                return index + 1
    return len(text)


def _marker_at(match: re.Match[str], line: _Line, para: LedgerTarget | None) -> _Marker:
    """The note marker that ``match`` found in ``line``, which belongs to paragraph ``para``."""
    locator = match.groupdict().get("locator") or ""
    return _Marker(
        cleaning.plain_marker(match.group("marker")), locator, line.number, match.start(), match.group(0), para
    )


def _enter_markers(draft: _Draft, line: _Line, target: LedgerTarget) -> list[re.Match[str]]:
    """Record the note markers printed in a title or front-matter line, and enter them in the ledger."""
    markers = cleaning.find_markers(line.text)
    for match in markers:
        draft.markers.append(_marker_at(match, line, target))
        _enter(draft, line, match.group(0), MARKER, match.start())
    return markers


def _enter_marker_line(draft: _Draft, line: _Line, para: LedgerTarget | None) -> None:
    """A line that holds only note markers (a superscript set on a line of its own)."""
    matches = cleaning.find_markers(line.text)
    if not matches:  # a bare number: its note starts with the same number
        draft.markers.append(_Marker(line.plain, "", line.number, 0, line.text, para))
    for match in matches:
        draft.markers.append(_marker_at(match, line, para))
    _enter(draft, line, line.text, MARKER)


def _starts_paragraph(draft: _Draft, previous: _Line, line: _Line) -> bool:
    if line.number in draft.corrections:
        return draft.corrections[line.number] == "break"
    previous_text = _strip_markers(previous.plain, cleaning.find_markers(previous.plain)).strip()
    if not draft.wrapped and previous_text.endswith(("：", ":")):
        return True  # a paragraph that announces a list, in a file with one line per paragraph
    if not ends_sentence(previous_text):
        return False
    if not draft.wrapped:
        return True
    full = draft.full_width
    if previous.width < full - 5:
        return True
    starts_with_marker = any(m.start() == 0 for m in cleaning.find_markers(line.text.strip()))
    # A marker at the start of a line belongs to the sentence before it, so such a
    # line cannot be the indented first line of a new paragraph.
    indented = full - 5 <= line.width <= full - 3 and not starts_with_marker
    return indented and not ends_sentence(line.plain)


def _collect_captions_and_tables(draft: _Draft, article: Article) -> None:
    by_group: dict[int, list[_Line]] = {}
    for line in draft.lines:
        if line.role in (Role.CAPTION, Role.TABLE):
            by_group.setdefault(line.group, []).append(line)
    for group in sorted(by_group):
        lines = by_group[group]
        head = lines[0]
        match = CAPTION.match(head.plain)
        label = re.sub(r"\s+", "", match.group("label")) if match else ""
        text = normalise_spaces(match.group("text")) if match else head.plain
        caption_target = LedgerTarget(TargetKind.CAPTION, len(article.captions))
        _enter(draft, head, head.text, caption_target)
        notes = [part for part in lines if part.kind is CaptionPart.CAPTION_NOTE]
        for note_line in notes:
            _enter(draft, note_line, note_line.text, caption_target)
        article.captions.append(Caption(label, text, head.number, " ".join(part.plain for part in notes)))
        if head.kind is CaptionPart.TABLE_CAPTION:
            table_id = f"{article.id}:t{sum(1 for c in article.captions if c.label.startswith(('表', 'Table')))}"
            cells = [part for part in lines if part.kind is CaptionPart.CELL]
            source = [part for part in lines if part.kind is CaptionPart.SOURCE]
            for cell in cells + source:
                _enter(draft, cell, cell.text, LedgerTarget.of_record(table_id))
            article.tables.append(
                TableBlock(
                    id=table_id,
                    caption=f"{label} {text}".strip(),
                    cells=tuple(c.plain for c in cells),
                    source=source[0].plain if source else "",
                    line=head.number,
                    cell_lines=tuple(c.number for c in cells),
                )
            )


def _collect_notes(draft: _Draft, article: Article) -> None:
    groups: dict[int, list[_Line]] = {}
    for line in draft.lines:
        if line.role is Role.NOTE:
            groups.setdefault(line.group, []).append(line)
    entries = []
    for group in sorted(groups):
        lines = groups[group]
        first = lines[0].text.strip()
        start = NOTE_START.match(first)
        bare = BARE_NUMBER_NOTE.match(first)
        if start:
            marker = cleaning.plain_marker(start.group(0))
            marker_raw = start.group(0)
        elif bare:
            marker = bare.group("number")
            marker_raw = bare.group(0)
        else:
            marker, marker_raw = "", ""
        offset = lines[0].text.index(marker_raw) + len(marker_raw) if marker_raw else 0
        body_first = lines[0].text[offset:]
        text = join_lines(
            [cleaning.unescape_markdown(body_first)] + [cleaning.unescape_markdown(part.text) for part in lines[1:]]
        )
        entries.append((marker, text, lines, marker_raw, offset))
    used: set[int] = set()
    for number, (marker, text, lines, marker_raw, offset) in enumerate(entries, start=1):
        note_id = f"{article.id}:n{number:02d}"
        found = None
        for index in range(len(draft.markers) - 1, -1, -1):
            candidate = draft.markers[index]
            if index in used or _marker_key(candidate.marker) != _marker_key(marker):
                continue
            if candidate.line <= lines[0].number:
                found = index
                break
        if found is None:  # a notes list before its markers is unusual, but allowed
            for index, candidate in enumerate(draft.markers):
                if index not in used and _marker_key(candidate.marker) == _marker_key(marker):
                    found = index
                    break
        para_id = ""
        locator = ""
        position = None
        if found is not None:
            used.add(found)
            draft.markers[found].note_id = note_id
            para_id = _paragraph_of(draft.markers[found])
            locator = draft.markers[found].locator
            position = draft.markers[found].offset if para_id else None
        article.notes.append(Note(note_id, marker, normalise_note(text), lines[0].number, para_id, locator, position))
        _enter(draft, lines[0], marker_raw, MARKER)
        _enter(draft, lines[0], lines[0].text[offset:], LedgerTarget.of_record(note_id), offset)
        for line in lines[1:]:
            _enter(draft, line, line.text, LedgerTarget.of_record(note_id))
    # Markers whose notes the extraction does not include still get a note record,
    # so a reader sees that the author cited something here.
    for index, unmatched in enumerate(draft.markers):
        if index in used:
            continue
        note_id = f"{article.id}:n{len(article.notes) + 1:02d}"
        unmatched.note_id = note_id
        para_id = _paragraph_of(unmatched)
        position = unmatched.offset if para_id else None
        article.notes.append(
            Note(note_id, unmatched.marker, "", unmatched.line, para_id, unmatched.locator.strip(), position)
        )
    article.notes[:] = _renumber(article.id, article.notes, draft)
    article.paragraphs[:] = [
        Paragraph(p.id, p.text, p.section, p.lines, tuple(n.id for n in article.notes if n.para_id == p.id))
        for p in article.paragraphs
    ]


def _paragraph_of(marker: _Marker) -> str:
    """The id of the paragraph the marker stood in ("" for one on the title, front matter or nowhere)."""
    target = marker.target
    return target.record_id if target is not None and target.kind is TargetKind.PARAGRAPH else ""


def _renumber(article_id: str, notes: list[Note], draft: _Draft) -> list[Note]:
    """Number notes in the order their markers appear in the text."""
    cited_at = {m.note_id: (m.line, m.column) for m in draft.markers if m.note_id}
    ordered = sorted(notes, key=lambda n: cited_at.get(n.id, (n.line, 0)))
    new_ids = {note.id: f"{article_id}:n{index:02d}" for index, note in enumerate(ordered, start=1)}
    for entry_index, entry in enumerate(draft.ledger):
        if entry.target.kind is TargetKind.NOTE and entry.target.record_id in new_ids:
            renumbered = LedgerTarget.of_record(new_ids[entry.target.record_id])
            draft.ledger[entry_index] = LedgerEntry(entry.line, entry.column, entry.text, renumbered)
    return [Note(new_ids[n.id], n.marker, n.text, n.line, n.para_id, n.locator, n.offset) for n in ordered]


def _marker_key(marker: str) -> str:
    return re.sub(r"[\[\]〔〕()（）\\<>/sup\s:]", "", marker)


def normalise_note(text: str) -> str:
    """Tidy a note's text: spaces as in the body, but Latin text keeps its spaces."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def _collect_removed(draft: _Draft, article: Article) -> None:
    for line in draft.lines:
        if line.role is not Role.REMOVED:
            continue
        if not isinstance(line.kind, RemovedKind):
            raise VocabularyError(f"line {line.number}: removed without a removed kind ({line.kind!r})")
        target = LedgerTarget(TargetKind.REMOVED, len(article.removed))
        article.removed.append(
            Removed(kind=line.kind, text=line.raw.strip(), line=line.number, reason=line.removed_reason)
        )
        _enter(draft, line, line.raw, target)


# --- The no-loss ledger -------------------------------------------------------------


def unaccounted(article: Article) -> list[str]:
    """Check that every Han character of the raw file is accounted for.

    Returns a list of problems (empty when all is well): a raw line whose Han
    characters differ from those the ledger gives out for it, or a record whose
    text does not hold, in order, the Han characters the ledger says it received.

    >>> unaccounted(build_article("標題\\n\\n正文第一段。", "demo"))
    []
    """
    problems: list[str] = list(article.extraction_problems)
    raw_lines = article.raw_lines
    # In markdown a character reference (``&#22270;``) stands for its character.
    printed = cleaning.decode_character_references if _looks_like_markdown(article.raw) else str
    by_line: dict[int, list[LedgerEntry]] = {}
    by_target: dict[LedgerTarget, list[LedgerEntry]] = {}
    for entry in article.ledger:
        by_line.setdefault(entry.line, []).append(entry)
        by_target.setdefault(entry.target, []).append(entry)
    for number, raw_line in enumerate(raw_lines, start=1):
        given = sorted(han(printed("".join(e.text for e in by_line.get(number, [])))))
        if sorted(han(printed(raw_line))) != given:
            problems.append(f"line {number}: Han characters not accounted for: {raw_line.strip()[:40]!r}")
    for target, text in _record_texts(article).items():
        received = han(printed("".join(e.text for e in by_target.get(target, []))))
        if han(text) != received:
            problems.append(f"{target}: text does not match what the ledger gave it")
    known = set(_record_texts(article)) | {MARKER}
    for target in by_target:
        if target not in known:
            problems.append(f"ledger names an unknown record {str(target)!r}")
    return problems


def _record_texts(article: Article) -> dict[LedgerTarget, str]:
    texts: dict[LedgerTarget, str] = {}
    if any(e.target == TITLE for e in article.ledger):
        texts[TITLE] = article.title
    for index, heading in enumerate(article.headings):
        if heading.level > 0:
            texts[LedgerTarget(TargetKind.HEADING, index)] = heading.text
    for paragraph in article.paragraphs:
        texts[LedgerTarget.of_record(paragraph.id)] = paragraph.text
    for note in article.notes:
        texts[LedgerTarget.of_record(note.id)] = note.text
    for index, caption in enumerate(article.captions):
        texts[LedgerTarget(TargetKind.CAPTION, index)] = caption.label + caption.text + caption.note
    for table in article.tables:
        texts[LedgerTarget.of_record(table.id)] = "".join(table.cells) + table.source
    for index, front in enumerate(article.front_matter):
        texts[LedgerTarget(TargetKind.FRONT, index)] = front.text
    for index, removed in enumerate(article.removed):
        texts[LedgerTarget(TargetKind.REMOVED, index)] = removed.text
    return texts


def as_markdown(article: Article) -> str:
    """The cleaned article as markdown: ``#`` title, ``##``… headings, paragraphs.

    Front matter (byline, abstract, keywords…) is kept where it stood; notes,
    captions, tables and removed text are left out.

    Blocks are separated by a blank line. Cleaning this text again gives the same
    title, headings and paragraphs (cleaning is idempotent).

    >>> article = build_article("標題\\n\\n一、前言\\n\\n正文 第一段。", "demo")
    >>> print(as_markdown(article))
    # 標題
    <BLANKLINE>
    ## 一、前言
    <BLANKLINE>
    正文第一段。
    """
    blocks = [(h.line, "#" * (h.level + 1) + " " + h.text) for h in article.headings]
    blocks += [(p.line, _escape_block(p.text)) for p in article.paragraphs]
    # Front matter is meant to be read back as front matter: only markdown's own
    # block markers are escaped in it.
    blocks += [(f.line, _escape_markdown(f.text)) for f in article.front_matter if f.kind is not FrontKind.RUBRIC]
    return "\n\n".join(text for _, text in sorted(blocks, key=lambda b: b[0]))


def _escape_block(text: str) -> str:
    """Escape a paragraph that cleaning would otherwise read as something else.

    A paragraph that one of the line classifiers' patterns would match (``0.``
    looks like a numbered heading, ``[3] ...`` like a note, ``68`` like a page
    number, ``# ...`` like a markdown heading) gets its first character written as
    a numeric character reference. Markdown reads such a line as literal text
    (CommonMark: references never stand for structure) and so does the cleaner.

    >>> _escape_block("0.")
    '&#48;.'
    >>> _escape_block("正文")
    '正文'
    """
    if any(pattern.match(text) for pattern in LINE_START_PATTERNS):
        return f"&#{ord(text[0])};{text[1:]}"
    return text


def _escape_markdown(text: str) -> str:
    """Escape a block that markdown itself would read as a rule or heading."""
    if HORIZONTAL_RULE.match(text) or MARKDOWN_HEADING.match(text) or LITERAL_LINE.match(text):
        return f"&#{ord(text[0])};{text[1:]}"
    return text
