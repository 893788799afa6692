"""How much a block reads like running prose, on its own: length, sentence punctuation, link text.

The measure itself is :func:`cleanpage.segment.prose.quality` (Chinese counted by characters,
full-width punctuation counted), read from each block once (``PageBlock.prose``). A long block with
sentence punctuation and little link text votes for itself; a short block without punctuation (a
menu item, a button) and a block that is mostly link text vote against.

This signal must never be the only one to keep a block far from the article: it is local and
knows nothing of where the block is (the scorer weighs it with the others).
"""

from __future__ import annotations

from ..prose import quality, weight_of
from . import PageContext, Signal

__all__ = ["TextQualityVote", "quality", "weight_of"]


class TextQualityVote(Signal):
    name = "text"

    def votes(self, page: PageContext) -> list[float]:
        return [block.prose for block in page.blocks]
