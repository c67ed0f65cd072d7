"""Layer 3, analysis and curated data: what the notebooks find in the corpus.

- :mod:`~helpers.analysis.themes`: the theme taxonomy (``data/themes.toml``) and tagging.
- :mod:`~helpers.analysis.concordance`: keyword in context.
- :mod:`~helpers.analysis.figures`: the figures the articles cite (``data/figures.csv``) and their checks.
- :mod:`~helpers.analysis.timeline`: dated events (``data/timeline.csv``).
- :mod:`~helpers.analysis.compare`: vocabulary and actors across articles.
- :mod:`~helpers.analysis.export`: every table, for ``info`` and ``export``.
"""
