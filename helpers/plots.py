"""The standard plots of the figures the articles cite.

Importing this module registers Noto Sans CJK (shipped by the ``noto-cjk-sans-otc``
package, SIL Open Font Licence) with matplotlib, so Chinese labels render on a
machine with no system fonts and nothing is downloaded. Every function draws on
a new figure with matplotlib's object-oriented API (no pyplot state leaks from
cell to cell), returns the ``Figure`` (a notebook cell that ends with it shows
it; its axes are ``figure.axes``), and puts a title, axis labels with units, and a source line naming the article and
paragraph ids under the plot. Colours come from the Okabe–Ito palette, which
stays distinguishable with every common colour-vision deficiency.

>>> figure = swap_ceiling()
>>> figure.axes[0].get_title()
'Japan–China currency swap ceiling, 2002 and 2018'
"""

from __future__ import annotations

import functools
import html
import io
import os
import textwrap
from collections.abc import Callable, Iterable
from typing import Any, ParamSpec, TypeVar

import matplotlib
import matplotlib.lines
import matplotlib.patches
import noto_cjk_sans_otc
import numpy as np
import pandas as pd
from cycler import cycler
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine

from .analysis.figures import check_figures, load_figures, summit_table
from .analysis.timeline import EVENT_TYPES, merged_timeline
from .corpus.loading import default_corpus

#: Okabe–Ito colours (black last).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
#: Okabe–Ito's yellow darkened: the light one is too faint on white for a small marker (3:1 contrast wanted).
DARK_YELLOW = "#9A7D00"
#: For leadership events: Okabe–Ito's sky blue is faint on white, and darkened it comes too close to the blue of visits.
VIOLET = "#7B4FBF"
#: One marker and colour per event type, the same in every plot of the collection.
EVENT_STYLE = {
    event_type: (marker, colour)
    for event_type, marker, colour in zip(
        # Outline shapes (no thin plus or cross), so that a hollow marker looks hollow.
        EVENT_TYPES,
        "osD^vp<8>h",
        PALETTE[:5] + [VIOLET, DARK_YELLOW, "#000000", PALETTE[0], PALETTE[3]],
    )
}
#: Font families tried in order: Traditional first, then Simplified, then the rest of the collection.
CJK_FAMILIES = ["Noto Sans CJK TC", "Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK KR"]
#: The matplotlib settings of every plot here. They apply only while a plot is
#: drawn or saved (``matplotlib.rc_context``): importing this module changes no
#: setting, so a reader's own plots look as they always do.
STYLE: dict[Any, Any] = {
    "font.family": "sans-serif",
    "font.sans-serif": CJK_FAMILIES + list(matplotlib.rcParamsDefault["font.sans-serif"]),
    "axes.unicode_minus": False,  # the CJK font has no U+2212 in every face
    "axes.prop_cycle": cycler(color=PALETTE),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.dpi": 100,
    "svg.hashsalt": "japan-relations-reader",  # stable SVG ids
}


@functools.cache
def register_cjk_font() -> str:
    """Register the packaged Noto Sans CJK collection with matplotlib (once).

    Returns the path of the font file. This is the one thing importing the
    module does: the font is then known to matplotlib by its family names, and
    :data:`STYLE` asks for it. Matplotlib falls back through the family list
    glyph by glyph, so a label mixing 繁體, 简体 and Latin renders without
    "Glyph missing" warnings.
    """
    path = str(noto_cjk_sans_otc.FONT_PATH)
    font_manager.fontManager.addfont(path)
    return path


register_cjk_font()


class Chart(Figure):
    """A matplotlib ``Figure`` drawn in :data:`STYLE`, which shows itself in a notebook.

    A cell that ends with a chart displays it as an image without
    ``%matplotlib inline`` or pyplot (so no pyplot state leaks from cell to cell).

    >>> chart = new_axes().figure
    >>> chart, chart._repr_png_()[:4]
    (<Figure size 700x360 with 1 Axes>, b'\\x89PNG')
    """

    def draw(self, renderer: Any) -> None:
        # Every way of showing the figure (savefig, the inline backend, a widget) draws it.
        with matplotlib.rc_context(STYLE):
            super().draw(renderer)

    def savefig(self, *args: Any, **kwargs: Any) -> None:
        with matplotlib.rc_context(STYLE):  # svg.hashsalt is read when saving, not drawing
            super().savefig(*args, **kwargs)

    def _repr_png_(self) -> bytes:
        # The layout engine has already fitted everything inside the figure; a
        # "tight" bounding box would only draw the whole figure a second time.
        buffer = io.BytesIO()
        self.savefig(buffer, format="png")
        return buffer.getvalue()

    def __repr__(self) -> str:
        # Shown beside the image; a reader has no use for the class's name.
        return super().__repr__().replace(type(self).__name__, "Figure", 1)


Params = ParamSpec("Params")
Result = TypeVar("Result")


def styled(plot: Callable[Params, Result]) -> Callable[Params, Result]:
    """Draw ``plot`` with :data:`STYLE` in force (fonts and colours are fixed as artists are made)."""

    @functools.wraps(plot)
    def draw(*args: Params.args, **kwargs: Params.kwargs) -> Result:
        with matplotlib.rc_context(STYLE):
            return plot(*args, **kwargs)

    return draw


def _number(value: float) -> str:
    return (
        f"{value:,.0f}" if abs(value) >= 100 or float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    )


