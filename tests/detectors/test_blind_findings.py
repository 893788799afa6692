"""Rules added after a blind evaluation on pages written without looking at the code (Simplified and Traditional)."""

from __future__ import annotations

from types import SimpleNamespace

import cleanpage
from cleanpage.detectors.copyright import copyright_holder


def test_a_taiwan_byline_without_slash_is_not_the_headline(kit: SimpleNamespace) -> None:
    text = "\n".join(["颱風山陀兒逼近 南部今起豪雨特報", "中央社記者黃湘婷台南報導", *kit.BODY])
    doc = cleanpage.clean(text, kind="text")
    assert doc.metadata.title == "颱風山陀兒逼近 南部今起豪雨特報"
    assert doc.metadata.authors == ["黃湘婷"]
    assert doc.text.splitlines() == kit.BODY


def test_a_counter_line_is_not_the_headline(kit: SimpleNamespace) -> None:
    doc = cleanpage.clean(kit.page(title_area=["點閱次數：1,386"]), kind="text")
    assert doc.metadata.title == kit.TITLE and doc.metadata.views == 1386


def test_a_headline_with_one_bar_is_still_a_headline(kit: SimpleNamespace) -> None:
    title = "[京都] 嵐山一日散策｜竹林小徑、渡月橋與嵯峨野小火車"
    doc = cleanpage.clean("\n".join([title, "發表日期：2024-07-28 21:15", *kit.BODY]), kind="text")
    assert doc.metadata.title == title


def test_a_two_segment_breadcrumb_after_a_root(kit: SimpleNamespace) -> None:
    doc = cleanpage.clean(kit.page(head=["主頁 > 即時新聞"]), kind="text")
    assert doc.metadata.category == "即時新聞" and doc.text.splitlines() == kit.BODY


def test_paywall_lines_set_truncated(kit: SimpleNamespace) -> None:
    doc = cleanpage.clean(kit.page(tail=["訂戶專享內容", "立即訂閱以繼續閱讀全文", "已有帳戶？登入"]), kind="text")
    assert doc.metadata.truncated and doc.text.splitlines() == kit.BODY


def test_a_dateline_without_brackets_names_the_reporter(kit: SimpleNamespace) -> None:
    first = "南都讯 记者 林小雨 走进城西街道，" + kit.BODY[0]
    doc = cleanpage.clean("\n".join([kit.TITLE, first, *kit.BODY[1:]]), kind="text")
    assert doc.metadata.authors == ["林小雨"] and doc.text.splitlines()[0] == first


def test_a_government_channel_menu_is_navigation(kit: SimpleNamespace) -> None:
    menu = "首页 | 机构概况 | 政务公开 | 政务服务 | 市场监管 | 互动交流 | 专题专栏"
    doc = cleanpage.clean(kit.page(head=[menu]), kind="text")
    assert menu not in doc.text


def test_copyright_holders_are_names_not_addresses_or_bans() -> None:
    assert copyright_holder("版权所有：岳麓区人民政府 地址：长沙市岳麓区银杉路8号") == "岳麓区人民政府"
    assert copyright_holder("© 2024 某某快讯 未经书面授权禁止使用") == "某某快讯"
    assert copyright_holder("版權所有 © 2024 某某局 電話：(02)2345-6789") == "某某局"


def test_a_ranked_list_with_numbers_on_their_own_lines(kit: SimpleNamespace) -> None:
    tail = ["熱門新聞", "1", "北市推動社宅租金補貼新制 明年上路", "2", "颱風外圍環流影響 週末北部山區防豪雨", "3",
            "台股收盤大漲512點 電子權值股領漲"]
    doc = cleanpage.clean(kit.page(tail=tail), kind="text")
    assert doc.text.splitlines() == kit.BODY


def test_a_footer_without_filings_is_found_by_its_site_only_lines(kit: SimpleNamespace) -> None:
    footer = ["網站導覽", "隱私權保護政策", "地址：10050臺北市中正區杭州南路一段2號", "電話：(02)2351-5441",
              "服務時間：週一至週五 08:30-12:30、13:30-17:30"]
    doc = cleanpage.clean(kit.page(footer=footer), kind="text")
    assert doc.text.splitlines() == kit.BODY


def test_a_tag_cloud_heading_is_not_a_related_heading(kit: SimpleNamespace) -> None:
    doc = cleanpage.clean(kit.page(tail=["热门标签", "京都自由行 大阪美食 日本住宿推荐"]), kind="text")
    assert not any(r.rule.startswith("C07") and r.text == "热门标签" for r in doc.removed)


