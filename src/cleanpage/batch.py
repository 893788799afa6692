"""Clean a whole Arrow table of pages at once: the engine-neutral batch function.

:func:`clean_table` is what every distributed integration calls on its
batches (Ray Data's ``map_batches``, Spark's ``mapInArrow``, Dask's
``map_partitions``), so all engines produce the same rows. A page that fails
becomes a row with its ``error`` set, never an exception that kills the batch.

Output columns, appended to the input's (a result column replaces an input
column of the same name, except the html, url and headers columns read here):

- ``text``, ``title`` and one column per :class:`~cleanpage.document.Metadata`
  field, typed: strings, ``int64`` for ints (``views``), ``bool`` for
  ``truncated``, ``list<string>`` for list fields, and a JSON string for dict
  fields (``filings``, ``pages``, ``extra``);
- ``warnings`` (``list<string>``), ``kind`` (``html`` or ``text``);
- ``removed`` and ``repairs``: the trace as JSON lists (left out with ``trace=False``);
- ``error``: ``"ExceptionType: message"`` for a page that failed, else null.

:func:`output_schema` tells the output schema in advance, for engines that
want it declared (Spark's ``mapInArrow``, Dask's ``meta``).
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any

try:
    import pyarrow as pa
except ImportError as exc:  # pragma: no cover - depends on the installed extras
    raise ImportError("clean_table needs pyarrow: pip install 'cleanpage[arrow]'") from exc

from .config import Config
from .document import Document, Metadata
from .errors import ConfigError, InputError
from .pipeline import Cleaner, shared_cleaner

Row = dict[str, Any]
Coerce = Callable[[Any], Any]


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=str)


def _as_list(value: Any) -> list[str] | None:
    return None if value is None else [str(item) for item in value]


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected an int, got {value!r}")
    return value


def _column_type(hint: Any) -> tuple[pa.DataType, Coerce]:
    """The Arrow type of a metadata field from its annotation, and how to make a value fit it."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):  # ``X | None``
        hint = next(arg for arg in typing.get_args(hint) if arg is not type(None))
    origin = typing.get_origin(hint) or hint
    if origin is list:
        return pa.list_(pa.string()), _as_list
    if origin is dict:
        return pa.string(), _json
    if origin is bool:
        return pa.bool_(), bool
    if origin is int:
        return pa.int64(), _as_int
    if origin is float:
        return pa.float64(), float
    return pa.string(), str


METADATA_COLUMNS: dict[str, tuple[pa.DataType, Coerce]] = {
    name: _column_type(hint) for name, hint in typing.get_type_hints(Metadata).items()
}
DOCUMENT_COLUMNS: dict[str, pa.DataType] = {
    "text": pa.string(),
    **{name: arrow_type for name, (arrow_type, _) in METADATA_COLUMNS.items()},
    "warnings": pa.list_(pa.string()),
    "kind": pa.string(),
}
TRACE_COLUMNS: dict[str, pa.DataType] = {"removed": pa.string(), "repairs": pa.string()}


def result_schema(*, trace: bool = True) -> pa.Schema:
    """The columns :func:`clean_table` adds, in order."""
    columns = {**DOCUMENT_COLUMNS, **(TRACE_COLUMNS if trace else {}), "error": pa.string()}
    return pa.schema([pa.field(name, arrow_type) for name, arrow_type in columns.items()])


def output_schema(input_schema: pa.Schema, *, html_column: str = "html", url_column: str | None = "url",
                  headers_column: str | None = None, trace: bool = True) -> pa.Schema:
    """The schema :func:`clean_table` returns for a table of ``input_schema``: what Spark and Dask ask for up front.

    Input columns come first; a result column replaces the input column of
    its name, except the html, url and headers columns, which are kept.
    """
    read = _read_columns(input_schema, html_column, url_column, headers_column)
    fields = {field.name: field for field in input_schema}
    fields.update((field.name, field) for field in result_schema(trace=trace) if field.name not in read)
    return pa.schema(list(fields.values()))


