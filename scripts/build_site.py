"""Build the collection's static website from the notebooks' stored outputs.

    python scripts/build_site.py                 # writes build/site/ (what `make site` runs)
    python scripts/build_site.py --out DIR       # somewhere else
    python scripts/build_site.py --update-vendor # fetch the widget renderer again with npm

Nothing is executed: each notebook in ``notebooks/`` whose name starts with two
digits becomes one page, converted by nbconvert's HTML exporter with the small
template in ``site/templates/collection/``, in the reading order the numbers
give; ``index.html`` lists them. Widgets are drawn from the widget state saved
in each notebook by ``@jupyter-widgets/html-manager``, which is shipped with the
site (``site/vendor/html-manager/``) rather than loaded from a CDN, so the
pages work on a machine, or in a classroom, without internet access.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import jinja2
import nbformat
from nbconvert import HTMLExporter

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS_DIR = ROOT / "notebooks"
SITE_DIR = ROOT / "site"
DEFAULT_OUT = ROOT / "build" / "site"
#: The renderer's folder inside the site; the pages load ``VENDOR_PATH/embed.js``.
VENDOR_PATH = "vendor/html-manager"
#: The npm package and version shipped in site/vendor/html-manager (see its README.md).
HTML_MANAGER = "@jupyter-widgets/html-manager@1.0.15"
#: A notebook is a page when its name starts with its place in the reading order.
NOTEBOOK_NAME = re.compile(r"^(\d\d)_[\w-]+\.ipynb$")


@dataclass(frozen=True)
class Page:
    """One notebook as a page of the site: where it comes from and how it is titled.

    >>> page = Page(Path("notebooks/02_central_asia_2007.ipynb"), "02 Japan and Central Asia", "Why Japan ...")
    >>> page.href, page.number
    ('02_central_asia_2007.html', '02')
    """

    notebook: Path
    title: str
    summary: str

    @property
    def href(self) -> str:
        """The page's file name in the site (and the link to it)."""
        return self.notebook.with_suffix(".html").name

    @property
    def number(self) -> str:
        """The two-digit place in the reading order."""
        return self.notebook.name[:2]


def first_heading(markdown: str) -> str:
    """The text of the first level-one heading, without its '#' (or '' if none).

    >>> first_heading("Intro\\n# 02 Japan and Central Asia (2007)\\n\\nText")
    '02 Japan and Central Asia (2007)'
    """
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return ""


def first_paragraph(markdown: str) -> str:
    """The first paragraph after the headings, as plain text, for the home page.

    Markdown emphasis and code marks are dropped; the rest is kept as written.

    >>> first_paragraph("# Title\\n\\n**For:** students who read *Chinese*.\\nMore.\\n\\nNext")
    'For: students who read Chinese. More.'
    """
    blocks = [block.strip() for block in markdown.split("\n\n")]
    for block in blocks:
        if block and not block.startswith("#"):
            text = " ".join(block.split())
            return re.sub(r"[*_`]", "", text)
    return ""


def read_page(path: Path) -> Page:
    """Title and summary of a notebook, from its first markdown cell."""
    nb = nbformat.read(path, as_version=4)
    markdown = next((cell.source for cell in nb.cells if cell.cell_type == "markdown"), "")
    return Page(path, first_heading(markdown) or path.stem, first_paragraph(markdown))


def reading_order(notebooks_dir: Path = NOTEBOOKS_DIR) -> list[Page]:
    """Every numbered notebook in ``notebooks_dir``, in the order of its number.

    >>> [page.number for page in reading_order()][:2]
    ['00', '01']
    """
    paths = sorted(p for p in notebooks_dir.glob("*.ipynb") if NOTEBOOK_NAME.match(p.name))
    if not paths:
        raise FileNotFoundError(f"{notebooks_dir}: no notebook named like 00_name.ipynb to build a site from")
    return [read_page(path) for path in paths]


def make_exporter(site_dir: Path = SITE_DIR) -> HTMLExporter:
    """nbconvert's HTML exporter with the collection's template and the local widget renderer."""
    exporter = HTMLExporter(
        template_name="collection",
        extra_template_basedirs=[str(site_dir / "templates")],
    )
    # Read by the template, which loads this file itself (see index.html.j2).
    exporter.widget_renderer_url = f"{VENDOR_PATH}/embed.js"
    return exporter


