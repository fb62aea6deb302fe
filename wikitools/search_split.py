"""One search index per language, so a reader downloads only the index of the language they read.

MkDocs' search plugin (with mkdocs-static-i18n) writes one index for every
language. Each document's ``location`` starts with its language's URL prefix
(``""`` for the default language, ``"en/"`` for English), which is all we need
to split it; the ``config`` (separator, languages, fields) is shared.
"""

from __future__ import annotations

from typing import Any


def index_file_name(language: str) -> str:
    """File name of a language's index inside ``search/`` (the page script asks for exactly this)."""
    return f"search_index.{language}.json"


def split_index(index: dict[str, Any], prefixes: dict[str, str]) -> dict[str, dict[str, Any]]:
    """``{language: index}`` from the merged index; ``prefixes`` maps language -> URL prefix ("" or "en/")."""
    by_length = sorted(prefixes.items(), key=lambda item: len(item[1]), reverse=True)  # "en/" before ""
    docs: dict[str, list[dict[str, Any]]] = {language: [] for language in prefixes}
    for doc in index.get("docs", []):
        location = doc.get("location", "")
        language = next(lang for lang, prefix in by_length if location.startswith(prefix))
        docs[language].append(doc)
    return {language: {**index, "docs": docs[language]} for language in prefixes}