def test_a_forum_poster_id_above_the_author_card_is_the_author() -> None:
    text = "\n".join([
        "首页 › 装修经验 › 【求助】卫生间防水做完闭水试验，楼下还是渗水怎么办？",
        "查看: 2356 | 回复: 3",
        "【求助】卫生间防水做完闭水试验，楼下还是渗水怎么办？ [复制链接]",
        "小鱼爱装修", "主题 12 帖子 86 积分 203", "注册会员", "发表于 2023-8-12 21:07 | 只看该作者", "楼主",
        "新房刚装修完半年，卫生间当时做了防水，也做了48小时闭水试验，楼下说没问题才贴的砖。",
        "结果上个月楼下邻居上来说，他家卫生间吊顶有水渍，靠近马桶那一块最明显，请问这是哪里出了问题？",
        "使用道具 举报",
        "阳台种菜的老王", "主题 3 帖子 421 积分 880", "中级会员", "发表于 2023-8-12 21:30 | 只看该作者", "沙发",
        "大概率是马桶下水口或者止水坎的问题，先别急着砸，找个专业的做个红外检测，几百块钱就能定位。",
        "使用道具 举报",
    ])
    doc = cleanpage.clean(text, kind="text")
    assert doc.metadata.author == "小鱼爱装修"
    assert doc.metadata.title == "【求助】卫生间防水做完闭水试验，楼下还是渗水怎么办？"
    assert doc.metadata.published == "2023-08-12T21:07"
    assert doc.text.splitlines() == [*text.splitlines()[8:10], text.splitlines()[16]]  # every post is body


def test_a_one_line_wechat_header_with_a_region_and_a_collection_tag() -> None:
    text = "\n".join([
        "一座老桥的百年往事", "原创 李然 城市记忆馆 2024年01月18日 20:30 浙江", "城市记忆馆", "微信号 chengshijiyiguan",
        "功能介绍 用文字留住城市的温度", "#老建筑 12个",
        "在城东的运河上，有一座青石老桥，本地人都叫它“太平桥”。它始建于清光绪年间，至今已有一百多年历史。",
        "老人们说，过去桥头有一排茶馆，挑担的、摇船的，都爱在这里歇脚。一壶茶、一碟花生，就能听一下午的评书。",
        "预览时标签不可点", "微信扫一扫", "关注该公众号",
    ])
    doc = cleanpage.clean(text, kind="text")
    assert (doc.metadata.title, doc.metadata.author, doc.metadata.source, doc.metadata.published) == (
        "一座老桥的百年往事", "李然", "城市记忆馆", "2024-01-18T20:30")
    assert doc.text.splitlines() == text.splitlines()[6:8]


def test_font_size_buttons_one_per_line_go_with_their_label(kit: SimpleNamespace) -> None:
    doc = cleanpage.clean(kit.page(title_area=["字号", "大", "中", "小", "打印"]), kind="text")
    assert doc.text.splitlines() == kit.BODY
    doc = cleanpage.clean(kit.page(title_area=["A- A A+"]), kind="text")
    assert doc.text.splitlines() == kit.BODY


def test_a_lone_size_letter_is_not_a_button_row(kit: SimpleNamespace) -> None:
    doc = cleanpage.clean(kit.page(body_insert=["中"], tail=["A"]), kind="text")
    assert "中" in doc.text.splitlines() and "A" in doc.text.splitlines()


SELF_MEDIA_BODY = [
    "最近不少朋友问我，入门级的无线降噪耳机到底该怎么挑。今天就用三款热门型号做个对比，说说各自的优缺点，供大家参考。",
    "第一款胜在续航，满电可以连续听三十个小时，通勤党基本一周一充；缺点是降噪深度一般，地铁里还是能听到明显的轰鸣声。",
    "第二款的降噪最强，戴上以后办公室的空调声几乎听不见了，不过佩戴久了耳朵会有些胀，建议每隔一小时摘下来休息一下。",
]


def test_a_self_media_account_over_a_dated_line_is_the_author_not_the_headline() -> None:
    title = "三款平价降噪耳机横评，第二款降噪最强，但不适合长时间佩戴"
    text = "\n".join(["头条", title, "数码小陈", "2023-11-20 08:15 · 广东 · 数码领域优质作者", "+关注", *SELF_MEDIA_BODY,
                     "点赞 89", "数码小陈", "科技数码博主", "粉丝 3.2万 获赞 1.1万"])
    doc = cleanpage.clean(text, kind="text")
    assert (doc.metadata.title, doc.metadata.author, doc.metadata.published) == (title, "数码小陈", "2023-11-20T08:15")
    assert doc.text.splitlines() == SELF_MEDIA_BODY


