"""The cheap suspicion scan: signatures of damage, tested by one precompiled regex per family.

Every expensive repair (candidate decodings, byte-level searches) runs only
on text that carries a signature, and ordinary clean text (Simplified,
Traditional, classical, English, kana, emoji, the odd rare character) carries
none. Each signature pattern opens with a single character class, so the
regex engine skips clean text in its C loop without entering the pattern:

* damage characters: C1 controls, U+FFFD, private-use characters;
* two Latin-1 letters or symbols in a row (a GBK or UTF-8 byte pair read as
  Latin-1/cp1252), lower-to-upper case inside a Cyrillic word, Cyrillic or
  box drawing glued to Han characters (GBK read as cp1251/KOI8-R);
* two rare Han characters at most one character apart (UTF-8 read as GBK,
  Big5 and GBK read as each other, a double-byte stream out of step);
* an ASCII punctuation mark between a non-ASCII character and a run that
  starts rare within three characters (a byte-level replace or insertion on
  GBK/Big5 bytes);
* a printed ``?`` glued to kana, bopomofo or a rare Han character (an old
  pair decoder's mark for a Big5 character GBK cannot read, among what GBK
  made of the others);
* a symbol of GBK's symbol rows or a full-width letter glued to Han text,
  or a lone ASCII letter or symbol between Han characters (a GBK/Big5 stream
  that lost one byte, :mod:`._resync`).

"Rare" is the character model's notion (Simplified fold costs at least
:data:`._rare.RARE_COST`), built once from the model and the Traditional fold table.
Many words are made of two rare characters (澎湃, 麒麟, 咳嗽): a rare pair
the model knows inside a word is ordinary text, checked only on the few
hits the regex finds (:func:`hits`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import lru_cache

from ..joined import join_lines, lines_matching
from ..shadow import is_han, to_simplified_chars
from ._rare import rare_class
from ._resync import comma_lost, comma_part, comma_pattern, trigger_parts
from .charlm import load

CP1252_HIGH = "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022" \
              "\u2026\u2030\u2039\u203a\u20ac\u2122"
ASCII_MARKS = r"!-/:-@\[-`{-~"
NON_ASCII_WORD = r"[^\x00-\x7f\s]"
INSERTED_TEXT = r"[\x21-\x7e\u00c0-\u02af]{0,16}"
KANA_BOPOMOFO = "[\u3040-\u30ff\u3100-\u312f]"


def _family(*alternatives: tuple[str, str]) -> str:
    """One pattern per family: ``[union of first classes]`` then a lookbehind-guarded rest per alternative."""
    first = "".join(head[1:-1] for head, _ in alternatives)
    rests = "|".join(f"(?<={head}){rest}" for head, rest in alternatives)
    return f"[{first}](?:{rests})"


@lru_cache(maxsize=1)
def mojibake_signature() -> re.Pattern[str]:
    """Text worth re-decoding: damage characters, Latin-1/Cyrillic pairs, rare Han pairs."""
    rare = rare_class()
    # An old pair decoder's ``?`` for a Big5 character GBK cannot read, glued to what GBK made of the others.
    glued = f"(?:{KANA_BOPOMOFO}|{rare})"
    return re.compile(_family(
        ("[\x80-\x9f\ufffd\ue000-\uf8ff]", ""),
        ("[\xa1-\xfe]", f"[\x80-\xfe{CP1252_HIGH}]"),
        ("[\u0430-\u045f]", "[\u0400-\u042f]"),
        ("[\u0400-\u04ff\u2500-\u259f]", "(?:[\u3400-\u9fff\xa1-\xbf\u2116]|(?<=[\u3400-\u9fff\xa1-\xbf\u2116].))"),
        (rare, f"[^\\x00-\\x7f]?{rare}"),
        ("[?]", f"(?:(?<={glued}.)|(?={glued}))"),
    ))


@lru_cache(maxsize=1)
def shift_signature() -> re.Pattern[str]:
    """Text worth a byte-shift search: a marker after non-ASCII text before a rare run, or a rare pair."""
    rare = rare_class()
    return re.compile(_family(
        (f"[{ASCII_MARKS}]", f"(?<=[^\\x00-\\x7f].)(?={NON_ASCII_WORD}{{0,2}}{rare})"),
        ("[?\ufffd]", f"(?<=[^\\x00-\\x7f].)(?={INSERTED_TEXT}{NON_ASCII_WORD}{{0,2}}{rare})"),
        (rare, f"[^\\x00-\\x7f]?{rare}"),
        *trigger_parts(rare),
        comma_part(),
    ))


def lines_with_signature(pattern: re.Pattern[str], texts: Sequence[str]) -> set[int]:
    """Indexes of the ``texts`` where ``pattern`` finds a signature, in one scan of them joined by newlines.

    A signature never spans a newline and its lookbehinds never match across one (they need a
    non-ASCII character and then any character but a newline), and each hit is checked again on its
    own line: the lines found are exactly those a search of each text would find.
    """
    joined, starts = join_lines(texts)
    return set(lines_matching(pattern, joined, starts, texts.__getitem__))


def _in_words(hit: str) -> bool:
    lm = load()
    return any(lm.in_word(first, second) for first, second in itertools.pairwise(to_simplified_chars(hit)))


def hits(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """Spans where ``pattern`` finds a signature, without rare pairs that are known words, nor a character that
    may hold a lost ，'s lead byte but makes a word with a neighbour (:func:`._resync.comma_lost`)."""
    return [match.span() for match in pattern.finditer(text)
            if not (match.group() and all(map(is_han, match.group())) and _in_words(match.group()))
            and not (comma_hit(text, *match.span()) and not comma_lost(load(), text, match.start()))]


def comma_hit(text: str, start: int, end: int) -> bool:
    """Whether the match ``text[start:end]`` is a hit of :func:`._resync.comma_part`: one character that pattern
    matches there, context included (Γ = A6 A3 glued to Han text at the start of a line is a symbol trigger's hit,
    with no Han character before it)."""
    return end - start == 1 and comma_pattern().match(text, start) is not None


@lru_cache(maxsize=1)
def _families() -> tuple[re.Pattern[str], ...]:
    from .entities import LOST_AMPERSAND, REFERENCE
    from .invisible import SCAN as INVISIBLE
    from .pinyin import ANNOTATION

    return mojibake_signature(), shift_signature(), INVISIBLE, REFERENCE, LOST_AMPERSAND, ANNOTATION


def suspicious(text: str) -> bool:
    """Whether any repair could have something to do in ``text`` (regex searches, no Python loop).

    The families are searched one after the other rather than as one alternation: a pattern
    that opens with a character class lets the engine skip clean text in C, an alternation does not.
    """
    return any(family.search(text) and hits(family, text) for family in _families())
