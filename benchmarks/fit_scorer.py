"""Fit the content scorer's weights (cleanpage.segment.scorer.WEIGHTS) by logistic regression.

    .venv/bin/python benchmarks/fit_scorer.py            # prints the fitted weights and the training accuracy

Training data, tune halves only (the held-out halves are never read here):

- trafilatura-eval (``../shared/devdata/trafilatura-eval``), pages with ``sha1(file)[0] % 2 == 0``: a block
  whose text holds a ``with`` snippet is main content, one that holds a ``without`` snippet is not; other
  blocks are not labelled;
- the 25 annotated dev pages (``tests/fixtures/html/gold``): a block is main content when 80 % of its
  character 4-grams are in the gold body (the headline and meta lines count as main: the text detectors
  remove those later), not when under 20 %;
- the tune half of the blind forum set (``tests/fixtures/html/forum``, same hash on the folder name).

Each page weighs the same (its blocks' sample weights sum to one per class), so a long page does not
outvote a short one. Features are the signals' votes, plus each vote times "the block is short" (under
``SHORT_WEIGHT`` units of text), because the extractors are most reliable on short chrome lines.
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

import numpy as np
from devsets import ROOT, evalset_pages, half

from cleanpage.decode import decode
from cleanpage.segment.html import parse_html
from cleanpage.segment.page_blocks import segment_page
from cleanpage.segment.scorer import SHORT_WEIGHT, WEIGHTS
from cleanpage.segment.signals import PageContext

GOLD = ROOT / "tests" / "fixtures" / "html" / "gold"
FORUM = ROOT / "tests" / "fixtures" / "html" / "forum"
PAGES = ROOT / "tests" / "fixtures" / "html" / "pages"
NO_SPACE = re.compile(r"\s+")


def features(html: bytes, url: str | None) -> tuple[list[str], np.ndarray] | None:
    tree = parse_html(decode(html).text)
    if tree is None:
        return None
    blocks = segment_page(tree)
    if not blocks:
        return None
    context = PageContext(tree, blocks, url)
    columns = [np.array(kind().votes(context)) for kind, _, _ in WEIGHTS]
    short = np.array([block.weight < SHORT_WEIGHT for block in blocks], dtype=float)
    matrix = np.column_stack([*columns, *(column * short for column in columns)])
    return [NO_SPACE.sub("", block.text) for block in blocks], matrix


def grams(text: str) -> set[str]:
    return {text[i:i + 4] for i in range(len(text) - 3)}


def evalset_rows() -> list[tuple[np.ndarray, np.ndarray]]:
    rows = []
    for url, item, path in sorted(evalset_pages(), key=lambda page: page[0]):
        if half(item["file"]) != "tune" or path is None:
            continue
        found = features(path.read_bytes(), url)
        if found is None:
            continue
        keys, matrix = found
        positive = [NO_SPACE.sub("", s) for s in item.get("with", [])]
        negative = [NO_SPACE.sub("", s) for s in item.get("without", [])]
        labels = np.full(len(keys), np.nan)
        for i, key in enumerate(keys):
            if any(s and s in key for s in positive):
                labels[i] = 1.0
            elif any(s and s in key for s in negative):
                labels[i] = 0.0
        rows.append((matrix, labels))
    return rows


def gold_rows(folder: Path, only_tune: bool) -> list[tuple[np.ndarray, np.ndarray]]:
    rows = []
    for case in sorted(p for p in folder.iterdir() if p.is_dir()):
        if only_tune and half(case.name) != "tune":
            continue
        own = case / "page.html"
        raw = own.read_bytes() if own.exists() else gzip.decompress((PAGES / f"{case.name}.html.gz").read_bytes())
        found = features(raw, None)
        if found is None:
            continue
        keys, matrix = found
        gold = grams(NO_SPACE.sub("", (case / "expected.txt").read_text(encoding="utf-8")))
        labels = np.full(len(keys), np.nan)
        for i, key in enumerate(keys):
            mine = grams(key)
            if len(mine) < 2:
                continue
            share = len(mine & gold) / len(mine)
            labels[i] = 1.0 if share >= 0.8 else 0.0 if share <= 0.2 else np.nan
        rows.append((matrix, labels))
    return rows


def fit(rows: list[tuple[np.ndarray, np.ndarray]], l2: float = 1.0) -> np.ndarray:
    xs, ys, ws = [], [], []
    for matrix, labels in rows:
        known = ~np.isnan(labels)
        if not known.any():
            continue
        x, y = matrix[known], labels[known]
        w = np.where(y == 1, 1.0 / max((y == 1).sum(), 1), 1.0 / max((y == 0).sum(), 1))
        xs.append(x)
        ys.append(y)
        ws.append(w)
    x = np.column_stack([np.vstack(xs), np.ones(sum(len(y) for y in ys))])
    y, w = np.concatenate(ys), np.concatenate(ws)
    beta = np.zeros(x.shape[1])
    for _ in range(50):  # Newton's method (IRLS) with an L2 penalty on the weights, not the bias
        p = 1 / (1 + np.exp(-x @ beta))
        gradient = x.T @ (w * (y - p)) - l2 * np.r_[beta[:-1], 0]
        hessian = (x * (w * p * (1 - p))[:, None]).T @ x + l2 * np.diag(np.r_[np.ones(len(beta) - 1), 0])
        step = np.linalg.solve(hessian, gradient)
        beta += step
        if np.abs(step).max() < 1e-6:
            break
    p = 1 / (1 + np.exp(-x @ beta))
    accuracy = float((w * ((p > 0.5) == (y == 1))).sum() / w.sum())
    print(f"{len(y)} labelled blocks ({int(y.sum())} main), weighted accuracy {accuracy:.3f}", file=sys.stderr)
    return beta


def main() -> None:
    rows = evalset_rows() + gold_rows(GOLD, only_tune=False) + gold_rows(FORUM, only_tune=True)
    beta = fit(rows)
    names = [kind.name for kind, _, _ in WEIGHTS]
    for name, value, short in zip(names, beta[: len(names)], beta[len(names): 2 * len(names)]):
        print(f"{name:12} {value:+.2f}   short: {short:+.2f}")
    print(f"{'bias':12} {beta[-1]:+.2f}")


if __name__ == "__main__":
    main()
