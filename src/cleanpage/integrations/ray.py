"""Clean pages with Ray Data: read a corpus into a dataset, clean it on a pool of actors, write it out.

    >>> import ray.data
    >>> from cleanpage.integrations.ray import CleanBatches, read_pages
    >>> pages = read_pages(["dump/", "crawl.warc.gz"])
    >>> cleaned = pages.map_batches(CleanBatches, batch_format="pyarrow",
    ...                             compute=ray.data.ActorPoolStrategy(size=4),
    ...                             fn_constructor_kwargs={"options": {"captions": "drop"}, "keep_html": False})
    >>> cleaned.write_parquet("out/")

:class:`CleanBatches` builds one :class:`~cleanpage.Cleaner` per actor and
calls :func:`cleanpage.clean_table` on each batch, so rows are identical to
a single-process run. :func:`run_ray` is the whole job in one call (what
``cleanpage clean --engine ray`` runs).
"""

from __future__ import annotations

import base64
import json
import os
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

try:
    import pyarrow as pa
    import ray
    import ray.data
except ImportError as exc:  # pragma: no cover - depends on the installed extras
    raise ImportError("the Ray integration needs Ray Data: pip install 'cleanpage[ray]'") from exc

from ..batch import clean_table
from ..config import Config
from ..errors import InputError
from ..pipeline import Cleaner

PAGE_SCHEMA = pa.schema([
    pa.field("id", pa.string()),
    pa.field("html", pa.binary()),
    pa.field("url", pa.string()),
    pa.field("headers", pa.string()),
])
"""Every reader yields these columns: an identity, the page bytes, its URL and HTTP headers as JSON (or null)."""

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".json", ".json.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")
FORMATS = ("jsonl", "parquet")
MAX_REPORTED_FAILURES = 100
IO_CPUS = 0
"""Logical CPUs of the read, parse and write tasks: none, so a pool of one cleaning actor per CPU cannot starve them."""


class CleanBatches:
    """Callable class for ``Dataset.map_batches(CleanBatches, batch_format="pyarrow", concurrency=N)``.

    Ray constructs it once per actor, so the detectors and rules are built
    once per actor, not per batch. Constructor arguments go through
    ``fn_constructor_kwargs``: ``config`` (a :class:`~cleanpage.Config`),
    ``options`` (Config fields), column names and ``trace`` as for
    :func:`~cleanpage.clean_table`; ``keep_html=False`` drops the raw page
    from the output (it is rarely worth writing out again).
    """

    def __init__(self, config: Config | None = None, *, options: Mapping[str, Any] | None = None,
                 html_column: str = "html", url_column: str | None = "url", headers_column: str | None = "headers",
                 trace: bool = True, keep_html: bool = True) -> None:
        self.cleaner = Cleaner(config, **dict(options or {}))
        self.html_column, self.url_column, self.headers_column = html_column, url_column, headers_column
        self.trace = trace
        self.keep_html = keep_html

    def __call__(self, batch: pa.Table) -> pa.Table:
        # Headers are optional in hand-built datasets; the readers' page schema always has them.
        headers = self.headers_column if self.headers_column in batch.column_names else None
        cleaned = clean_table(batch, html_column=self.html_column, url_column=self.url_column, headers_column=headers,
                              cleaner=self.cleaner, trace=self.trace)
        return cleaned if self.keep_html else cleaned.drop_columns([self.html_column])


# -- reading ---------------------------------------------------------------------------------------
def read_pages(inputs: str | Path | Iterable[str | Path], *, html_field: str = "html", url_field: str = "url",
               headers_field: str = "headers", id_field: str = "id", base64_html: bool = False) -> ray.data.Dataset:
    """One dataset with :data:`PAGE_SCHEMA` from folders of pages, JSONL, Parquet and WARC inputs.

    A folder is read recursively, one page per file, its path as ``id``.
    JSONL and Parquet records name their fields with ``*_field``; the page is
    text (encoded as UTF-8) or, with ``base64_html``, base64 of the raw bytes.
    WARC and WARC.gz files give one page per ``response`` record (HTTP body,
    target URI, HTTP headers). Each input is read in parallel by Ray.
    """
    paths = [Path(inputs)] if isinstance(inputs, (str, Path)) else [Path(p) for p in inputs]
    if not paths:
        raise InputError("no inputs given")
    fields = {"html_field": html_field, "url_field": url_field, "headers_field": headers_field, "id_field": id_field,
              "base64_html": base64_html}
    datasets = [_read_one(path, fields) for path in paths]
    return datasets[0].union(*datasets[1:]) if len(datasets) > 1 else datasets[0]


