"""User rules: blocks matching ``Config.drop_patterns`` or ``drop_selectors`` (or a site rule for the page's host).

Removes whatever the user's regular expressions match, searched in each
block's text, and the HTML blocks inside an element a user CSS selector
matched (segmentation marks them). Never fires without a user rule; ``Config.keep_patterns``
still protects blocks (applied by the pipeline to every detector). It runs
after the default detectors on the page they left, so a rule only adds its
own removals: a line it takes out can no longer move the article's edges and
make the tail detectors miss chrome they remove without the rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..page import Drop, Finding, Page
from ..registry import Detector, register_detector


@register_detector
class UserRules(Detector):
    """Drop blocks that match the user's configured patterns or lie inside an element a user selector matched."""

    name = "user_rules"
    family = "user"
    order = 10
    after_defaults = True

    def detect(self, page: Page) -> Iterable[Finding]:
        patterns = [re.compile(p) for p in self.config.patterns_for(page.host)]
        selected = page.hints.user_selected
        if not patterns and not selected:
            return
        for block in page.blocks:
            if block.index in selected:
                yield Drop(block, "user.selector", "inside an element a drop_selectors rule matches")
                continue
            for pattern in patterns:
                if pattern.search(block.text):
                    yield Drop(block, "user.pattern", f"matches user pattern {pattern.pattern!r}")
                    break
