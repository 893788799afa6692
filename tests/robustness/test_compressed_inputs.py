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
    import gzip, json, resource, sys, zlib
    from cleanpage.io.warc import warc_pages

    def gzip_of_zeros(size):
        packer = zlib.compressobj(9, zlib.DEFLATED, 31)
        chunk = bytes(1 << 20)
        return b"".join(packer.compress(chunk) for _ in range(size >> 20)) + packer.flush()

    body = gzip_of_zeros(int(sys.argv[2]))
    http = (b"HTTP/1.1 200 OK\\r\\nContent-Type: text/html; charset=utf-8\\r\\nContent-Encoding: gzip\\r\\n"
            b"Content-Length: %d\\r\\n\\r\\n" % len(body)) + body
    head = (b"WARC/1.0\\r\\nWARC-Type: response\\r\\nWARC-Record-ID: <urn:uuid:bomb>\\r\\n"
            b"WARC-Target-URI: http://example.com/\\r\\nWARC-Date: 2024-01-01T00:00:00Z\\r\\n"
            b"Content-Type: application/http; msgtype=response\\r\\nContent-Length: %d\\r\\n\\r\\n" % len(http))
    with open(sys.argv[1], "wb") as out:
        out.write(gzip.compress(head + http + b"\\r\\n\\r\\n"))
    del body, http
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    pages = [(page.error, len(page.data or b"")) for page in warc_pages(sys.argv[1], "bomb", int(sys.argv[3]))]
    growth = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    print(json.dumps({"pages": pages, "growth_mb": growth}))
""")


@pytest.mark.xfail(strict=True, reason="io/warc.py reads a record's decoded payload whole: a gzip Content-Encoding "
                                       "bomb is inflated in memory past max_input_bytes (read at most max_bytes + 1)")
def test_gzip_bomb_in_a_warc_record_is_not_inflated(tmp_path: Path) -> None:
    pytest.importorskip("fastwarc")
    inflated, limit = 256 * MB, MB
    done = subprocess.run([sys.executable, "-c", BOMB, str(tmp_path / "bomb.warc.gz"), str(inflated), str(limit)],
                          capture_output=True, text=True, timeout=120, check=True)
    result = json.loads(done.stdout.splitlines()[-1])
    [(error, size)] = result["pages"]
    assert size <= limit
    assert error is not None and error[0] == "InputTooLargeError"
    assert result["growth_mb"] < 64


def test_jsonl_with_invalid_utf8_and_broken_lines_keeps_the_good_records() -> None:
    good = json.dumps({"url": "http://example.com/a", "html": "<p>正文</p>"}, ensure_ascii=False).encode()
    lines = [good, b'{"html": "\xff\xfe\xc3 broken"}', b"{not json", gzip.compress(good), b"[1, 2]", good, b"\x00" * 10]
    pages = list(jsonl_pages(lines, "pages.jsonl", "pages", JsonlFields(), max_bytes=MB))
    assert len(pages) == len(lines)
    assert [page.error is None for page in pages] == [True, False, False, False, False, True, False]
    assert all(page.error[0] == "InputError" for page in pages if page.error)
