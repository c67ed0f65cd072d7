"""Counting words and people across the articles."""

import warnings
import io

import helpers
from helpers import plots
from helpers.compare import ALIGNMENT_VOCABULARY, actor_counts, term_counts, term_frequencies
from helpers.themes import tag_themes, theme_matrix

CORPUS = helpers.load_corpus()


def test_terms_are_counted_in_both_scripts():
    traditional = term_counts(CORPUS, ["關係"])
    simplified = term_counts(CORPUS, ["关系"])
    assert traditional.values.tolist() == simplified.values.tolist()
    by_hand = CORPUS["abe-beijing-2018"].text.count("關係")
    assert traditional.loc["abe-beijing-2018", "關係"] == by_hand


def test_frequencies_are_per_ten_thousand_characters():
    counts = term_counts(CORPUS, ["同盟"])
    frequencies = term_frequencies(CORPUS, ["同盟"])
    article = CORPUS["japan-us-2021"]
    expected = counts.loc[article.id, "同盟"] * 10_000 / len(article.text)
    assert abs(frequencies.loc[article.id, "同盟"] - expected) < 0.05
    assert list(term_frequencies(CORPUS, ALIGNMENT_VOCABULARY).columns) == list(ALIGNMENT_VOCABULARY)


def test_actors_include_both_names_of_trump():
    actors = actor_counts(CORPUS)
    assert actors.loc["川普", "abe-beijing-2018"] == CORPUS["abe-beijing-2018"].text.count("川普")
    assert actors.loc["特朗普", "china-japan-2025"] == CORPUS["china-japan-2025"].text.count("特朗普")
    assert actors.loc["尹錫悅", "japan-korea-2024"] == CORPUS["japan-korea-2024"].text.count("尹錫悅")
    assert (actors.sum(axis=1) >= 2).all()
    assert list(actors.sum(axis=1)) == sorted(actors.sum(axis=1), reverse=True)


def test_comparison_plots_render_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        heat = plots.theme_heatmap(theme_matrix(tag_themes(CORPUS)))
        bars = plots.term_frequency_plot(term_frequencies(CORPUS, ALIGNMENT_VOCABULARY))
        for figure in (heat, bars):
            figure.savefig(io.BytesIO(), format="png")
            assert any(t.get_text().startswith("Source:") for t in figure.texts)
    assert heat.axes[0].images[0].get_array().shape == (len(CORPUS), len(theme_matrix(tag_themes(CORPUS)).columns) - 1)
