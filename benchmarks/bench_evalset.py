"""Snippet F1, dates and authors on trafilatura's public evaluation set: cleanpage vs trafilatura (and readability).

    .venv/bin/python benchmarks/bench_evalset.py                        # cleanpage + trafilatura, all 990 pages
    .venv/bin/python benchmarks/bench_evalset.py --half tune --pages    # tune half only, one row per page
    .venv/bin/python benchmarks/bench_evalset.py --worst 20             # tune pages where cleanpage loses most
    .venv/bin/python benchmarks/bench_evalset.py --systems cleanpage trafilatura trafilatura-body readability
    .venv/bin/python benchmarks/bench_evalset.py --json /tmp/evalset.json --jobs 2 --no-cache

What it measures
    ``../shared/devdata/trafilatura-eval/`` (``--data``) is the evaluation corpus of
    the trafilatura project: 990 real pages, mostly German and English news, blogs,
    government and company sites. ``evaldata.json`` maps a URL to ``file`` (the HTML
    in ``cache/<file>``, else ``eval/<file>``), ``with`` (snippets the main text must
    contain), ``without`` (snippets it must not contain: navigation, footers, dates,
    related links...) and for 851 pages ``date`` and ``author`` (often empty). It checks
    the language-independent part of main-content selection on pages that are not
    Chinese; it says nothing about Chinese-specific rules.

Systems (one run, same pages)
    cleanpage         ``cleanpage.clean(raw_bytes, url=url)``: ``doc.text``,
                      ``doc.metadata.published``, ``doc.metadata.author`` (``authors``
                      gives the predicted name set when it is not empty).
    trafilatura       the string ``trafilatura.extract(raw_bytes, url=url)`` returns
                      with default settings (body, then the comments: ``include_comments``
                      is on by default). Obtained in one call as
                      ``extract(raw_bytes, url=url, output_format="json", with_metadata=True)``,
                      re-assembled exactly as extract's txt output does
                      (``normalize_unicode(f"{text}\\n{comments}".strip())``); checked
                      identical to plain ``extract()`` on all 990 pages with trafilatura
                      2.3.1. Date and author come from the same call.
    trafilatura-body  the same call, body text only (``json["text"]``, no comments): free,
                      it reuses trafilatura's output. This is the variant that reproduces
                      the README's 0.924 (see below).
    readability       readability-lxml ``Document(html).summary()``, text via lxml
                      ``text_content()`` (a newline after each block element so paragraphs
                      do not glue together); no date or author.
    Decoding: cleanpage and trafilatura both get the raw bytes and decode them
    themselves (trafilatura handles bytes well: its own evaluation passes bytes).
    readability needs a str: it gets ``trafilatura.utils.decode_file(raw)``, as in
    trafilatura's ``tests/evaluate.py``.

Split
    ``hashlib.sha1(file.encode("utf-8")).digest()[0] % 2``: 0 = ``tune`` (write and
    tune rules on these), 1 = ``holdout`` (measure on these; never read their
    failures). Stable across runs and dataset copies. ``--half`` restricts which pages
    run; tables show tune, holdout and all (of the pages run). ``--worst`` lists tune
    pages only unless ``--half holdout`` is given; ``--pages`` shows counts for both.

Scoring (as trafilatura's ``tests/eval_common.py``/``eval_gate.py``)
    Output and each snippet are whitespace-normalised (``re.sub(r"\\s+", " ", s).strip()``,
    both sides, as trafilatura does). A ``with`` snippet found is a true positive,
    missed a false negative; a ``without`` snippet found is a false positive, absent a
    true negative. Empty output, an exception or a page over 30 s (``--timeout``;
    SIGALRM in the worker, so time spent inside C code is only stopped when it returns
    to Python) count as empty output (all ``with`` missed) and are listed. Precision tp/(tp+fp),
    recall tp/(tp+fn), F1 = 2tp/(2tp+fp+fn), micro over all snippets of the set.
    Dates: pages whose gold date is not empty; right when the predicted date falls on
    the same day (``YYYY-MM-DD``; the two malformed gold dates ``2022-01.26`` and
    ``2022-11-1`` are read as days too). Authors: pages whose gold author is not empty
    (a few are lists: their items are the names); right when the prediction equals
    the gold case-insensitively after whitespace normalisation, or when the name sets
    are equal, split on ``;`` ``,`` `` and `` ``&`` ``/``. ``auth=`` is trafilatura's own,
    stricter rule (``tests/eval_authors.py``: exact string equality).

Reference numbers (the dataset README, "measured here", trafilatura 2.3 default settings)
    snippet F1 0.924, dates 0.868, authors 0.618; readability-lxml 0.869, jusText 0.854,
    resiliparse 0.842. With trafilatura 2.3.1 this script gets F1 0.921 for plain
    ``extract()`` (its comments add 29 false positives) and 0.924 for
    ``trafilatura-body``: the README most likely scored the body without the comments
    (readability here: 0.873).
    trafilatura's own gate (``include_comments=False``, which also changes the body)
    gets 0.926. The README does not say how it matched dates and authors. Here
    trafilatura 2.3.1 (htmldate 1.11.0) gets dates 0.865 (630/728; 0.868 would be
    632: the same with or without ``url=`` and with ``fast=True``) and authors 0.532
    (286/538) by the rule above, 0.467 by exact equality; no looser rule tried
    (substring either way, name overlap, case and punctuation folded, all 851 pages
    with the field or all 990 with true negatives) gives 0.618 (the closest is
    mutual substring, 0.608).

Speed
    ``--jobs`` worker processes (default 2). The other systems' outputs are cached in
    ``benchmarks/.cache/evalset-<system>-<version>.json`` keyed by file (with the
    page's sha1, so an edited page is recomputed; the file also records the versions
    of the libraries under it, htmldate and lxml, and is dropped when they change), so
    a second run only recomputes cleanpage. ``--no-cache`` ignores and overwrites the cache.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import re
import signal
import subprocess
import sys
import time
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from multiprocessing import Pool
from pathlib import Path
from typing import Any

from devsets import EVALSET, HALVES, ROOT, evalset_pages, half

DATA = EVALSET
CACHE_DIR = ROOT / "benchmarks" / ".cache"
SYSTEMS = ("cleanpage", "trafilatura", "trafilatura-body", "readability", "htmldate")
DEFAULT_SYSTEMS = ("cleanpage", "trafilatura")
# system -> (runner that computes it, field of the runner's output that is its text)
SOURCES = {
    "cleanpage": ("cleanpage", "text"),
    "trafilatura": ("trafilatura", "text"),
    "trafilatura-body": ("trafilatura", "body"),
    "readability": ("readability", "text"),
    "htmldate": ("htmldate", "text"),
}
NO_METADATA = ("readability",)  # runners that give no date or author: "-" rather than 0
NO_TEXT = ("htmldate",)  # systems that give a date only: "-" for the text columns
CACHED_RUNNERS = ("trafilatura", "readability", "htmldate")  # never cleanpage: it is what changes
DEPS_KEY = "__dependencies__"  # cache entry holding the versions the outputs were made with
DAY = re.compile(r"((?:19|20)\d{2})\D{1,3}(\d{1,2})\D{1,3}(\d{1,2})")
NAME_SPLIT = re.compile(r"\s*(?:;|,|&|/|\sand\s)\s*", re.IGNORECASE)
BLOCKS = ("p", "div", "li", "tr", "td", "th", "br", "pre", "blockquote", "table", "section", "article",
          "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "dt", "dd", "header", "footer")


# -- data -------------------------------------------------------------------------------------------
@dataclass
class Page:
    url: str
    file: str
    path: Path
    half: str
    with_: list[str]
    without: list[str]
    date: str | None
    author: str | list[str] | None


def load_pages(data: Path) -> list[Page]:
    pages = []
    for url, item, path in evalset_pages(data):
        if path is None:
            print(f"missing page: {item['file']}", file=sys.stderr)
            continue
        pages.append(Page(url, item["file"], path, half(item["file"]), item["with"], item["without"],
                          item.get("date"), item.get("author")))
    return pages


# -- systems (run in the worker processes) --------------------------------------------------------------
def run_cleanpage(raw: bytes, url: str) -> dict[str, Any]:
    import cleanpage

    doc = cleanpage.clean(raw, url=url)
    meta = doc.metadata
    rules = {name: found.get("rule") for name, found in meta.extra.get("provenance", {}).items()
             if name in ("published", "author") and isinstance(found, dict)}
    return {"text": doc.text, "date": meta.published, "author": meta.author, "authors": list(meta.authors),
            "rules": rules}


def run_trafilatura(raw: bytes, url: str) -> dict[str, Any]:
    import trafilatura
    from trafilatura.utils import normalize_unicode

    out = trafilatura.extract(raw, url=url, output_format="json", with_metadata=True)
    if not out:
        return {"text": "", "body": "", "date": None, "author": None}
    result = json.loads(out)
    body, comments = result.get("text") or "", result.get("comments") or ""
    # what extract()'s default txt output is: determine_returnstring() in trafilatura/core.py
    text = normalize_unicode(f"{body}\n{comments}".strip())
    return {"text": text, "body": body, "date": result.get("date"), "author": result.get("author")}


def run_readability(raw: bytes, url: str) -> dict[str, Any]:
    from lxml import html
    from readability import Document
    from trafilatura.utils import decode_file

    summary = Document(decode_file(raw), url=url).summary()
    tree = html.fromstring(summary) if summary.strip() else None
    if tree is None:
        return {"text": ""}
    for element in tree.iter(*BLOCKS):
        element.tail = "\n" + (element.tail or "")
    return {"text": tree.text_content()}


def run_htmldate(raw: bytes, url: str) -> dict[str, Any]:
    """htmldate alone, as trafilatura runs it (extensive search, original date): the date reference."""
    import htmldate

    return {"text": "", "date": htmldate.find_date(raw, url=url, extensive_search=True, original_date=True),
            "author": None}


RUNNERS: dict[str, Callable[[bytes, str], dict[str, Any]]] = {
    "cleanpage": run_cleanpage,
    "trafilatura": run_trafilatura,
    "readability": run_readability,
    "htmldate": run_htmldate,
}


def runner_version(runner: str) -> str:
    """The version in the cache file name."""
    if runner == "cleanpage":
        import cleanpage

        return str(cleanpage.__version__)
    package = {"trafilatura": "trafilatura", "readability": "readability-lxml", "htmldate": "htmldate"}[runner]
    try:
        found = version(package)
    except PackageNotFoundError:
        sys.exit(f"{runner}: {package} is not installed (pip install -e '.[bench]')")
    return found


def dependency_versions(runner: str) -> dict[str, str]:
    """Stored in the cache file too: a change invalidates it (trafilatura's dates come from htmldate)."""
    packages = {"trafilatura": ("htmldate", "lxml", "justext", "courlan"), "readability": ("lxml", "trafilatura"),
                "htmldate": ("lxml", "dateparser")}
    found = {}
    for package in packages.get(runner, ()):
        try:
            found[package] = version(package)
        except PackageNotFoundError:
            found[package] = "-"
    return found


def cleanpage_source() -> str:
    """Where cleanpage is imported from and its git state: the working tree may change under a run."""
    import importlib.util

    spec = importlib.util.find_spec("cleanpage")
    where = Path(spec.origin).parent if spec and spec.origin else None
    if where is None:
        return "?"

    def git(*argv: str) -> str:
        try:
            done = subprocess.run(["git", "-C", str(where), *argv], capture_output=True, text=True, timeout=10)
        except (OSError, subprocess.SubprocessError):
            return ""
        return done.stdout.strip() if done.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD")
    if not commit:
        return str(where)
    dirty = git("status", "--porcelain", "--", ".")
    return f"{where} at {commit}" + (" + uncommitted changes" if dirty else "")


class PageTimeout(Exception):
    pass


def _alarm(signum: int, frame: Any) -> None:
    raise PageTimeout


def init_worker() -> None:
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    signal.signal(signal.SIGALRM, _alarm)


def work(task: tuple[str, str, str, str, float]) -> tuple[str, str, dict[str, Any]]:
    """One (runner, page): its output, seconds and error; a page over the timeout is an error."""
    runner, file, path, url, timeout = task
    raw = Path(path).read_bytes()
    start = time.perf_counter()
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        result = RUNNERS[runner](raw, url)
        error = None
    except PageTimeout:
        result, error = {}, f"timeout after {timeout:g} s"
    except Exception as exc:
        result, error = {}, f"{type(exc).__name__}: {str(exc)[:200]}"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    result["seconds"] = round(time.perf_counter() - start, 4)
    result["error"] = error
    result["sha1"] = hashlib.sha1(raw).hexdigest()
    return runner, file, result


# -- cache -------------------------------------------------------------------------------------------
def cache_path(runner: str, ver: str) -> Path:
    return CACHE_DIR / f"evalset-{runner}-{ver}.json"


def load_cache(runner: str, ver: str, pages: list[Page]) -> dict[str, dict[str, Any]]:
    path = cache_path(runner, ver)
    if not path.is_file():
        return {}
    try:
        cached = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if cached.get(DEPS_KEY) != dependency_versions(runner):
        return {}
    valid = {}
    for page in pages:
        entry = cached.get(page.file)
        if entry and entry.get("sha1") == hashlib.sha1(page.path.read_bytes()).hexdigest():
            valid[page.file] = entry
    return valid


def save_cache(runner: str, ver: str, outputs: dict[str, dict[str, Any]]) -> None:
    path = cache_path(runner, ver)
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    old: dict[str, Any] = {}
    if path.is_file():
        try:
            old = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            old = {}
    deps = dependency_versions(runner)
    if old.get(DEPS_KEY) != deps:
        old = {}
    old.update(outputs)  # keep pages of the other half
    old[DEPS_KEY] = deps
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)


