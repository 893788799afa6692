"""A small character language model for scoring candidate repairs.

Built by ``scripts/build_char_lm.py`` from wordfreq's Chinese word list (a
maintained, multi-source frequency list shipped with the ``wordfreq``
package): character unigram costs and the character bigrams inside words,
stored as quantised ``-log10`` probabilities in ``cleanpage/data/char_lm.bin``.
It is loaded lazily on the first suspicious span, never at import time, and
needs no network. The frequency data is Simplified, so text is folded to
Simplified one character at a time before scoring (Traditional text in GBK
is scored as well as Simplified text).

Costs are ``-log10 P``: lower is more likely. Bigram probabilities are
interpolated with unigrams, so pairs across word boundaries still score.
"""

from __future__ import annotations

import bisect
import itertools
import math
import struct
import sys
import unicodedata
import zlib
from array import array
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Protocol

from ..shadow import to_simplified_chars

MAGIC = b"CPLM1"
COST_STEP = 0.05
BIGRAM_WEIGHT = 0.6
UNKNOWN_HAN_COST = 7.0
# Punctuation is not in the word list: its costs follow its share of Chinese news text (，most, then 。, 、, quotes…).
CJK_PUNCT_COSTS = {"，": 1.2, "。": 1.4, "、": 1.7, "“": 1.9, "”": 1.9, "：": 2.0, "（": 2.1, "）": 2.1, "《": 2.2,
                   "》": 2.2, "？": 2.2, "！": 2.2, "「": 2.2, "」": 2.2, "；": 2.3, "【": 2.4, "】": 2.4, "‘": 2.4,
                   "’": 2.4, "—": 2.4, "…": 2.4, "·": 2.4, "『": 2.6, "』": 2.6, "〈": 2.6, "〉": 2.6, "．": 2.8}
CJK_PUNCT = frozenset(CJK_PUNCT_COSTS)
DIGIT_LATIN_COST = 2.5
SPACE_COST = 2.5
OTHER_COST = 5.0
MEMO_SIZE = 200_000
DAMAGE_COST = 9.0  # U+FFFD, private use, C1 controls: what a repair should remove


class Scorer(Protocol):
    """What a repair needs from a model: costs (``-log10 P``) of characters in context."""

    def unigram_cost(self, char: str) -> float: ...

    def pair_cost(self, previous: str | None, char: str) -> float: ...

    def cost(self, text: str, previous: str | None = None) -> float: ...


class CharLM:
    """Unigram and in-word bigram costs over Simplified characters."""

    def __init__(self, unigram: dict[str, float], bigram_keys: array[int], bigram_costs: bytes) -> None:
        self.unigram = unigram
        self.bigram_keys = bigram_keys
        self.bigram_costs = bigram_costs
        self._memo: dict[tuple[str | None, str], float] = {}

    @classmethod
    def from_bytes(cls, data: bytes) -> CharLM:
        if not data.startswith(MAGIC):
            raise ValueError("not a cleanpage character model")
        body = zlib.decompress(data[len(MAGIC):])
        blob_len, n_chars, n_bigrams = struct.unpack_from("<III", body)
        offset = 12
        chars = body[offset:offset + blob_len].decode("utf-8")
        offset += blob_len
        costs = body[offset:offset + n_chars]
        offset += n_chars
        keys = array("Q")
        keys.frombytes(body[offset:offset + 8 * n_bigrams])
        if sys.byteorder != "little":
            keys.byteswap()
        offset += 8 * n_bigrams
        unigram = {ch: cost * COST_STEP for ch, cost in zip(chars, costs, strict=True)}
        return cls(unigram, keys, body[offset:offset + n_bigrams])

    def unigram_cost(self, char: str) -> float:
        cost = self.unigram.get(char)
        if cost is not None:
            return cost
        if (punct := CJK_PUNCT_COSTS.get(char)) is not None:
            return punct
        if char.isascii():
            return SPACE_COST if char.isspace() else DIGIT_LATIN_COST
        category = unicodedata.category(char)
        if char == "\ufffd" or category in ("Co", "Cc", "Cs", "Cn"):
            return DAMAGE_COST
        if category == "Lo" and "\u3400" <= char <= "\U0002ffff":
            return UNKNOWN_HAN_COST
        return OTHER_COST

    def _bigram(self, first: str, second: str) -> float | None:
        key = ord(first) << 21 | ord(second)
        index = bisect.bisect_left(self.bigram_keys, key)
        if index < len(self.bigram_keys) and self.bigram_keys[index] == key:
            return self.bigram_costs[index] * COST_STEP
        return None

    def in_word(self, first: str, second: str) -> bool:
        """Whether the pair (folded) occurs inside a word of the source list."""
        return self._bigram(first, second) is not None

    def pair_cost(self, previous: str | None, char: str) -> float:
        """Cost of ``char`` after ``previous`` (both already folded to Simplified)."""
        key = (previous, char)
        cost = self._memo.get(key)
        if cost is None:
            if len(self._memo) > MEMO_SIZE:
                self._memo.clear()
            cost = self._memo[key] = self._pair_cost(previous, char)
        return cost

    def _pair_cost(self, previous: str | None, char: str) -> float:
        base = self.unigram_cost(char)
        if previous is None or previous not in self.unigram or char not in self.unigram:
            return base
        conditional = self._bigram(previous, char)
        if conditional is None:
            return base - math.log10(1 - BIGRAM_WEIGHT)
        return -math.log10(BIGRAM_WEIGHT * 10 ** -conditional + (1 - BIGRAM_WEIGHT) * 10 ** -base)

    def cost(self, text: str, previous: str | None = None) -> float:
        """Total cost of ``text`` (folded here) after the character ``previous``."""
        folded = to_simplified_chars(text)
        total = 0.0
        prev = to_simplified_chars(previous) if previous else None
        for char in folded:
            total += self.pair_cost(prev, char)
            prev = char
        return total


