"""Clean a Parquet corpus of pages with Dask: ``map_partitions`` over an Arrow binary column.

    python examples/recipes/dask_clean.py pages.parquet cleaned/

``pages.parquet`` has an ``html`` column (binary, any encoding, or string)
and optionally ``url``. Every partition goes through ``clean_table``; the
cleaner is built once per worker process (``clean_table`` caches it by config).
"""

from __future__ import annotations

import sys

import dask.dataframe as dd
import pandas as pd
import pyarrow as pa

from cleanpage import clean_table
from cleanpage.batch import output_schema

OPTIONS = {"captions": "move"}  # any Config fields


def clean_partition(frame: pd.DataFrame) -> pd.DataFrame:
    table = clean_table(pa.Table.from_pandas(frame, preserve_index=False), **OPTIONS)
    return table.to_pandas(types_mapper=pd.ArrowDtype)


def clean_parquet(source: str, target: str) -> None:
    pages = dd.read_parquet(source, dtype_backend="pyarrow")
    schema = output_schema(pa.Schema.from_pandas(pages._meta, preserve_index=False))
    meta = schema.empty_table().to_pandas(types_mapper=pd.ArrowDtype)
    pages.map_partitions(clean_partition, meta=meta).to_parquet(target, write_index=False)


if __name__ == "__main__":
    clean_parquet(sys.argv[1], sys.argv[2])
