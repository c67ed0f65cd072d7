"""Each piece of shared knowledge has one home, and the modules that need it agree.

The line numbers of a raw file, the Han character range, the id slug and the
data-file formats used to be written several times over; these tests check the
behaviours that depended on them agreeing.
"""

from __future__ import annotations

import pytest

from helpers.corpus.loading import article_id_of, default_corpus, resolve_article
from helpers.corpus.structure import build_article
from helpers.reading import raw_lines
from helpers.text import datafiles
from helpers.text.cleaning import HAN_RE, han, split_lines
from helpers.text.datafiles import DataFileError, read_csv, read_lines, read_toml

# A pdftotext file: a form feed starts each new page on the same line as its first words.
PDF_TEXT = "標題\n\n一、前言\n\n第一頁的文字沒有說完，\n\f第二頁接著說完了。\n\n第二段。\n"


def test_a_form_feed_is_not_a_line_end():
    assert split_lines("a\fb\nc") == ["a\fb", "c"]
    article = build_article(PDF_TEXT, "demo")
    paragraph = article.paragraphs[0]
    shown = raw_lines(article, paragraph.lines[0], paragraph.lines[-1])["line"].tolist()
    # The raw view shows the lines the paragraph was made of, not the ones after them.
    assert "".join(han(line) for line in shown) == han(paragraph.text)
    assert article.raw_lines[paragraph.lines[-1] - 1].startswith("\f第二頁")


def test_every_han_test_uses_the_same_range():
    from helpers.text.quantities import _is_han

    rare = "\U00020000"  # CJK Extension B
    assert HAN_RE.match(rare) and _is_han(rare)
    assert not HAN_RE.match("。") and not _is_han("。")


def test_one_id_slug():
    assert datafiles.ID_SLUG.match("japan-us-2021")
    assert not datafiles.ID_SLUG.match("Japan_US")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("# only a comment\n", "no header line"),
        ("term,gloss\n日本\n", "line 2: 1 fields where the header has 2"),
        ("term\n日本\n", "line 1: the header lacks column.s. gloss"),
    ],
)
def test_csv_errors_name_the_file_and_line(tmp_path, text, message):
    path = tmp_path / "terms.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match=message) as error:
        read_csv(path, required=("term", "gloss"))
    assert str(error.value).startswith(str(path))


def test_csv_rows_keep_their_file_lines_across_comments_and_quoted_breaks(tmp_path):
    path = tmp_path / "terms.csv"
    path.write_text('term,gloss\n# a comment\n日本,"Japan,\nthe country"\n中國,China\n', encoding="utf-8")
    rows = read_csv(path, required=("term", "gloss"))
    assert [(row.line, row["term"]) for row in rows] == [(3, "日本"), (5, "中國")]
    assert rows[0]["gloss"] == "Japan,\nthe country"


def test_every_reader_reports_a_missing_file_and_bad_encoding_alike(tmp_path):
    missing = tmp_path / "missing.txt"
    for reader in (read_lines, read_toml, read_csv):
        with pytest.raises(DataFileError, match="the file does not exist"):
            reader(missing)
    latin = tmp_path / "latin.txt"
    latin.write_bytes("ok\ncaf\xe9\n".encode("latin-1"))
    for reader in (read_lines, read_toml, read_csv):
        with pytest.raises(DataFileError, match="line 2: not UTF-8"):
            reader(latin)


def test_an_article_or_its_id():
    corpus = default_corpus()
    article = corpus["japan-us-2021"]
    assert resolve_article("japan-us-2021") is article and resolve_article(article) is article
    assert article_id_of(article) == article_id_of("japan-us-2021") == "japan-us-2021"


def test_an_edited_user_dictionary_is_seen_without_a_restart(tmp_path, monkeypatch):
    from helpers.text import language

    path = tmp_path / "userdict.txt"
    path.write_text("# words\n安倍晉三 nr\n", encoding="utf-8")
    monkeypatch.setattr(language, "USERDICT_PATH", path)
    assert "岸田文雄" not in language.user_words()
    path.write_text("# words\n安倍晉三 nr\n岸田文雄 nr\n", encoding="utf-8")
    assert language.user_words()["岸田文雄"].tag == "nr"
