"""Fixture regression harness: folders of pages with their expected output.

    >>> from cleanpage.testing import check, add_case
    >>> report = check("tests/fixtures")
    >>> report.ok, report.summary()
    >>> print(report.format())          # unified diffs of every failing case
    >>> add_case("tests/fixtures", "news/new-page", "page.html", url="https://example.com/a")

The layout of a case is described in :mod:`cleanpage.testing.cases` and in
``docs/fixtures.md``; the pytest plugin is :mod:`cleanpage.testing.plugin`.
"""

from __future__ import annotations

from .cases import Case, FixtureError, load_case, load_cases
from .harness import CaseResult, Report, add_case, check, diff_text, run_case, update, write_expectations

__all__ = [
    "Case", "CaseResult", "FixtureError", "Report", "add_case", "check", "diff_text", "load_case", "load_cases", "run_case",
    "update", "write_expectations",
]
