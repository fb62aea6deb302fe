"""GitHub workflows: least privilege, actions pinned by commit SHA, no untrusted input in shell lines."""

from __future__ import annotations

import re

import pytest
import yaml

from tests.helpers import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def load(path):
    # PyYAML reads the key `on` as True
    return {("on" if k is True else k): v for k, v in yaml.safe_load(path.read_text("utf-8")).items()}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_top_level_permissions_are_read_only(path):
    assert load(path)["permissions"] == {"contents": "read"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_by_full_sha(path):
    uses = re.findall(r"uses:\s*(\S+)", path.read_text("utf-8"))
    assert uses
    for ref in uses:
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", ref), ref


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_pull_request_target_and_no_expressions_in_run_lines(path):
    workflow = load(path)
    assert "pull_request_target" not in (workflow["on"] if isinstance(workflow["on"], dict) else {})
    for job in workflow["jobs"].values():
        for step in job.get("steps", []):
            assert "${{" not in step.get("run", ""), step


def test_write_permissions_only_on_the_deploy_job():
    deploy = load(ROOT / ".github/workflows/deploy.yml")
    assert deploy["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "permissions" not in deploy["jobs"]["build"]


def test_ci_runs_the_readme_test_command():
    assert "bash .ci/run" in (ROOT / ".github/workflows/ci.yml").read_text("utf-8")
    assert "bash scripts/test.sh" in (ROOT / ".ci/run").read_text("utf-8")
    assert "bash scripts/test.sh" in (ROOT / "README.md").read_text("utf-8")


def test_write_permissions_only_where_they_are_needed():
    """Deploy writes Pages; the labeler writes labels. Every other job keeps the read-only default."""
    allowed = {
        ("deploy.yml", "deploy"): {"pages": "write", "id-token": "write"},
        ("labeler.yml", "label"): {"contents": "read", "pull-requests": "write"},
    }
    for path in WORKFLOWS:
        for name, job in load(path)["jobs"].items():
            permissions = job.get("permissions")
            if permissions is not None:
                assert allowed.get((path.name, name)) == permissions, (path.name, name, permissions)


def test_labeler_checks_out_nothing_and_labels_every_section():
    workflow = load(ROOT / ".github/workflows/labeler.yml")
    steps = workflow["jobs"]["label"]["steps"]
    assert not any("checkout" in step.get("uses", "") for step in steps)
    labels = yaml.safe_load((ROOT / ".github/labeler.yml").read_text("utf-8"))
    for section in ("data-engineering", "ai-services", "sagemaker", "mlops", "exam-guide"):
        assert f"content:{section}" in labels
    assert {"glossary", "checks"} <= set(labels)


def test_issue_forms_ask_for_the_page_and_an_official_source():
    form = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE/content-error.yml").read_text("utf-8"))
    ids = {item.get("id") for item in form["body"]}
    assert {"page", "language", "wrong", "right", "source"} <= ids
    assert (ROOT / ".github/ISSUE_TEMPLATE/new-topic.yml").exists()
    assert "公式の出典 / Official sources checked" in (ROOT / ".github/pull_request_template.md").read_text("utf-8")


def test_codeowners_cover_content_sections_and_checks():
    owners = (ROOT / ".github/CODEOWNERS").read_text("utf-8")
    for path in ("/docs/*/sagemaker/", "/glossary/", "/wikitools/", "/hooks/"):
        assert path in owners


def test_pull_requests_get_a_preview_artifact_with_instructions():
    workflow = load(ROOT / ".github/workflows/ci.yml")
    steps = workflow["jobs"]["test"]["steps"]
    upload = next(step for step in steps if "upload-artifact" in step.get("uses", ""))
    assert upload["with"]["name"] == "site-preview" and upload["with"]["path"] == "preview/"
    build = next(step for step in steps if step.get("name") == "Build the preview")
    assert "preview-readme.txt" in build["run"] and "GITHUB_STEP_SUMMARY" in build["run"]
    assert "127.0.0.1:8000/aws-ml-wiki/" in (ROOT / "scripts/preview-readme.txt").read_text("utf-8")
