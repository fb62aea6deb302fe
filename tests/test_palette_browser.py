"""The colour palette toggle (overrides/partials/palette.js) in real Chromium.

Material's own palette component is not mounted (it restyled the whole page twice on every
load); ours must keep what readers had: system → light → dark, the choice kept across pages and
visits, Enter on the toggle, and the stored or system palette in place before the first paint.
"""

from __future__ import annotations

import pytest

from tests.test_browser import settle, wait_for_page

pytestmark = pytest.mark.browser

STATE = """() => ({
  scheme: document.body.getAttribute("data-md-color-scheme"),
  visible: [...document.querySelectorAll("form[data-wiki-palette] label")].map(l => !l.hidden),
  themeColor: document.querySelector("meta[name=theme-color]")?.content || "",
  colorScheme: document.querySelector("meta[name=color-scheme]")?.content || "",
  material: document.querySelectorAll("[data-md-component=palette]").length,
})"""

HEADER_COLOUR = """() => "#" + getComputedStyle(document.querySelector("[data-md-component=header]"))
  .backgroundColor.match(/\\d+/g).slice(0, 3).map(v => (+v).toString(16).padStart(2, "0")).join("")"""

# Records every change of <body>'s palette attributes from the moment <body> exists.
WATCH_BODY = """
window.__palette_changes = [];
new MutationObserver((records) => {
  for (const r of records) if (r.target === document.body && r.attributeName.startsWith("data-md-color"))
    window.__palette_changes.push([r.attributeName, document.body.getAttribute(r.attributeName)]);
}).observe(document, { attributes: true, subtree: true });
"""


def toggle(page) -> None:
    page.locator("form[data-wiki-palette] label:not([hidden])").click()


def test_toggle_cycles_system_light_dark_and_keeps_the_choice(session):
    page = session.page
    page.goto(session.url("en/"))
    settle(page)
    state = page.evaluate(STATE)
    assert state["material"] == 0  # Material's component is not mounted: ours runs the toggle
    assert state["scheme"] == "default" and state["visible"] == [True, False, False]  # system (light here)
    assert page.evaluate(STATE)["colorScheme"] == "light"
    assert page.evaluate(STATE)["themeColor"] == page.evaluate(HEADER_COLOUR)  # the static tag is right

    toggle(page)
    assert page.evaluate(STATE)["visible"] == [False, True, False]  # light, chosen
    toggle(page)
    state = page.evaluate(STATE)
    assert state["scheme"] == "slate" and state["visible"] == [False, False, True]
    assert state["colorScheme"] == "dark" and len(page.locator("meta[name=theme-color]").all()) == 1
    page.wait_for_function("() => !document.body.hasAttribute('data-md-color-switching')")
    page.wait_for_function(f"() => document.querySelector('meta[name=theme-color]').content === ({HEADER_COLOUR})()")

    page.reload()
    settle(page)
    assert page.evaluate(STATE)["scheme"] == "slate"  # kept across visits

    # instant navigation keeps the header: the choice and the toggle stay
    page.evaluate("window.__no_reload = true")
    page.locator('a[href$="/en/mlops/"]:visible').first.click()
    wait_for_page(page, session.url("en/mlops/"))
    assert page.evaluate("window.__no_reload") is True
    assert page.evaluate(STATE)["scheme"] == "slate"
    toggle(page)  # dark → system (light here)
    state = page.evaluate(STATE)
    assert state["scheme"] == "default" and state["visible"] == [True, False, False]

    # Enter on the focused toggle moves on, as with Material's
    page.locator("#__palette_0").focus()
    page.keyboard.press("Enter")
    assert page.evaluate(STATE)["visible"] == [False, True, False]
    assert session.console_errors == [] and session.traffic.foreign == []


@pytest.mark.parametrize(("system", "expected"), [("light", "default"), ("dark", "slate")])
def test_system_palette_is_in_place_before_the_first_paint_and_never_restyles_the_page(
    browser, built_site, system, expected
):
    from tests.conftest import route_site

    context = browser.new_context(color_scheme=system)
    context.add_init_script(WATCH_BODY)
    route_site(context, built_site)
    page = context.new_page()
    try:
        page.goto(built_site.url + "glossary/sagemaker-build/")
        settle(page)
        page.wait_for_timeout(300)
        state = page.evaluate(STATE)
        assert state["scheme"] == expected and state["colorScheme"] == system
        assert state["themeColor"] == page.evaluate(HEADER_COLOUR)  # the tag in the page matches the header
        changes = [c for c in page.evaluate("window.__palette_changes") if c[0] != "data-md-color-media"]
        # set while the header is parsed (only if the template's default differs), never switched
        # back and forth, and never marked "switching" (which restyles every element)
        assert [name for name, _ in changes if name == "data-md-color-switching"] == []
        assert changes == ([] if expected == "default" else [["data-md-color-scheme", "slate"]])
        # the system changes its mind while the page is open: the page follows
        page.emulate_media(color_scheme="light" if system == "dark" else "dark")
        page.wait_for_function(
            "(s) => document.body.getAttribute('data-md-color-scheme') === s",
            arg="slate" if expected == "default" else "default",
        )
    finally:
        context.close()
