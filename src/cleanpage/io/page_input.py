"""One page of a batch run, as every reader yields it (files, folders, stdin, JSONL, WARC).

Its own module so that :mod:`cleanpage.io.inputs`, which dispatches to the container readers, and
:mod:`cleanpage.io.warc`, one of those readers, both build it without importing each other.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..errors import InputError, InputTooLargeError


@dataclass(frozen=True)
class PageInput:
    """One page to clean and where it came from.

    ``key`` identifies the page in errors and JSONL output (a path, or
    ``path:line`` / ``path#record-id`` inside a container). ``out_name`` is
    the path of its output relative to the output folder, without the
    format's extension. A page read from a folder carries only ``path``: the
    worker reads the bytes.
    """

    key: str
    out_name: str
    data: bytes | str | None = None
    path: str | None = None
    url: str | None = None
    headers: Mapping[str, str] | None = None
    error: tuple[str, str] | None = None
    """``(exception type, message)`` when the reader could not produce the page."""
    record_id: str | None = field(default=None, compare=False)

    def load(self, max_bytes: int) -> bytes | str:
        """The page's content, read from ``path`` when needed, refusing anything over ``max_bytes``."""
        if self.data is not None:
            return self.data
        if self.path is None:
            raise InputError(f"{self.key}: page has no content")
        size = os.stat(self.path).st_size
        if size > max_bytes:
            raise InputTooLargeError(f"input is {size} bytes; max_input_bytes is {max_bytes}")
        with open(self.path, "rb") as handle:
            return handle.read()


def record_name(container_stem: str, number: int) -> str:
    """The output name of a container's ``number``-th record: one folder per container, records in order."""
    return f"{container_stem}/{number:06d}"
