"""The folded "shadow" of a line, and the line features detectors decide on.

Detectors match on a shadow copy of each block: full-width ASCII folded to
ASCII, exotic spaces to a plain space, Traditional characters to Simplified
(one character at a time) and A-Z to a-z. Every substitution is one character
for one character, so an offset in the shadow is the same offset in the
original text and cuts are made on the original. Lexicons therefore need only
their Simplified, half-width, lower-case spelling.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

SPACES = "\u3000\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\t"
# Sentence punctuation as counted by the catalogue (colons excluded: labels use them).
SENTENCE_PUNCT = frozenset(",;!?。、…")  # on the shadow: full-width ，；！？ are already folded
TERMINAL = frozenset("。！？!?…”」』）)")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FA1F))


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, int]:
    table: dict[int, int] = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
    table.update({ord(ch): 0x20 for ch in SPACES})
    table.update({code: code + 32 for code in range(ord("A"), ord("Z") + 1)})
    # Full-width upper-case letters fold straight to lower case.
    table.update({code: code - 0xFEE0 + 32 for code in range(0xFF21, 0xFF3B)})
    data = resources.files("cleanpage.data").joinpath("t2s_chars.json").read_text(encoding="utf-8")
    table.update({ord(trad): ord(simp) for trad, simp in json.loads(data).items()})
    return table


def fold(text: str) -> str:
    """The shadow of ``text``: same length, folded for matching."""
    return text.translate(_fold_table())


def to_simplified_chars(text: str) -> str:
    """Traditional to Simplified one character at a time (no phrase rules, length kept)."""
    return fold(text)


def is_han(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in HAN_RANGES)


@dataclass(frozen=True)
class Features:
    """Shape of one line, computed on its shadow."""

    vlen: int
    han: int
    sent_punct: int
    term_end: bool

    @property
    def short(self) -> bool:
        return self.vlen <= 30

    @property
    def sentence_like(self) -> bool:
        return self.vlen >= 20 and self.sent_punct >= 1 and (self.term_end or self.sent_punct >= 2)

    @property
    def han_ratio(self) -> float:
        return self.han / self.vlen if self.vlen else 0.0


def features(shadow: str) -> Features:
    stripped = "".join(shadow.split())
    han = len(HAN.findall(stripped))
    sent = sum(stripped.count(mark) for mark in SENTENCE_PUNCT)
    last = stripped[-1:]
    term = bool(last) and (last in TERMINAL or (last == "." and len(stripped) > 1 and is_han(stripped[-2])))
    return Features(vlen=len(stripped), han=han, sent_punct=sent, term_end=term)
