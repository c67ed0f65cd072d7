"""Quote files: every quote is found in the corpus, and bad files say which file and quote is wrong.

The checks run over whatever quote files exist (a teacher's sixth article gets
them too); the seed-specific examples are keyed to the seeds' ids.
"""

import html
import json

import pytest

import helpers
from helpers.arguments import check_argument_map, claim_evidence, load_argument_map
from helpers.quotes import (
    QuoteError,
    Voice,
    check_quotes,
    cut_sentence,
    find_quote,
    load_quotes,
    marked_sentence,
    quote_files,
    quote_text,
    sentence_bounds,
)
from helpers.script import to_simplified

CORPUS = helpers.load_corpus()
FILES = quote_files()


def test_there_are_quote_files_and_each_names_an_article():
    assert FILES, "helpers/data/quotes/ has no quote file"
    for path in FILES:
        assert path.stem in CORPUS.ids, f"{path.name}: no article {path.stem!r} in the catalog"


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_quote_is_found_in_its_paragraph(path):
    assert check_quotes(path.stem, CORPUS) == []
    quotes = load_quotes(path.stem)
    article = CORPUS[path.stem]
    for quote in quotes.values():
        paragraph = article.paragraph(quote.paragraph)  # the paragraph exists
        assert quote.phrase in paragraph.text, quote.where  # as printed, in the paragraph's script
        assert quote.english.strip(), quote.where
        shown = quote_text(quote, CORPUS)
        assert shown.before + shown.phrase + shown.after == shown.sentence
        assert paragraph.text[shown.start : shown.end] == shown.sentence
        # The sentence is whole: it starts a paragraph or follows a sentence end, and ends one.
        preceding = paragraph.text[: shown.start].rstrip("」』”’）)】〕》〉\"' ")
        assert shown.start == 0 or not preceding or preceding[-1] in "。！？!?", quote.where
        assert shown.end == len(paragraph.text) or shown.sentence.rstrip("」』”’）)】〕》〉\"'")[-1] in "。！？!?", (
            quote.where
        )


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_ids_are_unique_slugs(path):
    text = path.read_text(encoding="utf-8")
    quotes = load_quotes(path.stem)
    tables = [line for line in text.splitlines() if line.strip() == "[[quote]]"]
    assert len(tables) == len(quotes)  # a duplicate id would have raised; none is dropped
    assert text.lstrip().startswith("#"), f"{path.name}: explain the format at the top of the file"


@pytest.mark.parametrize("article_id", CORPUS.ids)
def test_argument_map_evidence_names_existing_quotes(article_id):
    amap = load_argument_map(article_id)
    quotes = load_quotes(article_id)
    referenced = [
        q for claim in amap.claims for q in claim.evidence + tuple(e for limit in claim.limits for e in limit.evidence)
    ]
    assert [q for q in referenced if q not in quotes] == []
    assert not [p for p in check_argument_map(amap) if "unknown quote" in p]
    assert len(claim_evidence(amap, CORPUS)) == len(referenced)


def test_evidence_to_an_unknown_quote_is_reported(tmp_path):
    stance = find_quote("abe-beijing-2018", "perhaps-us-stance").paragraph.split(":")[1]
    (tmp_path / "abe-beijing-2018.toml").write_text(
        'thesis = "t"\nsummary = "s"\n'
        + "".join(
            f'[[claim]]\nid = "C{i}"\ntext = "c"\nsection = "壹、前言"\nparagraphs = ["p001"]\nevidence = ["tactical-verdict"]\n'
            for i in range(1, 3)
        )
        + '[[claim]]\nid = "C3"\ntext = "c"\nsection = "壹、前言"\nparagraphs = ["p001"]\nevidence = ["no-such-quote"]\n'
        + f'[[claim.limits]]\ntext = "l"\nparagraph = "{stance}"\nevidence = ["perhaps-us-stance", "missing-too"]\n'
        + '[[claim.limits]]\ntext = "l"\nparagraph = "p001"\nevidence = ["perhaps-us-stance"]\n',
        encoding="utf-8",
    )
    amap = load_argument_map("abe-beijing-2018", tmp_path)
    problems = check_argument_map(amap, CORPUS)
    assert any("C3 (claim): unknown quote 'no-such-quote'" in p for p in problems)
    assert any("C3 (limit 1): unknown quote 'missing-too'" in p for p in problems)
    assert not any("tactical-verdict" in p or "limit 1): quote 'perhaps-us-stance'" in p for p in problems)
    # the same quote cited by a limit on another paragraph points the reader to the wrong place
    assert any(
        f"C3 (limit 2): quote 'perhaps-us-stance' is in {stance}, not in the limit's paragraph p001" in p
        for p in problems
    )


