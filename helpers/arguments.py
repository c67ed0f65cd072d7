"""Argument maps: an article's thesis, its main claims, the evidence and the limits.

Each map is a TOML file a teacher can edit, ``helpers/data/arguments/<article
id>.toml``: a ``thesis`` (in our own English words) and three to six
``[[claim]]`` tables. A claim names the ``section`` it is argued in (a heading
as printed), the ``paragraphs`` that carry it, the ``figures`` it rests on (ids
from ``figures.csv``), and the ``limits``: counter-arguments or concessions the
author makes, each with its paragraph. Every claim and every limit may carry
``evidence = ["quote-id", ...]``: ids of quotes in
``helpers/data/quotes/<article id>.toml``, the sentences that carry it (see
:mod:`helpers.quotes`). :func:`check_argument_map` makes sure every paragraph
id, heading, figure and quote exists; :func:`claim_evidence` lists the quoted
sentences claim by claim; :func:`argument_diagram` draws the map with the
thesis at the top, the claims under it and their evidence.

>>> amap = load_argument_map("central-asia-2007")
>>> 3 <= len(amap.claims) <= 6
True
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path

import matplotlib
import pandas as pd
from matplotlib.figure import Figure

from .analysis.quotes import load_quotes, marked_sentence, quote_text
from .corpus.loading import ArticleRef, Corpus, article_id_of, default_corpus
from .corpus.vocabulary import short_id
from .plots import PALETTE, STYLE, _root, add_source, new_axes
from .text.datafiles import DATA_DIR, DataFileError, read_toml
from .text.fulltable import FullTable, full_table

ARGUMENTS_DIR = DATA_DIR / "arguments"


class ArgumentMapError(DataFileError):
    """An argument map is malformed or cites something that does not exist."""


@dataclass(frozen=True)
class Limit:
    """A counter-argument or concession the author makes, and where."""

    text: str
    paragraph: str
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Claim:
    """One main claim with its evidence (paragraphs, figures and quote ids)."""

    id: str
    text: str
    section: str
    paragraphs: tuple[str, ...]
    figures: tuple[str, ...]
    limits: tuple[Limit, ...]
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArgumentMap:
    """An article's thesis and claims."""

    article_id: str
    thesis: str
    thesis_paragraphs: tuple[str, ...]
    claims: tuple[Claim, ...]
    summary: str
    path: Path


def load_argument_map(article: ArticleRef, folder: str | Path | None = None) -> ArgumentMap:
    """Read ``<folder>/<article id>.toml``; a malformed file names the claim and field."""
    article_id = article_id_of(article)
    path = Path(folder or ARGUMENTS_DIR) / f"{article_id}.toml"
    if not path.is_file():
        raise ArgumentMapError(str(path), "no argument map for this article")
    data = read_toml(path, ArgumentMapError)
    for key in ("thesis", "claim"):
        if key not in data:
            raise ArgumentMapError(str(path), f"missing {key!r}")
    claims = []
    for number, table in enumerate(data["claim"], start=1):
        where = f"{path}, claim {number}"
        for key in ("id", "text", "section", "paragraphs"):
            if not table.get(key):
                raise ArgumentMapError(where, f"missing {key!r}")
        limits = []
        for index, item in enumerate(table.get("limits", []), start=1):
            for key in ("text", "paragraph"):
                if not item.get(key):
                    raise ArgumentMapError(f"{where}, limit {index}", f"missing {key!r}")
            limits.append(
                Limit(item["text"], _full(article_id, item["paragraph"]), _evidence(item, f"{where}, limit {index}"))
            )
        claims.append(
            Claim(
                id=table["id"],
                text=table["text"].strip(),
                section=table["section"],
                paragraphs=tuple(_full(article_id, p) for p in table["paragraphs"]),
                figures=tuple(table.get("figures", [])),
                limits=tuple(limits),
                evidence=_evidence(table, where),
            )
        )
    if not 3 <= len(claims) <= 6:
        raise ArgumentMapError(str(path), f"an argument map has 3 to 6 claims, this one has {len(claims)}")
    return ArgumentMap(
        article_id=article_id,
        thesis=data["thesis"].strip(),
        thesis_paragraphs=tuple(_full(article_id, p) for p in data.get("thesis_paragraphs", [])),
        claims=tuple(claims),
        summary=data.get("summary", "").strip(),
        path=path,
    )


