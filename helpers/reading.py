"""Show an article to a reader: its outline, its passages, its key terms.

Everything shown comes from ``seeds/`` through the loader and carries its
provenance (article and paragraph id), so a quotation in a notebook is never
retyped. Functions return ``IPython.display.HTML`` objects or DataFrames;
article text is always HTML-escaped.

>>> from helpers import load_corpus
>>> corpus = load_corpus()
>>> outline_frame(corpus["central-asia-2007"]).head(2)[["level", "heading"]].values.tolist()
[[1, '一、中亚在日本对外政策中的地位'], [1, '二、日本中亚政策的发展演变']]
"""

from __future__ import annotations

import html
import re

import ipywidgets as widgets
import pandas as pd
from IPython.display import HTML

from .analysis.quotes import (
    QuoteError,
    QuoteText,
    Voice,
    find_quote,
    load_quotes,
    marked_sentence,
    note_label,
    quote_text,
)
from .corpus.loading import Corpus, default_corpus
from .corpus.records import Article, Heading
from .corpus.vocabulary import TargetKind, article_of, short_id
from .text.cleaning import han
from .text.fulltable import FullTable, full_table, mark_chinese
from .text.language import load_glossary
from .text.script import to_script, to_simplified

__all__ = [
    "FullTable",
    "accounting",
    "catalog_table",
    "front_matter_frame",
    "full_table",
    "key_terms",
    "notes_frame",
    "outline",
    "outline_frame",
    "passage_html",
    "passage_reader",
    "passages",
    "quote",
    "quotes",
    "quotes_frame",
    "raw_and_clean",
    "raw_lines",
    "read_article",
    "read_section",
    "removed_frame",
    "section_paragraphs",
]

SCRIPTS = {"original": "as printed", "traditional": "繁體", "simplified": "简体"}


def script_lang(article: Article, script: str = "original") -> str:
    """The ``lang`` attribute for an article's text shown in ``script``.

    >>> from helpers import load_corpus
    >>> script_lang(load_corpus()["abe-beijing-2018"]), script_lang(load_corpus()["abe-beijing-2018"], "simplified")
    ('zh-Hant', 'zh-Hans')
    """
    if script not in SCRIPTS:
        raise ValueError(f"script must be one of {', '.join(SCRIPTS)}, not {script!r}")
    shown = article.script if script == "original" else script
    return {"traditional": "zh-Hant", "simplified": "zh-Hans"}.get(shown, "zh")


def outline_frame(article: Article) -> FullTable:
    """The article's headings below the title, with the paragraphs under each.

    Columns: ``level``, ``heading``, ``paragraphs`` (how many paragraphs sit
    directly under the heading), ``first_para`` (the id of the first one).
    """
    rows = []
    for heading in article.headings:
        if heading.level == 0:
            continue
        under = [p for p in article.paragraphs if p.section and p.section[-1] == heading.text]
        rows.append(
            {
                "level": heading.level,
                "heading": heading.text,
                "paragraphs": len(under),
                "first_para": short_id(under[0].id) if under else "",
            }
        )
    return full_table(pd.DataFrame(rows, columns=["level", "heading", "paragraphs", "first_para"]))


def outline(article: Article) -> HTML:
    """The outline as an indented list, every heading at its level, as printed."""
    items = []
    title = html.escape(article.title)
    supplied = article.metadata.get("title_supplied") == "true"
    items.append(
        f"<li><b>{title}</b>"
        + (" <i>(the text prints no title: this one is supplied)</i>" if supplied else "")
        + "</li>"
    )
    for row in outline_frame(article).itertuples(index=False):
        where = f" <span style='color:#555'>({row.paragraphs} ¶ from {row.first_para})</span>" if row.paragraphs else ""
        items.append(f"<li style='margin-left:{1.5 * row.level}em'>{html.escape(row.heading)}{where}</li>")
    return HTML("<ul style='list-style:none;padding-left:0'>" + "".join(items) + "</ul>")


