"""What kind of page this is, and how sure the content choice is: read from the same signals.

``page_type`` is one of:

- ``forum_thread``: the page repeats a post structure (:mod:`cleanpage.segment.posts`) at least
  twice; every post is body;
- ``error_or_login``: little visible text, and what there is asks to log in or says the page is
  missing or forbidden; or nothing was kept and a short notice apologises, refuses or says the page is
  gone (抱歉，本帖要求阅读权限高于 10 才能浏览): that notice is the page's body;
- ``list``: an index of other pages: what was kept lies mostly in the items of a list of other pages (each item
  led by a title linked to its page: :mod:`cleanpage.segment.listing`; its excerpts are the list's, and the body is
  empty), or what was kept is mostly link text, or the page has many link items and no block of prose. When, besides, at most ``INDEX_KEPT_BLOCKS`` block besides headings and link items
  was chosen (a category's one-line description), the page has no article (``index_only``) and its body is empty, as
  the gold conventions have it for a forum's thread list; otherwise what was chosen stays, with a
  warning: it may be a misread article with many links, or a thread whose posts were not recognised;
- ``doc_preview``: a document-sharing page's preview (page counts with download and preview
  words);
- ``article``: prose was found and kept;
- ``other``: none of these.

``confidence`` (0-1) is the text-weighted mean margin of the scorer's decisions (a block scored
near zero is a coin toss), lowered when the choice has a known weak shape. Each weak shape is a
warning, so a doubtful page never passes silently:

- one giant block holds most of the kept text (a layout blob, or a page glued into one line);
- the kept text is mostly link text;
- the kept text is far smaller than the page's densest prose region;
- almost nothing was kept from a page that has text (or nothing, however little text it has);
- the scorer's choice missed the densest prose region, which was kept by the rescue.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .listing import in_listed_item, listed_items
from .page_blocks import PageBlock
from .scorer import Decision
from .signals import PageContext

ERROR_OR_LOGIN = re.compile(
    r"登录|登陆|登入|注册|密码|验证码|404|403|找不到|不存在|已删除|已被删除|无权|没有权限|权限不足|阅读权限|出错|错误|"
    r"登錄|註冊|密碼|權限|"
    r"\b(?:log ?in|sign ?in|not found|forbidden|access denied|error|page unavailable)\b", re.IGNORECASE)
# What an error or login page says to its reader: an apology, a refusal, a missing page. Stronger than the words
# above, which also label the login links in a header.
NOTICE = re.compile(
    r"抱歉|对不起|對不起|很遗憾|很遺憾|无权(?:访问|查看|浏览|阅读)|無權(?:訪問|查看|瀏覽|閱讀)|没有权限|沒有權限|权限不足|權限不足|"
    r"阅读权限|閱讀權限|请先登录|請先登錄|請先登入|(?:登录|登錄|登入)(?:后|後).{0,4}(?:浏览|瀏覽|查看|访问|訪問|阅读|閱讀|继续|繼續)|"
    r"不存在|已被删除|已被刪除|已删除|已刪除|找不到|未找到|"
    r"\b(?:sorry|not found|access denied|forbidden|(?:log|sign) in to (?:view|see|continue|read)|"
    r"(?:does not|doesn't|no longer) exists?)\b", re.IGNORECASE)
# A notice that a reader's comment or a reply is gone (该评论已被删除, 此留言已被原作者刪除) speaks of one item on the page,
# not of the page.
ITEM_GONE = re.compile(r"(?:评论|評論|留言|回复|回覆|回應|跟帖|楼层|樓層|comment|reply)\S{0,6}(?:已被|已经被|已經被|已)\S{0,8}"
                       r"(?:删除|刪除|屏蔽|隐藏|隱藏)|\b(?:comment|reply) (?:has been|was) (?:deleted|removed)\b", re.IGNORECASE)
NOTICE_MAX_CHARS = 200
NOTICE_PAGE_PROSE = 90  # kept prose (CJK-character units) beyond which a page is no error or login page
DOC_PREVIEW = re.compile(r"(?:下载|下載|预览|預覽|download)", re.IGNORECASE)
DOC_PAGES = re.compile(r"(?:共\s*\d+\s*页|\d+\s*页\s*[/／]|第\s*\d+\s*页\s*[/／]\s*共|\bpages?\s*\d+)", re.IGNORECASE)
ERROR_MAX_WEIGHT = 400  # an error or login page prints at most this much text (in CJK-character units)
MIN_KEPT_WEIGHT = 30
LIST_LINK_SHARE = 0.5
LIST_MIN_LINK_BLOCKS = 15
PROSE_QUALITY = 0.6
GIANT_SHARE = 0.8
GIANT_WEIGHT = 1500
REGION_SHORTFALL = 0.4
MARGIN_SCALE = 2.0
INDEX_KEPT_BLOCKS = 1
LINK_ITEM = 0.7  # link density of a block that is a link item
LABEL_LINE = re.compile(r"^[^:：\s][^:：]{0,11}[:：]")  # a short line opening on its label (消息数: 113)
LABEL_LINE_MAX = 60
LISTED_SHARE = 0.6  # of the text chosen inside a list's items: the page is the list
LISTED_ARTICLE_MAX = 150  # prose chosen outside the list (CJK-character units) that is an article of its own
LISTED_PARAGRAPHS_MIN = 60  # or in two paragraphs at least: a short article over a feed (a board's notice is one)


@dataclass
class Verdict:
    page_type: str
    confidence: float
    evidence: str
    warnings: list[str] = field(default_factory=list)
    notice: list[int] = field(default_factory=list)
    """Blocks of an error or login page that say what went wrong: the page's body."""
    index_only: bool = False
    """A list page without one block of prose: nothing on it is an article."""


