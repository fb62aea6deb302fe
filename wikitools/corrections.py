"""The corrections page: what the source notes got wrong, from ``data/corrections/*.yml``.

Topic pages state facts for a reader who never saw the notes; every place a
note was wrong is recorded here once, with the right fact, the official
source and the date it was checked. All text is data, so it is escaped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from wikitools.page_outline import page_anchors
from wikitools.problems import Problem
from wikitools.yaml_data import line_of, load_valid_files, load_yaml

CHECK = "corrections"


@dataclass(frozen=True)
class Correction:
    id: str
    note: str
    page: str
    anchor: str
    said: dict[str, str]
    right: dict[str, str]
    source: dict[str, str]
    checked: str
    label: str  # data file, for problems
    line: int


@dataclass(frozen=True)
class Note:
    file: str
    title: dict[str, str]


def load_notes(root: Path) -> tuple[list[Note], list[Problem]]:
    label = "data/notes.yml"
    data, _, problems = load_yaml(root / label, label, CHECK)
    notes = [
        Note(str(n["file"]), {k: str(v) for k, v in (n.get("title") or {}).items()})
        for n in data or []
        if isinstance(n, dict) and "file" in n
    ]
    return notes, problems


def load_corrections(root: Path, languages: tuple[str, ...] = ("ja", "en")) -> tuple[list[Correction], list[Problem]]:
    """Every correction, checked: schema, unique ids, known note files, pages and anchors that exist."""
    notes, problems = load_notes(root)
    known_notes = {n.file for n in notes}
    files, found = load_valid_files(root, "data/corrections", "*.yml", "corrections.schema.json", CHECK)
    problems += found
    out: list[Correction] = []
    seen: dict[str, str] = {}
    for _, label, data, node in files:
        for index, raw in enumerate(data):
            out.append(_correction(raw, label, line_of(node, [index])))
    for item in out:
        if item.id in seen:
            problems.append(
                Problem(
                    item.label,
                    item.line,
                    f"correction id '{item.id}' is also used in {seen[item.id]}.",
                    "give it a unique id.",
                    CHECK,
                )
            )
        seen.setdefault(item.id, item.label)
        if known_notes and item.note not in known_notes:
            problems.append(
                Problem(
                    item.label,
                    item.line,
                    f"unknown note file '{item.note}'.",
                    "use a file listed in data/notes.yml.",
                    CHECK,
                )
            )
        for language in languages:
            anchors = page_anchors(root / "docs", language, item.page)
            if anchors is None:
                problems.append(
                    Problem(
                        item.label,
                        item.line,
                        f"page '{item.page}' does not exist in docs/{language}/.",
                        "name an existing page.",
                        CHECK,
                    )
                )
            elif item.anchor and item.anchor not in anchors:
                problems.append(
                    Problem(
                        item.label,
                        item.line,
                        f"docs/{language}/{item.page} has no heading '{{#{item.anchor}}}'.",
                        "use an explicit heading anchor of that page.",
                        CHECK,
                    )
                )
    return out, problems


def _correction(raw: dict[str, Any], label: str, line: int) -> Correction:
    return Correction(
        id=str(raw["id"]),
        note=str(raw["note"]),
        page=str(raw["page"]),
        anchor=str(raw.get("anchor", "") or ""),
        said={k: str(v) for k, v in raw["said"].items()},
        right={k: str(v) for k, v in raw["right"].items()},
        source={k: str(v) for k, v in raw["source"].items()},
        checked=str(raw["checked"]),
        label=label,
        line=line,
    )


TEXT = {
    "ja": {
        "said": "ノートの記述",
        "right": "正しくは",
        "source": "出典",
        "checked": "確認日",
        "page": "詳しく",
        "count": "{n} 件",
    },
    "en": {
        "said": "The note said",
        "right": "What is right",
        "source": "Source",
        "checked": "Checked",
        "page": "Read more",
        "count": "{n} corrections",
    },
}


def render_corrections(
    items: list[Correction], notes: list[Note], language: str, page_url: Callable[[str, str], str]
) -> str:
    """HTML for the corrections page: one section per note, a definition list per correction, all escaped.

    ``page_url(page, anchor)`` gives the relative URL of a wiki page from the corrections page.
    """
    text = TEXT[language]
    by_note: dict[str, list[Correction]] = {}
    for item in sorted(items, key=lambda c: (c.note, c.page, c.id)):
        by_note.setdefault(item.note, []).append(item)
    titles = {n.file: n.title.get(language, n.file) for n in notes}
    out = []
    for note, group in by_note.items():
        anchor = "note-" + note.split("_", 1)[0]
        count = text["count"].format(n=len(group))
        out.append(f'<h2 id="{anchor}">{escape(titles.get(note, note))} <small>({escape(note)} · {count})</small></h2>')
        for item in group:
            url = page_url(item.page, item.anchor)
            source = escape(item.source[language])
            out.append(
                f'<div class="correction" id="{escape(item.id)}">\n<dl>\n'
                f'<dt>{text["said"]}</dt><dd class="glossary-nolink">{escape(item.said[language])}</dd>\n'
                f"<dt>{text['right']}</dt><dd>{escape(item.right[language])}</dd>\n"
                f'<dt>{text["source"]}</dt><dd><a href="{source}">{source}</a>'
                f" · {text['checked']} {escape(item.checked)}"
                f' · <a href="{escape(url)}">{text["page"]}</a></dd>\n'
                "</dl>\n</div>"
            )
    return "\n".join(out)
