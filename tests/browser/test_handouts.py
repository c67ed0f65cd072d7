"""`make handouts` (scripts/handouts.py): the A4 reading packs, read back with pypdf.

Chromium prints them (so this sits with the browser tests and needs the same
Chromium). For every article: the page size is A4; the title and the whole
cleaned text are in the PDF in the article's script, with every paragraph id,
in order; glossary terms show with their pinyin; the notebook's discussion
questions are there; the PDF has an outline; and every font that draws text is
embedded (as a font program, or as Type 3 glyph outlines), so the Chinese prints
without any font on the reader's machine. Chromium maps some shared glyphs back
to Kangxi radicals (⽇ for 日) when text is extracted; NFKC folds them back.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from script_module import load_script

ROOT = Path(__file__).resolve().parents[2]
A4_POINTS = (595.0, 842.0)


handouts = load_script("handouts")


def folded(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def shows(chunk: str, text: str) -> bool:
    """``chunk`` is in ``text``, where any character may have come back as a CJK radical (U+2E80-U+2FDF)."""
    pattern = "".join(f"(?:{re.escape(c)}|[\u2e80-\u2fdf])" for c in chunk)
    return re.search(pattern, text) is not None


@pytest.fixture(scope="module")
def packs(browser, tmp_path_factory) -> dict[str, Path]:
    # pytest-playwright's Chromium (the system one, with the packaged CJK font visible: conftest.py).
    written = handouts.build_handouts(tmp_path_factory.mktemp("handouts"), browser=browser)
    return {path.stem: path for path in written}


def outline_titles(outline) -> list[str]:
    titles = []
    for item in outline:
        titles += outline_titles(item) if isinstance(item, list) else [item.title]
    return titles


def test_one_pack_per_article(packs, corpus):
    assert sorted(packs) == sorted(corpus.ids)


@pytest.mark.parametrize("article_id", [a.id for a in __import__("helpers").load_corpus()])
def test_a_pack_holds_the_text_ids_glossary_and_questions(packs, corpus, article_id):
    from helpers.text.language import load_glossary

    article = corpus[article_id]
    reader = PdfReader(packs[article_id])
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - A4_POINTS[0]) < 2 and abs(height - A4_POINTS[1]) < 2, (
            width,
            height,
        )
    raw = "\n".join(page.extract_text() for page in reader.pages)
    text = folded(raw)
    assert shows(folded(article.title), text)
    positions = []
    for paragraph in article.paragraphs:
        short = paragraph.id.split(":")[1]
        assert short in text, f"{article_id}: paragraph id {short} not in the PDF"
        positions.append(text.index(short, positions[-1] if positions else 0))
        body = folded(paragraph.text)
        assert shows(body[:20], text) and shows(body[-20:], text), f"{article_id}:{short}: its text is not in the PDF"
    glossary = load_glossary()
    terms = glossary[glossary["article_ids"].map(lambda ids: article_id in ids)]
    for row in terms.head(5).itertuples(index=False):
        assert folded(str(row.pinyin)) in text and shows(folded(str(row.term)), text), row.term
    questions = handouts.discussion_questions(
        next(
            (ROOT / "notebooks" / e.file for e in handouts.toc_module.load_toc().entries if e.article == article_id),
            None,
        )
    )
    if questions:
        first = folded(re.sub(r"<[^>]+>", "", questions))[:30]
        assert shows(first, text)
    titles = outline_titles(reader.outline)
    assert "The text" in titles and "Glossary" in titles and "Questions for discussion" in titles
    for page in reader.pages[:3]:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            if font.get("/Subtype") == "/Type3":
                continue  # glyphs drawn by procedures inside the PDF
            descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font).get(
                "/FontDescriptor"
            )
            assert descriptor is not None and any(
                k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")
            ), font.get("/BaseFont")
