"""The static website built by scripts/build_site.py (`make site`), checked as files.

The site is built once into a temporary folder. The checks: every notebook of
the table of contents (notebooks/toc.toml) has a page; the home page, the
sidebar and the pages' navigation follow it; each article's page shows its
title, a passage of its text and a plot with a text alternative; nothing is
loaded from another site; every internal link resolves (a crawl); no widget
JavaScript is left, each saved theme filter is replaced by the site's own; the
exported index is the one ``filter_paragraphs`` uses; Chinese text is marked
``lang`` with both scripts pre-rendered; and the site shows the committed
notebooks, not a working copy.
(tests/browser/test_site_in_browser.py opens the same site in Chromium.)
"""

from __future__ import annotations

import doctest
import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pytest
from bs4 import BeautifulSoup
from script_module import load_script

import helpers

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
WIDGET_STATE_KEY = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
#: A passage counts as shown when this many consecutive characters of a paragraph are on the page.
PASSAGE_LENGTH = 15


build_site = load_script("build_site")


class Page(HTMLParser):
    """What a test needs from an HTML page: the addresses it loads, its links and its visible text."""

    def __init__(self, path: Path) -> None:
        super().__init__(convert_charrefs=True)
        self.loads: list[tuple[str, str]] = []  # (tag, address) of scripts, stylesheets, images, frames
        self.links: list[tuple[tuple[str, ...], str]] = []  # (classes of the <a> and its parents' nav/ol, href)
        self.scripts: list[tuple[dict, str]] = []
        self.text_parts: list[str] = []
        self._stack: list[tuple[str, tuple[str, ...]]] = []
        self._script: dict | None = None
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = tuple((attributes.get("class") or "").split())
        if tag in (
            "script",
            "img",
            "iframe",
            "audio",
            "video",
            "source",
        ) and attributes.get("src"):
            self.loads.append((tag, attributes["src"]))
        if tag == "link" and attributes.get("href"):
            self.loads.append((tag, attributes["href"]))
        if tag == "a" and attributes.get("href"):
            context = tuple(c for _, cs in self._stack for c in cs) + classes
            self.links.append((context, attributes["href"]))
        if tag == "script":
            self._script = {**attributes, "_text": ""}
        if tag not in ("img", "link", "meta", "br", "input", "hr", "source"):
            self._stack.append((tag, classes))

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, self._script.pop("_text")))
            self._script = None
        while self._stack:
            if self._stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if self._script is not None:
            self._script["_text"] += data
        elif not any(tag == "style" for tag, _ in self._stack):
            self.text_parts.append(data)

    @property
    def text(self) -> str:
        return "".join(self.text_parts)

    def links_in(self, css_class: str) -> list[str]:
        return [href for context, href in self.links if css_class in context]


TOC = build_site.toc_module.load_toc()
ORDER = [entry.html for entry in TOC.entries]
HAN = re.compile(r"[\u3400-\u9fff]")


def numbered_notebooks() -> list[Path]:
    return [NOTEBOOKS / entry.file for entry in TOC.entries]


def article_for(notebook: Path, corpus: helpers.Corpus) -> helpers.Article | None:
    entry = next(e for e in TOC.entries if e.file == notebook.name)
    return corpus[entry.article] if entry.article and entry.article in corpus else None


ARTICLE_NOTEBOOKS = [p for p in numbered_notebooks() if article_for(p, helpers.load_corpus())]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    written = build_site.build_site(out)
    assert written[0] == out / "index.html"
    return out


