"""The chrome catalogue's Appendix A: lines that must survive and lines that must go (with their family)."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

import cleanpage

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "catalogue"
MUST_KEEP = json.loads((FIXTURES / "must_keep.json").read_text(encoding="utf-8"))
MUST_DROP = json.loads((FIXTURES / "must_drop.json").read_text(encoding="utf-8"))

# Chrome of many families around the trap line, so every detector is active on the page.
BUSY_HEAD = ["设为首页 | 加入收藏", "当前位置：首页 > 新闻中心 > 正文"]
BUSY_TITLE = ["来源：市政府办公室 发布时间：2021-03-05 10:30 阅读：1234"]
BUSY_TAIL = ["（责任编辑：张三）", "相关阅读：", "全市营商环境评价结果出炉", "市场监管局开展专项检查", "分享到： 微信 微博 QQ空间",
             "发表评论", "0/150"]
BUSY_FOOTER = ["Copyright © 2021 某市人民政府 版权所有", "京ICP备12345678号 京公网安备11010502000001号",
               "主办单位：某市人民政府办公室 技术支持：某网络科技有限公司"]


@pytest.mark.parametrize("case", MUST_KEEP, ids=[c["family"] + ":" + c["line"][:12] for c in MUST_KEEP])
def test_trap_line_survives_in_a_busy_page(case: dict[str, str], kit: SimpleNamespace) -> None:
    text = kit.page(head=BUSY_HEAD, title_area=BUSY_TITLE, body_insert=[case["line"]], tail=BUSY_TAIL, footer=BUSY_FOOTER)
    doc = cleanpage.clean(text, kind="text")
    assert case["line"] in doc.text.splitlines()
    assert doc.text.splitlines() == [kit.BODY[0], case["line"], kit.BODY[1], kit.BODY[2]]


@pytest.mark.parametrize("case", MUST_DROP, ids=[c["family"] + ":" + c["line"][:12] for c in MUST_DROP])
def test_smoke_line_is_dropped_by_its_family(case: dict, kit: SimpleNamespace) -> None:
    zone = {"head": "head", "title": "title_area", "body": "body_insert", "tail": "tail", "footer": "footer"}[case["zone"]]
    doc = cleanpage.clean(kit.page(**{zone: [case["line"]]}), kind="text")
    assert case["line"] not in doc.text
    assert doc.text.splitlines() == kit.BODY
    assert doc.metadata.title == kit.TITLE
    matching = [r for r in doc.removed if r.text == case["line"] or (r.action == "caption" and case["line"].endswith(r.text))]
    assert matching, [(r.rule, r.text) for r in doc.removed]
    assert matching[0].rule.startswith(case["family"]), matching[0].rule
    for field, value in case["harvest"].items():
        assert getattr(doc.metadata, field) == value, field
