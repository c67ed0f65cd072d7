"""Printable reading packs: one A4 PDF per article (what `make handouts` runs).

    python scripts/handouts.py                  # writes build/handouts/<article id>.pdf
    python scripts/handouts.py --out DIR
    python scripts/handouts.py --only abe-beijing-2018

Each pack holds the article's record (title, authors, year, source), its outline,
the full cleaned text in its printed script with every paragraph's id in the
margin, the notes, the glossary terms it uses with pinyin, and the discussion
questions of its notebook. The page is HTML printed to PDF by Chromium (driven by
Playwright, as in the browser tests), with the packaged Noto Sans CJK font made
visible through fontconfig, so Chromium embeds it (subset) in the PDF. Made from
the last commit, like the site; Chromium is Debian's (``/usr/bin/chromium``), or
``$CHROMIUM``.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbconvert.filters import markdown2html

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_site
import toc as toc_module

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "build" / "handouts"
CHROMIUM_CANDIDATES = (
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "chromium",
    "chromium-browser",
    "google-chrome",
)
LANG = {"traditional": "zh-Hant", "simplified": "zh-Hans"}
FONT = {"traditional": "Noto Sans CJK TC", "simplified": "Noto Sans CJK SC"}
#: A notebook heading that opens its discussion questions.
DISCUSSION = re.compile(r"^#+\s.*discussion", re.IGNORECASE | re.MULTILINE)

STYLE = """
@page { size: A4; margin: 18mm 16mm 18mm 24mm; }
body { font-family: "Noto Sans", "DejaVu Sans", sans-serif; font-size: 10.5pt; line-height: 1.55; color: #000; }
:lang(zh-Hant) { font-family: "Noto Sans CJK TC", sans-serif; }
:lang(zh-Hans) { font-family: "Noto Sans CJK SC", sans-serif; }
h1 { font-size: 17pt; margin: 0 0 0.2em; } h2 { font-size: 13pt; margin: 1.2em 0 0.4em; border-bottom: 1px solid #999; }
h3 { font-size: 11.5pt; margin: 1em 0 0.3em; }
.record td { padding: 0 1em 0.2em 0; vertical-align: top; }
.para { display: grid; grid-template-columns: 11mm 1fr; column-gap: 3mm; margin: 0 0 0.6em; break-inside: avoid-page; }
.pid { font-family: "DejaVu Sans Mono", monospace; font-size: 7.5pt; color: #333; padding-top: 0.25em; text-align: right; }
.outline li { margin: 0.1em 0; }
table.glossary { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
table.glossary th, table.glossary td { border-bottom: 1px solid #ccc; padding: 0.2em 0.4em; text-align: left; vertical-align: top; }
.notes li { font-size: 9pt; margin-bottom: 0.3em; }
.questions { font-size: 10pt; }
.section-break { break-before: page; }
"""


def find_chromium() -> str:
    for candidate in [os.environ.get("CHROMIUM", ""), *CHROMIUM_CANDIDATES]:
        found = candidate and shutil.which(candidate)
        if found:
            return found
    raise build_site.SiteError(
        "no Chromium found: install Debian's (apt-get install chromium) or set CHROMIUM=/path/to/chrome"
    )


def font_environment(home: Path) -> dict[str, str]:
    """Chromium's environment with the packaged Noto Sans CJK font visible to fontconfig."""
    import noto_cjk_sans_otc

    fonts = home / "data" / "fonts"
    fonts.mkdir(parents=True, exist_ok=True)
    link = fonts / noto_cjk_sans_otc.FONT_FILE
    if not link.exists():
        link.symlink_to(Path(str(noto_cjk_sans_otc.FONT_PATH)))
    env = dict(os.environ)
    env.update(
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_CONFIG_HOME=str(home / "config"),
    )
    if shutil.which("fc-cache"):
        subprocess.run(["fc-cache", str(fonts)], env=env, check=False, capture_output=True)
    return env


def discussion_questions(notebook: Path | None) -> str:
    """The notebook's discussion section (markdown up to the next heading of its level or higher), as HTML."""
    if notebook is None or not notebook.is_file():
        return ""
    nb = nbformat.read(notebook, as_version=4)
    markdown = "\n\n".join(cell.source for cell in nb.cells if cell.cell_type == "markdown")
    match = DISCUSSION.search(markdown)
    if not match:
        return ""
    level = len(match.group()) - len(match.group().lstrip("#"))
    rest = markdown[match.end() :]
    end = re.search(rf"^#{{1,{level}}}\s", rest, re.MULTILINE)
    text = rest[: end.start()] if end else rest
    return markdown2html(text.strip()) if text.strip() else ""


def pack_html(article, corpus_glossary, questions_html: str, catalog_row: dict) -> str:
    """The reading pack of one article, as one HTML page ready to print."""
    from helpers.reading import outline_frame

    lang = LANG.get(article.script, "zh")
    esc = html.escape

    def zh(text: str) -> str:
        return f'<span lang="{lang}">{esc(text)}</span>'

    rows = [
        ("Authors", "、".join(article.authors) or "not given in the text"),
        ("Year", str(article.year or "")),
        ("Source", catalog_row.get("source", "")),
        ("Script", article.script),
        ("Id", article.id),
    ]
    record = "".join(
        f"<tr><td>{esc(k)}</td><td>{zh(v) if k in ('Authors', 'Source') else esc(v)}</td></tr>" for k, v in rows if v
    )
    outline = "".join(
        f'<li style="margin-left:{1.2 * max(r.level - 1, 0)}em">{zh(r.heading)} <span class="pid">{esc(r.first_para or "")}</span></li>'
        for r in outline_frame(article).itertuples(index=False)
    )
    body, current = [], None
    for paragraph in article.paragraphs:
        section = paragraph.section[-1] if paragraph.section else None
        if section != current and section:
            body.append(f"<h3>{zh(section)}</h3>")
        current = section
        short = paragraph.id.split(":")[1]
        body.append(
            f'<div class="para" id="{esc(short)}"><span class="pid">{esc(short)}</span><p lang="{lang}" style="margin:0">{esc(paragraph.text)}</p></div>'
        )
    notes = "".join(
        f'<li lang="{lang}">{esc(str(getattr(n, "marker", "") or ""))} {esc(n.text)}</li>'
        for n in article.notes
        if getattr(n, "text", "")
    )
    terms = corpus_glossary[corpus_glossary["article_ids"].map(lambda ids: article.id in ids)]
    glossary = "".join(
        f"<tr><td>{zh(str(r.term))}</td><td>{zh(str(r.variant))}</td><td>{esc(str(r.pinyin))}</td><td>{esc(str(r.gloss))}</td></tr>"
        for r in terms.itertuples(index=False)
    )
    title_en = catalog_row.get("title_en", "")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{esc(article.title)}</title><style>{STYLE}</style></head>
<body>
<h1 lang="{lang}">{esc(article.title)}</h1>
{f"<p><i>{esc(title_en)}</i></p>" if title_en else ""}
<table class="record">{record}</table>
<h2>Outline</h2><ul class="outline">{outline}</ul>
<h2 class="section-break">The text</h2>
<p style="font-size:9pt">The cleaned text as printed (scripts/handouts.py); the paragraph ids in the margin are the ones the notebooks cite.</p>
{"".join(body)}
{f'<h2>Notes</h2><ol class="notes">{notes}</ol>' if notes else ""}
<h2 class="section-break">Glossary</h2>
{f'<table class="glossary"><tr><th>Term</th><th>Other script</th><th>Pinyin</th><th>Meaning</th></tr>{glossary}</table>' if glossary else "<p>No glossary terms for this article.</p>"}
<h2>Questions for discussion</h2>
<div class="questions">{questions_html or "<p>See the article's notebook.</p>"}</div>
</body></html>"""


def build_handouts(
    out_dir: Path = DEFAULT_OUT,
    repo: Path = ROOT,
    only: list[str] | None = None,
    browser=None,
) -> list[Path]:
    """Write one PDF per article (or per id in ``only``) from the last commit of ``repo``.

    ``browser`` is a Playwright Chromium already running with the CJK font
    visible (the browser tests pass theirs); by default one is started.
    """
    with build_site.committed_tree(repo) as tree:
        return _build(out_dir, tree, only, browser)


def _print(browser, tree: Path, pages: list[tuple[str, str]], out_dir: Path) -> list[Path]:
    written = []
    page = browser.new_page()
    try:
        for article_id, document in pages:
            source = tree / f"handout-{article_id}.html"
            source.write_text(document, encoding="utf-8")
            page.goto(source.as_uri())
            target = out_dir / f"{article_id}.pdf"
            page.pdf(
                path=str(target),
                format="A4",
                print_background=True,
                outline=True,
                tagged=True,
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=f'<div style="font-size:7pt;width:100%;text-align:center">{html.escape(article_id)} · '
                '<span class="pageNumber"></span>/<span class="totalPages"></span></div>',
            )
            written.append(target)
    finally:
        page.close()
    return written


def _build(out_dir: Path, tree: Path, only: list[str] | None, browser) -> list[Path]:
    from playwright.sync_api import sync_playwright

    import helpers
    from helpers.text.language import load_glossary

    corpus = helpers.load_corpus(tree / "seeds")
    toc = toc_module.load_toc(tree / "notebooks" / "toc.toml")
    notebooks = {entry.article: tree / "notebooks" / entry.file for entry in toc.entries if entry.article}
    glossary = load_glossary(tree / "helpers" / "data" / "glossary.csv")
    catalog = {row["id"]: row for row in corpus.catalog.fillna("").to_dict("records")}
    ids = only or corpus.ids
    unknown = [i for i in ids if i not in corpus]
    if unknown:
        raise build_site.SiteError(f"no article with id {unknown}; known: {corpus.ids}")
    out_dir.mkdir(parents=True, exist_ok=True)
    pages = [
        (
            i,
            pack_html(
                corpus[i],
                glossary,
                discussion_questions(notebooks.get(i)),
                catalog.get(i, {}),
            ),
        )
        for i in ids
    ]
    if browser is not None:
        return _print(browser, tree, pages, out_dir)
    with (
        tempfile.TemporaryDirectory(prefix="handouts-") as tmp,
        sync_playwright() as playwright,
    ):
        env = font_environment(Path(tmp) / "home")
        launched = playwright.chromium.launch(
            executable_path=find_chromium(),
            headless=True,
            env=env,
            args=["--no-sandbox", "--disable-gpu", "--no-first-run"],
        )
        try:
            return _print(launched, tree, pages, out_dir)
        finally:
            launched.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--only", nargs="*", help="article ids (default: every article of the catalog)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        written = build_handouts(args.out.resolve(), only=args.only)
    except (build_site.SiteError, toc_module.TocError) as error:
        print(f"handouts: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(f"{path} ({path.stat().st_size / 1e3:.0f} kB)")
    print(f"{len(written)} packs in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
