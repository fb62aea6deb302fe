"""Small shared helpers for the unit tests (no build, no browser)."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from wikitools.glossary_data import Glossary, build_glossary
from wikitools.term_matcher import TermMatcher, forms_for_language

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def schema() -> dict:
    return json.loads((ROOT / "glossary" / "schema.json").read_text(encoding="utf-8"))


def categories() -> dict:
    return yaml.safe_load((ROOT / "glossary" / "categories.yml").read_text(encoding="utf-8"))


def mini_glossary() -> Glossary:
    glossary, problems = build_glossary(
        (FIXTURES / "mini_terms.yml").read_text(encoding="utf-8"), schema(), categories()
    )
    assert problems == [], problems
    return glossary


def matcher(language: str, glossary: Glossary | None = None) -> TermMatcher:
    return TermMatcher(forms_for_language(glossary or mini_glossary(), language))
