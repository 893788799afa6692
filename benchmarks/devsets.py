"""What the benchmarks share about the dev sets: the tune/holdout split and where trafilatura-eval's pages are.

Every set without a held-out folder of its own is split by one rule, so a page is on the same side in
every benchmark and in the scorer fit: ``sha1(name)[0] % 2`` (0 = ``tune``, 1 = ``holdout``), on the
page's file name (trafilatura-eval) or folder name (the forum set).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EVALSET = ROOT.parent / "shared" / "devdata" / "trafilatura-eval"
HALVES = ("tune", "holdout")


def half(name: str) -> str:
    """``tune`` (rules are written and weights fitted here) or ``holdout`` (only measured)."""
    return HALVES[hashlib.sha1(name.encode("utf-8")).digest()[0] % 2]


def evalset_pages(data: Path = EVALSET) -> Iterator[tuple[str, dict[str, Any], Path | None]]:
    """``(url, item, path)`` for each page of trafilatura-eval: its HTML is in ``cache/``, else ``eval/``;
    ``path`` is ``None`` when neither holds it."""
    evaldata = json.loads((data / "evaldata.json").read_text(encoding="utf-8"))
    for url, item in evaldata.items():
        path = data / "cache" / item["file"]
        if not path.is_file():
            path = data / "eval" / item["file"]
        yield url, item, path if path.is_file() else None
