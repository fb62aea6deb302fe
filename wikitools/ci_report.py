"""Problems where people look: inline on the pull request's diff, in the job summary, on the preview page.

Under GitHub Actions every problem is also printed as a workflow command
(``::error file=…,line=…,title=…::…``) so GitHub shows it on the changed line;
the job summary gets a table of problems by check and the translation status,
in both languages. While previewing with ``mkdocs serve`` the problems of a
page are shown on that page. Pure functions; the hooks decide when.
"""

from __future__ import annotations

import subprocess
from collections import Counter
from html import escape
from pathlib import Path

from wikitools.problems import Problem


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem, level: str = "error") -> str:
    """One GitHub workflow command for a problem."""
    props = [f"file={_escape_property(problem.file)}"]
    if problem.line:
        props.append(f"line={problem.line}")
    props.append(f"title={_escape_property(problem.check or 'wiki')}")
    message = problem.message + (f" Fix: {problem.fix}" if problem.fix else "")
    return f"::{level} {','.join(props)}::{_escape_data(message)}"


def summary(
    problems: list[Problem], stale: list[str], deferred: list[str], pages: int, touched: list[str] | None = None
) -> str:
    """The job summary (Markdown), Japanese then English."""
    by_check = Counter(p.check or "other" for p in problems)
    files = sorted({p.file for p in problems})
    rows = "\n".join(f"| `{check}` | {count} |" for check, count in sorted(by_check.items())) or "| — | 0 |"

    def listing(items: list[str]) -> str:
        return ", ".join(f"`{item}`" for item in items) or "—"

    count = len(problems)
    verdict = f"❌ {count} 件の問題 / {count} problem(s)" if problems else "✅ 問題はありません / No problems"
    return (
        "## ウィキの検査 / Wiki checks\n\n"
        f"{verdict}"
        f"（{pages} ページを検査 / {pages} pages checked）\n\n"
        "| 検査 / check | 件数 / count |\n| --- | --- |\n" + rows + "\n\n"
        f"**このプルリクエストで変わったページ / Pages this pull request changes**: {listing(touched or [])}\n\n"
        f"**問題のあるファイル / Files with problems**: {listing(files)}\n\n"
        f"**古い翻訳 / Stale translations**: {listing(stale)}\n\n"
        f"**翻訳を保留中 / Deferred translations**: {listing(deferred)}\n"
    )


def page_notice(problems: list[Problem]) -> str:
    """A visible notice for the preview (``mkdocs serve``): the page's problems, escaped."""
    if not problems:
        return ""
    items = "".join(
        f"<li><code>{escape(p.file)}:{p.line or ''}</code> {escape(p.message)} {escape(p.fix)}</li>" for p in problems
    )
    return (
        '<div class="admonition failure wiki-preview-problems" role="alert">'
        '<p class="admonition-title">プレビューで見つかった問題 / Problems found while previewing</p>'
        f"<ul>{items}</ul>"
        "<p>厳格ビルド（<code>mkdocs build --strict</code>）と CI はこれらで失敗します。"
        " The strict build and CI fail on these.</p></div>"
    )


def touched_pages(root: Path, base_ref: str) -> list[str]:
    """Pages and data a pull request changes against ``origin/<base_ref>`` (empty when git cannot tell)."""
    try:
        result = subprocess.run(
            ["git", "diff", "--name-only", f"origin/{base_ref}...HEAD", "--", "docs", "data", "glossary"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return []
    return [line for line in result.stdout.splitlines() if line.strip()]
