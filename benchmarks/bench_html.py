"""HTML path speed: cleanpage (with metadata) vs trafilatura and lxml parsing alone, same pages, one run.

    .venv/bin/python benchmarks/bench_html.py [PAGES_DIR]            # speed
    .venv/bin/python benchmarks/bench_html.py --charsets [PAGES_DIR] # chardet vs charset-normalizer vs decode()

PAGES_DIR defaults to the gzipped dev pages in tests/fixtures/html/pages. The
charset mode transcodes each (UTF-8) page to GBK, GB18030, Big5 (after
Simplified-to-Traditional conversion) and UTF-8 with a right, missing and
wrong ``<meta charset>``, and counts exact decodes.
"""

from __future__ import annotations

import argparse
import gzip
import logging
import re
import time
from collections.abc import Callable
from pathlib import Path

DEFAULT_PAGES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "html" / "pages"
META = re.compile(r"<meta[^>]*charset[^>]*>", re.IGNORECASE)


def load_pages(folder: Path) -> list[bytes]:
    pages = []
    for path in sorted(folder.glob("*.htm*")):
        data = path.read_bytes()
        pages.append(gzip.decompress(data) if path.suffix == ".gz" else data)
    return pages


WARM_PAGES = 5  # each system first runs on a few pages: imports, lazily built tables (dateparser's locales)


def bench_speed(pages: list[bytes]) -> None:
    """Every system on every page, interleaved page by page in a rotating order, so that a change in the
    machine's load during the run (other jobs on a shared machine) falls on all systems alike."""
    import lxml.html
    import trafilatura

    import cleanpage

    cleaner = cleanpage.Cleaner()
    systems: dict[str, Callable[[bytes], object]] = {
        "lxml parse only": lxml.html.document_fromstring,
        "trafilatura extract": trafilatura.extract,
        "trafilatura bare_extraction(with_metadata)": lambda p: trafilatura.bare_extraction(p, with_metadata=True),
        "cleanpage.clean (with metadata)": cleaner.clean,
    }
    print(f"{len(pages)} pages, {sum(map(len, pages)) / 1e6:.1f} MB (each system warmed on {WARM_PAGES} pages first)")
    for run in systems.values():
        for page in pages[:WARM_PAGES]:
            run(page)
    names = list(systems)
    seconds = dict.fromkeys(names, 0.0)
    for number, page in enumerate(pages):
        for name in names[number % len(names):] + names[:number % len(names)]:
            start = time.perf_counter()
            systems[name](page)
            seconds[name] += time.perf_counter() - start
    for name in names:
        print(f"{name:<44} {seconds[name]:7.2f} s {len(pages) / seconds[name]:8.1f} pages/s")
    ours = seconds["cleanpage.clean (with metadata)"]
    print("cleanpage's time as a share of each other system's (below 1: cleanpage is faster)")
    for name in names[:-1]:
        print(f"cleanpage / {name:<42} {ours / seconds[name]:5.2f}")


def bench_charsets(pages: list[bytes]) -> None:
    import chardet
    import charset_normalizer
    import opencc

    from cleanpage.decode import decode, normalize_encoding

    to_traditional = opencc.OpenCC("s2t")
    detectors: dict[str, Callable[[bytes], str | None]] = {
        "chardet": lambda data: chardet.detect(data)["encoding"],
        "charset-normalizer": lambda data: getattr(charset_normalizer.from_bytes(data).best(), "encoding", None),
    }
    counts: dict[tuple[str, str, str], list[int]] = {}
    seconds = dict.fromkeys([*detectors, "cleanpage.decode"], 0.0)
    for page in pages:
        bare = META.sub("", page.decode("utf-8"))
        for codec, label, lie, text in (("gbk", "gbk", "utf-8", bare), ("gb18030", "gb18030", "big5", bare),
                                        ("cp950", "big5", "gb2312", to_traditional.convert(bare)),
                                        ("utf-8", "utf-8", "gb2312", bare)):
            for mode, charset in (("right", label), ("missing", None), ("wrong", lie)):
                html = text if charset is None else text.replace("<head>", f'<head><meta charset="{charset}">', 1)
                data = html.encode(codec, "xmlcharrefreplace")
                truth = data.decode(codec)
                for name, detect in detectors.items():
                    start = time.perf_counter()
                    guess = detect(data)
                    seconds[name] += time.perf_counter() - start
                    python_codec = normalize_encoding(guess) if guess else None
                    ok = python_codec is not None and data.decode(python_codec, errors="replace") == truth
                    counts.setdefault((name, codec, mode), []).append(ok)
                start = time.perf_counter()
                ok = decode(data).text == truth
                seconds["cleanpage.decode"] += time.perf_counter() - start
                counts.setdefault(("cleanpage.decode", codec, mode), []).append(ok)
    print(f"{'method':<20} {'bytes':<8} {'right':>7} {'missing':>8} {'wrong':>7}")
    for name in seconds:
        for codec in ("gbk", "gb18030", "cp950", "utf-8"):
            cells = [counts[(name, codec, mode)] for mode in ("right", "missing", "wrong")]
            print(f"{name:<20} {codec:<8} " + " ".join(f"{sum(c):>4}/{len(c):<3}" for c in cells))
        print(f"{name:<20} time {seconds[name]:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="?", type=Path, default=DEFAULT_PAGES)
    parser.add_argument("--charsets", action="store_true", help="measure charset detection instead of speed")
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # trafilatura logs every page it discards
    pages = load_pages(args.pages)
    if args.charsets:
        bench_charsets(pages)
    else:
        bench_speed(pages)


if __name__ == "__main__":
    main()
