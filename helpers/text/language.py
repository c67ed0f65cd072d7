"""Words in Chinese text: segmentation (jieba), stopwords, pinyin and a glossary.

Chinese is written without spaces, so the first step of any word count is to cut
the text into words. :func:`segment` does it with jieba, helped by the project's
user dictionary (``helpers/data/userdict.txt``) so that names such as 安倍晉三 or
第三方市場合作 stay whole:

>>> segment("首相安倍晉三回訪北京")
['首相', '安倍晉三', '回訪', '北京']

Traditional text is segmented as well as Simplified text, because jieba is given
the Simplified rendering and the word boundaries are then laid back onto the
characters as printed:

>>> segment("首相安倍晋三回访北京")
['首相', '安倍晋三', '回访', '北京']

jieba is loaded only when a function here first needs it, quietly, with its
dictionary cache in the user's cache directory.
"""

from __future__ import annotations

import functools
import logging
import math
import re
import unicodedata
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from .cleaning import HAN_RANGE
from .datafiles import DATA_DIR, ID_SLUG, DataFileError, Row, edit_stamp, read_csv, read_lines
from .script import _converter, to_simplified, to_traditional

if TYPE_CHECKING:  # only for type hints: importing jieba is what we must not do early
    import jieba

USERDICT_PATH = DATA_DIR / "userdict.txt"
STOPWORDS_PATH = DATA_DIR / "stopwords.txt"
GLOSSARY_PATH = DATA_DIR / "glossary.csv"
CACHE_APP_NAME = "japan-relations-reader"
GLOSSARY_COLUMNS = ("term", "variant", "pinyin", "gloss", "article_ids")

# jieba's hidden Markov model guesses words that are not in any dictionary. On
# these articles its guesses are often wrong (陆方则, 部等, 今井尚|哉), and a guessed
# word cannot be looked up or fixed. With it off, every token of two or more
# characters is an entry of jieba's dictionary or of ours, so a bad split is
# explained by the dictionaries and mended by adding a line to userdict.txt.
# (Both settings are deterministic.)
USE_HMM = False

# Without the HMM, jieba cuts 9.8% into 9 . 8 %; numbers with a decimal point,
# thousands separators (1,000) or a percent sign are kept whole before jieba
# sees them. Plain whole numbers need no help.
_NUMBER = re.compile(r"(?<![A-Za-z0-9.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?(?![A-Za-z0-9])")
_HAN = re.compile(f"[{HAN_RANGE}]+")
_USER_WORD = re.compile(r"^(?P<word>\S+)(?:\s+(?P<freq>\S+))?(?:\s+(?P<tag>\S+))?$")
_TAG = re.compile(r"^[a-z]+$")
# The characters jieba keeps together in one token (its re_han_default); a word
# with any other character (·, /, a space) can never come out whole.
_NOT_JIEBA_WORD_CHAR = re.compile(r"[^\u4E00-\u9FD5a-zA-Z0-9+#&._%-]")
_WHOLE_IN_PINYIN = ("nr", "ns", "j")  # tags of user words pinyin() writes as one word


class LanguageDataError(DataFileError):
    """A malformed line or row in one of the language data files in ``helpers/data``."""


# --- The user dictionary -------------------------------------------------------------


@dataclass(frozen=True)
class UserWord:
    """One entry of the user dictionary, with the line it was read from."""

    word: str
    freq: int | None
    tag: str | None
    line: int


def read_user_dictionary(path: str | Path = USERDICT_PATH) -> list[UserWord]:
    """Read a user dictionary: ``word [freq] [tag]`` per line, ``#`` comments.

    >>> entries = read_user_dictionary()
    >>> next(e for e in entries if e.word == "安倍晉三").tag
    'nr'
    """
    entries: list[UserWord] = []
    first_line: dict[str, int] = {}
    for number, text in read_lines(path, LanguageDataError):
        entry = _parse_user_word(text, f"{path}, line {number}", number)
        if entry.word in first_line:
            raise LanguageDataError(
                f"{path}, line {number}",
                f"{entry.word!r} is already listed on line {first_line[entry.word]}",
            )
        first_line[entry.word] = number
        entries.append(entry)
    return entries


