"""Widgets that let a reader explore the articles without editing code.

The filtering itself is plain pandas (:func:`filter_paragraphs`), so it can be
tested and reused; the widget (:func:`theme_filter`) only wires controls to it
and renders the result as HTML. Every piece of article or user text that reaches
the page is HTML-escaped.

Results are shown by setting the value of ``HTML`` widgets, never by printing
into an ``Output`` widget: the value is saved with the notebook's widget state,
so the widget renders on a static page too, and nothing lands in the cell's
outputs when the notebook is re-run by nbval.

>>> from helpers import load_corpus
>>> index = build_index(load_corpus()["central-asia-2007"])
>>> matches = filter_paragraphs(index, themes=["energy"], keyword="铀")
>>> matches["para_id"].tolist()
['central-asia-2007:p002', 'central-asia-2007:p014', 'central-asia-2007:p017']
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

import ipywidgets as widgets
import pandas as pd

from .analysis.themes import (
    NO_THEME,
    ParagraphSource,
    Theme,
    find_keyword_spans,
    load_themes,
    paragraph_texts,
    tag_themes,
)
from .corpus.loading import Corpus, default_corpus
from .text.fulltable import chinese_lang
from .text.script import to_script, to_simplified

#: Shown when nothing is chosen.
EMPTY_SELECTION = "Choose one or more themes, or type a keyword (in either script), to list paragraphs."
#: Longest keyword taken from the text box; a longer paste is cut (and the reader told).
MAX_KEYWORD = 100
#: Okabe–Ito blue and vermilion: distinguishable with every common colour-vision deficiency.
BAR_COLOUR = "#0072B2"
KEYWORD_COLOUR = "#E69F00"
THEME_MARK = "#CFE8F7"


@dataclass
class ParagraphIndex:
    """Paragraphs prepared once for fast filtering: texts, themes and matches.

    ``tags`` is the output of :func:`helpers.themes.tag_themes`; ``members``
    maps a theme id to the ids of its paragraphs; ``keywords`` maps
    ``(para_id, theme)`` to the keywords that matched.
    """

    paragraphs: pd.DataFrame
    themes: list[Theme]
    tags: pd.DataFrame
    members: dict[str, set[str]] = field(default_factory=dict)
    keywords: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)

    @property
    def theme_labels(self) -> dict[str, str]:
        """Theme id → English label, in the themes file's order."""
        return {theme.id: theme.label for theme in self.themes}


def build_index(source: ParagraphSource | None = None, themes: list[Theme] | None = None) -> ParagraphIndex:
    """Tag the paragraphs of ``source`` (default: the whole corpus) and index them.

    >>> from helpers import load_corpus
    >>> index = build_index(load_corpus()["abe-beijing-2018"])
    >>> len(index.paragraphs), "finance" in index.members
    (15, True)
    """
    source = default_corpus() if source is None else source
    themes = load_themes() if themes is None else themes
    rows = paragraph_texts(source)
    paragraphs = pd.DataFrame(rows, columns=["article_id", "para_id", "text"])
    paragraphs["simplified"] = paragraphs["text"].map(to_simplified)
    tags = tag_themes(source, themes)
    index = ParagraphIndex(paragraphs=paragraphs, themes=themes, tags=tags)
    for row in tags.itertuples(index=False):
        theme = str(row.theme)
        if theme == NO_THEME:
            continue
        index.members.setdefault(theme, set()).add(row.para_id)
        index.keywords[(row.para_id, theme)] = tuple(k for k in str(row.matched).split(";") if k)
    return index


def clean_keyword(keyword: object) -> str:
    """The keyword as searched: a string, stripped, at most :data:`MAX_KEYWORD` characters.

    >>> clean_keyword("  關係 "), clean_keyword(None), len(clean_keyword("字" * 10_000))
    ('關係', '', 100)
    """
    if not isinstance(keyword, str):
        return ""
    return keyword.strip()[:MAX_KEYWORD]


