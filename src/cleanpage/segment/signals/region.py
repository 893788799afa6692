"""The container of the page's running prose: inside it +1, outside it -1.

:func:`cleanpage.segment.density.densest_container` credits each run of non-link text's sentence
punctuation (Chinese and Latin) to its nearest container and takes the container with the most,
widened when it holds a single paragraph (editors that wrap each paragraph in its own element).
Unlike the extractors, it counts Chinese punctuation, so a Chinese article with few spaces and no
commas in the Latin sense is still found. It abstains on a page without sentence punctuation.
"""

from __future__ import annotations

from ..density import densest_container
from . import PageContext, Signal


class RegionVote(Signal):
    name = "region"

    def votes(self, page: PageContext) -> list[float]:
        container = densest_container(page.tree, page.blocks)
        if container is None:
            return [0.0] * len(page.blocks)
        inside = {id(node) for node in container.element.iter()}
        return [1.0 if id(block.element) in inside else -1.0 for block in page.blocks]
