"""Regenerate ``src/cleanpage/data/t2s_chars.json``: the one-character Traditional-to-Simplified table.

Detectors match lexicons on a folded "shadow" of each line (see
``cleanpage/shadow.py``); folding must be 1:1 per character so offsets line up,
so it uses OpenCC's conversion of each character on its own, never phrases.
Run: ``python scripts/build_t2s_chars.py`` (needs the ``opencc`` package).
"""

from __future__ import annotations

import json
from pathlib import Path

import opencc

RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
OUT = Path(__file__).resolve().parent.parent / "src" / "cleanpage" / "data" / "t2s_chars.json"


def main() -> None:
    converter = opencc.OpenCC("t2s")
    table: dict[str, str] = {}
    for low, high in RANGES:
        for code in range(low, high + 1):
            char = chr(code)
            simplified = converter.convert(char)
            if len(simplified) == 1 and simplified != char:
                table[char] = simplified
    OUT.write_text(json.dumps(table, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(table)} characters -> {OUT}")


if __name__ == "__main__":
    main()
