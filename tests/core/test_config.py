from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import cleanpage
from cleanpage import Config, ConfigError
from cleanpage.config import SiteRule


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


# -- one validation for every way in (issue 14, item 5) ---------------------------------------------------------
SITE_RULE = {"host": "A.com", "drop_patterns": ["x"]}


def test_site_rule_tables_are_accepted_by_the_constructor_as_by_replace() -> None:
    assert Config(site_rules=[SITE_RULE]) == Config().replace(site_rules=[SITE_RULE])
    assert Config(site_rules=[SITE_RULE]).site_rules == (SiteRule("a.com", ("x",)),)
    assert Config(drop_patterns=["^a", "^b"]).drop_patterns == ("^a", "^b")


@pytest.mark.parametrize("make", [
    lambda: Config(drop_patern=["x"]),
    lambda: Config().replace(drop_patern=["x"]),
    lambda: cleanpage.clean("正文", drop_patern=["x"]),
    lambda: Config.from_mapping({"drop_patern": ["x"]}),
], ids=["constructor", "replace", "clean", "mapping"])
def test_a_misspelt_option_is_named_with_the_closest_valid_name(make: Callable[[], object]) -> None:
    with pytest.raises(ConfigError, match=r"unknown option 'drop_patern'; did you mean 'drop_patterns'\?"):
        make()


@pytest.mark.parametrize(("key", "meant"), [("drop_patern", "drop_patterns"), ("drop_selector", "drop_selectors")])
def test_a_misspelt_site_rule_key_is_named(key: str, meant: str) -> None:
    with pytest.raises(ConfigError, match=rf"unknown key '{key}' in site_rules\[0\]; did you mean '{meant}'\?"):
        Config(site_rules=[{"host": "a.com", key: ["x"]}])
    with pytest.raises(ConfigError, match=rf"keyword options: unknown key '{key}' in site_rules\[0\]"):
        cleanpage.clean("正文", site_rules={"a.com": {key: ["x"]}})


@pytest.mark.parametrize(("options", "message"), [
    ({"timeout": "3"}, "timeout must be a number or None, not str '3'"),
    ({"links": "yes"}, "links must be true or false, not str 'yes'"),
    ({"disable": 3}, "disable must be a list of strings, not int 3"),
    ({"max_input_bytes": 1.5}, "max_input_bytes must be an integer, not float 1.5"),
    ({"site_rules": [{"host": "a.com", "drop_selectors": 3}]}, r"site_rules\[0\].drop_selectors must be a list of strings"),
    ({"site_rules": "a.com"}, "site_rules must be a list of tables"),
])
def test_a_value_of_the_wrong_type_is_named(options: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=f"^Config\\(\\.\\.\\.\\): {message}"):
        Config(**options)  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match=f"^keyword options: {message}"):
        Config().replace(**options)


def test_toml_mistakes_name_the_file_and_line(tmp_path: Path) -> None:
    own = tmp_path / "cleanpage.toml"
    own.write_text('captions = "drop"\n\n[[site_rules]]\nhost = "example.com"\ndrop_selector = [".ad"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"^{own} line 5: unknown key 'drop_selector' in site_rules\[0\]; "
                                          r"did you mean 'drop_selectors'\?"):
        Config.from_toml(own)
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "x"\n\n[tool.cleanpage]\ndrop_patern = ["^x"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"^{pyproject} line 5: unknown option 'drop_patern'"):
        Config.from_toml(pyproject)
    own.write_text('captions = "moved"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"^{own} line 1: captions must be one of"):
        Config.from_toml(own)
