"""Shared helpers of the command-line tests."""

from __future__ import annotations

import gzip
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "cli" / "pages"
SMALL_LIMIT = 60_000
"""``max_input_bytes`` of the configs written by the ``limit_config`` fixture: the fixture pages are under it."""

RunCli = Callable[..., subprocess.CompletedProcess[str]]


def page_files() -> list[Path]:
    return sorted(p for p in PAGES.rglob("*") if p.is_file())


def warc_record(uri: str, body: bytes, *, content_type: str = "text/html; charset=utf-8", status: str = "200 OK",
                record_id: str) -> bytes:
    """One gzip member holding a WARC/1.0 response record, as crawlers write them."""
    http = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n\r\n".encode() + body
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{record_id}>\r\n"
            f"WARC-Target-URI: {uri}\r\nWARC-Date: 2024-01-01T00:00:00Z\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n").encode()
    return gzip.compress(head + http + b"\r\n\r\n")


def temporaries(folder: Path) -> Sequence[Path]:
    """Leftovers of a non-atomic write: temp files or partial streams."""
    return [p for p in folder.rglob("*") if p.name.endswith((".tmp", ".partial"))]
