"""Build cleanpage's character language model from wordfreq's Chinese word list.

    .venv/bin/python scripts/build_char_lm.py [--source wordfreq|jieba] [--out PATH]

Reads word frequencies shipped by a package (no network), counts character
unigrams and the character bigrams inside words (each weighted by the word's
frequency), keeps the bigrams that matter and writes a compact table that
:mod:`cleanpage.repair.charlm` loads lazily. The output is deterministic for a
given package version, so rebuilding reproduces the shipped file.
"""

from __future__ import annotations

import argparse
import itertools
import math
import os
import struct
import zlib
from array import array
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "src" / "cleanpage" / "data" / "char_lm.bin"
MAGIC = b"CPLM1"
COST_STEP = 0.05  # quantisation step of -log10 probabilities, stored as uint8
MIN_BIGRAM_PROB = 1e-9  # bigrams rarer than this (relative to all bigram mass) are dropped


def is_han(char: str) -> bool:
    code = ord(char)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x2FA1F


def wordfreq_words() -> Iterator[tuple[str, float]]:
    import wordfreq

    yield from wordfreq.get_frequency_dict("zh", wordlist="large").items()


def jieba_words() -> Iterator[tuple[str, float]]:
    import jieba

    path = Path(os.path.dirname(jieba.__file__)) / "dict.txt"
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            word, count, *_ = line.split()
            yield word, float(count)


def count(words: Iterator[tuple[str, float]]) -> tuple[dict[str, float], dict[tuple[str, str], float]]:
    unigrams: defaultdict[str, float] = defaultdict(float)
    bigrams: defaultdict[tuple[str, str], float] = defaultdict(float)
    for word, freq in words:
        chars = [ch for ch in word if is_han(ch)]
        if len(chars) != len(word):
            continue
        for ch in chars:
            unigrams[ch] += freq
        for pair in itertools.pairwise(chars):
            bigrams[pair] += freq
    return unigrams, bigrams


def quantise(logprob: float) -> int:
    return min(255, max(0, round(-logprob / COST_STEP)))


def build(source: str) -> bytes:
    unigrams, bigrams = count(wordfreq_words() if source == "wordfreq" else jieba_words())
    total = sum(unigrams.values())
    chars = sorted(unigrams)
    uni_costs = bytes(quantise(math.log10(unigrams[ch] / total)) for ch in chars)
    first_mass: defaultdict[str, float] = defaultdict(float)
    for (a, _b), value in bigrams.items():
        first_mass[a] += value
    bigram_total = sum(bigrams.values())
    keys = array("Q")
    costs = bytearray()
    for (a, b), value in sorted(bigrams.items(), key=lambda item: (ord(item[0][0]), ord(item[0][1]))):
        if value / bigram_total < MIN_BIGRAM_PROB:
            continue
        keys.append(ord(a) << 21 | ord(b))
        costs.append(quantise(math.log10(value / first_mass[a])))
    char_blob = "".join(chars).encode("utf-8")
    body = b"".join([
        struct.pack("<III", len(char_blob), len(chars), len(keys)),
        char_blob, uni_costs, keys.tobytes(), bytes(costs),
    ])
    return MAGIC + zlib.compress(body, 9)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", choices=("wordfreq", "jieba"), default="wordfreq")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    data = build(args.source)
    args.out.write_bytes(data)
    print(f"wrote {args.out} ({len(data)} bytes) from {args.source}")


if __name__ == "__main__":
    main()
