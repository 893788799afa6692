"""pytest plugin: every fixture case becomes a test item with a readable diff on failure.

Installed with cleanpage as the ``pytest11`` entry point ``cleanpage``, so it
is active in any project that has cleanpage installed, and does nothing until
told where the fixture folders are:

- ``--cleanpage-fixtures DIR`` (repeatable): collect the cases under ``DIR``,
  adding ``DIR`` to the paths pytest collects when it is not already among them;
- ``cleanpage_fixtures`` in the ini file (one path per line, relative to the ini
  file): cases under these folders are collected whenever pytest walks them
  (so keep them inside ``testpaths``);
- ``cleanpage_config`` in the ini file: a TOML file (``cleanpage.toml``, or a
  ``pyproject.toml`` with ``[tool.cleanpage]``) giving the base configuration,
  on top of which each case's ``options.json`` applies.

``--cleanpage-update`` writes the current output into the expectations of the
cases that differ and lets them pass, like syrupy's ``--snapshot-update``; the
terminal summary lists the cases rewritten. Review them with ``git diff``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath
from typing import Any

import pytest

from ..config import Config
from ..errors import ConfigError
from .cases import INPUT_STEM, Case, load_case
from .harness import CaseResult, run_case, write_expectations

ROOTS = pytest.StashKey[list[Path]]()
BASE_CONFIG = pytest.StashKey[Config]()
UPDATED = pytest.StashKey[list[str]]()


class CaseMismatch(Exception):
    """A case's output differs from its expectations (or cleaning it failed)."""

    def __init__(self, result: CaseResult) -> None:
        super().__init__(result.case.name)
        self.result = result


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("cleanpage", "cleanpage fixture cases")
    group.addoption("--cleanpage-fixtures", action="append", default=[], metavar="DIR", dest="cleanpage_fixtures",
                    help="collect the cleanpage fixture cases under DIR (repeatable)")
    group.addoption("--cleanpage-update", action="store_true", dest="cleanpage_update",
                    help="rewrite expected.txt/expected.json of differing cases from the current output")
    parser.addini("cleanpage_fixtures", type="paths", default=[],
                  help="folders whose cleanpage fixture cases are collected as tests")
    parser.addini("cleanpage_config", type="string", default="",
                  help="TOML file with the base cleanpage configuration for fixture cases")


def pytest_configure(config: pytest.Config) -> None:
    invocation_dir = config.invocation_params.dir
    command_line_roots = [(invocation_dir / folder).resolve() for folder in config.getoption("cleanpage_fixtures")]
    for root in command_line_roots:
        if not root.is_dir():
            raise pytest.UsageError(f"--cleanpage-fixtures: {root} is not a folder")
        if not _collected_by(root, config.args, invocation_dir):
            config.args.append(str(root))
    ini_roots = [Path(folder).resolve() for folder in config.getini("cleanpage_fixtures")]
    config.stash[ROOTS] = [*command_line_roots, *ini_roots]
    config.stash[BASE_CONFIG] = _base_config(config)
    config.stash[UPDATED] = []


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.stem != INPUT_STEM or _root_of(file_path, parent.config.stash.get(ROOTS, [])) is None:
        return None
    return CaseFile.from_parent(parent, path=file_path)


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    updated = config.stash.get(UPDATED, [])
    if updated:
        terminalreporter.write_sep("-", f"cleanpage: {len(updated)} fixture case(s) updated")
        for name in updated:
            terminalreporter.write_line(f"updated {name}")


class CaseFile(pytest.File):
    """The input file of a case; collects the one test item of its folder."""

    def collect(self) -> Iterator[pytest.Item]:
        root = _root_of(self.path, self.config.stash[ROOTS])
        folder = self.path.parent
        name = PurePosixPath(*folder.relative_to(root).parts).as_posix() if root and root != folder else folder.name
        yield CaseItem.from_parent(self, name=folder.name, case=load_case(folder, name))


class CaseItem(pytest.Item):
    """One fixture case run through :func:`cleanpage.testing.run_case`."""

    def __init__(self, *, case: Case, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case = case

    def runtest(self) -> None:
        result = run_case(self.case, config=self.config.stash[BASE_CONFIG])
        if result.passed:
            return
        if self.config.getoption("cleanpage_update") and result.error is None:
            write_expectations(result)
            self.config.stash[UPDATED].append(self.case.name)
            return
        raise CaseMismatch(result)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, CaseMismatch):
            hint = "" if excinfo.value.result.error else "\n(run pytest with --cleanpage-update to accept the new output)"
            return excinfo.value.result.format() + hint
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"cleanpage fixture {self.case.name}"


def _base_config(config: pytest.Config) -> Config:
    configured = str(config.getini("cleanpage_config"))
    if not configured:
        return Config()
    base_dir = config.inipath.parent if config.inipath else config.rootpath
    try:
        return Config.from_toml(base_dir / configured)
    except ConfigError as exc:
        raise pytest.UsageError(f"cleanpage_config: {exc}") from exc


def _root_of(path: Path, roots: list[Path]) -> Path | None:
    resolved = path.resolve()
    return next((root for root in roots if resolved.is_relative_to(root)), None)


def _collected_by(folder: Path, args: Sequence[str], invocation_dir: Path) -> bool:
    """Whether pytest already walks ``folder`` because one of its path arguments contains it."""
    for arg in args:
        path = (invocation_dir / arg.split("::", 1)[0]).resolve()
        if folder.is_relative_to(path):
            return True
    return False
