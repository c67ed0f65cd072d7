"""A student's answer read as check() compares it: text normalised (case, script, width, quotes),
dates, numbers and number words ("four", "十二处"), paragraph ids ("P15", "abe-beijing-2018:p015"),
the items of a list or set given as one string, and the letters a set answer leaves out ("not d")."""

from __future__ import annotations

import math
import numbers
import re
import unicodedata

import pandas as pd

from ..text.datafiles import ID_SLUG_FORM
from ..text.quantities import parse_number
from ..text.script import to_simplified
from .records import Exercise, _form

# (at most three digits after the zeros a student may add: "p0012" is not p012)
_PARA_ID = re.compile(
    rf"^(?:(?P<article>{ID_SLUG_FORM})\s*:\s*)?p?\s*(?=\d{{1,3}}$|[1-9])0*(?P<number>\d+)$", re.IGNORECASE
)


_SEPARATORS = re.compile(r"[,，、;；\n]+")


_NUMBER_TEXT = re.compile(r"(?P<number>[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(?P<unit>[^\d\s.,][^\d]{0,11})?")


_QUOTES = "\"'“”‘’「」『』《》〈〉()（）[]【】"


#: Number words a student may write for a small count ("four", "四处"): English to twenty, Chinese to 九十九.
_ENGLISH_NUMBERS = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}


_ENGLISH_TENS = {
    word: 10 * n for n, word in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)
}


# A Chinese numeral (二百六十, 两百六十, 二六〇, 廿八), then at most a short unit (分钟, 处).
_CHINESE_NUMBER = re.compile(r"(?P<word>[〇零一二两兩三四五六七八九十百千万萬廿卅]+)(?:\s*(?P<unit>[^\d]{0,12}))?")


# An English number in words ("four", "twenty-eight", "two hundred and sixty"), then at most a short unit.
_ENGLISH_NUMBER = re.compile(
    r"(?P<word>(?:(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    r"hundred|thousand)\b(?:[\s-]+and\b)?[\s-]*)+)(?P<unit>[^\d]{0,12})"
)


#: Words that join paragraph ids in a careful answer ("p011 and p016", "p011 和 p016").
_CONNECTIVES = {"and", "&", "+", "和", "与", "與", "及"}


def normalise(value: object) -> str:
    """A string as :func:`check` compares it: NFKC (full-width to half-width), Simplified, case-folded,
    spaces collapsed (and dropped between Chinese characters), surrounding quotes and brackets removed.
    A year or date answer keeps only the date: a leading "in" or "the year" goes, and a year written
    in Chinese numerals before 年 (二〇一四年) is written in digits.

    >>> normalise("  「 霸權 護持 」 "), normalise("ＲＱＦＩＩ"), normalise("Hard  Hedging") == normalise("hard hedging")
    ('霸权护持', 'rqfii', True)
    >>> normalise("In 2014."), normalise("the year 2014"), normalise("二〇一四年"), normalise("in October 2014")
    ('2014', '2014', '2014年', '2014-10')
    >>> normalise("2014 年"), normalise("2014 年 10 月"), normalise("in the year 2014"), normalise("二〇一四")
    ('2014年', '2014-10', '2014', '2014')
    """
    text = unicodedata.normalize("NFKC", str(value))
    text = to_simplified(text).casefold()
    text = " ".join(text.split())
    text = re.sub(r"(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])", "", text)
    previous = None
    while previous != text:
        previous = text
        text = text.strip().strip(_QUOTES).strip()
    # "2014 年 10 月", as the articles print dates: no space inside a date.
    text = re.sub(r"(?<=\d) (?=[年月日])|(?<=[年月]) (?=\d)", "", text)
    text = _YEAR_IN_NUMERALS.sub(lambda m: f"{parse_number(m[0]):.0f}", text)
    return _date_key(_BEFORE_A_DATE.sub("", text.rstrip("。.")))


# What may follow or precede a text answer without changing it: a paragraph tag ("p011:", "(p011)"),
# a gloss or a working note in brackets or quotes with Latin letters or digits in it ("(as if)",
# "(2023 - 9)", "（2023年减9年）"), a romanisation before Chinese ("yanran 儼然"), or a note after a comma
# in English words ("2014, 9 years before 2023"). A bracket or note that offers another answer ("(or
# 彷彿)", ", or 2013") or holds only Chinese (which may be a second answer) is not dropped.
#: The words that offer a second answer, the one list every hedge pattern of the package is built from
#: (each adds the words and marks of its own place: "either", "though", "?", 或).
HEDGE_WORD = r"(?:or|maybe|perhaps|possibly|probably)"
_HEDGE_WORDS = rf"(?:(?:{HEDGE_WORD}|either)(?![a-z])|或者?)"
_TEXT_NOTES = (
    re.compile(r"^\s*p\d{1,3}\s*[:：.,，]\s*|\s*[(（]?\s*p\d{1,3}\s*[)）]?\s*$", re.IGNORECASE),
    re.compile(rf"\s*[(（](?!\s*{_HEDGE_WORDS})(?=[^()（）]*[a-z0-9])[^()（）]*[)）]?\s*$", re.IGNORECASE),
    re.compile(rf"\s*['‘“\"](?!\s*{_HEDGE_WORDS})[a-z][a-z\s'-]*['’”\"]?\s*$", re.IGNORECASE),
    re.compile(r"^[a-z][a-z\s]*\s+(?=[\u3400-\u9fff])|(?<=[\u3400-\u9fff])\s+[a-z][a-z\s'-]*$", re.IGNORECASE),
    re.compile(rf"\s*[,，;；]\s*(?!.*[\u3400-\u9fff])(?!\s*{_HEDGE_WORDS})(?=.*[a-z]{{3}}).*$", re.IGNORECASE),
)


