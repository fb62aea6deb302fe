"""Compare search approaches side by side on the real site, in real Chromium.

Approaches:

* ``material-stock``  Material's search as configured out of the box for ja + en
                      (its Japanese separator and pipeline, no worker changes).
* ``material-wiki``   what ships: the script-boundary separator shared by index
                      and query, and the worker wrapper (query folding and
                      reader-language boost) in docs/assets/javascripts/workers/.
* ``pagefind``        Pagefind (extended build, which segments Japanese) over the
                      same built HTML, queried through its JavaScript API.

Each query of benchmarks/search_queries.yml is typed on a page of its
language; a hit is an expected page among the first five distinct pages.
Prints a table and writes benchmarks/results/search-comparison.{json,md}.

Usage:  .venv/bin/python benchmarks/search_compare.py
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import BROWSER_ARGS, BuiltSite, build_site, find_browser, route_site, site_url  # noqa: E402
from tests.helpers import PROJECT_PARTS  # noqa: E402
from tests.search_driver import material_search, open_search  # noqa: E402

PAGEFIND = "pagefind[extended]==1.5.2"
COPY = PROJECT_PARTS  # tests/helpers.py: the one list of what a buildable copy needs


def page_url(language: str, md_path: str) -> str:
    prefix = "" if language == "ja" else f"{language}/"
    stem = md_path[: -len(".md")]
    stem = stem[: -len("index")] if stem == "index" or stem.endswith("/index") else stem + "/"
    return prefix + stem


def stock_project(tmp: Path) -> Path:
    """A copy of the project with Material's search exactly as it comes."""
    project = tmp / "stock"
    for name in COPY:
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, project / name)
    config = (project / "mkdocs.yml").read_text("utf-8")
    config = re.sub(r"\n      # Cut at whitespace.*?\n      pipeline: \[[^\]]*\]", "", config, flags=re.S)
    (project / "mkdocs.yml").write_text(config, "utf-8")
    main = (project / "overrides/main.html").read_text("utf-8")
    main = re.sub(r"{% block config %}.*?{% endblock %}", "", main, flags=re.S)
    (project / "overrides/main.html").write_text(main, "utf-8")
    return project


def build(project: Path, out: Path) -> BuiltSite:
    result = build_site(project, out)
    if result.returncode != 0:
        raise SystemExit(f"build failed for {project}:\n{(result.stdout + result.stderr)[-3000:]}")
    return BuiltSite(out, site_url(), "")


def run_pagefind(site: BuiltSite) -> float:
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", PAGEFIND], check=True)
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            str(site.root),
            "--root-selector",
            "article.md-content__inner",
            "--exclude-selectors",
            ".headerlink, .md-source-file",
            "--quiet",
        ],
        check=True,
    )
    return time.perf_counter() - start


PAGEFIND_QUERY = """async (args) => {
  if (!window.__pf) {
    window.__pf = await import(args.bundle + "pagefind.js");
    await window.__pf.init();
  }
  const search = await window.__pf.search(args.q);
  const top = await Promise.all(search.results.slice(0, 8).map(r => r.data()));
  return top.map(d => new URL(d.url, location.href).pathname);
}"""


def score(queries, search_fn) -> dict:
    rows = []
    for language, items in queries.items():
        for item in items:
            started = time.perf_counter()
            found = search_fn(language, item["q"])
            took = time.perf_counter() - started
            wanted = {page_url(language, p) for p in item["page"]}
            ranks = [i for i, path in enumerate(found[:5]) if path in wanted]
            rows.append(
                {
                    "language": language,
                    "query": item["q"],
                    "hit5": bool(ranks),
                    "hit1": bool(ranks) and ranks[0] == 0,
                    "top": found[:5],
                    "seconds": round(took, 3),
                }
            )
    summary = {}
    for language in queries:
        mine = [r for r in rows if r["language"] == language]
        summary[language] = {
            "queries": len(mine),
            "hits@5": sum(r["hit5"] for r in mine) / len(mine),
            "hits@1": sum(r["hit1"] for r in mine) / len(mine),
        }
    return {"summary": summary, "rows": rows}


