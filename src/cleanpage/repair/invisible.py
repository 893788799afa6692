"""Delete invisible characters left by editors, share buttons and byte-order marks.

Repairs: zero-width space (U+200B), word joiner (U+2060), BOM/zero-width
no-break space (U+FEFF), soft hyphen (U+00AD), Mongolian vowel separator
(U+180E) anywhere; zero-width (non-)joiners (U+200C/U+200D) only between CJK
characters, spaces or the ends of the text.

Never touches: joiners next to emoji, Latin, Indic or Arabic letters (they
shape emoji sequences and scripts), bidirectional marks, or any visible
character.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..document import Repair
from ..registry import Repairer, register_repairer
from ._edits import Edit, apply_edits

ALWAYS_INVISIBLE = "\u200b\u2060\ufeff\u00ad\u180e"
JOINERS = "\u200c\u200d"
CJK_OR_SPACE = re.compile(r"[\s\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
SCAN = re.compile(f"[{ALWAYS_INVISIBLE}{JOINERS}]+")


def _joiner_is_residue(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return bool(CJK_OR_SPACE.match(before) and CJK_OR_SPACE.match(after))


def find_invisible(text: str) -> list[Edit]:
    edits: list[Edit] = []
    for match in SCAN.finditer(text):
        run = match.group()
        if any(ch in JOINERS for ch in run) and not _joiner_is_residue(text, match.start(), match.end()):
            kept = "".join(ch for ch in run if ch in JOINERS)
            if kept == run:
                continue
            edits.append(Edit(match.start(), match.end(), kept, note="invisible characters beside a joiner"))
            continue
        edits.append(Edit(match.start(), match.end(), "", note="invisible characters"))
    return edits


@register_repairer
class InvisibleCharacters(Repairer):
    """Delete zero-width spaces, BOMs, word joiners and soft hyphens."""

    name = "invisible"
    order = 100

    def repair(self, texts: Sequence[str]) -> list[tuple[str, list[Repair]]]:
        return [apply_edits(text, self.name, find_invisible(text)) if SCAN.search(text) else (text, [])
                for text in texts]
