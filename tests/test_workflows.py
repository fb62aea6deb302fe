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
