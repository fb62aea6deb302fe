"""End to end: break one thing in a copy of the real project; the strict build must fail and say where.

Each case copies the project into a temporary directory, changes one file,
runs ``mkdocs build --strict`` and checks the exit status, that the message
names the file (and line where there is one), and that no traceback was printed.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import build_site
from tests.helpers import ROOT
from wikitools.diagrams import extract_diagrams

pytestmark = pytest.mark.build


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


def replace(project: Path, rel: str, old: str, new: str) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_malformed_front_matter(project):
    replace(project, "docs/ja/sagemaker/tune.md", "title: チューニング", "title: [unclosed チューニング")
    log = failing_build(project)
    assert "docs/ja/sagemaker/tune.md:2: invalid front matter YAML" in log


def test_front_matter_fields_are_required_and_dated(project):
    tune = project / "docs/en/sagemaker/tune.md"
    reviewed = re.search(r"last_reviewed: \S+", tune.read_text(encoding="utf-8")).group(0)
    replace(project, "docs/en/sagemaker/tune.md", reviewed, "last_reviewed: 2999-01-01")
    replace(project, "docs/ja/sagemaker/tune.md", "description:", "summary:")
    log = failing_build(project)
    assert "docs/en/sagemaker/tune.md:4: 'last_reviewed' 2999-01-01 is in the future" in log
    assert "docs/ja/sagemaker/tune.md:5: front matter has no 'description'" in log


def test_heading_anchor_in_one_language_only(project):
    # the anchor problem (a line) and the stale-translation problem (no line) name the same file:
    # sorting them once raised TypeError in the middle of the build
    line = append(project, "docs/ja/sagemaker/tune.md", "## 新しい節 {#new-section}")
    log = failing_build(project)
    assert f"docs/ja/sagemaker/tune.md:{line}: heading anchor '#new-section' has no counterpart" in log


def test_page_in_another_encoding(project):
    path = project / "docs/ja/sagemaker/tune.md"
    path.write_bytes(path.read_text(encoding="utf-8").encode("shift_jis", errors="replace"))
    log = failing_build(project)
    assert "docs/ja/sagemaker/tune.md:2: the file is not UTF-8" in log


def test_both_languages_changed_without_mark(project):
    append(project, "docs/ja/sagemaker/tune.md", "両方に追記した段落です。")
    append(project, "docs/en/sagemaker/tune.md", "A paragraph added to both.")
    log = failing_build(project)
    assert "docs/en/sagemaker/tune.md: both languages changed since the pair was last marked in sync" in log


def test_merge_conflict_in_the_lock_is_one_leading_problem(project):
    path = project / "translations.lock.json"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[5:5] = ["<<<<<<< HEAD", lines[5], "=======", lines[6], ">>>>>>> other"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    log = failing_build(project)
    warnings = [line for line in log.splitlines() if "WARNING" in line]
    assert "translations.lock.json:6: unresolved merge conflict" in warnings[0], warnings[:3]
    assert "no entry in translations.lock.json" not in log


def test_a_renamed_page_leaves_a_lock_entry_that_prune_removes(project):
    from wikitools.translations import format_lock, parse_lock
    from wikitools.translations import main as translations

    path = project / "translations.lock.json"
    lock, _ = parse_lock(path.read_text("utf-8"))
    path.write_text(format_lock({**lock, "sagemaker/old-name.md": {"ja": "1", "en": "2"}}), "utf-8")
    line = next(n for n, text in enumerate(path.read_text("utf-8").splitlines(), 1) if "old-name" in text)
    log = failing_build(project)
    assert (
        f"translations.lock.json:{line}: entry for 'sagemaker/old-name.md', a page that no longer exists"
        " (renamed or deleted). Fix: run: python -m wikitools.translations prune"
    ) in log
    assert translations(["prune"], root=project) == 0
    assert parse_lock(path.read_text("utf-8"))[0] == lock
    assert build_site(project, project / "site").returncode == 0


def test_lock_additions_merge_without_conflict(tmp_path):
    """Two branches that each mark a new neighbouring page merge cleanly (one line per page, merge=union)."""
    import subprocess

    def git(*args: str) -> str:
        run = subprocess.run(["git", *args], cwd=tmp_path, capture_output=True, text=True, check=False)
        assert run.returncode == 0, run.stdout + run.stderr
        return run.stdout

    shutil.copy2(ROOT / "translations.lock.json", tmp_path / "translations.lock.json")
    shutil.copy2(ROOT / ".gitattributes", tmp_path / ".gitattributes")
    git("init", "-q", "-b", "main")
    git("-c", "user.name=t", "-c", "user.email=t@x", "commit", "-qam", "base", "--allow-empty")
    git("add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@x", "commit", "-qm", "lock")
    from wikitools.translations import format_lock, parse_lock

    base, _ = parse_lock((tmp_path / "translations.lock.json").read_text("utf-8"))
    for branch, page in (("a", "sagemaker/tune-a.md"), ("b", "sagemaker/tune-b.md")):
        git("checkout", "-q", "-b", branch, "main")
        (tmp_path / "translations.lock.json").write_text(format_lock({**base, page: {"ja": "1", "en": "2"}}), "utf-8")
        git("-c", "user.name=t", "-c", "user.email=t@x", "commit", "-qam", branch)
    git("checkout", "-q", "main")
    git("-c", "user.name=t", "-c", "user.email=t@x", "merge", "-q", "a")
    git("-c", "user.name=t", "-c", "user.email=t@x", "merge", "-q", "--no-edit", "b")
    merged, problems = parse_lock((tmp_path / "translations.lock.json").read_text("utf-8"))
    assert problems == [] and merged is not None
    assert {"sagemaker/tune-a.md", "sagemaker/tune-b.md"} <= set(merged)


MARKUP = "<script>alert('data')</script>"


def test_markup_in_glossary_and_front_matter_fails_the_strict_build(project):
    terms = (project / "glossary/terms.yml").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(terms, 1) if text.startswith("    short: A managed service that ingests"))
    replace(project, "glossary/terms.yml", "    short: A managed service that ingests", f"    short: {MARKUP} ingests")
    replace(project, "docs/en/sagemaker/tune.md", "title: ", "title: <img src=x onerror=alert(1)> ")
    log = failing_build(project)
    assert f"glossary/terms.yml:{line}: 'kinesis-data-streams' en short contains an HTML tag" in log
    assert "docs/en/sagemaker/tune.md:2: title contains an HTML tag" in log


def test_markup_in_data_is_escaped_when_the_build_is_not_strict(project):
    replace(project, "glossary/terms.yml", "    short: A managed service that ingests", f"    short: {MARKUP} ingests")
    replace(
        project,
        "glossary/terms.yml",
        "    name: Amazon Kinesis Data Streams\n    aliases",
        f"    name: K{MARKUP}\n    aliases",
    )
    replace(project, "docs/en/sagemaker/tune.md", "title: ", f"title: {MARKUP} ")
    replace(project, "mkdocs.yml", "strict: true", "strict: false")
    import os
    import subprocess
    import sys

    out = project / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(out)],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-3000:]
    live = [
        p.relative_to(out).as_posix() for p in out.rglob("*.html") if "alert('data')</script>" in p.read_text("utf-8")
    ]
    assert live == []
    glossary = (out / "en/glossary/index.html").read_text("utf-8")
    assert "&lt;script&gt;alert(" in glossary  # shown as text
    assert "&lt;script&gt;alert(" in (out / "en/sagemaker/tune/index.html").read_text("utf-8")


def test_markup_in_a_data_file(project):
    (project / "data/extra").mkdir(parents=True)
    (project / "data/extra/x.yml").write_text("- id: a\n  text: fine\n- id: b\n  text: <iframe src=x>\n", "utf-8")
    log = failing_build(project)
    assert "data/extra/x.yml:4: 'b' text contains an HTML tag" in log
