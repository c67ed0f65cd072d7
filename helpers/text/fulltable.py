"""Tables that show every cell in full: :class:`FullTable` and :func:`full_table`.

pandas cuts long strings at ``display.max_colwidth`` (50 characters) and
long frames at ``display.max_rows``; in a reading notebook a cut claim, gloss or
quotation is a lost one. A :class:`FullTable` is an ordinary DataFrame (filter
it, index it, group it: the result is a :class:`FullTable` again) whose HTML and
plain-text displays show every row and every cell in full, with long text
wrapped, and with Chinese text marked by a ``lang`` attribute (``zh-Hant`` or
``zh-Hans``) so that browsers and screen readers choose the right font and voice.

The helpers that return a table for display return one of these, so no
notebook needs ``pd.set_option``. Wrap an ad-hoc frame before showing it:

>>> import pandas as pd
>>> table = full_table(pd.DataFrame({"term": ["霸權護持"], "gloss": ["hegemonic maintenance " * 5]}))
>>> "..." in repr(table), type(table[table.term != ""]).__name__
(False, 'FullTable')
>>> '<td lang="zh-Hant"' in table._repr_html_()
True

This module sits at the bottom of the package (it needs only pandas and the
script converter), so that every layer may return full tables.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Callable

import pandas as pd

from .script import to_simplified, to_traditional

#: Han characters and the CJK punctuation that goes with them.
_CJK = r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff20「」『』]"
# A run goes on across spaces and digits between CJK characters ("2022 年４月 28 日"), so that a
# Japanese title with a kanji-only stretch and a date is marked as one Japanese run.
_HAN_RUN = re.compile(rf"{_CJK}+(?:[ \d]+{_CJK}+)*")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# A run that is only a date ("、2022 年 5 月 7 日、") has no language of its own: after a Japanese run
# in the same cell it is Japanese too (a Japanese note's date after a Latin name such as ARAB NEWS).
_DATE_RUN = re.compile(r"(?=.*[\d\uff10-\uff19年月日])[\s\d\uff10-\uff19、，。・年月日]+")
# Hiragana and katakana (the prolonged-sound mark ー included): text with many of them is Japanese.
_KANA = re.compile(r"[\u3041-\u309f\u30a0-\u30ff]")
_CELL = re.compile(r"<(td|th)((?:\s[^>]*)?)>(.*?)</\1>", re.DOTALL)

#: Inline styles (not only a <style> block) because GitHub and many LMS viewers strip <style>.
#: ``break-word`` (not ``anywhere``) keeps a column at least as wide as its longest word.
CELL_STYLE = "text-align:left;vertical-align:top;white-space:pre-wrap;overflow-wrap:break-word;max-width:40em"
HEADER_STYLE = "text-align:left;vertical-align:top;white-space:nowrap"
TABLE_CSS = (
    "<style>.full-table td,.full-table th{text-align:left;vertical-align:top;"
    "white-space:pre-wrap;overflow-wrap:break-word;max-width:40em}.full-table th{white-space:nowrap}"
    ".full-table caption{caption-side:top;text-align:left;font-weight:bold;padding:0.3em 0}</style>"
)


def chinese_lang(text: str) -> str | None:
    """The ``lang`` value for a piece of Chinese text: ``zh-Hant``, ``zh-Hans`` or ``zh``; None without Han.

    The script is told by conversion: text that changes when converted to
    Simplified is Traditional, and the other way round; text that neither
    conversion changes (such as 日本) is plain ``zh``. Japanese (a title in a
    note, a term glossed in ours) is told by its kana and is ``ja``, so that a
    screen reader and the font pick Japanese readings and glyphs.

    >>> chinese_lang("日美關係"), chinese_lang("日美关系"), chinese_lang("日本"), chinese_lang("Japan")
    ('zh-Hant', 'zh-Hans', 'zh', None)
    >>> chinese_lang("ウクライナの窮狀は東アジアでも再現される")
    'ja'
    """
    kana = len(_KANA.findall(text))
    if kana and kana * 4 >= len(_HAN.findall(text)):
        return "ja"
    if not _HAN.search(text):
        return None
    if to_simplified(text) != text:
        return "zh-Hant"
    if to_traditional(text) != text:
        return "zh-Hans"
    return "zh"


def mark_chinese(escaped: str) -> tuple[str, str | None]:
    """Mark the Chinese in an HTML-escaped cell: ``(content, lang for the whole cell or None)``.

    A cell that is mostly Han takes a ``lang`` itself; in a mostly English cell
    each Chinese run is wrapped in a ``<span lang>``.

    >>> mark_chinese("the 霸權 of")
    ('the <span lang="zh-Hant">霸權</span> of', None)
    >>> mark_chinese("日美關係")
    ('日美關係', 'zh-Hant')
    >>> mark_chinese("the note of the article is titled ウクライナの窮狀は, in Japanese")
    ('the note of the article is titled <span lang="ja">ウクライナの窮狀は</span>, in Japanese', None)
    >>> mark_chinese("note: 「米韓首脳會談 「核の傘」の信頼性を確認した」、2022 年４月 28 日, https://www.yomiuri.co.jp/editorial/")[0]
    'note: <span lang="ja">「米韓首脳會談 「核の傘」の信頼性を確認した」、2022 年４月 28 日</span>, https://www.yomiuri.co.jp/editorial/'
    >>> mark_chinese("「首相が警告した」、ARAB NEWS JAPAN、2022 年 5 月 7 日、https://www.arabnews.jp/")[0]
    '<span lang="ja">「首相が警告した」、</span>ARAB NEWS JAPAN<span lang="ja">、2022 年 5 月 7 日、</span>https://www.arabnews.jp/'
    """
    text = html.unescape(escaped)
    han = len(_HAN.findall(text)) + len(_KANA.findall(text))
    if not han:
        return escaped, None
    letters = sum(1 for char in text if char.isalnum())
    if han * 2 >= letters:
        return escaped, chinese_lang(text)
    previous: list[str | None] = [None]  # the language of the last run marked: a date after Japanese is Japanese

    def span(match: re.Match[str]) -> str:
        run = match.group(0)
        lang = "ja" if previous[0] == "ja" and _DATE_RUN.fullmatch(run) else chinese_lang(run)
        previous[0] = lang
        return f'<span lang="{lang}">{run}</span>' if lang else run

    return _HAN_RUN.sub(span, escaped), None


class FullTable(pd.DataFrame):
    """A DataFrame that displays every row and every cell in full, text wrapped.

    ``caption`` (optional) is shown above the table. Every pandas operation
    that returns a frame returns a :class:`FullTable` with the same caption.

    >>> table = FullTable({"a": ["x" * 80]})
    >>> len(repr(table).splitlines()[1]) > 80
    True
    """

    _metadata = ["caption"]
    #: A class default, so that ``caption`` is never read as a column called "caption".
    caption: str | None = None

    @property
    def _constructor(self):
        return FullTable

    def _unlimited(self) -> pd.option_context:
        return pd.option_context(
            "display.max_colwidth",
            None,
            "display.max_rows",
            None,
            "display.max_columns",
            None,
            "display.width",
            None,
            "display.max_seq_items",
            None,
            # Chinese characters take two columns: without this the plain-text columns drift.
            "display.unicode.east_asian_width",
            True,
        )

    def _left_aligned(self) -> dict:
        """Formatters that left-align text columns (prose reads badly right-aligned)."""
        formatters: dict[str, Callable[[object], str]] = {}
        if not self.columns.is_unique:
            return formatters
        for column in self.columns:
            values = self[column]
            if values.dtype == object or pd.api.types.is_string_dtype(values.dtype):
                texts = ["" if v is None or (isinstance(v, float) and v != v) else str(v) for v in values]
                width = max([_width(t) for t in texts] + [_width(str(column))], default=0)
                formatters[column] = functools.partial(_pad, width=width)
        return formatters

    def __repr__(self) -> str:
        with self._unlimited():
            text = self.to_string(formatters=self._left_aligned(), justify="left")
        text = "\n".join(line.rstrip() for line in text.splitlines())
        caption = getattr(self, "caption", None)
        return f"{caption}\n{text}" if caption else text

    def _repr_html_(self) -> str:
        with self._unlimited():
            table = self.to_html(escape=True, border=0, classes="full-table", max_rows=None, max_cols=None)
        table = _CELL.sub(_styled_cell, table).replace('<tr style="text-align: right;">', "<tr>")
        caption = getattr(self, "caption", None)
        if caption:
            content, lang = mark_chinese(html.escape(str(caption)))
            attribute = f' lang="{lang}"' if lang else ""
            table = re.sub(
                r"(<table[^>]*>)", lambda m: f"{m.group(1)}<caption{attribute}>{content}</caption>", table, count=1
            )
        return f'<div class="full-table-wrap">{TABLE_CSS}{table}</div>'


def _width(text: str) -> int:
    # As pandas counts with display.unicode.east_asian_width: wide and full-width characters take two columns.
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _pad(value: object, width: int) -> str:
    text = "" if value is None or (isinstance(value, float) and value != value) else str(value)
    return text + " " * max(0, width - _width(text))


def _styled_cell(match: re.Match[str]) -> str:
    tag, attributes, content = match.groups()
    content, lang = mark_chinese(content)
    lang_attribute = f' lang="{lang}"' if lang else ""
    style = CELL_STYLE if tag == "td" else HEADER_STYLE
    return f'<{tag}{lang_attribute}{attributes} style="{style}">{content}</{tag}>'


def full_table(frame: pd.DataFrame | pd.Series, *, caption: str | None = None) -> FullTable:
    """``frame`` as a :class:`FullTable` (a Series becomes a one-column table); the data are not changed.

    >>> import pandas as pd
    >>> full_table(pd.Series({"source": "《問題與研究》" * 10}, name="catalog")).columns.tolist()
    ['catalog']
    >>> full_table(pd.DataFrame({"a": [1]}), caption="One row").caption
    'One row'
    """
    if isinstance(frame, pd.Series):
        frame = frame.to_frame(name=frame.name if frame.name is not None else "value")
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"full_table() takes a pandas DataFrame or Series, not {type(frame).__name__}")
    table = FullTable(frame)
    table.caption = caption if caption is not None else getattr(frame, "caption", None)
    return table
