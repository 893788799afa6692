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
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources

SCRIPT_SAMPLE = 400
SHORT_VLEN = 30
SPACES = "\u3000\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\t"
# Sentence punctuation as counted by the catalogue (colons excluded: labels use them).
SENTENCE_PUNCT = frozenset(",;!?。、…")  # on the shadow: full-width ，；！？ are already folded
TERMINAL = frozenset("。！？!?…”」』）)")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
DIGIT_GROUPING = re.compile(r",(?<=\d,)(?=\d{3}(?!\d))")  # led by the literal comma: found fast
HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FA1F))


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[int, int], re.Pattern[str], dict[int, int], re.Pattern[str]]:
    """The width/space/case table and the Traditional-to-Simplified table, each with a regex of its keys.

    Folding substitutes only the characters that change, found by the regex engine: ``str.translate``
    with a dict would look every character up in Python and costs ten times more on Chinese text.
    """
    width: dict[int, int] = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
    width.update({ord(ch): 0x20 for ch in SPACES})
    width.update({code: code + 32 for code in range(ord("A"), ord("Z") + 1)})
    # Full-width upper-case letters fold straight to lower case.
    width.update({code: code - 0xFEE0 + 32 for code in range(0xFF21, 0xFF3B)})
    data = resources.files("cleanpage.data").joinpath("t2s_chars.json").read_text(encoding="utf-8")
    script = {ord(trad): ord(simp) for trad, simp in json.loads(data).items()}
    return width, _class_of(width), script, re.compile(_class_of(script).pattern + "+")


def _class_of(table: dict[int, int]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(table)) + "]")


def fold(text: str) -> str:
    """The shadow of ``text``: same length, folded for matching."""
    if text.isascii():  # most lines of a page: of ASCII, the tables change only A-Z and the tab (tested)
        return text.lower().replace("\t", " ")
    script_re, table = _tables()[3], _basic_plane_table()
    if len(script_re.findall(text, 0, SCRIPT_SAMPLE)) > SCRIPT_SAMPLE // 40:  # Traditional text: most runs change
        return text.translate(table)
    return _changing_runs().sub(lambda m: m.group().translate(table), text)


@lru_cache(maxsize=1)
def _changing_runs() -> re.Pattern[str]:
    """Runs of characters either table changes: one scan of the text, not one per table."""
    width, _, script, _ = _tables()
    return re.compile(_class_of({**width, **script}).pattern + "+")


@lru_cache(maxsize=1)
def _basic_plane_table() -> str:
    """Both tables as one string indexed by code point (the tables hold no character beyond U+FFFF).

    ``str.translate`` looks a string table up without the exception a dict raises for each
    character it lacks: half the time on Traditional text, for 128 kB.
    """
    width, _, script, _ = _tables()
    return "".join(chr(script.get(width.get(code, code), width.get(code, code))) for code in range(0x10000))


def to_simplified_chars(text: str) -> str:
    """Traditional to Simplified one character at a time (no phrase rules, length kept)."""
    return fold(text)


def is_han(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in HAN_RANGES)


@dataclass(eq=False)
class Features:
    """Shape of one line, computed on its shadow (treat as read-only: it is shared by every detector)."""

    vlen: int
    sent_punct: int
    term_end: bool
    visible: str = field(repr=False, default="")
    # Derived once here: detectors ask every line these questions dozens of times.
    short: bool = field(init=False, repr=False)
    sentence_like: bool = field(init=False, repr=False)

    def __post_init__(self) -> None:
        vlen, sent = self.vlen, self.sent_punct
        self.short = vlen <= SHORT_VLEN
        self.sentence_like = vlen >= 20 and sent >= 1 and (self.term_end or sent >= 2)

    @cached_property
    def han(self) -> int:
        """Han characters; counted on demand, since most detectors never ask."""
        return HAN.subn("", self.visible)[1]

    @property
    def han_ratio(self) -> float:
        return self.han / self.vlen if self.vlen else 0.0


def features(shadow: str) -> Features:
    stripped = "".join(shadow.split())
    sent = sum(map(stripped.count, SENTENCE_PUNCT))
    if sent and "," in stripped:
        sent -= len(DIGIT_GROUPING.findall(stripped))  # ``23,481`` is a number, not a clause
    last = stripped[-1:]
    term = bool(last) and (last in TERMINAL or (last == "." and len(stripped) > 1 and is_han(stripped[-2])))
    return Features(len(stripped), sent, term, stripped)
