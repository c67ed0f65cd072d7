"""The lesson layer's readers: full tables, quotes, passages and whole sections, all readable as static HTML."""

import re

import pandas as pd
import pytest

import helpers
from helpers.arguments import claims_frame, load_argument_map
from helpers.concordance import kwic
from helpers.figures import check_figures, figures_for
from helpers.quotes import load_quotes, quote_files, quote_text
from helpers.reading import (
    FullTable,
    catalog_table,
    find_heading,
    full_table,
    key_terms,
    notes_frame,
    outline_frame,
    passage_reader,
    passages,
    quote,
    quotes,
    quotes_frame,
    read_article,
    read_section,
    removed_frame,
)
from helpers.script import to_simplified, to_traditional
from helpers.timeline import timeline_for

CORPUS = helpers.load_corpus()
LONG = "Four international forces shape the relationship between Japan and the United States, " * 3


def text_of(page: str) -> str:
    """The visible text of an HTML fragment (tags and the style block removed)."""
    return re.sub(r"<[^>]+>", "", re.sub(r"<style>.*?</style>", "", page, flags=re.DOTALL))


# --- Full tables ----------------------------------------------------------------------------


def test_a_full_table_shows_every_cell_and_row_whatever_the_options():
    table = full_table(pd.DataFrame({"claim": [LONG] * 80, "n": range(80)}), caption="Claims")
    with pd.option_context("display.max_colwidth", 20, "display.max_rows", 10):
        page, plain = table._repr_html_(), repr(table)
    assert page.count(LONG.strip()) == 80 and "..." not in text_of(page)
    assert plain.count(LONG.strip()) == 80 and "..." not in plain
    assert "<caption>Claims</caption>" in page and plain.startswith("Claims")
    assert "white-space:pre-wrap" in page  # long text wraps


def test_a_full_table_stays_one_through_pandas_operations():
    table = full_table(pd.DataFrame({"a": ["x", "y", "z"], "b": [1, 2, 3]}), caption="c")
    for result in (
        table[table.b > 1],
        table[["a"]],
        table.head(2),
        table.sort_values("b"),
        table.reset_index(),
        table.loc[[0, 2]],
        pd.concat([table, table]),
        table.merge(table, on="a"),
        table.copy(),
    ):
        assert isinstance(result, FullTable) and isinstance(result, pd.DataFrame)
    assert table[table.b > 1].caption == "c"
    assert isinstance(table["a"], pd.Series)


def test_chinese_cells_are_marked_with_their_script():
    table = full_table(
        pd.DataFrame({"term": ["霸權護持", "地缘政治"], "gloss": ["maintaining hegemony", "geopolitics (地缘政治)"]})
    )
    page = table._repr_html_()
    assert '<td lang="zh-Hant"' in page and '<td lang="zh-Hans"' in page
    assert '<span lang="zh-Hans">地缘政治</span>' in page
    assert "<td style=" in page  # an English cell has no lang of its own
    hostile = full_table(pd.DataFrame({"x": ["<script>alert(1)</script>"]}))._repr_html_()
    assert "<script>" not in hostile and "&lt;script&gt;" in hostile


def test_a_column_called_caption_is_not_the_caption():
    table = FullTable({"caption": ["圖1 日本對中亞援助"], "line": [3]})
    assert table.caption is None and "圖1" in repr(table) and "圖1" in table[table.line > 0]._repr_html_()
    assert full_table(table, caption="Captions").caption == "Captions"


def test_full_table_refuses_what_is_not_a_table():
    with pytest.raises(TypeError, match="DataFrame or Series"):
        full_table([1, 2])


@pytest.mark.parametrize(
    "make",
    [
        lambda: catalog_table(CORPUS),
        lambda: key_terms("abe-beijing-2018"),
        lambda: claims_frame(load_argument_map("japan-us-2021")),
        lambda: outline_frame(CORPUS["japan-us-2021"]),
        lambda: notes_frame(CORPUS["central-asia-2007"]),
        lambda: removed_frame(CORPUS),
        lambda: figures_for("japan-us-2021"),
        lambda: check_figures(CORPUS),
        lambda: kwic(CORPUS, "同盟"),
        lambda: timeline_for("japan-korea-2024"),
        lambda: quotes_frame("abe-beijing-2018"),
    ],
    ids=[
        "catalog",
        "key_terms",
        "claims",
        "outline",
        "notes",
        "removed",
        "figures",
        "checks",
        "kwic",
        "timeline",
        "quotes",
    ],
)
def test_every_display_helper_returns_a_full_table(make):
    table = make()
    assert isinstance(table, FullTable)
    assert not re.search(r"\.\.\.\s*</td>", table._repr_html_())


def test_removed_lines_are_shown_whole():
    removed = removed_frame(CORPUS)
    originals = [r.text for a in CORPUS for r in a.removed]
    assert removed["text"].tolist() == originals


