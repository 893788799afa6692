"""The real ``cleanpage`` command on folders, JSONL, WARC and stdin, each with a broken page among good ones."""

from __future__ import annotations

import base64
import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path

from cleanpage import __version__

from .helpers import PAGES, SMALL_LIMIT, RunCli, page_files, temporaries, warc_record


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_folder_mirrors_tree_and_reports_the_broken_page(run_cli: RunCli, pages_dir: Path, limit_config: Path,
                                                           tmp_path: Path) -> None:
    result = run_cli("clean", "pages", "-o", "out", "--jobs", "2", "--config", str(limit_config))

    assert result.returncode == 1, result.stderr
    out = tmp_path / "out"
    expected = {p.relative_to(PAGES).with_suffix(".txt").as_posix() for p in page_files()}
    written = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert written == expected  # every good page, nothing for the broken one
    assert all(p.read_text(encoding="utf-8").strip() for p in out.rglob("*.txt"))
    assert temporaries(tmp_path) == []
    errors = read_jsonl(tmp_path / "out.errors.jsonl")
    assert [(e["id"], e["error"]) for e in errors] == [("pages/broken/huge.txt", "InputTooLargeError")]
    assert f"max_input_bytes is {SMALL_LIMIT}" in errors[0]["message"]
    assert f"{len(expected) + 1} page(s): {len(expected)} cleaned, 1 failed" in result.stderr
    assert "pages/broken/huge.txt" in errors[0]["path"]


def test_folder_json_output_and_skip_existing_resume(run_cli: RunCli, pages_dir: Path, tmp_path: Path) -> None:
    first = run_cli("clean", "pages", "-o", "out", "--format", "json", "--glob", "*.html", "--jobs", "1")
    assert first.returncode == 0, first.stderr
    outputs = sorted((tmp_path / "out").rglob("*.json"))
    assert [p.name for p in outputs] == ["people-gbk.json", "zsnews.json"]
    gbk = json.loads((tmp_path / "out" / "news" / "people-gbk.json").read_text(encoding="utf-8"))
    assert gbk["metadata"]["encoding"] == "gb18030" and gbk["text"]
    assert gbk["id"] == "pages/news/people-gbk.html"

    outputs[0].unlink()
    second = run_cli("clean", "pages", "-o", "out", "--format", "json", "--glob", "*.html", "--skip-existing")
    assert second.returncode == 0, second.stderr
    assert "1 page(s): 1 cleaned, 0 failed, 1 skipped" in second.stderr
    assert outputs[0].is_file()


def test_jsonl_with_broken_records(run_cli: RunCli, tmp_path: Path) -> None:
    records = [{"id": f"p{i}", "url": f"https://example.com/{i}.html",
                "raw": base64.b64encode(path.read_bytes()).decode()} for i, path in enumerate(page_files())]
    broken = [{"id": "bad-base64", "raw": "@@@ not base64 @@@"}, {"id": "no-page", "url": "https://example.com/x"}]
    lines = [json.dumps(r) for r in records[:2]] + [json.dumps(broken[0]), "{not json"] + \
        [json.dumps(r) for r in records[2:]] + [json.dumps(broken[1])]
    (tmp_path / "crawl.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")

    result = run_cli("clean", "crawl.jsonl", "-o", "clean.jsonl", "--content-field", "raw",
                     "--content-encoding", "base64", "--trace", "--jobs", "2")

    assert result.returncode == 1, result.stderr
    cleaned = read_jsonl(tmp_path / "clean.jsonl")
    assert [r["id"] for r in cleaned] == [f"crawl.jsonl:{n}#p{i}" for n, i in ((1, 0), (2, 1), (5, 2), (6, 3))]
    assert all(r["text"] and "removed" in r for r in cleaned)
    assert cleaned[0]["metadata"]["url"] == "https://example.com/0.html"
    errors = read_jsonl(tmp_path / "clean.errors.jsonl")
    assert [(e["id"], e["error"]) for e in errors] == [
        ("crawl.jsonl:3#bad-base64", "InputError"), ("crawl.jsonl:4", "InputError"), ("crawl.jsonl:7#no-page", "InputError")]
    assert "base64" in errors[0]["message"] and "no page field" in errors[2]["message"]
    assert temporaries(tmp_path) == []


def test_jsonl_resume_keeps_complete_lines_of_an_interrupted_run(run_cli: RunCli, tmp_path: Path) -> None:
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in page_files()[:2]]
    (tmp_path / "in.jsonl").write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    done = {"id": "in.jsonl:1", "text": "from the first run"}
    (tmp_path / "out.jsonl.partial").write_text(json.dumps(done) + "\n" + '{"id": "in.jsonl:2", "te', encoding="utf-8")

    result = run_cli("clean", "in.jsonl", "-o", "out.jsonl", "--skip-existing", "--kind", "text")

    assert result.returncode == 0, result.stderr
    records = read_jsonl(tmp_path / "out.jsonl")
    assert [r["id"] for r in records] == ["in.jsonl:1", "in.jsonl:2"]
    assert records[0]["text"] == "from the first run"  # kept, not cleaned again
    assert not (tmp_path / "out.jsonl.partial").exists()


