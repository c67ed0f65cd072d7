"""The errors the corpus code raises for bad input.

All of them derive from :class:`CorpusError`, so a notebook or script can catch
every input problem in one place, and each message names the file (and the row,
line or byte offset) and says what is wrong.

>>> str(EmptyFileError("seeds/x.txt", "the file is empty"))
'seeds/x.txt: the file is empty'
"""

from __future__ import annotations


class CorpusError(Exception):
    """A problem with the catalog or a text file, located as precisely as possible."""

    def __init__(self, where: str, problem: str) -> None:
        self.where = str(where)
        self.problem = problem
        super().__init__(f"{self.where}: {problem}")


class CatalogError(CorpusError):
    """The catalog is malformed: a missing column, a bad value, a duplicate id."""


class MissingColumnError(CatalogError):
    """The catalog lacks a required column."""


class DuplicateIdError(CatalogError):
    """Two catalog rows (or two loaded articles) share an id."""


class MissingFileError(CorpusError):
    """A catalog row names a file that does not exist."""


class EmptyFileError(CorpusError):
    """A text file has no content (or only white space)."""


class BinaryFileError(CorpusError):
    """A file is not text (it holds NUL bytes or other binary data)."""


class DecodingError(CorpusError):
    """No supported encoding decodes the file cleanly."""
