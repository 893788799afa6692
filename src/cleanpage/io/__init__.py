"""Batch input and output for the ``cleanpage`` command.

``inputs`` (files, folders, stdin, JSONL) and ``warc`` turn command-line
inputs into a lazy stream of :class:`~cleanpage.io.page_input.PageInput`;
``parallel`` cleans them in worker processes; ``work`` is what a worker does
with a page; ``outputs`` writes results atomically; ``runner`` ties them
together with progress, errors log and summary.
"""
