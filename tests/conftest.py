"""Shared fixtures: one strict build of the real site per test session, and a real Chromium.

The browser never reaches the network: every request is routed. Requests to
the site's own host (``site_url``) are answered from the built ``site/``
directory, which is what lets Material's instant navigation work as it does
in production; requests to any other host are recorded and aborted, and the
tests assert there are none.
"""

from __future__ import annotations

import mimetypes
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from wikitools.browser import BROWSER_ARGS, find_browser

ROOT = Path(__file__).resolve().parent.parent


def site_url() -> str:
    """The ``site_url`` the build uses: $SITE_URL, else the default written in mkdocs.yml."""
    match = re.search(r'SITE_URL,\s*"([^"]+)"', (ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return os.environ.get("SITE_URL") or (match.group(1) if match else "")


def build_site(project: Path, out: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real ``mkdocs build --strict`` of ``project`` into ``out``."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(out)],
        cwd=project,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=600,
        check=False,
    )


@dataclass
class BuiltSite:
    root: Path
    url: str  # site_url, e.g. https://aws-ml-wiki.github.io/aws-ml-wiki/
    log: str

    @property
    def base_path(self) -> str:
        return urlsplit(self.url).path

    def pages(self, language: str) -> list[str]:
        """Page URLs (relative to the site root) of one language, from the built HTML files."""
        skip = ("assets/", "search/", "404.html")
        out = []
        for file in sorted(self.root.rglob("index.html")):
            rel = file.relative_to(self.root).as_posix()
            if rel.startswith(skip):
                continue
            is_en = rel.startswith("en/")
            if (language == "en") == is_en:
                out.append(rel[: -len("index.html")])
        return out


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    out = tmp_path_factory.mktemp("build") / "site"
    result = build_site(ROOT, out)
    log = result.stdout + result.stderr
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{log[-6000:]}", pytrace=False)
    return BuiltSite(out, site_url(), log)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    path = find_browser()
    if path is None:
        pytest.fail("No Chromium found: set CHROMIUM_PATH or install Debian's chromium (scripts/setup.sh --browser)")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=path, args=BROWSER_ARGS, headless=True)
        yield instance
        instance.close()


@dataclass
class Traffic:
    foreign: list[str] = field(default_factory=list)  # requests to other hosts (aborted)
    served: list[str] = field(default_factory=list)  # paths answered from site/
    missing: list[str] = field(default_factory=list)  # paths of our host with no file


def route_site(context, site: BuiltSite) -> Traffic:
    """Answer requests for the site's host from the built files; abort and record every other host."""
    traffic = Traffic()
    origin = urlsplit(site.url)

    def handle(route) -> None:
        url = urlsplit(route.request.url)
        if url.scheme in ("data", "blob"):
            route.continue_()
            return
        if url.netloc != origin.netloc:
            traffic.foreign.append(route.request.url)
            route.abort()
            return
        path = unquote(url.path)
        if not path.startswith(site.base_path):
            traffic.missing.append(path)
            route.fulfill(status=404, body="not found")
            return
        rel = path[len(site.base_path) :]
        file = site.root / rel
        if file.is_dir() or rel.endswith("/") or rel == "":
            file = file / "index.html"
        if not file.is_file():
            traffic.missing.append(path)
            body = (site.root / "404.html").read_bytes()
            route.fulfill(status=404, body=body, headers={"content-type": "text/html; charset=utf-8"})
            return
        traffic.served.append(path)
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind in ("application/javascript", "application/json"):
            kind += "; charset=utf-8"
        route.fulfill(status=200, body=file.read_bytes(), headers={"content-type": kind})

    context.route("**/*", handle)
    return traffic


OPEN_SHADOW_ROOTS = """
(() => {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    return attach.call(this, Object.assign({}, init, { mode: "open" }));
  };
})();
"""


@dataclass
class Session:
    context: object
    page: object
    traffic: Traffic
    console_errors: list[str]
    site: BuiltSite

    def url(self, rel: str) -> str:
        return self.site.url + rel


@pytest.fixture
def session(browser, built_site):
    """A fresh browser context with the site routed, shadow roots opened and console errors collected."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(OPEN_SHADOW_ROOTS)
    traffic = route_site(context, built_site)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield Session(context, page, traffic, errors, built_site)
    context.close()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A buildable copy of the project to break one thing in (tests/helpers.py ``copy_project``)."""
    from tests.helpers import copy_project

    return copy_project(tmp_path)