def passage_html(corpus: Corpus, para_id: str, script: str = "original") -> str:
    """One paragraph as HTML, with its id and section as provenance."""
    paragraph = corpus.paragraph(para_id)
    article = corpus[article_of(para_id)]
    section = " › ".join(paragraph.section) or "(before the first heading)"
    text = to_script(paragraph.text, script)
    return (
        "<blockquote style='border-left:4px solid #0072B2;margin:0.6em 0;padding:0.2em 0.8em;line-height:1.7'>"
        f'<span lang="{script_lang(article, script)}">{html.escape(text)}</span>'
        f"<br><span style='font-size:85%;color:#444'>— {html.escape(article.id)}, "
        f"<code>{html.escape(short_id(para_id))}</code>, {_marked(section)}</span></blockquote>"
    )


def passages(para_ids: list[str] | str, script: str = "original", corpus: Corpus | None = None) -> HTML:
    """Show one or more paragraphs by id, in the original or the other script.

    >>> "1992年1月" in passages("central-asia-2007:p005").data
    True
    """
    corpus = default_corpus(corpus)
    return HTML(_passages_html(corpus, _ids(para_ids), script))


def _ids(para_ids: list[str] | str) -> list[str]:
    ids = [para_ids] if isinstance(para_ids, str) else list(para_ids)
    bad = [pid for pid in ids if not isinstance(pid, str) or ":" not in pid]
    if bad:
        raise ValueError(f"give full paragraph ids such as 'abe-beijing-2018:p003', not {bad[0]!r}")
    return ids


def _passages_html(corpus: Corpus, ids: list[str], script: str) -> str:
    return "".join(passage_html(corpus, pid, script) for pid in ids)


def _marked(text: str) -> str:
    """Escape ``text`` and mark its Chinese runs with ``lang`` (for headings, captions, notes)."""
    content, lang = mark_chinese(html.escape(text))
    return f'<span lang="{lang}">{content}</span>' if lang else content


#: Shown with the static copy of a passage reader's text: hides that copy once the live widget
#: beside it has rendered (JupyterLab, Voila, the site with its widget renderer), so a reader sees
#: the text once; where widgets cannot render (GitHub, an LMS viewer, a page without JavaScript)
#: nothing matches and the static copy stays. GitHub and others drop <style>: the copy then shows.
STATIC_COPY_STYLE = (
    "<style>.jp-OutputArea-child:has(.jr-static-passages):has(+ .jp-OutputArea-child .widget-vbox)"
    "{display:none}</style>"
)


class PassageReader(widgets.VBox):
    """Passages with a toggle between the printed, Traditional and Simplified script.

    Displayed in a notebook, it gives two outputs: a static ``text/html`` copy
    of the passages (readable on any page, with or without widget JavaScript)
    and the live widget, whose toggle re-renders the passages; where the widget
    renders, a style rule hides the static copy. ``_repr_mimebundle_`` (for
    any other front end) carries both the widget view and the static HTML.
    """

    def __init__(self, ids: list[str], corpus: Corpus) -> None:
        self.ids = ids
        self.corpus = corpus
        self.toggle = widgets.ToggleButtons(options=[(label, key) for key, label in SCRIPTS.items()], value="original")
        self.shown = widgets.HTML(value=_passages_html(corpus, ids, "original"))
        self.toggle.observe(self._show, names="value")
        super().__init__([self.toggle, self.shown])

    def _show(self, change: dict) -> None:
        self.shown.value = _passages_html(self.corpus, self.ids, change["new"])

    def static_html(self) -> str:
        """The passages in the script chosen now, as static HTML."""
        return _passages_html(self.corpus, self.ids, self.toggle.value)

    def _plain(self) -> str:
        return "Passages " + ", ".join(self.ids) + " (as printed; a 繁/简 toggle where widgets are live)"

    def _repr_mimebundle_(self, **kwargs) -> dict:
        bundle = super()._repr_mimebundle_(**kwargs) or {}
        bundle["text/html"] = self.static_html()
        bundle["text/plain"] = self._plain()
        return bundle

    def _ipython_display_(self) -> None:
        from IPython.display import publish_display_data

        static = f"<div class='jr-static-passages'>{STATIC_COPY_STYLE}{self.static_html()}</div>"
        publish_display_data({"text/html": static, "text/plain": self._plain()})
        bundle = super()._repr_mimebundle_() or {}
        bundle["text/plain"] = "The same passages with a script toggle (a live widget)."
        publish_display_data(bundle)


