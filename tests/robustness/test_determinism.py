"""Same input and config, same bytes out: in one process, across processes and in any order."""

from __future__ import annotations

import hashlib
import html
import json
import os
import subprocess
import sys
import textwrap

import cleanpage

from .robust_helpers import SEED_INPUTS


def pages() -> dict[str, bytes | str]:
    """The seed pages as text, as HTML and as GB18030 bytes."""
    out: dict[str, bytes | str] = {}
    for path in SEED_INPUTS:
        text = path.read_text(encoding="utf-8")
        name = path.parent.name
        out[f"{name}.txt"] = text
        paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
        out[f"{name}.html"] = f"<html><head><title>{name}</title></head><body><article>{paragraphs}</article></body></html>"
        out[f"{name}.gbk"] = text.encode("gb18030")
    return out


def fingerprints(cleaner: cleanpage.Cleaner, names: list[str]) -> dict[str, str]:
    corpus = pages()
    return {name: hashlib.sha256(cleaner.clean(corpus[name]).to_json().encode()).hexdigest() for name in names}


def test_one_cleaner_gives_the_same_bytes_in_any_order() -> None:
    names = sorted(pages())
    forward = fingerprints(cleanpage.Cleaner(), names)
    backward = fingerprints(cleanpage.Cleaner(), names[::-1])
    again = fingerprints(cleanpage.Cleaner(), names)
    assert forward == backward == again


def test_a_reused_cleaner_matches_a_fresh_one_for_every_page() -> None:
    names = sorted(pages())
    reused = cleanpage.Cleaner()
    fingerprints(reused, names)  # warm every cache with the whole corpus first
    assert fingerprints(reused, names[::-1]) == {name: fingerprints(cleanpage.Cleaner(), [name])[name] for name in names}


CHILD = textwrap.dedent("""
    import json, sys
    from tests.robustness.test_determinism import fingerprints, pages
    import cleanpage
    print(json.dumps(fingerprints(cleanpage.Cleaner(), sorted(pages()))))
""")


def test_processes_with_different_hash_seeds_agree() -> None:
    results = []
    for seed in ("0", "4242"):  # this process is a third, randomly seeded one
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, env=env, check=True,
                              timeout=300, cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))))
        results.append(json.loads(done.stdout.splitlines()[-1]))
    here = fingerprints(cleanpage.Cleaner(), sorted(pages()))
    assert all(result == here for result in results)