def _one_line(text: str) -> str:
    # A title broken over two lines to fit the figure is one sentence in words.
    return " ".join(text.split())


def text_alternative(figure: Figure, limit: int = 600) -> str:
    """What a figure shows, in words: its title, axes and values (or trend), for readers who cannot see it.

    The website, and any page made from the notebooks, puts it in the image's
    ``alt``. A plot helper may set ``figure.alt_text`` to say it better; else it
    is read from the figure itself: titles, axis labels, the bars' labels and
    values, each line's first and last point (every point of a series drawn as
    markers only), followed by ``figure.alt_details``
    if the helper set it (what the figure cannot say by itself, such as where
    :func:`timeline` draws an event whose day the text does not give).

    >>> ax = new_axes()
    >>> bars = ax.bar(["2018", "2019"], [5.0, 7.5]); title = ax.set_title("Swaps"); label = ax.set_ylabel("JPY tn")
    >>> text_alternative(ax.figure)
    'Chart: Swaps. y axis: JPY tn. Bars: 2018: 5; 2019: 7.5.'
    >>> ax = new_axes(); points = ax.plot([2018, 2022], [1.3, 2.0], "o", label="share")
    >>> text_alternative(ax.figure)
    'Chart: Points share: 1.3 (2018), 2 (2022).'
    """
    explicit = getattr(figure, "alt_text", "")
    if explicit:
        return explicit
    # What the figure cannot say by itself (where scattered markers sit), added by the plot helper
    # after the title and axes, which are read here so that a retitled figure is described as shown.
    details = getattr(figure, "alt_details", "")
    parts = []
    if figure.get_suptitle():
        parts.append(_one_line(figure.get_suptitle()) + ".")
    for ax in figure.axes:
        if hasattr(ax, "_colorbar"):  # a colour bar's label names the scale, not an axis of the data
            label = ax.get_ylabel() or ax.get_xlabel()
            if label:
                parts.append(f"Colour scale: {_one_line(label)}.")
            continue
        if ax.get_title():
            parts.append(_one_line(ax.get_title()) + ".")
        for name, label in (("x", ax.get_xlabel()), ("y", ax.get_ylabel())):
            if label:
                parts.append(f"{name} axis: {_one_line(label)}.")
        for container in ax.containers:
            bars = [bar for bar in container if hasattr(bar, "get_height")]
            if bars:
                parts.append(_bars_in_words(ax, container, bars))
        for line in ax.get_lines():
            x, y = np.asarray(line.get_xdata()), np.asarray(line.get_ydata())
            label = str(line.get_label())
            name = "" if label.startswith("_") else f" {label}"
            if len(x) == 1:
                parts.append(f"Point{name}: {_number(float(y[0]))} ({x[0]}).")
                continue
            if len(x) < 2:
                continue
            if line.get_linestyle() in ("None", "", " ", "none"):  # markers only: points, not a line
                shown = ", ".join(f"{_number(float(b))} ({a})" for a, b in zip(x[:8], y[:8]))
                more = f" and {len(x) - 8} more" if len(x) > 8 else ""
                parts.append(f"Points{name}: {shown}{more}.")
                continue
            parts.append(f"Line{name}: from {_number(float(y[0]))} ({x[0]}) to {_number(float(y[-1]))} ({x[-1]}).")
        for image in ax.get_images():
            array = image.get_array()
            if array is None:
                continue
            rows, columns = array.shape[:2]
            parts.append(f"A shaded table of {rows} rows by {columns} columns; darker is more.")
    text = "Chart: " + " ".join(parts) if parts else "Chart without a title."
    text = text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
    return f"{text} {details}" if details else text


def _bars_in_words(ax: Axes, container: Any, bars: list) -> str:
    """One bar series as "Bars (legend): label: value; label: value.", in the order a reader sees them
    (left to right, or top to bottom); each bar is named by its nearest tick, so grouped bars, which
    stand beside their tick, are named too."""
    horizontal = getattr(container, "orientation", "vertical") == "horizontal"
    positions = ax.get_yticks() if horizontal else ax.get_xticks()
    names = [" ".join(t.get_text().split()) for t in (ax.get_yticklabels() if horizontal else ax.get_xticklabels())]
    spacing = float(np.min(np.diff(np.sort(positions)))) if len(positions) > 1 else float("inf")

    def centre(bar) -> float:
        return bar.get_y() + bar.get_height() / 2 if horizontal else bar.get_x() + bar.get_width() / 2

    def name(bar) -> str:
        if not len(positions):
            return ""
        nearest = int(np.argmin(np.abs(np.asarray(positions) - centre(bar))))
        # Semicolons separate the bars, so a label's own semicolon is read as a comma.
        return names[nearest].replace(";", ",") if abs(positions[nearest] - centre(bar)) <= spacing / 2 else ""

    # Top to bottom on the screen: down the y axis unless it is inverted.
    ordered = sorted(bars, key=centre, reverse=horizontal and not ax.yaxis_inverted())
    values = []
    for bar in ordered:
        value = _number(bar.get_width() if horizontal else bar.get_height())
        values.append(f"{name(bar)}: {value}" if name(bar) else value)
    label = container.get_label() or ""
    legend = f" ({label})" if label and not label.startswith("_") else ""
    # Semicolons between bars: a bar's label may hold commas of its own (表1's 安倍訪美,會見川普).
    return f"Bars{legend}: " + "; ".join(values) + "."