def test_a_headline_over_a_dated_line_is_not_an_account() -> None:
    title = "城南老街改造完成"
    text = "\n".join([title, "2023-11-20 08:15 · 城市频道", *SELF_MEDIA_BODY])
    doc = cleanpage.clean(text, kind="text")
    assert doc.metadata.title == title and doc.metadata.author is None
    assert doc.text.splitlines()[-3:] == SELF_MEDIA_BODY


def test_a_repost_editor_note_and_an_author_bio_after_the_article(kit: SimpleNamespace) -> None:
    tail = ["（编者按：本文经作者授权转载自其微信公众号，有删节。）", "作者简介：周明远，某师范大学历史系教授，主要研究近代城市史。"]
    doc = cleanpage.clean(kit.page(tail=tail), kind="text")
    assert doc.text.splitlines() == kit.BODY and doc.metadata.source is None


def test_an_author_bio_label_inside_the_article_is_kept(kit: SimpleNamespace) -> None:
    bio = "作者简介：这一栏往往被读者跳过，可它恰恰交代了写作者的立场与视角，值得我们在阅读评论文章时多看一眼。"
    doc = cleanpage.clean(kit.page(body_insert=[bio]), kind="text")
    assert bio in doc.text.splitlines()


def test_a_release_end_mark_with_the_issue_date_and_time_under_it(kit: SimpleNamespace) -> None:
    tail = ["（完）", "2023年3月2日（星期四）", "北京時間9時05分"]
    doc = cleanpage.clean(kit.page(tail=tail), kind="text")
    assert doc.text.splitlines() == kit.BODY and doc.metadata.published == "2023-03-02T09:05"
    doc = cleanpage.clean(kit.page(tail=["完", "2022/11/30", "相关新闻", "全市冬季供暖工作会议召开"]), kind="text")
    assert doc.text.splitlines() == kit.BODY and doc.metadata.published == "2022-11-30"


def test_a_signing_date_without_an_end_mark_is_kept(kit: SimpleNamespace) -> None:
    doc = cleanpage.clean(kit.page(tail=["市发展和改革委员会", "2023年3月2日"]), kind="text")
    assert doc.text.splitlines()[-2:] == ["市发展和改革委员会", "2023年3月2日"]


def test_a_blog_page_with_a_date_over_the_headline_and_a_headed_author_card() -> None:
    title = "【台南】府城小吃一日散步｜從早餐牛肉湯吃到宵夜豆花"
    body = [
        "這次回台南特地空出一整天，什麼景點都不排，只專心吃。早上六點就到牛肉湯店排隊，湯頭清甜、肉片粉嫩，配一碗肉燥飯剛剛好。",
        "中午走到國華街，一路從碗粿、蝦捲吃到浮水魚羹，每一家的份量都不大，很適合一次多嘗幾種口味，逛累了還能坐下來喝杯青草茶。",
        "晚上最後一站是安平的豆花，綿密的口感加上微甜的糖水，為這趟小吃散步畫下完美句點，下次一定還要再來府城。",
    ]
    text = "\n".join([
        "阿光吃遍全台灣", "首頁", "相簿", "留言板", "Mar 3 Fri 2023 08:40", title, *body,
        "全站熱搜", "台南美食", "高雄景點", "關於作者", "阿光", "阿光吃遍全台灣",
        "留言列表 (2)", "路人甲 於 2023/03/04 10:00 回覆", "看起來好好吃！", "© 2023 某某部落格平台",
    ])
    doc = cleanpage.clean(text, kind="text")
    assert (doc.metadata.title, doc.metadata.author, doc.metadata.published) == (title, "阿光", "2023-03-03T08:40")
    assert doc.text.splitlines() == body


def test_an_about_the_author_line_in_the_article_is_kept(kit: SimpleNamespace) -> None:
    doc = cleanpage.clean(kit.page(body_insert=["关于作者", "这位作者的生平，我们所知甚少。"]), kind="text")
    assert "关于作者" in doc.text.splitlines() and doc.metadata.author is None


def test_reply_form_buttons_on_lines_of_their_own_next_to_the_reply_form() -> None:
    post = ["阳台的绿萝最近叶子一直发黄，浇水也是见干见湿，放在散射光的位置，实在不知道问题出在哪里。",
            "附近花市的老板说可能是根烂了，可我翻盆看了一下根系还挺白的，想请教一下各位养花的朋友。"]
    text = "\n".join([
        "绿萝叶子发黄求助", "花友小白", "发表于 2022-5-3 09:10 | 只看该作者", "楼主", *post, "使用道具 举报",
        "老园丁", "发表于 2022-5-3 10:02 | 只看该作者", "沙发", "多半是缺肥了，换盆后补点缓释肥试试。", "使用道具 举报",
        "快速回复", "您需要登录后才可以回帖 登录 | 立即注册", "发表回复",
    ])
    doc = cleanpage.clean(text, kind="text")
    assert doc.text.splitlines() == [*post, "多半是缺肥了，换盆后补点缓释肥试试。"]  # every post is body


