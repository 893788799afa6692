"""``cleanpage clean --merge-pages``: one output per multi-page article, other pages unchanged (issue 16)."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from .helpers import RunCli, warc_record

MULTIPAGE = Path(__file__).resolve().parents[1] / "fixtures" / "multipage"
SINGLE_URL = "https://www.example.com/news/single.html"
SINGLE = ("<html><head><title>只有一页的文章</title></head><body><h1>只有一页的文章</h1><p>"
          + "这是一篇只有一页的文章，它没有分页，也就没有可以合并的其他页面。" * 6 + "</p></body></html>")


def article_pages(case: str) -> list[dict[str, Any]]:
    """The case's pages as crawl records: ``url`` and the page decoded as its charset says."""
    pages = []
    for record in json.loads((MULTIPAGE / case / "pages.json").read_text(encoding="utf-8")):
        raw = (MULTIPAGE / case / record["file"]).read_bytes()
        pages.append({"url": record["url"], "html": raw.decode("gbk" if b"charset=gb2312" in raw else "utf-8")})
    return pages


def gold(case: str) -> str:
    return (MULTIPAGE / case / "expected.txt").read_text(encoding="utf-8").rstrip("\n")


def test_jsonl_pages_give_one_record_per_article(run_cli: RunCli, tmp_path: Path) -> None:
    trs, tw = article_pages("trs-gbk-simplified"), article_pages("tw-utf8-traditional-query")
    records = [*trs, *tw[:1], *tw[2:], {"url": SINGLE_URL, "html": SINGLE}]  # the Taiwanese article lacks page 2
    random.Random(16).shuffle(records)
    (tmp_path / "pages.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                                          encoding="utf-8")
    done = run_cli("clean", "pages.jsonl", "--merge-pages", "-o", "out.jsonl", "--jobs", "1")
    assert done.returncode == 0, done.stderr
    assert "2 article(s) merged from 5 page(s)" in done.stderr
    out = {row["id"]: row for row in map(json.loads, (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines())}
    single_line = next(n for n, record in enumerate(records, start=1) if record["url"] == SINGLE_URL)
    assert set(out) == {trs[0]["url"], tw[0]["url"], f"pages.jsonl:{single_line}"}
    assert out[trs[0]["url"]]["text"] == gold("trs-gbk-simplified")
    assert out[trs[0]["url"]]["metadata"]["pages"] == {"total": 3}
    incomplete = out[tw[0]["url"]]
    assert incomplete["metadata"]["next_url"] is None
    assert any(w.startswith("merge: a page is missing") for w in incomplete["warnings"])
    single = out[f"pages.jsonl:{single_line}"]
    assert single["metadata"]["url"] == SINGLE_URL and single["metadata"]["pages"] is None
    assert single["text"].startswith("这是一篇只有一页的文章")


def test_warc_pages_merge_too(run_cli: RunCli, tmp_path: Path) -> None:
    pages = article_pages("dede-utf8-split-paragraph")
    records = [warc_record(page["url"], page["html"].encode("utf-8"), record_id=f"0000000{n}-0000-0000-0000-000000000000")
               for n, page in enumerate(reversed(pages))]
    (tmp_path / "crawl.warc.gz").write_bytes(b"".join(records))
    done = run_cli("clean", "crawl.warc.gz", "--merge-pages", "-o", "out.jsonl", "--jobs", "1")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in rows] == [pages[0]["url"]]
    assert rows[0]["text"] == gold("dede-utf8-split-paragraph")


def test_merge_pages_cannot_resume(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "pages.jsonl").write_text(json.dumps({"url": SINGLE_URL, "html": SINGLE}) + "\n", encoding="utf-8")
    done = run_cli("clean", "pages.jsonl", "--merge-pages", "--skip-existing", "-o", "out.jsonl")
    assert done.returncode == 2 and "--merge-pages" in done.stderr