class PlotFigure(Chart):
    """A matplotlib ``Figure`` that hands its :func:`text_alternative` to Jupyter.

    The text goes into the image's display metadata (``image/png`` → ``alt``),
    where nbconvert templates (the website) find it; the PNG itself and the
    ``text/plain`` line are those of any Figure, so stored outputs do not change.
    In a Voilà dashboard (its kernels have ``SERVER_SOFTWARE=voila/...``), where
    nothing is stored, the image is sent as HTML with its ``alt``, because
    JupyterLab's image renderer, which Voilà uses, has no place for one.
    """

    def __repr__(self) -> str:
        # What a plain Figure prints (stored outputs show "<Figure size ...>").
        return super().__repr__().replace(f"<{type(self).__name__} ", "<Figure ", 1)

    def _repr_mimebundle_(self, include=None, exclude=None):
        alt = text_alternative(self)
        if os.environ.get("SERVER_SOFTWARE", "").startswith("voila/"):
            from IPython.core.pylabtools import print_figure

            png = print_figure(self, "png", bbox_inches="tight", base64=True)
            return {"text/html": f'<img src="data:image/png;base64,{png}" alt="{html.escape(alt)}">'}, {}
        return {}, {"image/png": {"alt": alt}}


def new_axes(width: float = 7.0, height: float = 3.6) -> Axes:
    """A fresh figure and axes, independent of pyplot's global state.

    >>> new_axes().figure.get_size_inches().tolist()
    [7.0, 3.6]
    """
    with matplotlib.rc_context(STYLE):
        figure = PlotFigure(figsize=(width, height), layout="constrained")
        return figure.add_subplot()


def _root(ax: Axes) -> Figure:
    """The figure an axes is drawn on (the whole figure, not a sub-figure)."""
    figure = ax.get_figure(root=True)
    assert isinstance(figure, Figure)
    return figure


def add_source(ax: Axes, ids: Iterable[str], note: str = "") -> None:
    """Write a source line under the plot naming the paragraph (or table) ids.

    >>> ax = new_axes(); add_source(ax, ["abe-beijing-2018:p007", "abe-beijing-2018:p008"])
    >>> ax.figure.texts[0].get_text()
    'Source: abe-beijing-2018 p007, p008'
    """
    by_article: dict[str, list[str]] = {}
    for pid in ids:
        article, _, local = str(pid).partition(":")
        by_article.setdefault(article, [])
        if local and local not in by_article[article]:
            by_article[article].append(local)
    parts = [f"{article} {', '.join(locals_)}".strip() for article, locals_ in by_article.items()]
    text = "Source: " + "; ".join(parts) + (f". {note}" if note else "")
    # Wrapped here, not by matplotlib (wrap=True), so that the number of lines is known and the
    # layout leaves room for all of them: a two-line source once overprinted the x-axis label.
    # About 16 characters of 7.5-point text per inch of figure width (with a margin).
    width = max(40, int(_root(ax).get_figwidth() * 16))
    lines = textwrap.wrap(text, width, break_on_hyphens=False, break_long_words=False) or [text]
    ax.figure.text(0.01, 0.005, "\n".join(lines), ha="left", va="bottom", fontsize=7.5, color="#444444")
    engine = _root(ax).get_layout_engine()
    if isinstance(engine, ConstrainedLayoutEngine):
        engine.set(h_pad=0.2 + 0.13 * (len(lines) - 1))


def _rows(series: str) -> pd.DataFrame:
    figures = load_figures()
    rows = figures[figures["series"] == series]
    if rows.empty:
        raise KeyError(f"figures.csv has no rows in series {series!r}")
    return rows


def _label_bars(ax: Axes, bars, labels: Iterable[str]) -> None:
    for bar, label in zip(bars, labels):
        ax.annotate(
            label,
            (bar.get_x() + bar.get_width() / 2, bar.get_height()),
            ha="center",
            va="bottom",
            fontsize=8,
            xytext=(0, 2),
            textcoords="offset points",
        )


# --- The standard plots -------------------------------------------------------------


@styled
def summit_durations(corpus=None) -> Figure:
    """The five Abe–Trump meetings of 2019 (表1), in minutes, against the total the text states."""
    table = summit_table(corpus)
    stated = load_figures().query("series == '' and raw == '約415分鐘'")
    ax = new_axes(7.0, 3.4)
    # Horizontal bars leave room for 表1's full description of each occasion on one line
    # (never cut, never wrapped inside a word); the first meeting is at the top.
    labels = [f"{d}  {str(p).rstrip('。')}" for d, p in zip(table["date"], table["participants_occasion"])]
    rows = range(len(table))
    bars = ax.barh(rows, table["minutes"], color=PALETTE[0])
    ax.bar_label(bars, [f"{m} min" for m in table["minutes"]], padding=3, fontsize=8)
    ax.set_yticks(rows, labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, table["minutes"].max() * 1.15)  # room for the longest bar's label
    ax.set_xlabel("Length of the talks (minutes)")
    ax.set_ylabel("Meeting (表1)")
    total = int(table["minutes"].sum())
    title = f"Japan–US summit talks in 2019: {total} minutes in all (表1)"
    if not stated.empty:
        title += f";\nthe text says {stated['raw'].iloc[0]}"
    ax.set_title(title, fontsize=10)
    add_source(
        ax,
        list(table["table_id"].unique()) + list(stated["para_id"]),
        note="表1 of the article, from Japan's Foreign Ministry",
    )
    return _root(ax)


