"""Serve-only search cache: an unchanged page's entries are reused, any change parses again."""

from __future__ import annotations

from types import SimpleNamespace

from material.plugins.search.plugin import SearchIndex
from mkdocs.structure.toc import get_toc

from wikitools import search_cache

SETTINGS = {"lang": ["ja", "en"], "separator": r"[\s\-]+", "pipeline": [], "fields": {}}


def page(html: str, url: str = "a/") -> SimpleNamespace:
    return SimpleNamespace(
        url=url,
        content=html,
        toc=get_toc([{"level": 2, "id": "s", "name": "S", "children": []}]),
        meta={},
        title="A",
        markdown="",
    )


def index_with(calls: list[str]) -> SearchIndex:
    index = SearchIndex(**SETTINGS)
    original = index.add_entry_from_context

    def counting(p):
        calls.append(p.url)
        return original(p)

    index.add_entry_from_context = counting  # what use_for wraps: count the real parses
    search_cache.use_for(index)
    search_cache.use_for(index)  # twice is once
    return index


def test_unchanged_pages_reuse_their_entries_and_changed_ones_are_parsed():
    search_cache.clear()
    calls: list[str] = []
    first = index_with(calls)
    first.add_entry_from_context(page('<h1 id="t">A</h1><p>one</p><h2 id="s">S</h2><p>two</p>'))
    assert calls == ["a/"] and first.entries
    second = index_with(calls)  # the next rebuild: a new index, the same page
    second.add_entry_from_context(page('<h1 id="t">A</h1><p>one</p><h2 id="s">S</h2><p>two</p>'))
    assert calls == ["a/"] and second.entries == first.entries
    second.entries[0]["text"] = "changed by a later step"  # reused entries are copies
    third = index_with(calls)
    third.add_entry_from_context(page('<h1 id="t">A</h1><p>one</p><h2 id="s">S</h2><p>edited</p>'))
    assert calls == ["a/", "a/"] and "edited" in str(third.entries)
    fourth = index_with(calls)
    fourth.add_entry_from_context(page('<h1 id="t">A</h1><p>one</p><h2 id="s">S</h2><p>edited</p>'))
    assert calls == ["a/", "a/"] and fourth.entries == third.entries
    excluded = page('<h1 id="t">A</h1><p>one</p><h2 id="s">S</h2><p>edited</p>')
    excluded.meta = {"search": {"exclude": True}}  # front matter is part of the key
    index_with(calls).add_entry_from_context(excluded)
    assert calls == ["a/", "a/", "a/"]