def _parse_user_word(text: str, where: str, number: int) -> UserWord:
    match = _USER_WORD.match(text)
    if not match:
        raise LanguageDataError(where, f"expected 'word [freq] [tag]', got {text!r}")
    word, freq, tag = match["word"], match["freq"], match["tag"]
    if freq is not None and tag is None and not freq.isdigit():
        freq, tag = None, freq  # 'word tag', as jieba allows
    if freq is not None and not (freq.isdigit() and int(freq) > 0):
        raise LanguageDataError(
            where, f"the frequency must be a whole number above 0, got {freq!r} (is there a space in the word?)"
        )
    if tag is not None and not _TAG.match(tag):
        raise LanguageDataError(
            where,
            f"the tag must be lower-case letters (nr, ns, nt, nz, j, n), got {tag!r} (is there a space in the word?)",
        )
    bad = sorted(set(_NOT_JIEBA_WORD_CHAR.findall(word)))
    if bad:
        raise LanguageDataError(where, f"jieba never keeps {word!r} whole: it contains {''.join(bad)!r}")
    return UserWord(word, int(freq) if freq else None, tag, number)


def spellings(word: str) -> list[str]:
    """The forms under which a dictionary word is loaded: as listed, Simplified, Traditional.

    >>> spellings("釣魚臺")
    ['釣魚臺', '钓鱼台']
    """
    forms = [word, to_simplified(word), to_traditional(word)]
    return list(dict.fromkeys(forms))


# --- jieba, loaded once and quietly --------------------------------------------------


def cache_dir() -> Path:
    """The directory for jieba's dictionary cache (created if need be).

    >>> cache_dir().name
    'japan-relations-reader'
    """
    import platformdirs

    path = Path(platformdirs.user_cache_dir(CACHE_APP_NAME))
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_words() -> dict[str, UserWord]:
    """Every form under which a user-dictionary entry is loaded, with its entry.

    A form listed explicitly keeps its own line; the other script's rendering of
    an entry points to the entry it came from. An edit to ``userdict.txt`` is
    seen on the next call.

    >>> user_words()["钓鱼台"].word
    '釣魚臺'
    """
    return _user_words(edit_stamp(USERDICT_PATH))


@functools.lru_cache(maxsize=1)
def _user_words(stamp: tuple[object, ...]) -> dict[str, UserWord]:
    entries = read_user_dictionary(USERDICT_PATH)
    forms = {entry.word: entry for entry in entries}
    for entry in entries:
        for form in spellings(entry.word):
            forms.setdefault(form, entry)
    return forms


def tokenizer() -> jieba.Tokenizer:
    """The project's jieba tokenizer: jieba's dictionary plus ``userdict.txt``.

    Built on first use and then shared; built again on the next call after
    ``userdict.txt`` is edited. Importing :mod:`helpers` does not load jieba.

    >>> tokenizer().FREQ["第三方市場合作"] > 0
    True
    """
    return _tokenizer(edit_stamp(USERDICT_PATH))


@functools.lru_cache(maxsize=1)
def _tokenizer(stamp: tuple[object, ...]) -> jieba.Tokenizer:
    # jieba logs to stderr while it builds its dictionary and, on import, trips
    # warnings (invalid escape sequences; pkg_resources deprecation with newer
    # setuptools); silence them here only, not for the whole program.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba

        jieba.setLogLevel(logging.WARNING)
        built = jieba.Tokenizer()
        built.tmp_dir = str(cache_dir())
        built.cache_file = f"jieba-{jieba.__version__}.cache"
        built.initialize()
        for form, entry in user_words().items():
            built.add_word(form, entry.freq, entry.tag)
    return built


def _cut(text: str) -> Iterator[str]:
    """Cut ``text`` into pieces that cover it exactly, whitespace included."""
    cut = tokenizer().cut
    start = 0
    for number in _NUMBER.finditer(text):
        if number.group().isdigit():
            continue
        yield from cut(text[start : number.start()], HMM=USE_HMM)
        yield number.group()
        start = number.end()
    yield from cut(text[start:], HMM=USE_HMM)