@styled
def swap_ceiling() -> Figure:
    """The Japan–China currency-swap ceiling in 2002 and in 2018, and the rise the text calls 十倍."""
    rows = _rows("swap-ceiling").sort_values("year")
    ax = new_axes(5.5, 3.6)
    values = rows["value"] / 1e8
    bars = ax.bar(rows["year"].astype(int).astype(str), values, color=[PALETTE[5], PALETTE[0]])
    _label_bars(ax, bars, rows["raw"])
    ratio = rows["value"].iloc[-1] / rows["value"].iloc[0]
    ax.set_ylabel("Ceiling (億日圓, 100 million yen)")
    ax.set_xlabel(f"Year of the agreement (the 2018 ceiling is {ratio:.1f} times the 2002 one)")
    ax.set_title("Japan–China currency swap ceiling, 2002 and 2018")
    add_source(ax, rows["para_id"])
    return _root(ax)


@styled
def trade_2017() -> Figure:
    """Japan–China trade in 2017: the total and Japan's exports to China, with China's share of Japan's exports."""
    rows = _rows("trade-2017")
    money = rows[rows["unit"] == "JPY"].sort_values("value", ascending=False)
    ax = new_axes(6.0, 3.6)
    labels = ["Total trade" if "Total" in d else "Japanese exports to China" for d in money["description"]]
    bars = ax.bar(labels, money["value"] / 1e12, color=PALETTE[: len(money)])
    _label_bars(ax, bars, money["raw"])
    ax.set_ylabel("Trillion yen (兆日圓)")
    share = rows[rows["unit"] == "percent"]
    subtitle = f" (exports to China: {share['raw'].iloc[0]} of all Japanese exports)" if not share.empty else ""
    ax.set_title("Japan–China trade in 2017" + subtitle, fontsize=10)
    add_source(ax, rows["para_id"])
    return _root(ax)


@styled
def defence_share_of_gdp() -> Figure:
    """Japan's defence spending as a share of GDP, as the articles state it: unlike figures, not a series.

    The points are a ceiling (1%以下), a level one article expected within a plan
    period and a target year's level; they are drawn as separate points with no
    line between them, because a line would read as a trend that no source reports.
    """
    rows = _rows("defence-gdp").sort_values("year")
    ax = new_axes(6.5, 3.6)
    for colour, (article_id, group) in zip(PALETTE, rows.groupby("article_id", sort=False)):
        ax.plot(group["year"], group["value"], "o", color=colour, markersize=8, label=article_id, linestyle="none")
        for row in group.itertuples():
            ax.annotate(
                f"{row.raw}: {_defence_level_kind(row)}",
                (row.year, row.value),
                xytext=(6, 4),
                textcoords="offset points",
                fontsize=8,
            )
    ax.set_xlim(rows["year"].min() - 1, rows["year"].max() + 4)
    ax.set_ylim(0, rows["value"].max() * 1.3)
    ax.set_xlabel("Year the stated level applies to")
    ax.set_ylabel("Defence spending (% of GDP)")
    ax.set_title("Japan's defence spending as a share of GDP: three unlike figures, as stated", fontsize=10)
    ax.legend(fontsize=8, loc="lower right")
    add_source(ax, rows["para_id"])
    return _root(ax)


def _defence_level_kind(row) -> str:
    """What kind of level a defence-gdp row states: a ceiling, an expected level or a target."""
    if "以下" in row.raw:
        return "old ceiling (不成文規定)"
    if "将于" in row.quote or "將於" in row.quote:
        return f"target, fiscal {row.year}"
    return f"expected by {row.year} (as stated)"


@styled
def f35_procurement() -> Figure:
    """F-35s bought and planned, against the total the text states (which does not add up)."""
    rows = _rows("f35").set_index("raw")
    bought = rows.loc[rows["description"].str.contains("already"), "value"].iloc[0]
    planned = rows.loc[rows["description"].str.contains("new plan"), "value"].iloc[0]
    stated = rows.loc[rows["description"].str.contains("as stated"), "value"].iloc[0]
    ax = new_axes(6.0, 3.6)
    ax.bar(["Bought + planned"], [bought], color=PALETTE[0], label=f"already bought: {bought:.0f}")
    ax.bar(["Bought + planned"], [planned], bottom=[bought], color=PALETTE[5], label=f"planned, at most: {planned:.0f}")
    ax.bar(["Total stated in the text"], [stated], color=PALETTE[1], label=f"stated total: {stated:.0f}")
    ax.text(0, bought + planned + 2, f"{bought + planned:.0f}", ha="center", fontsize=9)
    ax.text(1, stated + 2, f"{stated:.0f}", ha="center", fontsize=9)
    ax.set_ylabel("Aircraft (架)")
    ax.set_ylim(0, (bought + planned) * 1.2)
    ax.set_title(f"F-35 fighters: the parts add up to {bought + planned:.0f}, the text says {stated:.0f}", fontsize=10)
    # Outside the axes: inside, the box covers the top of the stacked bar.
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    add_source(ax, rows["para_id"])
    return _root(ax)


