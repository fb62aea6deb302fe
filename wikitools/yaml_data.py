"""Load a YAML data file and check it against its JSON schema, with file:line problems.

The shared front half of every data source (corrections, claims, exams): a
syntax error, a wrong encoding or a schema violation becomes a
:class:`~wikitools.problems.Problem` naming the line, never a traceback.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from wikitools.glossary_data import _line_of, _plain
from wikitools.problems import Problem

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Path, label: str, check: str) -> tuple[Any, yaml.Node | None, list[Problem]]:
    """(data, node tree for line numbers, problems) of one YAML file."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        return None, None, [Problem(label, line, "the file is not UTF-8.", "save it as UTF-8.", check)]
    try:
        node = yaml.compose(text, Loader=_LOADER)
        data = _plain(yaml.load(text, Loader=_LOADER))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        reason = getattr(error, "problem", None) or str(error)
        return (
            None,
            None,
            [
                Problem(
                    label,
                    mark.line + 1 if mark else 1,
                    f"invalid YAML: {reason}.",
                    "fix the YAML syntax at that line.",
                    check,
                )
            ],
        )
    return data, node, []


def schema_problems(data: Any, node: yaml.Node | None, schema_file: Path, label: str, check: str) -> list[Problem]:
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    problems = []
    for error in jsonschema.Draft202012Validator(schema).iter_errors(data):
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
