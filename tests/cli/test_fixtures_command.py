"""``cleanpage fixtures add|check|update`` wired to the cleanpage.testing harness."""

from __future__ import annotations

from pathlib import Path

from .helpers import PAGES, RunCli


def test_add_then_check_then_detect_and_update_a_change(run_cli: RunCli, tmp_path: Path) -> None:
    page = PAGES / "000_f97de51fde247cc1.txt"
    added = run_cli("fixtures", "add", str(page), "dumps/seed-000", "--root", "cases", "--kind", "text")
    assert added.returncode == 0, added.stderr
    case = tmp_path / "cases" / "dumps" / "seed-000"
    assert (case / "expected.txt").is_file() and (case / "input.txt").read_bytes() == page.read_bytes()

    assert run_cli("fixtures", "check", "cases").returncode == 0

    expected = case / "expected.txt"
    expected.write_text("a body the cleaner does not produce\n", encoding="utf-8")
    failing = run_cli("fixtures", "check", "cases")
    assert failing.returncode == 1
    assert "a body the cleaner does not produce" in failing.stdout  # the diff is shown

    assert run_cli("fixtures", "update", "cases").returncode == 0
    assert "a body the cleaner does not produce" not in expected.read_text(encoding="utf-8")
    assert run_cli("fixtures", "check", "cases").returncode == 0


def test_fixture_errors_are_usage_errors(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    empty = run_cli("fixtures", "check", "empty")
    assert empty.returncode == 2 and "no fixture cases" in empty.stderr
    page = PAGES / "000_f97de51fde247cc1.txt"
    assert run_cli("fixtures", "add", str(page), "x", "--root", "cases").returncode == 0
    again = run_cli("fixtures", "add", str(page), "x", "--root", "cases")
    assert again.returncode == 2 and "already exists" in again.stderr
