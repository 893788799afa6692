"""The site_profile detector: what a profile may and may not remove."""

from __future__ import annotations

from cleanpage import Config
from cleanpage.detectors.site_profile import SiteProfileDetector
from cleanpage.page import Drop, Page, Warn
from cleanpage.profile_model import ProfilePolicy, SiteProfile
from cleanpage.profiles import learn_profile
from cleanpage.registry import detector_classes
from cleanpage.segment.text import segment_text

TEXT = Config(kind="text")
PARAGRAPH = "这篇关于{topic}的文章写得很长，讲述了{topic}这件事情的来龙去脉，前因后果都交代得清清楚楚，读者一看就明白。"
STANDING = "本专栏每周更新一次，欢迎读者来信交流，来信请注明姓名和联系方式，我们会认真阅读每一封来信。"


def topic(n: int) -> str:
    """Two Han characters of its own for every article (digits would fold to one fingerprint)."""
    return chr(0x5000 + 2 * n) + chr(0x6000 + 3 * n)


def page_text(n: int, head: tuple[str, ...] = (), middle: tuple[str, ...] = (), tail: tuple[str, ...] = ()) -> str:
    return "\n".join([*head, f"关于{topic(n)}", PARAGRAPH.format(topic=topic(n)), *middle,
                      PARAGRAPH.format(topic=topic(n + 1000)), *tail])


def findings(text: str, profile: SiteProfile | None) -> list[Drop | Warn]:
    page = Page(segment_text(text), config=TEXT, kind="text", profile=profile)
    return list(SiteProfileDetector(TEXT).detect(page))  # type: ignore[arg-type]


def dropped(text: str, profile: SiteProfile) -> dict[str, str]:
    return {f.block.text: f.reason for f in findings(text, profile) if isinstance(f, Drop)}


def learned(pages: list[str]) -> SiteProfile:
    return learn_profile(pages, site="example.com", config=TEXT)


def test_without_a_profile_nothing_happens() -> None:
    assert findings(page_text(1, head=("网站首页",)), None) == []


def test_edge_chrome_is_dropped_with_its_evidence() -> None:
    pages = [page_text(n, head=("示例网 让阅读更美好",), tail=("扫码下载示例App",) if n < 3 else ()) for n in range(10)]
    profile = learned(pages)
    drops = dropped(page_text(99, head=("示例网 让阅读更美好",), tail=("扫码下载示例App",)), profile)
    assert drops == {"示例网 让阅读更美好": "recurs on 10 of 10 pages of this site (example.com)",
                     "扫码下载示例App": "recurs on 3 of 10 pages of this site (example.com)"}
    assert dropped(page_text(99, tail=("扫码下载示例App",)), profile.with_policy(edge_share=0.5)) == {}


def test_inside_body_only_short_lines_recurring_almost_everywhere_go() -> None:
    pages = [page_text(n, middle=("▍广告", STANDING, "点击进入专题") if n < 7 else ("▍广告", STANDING)) for n in range(10)]
    profile = learned(pages)
    assert profile.entry(STANDING) is not None and profile.entry(STANDING).pages == 10  # type: ignore[union-attr]
    drops = dropped(page_text(99, middle=("▍广告", STANDING, "点击进入专题")), profile)
    assert set(drops) == {"▍广告"}  # 点击进入专题 recurs on 7 of 10 (< 80%); STANDING is a body sentence


def test_metadata_lines_are_left_to_the_meta_detectors() -> None:
    pages = [page_text(n, head=(f"2023-0{n % 9 + 1}-12 来源：示例网",)) for n in range(10)]
    profile = learned(pages)
    assert profile.entry(pages[0].splitlines()[0]).meta  # type: ignore[union-attr]
    assert dropped(page_text(99, head=("2023-05-12 来源：示例网",)), profile) == {}


def test_a_page_made_only_of_template_keeps_its_sentences() -> None:
    notice = "本站所有内容仅供参考，如有任何疑问请及时来电咨询。"
    pages = [page_text(n, head=("示例网 让阅读更美好",), tail=(notice,)) for n in range(10)]
    profile = learned(pages)
    only_template = "\n".join(["示例网 让阅读更美好", notice])
    result = findings(only_template, profile)
    assert [f.block.text for f in result if isinstance(f, Drop)] == ["示例网 让阅读更美好"]
    assert any(isinstance(f, Warn) and "every sentence" in f.message for f in result)
    everything = findings("示例网 让阅读更美好", profile)
    assert [type(f) for f in everything] == [Warn]


def test_small_profiles_are_not_used() -> None:
    profile = learn_profile([page_text(n, head=("示例网",)) for n in range(3)], config=TEXT)
    result = findings(page_text(99, head=("示例网",)), profile)
    assert [type(f) for f in result] == [Warn]
    assert dropped(page_text(99, head=("示例网",)), profile.with_policy(min_pages=3)) == {"示例网": "recurs on 3 of 3 "
                                                                                            "pages of this site"}


def test_policy_needs_two_pages_at_least() -> None:
    assert ProfilePolicy().needed(0.3, 3) == 2
    assert ProfilePolicy().needed(0.8, 10) == 8


def test_runs_after_the_detectors_that_harvest_metadata() -> None:
    harvesters = [cls for cls in detector_classes() if cls.family == "C03"]
    assert all(cls.order < SiteProfileDetector.order for cls in harvesters)
    assert SiteProfileDetector in detector_classes()
