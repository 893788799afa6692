"""The blind article gold (tests/fixtures/html/articles3..9) is consistent with its pages (a check of the data,
not of cleanpage): each page decodes strictly in its declared charset; expected.json has the four fields and a
``published`` of the shapes the conventions allow (a month, a day, a minute); expected.txt has no blank line and no
line with outer whitespace; every expected line occurs, in order, in the page's text outside ``<head>``; the
title, author and source occur in the page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from gold_pages import decoded_page, squashed, visible_text

ROOT = Path(__file__).resolve().parent.parent / "fixtures" / "html"
FOLDERS = sorted(path for name in ("articles3", "articles4", "articles5", "articles6", "articles7", "articles8", "articles9", "articles10", "articles11", "articles12", "articles13") for path in (ROOT / name).iterdir() if path.is_dir())
KEYS = {"title", "published", "author", "source"}
PUBLISHED = re.compile(r"^\d{4}-\d{2}(?:-\d{2}(?:T\d{2}:\d{2})?)?$")


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_article_gold_is_consistent_with_its_page(folder: Path) -> None:
    page = decoded_page(folder)
    gold = json.loads((folder / "expected.json").read_text("utf-8"))
    assert set(gold) == KEYS
    assert gold["published"] is None or PUBLISHED.match(gold["published"])
    lines = (folder / "expected.txt").read_text("utf-8").rstrip("\n").split("\n")
    assert lines != [""], "empty body"
    assert all(line.strip() and line == line.strip() for line in lines), "blank line or outer whitespace"
    body, everything = visible_text(page, head=False), visible_text(page)
    position = 0
    for line in lines:
        found = body.find(squashed(line), position)
        assert found >= 0, f"missing or out of order: {line[:40]}"
        position = found + len(squashed(line))
    assert gold["title"], "no title"
    assert [key for key in ("title", "author", "source") if gold[key] and squashed(gold[key]) not in everything] == []
