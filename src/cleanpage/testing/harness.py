"""Run fixture cases, compare them with their expectations, show diffs, rewrite expectations.

``check(root)`` cleans every case under ``root`` and returns a :class:`Report`
whose ``format()`` shows a unified diff of the body and of the compared
metadata for every mismatch, plus a word diff of each changed paragraph (a
one-character change in a 400-character line is otherwise hard to spot).
``check(root, update=True)`` rewrites the expectations of mismatching cases
from the current output instead; ``add_case`` creates a case from an input
file and the current output.
"""

from __future__ import annotations

import difflib
import shutil
import tempfile
import traceback
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Config
from ..document import Document
from .cases import (
    EXPECTED_JSON,
    EXPECTED_TEXT,
    INPUT_KINDS,
    METADATA_FIELDS,
    OPTIONS_JSON,
    Case,
    FixtureError,
    dump_json,
    dump_text,
    load_case,
    load_cases,
    metadata_as_json,
    recorded_metadata,
    write_atomic,
)

DIFF_CONTEXT = 2
WORD_DIFF_CONTEXT = 12
WORD_DIFF_MIN_SIMILARITY = 0.5
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
ANSI = {"-": "\x1b[31m", "+": "\x1b[32m", "@": "\x1b[36m", "!": "\x1b[1m"}
ANSI_RESET = "\x1b[0m"


@dataclass
class CaseResult:
    """The outcome of one case: the actual output next to the expectations it was compared with."""

    case: Case
    document: Document | None = None
    expected_body: str | None = None
    expected_metadata: dict[str, Any] | None = None
    """The compared part of ``expected.json`` (Metadata fields only); ``None`` when the file is missing."""
    error: str | None = None
    """The traceback when cleaning or reading the case failed."""
    updated: bool = False
    """The expectations were rewritten from the actual output."""

    @property
    def body(self) -> str | None:
        return None if self.document is None else self.document.text

    @property
    def metadata(self) -> dict[str, Any] | None:
        """The actual values of the fields ``expected.json`` names."""
        if self.document is None:
            return None
        actual = metadata_as_json(self.document.metadata)
        return {name: actual[name] for name in self.expected_metadata or {}}

    @property
    def body_matches(self) -> bool:
        if self.error is not None or self.expected_body is None or self.body is None:
            return False
        if self.case.compare_lines:
            return self.body == self.expected_body
        return "".join(self.body.split()) == "".join(self.expected_body.split())

    @property
    def metadata_matches(self) -> bool:
        return self.error is None and self.expected_metadata is not None and self.metadata == self.expected_metadata

    @property
    def passed(self) -> bool:
        """The output equals the expectations as they were when the case ran."""
        return self.body_matches and self.metadata_matches

    @property
    def ok(self) -> bool:
        """Nothing left to look at: the case passed, or its expectations were just rewritten."""
        return self.passed or (self.updated and self.error is None)

    def body_diff(self) -> str:
        """Unified diff from ``expected.txt`` to the actual body, then a word diff of each changed paragraph."""
        if self.body_matches or self.body is None:
            return ""
        source = f"{self.case.name}/{EXPECTED_TEXT}" + (" (missing)" if self.expected_body is None else "")
        return diff_text(self.expected_body or "", self.body, source, f"{self.case.name} (actual body)") or source

    def metadata_diff(self) -> str:
        """Unified diff of the compared metadata fields, as JSON."""
        if self.metadata_matches or self.document is None:
            return ""
        if self.expected_metadata is None:
            expected_json, actual = "", recorded_metadata(self.document.metadata)
            source = f"{self.case.name}/{EXPECTED_JSON} (missing)"
        else:
            expected_json, actual = dump_json(self.expected_metadata), self.metadata or {}
            source = f"{self.case.name}/{EXPECTED_JSON}"
        return "\n".join(difflib.unified_diff(expected_json.splitlines(), dump_json(actual).splitlines(), source,
                                              f"{self.case.name} (actual metadata)", n=DIFF_CONTEXT, lineterm=""))

    def format(self, *, color: bool = False) -> str:
        """A readable account of the case: status line, then the error or the diffs."""
        status = "PASSED" if self.passed else "UPDATED" if self.ok else "ERROR" if self.error else "FAILED"
        parts = [f"{status} {self.case.name} ({self.case.path})"]
        if self.error:
            parts.append(self.error.rstrip("\n"))
        parts.extend(diff for diff in (self.body_diff(), self.metadata_diff()) if diff)
        text = "\n".join(parts)
        return _colorize(text) if color else text


