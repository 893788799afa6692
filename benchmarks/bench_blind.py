"""Score cleanpage on the blind pages: text dumps whose gold was written without reading the code.

``benchmarks/blind/<group>/<page>/`` hold ``input.txt``, ``expected.txt`` and
``expected.json`` (written by the gold conventions by colleagues who never read
cleanpage's source): ``simp``/``trad`` are round 1, ``simp-2``/``trad-2`` round 2
(new site types, written later). They are a benchmark, not fixtures: the rules
learned from them are tested in other wordings in
``tests/detectors/test_blind_findings.py``, and the scores here should rise over
time, not be pinned. A round is honest only when first measured; README.md keeps
both numbers. Scoring is seedscore's: character
4-gram P/R/F1 with whitespace removed, share of gold lines present verbatim,
and exact metadata fields.

    .venv/bin/python benchmarks/bench_blind.py [-v]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

import cleanpage

ROOT = Path(__file__).resolve().parent / "blind"
FIELDS = ("title", "author", "source", "published", "views", "category", "truncated")


def shingles(text: str, n: int = 4) -> Counter[str]:
    s = re.sub(r"\s+", "", text)
    return Counter(s[i:i + n] for i in range(max(len(s) - n + 1, 0)))


def prf(pred: str, gold: str) -> tuple[float, float, float]:
    p, g = shingles(pred), shingles(gold)
    tp = sum((p & g).values())
    precision, recall = tp / max(sum(p.values()), 1), tp / max(sum(g.values()), 1)
    return precision, recall, 2 * precision * recall / max(precision + recall, 1e-9)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list extra and missing lines, wrong fields")
    args = parser.parse_args()
    for group in sorted(p for p in ROOT.iterdir() if p.is_dir()):
        print(f"{group.name:<14}{'P':>7}{'R':>7}{'F1':>7}{'lines':>7}  metadata")
        f1s, right, total = [], 0, 0
        for case in sorted(p for p in group.iterdir() if p.is_dir()):
            gold = (case / "expected.txt").read_text(encoding="utf-8")
            gold_meta = json.loads((case / "expected.json").read_text(encoding="utf-8"))
            doc = cleanpage.clean((case / "input.txt").read_text(encoding="utf-8"), kind="text")
            meta = doc.metadata.to_dict()
            p, r, f = prf(doc.text, gold)
            gold_lines = [line.strip() for line in gold.splitlines() if line.strip()]
            out_lines = {line.strip() for line in doc.text.splitlines()}
            share = sum(line in out_lines for line in gold_lines) / max(len(gold_lines), 1)
            wrong = [k for k in FIELDS if k in gold_meta and meta.get(k) != gold_meta[k]]
            checked = sum(1 for k in FIELDS if k in gold_meta)
            f1s.append(f)
            right, total = right + checked - len(wrong), total + checked
            print(f"{case.name:<14}{p:7.3f}{r:7.3f}{f:7.3f}{share:7.2f}  {checked - len(wrong)}/{checked} {' '.join(wrong)}")
            if args.verbose:
                for line in doc.text.splitlines():
                    if line.strip() and line.strip() not in set(gold_lines):
                        print(f"    extra:   {line[:70]}")
                for line in gold_lines:
                    if line not in out_lines:
                        print(f"    missing: {line[:70]}")
        print(f"{'mean F1':<14}{sum(f1s) / len(f1s):21.3f}  metadata {right}/{total}\n")


if __name__ == "__main__":
    main()
