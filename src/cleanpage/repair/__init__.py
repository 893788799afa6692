"""Text repairs, one kind of damage per module, and :func:`repair_text`."""

from __future__ import annotations

from typing import Literal, overload

from ..config import Config
from ..document import Repair
from ._scan import suspicious

__all__ = ["repair_text", "suspicious"]


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