# --- Segmentation --------------------------------------------------------------------


def simplified_for_jieba(text: str) -> str:
    """The Simplified rendering of ``text`` that jieba is given.

    It is :func:`~helpers.script.to_simplified`, except that the aspect particle
    written 著 in Taiwan (隨著, 有著) becomes 着 as in the PRC: OpenCC's t2s leaves
    it as 著, which jieba does not know in these words (隨|著). The change is made
    character for character, so positions still line up.

    >>> simplified_for_jieba("隨著陸方姿態轉趨柔軟，顯著")
    '随着陆方姿态转趋柔软，显著'
    >>> simplified_for_jieba("显著")
    '显著'
    """
    simplified = to_simplified(text)
    if "著" not in simplified:
        return simplified
    # OpenCC's tw2s knows where 著 is the particle (隨著) and where it is zhù
    # (顯著), given Traditional text: Simplified 显著 would lose the context.
    taiwan = _converter("tw2s").convert(to_traditional(text))
    if len(taiwan) != len(simplified):
        return simplified
    return "".join("着" if char == "著" and other == "着" else char for char, other in zip(simplified, taiwan))


def token_spans(text: str, *, drop_stopwords: bool = False) -> list[tuple[int, str]]:
    """The words of ``text`` as ``(position, token)`` pairs, position a character offset.

    Whitespace is not a token. Each token is printed as in ``text`` (same script),
    so ``text[position:position + len(token)] == token``.

    >>> token_spans("中日 第三方市場合作")
    [(0, '中日'), (3, '第三方市場合作')]
    """
    simplified = simplified_for_jieba(text)
    # OpenCC converts these texts character for character; if it ever does not,
    # boundaries cannot be carried back, so jieba is given the original instead.
    source = simplified if len(simplified) == len(text) else text
    spans = []
    position = 0
    for piece in _cut(source):
        end = position + len(piece)
        if not piece.isspace() and not (drop_stopwords and is_stopword(piece)):
            spans.append((position, text[position:end]))
        position = end
    if position != len(text):
        raise RuntimeError(f"segmentation lost text: {position} of {len(text)} characters covered")
    return spans


def segment(text: str, *, drop_stopwords: bool = False) -> list[str]:
    """Cut ``text`` into words with jieba and the project's user dictionary.

    Works on Traditional and Simplified text alike and returns the words as
    printed. Whitespace is dropped (it is not a word), everything else is kept, so
    joining the tokens gives back the text without its spaces. With
    ``drop_stopwords=True`` the function words and punctuation listed in
    ``helpers/data/stopwords.txt`` are left out too. jieba runs without its hidden
    Markov model (see ``USE_HMM``), so every word of two or more characters comes
    from a dictionary, and the same text always gives the same words.

    >>> segment("日本以「第三方市場合作」之名參與「一帶一路」")
    ['日本', '以', '「', '第三方市場合作', '」', '之', '名', '參與', '「', '一帶一路', '」']
    >>> segment("日本以「第三方市場合作」之名參與「一帶一路」", drop_stopwords=True)
    ['日本', '第三方市場合作', '名', '參與', '一帶一路']
    """
    return [token for _, token in token_spans(text, drop_stopwords=drop_stopwords)]


# --- Stopwords -----------------------------------------------------------------------


def read_stopwords(path: str | Path = STOPWORDS_PATH) -> list[str]:
    """The stopwords listed in ``path``, one per line, ``#`` comments skipped.

    >>> "的" in read_stopwords() and "，" in read_stopwords()
    True
    """
    words = []
    for number, word in read_lines(path, LanguageDataError):
        if len(word.split()) > 1:
            raise LanguageDataError(f"{path}, line {number}", f"one stopword per line, got {word!r}")
        words.append(word)
    return words


def _stopword_set() -> frozenset[str]:
    return _stopwords(edit_stamp(STOPWORDS_PATH))


@functools.lru_cache(maxsize=1)
def _stopwords(stamp: tuple[object, ...]) -> frozenset[str]:
    # Compared in Simplified, so a word listed in one script also drops the other.
    return frozenset(simplified_for_jieba(word) for word in read_stopwords(STOPWORDS_PATH))