def filter_paragraphs(
    index: ParagraphIndex, themes: tuple[str, ...] | list[str] = (), keyword: str = "", *, match: str = "any"
) -> pd.DataFrame:
    """The paragraphs that have the chosen themes and contain the keyword.

    With ``match="any"`` a paragraph needs one of the ``themes``, with ``"all"``
    every one of them. The keyword is matched literally in either script. When
    neither themes nor keyword is given, nothing matches. The result has the
    columns ``article_id, para_id, text, themes`` (the chosen themes the
    paragraph has).

    >>> from helpers import load_corpus
    >>> index = build_index(load_corpus()["japan-korea-2024"])
    >>> len(filter_paragraphs(index)), len(filter_paragraphs(index, keyword=".*"))
    (0, 0)
    """
    chosen = [t for t in themes if t in index.members or t in index.theme_labels]
    keyword = clean_keyword(keyword)
    columns = ["article_id", "para_id", "text", "themes"]
    if not chosen and not keyword:
        return pd.DataFrame(columns=columns)
    selected = index.paragraphs
    if chosen:
        sets = [index.members.get(t, set()) for t in chosen]
        wanted = set.intersection(*sets) if match == "all" else set.union(*sets)
        selected = selected[selected["para_id"].isin(wanted)]
    if keyword:
        needle = to_simplified(keyword)
        selected = selected[selected["simplified"].str.contains(needle, regex=False)]
    result = selected[["article_id", "para_id", "text"]].copy()
    result["themes"] = [tuple(t for t in chosen if p in index.members.get(t, ())) for p in result["para_id"]]
    return result.reset_index(drop=True)


def matched_context(text: str, theme_keywords: list[tuple[str, tuple[str, ...]]], width: int = 6) -> str:
    """``theme: keyword (…context…)`` for each theme's matched keywords, first occurrence, either script.

    >>> matched_context("日美同盟日益呈現「戰略資產」特性", [("alliance", ("同盟",))], width=2)
    'alliance: 同盟 (…日美同盟日益…)'
    """
    simplified = to_simplified(text)
    parts = []
    for theme, keywords in theme_keywords:
        shown = []
        for keyword in keywords:
            at = simplified.find(to_simplified(keyword))
            if at < 0:
                shown.append(keyword)
                continue
            printed = text[at : at + len(keyword)]  # the keyword as the paragraph prints it
            shown.append(f"{printed} (…{text[max(0, at - width) : at + len(keyword) + width]}…)")
        if shown:
            parts.append(f"{theme}: " + "; ".join(shown))
    return " | ".join(parts)


def highlight(
    text: str,
    theme_keywords: tuple[str, ...],
    keyword: str = "",
    script: str = "original",
    exclude: tuple[str, ...] = (),
) -> str:
    """Escape ``text`` for HTML and mark the matched keywords.

    Theme keywords get a pale background, the typed keyword a stronger one.
    ``script`` shows the paragraph in ``original``, ``traditional`` or
    ``simplified`` characters; the marks stay on the same characters.
    Theme keywords inside an ``exclude`` phrase (a theme's sense rules) are not marked.

    >>> highlight("<b>日美同盟</b>", ("同盟",))
    '&lt;b&gt;日美<mark class="theme">同盟</mark>&lt;/b&gt;'
    """
    shown = to_script(text, script)
    if len(shown) != len(text):  # conversion changed the length: marks would drift
        shown = text
    spans = [(s, e, "theme") for s, e, _ in find_keyword_spans(text, theme_keywords, exclude)]
    if keyword:
        spans += [(s, e, "keyword") for s, e, _ in find_keyword_spans(text, [keyword])]
    spans.sort(key=lambda span: (span[0], span[2] != "keyword"))
    pieces, position = [], 0
    for start, end, kind in spans:
        if start < position:
            continue
        pieces.append(html.escape(shown[position:start]))
        pieces.append(f'<mark class="{kind}">{html.escape(shown[start:end])}</mark>')
        position = end
    pieces.append(html.escape(shown[position:]))
    return "".join(pieces)