@lru_cache(maxsize=1)
def load() -> CharLM:
    """The shipped model, loaded on first use."""
    data = resources.files("cleanpage.data").joinpath("char_lm.bin").read_bytes()
    return CharLM.from_bytes(data)


CACHE_BIGRAM_WEIGHT = 0.3
CACHE_UNIGRAM_WEIGHT = 0.05
CACHE_MIN_CHARS = 500  # a shorter page says too little about its own character frequencies
CACHE_MAX_COST = 5.0  # only pairs of common characters enter the page cache: damaged runs are rare characters
# A character the page never counted gets only the general model's share of the mixture.
UNSEEN_PENALTY = -math.log10(1 - CACHE_UNIGRAM_WEIGHT - CACHE_BIGRAM_WEIGHT)


class PageLM:
    """The shipped model mixed with the bigrams of the page being repaired (a cache model).

    A page repeats its own characters and phrases (``疫情防控大局`` in one
    paragraph helps choose ``大局`` over ``大军`` where a byte of ``局`` was lost
    in another), so page unigram and bigram frequencies are interpolated with
    the general model, as in a classic cache language model.
    Only pairs of common characters are counted, so a damaged run does not
    vouch for itself.
    """

    def __init__(self, lm: CharLM, texts: Sequence[str] = ()) -> None:
        self.lm = lm
        self.pairs: Counter[tuple[str, str]] = Counter()
        self.firsts: Counter[str] = Counter()
        self.chars: Counter[str] = Counter()
        for text in texts:
            self._count(text)
        self.total = sum(self.chars.values())
        self._memo: dict[tuple[str | None, str], float] = {}
        self.page: PageLM | None = None
        self.own: PageLM | None = None

    def _count(self, text: str) -> None:
        folded = to_simplified_chars(text)
        unigram = self.lm.unigram
        self.chars.update(ch for ch in folded if unigram.get(ch, CACHE_MAX_COST) < CACHE_MAX_COST)
        for first, second in itertools.pairwise(folded):
            if unigram.get(first, CACHE_MAX_COST) < CACHE_MAX_COST and unigram.get(second, CACHE_MAX_COST) < CACHE_MAX_COST:
                self.pairs[first, second] += 1
                self.firsts[first] += 1

    def excluding(self, text: str) -> PageLM:
        """The same model without what ``text`` added to the page counts: a damaged span whose
        out-of-step characters happen to be common must not vouch for itself. Shares the page
        counts (costs as many look-ups as ``text`` is long, not the page)."""
        other = PageLM(self.lm)
        other.page, other.own = self, PageLM(self.lm, (text,))
        other.total = self.total
        return other

    def _counts(self, previous: str | None, char: str) -> tuple[int, int, int]:
        """Page counts of ``char``, of the pair and of pairs starting with ``previous``, less ``own``'s."""
        if self.page is None:
            seen = self.pairs.get((previous, char), 0) if previous is not None else 0
            return self.chars[char], seen, self.firsts[previous] if previous is not None else 0
        page, own = self.page._counts(previous, char), self.own._counts(previous, char) if self.own else (0, 0, 0)
        return page[0] - own[0], page[1] - own[1], page[2] - own[2]

    def unigram_cost(self, char: str) -> float:
        return self.lm.unigram_cost(char)

    def pair_cost(self, previous: str | None, char: str) -> float:
        key = (previous, char)
        cost = self._memo.get(key)
        if cost is None:
            page, own = self.page, self.own
            if page is not None and own is not None and char not in own.chars and previous not in own.firsts:
                # The span taken out never counted this character or pair: the page's own cost, shared
                # (and remembered) across every span of the page.
                cost = page.pair_cost(previous, char)
            elif page is None and char not in self.chars:
                cost = self.lm.pair_cost(previous, char) + UNSEEN_PENALTY  # no page count can apply
            else:
                cost = self._pair_cost(previous, char)
            self._memo[key] = cost
        return cost

    def _pair_cost(self, previous: str | None, char: str) -> float:
        general = 10 ** -self.lm.pair_cost(previous, char)
        chars, seen, firsts = self._counts(previous, char)
        unigram = chars / self.total if self.total >= CACHE_MIN_CHARS else 0.0
        bigram = seen / firsts if seen > 0 else 0.0
        mixed = ((1 - CACHE_UNIGRAM_WEIGHT - CACHE_BIGRAM_WEIGHT) * general + CACHE_UNIGRAM_WEIGHT * unigram
                 + CACHE_BIGRAM_WEIGHT * bigram)
        if not mixed:
            return -math.log10(general)
        return -math.log10(mixed)

    def cost(self, text: str, previous: str | None = None) -> float:
        folded = to_simplified_chars(text)
        prev = to_simplified_chars(previous) if previous else None
        total = 0.0
        for char in folded:
            total += self.pair_cost(prev, char)
            prev = char
        return total
