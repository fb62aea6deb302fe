"""Load and validate the glossary: the one source of truth for terms.

``glossary/terms.yml`` is checked against ``glossary/schema.json`` and then
for what a schema cannot say (unique ids and surface forms, related ids that
exist, known categories). Malformed data never raises: every problem comes
back as a :class:`~wikitools.problems.Problem` naming the file and line.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from wikitools.data_safety import markup_problems
from wikitools.file_cache import cached
from wikitools.normalize import fold
from wikitools.problems import Problem
from wikitools.source_files import encoding_problem
from wikitools.yaml_lines import error_line, error_reason, line_of, load_with_nodes

LANGUAGES = ("ja", "en")
STATUSES = ("current", "renamed", "closed", "retired")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class TermText:
    name: str
    short: str
    long: str
    reading: str = ""
    aliases: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()
    kana: tuple[str, ...] = ()  # katakana readings readers type (セージメーカー): search only, never linked
    docs_url: str = ""  # this language's official page, when it differs from the term's docs_url
    status_note: str = ""  # what the lifecycle change means for a reader, shown with the status
    status_source: str = ""  # this language's official announcement of the lifecycle change

    @property
    def forms(self) -> tuple[str, ...]:
        """Surface forms that link to the term: the name first, then aliases."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Term:
    id: str
    category: str
    status: str
    docs_url: str
    text: dict[str, TermText]
    related: tuple[str, ...] = ()
    status_date: str = ""
    successor: str = ""
    reference_only: bool = False
    status_source: str = ""  # official announcement of the lifecycle change (English)
    line: int = 0


@dataclass
class Glossary:
    terms: dict[str, Term] = field(default_factory=dict)
    categories: dict[str, dict[str, str]] = field(default_factory=dict)
    source: str = "glossary/terms.yml"
    # compiled matchers by language (wikitools.term_matcher.matcher_for): built once per glossary
    matchers: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def closest_ids(self, wrong: str, n: int = 3) -> list[str]:
        return difflib.get_close_matches(wrong, list(self.terms), n=n, cutoff=0.5)


