"""MkDocs adapter: split the search index per language (see ``wikitools.search_split``).

Runs once, after every language is built and after ``hooks/glossary.py`` has
added its keywords to the merged index. The merged file is removed: nothing
should ever download both languages' data. ``overrides/main.html`` sends
Material's request for the index to the page language's file, and only once
the reader focuses the search box.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from wikitools import adapter
from wikitools.languages import url_prefix
from wikitools.search_split import index_file_name, split_index


@event_priority(-210)  # after hooks/glossary.py (-200) wrote the keywords
def on_post_build(config: MkDocsConfig) -> None:
    if not adapter.all_languages_built(config):
        return
    merged = Path(config.site_dir) / "search" / "search_index.json"
    if not merged.exists():
        return
    prefixes = {lang.locale: url_prefix(lang.link) for lang in adapter.build_languages(config)}
    for language, index in split_index(json.loads(merged.read_text(encoding="utf-8")), prefixes).items():
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        (merged.parent / index_file_name(language)).write_text(text, encoding="utf-8")
    merged.unlink()
