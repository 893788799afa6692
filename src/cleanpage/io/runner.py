"""Drive a batch: pages through the worker pool into a sink, with progress, errors log and summary.

Shared by ``cleanpage clean`` and ``cleanpage report``. A page that fails,
in the reader, the worker or the sink (an output that cannot be written),
is logged and counted; the batch goes on.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from tqdm import tqdm

from ..errors import CleanpageError
from .page_input import PageInput
from .parallel import PageResult, PageTask, WorkerPool


@dataclass
class Summary:
    """Counts of a finished (or interrupted) batch."""

    pages: int = 0
    failed: int = 0
    skipped: int = 0
    not_pages: int = 0
    """Inputs refused as not a page (an image, a script...): logged with the reason, never written, not failures."""
    bytes_in: int = 0
    bytes_out: int = 0
    removals: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    worker_restarts: int = 0

    def add(self, result: PageResult) -> None:
        self.pages += 1
        if result.error is not None and result.error[0] == "NotAPageError":
            self.not_pages += 1
            return
        if result.error is not None:
            self.failed += 1
            return
        self.bytes_in += result.bytes_in
        self.bytes_out += result.bytes_out
        self.removals.update(result.removals)

    def format(self, errors_path: str | None = None) -> str:
        rate = self.pages / self.seconds if self.seconds > 0 else 0.0
        lines = [f"{self.pages} page(s): {self.pages - self.failed - self.not_pages} cleaned, {self.failed} failed, "
                 f"{self.skipped} skipped (already done) in {self.seconds:.1f} s ({rate:.1f} pages/s)",
                 f"bytes in {_size(self.bytes_in)}, out {_size(self.bytes_out)}"]
        if self.removals:
            lines.append("removals: " + ", ".join(f"{name} {count}" for name, count in self.removals.most_common()))
        if self.worker_restarts:
            lines.append(f"workers restarted after a crash or hang: {self.worker_restarts}")
        if self.not_pages:
            lines.append(f"not a page (skipped, no output): {self.not_pages}"
                         + (f"; listed with the reason in {errors_path}" if errors_path else ""))
        if self.failed and errors_path:
            lines.append(f"failures are listed in {errors_path}")
        return "\n".join(lines)


def _size(count: int) -> str:
    value = float(count)
    for unit in ("B", "kB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    raise AssertionError("unreachable")


def run_batch(pages: Iterable[PageInput], task: PageTask, sink: Callable[[PageResult], None], *,
              jobs: int, ordered: bool = True, page_timeout: float | None = None, max_memory_mb: int | None = None,
              on_failure: Sequence[Callable[[PageResult], None]] = (), done_before: Callable[[PageInput], bool] | None = None,
              progress: bool | None = None) -> Summary:
    """Clean ``pages`` with ``task`` in ``jobs`` workers, passing each success to ``sink``, each failure to ``on_failure``."""
    summary = Summary()
    started = time.monotonic()
    show = sys.stderr.isatty() if progress is None else progress

    def todo() -> Iterable[PageInput]:
        for page in pages:
            if done_before is not None and done_before(page):
                summary.skipped += 1
                continue
            yield page

    bar = tqdm(unit="page", file=sys.stderr, disable=not show, mininterval=0.5, dynamic_ncols=True)
    try:
        with WorkerPool(task, jobs, page_timeout=page_timeout, max_memory_mb=max_memory_mb) as pool:
            try:
                for result in pool.map(todo(), ordered=ordered):
                    if result.error is None:
                        try:
                            sink(result)
                        except BrokenPipeError:  # the reader of standard output left: the run ends, no page failed
                            raise
                        except (CleanpageError, OSError) as exc:
                            result.error = (type(exc).__name__, str(exc))
                    if result.error is not None:
                        for record in on_failure:
                            record(result)
                    summary.add(result)
                    bar.update()
                    if summary.failed:
                        bar.set_postfix(failed=summary.failed, refresh=False)
            finally:
                summary.worker_restarts = pool.restarts
    finally:
        bar.close()
        summary.seconds = time.monotonic() - started
    return summary
