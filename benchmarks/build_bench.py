"""Build-performance benchmark: our hooks' cost, growth with size, page weight, search speed.

Prints tables and writes benchmarks/results/build-benchmark.{json,md}.

* Full build time and peak memory of the real site with our hooks and with
  them removed, alternated over several rounds (medians), and the same with
  synthetic pages added (100, 1,000 and 3,000 per language): realistic text
  drawn from the site's own pages, links, glossary terms, a diagram every
  fifth page. The time spent inside each hook is measured in the same builds.
* Page weight: bytes a browser downloads for a text page, a diagram page and
  the search (index, worker, Lunr) in each language.
* Search response time in Chromium on the 1,000-page site.

Usage:  .venv/bin/python benchmarks/build_bench.py [--sizes 0,100,1000,3000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import BROWSER_ARGS, BuiltSite, find_browser, route_site, site_url  # noqa: E402
from tests.helpers import PROJECT_PARTS  # noqa: E402
from tests.search_driver import material_search, open_search  # noqa: E402
from wikitools.diagrams import extract_diagrams  # noqa: E402
from wikitools.markdown_scan import prose_lines  # noqa: E402
from wikitools.translations import main as translations_main  # noqa: E402

COPY = PROJECT_PARTS  # tests/helpers.py: the one list of what a buildable copy needs
LANGUAGES = ("ja", "en")
BUDGET = 0.10  # hooks may add at most 10 % at 1,000 pages per language


def copy_project(dest: Path, hooks: bool) -> Path:
    for name in COPY:
        src = ROOT / name
        if src.exists():
            (shutil.copytree if src.is_dir() else shutil.copy2)(src, dest / name)
    if not hooks:
        # Keep hooks/i18n_switch.py: the templates need the language settings it provides
        # (a few dictionary assignments per build). Remove the hooks whose cost is the question.
        config = (dest / "mkdocs.yml").read_text("utf-8")
        config = re.sub(r"\n  - hooks/(?!i18n_switch)[a-z_]+\.py", "", config)
        (dest / "mkdocs.yml").write_text(config, "utf-8")
    return dest


def paragraphs(language: str) -> list[str]:
    """Prose paragraphs of the real pages, to make synthetic pages read like the site."""
    out = []
    for file in sorted((ROOT / "docs" / language).rglob("*.md")):
        for _, line in prose_lines(file.read_text("utf-8")):
            text = line.strip()
            if len(text) > 60 and not text.startswith(("#", "|", "!", "-", "*", ">", "[", "<")) and "](" not in text:
                out.append(text)
    return out


def add_synthetic_pages(project: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    texts = {lang: paragraphs(lang) for lang in LANGUAGES}
    diagrams = {
        lang: extract_diagrams((ROOT / f"docs/{lang}/sagemaker/deploy.md").read_text("utf-8"), "x")[0].code
        for lang in LANGUAGES
    }
    headings = {
        "ja": ["概要", "仕組み", "使いどころ", "注意点"],
        "en": ["Overview", "How it works", "When to use it", "Pitfalls"],
    }
    anchors = ["overview", "how-it-works", "when-to-use", "pitfalls"]
    for lang in LANGUAGES:
        folder = project / "docs" / lang / "synthetic"
        folder.mkdir(parents=True)
        local = random.Random(seed)  # same structure in both languages
        for i in range(count):
            lines = [
                "---",
                f"title: Synthetic {i:04d}",
                "description: synthetic benchmark page",
                "---",
                "",
                f"# Synthetic {i:04d}",
                "",
            ]
            for heading, anchor in zip(headings[lang], anchors, strict=True):
                lines += [f"## {heading} {{#{anchor}}}", ""]
                for _ in range(3):
                    lines += [rng.choice(texts[lang]), ""]
            others = [local.randrange(count) for _ in range(3)]
            label = "関連" if lang == "ja" else "Related"
            lines += [f"- [{label} {o}](page-{o:04d}.md#how-it-works)" for o in others]
            lines += ["- [SageMaker](../sagemaker/deploy.md)", ""]
            if i % 5 == 0:
                lines += ["```mermaid", diagrams[lang], "```", ""]
            (folder / f"page-{i:04d}.md").write_text("\n".join(lines), "utf-8")
    config = (project / "mkdocs.yml").read_text("utf-8")
    entries = "\n".join(f"      - synthetic/page-{i:04d}.md" for i in range(count))
    config = config.replace(
        "  - 用語集: glossary/index.md", f"  - 用語集: glossary/index.md\n  - Synthetic:\n{entries}"
    )
    (project / "mkdocs.yml").write_text(config, "utf-8")
    with contextlib.redirect_stdout(io.StringIO()):
        translations_main(["mark", "--all"], root=project)


def build_once(project: Path, out: Path) -> dict:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks/build_once.py"), str(project), str(out)],
        capture_output=True,
        text=True,
        check=False,
        # PYTHONPATH: this checkout's wikitools, not whichever one the venv has installed (a worktree)
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
    )
    if result.returncode != 0:
        raise SystemExit(f"build failed: {result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def measure_size(tmp: Path, size: int, rounds: int) -> dict:
    with_hooks = copy_project(tmp / f"on-{size}", hooks=True)
    without = copy_project(tmp / f"off-{size}", hooks=False)
    if size:
        add_synthetic_pages(with_hooks, size)
        add_synthetic_pages(without, size)
    runs: dict[str, list[dict]] = {"on": [], "off": []}
    for _ in range(rounds):  # alternate, so drift on the machine hits both alike
        runs["on"].append(build_once(with_hooks, tmp / f"site-on-{size}"))
        runs["off"].append(build_once(without, tmp / f"site-off-{size}"))
    on = statistics.median(r["seconds"] for r in runs["on"])
    off = statistics.median(r["seconds"] for r in runs["off"])
    hooks = {
        name: statistics.median(r["hooks"].get(name, 0.0) for r in runs["on"])
        for name in sorted({n for r in runs["on"] for n in r["hooks"]})
    }
    pages = len(list((with_hooks / "docs" / "ja").rglob("*.md")))
    return {
        "synthetic_per_language": size,
        "pages_per_language": pages,
        "rounds": rounds,
        "seconds_with_hooks": round(on, 2),
        "seconds_without_hooks": round(off, 2),
        "overhead": round(on / off - 1, 4),
        "hook_seconds_total": round(sum(hooks.values()), 2),
        "hook_share": round(sum(hooks.values()) / on, 4),
        "peak_mb_with_hooks": round(statistics.median(r["peak_mb"] for r in runs["on"]), 1),
        "peak_mb_without_hooks": round(statistics.median(r["peak_mb"] for r in runs["off"]), 1),
        "hooks": {k: round(v, 3) for k, v in hooks.items()},
        "site": str(tmp / f"site-on-{size}"),
    }


def page_weight_and_search(site_dir: Path, playwright) -> dict:
    site = BuiltSite(site_dir, site_url(), "")
    browser = playwright.chromium.launch(executable_path=find_browser(), args=BROWSER_ARGS)
    weights: dict[str, int] = {}
    for lang, prefix in (("ja", ""), ("en", "en/")):
        for kind, rel in (("text page", "glossary/"), ("diagram page", "mlops/mlops-levels/")):
            context = browser.new_context()
            route_site(context, site)
            page = context.new_page()
            sizes: dict[str, int] = {"page": 0, "mermaid": 0, "search": 0}

            def count(request, sizes=sizes) -> None:
                url = request.url
                part = (
                    "mermaid"
                    if url.endswith("mermaid.min.js")
                    else "search"
                    if ("/search/" in url or "/workers/" in url or "/lunr/" in url)
                    else "page"
                )
                sizes[part] += request.sizes()["responseBodySize"]

            page.on("requestfinished", count)
            page.goto(site.url + prefix + rel)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(1500)
            weights[f"{lang} {kind}: HTML, CSS, JS, images"] = sizes["page"]
            weights[f"{lang} {kind}: Mermaid library"] = sizes["mermaid"]
            if kind == "text page":
                # Material fetches the search index and worker once per visit, in the background
                weights[f"{lang} search: index, worker, Lunr"] = sizes["search"]
            context.close()
    timings: dict[str, float] = {}
    context = browser.new_context()
    route_site(context, site)
    page = context.new_page()
    for lang, prefix, queries in (
        ("ja", "", ["推論エンドポイント", "異常検知", "シャード"]),
        ("en", "en/", ["batch transform", "anomaly detection", "shards"]),
    ):
        page.goto(site.url + prefix)
        open_search(page)
        material_search(page, "warm up")
        for query in queries:
            started = time.perf_counter()
            material_search(page, query)
            # material_search waits 0.4 s for the list to settle; report the time before that
            timings[f"{lang}: {query}"] = round(max(time.perf_counter() - started - 0.4, 0.0), 3)
    browser.close()
    return {"bytes": weights, "search_seconds": timings}


def main() -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="0,100,1000,3000")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--web-only", action="store_true", help="re-measure page weight only (real site)")
    args = parser.parse_args()
    if args.web_only:
        return web_only(playwright_factory=sync_playwright)
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp_name, sync_playwright() as playwright:
        tmp = Path(tmp_name)
        for size in sizes:
            rounds = args.rounds if size <= 1000 else max(1, args.rounds - 2)
            row = measure_size(tmp, size, rounds)
            rows.append(row)
            print(
                f"{row['pages_per_language']:>5} pages/lang: {row['seconds_with_hooks']:7.2f} s with hooks, "
                f"{row['seconds_without_hooks']:7.2f} s without ({row['overhead']:+.1%}); hooks "
                f"{row['hook_seconds_total']:.2f} s {row['hooks']}; peak {row['peak_mb_with_hooks']} MB",
                flush=True,
            )
        web = page_weight_and_search(Path(rows[0]["site"]), playwright)
        big = next((r for r in rows if r["synthetic_per_language"] == 1000), None)
        search_big = page_weight_and_search(Path(big["site"]), playwright)["search_seconds"] if big else {}
    today = dt.date.today().isoformat()
    lines = [
        f"# Build benchmark ({today}, 2 cores, 24 GiB)",
        "",
        "| pages/lang | with hooks (s) | without (s) | overhead | time inside hooks (s) | peak MB on/off |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['pages_per_language']} | {r['seconds_with_hooks']} | {r['seconds_without_hooks']} | "
            f"{r['overhead']:+.1%} | {r['hook_seconds_total']} ({r['hook_share']:.1%}) | "
            f"{r['peak_mb_with_hooks']}/{r['peak_mb_without_hooks']} |"
        )
    lines += [
        "",
        "Time inside each hook (median, seconds):",
        "",
        "| pages/lang | " + " | ".join(rows[0]["hooks"]) + " |",
        "|---|" + "---|" * len(rows[0]["hooks"]),
    ]
    for r in rows:
        lines.append(
            f"| {r['pages_per_language']} | " + " | ".join(str(r["hooks"].get(k, 0)) for k in rows[0]["hooks"]) + " |"
        )
    lines += ["", "Page weight (bytes downloaded on a first visit):", "", "| what | bytes |", "|---|---|"]
    lines += [f"| {k} | {v:,} |" for k, v in web["bytes"].items()]
    lines += [
        "",
        "Search response time in Chromium (s, after the index is loaded):",
        "",
        "| query | real site | 1,000 pages/lang |",
        "|---|---|---|",
    ]
    lines += [f"| {k} | {v} | {search_big.get(k, '-')} |" for k, v in web["search_seconds"].items()]
    thousand = next((r for r in rows if r["synthetic_per_language"] == 1000), None)
    if thousand:
        verdict = "meets" if thousand["hook_share"] <= BUDGET else "MISSES"
        lines += [
            "",
            f"Budget: hooks at most {BUDGET:.0%} of a build at 1,000 pages per language: "
            f"{thousand['hook_share']:.1%} of the build is spent in our hooks ({verdict} the budget); "
            f"wall-clock difference {thousand['overhead']:+.1%}.",
        ]
    report = "\n".join(lines) + "\n"
    print(report)
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "build-benchmark.md").write_text(report, "utf-8")
    (out / "build-benchmark.json").write_text(
        json.dumps({"date": today, "rows": rows, "web": web, "search_1000": search_big}, indent=1), "utf-8"
    )
    return 0


def web_only(playwright_factory) -> int:
    """Re-measure page weight on the real site and update that section of the results."""
    out = ROOT / "benchmarks" / "results"
    data = json.loads((out / "build-benchmark.json").read_text("utf-8"))
    with tempfile.TemporaryDirectory() as tmp_name, playwright_factory() as playwright:
        site = Path(tmp_name) / "site"
        build_once(ROOT, site)
        web = page_weight_and_search(site, playwright)
    data["web"]["bytes"] = web["bytes"]
    (out / "build-benchmark.json").write_text(json.dumps(data, indent=1), "utf-8")
    report = (out / "build-benchmark.md").read_text("utf-8")
    head, rest = report.split("Page weight (bytes downloaded):", 1)
    tail = rest[rest.index("Search response time") :]
    table = "\n".join(["| what | bytes |", "|---|---|", *(f"| {k} | {v:,} |" for k, v in web["bytes"].items())])
    (out / "build-benchmark.md").write_text(
        f"{head}Page weight (bytes downloaded on a first visit):\n\n{table}\n\n{tail}", "utf-8"
    )
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
