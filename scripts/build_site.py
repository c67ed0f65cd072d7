"""Build the collection's static website from the notebooks as committed.

    python scripts/build_site.py                 # writes build/site/ (what `make site` runs)
    python scripts/build_site.py --out DIR       # somewhere else
    python scripts/build_site.py --working-copy  # from the files as they are (a download without git)

Nothing is executed. The pages are made from the last commit (``git archive
HEAD``), never from the working copy, so a student's saved answers or a
half-edited notebook cannot reach the site; a notebook that differs from its
committed version is named in a note. The reading order, the sidebar and every
Previous/Next link come from ``notebooks/toc.toml`` (see scripts/toc.py).

Each notebook becomes a page (nbconvert's HTML exporter with the template in
``site/templates/collection/``). Saved widgets are replaced by what works without
a kernel: a passage reader by its text, the theme filter by the site's own
filter, which runs in the page (``site.js``) over ``site-index.js``: every
paragraph in its printed, Traditional and Simplified form, its themes and
matched keywords, exported here by ``helpers.widgets.build_index`` (the same
index ``filter_paragraphs`` uses). Every Chinese text on a page is pre-rendered
in both scripts, marked with ``lang``, and switched by the script toggle.
Every internal link is checked: a link to a file that is not in the
repository stops the build. No CDN: the pages work opened from disk.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import html
import io
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlsplit

import jinja2
import nbformat
from bs4 import BeautifulSoup, NavigableString
from nbconvert import HTMLExporter

sys.path.insert(0, str(Path(__file__).resolve().parent))
import toc as toc_module

ROOT = Path(__file__).resolve().parent.parent
SITE_DIR = ROOT / "site"
DEFAULT_OUT = ROOT / "build" / "site"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
#: Han characters (the CJK blocks the articles use), to find the Chinese on a page.
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
#: Where a plot's cell stored no text alternative (output metadata image/png "alt").
DEFAULT_ALT = "Chart; what it shows is described in the text and table around it."
#: Text nodes inside these are code or machinery, not text to convert.
NOT_TEXT = {"script", "style", "textarea", "option", "title"}
LANG = {"traditional": "zh-Hant", "simplified": "zh-Hans"}


class SiteError(RuntimeError):
    """A problem that stops the build; the message names the notebook and what is wrong."""


# --- Where the notebooks come from ---------------------------------------------------------------


@contextlib.contextmanager
def committed_tree(root: Path = ROOT, ref: str = "HEAD") -> Iterator[Path]:
    """A temporary copy of the repository as committed at ``ref`` (``git archive``)."""
    try:
        archive = subprocess.run(["git", "-C", str(root), "archive", ref], capture_output=True, check=True).stdout
    except (FileNotFoundError, subprocess.CalledProcessError) as error:
        detail = getattr(error, "stderr", b"") or b""
        raise SiteError(
            f"{root}: cannot read the committed notebooks with git ({detail.decode(errors='replace').strip() or error}); "
            "in a download without git history, build from the files as they are with --working-copy"
        ) from None
    with tempfile.TemporaryDirectory(prefix="site-src-") as tmp:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            if sys.version_info >= (3, 12):
                tar.extractall(tmp, filter="data")
            else:
                tar.extractall(tmp)
        yield Path(tmp)


def edited_notebooks(root: Path = ROOT) -> list[str]:
    """The notebooks whose working copy differs from the last commit (``git status``)."""
    result = subprocess.run(
        ["git", "-C", str(root), "status", "--porcelain", "--", "notebooks/*.ipynb"],
        capture_output=True,
        text=True,
        check=False,
    )
    return sorted(line[3:].strip() for line in result.stdout.splitlines() if line.strip())


# --- The index the page's filter and search run over ----------------------------------------------


def t2s_map() -> dict[str, str]:
    """Traditional → Simplified for every single character OpenCC changes (for the typed keyword)."""
    from helpers.script import to_simplified

    chars = [chr(c) for c in range(0x3400, 0xA000)] + [chr(c) for c in range(0xF900, 0xFB00)]
    converted = to_simplified("\n".join(chars)).split("\n")
    return {a: b for a, b in zip(chars, converted) if a != b and len(b) == 1}


def site_index(corpus, toc: toc_module.Toc) -> dict:
    """Everything site.js needs, as plain JSON: the same index ``filter_paragraphs`` uses.

    ``paragraphs`` rows are ``[article_id, para_id, text, simplified, traditional]``
    (the last two ``null`` where equal to the text); ``members`` maps a theme to
    row numbers; ``keywords`` maps ``"row theme"`` to the matched keywords in
    Simplified form.
    """
    from helpers.script import to_simplified, to_traditional
    from helpers.widgets import MAX_KEYWORD, build_index

    index = build_index(corpus)
    rows, position = [], {}
    for number, row in enumerate(index.paragraphs.itertuples(index=False)):
        simplified, traditional = row.simplified, to_traditional(row.text)
        rows.append(
            [
                row.article_id,
                row.para_id,
                row.text,
                simplified if simplified != row.text else None,
                traditional if traditional != row.text else None,
            ]
        )
        position[row.para_id] = number
    pages = {entry.article: entry.html for entry in toc.entries if entry.article}
    return {
        "maxKeyword": MAX_KEYWORD,
        "themes": [{"id": t.id, "label": t.label} for t in index.themes],
        "articles": {a.id: {"title": a.title, "script": a.script, "page": pages.get(a.id, "")} for a in corpus},
        "paragraphs": rows,
        "members": {theme: sorted(position[p] for p in ids) for theme, ids in index.members.items()},
        "keywords": {f"{position[p]} {t}": [to_simplified(k) for k in ks] for (p, t), ks in index.keywords.items()},
        "t2s": t2s_map(),
    }


# --- From a notebook to the page's HTML -------------------------------------------------------------


def _widget_models(nb: nbformat.NotebookNode) -> dict:
    return nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})


def _tree(models: dict, model_id: str) -> list[dict]:
    """The models of a widget and its descendants, in display order."""
    model = models.get(model_id.removeprefix("IPY_MODEL_"))
    if model is None:
        return []
    found = [model]
    for child in model.get("state", {}).get("children", []):
        found += _tree(models, child)
    return found


def filter_html(scope: str, themes: list[dict], uid: str) -> str:
    """The site's theme/keyword filter (run by site.js), for one article or (scope "") all."""
    boxes = "".join(
        f'<label><input type="checkbox" name="theme" value="{html.escape(t["id"])}"> {html.escape(t["label"])}</label>'
        for t in themes
    )
    return f"""<div class="site-filter" data-scope="{html.escape(scope)}" role="region" aria-label="Theme and keyword filter">
<fieldset class="themes"><legend>Themes</legend>{boxes}</fieldset>
<div class="filter-controls">
<label for="{uid}-keyword">Keyword (either script)</label>
<input type="search" id="{uid}-keyword" class="keyword" placeholder="e.g. 同盟 or 關係" autocomplete="off" aria-describedby="{uid}-hint">
<span id="{uid}-hint" class="hint">the list follows as you type</span>
<fieldset class="match"><legend>Paragraphs with</legend>
<label><input type="radio" name="{uid}-match" value="any" checked> any chosen theme</label>
<label><input type="radio" name="{uid}-match" value="all"> all chosen themes</label></fieldset>
<button type="button" class="clear">Clear</button>
</div>
<p class="summary" aria-live="polite"><i>Choose one or more themes, or type a keyword (in either script), to list paragraphs.</i></p>
<div class="results jr-results"></div>
</div>"""


