"""Regenerate the one-character script tables in ``src/cleanpage/data/``.

``t2s_chars.json`` maps each Traditional character to its Simplified form;
``s2t_changed.txt`` lists the characters OpenCC's s2t changes (characters that
exist only in Simplified script), used for ``metadata.script``.

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
DATA = Path(__file__).resolve().parent.parent / "src" / "cleanpage" / "data"
OUT = DATA / "t2s_chars.json"
SIMPLIFIED_OUT = DATA / "s2t_changed.txt"


def main() -> None:
    converter = opencc.OpenCC("t2s")
    to_traditional = opencc.OpenCC("s2t")
    table: dict[str, str] = {}
    simplified_only: list[str] = []
    for low, high in RANGES:
        for code in range(low, high + 1):
            char = chr(code)
            simplified = converter.convert(char)
            if len(simplified) == 1 and simplified != char:
                table[char] = simplified
            if to_traditional.convert(char) != char and char not in table:
                simplified_only.append(char)
    SIMPLIFIED_OUT.write_text("".join(simplified_only) + "\n", encoding="utf-8")
    OUT.write_text(json.dumps(table, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(table)} characters -> {OUT}")


if __name__ == "__main__":
    main()