def site_index(site: Path) -> dict:
    text = (site / "site-index.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("{") : text.rindex("}") + 1])


def test_the_build_script_examples_pass():
    failures, attempted = doctest.testmod(build_site)
    assert attempted > 0 and failures == 0


def test_every_notebook_has_a_page(site):
    pages = {p.name for p in site.glob("*.html")}
    assert pages == {"index.html", *ORDER}


def test_the_home_page_and_every_sidebar_follow_the_toc(site):
    home = Page(site / "index.html")
    assert home.links_in("reading-order") == ORDER
    for entry in TOC.entries:
        assert entry.title in home.text and entry.summary in home.text
    for name in ["index.html", *ORDER]:
        assert Page(site / name).links_in("site-sidebar") == ORDER, name
        soup = BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")
        current = [a["href"] for a in soup.select('nav.site-sidebar a[aria-current="page"]')]
        assert current == ([] if name == "index.html" else [name])


def test_each_page_links_home_and_to_its_neighbours(site):
    for position, name in enumerate(ORDER):
        page = Page(site / name)
        expected = ["index.html"] + ORDER[max(position - 1, 0) : position] + ORDER[position + 1 : position + 2]
        assert page.links_in("site-nav-top") == expected, name
        assert page.links_in("site-nav-bottom") == expected, name


def test_each_page_offers_launch_and_download(site):
    for entry in TOC.entries:
        page = Page(site / entry.html)
        assert page.links_in("launch")[-1] == f"notebooks/{entry.file}"
        assert nbformat.read(site / "notebooks" / entry.file, as_version=4).cells  # a real notebook
        if TOC.binder:
            assert any(
                f"notebooks/{entry.file}" in href for href in page.links_in("launch") if href.startswith("https://")
            )


@pytest.mark.parametrize("notebook", ARTICLE_NOTEBOOKS, ids=lambda p: p.stem)
def test_an_article_page_shows_its_title_a_passage_and_a_plot(site, corpus, notebook):
    article = article_for(notebook, corpus)
    page = Page(site / notebook.with_suffix(".html").name)
    assert article.title in page.text
    shown = [
        paragraph.id
        for paragraph in article.paragraphs
        if any(
            paragraph.text[i : i + PASSAGE_LENGTH] in page.text for i in range(len(paragraph.text) - PASSAGE_LENGTH + 1)
        )
    ]
    assert shown, f"no {PASSAGE_LENGTH}-character passage of {article.id} is shown on the page"
    plots = [src for tag, src in page.loads if tag == "img" and src.startswith("data:image/png;base64,")]
    assert plots, f"{notebook.name}: no plot (PNG image) on the page"


def test_every_image_has_a_text_alternative(site):
    for path in site.glob("*.html"):
        for tag in re.findall(r"<img\b[^>]*>", path.read_text(encoding="utf-8")):
            alt = re.search(r'\salt="([^"]*)"', tag)
            assert alt and alt.group(1).strip(), f"{path.name}: an image without alt text: {tag[:80]}"


def test_no_page_loads_anything_from_another_site(site):
    for path in site.glob("*.html"):
        page = Page(path)
        for tag, address in page.loads:
            parts = urlsplit(address)
            assert not parts.netloc and parts.scheme in ("", "data"), f"{path.name}: <{tag}> loads {address}"
            if not parts.scheme:
                assert (site / parts.path).is_file(), f"{path.name}: <{tag}> loads {address}, which is not in the site"
        inline = " ".join(
            text for attributes, text in page.scripts if not attributes.get("type", "").startswith("application/")
        )
        assert not re.search(r"""["'](https?:)?//""", inline), f"{path.name}: a script builds an external address"
    assert not re.search(r"""["'](https?:)?//""", (site / "site.js").read_text(encoding="utf-8"))


def test_every_internal_link_resolves(site):
    """A crawl from the home page: every relative link leads to a file of the site, and its #fragment exists."""
    ids: dict[Path, set[str]] = {}

    def ids_of(path: Path) -> set[str]:
        if path not in ids:
            ids[path] = set(re.findall(r'\sid="([^"]+)"', path.read_text(encoding="utf-8")))
        return ids[path]

    seen, todo, checked = set(), [site / "index.html"], 0
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        for _, href in Page(path).links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            assert target.is_file(), f"{path.name}: link {href!r} leads nowhere"
            if parts.fragment and target.suffix == ".html":
                # A browser looks the fragment up as written, then percent-decoded (HTML's "indicated part").
                assert {parts.fragment, unquote(parts.fragment)} & ids_of(target), (
                    f"{path.name}: link {href!r}: no such anchor"
                )
            if target.suffix == ".html":
                todo.append(target)
            checked += 1
    assert {p.name for p in seen} >= {"index.html", *ORDER}
    assert checked > 3 * len(ORDER)
    for name in ORDER:  # no link in a notebook's text still points at a notebook file
        soup = BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")
        assert not [a["href"] for a in soup.select(".jp-Cell a[href]") if ".ipynb" in a["href"]], name


def saved_theme_filters(notebook: Path) -> int:
    nb = nbformat.read(notebook, as_version=4)
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE_KEY, {}).get("state", {})
    count = 0
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            view = output.get("data", {}).get(WIDGET_VIEW)
            if view:
                models = build_site._tree(state, view["model_id"])
                count += any(m.get("model_name") == "SelectMultipleModel" for m in models)
    return count


