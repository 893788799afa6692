"""How much of each block an extractor's output holds: the shared measure of the extractor voters.

An extractor (trafilatura) returns text, not the page's elements. A block counts as
kept by it when its text, whitespace removed, occurs in the output; otherwise by the share of its
character 4-grams found there (extractors trim, join and re-space text). Blocks shorter than one
4-gram match by substring only.
"""

from __future__ import annotations

from collections.abc import Sequence

GRAM = 4


def coverage(keys: Sequence[str], output: str) -> list[float]:
    """For each block key (text without whitespace), the share of it that ``output`` (also without
    whitespace) holds, 0 to 1. Pipes are ignored on both sides: extractors write table cells as
    ``| a | b |``."""
    if not output:
        return [0.0] * len(keys)
    output = output.replace("|", "")
    keys = [key.replace("|", "") for key in keys]
    grams: set[str] | None = None
    out = []
    for key in keys:
        if not key:
            out.append(0.0)
        elif key in output:
            out.append(1.0)
        elif len(key) < GRAM:
            out.append(0.0)
        else:
            if grams is None:
                grams = {output[i:i + GRAM] for i in range(len(output) - GRAM + 1)}
            total = len(key) - GRAM + 1
            out.append(sum(1 for i in range(total) if key[i:i + GRAM] in grams) / total)
    return out


def vote_from_coverage(share: float) -> float:
    """+1 for a block the extractor kept whole, -1 for one it dropped, linear between 20 % and 80 %."""
    if share >= 0.8:
        return 1.0
    if share <= 0.2:
        return -1.0
    return (share - 0.5) / 0.3
