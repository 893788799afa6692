"""C10 copyright lines, reproduction bans and platform disclaimers.

Removes copyright notices (``Copyright ©2015 X``, ``© 1997-2020 网易公司版权所有``,
``版權所有 翻印必究``) at the page edges, and fixed disclaimer phrases
(``未经授权禁止转载``, ``仅代表作者本人``, ``仅提供信息存储空间服务``,
``如有侵权请联系删除``, ``市场有风险，投资需谨慎``) after the body, or as a short line of a thread's post. Harvests
``copyright`` (the notice as printed) and, as a fallback for ``publisher``,
the copyright holder.

Never removes: an article about copyright law (``被告未经授权转载原告享有著作权的
作品，构成侵权。``, ``…获得版权所有者的许可。``) or about risk (``业内人士提醒，投资需
谨慎。``), legal enumerations such as ``501(c)(3)``. A copyright word inside a body
sentence is never enough.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..page import Drop, Finding, Harvest, Page
from ..registry import Detector, register_detector
from ..shadow import fold
from ._footer import COMPANY, COPYRIGHT, DISCLAIMERS, DOMAIN, YEAR, filings_in
from ._shapes import tail_start

HOLDER_NOISE = re.compile(
    r"copyright|all\s*rights\s*reserved\.?|版[权權]所有|著作[权權]所有|保留所有[权權]利|翻印必究|©|\(c\)|（c）|@|"
    r"(?:19|20)\d{2}\s*(?:[-–—~～至]\s*(?:19|20)\d{2})?\s*年?|[:：,，.。|丨]",
    re.IGNORECASE,
)
MAX_HOLDER = 40
# What follows the holder on a footer line: a contact or filing label ends it.
HOLDER_END = re.compile(r"(?:地址|通讯地址|电话|联系电话|邮编|传真|邮箱|e-?mail|技术支持|主办|承办|备案|icp|公网安备|网站标识码)",
                        re.IGNORECASE)
NOT_A_HOLDER = re.compile(r"未经|禁止|授权|转载|使用|保留|侵权|[路街号楼室]\d|\d号")
# A labelled statement after the article: ``声明：本文仅代表…``, ``免责声明：…``, ``【特别声明】…``, ``著作权声明：…``.
MAX_BODY_NOTICE = 40  # a copyright notice inside the body is a short line of its own
# The site's own statements (old portals print several: 著作权声明, 传输内容声明); a party's statement quoted at
# the end of an article (外交部声明：…, 联合声明：…) is not one of them.
# A bullet (※, ·) may open it, and the site may name itself before the kind (・华经网版权及免责声明：).
STATEMENT = re.compile(r"^\s*(?:[※·・•*]\s*)?(?:[\[【(]\s*)?(?:\S{1,10}?(?:版权|著作权)?(?:及|和|与)?(?=免责|版权|著作权|郑重|特别))?"
                       r"(?:(?:特别|免责|郑重|版权|著作权|转载|传输内容|网站|本站|本网|使用|法律|风险|平台|隐私)?声明"
                       r"|风险提示|风险揭示|免责条款)"
                       r"\s*(?:[\]】)]\s*[:︰﹕]?|[:︰﹕])\s*(?:\S|$)")  # a heading over its clauses ends on the colon


def copyright_holder(text: str) -> str | None:
    """The company or site next to the copyright words; an address, a label's value or a ban is not one."""
    end = HOLDER_END.search(fold(text))  # on the shadow: 電話 and 電话 end it too
    cleaned = HOLDER_NOISE.sub(" ", text[:end.start()] if end else text)
    candidates = [t for t in cleaned.split() if re.search(r"[\u4e00-\u9fff]", t) and len(t) <= MAX_HOLDER
                  and not NOT_A_HOLDER.search(t)]
    candidates = [t for t in candidates if not filings_in(t.lower())]
    return max(candidates, key=len) if candidates else None


@register_detector
class Copyright(Detector):
    """Copyright notices and disclaimers at the page edges (C10); harvests copyright, publisher."""

    name = "copyright"
    family = "C10"
    order = 140

    def detect(self, page: Page) -> Iterable[Finding]:
        tail = tail_start(page, lambda shadow: bool(DISCLAIMERS.search(shadow) or COPYRIGHT.search(shadow)
                                                    or STATEMENT.match(shadow)))
        for position, block in enumerate(page.blocks):
            shadow = page.shadow(block)
            feats = page.features(block)
            edge = page.in_head(position) or position >= tail
            # The cheap position and length tests go first: most lines are long body lines in the middle.
            if (edge or feats.vlen <= MAX_BODY_NOTICE) and COPYRIGHT.search(shadow) \
                    and self._is_notice(shadow, feats.sentence_like, edge, feats.vlen):
                yield Drop(block, "C10.copyright", "copyright notice")
                yield Harvest("copyright", block.text.strip(), "C10.copyright", block.text, 0.8)
                holder = copyright_holder(block.text)
                if holder:
                    yield Harvest("publisher", holder, "C10.holder", block.text, 0.5)
                    yield Harvest("site_name", holder, "C10.holder", block.text, 0.3)
            elif position >= tail and feats.vlen <= 300 and STATEMENT.match(shadow):  # labelled: whatever it says
                yield Drop(block, "C10.statement", "labelled site statement after the article (声明：…)")
            elif (position >= tail or (page.in_head(position) and feats.vlen <= 60)
                  or (block.index in page.hints.post_text and feats.vlen <= MAX_BODY_NOTICE)) and DISCLAIMERS.search(shadow):
                # a thread's posts are body to its end: the site's line in a post (这是一个来自…的帖子，转载请注明出处)
                # is known by its shortness
                yield Drop(block, "C10.disclaimer", "reproduction ban / platform disclaimer")

    @staticmethod
    def _is_notice(shadow: str, sentence_like: bool, edge: bool, vlen: int) -> bool:
        evidence = bool(YEAR.search(shadow) or COMPANY.search(shadow) or DOMAIN.search(shadow) or filings_in(shadow))
        if edge:
            return not sentence_like or (evidence and vlen <= 120)
        return vlen <= MAX_BODY_NOTICE and evidence and bool(re.match(r"\s*(?:copyright|©|\(c\)|版权所有)", shadow))
