"""`cleanpage learn`, `clean --profiles` and `clean --learn-sites` on a synthetic site, through the real command."""

from __future__ import annotations

import json
from pathlib import Path

from cleanpage import Config, learn_profiles
from profile_site import make_site

from .helpers import RunCli


def _write_site(folder: Path, pages: int = 12) -> list:
    site = make_site(pages, seed=3)
    folder.mkdir()
    for n, page in enumerate(site):
        (folder / f"{n:02d}.txt").write_text(page.text, encoding="utf-8")
    return site


def _leaked_and_lost(out: Path, site: list) -> tuple[int, int]:
    leaked = lost = 0
    for n, page in enumerate(site):
        lines = set((out / f"{n:02d}.txt").read_text(encoding="utf-8").splitlines())
        leaked += sum(1 for line in page.chrome if line in lines)
        lost += sum(1 for line in page.body[1:] if line not in lines)  # body[0] is the title
    return leaked, lost


def test_profiles_reduce_leaked_chrome_and_lose_no_body_line(run_cli: RunCli, tmp_path: Path) -> None:
    site = _write_site(tmp_path / "site")
    learned = run_cli("learn", "site", "-o", "profiles")
    assert learned.returncode == 0, learned.stderr
    assert (tmp_path / "profiles" / "site.json").is_file()
    for args, out in ((("--profiles", "profiles"), "with"), ((), "without"), (("--learn-sites",), "learned")):
        completed = run_cli("clean", "site", "-o", out, "-q", "-j", "1", *args)
        assert completed.returncode == 0, completed.stderr
    with_profile, without = _leaked_and_lost(tmp_path / "with", site), _leaked_and_lost(tmp_path / "without", site)
    assert with_profile[1] == 0 and without[1] == 0
    assert with_profile[0] < without[0]
    for n in range(len(site)):
        name = f"{n:02d}.txt"
        assert (tmp_path / "learned" / name).read_bytes() == (tmp_path / "with" / name).read_bytes()


def test_learning_from_standard_input_is_refused(run_cli: RunCli) -> None:
    completed = run_cli("clean", "-", "--learn-sites", stdin=b"x\n")
    assert completed.returncode != 0 and "standard input" in completed.stderr


def test_learning_in_two_workers_gives_the_profiles_of_one(run_cli: RunCli, tmp_path: Path) -> None:
    """The learner's results depend on page order (which copy of an article counts, which page a block's
    sample comes from); the parallel run must keep it, and match the library's serial learning."""
    _write_site(tmp_path / "site")
    (tmp_path / "site" / "05-again.txt").write_bytes((tmp_path / "site" / "05.txt").read_bytes())  # a repeated article
    (tmp_path / "site" / "99-huge.txt").write_text("首页\n" * 30_000, encoding="utf-8")  # over the limit: fails
    (tmp_path / "limits.toml").write_text("max_input_bytes = 60000\n", encoding="utf-8")
    profiles = {}
    for jobs in ("1", "2"):
        completed = run_cli("learn", "site", "-o", f"profiles-{jobs}", "--jobs", jobs, "--config", "limits.toml")
        assert completed.returncode == 1, completed.stderr  # the huge page failed; the profiles are still written
        assert "1 of 14 page(s) failed" in completed.stderr
        errors = (tmp_path / f"profiles-{jobs}.errors.jsonl").read_text(encoding="utf-8").splitlines()
        assert [json.loads(line)["error"] for line in errors] == ["InputTooLargeError"]
        profiles[jobs] = (tmp_path / f"profiles-{jobs}" / "site.json").read_text(encoding="utf-8")
    assert profiles["1"] == profiles["2"]
    learned = json.loads(profiles["2"])
    assert (learned["pages"], learned["seen"], learned["duplicates"]) == (12, 13, 1) and learned["entries"]
    (tmp_path / "site" / "99-huge.txt").unlink()
    serial = learn_profiles([tmp_path / "site"], config=Config(max_input_bytes=60_000))["site"]
    assert learned == json.loads(serial.to_json())
