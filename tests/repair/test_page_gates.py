"""Each repair's page-level gate (``may_change``): never False for a page the repair changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanpage.config import Config
from cleanpage.registry import Repairer, build_repairers

FIXTURES = Path(__file__).parent.parent / "fixtures"
REPAIRERS = build_repairers(Config())


def _damaged_pages() -> list[str]:
    """Seed and handmade lines as they are and through every kind of damage the repairs handle."""
    lines = [line for path in sorted(FIXTURES.glob("seeds/*/input.txt")) + sorted(FIXTURES.glob("handmade/*/input.txt"))
             for line in path.read_text(encoding="utf-8").splitlines() if len(line.strip()) > 4][:400]
    pages = []
    for line in lines[::7]:
        pages += [
            line,
            line.encode("utf-8").decode("gb18030", "replace"),
            line.encode("gb18030", "replace").decode("big5", "replace"),
            line.encode("gb18030", "replace").decode("latin-1"),
            line.encode("utf-8").decode("cp1252", "replace"),
            line.encode("gb18030", "replace").decode("cp1251", "replace"),
            line[: len(line) // 2] + "?" + line.encode("gb18030", "replace")[len(line):].decode("gb18030", "replace"),
            line.replace("，", "&amp;nbsp;").replace("。", "\u200b。"),
        ]
    return [*pages, "產業(yè)發展與企業(yè)經營(yíng)，行業(yè)協會(huì)", "Copyright ? 2021 版权所有", "版權所有 \ufffd 2019 某某網",
            "Mu\u0308nchen liegt an der Isar"]


PAGES = _damaged_pages()


@pytest.mark.parametrize("repairer", REPAIRERS, ids=lambda repairer: repairer.name)
def test_gate_never_hides_a_change(repairer: Repairer) -> None:
    changed = 0
    for page in PAGES:
        texts = page.splitlines() or [page]
        if any(records for _, records in repairer.repair(texts)):
            changed += 1
            assert repairer.may_change("\n".join(texts)), (repairer.name, page)
    assert changed, f"no page exercised {repairer.name}"


@pytest.mark.parametrize("repairer", REPAIRERS, ids=lambda repairer: repairer.name)
def test_gate_lets_a_clean_page_through_unsearched(repairer: Repairer) -> None:
    assert not repairer.may_change("国务院办公厅发布通知，要求各地做好安全生产工作。\n会议强调，要压实责任。")
