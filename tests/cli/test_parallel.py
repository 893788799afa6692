"""The worker pool: order, bounded dispatch, and survival of crashing, hanging and memory-hungry pages."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from cleanpage.io.page_input import PageInput
from cleanpage.io.parallel import PageResult, WorkerPool, WorkerStartError


@dataclass
class ScriptedTask:
    """Does what each page's text says: ``sleep:S``, ``crash``, ``hang``, ``allocate:MB`` or echo."""

    calls: list[str] = field(default_factory=list)

    def setup(self) -> None:
        self.pid = os.getpid()

    def run(self, page: PageInput) -> PageResult:
        result = PageResult.for_page(page)
        command = str(page.data)
        try:
            if command.startswith("sleep:"):
                time.sleep(float(command.split(":")[1]))
            elif command == "crash":
                os._exit(3)
            elif command == "hang":
                while True:  # no cooperative checkpoint: only the watchdog can end this
                    time.sleep(0.05)
            elif command.startswith("allocate:"):
                bytearray(int(command.split(":")[1]) * 1024 * 1024)
        except Exception as exc:
            result.error = (type(exc).__name__, str(exc))
            return result
        result.payload = f"{command}@{self.pid}"
        return result


@pytest.fixture(autouse=True)
def importable_tasks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Spawned workers unpickle :class:`ScriptedTask` by module name: make this module importable for them."""
    root = Path(__file__).resolve().parents[ScriptedTask.__module__.count(".")]
    monkeypatch.syspath_prepend(str(root))


def pages(*commands: str) -> list[PageInput]:
    return [PageInput(key=f"p{i}", out_name=f"p{i}", data=command) for i, command in enumerate(commands)]


def test_ordered_results_follow_input_order_despite_speed() -> None:
    with WorkerPool(ScriptedTask(), 2) as pool:
        results = list(pool.map(pages("sleep:0.4", "a", "b", "c"), ordered=True))
    assert [r.key for r in results] == ["p0", "p1", "p2", "p3"]
    assert len({r.payload.split("@")[1] for r in results}) == 2  # both workers took pages


def test_unordered_results_come_as_they_finish() -> None:
    with WorkerPool(ScriptedTask(), 2) as pool:
        results = list(pool.map(pages("sleep:0.5", "a", "b"), ordered=False))
    assert results[-1].key == "p0"


def test_reader_errors_pass_through_in_order() -> None:
    bad = PageInput(key="bad", out_name="bad", error=("InputError", "bad base64"))
    with WorkerPool(ScriptedTask(), 1) as pool:
        results = list(pool.map([*pages("a"), bad, *pages("b")], ordered=True))
    assert [(r.key, r.error) for r in results] == [("p0", None), ("bad", ("InputError", "bad base64")), ("p0", None)]


def test_a_crashing_page_fails_alone_and_its_worker_is_replaced() -> None:
    with WorkerPool(ScriptedTask(), 1) as pool:
        results = list(pool.map(pages("a", "crash", "b"), ordered=True))
        assert pool.restarts == 1
    assert [r.ok for r in results] == [True, False, True]
    assert results[1].error is not None and results[1].error[0] == "WorkerCrashError"
    assert results[0].payload.split("@")[1] != results[2].payload.split("@")[1]


def test_a_hanging_page_is_killed_after_the_grace_period() -> None:
    with WorkerPool(ScriptedTask(), 1, page_timeout=0.5) as pool:
        results = list(pool.map(pages("hang", "after"), ordered=True))
    assert results[0].error is not None and results[0].error[0] == "CleanTimeoutError"
    assert results[1].payload.startswith("after@")


def test_memory_ceiling_turns_a_huge_allocation_into_a_page_error() -> None:
    with WorkerPool(ScriptedTask(), 1, max_memory_mb=4096) as pool:
        results = list(pool.map(pages("allocate:8192", "allocate:16"), ordered=True))
    assert results[0].error is not None and results[0].error[0] == "MemoryError"
    assert results[1].ok


def test_a_ceiling_below_the_worker_size_fails_at_start() -> None:
    with pytest.raises(WorkerStartError, match="below a worker's size"), WorkerPool(ScriptedTask(), 1, max_memory_mb=1):
        pass


def test_dispatch_is_bounded_so_input_is_read_lazily() -> None:
    pulled: list[int] = []

    def source() -> Iterator[PageInput]:
        for i in range(100):
            pulled.append(i)
            yield PageInput(key=f"p{i}", out_name=f"p{i}", data="sleep:0.3" if i == 0 else "x")

    with WorkerPool(ScriptedTask(), 2, max_pending=4) as pool:
        results = pool.map(source(), ordered=True)
        first = next(results)
        assert first.key == "p0"
        assert len(pulled) <= 4 + 1  # the slow first page holds back reading, not memory
        assert len(list(results)) == 99
