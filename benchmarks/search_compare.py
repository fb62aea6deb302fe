"""Compare search approaches on bytes, hits@5 and response time, in real Chromium (issue 13).

Approaches:

* ``material-stock``  Material's search as configured out of the box for ja + en
                      (its Japanese separator and pipeline, no worker changes, one
                      index for both languages fetched when a page loads). Reference.
* ``material-wiki``   what ships: the script-boundary separator shared by index
                      and query, the worker wrapper (query folding and
                      reader-language boost) in docs/assets/javascripts/workers/,
                      and one index per language fetched only when the search box
                      gets focus (overrides/partials/search-on-focus.js).
* ``pagefind``        Pagefind (extended build, which segments Japanese) over the
                      same built HTML, queried through its JavaScript API
                      (pagefind.js imported on the first query, five results'
                      fragments loaded and drawn as a list).

Three measurements:

1. Bytes, per approach and language, gzip-compressed as a web server sends them
   (level 6; Pagefind's index files are already gzip and are counted as they
   are): search files fetched on a page load before any interaction, then
   added by focusing search and typing one query, then by the whole query set.
2. hits@5 and hits@1 on benchmarks/search_queries.yml, typed on a page of the
   query's language (Material: the real search box via tests/search_driver.py).
3. Response time on a site with ~1,000 synthetic pages per language (pages
   made by benchmarks/build_bench.py): in the page, from setting the query to
   the first frame after the results list is filled. The first search of a
   visit (Material: focus, fetch the language index, load Lunr, build the
   index, search; Pagefind: import pagefind.js, load its wasm and meta, fetch
   index chunks and fragments) is timed apart from later queries. The same
   timings are taken on the real site, for scale.

Prints the tables and writes benchmarks/results/search-comparison.{json,md}
(only when every approach and the large site were measured), with a per-axis
verdict. The conclusion paragraph is a person's reading of the numbers: it is
kept in benchmarks/results/search-comparison.conclusion.md and copied in.

Pagefind is not a dependency of the site: it is installed into its own venv
under .cache/pagefind-venv (created on first use).

Usage:  .venv/bin/python benchmarks/search_compare.py [--only a,b] [--pages 1000]
            [--big-site DIR] [--timing-queries 20] [--first-runs 3] [--no-write]
        .venv/bin/python benchmarks/search_compare.py --render-only   (rewrite the .md from the .json)
        About 9 minutes on 2 cores, 2 to 3 of them building the large site (--big-site DIR keeps it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.build_bench import add_synthetic_pages, build_once  # noqa: E402
from benchmarks.build_bench import copy_project as copy_bench_project  # noqa: E402
from benchmarks.page_weight import file_of, gzip_size  # noqa: E402
from tests.conftest import BROWSER_ARGS, BuiltSite, build_site, find_browser, route_site, site_url  # noqa: E402
from tests.helpers import PROJECT_PARTS  # noqa: E402
from tests.search_driver import material_search, open_search  # noqa: E402

APPROACHES = ("material-stock", "material-wiki", "pagefind")
PAGEFIND = "pagefind[extended]==1.5.2"
PAGEFIND_VENV = ROOT / ".cache" / "pagefind-venv"
COPY = PROJECT_PARTS  # tests/helpers.py: the one list of what a buildable copy needs
RESULTS = ROOT / "benchmarks" / "results"
ONE_QUERY = {"ja": "推論エンドポイント", "en": "batch transform"}  # the "typed one query" of the bytes table
# What counts as search data for each approach (paths relative to the site). The Pagefind runs
# happen on the same pages, which still start Material's worker wrapper: not Pagefind's cost.
MATERIAL_FILES = re.compile(r"^(search/|assets/javascripts/workers/|assets/javascripts/lunr/)")
SEARCH_FILES = {
    "material-stock": MATERIAL_FILES,
    "material-wiki": MATERIAL_FILES,
    "pagefind": re.compile(r"^pagefind/"),
}
NO_MATCH = r"No matching|一致する|見つかりません"


def first_new_query(language: str) -> int:
    """Index of the first query after the comment that opens the issue-13 additions in ``language``'s list."""
    count, inside = 0, False
    for line in (ROOT / "benchmarks/search_queries.yml").read_text("utf-8").splitlines():
        if line.startswith(f"{language}:"):
            inside = True
        elif inside and line.lstrip().startswith("#"):
            return count
        elif inside and not line.startswith(" "):
            break
        elif inside and line.lstrip().startswith("- "):
            count += 1
    return count


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
    config = config.replace("\n  - hooks/search_index.py", "")  # keep Material's one merged index
    (project / "mkdocs.yml").write_text(config, "utf-8")
    main = (project / "overrides/main.html").read_text("utf-8")
    main = re.sub(r"{% block config %}.*?{% endblock %}", "", main, flags=re.S)  # no on-focus, no worker wrapper
    (project / "overrides/main.html").write_text(main, "utf-8")
    return project


