"""A starter reading notebook for a newly added article (``python -m helpers notebook <id>``).

The notebook gives the teacher everything the tools can find, laid out in the
order of a reading, and marks the places only a teacher can fill in:

- the article's context from the catalog, and a place for the teacher's summary;
- the outline, then every section with its passages as static text in both
  scripts (readable with or without running the notebook);
- key terms: the glossary's terms that the article prints, and new names
  proposed for the user dictionary, with their pinyin;
- the figures the quantity extractor finds and the dated events found in the
  text, as candidates to verify against the passages (a count is evidence about
  the tool before it is evidence about the text);
- a theme filter, with its counts as a table (the text alternative);
- places for the argument map, questions for discussion and exercises.

The notebook is executed once when it is written (with nbclient, in a fresh
kernel), so it is stored with its outputs and passes strict nbval as written.

>>> cells = starter_cells(load_corpus()["central-asia-2007"])
>>> cells[0]["source"].splitlines()[0]
'# Reading: 日本的中亚政策及中国的应对策略'
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

import nbformat
import pandas as pd

from .analysis.new_words import propose_user_words
from .corpus.loading import SEEDS_DIR, load_corpus
from .corpus.records import Article
from .corpus.vocabulary import Script, short_id
from .text.language import load_glossary, pinyin
from .text.script import to_simplified, to_traditional

#: The catalog columns shown as the article's context, with their labels.
CONTEXT = (
    ("title", "Title"),
    ("title_en", "Title in English"),
    ("authors", "Authors"),
    ("year", "Year"),
    ("year_basis", "How the year was decided"),
    ("source", "Published in"),
    ("perspective", "Perspective"),
    ("genre", "Genre"),
    ("format", "File format"),
)
TEACHER = "**Teacher:**"
_DATE = re.compile(
    r"(?:(?:19|20)\d\d|[一二〇○零][〇○零一二三四五六七八九]{3})\s*年(?:\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日)?)?"
)


def _md(source: str) -> dict:
    return nbformat.v4.new_markdown_cell(source)


def _code(source: str) -> dict:
    return nbformat.v4.new_code_cell(source)


def _quote(text: str) -> str:
    return "> " + html.escape(text, quote=False).replace("*", "\\*").replace("_", "\\_")


def other_script(article: Article) -> tuple[str, Callable[[str], str]]:
    """The script the article is not printed in, and the converter to it."""
    return ("简体", to_simplified) if article.script is Script.TRADITIONAL else ("繁體", to_traditional)


def glossary_terms(article: Article) -> pd.DataFrame:
    """The glossary's terms that the article prints (as ``term`` or ``variant``): term, pinyin, gloss, count."""
    text = "\n".join(p.text for p in article.paragraphs)
    rows = []
    for row in load_glossary().itertuples():
        count = max(text.count(row.term), text.count(row.variant) if row.variant != row.term else 0)
        if count:
            rows.append(
                {
                    "term": row.term if row.term in text else row.variant,
                    "pinyin": row.pinyin,
                    "gloss": row.gloss,
                    "count": count,
                }
            )
    return pd.DataFrame(rows, columns=["term", "pinyin", "gloss", "count"])


def dated_events(article: Article) -> pd.DataFrame:
    """Every date the text prints (``2023年3月``, ``二〇二三年三月``), with its sentence: para_id, date, sentence.

    >>> from helpers.corpus.structure import build_article
    >>> dated_events(build_article("標題\\n\\n二〇二三年三月，尹錫悅訪問東京。同年八月舉行峰會。", "d")).values.tolist()
    [['d:p001', '二〇二三年三月', '二〇二三年三月，尹錫悅訪問東京。']]
    """
    rows = []
    for paragraph in article.paragraphs:
        for sentence in re.findall(r"[^。！？；]*[。！？；]?", paragraph.text):
            for match in _DATE.finditer(sentence):
                rows.append({"para_id": paragraph.id, "date": match.group(0), "sentence": sentence.strip()})
    return pd.DataFrame(rows, columns=["para_id", "date", "sentence"])


