"""C14 doc-sharing chrome: preview limits, download prompts, platform notes and tips go; a document's own rules stay."""

from __future__ import annotations

import pytest

import cleanpage

TRADITIONAL_PAGE = "\n".join([
    "社區志工服務實施計畫",
    "上傳者：taipei_lib　上傳日期：2022/10/05　格式：PDF",
    "資源描述：本計畫全文供各里辦公處參考使用，內容含計畫目的、實施對象及服務內容。",
    "一、計畫目的：為鼓勵市民參與社區服務，建立志工招募、訓練與表揚制度，特訂定本計畫。",
    "二、實施對象：設籍本市年滿十六歲以上，具服務熱忱且能配合排班之市民。",
    "三、服務內容：協助社區活動辦理、獨居長者關懷訪視、環境清潔及防災宣導等工作。",
    "已閱讀2頁，還剩6頁未讀",
    "免費下載",
    "溫馨提示",
    "1. 本站文檔由用戶上傳，如有侵權請聯繫客服。",
    "2. 下載文檔需消耗積分，下載後不支持退款。",
])


def _removed(doc: cleanpage.Document) -> dict[str, str]:
    return {r.text: r.rule for r in doc.removed if r.detector == "doc_sharing"}


def test_traditional_wenku_page_loses_its_chrome_and_keeps_the_document() -> None:
    doc = cleanpage.clean(TRADITIONAL_PAGE, kind="text")
    assert _removed(doc) == {
        "上傳者：taipei_lib　上傳日期：2022/10/05　格式：PDF": "C14.facts",
        "資源描述：": "C14.label",
        "已閱讀2頁，還剩6頁未讀": "C14.preview",
        "免費下載": "C14.download",
        "溫馨提示": "C14.tips",
        "1. 本站文檔由用戶上傳，如有侵權請聯繫客服。": "C14.tips",
        "2. 下載文檔需消耗積分，下載後不支持退款。": "C14.tips",
    }
    assert doc.text.splitlines() == [
        "本計畫全文供各里辦公處參考使用，內容含計畫目的、實施對象及服務內容。",
        "一、計畫目的：為鼓勵市民參與社區服務，建立志工招募、訓練與表揚制度，特訂定本計畫。",
        "二、實施對象：設籍本市年滿十六歲以上，具服務熱忱且能配合排班之市民。",
        "三、服務內容：協助社區活動辦理、獨居長者關懷訪視、環境清潔及防災宣導等工作。",
    ]
    assert doc.metadata.title == "社區志工服務實施計畫"
    assert doc.metadata.pages == {"read": 2, "unread": 6}
    assert doc.metadata.truncated is True
    assert doc.metadata.published == "2022-10-05"


def test_simplified_preview_counter_on_a_doc_host_is_removed() -> None:
    text = "\n".join([
        "2024年度部门预算编制说明",
        "根据市财政局统一部署，我单位按照零基预算原则编制2024年度部门预算，收支总预算为3580.6万元，比上年减少4.2%。",
        "一般公共预算财政拨款支出主要用于人员经费、日常公用经费和项目支出，其中项目支出1260万元，较上年压减8%。",
        "剩余10页未读，继续阅读",
        "立即下载",
    ])
    doc = cleanpage.clean(text, kind="text", url="https://www.renrendoc.com/paper/123456.html")
    assert _removed(doc) == {"剩余10页未读，继续阅读": "C14.preview", "立即下载": "C14.download"}
    assert doc.metadata.truncated is True


def test_a_notice_with_its_own_tips_is_not_a_doc_sharing_page() -> None:
    text = "\n".join([
        "关于2024年普通高考考生须知的公告",
        "各位考生：2024年普通高校招生全国统一考试将于6月7日至8日举行，请考生认真阅读以下须知，按时参加考试。",
        "温馨提示",
        "1. 考生须携带准考证和身份证，提前30分钟到达考点，开考15分钟后禁止入场。",
        "2. 严禁携带手机等通讯工具进入考场，已携带的须在进入考场前交由工作人员统一保管。",
        "3. 考试结束信号发出后，考生应立即停止答题，待监考员收齐答卷后方可离开。",
        "市招生考试院",
        "2024年5月20日",
    ])
    doc = cleanpage.clean(text, kind="text")
    assert _removed(doc) == {}
    assert "温馨提示" in doc.text.splitlines()
    assert "市招生考试院" in doc.text.splitlines()


@pytest.mark.xfail(strict=True, reason="a description sentence that opens with the title (TITLE全文，…) is read as a title "
                                       "glued to the first sentence and loses the title words; telling the two apart "
                                       "needs more than the shape of the line")
def test_a_description_that_opens_with_the_title_keeps_the_title_words() -> None:
    text = TRADITIONAL_PAGE.replace("資源描述：本計畫全文供", "資源描述：社區志工服務實施計畫全文供")
    doc = cleanpage.clean(text, kind="text")
    assert doc.text.splitlines()[0].startswith("社區志工服務實施計畫全文供")


def test_a_summary_that_repeats_the_documents_opening_words_cut_short_goes_whole() -> None:
    opening = "一、計畫目的：為鼓勵市民參與社區服務，建立志工招募、訓練與表揚制度，特訂定本計畫。"
    page = TRADITIONAL_PAGE.replace("資源描述：本計畫全文供各里辦公處參考使用，內容含計畫目的、實施對象及服務內容。",
                                    f"資源描述：{opening[:30]}...")
    doc = cleanpage.clean(page, kind="text")
    assert _removed(doc)[f"資源描述：{opening[:30]}..."] == "C14.summary"
    assert opening in doc.text
