"""Corruption benchmark: real Chinese sentences through every wrong-codec mechanism, repaired, with ftfy beside.

    .venv/bin/python benchmarks/bench_corruption.py [--per-kind N] [--half tune|holdout|both] [--kinds k1,k2]
    .venv/bin/python benchmarks/bench_corruption.py --speed 9   # the speed ratio of issue 15 only

Sentences come from the gold bodies of the HTML fixtures (``tests/fixtures/html/gold``, the forum sets)
and the specification pages' gold (``/work/shared/seeds/gold``), each in Simplified (OpenCC t2s) and
Traditional (s2t) form. They are split into a ``tune`` and a ``holdout`` half by a hash of the
Simplified sentence (:func:`devsets.half`, the rule every benchmark shares), so a sentence and its
Traditional twin are on the same side; the repairs are tuned on ``tune`` only.

Each kind corrupts a whole sentence by one mechanism. The ``bytes survive`` kinds are scored only on
sentences whose damage is reversible (the wrong decode re-encodes to the very bytes it read); the
lossy kinds lost or replaced bytes on the way. Per kind: the number of sentences, the exact-repair
rate, the character error rate before and after repair, how many repaired lines silently lost
characters (shorter than the original with no U+FFFD marking the loss), and ftfy's
``fix_encoding`` on the same inputs (exact rate, CER after). Then the clean controls: sentences that
must come out unchanged, among them sentences that quote mojibake as an example.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import ftfy
import opencc

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devsets import HALVES, half

from cleanpage.repair import repair_text

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "tests/fixtures/html/gold", ROOT / "tests/fixtures/html/forum", ROOT / "tests/fixtures/html/forum2")
SEED_GOLD = ROOT.parent / "shared" / "seeds" / "gold"
SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")
HAN = re.compile(r"[\u4e00-\u9fff]")
MISSING = "\ufffd"


def still_damaged(path: Path) -> list[str]:
    """Text a specification page's gold keeps as it came although its own notes call it damage (the
    ``from`` of a listed repair found verbatim in the gold body: 004 keeps ``我們?yōu)槠髽I(yè)提供了``)."""
    notes = path.with_suffix(".json")
    if not notes.is_file():
        return []
    repairs = json.loads(notes.read_text(encoding="utf-8")).get("repairs") or []
    return [repair["from"] for repair in repairs if repair.get("from")]


def sentences() -> list[str]:
    """Simplified sentences of 8-60 characters, mostly Han, from every gold body (deduplicated, sorted),
    without the sentences a gold keeps damaged (:func:`still_damaged`): they are neither clean controls
    nor an original to corrupt."""
    paths = [path for source in SOURCES for path in sorted(source.glob("*/expected.txt"))]
    paths += sorted(SEED_GOLD.glob("*.txt")) if SEED_GOLD.is_dir() else []
    t2s = opencc.OpenCC("t2s")
    found: set[str] = set()
    for path in paths:
        body = path.read_text(encoding="utf-8")
        for damaged in still_damaged(path):
            body = body.replace(damaged, "\0")
        for line in t2s.convert(body).splitlines():
            for sentence in SENTENCE.findall(line.strip()):
                sentence = sentence.strip()
                if 8 <= len(sentence) <= 60 and len(HAN.findall(sentence)) * 2 >= len(sentence) \
                        and "\0" not in sentence:
                    found.add(sentence)
    return sorted(found)


# --- the mechanisms -------------------------------------------------------------------------------

WHATWG_1252 = {byte: bytes((byte,)).decode("cp1252") if byte not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(byte)
               for byte in range(0x80, 0xA0)}


def whatwg_1252(data: bytes) -> str:
    """Windows-1252 as browsers decode it: the five bytes cp1252 leaves undefined become C1 controls."""
    return "".join(WHATWG_1252.get(byte) or chr(byte) for byte in data)


def legacy_pairs(data: bytes, codec: str) -> str:
    """An old double-byte decoder: a lead byte and the byte after it always go together; a pair that is
    no character prints ``?``, so the byte after a bad lead byte is swallowed."""
    out: list[str] = []
    position = 0
    while position < len(data):
        byte = data[position]
        if byte < 0x80:
            out.append(chr(byte))
            position += 1
            continue
        pair = data[position:position + 2]
        try:
            char = pair.decode(codec)
        except UnicodeDecodeError:
            char = "?"
        out.append(char if len(char) == 1 else "?")
        position += 2
    return "".join(out)


# Full-width ASCII (A3A1-A3FE), 、 。 “ ” in GBK, and the ASCII a naive byte-level converter writes for them.
WIDE_TO_ASCII = {bytes((0xA3, 0x80 + code)): bytes((code,)) for code in range(0x21, 0x7F)}
WIDE_TO_ASCII.update({b"\xa1\xa2": b",", b"\xa1\xa3": b".", b"\xa1\xb0": b'"', b"\xa1\xb1": b'"'})
WIDE_BYTES = re.compile(b"|".join(re.escape(wide) for wide in WIDE_TO_ASCII))


@dataclass(frozen=True)
class Case:
    damaged: str
    expected: str
    lossless: bool  # every byte of the original survives in the damaged text
    lost: int = 0  # bytes of the original lost or replaced on the way (0 when lossless)


Mechanism = Callable[[str], Case | None]


def reads(encoding: str, decoding: str | Callable[[bytes], str], strict_back: str | None = None) -> Mechanism:
    """``encoding`` bytes decoded as ``decoding``; lossless when the decode re-encodes to the same bytes."""
    def damage(sentence: str) -> Case | None:
        try:
            data = sentence.encode(encoding)
        except UnicodeEncodeError:
            return None
        text = decoding(data) if callable(decoding) else data.decode(decoding, errors="replace")
        back = strict_back or (decoding if isinstance(decoding, str) else None)
        if back is None:
            lossless = True
        else:
            try:
                lossless = text.encode(back) == data
            except UnicodeEncodeError:
                lossless = False
        return Case(text, sentence, lossless, 0 if lossless else max(1, text.count(MISSING)))
    return damage


def twice_1252(sentence: str) -> Case:
    once = whatwg_1252(sentence.encode("utf-8"))
    return Case(whatwg_1252(once.encode("utf-8")), sentence, True)


def legacy(encoding: str, decoding: str) -> Mechanism:
    def damage(sentence: str) -> Case | None:
        try:
            data = sentence.encode(encoding)
        except UnicodeEncodeError:
            return None
        text = legacy_pairs(data, decoding)
        return Case(text, sentence, False, 2 * text.count("?"))
    return damage


def removed(encoding: str, decoding: str, what: str) -> Mechanism:
    """A lenient decode whose U+FFFD (``what`` = fffd) or private-use characters (pua) were deleted afterwards."""
    def damage(sentence: str) -> Case | None:
        try:
            data = sentence.encode(encoding)
        except UnicodeEncodeError:
            return None
        text = data.decode(decoding, errors="replace")
        if what == "fffd":
            lost = text.count(MISSING)
            text = text.replace(MISSING, "")
        else:
            lost = 2 * sum(1 for ch in text if "\ue000" <= ch <= "\uf8ff")
            text = "".join(ch for ch in text if not "\ue000" <= ch <= "\uf8ff")
        return Case(text, sentence, False, lost)
    return damage


def punct_replace(encoding: str) -> Mechanism:
    """A full-width-to-ASCII replace on raw bytes: aligned hits only narrow the punctuation (kept in the
    expected text), a hit straddling two characters throws the decoder out of step."""
    def damage(sentence: str) -> Case | None:
        try:
            data = sentence.encode(encoding)
        except UnicodeEncodeError:
            return None
        damaged = WIDE_BYTES.sub(lambda m: WIDE_TO_ASCII[m.group()], data)
        expected = b"".join(WIDE_TO_ASCII.get(raw, raw) for raw in (char.encode(encoding) for char in sentence))
        # Each hit that straddles two characters replaced two bytes by one: one byte lost there.
        lost = len(WIDE_BYTES.findall(data)) - sum(1 for char in sentence if char.encode(encoding) in WIDE_TO_ASCII)
        return Case(damaged.decode(encoding, errors="replace").replace(MISSING, ""), expected.decode(encoding), False,
                    lost)
    return damage


def lost_byte(encoding: str) -> Mechanism:
    """One byte of a double-byte character deleted from the stream, decoded leniently by the right codec and
    U+FFFD removed: the decoder is out of step from the loss to the next ASCII byte. The byte is chosen by a
    hash of the sentence, so a sentence loses the same byte in every run."""
    def damage(sentence: str) -> Case | None:
        try:
            data = bytearray(sentence.encode(encoding))
        except UnicodeEncodeError:
            return None
        wide = [index for index, byte in enumerate(data) if byte >= 0x80]
        if not wide:
            return None
        del data[wide[zlib.crc32(sentence.encode("utf-8")) % len(wide)]]
        return Case(bytes(data).decode(encoding, errors="replace").replace(MISSING, ""), sentence, False, 1)
    return damage


# kind -> (script, mechanism): Simplified or Traditional source text.
KINDS: dict[str, tuple[str, Mechanism]] = {
    "utf8_as_gbk": ("s", reads("utf-8", "gbk")),
    "utf8_as_gb18030": ("s", reads("utf-8", "gb18030")),
    "utf8_as_latin1": ("s", reads("utf-8", "latin-1")),
    "utf8_as_cp1252_whatwg": ("s", reads("utf-8", whatwg_1252)),
    "utf8_as_cp1252_twice": ("s", twice_1252),
    "trad_utf8_as_cp1252": ("t", reads("utf-8", whatwg_1252)),
    "gbk_as_latin1": ("s", reads("gbk", "latin-1")),
    "gbk_as_cp1252_whatwg": ("s", reads("gbk", whatwg_1252)),
    "gbk_as_big5": ("s", reads("gbk", "big5")),
    "gbk_as_cp950": ("s", reads("gbk", "cp950")),
    "big5_as_gbk_replace": ("t", reads("big5", "gbk")),
    "big5_as_gb18030": ("t", reads("big5", "gb18030")),
    "cp950_as_gb18030": ("t", reads("cp950", "gb18030")),
    # lossy: bytes lost or replaced on the way
    "utf8_as_cp1252_python": ("s", reads("utf-8", "cp1252")),
    "utf8_as_gbk_replace": ("s", reads("utf-8", "gbk")),
    "utf8_as_gbk_fffd_removed": ("s", removed("utf-8", "gbk", "fffd")),
    "utf8_as_gbk_legacy": ("s", legacy("utf-8", "gbk")),
    "big5_as_gbk_legacy": ("t", legacy("big5", "gbk")),
    "big5_as_gb18030_pua_removed": ("t", removed("big5", "gb18030", "pua")),
    "gbk_as_big5_replace": ("s", reads("gbk", "big5")),
    "gbk_as_big5_fffd_removed": ("s", removed("gbk", "big5", "fffd")),
    "punct_replace_gbk": ("t", punct_replace("gbk")),
    "gbk_lost_byte": ("s", lost_byte("gbk")),
    "big5_lost_byte": ("t", lost_byte("big5")),
}

# kind -> the mechanism that damaged it (the lossy kinds are also reported per mechanism)
MECHANISMS = {
    "utf8_as_cp1252_python": "undefined byte replaced", "utf8_as_gbk_replace": "errors=replace",
    "big5_as_gbk_replace": "errors=replace", "gbk_as_big5_replace": "errors=replace",
    "utf8_as_gbk_fffd_removed": "U+FFFD removed", "gbk_as_big5_fffd_removed": "U+FFFD removed",
    "utf8_as_gbk_legacy": "legacy pair decoder", "big5_as_gbk_legacy": "legacy pair decoder",
    "big5_as_gb18030_pua_removed": "private use removed", "punct_replace_gbk": "punctuation byte-replace",
    "gbk_lost_byte": "one byte lost", "big5_lost_byte": "one byte lost",
}

QUOTED = [
    "常见乱码如“浣犲ソ”其实是“你好”的 UTF-8 字节被按 GBK 解码",
    "例如“鎴戜滑”就是“我们”按 GBK 读出的乱码。",
    "网页显示为“ä½ å¥½”，说明 UTF-8 被当成 Latin-1 解码了。",
    "这类 mojibake 的典型样子是 `æ–°é—»`，即“新闻”的 UTF-8 字节。",
    "打开文件后中文变成了“锟斤拷”，这是经典的乱码。",
    "Big5 当 GBK 读会出现“眃隔”这样的乱码，例如“中文”显示为“いゅ”。",
]


def quoted_controls(rng: random.Random, pool: list[str], count: int) -> list[str]:
    """Sentences that quote a mojibake example, built from real words of the pool."""
    templates = [
        "常见乱码如“{m}”其实是“{w}”的 UTF-8 字节被按 GBK 解码。",
        "例如“{w}”显示为“{m}”，这就是乱码。",
        "论坛里有人问，为什么“{w}”会变成“{m}”这样的乱码？",
        "代码里写的是 `{m}`，其实是“{w}”被错误解码（mojibake）。",
    ]
    out = list(QUOTED)
    for _ in range(count):
        sentence = rng.choice(pool)
        han = [m.group() for m in re.finditer(r"[\u4e00-\u9fff]{2,4}", sentence)]
        if not han:
            continue
        word = rng.choice(han)
        codec = rng.choice(["gbk", "latin-1", "cp1252"])
        data = word.encode("utf-8")
        mojibake = data.decode("gbk", errors="replace") if codec == "gbk" else whatwg_1252(data) \
            if codec == "cp1252" else data.decode("latin-1")
        if MISSING in mojibake:
            continue
        out.append(rng.choice(templates).format(m=mojibake, w=word))
    return out


# --- measuring -------------------------------------------------------------------------------------

def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def vanished(damaged: str, expected: str) -> bool:
    """The damage took one whole character and left the rest as it was: nothing in the line shows the loss,
    so no repair can see it (a GBK stream that lost the lead of 。 at the end of a line drops its trail too)."""
    return len(damaged) + 1 == len(expected) and any(expected[:i] + expected[i + 1:] == damaged
                                                     for i in range(len(expected)))


OUTCOMES = ("exact", "U+FFFD kept", "left as it came", "a character vanished", "wrong")


def outcome(case: Case, repaired: str) -> str:
    """What became of a damaged line: repaired exactly, a lost character kept as U+FFFD, left as it came,
    damage no repair can see (:func:`vanished`), or rebuilt wrong."""
    if repaired == case.expected:
        return "exact"
    if vanished(case.damaged, case.expected):
        return "a character vanished"
    if repaired == case.damaged:
        return "left as it came"
    return "U+FFFD kept" if MISSING in repaired else "wrong"


def silently_shorter(damaged: str, repaired: str, expected: str) -> bool:
    """A repair that changed the line and left it shorter than the original, no U+FFFD marking the loss."""
    return repaired != damaged and len(repaired) < len(expected) and MISSING not in repaired


@dataclass
class Score:
    n: int = 0
    exact: int = 0
    ftfy_exact: int = 0
    chars: int = 0
    before: int = 0
    after: int = 0
    ftfy_after: int = 0
    silent: int = 0
    seconds: float = 0.0
    outcomes: dict[str, int] = field(default_factory=dict)

    def add(self, case: Case, repaired: str, by_ftfy: str, seconds: float) -> None:
        self.n += 1
        self.exact += repaired == case.expected
        self.ftfy_exact += by_ftfy == case.expected
        self.chars += len(case.expected)
        self.before += edit_distance(case.damaged, case.expected)
        self.after += edit_distance(repaired, case.expected)
        self.ftfy_after += edit_distance(by_ftfy, case.expected)
        self.silent += silently_shorter(case.damaged, repaired, case.expected)
        self.seconds += seconds
        what = outcome(case, repaired)
        self.outcomes[what] = self.outcomes.get(what, 0) + 1


def run_kind(kind: str, pool: list[str], per_kind: int, seed: str,
             groups: dict[str, Score] | None = None) -> tuple[Score, list[tuple[Case, str]]]:
    script, mechanism = KINDS[kind]
    s2t = opencc.OpenCC("s2t")
    rng = random.Random(f"{seed}:{kind}")
    score = Score()
    failures: list[tuple[Case, str]] = []
    lossy = kind not in BYTES_SURVIVE
    for sentence in rng.sample(pool, len(pool)):
        if score.n == per_kind:
            break
        source = s2t.convert(sentence) if script == "t" else sentence
        case = mechanism(source)
        if case is None or case.damaged == case.expected or case.lossless == lossy:
            continue
        started = time.perf_counter()
        repaired = repair_text(case.damaged)
        took = time.perf_counter() - started
        by_ftfy = ftfy.fix_encoding(case.damaged)
        score.add(case, repaired, by_ftfy, took)
        if groups is not None and lossy:
            groups.setdefault(f"mechanism: {MECHANISMS[kind]}", Score()).add(case, repaired, by_ftfy, took)
            if case.lost == 1:
                groups.setdefault("lines that lost one byte", Score()).add(case, repaired, by_ftfy, took)
        if repaired != case.expected:
            failures.append((case, repaired))
    return score, failures


LOSSY = tuple(MECHANISMS)
BYTES_SURVIVE = [kind for kind in KINDS if kind not in LOSSY]


def print_row(label: str, score: Score) -> None:
    n = max(score.n, 1)
    chars = max(score.chars, 1)
    print(f"{label:30} {score.n:4d} {score.exact / n:7.1%} {score.ftfy_exact / n:7.1%}"
          f" {score.before / chars:10.3f} {score.after / chars:7.3f} {score.ftfy_after / chars:7.3f}"
          f" {score.silent:6d} {score.seconds * 1000 / n:6.1f}")


SEED_PAGES = ROOT / "tests/fixtures/seeds"


def speed(repeat: int) -> None:
    """The issue's speed ratio: ``cleanpage.clean`` CPU time on the byte-shifted specification page 001
    against the clean specification page 002 of about its size, best of ``repeat`` runs each, the two
    pages alternating so that both see the same load on a shared machine."""
    import cleanpage

    pages = {}
    for name in ("001", "002"):
        [folder] = SEED_PAGES.glob(f"{name}_*")
        pages[name] = (folder / "input.txt").read_bytes()
        cleanpage.clean(pages[name])  # models and tables loaded once, outside the timing
    times = dict.fromkeys(pages, float("inf"))
    for _ in range(repeat):
        for name, page in pages.items():
            started = time.process_time()
            cleanpage.clean(page)
            times[name] = min(times[name], time.process_time() - started)
    for name, page in pages.items():
        print(f"{name}: {len(page)} bytes, clean() {times[name] * 1000:.1f} ms CPU (best of {repeat})")
    print(f"speed ratio 001 / 002: {times['001'] / times['002']:.1f}x (issue 15: at most 10x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-kind", type=int, default=150)
    parser.add_argument("--half", choices=[*HALVES, "both"], default="both")
    parser.add_argument("--kinds", help="comma-separated kinds (default: all)")
    parser.add_argument("--show", type=int, default=0, help="print this many failures per kind (tune half only)")
    parser.add_argument("--speed", type=int, default=0, metavar="REPEAT",
                        help="only measure the speed ratio of the byte-shifted spec page 001 to the clean 002")
    args = parser.parse_args()
    if args.speed:
        speed(args.speed)
        return
    kinds = args.kinds.split(",") if args.kinds else list(KINDS)
    everything = sentences()
    t2s_s2t = opencc.OpenCC("s2t")
    for name in HALVES if args.half == "both" else (args.half,):
        pool = [sentence for sentence in everything if half(sentence) == name]
        print(f"\n== {name}: {len(pool)} sentences ==")
        print(f"{'kind':30} {'n':>4} {'exact':>7} {'ftfy':>7} {'CER before':>10} {'after':>7} {'ftfy':>7}"
              f" {'silent':>6} {'ms':>6}")
        groups: dict[str, Score] = {}
        for kind in kinds:
            score, failures = run_kind(kind, pool, args.per_kind, name, groups)
            print_row(kind + ("" if kind in BYTES_SURVIVE else " (lossy)"), score)
            if name == "tune":
                for case, repaired in failures[:args.show]:
                    print(f"    {case.damaged!r}\n     -> {repaired!r}\n     == {case.expected!r}")
        for group in sorted(groups):
            print_row(group, groups[group])
        if "lines that lost one byte" in groups:
            # Where the one-byte losses end up: what is left to win, and what no repair can see.
            counts = groups["lines that lost one byte"].outcomes
            print("  lines that lost one byte: " + ", ".join(f"{what} {counts.get(what, 0)}" for what in OUTCOMES))
        rng = random.Random(f"{name}:controls")
        controls = pool + [t2s_s2t.convert(sentence) for sentence in pool]
        quoted = quoted_controls(rng, pool, 60)
        changed = [line for line in controls if repair_text(line) != line]
        changed_quoted = [line for line in quoted if repair_text(line) != line]
        ftfy_changed = sum(ftfy.fix_encoding(line) != line for line in controls)
        ftfy_quoted = sum(ftfy.fix_encoding(line) != line for line in quoted)
        print(f"clean controls: {len(changed)} of {len(controls)} changed (ftfy {ftfy_changed}); "
              f"quoted mojibake: {len(changed_quoted)} of {len(quoted)} changed (ftfy {ftfy_quoted})")
        for line in (changed + changed_quoted)[:args.show]:
            print(f"    changed: {line!r} -> {repair_text(line)!r}")


if __name__ == "__main__":
    main()
