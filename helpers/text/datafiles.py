"""Reading the plain files a teacher may edit: CSV with ``#`` comments, TOML, word lists.

Every data file in ``helpers/data/`` is read by one of the three readers here,
so all of them accept the same things (UTF-8 with or without a byte-order mark,
``#`` comment lines and blank lines anywhere in a CSV or word list) and fail the
same way: a :class:`DataFileError` (or the caller's subclass of it) naming the
file and line and saying what is wrong.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     path = Path(folder) / "terms.csv"
...     _ = path.write_text("# a comment\\nterm,gloss\\n日本,Japan\\n\\n中國,China\\n", encoding="utf-8")
...     [(row.line, row["term"]) for row in read_csv(path, required=("term", "gloss"))]
[(3, '日本'), (5, '中國')]
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import CorpusError
from .cleaning import split_lines

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

#: The folder of the data files that ship with the package.
DATA_DIR = Path(__file__).resolve().parents[1] / "data"

#: The form of an article id, a lower-case slug, for patterns that find one inside longer text.
ID_SLUG_FORM = r"[a-z0-9][a-z0-9-]*"
#: An id a catalog, a glossary or an argument map uses for an article: a lower-case slug.
ID_SLUG = re.compile(rf"^{ID_SLUG_FORM}$")


class DataFileError(CorpusError):
    """A data file is missing or malformed; the message names the file and line."""


class Row(Mapping[str, str]):
    """One data row of a CSV file: its cells by column name (stripped), and its line in the file."""

    def __init__(self, cells: dict[str, str], line: int, path: Path) -> None:
        self._cells = cells
        self.line = line
        self.path = path

    @property
    def where(self) -> str:
        """``"path, line N"``, for error messages."""
        return f"{self.path}, line {self.line}"

    def __getitem__(self, column: str) -> str:
        return self._cells[column]

    def __iter__(self) -> Iterator[str]:
        return iter(self._cells)

    def __len__(self) -> int:
        return len(self._cells)

    def __repr__(self) -> str:
        return f"Row(line={self.line}, {self._cells!r})"


def edit_stamp(*paths: str | Path) -> tuple[tuple[str, int, int] | None, ...]:
    """What changes when a teacher saves one of ``paths``: each file's size and modification time.

    A reader cached on this stamp reads its file again on the next call after an
    edit, with no kernel restart (None stands for a missing file).

    >>> edit_stamp(DATA_DIR / "no-such-file.txt")
    (None,)
    """
    stamps: list[tuple[str, int, int] | None] = []
    for path in map(Path, paths):
        try:
            status = path.stat()
        except OSError:
            stamps.append(None)
        else:
            stamps.append((str(path), status.st_size, status.st_mtime_ns))
    return tuple(stamps)


def folder_stamp(folder: str | Path, pattern: str = "*") -> tuple[tuple[str, int, int] | None, ...]:
    """:func:`edit_stamp` of every file in ``folder`` matching ``pattern`` (``**/*`` for subfolders too).

    Adding, removing or saving a file changes the stamp, so a reader cached on
    it sees the change on its next call.

    >>> folder_stamp(DATA_DIR / "no-such-folder")
    ()
    """
    folder = Path(folder)
    return edit_stamp(*sorted(path for path in folder.glob(pattern) if path.is_file()))


def read_text(path: str | Path, error: type[CorpusError] = DataFileError) -> str:
    """The file's text (UTF-8, a byte-order mark dropped), or ``error`` saying why not."""
    path = Path(path)
    if not path.is_file():
        raise error(str(path), "the file does not exist" if not path.exists() else "not a file")
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        line = data[: problem.start].count(b"\n") + 1
        raise error(
            f"{path}, line {line}", f"not UTF-8 text ({problem.reason} at byte {problem.start}); save it as UTF-8"
        ) from None
    return text


def read_lines(path: str | Path, error: type[CorpusError] = DataFileError) -> list[tuple[int, str]]:
    """``(line number, text)`` for each line of a word list that is neither blank nor a ``#`` comment.

    The text is stripped of surrounding white space.
    """
    lines = split_lines(read_text(path, error))
    return [(number, line.strip()) for number, line in enumerate(lines, start=1) if not _skipped(line)]


def read_csv(
    path: str | Path,
    *,
    required: Sequence[str] = (),
    error: type[CorpusError] = DataFileError,
) -> list[Row]:
    """The data rows of a CSV file whose first line that is not a comment is the header.

    Lines starting with ``#`` (after spaces) and blank lines are skipped wherever
    they are; a quoted cell may hold a comma or a line break. Each row knows its
    line in the file. Raises ``error`` when the file is missing or not UTF-8, the
    header lacks a ``required`` column, or a row has more or fewer cells than the
    header (most often a comma in a cell that is not in double quotes).
    """
    path = Path(path)
    lines = split_lines(read_text(path, error))
    kept = [(number, line) for number, line in enumerate(lines, start=1) if not _skipped(line)]
    if not kept:
        expected = f" ({','.join(required)})" if required else ""
        raise error(str(path), f"no header line{expected}: the first line that is not a comment names the columns")
    reader = csv.reader(line + "\n" for _, line in kept)
    header = [cell.strip() for cell in next(reader)]
    header_line = kept[0][0]
    missing = [column for column in required if column not in header]
    if missing:
        raise error(
            f"{path}, line {header_line}", f"the header lacks column(s) {', '.join(missing)} (found {','.join(header)})"
        )
    rows = []
    consumed = 1
    for cells in reader:
        number = kept[consumed][0]  # the line the row starts on
        consumed = reader.line_num
        if len(cells) != len(header):
            raise error(
                f"{path}, line {number}",
                f"{len(cells)} fields where the header has {len(header)} (a comma in a cell without double quotes?)",
            )
        rows.append(Row({name: cell.strip() for name, cell in zip(header, cells)}, number, path))
    return rows


def read_toml(path: str | Path, error: type[CorpusError] = DataFileError) -> dict[str, Any]:
    """A TOML file as a dict; a syntax error is reported with its line and column."""
    return parse_toml(read_text(path, error), path, error)


def parse_toml(text: str, path: str | Path, error: type[CorpusError] = DataFileError) -> dict[str, Any]:
    """The TOML ``text`` read from ``path`` (for a caller that also needs the text itself).

    >>> parse_toml("[theme", "themes.toml")
    Traceback (most recent call last):
    ...
    helpers.text.datafiles.DataFileError: themes.toml: not valid TOML: Expected ']' at the end of a table declaration (at end of document)
    """
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as problem:
        raise error(str(path), f"not valid TOML: {problem}") from None


def _skipped(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")
