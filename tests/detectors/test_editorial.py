"""C06 editorial labels: summary labels go (text kept, copied to summary), editor's notes stay, repost notes go."""

from __future__ import annotations

from types import SimpleNamespace

import cleanpage


def _editorial(doc: cleanpage.Document) -> list[tuple[str, str, str]]:
    return [(r.rule, r.action, r.text) for r in doc.removed if r.detector == "editorial"]


def test_bracketed_summary_label_is_cut_and_its_text_kept(kit: SimpleNamespace) -> None:
    summary = "全市今年将新增市场主体三万户以上，企业开办实现“一网通办”。"
    doc = cleanpage.clean(kit.page(title_area=["【核心提示】" + summary]), kind="text")
    assert _editorial(doc) == [("C06.summary_label", "trim", "【核心提示】")]
    assert doc.metadata.summary == summary
    assert doc.text.splitlines() == [summary, *kit.BODY]


def test_traditional_lead_label_alone_makes_the_next_paragraph_the_summary() -> None:
    text = "\n".join([
        "偏鄉學童的數位學習之路",
        "導讀",
        "疫情加速了數位學習的普及，但對偏鄉學童來說，一台平板和穩定的網路仍是奢侈品。",
        "在花蓮縣一所全校只有四十名學生的國小，老師們輪流把自己的手機熱點分享給學生，讓他們能完成線上作業。",
        "校長說，教育部的行動載具計畫解決了設備問題，但網路訊號不穩仍讓課程經常中斷，希望電信業者能加快偏鄉基地台建設。",
    ])
    doc = cleanpage.clean(text, kind="text")
    assert _editorial(doc) == [("C06.summary_label", "drop", "導讀")]
    assert doc.metadata.summary == "疫情加速了數位學習的普及，但對偏鄉學童來說，一台平板和穩定的網路仍是奢侈品。"
    assert doc.text.splitlines()[0] == doc.metadata.summary


def test_editors_note_is_kept_and_copied(kit: SimpleNamespace) -> None:
    note = "編按：本報即日起推出「城市更新」系列報導，帶讀者走進老城區的改造現場。"
    doc = cleanpage.clean(kit.page(title_area=[note]), kind="text")
    assert note in doc.text.splitlines()
    assert doc.metadata.extra["editor_note"] == "本報即日起推出「城市更新」系列報導，帶讀者走進老城區的改造現場。"


def test_repost_notes_after_the_body_are_removed(kit: SimpleNamespace) -> None:
    doc = cleanpage.clean(kit.page(tail=["（本文轉載自《遠見雜誌》，原文刊於2024年3月號）"]), kind="text")
    assert _editorial(doc) == [("C06.repost", "drop", "（本文轉載自《遠見雜誌》，原文刊於2024年3月號）")]
    assert doc.text.splitlines() == kit.BODY


def test_a_repost_note_heading_the_article_goes_and_names_its_account_and_writer(kit: SimpleNamespace) -> None:
    note = "本文来自微信公众号：县域观察（ID：xianyuguancha），作者：苏木，原文标题：《县城咖啡馆》，题图来自：视觉中国"
    doc = cleanpage.clean(kit.page(title_area=[note]), kind="text")
    assert _editorial(doc) == [("C06.repost", "drop", note)]
    assert doc.text.splitlines() == kit.BODY
    assert (doc.metadata.source, doc.metadata.author) == ("县域观察", "苏木")
    argument = "本文来自一线调查，记者走访了中部两个县城的十几家咖啡馆，和店主们聊了聊开店的账。"
    assert argument in cleanpage.clean(kit.page(title_area=[argument]), kind="text").text.splitlines()


def test_summary_words_deep_in_the_body_and_argument_sentences_are_kept(kit: SimpleNamespace) -> None:
    traps = ["本文认为，优化营商环境的关键在于稳定市场预期，而不是一味追求审批提速。",
             "摘要：本研究基于全市五千家企业的问卷调查，分析了审批改革对企业开办成本的影响。",
             "来自全市各区的三百多名企业代表参加了会议，大家一致表示要把会议精神落到实处。"]
    doc = cleanpage.clean(kit.page(tail=traps), kind="text")
    assert _editorial(doc) == []
    assert doc.text.splitlines()[-3:] == traps


def test_a_note_of_the_print_edition_goes_wherever_it_stands() -> None:
    story = ["The supply boat comes to Skerrow Rock once every two weeks, weather permitting, and rarely in winter.",
             "People ask if we get lonely, Ruth told me on my first evening there, as we sat in the kitchen.",
             "The lamp has been automatic since 1998, but the rock still needs someone to keep the engines running."]
    note = "This article appears in the April 2025 print edition with the headline “Keepers of the Light.”"
    page = ("<html><body><article><h1>The Last Lighthouse Keepers</h1>" + "".join(f"<p>{t}</p>" for t in story)
            + f"<p class='print-edition'>{note}</p></article></body></html>")
    doc = cleanpage.clean(page)
    assert [(r.rule, r.text) for r in doc.removed if r.detector == "editorial"] == [("C06.print_edition", note)]
    assert doc.text.splitlines() == story