# A text answer that says it is not the answer: "not 儼然", "儼然 (not)", "儼然 (wrong)", "… (not the answer)".
_DENIAL = r"(?:not|no|wrong|incorrect|false)(?:\s+(?:the answer|it|this one|this|right|correct))?\s*[.!]*"
_DENIES_ITSELF = re.compile(
    rf"^\s*(?:not|no)\s+(?=\S)|[(（]\s*{_DENIAL}\s*(?:[)）]|$)|[,，;；:：—–-]\s*{_DENIAL}\s*$", re.IGNORECASE
)


def _denies_itself(answer: object) -> bool:
    """Whether a text answer says that it is not the answer ("not 儼然", "儼然 (wrong)"); a note that
    rules out another answer ("儼然 (not 似乎)") does not.

    >>> [_denies_itself(a) for a in ("not 儼然", "儼然 (not)", "儼然 (wrong)", "儼然 (no)", "儼然 (not the answer)")]
    [True, True, True, True, True]
    >>> [_denies_itself(a) for a in ("儼然", "儼然 (not 似乎)", "儼然 (as if)", "2014 (not 2015)")]
    [False, False, False, False]
    """
    return isinstance(answer, str) and bool(_DENIES_ITSELF.search(unicodedata.normalize("NFKC", answer)))


# Working in a note: "2023 - 9", "2023年减9年", "2015 - 1 = 2014"; and "9 years before 2023".
_YEAR_SUM = re.compile(
    r"(\d+)\s*年?\s*(-|\+|−|减|減|加|minus|plus)\s*(\d+)\s*年?(?:\s*=\s*(\d+)\s*年?)?", re.IGNORECASE
)
_YEARS_BEFORE = re.compile(r"(\d+)\s*years?\s+(before|after|earlier than|later than|prior to)\s+(\d{4})", re.IGNORECASE)
_YEAR_WORDS = re.compile(
    r"(?<![a-z])(?:nineteen|twenty)[\s-]+(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|oh)(?![a-z])",
    re.IGNORECASE,
)


def _second_year(answer: object) -> bool:
    """Whether a year answer offers a second year in its note ("2014 (2015)", "2014年10月 (或2015年)",
    "2014 (twenty fifteen)") or working that does not give its year ("2014 (2023 - 8)",
    "2014, 9 years before 2024"); working that gives it is a careful student's note.

    >>> [_second_year(a) for a in ("2014 (2015)", "2014（2015年）", "2014年10月 (或2015年)", "2014 (2023 - 8)", "2014 (2023 - 9 = 2015)")]
    [True, True, True, True, True]
    >>> [_second_year(a) for a in ("2014", "2014 (2023 - 9)", "2014, 9 years before 2023", "2014年（2023年减9年）", "2014 (p020)", "2014 (not 2015)")]
    [False, False, False, False, False, False]
    """
    if not isinstance(answer, str):
        return False
    text = unicodedata.normalize("NFKC", answer)
    head = re.match(r"\D*?(?<!\d)(\d{4})(?!\d)", text)
    if not head:
        return False
    year, note = int(head.group(1)), text[head.end() :]
    for first, sign, second, result in _YEAR_SUM.findall(note):
        value = int(first) + int(second) if sign.casefold() in ("+", "加", "plus") else int(first) - int(second)
        if value != year or (result and int(result) != year):
            return True
    for count, way, base in _YEARS_BEFORE.findall(note):
        if int(base) + (int(count) if way.casefold().startswith(("after", "later")) else -int(count)) != year:
            return True
    rest = _YEARS_BEFORE.sub(" ", _YEAR_SUM.sub(" ", note))
    # a year the note rules out is not a second answer: "2014 (not 2015)"
    rest = re.sub(
        r"(?:(?<![a-z])not|不是|而非|非)\s*(?:\d{4}|[〇零一二三四五六七八九]{4})", " ", rest, flags=re.IGNORECASE
    )
    others = {int(y) for y in re.findall(r"(?<![\dp])\d{4}(?!\d)", rest, re.IGNORECASE)}
    others |= {int(parse_number(y)) for y in re.findall(r"[〇零一二三四五六七八九]{4}", rest)}
    return bool(others - {year}) or bool(_YEAR_WORDS.search(rest))


def _text_readings(answer: object) -> list[str]:
    """A text answer normalised (:func:`normalise`), then without what a careful student may add to
    it (see _TEXT_NOTES), 、 read as the comma ，, a final ；dropped: every reading, the whole first.

    >>> _text_readings("儼然 (as if)")[-1], _text_readings("2014 (2023 - 9)")[-1], _text_readings("yanran 儼然")[-1]
    ('俨然', '2014', '俨然')
    >>> _text_readings("p011: 但是、此舉並非意味；")[-1], _text_readings("2014, 9 years before 2023")[-1]
    ('但是,此举并非意味', '2014')
    >>> _text_readings("儼然 (or 彷彿)"), _text_readings("2014, or 2013")
    (['俨然 (or 仿佛'], ['2014, or 2013'])
    """
    text = unicodedata.normalize("NFKC", str(answer)).strip()
    readings = [normalise(text)]
    if _denies_itself(text) or _second_year(text):
        return readings
    for pattern in _TEXT_NOTES:
        text = pattern.sub("", text).strip()
        readings.append(normalise(text))
    readings.append(normalise(text.replace("、", ",").rstrip(";；。. ")))
    return [reading for reading in dict.fromkeys(readings) if reading]


