"""Character-level cleaning: decoding, spaces, markdown, note markers, line joins.

These functions work on strings and know nothing about articles; the structure
module decides which lines are body text, notes or headings and calls them.

>>> join_lines(["日本與中國在第三", "國展開合作"])
'日本與中國在第三國展開合作'
>>> join_lines(["the National", "Interest"])
'the National Interest'
>>> normalise_spaces("中國大陸 ( 以下簡稱大陸 ) 與日本自 2014 年")
'中國大陸(以下簡稱大陸)與日本自2014年'
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..errors import BinaryFileError, DecodingError, EmptyFileError

#: Encodings tried, in order, after UTF-8. GB18030 covers GBK and GB2312.
FALLBACK_ENCODINGS = ("gb18030", "big5")

#: The Han characters, as the inside of a regular-expression class: CJK unified
#: ideographs, their extensions and compatibility blocks. Every module that asks
#: "is this a Chinese character?" uses this range (the no-loss ledger counts these).
HAN_RANGE = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HAN_RE = re.compile(f"[{HAN_RANGE}]")

# Everything that behaves like a CJK character when deciding whether a space
# between two characters is meaningful: Han, kana, CJK punctuation, full-width forms.
_CJK_CLASS = (
    "\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u31ff\u3200-\u33ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
    "\u2014\u2018\u2019\u201c\u201d\u2026\u00b7\u2460-\u24ff"
)
_SPACE_CLASS = " \t\u00a0\u2002\u2003\u2009\u200b\u3000\ufeff"
_SPACES_NEAR_CJK = re.compile(f"(?<=[{_CJK_CLASS}])[{_SPACE_CLASS}]+|[{_SPACE_CLASS}]+(?=[{_CJK_CLASS}])")
_SPACE_RUN = re.compile(f"[{_SPACE_CLASS}]+")
_SPACE_BEFORE_CLOSING = re.compile(r" +(?=[)\],.;:!?])")
_SPACE_AFTER_OPENING = re.compile(r"(?<=[(\[]) +")

_LINE_END = re.compile(r"\r\n|\r|\n")

#: Punctuation that ends a sentence (possibly followed by a closing quote).
SENTENCE_END = "。！？!?；;…"
_CLOSERS = "”」』）)】〕’\"'》"
_ENDS_SENTENCE = re.compile(f"[{SENTENCE_END}][{_CLOSERS}]*$")


def split_lines(text: str) -> list[str]:
    r"""The lines of a text as an editor numbers them: line ``n`` is ``split_lines(text)[n - 1]``.

    Only ``\n``, ``\r\n`` and ``\r`` end a line. ``str.splitlines`` also breaks at
    a form feed (which pdftotext writes between pages), a vertical tab and other
    Unicode separators, and its numbers then disagree with the cleaner's. A
    byte-order mark at the start is dropped; a text ending with a line end has an
    empty last line, so that every character has a line.

    >>> split_lines("\ufeff標題\r\n第一頁\f第二頁\n")
    ['標題', '第一頁\x0c第二頁', '']
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    return _LINE_END.split(text)


def han(text: str) -> str:
    """Return only the Han characters of ``text``, in order.

    >>> han("2017 年雙方貿易總額為 33 兆日圓")
    '年雙方貿易總額為兆日圓'
    """
    return "".join(HAN_RE.findall(text))


def is_cjk(char: str) -> bool:
    """True for a Han character, kana or CJK/full-width punctuation.

    >>> is_cjk("中"), is_cjk("，"), is_cjk("A")
    (True, True, False)
    """
    return bool(re.match(f"[{_CJK_CLASS}]", char))


def display_width(text: str) -> int:
    """Width of ``text`` in half-width columns (a CJK character counts 2).

    Used to tell a full line of wrapped PDF text from a short last line.
    Characters of ambiguous width (“ ” · …) are set full-width in Chinese
    typesetting, so they count 2 as well.

    >>> display_width("中文ab"), display_width("“中”")
    (6, 6)
    """
    return sum(2 if unicodedata.east_asian_width(c) in "WFA" else 1 for c in text)


def ends_sentence(text: str) -> bool:
    """True if ``text`` ends with sentence-final punctuation.

    >>> ends_sentence("關係的重要性。"), ends_sentence("兩國「經濟」"), ends_sentence("他說：「好。」")
    (True, False, True)
    """
    return bool(_ENDS_SENTENCE.search(text.rstrip()))


