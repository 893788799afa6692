"""Fuzz targets: the decoder, the whole HTML and text paths, and each repair.

Each target takes fuzzer bytes and raises on a broken guarantee; the
fuzzer (atheris, see ``fuzz/run.py``) reports the input. Guarantees checked:

- ``decode``: never raises, returns text without lone surrogates;
- ``html`` / ``text``: ``clean`` returns a Document or raises a
  ``CleanpageError``, every output character is accounted for by the input
  and the recorded repairs and removals, and cleaning a text dump's output
  again changes nothing;
- ``repairs``: every repair returns one result per text, and replaying its
  records on the input gives exactly its output.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.robustness.robust_helpers import SEED_INPUTS, assert_accounted, replay_repairs  # noqa: E402

import cleanpage  # noqa: E402
from cleanpage.config import Config  # noqa: E402
from cleanpage.decode import decode  # noqa: E402
from cleanpage.registry import build_repairers  # noqa: E402

MAX_LEN = 64 * 1024
# CLEANPAGE_FUZZ_IDEMPOTENCE=0 lets a run look for other failures past an idempotence failure it keeps hitting.
CHECK_IDEMPOTENCE = os.environ.get("CLEANPAGE_FUZZ_IDEMPOTENCE", "1") != "0"


def as_text(data: bytes) -> str:
    """Fuzzer bytes as str: UTF-8 where valid, else code points from the bytes (surrogates included)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="surrogateescape")


def fuzz_decode(data: bytes) -> None:
    decoded = decode(data)
    assert isinstance(decoded.text, str)
    decoded.text.encode("utf-8", errors="surrogatepass")
    assert not any("\ud800" <= ch <= "\udfff" for ch in decoded.text) or decoded.lossy


def _clean_and_check(source: str | bytes, config: Config) -> None:
    try:
        doc = cleanpage.clean(source, config=config)
    except cleanpage.CleanTimeoutError:
        raise
    except cleanpage.CleanpageError:
        return
    assert_accounted(source, doc, config)
    if CHECK_IDEMPOTENCE and doc.kind == "text":  # an HTML page's body read back as a dump may rightly lose its headline
        again = cleanpage.clean(doc.text, kind="text")
        assert again.text == doc.text, "not idempotent"
    doc.to_json().encode("utf-8")


HTML = Config(kind="html")
TEXT = Config(kind="text")


def fuzz_html(data: bytes) -> None:
    _clean_and_check(as_text(data) if data[:1] != b"\x00" else data[1:], HTML)


def fuzz_text(data: bytes) -> None:
    _clean_and_check(as_text(data) if data[:1] != b"\x00" else data[1:], TEXT)


REPAIRERS = build_repairers(Config())


def fuzz_repairs(data: bytes) -> None:
    texts = as_text(data).encode("utf-8", errors="replace").decode("utf-8").split("\n")
    for repairer in REPAIRERS:
        results = repairer.repair(texts)
        assert len(results) == len(texts), f"{repairer.name} returned {len(results)} results for {len(texts)} texts"
        for text, (repaired, records) in zip(texts, results, strict=True):
            if records:
                assert replay_repairs(text, records) == repaired, f"{repairer.name}: records do not replay"
        texts = [repaired if records else text for text, (repaired, records) in zip(texts, results, strict=True)]


TARGETS: dict[str, Callable[[bytes], None]] = {
    "decode": fuzz_decode, "html": fuzz_html, "text": fuzz_text, "repairs": fuzz_repairs}


def seeds() -> list[bytes]:
    """The fixture pages in the forms the targets read: UTF-8, GB18030, Big5 where possible, HTML-wrapped."""
    out: list[bytes] = []
    for path in SEED_INPUTS:
        text = path.read_text(encoding="utf-8")
        out.append(text.encode())
        out.append(text.encode("gb18030"))
        out.append(text.encode("big5hkscs", errors="replace"))
        paragraphs = "".join(f"<p>{line}</p>\n" for line in text.splitlines() if line.strip())
        out.append(f"<html><head><title>t</title></head><body>{paragraphs}</body></html>".encode())
    return [seed[:MAX_LEN] for seed in out]