def passage_reader(para_ids: list[str] | str, corpus: Corpus | None = None) -> PassageReader:
    """The passages with a toggle between the printed, Traditional and Simplified script.

    The text is the value of an ``HTML`` widget (saved with the notebook's widget
    state) and also a static ``text/html`` output, readable without widgets.

    >>> reader = passage_reader("abe-beijing-2018:p011")
    >>> reader.toggle.value = "simplified"
    >>> "软避险" in reader.shown.value and "软避险" in reader._repr_mimebundle_()["text/html"]
    True
    """
    corpus = default_corpus(corpus)
    return PassageReader(_ids(para_ids), corpus)


def key_terms(article_id: str, terms: list[str] | None = None, corpus: Corpus | None = None) -> FullTable:
    """Glossary rows for an article (optionally only ``terms``): term, variant, pinyin, gloss.

    ``term`` is the form printed in this article and ``variant`` the other script,
    whichever article the glossary row was written for: a Simplified article's
    table starts with Simplified forms (对冲, not 對衝).

    >>> key_terms("abe-beijing-2018", ["軟避險"])["pinyin"].tolist()
    ['ruǎn bìxiǎn']
    >>> key_terms("china-japan-2025", ["對衝"])[["term", "variant"]].values.tolist()
    [['对冲', '對衝']]
    """
    glossary = load_glossary()
    rows = glossary[glossary["article_ids"].map(lambda ids: article_id in ids)]
    rows = _as_printed(rows, default_corpus(corpus)[article_id])
    if terms is not None:
        missing = [t for t in terms if t not in set(rows["term"]) | set(rows["variant"])]
        if missing:
            raise KeyError(f"not in the glossary for {article_id}: {', '.join(missing)}")
        rows = rows[rows["term"].isin(terms) | rows["variant"].isin(terms)]
        rows = (
            rows.set_index("term")
            .loc[[t if t in set(rows["term"]) else _term_for(rows, t) for t in terms]]
            .reset_index()
        )
    return full_table(rows[["term", "variant", "pinyin", "gloss"]].reset_index(drop=True))


def _as_printed(rows: pd.DataFrame, article: Article) -> pd.DataFrame:
    """Swap term and variant where the variant is the form in the article's script."""
    script = str(article.metadata.get("script", "")).strip()
    if script not in ("simplified", "traditional"):
        return rows
    swap = rows["term"].map(lambda term: to_script(term, script) != term) & rows["variant"].map(
        lambda variant: to_script(variant, script) == variant
    )
    rows = rows.copy()
    rows.loc[swap, ["term", "variant"]] = rows.loc[swap, ["variant", "term"]].to_numpy()
    return rows


def _term_for(rows: pd.DataFrame, variant: str) -> str:
    return rows.loc[rows["variant"] == variant, "term"].iloc[0]


def section_paragraphs(article: Article, heading: str) -> list[str]:
    """Ids of the paragraphs under a heading (at any depth below it).

    >>> from helpers import load_corpus
    >>> section_paragraphs(load_corpus()["abe-beijing-2018"], "伍、結語")
    ['abe-beijing-2018:p015']
    """
    known = [h.text for h in article.headings]
    if heading not in known:
        raise KeyError(f"{article.id} has no heading {heading!r}; its headings are: {'; '.join(known)}")
    return [p.id for p in article.paragraphs if heading in p.section]


def catalog_table(corpus: Corpus | None = None) -> FullTable:
    """The articles at a glance: title, authors, year, script, source, perspective, length."""
    corpus = default_corpus(corpus)
    rows = []
    for article in corpus:
        meta = article.metadata
        rows.append(
            {
                "id": article.id,
                "title": article.title + (" [supplied]" if meta.get("title_supplied") == "true" else ""),
                "title (English)": meta.get("title_en", ""),
                "authors": "; ".join(article.authors) or "(not named)",
                "year": article.year,
                "script": article.script,
                "source": meta.get("source", "") or "(not given)",
                "perspective": meta.get("perspective", ""),
                "paragraphs": len(article.paragraphs),
                "characters": sum(len(p.text) for p in article.paragraphs),
            }
        )
    return full_table(pd.DataFrame(rows))


# --- From raw extraction to clean text -------------------------------------------------


