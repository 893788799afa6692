"""How much text a block holds and how much it reads like running prose: one home for both measures.

Counted so that Chinese is not undercounted: characters, not space-separated words, make a
block's length (a word of any other script counts as ``LATIN_WORD_CHARS`` characters), and
Chinese full-width punctuation counts as sentence punctuation. The text-quality signal votes with
:func:`quality`; the scorer, the thread finder and the page-type reader weigh blocks with
:func:`weight_of` (through :attr:`cleanpage.segment.page_blocks.PageBlock.weight`, computed once).
"""

from __future__ import annotations

import re

# Chinese and Japanese full-width marks, Latin marks, the Indic danda, Arabic comma and question mark
SENTENCE_PUNCTUATION = re.compile(r"[，。！？；、“”：,.!?;:।॥،؟]")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# a letter of any script but the CJK ones counted by character above
NON_CJK_LETTER = re.compile(r"(?![\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af])[^\W\d_]")
# a whitespace-separated word holding such a letter, matched from the word's start up to its first one: counted by
# the regex engine in one scan, not by splitting the text and searching each word
LETTERED_WORD = re.compile(r"(?<!\S)\S*?" + NON_CJK_LETTER.pattern)
SPACE = re.compile(r"\s+")  # any run of whitespace, dropped when texts are compared as shown
# Pictographs (emoji): no words to count, yet a line of them is a forum reply's whole text (a post of 👍👍).
PICTOGRAPH = re.compile("[\U0001F000-\U0001FAFF]")
LATIN_WORD_CHARS = 2.5  # an average Latin word carries about as much text as 2.5 Chinese characters
PROSE_CHARS = 60  # this much non-link text with punctuation is prose on its own


def clip(value: float) -> float:
    return -1.0 if value < -1.0 else 1.0 if value > 1.0 else value


def weight_of(text: str) -> float:
    """A block's amount of text in Chinese-character units: CJK characters, plus the space-separated words
    of any other script (Latin, Cyrillic, Bengali, Arabic...), plus half a unit per digit."""
    cjk = len(CJK.findall(text))
    words = len(LETTERED_WORD.findall(text))
    digits = sum(map(str.isdigit, text))
    return cjk + LATIN_WORD_CHARS * words + 0.5 * digits


def quality(text: str, link_density: float, kind: str, weight: float | None = None) -> float:
    """From -1 (a menu item, a link-dense block) to +1 (long punctuated prose); ``weight`` is
    ``weight_of(text)`` when the caller has it already."""
    if kind == "image":
        return 0.0
    amount = (weight_of(text) if weight is None else weight) * (1.0 - link_density)
    punctuation = len(SENTENCE_PUNCTUATION.findall(text))
    length = min(amount / PROSE_CHARS, 1.0)
    punctuated = min(punctuation / 3, 1.0)
    value = 1.4 * length + 0.6 * punctuated - 1.0 - 1.2 * link_density
    if kind in {"heading", "code", "table_row"}:
        value = max(value, -0.2)  # structure, not prose: judged by where it is, not by its punctuation
    return clip(value)