@styled
def central_asia_aid() -> Figure:
    """Japanese aid and loans to Central Asian states, 1992–1996, by year and country, in the currency printed."""
    rows = _rows("central-asia-aid")
    figure = PlotFigure(figsize=(8.5, 3.8), layout="constrained")
    axes = figure.subplots(1, 2)
    countries = list(dict.fromkeys(rows["country"]))
    colours = dict(zip(countries, PALETTE))
    for ax, (unit, scale, label) in zip(
        axes, [("JPY", 1e8, "亿日元 (100 million yen)"), ("USD", 1e6, "million US dollars")]
    ):
        part = rows[rows["unit"] == unit]
        for country in countries:
            sub = part[part["country"] == country]
            if sub.empty:
                continue
            ax.scatter(sub["year"], sub["value"] / scale, s=60, color=colours[country], label=country, zorder=3)
            for r in sub.itertuples():
                ax.annotate(r.raw, (r.year, r.value / scale), xytext=(5, 3), textcoords="offset points", fontsize=7.5)
        ax.set_xticks(sorted(rows["year"].unique()))
        ax.set_xlim(rows["year"].min() - 0.5, rows["year"].max() + 0.8)
        ax.set_ylim(0, None)
        ax.set_xlabel("Year")
        ax.set_ylabel(label)
        ax.set_title(f"Amounts printed in {unit}", fontsize=9)
    handles = [matplotlib.lines.Line2D([], [], marker="o", linestyle="", color=colours[c], label=c) for c in countries]
    figure.legend(handles=handles, fontsize=8, loc="outside right center")
    years = f"{int(rows['year'].min())}–{int(rows['year'].max())}"
    figure.suptitle(
        f"Japanese aid and loans to Central Asian states, {years}, as printed (no conversion between currencies)",
        fontsize=10,
    )
    add_source(axes[0], rows["para_id"])
    return figure


@styled
def central_asia_aid_totals() -> Figure:
    """Japanese economic aid to Central Asia in 1997 and in 2003."""
    rows = _rows("central-asia-aid-total").sort_values("year")
    ax = new_axes(5.0, 3.4)
    bars = ax.bar(rows["year"].astype(int).astype(str), rows["value"] / 1e8, color=[PALETTE[5], PALETTE[0]])
    _label_bars(ax, bars, rows["raw"])
    ax.set_ylabel("亿美元 (100 million US dollars)")
    ax.set_xlabel("Year")
    ax.set_title("Japanese aid to Central Asia, 1997 and 2003")
    add_source(ax, rows["para_id"])
    return _root(ax)


@styled
def energy_stakes() -> Figure:
    """Japanese companies' stakes in energy projects in and around Central Asia, as printed."""
    rows = _rows("energy-stakes").iloc[::-1]
    ax = new_axes(8.5, 4.6)
    # The oil fields lie off Azerbaijan, but the BTC pipeline crosses Georgia and Turkey too.
    region = {"Azerbaijan": "Caspian/Caucasus"}
    rows = rows.assign(country=rows["country"].map(lambda c: region.get(c, c)))
    countries = list(dict.fromkeys(rows["country"]))
    colours = [PALETTE[countries.index(c)] for c in rows["country"]]
    labels = [textwrap.fill(d, 42) for d in rows["description"]]
    bars = ax.barh(range(len(rows)), rows["value"], color=colours)
    ax.set_yticks(range(len(rows)), labels, fontsize=7.5)
    for bar, raw in zip(bars, rows["raw"]):
        ax.annotate(
            raw,
            (bar.get_width(), bar.get_y() + bar.get_height() / 2),
            xytext=(3, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
        )
    ax.set_xlabel("Stake (%)")
    handles = [matplotlib.patches.Patch(color=PALETTE[i], label=c) for i, c in enumerate(countries)]
    ax.legend(handles=handles, fontsize=8, loc="lower right")
    ax.set_title("Japanese stakes in Caspian oil and Kazakh uranium projects, as printed", fontsize=10)
    # The article's pairings of firms and stakes are doubtful; the plot must not look like a verified register.
    add_source(
        ax,
        rows["para_id"],
        note="Stakes as printed, read with 分别 in order; the firm–stake pairings are doubtful (notebook 02)",
    )
    return _root(ax)


@styled
def korea_assembly_2024(seats_total: int = 300) -> Figure:
    """The opposition camp's seats in the 2024 National Assembly election, out of the Assembly's 300."""
    rows = load_figures().query("article_id == 'japan-korea-2024' and unit == '席'")
    opposition = int(rows["value"].iloc[0])
    ax = new_axes(6.0, 2.6)
    ax.barh([0], [opposition], color=PALETTE[0], label=f"opposition camp: {opposition} (stated)")
    ax.barh(
        [0],
        [seats_total - opposition],
        left=[opposition],
        color="#BBBBBB",
        label=f"all other seats: {seats_total - opposition}",
    )
    majority, two_thirds = seats_total // 2 + 1, -(-2 * seats_total // 3)
    for line, label in ((majority, f"majority ({majority})"), (two_thirds, f"two-thirds ({two_thirds})")):
        ax.axvline(line, color=PALETTE[3], linestyle="--", linewidth=1)
        ax.text(line + 2, 0.45, label, color=PALETTE[3], fontsize=8)
    ax.set_yticks([])
    ax.set_xlim(0, seats_total)
    ax.set_xlabel("Seats in the 22nd National Assembly (300 in all; the total is not in the article)")
    ax.set_title("South Korea's National Assembly election, April 2024", fontsize=10, pad=28)
    ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, 1.32), ncol=2, frameon=False)
    add_source(ax, rows["para_id"])
    return _root(ax)


