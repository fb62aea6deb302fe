"""The glossary in the built site: pages, anchors, backlinks, tooltips and status badges."""

from __future__ import annotations

import re

import pytest

from tests.test_browser import settle


def html(site, rel: str) -> str:
    return (site.root / rel / "index.html").read_text("utf-8")


@pytest.mark.build
def test_glossary_pages_have_an_entry_per_term_with_stable_anchors(built_site):
    for rel in ("glossary/", "en/glossary/"):
        page = html(built_site, rel)
        ids = set(re.findall(r'<h4 id="([a-z0-9-]+)"', page))
        assert len(ids) >= 120
        # the five terms of the glossary note, the algorithm and the SQL function of the same name
        assert {
            "kinesis-data-streams",
            "managed-service-for-apache-flink",
            "random-cut-forest",
            "random-cut-forest-sql",
            "compute-optimizer",
            "import-model",
        } <= ids
        assert 'id="by-category"' in page and 'id="by-reading"' in page


@pytest.mark.build
def test_glossary_entries_link_related_terms_and_back_to_pages(built_site):
    page = html(built_site, "glossary/")
    entry = page.split('id="kinesis-data-streams"', 1)[1].split("<h4", 1)[0]
    assert "この用語を使っているページ" in entry
    assert 'href="../data-engineering/kinesis-data-streams/"' in entry
    assert re.search(r'関連用語: <a href="#[a-z0-9-]+"', entry)
    en = html(built_site, "en/glossary/").split('id="kinesis-data-streams"', 1)[1].split("<h4", 1)[0]
    assert "Pages that use this term" in en and 'href="../data-engineering/kinesis-data-streams/"' in en


@pytest.mark.build
def test_content_pages_link_terms_with_tooltips(built_site):
    page = html(built_site, "sagemaker/deploy/")
    links = re.findall(r'<a class="glossary-term" href="([^"]+)" title="([^"]+)">([^<]+)</a>', page)
    assert len(links) >= 10
    assert all(href.startswith("../../glossary/#") for href, _, _ in links)
    assert any(text == "推論エンドポイント" or "エンドポイント" in text for _, _, text in links)


@pytest.mark.build
def test_retired_terms_carry_a_status_badge(built_site):
    page = html(built_site, "sagemaker/deploy/")
    assert re.search(
        r'glossary-term[^>]*>[^<]*Elastic Inference</a><span class="term-status term-status--retired"', page
    )


@pytest.mark.build
def test_nothing_is_linked_inside_code_or_headings(built_site):
    page = html(built_site, "sagemaker/deploy/")
    for block in re.findall(r"<code[^>]*>.*?</code>", page, re.S):
        assert "glossary-term" not in block
    for heading in re.findall(r"<h[1-6][^>]*>.*?</h[1-6]>", page, re.S):
        assert "glossary-term" not in heading


@pytest.mark.browser
def test_hovering_a_term_in_a_japanese_paragraph_shows_its_definition(session):
    page = session.page
    page.goto(session.url("data-engineering/kinesis-data-streams/"))
    settle(page)
    term = page.locator("article p a.glossary-term").first
    title = term.get_attribute("title")
    assert title
    term.scroll_into_view_if_needed()
    term.hover()
    tooltip = page.locator(".md-tooltip2--active, .md-tooltip--active")
    tooltip.first.wait_for(state="visible", timeout=5000)
    assert title[:10] in tooltip.first.inner_text()
