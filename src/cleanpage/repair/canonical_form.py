"""Text in Unicode's canonical composed form (NFC): each character and the marks combining with it as one.

Repairs: a letter typed with a separate combining mark (``u`` + U+0308 -> ``ü``), a character Unicode keeps
only in decomposed form (Bengali ``য়`` U+09DF -> U+09AF U+09BC), a CJK compatibility ideograph a legacy
codec produced (Big5's ``兀`` decoded as U+FA0C -> U+5140). Both forms show the same text; only the composed
one matches what a reader searches for, and what other tools (trafilatura among them) output, so a page's text
differs by the keyboard or the codec it came through unless it is normalised.

Never touches: text already in NFC (the check runs in C and almost every page passes it at once); width,
quotes or compatibility forms (full-width letters, ``ｱ``, ligatures stay: NFKC's folding would change what the
page says, ftfy's width fixer is never used for the same reason).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from ..document import Repair
from ..registry import Repairer, register_repairer
from ._edits import Edit, apply_edits


def composed_edits(text: str) -> list[Edit]:
    """One edit per cluster (a character and the combining marks after it) whose NFC differs."""
    edits: list[Edit] = []
    start = 0
    for index in range(1, len(text) + 1):
        if index < len(text) and unicodedata.combining(text[index]):
            continue  # a mark belongs to the cluster of the character before it
        cluster = text[start:index]
        composed = unicodedata.normalize("NFC", cluster)
        if composed != cluster:
            edits.append(Edit(start, index, composed, 1.0, "canonical composition (NFC)"))
        start = index
    return edits


@register_repairer
class CanonicalForm(Repairer):
    """Compose text into Unicode's canonical form (NFC), span by span."""

    name = "canonical_form"
    order = 700  # last: the repairs before it read bytes and words as they came

    def may_change(self, page_text: str) -> bool:
        return not unicodedata.is_normalized("NFC", page_text)

    def repair(self, texts: Sequence[str]) -> list[tuple[str, list[Repair]]]:
        return [apply_edits(text, self.name, composed_edits(text)) if not unicodedata.is_normalized("NFC", text)
                else (text, []) for text in texts]
