"""The one table of contents (notebooks/toc.toml) and every place that lists the notebooks.

The README's table, 00's reading order and each notebook's Previous/Next cell
are read back as links and compared with the file (the website's home page and
sidebar are checked in tests/test_site.py); scripts/toc.py must find nothing to
rewrite, and running it on a copy twice must change nothing the second time.
"""

from __future__ import annotations

import doctest
import re
import shutil
from pathlib import Path

import nbformat
import pytest
from script_module import load_script

ROOT = Path(__file__).resolve().parent.parent
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


toc_script = load_script("toc")
TOC = toc_script.load_toc()
FILES = [entry.file for entry in TOC.entries]


def test_the_toc_script_examples_pass():
    failures, attempted = doctest.testmod(toc_script)
    assert attempted > 0 and failures == 0


def test_every_numbered_notebook_is_in_the_toc_once():
    on_disk = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb") if re.match(r"\d\d_", p.name))
    assert sorted(FILES) == on_disk
    assert sorted(FILES) == FILES, "the reading order follows the numbers in the file names"


def test_nothing_is_out_of_date():
    stale = toc_script.apply(TOC, write=False)
    assert stale == [], f"run `python scripts/toc.py`: {[str(p.relative_to(ROOT)) for p in stale]}"


def test_the_readme_table_lists_the_toc():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = toc_script.BLOCK.search(readme).group()
    assert LINK.findall(block) == [f"notebooks/{f}" for f in FILES]
    for entry in TOC.entries:
        assert entry.summary in block


def test_the_first_notebook_lists_the_reading_order():
    nb = nbformat.read(ROOT / "notebooks" / FILES[0], as_version=4)
    blocks = [m.group() for c in nb.cells if c.cell_type == "markdown" for m in toc_script.BLOCK.finditer(c.source)]
    assert len(blocks) == 1
    assert LINK.findall(blocks[0]) == FILES[1:]


@pytest.mark.parametrize("file", FILES)
def test_each_notebook_ends_with_its_neighbours(file):
    nb = nbformat.read(ROOT / "notebooks" / file, as_version=4)
    last = nb.cells[-1]
    assert toc_script.NAV_TAG in last.metadata.get("tags", [])
    position = FILES.index(file)
    expected = FILES[max(position - 1, 0) : position] + FILES[position + 1 : position + 2]
    links = LINK.findall(last.source)
    assert links[: len(expected)] == expected
    assert set(links) <= set(FILES)
    # No hand-written Previous/Next line is left in the prose.
    for cell in nb.cells[:-1]:
        assert not toc_script.OLD_NAV_LINE.search(cell.source), f"{file}: old navigation line left in a cell"


def test_rewriting_is_idempotent_and_follows_an_edit(tmp_path):
    copy = tmp_path / "repo"
    (copy / "notebooks").mkdir(parents=True)
    shutil.copy2(ROOT / "README.md", copy / "README.md")
    for file in FILES:
        shutil.copy2(ROOT / "notebooks" / file, copy / "notebooks" / file)
    text = (ROOT / "notebooks" / "toc.toml").read_text(encoding="utf-8")
    # A teacher swaps two notebooks' titles: every listing follows.
    edited = text.replace('title = "01 Reading the sources"', 'title = "01 Reading the raw sources"')
    assert edited != text
    (copy / "notebooks" / "toc.toml").write_text(edited, encoding="utf-8")
    toc = toc_script.load_toc(copy / "notebooks" / "toc.toml")
    changed = toc_script.apply(toc, copy)
    assert copy / "notebooks" / FILES[0] in changed and copy / "notebooks" / FILES[2] in changed
    assert toc_script.apply(toc, copy) == []
    nb = nbformat.read(copy / "notebooks" / FILES[2], as_version=4)
    assert "[01 Reading the raw sources](01_reading_the_sources.ipynb)" in nb.cells[-1].source


def test_a_bad_toc_is_refused_with_the_entry_named(tmp_path):
    (tmp_path / "00_a.ipynb").write_text("{}", encoding="utf-8")
    path = tmp_path / "toc.toml"
    path.write_text(
        '[[notebook]]\nfile = "00_a.ipynb"\ntitle = "00 A"\nsummary = "x"\n[[notebook]]\nfile = "01_b.ipynb"\ntitle = "01"\nsummary = "y"\n'
    )
    with pytest.raises(toc_script.TocError, match=r"number 2: .*01_b.ipynb does not exist"):
        toc_script.load_toc(path)
    path.write_text('[[notebook]]\nfile = "00_a.ipynb"\ntitle = ""\nsummary = "x"\n')
    with pytest.raises(toc_script.TocError, match="number 1: 'title' is missing"):
        toc_script.load_toc(path)


def test_an_untagged_copy_of_the_navigation_is_removed():
    # A notebook rebuilt from its old cells can carry the generated line in an untagged cell
    # (07 once ended with two identical "Previous / Back to the start" cells).
    file = FILES[-1]
    line = toc_script.navigation(TOC, file)
    nav = nbformat.v4.new_markdown_cell(line, metadata={"tags": [toc_script.NAV_TAG]})
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Title"),
        nbformat.v4.new_markdown_cell("Some prose.\n\n" + line),
        nbformat.v4.new_markdown_cell(line),
        nav,
    ]
    toc_script.update_notebook(nb, TOC, file)
    assert [c.source for c in nb.cells] == ["# Title", "Some prose.", line]
    assert nb.cells[-1] is nav