def runner(browser, site: BuiltSite, query_fn, open_fn=None):
    """A ``run(language, query)`` for one approach: one page per language, result paths in order, no repeats.

    ``query_fn(page, query)`` returns result URL paths; ``open_fn(page)`` prepares a freshly loaded page.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    route_site(context, site)
    page = context.new_page()
    state = {"language": None}

    def run(language: str, query: str) -> list[str]:
        if state["language"] != language:
            page.goto(site.url + ("" if language == "ja" else f"{language}/"))
            if open_fn:
                open_fn(page)
            state["language"] = language
        return list(dict.fromkeys(p[len(site.base_path) :] for p in query_fn(page, query)))

    return run, context


def material_runner(browser, site: BuiltSite):
    return runner(browser, site, material_search, open_search)


def pagefind_runner(browser, site: BuiltSite):
    bundle = site.url + "pagefind/"
    return runner(browser, site, lambda page, q: page.evaluate(PAGEFIND_QUERY, {"bundle": bundle, "q": q}))


def main() -> int:
    import argparse

    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--only",
        default="material-stock,material-wiki,pagefind",
        help="comma-separated approaches to run (a partial run does not write the results files)",
    )
    wanted = set(parser.parse_args().only.split(","))
    queries = yaml.safe_load((ROOT / "benchmarks/search_queries.yml").read_text("utf-8"))
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp_name, sync_playwright() as playwright:
        tmp = Path(tmp_name)
        shipped = build(ROOT, tmp / "wiki-site")
        stock = build(stock_project(tmp), tmp / "stock-site") if "material-stock" in wanted else None
        pagefind_site = build(ROOT, tmp / "pagefind-site") if "pagefind" in wanted else None
        index_seconds = run_pagefind(pagefind_site) if pagefind_site else 0.0
        browser = playwright.chromium.launch(executable_path=find_browser(), args=BROWSER_ARGS)
        for name, site, runner in (
            ("material-stock", stock, material_runner),
            ("material-wiki", shipped, material_runner),
            ("pagefind", pagefind_site, pagefind_runner),
        ):
            if name not in wanted:
                continue
            run, context = runner(browser, site)
            results[name] = score(queries, run)
            context.close()
        browser.close()
        index_bytes = {"material-wiki": (shipped.root / "search/search_index.json").stat().st_size}
        if pagefind_site:
            index_bytes["pagefind"] = sum(
                f.stat().st_size for f in (pagefind_site.root / "pagefind").rglob("*") if f.is_file()
            )

    lines = [
        "| approach | ja hits@5 | ja hits@1 | en hits@5 | en hits@1 | median s/query |",
        "|---|---|---|---|---|---|",
    ]
    for name, result in results.items():
        s = result["summary"]
        times = sorted(r["seconds"] for r in result["rows"])
        lines.append(
            f"| {name} | {s['ja']['hits@5']:.0%} | {s['ja']['hits@1']:.0%} | {s['en']['hits@5']:.0%} | "
            f"{s['en']['hits@1']:.0%} | {times[len(times) // 2]:.2f} |"
        )
    table = "\n".join(lines)
    print(table)
    misses = {
        name: [f"{r['language']}: {r['query']} -> {r['top']}" for r in res["rows"] if not r["hit5"]]
        for name, res in results.items()
    }
    for name, missed in misses.items():
        print(f"\n{name} misses ({len(missed)}):")
        for m in missed:
            print("  " + m)
    if len(results) < 3:
        return 0
    today = dt.date.today().isoformat()
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "search-comparison.json").write_text(
        json.dumps(
            {
                "date": today,
                "machine": "2 cores, 24 GiB",
                "index_bytes": index_bytes,
                "pagefind_index_seconds": round(index_seconds, 2),
                "results": results,
            },
            ensure_ascii=False,
            indent=1,
        ),
        encoding="utf-8",
    )
    (out / "search-comparison.md").write_text(
        f"# Search comparison ({today})\n\nQuery set: benchmarks/search_queries.yml "
        f"({len(queries['ja'])} ja, {len(queries['en'])} en). A hit = an expected page in the first five results, "
        "typed into each approach in Chromium on a page of the query's language.\n\n"
        f"{table}\n\nIndex size: Material (both languages, one JSON) {index_bytes['material-wiki']:,} bytes; "
        f"Pagefind (all fragments) {index_bytes['pagefind']:,} bytes, indexed in {index_seconds:.1f} s.\n\n"
        + "\n".join(
            f"## {name} misses\n\n" + ("\n".join(f"- {m}" for m in missed) or "- none") + "\n"
            for name, missed in misses.items()
        ),
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
