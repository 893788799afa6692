"""Character classes, tokenising and line shapes shared by the detectors.

All patterns are written against the *shadow* of a line (``cleanpage.shadow``):
full-width punctuation is already ASCII, Traditional characters already
Simplified and Latin letters lower case, so a lexicon needs one spelling.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ..document import Block
from ..lexicon import longest_first
from ..page import Page

COLON = r"[:﹕∶︰]"
BAR = r"[|丨︱∣¦│]"
DOT = r"[·•・‧∙●◆◇■□▪▫►]"
ARROW = r"(?:-->|->|>>|=>|>|»|›|→|⇒)"
OPEN = r"[\[【(〔〖「『《〈<]"
CLOSE = r"[\]】)〕〗」』》〉>]"
SEPARATORS = re.compile(rf"\s+|{BAR}|{DOT}|{ARROW}|/")
NAME = r"(?:[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,6}|[a-z][a-z .'-]{1,29})"
NOT_WORD = re.compile(r"[\W_]+")
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?\s*(?:万|亿|千|w|k)?\+?")


def tokens(shadow: str) -> list[str]:
    """Pieces of a line between whitespace, bars, dots, arrows and slashes."""
    return [tok for tok in SEPARATORS.split(shadow) if tok]


def compact(shadow: str) -> str:
    """The shadow without whitespace: for whole-line comparisons."""
    return "".join(shadow.split())


def is_nav_like(shadow: str, sent_punct: int) -> bool:
    toks = tokens(shadow)
    return len(toks) >= 3 and sent_punct == 0 and sum(len(t) for t in toks) / len(toks) <= 5


def residue(shadow: str, words: Iterable[str]) -> str:
    """What is left of a line after removing every word of a lexicon, separators and brackets."""
    text = shadow
    for word in sorted(words, key=len, reverse=True):
        text = text.replace(word, " ")
    return re.sub(rf"{SEPARATORS.pattern}|{OPEN}|{CLOSE}|[:,;.!?。、]", "", text)


def linked_chars(block: Block) -> int:
    """Visible characters of a block inside its links (0 for a text dump's line, which has none)."""
    return sum(len("".join(text.split())) for text, _ in block.links)


def phrase_pattern(phrases: Iterable[str], shapes: str = "") -> re.Pattern[str]:
    """One alternation of literal phrases, longest first, and of ``shapes`` (a regular expression) after them."""
    return re.compile(longest_first(phrases) + (f"|{shapes}" if shapes else ""))


def tail_start(page: Page, is_chrome: Callable[[str], bool]) -> int:
    """Position after the last body-like block that ``is_chrome`` (called on the shadow) does not claim.

    Long boilerplate sentences (comment policies, disclaimers) look body-like
    and would otherwise hide the tail they belong to.
    """
    position = page.last_body
    while position >= 0 and (is_chrome(page.shadow(page.blocks[position])) or not page.body_like(position)):
        position -= 1
    return position + 1


def normalized(text: str) -> str:
    """Letters, digits and Han only: for comparing titles and repeated lines."""
    return NOT_WORD.sub("", text)
