"""Glossary synonyms for the search index.

Readers type レコメンデーション where a page says 推薦, or データカタログ where it
says Data Catalog. The glossary already knows which surface forms mean the
same thing, so each page's search document gets a ``keywords`` field with
every name, alias and variant of the terms the page uses. The field is
indexed (with a modest boost) but never shown in results.
"""

from __future__ import annotations

from typing import Any

from wikitools.glossary_data import Glossary

KEYWORD_BOOST = 8.0


def page_keywords(term_ids: set[str], glossary: Glossary, language: str) -> str:
    forms: list[str] = []
    for term_id in sorted(term_ids):
        term = glossary.terms.get(term_id)
        if term is None:
            continue
        text = term.text[language]
        for form in (*text.forms, *text.variants):
            if form not in forms:
                forms.append(form)
    return " ".join(forms)


def add_keywords(index: dict[str, Any], keywords: dict[str, str]) -> dict[str, Any]:
    """Return the Material search index with ``keywords`` on the page documents named in ``keywords``."""
    config = dict(index.get("config", {}))
    fields = dict(config.get("fields", {}))
    fields["keywords"] = {"boost": KEYWORD_BOOST}
    config["fields"] = fields
    docs = []
    for doc in index.get("docs", []):
        words = keywords.get(doc.get("location", ""))
        docs.append({**doc, "keywords": words} if words else doc)
    return {**index, "config": config, "docs": docs}
