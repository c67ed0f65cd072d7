"""Argument maps: one per seed article (and per added article that has one), and everything they cite exists."""

import pytest
from seed_info import SEED_IDS, with_argument_map

import helpers
from helpers.arguments import ArgumentMapError, argument_diagram, check_argument_map, claims_frame, load_argument_map

CORPUS = helpers.load_corpus()
# A teacher's new article needs no map to be read; when it has one, it is checked like the seeds'.
IDS = with_argument_map(CORPUS.ids)


def test_every_seed_has_an_argument_map():
    assert set(SEED_IDS) <= set(IDS)


@pytest.mark.parametrize("article_id", IDS)
def test_every_article_has_a_valid_map(article_id):
    amap = load_argument_map(article_id)
    assert amap.article_id == article_id
    assert 3 <= len(amap.claims) <= 6
    assert amap.thesis and amap.summary
    assert check_argument_map(amap) == []


@pytest.mark.parametrize("article_id", IDS)
def test_claims_follow_the_article(article_id):
    amap = load_argument_map(article_id)
    article = CORPUS[article_id]
    # Every claim's paragraphs sit in (or under) the section the claim names.
    for claim in amap.claims:
        for para_id in claim.paragraphs:
            assert claim.section in article.paragraph(para_id).section, (claim.id, para_id)
    assert len({c.id for c in amap.claims}) == len(amap.claims)
    assert len(claims_frame(amap)) == len(amap.claims)


@pytest.mark.parametrize("article_id", IDS)
def test_diagram_draws_every_claim(article_id):
    figure = argument_diagram(article_id)
    (ax,) = figure.axes  # a figure, as every plot returns
    texts = " ".join(t.get_text() for t in ax.texts)
    for claim in load_argument_map(article_id).claims:
        assert f"{claim.id}." in texts


def test_unknown_references_are_reported(tmp_path):
    (tmp_path / "abe-beijing-2018.toml").write_text(
        'article = "abe-beijing-2018"\nthesis = "t"\nsummary = "s"\n'
        + "".join(
            f'[[claim]]\nid = "C{i}"\ntext = "c"\nsection = "壹、前言"\nparagraphs = ["p001"]\n' for i in range(1, 3)
        )
        + '[[claim]]\nid = "C3"\ntext = "c"\nsection = "陸、不存在"\nparagraphs = ["p999"]\nfigures = ["abe-beijing-2018:f99"]\n',
        encoding="utf-8",
    )
    amap = load_argument_map("abe-beijing-2018", tmp_path)
    problems = check_argument_map(amap)
    assert any("p999" in p for p in problems)
    assert any("陸、不存在" in p for p in problems)
    assert any("f99" in p for p in problems)


def test_malformed_maps_name_the_file_and_claim(tmp_path):
    (tmp_path / "x.toml").write_text('thesis = "t"\n[[claim]]\nid = "C1"\n', encoding="utf-8")
    with pytest.raises(ArgumentMapError, match=r"x\.toml, claim 1: missing 'text'"):
        load_argument_map("x", tmp_path)
    (tmp_path / "y.toml").write_text(
        'thesis = "t"\n' + '[[claim]]\nid="C"\ntext="c"\nsection="s"\nparagraphs=["p1"]\n', encoding="utf-8"
    )
    with pytest.raises(ArgumentMapError, match="3 to 6 claims"):
        load_argument_map("y", tmp_path)
    with pytest.raises(ArgumentMapError, match="no argument map"):
        load_argument_map("nothing-here", tmp_path)