# "in 2014", "the year 2014", "in October 2014": the words before a date are not part of the answer.
_BEFORE_A_DATE = re.compile(r"^(?:in the year|in|the year|year)\s+(?=[a-z.,\s\d]*\d{4}$)")


# A year in Chinese numerals (二〇一四年, 二零一四年): four digits before 年.


# Without 年 only when the numerals are the whole answer and begin like a year (二〇一四).
_YEAR_IN_NUMERALS = re.compile(r"[〇零一二三四五六七八九]{4}(?=年)|^[一二][〇零一二三四五六七八九]{3}$")


_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(\d{1,2})\s*日?|月)?(?:[ t]00:00(?::00)?)?")


# A part of a month that names no day (11月中旬 'mid-November', 8月底 'end of August', "2019-11 (mid)"):
# a text that dates an event so gives its month, and a student who copies it gives the month too.
_PART_OF_MONTH = re.compile(r"(?<=月)\s*(?:上旬|中旬|下旬|初|中|底|末)$|\s*\((?:early|mid|late|end)\)?$")


_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)


# A month's name or its abbreviation ("Aug", "Aug.", "Sept"), either case (the text is case-folded).
_MONTH_NAME = "(" + "|".join(_MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"


_WORD_MONTH = re.compile(
    r"(?:(\d{1,2})\s+|(?:early|mid|late|end of)[- ]?)?" + _MONTH_NAME + r"(?:\s+(\d{1,2}),?)?\s+(\d{4})"
)


# "November 22, 2019", "Nov. 22, 2019": the comma inside a date does not separate two items.
_COMMA_IN_A_DATE = re.compile(r"(\b" + _MONTH_NAME + r"\s+\d{1,2})\s*,\s*(?=\d{4}\b)", re.IGNORECASE)


# A date that leaves its year out: "8月", "11月22日", "11月中旬", "Aug", "Nov 22", "22 November".
_DATE_WITHOUT_YEAR = re.compile(
    r"\d{1,2}月(?:\d{1,2}日?)?(?:上旬|中旬|下旬|初|中|底|末)?|(?:\d{1,2}\s+)?" + _MONTH_NAME + r"(?:\s+\d{1,2})?"
)


def _date_key(text: str) -> str:
    """A date as YYYY-MM or YYYY-MM-DD ("2019-8-25", "2019/08/25", "2019年8月25日", a printed
    Timestamp, "22 november 2019"; a month with a part that names no day: "2019年11月中旬",
    "mid-november 2019", "2019-11 (mid)"); any other string unchanged. (The text is already
    case-folded.)

    >>> _date_key("2019-8-25"), _date_key("2019年11月"), _date_key("2019-11-22 00:00:00"), _date_key("p015")
    ('2019-08-25', '2019-11', '2019-11-22', 'p015')
    >>> _date_key("2019年11月中旬"), _date_key("mid-november 2019"), _date_key("2019-11 (mid)"), _date_key("august 2019")
    ('2019-11', '2019-11', '2019-11', '2019-08')
    >>> _date_key("22 november 2019"), _date_key("november 22, 2019")
    ('2019-11-22', '2019-11-22')
    >>> _date_key("aug 2019"), _date_key("aug. 2019"), _date_key("22 nov 2019"), _date_key("nov 22 2019"), _date_key("sept 2019")
    ('2019-08', '2019-08', '2019-11-22', '2019-11-22', '2019-09')
    """
    words = _WORD_MONTH.fullmatch(text)
    if words:
        day = words[1] or words[3]
        month = f"{words[4]}-{[name[:3] for name in _MONTHS].index(words[2][:3]) + 1:02d}"
        if not day:
            return month
        return f"{month}-{int(day):02d}" if 1 <= int(day) <= 31 else text
    match = _DATE.fullmatch(_PART_OF_MONTH.sub("", text))
    if not match or not 1 <= int(match[2]) <= 12 or (match[3] and not 1 <= int(match[3]) <= 31):
        return text
    return f"{match[1]}-{int(match[2]):02d}" + (f"-{int(match[3]):02d}" if match[3] else "")


# A word or mark that offers a second value: "4 or 5", "四或五", "4 (5?)" ("4 or so" is not a second value).
_NUMBER_HEDGE = re.compile(rf"(?<![a-z])(?!or\s+so\b)(?:{HEDGE_WORD}|either)(?![a-z])|[?？或]")

# A number in an answer: digits, a run of Chinese numerals, or an English number word; a number after
# "not" ("4 (not 5)") is one the student rules out.
_NUMBER_TOKEN = re.compile(
    r"(?<![a-z])not\s+|\d+(?:[.,]\d+)?|[〇零一二两兩三四五六七八九十百千万萬廿卅]+|(?<![a-z])(?:"
    + "|".join(sorted((*_ENGLISH_NUMBERS, *_ENGLISH_TENS), key=len, reverse=True))
    + r")(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?(?![a-z])"
)


def _hedged_number(answer: object) -> bool:
    """Whether a number answer offers two values with a hedge word or mark, in any script:
    "4 or 5", "4 (or 5)", "四或五", "四 (或五)", "four (or five)", "二十八或二十九", "4 (5?)".

    >>> [_hedged_number(a) for a in ("4 or 5", "四或者五", "four (or five)", "二十八或二十九", "4 (5?)", "260 (270?)")]
    [True, True, True, True, True, True]
    >>> [_hedged_number(a) for a in ("4", "28 (15 + 13)", "4 (not 5)", "two hundred and sixty", "about 260", "4 hours 20 minutes")]
    [False, False, False, False, False, False]
    """
    if not isinstance(answer, str):
        return False
    text = unicodedata.normalize("NFKC", answer).casefold()
    if not _NUMBER_HEDGE.search(text):
        return False
    values, negated = 0, False
    for token in _NUMBER_TOKEN.finditer(text):
        if token.group().startswith("not"):
            negated = True
            continue
        values += not negated
        negated = False
    return values >= 2


def _number(value: object) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, numbers.Real):
        number = float(value)
    elif isinstance(value, str):
        if _hedged_number(value):
            return None
        text = _number_core(unicodedata.normalize("NFKC", value).strip().replace("\u2212", "-"))
        # "1,234", "3.92%", "80 minutes", "10倍": a number, then at most a short unit without digits.
        match = _NUMBER_TEXT.fullmatch(text)
        if not match:
            return _number_word(text)
        number = float(match.group("number").replace(",", "").replace("_", "").replace(" ", ""))
    elif hasattr(value, "__float__") and not isinstance(value, (list, tuple, dict, set)):
        try:
            number = float(value)
        except (TypeError, ValueError):
            return None
    else:
        return None
    return number if math.isfinite(number) else None