def static_widget(nb: nbformat.NotebookNode, output: dict, scope: str, themes: list[dict], uid: str) -> dict:
    """A widget output as a plain HTML output that needs no widget JavaScript.

    A theme filter (it has a multiple selection) becomes the site's filter; any
    other widget shows the HTML of its text parts (a passage reader: its passages),
    its controls left out, since without a kernel they would do nothing.
    """
    data = output.get("data", {})
    models = _tree(_widget_models(nb), data[WIDGET_VIEW]["model_id"])
    if any(m.get("model_name") == "SelectMultipleModel" for m in models):
        body = filter_html(scope, themes, uid)
    elif "text/html" in data:
        body = data["text/html"]
    else:
        parts = [m["state"].get("value", "") for m in models if m.get("model_name") in ("HTMLModel", "HTMLMathModel")]
        parts += [html.escape(str(m["state"].get("value", ""))) for m in models if m.get("model_name") == "LabelModel"]
        body = "".join(parts) or "<p><i>(An interactive control: open the notebook to use it.)</i></p>"
    return nbformat.v4.new_output("display_data", data={"text/html": body})


def filter_scope(source: str, article: str) -> str:
    """Which paragraphs a cell's theme filter covers: an article id, or "" for the whole corpus.

    >>> filter_scope('demo = theme_filter(corpus["abe-beijing-2018"])', ""), filter_scope("theme_filter(corpus)", "x")
    ('abe-beijing-2018', '')
    >>> filter_scope("explorer = theme_filter(article)", "japan-us-2021")
    'japan-us-2021'
    """
    named = re.search(r"""theme_filter\(\s*corpus\[["']([a-z0-9-]+)["']\]""", source)
    if named:
        return named.group(1)
    if re.search(r"theme_filter\(\s*(corpus)?\s*\)", source) or re.search(r"theme_filter\(\s*corpus\b", source):
        return ""
    return article


