"""Build cleanpage's word table (word costs for segmenting candidate repairs) from wordfreq's Chinese list.

    .venv/bin/python scripts/build_word_lm.py [--out PATH]

Keeps the Han words of one to four characters whose frequency is at least 10**-MAX_COST and writes each with
its ``-log10`` frequency, quantised, as a compressed table that :mod:`cleanpage.repair._words` loads lazily.
Reads word frequencies shipped by the package (no network); the output is deterministic for a given
wordfreq version, so rebuilding reproduces the shipped file.
"""

from __future__ import annotations

import argparse
import math
import zlib
from pathlib import Path

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "src" / "cleanpage" / "data" / "word_lm.bin"
MAGIC = b"CPWL1"
COST_STEP = 0.05  # quantisation step of -log10 frequencies
MAX_COST = 6.5  # rarer words are left out: 64,839 words, a third of a megabyte
MAX_LENGTH = 4


def is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff"


def build() -> bytes:
    import wordfreq

    lines = []
    for word, freq in sorted(wordfreq.get_frequency_dict("zh", wordlist="large").items()):
        cost = -math.log10(freq)
        if len(word) <= MAX_LENGTH and cost <= MAX_COST and all(map(is_han, word)):
            lines.append(f"{word}\t{round(cost / COST_STEP)}")
    return MAGIC + zlib.compress("\n".join(lines).encode("utf-8"), 9)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    data = build()
    args.out.write_bytes(data)
    print(f"wrote {args.out} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
