"""Text repairs, one kind of damage per module, and :func:`repair_text`."""

from __future__ import annotations

from typing import Literal, overload

from ..config import Config
from ..document import Repair
from ._scan import suspicious

__all__ = ["repair_text", "repair_warnings", "suspicious"]

LOW_CONFIDENCE = 0.55
MISSING = "\ufffd"


@overload
def repair_text(text: str, *, explain: Literal[False] = False, config: Config | None = None) -> str: ...
@overload
def repair_text(text: str, *, explain: Literal[True], config: Config | None = None) -> tuple[str, list[Repair]]: ...


def repair_text(text: str, *, explain: bool = False, config: Config | None = None) -> str | tuple[str, list[Repair]]:
    """Run every enabled repair over ``text``; with ``explain`` also return what each changed."""
    from ..registry import build_repairers

    records: list[Repair] = []
    for repairer in build_repairers(config or Config()):
        [(text, changes)] = repairer.repair([text])
        records.extend(changes)
    return (text, records) if explain else text


def repair_warnings(records: list[Repair]) -> list[str]:
    """Warning lines for repairs a reader should check: a lost character kept as U+FFFD, or a weak guess."""
    lines = []
    for record in records:
        if MISSING in record.after and "warning:" in record.note:
            reason = "a lost character could not be inferred and is kept as U+FFFD"
        elif record.confidence < LOW_CONFIDENCE:
            reason = f"low-confidence repair ({record.confidence:.2f})"
        else:
            continue
        where = f"block {record.block}" if record.block is not None else "text"
        lines.append(f"repair {record.kind}: {where}, position {record.position}: {reason}: "
                     f"{record.before!r} -> {record.after!r}")
    return lines