def raw_lines(article: Article, first: int, last: int) -> FullTable:
    """Lines ``first``..``last`` of the raw file, numbered, with invisible characters shown.

    Blank lines are kept (PDF extractions put them in the middle of sentences);
    a no-break space shows as ``⍽`` and an ideographic space as ``□``.

    >>> from helpers import load_corpus
    >>> raw_lines(load_corpus()["central-asia-2007"], 1, 2)["line"].tolist()
    ['', '68']
    """
    lines = article.raw_lines  # split at line ends only: a form feed is not a new line
    rows = []
    for number in range(first, min(last, len(lines)) + 1):
        shown = lines[number - 1].replace("\u00a0", "⍽").replace("\u3000", "□")
        rows.append({"number": number, "line": shown})
    return full_table(pd.DataFrame(rows, columns=["number", "line"]).set_index("number"))


def raw_and_clean(article: Article, para_id: str) -> HTML:
    """A paragraph's raw lines (as extracted) beside the cleaned paragraph."""
    paragraph = article.paragraph(para_id)
    first, last = paragraph.lines[0], paragraph.lines[-1]
    raw = raw_lines(article, first, last)
    blank = "<i style='color:#aaa'>(blank)</i>"
    raw_html = "<br>".join(
        f"<span style='color:#888'>{n:>4}</span> {html.escape(text) or blank}" for n, text in raw["line"].items()
    )
    return HTML(
        "<table style='table-layout:fixed;width:100%'><tr>"
        f"<th style='text-align:left'>Raw file, lines {first}–{last}</th>"
        f"<th style='text-align:left'>Cleaned paragraph {html.escape(paragraph.id)}</th></tr><tr>"
        f"<td style='vertical-align:top;font-family:monospace;font-size:85%;text-align:left'>{raw_html}</td>"
        f"<td style='vertical-align:top;line-height:1.7;text-align:left'>{html.escape(paragraph.text)}</td>"
        "</tr></table>"
    )


def removed_frame(corpus: Corpus | None = None) -> FullTable:
    """Everything the cleaner dropped, in every article: kind, line, text (in full), reason."""
    corpus = default_corpus(corpus)
    rows = [
        {"article_id": a.id, "kind": r.kind.value, "line": r.line, "text": r.text, "reason": r.reason}
        for a in corpus
        for r in a.removed
    ]
    return full_table(pd.DataFrame(rows, columns=["article_id", "kind", "line", "text", "reason"]))


def front_matter_frame(article: Article) -> FullTable:
    """The labelled blocks outside the body: abstract, keywords, byline, dateline…

    >>> from helpers import load_corpus
    >>> front_matter_frame(load_corpus()["central-asia-2007"])["kind"].tolist()
    ['byline', 'abstract']
    """
    return full_table(
        pd.DataFrame(
            [{"kind": f.kind.value, "line": f.line, "text": f.text} for f in article.front_matter],
            columns=["kind", "line", "text"],
        )
    )


def notes_frame(article: Article) -> FullTable:
    """The article's notes: id, marker, the paragraph citing it, locator and text."""
    return full_table(
        pd.DataFrame(
            [
                {
                    "note": short_id(n.id),
                    "marker": n.marker,
                    "cited_in": short_id(n.para_id) if n.para_id else "",
                    "locator": n.locator,
                    "text": n.text,
                }
                for n in article.notes
            ],
            columns=["note", "marker", "cited_in", "locator", "text"],
        )
    )


def accounting(article: Article) -> pd.Series:
    """How many Han characters of the raw file went where (the ledger, summed).

    >>> from helpers import load_corpus
    >>> from helpers.cleaning import han
    >>> article = load_corpus()["central-asia-2007"]
    >>> int(accounting(article).sum()) == len(han(article.raw))
    True
    """

    counts: dict[TargetKind, int] = {}
    for entry in article.ledger:
        counts[entry.target.kind] = counts.get(entry.target.kind, 0) + len(han(entry.text))
    # Note markers are left out: their characters are digits and signs, never Han.
    return pd.Series(
        {label: counts[kind] for kind, label in _ACCOUNTING_LABELS.items() if kind in counts}, name="Han characters"
    )


#: The rows of :func:`accounting`, in the order shown.
_ACCOUNTING_LABELS = {
    TargetKind.TITLE: "title",
    TargetKind.HEADING: "headings",
    TargetKind.PARAGRAPH: "paragraphs",
    TargetKind.FRONT: "front matter",
    TargetKind.NOTE: "notes",
    TargetKind.CAPTION: "captions",
    TargetKind.TABLE: "tables",
    TargetKind.REMOVED: "removed",
}


