"""Page weight of a first visit, per page kind and language, as GitHub Pages serves it (gzip).

Loads each page kind (home, a content page with diagrams, the glossary index and
its largest category page, 404)
in Chromium with the site routed from a built ``site/`` directory, records
every file the browser asks for before any interaction, and sums their gzip
sizes (level 6, as a web server compresses). Then focuses the search box and
counts what that adds. Budget (issue 13): a first visit at most 150 KB.

Prints a table and writes benchmarks/results/page-weight.{json,md}.

Usage:  .venv/bin/python benchmarks/page_weight.py [--site DIR] [--label NAME] [--no-write]
        (without --site it builds the site first)
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_site import site_or_build  # noqa: E402
from tests.conftest import BuiltSite, route_site, site_url  # noqa: E402
from tests.search_driver import material_search, open_search  # noqa: E402
from wikitools.browser import BROWSER_ARGS, find_browser  # noqa: E402

BUDGET = 150_000
KINDS = {
    "home": "",
    "content page with diagrams": "sagemaker/deploy/",
    "glossary index": "glossary/",
    "glossary category (the largest)": "glossary/sagemaker-build/",
    "404": "404.html",
}
RESULTS = ROOT / "benchmarks" / "results"


def gzip_size(file: Path) -> int:
    """Bytes on the wire: gzip level 6, as a web server compresses (a file that is gzip already as it is)."""
    data = file.read_bytes()
    return len(data) if data[:2] == b"\x1f\x8b" else len(gzip.compress(data, compresslevel=6))


def file_of(site: BuiltSite, path: str) -> Path | None:
    rel = unquote(path)[len(site.base_path) :]
    file = site.root / rel
    if file.is_dir() or rel.endswith("/") or rel == "":
        file = file / "index.html"
    return file if file.is_file() else None


def measure(site: BuiltSite, browser) -> list[dict]:
    rows = []
    for language, prefix in (("ja", ""), ("en", "en/")):
        for kind, rel in KINDS.items():
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            traffic = route_site(context, site)
            page = context.new_page()
            page.goto(site.url + prefix + rel)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(1000)
            first = list(dict.fromkeys(traffic.served))
            open_search(page)
            material_search(page, "SageMaker")
            after = [p for p in dict.fromkeys(traffic.served) if p not in first]
            context.close()

            def total(paths: list[str]) -> int:
                return sum(gzip_size(f) for f in (file_of(site, p) for p in paths) if f)

            largest = sorted(((gzip_size(f), p) for p in first if (f := file_of(site, p))), reverse=True)[:3]
            rows.append(
                {
                    "language": language,
                    "kind": kind,
                    "url": prefix + rel,
                    "first_visit_gzip": total(first),
                    "requests": len(first),
                    "largest": [{"path": p[len(site.base_path) :], "gzip": n} for n, p in largest],
                    "search_on_focus_gzip": total(after),
                    "search_files": [p[len(site.base_path) :] for p in after],
                }
            )
    return rows


def table(rows: list[dict]) -> str:
    lines = [
        "| language | page kind | first visit (gzip bytes) | within 150 KB | requests | largest files | "
        "added on search focus (gzip) |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        largest = ", ".join(f"{x['path'].rsplit('/', 1)[-1] or 'index.html'} {x['gzip']:,}" for x in r["largest"])
        lines.append(
            f"| {r['language']} | {r['kind']} | {r['first_visit_gzip']:,} | "
            f"{'yes' if r['first_visit_gzip'] <= BUDGET else 'NO'} | {r['requests']} | {largest} | "
            f"{r['search_on_focus_gzip']:,} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="measure this built site instead of building one")
    parser.add_argument("--label", default="this branch", help="what the figures are of (for the results file)")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site_dir = site_or_build(args.site, tmp)
        if site_dir is None:
            sys.exit("build failed (log above)")
        site = BuiltSite(site_dir, site_url(), "")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=find_browser(), args=BROWSER_ARGS)
            rows = measure(site, browser)
            browser.close()
    print(table(rows))
    if args.no_write:
        return
    RESULTS.mkdir(parents=True, exist_ok=True)
    data = {"date": dt.date.today().isoformat(), "label": args.label, "budget": BUDGET, "pages": rows}
    (RESULTS / "page-weight.json").write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
    md = f"# Page weight, first visit ({data['date']}, {args.label})\n\n" + __doc__.split("\n\n")[1] + "\n\n"
    (RESULTS / "page-weight.md").write_text(md + table(rows) + "\n", "utf-8")


if __name__ == "__main__":
    main()
