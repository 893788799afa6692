"""Fixture cases on disk: discovery, reading, and deterministic writing.

A case is a folder holding exactly one input file and its expectations::

    my-case/
        input.txt | input.html | input.bin   the page (UTF-8 text dump, UTF-8 HTML, or raw bytes)
        expected.txt                          the body, one paragraph per line
        expected.json                         the metadata that matters (keys that are Metadata fields)
        options.json                          optional: keyword options for cleanpage.clean

``input.txt`` is cleaned as a text dump and ``input.html`` as HTML unless
``options.json`` says otherwise; ``input.bin`` goes in as bytes and its kind
and encoding are detected, as for a page straight off the wire. Keys of
``expected.json`` that are not :class:`~cleanpage.Metadata` field names are
notes for humans and never compared.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from .. import clean
from ..config import Config
from ..document import Document, Metadata
from ..errors import CleanpageError, ConfigError

INPUT_STEM = "input"
INPUT_KINDS = {"input.txt": "text", "input.html": "html", "input.bin": None}
"""Input file names and the ``kind`` each implies (``None``: detect from the bytes)."""
EXPECTED_TEXT = "expected.txt"
EXPECTED_JSON = "expected.json"
OPTIONS_JSON = "options.json"
COMPARE_LINES = "compare_lines"
"""``options.json`` key: ``false`` compares the body as characters, line breaks ignored (the spec's scoring
for pages whose gold restores line structure the page lost, a stretch goal)."""
METADATA_FIELDS = frozenset(Metadata.field_names())
ALWAYS_RECORDED = ("title", "author", "source", "published")
"""Fields a new ``expected.json`` states even when unknown: a null here is a claim worth checking."""
NEVER_RECORDED = frozenset({"extra", "encoding_reason"})
"""Fields too volatile to pin in a new ``expected.json`` (provenance and wording of reasons)."""
SKIPPED_DIRS = frozenset({"__pycache__", "node_modules"})


class FixtureError(CleanpageError):
    """A fixture folder or case is malformed (missing input, bad JSON, unknown option)."""


@dataclass(frozen=True)
class Case:
    """One fixture case: where it lives and how its input is to be cleaned."""

    name: str
    """Path of the case folder relative to the root it was found under, with ``/``."""
    path: Path
    input_path: Path
    options: Mapping[str, Any] = field(default_factory=dict)
    """:class:`Config` options, including the ``kind`` implied by the input file name."""
    url: str | None = None
    headers: Mapping[str, str] | None = None
    compare_lines: bool = True

    @property
    def expected_text_path(self) -> Path:
        return self.path / EXPECTED_TEXT

    @property
    def expected_json_path(self) -> Path:
        return self.path / EXPECTED_JSON

    def read_source(self) -> str | bytes:
        """The page as :func:`cleanpage.clean` should see it: text for ``.txt``/``.html``, bytes for ``.bin``."""
        data = self.input_path.read_bytes()
        if self.input_path.name == "input.bin":
            return data
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise FixtureError(f"{self.input_path} is not UTF-8 ({exc.reason} at byte {exc.start}); "
                               "store pages in other encodings as input.bin") from exc

    def clean(self, config: Config | None = None) -> Document:
        """Clean the case's input with ``config`` (default: the library defaults) plus the case options."""
        return clean(self.read_source(), url=self.url, headers=self.headers, config=config, **self.options)

    def read_expected_text(self) -> str | None:
        """The expected body without trailing newlines, or ``None`` when ``expected.txt`` is missing."""
        if not self.expected_text_path.is_file():
            return None
        try:
            return self.expected_text_path.read_text(encoding="utf-8").rstrip("\n")
        except UnicodeDecodeError as exc:
            raise FixtureError(f"{self.expected_text_path} is not UTF-8: {exc.reason}") from exc

    def read_expected_json(self) -> dict[str, Any] | None:
        """The whole ``expected.json`` (fields and notes), or ``None`` when it is missing."""
        if not self.expected_json_path.is_file():
            return None
        return read_json_object(self.expected_json_path)