# --- Quotations: the sentence that carries a claim, with our English ---------------------

_QUOTE_STYLE = (
    "<style>.jr-quotes td{vertical-align:top;text-align:left;padding:0.4em 0.6em;line-height:1.7}"
    ".jr-quotes mark{background:#FFE8A3;padding:0 1px}"
    ".jr-quotes sup.jr-cite{color:#8a1c1c;font-size:75%;cursor:help}</style>"
)

#: What a note line says when the file prints a marker but not the note it points to.
NOTE_NOT_IN_FILE = "note text not in the file"


def _note_tooltip(note) -> str:
    return f"{note_label(note)}: {note.text or NOTE_NOT_IN_FILE}"


def _quoted_chinese(text: QuoteText, script: str) -> str:
    """The sentence as HTML: the phrase in ``<mark>``, each note marker a superscript where it stood.

    A marker's ``title`` (its tooltip) gives the note's text, or says the file
    does not print it.
    """
    cuts = {len(text.before): "<mark>", len(text.before) + len(text.phrase): "</mark>"}
    sups: dict[int, list[str]] = {}
    for position, note in text.markers:
        sups.setdefault(position, []).append(
            f"<sup class='jr-cite' title=\"{html.escape(_note_tooltip(note), quote=True)}\">{html.escape(note.marker)}</sup>"
        )
    points = sorted(set(cuts) | set(sups))
    out, last = [], 0
    for point in points:
        out.append(html.escape(to_script(text.sentence[last:point], script)))
        # A marker at the phrase's end belongs after the phrase: close the mark first.
        if point in cuts and cuts[point] == "</mark>":
            out.append(cuts[point])
        out.extend(sups.get(point, []))
        if point in cuts and cuts[point] == "<mark>":
            out.append(cuts[point])
        last = point
    out.append(html.escape(to_script(text.sentence[last:], script)))
    return "".join(out)


def _voice_label(item, text: QuoteText) -> str:
    """Whose words: "the author", "the author, citing [5] (P.66)", "reported: 讀賣新聞"."""
    if item.voice is Voice.REPORTED:
        return "reported" + (f": {_marked(item.speaker)}" if item.speaker else "")
    if item.voice is Voice.CITED:
        source = item.speaker or text.cited_sources or "a source"
        return f"the author, citing {_marked(source)}"
    return "the author"


def _note_lines(text: QuoteText) -> str:
    """One footnote line per marker in the sentence: the marker, its locator and the note's text."""
    return "".join(
        f"<br><span style='font-size:80%;color:#444'><sup>{html.escape(note.marker)}</sup> "
        f"{_marked(note_label(note)[len(note.marker) :].strip() + ': ' if note.locator else '')}"
        f"{_marked(note.text) if note.text else '<i>' + NOTE_NOT_IN_FILE + '</i>'}</span>"
        for _, note in text.markers
    )


def quotes(
    article_id: str, ids: list[str] | str | None = None, *, script: str = "original", corpus: Corpus | None = None
) -> HTML:
    """Show quotes from ``helpers/data/quotes/<article_id>.toml`` as static HTML.

    Per quote: the paragraph id, the Chinese sentence cut from the corpus with the
    phrase marked (``lang="zh-Hant"`` or ``zh-Hans``) and any note marker that
    stood in it put back as a superscript (its note's text as a tooltip and as a
    line under the English), our English beside it, whose voice it is (the
    author's; "the author, citing [5] (P.66)"; or "reported: <speaker>") and the
    note. ``ids`` is one id or a list, shown in that order; ``None`` shows every
    quote of the file.

    >>> page = quotes("central-asia-2007", "yomiuri-check-china-russia").data
    >>> 'reported: <span lang="zh-Hans">日本读卖新闻</span>' in page and '<mark>其目的就是要牵制中俄</mark>' in page
    True
    >>> 'title="[1]: note text not in the file">[1]</sup>' in quote("central-asia-2007", "verdict").data
    True
    """
    corpus = default_corpus(corpus)
    article = corpus[article_id]
    lang = script_lang(article, script)
    if ids is None:
        chosen = list(load_quotes(article_id).values())
    else:
        chosen = [find_quote(article_id, quote_id) for quote_id in ([ids] if isinstance(ids, str) else ids)]
    if not chosen:
        raise QuoteError(article_id, "no quotes to show: add [[quote]] tables to its quote file")
    rows = []
    for item in chosen:
        text = quote_text(item, corpus)
        chinese = _quoted_chinese(text, script)
        voice = _voice_label(item, text)
        note = f"<br><i>{_marked(item.note)}</i>" if item.note else ""
        note += _note_lines(text)
        rows.append(
            "<tr>"
            f"<td style='width:6em;font-size:85%;color:#444;vertical-align:top'><code>{html.escape(short_id(item.paragraph))}</code>"
            f"<br>{voice}</td>"
            f"<td lang=\"{lang}\" style='width:48%;vertical-align:top;line-height:1.7'>{chinese}</td>"
            f"<td lang=\"en\" style='vertical-align:top;line-height:1.5'>{html.escape(item.english)}{note}"
            f"<br><span style='font-size:80%;color:#666'>[{html.escape(item.id)}]</span></td>"
            "</tr>"
        )
    return HTML(
        f"<div class='jr-quotes'>{_QUOTE_STYLE}<table style='border-collapse:collapse;width:100%'>"
        f"<caption style='text-align:left;font-size:85%;color:#444'>{html.escape(article.id)}: "
        "the sentence as printed (phrase marked), and our translation</caption>" + "".join(rows) + "</table></div>"
    )


