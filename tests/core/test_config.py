from __future__ import annotations

from pathlib import Path

import pytest

import cleanpage
from cleanpage import Config, ConfigError


def test_replace_validates_names_and_values() -> None:
    config = Config().replace(captions="drop", disable=["related"])
    assert config.captions == "drop" and config.disable == ("related",)
    with pytest.raises(ConfigError):
        Config().replace(no_such_option=1)
    with pytest.raises(ConfigError):
        Config(captions="sometimes")
    with pytest.raises(ConfigError):
        Config(drop_patterns=("([unclosed",))


def test_unknown_component_name_is_an_error() -> None:
    with pytest.raises(ConfigError, match="no_such_detector"):
        cleanpage.clean("text", disable=("no_such_detector",))


def test_pyproject_table_and_cleanpage_toml(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.cleanpage]\ncaptions = "keep"\ndisable = ["related"]\n', encoding="utf-8")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    assert Config.discover(nested) == Config(captions="keep", disable=("related",))
    (nested / "cleanpage.toml").write_text('convert = "t2s"\n[[site_rules]]\nhost = "example.com"\ndrop_patterns = ["^广告"]\n',
                                           encoding="utf-8")
    found = Config.discover(nested)
    assert found.convert == "t2s"
    assert found.patterns_for("news.example.com") == ("^广告",)
    assert found.patterns_for("example.org") == ()


def test_broken_toml_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "cleanpage.toml"
    path.write_text("captions = [", encoding="utf-8")
    with pytest.raises(ConfigError):
        Config.from_toml(path)


def test_encoding_detector_by_import_path() -> None:
    config = Config(encoding_detector="json:loads")
    assert callable(config.resolved_encoding_detector())
    with pytest.raises(ConfigError):
        Config(encoding_detector="no.such.module:f").resolved_encoding_detector()
