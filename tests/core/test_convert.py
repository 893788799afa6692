from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleanpage.convert import HAN, _script_patterns, detect_script

SIMPLIFIED = "国务院办公厅关于进一步优化营商环境的意见发布后，各地区各部门认真贯彻落实。"
TRADITIONAL = "國務院辦公廳關於進一步優化營商環境的意見發布後，各地區各部門認真貫徹落實。"


def naive_script(text: str, threshold: float = 0.8) -> str | None:
    """Every telling character counted: the definition ``detect_script`` must agree with."""
    traditional_re, simplified_re = _script_patterns()
    trad, simp = len(traditional_re.findall(text)), len(simplified_re.findall(text))
    if trad + simp == 0:
        return "simplified" if HAN.search(text) else None
    share = trad / (trad + simp)
    return "traditional" if share >= threshold else "simplified" if share <= 1 - threshold else "mixed"


def test_scripts() -> None:
    assert detect_script(SIMPLIFIED * 30) == "simplified"
    assert detect_script(TRADITIONAL * 30) == "traditional"
    assert detect_script((SIMPLIFIED + TRADITIONAL) * 15) == "mixed"
    assert detect_script("The quick brown fox.") is None
    assert detect_script("一二三") == "simplified"


def test_a_traditional_tail_after_a_simplified_head_still_counts() -> None:
    # The head suggests Simplified; the verdict must still weigh the whole sample.
    text = SIMPLIFIED * 3 + TRADITIONAL * 40
    assert detect_script(text) == naive_script(text) == "traditional"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([SIMPLIFIED, TRADITIONAL, "中文", "English words. ", "著名的乾隆", "\n"]), max_size=120),
       st.sampled_from([0.6, 0.8, 0.95]))
def test_counting_only_until_settled_gives_the_full_count_verdict(parts: list[str], threshold: float) -> None:
    text = "".join(parts)
    assert detect_script(text, threshold=threshold) == naive_script(text, threshold)


def test_conversion_applies_to_the_metadata_as_to_the_body() -> None:
    import cleanpage

    page = ("<html><head><title>臺灣電動車銷量創新高 - 經濟日報</title>"
            "<meta name='description' content='電動車銷量連續三個月成長'></head><body>"
            "<h1>臺灣電動車銷量創新高</h1><p class='info'>記者：陳曉華 來源：經濟日報 發佈時間：2023-05-02 10:00</p>"
            "<p>根據交通部統計，今年第一季電動車銷量較去年同期成長百分之四十，創下歷史新高，業者預期將持續成長。</p>"
            "<p>業者表示，充電樁數量增加與補助政策延長，是帶動買氣的主要原因，下半年還有多款新車上市。</p></body></html>")
    doc = cleanpage.clean(page, convert="t2s")
    assert doc.metadata.title == "台湾电动车销量创新高"
    assert doc.metadata.author == "陈晓华"
    assert doc.metadata.source == "经济日报"
    assert doc.metadata.description == "电动车销量连续三个月成长"
    assert "根据交通部统计" in doc.text
    assert doc.metadata.script == "traditional"  # the page's own script
