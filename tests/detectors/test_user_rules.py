"""User rules: configured drop patterns remove matching blocks, site rules only on their host, keep patterns protect."""

from __future__ import annotations

from types import SimpleNamespace

import cleanpage
from cleanpage import Config


def _user_removed(doc: cleanpage.Document) -> list[str]:
    return [r.text for r in doc.removed if r.detector == "user_rules" and r.rule == "user.pattern"]


def test_a_drop_pattern_removes_every_matching_block(kit: SimpleNamespace) -> None:
    text = kit.page(body_insert=["【本报融媒体中心出品】"], tail=["【本报融媒体中心出品】扫码看视频"])
    doc = cleanpage.clean(text, kind="text", drop_patterns=[r"^【本报融媒体中心出品】"])
    assert _user_removed(doc) == ["【本报融媒体中心出品】", "【本报融媒体中心出品】扫码看视频"]
    assert doc.text.splitlines() == kit.BODY


def test_site_rules_apply_only_to_their_host_and_its_subdomains(kit: SimpleNamespace) -> None:
    text = kit.page(tail=["本站編輯部整理發佈"])
    config = Config().replace(site_rules=[{"host": "example.com.tw", "drop_patterns": ["編輯部整理發佈$"]}])
    on_site = cleanpage.clean(text, kind="text", config=config, url="https://news.example.com.tw/a/1.html")
    elsewhere = cleanpage.clean(text, kind="text", config=config, url="https://other.example.org/a/1.html")
    assert _user_removed(on_site) == ["本站編輯部整理發佈"]
    assert _user_removed(elsewhere) == []


def test_without_patterns_nothing_is_removed_and_keep_patterns_win(kit: SimpleNamespace) -> None:
    text = kit.page()
    assert _user_removed(cleanpage.clean(text, kind="text")) == []
    doc = cleanpage.clean(text, kind="text", drop_patterns=["营商环境"], keep_patterns=["^会议强调"])
    assert doc.text.splitlines() == [kit.BODY[1], kit.BODY[2]]  # BODY[0] names 营商环境, BODY[2] is kept by pattern
