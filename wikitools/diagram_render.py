"""Mermaid diagrams drawn once, at build time, into inline SVG.

Readers should not download a 3.5 MB runtime to see a diagram. The vendored
Mermaid draws every diagram of both languages in one headless Chromium
session; each SVG is cached under a hash of its source, the Mermaid version
and the theme settings, so an unchanged diagram costs nothing on rebuild.

Colours: Material's own Mermaid stylesheet (the ``themeCSS`` it passes to
Mermaid in the browser) is read from Material's package and passed the same
way here, so every colour in the SVG is a ``var(--md-mermaid-…)`` of the
page: one SVG follows the palette toggle without JavaScript. Labels are SVG
text (``htmlLabels: false``): selectable, and no ``foreignObject`` with HTML.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wikitools.browser import BROWSER_ARGS
from wikitools.file_cache import cached

PLACEHOLDER = "wikidiagramplaceholder"  # the id Mermaid draws with; each page gives its own
MIN_READABLE_WIDTH = 600  # px; on a phone a diagram scrolls sideways rather than shrink below this

MERMAID_CONFIG = {
    "startOnLoad": False,
    "securityLevel": "strict",
    "htmlLabels": False,
    "flowchart": {"htmlLabels": False},
    # Material's own settings (its diagrams would otherwise get small sequence text)
    "sequence": {"actorFontSize": "16px", "messageFontSize": "16px", "noteFontSize": "16px"},
}

_UNSAFE = re.compile(r"<\s*(script|foreignObject|iframe|object|embed)\b|\son[a-z]+\s*=|javascript:", re.I)
_LINE = re.compile(r"on line (\d+)")


@dataclass(frozen=True)
class Rendered:
    svg: str | None = None
    error: str | None = None  # Mermaid's message, first lines only
    line: int | None = None  # line of the diagram source the error names (1-based)
    unrendered: bool = False  # not in the cache and no browser to draw it


def material_mermaid_css() -> str:
    """Material's stylesheet for Mermaid diagrams, from the source map it ships (the one copy of it)."""
    import material

    scripts = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
    for source_map in sorted(scripts.glob("bundle.*.min.js.map")):
        data = json.loads(source_map.read_text(encoding="utf-8"))
        for name, content in zip(data["sources"], data["sourcesContent"], strict=True):
            if name.endswith("content/mermaid/index.css"):
                return content
    raise RuntimeError(f"Material's Mermaid stylesheet not found under {scripts}")


def unsafe_parts(svg: str) -> list[str]:
    """Anything in an SVG that could run code or carry live HTML (there must be none)."""
    return sorted({m.group(0).strip() for m in _UNSAFE.finditer(svg)})


def _stored(file: Path) -> tuple[str | None, bool]:
    """A stored drawing and whether it has unsafe parts, read once per version of the file
    (:mod:`wikitools.file_cache`): ``mkdocs serve`` asks for every diagram on each rebuild."""
    svg = file.read_text(encoding="utf-8") if file.is_file() else None
    return svg, bool(svg and unsafe_parts(svg))


def error_message(raw: str) -> tuple[str, int | None]:
    """Mermaid's error squeezed onto one line, and the line of the diagram it names."""
    lines = [line.strip() for line in raw.splitlines() if line.strip() and not set(line.strip()) <= set("-^")]
    match = _LINE.search(raw)
    return " ".join(lines[:3]), int(match.group(1)) if match else None


def finish_svg(svg: str, uid: str) -> str:
    """Make a cached SVG ready for one place on a page.

    Gives it the page-unique id ``uid`` (Mermaid scopes its styles, markers,
    title and description by id), announces it as one image whose name and
    description are accTitle and accDescr, and keeps it at least its natural
    width up to 600 px so labels stay readable on a phone.
    """
    svg = svg.replace(PLACEHOLDER, uid)
    svg = re.sub(r'\srole="[^"]*"', ' role="img"', svg, count=1)

    def keep_readable(match: re.Match[str]) -> str:
        width = float(match.group(1))
        return f'style="max-width: {match.group(1)}px; min-width: {min(width, MIN_READABLE_WIDTH):g}px;'

    return re.sub(r'style="max-width: ([\d.]+)px;', keep_readable, svg, count=1)