#: Units a count answer may carry: how an (English) question names each, and how an answer may write it.
_UNITS = {
    "minutes": (r"\bminutes?\b", r"minutes?|mins?\b|m\b|分钟|分鐘"),
    "hours": (r"\bhours?\b", r"hours?|hrs?\b|h\b|小时|小時|钟头|鐘頭"),
    "seconds": (r"\bseconds?\b", r"seconds?|secs?\b|s\b|秒"),
    "days": (r"\bdays?\b", r"days?\b|天"),
    "a percentage": (r"%|\bper ?cent|\bpercentage|\bshare\b|\bproportion", r"%|per ?cent|百分"),
}


def _number_for(task: Exercise, answer: object) -> tuple[float | None, str]:
    """A number answer read for its question: the value (None if unreadable), and what is wrong with
    its unit ("" if nothing): "260 hours" where the question asks for minutes, "4%" where it asks for
    no percentage ("How many …?"). "4 hours 20 minutes" is 260 when the question asks for minutes.

    >>> from helpers.exercises.records import Kind
    >>> task = Exercise(id="x", question="How many minutes in all?", kind=Kind.NUMBER, hint="h", answer=260)
    >>> _number_for(task, "260 minutes"), _number_for(task, "4 hours 20 minutes"), _number_for(task, "260 hours")
    ((260.0, ''), (260.0, ''), (260.0, 'the question asks for minutes, not hours'))
    >>> _number_for(task, "4%")
    (4.0, 'the question asks for minutes, not a percentage')
    """
    value = _number(answer)
    if not isinstance(answer, str):
        return value, ""
    text = unicodedata.normalize("NFKC", answer).casefold()
    asked = [unit for unit, (named, _) in _UNITS.items() if re.search(named, task.question, re.IGNORECASE)]
    counting = re.search(r"\bhow many\b", task.question, re.IGNORECASE)
    if not _hedged_number(answer):
        # "4?" is unsure whatever the question; "about 4" is not the count a "How many …?" question
        # asks for, though "about 260" minutes is a fair reading of a measure.
        unsure = re.search(r"[?？]", text)
        approximate = _APPROXIMATE.search(text)
        if unsure or (approximate and counting and not asked):
            bare = _number(_APPROXIMATE.sub(" ", re.sub(r"[?？]", " ", text)).strip())
            if bare is not None:
                mark = "?" if unsure else approximate.group().strip() if approximate else ""
                what = "the exact count" if counting and not asked else "one number"
                return bare, f"the question asks for {what}: give the number itself, without {mark!r}"
    clock = re.fullmatch(
        r"\s*(\d+)\s*(?:hours?|hrs?|h|小时|小時)\s*(?:and\s*)?(\d+)\s*(?:minutes?|mins?|m|分钟|分鐘)\.?\s*", text
    )
    if clock and "minutes" in asked:
        return float(int(clock[1]) * 60 + int(clock[2])), ""
    if value is None:
        return None, ""
    for working in _WORKING.finditer(text):
        result = _worked(working.group(1))
        claimed = float(working.group(2)) if working.group(2) else value
        if result is not None and not math.isclose(result, claimed):
            shown = re.sub(r"\s+", " ", working.group(1).strip())
            return value, f"your working {shown} gives {result:g}, not {claimed:g}"
    # the words after the number (after digits, or after Chinese numerals: 二百六十秒)
    after = re.sub(r"^[^a-z%\u3400-\u9fff]*[〇零一二两兩三四五六七八九十百千万萬廿卅]*\s*", "", _number_core(text))
    given = [unit for unit, (_, written) in _UNITS.items() if re.match(written, after)]
    if given and given[0] not in asked and (asked or counting):
        return value, f"the question asks for {asked[0] if asked else 'a count'}, not {given[0]}"
    other = _OTHER_NOUNS.match(after)
    if other and counting and not re.search(rf"\b{other.group(1)}", task.question, re.IGNORECASE):
        return value, f"the question does not count {other.group(1)}"
    return value, ""


