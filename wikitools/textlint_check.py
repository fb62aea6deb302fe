"""Run textlint over the Japanese pages and report ``file:line:col`` problems.

The house configuration is ``.textlintrc.json`` (documented in CONTRIBUTING);
this module only feeds textlint a line-faithful copy of each page
(:mod:`wikitools.textlint_prep`) and maps the results back to the sources.

    python -m wikitools.textlint_check            # every page under docs/ja
    python -m wikitools.textlint_check FILE...    # just these
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from wikitools.textlint_prep import prepare

ROOT = Path(__file__).resolve().parent.parent


def textlint_binary(root: Path = ROOT) -> Path | None:
    binary = root / "node_modules" / ".bin" / "textlint"
    return binary if binary.exists() else None


def run(files: list[Path], root: Path = ROOT) -> tuple[list[str], int]:
    """Problems as ``file:line:col: message (rule)`` lines, and how many files were checked."""
    binary = textlint_binary(root)
    if binary is None:
        return ["node_modules/.bin/textlint: not installed. Fix: run `npm ci` (scripts/setup.sh does it)."], 0
    with tempfile.TemporaryDirectory() as tmp:
        copies: dict[str, str] = {}
        for file in files:
            label = file.resolve().relative_to(root).as_posix()
            copy = Path(tmp, label)
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text(prepare(file.read_text(encoding="utf-8")), encoding="utf-8")
            copies[str(copy.resolve())] = label
        shutil.copy(root / ".textlintrc.json", tmp)
        result = subprocess.run(
            [str(binary), "--format", "json", "--config", str(Path(tmp, ".textlintrc.json")), *copies],
            cwd=tmp,
            capture_output=True,
            text=True,
            check=False,
        )
        try:
            reports = json.loads(result.stdout or "[]")
        except json.JSONDecodeError:
            return [f"textlint failed: {(result.stderr or result.stdout).strip()[:500]}"], len(files)
    problems = []
    for report in reports:
        label = copies.get(str(Path(report["filePath"]).resolve()), report["filePath"])
        for message in report["messages"]:
            text = " ".join(message["message"].split())
            problems.append(f"{label}:{message['line']}:{message['column']}: {text} ({message['ruleId']})")
    return problems, len(files)


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or sorted((ROOT / "docs" / "ja").rglob("*.md"))
    problems, checked = run(files)
    for problem in problems:
        print(problem)
    print(f"textlint: {len(problems)} problem(s) in {checked} file(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
