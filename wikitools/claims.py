"""The claims register: per page pair, each checked claim with its official source and verdict.

``data/claims/<page path without .md>.yml`` records what the last review
checked, so the next review starts from the list instead of from zero. The
build checks that each register is well formed and points at real sections.
"""

from __future__ import annotations

from pathlib import Path

from wikitools.page_outline import page_anchors
from wikitools.problems import Problem
from wikitools.yaml_data import line_of, load_valid_files

CHECK = "claims"


def claims_file(root: Path, page: str) -> Path:
    return root / "data" / "claims" / (page[: -len(".md")] + ".yml")


def register_problems(root: Path, languages: tuple[str, ...] = ("ja", "en")) -> tuple[list[Problem], dict[str, int]]:
    """Problems in every register, and the number of claims per page."""
    counts: dict[str, int] = {}
    files, problems = load_valid_files(root, "data/claims", "**/*.yml", "claims.schema.json", CHECK)
    for path, label, data, node in files:
        page = data["page"]
        expected = path.relative_to(root / "data" / "claims").as_posix()[: -len(".yml")] + ".md"
        if page != expected:
            problems.append(
                Problem(
                    label,
                    line_of(node, ["page"]),
                    f"page '{page}' does not match the file's path.",
                    f"write page: {expected}",
                    CHECK,
                )
            )
            continue
        counts[page] = len(data["claims"])
        for language in languages:
            anchors = page_anchors(root / "docs", language, page)
            if anchors is None:
                problems.append(
                    Problem(
                        label,
                        line_of(node, ["page"]),
                        f"docs/{language}/{page} does not exist.",
                        "remove the register or fix the path.",
                        CHECK,
                    )
                )
                continue
            for index, claim in enumerate(data["claims"]):
                anchor = claim.get("anchor")
                if anchor and anchor not in anchors:
                    problems.append(
                        Problem(
                            label,
                            line_of(node, ["claims", index, "anchor"]),
                            f"docs/{language}/{page} has no heading '{{#{anchor}}}'.",
                            "use an explicit heading anchor of the page.",
                            CHECK,
                        )
                    )
    return problems, counts