def _read_one(path: Path, fields: dict[str, Any]) -> ray.data.Dataset:
    name = path.name.lower()
    if path.is_dir():
        return _read_files(path).map_batches(_pages_from_files, batch_format="pyarrow", num_cpus=IO_CPUS)
    if not path.is_file():
        raise InputError(f"input not found: {path}")
    if name.endswith(WARC_SUFFIXES):
        return _read_files(path).map_batches(_pages_from_warc, batch_format="pyarrow", num_cpus=IO_CPUS)
    if name.endswith(JSONL_SUFFIXES):
        records = ray.data.read_json(str(path), lines=True, file_extensions=None, num_cpus=IO_CPUS)
    elif name.endswith(".parquet"):
        records = ray.data.read_parquet(str(path), file_extensions=None, num_cpus=IO_CPUS)
    else:
        return _read_files(path).map_batches(_pages_from_files, batch_format="pyarrow", num_cpus=IO_CPUS)
    return records.map_batches(partial(_pages_from_records, **fields), batch_format="pyarrow", num_cpus=IO_CPUS)


def _read_files(path: Path) -> ray.data.Dataset:
    return ray.data.read_binary_files(str(path), include_paths=True, num_cpus=IO_CPUS)


def _pages_from_files(batch: pa.Table) -> pa.Table:
    paths = batch.column("path").to_pylist()
    return pa.table({"id": paths, "html": batch.column("bytes"), "url": [None] * len(paths),
                     "headers": [None] * len(paths)}, schema=PAGE_SCHEMA)


def _pages_from_records(batch: pa.Table, *, html_field: str, url_field: str, headers_field: str, id_field: str,
                        base64_html: bool) -> pa.Table:
    if html_field not in batch.column_names:
        raise InputError(f"records have no field {html_field!r}; fields: {', '.join(batch.column_names)}")

    def column(name: str) -> list[Any]:
        return batch.column(name).to_pylist() if name in batch.column_names else [None] * batch.num_rows

    urls = [None if url is None else str(url) for url in column(url_field)]
    ids = [str(value) if value is not None else url for value, url in zip(column(id_field), urls, strict=True)]
    html = [_page_bytes(value, base64_html) for value in column(html_field)]
    headers = [None if value is None else _header_dict(value) for value in column(headers_field)]
    return pa.table({"id": ids, "html": html, "url": urls, "headers": headers}, schema=PAGE_SCHEMA)


def _page_bytes(value: Any, base64_html: bool) -> bytes | None:
    if value is None or isinstance(value, bytes):
        return value
    text = str(value)
    return base64.b64decode(text) if base64_html else text.encode("utf-8", "surrogatepass")


def _header_dict(value: Any) -> str:
    """Headers of a record as a JSON object: from an object (unset keys are null), pairs, or raw header text.

    A value of any other shape is passed on as JSON so that clean_table reports it as that row's error.
    """
    if isinstance(value, str):
        pairs: Any = [line.split(":", 1) for line in value.splitlines() if ":" in line]
    else:
        pairs = value.items() if isinstance(value, Mapping) else value
    try:
        headers = {str(key).strip(): str(item).strip() for key, item in pairs if item is not None}
    except (TypeError, ValueError):
        return json.dumps(value, ensure_ascii=False, default=str)
    return json.dumps(headers, ensure_ascii=False)


def _pages_from_warc(batch: pa.Table) -> pa.Table:
    from io import BytesIO

    try:
        from fastwarc.warc import ArchiveIterator, WarcRecordType
    except ImportError as exc:
        raise ImportError("reading WARC needs fastwarc: pip install 'cleanpage[warc]'") from exc
    rows: dict[str, list[Any]] = {name: [] for name in PAGE_SCHEMA.names}
    for data in batch.column("bytes").to_pylist():
        for record in ArchiveIterator(BytesIO(data), record_types=WarcRecordType.response, parse_http=True):
            headers = record.http_headers
            rows["id"].append(record.record_id)
            rows["url"].append(record.headers.get("WARC-Target-URI"))
            rows["headers"].append(json.dumps(dict(headers.items()), ensure_ascii=False) if headers else None)
            rows["html"].append(record.reader.read())
    return pa.table(rows, schema=PAGE_SCHEMA)


