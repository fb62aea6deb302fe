"""The built site in real Chromium: every page, the language switch, diagrams, instant navigation, axe."""

from __future__ import annotations

import json

import pytest

from tests.helpers import ROOT
from wikitools.diagrams import extract_diagrams

pytestmark = pytest.mark.browser

AXE = (ROOT / "tests" / "vendor" / "axe.min.js").read_text(encoding="utf-8")
DIAGRAM_PAGE = "mlops/mlops-levels/"
# Content a reader has not scrolled to yet is not rendered (content-visibility: glossary entries,
# the closed phone drawer), and axe cannot compute the colours of what is not painted. Render it
# all first, as scrolling would, so axe judges what readers see.
AXE_SERIOUS = """async () => {
    for (const el of document.querySelectorAll(".glossary-entry")) el.style.contentVisibility = "visible";
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.filter(v => v.impact === "serious" || v.impact === "critical")
            .map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ")) }));
}"""

DIAGRAMS = """() => [...document.querySelectorAll("div.wiki-diagram > svg")].map(svg => {
  const byId = (attr) => document.getElementById(svg.getAttribute(attr) || "");
  const label = svg.querySelector(".nodeLabel, text");
  const edge = svg.querySelector(".flowchart-link, .messageLine0, .messageLine1");
  const node = svg.querySelector(".node rect, .node polygon, .node path, rect.actor");
  return {
    role: svg.getAttribute("role"),
    title: byId("aria-labelledby")?.textContent || "",
    titleInside: byId("aria-labelledby")?.parentNode === svg,
    desc: byId("aria-describedby")?.textContent || "",
    colours: [label && getComputedStyle(label).fill, edge && getComputedStyle(edge).stroke,
              node && getComputedStyle(node).fill].join(" "),
  };
})"""


def source_diagrams(rel: str) -> int:
    """Diagrams the page's Markdown source has (what the built page must show as SVG)."""
    language, path = ("en", rel[len("en/") :]) if rel.startswith("en/") else ("ja", rel)
    stem = path.rstrip("/") or "index"
    md = ROOT / "docs" / language / f"{stem}.md"
    md = md if md.exists() else ROOT / "docs" / language / stem / "index.md"
    return len(extract_diagrams(md.read_text("utf-8"), rel))


def wait_for_page(page, url: str) -> None:
    """Wait until the browser shows ``url``, whatever the fragment: navigation.tracking adds the
    current section's anchor (``#overview``) as soon as the page scrolls or settles, so on a
    loaded machine the URL may already carry one when we look."""
    page.wait_for_url(lambda current: current.split("#", 1)[0] == url)


def settle(page) -> None:
    page.wait_for_load_state("load")
    page.wait_for_function("() => window.document$ !== undefined")


@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_page_loads_cleanly_and_axe_finds_no_serious_or_critical_violations(session, language):
    """One pass over every page: no foreign request, no console error, every diagram drawn, and axe.

    Loading each page once for both checks halves the slowest part of the suite."""
    pages = session.site.pages(language)
    assert pages
    failures = []
    for rel in pages:
        session.page.goto(session.url(rel))
        settle(session.page)
        assert session.page.locator("div.wiki-diagram > svg").count() == source_diagrams(rel), rel
        assert session.traffic.foreign == [], f"{rel} contacted {session.traffic.foreign}"
        assert session.console_errors == [], f"{rel}: {session.console_errors}"
        session.page.add_script_tag(content=AXE)
        result = session.page.evaluate(AXE_SERIOUS)
        if result:
            failures.append(f"{rel}: {json.dumps(result, ensure_ascii=False)}")
    assert session.traffic.missing == []
    assert failures == [], "\n".join(failures)


def switch_language(page, target: str) -> None:
    page.locator(f'.md-select__link[hreflang="{target}"]').first.dispatch_event("click")


def test_language_switch_keeps_the_page_on_full_load(session):
    page = session.page
    page.goto(session.url("sagemaker/train/"))
    settle(page)
    with page.expect_navigation():
        switch_language(page, "en")
    settle(page)
    assert page.url == session.url("en/sagemaker/train/")
    assert page.evaluate("document.documentElement.lang") == "en"
    with page.expect_navigation():
        switch_language(page, "ja")
    settle(page)
    assert page.url == session.url("sagemaker/train/")
    assert page.evaluate("document.documentElement.lang") == "ja"


