"""C08 share bars: edge strips, platform lists, app and follow prompts go; sentences about sharing stay."""

from __future__ import annotations

from pathlib import Path

import cleanpage

CHROME = Path(__file__).parents[1] / "fixtures" / "chrome"


def _clean(case: str) -> cleanpage.Document:
    return cleanpage.clean((CHROME / case / "input.txt").read_text(encoding="utf-8"), kind="text")


def test_simplified_share_strip_app_and_follow_prompts_are_removed() -> None:
    doc = _clean("share_1")
    removed = {r.text: r.rule for r in doc.removed if r.detector == "share"}
    assert removed == {
        "分享到：微信 朋友圈 微博 QQ空间": "C08.share_strip",
        "一键分享": "C08.share_strip",
        "下载客户端，看更多本地新闻": "C08.app",
        "扫码关注官方账号": "C08.follow",
    }
    assert doc.text.splitlines() == [
        "今年以来，区里在十二个社区开设了长者食堂，六十岁以上的老人凭卡就餐可以享受每餐三元的补贴，不少老人成了回头客。",
        "欢迎大家在评论区分享自己的经验。",
        "他在微博上发文称，相关报道与事实不符。",
        "工信部要求主流APP推出长者模式，方便老年人使用。",
        "下一步，区民政局将把食堂的送餐范围扩大到行动不便的独居老人，并引入志愿者参与配送。",
    ]


def test_traditional_platform_list_and_counter_are_removed_and_shares_harvested() -> None:
    doc = _clean("share_2")
    removed = {r.text: r.rule for r in doc.removed if r.detector == "share"}
    assert removed["Facebook"] == removed["LINE"] == removed["Twitter"] == "C08.platform_list"
    assert removed["分享 312"] == "C08.share_strip"
    assert removed["打開 App 看更多"] == "C08.app"
    assert removed["點我加入 LINE 好友"] == "C08.follow"
    assert doc.metadata.extra["shares"] == 312
    assert "歡迎大家在留言區分享自己的經驗。" in doc.text.splitlines()


def test_share_words_inside_the_body_are_never_removed() -> None:
    text = "\n".join([
        "城市书房开进老街区",
        "2023年9月，位于老城区的第三家城市书房正式对外开放，市民可以在这里免费借阅图书。",
        "微信",
        "微博",
        "用微信扫一扫即可完成缴费，十分方便，不少老年读者也学会了这项操作。",
        "书房负责人表示，下一步将延长开放时间，并引入更多本地作者的签售活动。",
    ])
    doc = cleanpage.clean(text, kind="text")
    assert not [r for r in doc.removed if r.detector == "share"]
