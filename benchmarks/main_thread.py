"""Main-thread work of a page load in Chromium, per page kind: a steadier companion to Lighthouse.

Lighthouse's mobile score moves ±4 points from run to run on a 2-core machine, so a change of a
few milliseconds cannot be judged from it. This loads each page kind (the same ones as
benchmarks/lighthouse_bench.py) many times at phone size, unthrottled, with the site routed
from a built ``site/``, and reports the medians of Chromium's own counters
(Performance.getMetrics): all main-thread task time, script, layout and style recalculation,
in milliseconds. Lighthouse's simulated phone is about four times slower.

With ``--compare OTHER_SITE`` both sites are loaded in turn, page by page, so the machine's
drift falls on both alike: use it to judge one change (build the site before and after).

    .venv/bin/python benchmarks/main_thread.py [--site DIR] [--runs N] [--compare DIR] [--only TEXT]

Without ``--compare`` the figures go to benchmarks/results/main-thread.{json,md}.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_site import run_conditions, site_or_build  # noqa: E402
from benchmarks.lighthouse_bench import PAGES  # noqa: E402
from tests.conftest import BuiltSite, route_site, site_url  # noqa: E402
from wikitools.browser import BROWSER_ARGS, find_browser  # noqa: E402

COUNTERS = {
    "task": "TaskDuration",
    "script": "ScriptDuration",
    "layout": "LayoutDuration",
    "style": "RecalcStyleDuration",
}
RESULTS = ROOT / "benchmarks" / "results"


def load_once(browser, site: BuiltSite, rel: str) -> dict[str, float]:
    """One cold load at phone size; Chromium's counters (ms) one second after the load event."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, device_scale_factor=1.75, is_mobile=True)
    route_site(context, site)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
    page.goto(site.url + rel, wait_until="load")
    page.wait_for_timeout(1000)
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    context.close()
    return {name: metrics[counter] * 1000 for name, counter in COUNTERS.items()}


def measure(browser, sites: list[BuiltSite], runs: int, only: str | None) -> dict[str, list[dict[str, float]]]:
    """Median counters per page kind, one dict per site; the sites alternate load by load."""
    results: dict[str, list[dict[str, float]]] = {}
    for name, rel in PAGES.items():
        if only and only not in name:
            continue
        samples: list[list[dict[str, float]]] = [[] for _ in sites]
        for _ in range(runs):
            for i, site in enumerate(sites):
                samples[i].append(load_once(browser, site, rel))
        results[name] = [{k: round(statistics.median(s[k] for s in runs_), 1) for k in COUNTERS} for runs_ in samples]
        print(name, " | ".join(" ".join(f"{k} {v:.0f}" for k, v in r.items()) for r in results[name]), flush=True)
    return results


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="measure this built site instead of building one")
    parser.add_argument("--compare", type=Path, help="a second built site, loaded in turn with the first")
    parser.add_argument("--runs", type=int, default=9, help="loads per page kind (and site); medians are reported")
    parser.add_argument("--only", help="only the page kinds whose name contains this text")
    args = parser.parse_args(argv)
    browser_path = find_browser()
    if browser_path is None:
        print("no Chromium: install Debian's chromium or set CHROMIUM_PATH")
        return 2
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site_dir = site_or_build(args.site, tmp)
        if site_dir is None:
            return 1
        sites = [BuiltSite(d, site_url(), "") for d in [site_dir, args.compare] if d]
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=browser_path, args=BROWSER_ARGS)
            results = measure(browser, sites, args.runs, args.only)
            browser.close()
    if args.compare or args.only:
        return 0  # a comparison or a partial run is for looking, not for the results file
    conditions = f"412x823 phone viewport, unthrottled, cold load, median of {args.runs} loads per page"
    meta = run_conditions(browser_path, conditions)
    RESULTS.mkdir(parents=True, exist_ok=True)
    pages = {name: r[0] for name, r in results.items()}
    (RESULTS / "main-thread.json").write_text(json.dumps({"meta": meta, "pages": pages}, indent=2) + "\n", "utf-8")
    rows = "\n".join(f"| {name} | " + " | ".join(f"{r[k]:.0f}" for k in COUNTERS) + " |" for name, r in pages.items())
    (RESULTS / "main-thread.md").write_text(
        "# Main-thread work per page load (Chromium counters, ms)\n\n"
        f"Measured {meta['date']} with {meta['browser']} on {meta['cores']} cores"
        f" (load average {meta['load_average']:.2f}); {meta['conditions']}."
        " Written by `benchmarks/main_thread.py`.\n\n"
        "| page | all tasks | script | layout | style |\n| --- | --- | --- | --- | --- |\n" + rows + "\n",
        "utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
