"""The dependency rules of the house, checked."""

import importlib.util
import re

from tests.helpers import ROOT


def requirements() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            pins[name.lower()] = version
    return pins


def test_every_requirement_is_pinned_exactly():
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            assert re.fullmatch(r"[A-Za-z0-9_.-]+==[0-9][A-Za-z0-9.]*", line), line


def test_mkdocs_stays_below_2():
    assert int(requirements()["mkdocs"].split(".")[0]) < 2


def test_forbidden_packages_are_not_required():
    assert "jieba" not in requirements()
    assert "mkdocs-i18n" not in requirements()


def test_jieba_is_not_importable():
    # Material's search would cut Japanese text with a Chinese dictionary.
    assert importlib.util.find_spec("jieba") is None


def test_old_mkdocs_i18n_plugin_is_not_installed():
    # It registers the same plugin name `i18n` as mkdocs-static-i18n.
    from importlib.metadata import entry_points

    owners = {ep.value.split(":")[0].split(".")[0] for ep in entry_points(group="mkdocs.plugins") if ep.name == "i18n"}
    assert owners == {"mkdocs_static_i18n"}
    assert importlib.util.find_spec("mkdocs_i18n") is None
