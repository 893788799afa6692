"""`cleanpage clean --engine ray` runs the Ray Data job from the command line."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("ray")

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"


def test_engine_ray_cleans_a_folder_into_jsonl(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for case in sorted(SEEDS.iterdir())[:3]:
        shutil.copy(case / "input.txt", pages / f"{case.name}.txt")
    env = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0"}
    env.pop("RAY_ADDRESS", None)
    completed = subprocess.run([sys.executable, "-m", "cleanpage", "clean", "pages", "-o", "out", "--engine", "ray",
                                "--jobs", "1"], cwd=tmp_path, capture_output=True, text=True, timeout=300, env=env,
                               stdin=subprocess.DEVNULL)
    assert completed.returncode == 0, completed.stderr[-2000:]
    rows = [json.loads(line) for path in sorted((tmp_path / "out").rglob("*.json*"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) == 3 and all(row["error"] is None for row in rows)
    assert any(row["title"] == "全省市场监管系统半年度工作电视电话会议召开" for row in rows)


def test_engine_ray_refuses_standard_input(tmp_path: Path) -> None:
    completed = subprocess.run([sys.executable, "-m", "cleanpage", "clean", "-", "-o", "out", "--engine", "ray"],
                               cwd=tmp_path, capture_output=True, text=True, timeout=60, input="x")
    assert completed.returncode == 2 and "--engine ray" in completed.stderr
