"""An old double-byte pair decoder, for the repair tests: a byte of 0x80 or more always takes the next byte
with it; a pair that is no character prints ``?`` (both bytes are gone, the stream stays in step)."""

from __future__ import annotations


def legacy_pairs(data: bytes, codec: str) -> str:
    out, position = [], 0
    while position < len(data):
        if data[position] < 0x80:
            out.append(chr(data[position]))
            position += 1
            continue
        try:
            char = data[position:position + 2].decode(codec)
        except UnicodeDecodeError:
            char = "?"
        out.append(char if len(char) == 1 else "?")
        position += 2
    return "".join(out)