@pytest.mark.parametrize(
    ("start", "target", "other"),
    [("sagemaker/", "sagemaker/deploy/", "en"), ("en/sagemaker/", "en/sagemaker/deploy/", "ja")],
)
def test_language_switch_keeps_the_page_after_instant_navigation(session, start, target, other):
    page = session.page
    page.goto(session.url(start))
    settle(page)
    page.evaluate("window.__no_reload = true")
    page.locator(f'.md-content a[href="{session.url(target)}"]').first.click()
    wait_for_page(page, session.url(target))
    page.wait_for_function("() => document.querySelector('h1') && location.pathname.endsWith('deploy/')")
    assert page.evaluate("window.__no_reload") is True, "instant navigation did a full reload"
    with page.expect_navigation():
        switch_language(page, other)
    settle(page)
    expected = target[len("en/") :] if target.startswith("en/") else "en/" + target
    # the current section's anchor (shared by both languages) comes along
    url, _, anchor = page.url.partition("#")
    assert url == session.url(expected)
    assert not anchor or page.evaluate("(id) => document.getElementById(id) !== null", anchor)
    assert page.evaluate("document.documentElement.lang") == other


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_diagrams_are_inline_svg_images_on_first_load_and_after_instant_navigation(browser, built_site, scheme):
    from tests.conftest import route_site

    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    traffic = route_site(context, built_site)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.goto(built_site.url + DIAGRAM_PAGE)
        settle(page)
        n = source_diagrams(DIAGRAM_PAGE)
        assert n >= 3
        expected_scheme = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected_scheme
        diagrams = page.evaluate(DIAGRAMS)
        assert len(diagrams) == n
        for diagram in diagrams:
            assert diagram["role"] == "img" and diagram["titleInside"], diagram
            assert diagram["title"].strip() and diagram["desc"].strip(), diagram
            assert "rgb" in diagram["colours"], diagram
        # go elsewhere and back with instant navigation: the diagrams come with the page
        page.evaluate("window.__no_reload = true")
        page.locator('a.md-nav__link[href$="mlops/"]').first.click()
        wait_for_page(page, built_site.url + "mlops/")
        page.locator('a.md-nav__link[href$="mlops-levels/"]').first.click()
        wait_for_page(page, built_site.url + DIAGRAM_PAGE)
        page.wait_for_function("(n) => document.querySelectorAll('div.wiki-diagram > svg').length === n", arg=n)
        assert page.evaluate("window.__no_reload") is True
        assert traffic.foreign == [] and errors == []
        assert not [p for p in traffic.served if "mermaid" in p]
        (ROOT / ".cache").mkdir(exist_ok=True)
        page.locator("div.wiki-diagram").first.screenshot(path=str(ROOT / ".cache" / f"diagrams-{scheme}.png"))
    finally:
        context.close()


def test_palettes_give_diagrams_different_colours(browser, built_site):
    from tests.conftest import route_site

    colours = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        route_site(context, built_site)
        page = context.new_page()
        page.goto(built_site.url + DIAGRAM_PAGE)
        settle(page)
        colours[scheme] = [d["colours"] for d in page.evaluate(DIAGRAMS)]
        context.close()
    assert colours["light"] and all(light != dark for light, dark in zip(*colours.values(), strict=True))


def test_diagram_text_is_selectable(session):
    session.page.goto(session.url(DIAGRAM_PAGE))
    settle(session.page)
    selected = session.page.evaluate("""() => { const text = document.querySelector('div.wiki-diagram svg text');
        getSelection().selectAllChildren(text); return getSelection().toString(); }""")
    assert selected.strip()
    assert (
        session.page.evaluate("() => getComputedStyle(document.querySelector('div.wiki-diagram svg text')).userSelect")
        != "none"
    )


def test_screenshots_of_a_page_in_each_language(session):
    (ROOT / ".cache").mkdir(exist_ok=True)
    for rel, name in (
        ("", "home-ja"),
        ("en/", "home-en"),
        ("sagemaker/deploy/", "deploy-ja"),
        ("en/sagemaker/deploy/", "deploy-en"),
    ):
        session.page.goto(session.url(rel))
        settle(session.page)
        path = ROOT / ".cache" / f"{name}.png"
        session.page.screenshot(path=str(path))
        assert path.stat().st_size > 10_000


def test_diagrams_stay_readable_on_a_phone(browser, built_site):
    from tests.conftest import route_site

    context = browser.new_context(viewport={"width": 375, "height": 800}, device_scale_factor=2, is_mobile=True)
    route_site(context, built_site)
    page = context.new_page()
    try:
        page.goto(built_site.url + "sagemaker/deploy/")
        settle(page)
        sizes = page.evaluate("""() => [...document.querySelectorAll('div.wiki-diagram')].map(h => {
            const svg = h.querySelector('svg');
            const natural = parseFloat(svg.style.maxWidth);
            return { natural, shown: svg.getBoundingClientRect().width, host: h.clientWidth,
                     scrolls: h.scrollWidth > h.clientWidth };
        })""")
        assert len(sizes) == source_diagrams("sagemaker/deploy/")
        for size in sizes:
            # never scaled below its natural width or 600px, whichever is smaller
            assert size["shown"] >= min(size["natural"], 600) - 1, size
            if size["shown"] > size["host"] + 1:
                assert size["scrolls"], size
        page.screenshot(path=str(ROOT / ".cache" / "phone-deploy.png"))
    finally:
        context.close()


def test_the_phone_navigation_drawer_shows_its_links_when_opened(browser, built_site):
    # closed, the drawer's contents are not rendered (wiki.css); opening it must show them at once
    from tests.conftest import route_site

    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    route_site(context, built_site)
    page = context.new_page()
    shown = (
        "() => [...document.querySelectorAll('.md-sidebar--primary a.md-nav__link')]"
        ".filter(a => a.checkVisibility()).length"
    )
    try:
        page.goto(built_site.url + "en/glossary/sagemaker-build/")
        settle(page)
        assert page.evaluate(shown) == 0  # closed: nothing of it rendered (nor reachable by Tab)
        page.locator("label.md-header__button[for='__drawer']").click()
        page.wait_for_function(f"() => ({shown})() > 5", timeout=2000)
        link = page.locator(".md-sidebar--primary a.md-nav__link", has_text="SageMaker AI: deploy and operate")
        link.click()  # and its links work
        wait_for_page(page, built_site.url + "en/glossary/sagemaker-deploy/")
        page.wait_for_function(f"() => ({shown})() === 0", timeout=3000)  # closed again after navigating
    finally:
        context.close()
