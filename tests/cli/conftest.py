"""Helpers for driving the real ``cleanpage`` command in a subprocess."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import PAGES, SMALL_LIMIT, RunCli


@pytest.fixture
def run_cli(tmp_path: Path) -> RunCli:
    """Run ``python -m cleanpage ARGS`` in ``tmp_path`` (so no project config is discovered)."""

    def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        completed = subprocess.run([sys.executable, "-m", "cleanpage", *args], cwd=cwd or tmp_path, input=stdin,
                                   capture_output=True, timeout=300)
        return subprocess.CompletedProcess(completed.args, completed.returncode,
                                           completed.stdout.decode("utf-8", "replace"),
                                           completed.stderr.decode("utf-8", "replace"))

    return run


@pytest.fixture
def pages_dir(tmp_path: Path) -> Path:
    """A copy of the fixture pages plus ``broken/huge.txt``, a page over the limit of :func:`limit_config`."""
    folder = tmp_path / "pages"
    shutil.copytree(PAGES, folder)
    (folder / "broken").mkdir()
    line = (PAGES / "000_f97de51fde247cc1.txt").read_text(encoding="utf-8")
    (folder / "broken" / "huge.txt").write_text(line * (SMALL_LIMIT // len(line.encode()) + 2), encoding="utf-8")
    return folder


@pytest.fixture
def limit_config(tmp_path: Path) -> Path:
    path = tmp_path / "limits.toml"
    path.write_text(f"max_input_bytes = {SMALL_LIMIT}\n", encoding="utf-8")
    return path
