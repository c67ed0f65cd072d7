"""Tests for helpers.language: segmentation, user dictionary, stopwords, pinyin, glossary.

The user dictionary and the glossary were written from reading the five articles;
these tests hold them to the texts: every name must occur in the articles, in the
script(s) they print it in, and come out of segment() as one token there; every
glossary term must occur in each article it lists.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import helpers
from helpers import language
from helpers.corpus.tables import tokens_frame
from helpers.language import (
    LanguageDataError,
    is_stopword,
    load_glossary,
    pinyin,
    read_stopwords,
    read_user_dictionary,
    segment,
    token_spans,
    user_words,
)
from helpers.script import to_simplified, to_traditional

REPO = Path(__file__).resolve().parent.parent
CORPUS = helpers.load_corpus()
IDS = ["abe-beijing-2018", "japan-us-2021", "china-japan-2025", "central-asia-2007", "japan-korea-2024"]
USER_ENTRIES = read_user_dictionary()
GLOSSARY = load_glossary()


def passages(article):
    """The printed text of an article, notes aside: paragraphs, headings, captions, table cells."""
    yield from (paragraph.text for paragraph in article.paragraphs)
    yield from (heading.text for heading in article.headings)
    for table in article.tables:
        yield table.caption
        yield from table.cells
    yield from (caption.text for caption in article.captions)


ALL_PASSAGES = [(article.id, text) for article in CORPUS for text in passages(article) if text]


@functools.cache
def spans_of(text):
    return tuple(token_spans(text))


def run_python(code, tmp_path, **env_extra):
    """Run ``code`` in a fresh interpreter with a fresh cache, temp and working directory."""
    for name in ("cache", "tmp", "cwd", "pyc"):
        (tmp_path / name).mkdir(exist_ok=True)
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "TMPDIR": str(tmp_path / "tmp"),
        # No compiled files: the first import of jieba compiles its sources, which
        # is when it warns about invalid escape sequences.
        "PYTHONPYCACHEPREFIX": str(tmp_path / "pyc"),
        **env_extra,
    }
    return subprocess.run(
        [sys.executable, "-W", "default", "-c", textwrap.dedent(code)],
        cwd=tmp_path / "cwd",
        env=env,
        capture_output=True,
        text=True,
    )


# --- segment() and tokens_frame() ----------------------------------------------------


@pytest.mark.parametrize("article_id", IDS)
def test_tokens_give_back_every_paragraph(article_id):
    for paragraph in CORPUS[article_id].paragraphs:
        text = paragraph.text
        tokens = segment(text)
        # Whitespace is the only thing dropped.
        assert "".join(tokens) == re.sub(r"\s", "", text), paragraph.id
        if not re.search(r"\s", text):
            assert "".join(tokens) == text, paragraph.id
        # Put back at their positions, with the whitespace between them, the tokens
        # rebuild the paragraph exactly.
        rebuilt, end = "", 0
        for position, token in token_spans(text):
            assert text[position : position + len(token)] == token
            assert text[end:position].strip() == "", (paragraph.id, position)
            rebuilt += text[end:position] + token
            end = position + len(token)
        assert rebuilt + text[end:] == text


def test_whitespace_is_dropped():
    # abe-beijing-2018 writes English names with spaces inside Chinese text.
    paragraph = next(p for p in CORPUS["abe-beijing-2018"].paragraphs if "Eastern Economic Corridor" in p.text)
    tokens = segment(paragraph.text)
    assert not any(token.isspace() for token in tokens)
    assert tokens[tokens.index("Eastern") : tokens.index("Eastern") + 3] == ["Eastern", "Economic", "Corridor"]


def test_decimal_numbers_and_percentages_stay_whole():
    # abe-beijing-2018: "比前一年成長9.8%" and "3.4兆日圓"; japan-us-2021: "GDP增長0.8%".
    assert "9.8%" in segment(CORPUS["abe-beijing-2018"].text)
    assert "3.4" in segment(CORPUS["abe-beijing-2018"].text)
    assert "0.8%" in segment(CORPUS["japan-us-2021"].text)
    assert segment("1,000億日圓") == ["1,000", "億", "日圓"]


def test_tokens_frame_covers_every_paragraph():
    frame = tokens_frame(CORPUS)
    assert frame.columns.tolist() == ["article_id", "para_id", "token", "position"]
    assert set(frame.para_id) == {p.id for a in CORPUS for p in a.paragraphs}
    paragraphs = {p.id: p.text for a in CORPUS for p in a.paragraphs}
    for para_id, rows in frame.groupby("para_id", sort=False):
        text = paragraphs[para_id]
        assert rows.position.is_monotonic_increasing and rows.position.is_unique
        assert all(text[pos : pos + len(tok)] == tok for pos, tok in zip(rows.position, rows.token))
        assert rows.token.tolist() == segment(text)
        assert (rows.article_id == para_id.split(":")[0]).all()


def test_tokens_frame_takes_a_list_of_articles():
    frame = tokens_frame([CORPUS["central-asia-2007"]])
    assert set(frame.article_id) == {"central-asia-2007"}


def test_segmentation_is_deterministic_across_processes(tmp_path):
    in_process = hashlib.sha256("\n".join(tokens_frame(CORPUS).token).encode()).hexdigest()
    code = """
        import hashlib, helpers
        from helpers.corpus.tables import tokens_frame
        tokens = tokens_frame(helpers.load_corpus()).token
        with open("digest.txt", "w") as out:
            out.write(hashlib.sha256("\\n".join(tokens).encode()).hexdigest())
    """
    for seed in ("1", "2"):
        result = run_python(code, tmp_path, PYTHONHASHSEED=seed)
        assert result.returncode == 0, result.stderr
        assert (tmp_path / "cwd" / "digest.txt").read_text() == in_process
    assert segment(CORPUS["japan-korea-2024"].text) == segment(CORPUS["japan-korea-2024"].text)


# --- Both scripts --------------------------------------------------------------------


def boundaries(text):
    return [position for position, _ in token_spans(text)]


@pytest.mark.parametrize("article_id", IDS)
def test_both_scripts_give_the_same_boundaries(article_id):
    # Every paragraph of every article, written out in each script.
    for paragraph in CORPUS[article_id].paragraphs:
        traditional, simplified = to_traditional(paragraph.text), to_simplified(paragraph.text)
        assert len(traditional) == len(simplified) == len(paragraph.text)
        assert boundaries(traditional) == boundaries(simplified), paragraph.id


@pytest.mark.parametrize(
    "article_id, sentence, words",
    [
        ("abe-beijing-2018", "日本首相安倍晉三於同年10月25至27日回訪北京", ["安倍晉三", "回訪", "北京"]),
        ("japan-us-2021", "基於霸權護持目標的日美戰略合作總體上繼續鞏固", ["霸權護持", "日美"]),
        ("china-japan-2025", "中日关系在2024年经历了“触底回暖”的变化", ["触底回暖", "中日关系"]),
        ("central-asia-2007", "日本桥本龙太郎内阁提出“丝绸之路外交”理念", ["桥本龙太郎", "丝绸之路外交"]),
        (
            "japan-korea-2024",
            "日韓首腦“穿梭外交”最初由日本首相小泉純一郎和盧武鉉於2004年共同商定",
            ["穿梭外交", "小泉純一郎", "盧武鉉"],
        ),
    ],
)
def test_real_sentences_in_both_scripts(article_id, sentence, words):
    assert sentence in CORPUS[article_id].text
    tokens = segment(sentence)
    assert all(word in tokens for word in words), tokens
    for converted in (to_simplified(sentence), to_traditional(sentence)):
        assert boundaries(converted) == boundaries(sentence)
        assert [to_simplified(t) for t in segment(converted)] == [to_simplified(t) for t in tokens]


def test_falls_back_to_the_original_when_conversion_changes_length(monkeypatch):
    monkeypatch.setattr(language, "to_simplified", lambda text: text + "x")
    tokens = segment("安倍晉三回訪北京")
    assert "".join(tokens) == "安倍晉三回訪北京"
    assert "安倍晉三" in tokens


# --- The user dictionary -------------------------------------------------------------

# Names the issue asks for by name (川普/特朗普 both occur: 川普 in the Traditional
# articles, 特朗普 in china-japan-2025 and japan-korea-2024).
ISSUE_NAMES = """
安倍晉三 石破茂 尹錫悅 岸田文雄 李克強 習近平 川普 特朗普 拜登 川口顺子 桥本龙太郎 麻生太郎
小泉纯一郎 宇山智彦 甘利明 朴正熙 文在寅 佩洛西 澤連斯基 一帶一路 第三方市場合作 亞洲基礎設施投資銀行
上海合作组织 釣魚臺 中亚+日本 穿梭外交 戴維營 美日韓 四邊機制 印太戰略 國家安全保障戰略 核咨商小組
日美貨物貿易協定 丝绸之路外交 欧亚外交 哈萨克斯坦
""".split()


def test_user_dictionary_holds_the_names_the_issue_lists():
    words = {entry.word for entry in USER_ENTRIES}
    assert len(words) >= 150
    assert [name for name in ISSUE_NAMES if name not in words] == []


def test_user_dictionary_is_grouped_by_article():
    text = (REPO / "helpers" / "data" / "userdict.txt").read_text(encoding="utf-8")
    headers = [line for line in text.splitlines() if line.startswith("# ") and "(" in line and ")" in line]
    for article_id in IDS:
        assert any(header.startswith(f"# {article_id} (") for header in headers), article_id


def test_every_user_entry_occurs_in_the_articles():
    # The dictionary holds only names printed in the texts, in the script printed.
    missing = [e.word for e in USER_ENTRIES if not any(e.word in text for _, text in ALL_PASSAGES)]
    assert missing == []


def test_every_spelling_in_the_articles_is_listed():
    # A name printed in both scripts (安倍晉三 / 安倍晋三) is listed in both.
    listed = {entry.word for entry in USER_ENTRIES}
    simplified_passages = [(text, to_simplified(text)) for _, text in ALL_PASSAGES]
    unlisted = set()
    for word in listed:
        target = to_simplified(word)
        for text, simplified in simplified_passages:
            for match in re.finditer(re.escape(target), simplified):
                printed = text[match.start() : match.end()]
                if printed not in listed:
                    unlisted.add((word, printed))
    assert unlisted == set()


# Occurrences of an entry that rightly stay inside a longer word of jieba's own
# dictionary, checked by reading each place.
INSIDE_JIEBA_WORDS = {
    ("日美", "日美軍"): "japan-us-2021 駐日美軍 is 駐|日美軍, the US forces in Japan",
    ("美日", "美日關係"): "abe-beijing-2018: jieba's dictionary has 美日关系, as it has 中日关系",
}


@pytest.mark.parametrize("entry", USER_ENTRIES, ids=lambda e: f"line{e.line}")
def test_user_entry_comes_out_whole_in_the_articles(entry):
    forms = user_words()
    occurrences = 0
    excused = set()
    for article_id, text in ALL_PASSAGES:
        for match in re.finditer(re.escape(entry.word), text):
            occurrences += 1
            position, token = next((p, t) for p, t in spans_of(text) if p <= match.start() < p + len(t))
            if (position, token) == (match.start(), entry.word):
                continue
            # 一帶一路 inside 一帶一路國際高峰論壇 is a longer name, also kept whole.
            if token in forms and position + len(token) >= match.end():
                continue
            context = text[max(position - 5, 0) : match.end() + 5]
            assert (entry.word, token) in INSIDE_JIEBA_WORDS, (article_id, token, context)
            excused.add((entry.word, token))
    assert occurrences > 0, f"{entry.word!r} (line {entry.line}) occurs in no passage of the articles"
    expected = {key for key in INSIDE_JIEBA_WORDS if key[0] == entry.word}
    assert excused == expected, "INSIDE_JIEBA_WORDS lists a case that no longer happens"


def test_simplified_forms_of_traditional_entries_are_loaded():
    traditional = [e.word for e in USER_ENTRIES if to_simplified(e.word) != e.word]
    assert len(traditional) > 50
    for word in traditional:
        simplified = to_simplified(word)
        assert segment(f"我们讨论{simplified}的问题").count(simplified) == 1, simplified


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "line, complaint",
    [
        ("安倍 晉三 nr", "is there a space in the word?"),
        ("安倍 晉三", "is there a space in the word?"),
        ("穿梭外交 0 nz", "above 0"),
        ("穿梭外交 12 NZ", "lower-case"),
        ("布蘭特利·沃馬克 nr", "never keeps"),
        ("穿梭外交 1 nz extra", "expected 'word [freq] [tag]'"),
    ],
)
def test_bad_user_dictionary_line_is_named(tmp_path, line, complaint):
    path = write(tmp_path, "userdict.txt", f"# comment\n石破茂 nr\n{line}\n")
    with pytest.raises(LanguageDataError, match=re.escape(complaint)) as error:
        read_user_dictionary(path)
    assert f"{path}, line 3" in str(error.value)


def test_duplicate_user_entry_is_named(tmp_path):
    path = write(tmp_path, "userdict.txt", "石破茂 nr\n\n石破茂 nr\n")
    with pytest.raises(LanguageDataError, match="already listed on line 1"):
        read_user_dictionary(path)


def test_user_dictionary_reads_jieba_forms(tmp_path):
    path = write(tmp_path, "userdict.txt", "# names\n石破茂\n岸田文雄 nr\n特朗普 1000\n拜登 1000 nr\n")
    assert [(e.word, e.freq, e.tag, e.line) for e in read_user_dictionary(path)] == [
        ("石破茂", None, None, 2),
        ("岸田文雄", None, "nr", 3),
        ("特朗普", 1000, None, 4),
        ("拜登", 1000, "nr", 5),
    ]


# --- jieba: quiet, lazy, cached in the user's cache directory -------------------------


def test_segmenting_in_a_fresh_process_prints_nothing(tmp_path):
    code = """
        import json
        from helpers import language
        tokens = language.segment("日本首相安倍晉三於同年10月25至27日回訪北京")
        text = language.pinyin("穿梭外交")
        import jieba
        with open("out.json", "w") as out:
            json.dump({"tokens": tokens, "pinyin": text, "cache": str(language.cache_dir()),
                       "jieba": jieba.__version__}, out)
    """
    for run in ("cold", "warm"):
        result = run_python(code, tmp_path)
        assert result.returncode == 0, result.stderr
        assert (result.stdout, result.stderr) == ("", ""), run
        out = json.loads((tmp_path / "cwd" / "out.json").read_text())
        assert "安倍晉三" in out["tokens"] and out["pinyin"] == "chuānsuō wàijiāo"
        (tmp_path / "cwd" / "out.json").unlink()
        # The dictionary cache is in the user cache directory, nowhere else.
        cache = Path(out["cache"])
        assert cache.name == "japan-relations-reader"
        assert [p.name for p in cache.iterdir()] == [f"jieba-{out['jieba']}.cache"]
        assert list((tmp_path / "tmp").iterdir()) == []
        assert list((tmp_path / "cwd").iterdir()) == []
    if sys.platform.startswith("linux"):
        assert cache == tmp_path / "cache" / "japan-relations-reader"


def test_importing_helpers_does_not_import_jieba(tmp_path):
    code = """
        import sys
        import helpers, helpers.language
        assert "jieba" not in sys.modules, "import helpers loaded jieba"
        assert "pypinyin" not in sys.modules, "import helpers loaded pypinyin"
        assert helpers.language._tokenizer.cache_info().currsize == 0
        helpers.language.segment("石破茂")
        assert "jieba" in sys.modules
    """
    result = run_python(code, tmp_path)
    assert result.returncode == 0, result.stderr


def test_one_tokenizer_per_process():
    assert language.tokenizer() is language.tokenizer()
    assert language.tokenizer() is not __import__("jieba").dt


# --- Stopwords -----------------------------------------------------------------------


def test_stopword_file_lists_both_scripts():
    words = set(read_stopwords())
    for traditional, simplified in [("與", "与"), ("對", "对"), ("從", "从"), ("為", "为"), ("將", "将"), ("這", "这")]:
        assert traditional in words and simplified in words
    for mark in "，。、；：「」《》“”（）":
        assert mark in words
    assert not any(line.startswith("#") for line in words)
    # Content words of the articles must never be stopwords (中 is China in 日「中」).
    assert not any(is_stopword(word) for word in ["中", "合作", "關係", "戰略", "日本", "美國"])


def test_bad_stopword_line_is_named(tmp_path):
    path = write(tmp_path, "stopwords.txt", "# comment\n的\n的 了\n")
    with pytest.raises(LanguageDataError, match=r"line 3"):
        read_stopwords(path)


@pytest.mark.parametrize("article_id", IDS)
def test_drop_stopwords_removes_exactly_the_stopwords(article_id):
    for paragraph in CORPUS[article_id].paragraphs:
        kept = token_spans(paragraph.text, drop_stopwords=True)
        everything = token_spans(paragraph.text)
        assert kept == [span for span in everything if not is_stopword(span[1])]
        assert len(kept) < len(everything)  # every paragraph has a comma, a 的 or the like


def test_stopwords_only_when_asked():
    printed = "与中亚国家建立外交关系，并向中亚国家提供经济发展援助"
    assert printed in CORPUS["central-asia-2007"].text
    sentence = "日本" + to_traditional(printed) + "。"
    assert {"與", "並", "向", "，", "。"} <= set(segment(sentence))
    dropped = segment(sentence, drop_stopwords=True)
    assert {"與", "並", "向", "，", "。"}.isdisjoint(dropped)
    assert dropped == ["日本", "中亞國家", "建立", "外交關係", "中亞國家", "提供", "經濟", "發展", "援助"]
    frame = tokens_frame(CORPUS, drop_stopwords=True)
    assert not frame.token.map(is_stopword).any()
    assert len(frame) < len(tokens_frame(CORPUS))


# --- Pinyin --------------------------------------------------------------------------


def test_pinyin_writes_words_with_tone_marks():
    assert pinyin("穿梭外交") == "chuānsuō wàijiāo"
    assert pinyin("霸權護持") == "bàquán hùchí"
    assert pinyin("「一帶一路」") == "「yīdài yīlù」"


def test_pinyin_keeps_names_of_people_whole():
    assert pinyin("安倍晉三") == "ānbèijìnsān"
    assert pinyin("石破茂") == "shípòmào"


def test_pinyin_reads_words_not_characters():
    # Characters with several readings, as they are read in words of the articles.
    assert pinyin("國家開發銀行") == "guójiā kāifā yínháng"  # 行 háng, not xíng
    assert pinyin("重啓") == "chóngqǐ"  # 重 chóng, not zhòng
    assert pinyin("長期化") == "chángqīhuà"  # 長 cháng, not zhǎng
    assert pinyin("朝鮮") == "cháoxiǎn"  # pypinyin alone says cháoxiān
    assert pinyin("亞投行") == "yàtóuháng"  # a bank: háng, not xíng
    assert pinyin("美國藉勢") == "měiguó jiè shì"  # 藉 as 借, not jí
    assert pinyin("廣泛地招攬") == "guǎngfàn de zhāolǎn"  # adverbial 地
    assert pinyin("隨著") == "suízhe"  # Taiwan's 著 for the particle 着
    assert pinyin("慰安婦") == "wèi'ānfù"  # apostrophe before a syllable in a


def test_pinyin_of_traditional_equals_simplified():
    for term in GLOSSARY.term:
        assert pinyin(to_traditional(term)) == pinyin(to_simplified(term)), term


# --- The glossary --------------------------------------------------------------------

# pinyin() follows jieba's words; where they mislead, the glossary spaces the
# syllables by meaning instead. The readings themselves are the same.
PINYIN_SPACING_DIFFERS = {
    "对等关税": "jieba's dictionary does not have 对等, so pinyin() writes duì děng",
    "朝小野大": "jieba takes 小野 (the surname Ono) as a word; the phrase is 朝/小/野/大",
    "同存共管": "the phrase is 同存/共管 (coexist, jointly manage); pinyin() cuts it 同/存/共管",
    "中日关系分值": "jieba takes 中日关系 as one word; the term is 中日/关系/分值 (China–Japan, relations, score)",
    "中國威脅論": "jieba takes 威脅論 as one word; the term is 中國/威脅/論 (China, threat, thesis), as in 'China threat thesis'",
}


def test_glossary_has_fifteen_terms_per_article():
    counts = GLOSSARY.explode("article_ids").article_ids.value_counts()
    assert set(counts.index) == set(IDS)
    assert (counts >= 15).all(), counts.to_dict()


def test_glossary_terms_occur_in_each_article_they_list():
    printed = {article.id: to_simplified("\n".join(passages(article))) for article in CORPUS}
    absent = [
        (row.term, article_id)
        for row in GLOSSARY.itertuples()
        for article_id in row.article_ids
        if to_simplified(row.term) not in printed[article_id]
    ]
    assert absent == []


def test_glossary_term_is_printed_as_given():
    # The term itself, not only its other-script form, is printed in an article it lists.
    for row in GLOSSARY.itertuples():
        listed = [text for article_id, text in ALL_PASSAGES if article_id in row.article_ids]
        assert any(row.term in text for text in listed), row.term


def test_glossary_has_the_key_concepts_of_the_issue():
    terms = {to_simplified(term) for term in GLOSSARY.term}
    wanted = "軟避險 硬避險 第三方市場合作 穿梭外交 戰略性接近 印太 同盟困境 兩難困境 戰略自主 霸權護持 觸底回暖 對衝 制衡 丝绸之路外交"
    assert [term for term in wanted.split() if to_simplified(term) not in terms] == []
    # The issue also names 价值观外交, which no article prints; central-asia-2007
    # writes 价值观导向外交 (and 价值导向外交), and that is the glossary's term.
    assert "价值观外交" not in CORPUS["central-asia-2007"].text
    assert "价值观导向外交" in terms


def test_glossary_variant_is_the_other_script():
    for row in GLOSSARY.itertuples():
        script = CORPUS[row.article_ids[0]].script
        other = to_simplified(row.term) if script == "traditional" else to_traditional(row.term)
        # 美日韓 is printed both ways; its row is written from the Traditional article.
        assert row.variant in (other, to_simplified(row.term), to_traditional(row.term)), row.term
        assert to_simplified(row.variant) == to_simplified(row.term)


def test_glossary_pinyin_agrees_with_pinyin_function():
    for row in GLOSSARY.itertuples():
        if row.term in PINYIN_SPACING_DIFFERS:
            assert row.pinyin != pinyin(row.term), f"{row.term}: no longer differs, drop it from the list"
            assert row.pinyin.replace(" ", "") == pinyin(row.term).replace(" ", ""), row.term
        else:
            assert row.pinyin == pinyin(row.term), row.term
        assert re.fullmatch(r"[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü' +0-9]+", row.pinyin), row.pinyin


def test_glossary_glosses_are_english():
    for row in GLOSSARY.itertuples():
        assert not re.search(r"[\u4e00-\u9fff]", row.gloss), row.term
        assert len(row.gloss) > 5


GOOD_HEADER = "term,variant,pinyin,gloss,article_ids\n"


@pytest.mark.parametrize(
    "row, complaint",
    [
        ("穿梭外交,穿梭外交,chuānsuō wàijiāo,shuttle diplomacy\n", "4 fields where the header has 5"),
        ("穿梭外交,穿梭外交,chuānsuō wàijiāo,,japan-korea-2024\n", "'gloss' field is empty"),
        ("穿梭外交,穿梭外交,chuānsuō wàijiāo,shuttle diplomacy,Japan Korea\n", "bad article id"),
        (
            "穿梭外交,戰略自主,chuānsuō wàijiāo,shuttle diplomacy,japan-korea-2024\n",
            "not '穿梭外交' in the other script",
        ),
    ],
)
def test_bad_glossary_row_is_named(tmp_path, row, complaint):
    path = write(tmp_path, "glossary.csv", "# a comment\n" + GOOD_HEADER + row)
    with pytest.raises(LanguageDataError, match=complaint) as error:
        load_glossary(path)
    assert f"{path}, line 3" in str(error.value)


def test_bad_glossary_header_and_duplicates_are_named(tmp_path):
    path = write(tmp_path, "glossary.csv", "term,pinyin,gloss\n")
    with pytest.raises(LanguageDataError, match="line 1: the header lacks column.s. variant, article_ids"):
        load_glossary(path)
    row = "穿梭外交,穿梭外交,chuānsuō wàijiāo,shuttle diplomacy,japan-korea-2024\n"
    path = write(tmp_path, "glossary.csv", GOOD_HEADER + row + row)
    with pytest.raises(LanguageDataError, match="already on line 2"):
        load_glossary(path)


def test_glossary_article_ids_are_catalog_ids():
    assert set(GLOSSARY.explode("article_ids").article_ids) <= set(CORPUS.ids)
