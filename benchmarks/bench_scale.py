"""Pages per second of every way to run cleanpage at scale, on the same pages in one run.

1. ``Cleaner``: one process, one page at a time.
2. ``clean_table``: one process, Arrow batches of ``--batch-size`` pages.
3. Ray Data with 1 and then 2 CPUs (a fresh local Ray each time, a pool of
   one ``CleanBatches`` actor per CPU), on the same pages held in Arrow blocks
   of ``--batch-size``. Ray's fixed overhead is measured as ``ray.init`` plus
   the wall time of a first one-batch dataset (worker start-up, imports,
   Cleaner build, first batch); its throughput as the marginal rate between a
   second one-batch run and the full run, both on warm workers. The crossover is the corpus size from which Ray (overhead
   included) beats the single-process ``Cleaner``.

Pages: examples/pages and tests/fixtures/integrations/pages, cycled to ``--pages``.

    .venv/bin/python benchmarks/bench_scale.py [--pages 400] [--batch-size 32]
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import pyarrow as pa

from cleanpage import Cleaner, clean_table

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted(p for p in (ROOT / "examples" / "pages").rglob("*") if p.is_file()) + \
    sorted((ROOT / "tests" / "fixtures" / "integrations" / "pages").glob("*.html"))


def corpus(count: int) -> pa.Table:
    pages = [path.read_bytes() for path in SOURCES]
    return pa.table({
        "id": [f"page-{n}" for n in range(count)],
        "html": [pages[n % len(pages)] for n in range(count)],
        "url": [f"https://example.com/{n}" for n in range(count)],
        "headers": pa.nulls(count, pa.string()),
    })


def bench_cleaner(table: pa.Table) -> float:
    cleaner = Cleaner()
    cleaner.clean(table.column("html")[0].as_py())  # warm caches, as a long run would
    started = time.perf_counter()
    for page, url in zip(table.column("html").to_pylist(), table.column("url").to_pylist(), strict=True):
        cleaner.clean(page, url=url)
    return table.num_rows / (time.perf_counter() - started)


def bench_clean_table(table: pa.Table, batch_size: int) -> float:
    cleaner = Cleaner()
    clean_table(table.slice(0, 1), cleaner=cleaner, headers_column="headers")
    started = time.perf_counter()
    for batch in table.to_batches(max_chunksize=batch_size):
        clean_table(batch, cleaner=cleaner, headers_column="headers")
    return table.num_rows / (time.perf_counter() - started)


def bench_ray(table: pa.Table, batch_size: int, cpus: int) -> dict[str, float]:
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    import ray
    import ray.data

    from cleanpage.integrations.ray import clean_dataset

    def run(pages: pa.Table) -> float:
        blocks = [pages.slice(start, batch_size) for start in range(0, pages.num_rows, batch_size)]
        started = time.perf_counter()
        cleaned = clean_dataset(ray.data.from_arrow(blocks), actors=cpus, batch_size=batch_size).materialize()
        assert cleaned.count() == pages.num_rows
        return time.perf_counter() - started

    started = time.perf_counter()
    ray.init(num_cpus=cpus, include_dashboard=False, log_to_driver=False, configure_logging=False)
    ray.data.DataContext.get_current().enable_progress_bars = False
    init = time.perf_counter() - started
    try:
        first = run(table.slice(0, batch_size))  # cold: worker processes import cleanpage, actors build Cleaners
        small = run(table.slice(0, batch_size))  # warm workers, so that small and full pay the same start-up
        full = run(table)
    finally:
        ray.shutdown()
    rate = (table.num_rows - batch_size) / max(full - small, 1e-9)
    return {"init": init, "first": first, "full": full, "rate": rate, "overall": table.num_rows / full}


def crossover(overhead: float, single_rate: float, ray_rate: float) -> float | None:
    """Pages from which ``overhead + n / ray_rate < n / single_rate``; ``None`` if Ray never catches up."""
    gain = 1 / single_rate - 1 / ray_rate
    return overhead / gain if gain > 0 else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=400)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    table = corpus(args.pages)
    megabytes = sum(len(page) for page in table.column("html").to_pylist()) / 1e6
    print(f"{args.pages} pages ({megabytes:.1f} MB) from {len(SOURCES)} distinct pages, batches of {args.batch_size}, "
          f"{os.cpu_count()} CPUs on this machine, load average {os.getloadavg()[0]:.1f} at start")
    single = bench_cleaner(table)
    print(f"Cleaner, 1 process:              {single:7.1f} pages/s")
    batched = bench_clean_table(table, args.batch_size)
    print(f"clean_table, 1 process:          {batched:7.1f} pages/s")
    for cpus in (1, 2):
        ray_run = bench_ray(table, args.batch_size, cpus)
        overhead = ray_run["init"] + ray_run["first"]
        pays = crossover(overhead, single, ray_run["rate"])
        print(f"Ray Data, {cpus} CPU{'s' if cpus > 1 else ' '}:                {ray_run['rate']:7.1f} pages/s marginal, "
              f"{ray_run['overall']:.1f} pages/s over the {args.pages}-page run")
        print(f"  fixed overhead {overhead:.1f} s (ray.init {ray_run['init']:.1f} s + first batch "
              f"{ray_run['first']:.1f} s); " + (f"pays from about {pays:,.0f} pages" if pays else
                                                "never beats the single-process Cleaner"))
    print(f"load average {os.getloadavg()[0]:.1f} at the end (other processes on the machine slow every figure)")


if __name__ == "__main__":
    main()
