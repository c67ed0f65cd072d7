"""Bad input: every problem gets its own error, and the message says where and what.

Each test builds a small seeds folder in a temporary directory, from copies of
the real seed files and a catalog written for the test, and loads it the way a
teacher's edited folder would be loaded. The real ``seeds/`` is never touched.
"""

from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import pytest

import helpers
from helpers import (
    BinaryFileError,
    CatalogError,
    CorpusError,
    DecodingError,
    DuplicateIdError,
    EmptyFileError,
    MissingColumnError,
    MissingFileError,
)
from helpers.loading import read_paragraph_corrections

ABE = "abe-beijing-2018"  # Traditional; the only seed whose every character exists in Big5
CENTRAL_ASIA = "central-asia-2007"  # Simplified, the script GB18030 was made for
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"


# --- Building temporary seed folders ----------------------------------------------------


def catalog_rows(seeds_dir: Path) -> list[dict[str, str]]:
    """The real catalog's rows, as dicts keyed by column name."""
    with open(seeds_dir / "catalog.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def row_for(seeds_dir: Path, article_id: str) -> dict[str, str]:
    return next(row for row in catalog_rows(seeds_dir) if row["id"] == article_id)


def write_catalog(folder: Path, rows: list[dict[str, str]], columns: list[str] | None = None) -> Path:
    """Write ``rows`` as ``folder/catalog.csv`` (with only ``columns``, if given)."""
    columns = columns or list(rows[0])
    path = folder / "catalog.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def make_seeds(tmp_path: Path, seeds_dir: Path, rows: list[dict[str, str]], columns: list[str] | None = None) -> Path:
    """A seeds folder holding ``rows`` as its catalog and a copy of each real file they name."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    for row in rows:
        source = seeds_dir / row["file"]
        if source.is_file():
            shutil.copyfile(source, folder / row["file"])
    write_catalog(folder, rows, columns)
    return folder


def one_file_folder(tmp_path: Path, seeds_dir: Path, article_id: str, data: bytes, **changes: str) -> Path:
    """A seeds folder with one catalog row, whose file holds ``data``."""
    row = {**row_for(seeds_dir, article_id), **changes}
    folder = make_seeds(tmp_path, seeds_dir, [row])
    (folder / row["file"]).write_bytes(data)
    return folder


def paragraph_texts(article: helpers.Article) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(p.id, p.text, p.section) for p in article.paragraphs]


# --- The catalog ----------------------------------------------------------------------------


def test_catalog_row_whose_file_is_missing_names_the_row(tmp_path, seeds_dir):
    rows = [row_for(seeds_dir, ABE), {**row_for(seeds_dir, CENTRAL_ASIA), "file": "no_such_file.txt"}]
    folder = make_seeds(tmp_path, seeds_dir, rows)
    with pytest.raises(MissingFileError) as error:
        helpers.load_corpus(folder)
    message = str(error.value)
    # Row 1 of the CSV is the header, so the second article is on row 3.
    assert "catalog.csv, row 3" in message
    assert "no_such_file.txt" in message and "does not exist" in message


def test_duplicate_id_names_both_rows(tmp_path, seeds_dir):
    abe = row_for(seeds_dir, ABE)
    rows = [abe, {**row_for(seeds_dir, CENTRAL_ASIA), "id": ABE}]
    folder = make_seeds(tmp_path, seeds_dir, rows)
    with pytest.raises(DuplicateIdError) as error:
        helpers.load_corpus(folder)
    message = str(error.value)
    assert "row 3" in message and "row 2" in message
    assert repr(ABE) in message


@pytest.mark.parametrize("column", ["id", "file", "script", "year"])
def test_missing_required_column_is_named(tmp_path, seeds_dir, column):
    rows = catalog_rows(seeds_dir)
    columns = [c for c in rows[0] if c != column]
    folder = make_seeds(tmp_path, seeds_dir, rows, columns)
    with pytest.raises(MissingColumnError) as error:
        helpers.load_corpus(folder)
    assert "catalog.csv" in str(error.value)
    assert column in error.value.problem


@pytest.mark.parametrize(
    "column, value, expected",
    [
        ("year", "2018年", "year must be four digits"),
        ("year", "18", "year must be four digits"),
        ("year", "2018.0", "year must be four digits"),  # what a spreadsheet may save
        ("script", "Traditional Chinese", "script must be one of"),
        ("script", "繁體", "script must be one of"),
        ("id", "Abe Beijing 2018", "must be a lower-case slug"),
        ("file", "  ", "'file' column is empty"),
    ],
)
def test_malformed_catalog_value_names_the_row_and_the_value(tmp_path, seeds_dir, column, value, expected):
    rows = catalog_rows(seeds_dir)
    rows[1] = {**rows[1], column: value}
    folder = make_seeds(tmp_path, seeds_dir, rows)
    with pytest.raises(CatalogError) as error:
        helpers.load_corpus(folder)
    message = str(error.value)
    assert "catalog.csv, row 3" in message
    assert expected in message
    if value.strip():
        assert repr(value) in message


def test_row_with_too_few_fields_names_the_row(tmp_path, seeds_dir):
    folder = make_seeds(tmp_path, seeds_dir, [row_for(seeds_dir, ABE)])
    with open(folder / "catalog.csv", "a", encoding="utf-8") as handle:
        handle.write("central-asia-2007,003_83a792fe77ea19c8.txt\n")
    with pytest.raises(CatalogError, match=r"catalog\.csv, row 3: .*number of fields"):
        helpers.load_corpus(folder)


def test_missing_catalog_and_missing_folder(tmp_path):
    with pytest.raises(MissingFileError, match=r"catalog\.csv: the catalog does not exist"):
        helpers.load_corpus(tmp_path)
    with pytest.raises(MissingFileError, match="the seeds folder does not exist"):
        helpers.load_corpus(tmp_path / "nowhere")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "big5"])
def test_catalog_saved_by_a_spreadsheet_still_loads(tmp_path, seeds_dir, encoding):
    # Excel saves CSV with a byte-order mark and CRLF line ends, or in the system's
    # Chinese code page; the header must still read "id", not "\ufeffid".
    row = row_for(seeds_dir, ABE)
    folder = make_seeds(tmp_path, seeds_dir, [row])
    text = (folder / "catalog.csv").read_text(encoding="utf-8")
    text = text.replace("Japan–'China'", "Japan-'China'")  # the en dash is not in Big5
    (folder / "catalog.csv").write_bytes(text.replace("\r\n", "\n").replace("\n", "\r\n").encode(encoding))
    corpus = helpers.load_corpus(folder)
    assert corpus.ids == [ABE]
    assert corpus[ABE].title == row["title"]
    assert corpus.catalog.columns[0] == "id"


def test_bad_paragraph_correction_names_the_row(tmp_path):
    path = tmp_path / "paragraph_breaks.csv"
    path.write_text(
        "# a comment line\nfile,line,action,reason\nx.txt,12,break,ok\nx.txt,13,split,typo\n", encoding="utf-8"
    )
    with pytest.raises(
        CatalogError, match=r"paragraph_breaks\.csv, line 4: action must be 'break' or 'join', not 'split'"
    ):
        read_paragraph_corrections(path)
    path.write_text("file,line,action,reason\nx.txt,twelve,break,ok\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"line 2: line must be a number, not 'twelve'"):
        read_paragraph_corrections(path)


# --- The text files -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"", "the file is empty (0 bytes)"),
        (b"\n\n  \r\n", "only white space"),
        ("\u3000\u3000\n".encode("utf-8"), "only white space"),
        (b"\xef\xbb\xbf\n", "only white space"),  # a byte-order mark and nothing else
    ],
)
def test_empty_file(tmp_path, seeds_dir, data, expected):
    folder = one_file_folder(tmp_path, seeds_dir, ABE, data)
    with pytest.raises(EmptyFileError) as error:
        helpers.load_corpus(folder)
    assert str(error.value).startswith(str(folder / row_for(seeds_dir, ABE)["file"]))
    assert expected in str(error.value)


def test_binary_file_names_the_first_nul_byte(tmp_path, seeds_dir):
    folder = one_file_folder(tmp_path, seeds_dir, ABE, PNG_HEADER)
    with pytest.raises(BinaryFileError) as error:
        helpers.load_corpus(folder)
    assert row_for(seeds_dir, ABE)["file"] in str(error.value)
    assert "not a text file" in str(error.value)
    assert "offset 8" in str(error.value)  # the PNG signature is 8 bytes long


@pytest.mark.parametrize(
    "article_id, encoding",
    [(CENTRAL_ASIA, "gb18030"), ("china-japan-2025", "gb18030"), ("japan-korea-2024", "gb18030"), (ABE, "big5")],
)
def test_gb18030_and_big5_files_give_the_same_article(tmp_path, seeds_dir, corpus, article_id, encoding):
    original = corpus[article_id]
    raw_text = (seeds_dir / original.source_file).read_text(encoding="utf-8")
    folder = one_file_folder(tmp_path, seeds_dir, article_id, raw_text.encode(encoding))
    article = helpers.load_corpus(folder)[article_id]
    assert original.encoding == "utf-8"
    assert article.encoding == encoding
    assert article.raw == original.raw
    assert paragraph_texts(article) == paragraph_texts(original)
    assert [n.text for n in article.notes] == [n.text for n in original.notes]


def test_big5_is_not_mistaken_for_gb18030(tmp_path):
    # Both codecs accept most Big5 bytes, so the choice rests on which result reads as Chinese.
    path = tmp_path / "short.txt"
    path.write_bytes("日本與中國的關係\n\n雙方同意加強經濟合作。".encode("big5"))
    article = helpers.load_article(path)
    assert article.encoding == "big5"
    assert article.title == "日本與中國的關係"


def test_undecodable_bytes_name_the_offset(tmp_path, seeds_dir):
    # A GB18030 file damaged after its first 1000 characters: the error points at
    # the damage, not at the first Chinese character (where UTF-8 gives up).
    text = (seeds_dir / row_for(seeds_dir, CENTRAL_ASIA)["file"]).read_text(encoding="utf-8")
    head = text[:1000].encode("gb18030")
    folder = one_file_folder(tmp_path, seeds_dir, CENTRAL_ASIA, head + b"\xff\xfe" + text[1000:].encode("gb18030"))
    with pytest.raises(DecodingError) as error:
        helpers.load_corpus(folder)
    message = str(error.value)
    assert row_for(seeds_dir, CENTRAL_ASIA)["file"] in message
    assert f"offset {len(head)}" in message
    assert "gb18030" in message


def test_damaged_utf8_names_the_offset(tmp_path, seeds_dir):
    data = (seeds_dir / row_for(seeds_dir, ABE)["file"]).read_bytes()
    cut = data.index("貳、".encode())  # the second section heading: a character boundary
    folder = one_file_folder(tmp_path, seeds_dir, ABE, data[:cut] + b"\x80" + data[cut:])
    with pytest.raises(DecodingError, match=rf"reads furthest as utf-8, up to the bad byte b'\\x80' at offset {cut}\)"):
        helpers.load_corpus(folder)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_byte_order_mark_is_accepted_and_not_in_the_title(tmp_path, seeds_dir, corpus, encoding):
    original = corpus[ABE]
    raw_text = (seeds_dir / original.source_file).read_text(encoding="utf-8")
    # An empty title in the catalog means "take the title from the text".
    folder = one_file_folder(tmp_path, seeds_dir, ABE, raw_text.encode(encoding), title="")
    article = helpers.load_corpus(folder)[ABE]
    assert article.encoding == encoding
    assert article.title == "日相安倍晉三訪問中國大陸與今後日「中」關係走向評析"
    assert "\ufeff" not in article.raw
    assert paragraph_texts(article) == paragraph_texts(original)


def test_every_error_is_a_corpus_error():
    for error in (
        CatalogError,
        MissingColumnError,
        DuplicateIdError,
        MissingFileError,
        EmptyFileError,
        BinaryFileError,
        DecodingError,
    ):
        assert issubclass(error, CorpusError)


# --- The seeds folder is only read -----------------------------------------------------------


def snapshot(folder: Path) -> dict[str, tuple[int, int, str]]:
    """Every file and folder under ``folder``: size, modification time and (for files) SHA-256."""
    state = {".": (0, folder.stat().st_mtime_ns, "")}
    for path in sorted(folder.rglob("*")):
        stat = path.stat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
        state[str(path.relative_to(folder))] = (stat.st_size if path.is_file() else 0, stat.st_mtime_ns, digest)
    return state


def test_loading_never_writes_to_the_seeds_folder(tmp_path, seeds_dir):
    folder = make_seeds(tmp_path, seeds_dir, catalog_rows(seeds_dir))
    before = snapshot(tmp_path)
    helpers.loading._load_corpus_cached.cache_clear()
    corpus = helpers.load_corpus(folder)
    for article in corpus:
        article.text, corpus.paragraphs_frame()
    assert len(corpus) == len(catalog_rows(seeds_dir))
    assert snapshot(tmp_path) == before
