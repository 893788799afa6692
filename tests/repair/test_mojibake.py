"""Re-decoding of CJK mojibake runs."""

from __future__ import annotations

import pytest

from cleanpage.repair import repair_text
from cleanpage.repair.mojibake import find_mojibake


@pytest.mark.parametrize(("damaged", "repaired"), [
    ("来源：新华社".encode("gbk").decode("latin-1"), "来源：新华社"),
    ("ХРЖё | ¶юКЦ | ПВФШ", "招聘 | 二手 | 下载"),
    ("鍙戝竷鏃堕棿", "发布时间"),
    ("会议在北京召开".encode().decode("latin-1"), "会议在北京召开"),
])
def test_round_trips(damaged: str, repaired: str) -> None:
    assert repair_text(damaged) == repaired


def test_lost_byte_kept_as_replacement_character_with_warning() -> None:
    edits = find_mojibake("璐ｄ换缂栬緫锛氬紶涓\ufffd")
    assert [e.after[:5] for e in edits] == ["责任编辑："]
    assert all("warning" in e.note for e in edits if "\ufffd" in e.after)


@pytest.mark.parametrize("line", ["Москва — столица России.", "Αθήνα είναι η πρωτεύουσα.", "Café naïve façade.",
                                  "会议在北京召开。", "業務報告顯示，今年營收成長三成。"])
def test_real_text_is_not_redecoded(line: str) -> None:
    assert find_mojibake(line) == []
