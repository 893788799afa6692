"""How much a block reads like running prose, on its own: length, sentence punctuation, link text.

Counted so that Chinese is not undercounted: characters, not space-separated words, make a
block's length (a Latin word counts as ``LATIN_WORD_CHARS`` characters), and Chinese full-width
punctuation counts as sentence punctuation. A long block with sentence punctuation and little link
text votes for itself; a short block without punctuation (a menu item, a button) and a block that
is mostly link text vote against.

This signal must never be the only one to keep a block far from the article: it is local and
knows nothing of where the block is (the scorer weighs it with the others).
"""

from __future__ import annotations

import re

from . import PageContext, Signal, clip

# Chinese and Japanese full-width marks, Latin marks, the Indic danda, Arabic comma and question mark
SENTENCE_PUNCTUATION = re.compile(r"[，。！？；、“”：,.!?;:।॥،؟]")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
LETTER = re.compile(r"[^\W\d_]")
NO_SPACE = re.compile(r"\s+")
LATIN_WORD_CHARS = 2.5  # an average Latin word carries about as much text as 2.5 Chinese characters
PROSE_CHARS = 60  # this much non-link text with punctuation is prose on its own


class TextQualityVote(Signal):
    name = "text"

    def votes(self, page: PageContext) -> list[float]:
        return [quality(block.text, block.link_density, block.kind) for block in page.blocks]


def weight_of(text: str) -> float:
    """A block's amount of text in Chinese-character units: CJK characters, plus the space-separated words
    of any other script (Latin, Cyrillic, Bengali, Arabic...), plus half a unit per digit."""
    cjk = len(CJK.findall(text))
    words = sum(1 for token in text.split() if LETTER.search(CJK.sub("", token)))
    digits = sum(ch.isdigit() for ch in text)
    return cjk + LATIN_WORD_CHARS * words + 0.5 * digits


def quality(text: str, link_density: float, kind: str) -> float:
    if kind == "image":
        return 0.0
    amount = weight_of(text) * (1.0 - link_density)
    punctuation = len(SENTENCE_PUNCTUATION.findall(text))
    length = min(amount / PROSE_CHARS, 1.0)
    punctuated = min(punctuation / 3, 1.0)
    value = 1.4 * length + 0.6 * punctuated - 1.0 - 1.2 * link_density
    if kind in {"heading", "code", "table_row"}:
        value = max(value, -0.2)  # structure, not prose: judged by where it is, not by its punctuation
    return clip(value)
