"""Argument maps: an article's thesis, its main claims, the evidence and the limits.

Each map is a TOML file a teacher can edit, ``helpers/data/arguments/<article
id>.toml``: a ``thesis`` (in our own English words) and three to six
``[[claim]]`` tables. A claim names the ``section`` it is argued in (a heading
as printed), the ``paragraphs`` that carry it, the ``figures`` it rests on (ids
from ``figures.csv``), and the ``limits``: counter-arguments or concessions the
author makes, each with its paragraph. :func:`check_argument_map` makes sure
every paragraph id, heading and figure exists; :func:`argument_diagram` draws
the map with the thesis at the top, the claims under it and their evidence.

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

from .corpus.loading import ArticleRef, Corpus, article_id_of, default_corpus
from .plots import PALETTE, STYLE, _root, add_source, new_axes
from .text.datafiles import DATA_DIR, DataFileError, read_toml

ARGUMENTS_DIR = DATA_DIR / "arguments"


class ArgumentMapError(DataFileError):
    """An argument map is malformed or cites something that does not exist."""


@dataclass(frozen=True)
class Limit:
    """A counter-argument or concession the author makes, and where."""

    text: str
    paragraph: str


@dataclass(frozen=True)
class Claim:
    """One main claim with its evidence."""

    id: str
    text: str
    section: str
    paragraphs: tuple[str, ...]
    figures: tuple[str, ...]
    limits: tuple[Limit, ...]


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
        limits = tuple(Limit(item["text"], _full(article_id, item["paragraph"])) for item in table.get("limits", []))
        claims.append(
            Claim(
                id=table["id"],
                text=table["text"].strip(),
                section=table["section"],
                paragraphs=tuple(_full(article_id, p) for p in table["paragraphs"]),
                figures=tuple(table.get("figures", [])),
                limits=limits,
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


def _full(article_id: str, para_id: str) -> str:
    return para_id if ":" in para_id else f"{article_id}:{para_id}"


def check_argument_map(amap: ArgumentMap, corpus: Corpus | None = None, figure_ids: set[str] | None = None) -> list[str]:
    """Problems with a map: unknown paragraph ids, headings or figures (empty when fine)."""
    corpus = default_corpus(corpus)
    article = corpus[amap.article_id]
    known_paragraphs = {p.id for p in article.paragraphs}
    known_headings = {h.text for h in article.headings}
    if figure_ids is None:
        from .analysis.figures import load_figures

        figure_ids = set(load_figures()["figure_id"])
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
    return problems


def claims_frame(amap: ArgumentMap) -> pd.DataFrame:
    """One row per claim: id, claim, section, paragraphs, figures, limits."""
    return pd.DataFrame(
        [
            {
                "claim": c.id,
                "text": c.text,
                "section": c.section,
                "paragraphs": ", ".join(p.split(":")[1] for p in c.paragraphs),
                "figures": ", ".join(c.figures),
                "limits": " | ".join(f"{limit.text} ({limit.paragraph.split(':')[1]})" for limit in c.limits),
            }
            for c in amap.claims
        ]
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
        n / 2, 0.93, textwrap.fill("Thesis: " + amap.thesis, width=int(40 * n)), ha="center", va="center",
        fontsize=9.5, bbox={**box, "facecolor": "#E8F1FA", "edgecolor": PALETTE[0]},
    )
    for index, claim in enumerate(amap.claims):
        x = index + 0.5
        ax.annotate("", xy=(x, 0.74), xytext=(n / 2, 0.86), arrowprops={"arrowstyle": "-|>", "color": "#777"})
        ax.text(
            x, 0.66, textwrap.fill(f"{claim.id}. {claim.text}", width=30), ha="center", va="center", fontsize=8,
            bbox={**box, "facecolor": "#FFF4E0", "edgecolor": PALETTE[1]},
        )
        evidence = "Evidence: ¶ " + ", ".join(p.split(":")[1] for p in claim.paragraphs)
        if claim.figures:
            evidence += "\nFigures: " + ", ".join(claim.figures)
        ax.text(x, 0.40, textwrap.fill(evidence, width=32), ha="center", va="center", fontsize=7.5,
                bbox={**box, "facecolor": "#E6F5EF", "edgecolor": PALETTE[2]})
        if claim.limits:
            limits = "Limits: " + "; ".join(f"{limit.text} (¶ {limit.paragraph.split(':')[1]})" for limit in claim.limits)
            ax.text(x, 0.14, textwrap.fill(limits, width=32), ha="center", va="center", fontsize=7.5,
                    bbox={**box, "facecolor": "#FBE9E2", "edgecolor": PALETTE[3]})
    ax.set_title(f"Argument map of {article_id}")
    add_source(ax, [p for c in amap.claims for p in c.paragraphs])
    return _root(ax)
