"""Layer 2, corpus: the articles as records, and everything that makes them from files.

- :mod:`~helpers.corpus.vocabulary`: the words the records use (line roles, front-matter and removed
  kinds, scripts, formats) as enums whose members are their words, and ``LedgerTarget``.
- :mod:`~helpers.corpus.records`: the dataclasses (Article, Paragraph, Note…).
- :mod:`~helpers.corpus.structure`: the parser (raw text → Article, with a ledger of every character).
- :mod:`~helpers.corpus.loading`: the catalog and the corpus (``load_corpus``).
- :mod:`~helpers.corpus.catalog`: adding a text (proposing its catalog row, copying it in).
- :mod:`~helpers.corpus.checks`: what ``check`` reports about a text.
- :mod:`~helpers.corpus.tables`: the corpus as tables (articles, headings, paragraphs, notes, tokens, quantities).
"""
