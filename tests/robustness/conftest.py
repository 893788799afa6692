"""Hypothesis profiles for the robustness suite.

``default`` keeps ``make test`` quick and free of timing flakiness (no
hypothesis deadline: hangs are caught by :func:`robust_helpers.hard_limit`).
``fuzz`` is the long run, selected with ``CLEANPAGE_HYPOTHESIS_PROFILE=fuzz``
(see docs/reliability.md).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "default",
    max_examples=100,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "fuzz",
    max_examples=2_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("CLEANPAGE_HYPOTHESIS_PROFILE", "default"))
