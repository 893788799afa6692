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


def timed(name: str, run: Callable[[bytes], object], pages: list[bytes]) -> float:
    start = time.perf_counter()
    for page in pages:
        run(page)
    seconds = time.perf_counter() - start
    rate = len(pages) / seconds
    print(f"{name:<44} {seconds:7.2f} s {rate:8.1f} pages/s")
    return rate


def bench_speed(pages: list[bytes]) -> None:
    import lxml.html
    import trafilatura

    import cleanpage

    cleaner = cleanpage.Cleaner()
    print(f"{len(pages)} pages, {sum(map(len, pages)) / 1e6:.1f} MB")
    rates = {
        "lxml parse only": timed("lxml parse only", lambda p: lxml.html.document_fromstring(p), pages),
        "trafilatura extract": timed("trafilatura extract", lambda p: trafilatura.extract(p), pages),
        "trafilatura bare_extraction(with_metadata)": timed(
            "trafilatura bare_extraction(with_metadata)",
            lambda p: trafilatura.bare_extraction(p, with_metadata=True), pages),
        "cleanpage.clean (with metadata)": timed("cleanpage.clean (with metadata)", cleaner.clean, pages),
    }
    ours = rates["cleanpage.clean (with metadata)"]
    for name, rate in rates.items():
        if name != "cleanpage.clean (with metadata)":
            print(f"cleanpage / {name:<42} {ours / rate:5.2f}x")


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