_STYLE = f"""<style>
.jr-results mark.theme {{background:{THEME_MARK}; padding:0 1px;}}
.jr-results mark.keyword {{background:{KEYWORD_COLOUR}; padding:0 1px;}}
.jr-results .para {{margin:0 0 .8em 0; line-height:1.7;}}
.jr-results .pid {{font-family:monospace; font-size:85%; color:#444;}}
.jr-results .note {{color:#444; font-style:italic;}}
</style>"""


def results_html(
    index: ParagraphIndex, matches: pd.DataFrame, keyword: str = "", script: str = "original", limit: int = 60
) -> str:
    """Render the matching paragraphs, with their ids and highlighted keywords.

    Each paragraph's text carries ``lang`` (``zh-Hant`` or ``zh-Hans``, by the script shown), so that
    a screen reader reads it as Chinese.
    """
    keyword = clean_keyword(keyword)
    if matches.empty:
        return _STYLE + '<div class="jr-results"><p class="note">No paragraph matches this selection.</p></div>'
    labels = index.theme_labels
    rules = {theme.id: theme.exclude for theme in index.themes}
    parts = [_STYLE, '<div class="jr-results">', f'<p class="note">{len(matches)} paragraph(s) match.</p>']
    for row in matches.head(limit).itertuples(index=False):
        theme_keywords = tuple(k for t in row.themes for k in index.keywords.get((row.para_id, t), ()))
        exclude = tuple(r for t in row.themes for r in rules.get(t, ()))
        names = ", ".join(labels.get(t, t) for t in row.themes)
        parts.append(
            f'<div class="para"><span class="pid">{html.escape(row.para_id)}</span>'
            + (f' <span class="note">({html.escape(names)})</span>' if names else "")
            + f'<br><span lang="{chinese_lang(to_script(row.text, script)) or "zh"}">'
            + f"{highlight(row.text, theme_keywords, keyword, script, exclude)}</span></div>"
        )
    if len(matches) > limit:
        parts.append(f'<p class="note">… and {len(matches) - limit} more: narrow the selection to see them.</p>')
    parts.append("</div>")
    return "".join(parts)


def theme_key_html(themes: list[Theme], chosen: tuple[str, ...] | list[str] = ()) -> str:
    """What each chosen theme means and what it matches: description, keywords, sense rules.

    A reader sees why a paragraph matched, and what the theme cannot see (a word
    that is not in its list). All themes when ``chosen`` is empty.

    >>> html_text = theme_key_html(load_themes(), ["taiwan-seas"])
    >>> "上台" in html_text and "Taiwan" in html_text
    True
    """
    shown = [t for t in themes if not chosen or t.id in chosen]
    rows = []
    for theme in shown:
        rules = f"<br><i>Not counted inside:</i> {html.escape('、'.join(theme.exclude))}" if theme.exclude else ""
        rows.append(
            f"<li><b>{html.escape(theme.label)}</b> ({html.escape(theme.id)}): {html.escape(theme.description)}"
            f'<br><i>Keywords:</i> <span lang="zh">{html.escape("、".join(theme.keywords))}</span>{rules}</li>'
        )
    return f'<div class="jr-key" style="font-size:90%"><ul>{"".join(rows)}</ul></div>' if rows else ""


def counts_html(counts: pd.Series, title: str) -> str:
    """A small horizontal bar chart in HTML: one bar per label, the count beside it.

    >>> "width:100%" in counts_html(pd.Series({"Energy": 3, "Defence": 1}), "Paragraphs")
    True
    """
    counts = counts[counts > 0]
    if counts.empty:
        return f"<div><strong>{html.escape(title)}</strong><p><i>Nothing to count.</i></p></div>"
    top = counts.max()
    rows = []
    for label, count in counts.items():
        width = round(100 * count / top)
        rows.append(
            "<tr>"
            f'<td style="padding-right:8px;white-space:nowrap">{html.escape(str(label))}</td>'
            f'<td style="width:220px"><div style="background:{BAR_COLOUR};height:12px;width:{width}%"></div></td>'
            f'<td style="padding-left:6px">{int(count)}</td>'
            "</tr>"
        )
    return f"<div><strong>{html.escape(title)}</strong><table>{''.join(rows)}</table></div>"