def _evidence(table: dict, where: str) -> tuple[str, ...]:
    evidence = table.get("evidence", [])
    if not isinstance(evidence, list) or not all(isinstance(e, str) and e.strip() for e in evidence):
        raise ArgumentMapError(where, f'evidence must be a list of quote ids such as ["verdict"], not {evidence!r}')
    return tuple(e.strip() for e in evidence)


def _full(article_id: str, para_id: str) -> str:
    return para_id if ":" in para_id else f"{article_id}:{para_id}"


def check_argument_map(
    amap: ArgumentMap,
    corpus: Corpus | None = None,
    figure_ids: set[str] | None = None,
    quote_ids: set[str] | None = None,
) -> list[str]:
    """Problems with a map: unknown paragraph ids, headings, figures or quotes (empty when fine).

    ``quote_ids`` defaults to the ids in the article's quote file.
    """
    corpus = default_corpus(corpus)
    article = corpus[amap.article_id]
    known_paragraphs = {p.id for p in article.paragraphs}
    known_headings = {h.text for h in article.headings}
    if figure_ids is None:
        from .analysis.figures import load_figures

        figure_ids = set(load_figures()["figure_id"])
    if quote_ids is None:
        quote_ids = set(load_quotes(amap.article_id))
    problems = []
    for pid in amap.thesis_paragraphs:
        if pid not in known_paragraphs:
            problems.append(f"thesis: unknown paragraph {pid}")
    for claim in amap.claims:
        if claim.section not in known_headings:
            problems.append(f"{claim.id}: unknown heading {claim.section!r}")
        for pid in claim.paragraphs + tuple(limit.paragraph for limit in claim.limits):
            if pid not in known_paragraphs:
                problems.append(f"{claim.id}: unknown paragraph {pid}")
        for fid in claim.figures:
            if fid not in figure_ids:
                problems.append(f"{claim.id}: unknown figure {fid}")
        for part, evidence in [("claim", claim.evidence)] + [
            (f"limit {i}", limit.evidence) for i, limit in enumerate(claim.limits, 1)
        ]:
            for quote_id in evidence:
                if quote_id not in quote_ids:
                    problems.append(
                        f"{claim.id} ({part}): unknown quote {quote_id!r} (not in quotes/{amap.article_id}.toml)"
                    )
    return problems + misplaced_limit_evidence(amap)


def misplaced_limit_evidence(amap: ArgumentMap) -> list[str]:
    """Limits whose quotes stand outside the limit's paragraph and the claim's paragraphs (empty when fine).

    A limit names the paragraph that carries it; a quote it cites from elsewhere
    points the reader at the wrong place (split the limit instead, one paragraph
    each). Part of :func:`check_argument_map`.

    >>> misplaced_limit_evidence(load_argument_map("central-asia-2007"))
    []
    """
    quotes = load_quotes(amap.article_id)
    problems = []
    for claim in amap.claims:
        for number, limit in enumerate(claim.limits, 1):
            allowed = {limit.paragraph, *claim.paragraphs}
            for quote_id in limit.evidence:
                if quote_id in quotes and quotes[quote_id].paragraph not in allowed:
                    problems.append(
                        f"{claim.id} (limit {number}): quote {quote_id!r} is in {short_id(quotes[quote_id].paragraph)}, "
                        f"not in the limit's paragraph {short_id(limit.paragraph)} or the claim's paragraphs"
                    )
    return problems


def claims_frame(amap: ArgumentMap) -> FullTable:
    """One row per claim: id, claim, section, paragraphs, figures, evidence (quote ids), limits.

    >>> claims_frame(load_argument_map("japan-us-2021")).columns.tolist()
    ['claim', 'text', 'section', 'paragraphs', 'figures', 'evidence', 'limits']
    """
    return full_table(
        pd.DataFrame(
            [
                {
                    "claim": c.id,
                    "text": c.text,
                    "section": c.section,
                    "paragraphs": ", ".join(short_id(p) for p in c.paragraphs),
                    "figures": ", ".join(c.figures),
                    "evidence": ", ".join(c.evidence),
                    "limits": " | ".join(
                        f"{limit.text} ({short_id(limit.paragraph)}"
                        + (f"; quotes: {', '.join(limit.evidence)}" if limit.evidence else "")
                        + ")"
                        for limit in c.limits
                    ),
                }
                for c in amap.claims
            ],
            columns=["claim", "text", "section", "paragraphs", "figures", "evidence", "limits"],
        )
    )