# --- Quotes ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", quote_files(), ids=[p.stem for p in quote_files()])
def test_quotes_show_the_sentence_cut_from_the_corpus_and_our_english(path):
    article = CORPUS[path.stem]
    shown = quotes(path.stem).data
    # Note markers are put back into the sentence as superscripts; the sentence text is what is left.
    page = re.sub(r"<sup class='jr-cite'[^>]*>.*?</sup>", "", shown)
    lang = "zh-Hant" if article.script == "traditional" else "zh-Hans"
    for item in load_quotes(path.stem).values():
        resolved = quote_text(item, CORPUS)
        sentence = resolved.sentence
        assert sentence.replace(item.phrase, "") in text_of(page).replace(item.phrase, "") or sentence in text_of(page)
        assert f"<mark>{item.phrase}</mark>" in page
        for _, note in resolved.markers:
            assert f">{note.marker}</sup>" in shown, (item.id, note.marker)
        assert item.english.replace("'", "&#x27;") in page
        assert item.paragraph.split(":")[1] in page
    assert f'lang="{lang}"' in page and 'lang="en"' in page


def test_quotes_in_the_other_script_and_in_the_order_asked():
    page = quotes("abe-beijing-2018", ["presumably-us-understanding", "tactical-verdict"], script="simplified").data
    assert "<mark>应该有事先取得美国的谅解</mark>" in page and 'lang="zh-Hans"' in page
    assert page.index("presumably-us-understanding") < page.index("tactical-verdict")
    assert "reported" in quote("central-asia-2007", "yomiuri-check-china-russia").data
    assert "the author" in quote("central-asia-2007", "verdict").data


def test_an_article_with_two_authors_is_quoted_as_the_authors(corpus):
    from helpers.quotes import Voice

    with_quotes = {path.stem for path in quote_files()}
    for article in corpus:
        own = (
            [q.id for q in load_quotes(article.id).values() if q.voice is Voice.AUTHOR]
            if article.id in with_quotes
            else []
        )
        if not own:
            continue
        page = quote(article.id, own[0]).data
        assert ("the authors" in page) == (len(article.authors) > 1), article.id


def test_unknown_quote_ids_name_the_known_ones():
    with pytest.raises(helpers.CorpusError, match="tactical-verdict"):
        quote("abe-beijing-2018", "no-such-quote")


# --- Passages, sections, articles ----------------------------------------------------------


def test_passage_reader_carries_a_static_copy_of_its_text():
    reader = passage_reader(["japan-us-2021:p001", "japan-us-2021:p024"])
    bundle = reader._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    static = bundle["text/html"]
    for pid in ("japan-us-2021:p001", "japan-us-2021:p024"):
        assert CORPUS.paragraph(pid).text in static
    assert 'lang="zh-Hant"' in static and "p024" in bundle["text/plain"]
    reader.toggle.value = "simplified"
    assert to_simplified(CORPUS.paragraph("japan-us-2021:p001").text) in reader._repr_mimebundle_()["text/html"]
    assert passages("japan-us-2021:p001").data == static.split("</blockquote>")[0] + "</blockquote>"


def test_passage_ids_must_be_full():
    with pytest.raises(ValueError, match="full paragraph ids"):
        passages("p001")


@pytest.mark.parametrize("article_id", CORPUS.ids)
def test_every_section_reads_in_full_in_each_script(article_id):
    article = CORPUS[article_id]
    for heading in [h for h in article.headings if h.level > 0]:
        under = [p for p in article.paragraphs if heading.text in p.section]
        for script, convert in (("original", str), ("traditional", to_traditional), ("simplified", to_simplified)):
            page = read_section(article, heading.text, script=script).data
            for paragraph in under:
                assert convert(paragraph.text) in page and paragraph.id.split(":")[1] in page
    page = read_article(article_id).data
    assert all(p.text in page for p in article.paragraphs)


def test_sections_are_found_by_numbering_or_a_unique_part():
    abe = CORPUS["abe-beijing-2018"]
    assert (
        find_heading(abe, "貳")
        == find_heading(abe, "2")
        == find_heading(abe, "貳、日本以「第三方市場合作」之名參與「一帶一路」")
    )
    central = CORPUS["central-asia-2007"]
    assert find_heading(central, "二").text.startswith("二、")
    assert find_heading(central, "发展阶段").text.startswith("（二）")
    with pytest.raises(KeyError, match="matches 2 headings"):
        find_heading(central, "（二）")
    with pytest.raises(KeyError, match="has no heading"):
        find_heading(abe, "第九章")
    assert "結語" in read_section("abe-beijing-2018", "结语").data  # typed in the other script


def test_figure_checks_are_readable_for_every_article(corpus):
    from helpers.reading import figure_checks

    every = check_figures(corpus)
    for article in corpus:
        table = figure_checks(article, corpus)
        assert len(table) == (every.article_id == article.id).sum()
        shown = " ".join(table.stated.astype(str)) + " ".join(table.computed.astype(str))
        assert "e+" not in shown and "nan" not in shown, article.id  # never 3.3e+13
        kinds = every[every.article_id == article.id].kind.reset_index(drop=True)
        assert set(table.stated[kinds == "trend"]) <= {"rise", "fall", "no change"}
        assert all(value.startswith("part ") and value.endswith("%)") for value in table.computed[kinds == "part"])
