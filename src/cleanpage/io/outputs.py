"""Where results go: a mirrored folder tree, one stream (a JSONL file or stdout) or a Parquet file, plus the errors log.

Nothing is ever half-written. A file in the tree is written to a temporary
name beside it and renamed into place (``os.replace`` is atomic on POSIX),
so an interrupted run leaves whole outputs or none. A stream file is built
as ``NAME.partial`` and renamed when the run ends; an interrupted run leaves
the partial file, whose complete lines ``--skip-existing`` keeps and resumes
from. A Parquet file is built the same way. No output path may be an input path.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..errors import InputError
from .parallel import PageResult

if TYPE_CHECKING:
    import pyarrow as pa
    import pyarrow.parquet as pq

PARTIAL_SUFFIX = ".partial"
_UMASK = os.umask(0o022)
os.umask(_UMASK)
PARQUET_BATCH_ROWS = 256
"""Pages held in memory before they are written to a Parquet file as one row group."""
PAGE_SEPARATOR = "\f\n"
"""Between pages of text or Markdown written to one stream (a form feed line, as ``pr`` and ``less`` know it)."""


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(handle, 0o666 & ~_UMASK)  # mkstemp makes 0600; outputs get the usual permissions
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


class TreeWriter:
    """One file per page under ``root``, at the page's ``out_name`` plus the format's extension."""

    def __init__(self, root: str, extension: str, *, skip_existing: bool = False) -> None:
        self.root = Path(root)
        self.extension = extension
        self.skip_existing = skip_existing

    def target(self, out_name: str) -> Path:
        return self.root / (out_name + self.extension)

    def done_before(self, out_name: str) -> bool:
        """Whether ``--skip-existing`` lets this page go: its output exists from an earlier run."""
        return self.skip_existing and self.target(out_name).is_file()

    def write(self, result: PageResult) -> None:
        target = self.target(result.out_name)
        if result.path is not None and target.resolve() == Path(result.path).resolve():
            raise InputError(f"refusing to overwrite the input {result.path}")
        atomic_write(target, result.payload)

    def close(self, *, complete: bool) -> None:
        """Nothing to finish: every page file was complete when written."""


class StreamWriter:
    """All pages into one stream: a file (built as ``.partial``, renamed at the end) or stdout (``path=None``)."""

    def __init__(self, path: str | None, *, separator: str = "", skip_existing: bool = False) -> None:
        self.path = Path(path) if path else None
        self.separator = separator
        self.done_ids: set[str] = set()
        self._first = True
        self._out: IO[str]
        if self.path is None:
            self._out = sys.stdout
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.partial_path
        kept = list(self._resumable_lines()) if skip_existing else []
        self._out = open(partial, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed in close()
        for line in kept:
            self._out.write(line)
            self.done_ids.add(json.loads(line)["id"])
        self._first = not kept

    @property
    def partial_path(self) -> Path:
        assert self.path is not None
        return self.path.with_name(self.path.name + PARTIAL_SUFFIX)

    def _resumable_lines(self) -> Iterator[str]:
        """Complete JSON lines with an ``id`` from a finished output and a partial one, first occurrence wins."""
        seen: set[str] = set()
        for source in (self.path, self.partial_path):
            if source is None or not source.is_file():
                continue
            with open(source, encoding="utf-8", errors="replace") as handle:
                for line in handle:
                    record = _json_object(line)
                    if record is not None and isinstance(record.get("id"), str) and record["id"] not in seen:
                        seen.add(record["id"])
                        yield line

    def done_before(self, key: str) -> bool:
        return key in self.done_ids

    def write(self, result: PageResult) -> None:
        if not self._first:
            self._out.write(self.separator)
        self._first = False
        self._out.write(result.payload)
        if self.path is None:
            self._out.flush()

    def close(self, *, complete: bool) -> None:
        """Close the stream; a complete file replaces ``path``, an interrupted one stays ``.partial``."""
        if self.path is None:
            self._out.flush()
            return
        self._out.close()
        if complete:
            os.replace(self.partial_path, self.path)


class TableWriter:
    """All pages into one Parquet file of ``schema``, appended ``batch_rows`` pages at a time (one row group each).

    Payloads are one-row Arrow batches (:class:`~cleanpage.io.work.ArrowRow`);
    only the current batch is held, so memory does not grow with the run. A
    failed page is a row with only ``id``, ``url`` and ``error``
    (``"Type: message"``), as :func:`cleanpage.clean_table` writes failures.
    The file is built as ``NAME.partial``: an interrupted run closes it as
    valid Parquet there, and only a complete run renames it to ``path``.
    """

    def __init__(self, path: str, schema: pa.Schema, *, batch_rows: int = PARQUET_BATCH_ROWS) -> None:
        import pyarrow.parquet as pq

        self.path = Path(path)
        self.schema = schema
        self.batch_rows = batch_rows
        self._pending: list[pa.RecordBatch] = []
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._writer: pq.ParquetWriter = pq.ParquetWriter(self.partial_path, schema)

    @property
    def partial_path(self) -> Path:
        return self.path.with_name(self.path.name + PARTIAL_SUFFIX)

    def write(self, result: PageResult) -> None:
        self._add(result.payload)

    def write_failure(self, result: PageResult) -> None:
        import pyarrow as pa

        assert result.error is not None
        row = {"id": result.key, "url": result.url, "error": f"{result.error[0]}: {result.error[1]}"}
        self._add(pa.RecordBatch.from_pylist([row], schema=self.schema))

    def _add(self, batch: pa.RecordBatch) -> None:
        self._pending.append(batch)
        if len(self._pending) >= self.batch_rows:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self._pending:
            self._writer.write_table(pa.Table.from_batches(self._pending, schema=self.schema))
            self._pending = []

    def close(self, *, complete: bool) -> None:
        """Write the last batch and close; a complete file replaces ``path``, an interrupted one stays ``.partial``."""
        try:
            self._flush()
        finally:
            self._writer.close()
        if complete:
            os.replace(self.partial_path, self.path)


def _json_object(line: str) -> dict[str, Any] | None:
    if not line.endswith("\n"):
        return None  # the torn last line of an interrupted run
    try:
        value = json.loads(line)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


class ErrorLog:
    """Failed pages as JSON lines (identity, exception type, message): a file created at the first failure, or
    standard error (``path=None``, when the pages themselves go to standard output)."""

    def __init__(self, path: str | None) -> None:
        self.path = Path(path) if path is not None else None
        self.count = 0
        self._out: IO[str] | None = None

    @property
    def where(self) -> str:
        return str(self.path) if self.path is not None else "standard error"

    def record(self, result: PageResult) -> None:
        assert result.error is not None
        if self._out is None and self.path is None:
            self._out = sys.stderr
        elif self._out is None:
            assert self.path is not None
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._out = open(self.path, "w", encoding="utf-8")  # noqa: SIM115 - closed in close()
        error_type, message = result.error
        entry = {"id": result.key, "path": result.path, "url": result.url, "error": error_type, "message": message}
        self._out.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self._out.flush()
        self.count += 1

    def close(self) -> None:
        if self._out is not None and self.path is not None:
            self._out.close()