def classify(page: PageContext, decisions: Sequence[Decision], posts: int = 0, *, declared_article: bool = False) -> Verdict:
    """The page's type and the content choice's confidence; ``declared_article``: the page says it is one article
    (its tags), so a list of links in it is the article's."""
    blocks = page.blocks
    weights = [block.weight for block in blocks]
    text_weight: float = sum(weights)
    total = text_weight or 1.0
    kept = [i for i, decision in enumerate(decisions) if decision.keep and blocks[i].kind != "image"]
    kept_weight = sum(weights[i] for i in kept)
    kept_chars = sum(blocks[i].chars for i in kept) or 1
    kept_links = sum(blocks[i].link_chars for i in kept) / kept_chars
    margin = sum(weights[i] * min(abs(d.score) / MARGIN_SCALE, 1.0) for i, d in enumerate(decisions)) / total
    confidence = margin
    warnings: list[str] = []
    if kept and kept_weight >= GIANT_WEIGHT:
        giant = max(kept, key=lambda i: weights[i])
        if weights[giant] >= GIANT_SHARE * kept_weight:
            warnings.append(f"one block holds {weights[giant] / kept_weight:.0%} of the kept text "
                            f"({blocks[giant].chars} characters): the page's structure may be lost")
            confidence *= 0.6
    if kept and kept_links > LIST_LINK_SHARE:
        warnings.append(f"the kept text is {kept_links:.0%} link text")
        confidence *= 0.6
    rescued = sum(1 for d in decisions if d.rescued)
    if rescued:
        warnings.append(f"the extractors missed most of the densest prose region; kept its {rescued} prose block(s)")
        confidence *= 0.7
    region = _region_weight(decisions, weights)
    if region and kept_weight < REGION_SHORTFALL * region:
        warnings.append(f"kept {kept_weight:.0f} units of text, far less than the densest region's {region:.0f}")
        confidence *= 0.6
    if kept_weight < MIN_KEPT_WEIGHT and total >= 4 * MIN_KEPT_WEIGHT:
        warnings.append("almost nothing of the page was kept as main content")
        confidence *= 0.5
    elif not kept and text_weight:  # a small page that comes out empty says so too
        warnings.append(f"nothing of the page's text ({text_weight:.0f} units) was kept as main content")
        confidence *= 0.5
    # the notice is the body only when hardly any other prose was kept (a news comment may say 不存在 too;
    # a footer line or two may be kept beside a notice): the page's blocks are only scanned then
    kept_prose = sum(weights[i] for i in kept if blocks[i].prose > 0 and not _is_notice(blocks[i]))
    notice = _notice(blocks) if posts < 2 and kept_prose < NOTICE_PAGE_PROSE else []
    listed = _listed(page, kept) if posts < 2 and not notice and not declared_article else None
    if notice:
        page_type, evidence = "error_or_login", f"no article, and a notice: {blocks[notice[0]].text[:40]!r}"
    elif listed:
        page_type, evidence = "list", listed
    else:
        page_type, evidence = _page_type(blocks, kept, kept_weight, kept_links, total, posts)
    if confidence < 0.5:
        warnings.append(f"low confidence in the content choice ({confidence:.2f})")
    return Verdict(page_type, max(0.0, min(confidence, 1.0)), evidence, warnings, notice,
                   index_only=page_type == "list" and (bool(listed) or _index_only(blocks, kept)))


