"""Layer 1, text: strings in, strings or rows out; nothing here knows about articles.

- :mod:`~helpers.text.cleaning`: decoding a file's bytes, spaces, Han characters
  and display widths, markdown escapes, note markers.
- :mod:`~helpers.text.script`: Traditional ↔ Simplified conversion (OpenCC).
- :mod:`~helpers.text.language`: word segmentation (jieba), stopwords, pinyin, the glossary.
- :mod:`~helpers.text.quantities`: numbers, amounts and durations written in Chinese.
"""
