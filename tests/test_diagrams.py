"""Diagrams: found in the sources with page and line, drawn by the real (vendored) Mermaid at build time."""

from __future__ import annotations

import json

import pytest

from tests.helpers import ROOT
from wikitools.diagram_render import (
    PLACEHOLDER,
    DiagramRenderer,
    Rendered,
    error_message,
    finish_svg,
    material_mermaid_css,
    unsafe_parts,
)
from wikitools.diagrams import Diagram, accessibility_problems, diagram_problems, extract_diagrams, normalise_code

LOCK = json.loads((ROOT / "vendor.lock.json").read_text(encoding="utf-8"))["mermaid"]


def renderer(cache_dir, version: str = LOCK["version"], css: str | None = None) -> DiagramRenderer:
    css = material_mermaid_css() if css is None else css
    return DiagramRenderer(ROOT / LOCK["dest"], version, cache_dir, css)


def all_diagrams() -> list[Diagram]:
    diagrams = []
    for file in sorted((ROOT / "docs").rglob("*.md")):
        label = file.relative_to(ROOT).as_posix()
        diagrams += extract_diagrams(file.read_text(encoding="utf-8"), label)
    return diagrams


BROKEN_PAGE = (
    "# T\n\n```mermaid\nflowchart LR\n  accTitle: ok\n  accDescr: ok\n  A --> B\n```\n\n"
    "```mermaid\nflowchart LR\n  A --> B\n  C --> ]]\n  D --> E\n```\n"
)


def test_pages_have_at_least_25_diagrams_per_language():
    diagrams = all_diagrams()
    for language in ("ja", "en"):
        count = sum(1 for d in diagrams if d.label.startswith(f"docs/{language}/"))
        assert count >= 25, f"{language}: only {count} diagrams"


def test_every_diagram_has_accessible_title_and_description():
    problems = [str(p) for d in all_diagrams() for p in accessibility_problems(d)]
    assert problems == []


def test_cache_key_follows_source_mermaid_version_and_theme(tmp_path):
    base = renderer(tmp_path, "11.0.0", "a{}")
    assert base.key("flowchart LR\n A") == renderer(tmp_path, "11.0.0", "a{}").key("flowchart LR\n A")
    assert base.key("flowchart LR\n A") != base.key("flowchart LR\n B")
    assert base.key("flowchart LR\n A") != renderer(tmp_path, "11.0.1", "a{}").key("flowchart LR\n A")
    assert base.key("flowchart LR\n A") != renderer(tmp_path, "11.0.0", "b{}").key("flowchart LR\n A")


def test_cached_diagrams_need_no_browser(tmp_path):
    r = renderer(tmp_path)
    (tmp_path / f"{r.key('flowchart LR')}.svg").write_text("<svg/>", encoding="utf-8")
    assert r.render(["flowchart LR", "flowchart TD"], None) == {
        "flowchart LR": Rendered(svg="<svg/>"),
        "flowchart TD": Rendered(unrendered=True),
    }


def test_finished_svg_is_one_image_with_page_unique_ids_and_a_readable_width():
    svg = (
        f'<svg id="{PLACEHOLDER}" style="max-width: 812.5px;" role="graphics-document document" '
        f'aria-labelledby="chart-title-{PLACEHOLDER}"><title id="chart-title-{PLACEHOLDER}">T</title>'
        f"<style>#{PLACEHOLDER} .node{{}}</style></svg>"
    )
    out = finish_svg(svg, "wiki-diagram-2")
    assert PLACEHOLDER not in out and out.count("wiki-diagram-2") == 4
    assert ' role="img"' in out and "graphics-document" not in out
    assert 'style="max-width: 812.5px; min-width: 600px;' in out
    assert "min-width: 300px;" in finish_svg('<svg style="max-width: 300px;">', "x")


