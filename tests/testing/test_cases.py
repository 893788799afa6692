from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanpage import Metadata
from cleanpage.testing import FixtureError, load_case, load_cases
from cleanpage.testing.cases import dump_json, dump_text, recorded_metadata, write_atomic


def touch_case(folder: Path, input_name: str = "input.txt", content: bytes = "正文。\n".encode()) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / input_name).write_bytes(content)
    return folder


def test_cases_are_found_recursively_sorted_and_named_by_their_relative_path(tmp_path: Path) -> None:
    touch_case(tmp_path / "b" / "two")
    touch_case(tmp_path / "a" / "deep" / "one")
    touch_case(tmp_path / "c")

    assert [case.name for case in load_cases(tmp_path)] == ["a/deep/one", "b/two", "c"]


def test_a_case_folder_is_not_searched_for_nested_cases(tmp_path: Path) -> None:
    touch_case(tmp_path / "outer")
    touch_case(tmp_path / "outer" / "inner")

    assert [case.name for case in load_cases(tmp_path)] == ["outer"]


def test_hidden_and_cache_folders_are_skipped(tmp_path: Path) -> None:
    touch_case(tmp_path / ".git" / "objects")
    touch_case(tmp_path / "__pycache__")
    touch_case(tmp_path / "real")

    assert [case.name for case in load_cases(tmp_path)] == ["real"]


def test_a_root_that_is_itself_a_case_is_its_only_case(tmp_path: Path) -> None:
    folder = touch_case(tmp_path / "single")

    cases = load_cases(folder)

    assert [(case.name, case.path) for case in cases] == [("single", folder)]


def test_a_missing_root_is_a_fixture_error(tmp_path: Path) -> None:
    with pytest.raises(FixtureError, match="does not exist"):
        load_cases(tmp_path / "nowhere")


@pytest.mark.parametrize(("input_name", "kind"), [("input.txt", "text"), ("input.html", "html"), ("input.bin", None)])
def test_the_input_file_name_implies_the_kind(tmp_path: Path, input_name: str, kind: str | None) -> None:
    case = load_case(touch_case(tmp_path, input_name))

    assert case.options.get("kind") == kind


def test_options_json_overrides_the_implied_kind_and_splits_off_call_arguments(tmp_path: Path) -> None:
    folder = touch_case(tmp_path)
    options = {"kind": "html", "captions": "drop", "url": "https://example.com/a.html", "headers": {"Content-Type": "text/html"}}
    (folder / "options.json").write_text(json.dumps(options), encoding="utf-8")

    case = load_case(folder)

    assert case.options == {"kind": "html", "captions": "drop"}
    assert case.url == "https://example.com/a.html"
    assert case.headers == {"Content-Type": "text/html"}


@pytest.mark.parametrize(
    ("options_json", "message"),
    [
        ('{"no_such_option": 1}', "unknown option"),
        ('{"captions": "shred"}', "captions must be one of"),
        ('{"url": 3}', "url must be a string"),
        ('["kind", "text"]', "must hold a JSON object"),
        ("{kind: text}", "not valid UTF-8 JSON"),
    ],
)
def test_bad_options_are_fixture_errors_naming_the_file(tmp_path: Path, options_json: str, message: str) -> None:
    folder = touch_case(tmp_path)
    (folder / "options.json").write_text(options_json, encoding="utf-8")

    with pytest.raises(FixtureError, match=message) as excinfo:
        load_case(folder)
    assert "options.json" in str(excinfo.value)


def test_several_input_files_are_a_fixture_error(tmp_path: Path) -> None:
    folder = touch_case(tmp_path)
    touch_case(folder, "input.bin")

    with pytest.raises(FixtureError, match="several input files"):
        load_case(folder)


def test_an_unknown_input_file_name_is_a_fixture_error(tmp_path: Path) -> None:
    with pytest.raises(FixtureError, match="unknown input file name"):
        load_case(touch_case(tmp_path, "input.htm"))


def test_a_folder_without_input_is_a_fixture_error(tmp_path: Path) -> None:
    with pytest.raises(FixtureError, match="no input file"):
        load_case(tmp_path)


def test_text_inputs_are_read_as_utf8_and_bin_inputs_as_bytes(tmp_path: Path) -> None:
    gbk = "正文。".encode("gb18030")

    assert load_case(touch_case(tmp_path / "t")).read_source() == "正文。\n"
    assert load_case(touch_case(tmp_path / "b", "input.bin", gbk)).read_source() == gbk
    with pytest.raises(FixtureError, match=r"store pages in other encodings as input\.bin"):
        load_case(touch_case(tmp_path / "bad", "input.txt", gbk)).read_source()


def test_expected_text_ignores_trailing_newlines_and_windows_line_ends(tmp_path: Path) -> None:
    case = load_case(touch_case(tmp_path))
    case.expected_text_path.write_bytes("第一段。\r\n第二段。\r\n\r\n".encode())

    assert case.read_expected_text() == "第一段。\n第二段。"


def test_missing_expectations_read_as_none(tmp_path: Path) -> None:
    case = load_case(touch_case(tmp_path))

    assert case.read_expected_text() is None
    assert case.read_expected_json() is None


def test_fixture_json_is_sorted_unescaped_indented_with_a_final_newline() -> None:
    assert dump_json({"b": 1, "a": ["首页"]}) == '{\n  "a": [\n    "首页"\n  ],\n  "b": 1\n}\n'


def test_a_body_is_stored_with_a_final_newline_unless_empty() -> None:
    assert dump_text("第一段。\n第二段。") == "第一段。\n第二段。\n"
    assert dump_text("") == ""


def test_recorded_metadata_states_the_core_fields_and_every_field_off_its_default() -> None:
    metadata = Metadata(views=12, script="simplified", encoding_reason="strict utf-8", extra={"provenance": {}})

    assert recorded_metadata(metadata) == {
        "title": None, "author": None, "source": None, "published": None, "views": 12, "script": "simplified",
    }


def test_write_atomic_replaces_the_file_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "expected.txt"
    target.write_text("old\n", encoding="utf-8")

    write_atomic(target, "新\n")

    assert target.read_text(encoding="utf-8") == "新\n"
    assert [p.name for p in tmp_path.iterdir()] == ["expected.txt"]