#: Working in a number answer: "15 + 13", "15 + 13 = 28", "30 - 2", "15 × 2 - 2" (sums and products of whole numbers).
_WORKING = re.compile(r"(?<![\d.,])(\d+(?:\s*[-+×x*]\s*\d+)+)(?![\d.,])(?:\s*=\s*(\d+)(?![\d.,]))?")


def _worked(expression: str) -> float | None:
    """The value of a sum like "15 + 13" or "15 × 2 - 2" (products first); None if it is not one.

    >>> _worked("15 + 13"), _worked("15 × 2 - 2"), _worked("30 - 2"), _worked("4 x 5")
    (28.0, 28.0, 28.0, 20.0)
    """
    total = 0.0
    for sign, term in re.findall(r"(^|[-+])\s*([\d\s×x*]+)", re.sub(r"\s+", "", expression)):
        factors = re.split(r"[×x*]", term)
        if not all(factor.isdigit() for factor in factors):
            return None
        product = math.prod(float(factor) for factor in factors)
        total += -product if sign == "-" else product
    return total


#: Words that make a number approximate: "about 4", "4 or so", "4-ish", "4左右", "约4", "~4", "4+".
_APPROXIMATE = re.compile(
    r"(?<![a-z])(?:about|around|roughly|approximately|approx\.?|circa|some|nearly|almost|at least|at most|"
    r"more than|less than|fewer than|or so|or more|or less|odd)(?![a-z])|-?ish\b|[~≈]|(?<=\d)\+\s*$|左右|上下|大约|大概|约|約|差不多"
)

#: Nouns after a count that a question may not be counting ("28 pages" for a count of notes).
_OTHER_NOUNS = re.compile(r"(years?|yrs?|pages?|people|persons?|articles?|km|kg|metres?|meters?|words?)(?![a-z])")


# What a student may write around a number: "about 260", "共 260", "260 minutes in all".
_BEFORE_A_NUMBER = re.compile(
    r"^(?:about|around|roughly|approximately|approx\.?|some|约|大约|共|一共|总共|總共|合计|合計)\s*"
)
_AFTER_A_NUMBER = re.compile(r"\s*(?:in all|in total|altogether|all told|total|in sum)$")


def _number_core(text: str) -> str:
    """A number answer without the working or words a student puts around it: "28 (15 + 13)",
    "15 + 13 = 28" (the result after the last "="), "4, all 上台", "about 260", "260 minutes in all".

    >>> [_number_core(t) for t in ("28 (15 + 13)", "15 + 13 = 28", "4, all 上台", "about 260", "260 minutes in all", "1,234")]
    ['28', '28', '4', '260', '260 minutes', '1,234']
    >>> [_number_core(t) for t in ("4 (or 5)", "4, or maybe 5", "4, 5")]  # a hedge keeps its second number
    ['4 (or 5)', '4, or maybe 5', '4, 5']
    """
    text = text.rstrip("。.").strip()
    if "=" in text:
        text = text.rsplit("=", 1)[1].strip()
    text = _AFTER_A_NUMBER.sub("", _BEFORE_A_NUMBER.sub("", text))
    # working in brackets after the number ("28 (15 in one article, 13 in the other)")
    bracketed = re.fullmatch(rf"(.+?)\s*[(（](?!\s*(?:{HEDGE_WORD}|not|或)\b)[^()（）]*[)）]?", text)
    if bracketed and re.search(r"\d|[一二两兩三四五六七八九十百千]|[a-z]", bracketed.group(1)):
        text = bracketed.group(1)
    # a note after a comma, a colon or a semicolon that starts with no digit ("4, all 上台"; "1,234" stays)
    noted = re.fullmatch(rf"(.+?)\s*(?:[,，;；:：]\s+|[，；：]\s*)(?!(?:{HEDGE_WORD}|not|或)\b)([^\d\s][^\d]*)", text)
    if noted:
        text = noted.group(1)
    return text.strip()


def _number_word(text: str) -> float | None:
    """A count written in words, alone or before a short unit: "four", "Four (all 上台)", "四", "十二处",
    "two hundred and sixty", "二百六十分钟", "两百六十", "二六〇".

    Chinese numerals below 10,000 are read by the project's own numeral reader (parse_number of
    helpers.text.quantities, which the quantities table uses and tests), once a pattern has made
    sure they are well formed ("十十" is not a number); 廿 and 卅 (twenty, thirty) are written out first.

    >>> _number_word("four"), _number_word("Twelve hits"), _number_word("四"), _number_word("二十三处"), _number_word("many")
    (4.0, 12.0, 4.0, 23.0, None)
    >>> _number_word("twenty-eight"), _number_word("Thirty one paragraphs"), _number_word("forty")
    (28.0, 31.0, 40.0)
    >>> _number_word("two hundred and sixty"), _number_word("two hundred sixty minutes"), _number_word("one two")
    (260.0, 260.0, None)
    >>> _number_word("二百六十"), _number_word("两百六十分钟"), _number_word("一百"), _number_word("二六〇"), _number_word("廿八")
    (260.0, 260.0, 100.0, 260.0, 28.0)
    """
    lowered = text.casefold()
    english = _ENGLISH_NUMBER.fullmatch(lowered)
    if english:
        return _english_number(english.group("word"))
    chinese = _CHINESE_NUMBER.fullmatch(lowered)
    if not chinese:
        return None
    numeral = chinese.group("word").replace("廿", "二十").replace("卅", "三十")
    if not _CHINESE_NUMERAL.fullmatch(numeral):
        return None  # "十十", "百二": not a numeral
    try:  # parse_number also reads digits one by one (二六〇)
        return parse_number(numeral)
    except ValueError:
        return None


