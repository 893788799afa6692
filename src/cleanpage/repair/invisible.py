"""Delete invisible characters left by editors, share buttons and byte-order marks.

Repairs: zero-width space (U+200B), word joiner (U+2060), BOM/zero-width
no-break space (U+FEFF), soft hyphen (U+00AD), Mongolian vowel separator
(U+180E) anywhere; zero-width (non-)joiners (U+200C/U+200D) only between CJK
characters, spaces or the ends of the text.

Never touches: joiners next to emoji, Latin, Indic or Arabic letters (they
shape emoji sequences and scripts), bidirectional marks, any visible
character, or a soft hyphen inside Latin-1/Windows-1252 mojibake: U+00AD is also
byte AD of UTF-8 read as Latin-1 (``æ\xad¥`` is 步, ``ä¸\xadæ`` is 中 and the next lead
byte). The mojibake repair runs first (this repair's order is after it) and sees the text as it
came; what it leaves, a quoted example of mojibake say, keeps its bytes.
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
# A soft hyphen between two bytes read as Latin-1/Windows-1252 is a mojibake byte (AD ends 中 = E4 B8 AD,
# and the next character's lead byte follows it).
LATIN1_BYTE = "[\u0080-\u00ff" + re.escape(bytes(range(0x80, 0xA0)).decode("cp1252", "ignore")) + "]"
MOJIBAKE_BYTE = re.compile(f"(?<={LATIN1_BYTE})\u00ad(?={LATIN1_BYTE})")


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
        if match.group() == "\u00ad" and MOJIBAKE_BYTE.match(text, match.start()):
            continue
        edits.append(Edit(match.start(), match.end(), "", note="invisible characters"))
    return edits


@register_repairer
class InvisibleCharacters(Repairer):
    """Delete zero-width spaces, BOMs, word joiners and soft hyphens."""

    name = "invisible"
    order = 250  # after the mojibake repair, which must see soft hyphens and the like as the bytes they may be

    def may_change(self, page_text: str) -> bool:
        # One substring search per character: the regex engine scans a small set of rare characters slower.
        return any(char in page_text for char in ALWAYS_INVISIBLE + JOINERS)

    def repair(self, texts: Sequence[str]) -> list[tuple[str, list[Repair]]]:
        return [apply_edits(text, self.name, find_invisible(text)) if SCAN.search(text) else (text, [])
                for text in texts]
