"""trafilatura's main-content choice, as one vote among several.

trafilatura (its full mode with its fallback extractors, comments excluded, tables included) is run on the
page's tree (it works on a copy);
each block votes +1 when its text is in trafilatura's output and -1 when not
(:mod:`._overlap`). When trafilatura keeps almost nothing (under ``MIN_CHARS`` characters) it
abstains: an empty extraction says nothing about the blocks, and a page whose article
trafilatura missed must not lose it for that reason.
"""

from __future__ import annotations

from ..page_blocks import squeezed
from . import PageContext, Signal
from ._overlap import coverage, vote_from_coverage

MIN_CHARS = 40


class TrafilaturaVote(Signal):
    name = "trafilatura"

    def votes(self, page: PageContext) -> list[float]:
        page.extracted = extract_text(page)
        output = squeezed(page.extracted)
        if len(output) < MIN_CHARS:
            return [0.0] * len(page.blocks)
        # images: the extractor runs without them, so it has no opinion on them
        return [0.0 if block.kind == "image" else vote_from_coverage(share)
                for block, share in zip(page.blocks, coverage(page.keys, output))]


def extract_text(page: PageContext) -> str:
    import trafilatura

    document = trafilatura.bare_extraction(page.tree, url=page.url, fast=False, include_comments=False,
                                           include_tables=True, include_images=False, with_metadata=False)
    return str(getattr(document, "text", "") or "") if document is not None else ""