def build(project: Path, out: Path) -> BuiltSite:
    result = build_site(project, out)
    if result.returncode != 0:
        raise SystemExit(f"build failed for {project}:\n{(result.stdout + result.stderr)[-3000:]}")
    return BuiltSite(out, site_url(), "")


def pagefind_python() -> Path:
    """Pagefind's own venv (never the project's): created and filled on first use."""
    python = PAGEFIND_VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(PAGEFIND_VENV)], check=True)
    check = subprocess.run([str(python), "-m", "pip", "show", "--quiet", "pagefind"], capture_output=True, check=False)
    if check.returncode != 0:
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", PAGEFIND], check=True)
    return python


def run_pagefind(site_dir: Path) -> float:
    """Index ``site_dir`` in place (adds site_dir/pagefind/); returns seconds."""
    python = pagefind_python()
    start = time.perf_counter()
    subprocess.run(
        [
            str(python),
            "-m",
            "pagefind",
            "--site",
            str(site_dir),
            "--root-selector",
            "article.md-content__inner",
            "--exclude-selectors",
            ".headerlink, .md-source-file",
            "--quiet",
        ],
        check=True,
    )
    return time.perf_counter() - start


# --- bytes ---------------------------------------------------------------------------------------


def search_bytes(site: BuiltSite, approach: str, paths) -> dict:
    """``approach``'s search files among ``paths`` (served URL paths): gzip bytes, raw bytes, file list."""
    files = [(p[len(site.base_path) :], f) for p in dict.fromkeys(paths) if (f := file_of(site, p))]
    files = [(rel, f) for rel, f in files if SEARCH_FILES[approach].search(rel)]
    return {
        "gzip": sum(gzip_size(f) for _, f in files),
        "raw": sum(f.stat().st_size for _, f in files),
        "requests": len(files),
        "files": [rel for rel, _ in files],
    }


# --- one query, in the page, timed ----------------------------------------------------------------

MATERIAL_CLEAR = """() => {
  const box = document.querySelector("input.md-search__input");
  box.value = "";
  box.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true, key: "End"}));
}"""

MATERIAL_TIMED = (
    """async ({q, focus}) => {
  const NO = new RegExp("""
    + json.dumps(NO_MATCH)
    + """);
  const box = document.querySelector("input.md-search__input");
  const list = document.querySelector(".md-search-result__list");
  const meta = document.querySelector(".md-search-result__meta");
  const shown = () => list.children.length > 0 || NO.test(meta.textContent);
  const t0 = performance.now();
  if (focus) box.focus();  // focusin releases the held index request (search-on-focus.js)
  box.value = q;            // an input method commits the text, then Material reads it on keyup
  box.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true, key: "End"}));
  const ok = await new Promise(resolve => {
    const stop = setTimeout(() => { observer.disconnect(); resolve(false); }, 120000);
    const observer = new MutationObserver(() => {
      if (shown()) { clearTimeout(stop); observer.disconnect(); resolve(true); }
    });
    observer.observe(document.querySelector(".md-search-result"),
                     {childList: true, subtree: true, characterData: true});
    if (shown()) { clearTimeout(stop); observer.disconnect(); resolve(true); }
  });
  await new Promise(r => requestAnimationFrame(() => r()));
  const index = performance.getEntriesByType("resource").filter(e => /search_index/.test(e.name) && e.startTime >= t0);
  return {ok, ms: performance.now() - t0, index_ms: index.length ? index[0].responseEnd - t0 : null};
}"""
)

