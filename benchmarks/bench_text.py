"""Throughput of cleanpage on plain-text dumps, next to a plain ``str.splitlines()`` pass.

Builds a corpus by repeating the project's text dumps (the specification pages,
the handmade fixtures and the dumps of real news pages under
``tests/fixtures/profiles/news``; each page is cleaned as its own document, as
a crawler would), then prints MB/s for ``cleanpage.Cleaner.clean`` and for
decoding + ``splitlines`` over the same bytes, on one core, for all pages and
separately for the pages that need an encoding repair (the expensive search
runs only there). Target from the issue: at least 5 MB/s.

    .venv/bin/python benchmarks/bench_text.py [--mb 20]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import cleanpage

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SOURCES = sorted([*FIXTURES.glob("*/*/input.txt"), *FIXTURES.glob("profiles/news/*/*.txt")])
ENCODING_REPAIRS = {"mojibake", "byte_shift"}


def corpus(pages: list[bytes], megabytes: float) -> list[bytes]:
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
    cleaner = cleanpage.Cleaner(kind="text")
    sources = [path.read_bytes() for path in SOURCES]
    damaged = [p for p in sources if any(r.kind in ENCODING_REPAIRS for r in cleaner.clean(p).repairs)]
    undamaged = [p for p in sources if p not in damaged]
    print(f"{len(sources)} text dumps ({sum(map(len, sources)) / 1e3:.0f} kB), {len(damaged)} with encoding damage")
    print(f"{'':<30}{'floor MB/s':>12}{'cleanpage MB/s':>16}")
    for label, group in (("all dumps", sources), ("dumps without encoding damage", undamaged),
                         ("dumps with encoding damage", damaged)):
        if not group:
            continue
        pages = corpus(group, args.mb if group is not damaged else min(args.mb, 0.5))
        baseline = rate(pages, lambda p: p.decode("utf-8").splitlines())
        cleaned = rate(pages, cleaner.clean)
        print(f"{label:<30}{baseline:12.1f}{cleaned:16.2f}")
        if group is sources:
            print(f"target >= 5 MB/s on all dumps: {'met' if cleaned >= 5 else 'NOT met'}")


if __name__ == "__main__":
    main()
