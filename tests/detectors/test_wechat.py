"""C15 WeChat: header, account card, prompts and the tail frame go on WeChat pages only."""

from __future__ import annotations

from pathlib import Path

import cleanpage

CHROME = Path(__file__).parents[1] / "fixtures" / "chrome"


def _clean(case: str, **options: object) -> cleanpage.Document:
    return cleanpage.clean((CHROME / case / "input.txt").read_text(encoding="utf-8"), kind="text", **options)


def test_simplified_wechat_page_is_cleaned_and_harvested() -> None:
    doc = _clean("wechat_1")
    rules = {r.text: r.rule for r in doc.removed if r.detector == "wechat"}
    assert rules["原创 林小溪 城事观察 2023-09-18 07:30"] == "C15.header"
    assert rules["微信号 chengshi_obs"] == rules["功能介绍 记录一座城市的日常与变化"] == "C15.account"
    assert rules["点击上方蓝字关注我们"] == rules["喜欢就点个在看吧"] == "C15.prompt"
    assert rules["预览时标签不可点"] == rules["这个书房我去过，环境很好，孩子特别喜欢那里的绘本区，周末人有点多。"] == "C15.tail_frame"
    assert doc.text.splitlines() == [
        "2023年9月，位于老城区的第三家城市书房正式对外开放，市民可以在这里免费借阅图书，书房还设置了儿童阅读区。",
        "在“设置”-“通用”中可以关闭“看一看”入口。",
        "报名请点击阅读原文填写表单。",
        "书房负责人表示，下一步将延长开放时间，并引入更多本地作者的签售活动，让书房成为街区的文化客厅。",
    ]
    meta = doc.metadata
    assert (meta.author, meta.source, meta.published, meta.views) == ("林小溪", "城事观察", "2023-09-18T07:30", 100000)
    assert meta.extra["wechat"] == {"account_name": "城事观察", "account_id": "chengshi_obs", "intro": "记录一座城市的日常与变化"}
    assert meta.extra["likes"] == 356


def test_traditional_wechat_frame_and_account_header() -> None:
    doc = _clean("wechat_2")
    rules = {r.text: r.rule for r in doc.removed if r.detector == "wechat"}
    assert rules["預覽時標籤不可點"] == rules["輕觸閱讀原文"] == rules["知道了"] == "C15.tail_frame"
    assert rules["港城筆記 2023-09-18 07:30"] == "C15.header"
    assert rules["設為星標，不錯過每一篇"] == "C15.prompt"
    assert doc.metadata.source == "港城筆記"
    assert doc.metadata.author is None
    assert "在「設置」-「通用」中可以關閉「看一看」入口。" in doc.text.splitlines()


def test_a_wechat_host_alone_gates_the_detector() -> None:
    text = "\n".join([
        "老街区里的城市书房",
        "2023年9月，位于老城区的第三家城市书房正式对外开放，市民可以在这里免费借阅图书，书房还设置了儿童阅读区。",
        "书房负责人表示，下一步将延长开放时间，并引入更多本地作者的签售活动，让书房成为街区的文化客厅。",
        "阅读原文",
    ])
    plain = cleanpage.clean(text, kind="text")
    hosted = cleanpage.clean(text, kind="text", url="https://mp.weixin.qq.com/s/abc")
    assert not [r for r in plain.removed if r.detector == "wechat"]
    assert [r.rule for r in hosted.removed if r.detector == "wechat"] == ["C15.tail_frame"]