def quote(article_id: str, quote_id: str, *, script: str = "original", corpus: Corpus | None = None) -> HTML:
    """Show one quote (see :func:`quotes`).

    >>> "<mark>或許是因為" in quote("abe-beijing-2018", "perhaps-us-stance").data
    True
    """
    return quotes(article_id, [quote_id], script=script, corpus=corpus)


def quotes_frame(article_id: str, corpus: Corpus | None = None) -> FullTable:
    """An article's quotes as a table: id, paragraph, sentence (as printed), english, voice, note.

    The sentence keeps its note markers where they stood (``…的影响。[1]``).

    >>> quotes_frame("abe-beijing-2018").columns.tolist()
    ['id', 'paragraph', 'sentence', 'english', 'voice', 'note']
    """
    corpus = default_corpus(corpus)
    rows = []
    for item in load_quotes(article_id).values():
        voice = item.voice.value + (f": {item.speaker}" if item.speaker else "")
        rows.append(
            {
                "id": item.id,
                "paragraph": short_id(item.paragraph),
                "sentence": marked_sentence(quote_text(item, corpus)),
                "english": item.english,
                "voice": voice,
                "note": item.note,
            }
        )
    return full_table(pd.DataFrame(rows, columns=["id", "paragraph", "sentence", "english", "voice", "note"]))


# --- Reading a whole section or article ----------------------------------------------

_NUMERALS = {
    **{c: i for i, c in enumerate("一二三四五六七八九十", start=1)},
    **{c: i for i, c in enumerate("壹貳參肆伍陸柒捌玖拾", start=1)},
    **{c: i for i, c in enumerate("壹贰叁肆伍陆柒捌玖拾", start=1)},
}
_NUMBERING = re.compile(
    r"^\s*(?P<open>[（(]?)\s*(?P<number>[一二三四五六七八九十壹貳參肆伍陸柒捌玖拾贰叁陆\d]+)\s*(?P<close>[)）]?)\s*[、.．:：]?"
)


def _numbering(text: str) -> tuple[bool, int] | None:
    """A heading's number: ``(in brackets?, value)``; None when it has none.

    >>> _numbering("貳、日本以"), _numbering("（二）發展"), _numbering("2"), _numbering("結語")
    ((False, 2), (True, 2), (False, 2), None)
    """
    match = _NUMBERING.match(text)
    if not match or bool(match.group("open")) != bool(match.group("close")):
        return None
    digits = match.group("number")
    if digits.isdigit():
        value = int(digits)
    elif len(digits) == 1:
        value = _NUMERALS[digits]
    elif len(digits) == 2 and digits[0] in "十拾":
        value = 10 + _NUMERALS[digits[1]]
    elif len(digits) == 2 and digits[1] in "十拾":
        value = 10 * _NUMERALS[digits[0]]
    else:
        return None
    return bool(match.group("open")), value


