"""Adapters for distributed engines and crawler frameworks, each behind its own extra.

- :mod:`cleanpage.integrations.ray`: Ray Data (``pip install 'cleanpage[ray]'``).
- :mod:`cleanpage.integrations.scrapy`: a Scrapy item pipeline (``pip install 'cleanpage[scrapy]'``).

Spark and Dask need no adapter: their recipes in ``docs/scale.md`` call
:func:`cleanpage.clean_table` directly.
"""
