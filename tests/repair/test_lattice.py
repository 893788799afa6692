"""Best-path search over candidate characters (repair/_lattice.py)."""

from __future__ import annotations

from cleanpage.repair._lattice import Slot, States, best_path
from cleanpage.repair.charlm import load


def test_a_search_resumed_after_shared_slots_equals_a_search_from_the_start() -> None:
    lm = load()
    shared = [Slot(("疫",)), Slot(("情", "清", "晴"), guessed=True), Slot(("防",))]
    plain = [*shared, Slot(("控", "空"), guessed=True), Slot(("大",)), Slot(("局", "军", "句"), guessed=True)]
    other = [*shared, Slot(("控", "空", "孔"), guessed=True, prior=1.0), Slot(("工",)), Slot(("作",))]
    trace: list[States] = []
    first = best_path(lm, plain, "的", "。", margins=False, trace=trace)
    assert first is not None and first.text.startswith("疫")
    assert len(trace) == len(plain) + 1
    for slots in (plain, other):
        resumed = best_path(lm, slots, "的", "。", margins=False, resume=(len(shared), trace[len(shared)]))
        assert resumed == best_path(lm, slots, "的", "。", margins=False)