def is_stopword(token: str) -> bool:
    """Whether ``token`` is in the stopword list (in either script).

    >>> is_stopword("與"), is_stopword("与"), is_stopword("同盟")
    (True, True, False)
    """
    return simplified_for_jieba(token) in _stopword_set()


# --- Pinyin --------------------------------------------------------------------------


# Words that pypinyin misreads, with their readings in these articles (checked in a
# dictionary): it reads 重 as zhòng in 重构, 为 as wèi in 视为, 行 as xíng in 亚投行,
# and the adverbial particle 地 (广泛地, 有条件地) as dì. Keys are Simplified tokens.
PINYIN_CORRECTIONS = {
    "地": "de",
    "朝鲜": "cháo xiǎn",
    "朝鲜半岛": "cháo xiǎn bàn dǎo",
    "长时间": "cháng shí jiān",
    "重构": "chóng gòu",
    "重塑": "chóng sù",
    "重开": "chóng kāi",
    "多重": "duō chóng",
    "亚投行": "yà tóu háng",
    "藉": "jiè",
    "视为": "shì wéi",
    "列为": "liè wéi",
    "题为": "tí wéi",
    "最为": "zuì wéi",
    "大为": "dà wéi",
    "尤为": "yóu wéi",
    "为名": "wéi míng",
}


def pinyin(text: str) -> str:
    """Hanyu Pinyin with tone marks, one space between words.

    Convention: a word is a token of :func:`segment`, except that an entry of the
    user dictionary is written as the words that make it up (穿梭外交 is two
    words), unless it is the name of a person or place, or an abbreviation (tags
    ``nr``, ``ns``, ``j``), or is made of single characters only (印太). The
    syllables of a word are written together, with an apostrophe before a syllable
    starting with a, o or e (西安 xī'ān), all in lower case. Readings are pypinyin's, read word by word, with the
    corrections in :data:`PINYIN_CORRECTIONS`; tones are dictionary tones, so 一
    and 不 are always yī and bù (no tone sandhi). Letters and digits are kept as
    printed, and punctuation sticks to the word it belongs to. Traditional text is
    read through its Simplified form, whose words pypinyin knows best.

    >>> pinyin("穿梭外交")
    'chuānsuō wàijiāo'
    >>> pinyin("安倍晉三訪問「中國」")
    'ānbèijìnsān fǎngwèn 「zhōngguó」'
    >>> pinyin("亞投行"), pinyin("不是一定")
    ('yàtóuháng', 'bùshì yīdìng')
    """
    words: list[str] = []
    glue_next = False
    for token in segment(text):
        if all(unicodedata.category(char).startswith("P") for char in token):
            if unicodedata.category(token[0]) in ("Ps", "Pi"):
                words.append(token)
                glue_next = True
            elif words:
                words[-1] += token
            else:
                words.append(token)
            continue
        for part in _pinyin_words(simplified_for_jieba(token)):
            if _HAN.fullmatch(part):
                part = _join_syllables(_syllables(part))
            if glue_next:
                words[-1] += part
                glue_next = False
            else:
                words.append(part)
    return " ".join(words)


def _syllables(word: str) -> list[str]:
    """The syllables of a word of Han characters, with tone marks."""
    if word in PINYIN_CORRECTIONS:
        return PINYIN_CORRECTIONS[word].split()
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(word, style=Style.TONE)
    # pypinyin's phrase list writes the sandhi tones of 一 and 不 in some words only
    # (一定 yídìng but 一年 yīnián); dictionary tones are written throughout.
    return ["yī" if char == "一" else "bù" if char == "不" else syllable for char, syllable in zip(word, syllables)]


def _pinyin_words(token: str) -> list[str]:
    """The words in which :func:`pinyin` writes one token of :func:`segment`."""
    parts = _han_and_other(token)
    if not _splits_in_pinyin(token):
        return parts
    return [word for part in parts for word in (_split_entry(part) if _HAN.fullmatch(part) else [part])]


def _splits_in_pinyin(text: str) -> bool:
    """Whether ``text`` is a user-dictionary entry that pinyin() writes as several words."""
    entry = user_words().get(text)
    return entry is not None and entry.tag not in _WHOLE_IN_PINYIN


