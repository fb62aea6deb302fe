"""The dependency rules of the house, checked."""

import importlib.util
import re
from importlib.metadata import distribution

from tests.helpers import ROOT

BUILD = ROOT / "requirements.txt"
TEST = ROOT / "requirements-test.txt"


def lines(path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


def requirements(path=BUILD) -> dict[str, str]:
    pins = {}
    for line in lines(path):
        if not line.startswith("-"):
            name, _, version = line.partition("==")
            pins[name.lower()] = version
    return pins


def test_every_requirement_is_pinned_exactly():
    for path in (BUILD, TEST):
        for line in lines(path):
            if line in ("-e .", "-r requirements.txt"):
                continue
            assert re.fullmatch(r"[A-Za-z0-9_.-]+==[0-9][A-Za-z0-9.]*", line), f"{path.name}: {line}"


def test_build_requirements_install_this_repository_and_tests_add_only_tooling():
    assert "-e ." in lines(BUILD)
    assert lines(TEST)[0] == "-r requirements.txt"
    assert set(requirements(TEST)) == {"pytest", "playwright", "hypothesis", "ruff", "pytest-xdist"}
    assert not set(requirements(TEST)) & set(requirements(BUILD))


def test_wikitools_is_installed_as_a_package_not_through_a_path_file():
    dist = distribution("aws-ml-wiki-tools")
    assert dist.metadata["Name"] == "aws-ml-wiki-tools"
    site = ROOT / ".venv" / "lib"
    assert not list(site.glob("python*/site-packages/aws_ml_wiki.pth"))


def test_mkdocs_stays_below_2():
    assert int(requirements()["mkdocs"].split(".")[0]) < 2


def test_forbidden_and_unused_packages_are_not_required():
    for path in (BUILD, TEST):
        pins = requirements(path)
        assert "jieba" not in pins
        assert "mkdocs-i18n" not in pins
        assert "mkdocs-mermaid2-plugin" not in pins  # never enabled: Material renders Mermaid (README)


def test_jieba_is_not_importable():
    # Material's search would cut Japanese text with a Chinese dictionary.
    assert importlib.util.find_spec("jieba") is None


def test_old_mkdocs_i18n_plugin_is_not_installed():
    # It registers the same plugin name `i18n` as mkdocs-static-i18n.
    from importlib.metadata import entry_points

    owners = {ep.value.split(":")[0].split(".")[0] for ep in entry_points(group="mkdocs.plugins") if ep.name == "i18n"}
    assert owners == {"mkdocs_static_i18n"}
    assert importlib.util.find_spec("mkdocs_i18n") is None
