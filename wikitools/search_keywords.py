"""Glossary synonyms for the search index.

Readers type レコメンデーション where a page says 推薦, or データカタログ where it
says Data Catalog. The glossary already knows which surface forms mean the
same thing, so each page's search document gets a ``keywords`` field with
every name, alias and variant of the terms the page uses, and the katakana
readings readers type for English names (セージメーカー for SageMaker). The
field is indexed (with a modest boost) but never shown in results; readings
are never linked (``wikitools.term_matcher`` does not see them).
"""

from __future__ import annotations

from typing import Any

from wikitools.glossary_data import Glossary

KEYWORD_BOOST = 8.0
TITLE_TERM_REPEAT = 3  # a page about a term (its name in the title) outranks pages that only mention it


def page_keywords(term_ids: set[str], glossary: Glossary, language: str, title: str = "") -> str:
    """The page's hidden search words; a term named in the page ``title`` has its readings repeated.

    Readings exist only here, so without the repeat a page that mentions
    Flink once ranks like the Flink page for フリンク (the English name gets
    its ranking from titles and text, which a reading never appears in).
    """
    forms: list[str] = []
    repeated: list[str] = []
    folded_title = title.casefold()
    for term_id in sorted(term_ids):
        term = glossary.terms.get(term_id)
        if term is None:
            continue
        text = term.text[language]
        for form in (*text.forms, *text.variants, *text.kana):
            if form not in forms:
                forms.append(form)
        if text.kana and any(form.casefold() in folded_title for form in text.forms):
            repeated += list(text.kana) * (TITLE_TERM_REPEAT - 1)
    return " ".join(forms + repeated)


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
