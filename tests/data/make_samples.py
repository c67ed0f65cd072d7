"""Rebuild the binary test samples in tests/data/ from their sources.

    python tests/data/make_samples.py          # both PDFs and the Word file
    python tests/data/make_samples.py --docx   # only the Word file (needs no browser)

The PDFs are the HTML pages in ``pdf_sources/`` printed by headless Chromium
(Debian's ``chromium`` package) with the CJK font of the ``noto-cjk-sans-otc``
package; each page of the HTML is one printed page, so the running heads, page
numbers and foot notes are where a journal prints them. The Word file is
written with python-docx, with its foot notes added to the file's XML (python-docx
cannot write them). The outputs are committed, so the tests never need Chromium.
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "pdf_sources"
PDFS = {
    "journal_simplified.html": "pdf_journal_simplified.pdf",
    "commentary_traditional.html": "pdf_commentary_traditional.pdf",
}
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
]


def cjk_font() -> Path:
    import noto_cjk_sans_otc

    return Path(noto_cjk_sans_otc.__file__).parent / "NotoSansCJK-Regular.ttc"


def make_pdfs(chromium: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        css = (SOURCES / "page.css").read_text(encoding="utf-8").replace("@CJK_FONT@", cjk_font().as_uri())
        (work / "page.css").write_text(css, encoding="utf-8")
        for source, target in PDFS.items():
            shutil.copy(SOURCES / source, work / source)
            profile = tempfile.mkdtemp(dir=work)
            subprocess.run(
                [
                    chromium,
                    *CHROMIUM_FLAGS,
                    f"--user-data-dir={profile}",
                    f"--print-to-pdf={HERE / target}",
                    (work / source).as_uri(),
                ],
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=120,
            )
            print(f"wrote {HERE / target}")


# --- The Word file ---------------------------------------------------------------------------

DOCX = "word_article.docx"
#: (style, text) per paragraph; "[^n]" in a text is the place of foot note n.
DOCX_PARAGRAPHS = [
    ("Title", "岸田政府的「全球南方」外交"),
    ("Normal", "作者：陳明哲　2024年6月15日　來源：國際關係評論網"),
    ("Heading 1", "一、前言"),
    (
        "Normal",
        "岸田文雄首相上任以後，日本外交更加重視與「全球南方」國家的關係。[^1]二〇二三年日本擔任七國集團輪值主席國，邀請印度、巴西等國領袖出席廣島峰會。",
    ),
    ("Heading 1", "二、主要作法"),
    ("Heading 2", "（一）政府開發援助"),
    ("Normal", "日本修訂《開發合作大綱》，提出「提案型合作」，主動向對象國提出合作方案，而不再只是等待對方申請。"),
    ("Heading 2", "（二）首腦外交"),
    ("Normal", "岸田首相先後訪問非洲與東南亞各國，強調日本是「可以信賴的夥伴」。[^2]"),
    ("Heading 1", "三、結語"),
    ("Normal", "日本能否在「全球南方」爭取更多支持，取決於其援助規模與外交持續力。"),
]
DOCX_NOTES = {
    1: "外務省，《外交青書2023》，東京：外務省，2023年。",
    2: "〈岸田首相訪問非洲〉，《日本經濟新聞》，2023年5月3日。",
}
DOCX_HEADER = "國際關係評論　第12期"


def make_docx() -> None:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.core_properties.title = "範本"
    document.core_properties.author = "python-docx"
    for style, text in DOCX_PARAGRAPHS:
        paragraph = document.add_paragraph(style=style)
        for piece in text.replace("[^", "\x00[^").split("\x00"):
            if piece.startswith("[^"):
                number, rest = piece[2:].split("]", 1)
                run = paragraph.add_run()
                properties = OxmlElement("w:rPr")
                vertical = OxmlElement("w:vertAlign")
                vertical.set(qn("w:val"), "superscript")
                properties.append(vertical)
                run._r.append(properties)
                reference = OxmlElement("w:footnoteReference")
                reference.set(qn("w:id"), number)
                run._r.append(reference)
                piece = rest
            if piece:
                paragraph.add_run(piece)
    document.sections[0].header.paragraphs[0].text = DOCX_HEADER
    buffer = io.BytesIO()
    document.save(buffer)
    (HERE / DOCX).write_bytes(_with_footnotes(buffer.getvalue()))
    print(f"wrote {HERE / DOCX}")


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _with_footnotes(data: bytes) -> bytes:
    notes = "".join(
        f'<w:footnote w:id="{number}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
        for number, text in DOCX_NOTES.items()
    )
    footnotes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {_W}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        f"{notes}</w:footnotes>"
    )
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
                )
            elif item.filename == "word/_rels/document.xml.rels":
                content = content.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdFootnotes" Type="http://schemas.'
                    b'openxmlformats.org/officeDocument/2006/relationships/footnotes" '
                    b'Target="footnotes.xml"/></Relationships>',
                )
            item.date_time = (2024, 6, 15, 0, 0, 0)  # a fixed time, so that a rebuild gives the same bytes
            target.writestr(item, content)
        info = zipfile.ZipInfo("word/footnotes.xml", date_time=(2024, 6, 15, 0, 0, 0))
        target.writestr(info, footnotes.encode("utf-8"), zipfile.ZIP_DEFLATED)
    return output.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docx", action="store_true", help="only the Word file")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = parser.parse_args(argv)
    make_docx()
    if not args.docx:
        make_pdfs(args.chromium)
    return 0


if __name__ == "__main__":
    sys.exit(main())