# -- scoring -----------------------------------------------------------------------------------------
def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def day(value: str | None) -> str | None:
    match = DAY.search(value or "")
    if not match:
        return None
    year, month, dd = match.groups()
    return f"{year}-{int(month):02d}-{int(dd):02d}"


def names(value: str | list[str]) -> set[str]:
    parts = value if isinstance(value, list) else NAME_SPLIT.split(value)
    return {norm(part).lower() for part in parts if norm(part)}


def gold_author(page: Page) -> str | list[str] | None:
    author = page.author
    if isinstance(author, list):
        return [a for a in author if norm(a)] or None
    return author if author and norm(author) else None


def author_right(gold: str | list[str], predicted: str | None, predicted_names: list[str] | None) -> bool:
    if not predicted and not predicted_names:
        return False
    gold_str = "; ".join(gold) if isinstance(gold, list) else gold
    if predicted and norm(predicted).lower() == norm(gold_str).lower():
        return True
    gold_names = names(gold)
    if predicted and names(predicted) == gold_names:
        return True
    return bool(predicted_names) and names(predicted_names or []) == gold_names


@dataclass
class PageScore:
    tp: int
    fp: int
    fn: int
    tn: int
    missed: list[str]
    found_without: list[str]
    date_ok: bool | None  # None: no gold date
    author_ok: bool | None  # None: no gold author
    author_exact: bool | None
    error: str | None
    seconds: float | None
    empty: bool
    date: str | None = None  # the predicted date and author, and the rules that chose them (cleanpage only)
    author: str | None = None
    rules: dict[str, str] | None = None


