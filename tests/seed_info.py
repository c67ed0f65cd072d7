"""What the tests know about the five seed articles, so that a sixth article breaks nothing.

Seed-specific expectations (counts, passages, curated data) are keyed to these
ids; a test of curated data (argument maps, exercises, timeline, figures) runs
for the articles that have such data, and only the five seeds are required to.
A teacher's new article is checked by the generic tests (tests/test_sixth_article.py).
"""

from __future__ import annotations

from pathlib import Path

#: The five seed articles, in catalog order.
SEED_IDS = ("abe-beijing-2018", "japan-us-2021", "china-japan-2025", "central-asia-2007", "japan-korea-2024")
DATA = Path(__file__).resolve().parent.parent / "helpers" / "data"


def seeds_in(ids) -> list[str]:
    """The seed ids among ``ids``, in the order given."""
    return [article_id for article_id in ids if article_id in SEED_IDS]


def with_argument_map(ids) -> list[str]:
    """The articles among ``ids`` that have an argument map (``helpers/data/arguments/<id>.toml``)."""
    return [article_id for article_id in ids if (DATA / "arguments" / f"{article_id}.toml").is_file()]
