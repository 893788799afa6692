"""Clean a stream of pages in worker processes, in bounded memory, surviving bad pages.

:class:`WorkerPool` starts ``jobs`` processes; each calls the task's
``setup`` once (so a :class:`~cleanpage.Cleaner` is built per worker, not per
page) and then runs one page at a time. The parent hands a page to a worker
only when it is idle and fewer than ``max_pending`` pages are dispatched but
not yet consumed, so a slow page never lets finished results or unread input
pile up: memory stays flat whatever the size of the input.

A page never stops the run. The task turns exceptions into failed results;
a worker that dies (a crash, the memory ceiling) or overruns its page's
deadline by the grace period (a hang the cooperative
:class:`~cleanpage.errors.CleanTimeoutError` cannot interrupt) is killed and
replaced, and its page becomes a failed result.

Workers are started with ``spawn``: ``fork`` can deadlock in a parent that
runs threads (the progress bar has one), and Python 3.11's ``forkserver``
does not give workers the parent's ``sys.path``, so a task defined outside
an installed package could not be unpickled. Each worker imports cleanpage
once (about a second), which a bulk run amortises.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import resource
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, Protocol

from ..errors import CleanpageError
from .page_input import PageInput

STARTUP_TIMEOUT = 120.0
"""Seconds a new worker may take to import cleanpage and build its cleaner."""


class WorkerStartError(CleanpageError):
    """A worker could not start (bad configuration, memory ceiling below its size)."""


@dataclass
class PageResult:
    """What became of one page: a payload, or an error ``(type, message)``."""

    key: str
    out_name: str
    path: str | None = None
    url: str | None = None
    payload: Any = None
    error: tuple[str, str] | None = None
    bytes_in: int = 0
    bytes_out: int = 0
    removals: dict[str, int] = field(default_factory=dict)

    @classmethod
    def for_page(cls, page: PageInput) -> PageResult:
        return cls(page.key, page.out_name, page.path, page.url, error=page.error)

    @property
    def ok(self) -> bool:
        return self.error is None


class PageTask(Protocol):
    """Work done on each page inside a worker; must be picklable before ``setup``."""

    def setup(self) -> None: ...

    def run(self, page: PageInput) -> PageResult: ...


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    job: tuple[int, PageInput] | None = None
    started: float = 0.0


class WorkerPool:
    """``jobs`` worker processes running ``task``; use as a context manager, then :meth:`map`."""

    def __init__(self, task: PageTask, jobs: int, *, page_timeout: float | None = None,
                 max_memory_mb: int | None = None, max_pending: int | None = None) -> None:
        if jobs < 1:
            raise ValueError("jobs must be at least 1")
        self.task = task
        self.jobs = jobs
        self.max_memory_mb = max_memory_mb
        self.max_pending = max_pending or jobs * 8
        # The cooperative timeout fires between stages; only a page stuck well past it is killed.
        self.hard_limit = page_timeout + max(1.0, page_timeout) if page_timeout else None
        self._context = multiprocessing.get_context("spawn")
        self._workers: list[_Worker] = []
        self.restarts = 0

    def __enter__(self) -> WorkerPool:
        try:
            launched = [self._launch() for _ in range(self.jobs)]  # all import cleanpage at once
            self._workers = [self._ready(*pair) for pair in launched]
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        for worker in self._workers:
            if worker.job is None and worker.process.is_alive():
                with contextlib.suppress(OSError):
                    worker.conn.send(None)
        deadline = time.monotonic() + 5
        for worker in self._workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                _kill(worker.process)
            worker.conn.close()
        self._workers = []

    def _start(self) -> _Worker:
        return self._ready(*self._launch())

    def _launch(self) -> tuple[BaseProcess, Connection]:
        parent_end, child_end = self._context.Pipe()
        process = self._context.Process(target=_worker_main, args=(child_end, self.task, self.max_memory_mb), daemon=True)
        process.start()
        child_end.close()
        return process, parent_end

    def _ready(self, process: BaseProcess, parent_end: Connection) -> _Worker:
        if not parent_end.poll(STARTUP_TIMEOUT):
            _kill(process)
            raise WorkerStartError(f"a worker did not start within {STARTUP_TIMEOUT:.0f} s")
        try:
            status, detail = parent_end.recv()
        except EOFError:
            process.join(1)
            raise WorkerStartError(f"a worker exited while starting (exit code {process.exitcode})") from None
        if status != "ready":
            process.join(1)
            raise WorkerStartError(detail)
        return _Worker(process, parent_end)

    def _replace(self, worker: _Worker) -> None:
        _kill(worker.process)
        worker.conn.close()
        self._workers[self._workers.index(worker)] = self._start()
        self.restarts += 1

    def map(self, pages: Iterable[PageInput], *, ordered: bool = True) -> Iterator[PageResult]:
        """Results of ``pages``, in input order when ``ordered``, else as they finish."""
        source = iter(pages)
        exhausted = False
        assigned = emitted = 0
        finished: dict[int, PageResult] = {}
        arrival: deque[int] = deque()
        while True:
            while not exhausted and assigned - emitted < self.max_pending:
                idle = next((w for w in self._workers if w.job is None), None)
                if idle is None:
                    break
                page = next(source, None)
                if page is None:
                    exhausted = True
                    break
                if page.error is not None:
                    finished[assigned] = PageResult.for_page(page)
                    arrival.append(assigned)
                else:
                    self._dispatch(idle, assigned, page)
                assigned += 1
            for seq in self._ready_order(finished, arrival, emitted, ordered):
                emitted += 1
                yield finished.pop(seq)
            busy = [w for w in self._workers if w.job is not None]
            if not busy:
                if exhausted and emitted == assigned:
                    return
                continue
            for seq, result in self._collect(busy):
                finished[seq] = result
                arrival.append(seq)

    @staticmethod
    def _ready_order(finished: dict[int, PageResult], arrival: deque[int], emitted: int, ordered: bool) -> list[int]:
        if not ordered:
            ready = list(arrival)
            arrival.clear()
            return ready
        ready = []
        while emitted + len(ready) in finished:
            ready.append(emitted + len(ready))
        arrival.clear()
        return ready

    def _dispatch(self, worker: _Worker, seq: int, page: PageInput) -> None:
        try:
            worker.conn.send((seq, page))
        except OSError:  # the worker died while idle: its replacement takes the page
            index = self._workers.index(worker)
            self._replace(worker)
            worker = self._workers[index]
            worker.conn.send((seq, page))
        worker.job = (seq, page)
        worker.started = time.monotonic()

    def _collect(self, busy: list[_Worker]) -> list[tuple[int, PageResult]]:
        """Wait for at least one worker to answer, die, or overrun its page; return what finished."""
        timeout = None
        if self.hard_limit is not None:
            timeout = max(0.0, min(w.started for w in busy) + self.hard_limit - time.monotonic())
        done: list[tuple[int, PageResult]] = []
        for conn in wait([w.conn for w in busy], timeout):
            worker = next(w for w in busy if w.conn is conn)
            assert worker.job is not None
            seq, page = worker.job
            try:
                answer_seq, result = worker.conn.recv()
            except (EOFError, OSError):
                worker.process.join(1)
                done.append((seq, _failed(page, "WorkerCrashError",
                                          f"the worker cleaning this page died (exit code {worker.process.exitcode})")))
                self._replace(worker)
                continue
            worker.job = None
            done.append((answer_seq, result))
        if self.hard_limit is not None:
            now = time.monotonic()
            for worker in [w for w in busy if w.job is not None and now - w.started > self.hard_limit]:
                seq, page = worker.job  # type: ignore[misc]
                done.append((seq, _failed(page, "CleanTimeoutError",
                                          f"page still running after {self.hard_limit:.1f} s; its worker was restarted")))
                self._replace(worker)
        return done


def _failed(page: PageInput, kind: str, message: str) -> PageResult:
    result = PageResult.for_page(page)
    result.error = (kind, message)
    return result


def _kill(process: BaseProcess) -> None:
    if process.is_alive():
        process.kill()
    process.join(5)


def _worker_main(conn: Connection, task: PageTask, max_memory_mb: int | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        task.setup()
        if max_memory_mb:
            limit_memory(max_memory_mb)
    except Exception as exc:
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", None))
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is None:
            return
        seq, page = message
        conn.send((seq, task.run(page)))


def limit_memory(megabytes: int) -> None:
    """Cap this process's address space; refuse a cap it already exceeds."""
    current = _address_space_bytes()
    limit = megabytes * 1024 * 1024
    if current and limit <= current:
        raise WorkerStartError(f"--max-memory {megabytes} MB is below a worker's size at start "
                               f"({current // (1024 * 1024)} MB of address space)")
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _address_space_bytes() -> int:
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0
