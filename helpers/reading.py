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

import ipywidgets as widgets
import pandas as pd
from IPython.display import HTML

from .corpus.loading import Corpus, default_corpus
from .corpus.records import Article
from .text.cleaning import han
from .text.language import load_glossary
from .text.script import to_script

SCRIPTS = {"original": "as printed", "traditional": "繁體", "simplified": "简体"}


def outline_frame(article: Article) -> pd.DataFrame:
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
                "first_para": under[0].id.split(":")[1] if under else "",
            }
        )
    return pd.DataFrame(rows, columns=["level", "heading", "paragraphs", "first_para"])


def outline(article: Article) -> HTML:
    """The outline as an indented list, every heading at its level, as printed."""
    items = []
    title = html.escape(article.title)
    supplied = article.metadata.get("title_supplied") == "true"
    items.append(
        f"<li><b>{title}</b>" + (" <i>(the text prints no title: this one is supplied)</i>" if supplied else "") + "</li>"
    )
    for row in outline_frame(article).itertuples(index=False):
        where = f" <span style='color:#555'>({row.paragraphs} ¶ from {row.first_para})</span>" if row.paragraphs else ""
        items.append(
            f"<li style='margin-left:{1.5 * row.level}em'>{html.escape(row.heading)}{where}</li>"
        )
    return HTML("<ul style='list-style:none;padding-left:0'>" + "".join(items) + "</ul>")


def passage_html(corpus: Corpus, para_id: str, script: str = "original") -> str:
    """One paragraph as HTML, with its id and section as provenance."""
    paragraph = corpus.paragraph(para_id)
    article = corpus[para_id.split(":")[0]]
    section = " › ".join(paragraph.section) or "(before the first heading)"
    text = to_script(paragraph.text, script)
    return (
        "<blockquote style='border-left:4px solid #0072B2;margin:0.6em 0;padding:0.2em 0.8em;line-height:1.7'>"
        f"{html.escape(text)}"
        f"<br><span style='font-size:85%;color:#444'>— {html.escape(article.id)}, "
        f"<code>{html.escape(para_id.split(':')[1])}</code>, {html.escape(section)}</span></blockquote>"
    )


def passages(para_ids: list[str] | str, script: str = "original", corpus: Corpus | None = None) -> HTML:
    """Show one or more paragraphs by id, in the original or the other script.

    >>> "1992年1月" in passages("central-asia-2007:p005").data
    True
    """
    corpus = default_corpus(corpus)
    ids = [para_ids] if isinstance(para_ids, str) else list(para_ids)
    return HTML("".join(passage_html(corpus, pid, script) for pid in ids))


def passage_reader(para_ids: list[str] | str, corpus: Corpus | None = None) -> widgets.VBox:
    """The passages with a toggle between the printed, Traditional and Simplified script.

    The text is set as the value of an ``HTML`` widget, so it is saved with the
    notebook and shows on a static page.
    """
    corpus = default_corpus(corpus)
    ids = [para_ids] if isinstance(para_ids, str) else list(para_ids)
    toggle = widgets.ToggleButtons(options=[(label, key) for key, label in SCRIPTS.items()], value="original")
    shown = widgets.HTML(value="".join(passage_html(corpus, pid) for pid in ids))

    def show(change: dict) -> None:
        shown.value = "".join(passage_html(corpus, pid, change["new"]) for pid in ids)

    toggle.observe(show, names="value")
    return widgets.VBox([toggle, shown])


def key_terms(article_id: str, terms: list[str] | None = None) -> pd.DataFrame:
    """Glossary rows for an article (optionally only ``terms``): term, variant, pinyin, gloss.

    >>> key_terms("abe-beijing-2018", ["軟避險"])["pinyin"].tolist()
    ['ruǎn bìxiǎn']
    """
    glossary = load_glossary()
    rows = glossary[glossary["article_ids"].map(lambda ids: article_id in ids)]
    if terms is not None:
        missing = [t for t in terms if t not in set(rows["term"]) | set(rows["variant"])]
        if missing:
            raise KeyError(f"not in the glossary for {article_id}: {', '.join(missing)}")
        rows = rows[rows["term"].isin(terms) | rows["variant"].isin(terms)]
        rows = rows.set_index("term").loc[[t if t in set(rows["term"]) else _term_for(rows, t) for t in terms]].reset_index()
    return rows[["term", "variant", "pinyin", "gloss"]].reset_index(drop=True)


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


def catalog_table(corpus: Corpus | None = None) -> pd.DataFrame:
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
    return pd.DataFrame(rows)


# --- From raw extraction to clean text -------------------------------------------------


def raw_lines(article: Article, first: int, last: int) -> pd.DataFrame:
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
    return pd.DataFrame(rows, columns=["number", "line"]).set_index("number")


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


def removed_frame(corpus: Corpus | None = None) -> pd.DataFrame:
    """Everything the cleaner dropped, in every article: kind, line, text, reason."""
    corpus = default_corpus(corpus)
    rows = [
        {"article_id": a.id, "kind": r.kind, "line": r.line, "text": r.text[:60], "reason": r.reason}
        for a in corpus
        for r in a.removed
    ]
    return pd.DataFrame(rows, columns=["article_id", "kind", "line", "text", "reason"])


def front_matter_frame(article: Article) -> pd.DataFrame:
    """The labelled blocks outside the body: abstract, keywords, byline, dateline…

    >>> from helpers import load_corpus
    >>> front_matter_frame(load_corpus()["central-asia-2007"])["kind"].tolist()
    ['byline', 'abstract']
    """
    return pd.DataFrame(
        [{"kind": f.kind, "line": f.line, "text": f.text} for f in article.front_matter], columns=["kind", "line", "text"]
    )


def notes_frame(article: Article) -> pd.DataFrame:
    """The article's notes: id, marker, the paragraph citing it, locator and text."""
    return pd.DataFrame(
        [
            {"note": n.id.split(":")[1], "marker": n.marker, "cited_in": n.para_id.split(":")[1] if n.para_id else "",
             "locator": n.locator, "text": n.text}
            for n in article.notes
        ],
        columns=["note", "marker", "cited_in", "locator", "text"],
    )


def accounting(article: Article) -> pd.Series:
    """How many Han characters of the raw file went where (the ledger, summed).

    >>> from helpers import load_corpus
    >>> from helpers.cleaning import han
    >>> article = load_corpus()["central-asia-2007"]
    >>> int(accounting(article).sum()) == len(han(article.raw))
    True
    """

    counts: dict[str, int] = {}
    for entry in article.ledger:
        kind = entry.target.split(":")[0] if not entry.target.startswith(article.id) else (
            "paragraphs" if ":p" in entry.target else "notes" if ":n" in entry.target else "tables"
        )
        kind = {"heading": "headings", "caption": "captions", "front": "front matter", "removed": "removed"}.get(kind, kind)
        counts[kind] = counts.get(kind, 0) + len(han(entry.text))
    order = ["title", "headings", "paragraphs", "front matter", "notes", "captions", "tables", "removed"]
    return pd.Series({k: counts[k] for k in order if k in counts}, name="Han characters")

