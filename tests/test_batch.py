"""clean_table: one Arrow table of pages in, the same table plus typed result columns out."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow")

import cleanpage  # noqa: E402
from cleanpage import Cleaner, Config, Detector  # noqa: E402
from cleanpage.batch import clean_table, result_schema  # noqa: E402
from cleanpage.page import Finding, Page  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
PAGES = sorted((FIXTURES / "seeds").glob("*/input.txt")) + sorted((FIXTURES / "integrations" / "pages").glob("*.html"))


@pytest.fixture(scope="module")
def corpus() -> pa.Table:
    return pa.table({
        "url": [f"https://example.com/{path.parent.name if path.name == 'input.txt' else path.stem}" for path in PAGES],
        "html": [path.read_bytes() for path in PAGES],
    })


@pytest.fixture(scope="module")
def cleaned(corpus: pa.Table) -> pa.Table:
    return clean_table(corpus)


def test_rows_equal_single_page_cleaning(corpus: pa.Table, cleaned: pa.Table) -> None:
    cleaner = Cleaner()
    for row, page, url in zip(cleaned.to_pylist(), corpus.column("html").to_pylist(), corpus.column("url").to_pylist(), strict=True):
        document = cleaner.clean(page, url=url)
        assert row["error"] is None
        assert row["text"] == document.text
        assert row["title"] == document.title
        assert row["encoding"] == document.metadata.encoding
        assert row["authors"] == document.metadata.authors
        assert json.loads(row["removed"]) == [removal.to_dict() for removal in document.removed]


def test_schema_is_typed_and_keeps_input_columns(cleaned: pa.Table) -> None:
    assert cleaned.column_names[:2] == ["url", "html"]
    for field in result_schema():
        if field.name != "url":  # the input's url column is kept, not replaced by metadata.url
            assert cleaned.schema.field(field.name).type == field.type
    assert cleaned.schema.field("views").type == pa.int64()
    assert cleaned.schema.field("truncated").type == pa.bool_()
    assert cleaned.schema.field("captions").type == pa.list_(pa.string())
    assert isinstance(json.loads(cleaned.column("extra")[0].as_py()), dict)


def test_string_column_and_record_batch(corpus: pa.Table) -> None:
    text_pages = [page.decode("utf-8") for page in corpus.column("html").to_pylist()[:2]]
    batch = pa.record_batch({"page": pa.array(text_pages, pa.large_string())})
    out = clean_table(batch, html_column="page", url_column=None)
    assert out.column("error").to_pylist() == [None, None]
    assert out.column("text").to_pylist() == [cleanpage.clean(page).text for page in text_pages]


def test_failing_pages_become_error_rows() -> None:
    table = pa.table({"html": [b"<p>first</p>", None, b"x" * 200, b"<p>last</p>"]})
    out = clean_table(table, max_input_bytes=100)
    errors = out.column("error").to_pylist()
    assert errors[0] is None and errors[3] is None
    assert errors[1] == "InputError: the page is null"
    assert errors[2].startswith("InputTooLargeError: ")
    assert out.column("text").to_pylist()[1:3] == [None, None]


def test_headers_decide_the_encoding() -> None:
    page = "<p>这是一段用简体中文写成的正文内容。</p>".encode("gbk")
    headers = [json.dumps({"Content-Type": "text/html; charset=gbk"}), None]
    out = clean_table(pa.table({"html": [page, page], "headers": headers}), headers_column="headers")
    assert out.column("encoding_reason").to_pylist()[0].startswith("http header")
    as_map = pa.array([[("Content-Type", "text/html; charset=gbk")]], pa.map_(pa.string(), pa.string()))
    mapped = clean_table(pa.table({"html": [page], "headers": as_map}), headers_column="headers")
    assert mapped.column("encoding_reason").to_pylist() == out.column("encoding_reason").to_pylist()[:1]
    broken = clean_table(pa.table({"html": [page], "headers": ["not json"]}), headers_column="headers")
    assert broken.column("error").to_pylist()[0].startswith("InputError: headers are not a JSON object")


def test_missing_html_column_is_a_clear_error() -> None:
    with pytest.raises(cleanpage.InputError, match="no column 'html'"):
        clean_table(pa.table({"body": [b"x"]}))


def test_cleaner_and_options_are_exclusive() -> None:
    with pytest.raises(cleanpage.ConfigError):
        clean_table(pa.table({"html": [b"x"]}), cleaner=Cleaner(), kind="text")


def test_without_trace() -> None:
    out = clean_table(pa.table({"html": [b"<p>ok</p>"]}), trace=False)
    assert "removed" not in out.column_names and "error" in out.column_names


class SlowDetector(Detector):
    """Takes longer than the test's timeout, so the pipeline's next deadline check fires."""

    name = "test_slow"

    def detect(self, page: Page) -> Iterable[Finding]:
        time.sleep(0.05)
        return []


def test_timeout_is_recorded_as_the_rows_error() -> None:
    cleaner = Cleaner(Config(timeout=0.01))
    cleaner.detectors = [SlowDetector(cleaner.config), SlowDetector(cleaner.config)]
    out = clean_table(pa.table({"html": [b"<p>one</p>", b"<p>two</p>"]}), cleaner=cleaner)
    assert [error.split(":")[0] for error in out.column("error").to_pylist()] == ["CleanTimeoutError"] * 2


def test_import_cleanpage_does_not_import_pyarrow() -> None:
    code = "import sys, cleanpage; assert 'pyarrow' not in sys.modules; cleanpage.clean_table; assert 'pyarrow' in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
