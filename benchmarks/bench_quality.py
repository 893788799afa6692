"""Body, date and author quality: cleanpage vs trafilatura, readability, GNE and jusText on hand-annotated pages.

    .venv/bin/python benchmarks/bench_quality.py                  # table per tool and the means
    .venv/bin/python benchmarks/bench_quality.py --pages          # also F1 per page and tool
    .venv/bin/python benchmarks/bench_quality.py --as gb18030     # pages re-encoded, declared gb2312
    .venv/bin/python benchmarks/bench_quality.py --set heldout    # the held-out pages (never tuned on)
    .venv/bin/python benchmarks/bench_quality.py --set forum      # blind forum pages (halves by a hash of the name)
    .venv/bin/python benchmarks/bench_quality.py --set forum2     # a second blind forum set (same split)

Gold: ``tests/fixtures/html/gold/<page>/expected.txt`` (the body by
/work/shared/docs/gold-conventions.md) and ``expected.json`` (title,
published, author, source), for the gzipped dev page of the same name in
``tests/fixtures/html/pages``. ``--set heldout`` reads
``tests/fixtures/html/heldout/`` instead: pages annotated the same way but
never used to find or tune a rule, so their score is the honest one. ``--set forum`` is the
first blind forum set (written without reading the code; split in halves by a hash of the name);
``--set forum2`` a second one, written blind after the thread rules were revised on the first (whose
both halves had been looked at by then): the same hash split, and only its tune half is ever looked at. Needs the ``bench`` extra (readability-lxml,
gne, justext).

Body scores are those of ``../shared/tools/seedscore.py``: precision, recall
and F1 of character 4-gram multisets with all whitespace removed. Dates are
compared on the day (``YYYY-MM-DD``: most tools give no time), and exactly
for the tools that give a time. An author is right when the set of names
equals the gold's; "invented" counts pages whose gold has no author where the
tool still names one (a source, an editor, the site).

``--as gb18030`` re-encodes every page to GB18030 and declares ``gb2312`` in
its ``<meta charset>``, as many Chinese servers do; tools that take bytes then
have to get the encoding right themselves.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import re
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from devsets import half

from cleanpage.decode import decode

ROOT = Path(__file__).resolve().parent.parent
GOLD_SETS = {"gold": ROOT / "tests" / "fixtures" / "html" / "gold",
             "heldout": ROOT / "tests" / "fixtures" / "html" / "heldout",
             "heldout2": ROOT / "tests" / "fixtures" / "html" / "heldout2",
             "heldout3": ROOT / "tests" / "fixtures" / "html" / "heldout3",
             "forum": ROOT / "tests" / "fixtures" / "html" / "forum",
             "forum2": ROOT / "tests" / "fixtures" / "html" / "forum2",
             "forum3": ROOT / "tests" / "fixtures" / "html" / "forum3",
             "forum4": ROOT / "tests" / "fixtures" / "html" / "forum4",
             "articles3": ROOT / "tests" / "fixtures" / "html" / "articles3",
             "forum5": ROOT / "tests" / "fixtures" / "html" / "forum5",
             "forum6": ROOT / "tests" / "fixtures" / "html" / "forum6",
             "forum7": ROOT / "tests" / "fixtures" / "html" / "forum7",
             "forum8": ROOT / "tests" / "fixtures" / "html" / "forum8",
             "forum9": ROOT / "tests" / "fixtures" / "html" / "forum9",
             "forum10": ROOT / "tests" / "fixtures" / "html" / "forum10",
             "forum11": ROOT / "tests" / "fixtures" / "html" / "forum11",
             "forum12": ROOT / "tests" / "fixtures" / "html" / "forum12",
             "forum13": ROOT / "tests" / "fixtures" / "html" / "forum13",
             "forum14": ROOT / "tests" / "fixtures" / "html" / "forum14",
             "articles4": ROOT / "tests" / "fixtures" / "html" / "articles4",
             "articles5": ROOT / "tests" / "fixtures" / "html" / "articles5",
             "articles6": ROOT / "tests" / "fixtures" / "html" / "articles6",
             "articles7": ROOT / "tests" / "fixtures" / "html" / "articles7",
             "articles8": ROOT / "tests" / "fixtures" / "html" / "articles8",
             "articles9": ROOT / "tests" / "fixtures" / "html" / "articles9",
             "articles10": ROOT / "tests" / "fixtures" / "html" / "articles10",
             "articles11": ROOT / "tests" / "fixtures" / "html" / "articles11",
             "articles12": ROOT / "tests" / "fixtures" / "html" / "articles12",
             "articles13": ROOT / "tests" / "fixtures" / "html" / "articles13"}
# the sets without a held-out folder of their own: half the pages, by a hash of the name, are never tuned on
SPLIT_SETS = frozenset({"forum", "forum2", "forum3", "forum4", "forum5", "forum6", "forum7", "forum8", "forum9", "forum10", "forum11", "forum12", "forum13", "forum14", "articles3", "articles4", "articles5", "articles6", "articles7", "articles8", "articles9", "articles10", "articles11", "articles12", "articles13"})
PAGES = ROOT / "tests" / "fixtures" / "html" / "pages"
META_CHARSET = re.compile(rb"(<meta[^>]{0,200}?charset\s*=\s*[\"']?)\s*[A-Za-z0-9_-]+", re.IGNORECASE)
DAY = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?:\D{1,3}(\d{1,2}):(\d{2}))?")
NAME_SEPARATORS = re.compile(r"[\s,，、;；&/／|]+")
BLOCK_TAGS = ("p", "div", "li", "tr", "td", "h1", "h2", "h3", "h4", "h5", "h6", "br", "pre", "blockquote", "table")


@dataclass
class Output:
    text: str
    published: str | None = None
    author: str | None = None


@dataclass
class Page:
    name: str
    raw: bytes
    text: str  # correctly decoded
    body: str
    published: str | None
    author: str | None


# -- scoring (as ../shared/tools/seedscore.py) -------------------------------------------------------
def shingles(text: str, n: int = 4) -> Counter[str]:
    s = re.sub(r"\s+", "", text)
    return Counter(s[i: i + n] for i in range(max(len(s) - n + 1, 0)))


def prf(pred: str, gold: str) -> tuple[float, float, float]:
    p, g = shingles(pred), shingles(gold)
    tp = sum((p & g).values())
    precision = tp / max(sum(p.values()), 1)
    recall = tp / max(sum(g.values()), 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    return precision, recall, f1


def normalize_date(value: object) -> tuple[str, str | None] | None:
    """``(day, minute or None)`` from whatever a tool returns, ``None`` when it holds no date."""
    match = DAY.search(str(value)) if value else None
    if not match:
        return None
    year, month, day, hour, minute = match.groups()
    iso_day = f"{year}-{int(month):02d}-{int(day):02d}"
    return iso_day, f"{iso_day}T{int(hour):02d}:{minute}" if hour else None


def names(value: object) -> frozenset[str]:
    if not value:
        return frozenset()
    if isinstance(value, (list, tuple)):
        value = " ".join(map(str, value))
    return frozenset(n for n in NAME_SEPARATORS.split(str(value)) if n)


# -- tools -------------------------------------------------------------------------------------------
def html_to_text(fragment: str) -> str:
    """Visible text of an HTML fragment, one line per block element."""
    import lxml.html

    if not fragment.strip():
        return ""
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for element in root.iter(*BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
        if element.tag != "br":
            element.text = "\n" + (element.text or "")
    lines = (re.sub(r"[ \t\u3000\xa0]+", " ", line).strip() for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def run_cleanpage(page: Page) -> Output:
    import cleanpage

    doc = cleanpage.clean(page.raw)
    return Output(doc.text, doc.metadata.published, doc.metadata.author)


def _trafilatura(source: bytes | str) -> Output:
    import trafilatura

    text = trafilatura.extract(source) or ""
    document = trafilatura.bare_extraction(source, with_metadata=True)
    return Output(text, getattr(document, "date", None), getattr(document, "author", None))


def run_readability(page: Page) -> Output:
    from readability import Document

    return Output(html_to_text(Document(page.text).summary(html_partial=True)))


def run_gne(page: Page) -> Output:
    from gne import GeneralNewsExtractor

    result = GeneralNewsExtractor().extract(page.text)
    return Output(result.get("content") or "", result.get("publish_time"), result.get("author"))


def run_justext(page: Page) -> Output:
    import justext

    # jusText has no Chinese stoplist: its documented language-independent mode (empty list, thresholds 0)
    paragraphs = justext.justext(page.text, frozenset(), stopwords_low=0, stopwords_high=0)
    return Output("\n".join(p.text for p in paragraphs if not p.is_boilerplate))


TOOLS: dict[str, Callable[[Page], Output]] = {
    "cleanpage (bytes)": run_cleanpage,
    "trafilatura (bytes)": lambda page: _trafilatura(page.raw),
    "trafilatura (decoded)": lambda page: _trafilatura(page.text),
    "readability (decoded)": run_readability,
    "GNE (decoded)": run_gne,
    "jusText (decoded)": run_justext,
}


# -- run ---------------------------------------------------------------------------------------------
def load_pages(gold: Path, encoding: str | None) -> list[Page]:
    pages = []
    for folder in sorted(p for p in gold.iterdir() if p.is_dir()):
        own = folder / "page.html"  # a page that carries its own bytes (the forum set: GBK, Big5, UTF-8)
        raw = own.read_bytes() if own.exists() else gzip.decompress((PAGES / f"{folder.name}.html.gz").read_bytes())
        text = decode(raw).text
        if encoding:
            raw = META_CHARSET.sub(rb"\g<1>gb2312", text.encode(encoding))
        meta = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        body = (folder / "expected.txt").read_text(encoding="utf-8")
        pages.append(Page(folder.name, raw, text, body, meta.get("published"), meta.get("author")))
    return pages


@dataclass
class Score:
    p: float
    r: float
    f1: float
    day_ok: bool | None  # None: the gold has no date
    exact_ok: bool | None
    author: str  # "right", "wrong", "missed", "invented", "none"
    error: str | None = None


def score(page: Page, out: Output) -> Score:
    p, r, f1 = prf(out.text, page.body)
    if not shingles(page.body) and not shingles(out.text):
        p = r = f1 = 1.0  # a page without a body (a list, a login wall) is right when nothing comes out
    gold_date, got_date = normalize_date(page.published), normalize_date(out.published)
    day_ok = exact_ok = None
    if gold_date:
        day_ok = got_date is not None and got_date[0] == gold_date[0]
        exact_ok = got_date is not None and (got_date[1] or got_date[0]) == (gold_date[1] or gold_date[0])
    gold_names, got_names = names(page.author), names(out.author)
    if gold_names:
        author = "right" if got_names == gold_names else "wrong" if got_names else "missed"
    else:
        author = "invented" if got_names else "none"
    return Score(p, r, f1, day_ok, exact_ok, author)


def run_tool(run: Callable[[Page], Output], page: Page) -> Score:
    try:
        return score(page, run(page))
    except Exception as exc:  # a tool crashing on a page scores zero there, and the run goes on
        result = score(page, Output(""))
        result.error = f"{type(exc).__name__}: {exc}"[:120]
        return result


def mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", action="store_true", help="also print body F1 per page and tool")
    parser.add_argument("--as", dest="encoding", choices=["gb18030"], help="re-encode pages, declared gb2312")
    parser.add_argument("--set", dest="gold", choices=sorted(GOLD_SETS), default="gold",
                        help="which annotated pages: the dev gold or the held-out check")
    parser.add_argument("--tools", nargs="+", choices=sorted(TOOLS), default=sorted(TOOLS), metavar="TOOL",
                        help=f"which tools to run (default all: {', '.join(TOOLS)})")
    args = parser.parse_args()
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    pages = load_pages(GOLD_SETS[args.gold], args.encoding)
    results = {name: [run_tool(run, page) for page in pages] for name, run in TOOLS.items() if name in args.tools}
    dated = sum(page.published is not None for page in pages)
    with_author = sum(page.author is not None for page in pages)
    print(f"{len(pages)} {args.gold} pages ({args.encoding or 'utf-8'} bytes); {dated} with a date, "
          f"{with_author} with an author, {len(pages) - with_author} without")
    print("| tool | body P | body R | body F1 | F1 < 0.8 | date (day) | date (exact) | author right "
          "| author invented | errors |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, scores in results.items():
        day = sum(bool(s.day_ok) for s in scores)
        exact = sum(bool(s.exact_ok) for s in scores)
        right = sum(s.author == "right" for s in scores)
        invented = sum(s.author == "invented" for s in scores)
        errors = sum(s.error is not None for s in scores)
        print(f"| {name} | {mean([s.p for s in scores]):.3f} | {mean([s.r for s in scores]):.3f} "
              f"| **{mean([s.f1 for s in scores]):.3f}** | {sum(s.f1 < 0.8 for s in scores)} | {day}/{dated} "
              f"| {exact}/{dated} | {right}/{with_author} | {invented}/{len(pages) - with_author} | {errors} |")
    if args.gold in SPLIT_SETS:
        halves = {name: [half(page.name) for page in pages] for name in results}
        for name, scores in results.items():
            tune = [s.f1 for s, h in zip(scores, halves[name]) if h == "tune"]
            held = [s.f1 for s, h in zip(scores, halves[name]) if h == "holdout"]
            print(f"{name}: tune half {mean(tune):.3f} ({len(tune)} pages), holdout half {mean(held):.3f} ({len(held)})")
    if args.pages:
        print("\n| page | " + " | ".join(results) + " |")
        print("|---|" + "---|" * len(results))
        for index, page in enumerate(pages):
            print(f"| {page.name} | " + " | ".join(f"{results[name][index].f1:.2f}" for name in results) + " |"
                  + (f" {half(page.name)}" if args.gold in SPLIT_SETS else ""))
        for name, scores in results.items():
            for page, s in zip(pages, scores):
                if s.error:
                    print(f"{name} on {page.name}: {s.error}")


if __name__ == "__main__":
    main()