@styled
def relation_score() -> Figure:
    """The Tsinghua China–Japan relation score: the band and the levels the article reports."""
    rows = _rows("relation-score")
    band = rows[rows["value_high"].notna()]
    points = rows[rows["value_high"].isna()]
    ax = new_axes(6.0, 3.2)
    if not band.empty:
        low, high = band["value"].iloc[0], band["value_high"].iloc[0]
        ax.axhspan(low, high, color=PALETTE[5], alpha=0.25, label=f"'tense' band ({band['raw'].iloc[0]})")
    labels = ["low point, first half of 2024" if v <= -6 else "December 2024, then near it" for v in points["value"]]
    # Two stated levels, no line between them: the monthly series (the article's 图1) is lost.
    ax.plot(range(len(points)), points["value"], "o", color=PALETTE[0], linestyle="none")
    for i, (value, label) in enumerate(zip(points["value"], labels)):
        ax.annotate(f"{value:+.1f}: {label}", (i, value), xytext=(6, 6), textcoords="offset points", fontsize=8)
    ax.set_xticks(range(len(points)), ["first half 2024", "Dec 2024 onwards"][: len(points)])
    ax.set_xlim(-0.5, len(points) - 0.2)
    ax.set_ylim(-9, 0)
    ax.set_ylabel("Relation score (分)")
    ax.set_title("China–Japan relation score, 2024–25 (Tsinghua forecasting group)", fontsize=10)
    ax.legend(fontsize=8, loc="lower right")
    add_source(ax, rows["para_id"])
    return _root(ax)


#: Where :func:`timeline` draws an event the text dates only to a month or a year: this far after the
#: period's first day, that is, in the middle of the month or the year (as a hollow marker), so that
#: 2022年底 ("the end of 2022", stored as 2022-12) is not drawn on 1 January and "2023" not before the
#: events of March 2023. The one home of that rule: the plot and its text alternative both read it.
MID_PERIOD = {"month": pd.Timedelta(days=14), "year": pd.Timedelta(days=182)}
#: Above this many events, the text alternative of :func:`timeline` sums up each lane instead of
#: listing every event (a list of 150 events helps no one who listens to it).
TIMELINE_LISTED_EVENTS = 45


def timeline_positions(events: pd.DataFrame) -> pd.DataFrame:
    """Where :func:`timeline` draws each event: ``events`` with ``drawn_at`` and ``drawn_as``, in drawn order.

    ``drawn_at`` is the start of the period plus :data:`MID_PERIOD`; ``drawn_as``
    says it in words ("2022-02-24", "mid-May 2022 (month only)", "mid-2023 (year
    only)"). The rows are sorted by ``drawn_at`` (ties keep the file's order), so
    an event dated only "2023" comes after the events of March–June 2023, as on
    the plot, not before them, as in :func:`merged_timeline`.

    >>> rows = timeline_positions(merged_timeline(["japan-korea-2024"]))
    >>> rows.loc[rows["date"] == "2023", "drawn_as"].tolist()
    ['mid-2023 (year only)']
    >>> rows["drawn_at"].is_monotonic_increasing
    True
    """
    offset = events["precision"].map(MID_PERIOD).fillna(pd.Timedelta(0))
    drawn = events.assign(drawn_at=events["start"] + offset)

    def words(row: pd.Series) -> str:
        start = row["start"]
        if row["precision"] == "year":
            return f"mid-{start.year} (year only)"
        if row["precision"] == "month":
            return f"mid-{start.strftime('%B')} {start.year} (month only)"
        return start.strftime("%Y-%m-%d")

    drawn["drawn_as"] = [words(row) for _, row in drawn.iterrows()]
    return drawn.sort_values("drawn_at", kind="mergesort").reset_index(drop=True)


def _timeline_details(drawn: pd.DataFrame, lanes: list[str]) -> str:
    """The part of a timeline's text alternative that the figure cannot read from itself."""
    types = [t for t in EVENT_STYLE if t in set(drawn["event_type"])]  # in the legend's order
    text = [
        f"One lane per article ({', '.join(lanes)}); marker shape and colour give the event type "
        f"(the legend's types: {', '.join(types)}). "
        "Filled markers: the text gives the day. Hollow markers: the text gives only the month or the "
        "year, and the marker is drawn in the middle of that month or year (a year-only event at about "
        "1 July), so its place among the other events of that month or year is not the text's."
    ]
    ahead = drawn[drawn["description"].str.match(EXPECTED_EVENT)]
    if not ahead.empty:
        listed = "; ".join(f"{row.article_id} {row.drawn_as} {row.event_type}" for row in ahead.itertuples())
        text.append(f"A black ring marks what the article expects or plans, not yet happened: {listed}.")
    for lane in lanes:
        rows = drawn[drawn["article_id"] == lane]
        hollow = int((rows["precision"] != "day").sum())
        # Where the markers crowd: a sighted reader sees it at once, so the text says it first.
        per_year = rows["start"].dt.year.value_counts().sort_index()
        by_year = ", ".join(f"{year} {count}" for year, count in per_year.items())
        head = (
            f"{lane}: {len(rows)} events ({hollow} hollow), from {rows['drawn_as'].iloc[0]} to "
            f"{rows['drawn_as'].iloc[-1]}; events per year: {by_year}"
        )
        if len(drawn) <= TIMELINE_LISTED_EVENTS:
            listed = "; ".join(f"{row.drawn_as} {row.event_type}" for row in rows.itertuples())
            text.append(f"{head}; in the order drawn: {listed}.")
        else:
            busiest = rows["drawn_at"].dt.year.value_counts().sort_index().idxmax()
            text.append(f"{head}; most in {busiest}.")
    return " ".join(text)


