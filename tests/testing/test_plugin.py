from __future__ import annotations

import json

import pytest

from .conftest import MakeCase


def test_cases_under_the_command_line_folder_become_passing_items(pytester: pytest.Pytester, make_case: MakeCase) -> None:
    make_case(pytester.path / "cases" / "news" / "one")
    make_case(pytester.path / "cases" / "two")

    result = pytester.runpytest("--cleanpage-fixtures", "cases", "-v")

    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["*cases/news/one/input.txt::one PASSED*", "*cases/two/input.txt::two PASSED*"])


def test_a_folder_outside_the_collected_paths_is_added_to_them(pytester: pytest.Pytester, make_case: MakeCase) -> None:
    make_case(pytester.path / "cases" / "one")
    pytester.makepyfile(test_unit="def test_unit(): pass")

    result = pytester.runpytest("test_unit.py", "--cleanpage-fixtures", "cases")

    result.assert_outcomes(passed=2)


def test_without_a_configured_folder_no_case_is_collected(pytester: pytest.Pytester, make_case: MakeCase) -> None:
    make_case(pytester.path / "cases" / "one")

    result = pytester.runpytest()

    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED


def test_a_mismatch_fails_with_the_diff_and_the_update_hint(pytester: pytest.Pytester, make_case: MakeCase) -> None:
    folder = make_case(pytester.path / "cases" / "one")
    (folder / "expected.txt").write_text("旧的正文。\n", encoding="utf-8")

    result = pytester.runpytest("--cleanpage-fixtures", "cases")

    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        "FAILED one *",
        "--- one/expected.txt",
        "+++ one (actual body)",
        "-旧的正文。",
        "(run pytest with --cleanpage-update to accept the new output)",
    ])


def test_update_rewrites_the_expectation_passes_and_says_so(pytester: pytest.Pytester, make_case: MakeCase) -> None:
    folder = make_case(pytester.path / "cases" / "one")
    body = (folder / "expected.txt").read_text(encoding="utf-8")
    (folder / "expected.txt").write_text("旧的正文。\n", encoding="utf-8")

    updated = pytester.runpytest("--cleanpage-fixtures", "cases", "--cleanpage-update")

    updated.assert_outcomes(passed=1)
    updated.stdout.fnmatch_lines(["*cleanpage: 1 fixture case(s) updated*", "updated one"])
    assert (folder / "expected.txt").read_text(encoding="utf-8") == body
    pytester.runpytest("--cleanpage-fixtures", "cases").assert_outcomes(passed=1)


def test_the_ini_option_marks_folders_whose_cases_are_collected(pytester: pytest.Pytester, make_case: MakeCase) -> None:
    make_case(pytester.path / "tests" / "fixtures" / "one")
    make_case(pytester.path / "elsewhere" / "two")
    pytester.makeini("[pytest]\ncleanpage_fixtures = tests/fixtures\n")

    result = pytester.runpytest("-v")

    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["*tests/fixtures/one/input.txt::one PASSED*"])


def test_the_ini_config_file_is_the_base_configuration(pytester: pytest.Pytester, make_case: MakeCase) -> None:
    make_case(pytester.path / "cases" / "one")
    pytester.path.joinpath("cleanpage.toml").write_text("max_input_bytes = 1\n", encoding="utf-8")
    pytester.makeini("[pytest]\ncleanpage_fixtures = cases\ncleanpage_config = cleanpage.toml\n")

    result = pytester.runpytest()

    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["ERROR one *", "*InputTooLargeError*"])


def test_a_malformed_case_is_a_collection_error(pytester: pytest.Pytester, make_case: MakeCase) -> None:
    folder = make_case(pytester.path / "cases" / "one")
    (folder / "options.json").write_text(json.dumps({"no_such_option": 1}), encoding="utf-8")

    result = pytester.runpytest("--cleanpage-fixtures", "cases")

    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*FixtureError*unknown option*"])


def test_a_missing_fixture_folder_is_a_usage_error(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest("--cleanpage-fixtures", "nowhere")

    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--cleanpage-fixtures: *nowhere is not a folder*"])


def test_the_folders_can_be_listed_in_pyproject(pytester: pytest.Pytester, make_case: MakeCase) -> None:
    make_case(pytester.path / "tests" / "fixtures" / "one")
    pytester.makepyprojecttoml('[tool.pytest.ini_options]\ncleanpage_fixtures = ["tests/fixtures"]\n')

    pytester.runpytest().assert_outcomes(passed=1)
