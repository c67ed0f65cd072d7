"""Every standard plot draws, is labelled and sourced, and renders Chinese without missing glyphs."""

import io
import warnings

import matplotlib
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from helpers import plots
from helpers.figures import load_figures

PLOTS = sorted(plots.ALL_PLOTS)
LABELS = {"traditional": "日韓戰略性接近：穿梭外交與釣魚臺", "simplified": "日韩战略性接近：穿梭外交与钓鱼台"}


@pytest.mark.parametrize("name", PLOTS)
@pytest.mark.parametrize("script", sorted(LABELS))
def test_plot_renders_both_scripts_without_warnings(name, script):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph … missing from font(s)" is a UserWarning
        figure = plots.ALL_PLOTS[name]()
        figure.axes[0].set_xlabel(figure.axes[0].get_xlabel() + " " + LABELS[script])
        figure.savefig(io.BytesIO(), format="png")


@pytest.mark.parametrize("name", PLOTS)
def test_plot_is_titled_labelled_and_sourced(name):
    figure = plots.ALL_PLOTS[name]()
    ax = figure.axes[0]
    title = ax.get_title() or (figure._suptitle.get_text() if figure._suptitle else "")
    assert title
    assert ax.get_xlabel() or ax.get_yticklabels()
    assert ax.get_ylabel() or name in ("timeline", "korea_assembly_2024", "energy_stakes")
    sources = [t.get_text() for t in figure.texts if t.get_text().startswith("Source:")]
    assert len(sources) == 1
    # The source names real paragraph or table ids of the articles plotted.
    assert any(article in sources[0] for article in load_figures()["article_id"].unique())


def test_cjk_font_is_registered():
    from matplotlib import font_manager

    assert plots.register_cjk_font().endswith(".ttc")
    assert plots.STYLE["font.sans-serif"][0].startswith("Noto Sans CJK")
    names = {font.name for font in font_manager.fontManager.ttflist}
    assert plots.CJK_FAMILIES[0] in names


