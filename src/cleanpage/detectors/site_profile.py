"""Template chrome learned from the page's own site (chrome catalogue §2.4, style E).

Removes blocks whose fingerprint recurs on many distinct pages of the site,
as recorded in the :class:`~cleanpage.profile_model.SiteProfile` passed to
``clean(..., profile=...)``:

* in HEAD or TAIL: a block on at least ``policy.body_share`` of the pages, or
  a block that is not sentence-like, sits on at least ``policy.edge_share`` of
  them and usually at the page edges there;
* inside BODY: only a block on ``policy.body_share`` of the pages that is not
  sentence-like.
 Each removal says how often the block recurs ("recurs on 37 of
40 pages of this site").

It must never touch:

* sentence-like blocks inside BODY, or at the edges of a minority of the
  pages (a column's standing disclaimer or 编者按 is the user's call: they
  keep a site-wide one with ``keep_patterns`` or drop it with ``drop_patterns``);
* blocks that carry metadata (label lines such as ``来源：``, dated lines): the
  meta detectors run earlier and harvest them; what they left is kept;
* blocks matching ``Config.keep_patterns`` (the pipeline enforces this);
* the last sentence-like text of a page: if the profile would take every
  sentence-like block, those are kept and a warning is recorded;
* anything when the profile has fewer than ``policy.min_pages`` distinct pages.

It runs after every other detector so that harvesting comes before removal.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..page import Drop, Finding, Page, Warn
from ..profile_model import ProfileEntry, SiteProfile, fingerprint
from ..registry import Detector, register_detector


@register_detector
class SiteProfileDetector(Detector):
    """Blocks that recur across many pages of the site, per a learned site profile."""

    name = "site_profile"
    family = "E"
    order = 900

    def detect(self, page: Page) -> Iterable[Finding]:
        profile: SiteProfile | None = page.profile
        if profile is None or not page.blocks:
            return []
        if not profile.usable:
            return [Warn(f"profile of {profile.site or 'this site'} has {profile.pages} distinct pages "
                         f"(needs {profile.policy.min_pages}): not used")]
        drops = [drop for i in range(len(page.blocks)) if (drop := self._judge(page, profile, i)) is not None]
        return self._spare_last_sentences(page, drops)

    def _judge(self, page: Page, profile: SiteProfile, i: int) -> Drop | None:
        block = page.blocks[i]
        entry = profile.entries.get(fingerprint(block.text))
        if entry is None or entry.meta:
            return None
        policy = profile.policy
        everywhere = entry.pages >= policy.needed(policy.body_share, profile.pages)
        sentence = page.features(block).sentence_like
        if page.in_edge(i):
            usually_at_edges = 2 * entry.edge >= entry.pages
            often = entry.pages >= policy.needed(policy.edge_share, profile.pages)
            # A sentence on a minority of pages is more likely a column's standing text than site template.
            if everywhere or (often and usually_at_edges and not sentence):
                return Drop(block, "profile.edge", _reason(entry, profile))
            return None
        if everywhere and not sentence:
            return Drop(block, "profile.body", _reason(entry, profile))
        return None

    @staticmethod
    def _spare_last_sentences(page: Page, drops: list[Drop]) -> list[Finding]:
        if not drops:
            return []
        dropped = {id(drop.block) for drop in drops}
        kept_sentences = any(page.features(b).sentence_like for b in page.blocks if id(b) not in dropped)
        if kept_sentences:
            return list(drops)
        spared = [d for d in drops if not page.features(d.block).sentence_like]
        if len(spared) == len(page.blocks):
            return [Warn("site profile would remove every block of the page: nothing removed")]
        findings: list[Finding] = list(spared)
        if len(spared) < len(drops):
            findings.append(Warn("site profile would remove every sentence of the page: those were kept"))
        return findings


def _reason(entry: ProfileEntry, profile: SiteProfile) -> str:
    site = f" ({profile.site})" if profile.site else ""
    return f"recurs on {entry.pages} of {profile.pages} pages of this site{site}"