def decode(data: bytes, where: str) -> tuple[str, str]:
    """Decode a text file's bytes; return ``(text, encoding)``.

    UTF-8 (with or without a byte-order mark) is tried first, then GB18030 and
    Big5. When both of those decode the bytes, the one whose result reads as
    more common Chinese wins. UTF-16 is accepted when it starts with a
    byte-order mark (Windows Notepad's "Unicode"). A file with NUL bytes is not
    text; a file that nothing decodes fails with the byte offset where the
    likeliest encoding breaks down.

    >>> decode("中文".encode("big5"), "x.txt")
    ('中文', 'big5')
    >>> decode(b"\\xef\\xbb\\xbfabc", "x.txt")
    ('abc', 'utf-8-sig')
    >>> decode("中文".encode("gb18030") + b"\\xff", "x.txt")
    Traceback (most recent call last):
    ...
    helpers.errors.DecodingError: x.txt: cannot be decoded as UTF-8, GB18030 or Big5 (it reads furthest as gb18030, up to the bad byte b'\\xff' at offset 4)
    """
    if not data:
        raise EmptyFileError(where, "the file is empty (0 bytes)")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Checked before the NUL test: UTF-16 writes every ASCII character with a NUL byte.
        text, encoding = _strict(data, "utf-16", where), "utf-16"
    elif b"\x00" in data:
        offset = data.index(b"\x00")
        raise BinaryFileError(where, f"not a text file (NUL byte at offset {offset})")
    elif data.startswith(codecs.BOM_UTF8):
        text, encoding = _strict(data, "utf-8-sig", where), "utf-8-sig"
    else:
        text, encoding = _decode_unmarked(data, where)
    if not text.strip():
        raise EmptyFileError(where, f"the file holds only white space ({len(data)} bytes)")
    return text, encoding


def _decode_unmarked(data: bytes, where: str) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as problem:
        failures = {"utf-8": problem}
    candidates = {}
    for encoding in FALLBACK_ENCODINGS:
        try:
            candidates[encoding] = data.decode(encoding)
        except UnicodeDecodeError as problem:
            failures[encoding] = problem
    if not candidates:
        # The encoding that gets furthest is most likely the file's own, so its
        # first bad byte is where the file is damaged.
        name, error = max(failures.items(), key=lambda item: item[1].start)
        raise DecodingError(
            where,
            "cannot be decoded as UTF-8, GB18030 or Big5 "
            f"(it reads furthest as {name}, up to the bad byte "
            f"{data[error.start : error.start + 1]!r} at offset {error.start})",
        )
    encoding = max(candidates, key=lambda name: _readability(candidates[name]))
    text = candidates[encoding]
    if _control_ratio(text) > 0.05:
        raise BinaryFileError(where, f"not a text file (decodes as {encoding} to control characters)")
    return text, encoding