def starter_cells(article: Article, seeds_dir: Path | None = None) -> list[dict]:
    """The cells of the starter notebook for ``article`` (see the module's docstring)."""
    meta = article.metadata
    other_name, convert = other_script(article)
    load = (
        "helpers.load_corpus()"
        if seeds_dir is None or Path(seeds_dir).resolve() == SEEDS_DIR.resolve()
        else f"helpers.load_corpus({str(seeds_dir)!r})"
    )
    cells = [
        _md(
            f"# Reading: {article.title or article.id}\n\n"
            f"*A starter notebook written by `python -m helpers notebook {article.id}`: everything below the tools "
            "could find, in the order of a reading. The places marked " + TEACHER + " are for you.*\n\n"
            "**For** students of East Asian international relations who read Chinese. "
            "**You will be able to** follow the article's argument section by section, check its key terms, and "
            "verify the figures and dates it cites against its own sentences. "
            f"**Time:** about {max(30, 10 * round(len(article.text) / 1500))} minutes of reading."
        )
    ]
    rows = "\n".join(f"| {label} | {html.escape(str(meta.get(column, '') or '—'))} |" for column, label in CONTEXT)
    cells.append(
        _md(
            "## The article and its context\n\n| | |\n| --- | --- |\n" + rows + "\n\n"
            f"{TEACHER} who writes, from where and for whom; what the reader should know before starting "
            "(mark outside facts as such)."
        )
    )
    cells.append(
        _code(
            "import pandas as pd\n\nimport helpers\nfrom helpers.reading import outline\n\n"
            'pd.set_option("display.max_colwidth", None)  # no table cell is cut off\n'
            f"article = {load}[{article.id!r}]\noutline(article)"
        )
    )

    cells.append(
        _md(
            "## The text, section by section\n\n"
            f"Each passage is shown as printed, then in {other_name} (converted by OpenCC). "
            f"{TEACHER} under each section, what the author argues there, with the sentence that carries it."
        )
    )
    current: tuple[str, ...] | None = None
    for paragraph in article.paragraphs:
        if paragraph.section != current:
            current = paragraph.section
            depth = min(len(current), 3)
            heading = current[-1] if current else "(before the first heading)"
            cells.append(_md(f"{'#' * (depth + 2)} {heading}\n\n{TEACHER} what this section argues."))
        pid = short_id(paragraph.id)
        cells.append(
            _md(f"**{pid}**\n\n{_quote(paragraph.text)}\n\n*{other_name}:*\n\n{_quote(convert(paragraph.text))}")
        )

    terms = glossary_terms(article)
    lines = ["## Key terms\n"]
    if terms.empty:
        lines.append("No term of the glossary (`helpers/data/glossary.csv`) occurs in this article.")
    else:
        lines.append(
            "Terms of the glossary that the article prints:\n\n| term | pinyin | gloss | times |\n| --- | --- | --- | --- |"
        )
        lines += [f"| {t.term} | {t.pinyin} | {html.escape(t.gloss)} | {t.count} |" for t in terms.itertuples()]
    proposals = propose_user_words(article)
    if not proposals.empty:
        lines.append(
            "\nNew names the word splitter cuts today, proposed for `helpers/data/userdict.txt` "
            f"and the glossary ({TEACHER} keep the real names, add a gloss):\n\n"
            "| name | pinyin | tag | times | why |\n| --- | --- | --- | --- | --- |"
        )
        lines += [
            f"| {p.word} | {pinyin(p.word)} | {p.tag} | {p.count} | {html.escape(p.reason)} |"
            for p in proposals.itertuples()
        ]
    cells.append(_md("\n".join(lines)))

    cells.append(
        _md(
            "## Figures the article cites (candidates to verify)\n\n"
            "The quantity extractor's reading of every number with a unit. Check each against its "
            f"passage before using it. {TEACHER} keep the ones that matter to the argument in "
            "`helpers/data/figures.csv`."
        )
    )
    cells.append(
        _code(
            "from helpers.corpus.tables import quantities_frame\n\n"
            "quantities = quantities_frame([article])\n"
            'quantities[["para_id", "raw", "value", "unit", "qualifier"]]'
        )
    )
    cells.append(
        _md(
            "## Dates in the text (candidates for the timeline)\n\n"
            f"Every date printed, with its sentence. {TEACHER} the events worth a row in "
            "`helpers/data/timeline.csv`."
        )
    )
    cells.append(_code("from helpers.starter import dated_events\n\ndated_events(article)"))
    cells.append(
        _md(
            "## Themes\n\nChoose a theme to see its paragraphs; the table under the filter counts the "
            "paragraphs per theme (a keyword tag is evidence about the tool: read the paragraphs)."
        )
    )
    cells.append(_code("from helpers.widgets import theme_filter\n\ntheme_filter(article)"))
    cells.append(
        _code("from helpers.analysis.themes import tag_themes, theme_counts\n\ntheme_counts(tag_themes(article))")
    )
    cells.append(
        _md(
            "## The argument\n\n"
            f"{TEACHER} write the argument map in `helpers/data/arguments/{article.id}.toml` (see the five "
            "seeds' maps for the format): the claims, the paragraphs that carry each, and how they support "
            "one another. Attribute: the author's interpretation is the author's."
        )
    )
    cells.append(
        _md(
            "## Questions for discussion\n\n" + TEACHER + " two or three questions that need reading, "
            "not look-ups.\n\n1. …\n2. …"
        )
    )
    cells.append(
        _md(
            "## Exercises\n\n" + TEACHER + f" exercises go in `helpers/data/exercises/{article.id}.toml`, "
            "each with a check that accepts what a careful student would write."
        )
    )
    return cells


def write_starter_notebook(
    article_id: str, out: str | Path, seeds_dir: str | Path | None = None, *, execute: bool = True
) -> Path:
    """Write the starter notebook for ``article_id`` to ``out``, executed so that its outputs are stored."""
    corpus = load_corpus(seeds_dir)
    article = corpus[article_id]
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.cells = starter_cells(article, Path(seeds_dir) if seeds_dir is not None else None)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if execute:
        from nbclient import NotebookClient

        NotebookClient(
            notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(out.parent.resolve())}}
        ).execute()
    nbformat.write(notebook, out)
    return out
