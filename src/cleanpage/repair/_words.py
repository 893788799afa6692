"""What a short stretch of Chinese costs read as words: the cheapest segmentation into known words.

The character model (:mod:`.charlm`) knows the character pairs inside words and nothing across them, so
between two candidates for a lost character it prefers the one that makes a word with a neighbour, even where
the text needs a function word at a word boundary: ``完善答應急預案`` (答應 is a word) beats ``完善的應急預案``.
Read as words, the second is ``完善 的 应急 预案``, four common words, and much cheaper. A lost character's
choice among its model's best few candidates is checked this way (:mod:`.byteshift`).

The table (``cleanpage/data/word_lm.bin``, built by ``scripts/build_word_lm.py`` from wordfreq's Chinese
``large`` list: Han words of one to four characters, each with its ``-log10`` frequency) is loaded on first
use. A Han character that is no word of the table costs :data:`UNKNOWN_HAN`, anything else
:data:`OTHER`; text is folded to Simplified first, as the table is.
"""

from __future__ import annotations

import math
import zlib
from functools import lru_cache
from importlib import resources

from ..shadow import to_simplified_chars

MAGIC = b"CPWL1"
COST_STEP = 0.05
MAX_WORD = 4
UNKNOWN_HAN = 8.0  # rarer than every word the table keeps (6.5): a character no word explains
OTHER = 2.5  # punctuation, digits, Latin: what the character model charges for them too


@lru_cache(maxsize=1)
def _table() -> dict[str, float]:
    data = resources.files("cleanpage.data").joinpath("word_lm.bin").read_bytes()
    if not data.startswith(MAGIC):
        raise ValueError("not a cleanpage word table")
    table = {}
    for line in zlib.decompress(data[len(MAGIC):]).decode("utf-8").split("\n"):
        word, cost = line.split("\t")
        table[word] = int(cost) * COST_STEP
    return table


@lru_cache(maxsize=65536)
def segment_cost(text: str) -> float:
    """The cost (``-log10``) of ``text``'s cheapest reading as a sequence of words."""
    words = _table()
    folded = to_simplified_chars(text)
    best = [0.0] + [math.inf] * len(folded)
    for end in range(1, len(folded) + 1):
        for start in range(max(0, end - MAX_WORD), end):
            piece = folded[start:end]
            cost = words.get(piece)
            if cost is None:
                if end - start > 1:
                    continue
                cost = UNKNOWN_HAN if "\u3400" <= piece <= "\u9fff" else OTHER
            best[end] = min(best[end], best[start] + cost)
    return best[-1]