PAGEFIND_TIMED = """async ({bundle, q}) => {
  const t0 = performance.now();
  if (!window.__pf) {
    window.__pf = await import(bundle + "pagefind.js");
    await window.__pf.init();
  }
  const search = await window.__pf.search(q);
  const top = await Promise.all(search.results.slice(0, 5).map(r => r.data()));
  let out = document.getElementById("__pagefind_results");
  if (!out) {
    out = document.createElement("ol");
    out.id = "__pagefind_results";
    document.body.prepend(out);
  }
  out.innerHTML = top.map(d => `<li><a href="${d.url}">${d.meta.title || ""}</a><p>${d.excerpt}</p></li>`).join("");
  await new Promise(r => requestAnimationFrame(() => r()));
  return {ok: true, ms: performance.now() - t0, urls: top.map(d => new URL(d.url, location.href).pathname)};
}"""


class Session:
    """One approach on one language's home page, in a fresh browser context (empty cache)."""

    def __init__(self, browser, site: BuiltSite, approach: str, language: str) -> None:
        self.site, self.approach = site, approach
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.traffic = route_site(self.context, site)
        self.page = self.context.new_page()
        self.page.goto(site.url + ("" if language == "ja" else f"{language}/"))
        self.page.wait_for_load_state("networkidle")
        self.page.wait_for_timeout(1000)
        self.page.wait_for_function("() => window.document$ !== undefined")
        self.on_load = list(self.traffic.served)
        self.started = False
        self.index_ms: float | None = None

    def served(self) -> list[str]:
        return list(self.traffic.served)

    def ranked(self, query: str) -> list[str]:
        """Result page paths (relative to the site), best first, no repeats: what hits@k is scored on."""
        if self.approach == "pagefind":
            paths = self.page.evaluate(PAGEFIND_TIMED, {"bundle": self.site.url + "pagefind/", "q": query})["urls"]
        else:
            if not self.started:
                open_search(self.page)
                self.started = True
            paths = material_search(self.page, query)
        return list(dict.fromkeys(p[len(self.site.base_path) :] for p in paths))

    def timed(self, query: str) -> float:
        """Milliseconds from setting the query to the first frame with results shown.

        For Material's first search, ``self.index_ms`` is when the language index had arrived.
        """
        if self.approach == "pagefind":
            result = self.page.evaluate(PAGEFIND_TIMED, {"bundle": self.site.url + "pagefind/", "q": query})
        else:
            if self.started:  # clear first, so "results shown" means this query's results
                self.page.evaluate(MATERIAL_CLEAR)
                self.page.wait_for_function(
                    "() => document.querySelectorAll('.md-search-result__list > li').length === 0"
                )
            result = self.page.evaluate(MATERIAL_TIMED, {"q": query, "focus": not self.started})
            self.started = True
        if not result["ok"]:
            raise RuntimeError(f"{self.approach}: no results shown for {query!r}")
        self.index_ms = result.get("index_ms")
        return result["ms"]

    def close(self) -> None:
        self.context.close()


# --- 1 + 2: bytes and hits on the real site -----------------------------------------------------------


def score_language(session: Session, language: str, items: list[dict]) -> list[dict]:
    rows = []
    for item in items:
        found = session.ranked(item["q"])
        wanted = {page_url(language, p) for p in item["page"]}
        ranks = [i for i, path in enumerate(found[:5]) if path in wanted]
        rows.append(
            {
                "language": language,
                "query": item["q"],
                "hit5": bool(ranks),
                "hit1": bool(ranks) and ranks[0] == 0,
                "top": found[:5],
            }
        )
    return rows