def test_warc_built_in_the_test(run_cli: RunCli, tmp_path: Path, limit_config: Path) -> None:
    html = (PAGES / "news" / "zsnews.html").read_bytes()
    gbk = (PAGES / "news" / "people-gbk.html").read_bytes()
    archive = b"".join([
        warc_record("https://a.example/1.html", html, record_id="1"),
        warc_record("https://a.example/logo.png", b"\x89PNG....", content_type="image/png", record_id="2"),
        warc_record("https://a.example/huge.html", html * 10, record_id="3"),
        warc_record("https://b.example/gbk.html", gbk, content_type="text/html; charset=gbk", record_id="4"),
        warc_record("https://a.example/gone.html", b"not found", status="404 Not Found", record_id="5"),
    ])
    (tmp_path / "crawl.warc.gz").write_bytes(archive)

    result = run_cli("clean", "crawl.warc.gz", "-o", "clean.jsonl", "--config", str(limit_config), "--unordered")

    assert result.returncode == 1, result.stderr
    cleaned = sorted(read_jsonl(tmp_path / "clean.jsonl"), key=lambda r: r["id"])
    assert [r["id"] for r in cleaned] == ["crawl.warc.gz#<urn:uuid:1>", "crawl.warc.gz#<urn:uuid:4>"]
    assert [r["metadata"]["url"] for r in cleaned] == ["https://a.example/1.html", "https://b.example/gbk.html"]
    assert cleaned[1]["metadata"]["encoding"] == "gb18030"
    errors = read_jsonl(tmp_path / "clean.errors.jsonl")
    assert [(e["id"], e["error"], e["url"]) for e in errors] == [
        ("crawl.warc.gz#<urn:uuid:3>", "InputTooLargeError", "https://a.example/huge.html")]


def test_warc_into_a_folder_names_records_by_number(run_cli: RunCli, tmp_path: Path) -> None:
    html = (PAGES / "news" / "zsnews.html").read_bytes()
    (tmp_path / "crawl.warc").write_bytes(gzip.decompress(warc_record("https://a.example/1.html", html, record_id="1")))
    result = run_cli("clean", "crawl.warc", "-o", "out", "--format", "markdown")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "crawl" / "000001.md").read_text(encoding="utf-8").strip()


def test_stdin_page_prints_text(run_cli: RunCli) -> None:
    data = (PAGES / "000_f97de51fde247cc1.txt").read_bytes()
    result = run_cli("clean", "-", stdin=data)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() and len(result.stdout) < len(data.decode())
    assert result.stderr == ""  # one page printed: no progress bar (not a tty), no summary


def test_stdin_jsonl_to_stdout(run_cli: RunCli) -> None:
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in page_files()[:2]]
    stdin = "".join(json.dumps({"text": t}) + "\n" for t in texts).encode()
    result = run_cli("clean", "-", "--input-format", "jsonl", "--kind", "text", "-q", stdin=stdin)
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["-:1", "-:2"]


def test_usage_errors_exit_2_without_output(run_cli: RunCli, pages_dir: Path, tmp_path: Path) -> None:
    missing = run_cli("clean", "nowhere", "-o", "out")
    assert missing.returncode == 2 and "no such file or folder: nowhere" in missing.stderr
    unknown = run_cli("clean", "pages", "-o", "out", "--disable", "no-such-detector")
    assert unknown.returncode == 2 and "no-such-detector" in unknown.stderr
    inside = run_cli("clean", "pages", "-o", "pages/out")
    assert inside.returncode == 2 and "inside an input folder" in inside.stderr
    assert not (tmp_path / "out").exists() and not (tmp_path / "pages" / "out").exists()


def test_config_discovered_from_the_working_directory(run_cli: RunCli, pages_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "cleanpage.toml").write_text(f"max_input_bytes = {SMALL_LIMIT}\n", encoding="utf-8")
    result = run_cli("clean", "pages/broken", "-o", "out")
    assert result.returncode == 1
    assert "InputTooLargeError" in (tmp_path / "out.errors.jsonl").read_text(encoding="utf-8")


def test_version_and_help_of_every_command(run_cli: RunCli) -> None:
    version = run_cli("--version")
    assert version.returncode == 0 and version.stdout.strip() == f"cleanpage {__version__}"
    for command in (["clean"], ["explain"], ["report"], ["fixtures"], ["fixtures", "check"], ["fixtures", "add"]):
        shown = run_cli(*command, "--help")
        assert shown.returncode == 0, command
        assert "examples:" in shown.stdout and "cleanpage " in shown.stdout


