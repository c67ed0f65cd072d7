"""The command line: look at the corpus, check a text, add an article, export tables.

Only the arguments and the printing live here; the work is done by
:mod:`helpers.corpus.checks` (``check``), :mod:`helpers.corpus.catalog` (``add``)
and :mod:`helpers.analysis.export` (``info``, ``export``).

Run it from the repository's folder as ``python -m helpers COMMAND`` (or, once the
package is installed, as ``jp-readings COMMAND``)::

    python -m helpers info                      # the corpus at a glance
    python -m helpers check                     # check the catalog and every seed file
    python -m helpers check ~/new_article.txt   # check a text before adding it
    python -m helpers add ~/new_article.pdf --year 2024 --yes
    python -m helpers notebook japan-asean-2019  # a starter reading notebook
    python -m helpers export --format csv --out export/

Every command takes ``--seeds DIR`` to work on another seeds folder than the
repository's ``seeds/``. A mistake in the input (a missing file, a binary file,
a bad catalog row) is reported on one line of standard error, naming the file,
with a non-zero exit status and no traceback.

>>> args = build_parser("jp-readings").parse_args(["check", "--quiet"])
>>> args.command, args.quiet
('check', True)
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from ..analysis.export import FORMATS, TABLES, export_tables, info_frame, parquet_available, write_table, write_texts
from ..analysis.new_words import propose_user_words
from ..corpus.catalog import add_to_seeds, propose
from ..corpus.checks import Report, check_article, check_files, check_folder
from ..corpus.loading import CATALOG_NAME, SEEDS_DIR, load_corpus
from ..corpus.records import Article
from ..errors import CorpusError

# --- Exit statuses ------------------------------------------------------------------------

#: Everything went well (warnings do not count as failures).
EXIT_OK = 0
#: The input has errors: a bad file or catalog row, or characters the cleaner lost.
EXIT_ERRORS = 1
#: The command cannot run as asked: a bad option, pyarrow missing, or ``add`` needs ``--yes``.
EXIT_USAGE = 2


class CommandError(Exception):
    """A mistake the command explains in one line; ``status`` is the exit status to use."""

    def __init__(self, message: str, status: int = EXIT_ERRORS) -> None:
        super().__init__(message)
        self.status = status


# --- Printing ------------------------------------------------------------------------------


def show_frame(frame: pd.DataFrame) -> str:
    """A DataFrame as plain text, with Chinese characters counted as two columns wide.

    >>> print(show_frame(pd.DataFrame({"id": ["a"], "title": ["日本"]})))
    id title
     a  日本
    """
    with pd.option_context("display.unicode.east_asian_width", True, "display.width", 250, "display.max_colwidth", 40):
        return frame.to_string(index=False)


def describe(article: Article) -> list[str]:
    """What the cleaner found in an article, as lines of text for ``check``.

    >>> from helpers.corpus.structure import build_article
    >>> print("\\n".join(describe(build_article("日本與韓國\\n\\n一、前言\\n\\n兩國關係。", "demo"))[:4]))
    title       日本與韓國
    authors     (none found)
    script      traditional
    headings    1
    """
    lines = [
        f"title       {article.title or '(none found)'}",
        f"authors     {'; '.join(article.authors) or '(none found)'}",
        f"script      {article.script}",
        f"headings    {sum(1 for h in article.headings if h.level > 0)}",
    ]
    lines += [f"  {'  ' * (h.level - 1)}{h.level} {h.text}   (line {h.line})" for h in article.headings if h.level > 0]
    longest = max((len(p.text) for p in article.paragraphs), default=0)
    lines.append(f"paragraphs  {len(article.paragraphs)} (the longest has {longest:,} characters)")
    empty = sum(1 for n in article.notes if not n.text)
    lines.append(f"notes       {len(article.notes)}" + (f" ({empty} without text)" if empty else ""))
    lines.append(f"captions    {len(article.captions)}")
    lines += [f"  {c.label} {c.text}   (line {c.line})" for c in article.captions]
    if article.tables:
        lines.append(f"tables      {len(article.tables)}")
    kinds = ", ".join(f.kind for f in article.front_matter)
    lines.append(f"front       {kinds or '(none)'}")
    if article.source_format != "text":
        lines.append(f"read as     {article.source_format} (the file itself, by {READERS[article.source_format]})")
    lines.append(f"removed     {len(article.removed)}")
    groups: dict[str, list] = {}
    for removed in article.removed:
        groups.setdefault(removed.reason, []).append(removed)
    for reason, items in groups.items():
        where = (
            f"line {items[0].line}"
            if len(items) == 1
            else f"{len(items)} lines, {line_ranges([r.line for r in items])}"
        )
        lines.append(f"  {where}: {reason}; first {items[0].text[:30]!r}")
    return lines


#: The library that reads each format, as ``check`` names it.
READERS = {
    "pdf": "pdfplumber",
    "html": "trafilatura and lxml",
    "markdown": "markdown-it-py and PyYAML",
    "docx": "python-docx",
}


def user_word_lines(article: Article) -> list[str]:
    """The user-dictionary entries proposed for a new article, as ``add`` prints them.

    >>> from helpers.corpus.structure import build_article
    >>> print("\\n".join(user_word_lines(build_article("標題\\n\\n丰田通商公司派员参加。", "demo"))))
    Names the word splitter cuts today; to keep one whole, copy its line into helpers/data/userdict.txt:
      丰田通商公司 nt     # an organisation or event named with 公司; 1x, now 丰田 / 通商 / 公司
    """
    proposals = propose_user_words(article)
    if proposals.empty:
        return ["No new names to add to the user dictionary were found."]
    lines = ["Names the word splitter cuts today; to keep one whole, copy its line into helpers/data/userdict.txt:"]
    for row in proposals.itertuples():
        entry = f"{row.word} {row.tag}"
        lines.append(f"  {entry:<12}  # {row.reason}; {row.count}x, now {row.splits_into}")
    return lines


def line_ranges(numbers: list[int]) -> str:
    """Line numbers as ranges of consecutive lines, in order.

    >>> line_ranges([2, 3, 4, 9, 11, 12])
    '2-4, 9, 11-12'
    """
    ranges: list[list[int]] = []
    for number in sorted(numbers):
        if ranges and number == ranges[-1][1] + 1:
            ranges[-1][1] = number
        else:
            ranges.append([number, number])
    return ", ".join(f"{a}-{b}" if b > a else str(a) for a, b in ranges)


def report_lines(report: Report, *, brief: bool = False) -> list[str]:
    """A report as lines of text; ``brief`` leaves out the description.

    >>> report_lines(Report("x.txt", errors=["x.txt: the file is empty"]))
    ['== x.txt', 'ERROR   x.txt: the file is empty']
    """
    lines = [f"== {report.label}"]
    if report.article is not None and not brief:
        lines += describe(report.article)
        lines.append("unaccounted " + ("none" if report.ok else f"{len(report.errors)} problem(s)"))
    lines += [f"ERROR   {error}" for error in report.errors]
    lines += [f"warning {warning}" for warning in report.warnings]
    return lines


# --- The commands ------------------------------------------------------------------------------


def run_info(args: argparse.Namespace) -> int:
    """``info``: print :func:`info_frame` for the corpus."""
    corpus = load_corpus(args.seeds)
    print(show_frame(info_frame(corpus)))
    return EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    """``check``: print a report per text; exit 1 if any has an error."""
    # Reading PDFs or a whole folder takes seconds: show a bar when there is a terminal to show it on.
    shown = not args.quiet and sys.stderr.isatty()

    def progress(items: list) -> tqdm:
        return tqdm(items, desc="check", unit="text", disable=not shown, leave=False)

    reports = (
        check_files(args.files, progress=progress) if args.files else check_folder(Path(args.seeds), progress=progress)
    )
    for report in reports:
        if args.quiet and report.ok and not report.warnings:
            continue
        print("\n".join(report_lines(report, brief=args.quiet)))
        if not args.quiet:
            print()
    errors = sum(len(r.errors) for r in reports)
    warnings = sum(len(r.warnings) for r in reports)
    texts = sum(1 for r in reports if r.article is not None or r.errors)
    print(f"checked {texts} text(s): {errors} error(s), {warnings} warning(s)")
    for report in reports:
        for error in report.errors:
            print(f"error: {_one_line(error)}", file=sys.stderr)
    return EXIT_ERRORS if errors else EXIT_OK


def run_add(args: argparse.Namespace) -> int:
    """``add``: propose a row, check the text, and (when confirmed) copy it and append the row."""
    seeds_dir = Path(args.seeds)
    proposal = propose(
        args.file,
        seeds_dir,
        article_id=args.id,
        title=args.title,
        authors=args.authors,
        year=args.year,
        year_basis=args.year_basis,
        source=args.source or "",
        name=args.name,
        script=args.script,
    )
    print(f"Proposed row for {seeds_dir / CATALOG_NAME} (file {proposal.target}):")
    width = max(len(column) for column in proposal.row)
    for column, value in proposal.row.items():
        print(f"  {column:<{width}}  {value}")
    print()
    report = check_article(proposal.article, f"{proposal.row['id']} ({proposal.target.name})")
    print("\n".join(report_lines(report)))
    print()
    print("\n".join(user_word_lines(proposal.article)))
    print()
    if not report.ok:
        raise CommandError(
            f"{proposal.source}: not added: the cleaner lost characters of this text (see above); "
            "report it with the file attached"
        )
    if args.dry_run:
        print("Dry run: nothing was written.")
        return EXIT_OK
    if not args.yes:
        if not sys.stdin.isatty():
            raise CommandError(
                f"{proposal.source}: not added: there is no terminal to confirm on; run again with --yes "
                "(or --dry-run to only look)",
                EXIT_USAGE,
            )
        answer = input(f"Add {proposal.row['id']} to {seeds_dir}? [y/N] ").strip().lower()
        if answer not in ("y", "yes"):
            print("Not added: nothing was written.")
            return EXIT_OK
    add_to_seeds(proposal, seeds_dir)
    print(f"Added {proposal.row['id']}: {proposal.target} and a row at the end of {seeds_dir / CATALOG_NAME}.")
    print(
        "Fill in the row's empty columns (title_en, source, perspective, genre…) in a spreadsheet, then run `make test`."
    )
    return EXIT_OK


def run_notebook(args: argparse.Namespace) -> int:
    """``notebook``: write (and run once) a starter reading notebook for one article."""
    from ..starter import write_starter_notebook

    corpus = load_corpus(args.seeds)
    if args.id not in corpus:
        raise CommandError(
            f"no article {args.id!r} in {Path(args.seeds) / CATALOG_NAME} (known: {', '.join(corpus.ids)})"
        )
    out = Path(args.out) if args.out else Path("notebooks") / f"{args.id}.ipynb"
    if out.exists() and not args.force:
        raise CommandError(f"{out} already exists: a notebook is never overwritten without --force", EXIT_USAGE)
    # The kernel runs in the notebook's folder: it is given the seeds folder as an absolute path.
    seeds = None if Path(args.seeds).resolve() == SEEDS_DIR.resolve() else str(Path(args.seeds).resolve())
    print(f"writing {out} and running it once, so that its outputs are stored…", file=sys.stderr)
    write_starter_notebook(args.id, out, seeds, execute=not args.no_run)
    print(
        f"wrote {out}: fill in the places marked 'Teacher:', then run it again with "
        f"`jupyter nbconvert --to notebook --execute --inplace {out}`"
    )
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    """``export``: write the corpus's tables (or texts) into a folder."""
    if args.format == "parquet" and not parquet_available():
        raise CommandError(
            "parquet needs the pyarrow package, which is not installed: run `pip install pyarrow`, "
            "or choose --format csv or jsonl",
            EXIT_USAGE,
        )
    seeds_dir = Path(args.seeds).resolve()
    out = Path(args.out)
    if out.resolve() == seeds_dir or seeds_dir in out.resolve().parents:
        raise CommandError(f"{out}: will not write into the seeds folder; choose another --out", EXIT_USAGE)
    corpus = load_corpus(seeds_dir)
    out.mkdir(parents=True, exist_ok=True)
    progress = not args.quiet and sys.stderr.isatty()
    if args.format == "txt":
        written = [(path, len(article.paragraphs)) for path, article in zip(write_texts(corpus, out), corpus)]
        unit = "paragraphs"
    else:
        tables = _table_list(args.tables)
        steps = tqdm(
            export_tables(corpus, tables, progress=progress),
            total=len(tables),
            desc="export",
            unit="table",
            disable=not progress,
        )
        written = [(write_table(frame, out, name, args.format), len(frame)) for name, frame in steps]
        unit = "rows"
    if not args.quiet:
        for path, count in written:
            print(f"{path}  {count:,} {unit}  {_size(path.stat().st_size)}")
    print(f"exported {len(corpus)} article(s) to {out} as {args.format}")
    return EXIT_OK