def test_a_download_counter_next_to_a_view_counter_is_a_meta_line(kit: SimpleNamespace) -> None:
    doc = cleanpage.clean(kit.page(title_area=["阅读：2048 下载：311"]), kind="text")
    assert doc.text.splitlines() == kit.BODY and doc.metadata.views == 2048
    sentence = "下载：本市政务服务平台提供各类办事指南的免费下载，市民可以按需获取相关表格。"
    doc = cleanpage.clean(kit.page(body_insert=[sentence]), kind="text")
    assert sentence in doc.text.splitlines()


def test_a_footer_row_of_policy_links_and_a_back_to_list_link(kit: SimpleNamespace) -> None:
    doc = cleanpage.clean(kit.page(tail=["回列表"], footer=["個人資料保護聲明 | 服務條款 | 投資人專區", "© 2023 某某股份有限公司"]), kind="text")
    assert doc.text.splitlines() == kit.BODY


def test_a_release_contact_block_over_its_attachments_is_kept_near_the_footer(kit: SimpleNamespace) -> None:
    release = ["媒體聯絡人：企業溝通處 王小明", "電話：(03)1234-5678", "附件：", "新品發表會照片.zip（12MB）"]
    doc = cleanpage.clean(kit.page(tail=release, footer=["© 2023 某某股份有限公司 版權所有"]), kind="text")
    assert doc.text.splitlines()[-4:] == release


# --- blind pages, round 2 (rules written after measuring them; tested here in other wordings) ---


def _rules(doc: cleanpage.Document) -> dict[str, str]:
    return {r.text: r.rule for r in doc.removed}


def test_a_caption_closing_on_its_bracketed_credit_moves_to_captions(kit: SimpleNamespace) -> None:
    caption = "老街口的糖水铺已经营业四十年。（摄影：何嘉明）"
    doc = cleanpage.clean(kit.page(body_insert=[caption]), kind="text")
    assert _rules(doc)[caption] == "C05.credit_note"
    assert caption in doc.metadata.captions
    sentence = "记者走访发现，多数摊主并不清楚新规的具体要求，部分摊位仍在使用旧式招牌（资料来源：市场监管部门）。"
    assert sentence in cleanpage.clean(kit.page(body_insert=[sentence]), kind="text").text


def test_a_paywall_truncates_and_its_buttons_go(kit: SimpleNamespace) -> None:
    wall = ["剩余80%内容，订阅财经周刊后可继续阅读", "立即开通", "已是会员？登录"]
    doc = cleanpage.clean(kit.page(tail=wall), kind="text")
    assert doc.metadata.truncated is True
    assert all(line not in doc.text for line in wall)


def test_a_risk_notice_after_the_article_is_a_statement(kit: SimpleNamespace) -> None:
    notice = "风险揭示：市场有风险，本页内容不构成任何买卖建议，投资者应独立判断并自行承担风险。"
    doc = cleanpage.clean(kit.page(tail=[notice]), kind="text")
    assert _rules(doc)[notice] == "C10.statement"
    inside = "风险提示：今年以来多地出现以“保本高息”为名的非法集资，警方提醒群众提高警惕，谨防上当受骗。"
    assert inside in cleanpage.clean(kit.page(body_insert=[inside]), kind="text").text


def test_you_may_also_like_headings_take_their_list(kit: SimpleNamespace) -> None:
    block = ["您可能感興趣的文章", "【台南美食】在地人推薦的十家早餐店", "【花蓮住宿】海景民宿評比", "【宜蘭一日遊】溫泉與夜市路線"]
    doc = cleanpage.clean(kit.page(tail=block), kind="text")
    assert all(_rules(doc).get(line, "").startswith("C07.") for line in block)


