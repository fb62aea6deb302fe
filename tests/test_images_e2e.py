"""One image in docs/assets/images/ serves both languages; a missing image or alt text names the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import build_site
from tests.helpers import copy_project
from tests.test_checks_e2e import append

pytestmark = pytest.mark.build
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'


@pytest.fixture
def project(tmp_path: Path) -> Path:
    copy_project(tmp_path)
    (tmp_path / "docs/assets/images").mkdir(parents=True, exist_ok=True)
    (tmp_path / "docs/assets/images/probe.svg").write_text(SVG, encoding="utf-8")
    return tmp_path


def _add_to_both(project: Path, ja: str, en: str) -> int:
    line = append(project, "docs/ja/sagemaker/train.md", ja)
    append(project, "docs/en/sagemaker/train.md", en)
    from wikitools.translations import main as translations

    translations(["mark", "docs/ja/sagemaker/train.md"], root=project)
    return line


def test_a_shared_image_builds_in_both_languages(project):
    _add_to_both(
        project, "![検査用の図](../../assets/images/probe.svg)", "![A probe figure](../../assets/images/probe.svg)"
    )
    result = build_site(project, project / "site")
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    for page in ("site/sagemaker/train/index.html", "site/en/sagemaker/train/index.html"):
        html = (project / page).read_text(encoding="utf-8")
        assert "assets/images/probe.svg" in html
    assert (project / "site/assets/images/probe.svg").exists()


def test_an_image_without_alt_text_names_the_line(project):
    line = _add_to_both(
        project, "![](../../assets/images/probe.svg)", "![A probe figure](../../assets/images/probe.svg)"
    )
    result = build_site(project, project / "site")
    log = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in log
    assert f"docs/ja/sagemaker/train.md:{line}: image '../../assets/images/probe.svg' has no alt text." in log
