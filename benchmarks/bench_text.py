"""Throughput of cleanpage on plain-text dumps, next to a plain ``str.splitlines()`` pass.

Builds a corpus by repeating the specification-page fixtures (each page is
cleaned as its own document, as a crawler would), then prints MB/s for
``cleanpage.Cleaner.clean`` and for decoding + ``splitlines`` over the same
bytes, on one core. Target from the issue: at least 5 MB/s.

    .venv/bin/python benchmarks/bench_text.py [--mb 20]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import cleanpage

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "tests" / "fixtures").glob("*/*/input.txt"))


def corpus(megabytes: float) -> list[bytes]:
    pages = [path.read_bytes() for path in SOURCES]
    out: list[bytes] = []
    size = 0
    while size < megabytes * 1_000_000:
        for page in pages:
            out.append(page)
            size += len(page)
    return out


def rate(pages: list[bytes], work: object) -> float:
    total = sum(len(p) for p in pages)
    start = time.perf_counter()
    for page in pages:
        work(page)  # type: ignore[operator]
    return total / 1_000_000 / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="corpus size in MB (default 10)")
    args = parser.parse_args()
    pages = corpus(args.mb)
    cleaner = cleanpage.Cleaner(kind="text")
    cleaner.clean(pages[0])  # load lazily built tables before timing
    baseline = rate(pages, lambda p: p.decode("utf-8").splitlines())
    cleaned = rate(pages, cleaner.clean)
    print(f"pages: {len(pages)} from {len(SOURCES)} fixtures, {sum(map(len, pages)) / 1e6:.1f} MB")
    print(f"{'decode + str.splitlines()':<28}{baseline:10.1f} MB/s")
    print(f"{'cleanpage.Cleaner.clean':<28}{cleaned:10.1f} MB/s   ({baseline / cleaned:.0f}x slower than the floor)")
    print(f"target >= 5 MB/s: {'met' if cleaned >= 5 else 'NOT met'}")


if __name__ == "__main__":
    main()