# -- cleaning and writing --------------------------------------------------------------------------
def clean_dataset(pages: ray.data.Dataset, *, config: Config | None = None, actors: int | None = None,
                  batch_size: int = 64, trace: bool = True, keep_html: bool = False) -> ray.data.Dataset:
    """``pages`` (:data:`PAGE_SCHEMA`) cleaned on a pool of ``actors`` (default: one per CPU of the cluster)."""
    size = actors or max(1, int(ray.cluster_resources().get("CPU", 1)))
    return pages.map_batches(CleanBatches, fn_constructor_kwargs={"config": config, "trace": trace, "keep_html": keep_html},
                             batch_format="pyarrow", batch_size=batch_size, compute=ray.data.ActorPoolStrategy(size=size))


def write_pages(cleaned: ray.data.Dataset, output: str | Path, *, fmt: str = "jsonl") -> None:
    """Write cleaned pages as a folder of Parquet or JSONL files."""
    if fmt not in FORMATS:
        raise InputError(f"format must be one of {FORMATS}, not {fmt!r}")
    if fmt == "parquet":
        cleaned.write_parquet(str(output), ray_remote_args={"num_cpus": IO_CPUS})
    else:
        cleaned.write_json(str(output), ray_remote_args={"num_cpus": IO_CPUS}, force_ascii=False)


@dataclass
class RaySummary:
    """What :func:`run_ray` did: page and failure counts, wall time, and the first failures."""

    pages: int
    failed: int
    seconds: float
    output: str
    failures: list[tuple[str | None, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"pages": self.pages, "failed": self.failed, "seconds": round(self.seconds, 3), "output": self.output,
                "failures": [{"id": page_id, "error": error} for page_id, error in self.failures]}


def start_ray(num_cpus: int | None = None) -> None:
    """Join the cluster named by ``RAY_ADDRESS``, else start a local one; no dashboard, no usage reporting."""
    if ray.is_initialized():
        return
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    ray.init(num_cpus=None if os.environ.get("RAY_ADDRESS") else num_cpus, include_dashboard=False,
             log_to_driver=False, configure_logging=False)


def run_ray(inputs: str | Path | Iterable[str | Path], output: str | Path, *, config: Config | None = None,
            num_cpus: int | None = None, fmt: str = "jsonl", batch_size: int = 64, trace: bool = True,
            **read_options: Any) -> RaySummary:
    """Read ``inputs``, clean them on Ray, write ``output`` (a folder) and summarize the run.

    Uses the running Ray instance if there is one, else starts a local one
    with ``num_cpus``. ``read_options`` are :func:`read_pages` field options.
    A failed page is a row with its ``error`` in the output, never a failed run.
    """
    started = time.perf_counter()
    if fmt not in FORMATS:
        raise InputError(f"format must be one of {FORMATS}, not {fmt!r}")
    if Path(output).is_dir() and any(Path(output).iterdir()):
        raise InputError(f"output folder {output} is not empty; give a new folder")
    start_ray(num_cpus)
    pages = read_pages(inputs, **read_options)
    write_pages(clean_dataset(pages, config=config, actors=num_cpus, batch_size=batch_size, trace=trace),
                output, fmt=fmt)
    return _summarize(str(output), fmt, time.perf_counter() - started)


def _summarize(output: str, fmt: str, seconds: float) -> RaySummary:
    written = ray.data.read_parquet(output) if fmt == "parquet" else ray.data.read_json(output, lines=True)
    summary = RaySummary(pages=0, failed=0, seconds=seconds, output=output)
    for batch in written.select_columns(["id", "error"]).iter_batches(batch_format="pyarrow"):
        assert isinstance(batch, pa.Table)
        summary.pages += batch.num_rows
        for page_id, error in zip(batch.column("id").to_pylist(), batch.column("error").to_pylist(), strict=True):
            if error is not None:
                summary.failed += 1
                if len(summary.failures) < MAX_REPORTED_FAILURES:
                    summary.failures.append((page_id, error))
    return summary
