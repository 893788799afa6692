"""C18 attachment download lists: a repeat of the document's own list goes, the only listing stays."""

from __future__ import annotations

from types import SimpleNamespace

import cleanpage

OWN_LIST = ["附件：1.二〇二五年度農產品質量抽檢計畫表", "2.抽檢樣品登記表"]
SIGNED = ["某某縣農業農村局", "2025年3月2日"]


def _dropped(doc: cleanpage.Document) -> list[str]:
    return [r.text for r in doc.removed if r.detector == "attachments"]


def test_a_download_widget_repeating_the_attachments_goes(kit: SimpleNamespace) -> None:
    widget = ["附件下載", "附件1：二〇二五年度農產品質量抽檢計畫表.pdf（356KB）", "附件2：抽檢樣品登記表.doc"]
    doc = cleanpage.clean(kit.page(tail=[*OWN_LIST, *SIGNED, *widget]), kind="text")
    assert _dropped(doc) == widget
    for line in OWN_LIST:
        assert line in doc.text.splitlines()


def test_the_only_listing_of_the_files_stays(kit: SimpleNamespace) -> None:
    listing = ["附件：", "第三季度經營情況說明會簡報.pdf（2.4MB）"]
    doc = cleanpage.clean(kit.page(tail=["新聞聯絡人：公關部 王小明", *listing]), kind="text")
    assert _dropped(doc) == []
    assert "第三季度經營情況說明會簡報.pdf（2.4MB）" in doc.text


def test_files_only_mentioned_in_a_sentence_are_not_a_listing(kit: SimpleNamespace) -> None:
    sentence = "請各單位於三月底前填寫抽檢樣品登記表，並將二〇二五年度農產品質量抽檢計畫表報送本局。"
    widget = ["相关附件：", "1.二〇二五年度農產品質量抽檢計畫表.xlsx", "2.抽檢樣品登記表.docx"]
    doc = cleanpage.clean(kit.page(body_insert=[sentence], tail=[*SIGNED, *widget]), kind="text")
    assert _dropped(doc) == []


def test_one_file_not_listed_above_keeps_the_whole_list(kit: SimpleNamespace) -> None:
    widget = ["相关附件", "附件1：二〇二五年度農產品質量抽檢計畫表.pdf", "附件3：補充說明.pdf"]
    doc = cleanpage.clean(kit.page(tail=[*OWN_LIST, *SIGNED, *widget]), kind="text")
    assert _dropped(doc) == []
