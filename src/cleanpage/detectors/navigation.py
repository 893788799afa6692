"""C02 site navigation, account and utility links.

Removes top bars and footer link rows (``设为首页 | 加入收藏``, ``登录 注册``,
``简体 繁体 无障碍``, ``网站地图 | 联系我们``, ``隐私权声明 | 网站使用条款``, ``返回顶部``), channel menus
(``首页 新闻 体育 财经 娱乐``) and vertical lists of such items, in HEAD and
TAIL. In the body it removes only a line that is exactly a utility item.

Never removes: a sentence-like line (``工信部要求主流APP推出长者模式，…``),
instructions in the body (``点击右上角“登录”后即可查看``), a channel name
alone inside the body.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..page import Drop, Finding, Page
from ..registry import Detector, register_detector
from ._shapes import residue, tokens

UTILITY = frozenset(["设为首页", "加入收藏", "收藏本站", "添加收藏夹", "加入最爱", "加入我的最爱", "设为主页", "登录", "注册", "免费注册", "快速注册", "退出", "安全退出", "个人中心", "帐号设置", "账号设置", "会员中心", "忘记密码", "下次自动登录", "使用qq登录", "一键登录", "登入", "会员登入", "登出", "用户名", "密码", "简体", "繁体", "繁體", "简体中文", "繁体中文", "english", "en", "中文版", "英文版", "无障碍", "无障碍浏览", "长者模式", "关怀版", "关怀模式", "适老化", "大字版", "读屏专用", "语音朗读", "听新闻", "无障碍专区", "跳到主要内容区块", "跳到主要内容", ":::", "网站导航", "网站地图", "手机版", "移动版", "客户端", "rss订阅", "rss", "投稿", "报料", "意见反馈", "帮助中心", "网站支持ipv6", "网站导览", "意见信箱", "订阅电子报", "搜索", "站内搜索", "高级搜索", "请输入关键词", "请输入关键字", "热搜", "搜寻", "站内搜寻", "进阶搜寻", "返回顶部", "回到顶部", "返回首页", "返回列表", "返回上一页", "top", "回页首", "回上页", "回上一页", "回列表", "回首页", "回到顶部", "关于我们", "联系我们", "隐私政策", "广告服务", "招聘信息", "友情链接", "网站声明", "法律声明", "版权声明", "隐私权政策", "服务条款", "联络我们", "私隐政策", "私隐声明", "使用条款", "条款及细则", "免责声明", "使用条款及细则", "网站首页", "首页", "政务微博", "政务微信", "网站找错", "我为政府网站找错", "设为首页", "收藏", "打印", "关闭", "关闭窗口"])
CHANNELS = frozenset(["首页", "新闻", "要闻", "时政", "国内", "国际", "社会", "财经", "经济", "股票", "基金", "理财", "科技", "数码", "手机", "汽车", "房产", "家居", "教育", "体育", "娱乐", "明星", "电影", "音乐", "游戏", "动漫", "旅游", "健康", "女性", "时尚", "军事", "历史", "文化", "读书", "图片", "视频", "直播", "评论", "专题", "博客", "论坛", "社区", "政务", "公告", "通知", "即时", "政治", "生活", "地方", "两岸", "热点", "民生", "法治", "图库", "商城", "彩票", "育儿", "公益", "人物", "访谈", "订阅", "更多"])
# Channel names of government and institution portals (their menus carry no news channels).
GOV_CHANNELS = frozenset(["机构概况", "政务公开", "政务服务", "互动交流", "专题专栏", "新闻动态", "通知公告", "政策法规", "信息公开", "办事服务", "公众参与", "数据发布", "领导信息", "政策解读", "工作动态", "部门动态", "媒体关注", "便民服务", "网上办事", "在线访谈", "领导之窗", "政府信箱", "关于我们", "联系我们", "新闻中心", "新闻稿", "组织架构", "业务范围"])
# Utility items unmistakable enough to drop even as a stray line inside the body.
STRAY = frozenset(["设为首页", "加入收藏", "收藏本站", "返回顶部", "回到顶部", "返回首页", "返回列表", "返回上一页", "回页首", "回上页", "跳到主要内容区块", "跳到主要内容", "关闭窗口", "打印本页", ":::", "网站支持ipv6", "我为政府网站找错", "设为主页", "加入我的最爱"])
# Footer policy links in any wording (``隐私权声明``, ``网站使用条款``, ``个人资料收集政策``).
POLICY_LINK = re.compile(r"^[\u4e00-\u9fff]{0,6}(?:声明|条款|政策)$")
VERTICAL_MAX = 6
MENU_MAX = 80  # a menu of many 4-character items is longer than a "short" line, and still a menu


def is_nav_line(toks: list[str], sent_punct: int) -> bool:
    """A line (its :func:`tokens`) of short tokens most of which are utility or channel items."""
    if sent_punct:
        return False
    if not toks:
        return False
    known = sum(1 for t in toks if t in UTILITY or t in CHANNELS or t in GOV_CHANNELS or (len(toks) > 1 and POLICY_LINK.match(t)))
    if len(toks) == 1:
        return toks[0] in UTILITY
    return known * 2 >= len(toks) and sum(len(t) for t in toks) / len(toks) <= 6


@register_detector
class Navigation(Detector):
    """Top bars, menus, account links and footer link rows (C02)."""

    name = "navigation"
    family = "C02"
    order = 50

    def detect(self, page: Page) -> Iterable[Finding]:
        run: list[int] = []
        first_body, last_body = page.first_body, page.last_body
        for position, block in enumerate(page.blocks):
            feats = page.features(block)
            shadow = page.shadow(block)
            flat = feats.visible
            in_edge = (position < first_body or position > last_body) and not feats.sentence_like
            if in_edge and feats.vlen <= VERTICAL_MAX:
                run.append(position)
            elif run:
                yield from self._vertical(page, run)
                run = []
            if flat in STRAY or (in_edge and flat in UTILITY):
                yield Drop(block, "C02.utility", "utility link (bookmark, login, accessibility, back to top)")
            elif not (in_edge and feats.vlen <= MENU_MAX):
                continue
            elif is_nav_line(toks := page.view(tokens, block), feats.sent_punct):
                yield Drop(block, "C02.menu", "navigation menu or link row")
            elif feats.short and len(toks) >= 2 and any(t in UTILITY for t in toks) and len(residue(shadow, UTILITY)) <= 4:
                yield Drop(block, "C02.utility_row", "row of utility links")
        yield from self._vertical(page, run)

    @staticmethod
    def _vertical(page: Page, run: list[int]) -> Iterable[Finding]:
        """Three or more one-item lines in a row, at least half of them known menu items."""
        if len(run) < 3:
            return
        items = [page.compact(page.blocks[p]) for p in run]
        if sum(1 for item in items if item in UTILITY or item in CHANNELS) * 2 >= len(items):
            for p in run:
                yield Drop(page.blocks[p], "C02.vertical_menu", "vertical list of menu items")
