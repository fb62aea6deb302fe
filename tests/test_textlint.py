"""The Japanese style gate: textlint with the house configuration passes on every Japanese page."""

from __future__ import annotations

import shutil
from pathlib import Path

from wikitools.textlint_check import run
from wikitools.textlint_prep import prepare

ROOT = Path(__file__).resolve().parent.parent


def test_japanese_pages_pass_textlint():
    problems, checked = run(sorted((ROOT / "docs" / "ja").rglob("*.md")), ROOT)
    assert checked >= 30
    assert not problems, "\n".join(problems)


def test_the_gate_reports_file_and_line(tmp_path):
    """A probe page in a scratch project (never in docs/, where a parallel build would see it)."""
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    shutil.copy2(ROOT / ".textlintrc.json", tmp_path / ".textlintrc.json")
    page = tmp_path / "docs" / "ja" / "probe.md"
    page.parent.mkdir(parents=True)
    page.write_text("# 見出し\n\n本文です。\n\nこれはテストである。これはテストです。\n", encoding="utf-8")
    problems, _ = run([page], tmp_path)
    assert any(p.startswith("docs/ja/probe.md:5:") and "no-mix-dearu-desumasu" in p for p in problems), problems


def test_prepare_keeps_lines_and_reads_admonition_bodies_as_prose():
    text = (
        '---\ntitle: t\n---\n\n## 見出し {#anchor}\n\n!!! note "注意"\n    本文です。\n\n'
        "```python\n    x = 1\n```\n\n[[sagemaker|SageMaker]] を使います。{ .x }\n"
    )
    out = prepare(text)
    assert out.count("\n") == text.count("\n")
    lines = out.split("\n")
    assert lines[4] == "## 見出し"
    assert lines[6] == "" and lines[7] == "本文です。"
    assert lines[10] == "    x = 1"  # code is left alone
    assert lines[13] == "SageMaker を使います。"
