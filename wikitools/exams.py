"""The exams a reader can take (``data/exams.yml``): one source for the exam guide and its task codes.

Checked on every build: the schema, weights that add up to 100, task ids that
belong to their domain and are unique, and task-to-page links that land on a
real page and heading in every language.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from wikitools.corrections import page_anchors
from wikitools.problems import Problem
from wikitools.yaml_data import line_of, load_yaml, schema_problems

CHECK = "exams"
LABEL = "data/exams.yml"


def load_exams(root: Path, languages: tuple[str, ...] = ("ja", "en")) -> tuple[list[dict[str, Any]], list[Problem]]:
    data, node, problems = load_yaml(root / LABEL, LABEL, CHECK)
    if data is None:
        return [], problems
    problems += schema_problems(data, node, root / "data" / "schemas" / "exams.schema.json", LABEL, CHECK)
    if problems:
        return [], problems
    anchors: dict[tuple[str, str], set[str] | None] = {}
    codes: set[str] = set()
    for e, exam in enumerate(data):
        if exam["code"] in codes:
            problems.append(
                Problem(LABEL, line_of(node, [e, "code"]), f"exam {exam['code']} is listed twice.", "keep one.", CHECK)
            )
        codes.add(exam["code"])
        total = sum(domain["weight"] for domain in exam["domains"])
        if total != 100:
            problems.append(
                Problem(
                    LABEL,
                    line_of(node, [e, "domains"]),
                    f"{exam['code']}: domain weights add up to {total}, not 100.",
                    "check the official exam guide.",
                    CHECK,
                )
            )
        seen: set[str] = set()
        for d, domain in enumerate(exam["domains"]):
            for t, task in enumerate(domain["tasks"]):
                where = line_of(node, [e, "domains", d, "tasks", t, "id"])
                if task["id"] in seen or task["id"].split(".")[0] != domain["id"]:
                    problems.append(
                        Problem(
                            LABEL,
                            where,
                            f"{exam['code']} task {task['id']} is repeated or outside domain {domain['id']}.",
                            "number tasks <domain>.<n>.",
                            CHECK,
                        )
                    )
                seen.add(task["id"])
                for p, target in enumerate(task["pages"]):
                    page, _, anchor = target.partition("#")
                    for language in languages:
                        if (language, page) not in anchors:
                            anchors[(language, page)] = page_anchors(root / "docs", language, page)
                        found = anchors[(language, page)]
                        if found is None or (anchor and anchor not in found):
                            missing = (
                                f"page docs/{language}/{page}"
                                if found is None
                                else f"heading '{{#{anchor}}}' in docs/{language}/{page}"
                            )
                            problems.append(
                                Problem(
                                    LABEL,
                                    line_of(node, [e, "domains", d, "tasks", t, "pages", p]),
                                    f"{exam['code']} task {task['id']}: no {missing}.",
                                    "point at an existing page and explicit heading anchor.",
                                    CHECK,
                                )
                            )
    return data, problems


def task_codes(exams: list[dict[str, Any]]) -> set[str]:
    """Every task as ``CODE:domain.task`` (e.g. ``MLA-C01:1.1``), the form questions cite."""
    return {f"{exam['code']}:{task['id']}" for exam in exams for domain in exam["domains"] for task in domain["tasks"]}
