"""The review report rendered by a real headless Chromium: the DOM after its script ran, and a screenshot.

Chromium comes from Debian (``scripts/ensure-chromium.sh``). The test is
skipped only on a developer machine without it; under CI (``CI`` set) a
missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import html

from .helpers import RunCli

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
HEADLESS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"]

if CHROMIUM is None and not os.environ.get("CI"):
    pytest.skip("chromium is not installed (run scripts/ensure-chromium.sh); required when CI is set",
                allow_module_level=True)


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None, "CI must have chromium: call scripts/ensure-chromium.sh"
    profile = tmp_path / "chromium-profile"
    return subprocess.run([CHROMIUM, *HEADLESS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=120)


def test_report_renders_in_chromium(run_cli: RunCli, pages_dir: Path, limit_config: Path, tmp_path: Path) -> None:
    made = run_cli("report", "pages", "-o", "report.html", "--config", str(limit_config), "--jobs", "2")
    assert made.returncode == 1, made.stderr  # the broken page makes the run fail...
    report = tmp_path / "report.html"
    assert report.is_file()  # ...but the report is written, with the failure in it

    dumped = chromium(tmp_path, "--dump-dom", report.as_uri())
    assert dumped.returncode == 0, dumped.stderr
    dom = html.fromstring(dumped.stdout)

    pages = dom.cssselect("section.page")
    assert len(pages) == 4
    struck = dom.cssselect("section.page li.removed del")
    assert struck, "removed lines are struck through"
    legend = [li.get("data-detector") for li in dom.cssselect("#legend li.detector")]
    totals = [row.get("data-detector") for row in dom.cssselect("#totals tbody tr")]
    assert legend and sorted(legend) == sorted(totals)
    assert {li.get("data-detector") for li in dom.cssselect("li.removed")} <= set(legend)
    removal_total = sum(int(row.cssselect("td")[1].text_content()) for row in dom.cssselect("#totals tbody tr"))
    assert removal_total == len(dom.cssselect("li.removed"))
    assert dom.cssselect("#failures td")[0].text_content() == "pages/broken/huge.txt"
    # The status line is written by the report's script: proof that it ran in the browser.
    assert dom.cssselect("#status")[0].text_content() == f"4 page(s) shown, {len(struck)} removal(s) visible"

    shot = tmp_path / "report.png"
    captured = chromium(tmp_path, "--window-size=1280,1600", f"--screenshot={shot}", report.as_uri())
    assert captured.returncode == 0, captured.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
