"""How long loading the corpus takes, and how much memory it needs.

Run it from the repository's root folder:

    python benchmarks/bench_load.py [runs]

It prints the import time of ``helpers`` (in a fresh interpreter, so nothing is
already imported), the cold load time of the five articles (cache cleared before
each run: decoding, cleaning and structuring every file), the warm load time
(the cached corpus, as a notebook sees it on a second call), and the peak memory
that one cold load allocates.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable

import helpers
from helpers.loading import _load_corpus_cached


def import_seconds() -> float:
    """Time ``import helpers`` in a new Python process, as a notebook's first cell pays it."""
    code = "import time; t = time.perf_counter(); import helpers; print(time.perf_counter() - t)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(result.stdout)


def cold_load() -> helpers.Corpus:
    """Load the corpus with the cache cleared, so every file is read and cleaned again."""
    _load_corpus_cached.cache_clear()
    return helpers.load_corpus()


def timings(function: Callable[[], object], runs: int) -> list[float]:
    """Wall-clock seconds of ``runs`` calls of ``function``."""
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        seconds.append(time.perf_counter() - start)
    return seconds


def peak_bytes(function: Callable[[], object]) -> int:
    """The most memory Python allocated at once while ``function`` ran."""
    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def report(label: str, seconds: list[float], unit: float = 1e-3, unit_name: str = "ms") -> None:
    median, best = statistics.median(seconds) / unit, min(seconds) / unit
    print(f"{label:<34} median {median:9.3f} {unit_name}   min {best:9.3f} {unit_name}   ({len(seconds)} runs)")


def main(runs: int = 10) -> None:
    corpus = cold_load()
    paragraphs = sum(len(article.paragraphs) for article in corpus)
    characters = sum(len(article.raw) for article in corpus)
    print(
        f"Python {sys.version.split()[0]}; {len(corpus)} articles, {paragraphs} paragraphs, {characters} raw characters"
    )

    report("import helpers (fresh process)", [import_seconds() for _ in range(max(3, runs // 2))])
    report("load_corpus(), cold", timings(cold_load, runs))
    helpers.load_corpus()
    report("load_corpus(), warm (cached)", timings(helpers.load_corpus, runs * 10), 1e-6, "µs")
    print(f"{'peak memory of one cold load':<34} {peak_bytes(cold_load) / 2**20:.1f} MiB (tracemalloc)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
