"""C19 ads, SEO keyword farms, tag clouds and sponsored link rows.

Removes:

* keyword farms anywhere (the shape is safe): a line of at least 150 visible
  characters, at most one sentence punctuation mark, at least 15 tokens of 2-8
  characters on average, and either a fifth of its tokens ending in
  ``全文阅读``/``txt下载``/``在线观看``/… or a spam-lexicon density of 5 %;
* SEO sentences anywhere by exact phrase (``本文主要内容关键词为:…``,
  ``此文献不代表本站观点``);
* anywhere: the marker a news site prints above an ad slot (``請繼續往下閱讀...``) and a short line of links asking
  the reader to get the site's app (``現在用APP看新聞　點我下載APP``);
* in the page's edges only: ad labels alone on a line (``广告``, ``廣告``,
  ``商业推广``), tag-cloud and hot-search lines (``热门标签``,
  ``热门搜索：…``, ``热搜榜``), sponsored rows (``热门点卡:问道　Q币…``,
  ``★★★丰胸-（图）★★★``).

Harvests nothing: the meta lines of spam re-hosts are not the article's facts.

Never removes: a list of names separated by ``、`` (``获奖名单：张三、李四、…``:
its punctuation makes it text), a paper's ``关键词：`` line, text about
advertising or SEO, product listings that are the page's subject.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..document import Block
from ..page import Drop, Finding, Page
from ..registry import Detector, register_detector
from ._platform_lexicon import edge_positions, whole
from ._shapes import linked_chars, tokens

FARM_MIN_VLEN = 150
FARM_MIN_TOKENS = 15
FARM_SUFFIXES = ("全文阅读", "txt下载", "下载", "小说", "在线观看", "电影", "高清", "免费阅读", "最新章节", "在线阅读")
FARM_SUFFIX_SHARE = 0.2
SPAM_WORDS = ("娱乐", "彩票", "博彩", "赌场", "百家乐", "六合彩", "时时彩", "老虎机", "棋牌", "真人", "成人", "色情", "约炮",
              "代孕", "发票", "私服", "外挂", "丰胸", "壮阳", "补肾", "减肥", "网赚", "兼职", "贷款")
# Latin spam words count as whole tokens only: "av" is inside "have", "travel" and "Avenida".
LATIN_SPAM_WORDS = frozenset({"av"})
SPAM_SHARE = 0.05
SEO_PHRASES = ("本文主要内容关键词为", "此文献不代表本站观点", "内容供学术参考,文章仅供参考阅读下载", "本站提供全文免费在线阅读下载")
AD_LABELS = frozenset({"广告", "推广", "赞助", "ad", "商业推广", "合作推广", "赞助商", "广告位", "点击进入", "立即咨询", "免费领取",
                       "限时特惠", "广告招租", "赞助内容"})
# English labels of an ad slot, safe as whole lines anywhere in a Chinese page (ad slots sit between paragraphs
# too); a Chinese 广告 line inside the body may be a subheading of an article about advertising.
SLOT_LABELS = frozenset({"advertisement", "sponsored", "sponsoredcontent", "sponsoredlinks"})
TAG_CLOUD = re.compile(r"^(?:热门标签|热门tags|查看更多tags|标签列表|热搜榜|热门搜索|热搜词|相关搜索|大家都在搜)(?::.*)?$")
SPONSORED = re.compile(r"^(?:热门产品|热门点卡|车险|游戏充值|热门游戏|推荐产品)\s*:|★.{0,30}\(图\)|\(图\).{0,30}★")
MAX_EDGE_VLEN = 80
# The line a news site prints above an ad slot inside the article (請繼續往下閱讀...), on the whole-line key.
READ_ON_MARKERS = frozenset({"请继续往下阅读", "继续往下阅读", "请往下继续阅读", "往下继续阅读", "请继续阅读下文", "继续阅读下文",
                             "广告后继续阅读", "请继续阅读"})
MARKER_TRAIL = "….。.·"
# A line of links asking the reader to get the site's app (點我下載APP, 现在用APP看新闻), on the folded line.
APP_PROMO = re.compile(r"(?:下载|打开|安装|用|上)[\u4e00-\u9fff]{0,6}app|app(?:看|内|里|下载|独家|专享)")
APP_PROMO_MAX = 60  # characters: a promo line, not a paragraph about apps
APP_PROMO_LINK_SHARE = 0.5


def _is_keyword_farm(shadow: str, sent_punct: int, vlen: int) -> bool:
    if vlen < FARM_MIN_VLEN or sent_punct > 1:
        return False
    toks = tokens(shadow)
    if len(toks) < FARM_MIN_TOKENS or not 2 <= sum(map(len, toks)) / len(toks) <= 8:
        return False
    suffixed = sum(1 for tok in toks if tok.endswith(FARM_SUFFIXES))
    spam = sum(1 for tok in toks if tok in LATIN_SPAM_WORDS or any(word in tok for word in SPAM_WORDS))
    return suffixed / len(toks) >= FARM_SUFFIX_SHARE or spam / len(toks) >= SPAM_SHARE


def _linked_share(block: Block) -> float:
    """The share of a block's visible characters inside its links (0 for a text dump's line)."""
    shown = len("".join(block.text.split()))
    return linked_chars(block) / shown if shown else 0.0


@register_detector
class Ads(Detector):
    """Keyword farms, SEO sentences, ad labels, tag clouds and sponsored rows (C19)."""

    name = "ads"
    family = "C19"
    order = 155

    def detect(self, page: Page) -> Iterable[Finding]:
        keys = [whole(page, i) for i in range(len(page.blocks))]
        anywhere: dict[int, tuple[str, str]] = {}
        for i, block in enumerate(page.blocks):
            feats = page.features(block)
            if _is_keyword_farm(page.shadow(block), feats.sent_punct, feats.vlen):
                anywhere[i] = ("C19.keyword_farm", "SEO keyword farm")
            elif any(phrase in keys[i] for phrase in SEO_PHRASES):
                anywhere[i] = ("C19.seo_sentence", "SEO keyword sentence")
            elif keys[i].strip("[]【】()") in SLOT_LABELS:
                anywhere[i] = ("C19.ad_label", "ad label")
            elif keys[i].rstrip(MARKER_TRAIL) in READ_ON_MARKERS:
                anywhere[i] = ("C19.read_on", "the marker of an ad slot inside the article (請繼續往下閱讀)")
            elif feats.vlen <= APP_PROMO_MAX and _linked_share(block) >= APP_PROMO_LINK_SHARE \
                    and APP_PROMO.search(page.shadow(block).lower()):
                anywhere[i] = ("C19.app_promo", "links asking the reader to get the site's app")
        rules: dict[int, tuple[str, str]] = {}

        def classify(i: int) -> bool:
            rule = anywhere.get(i) or self._edge_rule(page, i, keys[i])
            if rule:
                rules[i] = rule
            return rule is not None

        edges = edge_positions(page, classify)
        for i, block in enumerate(page.blocks):
            rule = anywhere.get(i) or (rules[i] if i in edges else None)
            if rule:
                yield Drop(block, *rule)

    @staticmethod
    def _edge_rule(page: Page, i: int, key: str) -> tuple[str, str] | None:
        feats = page.features(page.blocks[i])
        if feats.sentence_like or feats.vlen > MAX_EDGE_VLEN:
            return None
        if key.strip("[]【】()") in AD_LABELS:
            return "C19.ad_label", "ad label"
        if TAG_CLOUD.match(key):
            return "C19.tag_cloud", "tag cloud or hot-search list"
        if SPONSORED.search(key):
            return "C19.sponsored", "sponsored link row"
        return None