def _listed(page: PageContext, kept: list[int]) -> str | None:
    """What says the text chosen is a list's: at least ``LISTED_SHARE`` of it inside the items of listings (titles
    linked to other pages, their excerpts and meta: :mod:`cleanpage.segment.listing`), and less than
    ``LISTED_ARTICLE_MAX`` of prose chosen outside them, or than ``LISTED_PARAGRAPHS_MIN`` in two paragraphs (an
    article with a feed of teasers under it keeps its article; a board's one-paragraph notice is the list's)."""
    blocks = page.blocks
    kept_weight = sum(blocks[i].weight for i in kept)
    if not kept_weight:
        return None
    items = listed_items(page.tree)
    if not items:
        return None
    inside = [i for i in kept if in_listed_item(blocks[i].element, items)]
    share = sum(blocks[i].weight for i in inside) / kept_weight
    outside = [blocks[i].weight for i in kept if i not in inside and blocks[i].kind != "heading" and blocks[i].prose > 0]
    if share < LISTED_SHARE or sum(outside) >= LISTED_ARTICLE_MAX or (
            len(outside) >= 2 and sum(outside) >= LISTED_PARAGRAPHS_MIN):
        return None
    return f"{share:.0%} of the text chosen is in {len(items)} list items led by links to other pages"


def _notice(blocks: Sequence[PageBlock]) -> list[int]:
    """The short non-link blocks that apologise, refuse or say the page is gone, when nothing else was kept."""
    return [i for i, block in enumerate(blocks) if _is_notice(block)]


def _is_notice(block: PageBlock) -> bool:
    return (block.kind != "image" and 0 < block.chars <= NOTICE_MAX_CHARS and block.link_density < 0.5
            and NOTICE.search(block.text) is not None and ITEM_GONE.search(block.text) is None)


def _index_only(blocks: Sequence[PageBlock], kept: list[int]) -> bool:
    """Whether a list page has no article at all: no block of prose anywhere, and besides headings, link items and
    short label lines (an archive's ``消息数: 113``, ``起始: <date>``) at most ``INDEX_KEPT_BLOCKS`` block was chosen."""
    chosen = sum(1 for i in kept if blocks[i].kind != "heading" and blocks[i].link_density <= LINK_ITEM
                 and not (len(blocks[i].text) < LABEL_LINE_MAX and LABEL_LINE.match(blocks[i].text)))
    return chosen <= INDEX_KEPT_BLOCKS and not any(block.prose >= PROSE_QUALITY for block in blocks)


def _region_weight(decisions: Sequence[Decision], weights: Sequence[float]) -> float:
    """The text inside the densest prose container that the text signal rates as prose."""
    return sum(weights[i] for i, d in enumerate(decisions)
               if d.votes.get("region", 0) > 0 and d.votes.get("text", 0) > 0.5)


def _page_type(blocks: Sequence[PageBlock], kept: list[int], kept_weight: float, kept_links: float, total: float,
               posts: int) -> tuple[str, str]:
    if posts >= 2:
        return "forum_thread", f"{posts} posts of one repeated structure"
    page_text = " ".join(block.text for block in blocks)
    kept_text = " ".join(blocks[i].text for i in kept)
    prose = [block for block in blocks if block.prose >= PROSE_QUALITY]
    # login links sit in many headers: only the kept text of a page without an article counts
    if total <= ERROR_MAX_WEIGHT and len(prose) <= 1 and ERROR_OR_LOGIN.search(kept_text or page_text):
        return "error_or_login", f"{total:.0f} units of text, with login/error words"
    link_items = sum(1 for block in blocks if block.link_density > LINK_ITEM)
    if kept and kept_links > LIST_LINK_SHARE:
        return "list", f"kept text is {kept_links:.0%} link text"
    if not prose and link_items >= LIST_MIN_LINK_BLOCKS:
        return "list", f"{link_items} link items and no prose block"
    # the count of prose first: the page-count pattern has no literal to skip ahead to, and scans the whole page
    if len(prose) <= 3 and DOC_PAGES.search(page_text) and DOC_PREVIEW.search(page_text):
        return "doc_preview", "page counts with download/preview words and little prose"
    if kept_weight >= MIN_KEPT_WEIGHT and any(blocks[i].prose > 0 for i in kept):
        return "article", f"{len(prose)} prose blocks"
    return "other", "no prose, no list, no posts"