class DiagramRenderer:
    """Draw Mermaid sources to SVG with the vendored Mermaid, through a cache on disk."""

    def __init__(self, mermaid_js: Path, mermaid_version: str, cache_dir: Path, theme_css: str) -> None:
        self.mermaid_js = mermaid_js
        self.cache_dir = cache_dir
        self.config = {**MERMAID_CONFIG, "themeCSS": theme_css}
        self._salt = json.dumps({"mermaid": mermaid_version, "config": self.config}, sort_keys=True)

    def key(self, code: str) -> str:
        return hashlib.sha256((self._salt + "\0" + code).encode("utf-8")).hexdigest()

    def cached(self, code: str) -> str | None:
        file = self.cache_dir / f"{self.key(code)}.svg"
        return file.read_text(encoding="utf-8") if file.is_file() else None

    def prune(self, codes: list[str]) -> list[Path]:
        """Delete stored drawings no diagram uses any more (only call after every diagram was drawn)."""
        used = {f"{self.key(code)}.svg" for code in codes}
        stale = (
            [p for p in sorted(self.cache_dir.glob("*.svg")) if p.name not in used] if self.cache_dir.is_dir() else []
        )
        for path in stale:
            path.unlink()
        return stale

    def render(self, codes: list[str], browser_path: str | None, browser: Any = None) -> dict[str, Rendered]:
        """Every distinct source in ``codes`` -> its SVG or error; Chromium starts only for cache misses.

        ``browser`` is an already running Playwright browser to draw in (the tests have one);
        otherwise one is started from ``browser_path``.
        """
        results: dict[str, Rendered] = {}
        missing: list[str] = []
        for code in dict.fromkeys(codes):
            file = self.cache_dir / f"{self.key(code)}.svg"
            svg, unsafe = cached("stored_svg", [file], _stored, file)
            if svg is not None and unsafe:  # the cache is committed: a pull request can edit it
                name = f"{self.key(code)}.svg"
                results[code] = Rendered(error=f"the stored drawing {name} contains unsafe markup; delete it to redraw")
            elif svg is not None:
                results[code] = Rendered(svg=svg)
            else:
                missing.append(code)
        if not missing:
            return results
        if browser_path is None and browser is None:
            return {**results, **{code: Rendered(unrendered=True) for code in missing}}
        outcomes = self._draw_in(browser, missing) if browser is not None else self._draw(missing, browser_path)
        for code, outcome in zip(missing, outcomes, strict=True):
            if "svg" in outcome and unsafe_parts(outcome["svg"]):
                outcome = {"error": f"the drawing contains unsafe markup: {', '.join(unsafe_parts(outcome['svg']))}"}
            if "svg" in outcome:
                self.cache_dir.mkdir(parents=True, exist_ok=True)
                (self.cache_dir / f"{self.key(code)}.svg").write_text(outcome["svg"], encoding="utf-8")
                results[code] = Rendered(svg=outcome["svg"])
            else:
                message, line = error_message(outcome["error"])
                if line is not None:
                    line = min(line, len(code.splitlines()) or 1)  # Mermaid counts the end of input as a line
                results[code] = Rendered(error=message, line=line)
        return results

    def _draw(self, codes: list[str], browser_path: str) -> list[dict[str, str]]:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=browser_path, args=BROWSER_ARGS, headless=True)
            try:
                return self._draw_in(browser, codes)
            finally:
                browser.close()

    def _draw_in(self, browser: Any, codes: list[str]) -> list[dict[str, str]]:
        page = browser.new_page()
        try:
            page.route("**/*", lambda route: route.abort())  # nothing leaves the machine
            page.set_content("<!doctype html><html><head><meta charset='utf-8'></head><body></body></html>")
            page.add_script_tag(content=self.mermaid_js.read_text(encoding="utf-8"))
            return page.evaluate(
                """async ([codes, config, id]) => {
                         mermaid.initialize(config);
                         const out = [];
                         for (const code of codes) {
                           try { out.push({ svg: (await mermaid.render(id, code)).svg }); }
                           catch (e) { out.push({ error: String((e && e.message) || e) }); }
                           document.getElementById("d" + id)?.remove();
                         }
                         return out;
                       }""",
                [codes, self.config, PLACEHOLDER],
            )
        finally:
            page.close()


def site_renderer(root: Path) -> DiagramRenderer:
    """The renderer the build uses for the site at ``root`` (vendored Mermaid, stored drawings, Material's theme)."""
    lock = json.loads((root / "vendor.lock.json").read_text(encoding="utf-8"))["mermaid"]
    return DiagramRenderer(root / lock["dest"], lock["version"], root / "data" / "diagrams", material_mermaid_css())


def site_codes(root: Path) -> list[str]:
    from wikitools.diagrams import extract_diagrams
    from wikitools.source_files import read_source

    codes: list[str] = []
    for file in sorted((root / "docs").rglob("*.md")):
        codes += [d.code for d in extract_diagrams(read_source(file), file.relative_to(root).as_posix())]
    return codes


def main(argv: list[str]) -> int:
    """``python -m wikitools.diagram_render prune``: delete stored drawings that no diagram uses."""
    if argv != ["prune"]:
        print(main.__doc__)
        return 2
    root = Path.cwd()
    for path in site_renderer(root).prune(site_codes(root)):
        print(f"deleted {path.relative_to(root)}")
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
