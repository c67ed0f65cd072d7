"""Every table of the corpus and of the curated data, for ``info`` and ``export``.

>>> from helpers import load_corpus
>>> dict(export_tables(load_corpus(), ["notes"]))["notes"].shape[1]
7
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from ..corpus.loading import Corpus
from ..corpus.structure import as_markdown
from ..corpus.tables import (
    articles_frame,
    headings_frame,
    notes_frame,
    paragraphs_table,
    quantities_frame,
    tokens_frame,
)


def info_frame(corpus: Corpus) -> pd.DataFrame:
    """One row per article: ``id, year, script, paragraphs, headings, notes, figures, themes, title``.

    ``headings`` leaves out the title; ``figures`` counts the article's rows in
    ``helpers/data/figures.csv``; ``themes`` counts the distinct themes that
    :func:`helpers.themes.tag_themes` finds in its paragraphs.

    >>> from helpers import load_corpus
    >>> frame = info_frame(load_corpus())
    >>> frame.columns.tolist()
    ['id', 'year', 'script', 'paragraphs', 'headings', 'notes', 'figures', 'themes', 'title']
    >>> int(frame.set_index("id").loc["japan-us-2021", "headings"])
    17
    """
    # Imported here, as in export_tables: `check` and `add` need neither these
    # modules nor jieba, which they import, and start faster without them.
    from .figures import load_figures
    from .themes import NO_THEME, tag_themes

    figures = load_figures().groupby("article_id").size()
    tags = tag_themes(corpus)
    themes = tags[tags.theme != NO_THEME].groupby("article_id", observed=True)["theme"].nunique()
    rows = [
        {
            "id": article.id,
            "year": article.year if article.year is not None else "",
            "script": article.script,
            "paragraphs": len(article.paragraphs),
            "headings": sum(1 for h in article.headings if h.level > 0),
            "notes": len(article.notes),
            "figures": int(figures.get(article.id, 0)),
            "themes": int(themes.get(article.id, 0)),
            "title": article.title,
        }
        for article in corpus
    ]
    return pd.DataFrame(
        rows, columns=["id", "year", "script", "paragraphs", "headings", "notes", "figures", "themes", "title"]
    )


#: The tables ``export`` writes, in order. Each row keeps its article id, and its paragraph id where it has one.
TABLES = ("articles", "headings", "paragraphs", "notes", "tokens", "themes", "quantities", "figures", "timeline")


FORMATS = ("csv", "parquet", "jsonl", "txt")


def export_tables(
    corpus: Corpus, tables: Iterable[str] = TABLES, *, progress: bool = False
) -> Iterator[tuple[str, pd.DataFrame]]:
    """Build the export tables one by one, as ``(name, frame)``.

    Every table starts with ``article_id``, then ``para_id`` where rows belong
    to a paragraph. ``figures`` and ``timeline`` are the curated files,
    restricted to the corpus's articles. Tokens take most of the time, so ``progress`` shows a bar
    over the articles while they are cut.

    >>> from helpers import load_corpus
    >>> dict(export_tables(load_corpus(), ["notes"]))["notes"].shape[1]
    7
    """
    from .figures import load_figures
    from .themes import tag_themes
    from .timeline import load_timeline

    ids = set(corpus.ids)

    def tokens() -> pd.DataFrame:
        bar = tqdm(list(corpus), desc="tokens", unit="article", disable=not progress, leave=False)
        parts = [tokens_frame([article]) for article in bar]
        return pd.concat(parts, ignore_index=True) if parts else tokens_frame([])

    def timeline() -> pd.DataFrame:
        frame = _only(load_timeline(), ids)
        return frame.assign(start=frame.start.dt.strftime("%Y-%m-%d"), end=frame.end.dt.strftime("%Y-%m-%d"))

    def themes() -> pd.DataFrame:
        frame = tag_themes(corpus)
        return frame.assign(theme=frame.theme.astype(str))

    builders: dict[str, Callable[[], pd.DataFrame]] = {
        "articles": lambda: articles_frame(corpus),
        "headings": lambda: headings_frame(corpus),
        "paragraphs": lambda: paragraphs_table(corpus),
        "notes": lambda: notes_frame(corpus),
        "tokens": tokens,
        "themes": themes,
        "quantities": lambda: quantities_frame(corpus),
        "figures": lambda: _only(load_figures(), ids),
        "timeline": timeline,
    }
    for name in tables:
        yield name, _ids_first(builders[name]())


def _ids_first(frame: pd.DataFrame) -> pd.DataFrame:
    # Every table starts with the ids a reader joins on, whatever order its module chose.
    first = [c for c in ("article_id", "para_id") if c in frame.columns]
    return frame[first + [c for c in frame.columns if c not in first]]


def _only(frame: pd.DataFrame, ids: set[str]) -> pd.DataFrame:
    return frame[frame["article_id"].isin(ids)].reset_index(drop=True)


def parquet_available() -> bool:
    """True when pyarrow, which pandas needs to write parquet files, can be imported."""
    try:
        importlib.import_module("pyarrow")
    except ImportError:
        return False
    return True


def write_table(frame: pd.DataFrame, folder: Path, name: str, fmt: str) -> Path:
    """Write one table as ``folder/name.<fmt>`` and return the path.

    CSV is UTF-8 with a byte-order mark, so that Excel shows the Chinese
    characters; pandas (``read_csv``) and R (``readr::read_csv``) read it as it is.
    """
    path = folder / f"{name}.{fmt}"
    if fmt == "csv":
        frame.to_csv(path, index=False, encoding="utf-8-sig")
    elif fmt == "jsonl":
        frame.to_json(path, orient="records", lines=True, force_ascii=False, date_format="iso")
    elif fmt == "parquet":
        frame.to_parquet(path, index=False)
    else:
        raise ValueError(f"unknown table format {fmt!r}; choose from csv, parquet, jsonl")
    return path


def write_texts(corpus: Corpus, folder: Path) -> list[Path]:
    """Write each article's cleaned text, as markdown, to ``folder/<id>.txt``.

    >>> from helpers import load_corpus
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     [p.name for p in write_texts(load_corpus(), Path(folder))][:2]
    ['abe-beijing-2018.txt', 'japan-us-2021.txt']
    """
    paths = []
    for article in corpus:
        path = folder / f"{article.id}.txt"
        path.write_text(as_markdown(article) + "\n", encoding="utf-8")
        paths.append(path)
    return paths
