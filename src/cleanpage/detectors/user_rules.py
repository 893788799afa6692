"""User rules: blocks matching ``Config.drop_patterns`` (or a site rule for the page's host).

Removes whatever the user's regular expressions match, searched in each
block's text. Never fires without a user pattern; ``Config.keep_patterns``
still protects blocks (applied by the pipeline to every detector).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..page import Drop, Finding, Page
from ..registry import Detector, register_detector


@register_detector
class UserRules(Detector):
    """Drop blocks that match the user's configured patterns."""

    name = "user_rules"
    family = "user"
    order = 10

    def detect(self, page: Page) -> Iterable[Finding]:
        patterns = [re.compile(p) for p in self.config.patterns_for(page.host)]
        if not patterns:
            return
        for block in page.blocks:
            for pattern in patterns:
                if pattern.search(block.text):
                    yield Drop(block, "user.pattern", f"matches user pattern {pattern.pattern!r}")
                    break