# A well-formed Chinese numeral below 10,000 (二百六十, 一千零五, 十四) or digits one by one (二六〇).
_CHINESE_NUMERAL = re.compile(
    r"[〇零一二两兩三四五六七八九]+|(?=.)(?:[一二两兩三四五六七八九]千)?零?(?:[一二两兩三四五六七八九]百)?零?"
    r"(?:[一二两兩三四五六七八九]?十)?[一二三四五六七八九]?"
)


def _english_number(words: str) -> float | None:
    """The value of an English number in words ("two hundred and sixty"); None if the words do not make one."""
    total, group, last = 0, 0, ""
    for word in (w for w in re.split(r"[\s-]+", words) if w and w != "and"):
        if word in _ENGLISH_NUMBERS and word not in _ENGLISH_TENS:
            if last in ("unit", "teen") or (last == "tens" and _ENGLISH_NUMBERS[word] >= 10):
                return None
            group += _ENGLISH_NUMBERS[word]
            last = "teen" if _ENGLISH_NUMBERS[word] >= 10 else "unit"
        elif word in _ENGLISH_TENS:
            if last in ("unit", "teen", "tens"):
                return None
            group += _ENGLISH_TENS[word]
            last = "tens"
        elif word == "hundred" and last in ("unit", "teen", "") and group % 100 == group:
            group, last = (group or 1) * 100, "hundred"
        elif word == "thousand" and last != "thousand" and not total:
            total, group, last = (group or 1) * 1000, 0, ""
        else:
            return None
    return float(total + group)


def _para_key(value: object, default_article: str | None) -> tuple[str | None, int] | None:
    """``(article id, paragraph number)`` for "p015", "P15", "15", "abe-beijing-2018:p015"; None if not an id."""
    if isinstance(value, bool):
        return None
    if isinstance(value, numbers.Integral):
        return default_article, int(value)
    match = _PARA_ID.match(unicodedata.normalize("NFKC", str(value)).strip().strip(_QUOTES).strip())
    if not match:
        return None
    article = match.group("article")
    return (article.lower() if article else default_article), int(match.group("number"))


def _answer_id_keys(answer: object, default: str | None) -> tuple[list[tuple[str | None, int]], list[object]] | None:
    """The paragraph keys an ids answer gives (those it excludes left out: "p13-p18 except p14"), and
    its items that are not ids; None if the answer is not list-like."""
    if isinstance(answer, numbers.Integral) and not isinstance(answer, bool):
        return [(default, int(answer))], []  # a bare number is one paragraph id, as "27" and [27] are
    items, excluded = _id_items(answer)
    if items is None or not (items or excluded):
        return None
    keys, bad = _id_keys(items, default)
    left_out, bad_out = _id_keys(list(excluded), default)
    return [key for key in keys if key not in left_out], bad + bad_out


def _id_keys(items: list[object], default: str | None) -> tuple[list[tuple[str | None, int]], list[object]]:
    """The paragraph keys of an answer's items, and the items that are not ids."""
    # "p018 p019" is as careful an answer as "p018, p019": split an unreadable string item at spaces
    # (only then, so that "abe-beijing-2018 : p015" still reads as one id).
    items = [
        part
        for item in items
        for part in (item.split() if isinstance(item, str) and _para_key(item, default) is None else [item])
    ]
    items = [item for item in items if not (isinstance(item, str) and item.strip().casefold() in _CONNECTIVES)]
    found = [_para_key(item, default) for item in items]
    bad = [item for item, key in zip(items, found) if key is None]
    return [key for key in found if key is not None], bad


# "paragraph 12", "paragraphs 1 and 10", "para 12", "p.12", "pp. 1, 10", "¶12": the word is the "p".
_PARAGRAPH_WORD = re.compile(r"(?:\bparagraphs?|\bparas?\.?|\bpp?\.|¶)\s*(?=\d)", re.IGNORECASE)


# One id as a student writes it in a longer answer (with or without its article).
_ID_TOKEN = rf"(?:{ID_SLUG_FORM}\s*:\s*)?p?\d{{1,4}}"


# A range of ids: "p015–p018", "p015-p018", "p015 to p018", "15-18".
_ID_RANGE = re.compile(
    rf"(?<![\w-])(?P<first>{_ID_TOKEN})\s*(?:[-–—~～]|\bto\b|\bthrough\b|至|到)\s*(?P<last>p?\d{{1,4}})(?![\w])",
    re.IGNORECASE,
)


# What excludes ids: "not p030", "except p014", "(not p009, p026, p027)", "but not p017", "without p015".
_EXCLUDING_IDS = re.compile(
    r"\b(?:but\s+)?(?:not|except(?:\s+for)?|excluding|without)\b|除了?|不含|不是", re.IGNORECASE
)