def theme_counts_for(
    index: ParagraphIndex, matches: pd.DataFrame, by_article: bool = False
) -> pd.Series | pd.DataFrame:
    """How many of the matching paragraphs carry each theme (optionally per article)."""
    tags = index.tags[index.tags["para_id"].isin(set(matches["para_id"]))]
    tags = tags[tags["theme"].astype(str) != NO_THEME]
    labels = index.theme_labels
    if by_article:
        table = pd.crosstab(tags["theme"].astype(str).map(labels), tags["article_id"])
        # crosstab sorts the articles alphabetically; show them in the corpus's (catalog) order,
        # as every other table of the collection does.
        articles = [a for a in dict.fromkeys(index.paragraphs["article_id"]) if a in table.columns]
        table = table.reindex(index=[labels[t.id] for t in index.themes], columns=articles)
        return table.dropna(how="all").fillna(0).astype(int)
    counts = tags["theme"].astype(str).value_counts()
    return pd.Series({labels[t.id]: int(counts.get(t.id, 0)) for t in index.themes})


def matrix_html(table: pd.DataFrame, title: str) -> str:
    """A table of counts (themes × articles) shaded by value, as HTML."""
    if table.empty:
        return f"<div><strong>{html.escape(title)}</strong><p><i>Nothing to count.</i></p></div>"
    top = max(int(table.values.max()), 1)
    head = "".join(f'<th style="padding:2px 6px;font-size:85%">{html.escape(str(c))}</th>' for c in table.columns)
    rows = []
    for label, values in table.iterrows():
        cells = "".join(
            f'<td style="text-align:center;background:rgba(0,114,178,{0.12 + 0.75 * v / top:.2f})">{int(v)}</td>'
            if v
            else '<td style="text-align:center;color:#999">0</td>'
            for v in values
        )
        rows.append(f"<tr><td style='padding-right:8px'>{html.escape(str(label))}</td>{cells}</tr>")
    return f"<div><strong>{html.escape(title)}</strong><table><tr><th></th>{head}</tr>{''.join(rows)}</table></div>"