def clean_table(table: pa.Table | pa.RecordBatch, *, html_column: str = "html", url_column: str | None = "url",
                headers_column: str | None = None, config: Config | None = None, cleaner: Cleaner | None = None,
                trace: bool = True, **options: Any) -> pa.Table:
    """Clean every page of ``table`` and return it with the result columns appended.

    ``html_column`` holds the page as binary (any encoding) or string.
    ``url_column`` is used when the table has it (pass ``None`` to ignore it).
    ``headers_column`` holds HTTP headers as a map, a struct or a JSON object
    string. Give a reusable ``cleaner`` or a ``config`` plus ``options``
    (:class:`~cleanpage.Config` fields), not both.
    """
    if isinstance(table, pa.RecordBatch):
        table = pa.Table.from_batches([table])
    if cleaner is None:
        cleaner = shared_cleaner((config or Config()).replace(**options))
    elif config is not None or options:
        raise ConfigError("give clean_table either a cleaner or a config/options, not both")
    if html_column not in table.column_names:
        raise InputError(f"table has no column {html_column!r}; columns: {', '.join(table.column_names)}")
    pages = table.column(html_column).to_pylist()
    urls = _optional_column(table, url_column, required=False)
    headers = _optional_column(table, headers_column, required=True)
    rows = [_clean_row(cleaner, page, url, header, trace) for page, url, header in zip(pages, urls, headers, strict=True)]
    read = _read_columns(table.schema, html_column, url_column, headers_column)
    schema = output_schema(table.schema, html_column=html_column, url_column=url_column,
                           headers_column=headers_column, trace=trace)
    results = set(result_schema(trace=trace).names)
    columns = [pa.array([row.get(field.name) for row in rows], type=field.type)
               if field.name in results and field.name not in read else table.column(field.name)
               for field in schema]
    return pa.Table.from_arrays(columns, schema=schema)


def _read_columns(schema: pa.Schema, *names: str | None) -> set[str]:
    """The input columns clean_table reads; they are kept in its output even when a result has their name."""
    return {name for name in names if name is not None and name in schema.names}


def _optional_column(table: pa.Table, name: str | None, *, required: bool) -> list[Any]:
    if name is None or (name not in table.column_names and not required):
        return [None] * table.num_rows
    if name not in table.column_names:
        raise InputError(f"table has no column {name!r}; columns: {', '.join(table.column_names)}")
    return table.column(name).to_pylist()


def _clean_row(cleaner: Cleaner, page: Any, url: Any, headers: Any, trace: bool) -> Row:
    try:
        if page is None:
            raise InputError("the page is null")
        return _document_row(cleaner.clean(page, url=url, headers=_headers(headers)), trace)
    except Exception as exc:  # a failing page is a row with its error, never a failed batch
        return {"error": f"{type(exc).__name__}: {exc}"}


def _headers(value: Any) -> Mapping[str, str] | None:
    """Headers from a map column (list of pairs), a struct column (dict) or a JSON object string."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError as exc:
            raise InputError(f"headers are not a JSON object: {exc}") from exc
    pairs = value.items() if isinstance(value, Mapping) else value
    try:
        return {str(key): str(item) for key, item in pairs if item is not None}
    except (TypeError, ValueError) as exc:
        raise InputError(f"headers must be a mapping of names to values, not {type(value).__name__}") from exc


def _document_row(document: Document, trace: bool) -> Row:
    warnings = list(document.warnings)
    row: Row = {"text": document.text, "warnings": warnings, "kind": document.kind}
    for name, value in document.metadata.to_dict().items():
        _, coerce = METADATA_COLUMNS[name]
        try:
            row[name] = None if value is None else coerce(value)
        except (TypeError, ValueError) as exc:
            warnings.append(f"clean_table: metadata {name} left out: {exc}")
    if trace:
        row["removed"] = _json([removal.to_dict() for removal in document.removed])
        row["repairs"] = _json([repair.to_dict() for repair in document.repairs])
    return row
