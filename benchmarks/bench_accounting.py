"""Visible text accounted for: the share of a page's visible text that is kept or recorded as removed.

    .venv/bin/python benchmarks/bench_accounting.py                 # the 62 dev pages
    .venv/bin/python benchmarks/bench_accounting.py --evalset 200   # plus 200 pages of trafilatura-eval

"Every removal is explained" means that each piece of text a reader sees on the page is either in
``doc.text``, in a ``doc.removed`` record, or in a metadata field (title, captions). Visible text is
measured independently of cleanpage's own segmentation: every text node of the lxml tree outside
``<head>``, scripts, styles, templates, form controls and hidden elements (``hidden``,
``display:none``), whitespace and invisible characters (soft hyphens, zero-width spaces: their deletion is a
recorded repair) removed. A node counts as accounted when its text occurs in the
whitespace-free concatenation of the kept text, the removed texts and the metadata; the share is
weighted by characters. Reported: the mean share, and how many pages reach 95 %.
"""

from __future__ import annotations

import argparse
import gzip
import re

import lxml.html
from devsets import ROOT, evalset_pages

import cleanpage
from cleanpage.decode import decode

PAGES = ROOT / "tests" / "fixtures" / "html" / "pages"
# whitespace, and the invisible characters the `invisible` repair deletes (recorded as repairs, not removals)
NO_SPACE = re.compile(r"[\s\u00ad\u200b\u2060\ufeff]+")
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
INVISIBLE = {"script", "style", "noscript", "template", "head", "title", "select", "option", "textarea", "iframe",
             "svg", "object", "embed", "canvas"}
HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def visible_nodes(html: bytes) -> list[str]:
    decoded = XML_DECLARATION.sub("", decode(html).text, count=1)  # lxml refuses a str that declares its encoding
    tree = lxml.html.document_fromstring(decoded)
    out: list[str] = []

    def visit(node: lxml.html.HtmlElement, hidden: bool) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        hidden = hidden or not tag or tag in INVISIBLE or node.get("hidden") is not None \
            or bool(HIDDEN.search(node.get("style") or ""))
        if not hidden and node.text:
            out.append(node.text)
        for child in node:
            visit(child, hidden)
            if not hidden and child.tail:
                out.append(child.tail)

    visit(tree, False)
    return [key for key in (NO_SPACE.sub("", text) for text in out) if key]


def accounted(html: bytes, url: str | None = None) -> float:
    nodes = visible_nodes(html)
    total = sum(len(node) for node in nodes)
    if not total:
        return 1.0
    doc = cleanpage.clean(html, url=url)
    meta = doc.metadata
    pool = "\n".join([doc.text, *(r.text for r in doc.removed), meta.title or "", *meta.captions,
                      *(str(v.get("raw", "")) for v in meta.extra.get("provenance", {}).values())])
    pool = NO_SPACE.sub("", pool)
    return sum(len(node) for node in nodes if node in pool) / total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--evalset", type=int, default=0, help="also this many trafilatura-eval pages")
    parser.add_argument("--pages", action="store_true", help="print each page's share")
    args = parser.parse_args()
    pages: list[tuple[str, bytes, str | None]] = [(p.name, gzip.decompress(p.read_bytes()), None)
                                                   for p in sorted(PAGES.glob("*.html.gz"))]
    if args.evalset:
        for url, item, path in sorted(evalset_pages(), key=lambda page: page[0])[: args.evalset]:
            if path is not None:
                pages.append((item["file"], path.read_bytes(), url))
    shares = []
    for name, html, url in pages:
        try:
            share = accounted(html, url)
        except Exception as exc:  # a page that fails to clean accounts for nothing
            print(f"{name}: {type(exc).__name__}: {exc}")
            share = 0.0
        shares.append(share)
        if args.pages:
            print(f"{name:50} {share:.3f}")
    print(f"{len(shares)} pages: mean accounted {sum(shares) / len(shares):.3f}; "
          f">= 95 %: {sum(s >= 0.95 for s in shares)}/{len(shares)}; >= 98 %: {sum(s >= 0.98 for s in shares)}")


if __name__ == "__main__":
    main()
