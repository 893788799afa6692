"""The one lexicon of meta labels: the words a page prints before a field's value (来源, 作者, 发布时间...).

Written in the folded script (Simplified, half-width, lower case: :func:`cleanpage.shadow.fold`), so
every reader matches it on folded text and cuts the original at the same offsets: the text detectors'
meta-line parser (:mod:`cleanpage.detectors._labels`), the DOM's byline reader
(:mod:`cleanpage.segment.htmlmeta`) and the site profiles' label lines; and the one way to turn a list
of phrases into a pattern (:func:`longest_first`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

PrefixTree = dict[str, "PrefixTree"]

LABELS: dict[str, tuple[str, ...]] = {
    "source": ("来源", "稿源", "新闻来源", "文章来源", "信息来源", "资料来源", "本文来源", "稿件来源", "出处", "转载自", "转自",
               "出自", "源自", "供稿", "来自", "来源于", "发布单位", "发布机构", "供稿单位"),
    "author": ("作者", "作　者", "撰文", "撰稿", "撰稿人", "口述", "编译", "翻译", "图文", "主笔", "执笔", "文", "发布者", "发布人",
               "采写", "文/图", "图/文", "文图", "文字"),
    "reporter": ("记者", "本报记者", "本刊记者", "特约记者", "见习记者", "实习记者", "首席记者", "全媒体记者", "融媒体记者", "特派记者"),
    "correspondent": ("通讯员", "特约通讯员", "实习生"),
    "editor": ("编辑", "责任编辑", "责编", "主编", "值班编辑", "实习编辑", "编审", "编校", "美编", "排版", "策划", "统筹", "监制",
               "出品", "核稿", "网络编辑", "编辑整理"),
    "reviewer": ("审核", "审校", "校对", "初审", "复审", "终审", "审签", "值班主任", "责任校对"),
    "photographer": ("摄影", "摄像", "供图", "视频"),
    "published": ("发布时间", "发布日期", "发表时间", "发表于", "发布于", "时间", "日期", "刊登于", "稿件日期", "发稿时间",
                  "发文日期", "发布", "发表日期", "上线时间", "公开日期", "发表", "首发时间", "刊发", "出版", "上线", "发稿",
                  "创建", "日 期", "时 间", "上传于", "上传时间", "上传日期"),  # an upload publishes a shared document or video
    "updated": ("更新时间", "更新于", "最后更新", "修改于", "编辑于", "更新日期", "最后更新日期", "修改时间", "更新", "最后修改", "修改"),
    "views": ("阅读", "阅读数", "阅读量", "阅读次数", "浏览", "浏览次数", "浏览量", "点击", "点击数", "点击量", "点击率", "访问",
              "访问量", "人气", "热度", "围观", "查看", "观看", "播放", "点阅", "点阅数", "浏览人次", "阅读人次", "访问次数",
              "点阅次数", "点击次数", "浏览人数", "阅览次数", "观看次数", "点阅率"),
    "comments": ("评论", "评论数", "跟帖", "跟贴", "留言", "回复"),
    "downloads": ("下载次数", "下载量", "下载数", "下载"),
    "likes": ("点赞", "赞", "喜欢", "在看", "按赞"),
    "category": ("栏目", "所属栏目", "所属分类", "分类", "频道", "类别", "栏目分类"),
    "tags": ("标签", "关键词", "关键字", "文章关键词", "tags", "tag"),
    "original_title": ("原标题", "原题", "原文标题", "本文原标题"),
    "length": ("字数", "总字数", "全文字数", "本章字数"),  # a novel's or document's size: checked, not kept
    "tool": ("字号", "字体", "打印", "打印本页", "关闭", "关闭窗口", "收藏", "纠错", "我要纠错", "推荐", "发表评论", "我来说两句",
             "分享", "字级", "列印", "友善列印", "分享到", "大中小"),
}

# A source label in Latin letters, read only beside the headline (``Source: Jinghai Daily``, a wire release's ``News
# provided by Lumenfield Robotics``): in a body, ``Source:`` credits a chart or a figure, which is no meta line.
LATIN_SOURCE_LABELS = ("source", "news provided by", "provided by")

# The labels of a line about the original of a translated or reposted piece (原文：…，发表于 2021 年 8 月 30 日):
# the dates, names and outlets on it are the original's, not the page's.
ORIGINAL_WORK_LABELS = ("原文", "原载", "原文链接", "原文地址", "英文原文", "原文出处", "原作", "原刊")

# WeChat official-account articles (公众号): the hosts that serve them and the site name their tags declare. On
# them the account's name is the source (gold conventions), whatever the article's byline says.
WECHAT_HOSTS = ("weixin.qq.com",)
WECHAT_SITE_NAMES = frozenset({"微信公众平台"})

# The services a share bar names (folded): beside a byline (记者：许文涛 微信 微博) they are buttons, never names.
SHARE_PLATFORMS = frozenset({
    "微信", "微信好友", "朋友圈", "微信朋友圈", "微博", "新浪微博", "腾讯微博", "qq", "qq好友", "qq空间", "空间", "易信", "豆瓣",
    "人人网", "facebook", "twitter", "line", "plurk", "whatsapp", "telegram", "linkedin", "email", "邮件", "钉钉", "抖音",
    "fb", "x", "电邮", "threads", "app", "store", "appstore", "google", "play", "googleplay",
})

# The headings of a section listing other pages after an article (相关阅读, 猜你喜欢, 热门快讯…): the related-reading
# detector drops such a heading with the headlines under it, the HTML reader the whole section it heads. A prefix
# followed by what is listed (相关快讯, 推荐产品, 最新视频) is one too. Simplified: readers match folded text.
RELATED_HEADINGS = (
    "相关阅读", "相关新闻", "相关文章", "相关推荐", "相关链接", "相关稿件", "相关报道", "相关资讯", "相关专题", "延伸阅读",
    "推荐阅读", "热点推荐", "热门推荐", "精彩推荐", "为您推荐", "为你推荐", "猜你喜欢", "你可能还喜欢", "你可能会喜欢", "大家都在看",
    "今日推荐", "编辑推荐", "编辑精选", "热门文章", "热点新闻", "热门新闻", "阅读排行", "点击排行", "阅读排行榜", "评论排行榜",
    "24小时热文", "往期回顾", "往期推荐", "往期精选", "更多精彩", "更多阅读", "专题推荐", "看更多", "更多新闻", "人气排行",
    "最新文章", "最新新闻", "推荐文章", "相关内容", "精彩阅读", "热文推荐", "相关阅读推荐", "热门快讯", "最新快讯",
    "24小时热门", "24小时热点", "热门跟贴", "热门资讯", "相关文档", "相关资料", "热门文档", "猜你感兴趣", "热门", "全站热搜",
    "你可能感兴趣", "您可能感兴趣", "你可能感兴趣的", "您可能感兴趣的", "猜你感兴趣的", "你可能感兴趣的文章",
    "您可能感兴趣的文章", "可能感兴趣的文章", "看更多相关新闻", "更多相关新闻", "更多相关文章", "查看更多",
)
RELATED_PREFIXES = ("相关", "推荐", "热门", "最新", "更多", "精彩")
RELATED_LISTED = ("快讯", "视频", "图片", "图集", "解读", "政策", "话题", "帖子", "问答", "产品", "课程", "商品", "词条", "动态")
# every heading of such a section: the lexicon's own and each prefix with what is listed
RELATED_SECTION_HEADINGS = (*RELATED_HEADINGS, *(prefix + listed for prefix in RELATED_PREFIXES for listed in RELATED_LISTED))

# The formula that closes a notice (特此公告。): the notice's own last line, however short (gold conventions: a
# notice's closing signature and date are body).
NOTICE_CLOSINGS = ("特此公告", "特此通知", "特此通报", "特此函告", "特此函复", "特此说明", "特此声明", "此复", "特此批复")

# The buttons a byline line carries after the names (记者：秦野 我要评论(126) 字号：大 中 小): never a name.
BUTTON_WORDS = frozenset({*LABELS["tool"], "我要评论", "评论", "查看评论", "参与评论", "网友评论", "发表评论", "我要留言", "留言"})

# The labels a forum or a blog prints before the poster's ID in a post header (发帖人：小鱼儿2005, 楼主：…, 博主：…):
# what follows is a user name of any shape, not a name by the person-name grammar. Kept apart from LABELS: 楼主
# alone is a floor label and a button (只看楼主), so these count only before a colon.
POSTER_LABELS = ("发帖人", "发帖者", "发贴人", "发贴者", "楼主", "帖主", "贴主", "博主")

# The same labels as pages in Latin script print them before a date (``Published on``, ``Veröffentlicht am``,
# ``Letzte Änderung:``, ``Mis à jour le``), lower case; matched as whole words, case-insensitively. Kept apart
# from LABELS: the text detectors' meta-line parser reads Chinese lines, where these words never label a date.
LATIN_DATE_LABELS: dict[str, tuple[str, ...]] = {
    "published": ("published", "posted", "written", "created", "date", "dated", "publication date", "release date",
                  "veröffentlicht", "erschienen", "erstellt", "datum", "publiziert", "publié", "publiée", "posté",
                  "écrit", "publicado", "publicada", "escrito", "fecha", "pubblicato", "pubblicata", "data",
                  "gepubliceerd", "geplaatst"),
    "updated": ("updated", "last updated", "last modified", "modified", "last changed", "aktualisiert",
                "zuletzt aktualisiert", "letzte änderung", "letzte aktualisierung", "geändert", "zuletzt geändert",
                "stand", "mis à jour", "mise à jour", "modifié", "actualizado", "actualizada", "actualización",
                "atualizado", "aggiornato", "bijgewerkt"),
}

# The desk or the job a Latin-script byline prints beside a name, lower case: a desk alone is the byline of
# a staff article (``Von Redaktion``), beside a name it is not one of the writers (``Mathilda Trausch,
# Online-Redaktion``); a job title after a name is not part of it (``Christoph Hein Chefredakteur``).
LATIN_DESK_WORDS = frozenset({"redaktion", "chefredaktion", "onlineredaktion", "redacción", "redação", "rédaction",
                              "redazione", "redactie"})
LATIN_JOB_WORDS = frozenset({"redakteur", "redakteurin", "chefredakteur", "chefredakteurin", "korrespondent",
                             "korrespondentin", "volontär", "volontärin"})

# Date labels that say a date is shown but not what it dates (时间, 日期, Date, Datum): read beside the headline,
# where the page dates itself, never elsewhere on the page (an event's 时间, a table's 日期).
GENERIC_DATE_LABELS = frozenset({"时间", "日期", "时 间", "日 期", "发布", "发表", "创建", "上线", "出版", "刊发", "发稿",
                                 "date", "dated", "data", "datum", "fecha", "created", "stand", "modified", "修改", "更新"})

# The events a generic date label may date instead of the page (folded Simplified, lower case): a poster's
# card beside a post prints 注册时间 and Join Date, a notice its 截止日期; the date after them is never the
# page's own. A thread's 开始日期 (Start date) is no other event: it dates the thread.
OTHER_EVENT_DATE_WORDS = ("注册", "加入", "登录", "登陆", "上次登录", "最后登录", "在线", "到期", "截止", "报名", "结束",
                          "活动", "成立", "出生", "生效", "入职", "毕业", "开奖", "考试")
LATIN_OTHER_EVENT_DATE_WORDS = ("join", "joined", "registration", "registered", "birth", "expiry", "expiration", "due",
                                "end", "event", "closing")


def longest_first(phrases: Iterable[str]) -> str:
    """Regex source matching any of ``phrases``, preferring the longest one at a position.

    Written as a prefix tree (``来(?:源于?|自)`` for 来源, 来源于, 来自): it matches exactly what
    ``a|b|c`` sorted longest first matches, backtracking through shorter phrases in the same
    order, but the regex engine tries one branch per character instead of every phrase.
    """
    tree: PrefixTree = {}
    for phrase in phrases:
        node = tree
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}  # a phrase ends here
    return _branches(tree)


def _branches(node: PrefixTree) -> str:
    branches = [re.escape(char) + _branches(child) for char, child in node.items() if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    # A phrase ends here and longer ones continue: try the continuation first, as longest-first would.
    return f"(?:{body})?"


# A generic date label after another event's word, on a folded line: 注册时间:, 加入于, Join Date:.
OTHER_EVENT_LABEL = re.compile(rf"(?:{longest_first(OTHER_EVENT_DATE_WORDS)})\s*(?:时间|日期|于)?\s*[:：]"
                               rf"|(?i:\b(?:{longest_first(LATIN_OTHER_EVENT_DATE_WORDS)})(?:\s+date)?\s*:)")
