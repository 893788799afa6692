"""Every fixture case under tests/fixtures/ passes, and cleaning is idempotent on each of them.

Cases are found by the harness (any folder with an ``input.*`` file), so a new
area under ``tests/fixtures/<area>/`` is picked up without touching this file.
Expectations are never rewritten from here: gold is written by people, and
``cleanpage fixtures update`` is the deliberate way to accept new output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import cleanpage
from cleanpage.testing import Case, diff_text, load_cases, run_case

FIXTURES = Path(__file__).parent / "fixtures"
CASES = load_cases(FIXTURES)
NEGATIVE_CASES = [case for case in CASES if case.name.startswith("negative/")]
MIN_NEGATIVE_CASES = 12


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_case_output_matches_expectations(case: Case) -> None:
    result = run_case(case)
    if not result.passed:
        pytest.fail(result.format(), pytrace=False)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_cleaning_the_output_again_changes_nothing(case: Case) -> None:
    first = case.clean()
    second = cleanpage.clean(first.text, url=case.url, headers=case.headers, **{**case.options, "kind": "text"})
    if second.text != first.text:
        pytest.fail(diff_text(first.text, second.text, "first pass", "second pass"), pytrace=False)


def test_there_are_enough_negative_cases() -> None:
    assert len(NEGATIVE_CASES) >= MIN_NEGATIVE_CASES


@pytest.mark.parametrize("case", NEGATIVE_CASES, ids=[case.name for case in NEGATIVE_CASES])
def test_negative_case_expects_its_input_byte_for_byte(case: Case) -> None:
    assert case.expected_text_path.read_bytes() == case.input_path.read_bytes()