def _strict(data: bytes, encoding: str, where: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        # The utf-8-sig codec counts from after the byte-order mark.
        offset = error.start + (len(codecs.BOM_UTF8) if encoding == "utf-8-sig" else 0)
        raise DecodingError(where, f"invalid {encoding} at byte offset {offset} ({error.reason})") from error


def _control_ratio(text: str) -> float:
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\r\n\t\f")
    return controls / max(len(text), 1)


def _readability(text: str) -> float:
    """Share of the text made of characters that real Chinese prose is made of.

    Bytes of one encoding decoded as another give rare characters, private-use
    code points and odd punctuation; the common ideograph block, ASCII and CJK
    punctuation score.
    """
    good = 0
    for char in text:
        code = ord(char)
        if 0x4E00 <= code <= 0x9FA5 or code < 0x80 or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFF5E:
            good += 1
        if 0xE000 <= code <= 0xF8FF:
            good -= 5
    return good / max(len(text), 1) + _common_bonus(text)


# A handful of the most frequent characters in both scripts: text decoded with the
# wrong codec almost never contains them.
_COMMON = set(
    "的一是不了在人有我他這这中大為为上個个國国和地到以說说時时要就出會会可也你對对生能而子那得於于著着下自之年過过發发後后作裡里用道行所然家種种事成方多經经麼么去法學学如都同現现當当沒没動动面起看定天分還还進进好小部其些主樣样理心她本前開开但因只從从想實实日軍军者意無无力它與与長长把機机十民第公此已工使情明性知全三又關关點点正業业外將将兩两高間间由問问很最重並并物手應应戰战向頭头文體体政美相見见被利什二等產产或新己制身果加西斯月話话合回特代內内信表化老給给世位次度門门任常先海通教兒儿原東东聲声提立及比員员解水名真論论處处走義义各入幾几口認认條条平系氣气題题活爾尔更別别打女變变四神總总何電电數数安少報报才結结反受目太量再感建務务做接必場场件計计管期市直德資资命山金指克許许統统區区保至隊队形社便空決决治展馬马科司五基眼書书非則则聽听白卻却界達达光放強强即像難难且權权思王象完設设式色路記记南品住告類类求據据程北邊边死張张該该交規规萬万取拉格望覺觉術术領领共確确傳传師师觀观清今切院讓让識识候帶带導导爭争運运笑飛飞風风步改收根干造言聯联持組组每濟济車车親亲極极林服快辦办議议往元英士證证近失轉转夫令準准布始怎呢存未遠远叫台單单影具羅罗字愛爱擊击流備备兵連连調调深商算質质團团集百需價价花黨党華华城石級级整府離离況况亞亚請请技際际約约示復复病息究線线似官火斷断精滿满支視视消越器容照須须九增研寫写稱称企八功嗎吗包片史委乎查輕轻易早曾除農农找裝装廣广顯显吧阿李標标談谈吃圖图念六引歷历首醫医局突專专費费號号盡尽另周較较注語语僅仅考落青隨随選选列武紅红響响雖虽推勢势參参希古眾众構构房半節节土投某案黑維维革劃划敵敌致陳陈律足態态護护七興兴派孩驗验責责營营星夠够章音跟志底站嚴严巴例防族供效續续施留講讲型料終终答緊紧黃黄絕绝奇察母京段依批群項项故按河米圍围江織织害斗雙双境客紀纪採采舉举殺杀攻父蘇苏密低朝友訴诉止細细願愿千值仍男錢钱破網网熱热助倒育屬属坐帝限船臉脸職职速刻樂乐否剛刚威毛狀状率甚獨独球般普怕彈弹校苦創创假久錯错承印晚蘭兰試试股拿腦脑預预誰谁益陽阳若哪微尼繼继送急血驚惊伤素藥药適适波夜省初喜衛卫源食險险待述陸陆習习置居勞劳財财環环排福納纳歡欢雷警獲获模充負负雲云停木遊游龍龙樹树疑層层冷洲衝冲射略範范竟句室異异激漢汉村哈策演簡简卡罪判擔担州靜静退既衣您宗積积余痛檢检差富靈灵協协角佔占配征修皮揮挥勝胜降階阶審审沉堅坚善媽妈刑詞词販贩庭"
)


def _common_bonus(text: str) -> float:
    chars = [c for c in text if 0x3400 <= ord(c) <= 0x9FFF]
    if not chars:
        return 0.0
    return sum(1 for c in chars if c in _COMMON) / len(chars)


def normalise_spaces(text: str) -> str:
    """Collapse white space the way Chinese typesetting expects.

    No-break, full-width and other odd spaces become ordinary spaces; spaces
    next to a CJK character (PDF extraction puts them around digits and
    brackets) are dropped; runs of spaces between Latin words become one.

    >>> normalise_spaces("GDP 1.3%，並且將增購最多 100 架")
    'GDP 1.3%，並且將增購最多100架'
    >>> normalise_spaces("日美關係\\u00a0\\u00a0日本外交")
    '日美關係日本外交'
    """
    text = _SPACES_NEAR_CJK.sub("", text)
    text = _SPACE_RUN.sub(" ", text)
    text = _SPACE_BEFORE_CLOSING.sub("", text)
    text = _SPACE_AFTER_OPENING.sub("", text)
    return text.strip()


def join_lines(lines: list[str]) -> str:
    """Join hard-wrapped lines into one string.

    Chinese characters are joined with nothing between them; two Latin words
    (or numbers) split across lines keep one space; a line ending in a hyphen
    (a URL or word broken by the PDF) is joined without a space.

    >>> join_lines(["(Soft ", "Hedging)，亦即"])
    '(Soft Hedging)，亦即'
    >>> join_lines(["https://example.org/why-", "fail-34632"])
    'https://example.org/why-fail-34632'

    A URL broken after a dot or a slash is joined whole, too:

    >>> join_lines(["讀賣新聞、https://www.yomiuri.", "co.jp/editorial/。"])
    '讀賣新聞、https://www.yomiuri.co.jp/editorial/。'
    """
    joined = ""
    for line in lines:
        piece = line.strip(_SPACE_CLASS)
        if not piece:
            continue
        if joined and _needs_space(joined[-1], piece[0]) and not _URL_BROKEN.search(joined):
            joined += " "
        joined += piece
    return joined


# The end of a line that stops inside a URL: the address has begun and the line ends on a
# character after which a URL goes on (a dot or a slash), never a space.
_URL_BROKEN = re.compile(r"(?:https?://|www\.)[^\s\u3000-\u303f\uff00-\uffef]*[./?=&#_%~]$")


def _needs_space(left: str, right: str) -> bool:
    # Curly quotes count as CJK punctuation, but around Latin words they are English.
    if (left in "”’" and right.isascii() and right.isalnum()) or (
        right in "“‘" and left.isascii() and (left.isalnum() or left in ",.;:")
    ):
        return True
    if left in "-/" or is_cjk(left) or is_cjk(right):
        return False
    return (left.isalnum() or left in ".,;:)\"'") and (right.isalnum() or right in "(\"'")


# --- Markdown -----------------------------------------------------------------

_MD_ESCAPE = re.compile(r"\\+([\\`*_{}\[\]()#+\-.!|<>~])")
_MD_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")
_MD_AUTOLINK = re.compile(r"<(https?://[^>\s]*)>")
_HTML_TAG = re.compile(r"</?(?:sup|sub|span|em|strong|b|i|br)\b[^>]*>", re.IGNORECASE)
# **bold** and __bold__, but not the escaped \*\* that marks a note.
_CHARACTER_REFERENCE = re.compile(r"&#(?:(\d{1,7})|[xX]([0-9a-fA-F]{1,6}));")
_MD_BOLD = re.compile(r"(?<![\\*])(\*\*|__)(?=\S)(.+?)(?<=[^\s\\])\1")


def unescape_markdown(text: str) -> str:
    """Turn a line of markdown into plain text.

    Backslash escapes (``\\*``, ``\\\\_``) lose their backslashes, links keep their
    target (``[text](url)`` → the URL when the text is the URL, else the text),
    autolinks lose their angle brackets and inline HTML tags are dropped.

    >>> unescape_markdown(r"不确定性\\*")
    '不确定性*'
    >>> unescape_markdown(r"[https://a.cn/x\\\\_1](https://a.cn/x_1)")
    'https://a.cn/x_1'
    >>> unescape_markdown("见<sup>①</sup>，来源:<https://a.cn/>")
    '见①，来源:https://a.cn/'
    >>> unescape_markdown("**摘要：**本文")
    '摘要：本文'
    """
    text = _MD_BOLD.sub(r"\2", text)
    text = _MD_LINK.sub(_link_text, text)
    text = _MD_AUTOLINK.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    return decode_character_references(_MD_ESCAPE.sub(r"\1", text))


def decode_character_references(text: str) -> str:
    """Replace numeric character references (``&#48;``, ``&#x56FE;``) by their characters.

    Named references (``&amp;``) are left as they are: web extractions print them
    as text often enough that decoding them would change what the author wrote.

    >>> decode_character_references("&#48;. &#x56fe;1 &amp;")
    '0. 图1 &amp;'
    """

    def character(match: re.Match[str]) -> str:
        decimal, hexadecimal = match.groups()
        code = int(decimal) if decimal else int(hexadecimal, 16)
        return chr(code) if 0 < code <= 0x10FFFF else match.group(0)

    return _CHARACTER_REFERENCE.sub(character, text)


def _link_text(match: re.Match[str]) -> str:
    label, target = match.group(1), match.group(2)
    plain_label = _MD_ESCAPE.sub(r"\1", label)
    if not plain_label or plain_label == target or plain_label.startswith("http"):
        return target
    return plain_label


# --- Note markers ----------------------------------------------------------------

#: Marker styles found in body text, most specific first. Each pattern has a
#: ``marker`` group and an optional ``locator`` group (a page reference).
MARKER_PATTERNS = (
    re.compile(r"(?P<marker>\[\^[^\]\s]{1,20}\])(?!:)"),
    re.compile(r"<sup>\s*(?P<marker>[①-⑳]|\d{1,3}|\*+)\s*</sup>"),
    re.compile(r"\s?(?P<marker>\[\d{1,3}\])(?P<locator>[（(]P\.\s?[\d\-–—,，]+[）)])?"),
    re.compile(r"(?P<marker>〔\d{1,3}〕)"),
    re.compile(r"(?P<marker>[①-⑳])"),
    re.compile(r"(?P<marker>(?:\\\*)+)(?=\s*$)"),
)


def find_markers(text: str) -> list[re.Match[str]]:
    """Return the note markers in a body line, left to right, not overlapping.

    >>> [m.group("marker") for m in find_markers("影响。 [2]（P.65）因为")]
    ['[2]']
    >>> [m.group("marker") for m in find_markers("持续波动。<sup>①</sup>整体")]
    ['①']
    """
    found: list[re.Match[str]] = []
    taken: list[tuple[int, int]] = []
    for pattern in MARKER_PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            found.append(match)
            taken.append((start, end))
    return sorted(found, key=lambda m: m.start())


def plain_marker(marker: str) -> str:
    """The marker without markup, as a reader would cite it.

    >>> plain_marker("<sup>①</sup>"), plain_marker(r"\\*\\*"), plain_marker("〔3〕")
    ('①', '**', '〔3〕')
    """
    return unescape_markdown(marker).strip().rstrip(":")
