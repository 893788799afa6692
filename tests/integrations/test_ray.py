"""Ray Data: on a real local cluster, the output equals single-process clean_table row for row."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("ray.data")
pytest.importorskip("fastwarc")
import pyarrow as pa
import pyarrow.parquet as pq
import ray
import ray.data

from cleanpage import Config, InputError, clean_table
from cleanpage.integrations.ray import PAGE_SCHEMA, read_pages, run_ray

FIXTURES = Path(__file__).parents[1] / "fixtures"
GBK_PAGE = (FIXTURES / "integrations" / "encoded" / "gbk-undeclared.html").read_bytes()
# Small enough that some corpus pages fail, so error rows are compared too.
CONFIG = Config(max_input_bytes=30_000)


@pytest.fixture(scope="module", autouse=True)
def local_ray() -> Iterator[None]:
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    ray.data.DataContext.get_current().enable_progress_bars = False
    yield
    ray.shutdown()


def warc_response(url: str, body: bytes, content_type: str, record: int) -> bytes:
    http = (f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body
    return warc_record("response", url, http, "application/http; msgtype=response", record)


def warc_record(kind: str, url: str, block: bytes, content_type: str, record: int) -> bytes:
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{record:012d}>\r\n"
            f"WARC-Target-URI: {url}\r\nWARC-Date: 2024-05-01T00:00:00Z\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(block)}\r\n\r\n")
    return head.encode() + block + b"\r\n\r\n"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("corpus")
    folder = root / "pages"
    folder.mkdir()
    for seed in sorted((FIXTURES / "seeds").iterdir()):
        shutil.copy(seed / "input.txt", folder / f"{seed.name}.txt")
    for page in sorted((FIXTURES / "integrations" / "pages").glob("*.html")):
        shutil.copy(page, folder / page.name)
    utf8 = (FIXTURES / "integrations" / "encoded" / "utf8.html").read_text(encoding="utf-8")
    jsonl = root / "records.jsonl"
    jsonl.write_text("\n".join(json.dumps(record, ensure_ascii=False) for record in [
        {"id": "rec-1", "url": "https://example.com/utf8", "html": utf8},
        {"id": "rec-2", "url": "https://example.com/plain", "html": "第一段正文。\n第二段正文。",
         "headers": {"Content-Type": "text/plain; charset=utf-8"}},
        {"id": "rec-3", "html": "<p>正文</p>", "headers": "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"},
        {"id": "rec-4", "html": "<p>正文</p>", "headers": [1, 2]},  # unusable headers: that row's error
    ]) + "\n", encoding="utf-8")
    warc = root / "crawl.warc"
    warc.write_bytes(
        warc_record("request", "https://example.com/gbk", b"GET /gbk HTTP/1.1\r\n\r\n", "application/http; msgtype=request", 1)
        + warc_response("https://example.com/gbk", GBK_PAGE, "text/html; charset=gbk", 2)
        + warc_response("https://example.com/utf8", utf8.encode(), "text/html", 3))
    return {"folder": folder, "jsonl": jsonl, "warc": warc}


def by_id(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda row: row["id"])


def test_readers_give_one_page_schema(corpus: dict[str, Path]) -> None:
    rows = by_id(read_pages(list(corpus.values())).take_all())
    assert len(rows) == 10 + 4 + 2  # the WARC request record is not a page
    assert all(set(row) == set(PAGE_SCHEMA.names) for row in rows)
    warc = {row["url"]: row for row in rows if row["id"].startswith("<urn:uuid:")}
    assert warc["https://example.com/gbk"]["html"] == GBK_PAGE
    assert json.loads(warc["https://example.com/gbk"]["headers"])["Content-Type"] == "text/html; charset=gbk"
    records = {row["id"]: row for row in rows if row["id"].startswith("rec-")}
    assert records["rec-1"]["url"] == "https://example.com/utf8" and records["rec-1"]["headers"] is None
    assert json.loads(records["rec-2"]["headers"]) == {"Content-Type": "text/plain; charset=utf-8"}
    assert json.loads(records["rec-3"]["headers"]) == {"Content-Type": "text/html"}
    assert records["rec-3"]["url"] is None and records["rec-3"]["html"] == "<p>正文</p>".encode()
    assert sum(1 for row in rows if row["id"].startswith(str(corpus["folder"]))) == 10


def test_ray_output_equals_single_process(corpus: dict[str, Path], tmp_path: Path) -> None:
    inputs = list(corpus.values())
    summary = run_ray(inputs, tmp_path / "out", config=CONFIG, num_cpus=2, fmt="parquet")
    from_ray = by_id(pq.read_table(tmp_path / "out").to_pylist())
    pages = pa.Table.from_pylist(read_pages(inputs).take_all(), schema=PAGE_SCHEMA)
    single = by_id(clean_table(pages, headers_column="headers", config=CONFIG).drop_columns(["html"]).to_pylist())
    assert from_ray == single
    failed = [row for row in single if row["error"]]
    assert 0 < len(failed) < len(single)
    assert (summary.pages, summary.failed) == (len(single), len(failed))
    assert {page_id for page_id, _ in summary.failures} == {row["id"] for row in failed}
    gbk = next(row for row in from_ray if row["url"] == "https://example.com/gbk")
    assert gbk["encoding"] == "gb18030" and gbk["encoding_reason"].startswith("http header")


def test_jsonl_output(corpus: dict[str, Path], tmp_path: Path) -> None:
    summary = run_ray(corpus["jsonl"], tmp_path / "out", config=CONFIG, fmt="jsonl")
    rows = [json.loads(line) for path in sorted((tmp_path / "out").glob("*.json"))
            for line in path.read_text(encoding="utf-8").splitlines()]
    assert (summary.pages, summary.failed) == (4, 1)
    errors = {row["id"]: row["error"] for row in rows}
    assert sorted(errors) == ["rec-1", "rec-2", "rec-3", "rec-4"]
    assert errors["rec-4"].startswith("InputError: headers") and summary.failures == [("rec-4", errors["rec-4"])]
    assert all(row["text"] for row in rows if row["id"] != "rec-4")
    assert "html" not in rows[0]


def test_output_folder_must_be_new(corpus: dict[str, Path], tmp_path: Path) -> None:
    (tmp_path / "old.json").write_text("{}")
    with pytest.raises(InputError, match="not empty"):
        run_ray(corpus["jsonl"], tmp_path, config=CONFIG)
