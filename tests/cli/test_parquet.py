"""``clean --format parquet`` from the local engine: the same pages as JSONL, failures as rows and in the log."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from cleanpage.batch import result_schema  # noqa: E402
from cleanpage.io.outputs import TableWriter  # noqa: E402
from cleanpage.io.parallel import PageResult  # noqa: E402

from .helpers import RunCli, temporaries  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "pages"


def test_parquet_of_the_example_pages_holds_the_jsonl_texts(run_cli: RunCli, tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES, tmp_path / "pages")
    parquet = run_cli("clean", "pages", "-o", "out.parquet", "--jobs", "2", "-q")  # the suffix picks the format
    assert parquet.returncode == 0, parquet.stderr
    jsonl = run_cli("clean", "pages", "--format", "jsonl", "-o", "out.jsonl", "--jobs", "2", "-q")
    assert jsonl.returncode == 0, jsonl.stderr
    table = pq.read_table(tmp_path / "out.parquet")
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert table.num_rows == len(records) == 7
    assert table.column("id").to_pylist() == [record["id"] for record in records]
    assert table.column("text").to_pylist() == [record["text"] for record in records]
    assert table.column("title").to_pylist() == [record["metadata"]["title"] for record in records]
    assert table.schema.names[2:] == result_schema(trace=False).names  # clean_table's columns, no trace
    assert table.column("error").null_count == 7
    assert not temporaries(tmp_path)


def test_a_failed_page_is_logged_and_is_a_row_with_its_error(run_cli: RunCli, pages_dir: Path, limit_config: Path,
                                                             tmp_path: Path) -> None:
    completed = run_cli("clean", "pages", "--format", "parquet", "-o", "out/clean.parquet", "--trace",
                        "--config", str(limit_config), "-j", "2")
    assert completed.returncode == 1, completed.stderr
    assert "1 failed" in completed.stderr
    logged = [json.loads(line) for line in (tmp_path / "out" / "clean.errors.jsonl").read_text().splitlines()]
    assert [entry["id"] for entry in logged] == ["pages/broken/huge.txt"]
    rows = pq.read_table(tmp_path / "out" / "clean.parquet").to_pylist()
    failed = [row for row in rows if row["error"] is not None]
    assert [row["id"] for row in failed] == ["pages/broken/huge.txt"]
    assert failed[0]["error"].startswith("InputTooLargeError: ") and failed[0]["text"] is None
    cleaned = [row for row in rows if row["error"] is None]
    assert cleaned and all(row["text"] is not None and json.loads(row["removed"]) is not None for row in cleaned)


def test_parquet_needs_a_file_and_cannot_resume(run_cli: RunCli, pages_dir: Path, tmp_path: Path) -> None:
    for args, message in ((("--format", "parquet"), "not standard output"),
                          (("-o", "out.parquet", "--skip-existing"), "cannot resume")):
        completed = run_cli("clean", "pages", *args)
        assert completed.returncode == 2 and message in completed.stderr
    (tmp_path / "folder").mkdir()
    completed = run_cli("clean", "pages", "--format", "parquet", "-o", "folder")
    assert completed.returncode == 2 and "is a folder" in completed.stderr
    assert not list(tmp_path.glob("*.parquet*")) and not list((tmp_path / "folder").iterdir())


def _row(schema: pa.Schema, key: str) -> PageResult:
    return PageResult(key=key, out_name=key, payload=pa.RecordBatch.from_pylist([{"id": key, "text": key}], schema=schema))


def test_table_writer_appends_one_row_group_per_batch_and_renames_when_complete(tmp_path: Path) -> None:
    schema = pa.schema([pa.field("id", pa.string()), pa.field("url", pa.string()), pa.field("text", pa.string()),
                        pa.field("error", pa.string())])
    target = tmp_path / "out.parquet"
    writer = TableWriter(str(target), schema, batch_rows=2)
    for key in "abc":
        writer.write(_row(schema, key))
    assert len(writer._pending) == 1  # two rows written as a row group, only the third held
    writer.write_failure(PageResult(key="d", out_name="d", url="https://e.com/d", error=("DecodeError", "no encoding")))
    writer.write(_row(schema, "e"))
    writer.close(complete=True)
    assert not (tmp_path / "out.parquet.partial").exists()
    assert pq.ParquetFile(target).metadata.num_row_groups == 3
    assert pq.read_table(target).to_pylist() == [
        {"id": "a", "url": None, "text": "a", "error": None}, {"id": "b", "url": None, "text": "b", "error": None},
        {"id": "c", "url": None, "text": "c", "error": None},
        {"id": "d", "url": "https://e.com/d", "text": None, "error": "DecodeError: no encoding"},
        {"id": "e", "url": None, "text": "e", "error": None}]


def test_an_interrupted_parquet_run_leaves_a_readable_partial_file(tmp_path: Path) -> None:
    schema = pa.schema([pa.field("id", pa.string()), pa.field("text", pa.string())])
    writer = TableWriter(str(tmp_path / "out.parquet"), schema, batch_rows=10)
    writer.write(_row(schema, "a"))
    writer.close(complete=False)
    assert not (tmp_path / "out.parquet").exists()
    assert pq.read_table(tmp_path / "out.parquet.partial").column("id").to_pylist() == ["a"]
