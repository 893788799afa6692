"""What the blind gold checks share (tests/html/test_forum_gold.py, tests/html/test_article_gold.py): a fixture
page decoded strictly in the charset its ``<meta>`` declares, and its visible text with all whitespace removed."""

from __future__ import annotations

import html
import re
from pathlib import Path

DECLARED = re.compile(rb'<meta[^>]+charset=["\']?([A-Za-z0-9_-]+)', re.IGNORECASE)
SPACE = re.compile(r"[\s\u3000\xa0]+")


def decoded_page(folder: Path) -> str:
    """``page.html`` of ``folder`` decoded strictly in its declared charset (a wrong declaration fails)."""
    raw = (folder / "page.html").read_bytes()
    declared = DECLARED.search(raw[:4096])
    assert declared, f"{folder.name}: no <meta charset>"
    return raw.decode(declared.group(1).decode("ascii").lower(), errors="strict")


def squashed(text: str) -> str:
    return SPACE.sub("", text)


def visible_text(page: str, *, head: bool = True) -> str:
    """The page's text outside scripts, styles and comments (and, without ``head``, outside ``<head>``: its
    ``<title>``), entities decoded, whitespace removed."""
    if not head:
        page = re.sub(r"(?is)<head\b.*?</head>", " ", page)
    page = re.sub(r"(?is)<(script|style|template)\b.*?</\1>", " ", page)
    page = re.sub(r"(?s)<!--.*?-->", " ", page)
    return squashed(html.unescape(re.sub(r"<[^>]+>", "", page)))