def render_notebook(exporter: HTMLExporter, pages: list[Page], position: int) -> str:
    """The HTML of the page at ``position``, with links home and to its neighbours."""
    page = pages[position]
    nb = nbformat.read(page.notebook, as_version=4)
    nb.metadata["title"] = page.title
    site = {
        "home": "index.html",
        "previous": pages[position - 1] if position > 0 else None,
        "next": pages[position + 1] if position + 1 < len(pages) else None,
        "page": page,
    }
    body, _ = exporter.from_notebook_node(nb, resources={"site": site, "metadata": {"name": page.notebook.stem}})
    return body


def render_home(pages: list[Page], site_dir: Path = SITE_DIR) -> str:
    """The home page: the collection's reading order, one link per notebook."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(site_dir / "templates")), autoescape=True, keep_trailing_newline=True
    )
    return environment.get_template("home.html.j2").render(pages=pages)


def build_site(out_dir: Path = DEFAULT_OUT, notebooks_dir: Path = NOTEBOOKS_DIR, site_dir: Path = SITE_DIR) -> list[Path]:
    """Write the site into ``out_dir`` (emptied first) and return the pages written.

    The home page comes first, then the notebooks in reading order.
    """
    vendor = site_dir / VENDOR_PATH
    if not (vendor / "embed.js").is_file():
        raise FileNotFoundError(f"{vendor}/embed.js is missing: run `python scripts/build_site.py --update-vendor`")
    pages = reading_order(notebooks_dir)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    shutil.copytree(vendor, out_dir / VENDOR_PATH)
    shutil.copy2(site_dir / "static" / "site.css", out_dir / "site.css")
    exporter = make_exporter(site_dir)
    written = [out_dir / "index.html"]
    written[0].write_text(render_home(pages, site_dir), encoding="utf-8")
    for position, page in enumerate(pages):
        target = out_dir / page.href
        target.write_text(render_notebook(exporter, pages, position), encoding="utf-8")
        written.append(target)
    return written


def update_vendor(package: str = HTML_MANAGER, site_dir: Path = SITE_DIR) -> Path:
    """Fetch ``package`` with ``npm pack`` and copy its standalone renderer into the site.

    Only ``dist/embed.js`` (the renderer of the built-in ipywidgets, with no
    RequireJS needed), its licence notes and the Font Awesome ``.woff2`` fonts
    it links to are kept: about 2 MB instead of the package's 20 MB.
    """
    target = site_dir / VENDOR_PATH
    with tempfile.TemporaryDirectory() as tmp:
        result = subprocess.run(["npm", "pack", package, "--silent"], cwd=tmp, capture_output=True, text=True, check=True)
        tarball = Path(tmp) / result.stdout.strip().splitlines()[-1]
        with tarfile.open(tarball) as archive:
            # npm's tarballs hold plain files; the "data" filter (3.12+) also refuses anything else.
            if sys.version_info >= (3, 12):
                archive.extractall(tmp, filter="data")
            else:
                archive.extractall(tmp)
        dist = Path(tmp) / "package" / "dist"
        manifest = json.loads((Path(tmp) / "package" / "package.json").read_text(encoding="utf-8"))
        for old in target.glob("*"):
            if old.name != "README.md":
                old.unlink()
        target.mkdir(parents=True, exist_ok=True)
        for name in ["embed.js", "embed.js.LICENSE.txt", *sorted(p.name for p in dist.glob("*.woff2"))]:
            shutil.copy2(dist / name, target / name)
    print(f"{target}: {manifest['name']} {manifest['version']} ({manifest['license']})")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder to write the site into (emptied first)")
    parser.add_argument("--update-vendor", action="store_true", help=f"fetch {HTML_MANAGER} with npm, then stop")
    args = parser.parse_args(argv)
    if args.update_vendor:
        update_vendor()
        return 0
    start = time.perf_counter()
    written = build_site(args.out.resolve())
    print(f"Wrote {len(written)} pages to {args.out} in {time.perf_counter() - start:.1f} s; open {args.out / 'index.html'}")
    print(f"To serve it: python -m http.server --directory {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
