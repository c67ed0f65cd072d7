"""Find the quantities an article cites: money, percentages, counts, durations.

Chinese writes numbers in several ways at once, and the same digits can be an
amount, a date, an ordinal or part of a name. :func:`extract_quantities` reads
a text left to right and keeps only the *amounts*, one row per quantity, with
the number as a float and the unit normalised. The rules, each with an example
(the examples run as tests):

>>> def show(text):
...     return [(q.raw, q.value, q.unit) for q in extract_quantities(text).itertuples()]

**Arabic digits**, with thousands separators and spaces, and the **magnitude
characters** 萬/万 (10⁴), 億/亿 (10⁸), 兆 (10¹²), 千 and 百; a number written
after a magnitude is added to it (3 萬 2349 = 32 349):

>>> show("共有3萬2349家日本企業")
[('3萬2349家', 32349.0, '家')]
>>> show("共同設立超過 1,000 億日圓的基金")
[('超過 1,000 億日圓', 100000000000.0, 'JPY')]
>>> show("提供了215.3亿日元贷款")
[('215.3亿日元', 21530000000.0, 'JPY')]

**Currencies** become ISO codes (日圓/日元 JPY, 美元 USD, 人民幣 CNY, 韓元 KRW,
歐元 EUR):

>>> show("2000億人民幣(約三點四兆日圓)")
[('2000億人民幣', 200000000000.0, 'CNY'), ('約三點四兆日圓', 3400000000000.0, 'JPY')]

**Chinese numerals**, including 兩/两 and 點 as the decimal point:

>>> show("雙方企業高層約一千五百人出席")
[('約一千五百人', 1500.0, '人')]

**Ranges** give ``value`` and ``value_high``; a magnitude written once applies
to both ends (600~1100億 is 600億 to 1100億):

>>> q = extract_quantities("農業產值預計將減少600~1100億日元")
>>> q[["raw", "value", "value_high", "unit"]].values.tolist()
[['600~1100億日元', 60000000000.0, 110000000000.0, 'JPY']]
>>> q = extract_quantities("支持率基本在20%至40%左右")
>>> q[["raw", "value", "value_high", "unit", "qualifier"]].values.tolist()
[['20%至40%左右', 20.0, 40.0, 'percent', '左右']]

**Percentages**, **multiples**, **distances**:

>>> show("比前一年成長9.8%，上限達十倍，距離150公里")
[('9.8%', 9.8, 'percent'), ('達十倍', 10.0, 'times'), ('150公里', 150.0, 'km')]

**Durations** become ``year``, ``month``, ``day``, ``minute`` …:

>>> show("停滯 7 年之久；總時長約415分鐘；三個月的演訓；時隔50餘天")
[('7 年之久', 7.0, 'year'), ('約415分鐘', 415.0, 'minute'), ('三個月', 3.0, 'month'), ('50餘天', 50.0, 'day')]

**Counted things** keep their classifier as the unit:

>>> show("增購最多100架，獲得192席")
[('最多100架', 100.0, '架'), ('192席', 192.0, '席')]

**Scores** may be negative, with an em dash as the minus sign; a bare number
after a score has been mentioned (分值, 分) is read as a score too:

>>> show("在“紧张”区间(—3分至-6分)；分值于12月升至-5.0后")
[('—3分至-6分', -6.0, 'point'), ('-5.0', -5.0, 'point')]

**Approximations** keep the number and put the hedge in ``qualifier``:

>>> extract_quantities("時隔50餘天").loc[0, "qualifier"]
'餘'

**Ordinals** (第…) are returned with ``ordinal=True`` so that they can be
filtered out; they are never counts:

>>> q = extract_quantities("第 20 屆總統選舉，第七屆會議，第1次會議，連續第三年")
>>> q[["raw", "value", "unit", "ordinal"]].values.tolist()
[['第 20 屆', 20.0, '屆', True], ['第七屆', 7.0, '屆', True], ['第1次', 1.0, '次', True], ['第三年', 3.0, '年', True]]

**Dates are not quantities**: years, months, days, decades and centuries,
single or as ranges, and a bare year-like number, are all left out:

>>> show("2018 年 10 月，2019~2023 年，5 月 8 至 11 日，4~6 月間，1990年代，21 世紀，2017")
[]

**Numbers that are not amounts**: URLs, note markers, page locators, figure
and table labels, and designations (F-35, G20, 2+2, model numbers) are skipped:

>>> show("見https://a.cn/2024/5.html [3]〔12〕①（P.65）表1 F-35B G20 日美“2+2” 218ZD167 Kharasan-1")
[]

Offsets always slice back to ``raw``:

>>> text = "總金額達180億美元"
>>> row = extract_quantities(text).iloc[0]
>>> text[row.start:row.end] == row.raw == "達180億美元"
True

What the rules cannot see (check the rows by eye before citing them):

* a hedge counts only when written next to the number: in 約占…的43% the 約
  is too far away, so 43% has no qualifier;
* a lone 一 before a classifier is read as the indefinite article (一個過程)
  and 兩國/两国 as the noun "both countries", so neither is returned; 一 is
  kept before time units (未來一年, 近一年);
* N日 is a date ("on the 24th") unless a cue says it is a number of days
  (為期3日, 時隔…, 3日內);
* numbers are not joined across line breaks: clean the text first;
* 第三方 and 第三國 ("third party", "third country") come back as ordinals,
  as the grammar says, though they are words.

The word lists below (units, currencies, hedges) are plain dictionaries so that
a teacher can read them; extend them if an article uses a unit they miss.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import astuple, dataclass
from decimal import Decimal

import pandas as pd

from .cleaning import HAN_RE

COLUMNS = ["raw", "value", "value_high", "unit", "start", "end", "qualifier", "ordinal"]

# --- Word lists --------------------------------------------------------------------

DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "兩": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
# 兆 is 10^12 in Taiwanese and Japanese usage (兆日圓), which is what these texts mean.
BIG_UNITS = {"萬": 10**4, "万": 10**4, "億": 10**8, "亿": 10**8, "兆": 10**12}
MAGNITUDES = {**SMALL_UNITS, **BIG_UNITS}

CURRENCIES = {
    "日圓": "JPY",
    "日圆": "JPY",
    "日元": "JPY",
    "日幣": "JPY",
    "日币": "JPY",
    "美元": "USD",
    "美金": "USD",
    "人民幣": "CNY",
    "人民币": "CNY",
    "韓元": "KRW",
    "韩元": "KRW",
    "韓圜": "KRW",
    "韩圜": "KRW",
    "歐元": "EUR",
    "欧元": "EUR",
    "盧布": "RUB",
    "卢布": "RUB",
    "英鎊": "GBP",
    "英镑": "GBP",
    "新台幣": "TWD",
    "新臺幣": "TWD",
    "港元": "HKD",
    "港幣": "HKD",
    "港币": "HKD",
}

# Surface form -> (unit, kind). "kind" drives the rules: a "date" unit means the
# number is a date; "year" and "day" may be either (decided by _is_date).
TIME_UNITS = {
    "年之久": ("year", "year"),
    "年": ("year", "year"),
    "週年": ("anniversary", "anniversary"),
    "周年": ("anniversary", "anniversary"),
    "年代": ("", "date"),
    "年度": ("", "date"),
    "財年": ("", "date"),
    "财年": ("", "date"),
    "世紀": ("", "date"),
    "世纪": ("", "date"),
    "月份": ("", "date"),
    "月": ("", "date"),
    "個多月": ("month", "time"),
    "个多月": ("month", "time"),
    "個月": ("month", "time"),
    "个月": ("month", "time"),
    "個星期": ("week", "time"),
    "个星期": ("week", "time"),
    "星期": ("week", "time"),
    "週": ("week", "time"),
    "周": ("week", "time"),
    "天": ("day", "time"),
    "日": ("day", "day"),
    "個小時": ("hour", "time"),
    "个小时": ("hour", "time"),
    "小時": ("hour", "time"),
    "小时": ("hour", "time"),
    "分鐘": ("minute", "time"),
    "分钟": ("minute", "time"),
}

MEASURE_UNITS = {
    "%": ("percent", "percent"),
    "％": ("percent", "percent"),
    "個百分點": ("percentage point", "percent"),
    "个百分点": ("percentage point", "percent"),
    "百分點": ("percentage point", "percent"),
    "百分点": ("percentage point", "percent"),
    "倍": ("times", "multiple"),
    "公里": ("km", "distance"),
    "千米": ("km", "distance"),
    "km": ("km", "distance"),
    "海里": ("nautical mile", "distance"),
    "公尺": ("m", "distance"),
    "分": ("point", "point"),
    "號": ("", "designation"),
    "号": ("", "designation"),
    "頁": ("", "page"),
    "页": ("", "page"),
}

# Classifiers (量詞) of counted things; the classifier itself is the unit.
CLASSIFIERS = (
    "家 架 架次 項 项 席 人 人次 名 位 國 国 個 个 次 艘 噸 吨 輛 辆 枚 件 份 種 种 "
    "組 组 條 条 座 屆 届 輪 轮 場 场 篇 起 顆 颗 處 处 方面 階段 阶段"
).split()

# Words that follow 第 as the thing ranked (第二任, 第五代), besides the classifiers.
ORDINAL_WORDS = set("代 任 期 版 章 節 节 款 季 波 批 點 点".split())

UNITS: dict[str, tuple[str, str]] = {
    **{surface: (code, "money") for surface, code in CURRENCIES.items()},
    **TIME_UNITS,
    **MEASURE_UNITS,
    **{word: (word, "count") for word in CLASSIFIERS},
}
LONGEST_UNIT = max(map(len, UNITS))
DURATION_KINDS = {"year", "day", "time"}
# 十分 means "very", not ten points; 四週/四周 means "all around", not four weeks.
ARABIC_ONLY_UNITS = {"分", "km", "週", "周"}

# Hedges written before the number, longest first so that 約合 wins over 約.
PREFIX_QUALIFIERS = (
    "超過 超过 最多 最少 至少 高達 高达 多達 多达 將近 将近 接近 大約 大约 "
    "約合 约合 預計 预计 不到 不足 約 约 近 逾 達 达"
).split()
# ...but a one-character hedge may be the end of a word: 條約 (treaty), 最近, 到達.
PREFIX_BLOCKERS = {
    "約": "條条公合簽签契節节制預预相締缔",
    "约": "條条公合簽签契節节制預预相締缔",
    "近": "最附靠鄰邻親亲貼贴",
    "達": "到抵傳传下表發发轉转送",
    "达": "到抵傳传下表發发轉转送",
}
INNER_QUALIFIERS = "餘余多"  # between number and unit: 50餘天, 三十多人
SUFFIX_QUALIFIERS = ("左右", "以上", "以下", "多", "餘", "余")

# A lone 一 before a classifier is usually the indefinite article (一個過程, 一項工程),
# and after these characters it belongs to a word (前一年, 同一天, 唯一, 統一).
ONE_BLOCKERS = set("前同這这那唯統统之萬万每某另單单哪任")

# --- Numbers that are not amounts --------------------------------------------------

_SP = r"[ \t\u3000]*"
_DASHES = "-—–−－"
_MASKS = [
    re.compile(r"(?:https?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%\\]+"),
    re.compile(r"<sup>.*?</sup>"),
    re.compile(r"\[[0-9]{1,3}\]|〔[0-9]{1,3}〕|［[0-9]{1,3}］|【[0-9]{1,3}】"),
    re.compile(rf"[（(]{_SP}[Pp]{{1,2}}{_SP}\.?{_SP}[0-9]+(?:{_SP}[-—–~]{_SP}[0-9]+)?{_SP}[）)]"),
    re.compile(rf"第{_SP}[0-9]+(?:{_SP}[-—–~]{_SP}[0-9]+)?{_SP}[页頁]"),
    # Designations: letters and digits written together (F-35B, G20, 5G, 218ZD167).
    re.compile(r"(?<![A-Za-z])(?!(?:GDP|GNP)[ 0-9])[A-Za-z]+[-‐]?[0-9]+[A-Za-z0-9\-]*"),
    re.compile(r"(?<![0-9.])[0-9]+(?:\.[0-9]+)?(?!km(?![A-Za-z]))[A-Za-z]+[A-Za-z0-9\-]*"),
    re.compile(rf"[0-9]+{_SP}\+{_SP}[0-9]+"),  # 2+2 talks
    re.compile(r"[0-9]{1,2}[·・•][0-9]{1,2}"),  # 9·11
    re.compile(r"[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}"),  # 2025-01-18
    re.compile(rf"[（(]{_SP}[0-9]{{1,2}}{_SP}[)）]"),  # list items (1) (2)
    re.compile(rf"(?<![代發发列外報报公地])[表图圖]{_SP}[0-9]+"),  # 表1, 图2 (but 代表 300 人)
    re.compile(r"[0-9一二三四五六七八九十]+[國国]集[團团]"),  # 七國集團 = G7
    re.compile(r"三位一[體体]"),
]
_FULLWIDTH = str.maketrans("０１２３４５６７８９．～〜", "0123456789.~~")

_ARABIC = r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
_MAG = rf"(?:{_SP}(?:[萬万億亿兆]|千(?![米克瓦])|百(?!分)))"
_ARABIC_RE = re.compile(rf"(?<![0-9.])({_ARABIC})({_MAG}*)")
_CONTINUATION_RE = re.compile(rf"{_SP}({_ARABIC})({_MAG}*)(?![0-9.,]|{_SP}[年月日%％號号])")
_CHINESE_RE = re.compile(
    r"[〇零一二兩两三四五六七八九十][〇零一二兩两三四五六七八九十百千萬万億亿兆]*"
    r"(?:[點点]([〇零一二三四五六七八九]+)([萬万億亿兆]*))?"
)
_SP_RE = re.compile(_SP)
_START_RE = re.compile(r"[0-9]|[〇零一二兩两三四五六七八九十]")
_SEPARATOR_RE = re.compile(rf"{_SP}[~\-—–－−至到]{_SP}")
_PREFIX_RE = re.compile(rf"(?:{'|'.join(PREFIX_QUALIFIERS)}){_SP}$")
_AFTER_MONTH_RE = re.compile(rf"[月日]{_SP}(?:[至到~\-—–、和及]{_SP})?$")
_DAY_CUES = "為期 为期 時隔 时隔 歷時 历时 連續 连续 長達 长达".split() + PREFIX_QUALIFIERS
_DAY_CUE_BEFORE_RE = re.compile(rf"(?:{'|'.join(_DAY_CUES)}){_SP}$")
_SUFFIX_RE = re.compile(rf"{_SP}({'|'.join(SUFFIX_QUALIFIERS)})")
_DAY_CUE_AFTER_RE = re.compile(rf"{_SP}(?:之久|內|内|間|间|以來|以来|後|后)")


@dataclass(frozen=True)
class Quantity:
    """One quantity found in a text; ``text[start:end] == raw``."""

    raw: str
    value: float
    value_high: float
    unit: str
    start: int
    end: int
    qualifier: str
    ordinal: bool


@dataclass(frozen=True)
class _Unit:
    """A unit as written (``surface``), what it means, and where it ends."""

    surface: str
    name: str  # the unit reported: "JPY", "year", "架" …
    kind: str  # what rules apply: "money", "count", "date", "year", "day" …
    end: int


@dataclass(frozen=True)
class _Number:
    """A numeral as read, before its unit is known."""

    start: int
    end: int
    value: float
    high: float  # NaN unless the numeral itself is a range (七八個)
    script: str  # "arabic" or "chinese"
    text: str
    magnitude: int  # product of the trailing magnitude characters, 1 if none
    plain_integer: bool  # Arabic, no separator, point or magnitude: could be a year


# --- Reading numerals --------------------------------------------------------------


def parse_number(numeral: str) -> float:
    """Return the value of a numeral in Arabic digits, Chinese, or both.

    >>> parse_number("一千五百"), parse_number("三點四兆"), parse_number("3 萬 2349")
    (1500.0, 3400000000000.0, 32349.0)
    >>> parse_number("二十"), parse_number("兩"), parse_number("1,000億")
    (20.0, 2.0, 100000000000.0)
    """
    text = numeral.strip().translate(_FULLWIDTH)
    number = _read_number(text, 0) if text else None
    if number is None or number.end != len(text):
        raise ValueError(f"not a numeral: {numeral!r}")
    return number.value


def _chinese_integer(text: str) -> float:
    """Value of a Chinese integer such as 一千五百, 三萬二千, 二〇二四."""
    if len(text) > 1 and all(char in DIGITS for char in text):
        return float("".join(str(DIGITS[char]) for char in text))  # 二〇二四 is read digit by digit
    total, section, number = 0, 0, 0
    for char in text:
        if char in DIGITS:
            number = DIGITS[char]
        elif char in SMALL_UNITS:
            section += (number or 1) * SMALL_UNITS[char]
            number = 0
        else:
            section += number
            number = 0
            if section == 0:  # 萬億: a bigger unit scales everything so far
                total *= BIG_UNITS[char]
            else:
                total += section * BIG_UNITS[char]
            section = 0
    return float(total + section + number)


def _magnitude(marks: str) -> int:
    return math.prod(MAGNITUDES[char] for char in marks if char in MAGNITUDES)


def _read_number(text: str, i: int) -> _Number | None:
    """Read the numeral that starts at ``text[i]``, or return None."""
    # Decimal keeps 2.2亿 at 220000000.0 instead of 220000000.00000003.
    match = _ARABIC_RE.match(text, i)
    if match:
        digits, marks = match.groups()
        exact = Decimal(digits.replace(",", "")) * _magnitude(marks)
        end = match.end()
        while marks:  # 3萬2349: a smaller number after a magnitude is added to it
            more = _CONTINUATION_RE.match(text, end)
            if not more:
                break
            extra = Decimal(more.group(1).replace(",", "")) * _magnitude(more.group(2))
            if extra >= _magnitude(marks[-1]):
                break
            exact, end, marks = exact + extra, more.end(), more.group(2)
        plain = digits.isdigit() and end == match.end() and not match.group(2)
        return _Number(i, end, float(exact), math.nan, "arabic", text[i:end], _magnitude(marks), plain)
    match = _CHINESE_RE.match(text, i)
    if not match:
        return None
    whole = match.group()
    integer = re.split(r"[點点]", whole)[0]
    fraction, marks = match.group(1), match.group(2) or ""
    high = math.nan
    if fraction:  # 三點四兆
        decimals = Decimal("0." + "".join(str(DIGITS[char]) for char in fraction))
        value = float((Decimal(int(_chinese_integer(integer))) + decimals) * _magnitude(marks))
    elif _two_neighbours(integer):
        value, high = float(DIGITS[integer[0]]), float(DIGITS[integer[1]])  # 七八個: seven or eight
    else:
        value = _chinese_integer(integer)
        marks = integer[len(integer.rstrip("萬万億亿兆")) :]
    return _Number(i, match.end(), value, high, "chinese", whole, _magnitude(marks), False)


def _two_neighbours(numeral: str) -> bool:
    """True for 三四, 七八: "three or four", not thirty-four."""
    if len(numeral) != 2 or not all(char in DIGITS for char in numeral):
        return False
    return DIGITS[numeral[1]] == DIGITS[numeral[0]] + 1


def _skip_spaces(text: str, i: int) -> int:
    """The index of the first character at or after ``i`` that is not a space."""
    while i < len(text) and text[i] in " \t\u3000":
        i += 1
    return i


def _read_unit(text: str, i: int, script: str) -> _Unit | None:
    """Read the unit written at ``text[i]`` (spaces allowed before it), or None."""
    j = _skip_spaces(text, i)
    for length in range(LONGEST_UNIT, 0, -1):
        surface = text[j : j + length]
        if surface not in UNITS:
            continue
        if surface in ARABIC_ONLY_UNITS and script != "arabic":
            return None
        if surface == "分" and not _ends_score(text, j + 1):
            return None
        return _Unit(surface, *UNITS[surface], j + length)
    return None


def _ends_score(text: str, i: int) -> bool:
    """分 is a score only when no word goes on after it (not 分析, 分之, 分別)."""
    return i >= len(text) or not _is_han(text[i]) or text[i] in "至到以左後后的"


def _is_han(char: str) -> bool:
    return bool(HAN_RE.match(char))


# --- Interpreting numerals ---------------------------------------------------------


def _mask(text: str) -> str:
    """Blank out (same length) the spans whose digits are never amounts."""
    chars = list(text.translate(_FULLWIDTH))
    for pattern in _MASKS:
        for match in pattern.finditer(text.translate(_FULLWIDTH)):
            chars[match.start() : match.end()] = "\x00" * (match.end() - match.start())
    return "".join(chars)


def _sign_start(text: str, i: int) -> int:
    """Index of a minus sign written just before ``text[i]``, else ``i``.

    A dash is a minus sign when it does not join two words or numbers (F-35,
    1992-1997) and is not half of a Chinese dash (——).
    """
    if i >= 1 and text[i - 1] in _DASHES:
        before = text[i - 2] if i >= 2 else " "
        if not (before.isascii() and before.isalnum()) and before not in _DASHES:
            return i - 1
    return i


def _is_year(number: _Number) -> bool:
    if number.plain_integer:
        return 1000 <= number.value <= 2100
    return number.script == "chinese" and len(number.text) >= 3 and all(c in DIGITS for c in number.text)


def _looks_like_date(number: _Number) -> bool:
    """A bare 2017 or 2023.5 (year.month) is a date."""
    if number.script != "arabic" or number.magnitude != 1 or "," in number.text:
        return False
    return 1000 <= math.floor(number.value) <= 2100


def _lone_chinese_ok(text: str, number: _Number, kind: str | None, surface: str | None) -> bool:
    """Chinese numerals are words too (一方面, 兩國關係, 十分); keep the clear amounts."""
    if number.script != "chinese":
        return True
    if kind is None:  # no unit: only a long numeral standing alone, like 一千五百
        after = text[number.end] if number.end < len(text) else ""
        return any(c in MAGNITUDES for c in number.text) and not _is_han(after)
    if number.text == "一":
        before = text[number.start - 1] if number.start else ""
        return kind in DURATION_KINDS and before not in ONE_BLOCKERS
    # 兩國 is "both countries", a noun, not a count
    return not (number.text in ("兩", "两") and surface in ("國", "国"))


def _interpret(text: str, norm: str, number: _Number) -> tuple[Quantity | None, int]:
    """Turn a numeral and what surrounds it into a Quantity (or None); return where it ends."""
    rank_start = _ordinal_start(norm, number.start)
    if rank_start is not None:
        return _ordinal(text, norm, number, rank_start), number.end
    start = _sign_start(norm, number.start) if number.script == "arabic" else number.start
    sign = -1.0 if start < number.start else 1.0
    unit, inner = _unit_after(norm, number)
    value, high = sign * number.value, number.high
    end = unit.end if unit else number.end
    stretch = _range_after(norm, number, value, unit, end) if math.isnan(high) else None
    if stretch:
        value, high, number, unit, end = stretch
    if unit is None and norm[max(0, start - 3) : start] == "百分之":
        unit, start = _Unit("百分之", "percent", "percent", end), start - 3  # 百分之二十 = 20%
    if not _is_amount(norm, number, unit, start, end, sign):
        return None, end
    name = unit.name if unit else ""
    if unit is None and sign < 0 and "分" in norm[max(0, start - 60) : start]:
        name = "point"  # 升至-5.0: a score given without its unit
    qualifier, start, end = _qualifier(norm, start, end, inner, unit)
    ordinal = unit is not None and unit.kind == "anniversary"  # 40週年 is the fortieth
    return Quantity(text[start:end], value, high, name, start, end, qualifier, ordinal), end


def _ordinal_start(norm: str, start: int) -> int | None:
    """Index of the 第 written before the numeral (spaces allowed), if any."""
    window = norm[max(0, start - 4) : start]
    stripped = window.rstrip(" \t\u3000")
    if stripped.endswith("第"):
        return start - (len(window) - len(stripped)) - 1
    return None


def _unit_after(norm: str, number: _Number) -> tuple[_Unit | None, str]:
    """The unit after a numeral, and a hedge written between them (50餘天)."""
    unit = _read_unit(norm, number.end, number.script)
    gap = _skip_spaces(norm, number.end)
    if unit is None and gap < len(norm) and norm[gap] in INNER_QUALIFIERS:
        unit = _read_unit(norm, gap + 1, number.script)
        if unit:
            return unit, norm[gap]
    return unit, ""


def _range_after(norm: str, number: _Number, value: float, unit: _Unit | None, end: int):
    """Read a range's second half: 600~1100億日元, 20%至40%, —3分至-6分, 1992-1997年.

    Return (low, high, number, unit, end) or None. Both halves must have the
    same unit, or only the second one has it. A magnitude written only on the
    second half applies to the first too. The returned number is the one that
    decides whether the range is a date (the year-like half, if any).
    """
    separator = _SEPARATOR_RE.match(norm, end)
    if not separator:
        return None
    j = separator.end()
    minus = j < len(norm) and norm[j] in _DASHES
    second = _read_number(norm, j + 1 if minus else j)
    if second is None:
        return None
    second_unit = _read_unit(norm, second.end, second.script)
    if unit is not None and (second_unit is None or unit.name != second_unit.name):
        return None  # 7月至2026年 is two dates, not a range
    if not any(char in MAGNITUDES for char in number.text):
        value = float(Decimal(repr(value)) * second.magnitude)
    other = -second.value if minus else second.value
    deciding = second if _is_year(second) and not _is_year(number) else number
    end = second_unit.end if second_unit else second.end
    return min(value, other), max(value, other), deciding, second_unit, end


def _is_amount(norm: str, number: _Number, unit: _Unit | None, start: int, end: int, sign: float) -> bool:
    """False for dates, designations, page numbers and numerals that are words."""
    kind = unit.kind if unit else None
    if not _lone_chinese_ok(norm, number, kind, unit.surface if unit else None):
        return False
    if kind in ("date", "designation", "page") or _is_date(norm, number, kind, start, end):
        return False
    return not (kind is None and sign > 0 and _looks_like_date(number))


def _qualifier(norm: str, start: int, end: int, inner: str, unit: _Unit | None) -> tuple[str, int, int]:
    """Find the hedge (約, 超過, 左右, 多…) around a quantity; widen start/end to include it."""
    qualifier = inner
    kind = unit.kind if unit else None
    suffix = _SUFFIX_RE.match(norm, end)
    if suffix and (suffix.group(1) not in INNER_QUALIFIERS or kind in DURATION_KINDS):
        qualifier, end = qualifier or suffix.group(1), suffix.end()  # 三年多, 80%以上
    if unit is not None and unit.surface in ("個多月", "个多月"):
        qualifier = qualifier or "多"
    prefix = _PREFIX_RE.search(norm, max(0, start - 4), start)
    blockers = PREFIX_BLOCKERS.get(prefix.group().strip(), "") if prefix else ""
    if prefix and prefix.start() and norm[prefix.start() - 1] in blockers:
        prefix = None  # 條約 is a treaty, not "about"
    if prefix:
        qualifier, start = prefix.group().strip(" \t\u3000"), prefix.start()
    return qualifier, start, end


def _is_date(norm: str, number: _Number, kind: str | None, start: int, end: int) -> bool:
    """年 after a year-like number, and 日 unless something says "for N days"."""
    if kind == "year":
        return _is_year(number)
    if kind == "day":
        if _AFTER_MONTH_RE.search(norm, max(0, start - 6), start):
            return True  # 5月8日, 5月7日至8日
        # "24日與美國…" is "on the 24th"; only a duration cue makes N日 a number of days.
        return not (_DAY_CUE_BEFORE_RE.search(norm, max(0, start - 4), start) or _DAY_CUE_AFTER_RE.match(norm, end))
    return False


def _ordinal(text: str, norm: str, number: _Number, start: int) -> Quantity:
    """第 20 屆, 第七屆, 第1次: value is the rank, unit the classifier after it ("" if none)."""
    unit = _read_unit(norm, number.end, number.script)
    after = _skip_spaces(norm, number.end)
    if unit and unit.kind not in ("designation", "page"):
        surface, end = unit.surface, unit.end
    elif norm[after : after + 1] in ORDINAL_WORDS:
        surface, end = norm[after], after + 1
    else:  # 第三方, 第一，: the rank alone
        surface, end = "", number.end
    return Quantity(text[start:end], number.value, math.nan, surface, start, end, "", True)


def find_quantities(text: str) -> Iterator[Quantity]:
    norm = _mask(text)
    done = 0
    for candidate in _START_RE.finditer(norm):
        if candidate.start() < done:
            continue
        number = _read_number(norm, candidate.start())
        if number is None:
            continue
        quantity, end = _interpret(text, norm, number)
        done = max(end, number.end)
        if quantity is not None:
            yield quantity


# --- Public API --------------------------------------------------------------------


def extract_quantities(text: str) -> pd.DataFrame:
    """Return one row per quantity in ``text``, in reading order.

    Columns: ``raw`` (as written, hedge included), ``value`` (float; the low end
    of a range), ``value_high`` (the high end, NaN if not a range), ``unit``
    (ISO currency code, ``percent``, ``year``, ``km``, ``point``, ``times``… or
    the classifier, e.g. ``架``; ``""`` if none), ``start``/``end`` (offsets,
    ``text[start:end] == raw``), ``qualifier`` (約, 近, 逾, 餘, 多, 超過…; ``""``
    if none) and ``ordinal`` (True for 第… and anniversaries).

    >>> extract_quantities("日本出口大陸為15兆日圓，占19%")[["raw", "value", "unit"]].values.tolist()
    [['15兆日圓', 15000000000000.0, 'JPY'], ['19%', 19.0, 'percent']]
    >>> extract_quantities("2019年雙方舉行了5次首腦會談")[["raw", "unit"]].values.tolist()
    [['5次', '次']]
    >>> extract_quantities("").columns.tolist() == COLUMNS
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"extract_quantities needs a str, not {type(text).__name__}")
    return quantity_frame([astuple(quantity) for quantity in find_quantities(text)], COLUMNS)


def quantity_frame(rows: Iterable[tuple], columns: list[str]) -> pd.DataFrame:
    """A frame of quantity rows (:data:`COLUMNS`, after any key columns) with its column types.

    >>> quantity_frame([], COLUMNS).dtypes["value"]
    dtype('float64')
    """
    frame = pd.DataFrame(rows, columns=columns)
    return frame.astype({"value": float, "value_high": float, "start": int, "end": int, "ordinal": bool})
