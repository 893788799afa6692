"""Turn command-line inputs into a lazy stream of pages.

An input is a file, a folder (walked recursively, in sorted order), ``-``
for standard input, a JSONL file (one page per line) or a WARC/WARC.gz file
(one page per ``response`` record). Nothing is read before it is needed, so a
10 GB dump streams through in constant memory: files found in folders are
read by the worker that cleans them, container records one at a time.

A record that cannot be turned into a page (bad JSON, bad base64, a missing
field, a record over ``max_input_bytes``) becomes a :class:`PageInput` with
``error`` set, so it is reported like any other failed page instead of
stopping the run.
"""

from __future__ import annotations

import base64
import binascii
import fnmatch
import json
import os
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO

from ..errors import InputError, InputTooLargeError
from .page_input import PageInput, record_name
from .warc import warc_pages

STDIN = "-"
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")
INPUT_FORMATS = ("auto", "page", "jsonl", "warc")
CONTENT_FIELDS = ("html", "content", "raw", "text", "body")
"""Fields tried, in order, for a JSONL page when ``--content-field`` is not given."""


@dataclass(frozen=True)
class JsonlFields:
    """Where a JSONL record keeps its page and how the page is encoded."""

    content: str | None = None
    """Field of the page; ``None`` tries :data:`CONTENT_FIELDS` in order."""
    url: str = "url"
    headers: str = "headers"
    id: str = "id"
    encoding: str = "text"
    """``text`` (the field is the page as a string) or ``base64`` (the page's raw bytes)."""


def input_format(path: str, forced: str) -> str:
    if forced != "auto":
        return forced
    name = path.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    return "page"


def output_root(inputs: Sequence[str]) -> str | None:
    """The folder that input paths are made relative to when the output mirrors them."""
    folders = [os.path.abspath(p if os.path.isdir(p) else os.path.dirname(p) or ".") for p in inputs if p != STDIN]
    return os.path.commonpath(folders) if folders else None


def check_inputs(inputs: Sequence[str]) -> None:
    """Fail before any work when an input does not exist or stdin is named twice."""
    if list(inputs).count(STDIN) > 1:
        raise InputError("'-' (standard input) can be given only once")
    for path in inputs:
        if path != STDIN and not os.path.exists(path):
            raise InputError(f"no such file or folder: {path}")


def iter_pages(inputs: Sequence[str], *, glob: str | None = None, forced_format: str = "auto",
               fields: JsonlFields = JsonlFields(), max_bytes: int = 64 * 1024 * 1024,
               stdin: BinaryIO | None = None, all_files: bool = False) -> Iterator[PageInput]:
    """Every page of every input, lazily, in a stable order.

    Folders give their page-like files only (:func:`page_like`) unless ``all_files`` or a ``glob`` says
    which: a saved page's ``page_files/`` holds images, style sheets and scripts.
    """
    check_inputs(inputs)
    root = output_root(inputs)
    for given in dict.fromkeys(inputs):  # the same path given twice is cleaned once
        if given == STDIN:
            yield from _stdin_pages(stdin or sys.stdin.buffer, forced_format, fields, max_bytes)
        elif os.path.isdir(given):
            for paths in _walk(given, glob, all_files or glob is not None or forced_format != "auto"):
                names = _page_names([_relative(path, root) for path in paths])
                for path, name in zip(paths, names):
                    yield from _file_pages(path, name, forced_format, fields, max_bytes)
        else:
            yield from _file_pages(given, _page_names([_relative(given, root)])[0], forced_format, fields, max_bytes)


def _relative(path: str, root: str | None) -> str:
    return os.path.relpath(os.path.abspath(path), root or ".").replace(os.sep, "/")


def page_like(name: str) -> bool:
    """A page, a text dump, a container of pages, or a file without an extension (sniffed when cleaned)."""
    lowered = name.lower()
    return lowered.endswith(WALKED_SUFFIXES) or "." not in lowered.lstrip(".")


def _walk(folder: str, glob: str | None, all_files: bool = True) -> Iterator[list[str]]:
    """The files of each folder under ``folder``, sorted, hidden ones skipped, matching ``glob`` (name or relative
    path), page-like ones only unless ``all_files``."""
    for current, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        paths = []
        for name in sorted(files):
            path = os.path.join(current, name)
            relative = os.path.relpath(path, folder).replace(os.sep, "/")
            if not name.startswith(".") and (all_files or page_like(name)) and \
                    (glob is None or fnmatch.fnmatch(name, glob) or fnmatch.fnmatch(relative, glob)):
                paths.append(path)
        if paths:
            yield paths


def _file_pages(path: str, name: str, forced: str, fields: JsonlFields, max_bytes: int) -> Iterator[PageInput]:
    """The pages of one file; ``name`` is its output name (a folder name for a container)."""
    kind = input_format(path, forced)
    stem = _strip_suffix(name)
    if kind == "jsonl":
        with open(path, "rb") as handle:
            yield from jsonl_pages(handle, path, stem, fields, max_bytes)
    elif kind == "warc":
        yield from warc_pages(path, stem, max_bytes)
    else:
        yield PageInput(key=path, out_name=name, path=path)


