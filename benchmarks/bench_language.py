"""How fast the language tools are, on the corpus and on the corpus repeated 100 times.

Prints, as plain text:
- segmentation throughput (characters per second), cold (first call in a fresh
  process: jieba builds or loads its dictionary) and warm;
- theme tagging and quantity extraction time for the corpus;
- the same three for the corpus repeated 10 and 100 times, with the time per
  character, so one can see that the cost grows linearly.

Run: ``python benchmarks/bench_language.py`` (about a minute).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from helpers import load_corpus  # noqa: E402
from helpers.language import segment  # noqa: E402
from helpers.quantities import extract_quantities  # noqa: E402
from helpers.records import Paragraph  # noqa: E402
from helpers.themes import load_themes, tag_themes  # noqa: E402

COLD_SCRIPT = """
import time, sys
sys.path.insert(0, {root!r})
from helpers import load_corpus
texts = [p.text for a in load_corpus() for p in a.paragraphs]
from helpers.language import segment
start = time.perf_counter()
for text in texts:
    segment(text)
print(time.perf_counter() - start)
"""


def timed(function, repeat: int = 5) -> float:
    """Median wall time of ``function()`` over ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    corpus = load_corpus()
    paragraphs = [p for article in corpus for p in article.paragraphs]
    chars = sum(len(p.text) for p in paragraphs)
    print(f"corpus: {len(corpus)} articles, {len(paragraphs)} paragraphs, {chars:,} characters")

    colds = [
        float(subprocess.check_output([sys.executable, "-c", COLD_SCRIPT.format(root=str(ROOT))], text=True))
        for _ in range(3)
    ]
    cold = statistics.median(colds)
    print(f"segmentation, cold (fresh process, includes loading jieba): {cold:.2f} s = {chars / cold:,.0f} chars/s")
    for p in paragraphs:
        segment(p.text)
    warm = timed(lambda: [segment(p.text) for p in paragraphs])
    print(f"segmentation, warm: {warm * 1000:.0f} ms = {chars / warm:,.0f} chars/s")

    themes = load_themes()
    tagging = timed(lambda: tag_themes(paragraphs, themes))
    print(f"theme tagging, corpus: {tagging * 1000:.1f} ms")
    quantities = timed(lambda: [extract_quantities(p.text) for p in paragraphs])
    print(f"quantity extraction, corpus: {quantities * 1000:.1f} ms")

    print("\nscaling (time per 1,000 characters should stay flat):")
    print(f"{'copies':>7} {'chars':>10} {'segment s':>10} {'themes s':>9} {'quantities s':>13} {'µs/char seg':>12}")
    for copies in (1, 10, 100):
        repeated = [Paragraph(f"x{i}:{p.id}", p.text, p.section, p.lines) for i in range(copies) for p in paragraphs]
        n = chars * copies
        repeat = 1 if copies == 100 else 3
        # The lambdas are timed at once, inside this iteration: binding `repeated` late is what is meant.
        seg = timed(lambda: [segment(p.text) for p in repeated], repeat=repeat)  # noqa: B023
        tag = timed(lambda: tag_themes(repeated, themes), repeat=repeat)  # noqa: B023
        qty = timed(lambda: [extract_quantities(p.text) for p in repeated], repeat=repeat)  # noqa: B023
        print(f"{copies:>7} {n:>10,} {seg:>10.2f} {tag:>9.2f} {qty:>13.2f} {seg / n * 1e6:>12.1f}")


if __name__ == "__main__":
    main()
