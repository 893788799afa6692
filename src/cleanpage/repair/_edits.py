"""Shared helper: apply non-overlapping span replacements and record each as a :class:`Repair`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..document import Repair


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` by ``after``; ``position`` of the record is ``start`` in the input text."""

    start: int
    end: int
    after: str
    confidence: float = 1.0
    note: str = ""


def apply_edits(text: str, kind: str, edits: Iterable[Edit]) -> tuple[str, list[Repair]]:
    """Apply ``edits`` (sorted by start; overlapping ones after the first are skipped) to ``text``."""
    pieces: list[str] = []
    records: list[Repair] = []
    cursor = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < cursor or text[edit.start:edit.end] == edit.after:
            continue
        pieces.append(text[cursor:edit.start])
        pieces.append(edit.after)
        records.append(Repair(kind, text[edit.start:edit.end], edit.after, edit.start, edit.confidence, note=edit.note))
        cursor = edit.end
    if not records:
        return text, []
    pieces.append(text[cursor:])
    return "".join(pieces), records
