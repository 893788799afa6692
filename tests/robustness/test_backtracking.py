"""Every detector and repair runs in linear time on adversarial lines and pages.

Catastrophic backtracking (nested quantifiers, overlapping alternations) and
quadratic loops show up as time that more than doubles when the input
doubles. Each component is timed on a line (or page) of size n and 2n and
must stay under 4x: linear code measures ~2x, quadratic ~4x, exponential
never finishes (a hard limit turns that into a failure, not a hang). Time is
CPU time of this process, so other jobs on a shared machine do not skew the
ratio; runs shorter than ``FLOOR`` seconds are too short to time and pass.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from functools import partial

import pytest

from cleanpage.config import Config
from cleanpage.document import Block
from cleanpage.page import Page
from cleanpage.registry import Detector, Repairer, detector_classes, repairer_classes

from .robust_helpers import hard_limit

LINE_CHARS = 20_000  # n; lines of 2n = 40k characters are timed against it
PAGE_LINES = 2_000
FLOOR = 0.05
HARD_LIMIT = 10.0
RATIO = 4.0
REPEATS = 3

UNITS = [
    "a", "中", " ", "\u3000", ">", "|", "-", "=", "(", "（", "【", "1", "１", ".", "。", "&", "?", "©", "\u200b",
    "\ufffd", "&amp;", "&#", "nbsp;", "| ", "> ", "首页>", "来源：", "1 ", "1.", "a-", "中 ", "<p>", "{{", "·•",
    "2018-06-13 ", "第1页", "：:", "▲", "http://", "www.", "@", "ICP备", "编辑：", "ü", "Ã©", "é”™", "ni3 ", "(hǎo)",
]


def adversarial_line(unit: str, length: int) -> str:
    return (unit * (length // len(unit) + 1))[:length]


def mixed_line(length: int) -> str:
    rng = random.Random(length)
    return "".join(rng.choice(UNITS) for _ in range(length // 3))[:length]


def cpu_time(run: Callable[[], object]) -> float:
    start = time.process_time()
    run()
    return time.process_time() - start


def assert_linear(name: str, run_n: Callable[[], object], run_2n: Callable[[], object]) -> None:
    with hard_limit(HARD_LIMIT):
        large = cpu_time(run_2n)
        if large <= FLOOR:
            return
        # the first run may include one-time loading (a model, a lexicon): too short once warm is too short; the
        # best of three runs each, as short runs near the floor are noisy on a loaded machine (caches, scheduling)
        large = min(large, *(cpu_time(run_2n) for _ in range(REPEATS - 1)))
        if large <= FLOOR:
            return
        small = min(cpu_time(run_n) for _ in range(REPEATS))
    assert large < RATIO * small, f"{name}: {small:.3f}s for n, {large:.3f}s for 2n"


Runner = Callable[[list[str]], Callable[[], object]]


def detect_on(cls: type[Detector], blocks: list[str]) -> Callable[[], object]:
    config = Config()
    detector = cls(config)

    def run() -> object:
        page = Page([Block(text, "line", i, i + 1) for i, text in enumerate(blocks)], config=config)
        return list(detector.detect(page))

    return run


def repair_on(cls: type[Repairer], texts: list[str]) -> Callable[[], object]:
    repairer = cls(Config())
    return lambda: repairer.repair(texts)


COMPONENTS = [pytest.param(cls.name, partial(detect_on, cls), id=f"detector-{cls.name}") for cls in detector_classes()] + [
    pytest.param(cls.name, partial(repair_on, cls), id=f"repair-{cls.name}") for cls in repairer_classes()]


@pytest.mark.parametrize(("name", "runner"), COMPONENTS)
def test_long_lines_take_linear_time(name: str, runner: Runner) -> None:
    for unit in UNITS:
        assert_linear(f"{name} on {unit!r} lines", runner([adversarial_line(unit, LINE_CHARS)]),
                      runner([adversarial_line(unit, 2 * LINE_CHARS)]))
    assert_linear(f"{name} on mixed lines", runner([mixed_line(LINE_CHARS)]), runner([mixed_line(2 * LINE_CHARS)]))


PAGE_SHAPES = ["|", "来源：新华社", "首页 > 新闻 > 正文", "上一篇：标题", "▲ 图为现场", "中" * 50 + "。", "&nbsp;", "\u200b"]


@pytest.mark.parametrize(("name", "runner"), COMPONENTS)
def test_many_lines_take_linear_time(name: str, runner: Runner) -> None:
    for shape in PAGE_SHAPES:
        assert_linear(f"{name} on pages of {shape[:10]!r}", runner([shape] * PAGE_LINES),
                      runner([shape] * (2 * PAGE_LINES)))
    rng = random.Random(4)
    lines = [rng.choice(PAGE_SHAPES) for _ in range(2 * PAGE_LINES)]
    assert_linear(f"{name} on mixed pages", runner(lines[:PAGE_LINES]), runner(lines))
