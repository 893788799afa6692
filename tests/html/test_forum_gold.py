"""The blind forum gold (tests/fixtures/html/forum3..5) is consistent with its pages (a check of the data,
not of cleanpage): each page decodes strictly in its declared charset, expected.json has the set's keys and
every post author/published/text, expected.txt is the posts' text joined by newlines (for an ``article`` page,
whose reader comments are not posts, ``posts`` is empty and expected.txt is the article body), and every
expected line and the title occur in the page's visible text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gold_pages import decoded_page, squashed, visible_text

ROOT = Path(__file__).resolve().parent.parent / "fixtures" / "html"
FOLDERS = sorted(path for name in ("forum3", "forum4", "forum5", "forum6", "forum7", "forum8", "forum9", "forum10", "forum11", "forum12", "forum13", "forum14") for path in (ROOT / name).iterdir() if path.is_dir())
KEYS = ["page_type", "title", "author", "published", "posts", "url"]


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_forum_gold_is_consistent_with_its_page(folder: Path) -> None:
    page = decoded_page(folder)
    gold = json.loads((folder / "expected.json").read_text("utf-8"))
    assert list(gold) == KEYS
    assert all(sorted(post) == ["author", "published", "text"] for post in gold["posts"])
    body = (folder / "expected.txt").read_text("utf-8").rstrip("\n")
    if gold["page_type"] == "article":
        assert not gold["posts"] and body
    else:
        assert body == "\n".join(post["text"] for post in gold["posts"])
    lines = body.split("\n") if body else []
    assert all(line.strip() for line in lines), "blank line in the body"
    visible = visible_text(page)
    assert [line for line in lines if squashed(line) not in visible] == []
    assert not gold["title"] or squashed(gold["title"]) in visible
