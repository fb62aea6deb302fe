"""End to end: break one thing in a copy of the real project; the strict build must fail and say where.

Each case copies the project into a temporary directory, changes one file,
runs ``mkdocs build --strict`` and checks the exit status, that the message
names the file (and line where there is one), and that no traceback was printed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import build_site
from tests.helpers import ROOT
from wikitools.diagrams import extract_diagrams

pytestmark = pytest.mark.build

COPY = (
    "docs",
    "data",
    "glossary",
    "hooks",
    "overrides",
    "wikitools",
    "vendor",
    "mkdocs.yml",
    "translations.lock.json",
    "vendor.lock.json",
    ".cache/diagrams",  # drawn diagrams: a copy need not draw the unchanged ones again
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for name in COPY:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, tmp_path / name)
    return tmp_path


def append(project: Path, rel: str, text: str) -> int:
    """Append ``text`` to a page; return the line number where it starts."""
    path = project / rel
    content = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    path.write_text(content + text + "\n", encoding="utf-8")
    return content.count("\n") + 1


def failing_build(project: Path) -> str:
    result = build_site(project, project / "site")
    log = result.stdout + result.stderr
    assert result.returncode != 0, log[-3000:]
    assert "Traceback" not in log, log[-3000:]
    return log


def test_unbroken_copy_builds_clean(project):
    result = build_site(project, project / "site")
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]


def test_broken_markdown_link(project):
    line = append(project, "docs/ja/sagemaker/train.md", "[壊れたリンク](no-such-page.md)")
    log = failing_build(project)
    assert "sagemaker/train.md" in log and "no-such-page.md" in log
    assert line > 1


def test_broken_anchor(project):
    append(project, "docs/ja/sagemaker/train.md", "[アンカー](deploy.md#no-such-anchor)")
    log = failing_build(project)
    assert "sagemaker/train.md" in log and "no-such-anchor" in log


def test_missing_translation(project):
    (project / "docs/en/sagemaker/tune.md").unlink()
    log = failing_build(project)
    assert "docs/en/sagemaker/tune.md: translation missing" in log


def test_stale_translation(project):
    append(project, "docs/ja/sagemaker/tune.md", "追記した段落です。")
    log = failing_build(project)
    assert "docs/en/sagemaker/tune.md: stale translation: docs/ja/sagemaker/tune.md changed" in log


def test_deferred_stale_translation_builds_with_banner(project):
    import subprocess
    import sys

    append(project, "docs/ja/sagemaker/tune.md", "追記した段落です。")
    subprocess.run(
        [sys.executable, "-m", "wikitools.translations", "defer", "docs/en/sagemaker/tune.md"],
        cwd=project,
        check=True,
        capture_output=True,
    )
    result = build_site(project, project / "site")
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    html = (project / "site/en/sagemaker/tune/index.html").read_text("utf-8")
    assert "This translation may be out of date" in html and 'href="../../../sagemaker/tune/"' in html


def test_unsafe_html(project):
    line = append(
        project, "docs/ja/mlops/index.md", '<script>alert(1)</script>\n\n<img src="x.png" onerror="alert(1)">'
    )
    log = failing_build(project)
    assert f"docs/ja/mlops/index.md:{line}: <script> is not allowed" in log
    assert f"docs/ja/mlops/index.md:{line + 2}: event handler attribute 'onerror'" in log


def test_malformed_glossary_data(project):
    path = project / "glossary/terms.yml"
    path.write_text(path.read_text("utf-8") + "\n- id: [broken\n", encoding="utf-8")
    log = failing_build(project)
    assert "glossary/terms.yml:" in log and "invalid YAML" in log


def test_incomplete_glossary_term(project):
    path = project / "glossary/terms.yml"
    path.write_text(
        path.read_text("utf-8")
        + """
- id: half-done
  category: ml-concept
  status: current
  docs_url: https://docs.aws.amazon.com/sagemaker/latest/dg/whatis.html
  ja: {name: 未完成, reading: みかんせい, short: 定義です。, long: 説明です。}
  en: {name: half done}
""",
        encoding="utf-8",
    )
    log = failing_build(project)
    assert "term 'half-done' en: 'short' is a required property" in log


# One broken thing each; the message must name the file and the line where it was added.
LINE_CASES = [
    ("docs/en/sagemaker/train.md", '<a href="../no-such-page/">raw</a>', "broken link '../no-such-page/'"),
    (
        "docs/ja/sagemaker/train.md",
        "[English](../../en/sagemaker/deploy.md#no-such-anchor)",
        "link to the other language: 'en/sagemaker/deploy/index.html' has no '#no-such-anchor'",
    ),
    ("docs/en/sagemaker/train.md", "[insecure](http://example.com/)", "plain http URL"),
    ("docs/en/mlops/index.md", "[click](javascript:alert(1))", "unsafe URL 'javascript:alert(1)'"),
    (
        "docs/ja/mlops/index.md",
        "[[sagemaker-pipeline]] を参照してください。",
        "unknown glossary term '[[sagemaker-pipeline]]'. Fix: did you mean",
    ),
    ("docs/ja/data-engineering/glue.md", "クローラを実行します。", "'クローラ' is a non-standard form of 'クローラー'"),
]


def test_broken_diagram_fails_the_build_at_its_line(project):
    path = "docs/en/mlops/index.md"
    number = len(extract_diagrams((project / path).read_text("utf-8"), path)) + 1
    line = append(project, path, "```mermaid\nflowchart LR\n  accTitle: t\n  accDescr: d\n  A -->\n```")
    log = failing_build(project)
    assert f"{path}:{line + 4}: diagram {number} cannot be drawn by Mermaid: Parse error on line" in log


@pytest.mark.parametrize(("path", "text", "message"), LINE_CASES, ids=[c[2][:30] for c in LINE_CASES])
def test_broken_input_is_reported_with_file_and_line(project, path, text, message):
    line = append(project, path, text)
    assert f"{path}:{line}: {message}" in failing_build(project)