def _table_list(spec: str | None) -> list[str]:
    if not spec:
        return list(TABLES)
    names = [name.strip() for name in spec.split(",") if name.strip()]
    unknown = [name for name in names if name not in TABLES]
    if unknown:
        raise CommandError(f"unknown table(s) {', '.join(unknown)}; choose from {', '.join(TABLES)}", EXIT_USAGE)
    return names


def _size(size: int) -> str:
    return f"{size / 2**20:.1f} MiB" if size >= 2**20 else f"{size / 2**10:.1f} KiB"


def _one_line(message: str) -> str:
    return " ".join(str(message).split())


# --- The parser ------------------------------------------------------------------------------

EXAMPLES_INFO = """examples:
  %(prog)s
  %(prog)s --seeds ~/my_seeds
"""
EXAMPLES_CHECK = """examples:
  %(prog)s                         check seeds/catalog.csv and every file it lists
  %(prog)s --quiet                 only the problems, for CI
  %(prog)s ~/Downloads/article.txt check a text before adding it

exit status: 0 when there are no errors (warnings are allowed), 1 when a file
or catalog row is bad or the cleaner lost characters of a text.
"""
EXAMPLES_ADD = """examples:
  %(prog)s ~/Downloads/article.txt --dry-run          show the proposed row and the check, write nothing
  %(prog)s ~/Downloads/article.txt --year 2024 --yes  add it without asking
  %(prog)s article.txt --id japan-asean-2019 --authors "王小明;李華" --source "《東南亞研究》2019年第3期"

Without --yes the command asks before writing; where there is no terminal to
ask on (a script, CI), it writes nothing and exits with status 2 unless --yes
is given. The file is copied byte for byte and never over an existing one.
"""
EXAMPLES_NOTEBOOK = """examples:
  %(prog)s japan-asean-2019                      writes notebooks/japan-asean-2019.ipynb
  %(prog)s japan-asean-2019 --out /tmp/try.ipynb --force
"""
EXAMPLES_EXPORT = """examples:
  %(prog)s                                  every table as CSV in ./export
  %(prog)s --format jsonl --out /tmp/corpus
  %(prog)s --format csv --tables paragraphs,notes
  %(prog)s --format txt --out texts         one cleaned text per article

tables: articles, headings, paragraphs, notes, tokens, themes, quantities,
figures, timeline. Every row keeps its article_id, and its para_id where it has
one. CSV files are UTF-8 with a byte-order mark (Excel reads the Chinese
correctly). Parquet needs pyarrow (`pip install pyarrow`).
"""


