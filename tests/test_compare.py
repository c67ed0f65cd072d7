"""Counting words and people across the articles."""

import io
import warnings

import pytest

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


def test_actors_count_every_form_of_a_name_once():
    actors = actor_counts(CORPUS)

    def paragraph_count(article_id, form):
        return sum(p.text.count(form) for p in CORPUS[article_id].paragraphs)

    # Trump is one person whether written 川普 (Taipei, the japan-us repost) or 特朗普
    assert actors.loc["Donald Trump", "abe-beijing-2018"] == paragraph_count("abe-beijing-2018", "川普")
    assert actors.loc["Donald Trump", "china-japan-2025"] == paragraph_count("china-japan-2025", "特朗普")
    # 安倍晉三 contains 安倍: each occurrence of either counts once
    assert actors.loc["Abe Shinzō", "abe-beijing-2018"] == paragraph_count("abe-beijing-2018", "安倍")
    assert actors.loc["Kishida Fumio", "japan-korea-2024"] == paragraph_count("japan-korea-2024", "岸田")
    numbers = actors[[a.id for a in CORPUS]]
    assert (numbers.sum(axis=1) >= 2).all()
    assert list(numbers.sum(axis=1)) == sorted(numbers.sum(axis=1), reverse=True)


def test_no_name_form_belongs_to_two_people(tmp_path):
    from helpers.compare import load_actors
    from helpers.errors import CorpusError

    assert load_actors()
    path = tmp_path / "actors.csv"
    path.write_text("person,forms,role\nA,安倍,x\nB,安倍晉三;安倍,y\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"line 3: the form '安倍' is already given to A"):
        load_actors(path)


def test_comparison_plots_render_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        heat = plots.theme_heatmap(theme_matrix(tag_themes(CORPUS)))
        bars = plots.term_frequency_plot(term_frequencies(CORPUS, ALIGNMENT_VOCABULARY))
        for figure in (heat, bars):
            figure.savefig(io.BytesIO(), format="png")
            assert any(t.get_text().startswith("Source:") for t in figure.texts)
    assert heat.axes[0].images[0].get_array().shape == (len(CORPUS), len(theme_matrix(tag_themes(CORPUS)).columns) - 1)
