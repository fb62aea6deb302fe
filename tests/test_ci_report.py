"""Problems on the pull request's diff and in the job summary; the preview never stops answering."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.conftest import build_site
from tests.test_checks_e2e import append
from wikitools.ci_report import annotation, page_notice, summary
from wikitools.problems import Problem


def test_annotation_is_a_github_workflow_command_with_file_and_line():
    problem = Problem("docs/ja/a.md", 12, "broken link: 'x.md'.", "fix it, then: rebuild", "links")
    assert (
        annotation(problem)
        == "::error file=docs/ja/a.md,line=12,title=links::broken link: 'x.md'. Fix: fix it, then: rebuild"
    )
    assert (
        annotation(Problem("glossary/terms.yml", None, "a\nb%", "", ""))
        == "::error file=glossary/terms.yml,title=wiki::a%0Ab%25"
    )


def test_summary_counts_problems_by_check_and_lists_translation_status():
    problems = [Problem("docs/ja/a.md", 1, "m", "", "links"), Problem("docs/en/a.md", 2, "m", "", "links")]
    text = summary(problems, ["en/a.md"], ["b.md"], 10, ["docs/ja/a.md"])
    assert "| `links` | 2 |" in text and "`en/a.md`" in text and "`b.md`" in text and "2 problem(s)" in text
    assert "Pages this pull request changes**: `docs/ja/a.md`" in text
    assert "No problems" in summary([], [], [], 10)


def test_preview_notice_escapes_problem_text():
    html = page_notice([Problem("docs/ja/a.md", 3, "<script>x</script>", "", "voice")])
    assert "<script>" not in html and "&lt;script&gt;" in html and 'role="alert"' in html
    assert page_notice([]) == ""


@pytest.mark.build
def test_under_github_actions_problems_become_annotations_and_a_summary(project, tmp_path):
    line = append(project, "docs/ja/sagemaker/train.md", "[壊れたリンク](no-such-page.md)")
    summary_file = tmp_path / "summary.md"
    result = build_site(
        project, project / "site", env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary_file)}
    )
    assert result.returncode != 0
    assert f"::error file=docs/ja/sagemaker/train.md,line={line}," in result.stdout
    assert "::error file=docs/en/sagemaker/train.md" in result.stdout  # now stale: the Japanese page changed
    text = summary_file.read_text(encoding="utf-8")
    assert "| `links` |" in text and "| `translation` |" in text and "`en/sagemaker/train.md`" in text


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


@pytest.mark.build
def test_serve_keeps_answering_and_shows_the_problem_on_the_page(project):
    """A one-sided edit (the first step of every translation) must not hang the preview."""
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", "mkdocs.yml"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}/aws-ml-wiki/en/sagemaker/train/"
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                _get(base)
                break
            except OSError:
                assert server.poll() is None, server.stderr.read()[-3000:]
                assert time.monotonic() < deadline, "mkdocs serve did not start"
                time.sleep(1)
        append(project, "docs/ja/sagemaker/train.md", "追記した段落です。")
        deadline = time.monotonic() + 180
        page = ""
        while "wiki-preview-problems" not in page:
            assert server.poll() is None, server.stderr.read()[-3000:]
            assert time.monotonic() < deadline, "the problem never appeared on the page"
            time.sleep(1)
            try:
                page = _get(base)
            except OSError:
                page = ""  # between two builds
        assert "stale translation" in page
        assert "<title>" in _get(base.replace("/en/", "/"))  # the Japanese page answers too
    finally:
        server.terminate()
        server.wait(timeout=30)
