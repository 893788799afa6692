"""A cleaner without some detectors at all, for tests of what the next detector in line does with a line.

``disable`` keeps exactly a detector's own removals (the others still see the page they see by default), so
it cannot show a fallback; these tests take the detector out of the run instead.
"""

from __future__ import annotations

from typing import Any

import cleanpage


def cleaner_without(*names: str, **options: Any) -> cleanpage.Cleaner:
    cleaner = cleanpage.Cleaner(**options)
    cleaner.detectors = [detector for detector in cleaner.detectors if detector.name not in names]
    return cleaner


def clean_without(source: str, *names: str, **options: Any) -> cleanpage.Document:
    return cleaner_without(*names, **options).clean(source)
