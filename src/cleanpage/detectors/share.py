"""C08 share bars and app promotion, at the page's edges.

Removes, above and below the article only (the §2.5 edge peel): share strips
(``分享到： 微信 微博 QQ空间``, ``分享至 Facebook LINE 複製連結``, share
counters ``分享 5,874``), a vertical list of three or more share targets
(``微信`` / ``微博`` / ``QQ空间``), QR prompts (``扫一扫在手机打开当前页``),
app promotion (``打开APP，阅读体验更好``, ``下載 App``) and follow prompts
(``关注我们``, ``點我加入 LINE 好友``). A share counter is harvested as
``shares``.

Never removes: a sentence-like line (``欢迎大家在评论区分享自己的经验。``,
``他在微博上发文称…``), anything inside the body, a line over 40 characters.
WeChat's own frame is C15 (``wechat``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..lexicon import SHARE_PLATFORMS
from ..names import parse_count
from ..page import Drop, Finding, Harvest, Page
from ..registry import Detector, register_detector
from ._platform_lexicon import ICON, edge_positions, whole
from ._shapes import tokens

MAX_VLEN = 40
ACTIONS = frozenset({"分享", "分享到", "分享至", "分享给", "一键分享", "收藏", "扫一扫", "复制链接", "复制网址", "复制连结", "转寄", "转发",
                     "好友"})
ANCHORS = re.compile(r"分享|扫一扫|复制链接|复制网址|复制连结|转寄")
# Characters a share token may carry besides lexicon words: counts, close buttons, connectors.
FILLER = re.compile(r"[\d,.+×:\-和与]|\s")
SHARE_COUNT = re.compile(r"^(?:分享[:\s]*(?P<after>\d[\d,.]*(?:万|w|k)?)|(?P<before>\d[\d,.]*(?:万|w|k)?)\s*分享)$")
QR = re.compile(r"扫一扫.{0,6}(?:手机|打开|阅读|浏览)|扫(?:码|描)?二维码|二维码(?:分享|阅读|下载)|手机扫码|扫描qrcode|用手机扫描")
APP = re.compile(r"(?:打开|下载|安装|前往|进入|打开看).{0,10}(?:app|客户端)|(?:app|客户端)(?:内打开|专享|下载|阅读|看更多)|尽在.{1,12}app|立即下载")
FOLLOW = re.compile(r"关注我们|扫一扫关注|扫码关注|二维码关注|加入.{0,6}好友|追踪我们|加入粉丝团|关注(?:官方)?(?:微信|微博|抖音|账号|公众号)")
SHARE_RATIO = 0.7
SHARE_WORDS = sorted(SHARE_PLATFORMS | ACTIONS, key=len, reverse=True)


def _is_share_token(token: str) -> bool:
    rest = token
    for word in SHARE_WORDS:
        rest = rest.replace(word, "")
    return not FILLER.sub("", rest)


def _is_share_strip(line: str) -> bool:
    toks = [t.strip(":") for t in tokens(line)]
    toks = [t for t in toks if t]
    if not toks:
        return False
    platforms = sum(1 for t in toks if t in SHARE_PLATFORMS)
    if not (ANCHORS.search(line) or platforms >= 2):
        return False
    share = [t for t in toks if _is_share_token(t)]
    return len(share) / len(toks) >= SHARE_RATIO


def _platform_runs(lines: list[str]) -> set[int]:
    """Positions of runs of at least three consecutive lines that are each one share target."""
    found: set[int] = set()
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and lines[end] in SHARE_PLATFORMS:
            end += 1
        if end - start >= 3:
            found.update(range(start, end))
        start = max(end, start + 1)
    return found


@register_detector
class ShareBars(Detector):
    """Share strips, QR and app prompts, follow prompts at the page's edges (C08)."""

    name = "share"
    family = "C08"
    order = 150

    def detect(self, page: Page) -> Iterable[Finding]:
        lines = [whole(page, i) for i in range(len(page.blocks))]
        runs = _platform_runs(lines)
        rules: dict[int, tuple[str, str]] = {}

        def classify(i: int) -> bool:
            rule = self._rule(page, i, lines[i], i in runs)
            if rule:
                rules[i] = rule
            return rule is not None

        for i in sorted(edge_positions(page, classify)):
            block = page.blocks[i]
            rule, reason = rules[i]
            yield Drop(block, rule, reason)
            count = SHARE_COUNT.match(ICON.sub("", page.shadow(block)).strip())
            parsed = parse_count(count["after"] or count["before"]) if count else None
            if parsed:
                yield Harvest("shares", parsed[0], rule, block.text, 0.7)

    @staticmethod
    def _rule(page: Page, i: int, line: str, in_run: bool) -> tuple[str, str] | None:
        feats = page.features(page.blocks[i])
        if feats.sentence_like or not line or feats.vlen > MAX_VLEN:
            return None
        if in_run:
            return "C08.platform_list", "vertical list of share targets"
        if _is_share_strip(ICON.sub(" ", page.shadow(page.blocks[i]))):
            return "C08.share_strip", "share buttons and counters"
        if QR.search(line):
            return "C08.qr", "QR-code prompt"
        if APP.search(line):
            return "C08.app", "app download or open-in-app prompt"
        if FOLLOW.search(line):
            return "C08.follow", "follow-us prompt"
        return None
