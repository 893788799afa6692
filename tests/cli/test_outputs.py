"""Writers: atomic files, resumable streams, the input-overwrite guard, the errors log."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanpage.errors import InputError
from cleanpage.io.outputs import ErrorLog, StreamWriter, TreeWriter, atomic_write
from cleanpage.io.parallel import PageResult


def test_atomic_write_leaves_no_trace_when_writing_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.txt"
    target.write_text("old", encoding="utf-8")

    def fail(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", fail)
    with pytest.raises(OSError, match="disk full"):
        atomic_write(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_tree_writer_refuses_to_overwrite_its_input(tmp_path: Path) -> None:
    source = tmp_path / "page.txt"
    source.write_text("input", encoding="utf-8")
    writer = TreeWriter(str(tmp_path), ".txt")
    with pytest.raises(InputError, match="overwrite the input"):
        writer.write(PageResult(key="page.txt", out_name="page", path=str(source), payload="cleaned"))
    assert source.read_text(encoding="utf-8") == "input"


def test_stream_file_appears_only_when_complete(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    writer = StreamWriter(str(target))
    writer.write(PageResult(key="a", out_name="a", payload='{"id": "a"}\n'))
    assert not target.exists()
    writer.close(complete=False)
    assert not target.exists() and (tmp_path / "out.jsonl.partial").is_file()

    resumed = StreamWriter(str(target), skip_existing=True)
    assert resumed.done_before("a") and not resumed.done_before("b")
    resumed.write(PageResult(key="b", out_name="b", payload='{"id": "b"}\n'))
    resumed.close(complete=True)
    assert [json.loads(line)["id"] for line in target.read_text().splitlines()] == ["a", "b"]
    assert not (tmp_path / "out.jsonl.partial").exists()


def test_error_log_is_created_only_on_failure(tmp_path: Path) -> None:
    log = ErrorLog(str(tmp_path / "errors.jsonl"))
    log.close()
    assert not (tmp_path / "errors.jsonl").exists()
    log = ErrorLog(str(tmp_path / "errors.jsonl"))
    log.record(PageResult(key="k", out_name="k", url="https://e.com", error=("DecodeError", "no encoding fits")))
    log.close()
    entry = json.loads((tmp_path / "errors.jsonl").read_text(encoding="utf-8"))
    assert entry == {"id": "k", "path": None, "url": "https://e.com", "error": "DecodeError", "message": "no encoding fits"}