def load_case(folder: str | Path, name: str | None = None) -> Case:
    """Read the case in ``folder``; ``name`` defaults to the folder's own name."""
    folder = Path(folder)
    inputs = sorted(p for p in folder.glob(f"{INPUT_STEM}.*") if p.is_file())
    if not inputs:
        raise FixtureError(f"{folder} has no input file (expected one of {', '.join(INPUT_KINDS)})")
    if len(inputs) > 1:
        raise FixtureError(f"{folder} has several input files: {', '.join(p.name for p in inputs)}")
    input_path = inputs[0]
    if input_path.name not in INPUT_KINDS:
        raise FixtureError(f"{input_path}: unknown input file name; use one of {', '.join(INPUT_KINDS)}")
    raw_options = read_json_object(folder / OPTIONS_JSON) if (folder / OPTIONS_JSON).is_file() else {}
    url = raw_options.pop("url", None)
    headers = raw_options.pop("headers", None)
    compare_lines = raw_options.pop(COMPARE_LINES, True)
    if not isinstance(compare_lines, bool):
        raise FixtureError(f"{folder / OPTIONS_JSON}: {COMPARE_LINES} must be true or false")
    if url is not None and not isinstance(url, str):
        raise FixtureError(f"{folder / OPTIONS_JSON}: url must be a string")
    if headers is not None and not (isinstance(headers, dict) and all(isinstance(v, str) for v in headers.values())):
        raise FixtureError(f"{folder / OPTIONS_JSON}: headers must be an object of strings")
    implied_kind = INPUT_KINDS[input_path.name]
    options = {"kind": implied_kind, **raw_options} if implied_kind else raw_options
    try:
        Config().replace(**options)
    except ConfigError as exc:
        raise FixtureError(f"{folder / OPTIONS_JSON}: {exc}") from exc
    return Case(name=name or folder.name, path=folder, input_path=input_path, options=options,
                url=url, headers=headers, compare_lines=compare_lines)


def load_cases(root: str | Path) -> list[Case]:
    """Every case under ``root``, sorted by name; ``root`` may itself be a case folder.

    A folder with an ``input.*`` file is a case and is not searched further;
    hidden folders and caches are skipped.
    """
    root = Path(root)
    if not root.is_dir():
        raise FixtureError(f"fixture folder {root} does not exist")
    if is_case_folder(root):
        return [load_case(root)]
    return [load_case(folder, PurePosixPath(*folder.relative_to(root).parts).as_posix())
            for folder in sorted(_case_folders(root))]


def is_case_folder(folder: Path) -> bool:
    return any(p.is_file() for p in folder.glob(f"{INPUT_STEM}.*"))


def _case_folders(folder: Path) -> Iterator[Path]:
    for child in sorted(folder.iterdir()):
        if not child.is_dir() or child.name.startswith(".") or child.name in SKIPPED_DIRS:
            continue
        if is_case_folder(child):
            yield child
        else:
            yield from _case_folders(child)


def recorded_metadata(metadata: Metadata) -> dict[str, Any]:
    """What a new ``expected.json`` pins: the always-stated fields plus every field that is not at its default."""
    actual = metadata_as_json(metadata)
    default = metadata_as_json(Metadata())
    return {name: value for name, value in actual.items()
            if name not in NEVER_RECORDED and (name in ALWAYS_RECORDED or value != default[name])}


def metadata_as_json(metadata: Metadata) -> dict[str, Any]:
    """``metadata.to_dict()`` as it reads back from JSON (tuples become lists), so comparisons are like for like."""
    result: dict[str, Any] = json.loads(json.dumps(metadata.to_dict(), ensure_ascii=False, default=str))
    return result


def read_json_object(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FixtureError(f"{path} is not valid UTF-8 JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise FixtureError(f"{path} must hold a JSON object, not {type(data).__name__}")
    return data


def dump_json(data: Mapping[str, Any]) -> str:
    """The one JSON layout of fixture files: sorted keys, real characters, two-space indent, final newline."""
    try:
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    except TypeError as exc:
        raise FixtureError(f"value cannot be stored in a fixture file: {exc}") from exc


def dump_text(body: str) -> str:
    """A body as ``expected.txt`` stores it: one paragraph per line, final newline."""
    return body + "\n" if body else ""


def write_atomic(path: Path, content: str | bytes) -> None:
    """Replace ``path`` in one step, so an interrupted update never leaves half a file."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
