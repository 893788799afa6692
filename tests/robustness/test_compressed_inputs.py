"""Containers the CLI reads: decompression is bounded and one bad record never stops the stream."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from cleanpage.io.inputs import JsonlFields, jsonl_pages

MB = 1024 * 1024

BOMB = textwrap.dedent("""
    import json, resource, sys, zlib
    from cleanpage.io.warc import warc_pages

    path, mode, size, limit = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    chunk = bytes(1 << 20)

    def zeros():
        return (chunk for _ in range(size >> 20))

    def gzip_stream(pieces):
        packer = zlib.compressobj(9, zlib.DEFLATED, 31)
        yield from (packer.compress(piece) for piece in pieces)
        yield packer.flush()

    # "encoding": a small record whose HTTP body is gzip Content-Encoding inflating to `size` bytes;
    # "record": an honest record of `size` bytes, the WARC member itself gzip-compressed.
    body = b"".join(gzip_stream(zeros())) if mode == "encoding" else None
    encoding = b"Content-Encoding: gzip\\r\\n" if mode == "encoding" else b""
    length = len(body) if body is not None else size
    http_head = (b"HTTP/1.1 200 OK\\r\\nContent-Type: text/html; charset=utf-8\\r\\n" + encoding
                 + b"Content-Length: %d\\r\\n\\r\\n" % length)
    head = (b"WARC/1.0\\r\\nWARC-Type: response\\r\\nWARC-Record-ID: <urn:uuid:bomb>\\r\\n"
            b"WARC-Target-URI: http://example.com/\\r\\nWARC-Date: 2024-01-01T00:00:00Z\\r\\n"
            b"Content-Type: application/http; msgtype=response\\r\\nContent-Length: %d\\r\\n\\r\\n"
            % (len(http_head) + length))
    with open(path, "wb") as out:
        payload = [body] if body is not None else zeros()
        for piece in gzip_stream([head, http_head, *payload, b"\\r\\n\\r\\n"]):
            out.write(piece)
    del body
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    pages = [(page.error, len(page.data or b"")) for page in warc_pages(path, "bomb", limit)]
    growth = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    print(json.dumps({"pages": pages, "growth_mb": growth}))
""")


def inflate(tmp_path: Path, mode: str) -> tuple[list[tuple[list[str] | None, int]], float]:
    pytest.importorskip("fastwarc")
    done = subprocess.run([sys.executable, "-c", BOMB, str(tmp_path / "bomb.warc.gz"), mode, str(256 * MB), str(MB)],
                          capture_output=True, text=True, timeout=120, check=True)
    result = json.loads(done.stdout.splitlines()[-1])
    return [tuple(page) for page in result["pages"]], result["growth_mb"]


def test_an_oversized_record_in_a_warc_gz_is_skipped_in_bounded_memory(tmp_path: Path) -> None:
    [(error, size)], growth_mb = inflate(tmp_path, "record")
    assert size == 0
    assert error is not None and error[0] == "InputTooLargeError"
    assert growth_mb < 64


def test_gzip_content_encoding_bomb_in_a_warc_record_is_not_inflated(tmp_path: Path) -> None:
    [(error, size)], growth_mb = inflate(tmp_path, "encoding")
    assert size <= MB
    assert error is not None and error[0] == "InputTooLargeError"
    assert growth_mb < 64


def test_jsonl_with_invalid_utf8_and_broken_lines_keeps_the_good_records() -> None:
    good = json.dumps({"url": "http://example.com/a", "html": "<p>正文</p>"}, ensure_ascii=False).encode()
    lines = [good, b'{"html": "\xff\xfe\xc3 broken"}', b"{not json", gzip.compress(good), b"[1, 2]", good, b"\x00" * 10]
    pages = list(jsonl_pages(lines, "pages.jsonl", "pages", JsonlFields(), max_bytes=MB))
    assert len(pages) == len(lines)
    assert [page.error is None for page in pages] == [True, False, False, False, False, True, False]
    assert all(page.error[0] == "InputError" for page in pages if page.error)
