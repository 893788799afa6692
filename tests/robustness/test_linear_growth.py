"""Work grows linearly with the input on long lines, long whitespace runs and many repeated lines.

Measured by operation counts, not time: the number of Python and C function calls ``clean`` makes
(``sys.setprofile``), which is the same on any machine and under any load. A regex backtracking inside one
call is invisible to a call count, so the whitespace runs it would feed on are checked directly: no block
reaches the detectors with a run longer than ``MAX_SPACE_RUN``. Wall-time ratios are in
``benchmarks/bench_linear.py``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

import pytest

import cleanpage
from cleanpage.pipeline import MAX_SPACE_RUN, SPACE_RUN, Cleaner

from .robust_helpers import hard_limit

SENTENCE = "北京时间6月13日，国务院新闻办公室举行发布会，介绍了今年上半年国民经济运行情况。"
GROWTH = 2.5  # doubling the input may at most multiply the operations by this


def operations(run: Callable[[], object]) -> int:
    count = 0

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        run()
    finally:
        sys.setprofile(None)
    return count


def issue_line(spaces: int) -> bytes:
    """Issue 14, item 1: 5,000 spaces 3.0 s, 10,000 10.4 s, 20,000 39.5 s before the fix."""
    return ("来源：" + " " * spaces + "。\n").encode()


LINE_SHAPES: dict[str, Callable[[int], str | bytes]] = {
    "issue: source label, spaces, full stop": issue_line,
    "ideographic spaces after a label": lambda n: "作者：" + "\u3000" * n + "完",
    "no-break spaces in a stats line": lambda n: "posted @" + "\xa0" * n + "第1页",
    "read count after spaces": lambda n: "阅读 " + " " * n + "12",
    "&nbsp; padding in HTML": lambda n: "<html><body><article><p>来源：" + "&nbsp;" * n + "新华社</p>"
                                        + f"<p>{SENTENCE}</p>" * 3 + "</article></body></html>",
    "words between spaces": lambda n: ("中 " * (n // 2)),
}
PAGE_SHAPES: dict[str, Callable[[int], str]] = {
    "repeated source lines": lambda n: "\n".join(["来源：新华社"] * n),
    "repeated body lines": lambda n: "\n".join(["北京时间6月13日，国务院新闻办公室举行发布会。"] * n),
    "repeated breadcrumbs": lambda n: "\n".join(["首页 > 新闻 > 正文"] * n),
    "numbered short paragraphs": lambda n: "\n".join(f"第{i}段短文。" for i in range(n)),
    "HTML paragraphs": lambda n: "<html><body>" + "".join(f"<p>第{i % 100}段短文。</p>" for i in range(n)) + "</body></html>",
}


def assert_linear(make: Callable[[int], str | bytes], n: int, **options: Any) -> None:
    cleaner = Cleaner(**options)
    cleaner.clean(make(10))  # lazily loaded models and compiled patterns do not count
    small = operations(lambda: cleaner.clean(make(n)))
    large = operations(lambda: cleaner.clean(make(2 * n)))
    assert large <= GROWTH * small, f"{small} operations for n={n}, {large} for 2n"


@pytest.mark.parametrize("shape", LINE_SHAPES, ids=list(LINE_SHAPES))
def test_long_lines_and_whitespace_runs_take_linear_operations(shape: str) -> None:
    assert_linear(LINE_SHAPES[shape], 20_000)


@pytest.mark.parametrize("shape", PAGE_SHAPES, ids=list(PAGE_SHAPES))
def test_many_repeated_lines_take_linear_operations(shape: str) -> None:
    assert_linear(PAGE_SHAPES[shape], 1_000)


@pytest.mark.parametrize("shape", LINE_SHAPES, ids=list(LINE_SHAPES))
def test_detectors_never_see_a_whitespace_run_longer_than_the_cap(shape: str) -> None:
    segmented = Cleaner().segment(LINE_SHAPES[shape](20_000))
    assert segmented.blocks
    assert not any(SPACE_RUN.search(block.text) for block in segmented.blocks)


def test_the_issue_line_with_200000_spaces_finishes() -> None:
    """A hang guard, not a speed target: quadratic growth from 39.5 s at 20,000 spaces would take over an hour."""
    with hard_limit(30):
        doc = cleanpage.clean(issue_line(200_000))
    assert any(r.text.startswith("来源：") for r in doc.removed)  # the source line, harvested
    assert doc.metadata.truncated  # past max_line_chars


def test_the_space_run_cap_is_what_the_detectors_get() -> None:
    doc = cleanpage.clean(issue_line(20_000))
    assert any(f"longer than {MAX_SPACE_RUN} characters shortened" in w for w in doc.warnings)
