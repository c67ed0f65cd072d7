"""Traditional ⇄ Simplified conversion, with OpenCC.

Converters are built once per process (they load OpenCC's dictionaries) and then
reused; conversion is character-for-character for these texts, so positions in a
converted string line up with the original.

>>> to_simplified("國際變局下的日美關係")
'国际变局下的日美关系'
>>> to_traditional("中日关系的缓和机遇")
'中日關係的緩和機遇'
"""

from __future__ import annotations

import functools

import opencc


@functools.cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Convert Traditional-script text to Simplified (OpenCC ``t2s``)."""
    return _converter("t2s").convert(text)


def to_traditional(text: str) -> str:
    """Convert Simplified-script text to Traditional (OpenCC ``s2t``)."""
    return _converter("s2t").convert(text)


def to_script(text: str, script: str) -> str:
    """Convert ``text`` to ``script`` (``traditional``, ``simplified`` or ``original``).

    >>> to_script("關係", "simplified"), to_script("關係", "original")
    ('关系', '關係')
    """
    if script == "simplified":
        return to_simplified(text)
    if script == "traditional":
        return to_traditional(text)
    if script == "original":
        return text
    raise ValueError(f"script must be 'traditional', 'simplified' or 'original', not {script!r}")
