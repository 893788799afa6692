"""The pipeline applies findings and records every change; options reach the detectors."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

import cleanpage
from cleanpage import Config, registry
from cleanpage.document import Block, Removal
from cleanpage.page import Drop, Finding, Harvest, Page, Split, Trim, Warn
from cleanpage.pipeline import apply_findings, sniff_kind
from cleanpage.registry import Detector

ARTICLE = "会议要求，各部门要坚持问题导向，逐项制定整改措施，明确责任单位和完成时限，确保各项举措落地见效。"


def make_page(*texts: str, config: Config | None = None) -> Page:
    return Page([Block(t, "line", i, i + 1) for i, t in enumerate(texts)], config=config or Config())


def test_drop_trim_split_and_harvest_are_applied_and_recorded() -> None:
    page = make_page("导航", "标题摘要：内容", "第一句。第二句。")
    removed: list[Removal] = []
    warnings: list[str] = []
    nav, glued, two = page.blocks
    findings: list[Finding] = [
        Drop(nav, "T.drop", "navigation"),
        Trim(glued, 0, 2, "T.trim", "title glued"),
        Split(two, 4, "T.split", "two sentences", kinds=("heading", "paragraph")),
        Harvest("title", "标题", "T.title", "标题摘要：", 0.7),
        Warn("look at this"),
    ]
    apply_findings(page, "test", findings, removed, warnings)
    assert [b.text for b in page.blocks] == ["摘要：内容", "第一句。", "第二句。"]
    assert [b.kind for b in page.blocks[1:]] == ["heading", "paragraph"]
    assert [(r.action, r.rule, r.text) for r in removed] == [
        ("drop", "T.drop", "导航"), ("trim", "T.trim", "标题"), ("split", "T.split", "")]
    assert page.value("title") == "标题"
    assert warnings == ["test: look at this"]


def test_the_most_confident_harvest_wins_and_lists_append() -> None:
    page = make_page("x")
    for finding in (Harvest("source", "甲", "a", confidence=0.5), Harvest("source", "乙", "b", confidence=0.9),
                    Harvest("source", "丙", "c", confidence=0.9), Harvest("tags", ["a"], "t", append=True),
                    Harvest("tags", ["b", "a"], "t", append=True)):
        apply_findings(page, "test", [finding], [], [])
    assert page.value("source") == "乙"
    assert page.value("tags") == ["a", "b"]


def test_keep_patterns_protect_blocks_from_every_detector() -> None:
    text = "\n".join(["设为首页 | 加入收藏", "本刊声明：转载请注明出处", ARTICLE, ARTICLE, "版权所有 © 2021 某某网"])
    doc = cleanpage.clean(text, kind="text", keep_patterns=(r"^本刊声明",))
    assert "本刊声明：转载请注明出处" in doc.text.splitlines()


@pytest.mark.parametrize(("policy", "in_body", "captions"), [("move", False, ["会议现场"]), ("drop", False, []),
                                                              ("keep", True, [])])
def test_caption_policies(policy: str, in_body: bool, captions: list[str]) -> None:
    doc = cleanpage.clean(f"{ARTICLE}\n▲会议现场\n{ARTICLE}\n", kind="text", captions=policy)
    assert ("▲会议现场" in doc.text) is in_body
    assert doc.metadata.captions == captions


def test_user_drop_patterns_and_site_rules() -> None:
    text = f"{ARTICLE}\n本文来自某某客户端\n{ARTICLE}\n"
    doc = cleanpage.clean(text, kind="text", drop_patterns=(r"^本文来自.+客户端$",))
    assert "本文来自某某客户端" not in doc.text
    assert doc.removed[0].detector == "user_rules"
    rule = {"host": "example.com", "drop_patterns": [r"^本文来自"]}
    kept = cleanpage.clean(text, kind="text", url="https://other.org/a", site_rules=[rule])
    dropped = cleanpage.clean(text, kind="text", url="https://news.example.com/a", site_rules=[rule])
    assert "本文来自某某客户端" in kept.text and "本文来自某某客户端" not in dropped.text


def test_disabling_a_detector_by_name_keeps_its_chrome() -> None:
    text = f"当前位置：首页 > 新闻中心 > 正文\n{ARTICLE}\n{ARTICLE}\n"
    assert "当前位置" not in cleanpage.clean(text, kind="text").text
    assert "当前位置" in cleanpage.clean(text, kind="text", disable=("breadcrumb",)).text


def test_published_falls_back_to_the_only_update_time() -> None:
    doc = cleanpage.clean(f"某某标题在这里出现了\n更新时间：2018-6-13\n{ARTICLE}\n{ARTICLE}\n", kind="text")
    assert doc.metadata.updated == doc.metadata.published == "2018-06-13"


def test_str_and_bytes_give_the_same_document() -> None:
    text = f"某某标题在这里出现了\n来源：新华社\n{ARTICLE}\n{ARTICLE}\n"
    assert cleanpage.clean(text).to_dict(trace=False)["text"] == cleanpage.clean(text.encode("gb18030")).text


@pytest.mark.parametrize("source", [b"", "", b"\x00\x01\x02\xff\xfe", "   \n\n  "])
def test_empty_and_junk_input_give_a_document(source: bytes | str) -> None:
    doc = cleanpage.clean(source)
    assert isinstance(doc.text, str)


def test_wrong_types_and_oversized_input_raise_cleanpage_errors() -> None:
    with pytest.raises(cleanpage.InputError):
        cleanpage.clean(123)  # type: ignore[arg-type]
    with pytest.raises(cleanpage.InputTooLargeError):
        cleanpage.clean(b"x" * 2000, max_input_bytes=1000)


def test_nul_and_lone_surrogates_are_replaced_with_a_warning() -> None:
    doc = cleanpage.clean(f"{ARTICLE}\x00\n{ARTICLE}\ud800\n", kind="text")
    assert "\x00" not in doc.text and "\ud800" not in doc.text
    assert any("NUL" in w for w in doc.warnings) and any("surrogate" in w for w in doc.warnings)


def test_sniff_kind() -> None:
    assert sniff_kind("<!DOCTYPE html><html><body><p>x</p></body></html>") == "html"
    assert sniff_kind("首页 > 新闻\n正文一段。\n<p>残留</p>\n") == "text"




def test_document_serialisations() -> None:
    doc = cleanpage.clean(f"某某标题在这里出现了\n来源：新华社\n{ARTICLE}\n", kind="text")
    data = doc.to_dict()
    assert data["metadata"]["source"] == "新华社" and data["removed"]
    assert "removed" not in doc.to_dict(trace=False)
    assert doc.to_json().startswith("{")
    assert doc.to_markdown().startswith("# 某某标题在这里出现了\n\n")


class LateTrim(Detector):
    """Cuts a glued lead-in off the first line after every built-in detector has run."""

    name = "late_trim"
    order = 999

    def detect(self, page: Page) -> Iterable[Finding]:
        first = page.blocks[0]
        if first.text.startswith("专题导读"):
            yield Trim(first, 0, len("专题导读"), "test.late", "lead-in")


def test_the_residue_of_a_late_trim_is_swept_by_line_local_detectors_only() -> None:
    cleaner = cleanpage.Cleaner(kind="text")
    cleaner.detectors.append(LateTrim(cleaner.config))
    doc = cleaner.clean(f"专题导读||||||\n{ARTICLE}\n{ARTICLE}")
    assert [(r.detector, r.text) for r in doc.removed] == [("late_trim", "专题导读"), ("separators", "||||||")]
    assert doc.text == f"{ARTICLE}\n{ARTICLE}"


# -- a user rule adds or keeps exactly what it says --------------------------------------------
# Issue 14: on this dump the default body is the report's two paragraphs; dropping the drill line used to move
# the article's end up, and the repost note and the related list came back as body.
REPORT = "本报讯 3月5日上午，市政府召开全市优化营商环境工作推进会，总结去年工作成效，部署今年重点任务。会议指出，过去一年全市新增市场主体超过三万户。"
DRILL = "演练模拟了火灾发生后的人员疏散、伤员救治和现场处置等环节，参演人员反应迅速、配合默契，达到了预期效果。"
DRILL_PAGE = "\n".join([REPORT, DRILL, "本文来自某某新闻客户端", "相关阅读", "全市召开安全生产工作会议", "我市开展消防应急演练活动"])
CHROME_CASES = Path(__file__).parents[1] / "fixtures" / "chrome"
SNIPPETS = Path(__file__).parents[1] / "fixtures" / "html" / "snippets"


def trace(doc: cleanpage.Document, *, leaving: str = "") -> list[tuple[object, ...]]:
    """Every removal of a page (who, why, what, where), those of the detector ``leaving`` left out."""
    return [(r.detector, r.rule, r.text, r.block, r.action, r.start, r.end) for r in doc.removed if r.detector != leaving]


def test_a_drop_pattern_removes_its_lines_and_brings_no_chrome_back() -> None:
    default = cleanpage.clean(DRILL_PAGE.encode())
    assert default.text.splitlines() == [REPORT, DRILL]
    ruled = cleanpage.clean(DRILL_PAGE.encode(), drop_patterns=["^演练模拟"])
    assert ruled.text.splitlines() == [REPORT]
    assert trace(ruled, leaving="user_rules") == trace(default)


def test_a_site_rule_removes_its_lines_and_brings_no_chrome_back() -> None:
    config = Config(site_rules=[{"host": "example.com", "drop_patterns": ["^演练模拟"]}])
    default = cleanpage.clean(DRILL_PAGE, config=config, url="https://example.org/a.html")
    ruled = cleanpage.clean(DRILL_PAGE, config=config, url="https://news.example.com/a.html")
    assert ruled.text.splitlines() == [REPORT]
    assert trace(ruled, leaving="user_rules") == trace(default)


def test_a_keep_pattern_keeps_its_line_and_changes_no_other_removal() -> None:
    # Kept on the page, the filing's date field used to change how the headline under it was read.
    text = (CHROME_CASES / "gov_disclosure_1" / "input.txt").read_text(encoding="utf-8")
    default = cleanpage.clean(text, kind="text")
    kept = cleanpage.clean(text, kind="text", keep_patterns=["^成文日期"])
    assert [r.rule for r in default.removed if r.text.startswith("成文日期")] == ["C18.table"]
    assert any(line.startswith("成文日期") for line in kept.text.splitlines())
    assert trace(kept) == [entry for entry in trace(default) if not str(entry[2]).startswith("成文日期")]


def test_a_drop_selector_removes_its_elements_and_changes_no_other_removal() -> None:
    # Cut out of the tree before segmentation, the selected paragraphs used to change how the headline was scored.
    page = (SNIPPETS / "name_outlet_byline.html").read_bytes()
    default = cleanpage.clean(page)
    ruled = cleanpage.clean(page, drop_selectors=["p:last-of-type"])
    assert trace(ruled, leaving="user_rules") == trace(default)
    assert [(r.rule, r.text) for r in ruled.removed if r.detector == "user_rules"] == [
        ("user.selector", "业内资深人士坦言，很多品牌的共享充电宝租金都有一定程度的上涨。")]


@pytest.mark.parametrize(("case", "detector"), [("wechat_1", "wechat"), ("gov_disclosure_1", "gov_disclosure"),
                                                ("ads_2", "copyright")])
def test_disabling_a_detector_keeps_exactly_its_removals(case: str, detector: str) -> None:
    # Switched off, the WeChat detector's follow prompt became the headline; the filing's fields became bylines;
    # the copyright detector's SEO disclaimer was taken by the ads detector instead.
    text = (CHROME_CASES / case / "input.txt").read_text(encoding="utf-8")
    default = cleanpage.clean(text, kind="text")
    assert trace(default) != trace(default, leaving=detector)
    assert trace(cleanpage.clean(text, kind="text", disable=[detector])) == trace(default, leaving=detector)


class DrillDropper(Detector):
    """An optional detector that takes the drill line, early in the order."""

    name = "drill_dropper"
    order = 5
    default = False

    def detect(self, page: Page) -> Iterable[Finding]:
        return [Drop(block, "test.drill", "a drill") for block in page.blocks if block.text.startswith("演练模拟")]


def test_enabling_an_optional_detector_adds_its_removals_and_changes_no_other(monkeypatch: pytest.MonkeyPatch) -> None:
    registry.detector_classes()  # load the built-ins before adding one
    monkeypatch.setitem(registry._DETECTORS, DrillDropper.name, DrillDropper)
    default = cleanpage.clean(DRILL_PAGE)
    enabled = cleanpage.clean(DRILL_PAGE, enable=["drill_dropper"])
    assert enabled.text.splitlines() == [REPORT]
    assert trace(enabled, leaving="drill_dropper") == trace(default)


def test_an_html_body_that_cleaning_left_empty_says_so() -> None:
    page = ("<html><head><title>Playbook</title></head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
            "<p><img src='/a.jpg' width='600' height='400' alt=''></p><figure><figcaption>Tsai speaks during a debate. Photo: AP</figcaption></figure>"
            "</body></html>")
    doc = cleanpage.clean(page)
    assert doc.text == ""
    assert any(warning.startswith("content: the body is empty after cleaning") for warning in doc.warnings)