@dataclass
class Report:
    """The results of a :func:`check` run over one fixture folder."""

    root: Path
    results: list[CaseResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Every case passed (or, under ``update``, had its expectations rewritten)."""
        return all(result.ok for result in self.results)

    @property
    def failures(self) -> list[CaseResult]:
        return [result for result in self.results if not result.ok]

    @property
    def updated(self) -> list[CaseResult]:
        return [result for result in self.results if result.updated]

    def summary(self) -> str:
        total = len(self.results)
        passed = sum(result.passed for result in self.results)
        counts = [f"{passed} passed"]
        if self.failures:
            counts.append(f"{len(self.failures)} failed")
        if self.updated:
            counts.append(f"{len(self.updated)} updated")
        return f"{total} case{'s' if total != 1 else ''} under {self.root}: {', '.join(counts)}"

    def format(self, *, color: bool = False, verbose: bool = False) -> str:
        """Every failed or updated case with its diffs (every case with ``verbose``), then the summary."""
        shown = self.results if verbose else [result for result in self.results if not result.passed]
        blocks = [result.format(color=color) for result in shown]
        return "\n\n".join([*blocks, self.summary()]) + "\n"


def diff_text(expected: str, actual: str, expected_name: str = EXPECTED_TEXT, actual_name: str = "actual") -> str:
    """Unified diff of two bodies (one paragraph per line) plus a word diff of each changed paragraph; ``""`` if equal."""
    if expected == actual:
        return ""
    expected_lines = expected.split("\n") if expected else []
    actual_lines = actual.split("\n") if actual else []
    lines = list(difflib.unified_diff(expected_lines, actual_lines, expected_name, actual_name,
                                      n=DIFF_CONTEXT, lineterm=""))
    changed = list(_changed_paragraphs(expected_lines, actual_lines))
    if changed:
        lines.append("word diff of changed paragraphs ([-expected-]{+actual+}):")
        lines.extend(f"  {expected_name}:{number}: {words}" for number, words in changed)
    return "\n".join(lines)


def run_case(case: Case, *, config: Config | None = None) -> CaseResult:
    """Clean ``case`` and set the actual output beside its expectations; never raises for a bad case."""
    result = CaseResult(case)
    try:
        result.expected_body = case.read_expected_text()
        expected_json = case.read_expected_json()
        if expected_json is not None:
            result.expected_metadata = {key: value for key, value in expected_json.items() if key in METADATA_FIELDS}
        result.document = case.clean(config)
    except Exception:  # a crash is a result of the case, reported like a mismatch
        result.error = traceback.format_exc()
    return result


def write_expectations(result: CaseResult) -> None:
    """Rewrite whichever of ``expected.txt`` and ``expected.json`` disagree with the actual output.

    An existing ``expected.json`` keeps its keys (notes included): only the
    values of the fields it already names change. A missing one is created
    with the always-stated fields and every field not at its default.
    """
    if result.document is None:
        raise FixtureError(f"{result.case.name}: nothing to record, cleaning failed")
    case = result.case
    if not result.body_matches:
        write_atomic(case.expected_text_path, dump_text(result.document.text))
    if not result.metadata_matches:
        existing = case.read_expected_json()
        if existing is None:
            recorded = recorded_metadata(result.document.metadata)
        else:
            actual = metadata_as_json(result.document.metadata)
            recorded = {key: actual[key] if key in METADATA_FIELDS else value for key, value in existing.items()}
        write_atomic(case.expected_json_path, dump_json(recorded))
    result.updated = True


def check(root: str | Path, *, update: bool = False, config: Config | None = None) -> Report:
    """Run every case under ``root``; with ``update``, rewrite the expectations of the cases that differ.

    ``config`` is the base configuration (default: the library defaults); each
    case's ``options.json`` applies on top. Raises :class:`FixtureError` when
    ``root`` holds no case or a case folder is malformed.
    """
    cases = load_cases(root)
    if not cases:
        raise FixtureError(f"no fixture cases under {root} (a case is a folder with an input.* file)")
    report = Report(Path(root))
    for case in cases:
        result = run_case(case, config=config)
        if update and not result.passed and result.error is None:
            write_expectations(result)
        report.results.append(result)
    return report


def update(root: str | Path, *, config: Config | None = None) -> Report:
    """``check(root, update=True)``: record the current output as the expectation of every differing case."""
    return check(root, update=True, config=config)


def add_case(root: str | Path, name: str, input_path: str | Path, *, config: Config | None = None,
             **options: Any) -> Case:
    """Create case ``root/name`` from ``input_path`` and record the current output as its expectation.

    The input is stored as ``input.txt``/``input.html`` when it is UTF-8 text
    (by its suffix), else as raw bytes in ``input.bin`` (with the ``kind`` its
    suffix implies). ``options`` (``url``, ``headers`` and :class:`Config`
    fields) go to ``options.json``. The case folder appears complete or not
    at all; an existing case is never overwritten.
    """
    destination = _case_destination(Path(root), name)
    try:
        data = Path(input_path).read_bytes()
    except OSError as exc:
        raise FixtureError(f"cannot read {input_path}: {exc}") from exc
    input_name, implied_kind = _stored_input(Path(input_path).suffix.lower(), data)
    stored_options = dict(options)
    if implied_kind and INPUT_KINDS[input_name] is None:
        stored_options.setdefault("kind", implied_kind)
    destination.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{destination.name}.", dir=destination.parent))
    try:
        (staging / input_name).write_bytes(data)
        if stored_options:
            (staging / OPTIONS_JSON).write_text(dump_json(stored_options), encoding="utf-8")
        staged = run_case(load_case(staging, name), config=config)
        if staged.error:
            raise FixtureError(f"cannot add {name}: cleaning {input_path} failed:\n{staged.error}")
        write_expectations(staged)
        if destination.exists():
            destination.rmdir()  # an empty folder made beforehand gives way to the complete case
        staging.rename(destination)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return load_case(destination, name)


def _case_destination(root: Path, name: str) -> Path:
    parts = name.split("/")
    if any(part in ("", ".", "..") or "\\" in part for part in parts):
        raise FixtureError(f"invalid case name {name!r}: use a relative path such as 'area/my-case'")
    destination = root.joinpath(*parts)
    if destination.exists() and (not destination.is_dir() or any(destination.iterdir())):
        raise FixtureError(f"case {destination} already exists; edit it or run an update instead")
    return destination


def _stored_input(suffix: str, data: bytes) -> tuple[str, str | None]:
    """The input file name for ``data`` and the ``kind`` its original suffix implies."""
    kind = "html" if suffix in HTML_SUFFIXES else "text" if suffix in TEXT_SUFFIXES else None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "input.bin", kind
    if kind == "html":
        return "input.html", kind
    return ("input.txt", kind) if kind == "text" else ("input.bin", None)


def _changed_paragraphs(expected: Sequence[str], actual: Sequence[str]) -> Iterable[tuple[int, str]]:
    """(1-based line in expected.txt, word diff) for each replaced paragraph that has a similar actual one.

    Within a replaced run, each expected line is paired with the next actual
    line similar enough to be the same paragraph, so an inserted caption does
    not hide the edit in the paragraph after it.
    """
    matcher = difflib.SequenceMatcher(None, expected, actual, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "replace":
            continue
        next_actual = j1
        for i in range(i1, i2):
            for j in range(next_actual, j2):
                words = _word_diff(expected[i], actual[j])
                if words is not None:
                    yield i + 1, words
                    next_actual = j + 1
                    break


def _word_diff(expected: str, actual: str) -> str | None:
    """``expected`` with its deletions as ``[-…-]`` and insertions as ``{+…+}``; ``None`` when the lines are unrelated."""
    matcher = difflib.SequenceMatcher(None, expected, actual, autojunk=False)
    if matcher.real_quick_ratio() < WORD_DIFF_MIN_SIMILARITY or matcher.ratio() < WORD_DIFF_MIN_SIMILARITY:
        return None
    parts: list[str] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append(_elide(expected[i1:i2], at_start=i1 == 0, at_end=i2 == len(expected)))
            continue
        if i2 > i1:
            parts.append(f"[-{expected[i1:i2]}-]")
        if j2 > j1:
            parts.append(f"{{+{actual[j1:j2]}+}}")
    return "".join(parts)


def _elide(same: str, *, at_start: bool, at_end: bool) -> str:
    """Keep only the context next to the changes from a run of unchanged text."""
    keep = WORD_DIFF_CONTEXT
    if at_start and len(same) > keep:
        return "…" + same[-keep:]
    if at_end and len(same) > keep:
        return same[:keep] + "…"
    if len(same) > 2 * keep + 1:
        return same[:keep] + "…" + same[-keep:]
    return same


def _colorize(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        key = "!" if line.startswith(("---", "+++", "FAILED", "ERROR", "UPDATED")) else line[:1]
        lines.append(f"{ANSI[key]}{line}{ANSI_RESET}" if key in ANSI else line)
    return "\n".join(lines)