def score_page(page: Page, output: dict[str, Any], text_field: str, metadata: bool = True) -> PageScore:
    text = norm(output.get(text_field) or "")
    missed = [s for s in page.with_ if not text or norm(s) not in text]
    found_without = [s for s in page.without if text and norm(s) in text]
    date_ok = author_ok = author_exact = None
    if metadata and day(page.date):
        date_ok = day(output.get("date")) == day(page.date)
    gold = gold_author(page)
    if metadata and gold is not None:
        author_ok = author_right(gold, output.get("author"), output.get("authors"))
        author_exact = output.get("author") == page.author
    return PageScore(len(page.with_) - len(missed), len(found_without), len(missed),
                     len(page.without) - len(found_without), missed, found_without,
                     date_ok, author_ok, author_exact, output.get("error"), output.get("seconds"), not text,
                     output.get("date"), output.get("author"), output.get("rules"))


@dataclass
class Totals:
    pages: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    dates: list[int] = field(default_factory=lambda: [0, 0])  # right, of pages with a gold date
    authors: list[int] = field(default_factory=lambda: [0, 0])
    authors_exact: list[int] = field(default_factory=lambda: [0, 0])
    errors: int = 0
    empty: int = 0
    seconds: float = 0.0

    def add(self, s: PageScore) -> None:
        self.pages += 1
        self.tp, self.fp, self.fn, self.tn = self.tp + s.tp, self.fp + s.fp, self.fn + s.fn, self.tn + s.tn
        for pair, ok in ((self.dates, s.date_ok), (self.authors, s.author_ok), (self.authors_exact, s.author_exact)):
            if ok is not None:
                pair[0] += ok
                pair[1] += 1
        self.errors += s.error is not None
        self.empty += s.empty and s.error is None
        self.seconds += s.seconds or 0.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else 0.0

    def to_dict(self) -> dict[str, Any]:
        def share(pair: list[int]) -> float | None:
            return pair[0] / pair[1] if pair[1] else None

        return {"pages": self.pages, "tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn,
                "precision": self.precision, "recall": self.recall, "f1": self.f1,
                "dates": share(self.dates), "dates_right": self.dates[0], "dates_gold": self.dates[1],
                "authors": share(self.authors), "authors_right": self.authors[0], "authors_gold": self.authors[1],
                "authors_exact": share(self.authors_exact), "authors_exact_right": self.authors_exact[0],
                "errors": self.errors, "empty": self.empty, "seconds": round(self.seconds, 2)}


