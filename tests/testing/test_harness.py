from __future__ import annotations

import json
from pathlib import Path

import pytest

import cleanpage
from cleanpage import Config
from cleanpage.testing import FixtureError, add_case, check, diff_text, load_case, run_case, update

from .conftest import NOTE, MakeCase


def read_json(path: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return data


def first_line(folder: Path) -> str:
    return (folder / "expected.txt").read_text(encoding="utf-8").split("\n")[0]


def test_a_case_matching_its_expectations_passes_and_notes_are_not_compared(tmp_path: Path, make_case: MakeCase) -> None:
    make_case(tmp_path / "one")

    report = check(tmp_path)

    assert report.ok
    assert report.failures == []
    assert report.summary() == f"1 case under {tmp_path}: 1 passed"


def test_a_changed_body_fails_with_a_unified_diff_and_a_word_diff(tmp_path: Path, make_case: MakeCase) -> None:
    folder = make_case(tmp_path / "one")
    expected = folder / "expected.txt"
    line = first_line(folder)
    expected.write_text(expected.read_text(encoding="utf-8").replace(line, line.replace("系统", "体统", 1)),
                        encoding="utf-8")

    report = check(tmp_path)

    assert not report.ok
    assert [result.case.name for result in report.failures] == ["one"]
    text = report.format()
    assert "FAILED one" in text
    assert "--- one/expected.txt\n+++ one (actual body)\n@@ -1," in text
    assert f"-{line.replace('系统', '体统', 1)}\n+{line}" in text
    assert "one/expected.txt:1: " in text and "[-体-]{+系+}" in text


def test_a_changed_metadata_field_fails_with_a_json_diff(tmp_path: Path, make_case: MakeCase) -> None:
    folder = make_case(tmp_path / "one")
    expected = read_json(folder / "expected.json")
    actual_title = expected["title"]
    (folder / "expected.json").write_text(json.dumps({**expected, "title": "另一个标题"}), encoding="utf-8")

    result = check(tmp_path).failures[0]

    assert result.body_matches and not result.metadata_matches
    assert '-  "title": "另一个标题"' in result.metadata_diff()
    assert f"+  \"title\": {json.dumps(actual_title, ensure_ascii=False)}" in result.metadata_diff()
    assert "removed_kinds" not in result.metadata_diff()


def test_missing_expectations_fail_and_update_creates_them(tmp_path: Path, make_case: MakeCase) -> None:
    folder = make_case(tmp_path / "one")
    body = (folder / "expected.txt").read_text(encoding="utf-8")
    (folder / "expected.txt").unlink()
    (folder / "expected.json").unlink()

    failed = check(tmp_path)
    assert not failed.ok
    assert "one/expected.txt (missing)" in failed.format()
    assert "one/expected.json (missing)" in failed.format()

    updated = update(tmp_path)
    assert updated.ok and [r.case.name for r in updated.updated] == ["one"]
    assert (folder / "expected.txt").read_text(encoding="utf-8") == body
    assert {"title", "author", "source", "published"} <= read_json(folder / "expected.json").keys()
    assert check(tmp_path).ok


def test_update_rewrites_only_what_differs_keeps_notes_and_leaves_passing_cases_alone(
        tmp_path: Path, make_case: MakeCase) -> None:
    passing = make_case(tmp_path / "passing")
    failing = make_case(tmp_path / "failing")
    (failing / "expected.json").write_text(json.dumps({"title": "旧标题", **NOTE}), encoding="utf-8")
    (failing / "expected.txt").write_text("旧的正文。\n", encoding="utf-8")
    untouched = {path: path.read_bytes() for path in passing.iterdir()}

    report = check(tmp_path, update=True)

    assert report.ok
    assert [r.case.name for r in report.updated] == ["failing"]
    assert "UPDATED failing" in report.format()
    assert {path: path.read_bytes() for path in passing.iterdir()} == untouched
    rewritten = (failing / "expected.json").read_text(encoding="utf-8")
    assert json.loads(rewritten).keys() == {"title", "removed_kinds"}
    assert rewritten == json.dumps(json.loads(rewritten), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert check(tmp_path).ok


def test_a_crashing_case_is_reported_with_its_traceback_and_never_updated(tmp_path: Path, make_case: MakeCase) -> None:
    folder = make_case(tmp_path / "tiny-limit")
    (folder / "options.json").write_text('{"max_input_bytes": 1}', encoding="utf-8")
    before = (folder / "expected.txt").read_bytes()

    report = update(tmp_path)

    assert not report.ok
    assert report.failures[0].error is not None
    assert "InputTooLargeError" in report.format()
    assert "ERROR tiny-limit" in report.format()
    assert (folder / "expected.txt").read_bytes() == before


def test_the_base_config_applies_under_each_case_options(tmp_path: Path, make_case: MakeCase) -> None:
    make_case(tmp_path / "plain")
    make_case(tmp_path / "own-limit", max_input_bytes=10_000_000)

    report = check(tmp_path, config=Config(max_input_bytes=1))

    assert [r.case.name for r in report.failures] == ["plain"]


def test_a_folder_without_cases_is_a_fixture_error(tmp_path: Path) -> None:
    with pytest.raises(FixtureError, match="no fixture cases"):
        check(tmp_path)


def test_colour_marks_removed_and_added_lines(tmp_path: Path, make_case: MakeCase) -> None:
    folder = make_case(tmp_path / "one")
    (folder / "expected.txt").write_text("旧的正文。\n", encoding="utf-8")

    text = check(tmp_path).format(color=True)

    assert "\x1b[31m-旧的正文。\x1b[0m" in text
    assert "\x1b[32m+" in text


def test_verbose_format_lists_passing_cases_too(tmp_path: Path, make_case: MakeCase) -> None:
    make_case(tmp_path / "one")

    assert check(tmp_path).format(verbose=True).startswith("PASSED one")
    assert check(tmp_path).format().startswith("1 case")


def test_run_case_reads_the_expectations_it_compared(tmp_path: Path, make_case: MakeCase) -> None:
    folder = make_case(tmp_path / "one")

    result = run_case(load_case(folder))

    assert result.passed
    assert result.expected_metadata is not None and "removed_kinds" not in result.expected_metadata
    assert result.metadata == result.expected_metadata


def test_diff_text_elides_long_unchanged_runs_in_the_word_diff() -> None:
    before = "甲" * 40 + "乙" + "丙" * 40
    after = "甲" * 40 + "丁" + "丙" * 40

    diff = diff_text(before, after)

    assert f"…{'甲' * 12}[-乙-]{{+丁+}}{'丙' * 12}…" in diff
    assert diff_text("同样。", "同样。") == ""


def test_diff_text_pairs_an_edited_paragraph_past_an_inserted_line() -> None:
    diff = diff_text("第一段文字很长很长。\n第二段文字也很长很长。", "第一段文字很长很长。\n▲插入的图注\n第二段文字也很短很长。")

    assert "expected.txt:2: 第二段文字也很[-长-]{+短+}很长。" in diff


def test_add_case_stores_a_utf8_text_input_and_the_current_output(tmp_path: Path, sample_text: str) -> None:
    page = tmp_path / "page.txt"
    page.write_text(sample_text, encoding="utf-8")

    case = add_case(tmp_path / "fixtures", "area/howto", page)

    assert case.name == "area/howto"
    assert sorted(p.name for p in case.path.iterdir()) == ["expected.json", "expected.txt", "input.txt"]
    assert case.read_expected_text() == cleanpage.clean(sample_text, kind="text").text
    assert check(tmp_path / "fixtures").ok


def test_add_case_stores_other_encodings_as_bytes_with_the_kind_of_their_suffix(tmp_path: Path, sample_text: str) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(sample_text.encode("gb18030"))

    case = add_case(tmp_path / "fixtures", "gbk", page)

    assert case.input_path.name == "input.bin"
    assert read_json(case.path / "options.json") == {"kind": "text"}
    assert check(tmp_path / "fixtures").ok


def test_add_case_stores_html_and_the_options_given(tmp_path: Path, sample_text: str) -> None:
    page = tmp_path / "page.HTML"
    paragraphs = "".join(f"<p>{line}</p>" for line in sample_text.splitlines())
    page.write_text(f"<html><head><title>查看系统版本</title></head><body><article>{paragraphs}</article></body></html>",
                    encoding="utf-8")

    case = add_case(tmp_path / "fixtures", "html", page, url="https://example.com/a.html", captions="drop")

    assert case.input_path.name == "input.html"
    assert read_json(case.path / "options.json") == {"captions": "drop", "url": "https://example.com/a.html"}
    assert (case.url, case.options) == ("https://example.com/a.html", {"kind": "html", "captions": "drop"})
    assert check(tmp_path / "fixtures").ok


@pytest.mark.parametrize("name", ["", "../escape", "/abs", "a/./b"])
def test_add_case_refuses_names_outside_the_folder(tmp_path: Path, name: str) -> None:
    page = tmp_path / "page.txt"
    page.write_text("正文。\n", encoding="utf-8")

    with pytest.raises(FixtureError, match="invalid case name"):
        add_case(tmp_path / "fixtures", name, page)


def test_add_case_never_overwrites_an_existing_case(tmp_path: Path, make_case: MakeCase) -> None:
    folder = make_case(tmp_path / "fixtures" / "one")
    before = {path: path.read_bytes() for path in folder.iterdir()}

    with pytest.raises(FixtureError, match="already exists"):
        add_case(tmp_path / "fixtures", "one", folder / "input.txt")
    assert {path: path.read_bytes() for path in folder.iterdir()} == before


def test_add_case_fills_an_empty_folder(tmp_path: Path, sample_text: str) -> None:
    page = tmp_path / "page.txt"
    page.write_text(sample_text, encoding="utf-8")
    (tmp_path / "fixtures" / "empty").mkdir(parents=True)

    assert add_case(tmp_path / "fixtures", "empty", page).read_expected_text() is not None


@pytest.mark.parametrize("options", [{"max_input_bytes": 1}, {"captions": "shred"}])
def test_a_failed_add_leaves_no_folder_behind(tmp_path: Path, sample_text: str, options: dict[str, object]) -> None:
    page = tmp_path / "page.txt"
    page.write_text(sample_text, encoding="utf-8")

    with pytest.raises(FixtureError):
        add_case(tmp_path / "fixtures", "broken", page, **options)
    assert list((tmp_path / "fixtures").iterdir()) == []


def test_add_case_reports_an_unreadable_input(tmp_path: Path) -> None:
    with pytest.raises(FixtureError, match="cannot read"):
        add_case(tmp_path, "missing", tmp_path / "no-such-page.txt")