#: How timeline.csv marks an event the article only expects or plans (see its header).
EXPECTED_EVENT = r"(?:Expected|Planned):"


@styled
def timeline(articles: Iterable[str] | None = None, since: int | None = None, title: str | None = None) -> Figure:
    """The dated events the articles rely on, one lane per article, marked by event type.

    ``title`` replaces the generic title (for one article, say what it shows).
    """
    articles = list(articles) if articles is not None else None
    events = merged_timeline(articles)
    if since is not None:
        events = events[events["start"].dt.year >= since]
    # One lane per article, the first asked for (or the first in the catalog) at the top.
    order = list(articles) if articles is not None else default_corpus().ids
    present = set(events["article_id"])
    lanes = [a for a in order if a in present] + sorted(present - set(order))
    types = [t for t in EVENT_STYLE if t in set(events["event_type"])]
    ahead = events["description"].str.match(EXPECTED_EVENT)
    # Tall enough for the legend beside it (every type, the two date keys, the ring) and for the lanes.
    entries = len(types) + 2 + int(ahead.any())
    height = max(2.6, 1.2 + 0.6 * len(lanes), 1.0 + 0.18 * entries)
    ax = new_axes(9.0, height)
    shown = events["start"] + events["precision"].map(MID_PERIOD).fillna(pd.Timedelta(0))  # as timeline_positions
    stacked = _stacked_offsets(shown, events["article_id"], len(lanes), height)
    lane_y = (len(lanes) - 1 - events["article_id"].map(lanes.index)) + stacked
    for event_type in types:
        marker, colour = EVENT_STYLE[event_type]
        of_type = events[events["event_type"] == event_type]
        for exact in (True, False):
            part = of_type[(of_type["precision"] == "day") == exact]
            if part.empty:
                continue
            ax.scatter(
                shown[part.index],
                lane_y[part.index],
                marker=marker,
                s=28,
                alpha=0.85,
                facecolors=colour if exact else "none",
                edgecolors=colour,
            )

    # The legend keys the two encodings apart: shape and colour for the type (always drawn filled),
    # fill for the date's precision (in grey), so that no type's key looks like a precision.
    def key(label: str, marker: str, colour: str, filled: bool = True) -> matplotlib.lines.Line2D:
        face = colour if filled else "none"
        return matplotlib.lines.Line2D(
            [], [], linestyle="", marker=marker, markersize=5, markerfacecolor=face, markeredgecolor=colour, label=label
        )

    handles = [key(t, *EVENT_STYLE[t]) for t in types]
    handles += [key("day given", "o", "0.45"), key("month or year only", "o", "0.45", filled=False)]
    # An event the text only expects (timeline.csv's description starts "Expected:" or "Planned:") is
    # drawn where it would fall; a black ring says it had not happened when the article was written.
    if ahead.any():
        ax.scatter(
            shown[ahead],
            lane_y[ahead],
            s=120,
            facecolors="none",
            edgecolors="black",
            linewidths=0.8,
        )
        ring = matplotlib.lines.Line2D(
            [],
            [],
            linestyle="",
            marker="o",
            markersize=9,
            markerfacecolor="none",
            markeredgecolor="black",
            markeredgewidth=0.8,
        )
        ring.set_label("expected or planned")
        handles.append(ring)
    ax.set_yticks(range(len(lanes)), lanes[::-1], fontsize=8)
    ax.set_ylim(-0.6, len(lanes) - 0.4)
    ax.set_xlabel("Date of the event")
    subject = f"Events {lanes[0]} relies on" if len(lanes) == 1 else "Events the articles rely on"
    ax.set_title(title or subject + (f", since {since}" if since else ""), fontsize=10)
    ax.legend(
        handles=handles,
        fontsize=7,
        loc="upper left",
        bbox_to_anchor=(1.035, 1.0),
        title="event type; date",
        title_fontsize=7,
    )
    add_source(
        ax,
        [f"{a}:" for a in lanes],
        note="helpers/data/timeline.csv, one marker per event; filled: the day is given, "
        "hollow: only the month or year, drawn mid-period"
        + ("; a black ring: expected or planned, not yet happened" if ahead.any() else "")
        + (
            "; markers that would overlap are stacked above and below their lane as far as there is room "
            "(the height means nothing)"
            if (stacked != 0).any()
            else ""
        ),
    )
    figure = _root(ax)
    figure.alt_details = _timeline_details(timeline_positions(events), lanes)  # type: ignore[attr-defined]
    return figure


#: How :func:`timeline` keeps markers that fall on (or near) the same date apart: two markers of a
#: lane closer than this share of the drawn time span would overlap (a marker is about 1.2 % of the
#: axis wide), so the later one moves to the next free level above or below the lane, this many
#: points apart, at most this share of a lane's height from its middle (then the levels are reused).
STACK_SPAN_SHARE = 0.015
STACK_STEP_POINTS = 7.0
STACK_MAX_HALF_LANE = 0.42


