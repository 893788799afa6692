"""Content-Encoding of WARC payloads is undone within max_input_bytes."""

from __future__ import annotations

import gzip
import zlib

import pytest

from cleanpage.errors import InputError, InputTooLargeError
from cleanpage.io.warc import _decoded

PAGE = "<html><body><p>正文内容</p></body></html>".encode()


@pytest.mark.parametrize("encoding,body", [
    ("identity", PAGE), ("gzip", gzip.compress(PAGE)), ("x-gzip", gzip.compress(PAGE)),
    ("deflate", zlib.compress(PAGE)), ("deflate", zlib.compress(PAGE)[2:-4]),  # zlib-wrapped and raw deflate
])
def test_encodings_are_undone(encoding: str, body: bytes) -> None:
    assert _decoded(body, encoding, 1 << 20) == PAGE


def test_a_bomb_stops_at_the_limit() -> None:
    bomb = gzip.compress(b"\0" * (8 << 20))
    with pytest.raises(InputTooLargeError):
        _decoded(bomb, "gzip", 1 << 20)


@pytest.mark.parametrize("encoding,body", [("br", b"\x0b\x02"), ("gzip", b"not gzip at all")])
def test_unknown_or_broken_encodings_are_input_errors(encoding: str, body: bytes) -> None:
    with pytest.raises(InputError):
        _decoded(body, encoding, 1 << 20)