def _stdin_pages(stream: BinaryIO, forced: str, fields: JsonlFields, max_bytes: int) -> Iterator[PageInput]:
    if forced == "jsonl":
        yield from jsonl_pages(stream, STDIN, "stdin", fields, max_bytes)
    elif forced == "warc":
        yield from warc_pages(stream, "stdin", max_bytes)
    else:
        data = stream.read(max_bytes + 1)
        if len(data) > max_bytes:
            yield PageInput(STDIN, "stdin", error=("InputTooLargeError", f"standard input exceeds max_input_bytes ({max_bytes})"))
        else:
            yield PageInput(STDIN, "stdin", data=data)


def _strip_suffix(relative: str) -> str:
    for suffix in (*JSONL_SUFFIXES, *WARC_SUFFIXES):
        if relative.lower().endswith(suffix):
            return relative[: -len(suffix)]
    return relative


PAGE_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".txt")
WALKED_SUFFIXES = (*PAGE_SUFFIXES, ".php", ".asp", ".aspx", ".jsp", ".cgi", ".json", *JSONL_SUFFIXES, *WARC_SUFFIXES)
"""What a folder walk takes by default: pages saved under their URL's name, text, and containers of pages."""


def _page_names(relatives: Sequence[str]) -> list[str]:
    """Output names (without extension) of the files of one folder.

    A page suffix (``.html``, ``.txt``...) is dropped so ``a.html`` gives
    ``a.txt``; other suffixes stay (``a.php`` gives ``a.php.txt``). Files
    whose names would collide (``a.html`` beside ``a.txt``) keep their full
    names, so no output ever overwrites another.
    """
    stems = [_drop_page_suffix(r) for r in relatives]
    counts: dict[str, int] = {}
    for stem in stems:
        counts[stem] = counts.get(stem, 0) + 1
    return [stem if counts[stem] == 1 else relative for stem, relative in zip(stems, relatives)]


def _drop_page_suffix(relative: str) -> str:
    lowered = relative.lower()
    for suffix in PAGE_SUFFIXES:
        if lowered.endswith(suffix):
            return relative[: -len(suffix)]
    return relative


def jsonl_pages(lines: Iterable[bytes], source: str, stem: str, fields: JsonlFields,
                max_bytes: int) -> Iterator[PageInput]:
    """One page per non-blank line of a JSONL stream; a bad line is a page with its error, named as well as it can be."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        key, name, url, record_id = f"{source}:{number}", record_name(stem, number), None, None
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise InputError(f"line {number} is not a JSON object")
            url = record.get(fields.url) if isinstance(record.get(fields.url), str) else None
            if record.get(fields.id) is not None:
                record_id = str(record[fields.id])
                key = f"{key}#{record_id}"
            yield PageInput(key, name, data=_jsonl_content(record, fields, max_bytes), url=url,
                            headers=parse_headers(record.get(fields.headers)), record_id=record_id)
        except (ValueError, InputError) as exc:  # json.JSONDecodeError and UnicodeDecodeError are ValueErrors
            error = exc if isinstance(exc, InputError) else InputError(f"line {number}: {exc}")
            yield PageInput(key, name, url=url, record_id=record_id, error=(type(error).__name__, str(error)))


def _jsonl_content(record: Mapping[str, Any], fields: JsonlFields, max_bytes: int) -> bytes | str:
    candidates = (fields.content,) if fields.content else CONTENT_FIELDS
    content_field = next((f for f in candidates if f in record), None)
    if content_field is None:
        raise InputError(f"no page field: expected one of {', '.join(candidates)}")
    raw = record[content_field]
    if not isinstance(raw, str):
        raise InputError(f"field {content_field!r} is {type(raw).__name__}, not a string")
    if len(raw) > max_bytes * (4 if fields.encoding == "base64" else 1):
        raise InputTooLargeError(f"field {content_field!r} has {len(raw)} characters; max_input_bytes is {max_bytes}")
    if fields.encoding != "base64":
        return raw
    try:
        return base64.b64decode(raw, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise InputError(f"field {content_field!r} is not valid base64: {exc}") from exc


def parse_headers(value: Any) -> dict[str, str] | None:
    """HTTP headers from a JSON object, a list of pairs or a raw ``Name: value`` block."""
    if value is None:
        return None
    if isinstance(value, Mapping):
        return {str(k): str(v) for k, v in value.items()}
    if isinstance(value, list):
        return {str(pair[0]): str(pair[1]) for pair in value if isinstance(pair, (list, tuple)) and len(pair) == 2}
    if isinstance(value, str):
        lines = (line.partition(":") for line in value.splitlines())
        return {name.strip(): val.strip() for name, sep, val in lines if sep and name.strip()}
    raise InputError(f"headers must be an object, a list of pairs or a string, not {type(value).__name__}")
