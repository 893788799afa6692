"""Readers: folder walking and output names, JSONL field options, header forms."""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path

import pytest

from cleanpage.errors import InputError
from cleanpage.io.inputs import JsonlFields, iter_pages, jsonl_pages, parse_headers


def touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")


def test_folder_walk_is_sorted_skips_hidden_and_keeps_colliding_names_apart(tmp_path: Path) -> None:
    touch(tmp_path, "b.html", "a.html", "a.txt", "c.php", ".hidden.html", ".git/x.html", "sub/d.htm")
    pages = list(iter_pages([str(tmp_path)]))
    assert [p.out_name for p in pages] == ["a.html", "a.txt", "b", "c.php", "sub/d"]
    assert all(p.data is None and p.path for p in pages)  # read later, by the worker


def test_glob_matches_names_or_relative_paths(tmp_path: Path) -> None:
    touch(tmp_path, "a.html", "a.txt", "sub/b.html")
    assert [p.out_name for p in iter_pages([str(tmp_path)], glob="*.html")] == ["a", "sub/b"]
    assert [p.out_name for p in iter_pages([str(tmp_path)], glob="sub/*")] == ["sub/b"]


def test_several_inputs_are_named_relative_to_their_common_folder(tmp_path: Path) -> None:
    touch(tmp_path, "x/a.html", "y/a.html")
    pages = list(iter_pages([str(tmp_path / "x"), str(tmp_path / "y")]))
    assert [p.out_name for p in pages] == ["x/a", "y/a"]


def test_missing_input_is_refused_before_reading() -> None:
    with pytest.raises(InputError, match="no such file"):
        list(iter_pages(["/nonexistent/page.html"]))


def jsonl(*records: object) -> io.BytesIO:
    return io.BytesIO(b"".join(json.dumps(r).encode() + b"\n" for r in records))


def test_jsonl_fields_are_configurable() -> None:
    fields = JsonlFields(content="body_b64", url="link", headers="hdrs", id="doc", encoding="base64")
    record = {"doc": 7, "link": "https://e.com/a", "hdrs": {"Content-Type": "text/html; charset=gbk"},
              "body_b64": base64.b64encode("页面".encode("gbk")).decode()}
    [page] = jsonl_pages(jsonl(record), "in.jsonl", "in", fields, 1000)
    assert (page.key, page.out_name, page.url) == ("in.jsonl:1#7", "in/000001", "https://e.com/a")
    assert page.data == "页面".encode("gbk") and page.headers == {"Content-Type": "text/html; charset=gbk"}


def test_jsonl_default_content_field_and_per_line_errors() -> None:
    stream = io.BytesIO(b'{"html": "<p>a</p>"}\n\n[1, 2]\n{"text": 5}\n{"content": "' + b"x" * 50 + b'"}\n')
    pages = list(jsonl_pages(stream, "s", "s", JsonlFields(), 20))
    assert [(p.key, p.error[0] if p.error else None) for p in pages] == [
        ("s:1", None), ("s:3", "InputError"), ("s:4", "InputError"), ("s:5", "InputTooLargeError")]


@pytest.mark.parametrize("value", [
    {"Content-Type": "text/html"},
    [["Content-Type", "text/html"]],
    "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n",
])
def test_headers_in_every_common_shape(value: object) -> None:
    assert parse_headers(value) == {"Content-Type": "text/html"}


def test_folder_walk_takes_page_like_files_unless_told_to_take_all(tmp_path: Path) -> None:
    touch(tmp_path, "page.html", "page_files/a.png", "page_files/s.css", "page_files/app.js", "page_files/f.woff2",
          "notes.txt", "README", "data.jsonl", "old.php")
    assert [p.out_name for p in iter_pages([str(tmp_path)])] == ["README", "data/000001", "notes", "old.php", "page"]
    everything = [p.out_name for p in iter_pages([str(tmp_path)], all_files=True)]
    assert "page_files/a.png" in everything and "page_files/s.css" in everything
    assert [p.out_name for p in iter_pages([str(tmp_path)], glob="*.css")] == ["page_files/s.css"]
