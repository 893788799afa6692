"""Wall-time growth of ``clean`` on long lines, long whitespace runs and many repeated lines.

Each shape is cleaned at n, 2n and 4n; a ratio near 2 per doubling is linear, 4 quadratic. The unit tests
prove the same by operation counts (tests/robustness/test_linear_growth.py); this script shows the time.

    .venv/bin/python benchmarks/bench_linear.py            # n = 20,000 characters / 2,000 lines
    .venv/bin/python benchmarks/bench_linear.py --scale 0.25
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import cleanpage

SENTENCE = "北京时间6月13日，国务院新闻办公室举行发布会，介绍了今年上半年国民经济运行情况。"
SHAPES: dict[str, tuple[int, Callable[[int], str | bytes]]] = {
    "来源： + n spaces + 。 (issue 14)": (20_000, lambda n: ("来源：" + " " * n + "。\n").encode()),
    "posted @ + n no-break spaces + 第1页": (20_000, lambda n: "posted @" + "\xa0" * n + "第1页"),
    "阅读 + n spaces + 12": (20_000, lambda n: "阅读 " + " " * n + "12"),
    "&nbsp; x n in a paragraph": (20_000, lambda n: f"<html><body><article><p>来源：{'&nbsp;' * n}新华社</p>"
                                                   f"{f'<p>{SENTENCE}</p>' * 3}</article></body></html>"),
    "n lines 来源：新华社": (2_000, lambda n: "\n".join(["来源：新华社"] * n)),
    "n body lines": (2_000, lambda n: "\n".join([SENTENCE] * n)),
    "n HTML paragraphs": (2_000, lambda n: "<html><body>" + "".join(f"<p>第{i % 100}段短文。</p>" for i in range(n))
                          + "</body></html>"),
}


def seconds(source: str | bytes) -> float:
    start = time.perf_counter()
    cleanpage.clean(source)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every n by this")
    args = parser.parse_args()
    cleanpage.clean(b"<p>warm up</p>")
    print(f"{'shape':40} {'n':>8} {'t(n)':>8} {'t(2n)':>8} {'t(4n)':>8} {'2n/n':>6} {'4n/2n':>6}")
    for name, (base, make) in SHAPES.items():
        n = max(1, int(base * args.scale))
        times = [min(seconds(make(k * n)) for _ in range(2)) for k in (1, 2, 4)]
        print(f"{name:40} {n:>8} {times[0]:8.3f} {times[1]:8.3f} {times[2]:8.3f} "
              f"{times[1] / times[0]:6.2f} {times[2] / times[1]:6.2f}")


if __name__ == "__main__":
    main()