def test_unsafe_svg_parts_are_found():
    assert unsafe_parts('<svg><foreignObject><div onclick="x()">a</div></foreignObject><script/></svg>') == [
        "<foreignObject",
        "<script",
        "onclick=",
    ]
    assert unsafe_parts('<svg><text class="x">onion = 1</text></svg>') == []


def test_mermaid_errors_become_problems_at_the_file_line():
    message, line = error_message("Parse error on line 3:\n...A -->\n-----^\nExpecting 'AMP', got 'EOF'")
    assert (message, line) == ("Parse error on line 3: ...A --> Expecting 'AMP', got 'EOF'", 3)
    diagrams = extract_diagrams(BROKEN_PAGE, "docs/ja/broken.md")
    problems = diagram_problems(
        diagrams, {diagrams[0].code: Rendered(svg="<svg/>"), diagrams[1].code: Rendered(error=message, line=2)}
    )
    assert [str(p) for p in problems] == [
        "[diagrams] docs/ja/broken.md:12: diagram 2 cannot be drawn by Mermaid: "
        "Parse error on line 3: ...A --> Expecting 'AMP', got 'EOF' "
        "Fix: correct the Mermaid syntax on that line (https://mermaid.js.org/intro/syntax-reference.html)."
    ]
    unrendered = diagram_problems(diagrams, {d.code: Rendered(unrendered=True) for d in diagrams})
    assert [p.line for p in unrendered] == [3, 10] and "no Chromium was found" in unrendered[0].message
    assert diagram_problems(diagrams, {d.code: Rendered(unrendered=True) for d in diagrams}, serving=True) == []


def test_normalised_code_ignores_edge_whitespace():
    assert normalise_code("\nflowchart LR  \n  A --> B\n\n") == "flowchart LR\n  A --> B"


@pytest.mark.browser
def test_every_diagram_is_drawn_safely_with_title_and_description(browser, tmp_path):
    diagrams = all_diagrams()
    results = renderer(tmp_path).render([d.code for d in diagrams], None, browser)
    problems = [str(p) for p in diagram_problems(diagrams, results)]
    assert problems == [], "\n".join(problems)
    for result in results.values():
        assert unsafe_parts(result.svg) == []
        assert f'<title id="chart-title-{PLACEHOLDER}">' in result.svg and "<desc " in result.svg
    assert len(list(tmp_path.glob("*.svg"))) == len(results)  # every drawing is cached


@pytest.mark.browser
def test_a_broken_diagram_is_reported_with_page_and_line(browser, tmp_path):
    diagrams = extract_diagrams(BROKEN_PAGE, "docs/ja/broken.md")
    results = renderer(tmp_path).render([d.code for d in diagrams], None, browser)
    problems = diagram_problems(diagrams, results)
    assert len(problems) == 1
    assert str(problems[0]).startswith("[diagrams] docs/ja/broken.md:13: diagram 2 cannot be drawn by Mermaid: Lexical")
    assert len(list(tmp_path.glob("*.svg"))) == 1  # errors are never cached
    assert next(str(p) for p in accessibility_problems(diagrams[1])).startswith("[diagrams] docs/ja/broken.md:10")


def test_stored_drawings_are_exactly_the_sites_diagrams():
    """data/diagrams/ is committed: a build without a browser (pip install, mkdocs build) needs all, no more."""
    from wikitools.diagram_render import site_codes, site_renderer, unsafe_parts

    renderer = site_renderer(ROOT)
    wanted = {f"{renderer.key(code)}.svg" for code in site_codes(ROOT)}
    stored = {p.name for p in renderer.cache_dir.glob("*.svg")}
    assert wanted - stored == set(), "diagrams without a drawing: build once with Chromium, commit data/diagrams/"
    assert stored - wanted == set(), "drawings no diagram uses: run python -m wikitools.diagram_render prune"
    assert not [p.name for p in renderer.cache_dir.glob("*.svg") if unsafe_parts(p.read_text(encoding="utf-8"))]
