"""C02 head residue: short lines above a found headline go; nothing goes when no headline is found."""

from __future__ import annotations

from types import SimpleNamespace

import cleanpage


def _residue(doc: cleanpage.Document) -> list[str]:
    return [r.text for r in doc.removed if r.rule == "C02.above_title"]


def test_site_and_column_names_above_the_headline_are_removed(kit: SimpleNamespace) -> None:
    head = ["锦城在线", "本地新闻频道", "2024年3月5日 星期二 农历正月廿五"]
    doc = cleanpage.clean(kit.page(head=head, title_area=["来源：锦城日报"]), kind="text")
    assert set(_residue(doc)) <= set(head)
    assert not any(line in doc.text.splitlines() for line in head)
    assert doc.metadata.title == kit.TITLE
    assert doc.text.splitlines() == kit.BODY


def test_a_sentence_above_the_headline_is_kept(kit: SimpleNamespace) -> None:
    lead = "本期导读：营商环境是企业生存发展的土壤，今天我们关注一场全市推进会。"
    doc = cleanpage.clean(kit.page(head=["港城新聞網", lead], title_area=["來源：港城日報"]), kind="text")
    assert _residue(doc) == ["港城新聞網"]
    assert lead in doc.text.splitlines()


def test_without_a_headline_short_lines_at_the_top_are_kept() -> None:
    text = "\n".join(["第一章", "总则", "第一条 为了规范城市绿化管理，改善生态环境，根据有关法律法规，结合本市实际，制定本条例。",
                      "第二条 本条例适用于本市行政区域内城市绿化的规划、建设、保护和管理。"])
    doc = cleanpage.clean(text, kind="text")
    assert _residue(doc) == []
    assert doc.text == text