def _id_items(answer: object) -> tuple[list[object] | None, list[object]]:
    """The items of an ids answer and the items it excludes, a string read as a careful student writes
    it: "p012.", "p001 (Abe), p010 (Whiton)" (a reason in brackets), "p027, not p030" and "p013,
    p015 (not p009, p026)" (exclusions), "p015–p018" and "p13-p18 except p14" (ranges), "paragraph 12",
    "paras 1 and 10", "p.12", "abe-beijing-2018 p001" (the article before a space), "p012: 以…為名"
    (the id, then what the paragraph says). Anything else is as :func:`_items` gives it.

    >>> _id_items("p013, p015–p018 (not p014).")
    (['p013', 'p015', 'p016', 'p017', 'p018'], ['p014'])
    >>> _id_items("paragraphs 1 and 10"), _id_items("p001 (Abe), p010 (Whiton)"), _id_items("p012: 以「21世紀海上絲綢之路」為名")
    ((['p1 and 10'], []), (['p001', 'p010'], []), (['p012'], []))
    >>> _id_items("p027 (or p030)")
    (['p027', 'or p030'], [])
    >>> _id_items("abe-beijing-2018 p001, p010"), _id_items("p13-p18 except p14")
    ((['abe-beijing-2018:p001', 'p010'], []), (['p13', 'p14', 'p15', 'p16', 'p17', 'p18'], ['p14']))
    """
    if not isinstance(answer, str):
        return _items(answer), []
    text = unicodedata.normalize("NFKC", answer)
    text = _PARAGRAPH_WORD.sub("p", text)
    # "abe-beijing-2018 p001": the article, a space, then the id
    text = re.sub(r"\b([a-z][a-z0-9]*(?:-[a-z0-9]+)*-\d{4})\s+(?=p?\d)", r"\1:", text, flags=re.IGNORECASE)
    # brackets: an exclusion in them counts, all of it ("(not p009, p026)"); else they hold the student's note
    in_brackets: list[str] = []

    def bracket(match: re.Match) -> str:
        if _EXCLUDING_IDS.match(match[1].strip()):
            in_brackets.append(_EXCLUDING_IDS.sub(" ", match[1], count=1))
            return " "
        # ids in brackets are ids the answer gives ("p027 (or p030)" is two, and a hedge); else a note
        if re.search(rf"(?<![\w-]){_ID_TOKEN}(?![\w])", match[1], flags=re.IGNORECASE):
            return " , " + match[1] + " , "
        return " "

    text = re.sub(r"[(（]([^()（）]*)[)）]?", bracket, text)
    included, excluded = [], list(in_brackets)
    parts = _EXCLUDING_IDS.split(text)
    for number, part in enumerate(parts):
        if number == 0:
            included.append(part)
            continue
        # An exclusion names the ids after it that "or", "and" or spaces join ("not p009 or p026", "except
        # p014"); a comma, a colon or a semicolon ends it ("p001, not p015, p011" keeps p011).
        stop = re.search(r"[,，、:：;；\n]", part)
        excluded.append(part[: stop.start()] if stop else part)
        included.append(part[stop.end() :] if stop else "")
    return _expanded(" , ".join(included)), [item for scope in excluded for item in _expanded(scope)]


def _expanded(text: str) -> list[object]:
    """The ids a text names, ranges written out ("p015-p018" is four ids), each id's trailing full stop
    and a note after it ("p012: 以…為名", "p012 以…") dropped; items that are not ids as they are."""

    def write_out(match: re.Match) -> str:
        first, last = _para_key(match["first"], None), _para_key(match["last"], None)
        if first is None or last is None or not 0 < last[1] - first[1] <= 60:
            return match[0]
        prefix = f"{first[0]}:" if first[0] else ""
        digits = re.sub(r"^.*?p?(\d+)$", r"\1", match["first"].strip(), flags=re.IGNORECASE)
        width = len(digits) if digits.startswith("0") else 0
        return ", ".join(f"{prefix}p{n:0{width}d}" for n in range(first[1], last[1] + 1))

    items: list[object] = []
    for part in _items(_ID_RANGE.sub(write_out, text)) or []:
        item = str(part).strip().rstrip("。.").strip()
        if not item:
            continue
        noted = re.fullmatch(rf"({_ID_TOKEN})(?:\s*[:：.]\s*|\s+)(.+)", item, flags=re.IGNORECASE)
        if (
            noted
            and not re.search(rf"(?<![\w-]){_ID_TOKEN}(?![\w])", noted[2], flags=re.IGNORECASE)
            and noted[2] not in _CONNECTIVES
        ):
            item = noted[1]
        items.append(item)
    return items


def _items(answer: object) -> list[object] | None:
    """The items of a list-like answer (a string is split at commas, 、 and semicolons); None if not list-like."""
    if isinstance(answer, str):
        answer = _COMMA_IN_A_DATE.sub(lambda match: match[1] + " ", answer)
        parts = [part.strip() for part in _SEPARATORS.split(answer)]
        return [part for part in parts if part]
    if isinstance(answer, pd.DataFrame):
        if "para_id" in answer.columns:
            return list(answer["para_id"])
        if answer.shape[1] == 1:
            return list(answer.iloc[:, 0])
        return None
    if isinstance(answer, dict):
        return None
    if isinstance(answer, (pd.Series, pd.Index, list, tuple, set, frozenset)) or (
        hasattr(answer, "__iter__") and hasattr(answer, "__len__") and not isinstance(answer, (bytes, bytearray))
    ):
        items = list(answer)
        if any(isinstance(item, (list, tuple, set, dict)) for item in items):
            return None
        return items
    return None


def _spaced_list(items: tuple[str, ...]) -> tuple[str, ...]:
    """A list's normalised items split at spaces and "and" ("s2t s2tw and s2hk" is three items)."""
    return tuple(word for item in items for word in item.split(" ") if word and word != "and")


# "not d", "but not d or e", "except d": what follows names letters the student leaves out.
_EXCLUDING = re.compile(r"(?:\bbut\s+|\band\s+)?\b(?:not|except|excluding)\b", re.IGNORECASE)


