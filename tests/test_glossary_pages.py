"""The glossary's pages: one per category, an index by reading, and the checks that keep them in step with the data."""

from __future__ import annotations

import yaml

from tests.helpers import ROOT, mini_glossary
from wikitools.glossary_pages import INDEX_PAGE, category_page, category_page_problems, render_category, render_index


def _pages(glossary, language="ja"):
    used = sorted({t.category for t in glossary.terms.values()})
    categories = {category_page(c): c for c in used}
    titles = {category_page(c): glossary.categories[c][language] for c in used}
    labels = {path: f"docs/{language}/{path}" for path in categories}
    return categories, titles, labels


def test_complete_category_pages_have_no_problems():
    glossary = mini_glossary()
    assert category_page_problems(glossary, "ja", *_pages(glossary)) == []


def test_a_category_without_a_page_names_the_file_to_create():
    glossary = mini_glossary()
    categories, titles, labels = _pages(glossary)
    missing = next(iter(categories))
    del categories[missing]
    [problem] = category_page_problems(glossary, "ja", categories, titles, labels)
    assert problem.file == f"docs/ja/{missing}" and "create docs/ja/" in problem.fix
    assert "glossary_category:" in problem.fix


def test_a_wrong_title_unknown_category_or_misnamed_file_is_reported_with_its_file():
    glossary = mini_glossary()
    categories, titles, labels = _pages(glossary)
    path = next(iter(categories))
    titles[path] = "Something else"
    problems = category_page_problems(glossary, "ja", categories, titles, labels)
    assert [p.file for p in problems] == [f"docs/ja/{path}"] and "glossary/categories.yml" in problems[0].fix
    categories["glossary/extra.md"], labels["glossary/extra.md"] = "no-such-category", "docs/ja/glossary/extra.md"
    assert any("glossary_category" in p.fix for p in category_page_problems(glossary, "ja", categories, titles, labels))
    categories, titles, labels = _pages(glossary)
    category = categories.pop(path)
    categories["glossary/renamed.md"], titles["glossary/renamed.md"] = category, titles[path]
    labels["glossary/renamed.md"] = "docs/ja/glossary/renamed.md"
    assert any("rename the file" in p.fix for p in category_page_problems(glossary, "ja", categories, titles, labels))


def test_index_links_every_term_to_its_category_page_with_the_old_anchor():
    glossary = mini_glossary()
    for language in ("ja", "en"):
        index = render_index(glossary, language)
        for term in glossary.terms.values():
            assert f"]({term.category}.md#{term.id}){{ #{term.id} }}" in index


def test_category_pages_hold_exactly_their_terms():
    glossary = mini_glossary()
    for category in glossary.categories:
        page = render_category(glossary, "en", category, {})
        for term in glossary.terms.values():
            assert (f"{{#{term.id}}}" in page) == (term.category == category)


def test_the_nav_lists_the_glossary_pages_in_the_order_of_the_categories():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    categories = yaml.safe_load((ROOT / "glossary" / "categories.yml").read_text(encoding="utf-8"))
    expected = [INDEX_PAGE] + [category_page(c) for c in categories]
    listed = [line.strip()[2:] for line in config.splitlines() if line.strip().startswith("- glossary/")]
    assert listed == expected