def real_site(browser, sites: dict[str, BuiltSite], queries: dict) -> dict:
    out: dict[str, dict] = {}
    for approach, site in sites.items():
        rows, weight = [], {}
        for language, items in queries.items():
            session = Session(browser, site, approach, language)
            before = search_bytes(site, approach, session.on_load)
            session.ranked(ONE_QUERY[language])
            after_one = search_bytes(site, approach, [p for p in session.served() if p not in session.on_load])
            rows += score_language(session, language, items)
            after_all = search_bytes(site, approach, [p for p in session.served() if p not in session.on_load])
            session.close()
            weight[language] = {"before_interaction": before, "one_query": after_one, "query_set": after_all}
            print(
                f"{approach} {language}: search bytes on load {before['gzip']:,}, +one query {after_one['gzip']:,}, "
                f"+{len(items)} queries {after_all['gzip']:,}",
                flush=True,
            )
        summary = {}
        for language in queries:
            mine = [r for r in rows if r["language"] == language]
            new = mine[first_new_query(language) :]
            summary[language] = {
                "queries": len(mine),
                "hits@5": sum(r["hit5"] for r in mine) / len(mine),
                "hits@1": sum(r["hit1"] for r in mine) / len(mine),
                "new_queries": len(new),
                "new_hits@5": sum(r["hit5"] for r in new),
            }
        out[approach] = {"summary": summary, "bytes": weight, "rows": rows}
    return out


# --- 3: response time on the large site ------------------------------------------------------------------


def build_big_site(pages: int, site_dir: Path, work: Path) -> dict:
    """Build the real site plus ``pages`` synthetic pages per language into ``site_dir``, unless built there."""
    info_file = site_dir / "bench-info.json"
    if info_file.exists():
        return json.loads(info_file.read_text("utf-8"))
    project = copy_bench_project(work / "big-project", hooks=True)
    add_synthetic_pages(project, pages)
    cost = build_once(project, site_dir)
    info = {
        "synthetic_per_language": pages,
        "pages_per_language": len(list((project / "docs" / "ja").rglob("*.md"))),
        "build_seconds": round(cost["seconds"], 1),
        "pagefind_seconds": round(run_pagefind(site_dir), 1),
    }
    info_file.write_text(json.dumps(info), "utf-8")
    return info


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timings(browser, site: BuiltSite, queries: dict, count: int, first_runs: int) -> dict:
    """First search (fresh visits) and later queries, material-wiki and pagefind, on ``site``."""
    out: dict[str, dict] = {}
    for approach in ("material-wiki", "pagefind"):
        out[approach] = {}
        for language, items in queries.items():
            picked = [item["q"] for item in items[:count]]
            firsts, arrived, later, index = [], [], [], None
            for run in range(first_runs):
                session = Session(browser, site, approach, language)
                firsts.append(session.timed(picked[run % len(picked)]))
                if session.index_ms is not None:
                    arrived.append(session.index_ms)
                index = index or search_bytes(site, approach, [p for p in session.served() if p not in session.on_load])
                if run == first_runs - 1:  # later queries in the last visit
                    later = [session.timed(q) for q in picked]
                    total = search_bytes(site, approach, [p for p in session.served() if p not in session.on_load])
                session.close()
            out[approach][language] = {
                "first_ms": [round(x) for x in firsts],
                "first_median_ms": round(statistics.median(firsts)),
                "first_index_arrived_ms": [round(x) for x in arrived],
                "later_ms": [round(x, 1) for x in later],
                "later_median_ms": round(statistics.median(later), 1),
                "later_p90_ms": round(pct(later, 0.9), 1),
                "queries": picked,
                "bytes_first_query": index,
                "bytes_all_queries": total,
            }
            row = out[approach][language]
            print(
                f"{approach} {language} @ {len(site.pages(language))} pages: first search {row['first_median_ms']} ms "
                f"({row['first_ms']}), later median {row['later_median_ms']} ms p90 {row['later_p90_ms']} ms; "
                f"search bytes first query {index['gzip']:,}, all {len(picked)} queries {total['gzip']:,}",
                flush=True,
            )
    return out


# --- report ------------------------------------------------------------------------------------------------


def kb(n: int) -> str:
    return f"{n / 1000:,.1f} KB"


