"""C16 PTT posts: the header is harvested and removed, the footer frame goes, quoted PTT text stays."""

from __future__ import annotations

import cleanpage

POST = "\n".join([
    "作者 teacupcat (茶杯貓)",
    "看板 Gossiping",
    "標題 [問卦] 有沒有颱風天泡麵賣光的八卦？",
    "時間 Wed Jul 24 19:02:11 2024",
    "剛剛下班去樓下超商想買泡麵，結果整排貨架都空了，只剩下最貴的那種杯麵，店員說中午就被掃光了。",
    "是不是每次颱風大家都會搶泡麵？有沒有人知道為什麼颱風天泡麵特別好賣，明明家裡也可以自己煮飯。",
    "--",
    "貓咪是液體",
    "--",
    "※ 發信站: 批踢踢實業坊(ptt.cc), 來自: 1.2.3.4 (臺灣)",
    "※ 文章網址: https://www.ptt.cc/bbs/Gossiping/M.1721818931.A.123.html",
    "推 rainyday: 因為大家都懶得煮                              07/24 19:05",
    "→ noodleking: 泡麵是颱風標配                               07/24 19:06",
])


def test_header_and_frame_of_a_ptt_post() -> None:
    doc = cleanpage.clean(POST, kind="text")
    assert doc.metadata.author == "teacupcat"
    assert doc.metadata.category == "Gossiping"
    assert doc.metadata.title == "[問卦] 有沒有颱風天泡麵賣光的八卦？"
    assert doc.metadata.published == "2024-07-24T19:02"
    assert doc.text.splitlines() == POST.splitlines()[4:6]


def test_an_article_quoting_ptt_keeps_its_lines() -> None:
    text = "\n".join([
        "網路論壇PTT近日出現一篇熱門文章，標題為「有沒有颱風天泡麵賣光的八卦」，引發大量網友討論。",
        "有網友在推文中寫道：「推 因為大家都懶得煮」，也有人認為這只是超商補貨不及的結果。",
        "作者 表示，這類話題每年颱風季都會出現，反映出民眾的防災採購習慣。",
    ])
    doc = cleanpage.clean(text, kind="text")
    assert doc.text.splitlines() == text.splitlines()
    assert not [r for r in doc.removed if r.detector == "ptt"]
