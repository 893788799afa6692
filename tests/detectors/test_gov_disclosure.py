"""C18 disclosure tables: three labels make a table, harvested into ``gov``; cited numbers stay."""

from __future__ import annotations

from pathlib import Path

import cleanpage

CHROME = Path(__file__).parents[1] / "fixtures" / "chrome"


def _clean(case: str) -> cleanpage.Document:
    return cleanpage.clean((CHROME / case / "input.txt").read_text(encoding="utf-8"), kind="text")


def test_simplified_table_is_removed_and_harvested_with_written_apart_from_published() -> None:
    doc = _clean("gov_disclosure_1")
    assert [r.rule for r in doc.removed if r.detector == "gov_disclosure"] == ["C18.table"] * 7
    gov = doc.metadata.extra["gov"]
    assert gov["written"] == "2022-01-28"
    assert gov["doc_number"] == "吉政办明电[2022]1号"
    assert gov["doc_number_norm"] == "吉政办明电〔2022〕1号"
    assert gov["issuing_body"] == "吉林省人民政府办公厅"
    assert (doc.metadata.published, doc.metadata.source) == ("2022-02-07", "省政府办公厅")
    assert "根据《国务院关于深化预算管理制度改革的决定》（国发〔2014〕45号）有关要求，现就有关事项通知如下。" in doc.text.splitlines()


def test_traditional_roc_dated_table_with_two_labels_per_line() -> None:
    doc = _clean("gov_disclosure_2")
    gov = doc.metadata.extra["gov"]
    assert gov["issued"] == "2022-03-02"
    assert gov["updated"] == "2022-03-05"
    assert gov["issuing_body"] == "法制局"
    assert doc.metadata.source == "法制局"
    assert doc.metadata.updated == "2022-03-05"


def test_fewer_than_three_labels_is_not_a_table() -> None:
    text = "\n".join([
        "关于做好春节后返岗复工疫情防控工作的通知",
        "索引号：11220000013544357T/2022-00031",
        "主题分类：综合政务",
        "各市（州）人民政府，长白山管委会，各县（市）人民政府，省政府各厅委办、各直属机构，现就有关事项通知如下。",
    ])
    doc = cleanpage.clean(text, kind="text")
    assert not [r for r in doc.removed if r.detector == "gov_disclosure"]
    assert "gov" not in doc.metadata.extra
