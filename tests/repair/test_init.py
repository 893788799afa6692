"""repair_text, the suspicion scan and the warnings uncertain repairs leave in a Document."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanpage import clean
from cleanpage.document import Repair
from cleanpage.repair import repair_text, repair_warnings, suspicious

FIXTURES = Path(__file__).parent.parent / "fixtures" / "repair"


def test_uncertain_repairs_reach_document_warnings() -> None:
    document = clean("会议指出，要做好工作。\n\n璐ｄ换缂栬緫锛氬紶涓\ufffd")
    assert any("U+FFFD" in line and "mojibake" in line for line in document.warnings)
    assert "\ufffd" in document.text


def test_confident_repairs_leave_no_warning() -> None:
    confident = Repair("mojibake", "鍙戝竷鏃堕棿", "发布时间", 0, 0.95, 3, "utf-8 read as gbk")
    weak = Repair("byte_shift", "!焙鸵", "保”和", 5, 0.5, 3, "gbk stream out of step")
    assert repair_warnings([confident]) == []
    assert ["block 3" in line for line in repair_warnings([weak])] == [True]


def test_scan_clears_clean_lines_and_flags_damage() -> None:
    lines = (FIXTURES / "must_not_change.txt").read_text(encoding="utf-8").splitlines()
    flagged = [line for line in lines if suspicious(line)]
    assert len(flagged) <= len(lines) // 10
    for damaged in ("鍙戝竷鏃堕棿", "À´Ô´£ºÐÂ»ªÉç", "ХРЖё | ¶юКЦ", "為確!笆奈濉遍_好局", "正\u200b文", "&amp;nbsp;正文"):
        assert suspicious(damaged), damaged


GOLD_BODIES = sorted((FIXTURES.parent).glob("html/gold/*/expected.txt")) + sorted(FIXTURES.parent.glob("handmade/*/expected.txt"))


@pytest.mark.parametrize("path", GOLD_BODIES, ids=lambda path: path.parent.name)
def test_clean_gold_bodies_are_not_changed(path: Path) -> None:
    import opencc

    body = path.read_text(encoding="utf-8")
    for variant in (body, opencc.OpenCC("t2s").convert(body), opencc.OpenCC("s2t").convert(body)):
        assert repair_text(variant) == variant
