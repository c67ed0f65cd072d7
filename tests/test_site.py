"""The static website built by scripts/build_site.py (`make site`), checked as files.

The site is built once into a temporary folder. The checks: every numbered
notebook has a page; the home page and the pages' navigation follow the
reading order; each article's page shows its title, a passage of its text and
a plot; nothing is loaded from another site; the widget renderer shipped with
the site is there and the pages with widgets load it and embed their state.
(tests/browser/test_site_in_browser.py opens the same site in Chromium.)
"""

from __future__ import annotations

import doctest
import html
import importlib.util
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import nbformat
import pytest

import helpers

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
#: A passage counts as shown when this many consecutive characters of a paragraph are on the page.
PASSAGE_LENGTH = 15


def load_build_site():
    spec = importlib.util.spec_from_file_location("build_site", ROOT / "scripts" / "build_site.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


build_site = load_build_site()


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
        if tag in ("script", "img", "iframe", "audio", "video", "source") and attributes.get("src"):
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


def numbered_notebooks() -> list[Path]:
    return sorted(p for p in NOTEBOOKS.glob("*.ipynb") if re.match(r"\d\d_", p.name))


def article_for(notebook: Path, corpus: helpers.Corpus) -> helpers.Article | None:
    article_id = notebook.stem.split("_", 1)[1].replace("_", "-")
    return corpus[article_id] if article_id in corpus else None


ARTICLE_NOTEBOOKS = [p for p in numbered_notebooks() if article_for(p, helpers.load_corpus())]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    written = build_site.build_site(out)
    assert written[0] == out / "index.html"
    return out


def test_the_build_script_examples_pass():
    failures, attempted = doctest.testmod(build_site)
    assert attempted > 0 and failures == 0


def test_every_notebook_has_a_page(site):
    pages = {p.name for p in site.glob("*.html")}
    assert pages == {"index.html"} | {p.with_suffix(".html").name for p in numbered_notebooks()}


def test_the_home_page_lists_the_notebooks_in_reading_order(site):
    home = Page(site / "index.html")
    assert home.links_in("reading-order") == [p.with_suffix(".html").name for p in numbered_notebooks()]
    for notebook in numbered_notebooks():  # each under the title of its first heading
        title = build_site.read_page(notebook).title
        assert title != notebook.stem and title in home.text


def test_each_page_links_home_and_to_its_neighbours(site):
    order = [p.with_suffix(".html").name for p in numbered_notebooks()]
    for position, name in enumerate(order):
        page = Page(site / name)
        nav = page.links_in("site-nav-top")
        expected = ["index.html"] + order[max(position - 1, 0) : position] + order[position + 1 : position + 2]
        assert nav == expected, name
        assert page.links_in("site-nav-bottom") == expected, name


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


def test_the_widget_renderer_is_shipped_with_its_licence(site):
    vendor = site / build_site.VENDOR_PATH
    assert (vendor / "embed.js").stat().st_size > 500_000  # the real bundle, not a stub
    assert "jQuery" in (vendor / "embed.js.LICENSE.txt").read_text(encoding="utf-8")
    readme = (ROOT / "site" / build_site.VENDOR_PATH / "README.md").read_text(encoding="utf-8")
    assert build_site.HTML_MANAGER.rsplit("@", 1)[1] in readme and "BSD-3-Clause" in readme
    # The fonts the renderer's style sheet asks for (Font Awesome's icons) are there.
    bundle = (vendor / "embed.js").read_text(encoding="utf-8")
    for font in set(re.findall(r"[0-9a-f]{20}\.woff2", bundle)):
        assert (vendor / font).is_file(), font


@pytest.mark.parametrize("notebook", numbered_notebooks(), ids=lambda p: p.stem)
def test_a_page_with_widgets_embeds_their_saved_state(site, notebook):
    nb = nbformat.read(notebook, as_version=4)
    shown = {
        output["data"][WIDGET_VIEW]["model_id"]
        for cell in nb.cells
        for output in cell.get("outputs", [])
        if WIDGET_VIEW in output.get("data", {})
    }
    page = Page(site / notebook.with_suffix(".html").name)
    states = [
        json.loads(html.unescape(text)) for attributes, text in page.scripts if attributes.get("type") == WIDGET_STATE
    ]
    if not shown:
        assert not states
        return
    assert ("script", f"{build_site.VENDOR_PATH}/embed.js") in page.loads
    assert len(states) == 1
    missing = shown - set(states[0]["state"])
    assert not missing, (
        f"{notebook.name}: widgets shown without saved state (save the notebook with its widget state): {missing}"
    )
