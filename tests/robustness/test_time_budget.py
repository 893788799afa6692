"""``Config.timeout``: a page that overruns its budget raises CleanTimeoutError between stages.

The budget is cooperative: it is checked after decoding, before every repair,
before every detector and before conversion, so a slow stage is stopped at the
next boundary. The CLI's worker pool kills a worker stuck inside one stage
(tests/cli); the batch path turns the error into an error row.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

import pytest

import cleanpage
import cleanpage.pipeline
from cleanpage.config import Config
from cleanpage.document import Block, Repair
from cleanpage.page import Finding, Page
from cleanpage.registry import Detector, Repairer

BUDGET = 0.3
STALL = 1.0  # the stalled stage overruns the budget whatever the machine's speed
PAGE = "第一段正文，内容完整。\n第二段正文，内容完整。"


class StallingDetector(Detector):
    name = "stall"

    def detect(self, page: Page) -> Iterable[Finding]:
        time.sleep(STALL)
        return []


class StallingRepairer(Repairer):
    name = "stall"

    def repair(self, texts: Sequence[str]) -> list[tuple[str, list[Repair]]]:
        time.sleep(STALL)
        return [(text, []) for text in texts]


def cleaner(timeout: float | None = BUDGET) -> cleanpage.Cleaner:
    """A cleaner that has cleaned ``PAGE`` once, so lazily loaded models do not count against the budget."""
    warm = cleanpage.Cleaner(Config(timeout=timeout))
    warm.clean(PAGE)
    return warm


def test_a_slow_detector_times_the_page_out() -> None:
    slow = cleaner()
    slow.detectors.append(StallingDetector(slow.config))
    with pytest.raises(cleanpage.CleanTimeoutError, match="timed out before"):
        slow.clean(PAGE)


def test_a_slow_repair_times_the_page_out_before_detection() -> None:
    slow = cleaner()
    slow.repairers.insert(0, StallingRepairer(slow.config))
    slow.detectors.append(StallingDetector(slow.config))  # must never run
    start = time.monotonic()
    with pytest.raises(cleanpage.CleanTimeoutError):
        slow.clean(PAGE)
    assert time.monotonic() - start < 2 * STALL


def test_slow_segmentation_times_the_page_out(monkeypatch: pytest.MonkeyPatch) -> None:
    segment = cleanpage.pipeline.segment_text

    def slow_segment(text: str) -> list[Block]:
        time.sleep(STALL)
        return segment(text)

    monkeypatch.setattr(cleanpage.pipeline, "segment_text", slow_segment)
    with pytest.raises(cleanpage.CleanTimeoutError):
        cleaner().clean(PAGE)


def test_without_a_budget_slow_stages_finish() -> None:
    patient = cleaner(timeout=None)
    patient.detectors.append(StallingDetector(patient.config))
    assert "第一段正文" in patient.clean(PAGE).text


def test_the_batch_path_records_a_timed_out_page_as_an_error_row() -> None:
    pa = pytest.importorskip("pyarrow")
    from cleanpage.batch import clean_table

    slow = cleaner()
    slow.detectors.append(StallingDetector(slow.config))
    table = clean_table(pa.table({"html": [PAGE, None]}), cleaner=slow)
    errors = table.column("error").to_pylist()
    assert errors[0].startswith("CleanTimeoutError")
    assert errors[1].startswith("InputError")


def test_the_cli_writes_timed_out_pages_to_its_errors_file(tmp_path: Path) -> None:
    pages = tmp_path / "in"
    pages.mkdir()
    for name in ("a.txt", "b.txt"):
        (pages / name).write_text(PAGE, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "cleanpage", "clean", str(pages), "-o", str(tmp_path / "out"),
                           "--timeout", "1e-9", "--jobs", "1"], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 1, done.stderr
    errors = [json.loads(line) for line in (tmp_path / "out.errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(e["path"] for e in errors) == sorted(str(p) for p in pages.iterdir())
    assert {e["error"] for e in errors} == {"CleanTimeoutError"}
