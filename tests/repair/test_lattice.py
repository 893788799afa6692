"""Best-path search over candidate characters (repair/_lattice.py)."""

from __future__ import annotations

from cleanpage.repair._lattice import Slot, best_path, best_path_restoring
from cleanpage.repair.charlm import load


def test_one_search_over_restored_pairs_finds_the_best_of_every_variant() -> None:
    lm = load()
    plain = [Slot(("疫",)), Slot(("情", "清", "晴"), guessed=True), Slot(("防",)), Slot(("孔", "空"), guessed=True),
             Slot(("大",)), Slot(("局", "军", "句"), guessed=True)]
    restorations = {1: [(Slot(("情",), True, 1.0), Slot(("况",), True))],
                    3: [(Slot(("控", "空"), True, 1.0), Slot(("制", "置"), True)), (Slot(("工",), True, 1.0), Slot(("作",), True))]}
    variants = {None: plain} | {(position, index): [*plain[:position], *pair, *plain[position + 1:]]
                                for position, pairs in restorations.items() for index, pair in enumerate(pairs)}
    each = {tag: best_path(lm, slots, "的", "。", margins=False) for tag, slots in variants.items()}
    found = best_path_restoring(lm, plain, restorations, "的", "。")
    assert found is not None
    path, tag = found
    cheapest = min(each.values(), key=lambda candidate: candidate.cost if candidate else 99.0)
    assert cheapest is not None and path.text == cheapest.text and abs(path.cost - cheapest.cost) < 1e-9
    assert each[tag] is not None and each[tag].text == path.text
    assert best_path_restoring(lm, plain, {}, "的", "。") == (best_path(lm, plain, "的", "。", margins=False), None)
