"""MkDocs adapter: Mermaid diagrams become inline SVG at build time (see ``wikitools.diagram_render``).

Once per build (in the default language's ``on_config``) every diagram of
every language is drawn in one Chromium session, or taken from the drawings
stored in ``data/diagrams/`` (committed, so a build without a browser, such as
``pip install -r requirements.txt && mkdocs build``, needs none unless a
diagram changed; ``python -m wikitools.diagram_render prune`` deletes
drawings no diagram uses, and a test keeps the folder exact); a diagram Mermaid cannot draw is a problem naming page
and line, so ``--strict`` fails. Each page's ``<pre class="wiki-diagram">``
is then swapped for its SVG in ``on_post_page``, after the search index has
taken the diagram's text from the source. Without a browser, ``mkdocs serve``
shows uncached diagrams as their source with a message; ``mkdocs build``
reports them as problems.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.pages import Page

from wikitools import adapter
from wikitools.browser import find_browser
from wikitools.diagram_render import DiagramRenderer, Rendered, finish_svg, material_mermaid_css
from wikitools.diagrams import accessibility_problems, diagram_problems, extract_diagrams, normalise_code
from wikitools.problems import Problem
from wikitools.source_files import read_source

log = get_plugin_logger("wiki")
_FENCE = re.compile(r'<pre class="wiki-diagram"><code>(.*?)</code></pre>', re.S)
_svgs: dict[str, Rendered] = {}  # normalised source -> drawing
_command = "build"


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if adapter.current_language(config) != adapter.default_language(config):
        return config  # all languages were drawn at the start of the build
    root = adapter.project_root(config)
    diagrams = []
    for file in sorted(Path(config.docs_dir).rglob("*.md")):
        diagrams += extract_diagrams(read_source(file), file.relative_to(root).as_posix())
    try:
        lock = json.loads((root / "vendor.lock.json").read_text(encoding="utf-8"))["mermaid"]
        if not (root / lock["dest"]).is_file():
            raise FileNotFoundError(lock["dest"])
    except (OSError, ValueError, KeyError) as error:
        problem = Problem(
            "vendor.lock.json",
            None,
            f"the vendored Mermaid that draws the diagrams is missing or unreadable ({error}).",
            "run `python scripts/update_vendor.py` to fetch the locked version.",
            "diagrams",
        )
        adapter.report([problem], log)
        return config
    cache = root / "data" / "diagrams"
    renderer = DiagramRenderer(root / lock["dest"], lock["version"], cache, material_mermaid_css())
    browser = find_browser()
    results = renderer.render([d.code for d in diagrams], browser)
    _svgs.clear()
    _svgs.update({normalise_code(code): result for code, result in results.items()})
    problems = [p for d in diagrams for p in accessibility_problems(d)]
    problems += diagram_problems(diagrams, results, serving=_command == "serve")
    unrendered = sum(1 for r in results.values() if r.unrendered)
    if unrendered and _command == "serve":
        log.info(
            "diagrams: %d not drawn (no Chromium found); shown as source. "
            "Install Debian's chromium or set CHROMIUM_PATH to see them as a reader will.",
            unrendered,
        )
    adapter.report(problems, log)
    return config


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    count = 0

    def swap(match: re.Match[str]) -> str:
        nonlocal count
        result = _svgs.get(normalise_code(html.unescape(match.group(1))))
        if result is None or result.svg is None:
            return match.group(0)  # reported in on_config (or drawn on a later run)
        count += 1
        return f'<div class="wiki-diagram">{finish_svg(result.svg, f"wiki-diagram-{count}")}</div>'

    return _FENCE.sub(swap, output)