def test_explain_text_and_json(run_cli: RunCli, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    # A sentence-long ad: the bare '推广：点击领取优惠券' is read as the page's headline before any user rule runs.
    page.write_text("正文第一段，讲了一件事情的来龙去脉。\n推广：点击领取优惠券，满一百减二十，本月有效。\n"
                    "正文第二段，继续讲这件事情的后续。\n", encoding="utf-8")
    config = tmp_path / "rules.toml"
    config.write_text('drop_patterns = ["^推广："]\n', encoding="utf-8")

    shown = run_cli("explain", "page.txt", "--config", str(config))
    assert shown.returncode == 0, shown.stderr
    assert "\x1b[" not in shown.stdout  # not a terminal: no colours
    removed = [line for line in shown.stdout.splitlines() if line.startswith("- ")]
    assert len(removed) == 1 and "推广：点击领取优惠券" in removed[0] and "[user_rules/" in removed[0]

    data = json.loads(run_cli("explain", "page.txt", "--config", str(config), "--format", "json").stdout)
    assert [(line["line"], line["detector"]) for line in data["lines"]] == [(1, None), (2, "user_rules"), (3, None)]
    assert data["totals"] == {"user_rules": 1}

    coloured = run_cli("explain", "page.txt", "--config", str(config), "--color", "always")
    assert "\x1b[9;" in coloured.stdout  # struck through and coloured


def test_python_dash_m_and_console_script_agree(run_cli: RunCli, tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("cleanpage")
    if not script.exists():
        script = Path(shutil.which("cleanpage") or "")
    assert script.is_file(), "the cleanpage console script is not installed"
    by_script = subprocess.run([str(script), "--version"], capture_output=True, text=True, cwd=tmp_path)
    assert by_script.stdout == run_cli("--version").stdout


# -- issue 14, item 6 --------------------------------------------------------------------------------------------
def test_clean_url_names_a_single_page_and_no_flag_is_abbreviated(run_cli: RunCli, pages_dir: Path) -> None:
    page = str(pages_dir / "000_f97de51fde247cc1.txt")
    shown = run_cli("clean", page, "--url", "https://x/a.html", "--format", "json")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["metadata"]["url"] == "https://x/a.html"
    abbreviated = run_cli("clean", page, "--url-f", "link")  # once read as --url-field
    assert abbreviated.returncode == 2 and "unrecognized arguments: --url-f" in abbreviated.stderr
    folder = run_cli("clean", str(pages_dir), "--url", "https://x/a.html")
    assert folder.returncode == 2 and "single page" in folder.stderr


def test_an_unknown_flag_shows_the_usage_of_its_command(run_cli: RunCli) -> None:
    for args, usage in ((("clean", "page.html", "--bogus"), "usage: cleanpage clean "),
                        (("fixtures", "check", "--bogus"), "usage: cleanpage fixtures check ")):
        shown = run_cli(*args)
        assert shown.returncode == 2 and shown.stderr.startswith(usage), shown.stderr
        assert "unrecognized arguments: --bogus" in shown.stderr


def test_a_closed_pipe_ends_the_run_quietly(pages_dir: Path, tmp_path: Path) -> None:
    # `cleanpage clean DIR | head -c 10`: the reader takes ten bytes and leaves.
    with subprocess.Popen([sys.executable, "-m", "cleanpage", "clean", str(pages_dir), "-j", "1"], cwd=tmp_path,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE) as run:
        assert run.stdout is not None and run.stderr is not None
        assert len(run.stdout.read(10)) == 10
        run.stdout.close()
        stderr = run.stderr.read().decode("utf-8", "replace")
        assert run.wait(timeout=300) == 0, stderr
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr
    assert not list(tmp_path.glob("*errors*.jsonl"))


def test_the_error_log_goes_to_stderr_when_the_pages_go_to_stdout(run_cli: RunCli, pages_dir: Path,
                                                                 limit_config: Path, tmp_path: Path) -> None:
    shown = run_cli("clean", str(pages_dir), "--config", str(limit_config), "-j", "1")
    assert shown.returncode == 1
    logged = [json.loads(line) for line in shown.stderr.splitlines() if line.startswith("{")]
    assert [entry["error"] for entry in logged] == ["InputTooLargeError"]
    assert "failures are listed in standard error" in shown.stderr
    assert not list(tmp_path.glob("*errors*.jsonl"))


def test_detectors_lists_every_component_in_pipeline_order(run_cli: RunCli) -> None:
    listed = json.loads(run_cli("detectors", "--format", "json").stdout)
    names = [row["name"] for row in listed]
    assert {"related", "user_rules", "mojibake"} <= set(names)
    assert names.index("site_profile") < names.index("user_rules")  # user rules run after the defaults
    related = next(row for row in listed if row["name"] == "related")
    assert related["kind"] == "detector" and related["family"] == "C07" and related["default"] is True
    assert related["summary"] and "\n" not in related["summary"]
    text = run_cli("detectors").stdout.splitlines()
    assert len(text) == len(listed) and any(line.split()[:2] == ["detector", "related"] for line in text)
