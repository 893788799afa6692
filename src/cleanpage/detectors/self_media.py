"""C17 self-media and blog platform chrome (头条号 / 百家号 / 网易号 / CSDN / 博客园 / 简书 / 知乎 / 痞客邦).

Removes, in the page's edges (§2.5 peel; a platform statement does not stop
the peel although it reads like a sentence):

* platform statements (``平台声明：该文观点仅代表作者本人…``, ``本文为澎湃号作者或机构…``,
  ``版权声明：本文为博主原创文章，遵循 CC 4.0 BY-SA 版权协议…``, ``返回搜狐，查看更多``),
  harvesting ``licence``; ``本文链接：https://…`` (harvested as ``canonical_url``);
* account bylines (``百家号 2021-03-05 10:20 关注``, ``优质原创作者``) and
  stats lines made only of dates, counters and platform words
  (``posted @ 2021-03-05 10:20 作者名 阅读(1234) 评论(5) 编辑 收藏 举报``,
  ``于 2021-03-05 10:20:11 发布 阅读量1.2w 收藏 12``,
  ``发布于 2021-03-05 10:20・IP 属地北京``, an author card's ``粉丝 3.2万 获赞 1.1万``), harvesting ``published``,
  ``updated`` (编辑于), ``views``, ``likes``, ``region`` and the poster as
  ``author``;
* an account byline printed as two head lines, the account name over a
  dated line of short ``·`` pieces (``科技老李`` / ``2023-11-20 08:15 · 广东 ·
  数码领域创作者``), when a follow button sits just below or the name comes
  back in the author card: the name harvested as ``author``, the date as
  ``published``; in TAIL, that author card's name line and the tagline under it;
* an account name with its follow button and then a bare date right under it in HEAD
  (``小芳的灶腳`` / ``追蹤`` / ``2024.03.21``): the name harvested as ``author``;
* after the body, a headed author card (``关于作者`` / ``林小夏`` / ``一个爱吃的旅人``):
  the heading and up to two short lines under it, the first harvested as
  ``author`` at low confidence (a byline wins);
* button lines (``打赏``, ``赞赏支持``, ``举报/反馈``, ``此分類上一篇``) and
  ``分类专栏：``/``文章标签：``/``個人分類：`` lines (harvested as ``category``/``tags``).

Code-block buttons (``复制代码``, ``登录后复制``) are removed as exact whole
lines anywhere, since they sit inside the body next to the code; a code box's label (``代码``, ``CODE:``) only
right above code.

Never removes: the code itself, an article that mentions a platform
(``在 CSDN 发布文章后…``), a sentence-like line unless it holds a platform
statement phrase of at least eight characters, anything in the body interior
except the exact code-button lines; a line above a dated line when neither a
follow button nor a second copy of it marks it as an account (a headline).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..dates import DATE_TEXT, parse_date
from ..names import parse_count
from ..page import Drop, Finding, Harvest, Page
from ..registry import Detector, register_detector
from ._platform_lexicon import edge_positions, unquoted_keys
from ._shapes import phrase_pattern

QUOTES = "“”\"'‘’「」"
STATEMENTS = (
    "该文观点仅代表作者本人", "本文为澎湃号作者或机构在澎湃新闻上传并发布", "用户上传并发布,本平台仅提供信息存储服务",
    "本平台仅提供信息存储服务", "搜狐号系信息发布平台", "返回搜狐,查看更多", "版权声明:本文为博主原创文章", "版权协议,转载请附上原文出处",
    "本文为博主原创文章,未经博主允许不得转载", "更多精彩内容,就在简书app", "小礼物走一走,来简书关注我", "还没有人赞赏,支持一下",
    "商业转载请联系作者获得授权,非商业转载请注明出处", "自媒体平台网易号用户上传并发布",
)
STATEMENT = phrase_pattern(STATEMENTS)
# The word a forum engine prints over a code box (IPB's div.codetop, Discuz's 代码:), a label only right above code.
CODE_LABELS = frozenset({"代码", "代码:", "代码：", "程序代码", "程序代码:", "code", "code:"})
CODE_BUTTONS = frozenset({"复制代码", "登录后复制", "复制", "copy", "运行代码", "代码如下:"})
BUTTONS = frozenset({
    "打赏", "赞赏支持", "举报/反馈", "举报", "关注", "+关注", "已关注", "赞同", "添加评论", "申请转载", "喜欢", "收藏", "展开阅读全文",
    "优质原创作者", "此分类上一篇", "此分类下一篇", "留言列表", "发表留言", "站方公告", "追踪", "拍手", "刷新评论刷新页面返回顶部",
    "返回顶部", "编辑推荐:", "阅读排行:", "痞客邦",
})
PLATFORM_ACCOUNTS = r"(?:百家号|头条号|网易号|搜狐号|澎湃号|企鹅号|大鱼号|一点号|新浪号|凤凰号|快传号|百家号作者)"
ACCOUNT_LINE = re.compile(rf"^(?:\S{{1,20}}\s+)?{PLATFORM_ACCOUNTS}(?:\s*{DATE_TEXT}|\s*\d{{1,2}}-\d{{1,2}}\s+\d{{1,2}}:\d{{2}})?(?:\s*(?:\+?关注|优质原创作者))?$")
LABELLED = re.compile(r"^(?P<label>分类专栏|文章标签|全站分类|个人分类|标签)\s*[:]\s*(?P<value>.*)$")
LINK = re.compile(r"^本文链接\s*:\s*(?P<url>https?://\S+)$")
LICENCE = re.compile(r"cc\s*(?P<version>\d\.\d)\s*(?P<terms>by(?:-[a-z]{2})*)")
# Pieces a stats line is made of; what is left must be at most one name.
COUNT = r"\d[\d,.]*\s*(?:万|w|k|千)?\+?"
STATS_PIECES = re.compile(
    rf"posted\s*@|(?:发布|发表|编辑)于\s*:?|于(?=\s*{DATE_TEXT})|(?<![\u4e00-\u9fff])发布(?![\u4e00-\u9fff])|{DATE_TEXT}"
    rf"|ip\s*属地\s*[\u4e00-\u9fff]{{2,8}}|(?:阅读量|阅读数|阅读|浏览量|浏览|点赞数|点赞|赞同|赞|收藏|评论|字数|喜欢|粉丝|发文|获赞|关注)\s*[:(]?\s*{COUNT}\)?"
    rf"|{COUNT}\s*(?:次阅读|人阅读|阅读|评论|℃|赞|收藏)|千次阅读|万\+阅读|多人点赞|编辑|收藏|举报|[・·|/]"
)
COUNTER_FIELD = re.compile(rf"(?P<label>阅读量|阅读数|阅读|浏览量|浏览|点赞数|点赞|赞同)\s*[:(]?\s*(?P<count>{COUNT})|(?P<count2>{COUNT})\s*(?P<label2>℃|次阅读|人阅读)")
# No leading ``\s*:?\s*``: it split a run of spaces in every way from every start (cubic).
DATED = re.compile(rf"(?:(?P<kind>posted\s*@|发布于|发表于|编辑于|于)\s*)?(?::\s*)?(?P<date>{DATE_TEXT})")
REGION = re.compile(r"ip\s*属地\s*(?P<place>[\u4e00-\u9fff]{2,8})")
ANCHORS = re.compile(
    r"posted\s*@|(?:发布|发表|编辑)于|(?<![\u4e00-\u9fff])发布(?![\u4e00-\u9fff])|阅读|浏览|点赞|赞同|℃|字数|粉丝|发文|获赞"
    r"|^赞(?=\s*\d)"
)
MAX_STATS_VLEN = 80
# ``2023-11-20 08:15 · 广东 · 数码领域创作者``: a date, then one to three short pieces (region, tagline).
DATED_PIECES = re.compile(rf"^{DATE_TEXT}(?:\s*[·・|]\s*[^\s·・|,.;!?:，。；！？：]{{1,12}}){{1,3}}$")
ACCOUNT_NAME = re.compile(r"^[^\W_]{2,16}$")
BARE_DATE = re.compile(rf"^{DATE_TEXT}$")
FOLLOW_BUTTONS = frozenset({"关注", "+关注", "已关注", "追踪", "订阅", "+订阅"})
MAX_TAGLINE_VLEN = 16
CARD_HEADINGS = frozenset({"创作者介绍", "作者介绍", "关于作者", "博主简介", "博主介绍", "关于博主", "作者简介", "作者信息"})
CARD_LINES = 2  # the name and a tagline or blog name


@register_detector
class SelfMedia(Detector):
    """Self-media and blog platform frames: statements, bylines, stats, buttons (C17)."""

    name = "self_media"
    family = "C17"
    order = 28

    def detect(self, page: Page) -> Iterable[Finding]:
        keys = unquoted_keys(page, QUOTES)
        rules: dict[int, tuple[str, str]] = {**self._account_byline(page, keys), **self._author_card(page, keys)}
        account = dict(rules)
        name_at = next((i for i, (rule, _) in account.items() if rule == "C17.account"), 0)
        if name_at:  # the line over the account name is where the headline sits, whatever its commas
            yield Harvest("_headline_over_byline", page.blocks[name_at - 1].index, "C17.account", "", 1.0)

        def classify(i: int) -> bool:
            if i in account:
                return True
            rule = self._edge_rule(page, i, keys[i])
            if rule:
                rules[i] = rule
            return rule is not None

        edges = edge_positions(page, classify)
        for i, block in enumerate(page.blocks):
            if i in edges:
                rule, reason = rules[i]
                yield from self._harvest(rule, page.shadow(block), block.text)
                yield Drop(block, rule, reason)
            elif keys[i] in CODE_BUTTONS and block.kind != "code":
                yield Drop(block, "C17.code_button", "code-block button label")
            elif keys[i] in CODE_LABELS and block.kind != "code" and i + 1 < len(page.blocks) \
                    and page.blocks[i + 1].kind == "code":
                yield Drop(block, "C17.code_button", "label of the code box below it")

    @staticmethod
    def _account_byline(page: Page, keys: list[str]) -> dict[int, tuple[str, str]]:
        """Positions of an account-name line over a dated ``·`` line in HEAD, and of its author card in TAIL;
        or of an account name with its follow button and then the date right under it
        (``小芳的灶腳`` / ``追蹤`` / ``2024.03.21``)."""
        for i in range(2, min(page.first_body, len(page.blocks) - 1)):
            if keys[i] in FOLLOW_BUTTONS and ACCOUNT_NAME.match(keys[i - 1]) and keys[i - 1] not in BUTTONS \
                    and BARE_DATE.match(page.shadow(page.blocks[i + 1]).strip()):
                return {i - 1: ("C17.account", "self-media account name"), i: ("C17.button", "follow button")}
        for i in range(1, min(page.first_body, len(page.blocks))):
            if not (DATED_PIECES.match(page.shadow(page.blocks[i]).strip()) and ACCOUNT_NAME.match(keys[i - 1])):
                continue
            copies = [j for j, key in enumerate(keys) if key == keys[i - 1] and j != i - 1]
            if not copies and not FOLLOW_BUTTONS.intersection(keys[i + 1:i + 3]):
                return {}  # a headline over its date line, not an account
            found = {i - 1: ("C17.account", "self-media account name"), i: ("C17.byline", "self-media account byline")}
            for j in copies:
                if page.in_tail(j):
                    found[j] = ("C17.author_card", "author card: account name")
                    tagline = page.features(page.blocks[j + 1]) if j + 1 < len(page.blocks) else None
                    if tagline and tagline.vlen <= MAX_TAGLINE_VLEN and not tagline.sentence_like and keys[j + 1] not in BUTTONS:
                        found[j + 1] = ("C17.author_card", "author card: account tagline")
            return found
        return {}

    @staticmethod
    def _author_card(page: Page, keys: list[str]) -> dict[int, tuple[str, str]]:
        """A headed author card in TAIL (``关于作者`` / ``林小夏`` / ``一个爱吃的旅人``): the heading and two short lines."""
        for i in range(max(page.last_body + 1, 0), len(page.blocks)):
            if keys[i] not in CARD_HEADINGS:
                continue
            found = {i: ("C17.author_card", "author card heading")}
            for j in range(i + 1, min(i + 1 + CARD_LINES, len(page.blocks))):
                feats = page.features(page.blocks[j])
                if feats.vlen > MAX_TAGLINE_VLEN or feats.sentence_like or keys[j] in BUTTONS:
                    break
                first = j == i + 1 and ACCOUNT_NAME.match(keys[j])
                found[j] = ("C17.card_name", "author card: name") if first else ("C17.author_card", "author card line")
            return found
        return {}

    def _edge_rule(self, page: Page, i: int, key: str) -> tuple[str, str] | None:
        block = page.blocks[i]
        feats = page.features(block)
        shadow = page.shadow(block).strip()
        if STATEMENT.search(key):
            return "C17.statement", "platform statement"
        if LINK.match(shadow):
            return "C17.link", "permalink line"
        if feats.sentence_like:
            return None
        if key in BUTTONS or key in CODE_BUTTONS:
            return "C17.button", "platform button"
        if ACCOUNT_LINE.match(shadow):
            return "C17.byline", "platform account byline"
        if LABELLED.match(shadow) and feats.vlen <= 60:
            return "C17.labels", "platform category or tag line"
        if feats.vlen <= MAX_STATS_VLEN and self._is_stats(shadow):
            return "C17.stats", "article statistics line"
        return None

    @staticmethod
    def _is_stats(shadow: str) -> bool:
        if not ANCHORS.search(shadow) or not any(ch.isdigit() for ch in shadow):  # stats always carry numbers
            return False
        rest = [word for word in STATS_PIECES.sub(" ", shadow).split() if not re.fullmatch(r"[\d.,:]+", word)]
        # Only a 博客园-style ``posted @`` line names its poster among the stats; elsewhere a leftover
        # word is a label this detector does not know (``更新时间:``), so the line is C03's.
        if shadow.lstrip().startswith("posted"):
            return len(rest) <= 1 and all(len(word) <= 20 for word in rest)
        return not rest

    @staticmethod
    def _harvest(rule: str, shadow: str, text: str) -> Iterable[Finding]:
        if rule == "C17.statement" and (licence := LICENCE.search(shadow)):
            yield Harvest("licence", f"CC {licence['version']} {licence['terms'].upper()}", rule, text, 0.8)
        elif rule == "C17.link" and (link := LINK.match(shadow)):
            yield Harvest("canonical_url", text[link.start("url"):link.end("url")], rule, text, 0.6)
        elif rule == "C17.labels" and (labelled := LABELLED.match(shadow.strip())):
            value = text[labelled.start("value"):labelled.end("value")].strip()
            if labelled["label"] in ("文章标签", "标签"):
                tags = [t for t in re.split(r"[\s,，、;；|#]+", value) if t]
                yield Harvest("tags", tags, rule, text, 0.6, append=True)
            elif value:
                yield Harvest("category", value.split()[0], rule, text, 0.6)
        elif rule in ("C17.stats", "C17.byline"):
            yield from _stats_fields(rule, shadow, text)
        elif rule == "C17.card_name":
            yield Harvest("author", text.strip(), rule, text, 0.5)
        elif rule == "C17.account":
            yield Harvest("author", text.strip(), rule, text, 0.7)
            yield Harvest("authors", [text.strip()], rule, text, 0.7)


def _stats_fields(rule: str, shadow: str, text: str) -> Iterable[Finding]:
    for dated in DATED.finditer(shadow):
        iso = parse_date(dated["date"])
        if iso:
            field = "updated" if dated["kind"] == "编辑于" else "published"
            yield Harvest(field, iso, rule, text, 0.8)
    for counter in COUNTER_FIELD.finditer(shadow):
        label = counter["label"] or counter["label2"]
        parsed = parse_count(counter["count"] or counter["count2"])
        if parsed:
            field = "likes" if label in ("点赞数", "点赞", "赞同") else "views"
            yield Harvest(field, parsed[0], rule, text, 0.5 if label == "℃" else 0.7)
    if region := REGION.search(shadow):
        yield Harvest("region", text[region.start("place"):region.end("place")], rule, text, 0.7)
    if shadow.lstrip().startswith("posted"):
        rest = STATS_PIECES.sub(" ", shadow).split()
        if rest:
            start = shadow.find(rest[0])
            author = text[start:start + len(rest[0])]
            yield Harvest("author", author, rule, text, 0.8)
            yield Harvest("authors", [author], rule, text, 0.8)