def _split_entry(han: str) -> list[str]:
    """Split (a Han run of) a user-dictionary entry into the words it is made of.

    A run that splits into nothing but single characters (印太, 涉我性) is a word
    in its own right and stays whole; parts that are entries are split in turn.
    """
    parts = _best_path(han)
    if all(len(part) == 1 for part in parts):
        return [han]
    return [word for part in parts for word in (_split_entry(part) if _splits_in_pinyin(part) else [part])]


def _best_path(text: str) -> list[str]:
    """Cut ``text`` as jieba would, but never into ``text`` itself."""
    # The same best-path search as jieba's Tokenizer.calc, over the same frequencies.
    freq = tokenizer().FREQ
    log_total = math.log(tokenizer().total)
    best: dict[int, tuple[float, int]] = {len(text): (0.0, 0)}
    for start in range(len(text) - 1, -1, -1):
        best[start] = max(
            (math.log(freq.get(text[start:end]) or 1) - log_total + best[end][0], end)
            for end in range(start + 1, len(text) + 1)
            if end == start + 1 or (freq.get(text[start:end]) and (start, end) != (0, len(text)))
        )
    words, start = [], 0
    while start < len(text):
        end = best[start][1]
        words.append(text[start:end])
        start = end
    return words


def _han_and_other(token: str) -> list[str]:
    """Split a token into runs of Han characters and runs of anything else."""
    return [part for part in re.split(f"({_HAN.pattern})", token) if part]


def _join_syllables(syllables: list[str]) -> str:
    """Write the syllables of one word together, with the pinyin apostrophe."""
    word = syllables[0]
    for syllable in syllables[1:]:
        if unicodedata.normalize("NFD", syllable)[:1] in ("a", "o", "e"):
            word += "'"
        word += syllable
    return word


# --- The glossary --------------------------------------------------------------------


def load_glossary(path: str | Path = GLOSSARY_PATH) -> pd.DataFrame:
    """The glossary of key terms: ``term, variant, pinyin, gloss, article_ids``.

    ``article_ids`` becomes a tuple of ids (``.explode("article_ids")`` gives one
    row per article). A malformed row raises :class:`LanguageDataError` naming the
    file and line.

    >>> glossary = load_glossary()
    >>> glossary.columns.tolist()
    ['term', 'variant', 'pinyin', 'gloss', 'article_ids']
    >>> row = glossary.set_index("term").loc["穿梭外交"]
    >>> row.pinyin, row.article_ids
    ('chuānsuō wàijiāo', ('japan-korea-2024',))
    """
    records = []
    first_line: dict[str, int] = {}
    for row in read_csv(path, required=GLOSSARY_COLUMNS, error=LanguageDataError):
        if not any(row.values()):
            continue
        record = _glossary_record(row)
        if record["term"] in first_line:
            raise LanguageDataError(
                row.where, f"{record['term']!r} is already on line {first_line[str(record['term'])]}"
            )
        first_line[str(record["term"])] = row.line
        records.append(record)
    return pd.DataFrame(records, columns=list(GLOSSARY_COLUMNS))


def _glossary_record(row: Row) -> dict[str, object]:
    where = row.where
    record: dict[str, object] = {column: row[column] for column in GLOSSARY_COLUMNS}
    for column in GLOSSARY_COLUMNS:
        if not record[column]:
            raise LanguageDataError(where, f"the {column!r} field is empty")
    if any(char.isspace() for char in str(record["term"]) + str(record["variant"])):
        raise LanguageDataError(where, "term and variant must not contain spaces")
    if to_simplified(str(record["term"])) != to_simplified(str(record["variant"])):
        raise LanguageDataError(
            where, f"the variant {record['variant']!r} is not {record['term']!r} in the other script"
        )
    ids = tuple(part.strip() for part in str(record["article_ids"]).split(";"))
    bad = [article_id for article_id in ids if not ID_SLUG.match(article_id)]
    if bad:
        raise LanguageDataError(where, f"bad article id(s) {bad!r}; separate ids with ';'")
    record["article_ids"] = ids
    return record