def build_parser(prog: str | None = None) -> argparse.ArgumentParser:
    """The argument parser, with one sub-command per task.

    >>> build_parser("jp").parse_args(["export", "--format", "jsonl"]).format
    'jsonl'
    """
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Look at the corpus, check and add articles, export the cleaned corpus.",
        epilog="Run '%(prog)s COMMAND --help' for a command's options and examples.",
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--seeds",
        default=str(SEEDS_DIR),
        metavar="DIR",
        help="the seeds folder: catalog.csv and the texts (default: the repository's seeds/)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    formatter = argparse.RawDescriptionHelpFormatter

    info = commands.add_parser(
        "info",
        parents=[common],
        help="the corpus at a glance, as a table",
        description="The corpus at a glance: one row per article.",
        epilog=EXAMPLES_INFO,
        formatter_class=formatter,
    )
    info.set_defaults(run=run_info)

    check = commands.add_parser(
        "check",
        parents=[common],
        help="check the catalog and the texts",
        description="Check the catalog and the seed files (or the files given): what the "
        "cleaner found, characters it lost, and anything suspicious.",
        epilog=EXAMPLES_CHECK,
        formatter_class=formatter,
    )
    check.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="files to check instead of the seeds folder (text, PDF, .html, .md or .docx)",
    )
    check.add_argument("-q", "--quiet", action="store_true", help="print only the problems and the summary")
    check.set_defaults(run=run_check)

    add = commands.add_parser(
        "add",
        parents=[common],
        help="add a new article to the seeds folder",
        description="Copy a text into the seeds folder, propose its catalog row (title, "
        "authors and year from the text unless given), check it, and append the row.",
        epilog=EXAMPLES_ADD,
        formatter_class=formatter,
    )
    add.add_argument(
        "file",
        metavar="FILE",
        help="the file to add: a text (UTF-8, GB18030, Big5 or UTF-16), "
        "a PDF, a saved web page (.html), markdown (.md) or Word (.docx)",
    )
    add.add_argument("--id", help="the catalog id, a lower-case slug (default: from the file name)")
    add.add_argument("--title", help="the title (default: the one found in the text)")
    add.add_argument("--authors", help="the authors, separated by ';' (default: the byline found in the text)")
    add.add_argument("--year", help="four digits (default: the dateline's year, else the latest year mentioned)")
    add.add_argument("--year-basis", help="how the year was decided (written to the year_basis column)")
    add.add_argument("--source", help="where the text was published")
    add.add_argument(
        "--script",
        choices=("traditional", "simplified"),
        help="the script (default: detected; needed when the text has no script-specific characters)",
    )
    add.add_argument("--name", help="the file's name in the seeds folder (default: its current name)")
    add.add_argument("-y", "--yes", action="store_true", help="add without asking")
    add.add_argument("-n", "--dry-run", action="store_true", help="show the proposal and the check; write nothing")
    add.set_defaults(run=run_add)

    notebook = commands.add_parser(
        "notebook",
        parents=[common],
        help="write a starter reading notebook for an article",
        description="Write a starter reading notebook for one article: its context, "
        "outline, passages in both scripts, key terms, figures, dates and "
        "themes, with places marked for the teacher. The notebook is run "
        "once, so that it is stored with its outputs.",
        epilog=EXAMPLES_NOTEBOOK,
        formatter_class=formatter,
    )
    notebook.add_argument("id", help="the article's catalog id")
    notebook.add_argument("--out", metavar="FILE", help="where to write it (default: notebooks/<id>.ipynb)")
    notebook.add_argument("--force", action="store_true", help="overwrite an existing notebook")
    notebook.add_argument("--no-run", action="store_true", help="write it without running it (no outputs stored)")
    notebook.set_defaults(run=run_notebook)

    export = commands.add_parser(
        "export",
        parents=[common],
        help="write the cleaned corpus as tables or texts",
        description="Write the cleaned corpus for use outside Python.",
        epilog=EXAMPLES_EXPORT,
        formatter_class=formatter,
    )
    export.add_argument("--format", choices=FORMATS, default="csv", help="the file format (default: csv)")
    export.add_argument("--out", default="export", metavar="DIR", help="the folder to write to (default: ./export)")
    export.add_argument("--tables", metavar="NAMES", help="comma-separated tables to write (default: all)")
    export.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no list of files")
    export.set_defaults(run=run_export)
    return parser