# -- running -----------------------------------------------------------------------------------------
def compute(pages: list[Page], runners: Iterable[str], versions: dict[str, str], use_cache: bool,
            jobs: int, timeout: float) -> tuple[dict[str, dict[str, dict[str, Any]]], dict[str, int]]:
    outputs: dict[str, dict[str, dict[str, Any]]] = {}
    cached_counts: dict[str, int] = {}
    tasks = []
    for runner in runners:
        outputs[runner] = load_cache(runner, versions[runner], pages) if use_cache and runner in CACHED_RUNNERS else {}
        cached_counts[runner] = len(outputs[runner])
        tasks += [(runner, p.file, str(p.path), p.url, timeout) for p in pages if p.file not in outputs[runner]]
    # slow runners first and interleaved pages keep both workers busy to the end
    tasks.sort(key=lambda t: (t[0] == "cleanpage", t[1]))
    fresh: dict[str, dict[str, dict[str, Any]]] = {runner: {} for runner in outputs}
    if tasks:
        print(f"computing {len(tasks)} outputs with {jobs} worker(s)...", file=sys.stderr)
        if jobs <= 1:
            init_worker()
            results: Iterable[tuple[str, str, dict[str, Any]]] = map(work, tasks)
            pool = None
        else:
            pool = Pool(jobs, initializer=init_worker)
            results = pool.imap_unordered(work, tasks, chunksize=4)
        try:
            for i, (runner, file, result) in enumerate(results, 1):
                fresh[runner][file] = result
                if i % 200 == 0 or i == len(tasks):
                    print(f"  {i}/{len(tasks)}", file=sys.stderr)
        finally:
            if pool is not None:
                pool.close()
                pool.join()
    for runner, new in fresh.items():
        outputs[runner].update(new)
        if new and runner in CACHED_RUNNERS:
            save_cache(runner, versions[runner], new)
    return outputs, cached_counts