def claim_evidence(amap: ArgumentMap, corpus: Corpus | None = None) -> FullTable:
    """The quoted sentences behind each claim and limit: one row per (claim or limit, quote).

    Columns: ``claim``, ``part`` (``claim`` or ``limit N``), ``quote``,
    ``paragraph``, ``sentence`` (cut from the corpus, as printed, note markers kept), ``english``,
    ``voice``. A claim or limit without evidence has no row.

    >>> rows = claim_evidence(load_argument_map("abe-beijing-2018"))
    >>> set(rows.columns) >= {"claim", "quote", "sentence", "english"}
    True
    """
    corpus = default_corpus(corpus)
    quotes = load_quotes(amap.article_id)
    rows = []
    for claim in amap.claims:
        parts = [("claim", claim.evidence)] + [
            (f"limit {i}", limit.evidence) for i, limit in enumerate(claim.limits, 1)
        ]
        for part, evidence in parts:
            for quote_id in evidence:
                if quote_id not in quotes:
                    raise ArgumentMapError(f"{amap.path}, {claim.id} ({part})", f"unknown quote {quote_id!r}")
                item = quotes[quote_id]
                rows.append(
                    {
                        "claim": claim.id,
                        "part": part,
                        "quote": quote_id,
                        "paragraph": short_id(item.paragraph),
                        "sentence": marked_sentence(quote_text(item, corpus)),
                        "english": item.english,
                        "voice": item.voice.value + (f": {item.speaker}" if item.speaker else ""),
                    }
                )
    return full_table(
        pd.DataFrame(rows, columns=["claim", "part", "quote", "paragraph", "sentence", "english", "voice"])
    )


def argument_diagram(article: ArticleRef, amap: ArgumentMap | None = None) -> Figure:
    """Draw the map: the thesis at the top, the claims below it, evidence and limits under each.

    Returns the figure, as every plot does (a cell that ends with it shows it).
    """
    with matplotlib.rc_context(STYLE):
        return _draw_argument_map(article_id_of(article), amap or load_argument_map(article))


def _draw_argument_map(article_id: str, amap: ArgumentMap) -> Figure:
    n = len(amap.claims)
    ax = new_axes(max(8.0, 2.7 * n), 6.2)
    ax.set_axis_off()
    ax.set_xlim(0, n)
    ax.set_ylim(0, 1)
    box = {"boxstyle": "round,pad=0.5", "linewidth": 1.2}
    # The packaged font has one weight only: emphasis comes from the box, not bold type.
    ax.text(
        n / 2,
        0.93,
        textwrap.fill("Thesis: " + amap.thesis, width=int(40 * n)),
        ha="center",
        va="center",
        fontsize=9.5,
        bbox={**box, "facecolor": "#E8F1FA", "edgecolor": PALETTE[0]},
    )
    for index, claim in enumerate(amap.claims):
        x = index + 0.5
        ax.annotate("", xy=(x, 0.74), xytext=(n / 2, 0.86), arrowprops={"arrowstyle": "-|>", "color": "#777"})
        ax.text(
            x,
            0.66,
            textwrap.fill(f"{claim.id}. {claim.text}", width=30),
            ha="center",
            va="center",
            fontsize=8,
            bbox={**box, "facecolor": "#FFF4E0", "edgecolor": PALETTE[1]},
        )
        evidence = "Evidence: ¶ " + ", ".join(short_id(p) for p in claim.paragraphs)
        if claim.figures:
            evidence += "\nFigures: " + ", ".join(claim.figures)
        ax.text(
            x,
            0.40,
            textwrap.fill(evidence, width=32),
            ha="center",
            va="center",
            fontsize=7.5,
            bbox={**box, "facecolor": "#E6F5EF", "edgecolor": PALETTE[2]},
        )
        if claim.limits:
            limits = "Limits: " + "; ".join(f"{limit.text} (¶ {short_id(limit.paragraph)})" for limit in claim.limits)
            ax.text(
                x,
                0.14,
                textwrap.fill(limits, width=32),
                ha="center",
                va="center",
                fontsize=7.5,
                bbox={**box, "facecolor": "#FBE9E2", "edgecolor": PALETTE[3]},
            )
    ax.set_title(f"Argument map of {article_id}")
    add_source(ax, [p for c in amap.claims for p in c.paragraphs])
    return _root(ax)
