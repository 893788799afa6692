"""Re-decoding of CJK mojibake runs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanpage.config import Config
from cleanpage.repair import repair_text
from cleanpage.repair.charlm import load
from cleanpage.repair.mojibake import MIN_HAN, Mojibake, _has_common_pair, _plausible, find_mojibake
from cleanpage.shadow import is_han


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


@pytest.mark.parametrize(("clean", "encoding", "reading"), [
    ("二是深化改革創新,主動融入發展大局。", "big5", "gbk"),
    ("三是要加強宣傳引導。", "big5", "gbk"),
    ("要出台更加优惠的政策措施,支持企业", "utf-8", "gbk"),
])
def test_replacement_characters_stand_for_one_lost_byte_each(clean: str, encoding: str, reading: str) -> None:
    damaged = clean.encode(encoding).decode(reading, errors="replace")
    assert "\ufffd" in damaged
    assert repair_text(damaged) == clean


def test_a_stretch_of_replacement_characters_is_not_guessed() -> None:
    damaged = "三是要" + "\ufffd" * 12 + "工作。"
    assert "\ufffd" * 12 in repair_text(damaged)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("的是在有发布时间会议郪抎暮紾誥吽擁萵酗貤囡縛槨巹巖蚺潰挔茼，。a1 ")), max_size=14).map("".join))
def test_chains_screened_out_hold_no_acceptable_stretch(text: str) -> None:
    # The screen may let garbage through, never keep out a stretch _acceptable could take.
    lm = load()
    if not _has_common_pair(lm, text):
        for start in range(len(text)):
            for end in range(start + 1, len(text) + 1):
                stretch = text[start:end]
                assert not (sum(map(is_han, stretch)) >= MIN_HAN and _plausible(lm, stretch)), stretch


def test_big5_read_as_gb18030_whose_private_use_characters_were_deleted_is_left_garbled_with_a_note() -> None:
    clean = "監察人員辭職、退休三年內，不得從事與監察和司法工作相關聯且可能發生利益衝突的職業。"
    read = clean.encode("big5").decode("gb18030")
    damaged = "".join(char for char in read if not "\ue000" <= char <= "\uf8ff")  # 、，三 的 … gone
    assert damaged != read
    repairer = Mojibake(Config())
    [(text, records)] = repairer.repair([damaged])
    assert text == damaged and not records
    assert any("private use" in note for note in repairer.take_notes())
    assert repair_text(read) == clean  # with every character kept, the same line is repaired
