"""The exams a reader can take (``data/exams.yml``): one source for the exam guide and its task codes.

Checked on every build: the schema, weights that add up to 100, task ids that
belong to their domain and are unique, and task-to-page links that land on a
real page and heading in every language.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

from wikitools.markdown_scan import classify_lines
from wikitools.page_outline import page_anchors
from wikitools.problems import Problem
from wikitools.yaml_data import line_of, load_yaml, schema_problems

CHECK = "exams"
PageLink = Callable[[str], tuple[str, str]]  # "page.md#anchor" -> (relative URL, link text)
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


# Rendering: the exam pages' tables come from the data, never retyped. A page writes one of
#   [[exams:domains:MLA-C01]]     the domains with weights and task counts
#   [[exams:tasks:MLA-C01:1]]     domain 1's task statements with the pages that teach each
#   [[exams:by-page]]             every page with the tasks it teaches, per exam
# on a line of its own; ``expand_exam_blocks`` replaces it with an HTML table, every value escaped.

BLOCK = re.compile(
    r"^\[\[exams:(?P<kind>domains|tasks|by-page)(?::(?P<code>[A-Z]{3}-C0[0-9]))?(?::(?P<domain>[0-9]+))?\]\]\s*$"
)
TEXT = {
    "ja": {
        "domain": "分野",
        "weight": "配点",
        "tasks": "タスク",
        "task": "タスク",
        "statement": "内容",
        "pages": "読むページ",
        "page": "ページ",
        "none": "（この Wiki では扱っていません）",
        "domain_name": "第 {id} 分野: {name}",
        "sep": "、",
    },
    "en": {
        "domain": "Domain",
        "weight": "Weight",
        "tasks": "Tasks",
        "task": "Task",
        "statement": "Statement",
        "pages": "Pages to read",
        "page": "Page",
        "none": "(not covered by this wiki)",
        "domain_name": "Domain {id}: {name}",
        "sep": ", ",
    },
}


def _table(head: list[str], rows: list[list[str]]) -> str:
    cells = "".join(f"<th>{h}</th>" for h in head)
    body = "\n".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return (
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="exam-table">\n'
        f"<thead><tr>{cells}</tr></thead>\n<tbody>\n{body}\n</tbody></table></div></div>"
    )


def render_domains(exam: dict[str, Any], language: str) -> str:
    text = TEXT[language]
    rows = []
    for d in exam["domains"]:
        name = escape(text["domain_name"].format(id=d["id"], name=d["name"][language]))
        rows.append([f'<a href="#domain-{escape(d["id"])}">{name}</a>', f"{d['weight']}%", str(len(d["tasks"]))])
    return _table([text["domain"], text["weight"], text["tasks"]], rows)


def render_tasks(exam: dict[str, Any], domain_id: str, language: str, link: PageLink) -> str | None:
    text = TEXT[language]
    domain = next((d for d in exam["domains"] if d["id"] == domain_id), None)
    if domain is None:
        return None
    rows = []
    for task in domain["tasks"]:
        links = [f'<a href="{escape(url)}">{escape(label)}</a>' for url, label in map(link, task["pages"])]
        rows.append([escape(task["id"]), escape(task["text"][language]), text["sep"].join(links) or text["none"]])
    return _table([text["task"], text["statement"], text["pages"]], rows)


def render_by_page(exams: list[dict[str, Any]], language: str, link: PageLink) -> str:
    """Each page that teaches a task, with the tasks it teaches in each exam (pages in first-mention order)."""
    text = TEXT[language]
    by_page: dict[str, dict[str, list[str]]] = {}
    for exam in exams:
        for domain in exam["domains"]:
            for task in domain["tasks"]:
                for target in task["pages"]:
                    page = target.partition("#")[0]
                    ids = by_page.setdefault(page, {}).setdefault(exam["code"], [])
                    if task["id"] not in ids:
                        ids.append(task["id"])
    rows = []
    for page, codes in by_page.items():
        url, label = link(page)
        rows.append(
            [f'<a href="{escape(url)}">{escape(label)}</a>']
            + [escape(", ".join(codes.get(exam["code"], []))) or "—" for exam in exams]
        )
    return _table([text["page"], *(escape(exam["code"]) for exam in exams)], rows)


def expand_exam_blocks(
    markdown: str, exams: list[dict[str, Any]], language: str, link: PageLink
) -> tuple[str, list[str]]:
    """Replace every exam block line outside code; returns the text and the blocks that name no known exam or domain."""
    by_code = {exam["code"]: exam for exam in exams}
    unknown: list[str] = []
    lines = markdown.split("\n")
    for index, line, kind, _ in classify_lines(lines):
        match = BLOCK.match(line) if kind == "text" else None
        if not match:
            continue
        exam = by_code.get(match.group("code") or "")
        html: str | None = None
        if match.group("kind") == "by-page":
            html = render_by_page(exams, language, link)
        elif exam is not None and match.group("kind") == "domains":
            html = render_domains(exam, language)
        elif exam is not None and match.group("domain"):
            html = render_tasks(exam, match.group("domain"), language, link)
        if html is None:
            unknown.append(line.strip())
        else:
            lines[index] = "".join(part.strip() for part in html.split("\n"))  # one line: line numbers hold
    return "\n".join(lines), unknown
