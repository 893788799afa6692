"""Site profiles: leaked chrome with and without a profile, and learning speed.

    .venv/bin/python benchmarks/bench_profiles.py            # everything
    .venv/bin/python benchmarks/bench_profiles.py --speed    # learning speed only
    .venv/bin/python benchmarks/bench_profiles.py --leaks    # leak tables only

Leaks on real pages (the multi-page sites of ../shared/devdata/news-pages, as
saved HTML and as the text dumps in tests/fixtures/profiles/news): each page
is cleaned without a profile and with a profile learned from the *other*
pages of its site (leave one out; these sites have 4-9 pages, so the policy
is ``min_pages=3``). Without hand labels, a *chrome line* is an output line
whose fingerprint is also in the segmented text of at least two other pages
of the site, and a *body line* is a sentence-like output line (of the run
without profile) found on no other page. ``lost`` counts body lines missing
from the profiled output. On the synthetic site the generator's ground truth
labels every line.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from cleanpage import Cleaner, Config  # noqa: E402
from cleanpage.profile_model import ProfilePolicy, fingerprint  # noqa: E402
from cleanpage.profiles import ProfileLearner, learn_profile  # noqa: E402
from cleanpage.shadow import features, fold  # noqa: E402
from profile_site import make_site  # noqa: E402

SITES = ("163", "sina", "thepaper", "toutiao", "ifeng", "baijiahao")
DEVDATA = ROOT.parent / "shared" / "devdata" / "news-pages"
DUMPS = ROOT / "tests" / "fixtures" / "profiles" / "news"
SMALL_SITES = ProfilePolicy(min_pages=3)


def leaks(pages: Sequence[bytes], config: Config) -> tuple[int, int, int, int, int]:
    """(pages, chrome lines without profile, with profile, body lines, body lines lost)."""
    cleaner = Cleaner(config)
    segmented = [{fingerprint(b.text) for b in cleaner.segment(p).blocks} for p in pages]
    before = after = body = lost = 0
    for i, page in enumerate(pages):
        others = [s for j, s in enumerate(segmented) if j != i]
        profile = learn_profile([p for j, p in enumerate(pages) if j != i], config=config, policy=SMALL_SITES)
        plain = cleaner.clean(page).text.splitlines()
        profiled = set(cleaner.clean(page, profile=profile).text.splitlines())

        def recurring(line: str, others: list[set[str]] = others) -> int:
            fp = fingerprint(line)
            return sum(fp in s for s in others)

        before += sum(recurring(line) >= 2 for line in plain)
        after += sum(recurring(line) >= 2 for line in profiled)
        unique_sentences = [line for line in plain if recurring(line) == 0 and features(fold(line)).sentence_like]
        body += len(unique_sentences)
        lost += sum(line not in profiled for line in unique_sentences)
    return len(pages), before, after, body, lost


def leak_tables() -> None:
    print("| site | input | pages | chrome lines, no profile | with profile | body lines | body lost |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for site in SITES:
        dumps = [p.read_bytes() for p in sorted((DUMPS / site).glob("*.txt"))]
        html = [p.read_bytes() for p in sorted((DEVDATA / site).glob("*.html"))] if DEVDATA.is_dir() else []
        for kind, pages in (("html", html), ("text", dumps)):
            if pages:
                n, before, after, body, lost = leaks(pages, Config(kind=kind))
                print(f"| {site} | {kind} | {n} | {before} | {after} | {body} | {lost} |")
    site = make_site(40, series_every=3, duplicates=5)
    cleaner = Cleaner(Config(kind="text"))
    profile = learn_profile([(p.text, p.url) for p in site], config=Config(kind="text"))
    before = after = lost = body = 0
    for page in site:
        plain = set(cleaner.clean(page.text).text.splitlines())
        profiled = set(cleaner.clean(page.text, profile=profile).text.splitlines())
        before += len(plain & set(page.chrome))
        after += len(profiled & set(page.chrome))
        body += len(page.body)
        lost += sum(line not in profiled for line in page.body if line in plain)
    print(f"| synthetic | text | {len(site)} ({profile.pages} distinct) | {before} | {after} | {body} | {lost} |")


def speed() -> None:
    print("| pages | lines | learn seconds | pages/s |")
    print("|---:|---:|---:|---:|")
    site = make_site(10_000, seed=11)
    for n in (1_000, 3_000, 10_000):
        learner = ProfileLearner("news.example.com", config=Config(kind="text"))
        start = time.perf_counter()
        for page in site[:n]:
            learner.add(page.text)
        profile = learner.profile()
        seconds = time.perf_counter() - start
        lines = sum(page.text.count("\n") for page in site[:n])
        assert profile.pages == n
        print(f"| {n} | {lines} | {seconds:.2f} | {n / seconds:.0f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("--leaks", action="store_true")
    args = parser.parse_args()
    if args.leaks or not args.speed:
        leak_tables()
    if args.speed or not args.leaks:
        speed()


if __name__ == "__main__":
    main()
