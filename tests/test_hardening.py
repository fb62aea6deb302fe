"""Builds are reproducible and leave the sources alone."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.conftest import build_site
from tests.helpers import ROOT, copy_project

pytestmark = pytest.mark.build

# data/diagrams/ (hooks/diagrams.py) is committed and complete, so a build adds nothing there either


def tree_hashes(root: Path, skip: str = "site") -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.relative_to(root).as_posix().startswith(skip) and "__pycache__" not in p.parts
    }


def output_hashes(site: Path) -> dict[str, str]:
    # sitemap.xml.gz embeds a gzip timestamp; everything a browser reads must be identical
    return {k: v for k, v in tree_hashes(site, skip="\x00").items() if not k.endswith(".gz")}


def test_two_builds_of_the_same_commit_are_byte_identical(tmp_path, built_site):
    again = build_site(ROOT, tmp_path / "again")
    assert again.returncode == 0, (again.stdout + again.stderr)[-3000:]
    first, second = output_hashes(built_site.root), output_hashes(tmp_path / "again")
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


def test_build_writes_only_into_the_site_directory(tmp_path):
    project = copy_project(tmp_path / "project")
    before = tree_hashes(project)
    result = build_site(project, project / "site")
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    assert tree_hashes(project) == before