def test_importing_the_plots_changes_no_matplotlib_setting():
    import subprocess
    import sys

    code = (
        "import matplotlib; before = dict(matplotlib.rcParams); import helpers.plots; "
        "changed = sorted(k for k, v in matplotlib.rcParams.items() if before[k] != v); print(changed)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_a_chart_shows_itself_as_an_image():
    figure = plots.swap_ceiling()
    assert figure._repr_png_().startswith(b"\x89PNG")
    assert repr(figure).startswith("<Figure size")


def test_swap_ceiling_plots_the_stated_values():
    figure = plots.swap_ceiling()
    heights = [bar.get_height() for bar in figure.axes[0].patches]
    rows = load_figures().query("series == 'swap-ceiling'").sort_values("year")
    assert heights == pytest.approx(list(rows["value"] / 1e8))
    assert "10.3 times" in figure.axes[0].get_xlabel()


def test_f35_title_reports_the_discrepancy():
    title = plots.f35_procurement().axes[0].get_title()
    assert "142" in title and "140" in title


def test_summit_total_is_computed_from_the_table():
    figure = plots.summit_durations()
    lengths = [bar.get_width() for bar in figure.axes[0].patches]
    assert lengths == [105, 155, 35, 50, 70]
    assert f"{int(sum(lengths))} minutes" in figure.axes[0].get_title()


def test_discrepancies_are_the_failed_checks():
    found = plots.discrepancies()
    assert len(found) >= 1 and not found["consistent"].any()


def test_timeline_text_alternative_says_where_each_marker_is_drawn():
    # The markers of events dated only to a month or a year sit mid-period; the text alternative
    # must say so and list them in the order the plot draws them, not in the order of their first day.
    import matplotlib.dates as mdates
    import numpy as np

    article = "japan-korea-2024"
    figure = plots.timeline([article], since=2022)
    drawn = plots.timeline_positions(plots.merged_timeline([article]).query("start.dt.year >= 2022"))
    xs = np.sort(np.concatenate([c.get_offsets()[:, 0] for c in figure.axes[0].collections]))
    assert list(xs) == pytest.approx(list(np.sort(mdates.date2num(drawn["drawn_at"]))))
    alt = plots.text_alternative(figure)
    assert "middle of that month or year" in alt and "1 January" not in alt
    listed = alt.split("in the order drawn: ", 1)[1].rstrip(".").split("; ")
    assert listed == [f"{row.drawn_as} {row.event_type}" for row in drawn.itertuples()]
    year_only = listed.index("mid-2023 (year only) exercise")
    assert listed[year_only - 1].startswith("mid-June 2023")  # after the spring events, as drawn
    figure.axes[0].set_title("Retitled")
    assert plots.text_alternative(figure).startswith("Chart: Retitled.")


def test_timeline_keeps_markers_of_the_same_date_apart():
    # Two statements of May 2022 (month only) share a drawn date: both must be visible, off the
    # lane's line and apart, while a marker with no neighbour stays on the line.
    import numpy as np

    figure = plots.timeline(["japan-korea-2024"], since=2022)
    points = np.concatenate([c.get_offsets() for c in figure.axes[0].collections])
    xs, ys = points[:, 0], points[:, 1]
    same_x = [i for i in range(len(xs)) if np.isclose(xs, xs[i]).sum() > 1]
    assert same_x, "the file has events that share a drawn date"
    for i in same_x:
        for j in same_x:
            if i < j and np.isclose(xs[i], xs[j]):
                assert not np.isclose(ys[i], ys[j])
    assert np.abs(ys).max() < 0.5  # still inside the lane
    assert np.isclose(ys[np.argmin(xs)], 0.0)  # February 2022, alone


def test_timeline_rings_exactly_the_events_the_articles_only_expect():
    from helpers.plots import EXPECTED_EVENT
    from helpers.timeline import merged_timeline

    events = merged_timeline()
    expected = int(events["description"].str.match(EXPECTED_EVENT).sum())
    figure = plots.timeline()
    rings = [c for c in figure.axes[0].collections if c.get_sizes().tolist() == [120]]
    assert len(rings) == (1 if expected else 0)
    if expected:
        assert len(rings[0].get_offsets()) == expected
        assert "expected or planned" in [h.get_label() for h in figure.axes[0].get_legend().legend_handles]
        assert "A black ring marks what the article expects or plans" in figure.alt_details


def test_timeline_lanes_follow_the_order_asked_with_the_first_on_top(corpus):
    figure = plots.timeline()
    labels = [t.get_text() for t in figure.axes[0].get_yticklabels()]  # bottom to top
    present = [a for a in corpus.ids if a in set(labels)]
    assert labels[::-1] == present  # catalog order, top down
    two = [present[-1], present[0]]
    labels = [t.get_text() for t in plots.timeline(two).axes[0].get_yticklabels()]
    assert labels[::-1] == two


def _heatmap() -> Figure:
    from helpers.analysis.themes import tag_themes, theme_matrix
    from helpers.corpus.loading import default_corpus

    corpus = default_corpus()
    return plots.theme_heatmap(theme_matrix(tag_themes(corpus)), n={a.id: len(a.paragraphs) for a in corpus})


@pytest.mark.parametrize("name", [*PLOTS, "theme_heatmap"])
def test_every_part_of_a_plot_lies_inside_its_image(name):
    # A notebook stores each chart at its fixed size (no "tight" crop), so a label or source line
    # drawn past the edge would be cut off in the image readers see.
    figure = _heatmap() if name == "theme_heatmap" else plots.ALL_PLOTS[name]()
    canvas = FigureCanvasAgg(figure)
    figure.savefig(io.BytesIO(), format="png")  # lays the figure out as the notebook's PNG does
    with matplotlib.rc_context(plots.STYLE):  # measured in the fonts it was drawn with
        drawn = figure.get_tightbbox(canvas.get_renderer()).transformed(figure.dpi_scale_trans)
    image = figure.bbox
    tolerance = 1.0  # pixels: anti-aliasing of a glyph's edge
    assert drawn.x0 >= image.x0 - tolerance and drawn.y0 >= image.y0 - tolerance, (name, drawn, image)
    assert drawn.x1 <= image.x1 + tolerance and drawn.y1 <= image.y1 + tolerance, (name, drawn, image)