def prepare(nb: nbformat.NotebookNode, article: str, themes: list[dict]) -> nbformat.NotebookNode:
    """A copy of ``nb`` with every widget output made static, and no widget state left."""
    nb = copy.deepcopy(nb)
    count = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        outputs = []
        for output in cell.get("outputs", []):
            if WIDGET_VIEW in output.get("data", {}):
                count += 1
                output = static_widget(
                    nb,
                    output,
                    filter_scope(cell.source, article),
                    themes,
                    f"filter{count}",
                )
            outputs.append(output)
        cell.outputs = outputs
    nb.metadata.pop("widgets", None)
    return nb


def zh_lang(text: str, default: str) -> str:
    """``zh-Hant`` or ``zh-Hans`` when the characters tell, else ``default``.

    >>> zh_lang("日美關係", "zh"), zh_lang("日美关系", "zh"), zh_lang("日本", "zh-Hant")
    ('zh-Hant', 'zh-Hans', 'zh-Hant')
    """
    from helpers.script import to_simplified, to_traditional

    simplified, traditional = to_simplified(text), to_traditional(text)
    if simplified != text and traditional == text:
        return "zh-Hant"
    if traditional != text and simplified == text:
        return "zh-Hans"
    return default


def _in_code_input(node) -> bool:
    return any(
        parent.name in NOT_TEXT or "jp-InputArea" in (parent.get("class") or [])
        for parent in node.parents
        if parent.name
    )


def mark_chinese(soup: BeautifulSoup, default_lang: str) -> int:
    """Wrap each Chinese text (outside code) in a span with its ``lang`` and both scripts pre-rendered.

    site.js switches a span's text to ``data-zh-hant`` / ``data-zh-hans`` (present
    where they differ from the text as printed). Returns the number of spans.
    """
    from helpers.script import to_simplified, to_traditional

    count = 0
    for node in list(soup.find_all(string=HAN)):
        if not isinstance(node, NavigableString) or type(node) is not NavigableString or _in_code_input(node):
            continue
        text = str(node)
        if node.parent.name == "span" and "zh" in (node.parent.get("class") or []):
            continue
        span = soup.new_tag("span", attrs={"class": "zh", "lang": zh_lang(text, default_lang)})
        traditional, simplified = to_traditional(text), to_simplified(text)
        if traditional != text:
            span["data-zh-hant"] = traditional
        if simplified != text:
            span["data-zh-hans"] = simplified
        span.string = text
        node.replace_with(span)
        count += 1
    return count


def fix_links(soup: BeautifulSoup, source: str, tree: Path, out_dir: Path, pages: set[str]) -> None:
    """Point links at the site: ``X.ipynb`` at ``X.html``, a repository file at its copy in ``files/``.

    A relative link to a file that does not exist stops the build.
    """
    base = (tree / "notebooks").resolve()
    for link in soup.select(".jp-Cell a[href]"):  # the notebook's own links, not the site's
        href = link["href"]
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path:
            continue
        name = Path(parts.path).name
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        if parts.path.endswith(".ipynb") and name in pages:
            link["href"] = name.removesuffix(".ipynb") + ".html" + fragment
            continue
        target = (base / parts.path).resolve()
        if tree.resolve() not in target.parents or not target.is_file():
            raise SiteError(f"notebooks/{source}: the link {href!r} points at no file of the repository")
        relative = target.relative_to(tree.resolve()).as_posix()
        copy_to = out_dir / "files" / relative
        copy_to.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(target, copy_to)
        link["href"] = "files/" + quote(relative) + fragment