@pytest.mark.parametrize("notebook", numbered_notebooks(), ids=lambda p: p.stem)
def test_no_widget_javascript_and_each_theme_filter_is_the_sites_own(site, notebook):
    text = (site / notebook.with_suffix(".html").name).read_text(encoding="utf-8")
    assert WIDGET_STATE_KEY not in text and WIDGET_VIEW not in text
    soup = BeautifulSoup(text, "html.parser")
    filters = [box["data-scope"] for box in soup.select("div.site-filter")]
    assert len(filters) == saved_theme_filters(notebook)
    entry = next(e for e in TOC.entries if e.file == notebook.name)
    if entry.article:
        assert set(filters) <= {entry.article}


def test_the_exported_index_is_the_one_filter_paragraphs_uses(site, corpus):
    from helpers.widgets import build_index

    exported = site_index(site)
    index = build_index(corpus)
    rows = exported["paragraphs"]
    assert [(r[0], r[1], r[2]) for r in rows] == list(
        index.paragraphs[["article_id", "para_id", "text"]].itertuples(index=False, name=None)
    )
    assert [r[3] or r[2] for r in rows] == index.paragraphs["simplified"].tolist()
    members = {t: {rows[n][1] for n in ns} for t, ns in exported["members"].items()}
    assert members == index.members
    assert [t["id"] for t in exported["themes"]] == [t.id for t in index.themes]
    # The keyword typed in Traditional is looked up through this character map.
    assert exported["t2s"]["關"] == "关" and exported["t2s"]["係"] == "系"


def test_chinese_is_marked_with_its_language_and_both_scripts(site, corpus):
    for notebook in ARTICLE_NOTEBOOKS:
        article = article_for(notebook, corpus)
        soup = BeautifulSoup(
            (site / notebook.with_suffix(".html").name).read_text(encoding="utf-8"),
            "html.parser",
        )
        assert soup.html["lang"] == "en"
        for node in soup.find_all(string=HAN):
            if build_site._in_code_input(node):
                continue
            assert node.find_parent(attrs={"lang": re.compile(r"^zh")}), (
                f"{notebook.name}: Chinese without lang: {node[:30]!r}"
            )
        other = "data-zh-hans" if article.script == "traditional" else "data-zh-hant"
        assert soup.find("span", attrs={other: True}), f"{notebook.name}: no passage pre-rendered in the other script"


def test_the_site_shows_the_committed_notebooks_not_a_working_copy(tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{ROOT}", str(clone)], check=True)
    subprocess.run(
        [
            "git",
            "-C",
            str(clone),
            "checkout",
            "-q",
            subprocess.run(
                ["git", "-C", str(ROOT), "rev-parse", "HEAD"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip(),
        ],
        check=False,
    )
    first = clone / "notebooks" / TOC.entries[-1].file
    nb = nbformat.read(first, as_version=4)
    nb.cells.insert(1, nbformat.v4.new_markdown_cell("MY OWN ANSWER 42 — a student's edit"))
    nbformat.write(nb, first)
    assert build_site.edited_notebooks(clone) == [f"notebooks/{first.name}"]
    out = tmp_path / "site"
    build_site.build_site(out, clone)
    assert "MY OWN ANSWER 42" not in (out / first.with_suffix(".html").name).read_text(encoding="utf-8")
    assert "MY OWN ANSWER 42" not in (out / "notebooks" / first.name).read_text(encoding="utf-8")
    build_site.build_site(out, clone, working_copy=True)  # asked for explicitly, the working copy is shown
    assert "MY OWN ANSWER 42" in (out / first.with_suffix(".html").name).read_text(encoding="utf-8")


def test_a_broken_link_in_a_notebook_stops_the_build(tmp_path):
    soup = BeautifulSoup('<div class="jp-Cell"><a href="../no/such/file.csv">x</a></div>', "html.parser")
    with pytest.raises(build_site.SiteError, match="no/such/file.csv"):
        build_site.fix_links(soup, "00_x.ipynb", ROOT, tmp_path, set())
