"""Throughput of cleanpage on plain-text dumps, next to a plain ``str.splitlines()`` pass.

Cleans each page as its own document, as a crawler would, and prints CPU-time
MB/s (``time.process_time``, best of ``--repeat`` runs, so a loaded shared
machine reads close to an idle one) for ``cleanpage.Cleaner.clean`` and for
decoding + ``splitlines`` over the same bytes, per group of dumps:

* ``spec-like``: the specification pages without encoding damage (7-9 kB, 20-40 lines);
* ``small``: the handmade, chrome and negative fixtures (about 1 kB each);
* ``chrome-heavy``: dumps of real news pages (``tests/fixtures/profiles/news``, about 14 kB, 400 lines);
* ``damaged``: the pages that need an encoding repair (the expensive search runs only there).

Target from the issue: at least 5 MB/s on spec-like dumps. ``--stages`` adds
the CPU time per pass of each stage (decode, segment, each repair, each
detector, metadata, conversion).

    .venv/bin/python benchmarks/bench_text.py [--kb 300] [--repeat 5] [--stages]
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import cleanpage
from cleanpage import convert
from cleanpage.page import Page
from cleanpage.pipeline import apply_findings, finalize_metadata

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
ENCODING_REPAIRS = {"mojibake", "byte_shift"}
TARGET_MB_S = 5.0


def groups(cleaner: cleanpage.Cleaner) -> dict[str, list[bytes]]:
    """The text dumps under tests/fixtures, grouped by shape; damaged pages form their own group."""
    shaped = {
        "spec-like": sorted(FIXTURES.glob("seeds/*/input.txt")),
        "small": sorted(path for folder in ("handmade", "chrome", "negative")
                        for path in FIXTURES.glob(f"{folder}/*/input.txt")),
        "chrome-heavy": sorted(FIXTURES.glob("profiles/news/*/*.txt")),
    }
    out: dict[str, list[bytes]] = {"damaged": []}
    for name, paths in shaped.items():
        out[name] = []
        for path in paths:
            page = path.read_bytes()
            damaged = any(r.kind in ENCODING_REPAIRS for r in cleaner.clean(page).repairs)
            out["damaged" if damaged else name].append(page)
    return {name: out[name] for name in (*shaped, "damaged") if out[name]}


def passes(pages: list[bytes], kilobytes: float) -> int:
    """How many passes over ``pages`` make about ``kilobytes`` of input."""
    return max(1, round(kilobytes * 1000 / sum(map(len, pages))))


def cpu_rate(pages: list[bytes], work: Callable[[bytes], object], count: int, repeat: int) -> float:
    """MB/s of CPU time for ``count`` passes of ``work`` over ``pages``, best of ``repeat`` runs."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for _ in range(count):
            for page in pages:
                work(page)
        best = min(best, time.process_time() - start)
    return sum(map(len, pages)) * count / 1e6 / max(best, 1e-9)


def stage_times(cleaner: cleanpage.Cleaner, pages: list[bytes], count: int) -> dict[str, float]:
    """CPU seconds per pass of each stage, running the stages of :meth:`Cleaner.clean` one by one."""
    spent: dict[str, float] = defaultdict(float)
    clock = time.process_time
    for _ in range(count):
        for source in pages:
            start = clock()
            segmented = cleaner.segment(source)
            spent["decode+segment+repair"] += clock() - start
            page = Page(segmented.blocks, config=cleaner.config, kind=segmented.kind, hints=segmented.hints)
            for detector in cleaner.detectors:
                start = clock()
                apply_findings(page, detector.name, list(detector.detect(page)), segmented.removed, segmented.warnings)
                spent[f"detector {detector.name}"] += clock() - start
            start = clock()
            metadata = finalize_metadata(page, None)
            spent["metadata"] += clock() - start
            start = clock()
            convert.apply(page.blocks, metadata, cleaner.config)
            spent["conversion"] += clock() - start
    return {stage: seconds / count for stage, seconds in spent.items()}


def repair_times(cleaner: cleanpage.Cleaner, pages: list[bytes], count: int) -> dict[str, float]:
    """CPU seconds per pass of each repair on the segmented blocks, page gate included, as segment() runs them."""
    from cleanpage.decode import decode
    from cleanpage.segment.text import segment_text

    texts = [[block.text for block in segment_text(decode(page).text)] for page in pages]
    spent: dict[str, float] = defaultdict(float)
    for _ in range(count):
        for blocks in texts:
            for repairer in cleaner.repairers:
                start = time.process_time()
                if repairer.may_change("\n".join(blocks)):
                    repairer.repair(blocks)
                spent[f"repair {repairer.name}"] += time.process_time() - start
    return {stage: seconds / count for stage, seconds in spent.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=float, default=300.0, help="input per timed run and group, in kB (default 300)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per measurement; the best counts (default 5)")
    parser.add_argument("--stages", action="store_true", help="also print CPU ms per pass of each stage")
    args = parser.parse_args()
    cleaner = cleanpage.Cleaner(kind="text")
    grouped = groups(cleaner)
    print(f"{'group':<14}{'pages':>6}{'kB/page':>9}{'floor MB/s':>12}{'cleanpage MB/s':>16}")
    for name, pages in grouped.items():
        count = passes(pages, args.kb if name != "damaged" else min(args.kb, 50))
        floor = cpu_rate(pages, lambda p: p.decode("utf-8", "replace").splitlines(), count, args.repeat)
        cleaned = cpu_rate(pages, cleaner.clean, count, args.repeat)
        size = sum(map(len, pages)) / len(pages) / 1e3
        print(f"{name:<14}{len(pages):>6}{size:>9.1f}{floor:>12.0f}{cleaned:>16.2f}")
    spec = grouped.get("spec-like")
    if spec:
        rate = cpu_rate(spec, cleaner.clean, passes(spec, args.kb), args.repeat)
        print(f"target >= {TARGET_MB_S:g} MB/s on spec-like dumps: {'met' if rate >= TARGET_MB_S else 'NOT met'} ({rate:.2f})")
    if args.stages:
        for name, pages in grouped.items():
            count = passes(pages, args.kb if name != "damaged" else min(args.kb, 50))
            times = {**stage_times(cleaner, pages, count), **repair_times(cleaner, pages, count)}
            detectors = sum(t for stage, t in times.items() if stage.startswith("detector "))
            repairs = sum(t for stage, t in times.items() if stage.startswith("repair "))
            print(f"\n{name}: CPU ms per pass of {len(pages)} pages: detectors {detectors * 1e3:.2f}, "
                  f"repairs {repairs * 1e3:.2f} (inside decode+segment+repair)")
            for stage, seconds in sorted(times.items(), key=lambda item: -item[1]):
                print(f"  {stage:<34}{seconds * 1e3:9.3f}")


if __name__ == "__main__":
    main()
