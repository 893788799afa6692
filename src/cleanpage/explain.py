"""Why a page came out as it did: kept and removed text in page order, repairs, metadata.

:func:`trace_lines` merges a :class:`~cleanpage.Document`'s kept blocks and
its removals back into the order of the page, so a reader sees each removed
line where it stood, with the detector, rule and reason that took it out.
A trimmed span is shown beside the rest of its block (before it when it was
a prefix). :func:`explain_dict` is the machine form (``cleanpage explain
--format json`` and the per-page data of the review report) and
:func:`format_explain` the terminal form, coloured by detector on a tty.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from .document import Document

ANSI_COLOURS = (31, 32, 33, 34, 35, 36, 91, 92, 93, 94, 95, 96)
NOT_LOST = {"split"}
"""Removal actions that take no text out (a block cut in two)."""


@dataclass(frozen=True)
class TraceLine:
    """One line of the page as cleaning saw it; ``detector`` is ``None`` for kept text."""

    text: str
    block: int
    line: int | None
    detector: str | None = None
    rule: str | None = None
    reason: str | None = None
    action: str | None = None

    @property
    def kept(self) -> bool:
        return self.detector is None


def trace_lines(doc: Document) -> list[TraceLine]:
    """Kept and removed text of ``doc`` in page order (by original block, prefixes first)."""
    by_block: dict[int, list[tuple[int, TraceLine]]] = {}
    for block in doc.blocks:
        by_block.setdefault(block.index, []).append((1, TraceLine(block.text, block.index, block.line)))
    for removal in doc.removed:
        if removal.action in NOT_LOST:
            continue
        rank = 0 if removal.action == "trim" and removal.start == 0 else 2
        line = TraceLine(removal.text, removal.block, removal.line, removal.detector, removal.rule, removal.reason,
                         removal.action)
        by_block.setdefault(removal.block, []).append((rank, line))
    return [line for index in sorted(by_block) for _, line in sorted(by_block[index], key=lambda pair: pair[0])]


def detector_totals(doc: Document) -> dict[str, int]:
    return dict(Counter(r.detector for r in doc.removed if r.action not in NOT_LOST))


def known_metadata(doc: Document) -> dict[str, Any]:
    """Metadata fields the page gave a value for (provenance and empty fields left out)."""
    return {name: value for name, value in doc.metadata.to_dict().items()
            if name != "extra" and value not in (None, [], {}, False)}


def explain_dict(doc: Document, *, key: str | None = None) -> dict[str, Any]:
    return {
        "id": key,
        "kind": doc.kind,
        "lines": [asdict(line) for line in trace_lines(doc)],
        "repairs": [repair.to_dict() for repair in doc.repairs],
        "metadata": known_metadata(doc),
        "warnings": list(doc.warnings),
        "totals": detector_totals(doc),
    }


def detector_colours(names: Iterable[str]) -> dict[str, int]:
    """A stable ANSI colour per detector name (sorted names take the palette in turn)."""
    return {name: ANSI_COLOURS[i % len(ANSI_COLOURS)] for i, name in enumerate(sorted(set(names)))}


def format_explain(doc: Document, *, colour: bool = False, key: str | None = None) -> str:
    """The page in order, removed lines marked ``-`` with ``[detector/rule] reason``, then repairs and metadata."""
    lines = trace_lines(doc)
    colours = detector_colours(line.detector for line in lines if line.detector)

    def paint(text: str, code: int | str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if colour else text

    out: list[str] = []
    if key:
        out.append(paint(f"# {key}", 1))
    for line in lines:
        where = f"{line.line:>5}" if line.line is not None else f"#{line.block:>4}"
        if line.kept:
            out.append(f"  {where} │ {line.text}")
            continue
        assert line.detector is not None
        tag = f"[{line.detector}/{line.rule}{'' if line.action == 'drop' else ', ' + str(line.action)}]"
        body = paint(line.text, f"9;{colours[line.detector]}")
        out.append(f"- {where} │ {body}  {paint(tag, colours[line.detector])} {paint(line.reason or '', 2)}")
    if doc.repairs:
        out.append("")
        out.append(paint("repairs", 1))
        for repair in doc.repairs:
            place = f"block {repair.block}" if repair.block is not None else "text"
            note = f"; {repair.note}" if repair.note else ""
            out.append(f"  {place} @{repair.position}: {repair.before!r} → {repair.after!r}"
                       f"  ({repair.kind}, confidence {repair.confidence:.2f}{note})")
    metadata = known_metadata(doc)
    if metadata:
        out.append("")
        out.append(paint("metadata", 1))
        out.extend(f"  {name}: {value}" for name, value in metadata.items())
    if doc.warnings:
        out.append("")
        out.append(paint("warnings", 1))
        out.extend(f"  {warning}" for warning in doc.warnings)
    totals = detector_totals(doc)
    counts = ", ".join(f"{paint(name, colours.get(name, 0))} {count}" for name, count in sorted(totals.items()))
    out.append("")
    out.append(f"{sum(totals.values())} removal(s){' (' + counts + ')' if counts else ''}, {len(doc.repairs)} repair(s), "
               f"{len(doc.blocks)} block(s) kept")
    return "\n".join(out) + "\n"
