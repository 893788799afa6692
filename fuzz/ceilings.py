"""Measure time and peak memory of cleaning each hostile input, each in a fresh process.

    .venv/bin/python fuzz/ceilings.py            # prints a Markdown table (docs/reliability.md)

Peak memory is the child's ``ru_maxrss`` (interpreter and libraries
included); "input" is the peak after building the input, before cleaning.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

BUILD = {
    "50 MB HTML page (inline base64 image)": """
        body = "<p>" + "这是正文段落，内容完整。" * 20 + "</p>"
        image = '<img src="data:image/png;base64,' + "QUJD" * (50 * 1024 * 1024 // 4) + '">'
        source = ("<html><head><title>t</title></head><body><article>" + body * 20 + image + body * 5
                  + "</article></body></html>").encode()""",
    "50 MB HTML page (paragraphs)": """
        para = "<p>" + "这是正文段落，内容完整。" * 20 + "</p>\\n"
        source = ("<html><head><title>t</title></head><body><article>" + para * (50_000_000 // len(para.encode()))
                  + "</article></body></html>").encode()""",
    "20 MB text dump": """
        s = "北京时间6月13日，国务院新闻办公室举行发布会，介绍了今年上半年国民经济运行情况。"
        lines = [s, "来源：新华社", "||||||", "首页 > 新闻 > 正文", "责任编辑：张三", "　　" + s + s]
        source = "\\n".join(lines[i % len(lines)] for i in range(20 * 1024 * 1024 // 60)).encode()""",
    "5 MB single line": """
        s = "北京时间6月13日，国务院新闻办公室举行发布会，介绍了今年上半年国民经济运行情况。"
        source = (s * (5 * 1024 * 1024 // len(s.encode()) + 1)).encode()[:5 * 1024 * 1024]""",
    "1 MB line, no newline (str)": """
        import random
        source = "".join(random.Random(1).choice("正文内容，。|>-—1a ") for _ in range(1024 * 1024))""",
    "100,000 nested <div>": """
        source = ("<html><body>" + "<div>" * 100_000 + "文字" + "</div>" * 100_000 + "</body></html>").encode()""",
    "billion laughs (10 levels)": """
        ents = '<!ENTITY l0 "lol">' + "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
        source = f'<?xml version="1.0"?><!DOCTYPE html [{ents}]><html><body><p>&l9;</p></body></html>'.encode()""",
    "256 KB binary junk": """
        import random
        source = random.Random(8).randbytes(256 * 1024)""",
    "65 MB over max_input_bytes": """
        source = b"\\xff" * (65 * 1024 * 1024)""",
}

CHILD = """
import json, resource, time
import cleanpage
{build}
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
try:
    doc = cleanpage.clean(source)
    outcome = f"Document, {{len(doc.text):,}} chars, {{len(doc.warnings)}} warning(s)"
except cleanpage.CleanpageError as exc:
    outcome = type(exc).__name__
print(json.dumps({{"seconds": time.perf_counter() - start, "outcome": outcome,
                  "input_mb": before / 1024, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def main() -> None:
    print("| input | outcome | time (s) | peak RSS (MB) | RSS after building the input (MB) |")
    print("|---|---|---:|---:|---:|")
    for name, build in BUILD.items():
        code = CHILD.format(build=textwrap.dedent(build))
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=900, check=False)
        if done.returncode:
            print(f"| {name} | crashed: {done.stderr.strip().splitlines()[-1]} | | | |", flush=True)
            continue
        m = json.loads(done.stdout.splitlines()[-1])
        print(f"| {name} | {m['outcome']} | {m['seconds']:.1f} | {m['peak_mb']:.0f} | {m['input_mb']:.0f} |", flush=True)


if __name__ == "__main__":
    main()
