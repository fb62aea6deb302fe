"""The built site in real Chromium: every page, the language switch, diagrams, instant navigation, axe."""

from __future__ import annotations

import json

import pytest

from tests.helpers import ROOT

pytestmark = pytest.mark.browser

AXE = (ROOT / "tests" / "vendor" / "axe.min.js").read_text(encoding="utf-8")
DIAGRAM_PAGE = "mlops/mlops-levels/"
TEXT_PAGE = "glossary/"

COUNT_RENDERED = """() => {
  const hosts = [...document.querySelectorAll("div.mermaid")];
  return {
    hosts: hosts.length,
    svgs: hosts.filter(h => h.shadowRoot && h.shadowRoot.querySelector("svg")).length,
    pending: document.querySelectorAll("pre.mermaid").length,
    error: document.documentElement.getAttribute("data-mermaid-error"),
  };
}"""


def expected_diagrams(site, rel: str) -> int:
    html = (site.root / rel / "index.html").read_text("utf-8")
    return html.count('<pre class="mermaid">')


def wait_for_diagrams(page, count: int) -> dict:
    page.wait_for_function(
        "(n) => [...document.querySelectorAll('div.mermaid')].filter(h => h.shadowRoot && "
        "h.shadowRoot.querySelector('svg')).length >= n",
        arg=count,
        timeout=20000,
    )
    return page.evaluate(COUNT_RENDERED)


def wait_for_page(page, url: str) -> None:
    """Wait until the browser shows ``url``, whatever the fragment: navigation.tracking adds the
    current section's anchor (``#overview``) as soon as the page scrolls or settles, so on a
    loaded machine the URL may already carry one when we look."""
    page.wait_for_url(lambda current: current.split("#", 1)[0] == url)


def settle(page) -> None:
    page.wait_for_load_state("load")
    page.wait_for_function("() => window.document$ !== undefined")


@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_page_loads_without_foreign_requests_or_console_errors(session, language):
    pages = session.site.pages(language)
    assert pages
    for rel in pages:
        session.page.goto(session.url(rel))
        settle(session.page)
        n = expected_diagrams(session.site, rel)
        if n:
            state = wait_for_diagrams(session.page, n)
            assert state["error"] is None, rel
        assert session.traffic.foreign == [], f"{rel} contacted {session.traffic.foreign}"
        assert session.console_errors == [], f"{rel}: {session.console_errors}"
    assert session.traffic.missing == []


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
def test_diagrams_render_on_first_load_and_after_instant_navigation(browser, built_site, scheme):
    from tests.conftest import OPEN_SHADOW_ROOTS, route_site

    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    context.add_init_script(OPEN_SHADOW_ROOTS)
    traffic = route_site(context, built_site)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.goto(built_site.url + DIAGRAM_PAGE)
        settle(page)
        n = expected_diagrams(built_site, DIAGRAM_PAGE)
        assert n >= 3
        state = wait_for_diagrams(page, n)
        assert state["svgs"] == n and state["pending"] == 0
        expected_scheme = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected_scheme
        fill = page.evaluate("""() => getComputedStyle(document.querySelector('div.mermaid').shadowRoot
                                 .querySelector('.node rect, .node polygon, rect')).fill""")
        # go elsewhere and back with instant navigation: diagrams must render again
        page.evaluate("window.__no_reload = true")
        page.locator('a.md-nav__link[href$="mlops/"]').first.click()
        wait_for_page(page, built_site.url + "mlops/")
        page.locator('a.md-nav__link[href$="mlops-levels/"]').first.click()
        wait_for_page(page, built_site.url + DIAGRAM_PAGE)
        state = wait_for_diagrams(page, n)
        assert page.evaluate("window.__no_reload") is True
        assert state["svgs"] == n and state["error"] is None
        assert traffic.foreign == [] and errors == []
        page.screenshot(path=str(ROOT / ".cache" / f"diagrams-{scheme}.png"), full_page=False)
    finally:
        context.close()
    assert fill  # a computed colour exists in both palettes


def test_palettes_give_diagrams_different_colours(browser, built_site):
    from tests.conftest import OPEN_SHADOW_ROOTS, route_site

    fills = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        context.add_init_script(OPEN_SHADOW_ROOTS)
        route_site(context, built_site)
        page = context.new_page()
        page.goto(built_site.url + DIAGRAM_PAGE)
        wait_for_diagrams(page, 1)
        # node outlines use the accent colour in both palettes; labels and edges follow the scheme
        fills[scheme] = page.evaluate("""() => { const root = document.querySelector('div.mermaid').shadowRoot;
            const label = root.querySelector('.nodeLabel'); const edge = root.querySelector('.flowchart-link');
            return getComputedStyle(label).color + ' ' + getComputedStyle(edge).stroke; }""")
        context.close()
    assert fills["light"] != fills["dark"]


def test_text_page_does_not_download_the_mermaid_library(session):
    session.page.goto(session.url(TEXT_PAGE))
    settle(session.page)
    session.page.wait_for_timeout(500)
    assert not any(p.endswith("mermaid.min.js") for p in session.traffic.served)
    session.page.goto(session.url(DIAGRAM_PAGE))
    wait_for_diagrams(session.page, 1)
    assert any(p.endswith("mermaid.min.js") for p in session.traffic.served)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_axe_finds_no_serious_or_critical_violations(session, language):
    failures = []
    for rel in session.site.pages(language):
        session.page.goto(session.url(rel))
        settle(session.page)
        session.page.add_script_tag(content=AXE)
        result = session.page.evaluate("""async () => {
            const r = await axe.run(document, { resultTypes: ["violations"] });
            return r.violations.filter(v => v.impact === "serious" || v.impact === "critical")
                    .map(v => ({ id: v.id, impact: v.impact,
                                 nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ")) }));
        }""")
        if result:
            failures.append(f"{rel}: {json.dumps(result, ensure_ascii=False)}")
    assert failures == [], "\n".join(failures)


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
    from tests.conftest import OPEN_SHADOW_ROOTS, route_site

    context = browser.new_context(viewport={"width": 375, "height": 800}, device_scale_factor=2, is_mobile=True)
    context.add_init_script(OPEN_SHADOW_ROOTS)
    route_site(context, built_site)
    page = context.new_page()
    try:
        page.goto(built_site.url + "sagemaker/deploy/")
        wait_for_diagrams(page, expected_diagrams(built_site, "sagemaker/deploy/"))
        sizes = page.evaluate("""() => [...document.querySelectorAll('div.mermaid')].map(h => {
            const svg = h.shadowRoot.querySelector('svg');
            const natural = parseFloat(svg.style.maxWidth);
            return { natural, shown: svg.getBoundingClientRect().width, host: h.clientWidth,
                     scrolls: h.scrollWidth > h.clientWidth };
        })""")
        assert sizes
        for size in sizes:
            # never scaled below its natural width or 600px, whichever is smaller
            assert size["shown"] >= min(size["natural"], 600) - 1, size
            if size["shown"] > size["host"] + 1:
                assert size["scrolls"], size
        page.screenshot(path=str(ROOT / ".cache" / "phone-deploy.png"))
    finally:
        context.close()
