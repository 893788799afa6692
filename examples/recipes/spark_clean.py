"""Clean a Parquet corpus of pages with PySpark: ``mapInArrow`` over a binary column.

    spark-submit examples/recipes/spark_clean.py pages.parquet cleaned/

``pages.parquet`` has an ``html`` column (binary, any encoding, or string)
and optionally ``url``. Each Python worker builds its cleaner once
(``clean_table`` caches it by config) and cleans Arrow record batches.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pyarrow as pa

from cleanpage import clean_table
from cleanpage.batch import output_schema

OPTIONS = {"captions": "move"}  # any Config fields


def clean_batches(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    for batch in batches:
        yield from clean_table(batch, **OPTIONS).to_batches()


def clean_parquet(source: str, target: str) -> None:
    from pyspark.sql import SparkSession
    from pyspark.sql.pandas.types import from_arrow_schema, to_arrow_schema

    spark = SparkSession.builder.appName("cleanpage").getOrCreate()
    pages = spark.read.parquet(source)
    schema = from_arrow_schema(output_schema(to_arrow_schema(pages.schema)))
    pages.mapInArrow(clean_batches, schema).write.parquet(target)


if __name__ == "__main__":
    clean_parquet(sys.argv[1], sys.argv[2])
