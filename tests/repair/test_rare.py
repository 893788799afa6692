"""The rare-character class shared by the suspicion scan and the out-of-step triggers."""

from __future__ import annotations

import re

from cleanpage.repair._rare import rare_class


def test_rare_characters_are_in_the_class_and_common_ones_are_not() -> None:
    rare = re.compile(rare_class())
    for char in ("疝", "瘢", "螅", "靐", "\U00020000"):
        assert rare.fullmatch(char), char
    for char in ("的", "社", "會", "会", "中", "國"):  # a Traditional form is judged by its Simplified fold
        assert not rare.fullmatch(char), char
