"""Every Mermaid diagram in the sources goes through the real (vendored) Mermaid parser."""

from __future__ import annotations

import pytest

from tests.helpers import ROOT
from wikitools.diagrams import Diagram, accessibility_problems, extract_diagrams

MERMAID = ROOT / "docs" / "assets" / "vendor" / "mermaid" / "mermaid.min.js"


def all_diagrams() -> list[Diagram]:
    diagrams = []
    for file in sorted((ROOT / "docs").rglob("*.md")):
        label = file.relative_to(ROOT).as_posix()
        diagrams += extract_diagrams(file.read_text(encoding="utf-8"), label)
    return diagrams


def syntax_errors(browser, diagrams: list[Diagram]) -> list[str]:
    """Parse each diagram with Mermaid in Chromium; one message per broken diagram, naming page and number."""
    page = browser.new_page()
    try:
        page.set_content("<!doctype html><html><body></body></html>")
        page.add_script_tag(content=MERMAID.read_text(encoding="utf-8"))
        results = page.evaluate(
            """async (codes) => {
                 mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
                 const out = [];
                 for (const code of codes) {
                   try { await mermaid.parse(code); out.push(null); }
                   catch (e) { out.push(String(e && e.message || e).split("\\n").slice(0, 3).join(" ")); }
                 }
                 return out;
               }""",
            [d.code for d in diagrams],
        )
    finally:
        page.close()
    return [f"{d.name}: {error}" for d, error in zip(diagrams, results, strict=True) if error]


def test_pages_have_at_least_25_diagrams_per_language():
    diagrams = all_diagrams()
    for language in ("ja", "en"):
        count = sum(1 for d in diagrams if d.label.startswith(f"docs/{language}/"))
        assert count >= 25, f"{language}: only {count} diagrams"


def test_every_diagram_has_accessible_title_and_description():
    problems = [str(p) for d in all_diagrams() for p in accessibility_problems(d)]
    assert problems == []


@pytest.mark.browser
def test_every_diagram_parses_with_the_real_mermaid_parser(browser):
    errors = syntax_errors(browser, all_diagrams())
    assert errors == [], "\n".join(errors)


@pytest.mark.browser
def test_a_broken_diagram_is_reported_with_page_and_number(browser):
    text = (
        "# T\n\n```mermaid\nflowchart LR\n  accTitle: ok\n  accDescr: ok\n  A --> B\n```\n\n"
        "```mermaid\nflowchart LR\n  A -->\n```\n"
    )
    diagrams = extract_diagrams(text, "docs/ja/broken.md")
    errors = syntax_errors(browser, diagrams)
    assert len(errors) == 1
    assert errors[0].startswith("docs/ja/broken.md:10 (diagram 2): ")
    assert next(str(p) for p in accessibility_problems(diagrams[1])).startswith("[diagrams] docs/ja/broken.md:10")