def _plain(value: Any) -> Any:
    """YAML turns 2023-08-30 into a date; the schema and pages want the string."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def parse_terms(text: str, source: str) -> tuple[list[dict[str, Any]], yaml.Node | None, list[Problem]]:
    """Parse the YAML text; a syntax error becomes a problem with its line."""
    try:
        raw, node = load_with_nodes(text)
        data = _plain(raw)
    except yaml.YAMLError as error:
        return (
            [],
            None,
            [
                Problem(
                    source,
                    error_line(error),
                    f"invalid YAML: {error_reason(error)}.",
                    "fix the YAML syntax at that line.",
                    "glossary",
                )
            ],
        )
    if data is None:
        return [], node, []
    if not isinstance(data, list):
        return (
            [],
            node,
            [
                Problem(
                    source,
                    1,
                    "the glossary must be a YAML list of terms.",
                    "start each term with '- id: ...'.",
                    "glossary",
                )
            ],
        )
    return data, node, []


def schema_problems(data: list[Any], node: yaml.Node | None, schema: dict[str, Any], source: str) -> list[Problem]:
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    for error in validator.iter_errors(data):
        path = list(error.absolute_path)
        where = "/".join(str(p) for p in path[1:]) or "term"
        term_id = data[path[0]].get("id", "?") if path and isinstance(data[path[0]], dict) else "?"
        problems.append(
            Problem(
                source,
                line_of(node, path),
                f"term '{term_id}' {where}: {error.message}.",
                "complete or correct the field as glossary/schema.json describes.",
                "glossary",
            )
        )
    return problems


def _term_from(raw: dict[str, Any], line: int) -> Term:
    texts = {}
    for lang in LANGUAGES:
        t = raw.get(lang) or {}
        texts[lang] = TermText(
            name=str(t.get("name", "")),
            short=str(t.get("short", "")),
            long=str(t.get("long", "")),
            reading=str(t.get("reading", "")),
            aliases=tuple(str(a) for a in t.get("aliases") or ()),
            variants=tuple(str(v) for v in t.get("variants") or ()),
            kana=tuple(str(k) for k in t.get("kana") or ()),
            docs_url=str(t.get("docs_url", "") or ""),
            status_note=str(t.get("status_note", "") or ""),
            status_source=str(t.get("status_source", "") or ""),
        )
    return Term(
        id=str(raw["id"]),
        category=str(raw.get("category", "")),
        status=str(raw.get("status", "current")),
        docs_url=str(raw.get("docs_url", "")),
        text=texts,
        related=tuple(str(r) for r in raw.get("related") or ()),
        status_date=str(raw.get("status_date", "") or ""),
        successor=str(raw.get("successor", "") or ""),
        reference_only=bool(raw.get("reference_only", False)),
        status_source=str(raw.get("status_source", "") or ""),
        line=line,
    )


def semantic_problems(glossary: Glossary) -> list[Problem]:
    """What the schema cannot check: references between terms and unique surface forms."""
    problems: list[Problem] = []
    src = glossary.source

    def report(term: Term, message: str, fix: str) -> None:
        problems.append(Problem(src, term.line, f"term '{term.id}': {message}", fix, "glossary"))

    for term in glossary.terms.values():
        if glossary.categories and term.category not in glossary.categories:
            report(
                term,
                f"unknown category '{term.category}'.",
                f"use one of: {', '.join(glossary.categories)} (glossary/categories.yml).",
            )
        for ref in (*term.related, *([term.successor] if term.successor else [])):
            if ref not in glossary.terms:
                close = glossary.closest_ids(ref)
                report(
                    term,
                    f"refers to unknown term '{ref}'.",
                    f"use an existing id{': ' + ', '.join(close) if close else ''}.",
                )
            elif ref == term.id:
                report(term, "lists itself as related or successor.", "remove the self-reference.")
    for lang in LANGUAGES:
        owner: dict[str, str] = {}
        for term in glossary.terms.values():
            text = term.text[lang]
            for form in (*text.forms, *text.variants):
                key = fold(form)
                if not key:
                    continue
                other = owner.get(key)
                if other and other != term.id:
                    report(
                        term,
                        f"{lang} form '{form}' is also a name, alias or variant of '{other}'.",
                        "keep each surface form on one term only.",
                    )
                owner.setdefault(key, term.id)
            for variant in text.variants:
                if fold(variant) in {fold(f) for f in text.forms}:
                    report(
                        term, f"{lang} variant '{variant}' equals its own name or alias.", "remove it from variants."
                    )
    return problems


def build_glossary(
    text: str, schema: dict[str, Any], categories: dict[str, Any] | None, source: str = "glossary/terms.yml"
) -> tuple[Glossary, list[Problem]]:
    """Parse, validate and index glossary YAML text; invalid terms are left out and reported."""
    data, node, problems = parse_terms(text, source)
    glossary = Glossary(categories=dict(categories or {}), source=source)
    if problems:
        return glossary, problems
    problems += schema_problems(data, node, schema, source)
    problems += markup_problems(data, source, node, check="glossary")  # every field is plain text
    for index, raw in enumerate(data):
        line = line_of(node, [index]) or 0
        if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not _ID.fullmatch(raw["id"]):
            continue  # no usable id (the schema check reports it): the id becomes anchors and URLs
        term = _term_from(raw, line)
        if term.id in glossary.terms:
            problems.append(
                Problem(
                    source,
                    line,
                    f"duplicate term id '{term.id}' (first at line {glossary.terms[term.id].line}).",
                    "give each term a unique id or merge the two entries.",
                    "glossary",
                )
            )
            continue
        if term.status not in STATUSES or not all(term.text[lang].name and term.text[lang].short for lang in LANGUAGES):
            continue  # invalid or incomplete: already reported by the schema check
        glossary.terms[term.id] = term
    problems += semantic_problems(glossary)
    return glossary, problems


def load_glossary(root: Path) -> tuple[Glossary, list[Problem]]:
    """Read ``glossary/`` below the repository root ``root``, once per version of its files.

    Several hooks need the glossary in one build, and ``mkdocs serve`` rebuilds keep this module:
    the parsed, validated glossary is reused until terms, schema or categories change. Callers treat
    it as read-only.
    """
    files = [root / "glossary" / name for name in ("terms.yml", "schema.json", "categories.yml")]
    glossary, problems = cached("glossary", files, _load_glossary, root)
    return glossary, list(problems)


def _load_glossary(root: Path) -> tuple[Glossary, tuple[Problem, ...]]:
    glossary, problems = _read_glossary(root)
    return glossary, tuple(problems)


def _read_glossary(root: Path) -> tuple[Glossary, list[Problem]]:
    terms_path = root / "glossary" / "terms.yml"
    schema = json.loads((root / "glossary" / "schema.json").read_text(encoding="utf-8"))
    categories_path = root / "glossary" / "categories.yml"
    categories: dict[str, Any] = {}
    problems: list[Problem] = []
    if categories_path.exists():
        raw = categories_path.read_bytes()
        bad = encoding_problem(raw, "glossary/categories.yml")
        try:
            if bad:
                problems.append(bad)
            else:
                loaded, node = load_with_nodes(raw.decode("utf-8"))
                if isinstance(loaded, dict):
                    categories = {str(k): v for k, v in loaded.items() if isinstance(v, dict)}
                    problems += markup_problems(loaded, "glossary/categories.yml", node, check="glossary")
                elif loaded is not None:
                    problems.append(
                        Problem(
                            "glossary/categories.yml",
                            1,
                            "categories must be a YAML mapping of key -> {ja: ..., en: ...}.",
                            "write one 'key: {ja: 名前, en: Name}' per line.",
                            "glossary",
                        )
                    )
        except yaml.YAMLError as error:
            problems.append(
                Problem(
                    "glossary/categories.yml",
                    error_line(error),
                    f"invalid YAML: {error_reason(error)}.",
                    "fix the YAML syntax.",
                    "glossary",
                )
            )
    if not terms_path.exists():
        return Glossary(categories=categories), [
            *problems,
            Problem(
                "glossary/terms.yml", None, "the glossary file is missing.", "create glossary/terms.yml.", "glossary"
            ),
        ]
    raw = terms_path.read_bytes()
    bad = encoding_problem(raw, "glossary/terms.yml")
    if bad:
        return Glossary(categories=categories), [*problems, bad]
    glossary, more = build_glossary(raw.decode("utf-8"), schema, categories)
    return glossary, problems + more