def verdicts(data: dict) -> list[str]:
    """One line per axis and language: the better of material-wiki and pagefind, with both figures."""
    a, b = "material-wiki", "pagefind"
    hits, big = data["hits_and_bytes"], data["large_site"]["timings"]

    def line(axis: str, pick, fmt, lower_wins: bool, floor: float = 0) -> str:
        """Within 10 % of each other (or ``floor`` apart, in the axis' unit) counts as even."""
        parts = []
        for language in ("ja", "en"):
            x, y = pick(a, language), pick(b, language)
            even = abs(x - y) <= max(0.1 * max(x, y), floor)
            best = "even" if even else (a if (x < y) == lower_wins else b)
            parts.append(f"{language}: **{best}** ({a} {fmt(x)}, {b} {fmt(y)})")
        return f"- {axis}: " + "; ".join(parts)

    def size(key: str):
        return lambda m, lg: hits[m]["bytes"][lg][key]["gzip"]

    def big_size(key: str):
        return lambda m, lg: big[m][lg][key]["gzip"]

    def score(key: str):
        return lambda m, lg: hits[m]["summary"][lg][key]

    def ms(key: str):
        return lambda m, lg: big[m][lg][key]

    n, kb, pc = "{:,}".format, "{:,}".format, "{:.0%}".format
    return [  # bytes: 5 KB apart at least; hits: 3 points; times: 20 ms
        line("Search bytes on page load", size("before_interaction"), kb, True, 5000),
        line("Search bytes for focus + one query", size("one_query"), kb, True, 5000),
        line("Search bytes for the whole query set", size("query_set"), kb, True, 5000),
        line("hits@5", score("hits@5"), pc, False, 0.03),
        line("hits@1", score("hits@1"), pc, False, 0.03),
        line("First search at 1,000 pages (ms)", ms("first_median_ms"), n, True, 20),
        line("Later queries at 1,000 pages, median (ms)", ms("later_median_ms"), n, True, 20),
        line("Later queries at 1,000 pages, p90 (ms)", ms("later_p90_ms"), n, True, 20),
        line("Search bytes at 1,000 pages, first query", big_size("bytes_first_query"), kb, True, 5000),
        line("Search bytes at 1,000 pages, 20 queries", big_size("bytes_all_queries"), kb, True, 5000),
    ]