def cut(snippet: str, width: int = 80) -> str:
    snippet = norm(snippet)
    return snippet if len(snippet) <= width else snippet[: width - 1] + "…"


def ratio(pair: list[int]) -> str:
    return f"{pair[0] / pair[1]:.3f} ({pair[0]}/{pair[1]})" if pair[1] else "-"


def print_table(totals: dict[str, dict[str, Totals]], systems: list[str]) -> None:
    header = (f"{'half':<8}{'system':<18}{'pages':>6}{'tp':>6}{'fp':>5}{'fn':>5}{'P':>7}{'R':>7}{'F1':>7}"
              f"  {'dates':<17}{'authors':<17}{'auth=':<17}{'err':>4}{'empty':>6}{'cpu s':>8}")
    print(header)
    print("-" * len(header))
    for part, by_system in totals.items():
        for system in systems:
            t = by_system[system]
            if not t.pages:
                continue
            text = ("" if system not in NO_TEXT else f"{'-':>6}{'-':>5}{'-':>5}{'-':>7}{'-':>7}{'-':>7}") or (
                f"{t.tp:>6}{t.fp:>5}{t.fn:>5}{t.precision:>7.3f}{t.recall:>7.3f}{t.f1:>7.3f}")
            authors = ("-", "-") if system in NO_TEXT else (ratio(t.authors), ratio(t.authors_exact))
            print(f"{part:<8}{system:<18}{t.pages:>6}{text}  {ratio(t.dates):<17}{authors[0]:<17}{authors[1]:<17}"
                  f"{t.errors:>4}{'-' if system in NO_TEXT else t.empty:>6}{t.seconds:>8.1f}")
        print()


