"""Run the fuzz targets with atheris (libFuzzer), each for a fixed time, from a corpus seeded by the fixtures.

    .venv/bin/python fuzz/run.py --seconds 180             # every target, 3 minutes each
    .venv/bin/python fuzz/run.py --seconds 600 html text   # some targets

Corpora grow in ``fuzz/corpus/<target>/`` and failing inputs land in
``fuzz/artifacts/`` (both are working data, not committed). Reproduce a
failure with ``.venv/bin/python fuzz/run.py --reproduce html fuzz/artifacts/crash-...``.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def seed_corpus(target: str) -> Path:
    from targets import seeds

    folder = HERE / "corpus" / target
    folder.mkdir(parents=True, exist_ok=True)
    for seed in seeds():
        (folder / hashlib.sha1(seed).hexdigest()).write_bytes(seed)
    return folder


def fuzz_one(target: str) -> None:
    """Run inside the child process: instrument cleanpage, then hand control to libFuzzer."""
    import atheris

    with atheris.instrument_imports(include=["cleanpage", "tests"]):
        import targets

        import cleanpage.registry

        cleanpage.registry.detector_classes()
    atheris.Setup(sys.argv[:1] + sys.argv[3:], targets.TARGETS[target])
    atheris.Fuzz()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("targets", nargs="*", help="decode, html, text, repairs (default: all)")
    parser.add_argument("--seconds", type=int, default=180, help="time per target")
    parser.add_argument("--reproduce", nargs=2, metavar=("TARGET", "FILE"), help="run one input through a target")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    if args.reproduce:
        from targets import TARGETS

        TARGETS[args.reproduce[0]](Path(args.reproduce[1]).read_bytes())
        print("no failure")
        return 0
    from targets import MAX_LEN, TARGETS

    artifacts = HERE / "artifacts"
    artifacts.mkdir(exist_ok=True)
    failed = []
    for target in args.targets or list(TARGETS):
        corpus = seed_corpus(target)
        command = [sys.executable, __file__, "--child", target, str(corpus), f"-max_total_time={args.seconds}",
                   f"-max_len={MAX_LEN}", "-timeout=30", "-rss_limit_mb=3072", f"-artifact_prefix={artifacts}/{target}-",
                   "-print_final_stats=1"]
        print(f"== {target}: {args.seconds} s", flush=True)
        if subprocess.run(command, check=False).returncode != 0:
            failed.append(target)
    print("failed targets:", ", ".join(failed) or "none")
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        sys.path.insert(0, str(HERE))
        fuzz_one(sys.argv[2])
    else:
        sys.exit(main())
