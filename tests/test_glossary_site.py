"""The glossary in the built site: pages, anchors, backlinks, tooltips and status badges."""

from __future__ import annotations

import re

import pytest
import yaml

from tests.helpers import ROOT
from tests.test_browser import settle


def html(site, rel: str) -> str:
    return (site.root / rel / "index.html").read_text("utf-8")


CATEGORY_PAGES = {
    "streaming": {"kinesis-data-streams", "managed-service-for-apache-flink", "random-cut-forest-sql"},
    "algorithm": {"random-cut-forest"},
    "infrastructure": {"compute-optimizer"},
    "ai-service": {"import-model"},
}


@pytest.mark.build
def test_each_category_page_has_an_entry_per_term_with_stable_anchors(built_site):
    categories = yaml.safe_load((ROOT / "glossary" / "categories.yml").read_text("utf-8"))
    terms = yaml.safe_load((ROOT / "glossary" / "terms.yml").read_text("utf-8"))
    for prefix in ("", "en/"):
        found: set[str] = set()
        for category in categories:
            page = html(built_site, f"{prefix}glossary/{category}/")
            ids = set(re.findall(r'<h2 id="([a-z0-9-]+)"', page))
            assert ids >= CATEGORY_PAGES.get(category, set())
            assert ids == {t["id"] for t in terms if t["category"] == category}
            found |= ids
        assert len(found) == len(terms)


@pytest.mark.build
def test_the_glossary_index_lists_every_term_and_keeps_old_anchors(built_site):
    terms = yaml.safe_load((ROOT / "glossary" / "terms.yml").read_text("utf-8"))
    for prefix in ("", "en/"):
        page = html(built_site, f"{prefix}glossary/")
        assert 'id="by-category"' in page and 'id="by-reading"' in page
        for term in terms:  # a link to the one-page glossary of earlier versions lands on the term's line
            assert re.search(rf'<a href="{term["category"]}/#{term["id"]}" id="{term["id"]}">', page), term["id"]
        assert '<h2 id="kinesis-data-streams"' not in page  # entries live on the category pages


@pytest.mark.build
def test_glossary_entries_link_related_terms_and_back_to_pages(built_site):
    page = html(built_site, "glossary/streaming/")
    entry = page.split('id="kinesis-data-streams"', 1)[1].split("<h2", 1)[0]
    assert "この用語を使っているページ" in entry
    assert 'href="../../data-engineering/kinesis-data-streams/"' in entry
    assert re.search(r'関連用語: <a href="(\.\./[a-z-]+/)?#[a-z0-9-]+"', entry)
    en = html(built_site, "en/glossary/streaming/").split('id="kinesis-data-streams"', 1)[1].split("<h2", 1)[0]
    assert "Pages that use this term" in en and 'href="../../data-engineering/kinesis-data-streams/"' in en
    # a related term of another category links to that category's page
    rcf = html(built_site, "glossary/streaming/").split('id="random-cut-forest-sql"', 1)[1].split("<h2", 1)[0]
    assert 'href="../algorithm/#random-cut-forest"' in rcf


@pytest.mark.build
def test_content_pages_link_terms_with_tooltips(built_site):
    page = html(built_site, "sagemaker/deploy/")
    links = re.findall(r'<a class="glossary-term" href="([^"]+)" title="([^"]+)">([^<]+)</a>', page)
    assert len(links) >= 10
    assert all(re.fullmatch(r"\.\./\.\./glossary/[a-z-]+/#[a-z0-9-]+", href) for href, _, _ in links)
    assert "../../glossary/sagemaker-deploy/#real-time-inference" in {href for href, _, _ in links}
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
    tooltip = page.locator(".wiki-tooltip--active")
    tooltip.wait_for(state="visible", timeout=5000)
    assert tooltip.inner_text() == title
    assert term.get_attribute("aria-describedby") == "wiki-tooltip" and term.get_attribute("title") is None
    page.mouse.move(0, 0)  # pointing elsewhere hides it and gives the link its title back
    tooltip.wait_for(state="hidden", timeout=5000)
    assert term.get_attribute("title") == title
    term.focus()  # keyboard readers get it too
    tooltip.wait_for(state="visible", timeout=5000)
    page.keyboard.press("Escape")
    tooltip.wait_for(state="hidden", timeout=5000)


@pytest.mark.browser
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_a_link_to_a_glossary_page_that_moved_lands_on_the_term_in_the_index(session, prefix):
    # glossary/sagemaker-feature/ was split into sagemaker-build/ and sagemaker-deploy/ (2026-12-02)
    page = session.page
    page.goto(session.url(f"{prefix}glossary/sagemaker-feature/#real-time-inference"))
    page.wait_for_url(session.url(f"{prefix}glossary/#real-time-inference"))
    settle(page)
    href = page.locator('a[id="real-time-inference"]').get_attribute("href")  # absolute after instant nav starts
    assert href.endswith(f"/{prefix}glossary/sagemaker-deploy/#real-time-inference")
    # without an anchor, the index itself
    page.goto(session.url(f"{prefix}glossary/no-such-category/"))
    page.wait_for_url(session.url(f"{prefix}glossary/"))


@pytest.mark.browser
def test_a_link_to_a_term_lands_on_its_entry_and_stays_there_on_a_phone(browser, built_site):
    # entries far from the screen are not rendered (content-visibility): the jump must still be exact
    from tests.conftest import route_site

    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    route_site(context, built_site)
    page = context.new_page()
    try:
        page.goto(built_site.url + "glossary/sagemaker-build/#sagemaker-search")
        settle(page)
        top = "() => document.getElementById('sagemaker-search').getBoundingClientRect().top"
        first = page.evaluate(top)
        page.wait_for_timeout(1500)
        assert 0 < first == page.evaluate(top) < 150  # under the header, and not pushed away later
        assert page.evaluate("getComputedStyle(document.querySelector('.glossary-entry')).contentVisibility") == "auto"
        body = page.locator("#sagemaker-search + .glossary-entry")
        assert body.is_visible() and "SageMaker" in body.inner_text()
        page.mouse.wheel(0, -400)  # entries above render as they come into view; the reader's place holds
        page.wait_for_timeout(500)
        assert abs(page.evaluate(top) - (first + 400)) < 2
    finally:
        context.close()
