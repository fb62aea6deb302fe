"""Load a YAML data file and check it against its JSON schema, with file:line problems.

The shared front half of every data source (corrections, claims, exams,
questions): a syntax error, a value that cannot be built, a wrong encoding or
a schema violation becomes a :class:`~wikitools.problems.Problem` naming the
line, never a traceback. Line lookups are :mod:`wikitools.yaml_lines`'.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from wikitools.file_cache import cached
from wikitools.glossary_data import _plain
from wikitools.problems import Problem
from wikitools.yaml_lines import error_line, error_reason, load_with_nodes
from wikitools.yaml_lines import line_of as _line_of


def load_yaml(path: Path, label: str, check: str) -> tuple[Any, yaml.Node | None, list[Problem]]:
    """(data, node tree for line numbers, problems) of one YAML file."""
    data, node, problems = cached("load_yaml", [path], _load_yaml, path, label, check)
    return data, node, list(problems)


def _load_yaml(path: Path, label: str, check: str) -> tuple[Any, yaml.Node | None, list[Problem]]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        return None, None, [Problem(label, line, "the file is not UTF-8.", "save it as UTF-8.", check)]
    try:
        raw, node = load_with_nodes(text)
    except yaml.YAMLError as error:
        problem = Problem(
            label, error_line(error) or 1, f"invalid YAML: {error_reason(error)}.", "fix the YAML at that line.", check
        )
        return None, None, [problem]
    return _plain(raw), node, []


def _read_validator(schema_file: Path) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(schema_file.read_text(encoding="utf-8")))


def _validator(schema_file: Path) -> jsonschema.Draft202012Validator:
    return cached("schema", [schema_file], _read_validator, schema_file)


def schema_problems(data: Any, node: yaml.Node | None, schema_file: Path, label: str, check: str) -> list[Problem]:
    problems = []
    for error in _validator(schema_file).iter_errors(data):
        path = list(error.absolute_path)
        where = "/".join(str(p) for p in path) or "top level"
        problems.append(
            Problem(
                label,
                _line_of(node, path) or 1,
                f"{where}: {error.message}.",
                f"correct the field as {schema_file.name} describes.",
                check,
            )
        )
    return problems


def line_of(node: yaml.Node | None, path: list[Any]) -> int:
    return _line_of(node, path) or 1


def load_valid_files(
    root: Path, folder: str, pattern: str, schema_name: str, check: str
) -> tuple[list[tuple[Path, str, Any, yaml.Node | None]], list[Problem]]:
    """Every file matching ``pattern`` under ``root/folder`` that loads and meets its schema.

    Returns ``(path, label, data, node)`` for the valid ones and the problems of the others, so each
    data source goes on to its own semantic checks with line numbers at hand.
    """
    schema = root / "data" / "schemas" / schema_name
    valid: list[tuple[Path, str, Any, yaml.Node | None]] = []
    problems: list[Problem] = []
    for path in sorted((root / folder).glob(pattern)):
        label = path.relative_to(root).as_posix()
        data, node, found, ok = cached("valid_file", [path, schema], _checked_file, path, label, schema, check)
        problems += found
        if ok:
            valid.append((path, label, data, node))
    return valid, problems


def _checked_file(
    path: Path, label: str, schema: Path, check: str
) -> tuple[Any, yaml.Node | None, list[Problem], bool]:
    """(data, node, problems, whether it loaded and met the schema) of one data file."""
    data, node, problems = load_yaml(path, label, check)
    if data is None:
        return data, node, problems, False
    found = schema_problems(data, node, schema, label, check)
    return data, node, problems + found, not found