def make_exporter(site_dir: Path = SITE_DIR) -> HTMLExporter:
    """nbconvert's HTML exporter with the collection's template."""
    return HTMLExporter(
        template_name="collection",
        extra_template_basedirs=[str(site_dir / "templates")],
    )


def launch_url(template: str, entry: toc_module.Entry) -> str:
    return template.replace("{path}", f"notebooks/{entry.file}") if template else ""


def build_site(
    out_dir: Path = DEFAULT_OUT,
    repo: Path = ROOT,
    site_dir: Path = SITE_DIR,
    *,
    working_copy: bool = False,
) -> list[Path]:
    """Write the site into ``out_dir`` (emptied first) and return the pages written, home page first.

    The pages come from the last commit of ``repo`` (with ``working_copy=True``:
    from its files as they are).
    """
    if working_copy:
        return _build(out_dir, repo, site_dir)
    with committed_tree(repo) as tree:
        return _build(out_dir, tree, site_dir)


def _build(out_dir: Path, tree: Path, site_dir: Path) -> list[Path]:
    import helpers

    toc = toc_module.load_toc(tree / "notebooks" / "toc.toml")
    corpus = helpers.load_corpus(tree / "seeds")
    index = site_index(corpus, toc)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    (out_dir / "notebooks").mkdir()
    shutil.copy2(site_dir / "static" / "site.css", out_dir / "site.css")
    shutil.copy2(site_dir / "static" / "site.js", out_dir / "site.js")
    (out_dir / "site-index.js").write_text(
        "// The paragraphs, themes and keywords the site's filter and search run over (scripts/build_site.py).\n"
        "window.SITE_INDEX = " + json.dumps(index, ensure_ascii=False, separators=(",", ":")) + ";\n",
        encoding="utf-8",
    )
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(site_dir / "templates")),
        autoescape=True,
        keep_trailing_newline=True,
    )
    written = [out_dir / "index.html"]
    written[0].write_text(
        environment.get_template("home.html.j2").render(site={"toc": toc.entries}),
        encoding="utf-8",
    )
    exporter = make_exporter(site_dir)
    pages = {entry.file for entry in toc.entries}
    for entry in toc.entries:
        notebook = tree / "notebooks" / entry.file
        shutil.copy2(notebook, out_dir / "notebooks" / entry.file)
        nb = prepare(nbformat.read(notebook, as_version=4), entry.article, index["themes"])
        nb.metadata["title"] = entry.title
        previous, following = toc.neighbours(entry.file)
        site = {
            "toc": toc.entries,
            "page": entry,
            "previous": previous,
            "next": following,
            "binder": launch_url(toc.binder, entry),
            "jupyterhub": launch_url(toc.jupyterhub, entry),
            "download": f"notebooks/{entry.file}",
            "default_alt": DEFAULT_ALT,
        }
        body, _ = exporter.from_notebook_node(nb, resources={"site": site, "metadata": {"name": entry.stem}})
        soup = BeautifulSoup(body, "html.parser")
        article = corpus[entry.article] if entry.article and entry.article in corpus else None
        mark_chinese(soup, LANG.get(article.script, "zh") if article else "zh")
        fix_links(soup, entry.file, tree, out_dir, pages)
        target = out_dir / entry.html
        target.write_text(str(soup), encoding="utf-8")
        written.append(target)
    return written


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        help="folder to write the site into (emptied first)",
    )
    parser.add_argument(
        "--working-copy",
        action="store_true",
        help="build from the files as they are, not the last commit",
    )
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        if not args.working_copy:
            for path in edited_notebooks():
                print(f"note: {path} has changes that are not committed; the site shows its committed version")
        written = build_site(args.out.resolve(), working_copy=args.working_copy)
    except (SiteError, toc_module.TocError) as error:
        print(f"build_site: {error}", file=sys.stderr)
        return 1
    size = folder_size(args.out) / 1e6
    print(
        f"Wrote {len(written)} pages ({size:.1f} MB) to {args.out} in {time.perf_counter() - start:.1f} s; open {args.out / 'index.html'}"
    )
    print(f"To serve it: python -m http.server --directory {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
