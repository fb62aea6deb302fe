"""Property-based tests: random Markdown, glossary data and link targets never raise.

Every hook function either returns its result or reports a Problem; bad
input must never escape as an exception (which would print a traceback in
the middle of a build).
"""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.helpers import categories, matcher, mini_glossary, schema
from wikitools.content_safety import safety_problems
from wikitools.diagrams import accessibility_problems, extract_diagrams
from wikitools.glossary_coverage import page_problems
from wikitools.glossary_data import build_glossary
from wikitools.glossary_linker import link_terms
from wikitools.glossary_pages import render_category, render_index
from wikitools.links import SiteIndex, rewrite_cross_language_links, source_links, url_problem
from wikitools.markdown_scan import replace_explicit_refs, split_front_matter
from wikitools.problems import Problem
from wikitools.translations import page_shape

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

PIECES = st.sampled_from(
    [
        "# 見出し",
        "## Heading {#h}",
        "```",
        "```mermaid",
        "~~~",
        "---",
        "title: x",
        "`code`",
        "[[",
        "]]",
        "[[inference]]",
        "[[nope|x]]",
        "[a](b.md#c)",
        "[x](../../en/y.md)",
        "<a href='x'>",
        "<script>",
        "</a>",
        "<img src=x onerror=y>",
        "javascript:alert(1)",
        "http://x",
        "https://",
        "mailto:",
        "SageMakerの推論",
        "クローラ",
        "推論エンドポイント",
        '!!! note "推論"',
        "    indented",
        "|a|b|",
        "\n",
        "\t",
        "<!--",
        "-->",
        "{#",
        "}",
        "accTitle: t",
        "flowchart LR",
        "A --> B",
        "\\",
        "\x00",
        "\u3000",
    ]
)
MARKDOWN = st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=40).map("\n".join)


def _all_glossary_pages(glossary, language: str) -> str:
    """The Markdown of every glossary page of a language: the index and each category's entries."""
    pages = [render_index(glossary, language)]
    pages += [render_category(glossary, language, category, {}) for category in glossary.categories]
    return "\n".join(pages)


@SETTINGS
@given(MARKDOWN)
def test_source_checks_never_raise(text):
    glossary = mini_glossary()
    result = link_terms(text, matcher("ja", glossary), glossary, "ja", lambda i: f"#{i}")
    problems = page_problems(text, "docs/ja/x.md", result.variants, ["nope", "[x"], glossary)
    assert all(isinstance(p, Problem) for p in problems)
    assert all(isinstance(p, Problem) for p in safety_problems(text, "docs/ja/x.md"))
    assert isinstance(source_links(text), list)
    page_shape(text)
    split_front_matter(text)
    for diagram in extract_diagrams(text, "docs/ja/x.md"):
        accessibility_problems(diagram)
    replace_explicit_refs(text, lambda term_id, label: f"[{label or term_id}](g.md#{term_id})")
    rewrite_cross_language_links(text, "a/b.md", "ja", ("ja", "en"), lambda lang, path: f"../{lang}/{path}")


@SETTINGS
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                [
                    "<p>",
                    "</p>",
                    "<a href='x'>",
                    "</a>",
                    "<code>",
                    "</code>",
                    "<h2 id='inference'>",
                    "</h2>",
                    "<br/>",
                    "<!-- c -->",
                    "<",
                    ">",
                    '<div class="mermaid">',
                    "</div>",
                    "&amp;",
                ]
            ),
            st.sampled_from(["推論", "SageMaker", "Elastic Inference", "クローラー", "x"]),
            st.text(max_size=10),
        ),
        max_size=40,
    ).map("".join)
)
def test_linker_never_raises_and_keeps_text(html):
    glossary = mini_glossary()
    result = link_terms(html, matcher("ja", glossary), glossary, "ja", lambda i: f"#{i}")
    assert isinstance(result.html, str)
    assert len(result.html) >= len(html)


TERM = st.fixed_dictionaries(
    {
        "id": st.one_of(st.text(max_size=12), st.sampled_from(["a", "b", "x-y"])),
        "category": st.one_of(st.sampled_from(list(categories())), st.text(max_size=5)),
        "status": st.sampled_from(["current", "retired", "renamed", "bogus"]),
        "docs_url": st.sampled_from(["https://docs.aws.amazon.com/", "http://x", ""]),
        "related": st.lists(st.sampled_from(["a", "b", "zz"]), max_size=3),
        "ja": st.fixed_dictionaries(
            {
                "name": st.text(max_size=8),
                "reading": st.text(max_size=5),
                "short": st.text(max_size=10),
                "long": st.text(max_size=10),
            }
        ),
        "en": st.fixed_dictionaries({"name": st.text(max_size=8), "short": st.text(max_size=10)}),
    }
)


@SETTINGS
@given(
    st.one_of(st.lists(TERM, max_size=6).map(lambda t: yaml.safe_dump(t, allow_unicode=True)), st.text(max_size=200))
)
def test_glossary_data_never_raises(text):
    glossary, problems = build_glossary(text, schema(), categories())
    assert all(isinstance(p, Problem) for p in problems)
    for language in ("ja", "en"):
        _all_glossary_pages(glossary, language)


@SETTINGS
@given(st.text(max_size=60), st.sampled_from(["index.html", "a/index.html", "en/b/c/index.html"]))
@example("A://[", "index.html")  # found by this test: urlsplit raises on a bracket that opens no IPv6 host
@example("https://[]/x", "a/index.html")
def test_link_targets_never_raise(target, page):
    site = SiteIndex(ids={"index.html": {"x"}, "a/index.html": {"y"}, "en/b/c/index.html": set()})
    assert site.has("index.html")
    site.check(page, target)
    url_problem(target)


def test_an_unparsable_host_is_a_malformed_url_not_a_crash():
    assert url_problem("https://[oops/page") == "malformed URL 'https://[oops/page'."
    site = SiteIndex(ids={"index.html": set()})
    problem = site.check("index.html", "a://[")
    assert problem is not None and problem[0].startswith("broken link 'a://['")
