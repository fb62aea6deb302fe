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


# What a copy of the project needs to build: the one list for every test and benchmark that copies it.
PROJECT_PARTS = (
    "docs",
    "data",
    "glossary",
    "hooks",
    "overrides",
    "wikitools",
    "vendor",
    "mkdocs.yml",
    "translations.lock.json",
    "vendor.lock.json",
)


def copy_project(dest: Path) -> Path:
    """A buildable copy of the project in ``dest`` (created), without caches."""
    import shutil

    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_PARTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, dest / name)
    return dest
