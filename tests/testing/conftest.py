"""Shared helpers for the harness tests: cases built from a real fixture input, expecting whatever cleanpage outputs now.

The expectations are taken from :func:`cleanpage.clean` directly (not from the
harness), so these tests check the harness and stay valid while detectors change.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import cleanpage

pytest_plugins = ["pytester"]

SAMPLE_INPUT = Path(__file__).parents[1] / "fixtures" / "negative" / "howto_settings_path" / "input.txt"
NOTE = {"removed_kinds": ["a note for humans, never compared"]}

MakeCase = Callable[..., Path]


@pytest.fixture
def sample_text() -> str:
    return SAMPLE_INPUT.read_text(encoding="utf-8")


@pytest.fixture
def make_case(sample_text: str) -> MakeCase:
    """``make_case(folder, **options)``: a case whose expected files hold the current output of ``clean``."""

    def make(folder: Path, **options: Any) -> Path:
        folder.mkdir(parents=True)
        (folder / "input.txt").write_text(sample_text, encoding="utf-8")
        if options:
            (folder / "options.json").write_text(json.dumps(options), encoding="utf-8")
        call = {key: options.pop(key) for key in ("url", "headers") if key in options}
        document = cleanpage.clean(sample_text, **call, **{"kind": "text", **options})
        (folder / "expected.txt").write_text(document.text + "\n", encoding="utf-8")
        expected = {"title": document.title, "script": document.metadata.script, **NOTE}
        (folder / "expected.json").write_text(json.dumps(expected, ensure_ascii=False), encoding="utf-8")
        return folder

    return make
