"""Helpers for reading five Chinese-language articles on Japan's foreign relations.

The notebooks call these functions so that the ideas stay on screen and the
plumbing does not. Start with :func:`load_corpus`:

>>> from helpers import load_corpus
>>> corpus = load_corpus()
>>> [article.id for article in corpus][:2]
['abe-beijing-2018', 'japan-us-2021']
"""

from .errors import (
    BinaryFileError,
    CatalogError,
    CorpusError,
    DecodingError,
    DuplicateIdError,
    EmptyFileError,
    MissingColumnError,
    MissingFileError,
)
from .loading import Corpus, load_article, load_corpus, read_catalog
from .records import Article, Caption, FrontMatter, Heading, Note, Paragraph, Removed, TableBlock
from .structure import unaccounted

__all__ = [
    "Article",
    "BinaryFileError",
    "Caption",
    "CatalogError",
    "Corpus",
    "CorpusError",
    "DecodingError",
    "DuplicateIdError",
    "EmptyFileError",
    "FrontMatter",
    "Heading",
    "MissingColumnError",
    "MissingFileError",
    "Note",
    "Paragraph",
    "Removed",
    "TableBlock",
    "load_article",
    "load_corpus",
    "read_catalog",
    "unaccounted",
]