def program_name() -> str:
    """How the user called us: ``python -m helpers`` or the console script's name."""
    name = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else ""
    return "python -m helpers" if name in ("", "__main__.py", "-c") else name


def main(argv: list[str] | None = None) -> int:
    """Run one command and return its exit status; user mistakes get one line on stderr.

    >>> main(["add", "no-such-file.txt"])  # the error goes to stderr
    1
    """
    parser = build_parser(program_name())
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, or a usage error argparse has already explained
        return int(stop.code or 0) if not isinstance(stop.code, str) else EXIT_USAGE
    try:
        return args.run(args)
    except (CorpusError, CommandError) as error:
        print(f"{parser.prog} {args.command}: error: {_one_line(str(error))}", file=sys.stderr)
        return getattr(error, "status", EXIT_ERRORS)
    except BrokenPipeError:  # the output was piped into `head`, which has read enough
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (stdout until exit: Python's final flush must not complain)
        return EXIT_ERRORS
    except OSError as error:  # permission denied, disk full: say which file
        where = f"{error.filename}: " if error.filename else ""
        print(f"{parser.prog} {args.command}: error: {where}{error.strerror or error}", file=sys.stderr)
        return EXIT_ERRORS
    except KeyboardInterrupt:
        print(f"{parser.prog} {args.command}: interrupted", file=sys.stderr)
        return 130
