"""Propose user-dictionary entries for a new article, so that its names stay one token.

jieba splits names it has never seen: a summit, a cabinet, a document in 《》, a
company or a transliterated name comes out in pieces, and every count and
concordance built on the tokens is then wrong. When an article is added,
:func:`propose_user_words` looks for the kinds of names an article on foreign
relations prints:

- terms in quotation marks (“…” 「…」 『…』) and titles in 《》 (tag ``nz``);
- transliterated names written with a middle dot (约翰·肯尼迪); jieba never keeps
  ``·`` inside a word, so each part is proposed on its own (tag ``nr``);
- organisations and events by their suffixes (公司, 集团, 峰会, 会晤, 事件, 内阁,
  安理会, 委员会…), with the words before the suffix that belong to the name
  (tag ``nt`` or ``nz``).

Only candidates that the tokenizer splits today, and that the user dictionary
does not list, are proposed; the teacher accepts a proposal by copying its line
into ``helpers/data/userdict.txt`` (the format is explained at the top of that
file). Nothing is written by this module.

>>> from helpers.corpus.structure import build_article
>>> article = build_article("標題\\n\\n卡西姆若马尔特·托卡耶夫出席中亚五国峰会，丰田通商公司也派员参加。\\n", "demo")
>>> for row in propose_user_words(article).itertuples():
...     print(row.word, row.tag, row.splits_into)
中亚五国峰会 nz 中亚 / 五 / 国 / 峰会
丰田通商公司 nt 丰田 / 通商 / 公司
卡西姆若马尔特 nr 卡西姆 / 若 / 马尔特
托卡耶夫 nr 托 / 卡耶夫
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

import pandas as pd

from ..corpus.records import Article

#: Suffixes that end the name of an organisation or an event, with the tag its entry gets.
NAME_SUFFIXES = {
    "公司": "nt",
    "集团": "nt",
    "集團": "nt",
    "银行": "nt",
    "銀行": "nt",
    "委员会": "nt",
    "委員會": "nt",
    "安理会": "nt",
    "安理會": "nt",
    "研究所": "nt",
    "研究院": "nt",
    "基金会": "nt",
    "基金會": "nt",
    "组织": "nt",
    "組織": "nt",
    "内阁": "nt",
    "內閣": "nt",
    "峰会": "nz",
    "峰會": "nz",
    "会晤": "nz",
    "會晤": "nz",
    "事件": "nz",
    "论坛": "nz",
    "論壇": "nz",
    "协定": "nz",
    "協定": "nz",
    "条约": "nz",
    "條約": "nz",
    "宣言": "nz",
    "声明": "nz",
    "聲明": "nz",
    "倡议": "nz",
    "倡議": "nz",
}
_QUOTED = re.compile(r"[“「『]([\u4e00-\u9fff]{2,12})[”」』]")
_BOOK = re.compile(r"《([\u4e00-\u9fff]{2,20})》")
_DOTTED = re.compile(r"[\u4e00-\u9fff]{1,10}(?:[·・•][\u4e00-\u9fff]{1,8})+")
_DOT = re.compile(r"[·・•]")
_SUFFIX = re.compile("(" + "|".join(sorted(NAME_SUFFIXES, key=len, reverse=True)) + ")")
# Words that cannot be part of a name: a name before a suffix stops at them.
_STOP = set("的了在与與和及同对對向把被于於由为為是将將已也都就而但并並从從以其此该該这這那年月日")
_LEAD_VERBS = re.compile(
    r"^(?:深化|加强|加強|推动|推動|建立|扩大|擴大|举行|舉行|出席|参加|參加|召开|召開|发表|發表|签署|簽署|通过|通過|成立|提出|启动|啟動|访问|訪問|重启|重啟|首届|首屆|本届|本屆|第[一二三四五六七八九十]+[届屆次])+"
)


@dataclass(frozen=True)
class Proposal:
    """A word to add to the user dictionary, and why."""

    word: str
    tag: str
    count: int
    reason: str
    example: str  # the paragraph id where it first occurs

    def line(self) -> str:
        """The entry as a line of ``userdict.txt``."""
        return f"{self.word} {self.tag}"


def candidates(text: str) -> list[tuple[str, str, str]]:
    """``(word, tag, reason)`` for every name-like string of ``text``, before any filtering.

    >>> [c[:2] for c in candidates("日本与东盟举行特别峰会，发表《联合愿景声明》。")]
    [('联合愿景声明', 'nz')]
    """
    found = []
    for match in _QUOTED.finditer(text):
        if "的" not in match.group(1):  # a phrase in quotation marks, not a name
            found.append((match.group(1), "nz", "a term in quotation marks"))
    for match in _BOOK.finditer(text):
        found.append((match.group(1), "nz", "a title in 《》"))
    for match in _DOTTED.finditer(text):
        # The run of Han characters around the dots reaches into the words before and
        # after the name: the first and last parts are cut to the tokenizer's words.
        parts = _DOT.split(match.group(0))
        parts[0] = _name_words(parts[0], from_end=True)
        parts[-1] = _name_words(parts[-1], from_end=False)
        name = "·".join(parts)
        for part in parts:
            if len(part) >= 2:
                found.append(
                    (part, "nr", f"part of the transliterated name {name} (jieba never keeps · inside a word)")
                )
    quoted = [word for word, _, _ in found]
    found += [c for c in _suffixed_names(text) if not any(c[0] in q for q in quoted)]
    return found


def _name_words(text: str, *, from_end: bool) -> str:
    """The person's-name words at the end (or the start) of ``text``: 美国国务卿安东尼 → 安东尼.

    The words are jieba's, tagged ``nr`` (a person's name); a one-character word just before a
    name word belongs to the name too (卡西姆/若/马尔特, 托/卡耶夫).
    """
    from ..text.language import simplified_for_jieba

    words, position = [], 0
    for pair in _tagger().cut(simplified_for_jieba(text), HMM=False):
        words.append((text[position : position + len(pair.word)], pair.flag))
        position += len(pair.word)
    if from_end:
        words.reverse()
    kept: list[str] = []
    for index, (word, flag) in enumerate(words):
        following_is_name = index + 1 < len(words) and words[index + 1][1].startswith("nr")
        if flag.startswith("nr") or (len(word) == 1 and following_is_name):
            kept.append(word)
        else:
            break
    if not kept:
        return words[0][0] if words else text
    return "".join(reversed(kept)) if from_end else "".join(kept)


# Part-of-speech tags of the words that may stand before a suffix in a name: nouns,
# place and person names, abbreviations, adjectives (特别峰会), numerals (七国集团).
_NAME_PART_TAGS = ("n", "j", "a", "m", "eng")


@functools.lru_cache(maxsize=1)
def _tagger():
    """jieba's part-of-speech tagger over the project's tokenizer (building it reads a dictionary: once)."""
    import jieba.posseg

    from ..text.language import tokenizer

    return jieba.posseg.POSTokenizer(tokenizer())


def _suffixed_names(text: str) -> list[tuple[str, str, str]]:
    """Names that end in a suffix of :data:`NAME_SUFFIXES`: the suffix and up to three name words before it."""
    from ..text.language import simplified_for_jieba

    if not _SUFFIX.search(text):
        return []
    simplified = simplified_for_jieba(text)
    words, position = [], 0
    for pair in _tagger().cut(simplified, HMM=False):
        words.append((text[position : position + len(pair.word)], pair.flag))
        position += len(pair.word)
    found = []
    for index, (word, _flag) in enumerate(words):
        suffix = next((s for s in sorted(NAME_SUFFIXES, key=len, reverse=True) if word.endswith(s)), None)
        if suffix is None:
            continue
        if _LEAD_VERBS.fullmatch(word[: -len(suffix)] or "-"):
            continue  # 举行峰会 is one word to jieba, and no name
        parts = [word]
        back = index - 1
        while back >= 0 and len(parts) < 4:
            before, flag = words[back]
            if not flag.startswith(_NAME_PART_TAGS) or not re.fullmatch(r"[\u4e00-\u9fff]+", before) or before in _STOP:
                break
            parts.insert(0, before)
            back -= 1
        name = _LEAD_VERBS.sub("", "".join(parts))
        if len(name) > len(suffix):
            found.append((name, NAME_SUFFIXES[suffix], f"an organisation or event named with {suffix}"))
    return found


def propose_user_words(article: Article) -> pd.DataFrame:
    """Proposed user-dictionary entries for an article: ``word, tag, count, reason, example, splits_into``.

    Only words that the project's tokenizer cuts into pieces today and that the
    user dictionary does not list; most frequent first.
    """
    from ..text.language import segment, user_words

    known = user_words()
    seen: dict[str, tuple[str, str, str]] = {}
    counts: Counter = Counter()
    texts = [("title", article.title)] + [(p.id, p.text) for p in article.paragraphs]
    for place, text in texts:
        for word, tag, reason in candidates(text):
            counts[word] += 1
            seen.setdefault(word, (tag, reason, place))
    rows = []
    for word, (tag, reason, place) in seen.items():
        if word in known:
            continue
        pieces = segment(word)
        if len(pieces) <= 1:
            continue
        rows.append(
            {
                "word": word,
                "tag": tag,
                "count": counts[word],
                "reason": reason,
                "example": place,
                "splits_into": " / ".join(pieces),
            }
        )
    frame = pd.DataFrame(rows, columns=["word", "tag", "count", "reason", "example", "splits_into"])
    return frame.sort_values(["count", "word"], ascending=[False, True], kind="stable").reset_index(drop=True)