def find_heading(article: Article, heading: str) -> Heading:
    """The heading meant by ``heading``: its full text, its numbering ("貳", "二", "（一）", "3") or a unique part.

    >>> from helpers import load_corpus
    >>> find_heading(load_corpus()["abe-beijing-2018"], "貳").text
    '貳、日本以「第三方市場合作」之名參與「一帶一路」'
    >>> find_heading(load_corpus()["central-asia-2007"], "成效").text
    '三、日本中亚政策的成效'
    """
    sections = [h for h in article.headings if h.level > 0]
    wanted = heading.strip()
    exact = [h for h in sections if h.text == wanted]
    if exact:
        return exact[0]
    number = _numbering(wanted)
    if number is not None and _NUMBERING.sub("", wanted, count=1).strip() == "":
        matches = [h for h in sections if _numbering(h.text) == number]
        if not matches and not number[0]:  # "二" may also mean "（二）" if no top-level heading has it
            matches = [h for h in sections if _numbering(h.text) == (True, number[1])]
    else:
        needle = to_simplified(wanted)
        matches = [h for h in sections if needle and needle in to_simplified(h.text)]
    if len(matches) == 1:
        return matches[0]
    listing = "; ".join(h.text for h in sections)
    if not matches:
        raise KeyError(f"{article.id} has no heading {heading!r}; its headings are: {listing}")
    raise KeyError(
        f"{heading!r} matches {len(matches)} headings of {article.id}: {'; '.join(h.text for h in matches)}; give more of it"
    )


def _article(corpus: Corpus, article: Article | str) -> Article:
    return corpus[article] if isinstance(article, str) else article


def _section_html(article: Article, paragraphs: list, script: str, top: tuple[str, ...] = ()) -> str:
    lang = script_lang(article, script)
    levels = {h.text: h.level for h in article.headings}
    parts, current = [], top
    for paragraph in paragraphs:
        if paragraph.section != current:
            # Print each heading that opens here (below the ones already shown).
            shared = 0
            while shared < min(len(current), len(paragraph.section)) and current[shared] == paragraph.section[shared]:
                shared += 1
            for text in paragraph.section[shared:]:
                level = min(levels.get(text, 1) + 2, 6)
                parts.append(f'<h{level} lang="{lang}">{html.escape(to_script(text, script))}</h{level}>')
            current = paragraph.section
        parts.append(
            "<p style='line-height:1.8;margin:0.4em 0 0.8em 0'>"
            f"<code style='font-size:80%;color:#555'>{html.escape(short_id(paragraph.id))}</code> "
            f'<span lang="{lang}">{html.escape(to_script(paragraph.text, script))}</span></p>'
        )
    return "".join(parts)


def read_section(article: Article | str, heading: str, script: str = "original", corpus: Corpus | None = None) -> HTML:
    """Every paragraph of one section, with its id and sub-headings, as static HTML.

    ``heading`` is the heading as printed, its numbering ("貳", "二", "（一）") or
    a part of it that only one heading has; ``script`` is ``original``,
    ``traditional`` or ``simplified``.

    >>> page = read_section("abe-beijing-2018", "伍", script="simplified").data
    >>> "p015" in page and "战术性作为" in page and 'lang="zh-Hans"' in page
    True
    """
    corpus = default_corpus(corpus)
    article = _article(corpus, article)
    found = find_heading(article, heading)
    under = [p for p in article.paragraphs if found.text in p.section]
    head = f'<h3 lang="{script_lang(article, script)}">{html.escape(to_script(found.text, script))}</h3>'
    if not under:
        return HTML(head + "<p><i>No paragraph sits under this heading.</i></p>")
    top = under[0].section[: under[0].section.index(found.text) + 1]
    count = f"<p style='font-size:85%;color:#444'>{html.escape(article.id)}: {len(under)} paragraph(s), {SCRIPTS[script]}</p>"
    return HTML(head + count + _section_html(article, under, script, top))


def read_article(article: Article | str, script: str = "original", corpus: Corpus | None = None) -> HTML:
    """The whole article, every heading and paragraph with its id, as static HTML.

    >>> from helpers import load_corpus
    >>> page = read_article("japan-us-2021").data
    >>> page.count("<code") == len(load_corpus()["japan-us-2021"].paragraphs)
    True
    """
    corpus = default_corpus(corpus)
    article = _article(corpus, article)
    lang = script_lang(article, script)
    title = f'<h2 lang="{lang}">{html.escape(to_script(article.title, script))}</h2>'
    return HTML(title + _section_html(article, article.paragraphs, script))