def test_seed_quotes_cut_the_whole_sentence():
    verdict = quote_text(find_quote("abe-beijing-2018", "tactical-verdict"), CORPUS)
    assert verdict.sentence.startswith("其次，") and verdict.sentence.endswith("戰略性措施。")
    reported = find_quote("central-asia-2007", "yomiuri-check-china-russia")
    assert reported.voice is Voice.REPORTED and reported.speaker == "日本读卖新闻"


@pytest.mark.parametrize(
    "text, phrase, sentence",
    [
        ("前一句。他說：「這是重點。」後一句！", "重點", "他說：「這是重點。」"),
        ("沒有句號的段落", "句號", "沒有句號的段落"),
        ("第一句。第二句跨到。第三句。", "跨到。第三", "第二句跨到。第三句。"),
        ("問題？答案。", "問題？", "問題？"),
        ("A sentence. 中文句子。", "中文", "A sentence. 中文句子。"),
    ],
)
def test_sentence_cutting(text, phrase, sentence):
    start, end = cut_sentence(text, phrase)
    assert text[start:end] == sentence
    assert sentence_bounds(text, text.index(phrase), text.index(phrase) + len(phrase)) == (start, end)


def write(tmp_path, body: str, name: str = "abe-beijing-2018") -> None:
    (tmp_path / f"{name}.toml").write_text(body, encoding="utf-8")


GOOD = '[[quote]]\nid = "q"\nparagraph = "p015"\nphrase = "戰術性作為"\nenglish = "e"\nvoice = "author"\n'


@pytest.mark.parametrize(
    "body, problem",
    [
        (GOOD + GOOD, r"quote 2 \('q'\): duplicate id 'q'"),
        (GOOD.replace('english = "e"', 'english = " "'), r"quote 1 \('q'\): missing or empty 'english'"),
        (GOOD.replace('id = "q"', 'id = "Q 1"'), "must be a lower-case slug"),
        (GOOD.replace('"author"', '"narrator"'), "voice must be 'author', 'cited' or 'reported'"),
        (GOOD.replace('"p015"', '"15"'), "short id such as 'p001'"),
        (GOOD.replace('"p015"', '"japan-us-2021:p015"'), "belongs to another article"),
        (GOOD + 'speaker = "讀賣新聞"\n', "voice is 'author'"),
        (GOOD.replace("english", "englsh"), "unknown field"),
        ("[[quote]\n", "not valid TOML"),
    ],
)
def test_malformed_quote_files_name_the_file_and_quote(tmp_path, body, problem):
    write(tmp_path, body)
    with pytest.raises(QuoteError, match=rf"abe-beijing-2018\.toml.*{problem}"):
        load_quotes("abe-beijing-2018", tmp_path)


@pytest.mark.parametrize(
    "change, problem",
    [
        (('"p015"', '"p099"'), "no paragraph abe-beijing-2018:p099"),
        (("戰術性作為", "战术性作为"), "occurs only in the other script"),
        (("戰術性作為", "並不存在的話"), "does not occur in the paragraph"),
    ],
)
def test_quotes_not_in_the_corpus_are_reported(tmp_path, change, problem):
    write(tmp_path, GOOD.replace(*change))
    problems = check_quotes("abe-beijing-2018", CORPUS, tmp_path)
    assert len(problems) == 1 and "abe-beijing-2018.toml, quote 'q'" in problems[0] and problem in problems[0]


def test_reported_voice_in_one_field(tmp_path):
    write(tmp_path, GOOD.replace('"author"', '"reported: 讀賣新聞"'))
    quote = load_quotes("abe-beijing-2018", tmp_path)["q"]
    assert quote.voice is Voice.REPORTED and quote.speaker == "讀賣新聞"


def test_a_quote_file_for_an_unknown_article_is_reported(tmp_path):
    write(tmp_path, GOOD, name="no-such-article")
    assert "no article 'no-such-article'" in check_quotes("no-such-article", CORPUS, tmp_path)[0]
    assert to_simplified("戰術") == "战术"


# --- Note markers inside quoted sentences ---------------------------------------------------
# The cleaner takes markers out of paragraph text; a quote must still show the ones
# its sentence carries, or a sentence the author credits to a source reads as his own.


def _paragraph_with_markers():
    """Some article paragraph holding a note marker (any catalog), or None."""
    for article in CORPUS:
        for note in article.notes:
            if note.para_id and note.offset is not None:
                return article, note
    return None


def test_every_marker_in_a_paragraph_has_a_position_in_its_text():
    for article in CORPUS:
        for note in article.notes:
            if note.para_id:
                text = article.paragraph(note.para_id).text
                assert note.offset is not None and 0 <= note.offset <= len(text), note.id
            else:
                assert note.offset is None, note.id


def test_markers_stand_where_the_raw_file_prints_them():
    # Seed-specific: central-asia-2007 p006 prints "…贸易主导权。[5]（P.66）桥本认为…".
    article = CORPUS["central-asia-2007"]
    note = next(n for n in article.notes if n.para_id.endswith("p006"))
    text = article.paragraph("p006").text
    assert text[: note.offset].endswith("贸易主导权。") and text[note.offset :].startswith("桥本认为")
    assert (note.marker, note.locator) == ("[5]", "（P.66）")