# What ends the letters an exclusion names: a colon, a semicolon or a new line ("not d, not e: a b c"),
# or a "but" that is not "but not" ("not d but a, b and c").
_END_OF_EXCLUDING = re.compile(r"\s*(?:[:：;；\n]|\bbut\b(?!\s+not\b))", re.IGNORECASE)


def _without_excluded_letters(answer: str) -> str | None:
    """A set-of-letters answer without the letters it excludes ("a, b, c, not d" is "a, b, c"), wherever
    the exclusions stand ("not d, not e: a b c" is "a b c"); None if an excluded part is not letters or
    excludes a letter the answer also includes.

    Each "not" (or "except", "excluding") excludes the letters after it, up to the next "not", a colon,
    a semicolon, a new line or a "but"; the colon or "but" that ends an exclusion goes with it.

    >>> _without_excluded_letters("a, b, c, not d"), _without_excluded_letters("a, b but not d or e")
    ('a, b, c, ', 'a, b ')
    >>> _without_excluded_letters("not d, not e: a b c"), _without_excluded_letters("not d or e but a, b")
    (' a b c', ' a, b')
    >>> _without_excluded_letters("a, b, not a"), _without_excluded_letters("a, b, not the others"), _without_excluded_letters("a, b")
    (None, None, 'a, b')
    """
    markers = list(_EXCLUDING.finditer(answer))
    if not markers:
        return answer
    kept, excluded = [], []
    position = 0
    for number, marker in enumerate(markers):
        if marker.start() < position:  # a "not" inside what an earlier exclusion already took
            return None
        kept.append(answer[position : marker.start()])
        stop = markers[number + 1].start() if number + 1 < len(markers) else len(answer)
        end = _END_OF_EXCLUDING.search(answer, marker.end(), stop)
        scope = answer[marker.end() : end.start() if end else stop]
        letters = [w.casefold() for w in re.findall(r"[^\W\d_]+", scope) if w.casefold() not in {"or", "and", "nor"}]
        if not letters or any(len(w) != 1 for w in letters):
            return None
        excluded += letters
        position = end.end() if end else stop
    kept.append(answer[position:])
    included = {w.casefold() for w in re.findall(r"[^\W\d_]+", "".join(kept))}
    if included & set(excluded):
        return None
    return "".join(kept)


def _letters_written_out(task: Exercise, answer: str) -> str:
    """A set-of-letters answer with a range ("a–c", "a to c") or "all except d and e" written out as the
    letters the question labels its items with ("(a) …", "(b) …"), and a note after a dash that follows
    the letters dropped ("a, b, c — d and e are the author's own"). Anything else is unchanged.

    >>> from helpers.exercises.records import Kind
    >>> task = Exercise(id="x", question="(a) x (b) y (c) z (d) w (e) v", kind=Kind.SET, hint="h", answer=["a"])
    >>> [_letters_written_out(task, t) for t in ("a–c", "all except d and e", "a, b, c — d and e are his own", "b–a")]
    ['a, b, c', 'a, b, c', 'a, b, c', 'b–a']
    """
    labels = sorted(set(re.findall(r"\(([a-z])\)", task.question)))
    if not labels:
        return answer
    text = answer.strip()
    every = re.fullmatch(
        r"all\s+(?:but|except|excluding)\s+((?:\(?[a-z]\)?(?:\s*(?:,|and|or|&)\s*|\s+)?)+)", text, re.I
    )
    if every:
        left_out = set(re.findall(r"(?<![a-z])[a-z](?![a-z])", every[1].casefold()))
        return ", ".join(label for label in labels if label not in left_out)

    def letter_range(match: re.Match) -> str:
        first, last = match[1].casefold(), match[2].casefold()
        return ", ".join(label for label in labels if first <= label <= last) if first < last else match[0]

    # a range standing as an item of its own: "a–c", "a - c, e", not "c — d and e are …"
    range_item = r"(?:^|(?<=[,，、;；&]))\s*([a-z])\s*(?:[-–—~]|\bto\b)\s*([a-z])\s*(?=$|[,，、;；&])"
    text = re.sub(range_item, letter_range, text, flags=re.I)
    if re.match(r"[\sa-z,，、&]+\s[—–]+\s", text, re.I):
        letters, note = re.split(r"\s[—–]+\s", text, maxsplit=1)
        # "a, b, c — not d": the dash separates an exclusion; "a, b, c — d and e are his own": a note
        text = f"{letters}, {note}" if re.match(r"(?:but\s+)?(?:not|except|excluding)\b", note, re.I) else letters

    return text


def _letter_run(word: str, expected: frozenset, task: Exercise | None = None) -> bool:
    """Whether ``word`` is letters run together ("abc", "bd"): not an item, in alphabetical order, and
    (when the question labels its items "(a)", "(b)" …) made of those labels only, so that "not" is a word."""
    labels = set(re.findall(r"\(([a-z])\)", task.question)) if task is not None else set()
    return (
        word not in expected
        and word.isalpha()
        and list(word) == sorted(set(word))
        and (not labels or set(word) <= labels | set(expected))
    )


def _describe(answer: object) -> str:
    if isinstance(answer, bool):
        return f"True/False ({answer})"
    if isinstance(answer, numbers.Number):
        return f"a number ({answer!r})"
    if isinstance(answer, str):
        return f"a piece of text ({answer[:40]!r})"
    if isinstance(answer, (list, tuple, set, frozenset)):
        return f"a {type(answer).__name__} of {len(answer)}"
    return f"a {type(answer).__name__}"


def _wants(task: Exercise, answer: object) -> str:
    return f"Your answer is {_describe(answer)}; this exercise wants {_form(task)}."
