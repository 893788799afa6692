"""The Han characters the character model finds rare, as one regex character class.

Shared by the suspicion scan (two rare characters close together) and the out-of-step triggers (an ASCII
trail byte after a rare character). Built once from the model on first use (0.17 s), never at import time.
It only describes the model: it changes no text.
"""

from __future__ import annotations

from functools import lru_cache

from ..shadow import to_simplified_chars
from .charlm import load

RARE_COST = 5.0
HAN_BLOCKS = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
SUPPLEMENTARY_HAN = "\U00020000-\U0003134f"


@lru_cache(maxsize=1)
def rare_class() -> str:
    """A regex character class of every Han character the model finds rare (after folding)."""
    lm = load()
    codes = [code for low, high in HAN_BLOCKS for code in range(low, high + 1)]
    folded = to_simplified_chars("".join(map(chr, codes)))
    rare = [code for code, char in zip(codes, folded, strict=True) if lm.unigram_cost(char) >= RARE_COST]
    ranges: list[str] = []
    start = previous = rare[0]
    for code in [*rare[1:], -1]:
        if code != previous + 1:
            ranges.append(chr(start) if start == previous else f"{chr(start)}-{chr(previous)}")
            start = code
        previous = code
    return "[" + "".join(ranges) + SUPPLEMENTARY_HAN + "]"