class ThemeFilter(widgets.VBox):
    """Theme and keyword filter over paragraphs, with a chart that follows the selection.

    Controls: ``themes`` (a multiple selection), ``keyword`` (either script),
    ``match`` (any/all themes), ``script`` (how passages are shown) and
    ``clear``. Output: ``results`` and ``chart`` (``HTML`` widgets). Call
    :meth:`select` to drive it from code.
    """

    def __init__(self, index: ParagraphIndex, *, by_article: bool = False) -> None:
        self.index = index
        self.by_article = by_article
        options = [(theme.label, theme.id) for theme in index.themes]
        self.themes = widgets.SelectMultiple(options=options, rows=min(10, len(options)), description="Themes")
        self.keyword = widgets.Text(placeholder="e.g. 同盟 or 關係", description="Keyword", continuous_update=False)
        self.match = widgets.ToggleButtons(options=[("any theme", "any"), ("all themes", "all")], value="any")
        self.script = widgets.ToggleButtons(
            options=[("as printed", "original"), ("繁體", "traditional"), ("简体", "simplified")], value="original"
        )
        self.clear = widgets.Button(description="Clear", icon="times")
        self.summary = widgets.HTML()
        self.key = widgets.HTML()
        self.results = widgets.HTML()
        self.chart = widgets.HTML()
        for control in (self.themes, self.keyword, self.match, self.script):
            control.observe(self._update, names="value")
        self.clear.on_click(lambda _: self.select(themes=(), keyword=""))
        controls = widgets.HBox([self.themes, widgets.VBox([self.keyword, self.match, self.script, self.clear])])
        super().__init__([controls, self.summary, self.key, widgets.HBox([self.results, self.chart])])
        self.results.layout = widgets.Layout(width="65%")
        self.chart.layout = widgets.Layout(width="35%", padding="0 0 0 12px")
        self._update()

    def select(self, themes: tuple[str, ...] | list[str] = (), keyword: str = "", match: str = "any") -> None:
        """Set the controls from code (as a reader would by clicking) and update."""
        with self.hold_trait_notifications():
            self.themes.value = tuple(t for t in themes if t in self.index.theme_labels)
            self.keyword.value = keyword
            self.match.value = match
        self._update()

    def matches(self) -> pd.DataFrame:
        """The paragraphs the current selection matches, with a ``matched`` column (each chosen theme's
        keywords found in the paragraph, each with a few characters of context), so that the static
        table shows why a paragraph was listed."""
        found = filter_paragraphs(self.index, self.themes.value, self.keyword.value, match=self.match.value)
        found["matched"] = [
            matched_context(text, [(t, self.index.keywords.get((p, t), ())) for t in themes])
            for p, text, themes in zip(found["para_id"], found["text"], found["themes"])
        ]
        return found

    def _repr_mimebundle_(self, **kwargs: object) -> dict | None:
        # ipywidgets cuts the text form at 110 characters; this one is written to be read whole.
        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle is not None:
            bundle["text/plain"] = repr(self)
        return bundle

    def __repr__(self) -> str:
        # What a page without widget JavaScript shows (a stored notebook, nbviewer, a
        # text export): the state, not ipywidgets' nest of children cut off mid-word.
        labels = self.index.theme_labels
        themes = ", ".join(labels[t] for t in self.themes.value) or "none chosen"
        keyword = clean_keyword(self.keyword.value)
        shown = re.sub(r"<[^>]+>", "", self.summary.value).strip()
        return (
            f"[Theme filter, a live widget that needs a running kernel. Themes: {themes}"
            f"{f' ({self.match.value} of them)' if len(self.themes.value) > 1 else ''}; "
            f"keyword: {keyword or 'none'}. {shown}]"
        )

    def _update(self, change: object = None) -> None:
        # The summary is set last: when it changes, the list and the chart are
        # already up to date (a reader's eye, or a browser test, can rely on it).
        keyword = clean_keyword(self.keyword.value)
        if not self.themes.value and not keyword:
            self.results.value = ""
            self.chart.value = ""
            self.key.value = ""
            self.summary.value = f"<p><i>{html.escape(EMPTY_SELECTION)}</i></p>"
            return
        matches = self.matches()
        note = ""
        if isinstance(self.keyword.value, str) and len(self.keyword.value.strip()) > MAX_KEYWORD:
            note = f" (keyword cut to its first {MAX_KEYWORD} characters)"
        self.key.value = theme_key_html(self.index.themes, self.themes.value) if self.themes.value else ""
        self.results.value = results_html(self.index, matches, keyword, self.script.value)
        if self.by_article:
            self.chart.value = matrix_html(
                theme_counts_for(self.index, matches, by_article=True), "Themes of these paragraphs, per article"
            )
        else:
            self.chart.value = counts_html(theme_counts_for(self.index, matches), "Themes of these paragraphs")
        self.summary.value = f"<p>{len(matches)} of {len(self.index.paragraphs)} paragraphs{html.escape(note)}.</p>"


def theme_filter(source: ParagraphSource | None = None, *, by_article: bool | None = None) -> ThemeFilter:
    """A theme/keyword filter widget over an article (or the whole corpus).

    >>> from helpers import load_corpus
    >>> widget = theme_filter(load_corpus()["central-asia-2007"])
    >>> widget.select(themes=["energy"])
    >>> widget.summary.value.startswith("<p>11 of 22")
    True
    >>> print(repr(widget))
    [Theme filter, a live widget that needs a running kernel. Themes: Energy & resources; keyword: none. 11 of 22 paragraphs.]
    """
    source = default_corpus() if source is None else source
    if by_article is None:
        by_article = isinstance(source, Corpus)
    return ThemeFilter(build_index(source), by_article=by_article)
