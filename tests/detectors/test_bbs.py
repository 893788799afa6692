"""C16 BBS mail-format posts: headers, quotes, signatures and origin lines go; every post stays."""

from __future__ import annotations

import cleanpage

THREAD = [
    "发信人: xiaomao (小猫爱吃鱼), 信区: Cooking",
    "标  题: 新买的铸铁锅怎么开锅？",
    "发信站: 水木社区 (Sat Nov 17 20:45:03 2012), 站内",
    "在宜家买了一口铸铁平底锅，说明书上写的是已预先开锅，可以直接用。",
    "请问版上的大厨们，到底需不需要开锅？如果要的话，最简单的方法是什么？",
    "--",
    "※ 来源:·水木社区 newsmth.net·[FROM: 166.111.8.*]",
    "本篇全文 回复本文 回信给作者 本篇作者: chuzi",
    "发信人: chuzi (厨子), 信区: Cooking",
    "标  题: Re: 新买的铸铁锅怎么开锅？",
    "发信站: 水木社区 (Sat Nov 17 21:02:41 2012), 站内",
    "预开锅的可以直接用，不用折腾，热水冲一下，擦干，小火烧干水分就可以了。",
    "【 在 xiaomao (小猫爱吃鱼) 的大作中提到: 】",
    ": 在宜家买了一口铸铁平底锅，说明书上写的是已预先开锅，可以直接用。",
    ": ...................",
    "--",
    "吃货的最高境界，是自己会做。",
    "※ 来源:·水木社区 newsmth.net·[FROM: 59.66.132.*]",
]
POSTS = [THREAD[3], THREAD[4], THREAD[11]]


def test_every_post_stays_and_its_frame_goes() -> None:
    doc = cleanpage.clean("\n".join(THREAD), kind="text")
    assert doc.text.splitlines() == POSTS
    rules = {r.text: r.rule for r in doc.removed if r.detector == "bbs"}
    assert rules[THREAD[0]] == rules[THREAD[10]] == "C16.bbs_header"
    assert rules[THREAD[12]] == rules[THREAD[13]] == "C16.bbs_quote"
    assert rules[THREAD[16]] == "C16.bbs_signature"
    assert rules[THREAD[6]] == "C16.bbs_origin"
    assert rules[THREAD[7]] == "C16.bbs_links"


def test_the_first_posts_sender_subject_and_time_are_harvested() -> None:
    doc = cleanpage.clean("\n".join(THREAD), kind="text")
    assert (doc.metadata.author, doc.metadata.published) == ("xiaomao", "2012-11-17T20:45")
    assert doc.metadata.title == "新买的铸铁锅怎么开锅？"


def test_colon_lines_and_dashes_on_a_page_without_the_bbs_header_stay() -> None:
    lines = ["会议纪要", "出席人员：张三、李四", ": 以上为会议记录的引用格式示例，供各部门参考使用。",
             "--", "本次会议决定下周起实行新的考勤制度，请各部门提前做好安排。"]
    doc = cleanpage.clean("\n".join(lines), kind="text")
    assert ": 以上为会议记录的引用格式示例，供各部门参考使用。" in doc.text
    assert not [r for r in doc.removed if r.detector == "bbs"]


def test_a_colon_line_without_a_quote_introduction_is_a_posts_own_text() -> None:
    lines = [*THREAD[:4], ": 这一行以冒号开头，但它是帖子自己的内容，不是引用。", *THREAD[5:8]]
    doc = cleanpage.clean("\n".join(lines), kind="text")
    assert ": 这一行以冒号开头，但它是帖子自己的内容，不是引用。" in doc.text


def test_a_link_row_in_other_words_goes_and_a_sentence_naming_link_words_stays() -> None:
    row = "[同主题阅读] [返回版面] [转寄] [本篇作者: chuzi]"
    sentence = "帖子已修改，请勿转寄"
    lines = [*THREAD[:5], sentence, row, *THREAD[8:12]]
    doc = cleanpage.clean("\n".join(lines), kind="text")
    assert sentence in doc.text.splitlines()
    assert {r.text: r.rule for r in doc.removed if r.detector == "bbs"}[row] == "C16.bbs_links"
