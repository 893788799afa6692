"""Benchmark of the ``cleanpage clean`` command: parallel speed-up and memory on a large input.

1. Throughput: the same JSONL of real pages (examples/pages, repeated) cleaned
   with ``--jobs 1`` and ``--jobs 2``; prints pages/s of each and the ratio.
   Times are wall clock of the whole command, worker start-up included.
2. Memory: peak RSS of the whole process tree (the command and its workers,
   sampled every 50 ms) while cleaning a small and a large generated JSONL;
   streaming means the peak must not grow with the input, and must stay
   under ``--bound-mb``.

    .venv/bin/python benchmarks/bench_cli.py [--pages 120] [--large-records 6000] [--bound-mb 700]
"""

from __future__ import annotations

import argparse
import base64
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "pages"
CLEANPAGE = [sys.executable, "-m", "cleanpage"]


def write_jsonl(path: Path, count: int, *, sources: list[Path], salt: bool) -> int:
    """``count`` records cycling through ``sources``, as base64 raw bytes (pages off the wire, any encoding).

    ``salt`` prefixes each page with a line of its own, so no two records are identical.
    """
    pages = [p.read_bytes() for p in sources]
    with path.open("w", encoding="ascii") as out:
        for n in range(count):
            data = pages[n % len(pages)]
            if salt:
                data = f"第{n}号页面\n".encode() + data
            out.write(json.dumps({"id": str(n), "raw": base64.b64encode(data).decode("ascii")}) + "\n")
    return path.stat().st_size


def run(args: list[str], cwd: Path) -> tuple[float, int, int]:
    """Wall time, exit code and peak RSS (bytes) of the process tree of one command."""
    started = time.perf_counter()
    process = psutil.Popen([*CLEANPAGE, *args], cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while process.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.05)
    elapsed = time.perf_counter() - started
    if process.returncode != 0:
        sys.exit(f"command failed ({process.returncode}): {' '.join(args)}\n{process.stderr.read().decode()}")
    return elapsed, process.returncode, peak


def throughput(work: Path, pages: int) -> None:
    sources = sorted(EXAMPLES.rglob("*.html")) + sorted(EXAMPLES.rglob("*.txt"))
    size = write_jsonl(work / "pages.jsonl", pages, sources=sources, salt=False)
    print(f"throughput: {pages} pages ({size / 1e6:.1f} MB JSONL) from {len(sources)} example pages")
    rates = {}
    for jobs in (1, 2):
        elapsed, _, _ = run(["clean", "pages.jsonl", "-o", f"out-{jobs}.jsonl", "--jobs", str(jobs), "-q",
                             "--content-encoding", "base64"], work)
        rates[jobs] = pages / elapsed
        print(f"  --jobs {jobs}: {elapsed:6.1f} s  {rates[jobs]:6.1f} pages/s")
    print(f"  speed-up jobs 2 / jobs 1: {rates[2] / rates[1]:.2f}x")


def memory(work: Path, large_records: int, bound_mb: int) -> bool:
    sources = sorted(EXAMPLES.rglob("*.txt"))
    peaks = {}
    for label, count in (("small", max(1, large_records // 20)), ("large", large_records)):
        size = write_jsonl(work / f"{label}.jsonl", count, sources=sources, salt=True)
        elapsed, _, peak = run(["clean", f"{label}.jsonl", "-o", f"{label}-out.jsonl", "--jobs", "2", "-q",
                                "--kind", "text", "--content-encoding", "base64"], work)
        peaks[label] = peak
        print(f"memory, {label}: {count} records, {size / 1e6:.1f} MB in {elapsed:.1f} s, "
              f"peak RSS of the process tree {peak / 1e6:.0f} MB")
    ok = peaks["large"] < bound_mb * 1e6
    growth = peaks["large"] / peaks["small"]
    print(f"  peak large / small: {growth:.2f}x for {20}x the input; bound {bound_mb} MB: {'OK' if ok else 'EXCEEDED'}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=120, help="pages for the throughput run")
    parser.add_argument("--large-records", type=int, default=6000, help="records of the large JSONL")
    parser.add_argument("--bound-mb", type=int, default=700, help="peak RSS bound of the process tree, jobs 2")
    args = parser.parse_args()
    print(f"cpus: {psutil.cpu_count()}  python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="bench-cli-") as folder:
        work = Path(folder)
        throughput(work, args.pages)
        ok = memory(work, args.large_records, args.bound_mb)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