def _stacked_offsets(shown: pd.Series, lane: pd.Series, lanes: int, height: float | None = None) -> pd.Series:
    """Vertical offsets (in lane units) that keep coinciding timeline markers from hiding each other.

    Each marker, in drawn order, takes the level nearest its lane's middle (0, +1, -1, +2, ...)
    where the last marker placed is far enough away in time; a marker alone stays on the line.

    >>> days = pd.Series(pd.to_datetime(["2022-05-10", "2022-05-15", "2022-05-15", "2024-05-15"]))
    >>> (_stacked_offsets(days, pd.Series(["a"] * 4), 1) > 0).tolist(), (_stacked_offsets(days, pd.Series(["a"] * 4), 1) < 0).tolist()
    ([False, True, False, False], [False, False, True, False])
    """
    if shown.empty:
        return pd.Series(0.0, index=shown.index)
    span = max((shown.max() - shown.min()) * 1.1, pd.Timedelta(days=1))  # matplotlib's 5 % margins
    too_close = span * STACK_SPAN_SHARE
    # Points per lane unit, as new_axes(9.0, height) lays the axes out.
    height = max(2.6, 1.2 + 0.6 * lanes) if height is None else height
    points_per_lane = (height - 1.1) * 72 / (lanes + 0.2)
    step = STACK_STEP_POINTS / points_per_lane
    levels = [0] + [sign * k for k in range(1, int(STACK_MAX_HALF_LANE / step) + 1) for sign in (1, -1)]
    offsets = pd.Series(0.0, index=shown.index)
    last_at: dict[tuple[str, int], pd.Timestamp] = {}
    for index in shown.sort_values(kind="mergesort").index:
        when, where = shown[index], lane[index]
        free = [lv for lv in levels if (where, lv) not in last_at or when - last_at[(where, lv)] >= too_close]
        level = free[0] if free else min(levels, key=lambda lv: last_at[(where, lv)])  # the longest unused
        last_at[(where, level)] = when
        offsets[index] = level * step
    return offsets


@styled
def theme_heatmap(
    matrix: pd.DataFrame,
    labels: dict[str, str] | None = None,
    n: dict[str, int] | pd.Series | None = None,
    measure: str = "% of the article's paragraphs",
    title: str = "Themes across the five articles",
) -> Figure:
    """Share of each article's paragraphs carrying each theme (from ``themes.theme_matrix``).

    ``n`` (paragraphs per article) is shown beside each row's name; ``measure``
    names what a cell holds (e.g. "% of the article's characters" for
    ``themes.theme_character_share``).
    """
    ax = new_axes(9.0, 3.8)
    shown = matrix.drop(columns=[c for c in matrix.columns if c == "none"], errors="ignore")
    image = ax.imshow(shown.values * 100, cmap="Blues", aspect="auto", vmin=0, vmax=100)
    ax.set_xticks(
        range(len(shown.columns)),
        [(labels or {}).get(c, c) for c in shown.columns],
        rotation=55,
        ha="right",
        fontsize=8,
    )
    rows = [f"{a} (n={int(n[a])})" if n is not None and a in n else str(a) for a in shown.index]
    ax.set_yticks(range(len(shown.index)), rows, fontsize=8)
    for (row, column), value in pd.DataFrame(shown.values).stack().items():
        ax.text(
            column,
            row,
            f"{value * 100:.0f}",
            ha="center",
            va="center",
            fontsize=7,
            color="white" if value > 0.55 else "black",
            in_layout=False,
        )
    ax.figure.colorbar(image, ax=ax, label=measure)
    ax.set_xlabel("Theme (keywords in helpers/data/themes.toml)")
    ax.set_title(title, fontsize=10)
    add_source(
        ax, [f"{a}:" for a in shown.index], note="every paragraph of each article, tagged by helpers.themes.tag_themes"
    )
    return _root(ax)


@styled
def term_frequency_plot(frequencies: pd.DataFrame, title: str = "Words of alignment across the articles") -> Figure:
    """Grouped bars: occurrences of each term per 10,000 characters, by article."""
    ax = new_axes(9.0, 3.8)
    terms = list(frequencies.columns)
    width = 0.8 / max(len(frequencies.index), 1)
    for i, (article_id, row) in enumerate(frequencies.iterrows()):
        ax.bar(
            [t + i * width for t in range(len(terms))],
            row.values,
            width=width,
            label=article_id,
            color=PALETTE[i % len(PALETTE)],
        )
    ax.set_xticks([t + 0.4 - width / 2 for t in range(len(terms))], terms)
    ax.set_ylabel("Occurrences per 10,000 characters")
    ax.set_xlabel("Term (counted in both scripts)")
    ax.set_title(title, fontsize=10)
    ax.legend(fontsize=7.5, ncol=3)
    add_source(ax, [f"{a}:" for a in frequencies.index], note="body paragraphs of each article")
    return _root(ax)


def discrepancies() -> pd.DataFrame:
    """The consistency checks that fail: where an article's own numbers do not add up."""
    checks = check_figures()
    return checks[~checks["consistent"]].reset_index(drop=True)


#: Every standard plot, for tests and for the comparison notebook.
ALL_PLOTS = {
    "summit_durations": summit_durations,
    "trade_2017": trade_2017,
    "swap_ceiling": swap_ceiling,
    "defence_share_of_gdp": defence_share_of_gdp,
    "f35_procurement": f35_procurement,
    "central_asia_aid": central_asia_aid,
    "central_asia_aid_totals": central_asia_aid_totals,
    "energy_stakes": energy_stakes,
    "korea_assembly_2024": korea_assembly_2024,
    "relation_score": relation_score,
    "timeline": timeline,
}
