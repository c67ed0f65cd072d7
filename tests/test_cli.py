"""The command line: ``python -m helpers info|check|add|export``.

Every test works on a copy of the seeds folder in a temporary directory (the
real ``seeds/`` is never written to) and runs :func:`helpers.cli.main` in this
process, which returns the exit status; a few run ``python -m helpers`` as a
real process, to see what a teacher sees in a terminal.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from seed_info import SEED_IDS

import helpers
from helpers import cli
from helpers.analysis import export
from helpers.corpus import catalog, checks
from helpers.corpus.loading import SEEDS_DIR
from helpers.figures import load_figures
from helpers.structure import build_article
from helpers.themes import load_themes, tag_themes

DATA = Path(__file__).parent / "data"
PDF_SAMPLE = DATA / "pdf_simplified_journal.txt"
WEB_SAMPLE = DATA / "web_traditional_navigation.txt"
REPOSITORY = Path(__file__).resolve().parent.parent


# --- Helpers -------------------------------------------------------------------------------


@pytest.fixture
def run(capsys):
    """Run the command line in this process: ``run("check", ...)`` gives (status, stdout, stderr)."""

    def run_command(*args: str | Path) -> tuple[int, str, str]:
        status = cli.main([str(a) for a in args])
        out, err = capsys.readouterr()
        return status, out, err

    return run_command


def catalog_rows(folder: Path) -> list[dict[str, str]]:
    with open(folder / "catalog.csv", encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def one_line_error(err: str, *names: str) -> str:
    """Assert that stderr is one line, without a traceback, naming each of ``names``; return it."""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    for name in names:
        assert name in lines[0], (name, lines[0])
    return lines[0]


def unchanged(folder: Path, before: dict[str, bytes]) -> bool:
    """True if the folder holds exactly the files of ``before``, with the same bytes."""
    return {p.name: p.read_bytes() for p in folder.iterdir()} == before


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


# --- --help and the real process ---------------------------------------------------------------


@pytest.mark.parametrize("command", ["info", "check", "add", "export"])
def test_every_command_has_help_with_examples(run, command):
    status, out, err = run(command, "--help")
    assert status == 0 and err == ""
    assert "examples:" in out
    assert "--seeds" in out
    assert out.count(command) >= 2  # in the usage line and in the examples


def test_top_level_help_lists_the_commands(run):
    status, out, _ = run("--help")
    assert status == 0
    for command in ("info", "check", "add", "export"):
        assert command in out


def test_usage_errors_exit_with_status_2(run):
    assert run("frobnicate")[0] == 2
    assert run("export", "--format", "xlsx")[0] == 2
    status, _, err = run()
    assert status == 2 and "COMMAND" in err


def test_python_dash_m_helpers_runs_as_a_process(tmp_path):
    # The way a teacher runs it; the process's own exit status and stderr.
    missing = tmp_path / "no_such_article.txt"
    result = subprocess.run(
        [sys.executable, "-m", "helpers", "add", str(missing)],
        capture_output=True,
        text=True,
        cwd=REPOSITORY,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    line = one_line_error(result.stderr, str(missing), "does not exist")
    assert line.startswith("python -m helpers add: error:")


def test_the_console_script_is_declared():
    text = (REPOSITORY / "pyproject.toml").read_text(encoding="utf-8")
    assert "[project.scripts]" in text
    assert 'jp-readings = "helpers.cli:main"' in text


# --- info ------------------------------------------------------------------------------------


def test_info_lists_every_article_with_its_counts(run, seeds, corpus):
    status, out, err = run("info", "--seeds", seeds)
    assert status == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].split()[:8] == ["id", "year", "script", "paragraphs", "headings", "notes", "figures", "themes"]
    rows = {line.split()[0]: line.split() for line in lines[1:]}
    assert list(rows) == corpus.ids
    figures = load_figures().groupby("article_id").size()
    for article in corpus:
        _, year, script, paragraphs, headings, notes, n_figures, themes, *_ = rows[article.id]
        assert (int(year), script) == (article.year, article.script)
        assert int(paragraphs) == len(article.paragraphs)
        assert int(headings) == sum(1 for h in article.headings if h.level > 0)  # not the title
        assert int(notes) == len(article.notes)
        assert int(n_figures) == figures.get(article.id, 0)
        assert article.id not in SEED_IDS or int(n_figures) > 0  # figures are curated for every seed
        assert 1 <= int(themes) <= len(load_themes())


def test_info_frame_counts_distinct_themes(corpus):
    frame = export.info_frame(corpus).set_index("id")
    tags = tag_themes(corpus["abe-beijing-2018"])
    themes = {str(t) for t in tags.theme if str(t) != "none"}
    assert frame.loc["abe-beijing-2018", "themes"] == len(themes)
    # The Abe article is about economics above all: finance and economy are among its themes.
    assert {"finance", "economy"} <= themes


# --- check: the seeds folder ----------------------------------------------------------------------


def test_check_of_the_seeds_passes_and_describes_each_article(run, seeds, corpus):
    status, out, err = run("check", "--seeds", seeds)
    assert status == 0 and err == ""
    assert out.count("unaccounted none") == len(corpus)
    for article in corpus:
        assert f"== {article.id} ({article.source_file})" in out
        assert f"title       {article.title}" in out
    assert "  1 壹、前言   (line 3)" in out  # the Abe article's first heading, as printed on line 3
    assert "    2 （一）起步阶段（1992-1997年）   (line 111)" in out  # a level-2 heading is indented
    assert "表1 2019年日美首腦會談要點一覽" in out  # a caption
    assert out.rstrip().splitlines()[-1].startswith(f"checked {len(corpus)} text(s): 0 error(s)")


def test_check_reports_the_markers_whose_notes_are_missing(run, seeds):
    # The Central Asia article cites [1]…[10] but its reference list was not extracted.
    status, out, _ = run("check", "--seeds", seeds, "--quiet")
    assert status == 0
    assert "warning 15 markers without a note" in out
    assert "[1] in p001 (line 14)" in out


def test_check_quiet_prints_only_problems(run, seeds):
    status, out, _ = run("check", "--seeds", seeds, "--quiet")
    assert status == 0
    assert "title " not in out and "abe-beijing-2018" not in out  # no warnings there


def test_check_with_a_broken_catalog_fails_with_one_line(run, seeds):
    rows = catalog_rows(seeds)
    columns = [c for c in rows[0] if c != "script"]
    with open(seeds / "catalog.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    status, out, err = run("check", "--seeds", seeds)
    assert status == 1
    one_line_error(err, "catalog.csv", "script")
    assert "0 error" not in out


def test_check_reports_a_bad_file_and_still_checks_the_others(run, seeds, corpus):
    (seeds / "003_83a792fe77ea19c8.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    status, out, err = run("check", "--seeds", seeds)
    assert status == 1
    one_line_error(err, "003_83a792fe77ea19c8.txt", "not a text file")
    assert out.count("unaccounted none") == len(corpus) - 1
    assert "ERROR" in out


def test_check_warns_about_a_file_the_catalog_does_not_list(run, seeds):
    shutil.copyfile(PDF_SAMPLE, seeds / "forgotten.txt")
    status, out, _ = run("check", "--seeds", seeds, "--quiet")
    assert status == 0
    assert "forgotten.txt is not in catalog.csv" in out


def test_check_warns_when_the_catalog_names_the_wrong_script(run, seeds):
    rows = catalog_rows(seeds)
    rows[0]["script"] = "simplified"  # the Abe article is Traditional
    with open(seeds / "catalog.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    status, out, _ = run("check", "--seeds", seeds, "--quiet")
    assert status == 0
    assert "the catalog says simplified, but the text reads as traditional" in out


def test_characters_lost_by_the_cleaner_fail_the_check(run, monkeypatch):
    monkeypatch.setattr(checks, "unaccounted", lambda article: ["line 3: Han characters not accounted for: '正文'"])
    status, out, err = run("check", PDF_SAMPLE)
    assert status == 1
    assert "ERROR   characters not accounted for: line 3" in out
    one_line_error(err, "line 3")


# --- check: warnings on given files ----------------------------------------------------------------


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def warnings_of(run, path: Path) -> list[str]:
    status, out, err = run("check", path)
    assert status == 0 and err == ""  # warnings never fail the check
    return [line for line in out.splitlines() if line.startswith("warning ")]


def test_check_warns_about_a_very_long_paragraph(run, tmp_path):
    long = "日本與韓國的關係在這幾年來有了很大的變化，" * 60 + "兩國的合作值得觀察。"
    path = write(tmp_path, "long.txt", "日韓關係\n\n第一段很短。\n\n" + long + "\n")
    (warning,) = warnings_of(run, path)
    assert f"long:p002, line 5: {len(long):,} characters long" in warning
    assert "paragraph_breaks.csv" in warning


def test_check_warns_about_an_unrecognised_heading(run, tmp_path):
    text = "日韓關係\n\n一、前言\n\n兩國關係近年改善，值得注意。\n\n第二部分　美國的角色\n美國在日韓之間扮演的角色，一直受到學界的關注與討論。\n"
    path = write(tmp_path, "heading.txt", text)
    (warning,) = warnings_of(run, path)
    assert "heading:p002, line 7: '第二部分 美國的角色' looks like a heading that was not recognised" in warning


def test_check_reports_the_running_heads_it_removed(run):
    status, out, _ = run("check", PDF_SAMPLE)
    assert status == 0
    assert "2 lines, 27, 59: a running head repeated at the top or foot of each page" in out
    assert not [line for line in out.splitlines() if line.startswith("warning ")]


def test_check_warns_about_furniture_the_cleaner_cannot_see(run, tmp_path):
    # A share line removed on its own line, but glued to the end of a paragraph it stays: warn.
    text = "日本外交的新方向\n\n首頁 > 國際 > 亞太評論\n\n日本外交近年有新的方向，值得持續關注。分享到：Facebook\n"
    warnings = "\n".join(warnings_of(run, write(tmp_path, "glued.txt", text)))
    assert "web-page furniture kept as text" in warnings
    status, out, _ = run("check", write(tmp_path, "glued.txt", text))
    assert "web page navigation, sharing or printing links" in out  # the breadcrumb line was removed


def test_web_sample_has_no_furniture_left(run):
    assert not [w for w in warnings_of(run, WEB_SAMPLE) if "furniture" in w or "look like names" in w]


def test_check_warns_about_a_marker_without_a_note_and_a_note_without_a_marker(run, tmp_path):
    text = "日韓關係\n\n兩國關係近年改善①，值得注意。\n\n② 外務省：《外交藍皮書》，2023年。\n"
    warnings = warnings_of(run, write(tmp_path, "notes.txt", text))
    assert any("1 marker without a note" in w and "① in p001 (line 3)" in w for w in warnings)
    assert any("note ② (line 5) has no marker in the text: '外務省：《外交藍皮書》，2023年。'" in w for w in warnings)


def test_a_note_on_the_title_is_not_a_note_without_a_marker(run, tmp_path):
    # china-japan-2025's title carries a \* whose note (the grant) is printed under it.
    text = "日韓關係的新起點①\n\n① 本文為研究計畫的部分成果。\n\n兩國關係近年改善，值得注意。\n"
    article = build_article(text, "demo")
    assert [n.para_id for n in article.notes] == [""]
    assert checks.notes_without_marker(article) == []


def test_check_warns_about_a_paragraph_in_the_other_script(run, tmp_path):
    traditional = "日本與韓國的關係在這幾年來有了很大的變化，兩國領導人多次會談。"
    simplified = "中方认为，日韩关系的改善有利于地区稳定，但不应针对第三方，这是我们的一贯立场。"
    text = f"日韓關係\n\n{traditional}\n\n{simplified}\n\n{traditional}\n"
    (warning,) = warnings_of(run, write(tmp_path, "mixed.txt", text))
    assert "mixed:p002, line 5: reads as simplified, but the article is traditional" in warning


def test_the_seeds_give_no_false_alarms(corpus):
    # Each seed was read by hand: no paragraph is in the other script, none runs
    # two together, and no heading was missed, so none of these may fire.
    for article in (corpus[article_id] for article_id in SEED_IDS):
        assert checks.long_paragraphs(article) == []
        assert checks.heading_like_lines(article) == []
        assert checks.other_script_paragraphs(article) == []
        assert checks.furniture_in_text(article) == []
        assert checks.odd_authors(article) == []
        assert checks.notes_without_marker(article) == []


# --- add -----------------------------------------------------------------------------------------


def test_add_copies_the_file_and_appends_a_filled_row(run, seeds):
    before = (seeds / "catalog.csv").read_bytes()
    status, out, err = run("add", PDF_SAMPLE, "--seeds", seeds, "--yes", "--source", "《东北亚论坛》2019年第4期")
    assert status == 0, err
    assert err == ""
    copy = seeds / PDF_SAMPLE.name
    assert copy.read_bytes() == PDF_SAMPLE.read_bytes()
    after = (seeds / "catalog.csv").read_bytes()
    assert after.startswith(before)  # the existing rows are untouched
    rows = catalog_rows(seeds)
    assert list(rows[0]) == list(catalog_rows(seeds)[-1])  # same columns
    row = rows[-1]
    assert row["id"] == "pdf-simplified-journal"
    assert row["file"] == PDF_SAMPLE.name
    assert row["title"] == "日本对东南亚基础设施外交的演变与特点"
    assert row["title_supplied"] == "false"
    assert row["authors"] == "李明远"
    assert row["year"] == "2019"  # the latest year the text mentions (G20 Osaka summit)
    assert row["year_basis"].startswith("latest year mentioned")
    assert row["script"] == "simplified"
    assert row["format"] == "pdf-text"
    assert row["source"] == "《东北亚论坛》2019年第4期"
    assert row["perspective"] == row["genre"] == row["title_en"] == ""
    corpus = helpers.load_corpus(seeds)
    assert corpus.ids[-1] == "pdf-simplified-journal" and len(corpus) == len(catalog_rows(SEEDS_DIR)) + 1
    assert "unaccounted none" in out and "Added pdf-simplified-journal" in out


def test_add_reads_the_year_and_authors_given(run, seeds):
    status, _, err = run(
        "add",
        WEB_SAMPLE,
        "--seeds",
        seeds,
        "--yes",
        "--id",
        "japan-asean-2022",
        "--authors",
        "陳思齊",
        "--year",
        "2022",
        "--year-basis",
        "publication (dateline)",
    )
    assert status == 0, err
    row = catalog_rows(seeds)[-1]
    assert (row["id"], row["authors"], row["year"], row["year_basis"]) == (
        "japan-asean-2022",
        "陳思齊",
        "2022",
        "publication (dateline)",
    )
    assert row["format"] == "web-page" and row["script"] == "traditional"
    assert helpers.load_corpus(seeds)["japan-asean-2022"].authors == ("陳思齊",)


def test_add_takes_the_year_from_the_dateline(run, seeds):
    status, out, _ = run("add", WEB_SAMPLE, "--seeds", seeds, "--dry-run")
    assert status == 0
    assert "year            2022" in out
    assert "date on the page (2022-09-30" in out


def test_a_supplied_title_is_marked_as_supplied(run, seeds, tmp_path):
    text = "兩國關係近年改善，值得注意。日本與韓國的領導人多次會談。\n"
    path = write(tmp_path, "untitled.txt", text)
    status, _, err = run("add", path, "--seeds", seeds, "--yes", "--title", "日韓關係的改善")
    assert status == 0, err
    row = catalog_rows(seeds)[-1]
    assert row["title"] == "日韓關係的改善" and row["title_supplied"] == "true"


def test_add_dry_run_writes_nothing(run, seeds):
    before = snapshot(seeds)
    status, out, _ = run("add", PDF_SAMPLE, "--seeds", seeds, "--dry-run")
    assert status == 0
    assert "Dry run: nothing was written." in out
    assert unchanged(seeds, before)


def test_add_without_yes_and_without_a_terminal_writes_nothing(run, seeds):
    before = snapshot(seeds)
    status, out, err = run("add", PDF_SAMPLE, "--seeds", seeds)
    assert status == 2
    one_line_error(err, str(PDF_SAMPLE), "--yes")
    assert "Proposed row" in out  # the proposal is still shown
    assert unchanged(seeds, before)


@pytest.mark.parametrize("answer, added", [("y", True), ("", False), ("no", False)])
def test_add_asks_on_a_terminal(run, seeds, monkeypatch, answer, added):
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr("builtins.input", lambda prompt: answer)
    status, _, _ = run("add", PDF_SAMPLE, "--seeds", seeds)
    assert status == 0
    assert (seeds / PDF_SAMPLE.name).exists() == added
    assert (catalog_rows(seeds)[-1]["file"] == PDF_SAMPLE.name) == added


def test_add_catalogues_a_file_already_in_the_seeds_folder(run, seeds):
    shutil.copyfile(PDF_SAMPLE, seeds / "005_journal.txt")
    files = sorted(p.name for p in seeds.iterdir())
    status, _, err = run("add", seeds / "005_journal.txt", "--seeds", seeds, "--yes")
    assert status == 0, err
    assert catalog_rows(seeds)[-1]["file"] == "005_journal.txt"
    assert sorted(p.name for p in seeds.iterdir()) == files  # catalogued where it is, not copied


def test_add_keeps_the_catalogs_line_endings_and_byte_order_mark(run, seeds):
    text = (seeds / "catalog.csv").read_text(encoding="utf-8")
    (seeds / "catalog.csv").write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    status, _, err = run("add", PDF_SAMPLE, "--seeds", seeds, "--yes")
    assert status == 0, err
    data = (seeds / "catalog.csv").read_bytes()
    assert data.count(b"\xef\xbb\xbf") == 1
    assert data.count(b"\r\n") == len(catalog_rows(seeds)) + 1 and b"\n" not in data.replace(b"\r\n", b"")
    assert helpers.load_corpus(seeds).ids[-1] == "pdf-simplified-journal"


# --- add: refusals (robustness) -------------------------------------------------------------------


def refused(run, seeds, path, *options, status=1, names=()) -> str:
    """Run add, check it refused with one line naming the file, and wrote nothing."""
    before = snapshot(seeds)
    code, _, err = run("add", path, "--seeds", seeds, "--yes", *options)
    assert code == status
    line = one_line_error(err, str(path), *names)
    assert unchanged(seeds, before)
    return line


def test_add_refuses_a_missing_file(run, seeds, tmp_path):
    refused(run, seeds, tmp_path / "nowhere.txt", names=["does not exist"])


def test_add_refuses_a_binary_file(run, seeds, tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    refused(run, seeds, path, names=["not a text file", "NUL byte at offset 8"])


def test_add_refuses_an_undecodable_file(run, seeds, tmp_path):
    path = tmp_path / "damaged.txt"
    path.write_bytes("日本的外交".encode("gb18030") + b"\xff" + "政策".encode("gb18030"))
    refused(run, seeds, path, names=["cannot be decoded", "offset 10"])


def test_add_refuses_an_empty_file(run, seeds, tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"\r\n  \r\n")
    refused(run, seeds, path, names=["only white space"])


def test_add_refuses_a_duplicate_even_in_another_encoding(run, seeds, tmp_path):
    # The Central Asia article, saved as GB18030 with Windows line endings under another name.
    text = (seeds / "003_83a792fe77ea19c8.txt").read_text(encoding="utf-8")
    path = tmp_path / "central_asia_again.txt"
    path.write_bytes(text.replace("\n", "\r\n").encode("gb18030"))
    refused(run, seeds, path, names=["same text", "003_83a792fe77ea19c8.txt", "central-asia-2007"])


def test_add_refuses_a_text_already_added(run, seeds):
    assert run("add", PDF_SAMPLE, "--seeds", seeds, "--yes")[0] == 0
    refused(run, seeds, PDF_SAMPLE, "--name", "another_name.txt", names=["same text", "pdf-simplified-journal"])


def test_add_never_overwrites_an_existing_seed(run, seeds, tmp_path):
    # A different text that happens to have the name of an existing seed file.
    folder = tmp_path / "downloads"
    folder.mkdir()
    path = folder / "000_bf8b110aeab39b69.txt"
    shutil.copyfile(PDF_SAMPLE, path)
    line = refused(run, seeds, path, names=["already exists", "never overwritten", "--name"])
    assert str(seeds / "000_bf8b110aeab39b69.txt") in line
    # With another name it goes in.
    assert run("add", path, "--seeds", seeds, "--yes", "--name", "005_journal.txt")[0] == 0


def test_add_refuses_an_id_already_in_the_catalog(run, seeds):
    refused(run, seeds, PDF_SAMPLE, "--id", "abe-beijing-2018", names=["'abe-beijing-2018'", "already"])


@pytest.mark.parametrize(
    "option, value, expected",
    [
        ("--id", "Japan ASEAN", "lower-case slug"),
        ("--year", "2019年", "four digits"),
        ("--name", "../escape.txt", "plain file name"),
        ("--name", "catalog.csv", "plain file name"),
    ],
)
def test_add_refuses_bad_values(run, seeds, option, value, expected):
    refused(run, seeds, PDF_SAMPLE, option, value, names=[expected])


def test_add_refuses_a_file_already_in_the_catalog(run, seeds):
    refused(run, seeds, seeds / "000_bf8b110aeab39b69.txt", names=["already in the catalog", "abe-beijing-2018"])


def test_add_to_a_folder_without_a_catalog(run, tmp_path):
    folder = tmp_path / "empty_seeds"
    folder.mkdir()
    status, _, err = run("add", PDF_SAMPLE, "--seeds", folder, "--yes")
    assert status == 1
    one_line_error(err, "catalog.csv", "does not exist")


def test_a_row_that_does_not_load_is_taken_back(seeds, monkeypatch):
    # If appending the row leaves a catalog that does not load, nothing stays behind.
    proposal = catalog.propose(PDF_SAMPLE, seeds)
    before = snapshot(seeds)
    proposal.row["script"] = "klingon"
    with pytest.raises(helpers.CatalogError, match="script must be one of"):
        catalog.add_to_seeds(proposal, seeds)
    assert unchanged(seeds, before)


# --- export ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def csv_export(tmp_path_factory, seeds_dir) -> Path:
    out = tmp_path_factory.mktemp("export")
    assert cli.main(["export", "--seeds", str(seeds_dir), "--out", str(out), "--quiet"]) == 0
    return out


def read_csv(folder: Path, table: str) -> pd.DataFrame:
    return pd.read_csv(folder / f"{table}.csv", encoding="utf-8-sig", keep_default_na=False)


def test_export_writes_every_table(csv_export):
    assert sorted(p.name for p in csv_export.iterdir()) == sorted(f"{t}.csv" for t in export.TABLES)


@pytest.mark.parametrize("table", export.TABLES)
def test_every_exported_row_keeps_its_article_id(csv_export, corpus, table):
    frame = read_csv(csv_export, table)
    assert len(frame) > 0
    assert frame.columns[0] == "article_id"
    assert set(frame.article_id) <= set(corpus.ids)


@pytest.mark.parametrize("table", ["paragraphs", "notes", "tokens", "themes", "quantities", "figures", "timeline"])
def test_exported_paragraph_ids_are_real(csv_export, corpus, table):
    frame = read_csv(csv_export, table)
    known = {p.id for a in corpus for p in a.paragraphs} | {t.id for a in corpus for t in a.tables}
    ids = set(frame.para_id) - {""}  # a note on a title has no paragraph
    assert ids and ids <= known
    assert all(pid.split(":")[0] == aid for aid, pid in zip(frame.article_id, frame.para_id) if pid)


def test_exported_paragraphs_are_the_cleaned_paragraphs(csv_export, corpus):
    frame = read_csv(csv_export, "paragraphs")
    assert frame.text.tolist() == [p.text for a in corpus for p in a.paragraphs]
    abe = frame[frame.para_id == "abe-beijing-2018:p001"].iloc[0]
    assert abe.section == "壹、前言" and abe.number == 1
    assert abe.text.startswith("中國大陸(以下簡稱大陸)與日本自2014年11月")


def test_exported_tokens_rebuild_the_paragraphs(csv_export, corpus):
    tokens = read_csv(csv_export, "tokens")
    paragraph = corpus.paragraph("central-asia-2007:p001")
    rows = tokens[tokens.para_id == paragraph.id]
    for position, token in zip(rows.position, rows.token):
        assert paragraph.text[position : position + len(str(token))] == str(token)
    assert "".join(rows.token.astype(str)) == "".join(paragraph.text.split())


def test_exported_csv_is_excel_friendly(csv_export):
    data = (csv_export / "articles.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfarticle_id,")
    assert "日相安倍晉三".encode() in data


def test_export_jsonl_of_chosen_tables(run, seeds_dir, tmp_path, corpus):
    status, out, err = run(
        "export", "--seeds", seeds_dir, "--out", tmp_path, "--format", "jsonl", "--tables", "paragraphs,notes"
    )
    assert status == 0
    assert err == ""  # no progress bar when stderr is not a terminal
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.jsonl", "paragraphs.jsonl"]
    notes = pd.read_json(tmp_path / "notes.jsonl", lines=True)
    assert len(notes) == sum(len(a.notes) for a in corpus)
    assert f"paragraphs.jsonl  {sum(len(a.paragraphs) for a in corpus)} rows" in out


def test_export_txt_writes_one_cleaned_text_per_article(run, seeds_dir, tmp_path, corpus):
    status, _, _ = run("export", "--seeds", seeds_dir, "--out", tmp_path, "--format", "txt")
    assert status == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{i}.txt" for i in corpus.ids)
    text = (tmp_path / "central-asia-2007.txt").read_text(encoding="utf-8")
    assert text.startswith("# 日本的中亚政策及中国的应对策略")
    assert "\n## 一、中亚在日本对外政策中的地位\n" in text
    again = build_article(text, "central-asia-2007")
    assert [p.text for p in again.paragraphs] == [p.text for p in corpus["central-asia-2007"].paragraphs]


def test_export_parquet_without_pyarrow_says_so(run, seeds_dir, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # makes `import pyarrow` fail
    out = tmp_path / "out"
    status, _, err = run("export", "--seeds", seeds_dir, "--out", out, "--format", "parquet")
    assert status == 2
    one_line_error(err, "pyarrow", "pip install pyarrow")
    assert not out.exists()


def test_export_refuses_an_unknown_table(run, seeds_dir, tmp_path):
    status, _, err = run("export", "--seeds", seeds_dir, "--out", tmp_path, "--tables", "paragraphs,words")
    assert status == 2
    one_line_error(err, "words", "paragraphs")


def test_export_will_not_write_into_the_seeds_folder(run, seeds):
    before = snapshot(seeds)
    status, _, err = run("export", "--seeds", seeds, "--out", seeds / "export")
    assert status == 2
    one_line_error(err, "seeds folder")
    assert unchanged(seeds, before)


def test_export_of_a_broken_corpus_names_the_file(run, seeds, tmp_path):
    (seeds / "000_bf8b110aeab39b69.txt").write_bytes(b"")
    status, _, err = run("export", "--seeds", seeds, "--out", tmp_path / "out")
    assert status == 1
    one_line_error(err, "000_bf8b110aeab39b69.txt", "empty")
