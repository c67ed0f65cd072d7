"""Helpers for reading five Chinese-language articles on Japan's foreign relations.

The notebooks call these functions so that the ideas stay on screen and the
plumbing does not. The package is in layers; each imports only from the ones
before it (``tests/test_layers.py`` checks):

1. :mod:`helpers.text`: strings in, strings or rows out (cleaning, scripts,
   segmentation, quantities); :mod:`helpers.errors` is shared by every layer.
2. :mod:`helpers.corpus`: records, the parser, the catalog, the loader, checks.
3. :mod:`helpers.analysis`: themes, concordance, figures, timeline, comparison,
   and the curated data they read.
4. The lessons: :mod:`helpers.reading`, :mod:`helpers.widgets`,
   :mod:`helpers.exercises`, :mod:`helpers.plots`, :mod:`helpers.arguments`.
5. :mod:`helpers.cli`: the command line.

Start with :func:`load_corpus`:

>>> from helpers import load_corpus
>>> corpus = load_corpus()
>>> [article.id for article in corpus][:2]
['abe-beijing-2018', 'japan-us-2021']
"""

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
from types import ModuleType

from .corpus.loading import Corpus, load_article, load_corpus, read_catalog
from .corpus.records import Article, Caption, FrontMatter, Heading, Note, Paragraph, Removed, TableBlock
from .corpus.structure import unaccounted
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


# --- The short module names ------------------------------------------------------------------

#: Modules the notebooks (and teachers' own code) import by their short name,
#: ``helpers.figures`` for ``helpers.analysis.figures``; each name is the same
#: module object as its home, imported only when it is first asked for.
SHORT_NAMES = {
    "cleaning": "helpers.text.cleaning",
    "script": "helpers.text.script",
    "language": "helpers.text.language",
    "quantities": "helpers.text.quantities",
    "records": "helpers.corpus.records",
    "structure": "helpers.corpus.structure",
    "loading": "helpers.corpus.loading",
    "themes": "helpers.analysis.themes",
    "concordance": "helpers.analysis.concordance",
    "figures": "helpers.analysis.figures",
    "timeline": "helpers.analysis.timeline",
    "compare": "helpers.analysis.compare",
    "quotes": "helpers.analysis.quotes",
}


class _ShortNames(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Makes ``import helpers.figures`` give the module ``helpers.analysis.figures``.

    A finder rather than one small re-export file per name: the file would be a
    second module with its own globals (a test that patches ``helpers.figures``
    would not patch the real one), and the old paths stay free for git to see
    the modules' moves as renames.
    """

    def __init__(self) -> None:
        self._own_specs: dict[str, importlib.machinery.ModuleSpec | None] = {}

    def find_spec(
        self, fullname: str, path: object = None, target: object = None
    ) -> importlib.machinery.ModuleSpec | None:
        prefix, _, name = fullname.rpartition(".")
        if prefix != __name__ or name not in SHORT_NAMES:
            return None
        return importlib.util.spec_from_loader(fullname, self)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        module = importlib.import_module(SHORT_NAMES[spec.name.rpartition(".")[2]])
        self._own_specs[spec.name] = module.__spec__
        return module

    def exec_module(self, module: ModuleType) -> None:
        # The import system has just given the module the short name's spec; the
        # module ran under its own name and keeps its own spec.
        module.__spec__ = self._own_specs.pop(module.__name__ if module.__spec__ is None else module.__spec__.name)


if not any(isinstance(finder, _ShortNames) for finder in sys.meta_path):
    sys.meta_path.insert(0, _ShortNames())
