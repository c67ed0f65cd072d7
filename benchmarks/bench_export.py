"""How long ``python -m helpers export --format csv`` takes, for the corpus and for the corpus 100 times over.

Run it from the repository's root folder:

    python benchmarks/bench_export.py [copies]

``copies`` (default 100) is how many times the corpus is repeated. The repeated
corpus is a temporary seeds folder whose catalog has ``copies`` rows for each of
the five articles, every row pointing at the same seed file under its own id
(``abe-beijing-2018``, ``abe-beijing-2018-r001``, …). Rows rather than copied files,
because the paragraph-break corrections in ``helpers/data/paragraph_breaks.csv``
are keyed by file name: this way every copy is cleaned exactly like the
original. Each row is still read, decoded, cleaned and structured on its own, as
500 different files would be, so the load time is that of a 500-article corpus.
The curated figures and the timeline belong to the original five ids, so those
two tables do not grow.

The script prints, for each size, the cold load time (the loader's cache cleared),
then the time and size of each table as ``export`` builds and writes it (the same
functions the command calls), and the total. jieba's dictionary is loaded once
beforehand, as it is once per process, and reported on its own.
"""

from __future__ import annotations

import csv
import sys
import tempfile
import time
from pathlib import Path

import helpers
from helpers.analysis import export
from helpers.language import tokenizer
from helpers.loading import SEEDS_DIR, _load_corpus_cached


def repeated_seeds(folder: Path, copies: int) -> Path:
    """A seeds folder holding the five seed files and a catalog listing each of them ``copies`` times."""
    folder.mkdir()
    with open(SEEDS_DIR / "catalog.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        (folder / row["file"]).write_bytes((SEEDS_DIR / row["file"]).read_bytes())
    with open(folder / "catalog.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        for copy in range(copies):
            for row in rows:
                writer.writerow({**row, "id": row["id"] if copy == 0 else f"{row['id']}-r{copy:03d}"})
    return folder


def cold_load(folder: Path) -> tuple[helpers.Corpus, float]:
    """Load a seeds folder with the cache cleared; return the corpus and the seconds it took."""
    _load_corpus_cached.cache_clear()
    start = time.perf_counter()
    corpus = helpers.load_corpus(folder)
    return corpus, time.perf_counter() - start


def timed_export(corpus: helpers.Corpus, out: Path) -> list[tuple[str, int, float, int]]:
    """Build and write every table as CSV; return (table, rows, seconds, bytes) for each."""
    out.mkdir()
    results = []
    tables = export.export_tables(corpus)
    while True:
        start = time.perf_counter()
        try:
            name, frame = next(tables)
        except StopIteration:
            return results
        path = export.write_table(frame, out, name, "csv")
        results.append((name, len(frame), time.perf_counter() - start, path.stat().st_size))


def report(
    label: str, corpus: helpers.Corpus, load_seconds: float, results: list[tuple[str, int, float, int]]
) -> float:
    paragraphs = sum(len(article.paragraphs) for article in corpus)
    print(f"\n{label}: {len(corpus)} articles, {paragraphs:,} paragraphs")
    print(f"  {'load_corpus (cold)':<22} {'':>12} {load_seconds:9.2f} s")
    for name, rows, seconds, size in results:
        print(f"  {name + '.csv':<22} {rows:>12,} rows {seconds:9.2f} s {size / 2**20:9.2f} MiB")
    export_seconds = sum(seconds for _, _, seconds, _ in results)
    size = sum(size for *_, size in results)
    total = load_seconds + export_seconds
    print(
        f"  {'total':<22} {'':>12}      {total:9.2f} s {size / 2**20:9.2f} MiB   (export alone {export_seconds:.2f} s)"
    )
    return total


def main(copies: int = 100) -> None:
    start = time.perf_counter()
    tokenizer()
    print(
        f"Python {sys.version.split()[0]}; jieba dictionary loaded in {time.perf_counter() - start:.2f} s (once per process)"
    )
    with tempfile.TemporaryDirectory() as workspace:
        workspace = Path(workspace)
        for label, count in (("the corpus", 1), (f"the corpus x{copies}", copies)):
            seeds = repeated_seeds(workspace / f"seeds-{count}", count)
            corpus, load_seconds = cold_load(seeds)
            results = timed_export(corpus, workspace / f"export-{count}")
            report(label, corpus, load_seconds, results)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
