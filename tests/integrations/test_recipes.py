"""The Dask and Spark recipes of docs/scale.md, run as written: their rows equal clean_table's."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

pa = pytest.importorskip("pyarrow")
import pyarrow.parquet as pq  # noqa: E402

from cleanpage import clean_table  # noqa: E402

ROOT = Path(__file__).parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
PAGES = sorted((FIXTURES / "seeds").glob("*/input.txt")) + sorted((FIXTURES / "integrations" / "pages").glob("*.html"))


def load_recipe(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "examples" / "recipes" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def pages() -> pa.Table:
    return pa.table({"url": [f"https://example.com/{n:02d}" for n in range(len(PAGES))],
                     "html": [path.read_bytes() for path in PAGES]})


@pytest.fixture(scope="module")
def expected(pages: pa.Table) -> list[dict[str, Any]]:
    return clean_table(pages, **load_recipe("spark_clean").OPTIONS).to_pylist()


@pytest.fixture
def parquet_pages(pages: pa.Table, tmp_path: Path) -> Path:
    path = tmp_path / "pages.parquet"
    pq.write_table(pages, path, row_group_size=4)
    return path


def by_url(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda row: row["url"])


def test_dask_recipe(parquet_pages: Path, tmp_path: Path, expected: list[dict[str, Any]]) -> None:
    dask = pytest.importorskip("dask")
    pytest.importorskip("dask.dataframe")
    recipe = load_recipe("dask_clean")
    with dask.config.set(scheduler="synchronous"):
        recipe.clean_parquet(str(parquet_pages), str(tmp_path / "out"))
    assert by_url(pq.read_table(tmp_path / "out").to_pylist()) == expected


def test_spark_batch_function_on_record_batches(pages: pa.Table, expected: list[dict[str, Any]]) -> None:
    recipe = load_recipe("spark_clean")
    batches = list(recipe.clean_batches(iter(pages.to_batches(max_chunksize=3))))
    assert all(isinstance(batch, pa.RecordBatch) for batch in batches)
    assert pa.Table.from_batches(batches).to_pylist() == expected


def test_spark_recipe(parquet_pages: Path, tmp_path: Path, expected: list[dict[str, Any]]) -> None:
    pytest.importorskip("pyspark")  # not in the test extras: heavy; see docs/scale.md
    recipe = load_recipe("spark_clean")
    recipe.clean_parquet(str(parquet_pages), str(tmp_path / "out"))
    assert by_url(pq.read_table(tmp_path / "out").to_pylist()) == expected