def timing_table(timed: dict) -> list[str]:
    lines = [
        "| approach | language | first search, median ms (each visit) | index arrived, ms | "
        "later queries median ms | later p90 ms | search bytes, first query (gzip) | after all queries (gzip) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for approach, per in timed.items():
        for language, t in per.items():
            arrived = ", ".join(map(str, t.get("first_index_arrived_ms", []))) or "-"
            lines.append(
                f"| {approach} | {language} | {t['first_median_ms']:,} ({', '.join(map(str, t['first_ms']))}) | "
                f"{arrived} | {t['later_median_ms']} | {t['later_p90_ms']} | {t['bytes_first_query']['gzip']:,} | "
                f"{t['bytes_all_queries']['gzip']:,} |"
            )
    return lines


def report(data: dict, queries: dict) -> str:
    hits = data["hits_and_bytes"]
    lines = [
        f"# Search comparison ({data['date']})",
        "",
        f"Machine: {data['machine']['cores']} cores shared with other work, load average "
        f"{data['machine']['load_before']} before and {data['machine']['load_after']} after the run. "
        + ", ".join(f"{k} {v}" for k, v in data["versions"].items())
        + ".",
        "",
        "## Method",
        "",
        "- Everything runs in headless Chromium; requests are answered from the built `site/` (no network "
        "latency or bandwidth limit). Bytes are the search files the page fetched (`search/`, `pagefind/`, "
        "Material's worker and Lunr files, our worker wrapper), gzip level 6 as a web server sends them; "
        "Pagefind's index files are gzip already and count as they are.",
        "- material-wiki: the real search box, driven like a reader (tests/search_driver.py). Pagefind: its "
        "JavaScript API (`pagefind.js` imported on the first query, as an on-focus integration would), the "
        "first five results' fragments loaded and drawn as a plain list; no Pagefind UI bundle is counted "
        "and no UI debounce is applied.",
        f"- Hits: benchmarks/search_queries.yml ({len(queries['ja'])} ja, {len(queries['en'])} en), typed on "
        "the home page of the query's language; a hit = an expected page among the first five (one) distinct "
        f"pages. The 'one query' bytes are for {ONE_QUERY['ja']} (ja) and {ONE_QUERY['en']} (en).",
        f"- Response time: a site with {data['large_site']['synthetic_per_language']:,} synthetic pages per "
        f"language added ({data['large_site']['pages_per_language']:,} pages per language; real paragraphs of "
        "the site, built by benchmarks/build_bench.py's generator). Timed inside the page from setting the "
        "query to the first animation frame after the results list is filled. 'First search' = the first "
        "query of a fresh visit (empty cache), from focusing the box: for Material it includes fetching the "
        "language index ('index arrived' = when its download had finished), loading Lunr and building the "
        "index in the worker; for Pagefind importing "
        f"pagefind.js, its wasm and metadata. Median of {data['first_runs']} visits. 'Later' = the next "
        f"{data['timing_queries']} queries of the same visit (the first {data['timing_queries']} of each "
        "language's query set).",
        "",
        "## Bytes (real site, gzip)",
        "",
        "| approach | language | search bytes on page load | + focus and one query | + whole query set |",
        "|---|---|---|---|---|",
    ]
    for approach, result in hits.items():
        for language, b in result["bytes"].items():
            lines.append(
                f"| {approach} | {language} | {b['before_interaction']['gzip']:,} | {b['one_query']['gzip']:,} "
                f"({b['one_query']['requests']} files) | {b['query_set']['gzip']:,} "
                f"({b['query_set']['requests']} files) |"
            )
    lines += [
        "",
        "## Hits (real site)",
        "",
        "| approach | ja hits@5 | ja hits@1 | ja hits@5, issue-13 queries | en hits@5 | en hits@1 | "
        "en hits@5, issue-13 queries |",
        "|---|---|---|---|---|---|---|",
    ]
    for approach, result in hits.items():
        cells = []
        for language in ("ja", "en"):
            s = result["summary"][language]
            cells += [
                f"{s['hits@5']:.0%} ({round(s['hits@5'] * s['queries'])}/{s['queries']})",
                f"{s['hits@1']:.0%}",
                f"{s.get('new_hits@5', '-')}/{s.get('new_queries', '-')}",
            ]
        lines.append(f"| {approach} | " + " | ".join(cells) + " |")
    big = data["large_site"]
    lines += [
        "",
        f"## Response time at {big['pages_per_language']:,} pages per language",
        "",
        f"Build {big['build_seconds']} s (mkdocs, with our hooks); Pagefind indexing {big['pagefind_seconds']} s.",
        "",
        *timing_table(big["timings"]),
        "",
        f"Same measurement on the real site ({data['real_site_pages_per_language']} pages per language), for scale:",
        "",
        *timing_table(data["real_site_timings"]),
    ]
    lines += [
        "",
        "Caveats: no network is simulated (bytes and request counts are given so that transfer time can be "
        "judged: Material fetches one large file, Pagefind a chain of small ones, several round trips deep); "
        "the machine's 2 cores were shared (see load average), which mostly inflates the multi-second "
        "figures; synthetic pages reuse the site's own paragraphs, so their vocabulary is smaller than 1,000 "
        "real pages would have (Pagefind's chunks and Lunr's index both grow with vocabulary); Pagefind sees "
        "only the HTML, so the glossary's katakana readings, which hooks/glossary.py adds to the Lunr index "
        "only, are not in its index.",
        "",
        "## Who wins each axis (material-wiki vs pagefind)",
        "",
        *verdicts(data),
    ]
    lines += ["", "## Conclusion", "", data.get("conclusion", "(to be written)"), ""]
    for approach, result in hits.items():
        missed = [f"- {r['language']}: {r['query']} -> {r['top']}" for r in result["rows"] if not r["hit5"]]
        lines += [f"## {approach} misses ({len(missed)})", "", *(missed or ["- none"]), ""]
    return "\n".join(lines)


def main() -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(APPROACHES), help="approaches for bytes and hits (comma-separated)")
    parser.add_argument("--pages", type=int, default=1000, help="synthetic pages per language (0: skip timing)")
    parser.add_argument("--big-site", type=Path, help="build the large site here, or reuse it if built there before")
    parser.add_argument("--timing-queries", type=int, default=20, help="later queries per language on the large site")
    parser.add_argument("--first-runs", type=int, default=3, help="fresh visits timed for the first search")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--render-only", action="store_true", help="rewrite the .md from the .json (no measuring)")
    args = parser.parse_args()
    queries = yaml.safe_load((ROOT / "benchmarks/search_queries.yml").read_text("utf-8"))
    if args.render_only:
        data = json.loads((RESULTS / "search-comparison.json").read_text("utf-8"))
        write_results(data, queries)
        return 0
    wanted = [a for a in APPROACHES if a in args.only.split(",")]
    load_before = os.getloadavg()
    data: dict = {"date": dt.date.today().isoformat()}
    with tempfile.TemporaryDirectory() as tmp_name, sync_playwright() as playwright:
        tmp = Path(tmp_name)
        shipped = build(ROOT, tmp / "wiki-site")
        sites = {}
        if "material-stock" in wanted:
            sites["material-stock"] = build(stock_project(tmp), tmp / "stock-site")
        if "material-wiki" in wanted:
            sites["material-wiki"] = shipped
        if "pagefind" in wanted:
            data["pagefind_index_seconds"] = round(run_pagefind(shipped.root), 2)  # pagefind/ beside Material's files
            sites["pagefind"] = shipped
        browser = playwright.chromium.launch(executable_path=find_browser(), args=BROWSER_ARGS)
        data["hits_and_bytes"] = real_site(browser, sites, queries)
        if "pagefind" in sites and "material-wiki" in sites:
            data["real_site_pages_per_language"] = len(shipped.pages("ja"))
            data["real_site_timings"] = timings(browser, shipped, queries, args.timing_queries, args.first_runs)
        if args.pages:
            big_dir = (
                args.big_site or tmp / "big-site"
            ).resolve()  # mkdocs reads a relative -d from the config's folder
            info = build_big_site(args.pages, big_dir, tmp)
            print(f"large site: {info}", flush=True)
            big = BuiltSite(big_dir, site_url(), "")
            info["timings"] = timings(browser, big, queries, args.timing_queries, args.first_runs)
            data["large_site"] = info
        data["versions"] = {
            "mkdocs": version("mkdocs"),
            "mkdocs-material": version("mkdocs-material"),
            "pagefind": PAGEFIND.split("==")[1],
            "Chromium": browser.version,
            "playwright": version("playwright"),
            "Python": platform.python_version(),
        }
        browser.close()
    data["machine"] = {
        "cores": os.cpu_count(),
        "load_before": " ".join(f"{x:.2f}" for x in load_before),
        "load_after": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }
    data["timing_queries"], data["first_runs"] = args.timing_queries, args.first_runs
    for approach, result in data["hits_and_bytes"].items():
        s = result["summary"]
        print(
            f"{approach}: ja hits@5 {s['ja']['hits@5']:.0%} hits@1 {s['ja']['hits@1']:.0%}, "
            f"en hits@5 {s['en']['hits@5']:.0%} hits@1 {s['en']['hits@1']:.0%}"
        )
    if args.no_write or len(wanted) < len(APPROACHES) or not args.pages:
        print("(partial run or --no-write: results files left as they are)")
        return 0
    write_results(data, queries)
    return 0


def write_results(data: dict, queries: dict) -> None:
    conclusion = RESULTS / "search-comparison.conclusion.md"  # the paragraph a person writes after reading the numbers
    if conclusion.exists():
        data["conclusion"] = conclusion.read_text("utf-8").strip()
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "search-comparison.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")
    text = report(data, queries)
    (RESULTS / "search-comparison.md").write_text(text, "utf-8")
    print(text)


if __name__ == "__main__":
    sys.exit(main())