def test_a_quote_whose_sentence_holds_a_marker_displays_it(tmp_path):
    found = _paragraph_with_markers()
    assert found, "no article in the catalog has a note marker in a paragraph"
    article, note = found
    text = article.paragraph(note.para_id).text
    # The shortest phrase ending at the marker that occurs only there.
    length = next(
        n for n in range(1, note.offset + 1) if text.find(text[note.offset - n : note.offset]) == note.offset - n
    )
    phrase = text[note.offset - length : note.offset]
    write(
        tmp_path,
        f'[[quote]]\nid = "q"\nparagraph = "{note.para_id.split(":")[1]}"\nphrase = {json.dumps(phrase, ensure_ascii=False)}\n'
        'english = "e"\nvoice = "author"\n',
        name=article.id,
    )
    quote = load_quotes(article.id, tmp_path)["q"]
    shown = quote_text(quote, CORPUS)
    position = {n.id: p for p, n in shown.markers}[note.id]
    assert position == note.offset - shown.start
    assert note.marker + note.locator.strip() in marked_sentence(shown)
    page = _page(article.id, quote)
    assert f">{note.marker}</sup>" in page
    assert html.escape(note.text or "note text not in the file", quote=True)[:30] in page


def _page(article_id, quote):
    from unittest import mock

    from helpers import reading

    with mock.patch.object(reading, "find_quote", lambda _a, _q: quote):
        return reading.quotes(article_id, ["q"], corpus=CORPUS).data


def test_seed_sentences_credited_to_sources_show_their_markers():
    # Seed-specific: central-asia-2007 p015's pipeline forecast ends "…困难重重。[3]（P.174-181）".
    page = _page("central-asia-2007", find_quote("central-asia-2007", "southern-pipeline"))
    assert ">[3]</sup>" in page and "(P.174-181)" in page
    # A sentence without a marker shows none.
    plain = _page("central-asia-2007", find_quote("central-asia-2007", "pressure-and-challenge"))
    assert "jr-cite" not in plain.split("</style>", 1)[1]


def test_cited_voice(tmp_path):
    article = CORPUS["central-asia-2007"]
    note = next(n for n in article.notes if n.para_id.endswith("p006"))
    phrase = article.paragraph("p006").text[note.offset - 6 : note.offset]
    write(
        tmp_path,
        f'[[quote]]\nid = "q"\nparagraph = "p006"\nphrase = "{phrase}"\nenglish = "e"\nvoice = "cited"\n',
        name="central-asia-2007",
    )
    quote = load_quotes("central-asia-2007", tmp_path)["q"]
    assert quote.voice is Voice.CITED and check_quotes("central-asia-2007", CORPUS, tmp_path) == []
    assert "the author, citing [5] (P.66)" in _page("central-asia-2007", quote)
    # A cited voice with neither a marker in its sentence nor a named source is reported.
    write(
        tmp_path,
        '[[quote]]\nid = "q"\nparagraph = "p001"\nphrase = "不会对华造成重大压力"\nenglish = "e"\nvoice = "cited"\n',
        name="central-asia-2007",
    )
    problems = check_quotes("central-asia-2007", CORPUS, tmp_path)
    assert len(problems) == 1 and "voice is 'cited' but the sentence holds no note marker" in problems[0]
    write(
        tmp_path,
        '[[quote]]\nid = "q"\nparagraph = "p001"\nphrase = "不会对华造成重大压力"\nenglish = "e"\n'
        'voice = "cited: [1]"\n',
        name="central-asia-2007",
    )
    assert check_quotes("central-asia-2007", CORPUS, tmp_path) == []
    assert "the author, citing [1]" in _page("central-asia-2007", load_quotes("central-asia-2007", tmp_path)["q"])


def test_a_note_glossing_a_hedge_the_sentence_lacks_is_reported(tmp_path):
    # The Taipei article's last sentence says 勢必 ("bound to"), with no 應該 in it: a note
    # "應該 = 'presumably'" on it has been attached to the wrong quote.
    text = CORPUS["abe-beijing-2018"].paragraph("p015").text
    sentence = text[text.rindex("。", 0, len(text) - 1) + 1 :]
    assert "應該" not in sentence
    body = f'[[quote]]\nid = "q"\nparagraph = "p015"\nphrase = "{sentence[:8]}"\nenglish = "e"\nvoice = "author"\n'
    write(tmp_path, body + "note = \"應該 = 'presumably': an inference.\"\n")
    problems = check_quotes("abe-beijing-2018", CORPUS, tmp_path)
    assert len(problems) == 1 and "glosses 應該 but the sentence has no 應該" in problems[0]
    write(tmp_path, body + 'note = "Not hedged: no 應該 or 或許 here."\n')
    assert check_quotes("abe-beijing-2018", CORPUS, tmp_path) == []
