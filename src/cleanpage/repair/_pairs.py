"""The two-byte sequences of a double-byte codec (GBK, Big5) and the one character each decodes to.

Shared by the byte-shift repair and the lost-byte resynchronisation, which both rebuild text pair by pair.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4)
def pair_table(codec: str) -> dict[int, str]:
    """Every two-byte sequence the codec decodes to one ordinary character."""
    table: dict[int, str] = {}
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            try:
                char = bytes((lead, trail)).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(char) == 1 and unicodedata.category(char) not in ("Co", "Cn", "Cc"):
                table[lead << 8 | trail] = char
    return table