def print_misses(pages: list[Page], scores: dict[str, dict[str, PageScore]], systems: list[str],
                 all_halves: bool) -> None:
    """Dates, then authors, that cleanpage gets wrong (tune pages only when both halves ran: the holdout's
    failures stay unread), with the gold, every system's answer and the rule that chose cleanpage's."""
    others = [s for s in systems if s != "cleanpage" and s not in NO_METADATA]
    pool = [p for p in pages if not all_halves or p.half == "tune"]
    for kind, ok_field, gold_of in (("date", "date_ok", lambda p: p.date), ("author", "author_ok", gold_author)):
        wrong = [p for p in pool if getattr(scores["cleanpage"][p.file], ok_field) is False]
        # pages another system gets right first: they are the ones a rule can win back
        wrong.sort(key=lambda p: (not any(getattr(scores[s][p.file], ok_field) for s in others), p.file))
        print(f"{kind} misses ({len(wrong)}): gold | cleanpage (rule) | " + " | ".join(others))
        for page in wrong:
            c = scores["cleanpage"][page.file]
            rule = (c.rules or {}).get("published" if kind == "date" else "author", "-")
            answers = " | ".join(f"{'+' if getattr(scores[s][page.file], ok_field) else ' '}"
                                 f"{getattr(scores[s][page.file], kind)}" for s in others)
            print(f"  {page.file[:44]:<45}{gold_of(page)!s:<26}{getattr(c, kind)!s:<26}({rule}) | {answers}")
        print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA, help=f"the dataset folder (default {DATA})")
    parser.add_argument("--systems", nargs="+", choices=SYSTEMS, default=list(DEFAULT_SYSTEMS),
                        help="systems to score (default: cleanpage trafilatura)")
    parser.add_argument("--half", choices=(*HALVES, "all"), default="all", help="which pages run (default all)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2; 1 runs in-process)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per page and system (default 30)")
    parser.add_argument("--no-cache", action="store_true", help="recompute trafilatura/readability and re-cache")
    parser.add_argument("--pages", action="store_true", help="one row per page for cleanpage")
    parser.add_argument("--worst", type=int, metavar="N", default=0,
                        help="the N pages where cleanpage loses most snippets versus trafilatura")
    parser.add_argument("--misses", action="store_true",
                        help="the tune pages whose date or author cleanpage gets wrong, beside the other systems'")
    parser.add_argument("--json", type=Path, metavar="PATH", help="write all numbers and per-page counts here")
    args = parser.parse_args()
    systems = list(dict.fromkeys(args.systems))
    if (args.worst and "trafilatura" not in systems) or (
            (args.worst or args.pages or args.misses) and "cleanpage" not in systems):
        parser.error("--worst needs cleanpage and trafilatura in --systems; --pages and --misses need cleanpage")

    started = time.perf_counter()
    pages = [p for p in load_pages(args.data) if args.half in ("all", p.half)]
    runners = list(dict.fromkeys(SOURCES[s][0] for s in systems))
    versions = {r: runner_version(r) for r in runners}
    source = cleanpage_source() if "cleanpage" in runners else None
    outputs, cached = compute(pages, runners, versions, not args.no_cache, args.jobs, args.timeout)
    wall = time.perf_counter() - started

    scores: dict[str, dict[str, PageScore]] = {}
    for system in systems:
        runner, text_field = SOURCES[system]
        metadata = runner not in NO_METADATA
        scores[system] = {p.file: score_page(p, outputs[runner][p.file], text_field, metadata) for p in pages}
    groups = ("tune", "holdout", "all") if args.half == "all" else (args.half,)
    totals = {g: {s: Totals() for s in systems} for g in groups}
    for page in pages:
        for system in systems:
            for group in groups:
                if group in ("all", page.half):
                    totals[group][system].add(scores[system][page.file])

    if args.pages:
        traf = scores.get("trafilatura")
        print(f"{'file':<60}{'half':<9}{'with':>5}{'found':>6}{'missed':>7}{'fp':>4}{'w/o':>5}"
              + (f"{'tr.found':>9}{'tr.fp':>6}" if traf else "") + "  error")
        for page in sorted(pages, key=lambda p: (p.half, p.file)):
            s = scores["cleanpage"][page.file]
            extra = f"{traf[page.file].tp:>9}{traf[page.file].fp:>6}" if traf else ""
            print(f"{page.file[:59]:<60}{page.half:<9}{len(page.with_):>5}{s.tp:>6}{s.fn:>7}{s.fp:>4}"
                  f"{len(page.without):>5}{extra}  {s.error or ''}")
        print()

    if args.worst:
        def loss(page: Page) -> int:
            c, t = scores["cleanpage"][page.file], scores["trafilatura"][page.file]
            return (t.tp - c.tp) + (c.fp - t.fp)

        # the holdout's snippets stay unread unless asked for by name (--half holdout)
        pool = [p for p in pages if args.half != "all" or p.half == "tune"]
        worst = sorted((p for p in pool if loss(p) > 0), key=lambda p: (-loss(p), p.file))[: args.worst]
        print(f"worst {len(worst)} {'tune ' if args.half == 'all' else ''}pages for cleanpage versus trafilatura "
              "(snippets lost = extra misses + extra fps)")
        for page in worst:
            c, t = scores["cleanpage"][page.file], scores["trafilatura"][page.file]
            print(f"\n{page.file} [{page.half}] lost {loss(page)}: cleanpage {c.tp}/{len(page.with_)} found, "
                  f"{c.fp} fp; trafilatura {t.tp}/{len(page.with_)} found, {t.fp} fp"
                  + (f"; cleanpage error: {c.error}" if c.error else ""))
            print(f"  {page.url}")
            for snippet in c.missed:
                print(f"  missed with:  {cut(snippet)}")
            for snippet in c.found_without:
                print(f"  found without: {cut(snippet)}")
        print()

    if args.misses:
        print_misses(pages, scores, systems, all_halves=args.half == "all")

    for system in systems:
        errors = [(f, s.error) for f, s in scores[system].items() if s.error]
        if errors:
            print(f"{system}: {len(errors)} page(s) failed and count as empty output:")
            for file, error in sorted(errors):
                print(f"  {file}: {error}")
    print(f"\n{len(pages)} pages ({args.half}), wall {wall:.1f} s, jobs {args.jobs}; versions "
          + ", ".join(f"{r} {v}" for r, v in versions.items())
          + "; from cache: " + ", ".join(f"{r} {cached[r]}" for r in runners)
          + (f"\ncleanpage from {source}" if source else ""))
    print("reference (dataset README, trafilatura 2.3 default): F1 0.924, dates 0.868, authors 0.618; "
          "readability-lxml 0.869\n")
    print_table(totals, systems)

    if args.json:
        report = {
            "data": str(args.data), "half": args.half, "systems": systems, "versions": versions,
            "cleanpage_source": source, "from_cache": cached, "wall_seconds": round(wall, 2), "jobs": args.jobs, "timeout": args.timeout,
            "results": {g: {s: t.to_dict() for s, t in by.items()} for g, by in totals.items()},
            "pages": {p.file: {"url": p.url, "half": p.half,
                               **{s: vars(scores[s][p.file]) for s in systems}}
                      for p in pages},
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