def test_a_bare_outlet_reporter_line_is_a_byline_not_the_headline() -> None:
    page = "\n".join([
        "港島東區 | 社會 | 2024-10-02 08:15",
        "筲箕灣街市翻新工程展開 攤販暫遷臨時市場",
        "東方時報記者 何嘉欣",
        "食環署表示，筲箕灣街市翻新工程今日正式展開，預計需時十八個月，期間約六十個攤位將暫遷至附近的臨時市場繼續營業。",
        "有攤販表示，臨時市場位置較遠，擔心客流減少，希望當局在交通指示及宣傳方面提供更多支援。",
    ])
    doc = cleanpage.clean(page, kind="text")
    assert doc.title == "筲箕灣街市翻新工程展開 攤販暫遷臨時市場"
    assert doc.metadata.author == "何嘉欣"
    assert doc.metadata.source == "東方時報"
    news_conference = "記者會上，發言人表示將於下月公布詳細方案，並邀請各界人士提出意見。"
    assert news_conference in cleanpage.clean(page + "\n" + news_conference, kind="text").text


def test_an_english_byline_under_the_headline_names_the_author(kit: SimpleNamespace) -> None:
    doc = cleanpage.clean(kit.page(title_area=["By Karen Chow"]), kind="text")
    assert doc.metadata.author == "Karen Chow"
    assert "By Karen Chow" not in doc.text


def test_english_ad_slot_labels_go_even_between_paragraphs(kit: SimpleNamespace) -> None:
    doc = cleanpage.clean(kit.page(body_insert=["Sponsored"]), kind="text")
    assert _rules(doc)["Sponsored"] == "C19.ad_label"


def test_an_account_name_over_its_follow_button_and_date_is_the_author() -> None:
    lines = ["家常菜 > 快手早餐", "十分钟搞定的葱油饼｜外酥里软不用揉面", "厨房里的阿梅", "+关注", "2025-02-14",
             "很多人觉得葱油饼要揉面、醒面，其实用烫面法十分钟就能做好，外皮酥脆，里面柔软，早上赶时间也来得及。",
             "第一步，面粉里倒入刚烧开的水，一边倒一边用筷子搅成絮状，稍微放凉以后再加少许冷水揉成面团。"]
    doc = cleanpage.clean("\n".join(lines), kind="text")
    assert doc.title == "十分钟搞定的葱油饼｜外酥里软不用揉面"
    assert doc.metadata.author == "厨房里的阿梅"
    without_date = [*lines[:4], *lines[5:]]
    assert cleanpage.clean("\n".join(without_date), kind="text").metadata.author is None


def test_a_pirate_novel_site_footer_does_not_stop_the_peel() -> None:
    lines = ["书名：北境长歌　作者：冷月孤舟　分类：玄幻奇幻　字数：92.7万　更新时间：2025-01-09 21:40",
             "第八十八章 雪原夜行",
             "　　风雪压住了整片雪原，队伍在夜色里缓慢前行，谁也不敢停下脚步。",
             "　　直到东方泛白，领头的老猎户才终于回过头来，哑着嗓子说：“再走十里，就到黑松林了。”",
             "PS：这两天家里有事，更新慢了，大家见谅。",
             "上一章 → 章节目录 → 下一章",
             "投推荐票　投月票　打赏",
             "手机用户请浏览 m.example.la 阅读，体验更佳。",
             "《北境长歌》最新章节由网友提供，转载至本站只是为了宣传，让更多读者欣赏。"]
    doc = cleanpage.clean("\n".join(lines), kind="text")
    assert doc.text.splitlines() == [lines[2].strip("\u3000"), lines[3].strip("\u3000")]
    assert doc.title == "第八十八章 雪原夜行"
    assert doc.metadata.category == "玄幻奇幻"


def test_the_page_title_printed_with_its_site_suffix_names_a_mostly_latin_headline() -> None:
    lines = ["Rust 所有权入门：Borrow Checker 与 Lifetime 实战_rust 生命周期-开发者笔记",
             "开发者笔记", "首页 | 博客 | 问答",
             "Rust 所有权入门：Borrow Checker 与 Lifetime 实战",
             "老猫不吃鱼",
             "于 2024-08-02 10:15:00 发布",
             "很多人学 Rust 卡在所有权这一关，编译器的报错看起来很凶，其实它只是在提醒你：一个值同一时间只能有一个主人。",
             "下面用三个小例子，把借用、可变借用和生命周期标注串起来讲清楚，读完可以自己改一改代码试试看。"]
    doc = cleanpage.clean("\n".join(lines), kind="text")
    assert doc.title == "Rust 所有权入门：Borrow Checker 与 Lifetime 实战"


def test_a_recipe_stats_line_with_thousands_separators_is_meta(kit: SimpleNamespace) -> None:
    stats = "瀏覽 12,345　收藏 2,001　按讚 96"
    doc = cleanpage.clean(kit.page(title_area=[stats]), kind="text")
    assert doc.metadata.views == 12345
    assert stats not in doc.text
