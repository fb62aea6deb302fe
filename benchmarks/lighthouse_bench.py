"""Lighthouse (mobile) performance per page kind and language, served with gzip as GitHub Pages serves it.

Serves a built ``site/`` on 127.0.0.1 under the site's base path with gzip
compression, runs npm ``lighthouse`` (pinned; installed on demand into
.cache/lighthouse by scripts/bench.sh) with Debian's Chromium, and prints the
performance score and the main timings of each page kind. Results, with the
date, machine load and versions, go to benchmarks/results/lighthouse.{json,md}.

    .venv/bin/python benchmarks/lighthouse_bench.py [--site DIR]
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_site import run_conditions, site_or_build  # noqa: E402
from tests.conftest import site_url  # noqa: E402
from wikitools.browser import find_browser  # noqa: E402

LIGHTHOUSE_VERSION = "12.8.2"  # the newest line that runs on Debian's Node 20
LIGHTHOUSE = ROOT / ".cache" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
PAGES = {
    "home (ja)": "",
    "home (en)": "en/",
    "content page with diagrams (ja)": "mlops/mlops-levels/",
    "content page with diagrams (en)": "en/mlops/mlops-levels/",
    "glossary index (ja)": "glossary/",
    "glossary index (en)": "en/glossary/",
    "glossary category, largest (ja)": "glossary/sagemaker-build/",
    "glossary category, largest (en)": "en/glossary/sagemaker-build/",
    "practice page (ja)": "exam-guide/practice-mla-c01/",
    "404 (ja)": "404.html",
}


def serve(site: Path, base: str) -> tuple[http.server.ThreadingHTTPServer, int]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            return

        def do_GET(self) -> None:
            path = unquote(urlsplit(self.path).path)
            if not path.startswith(base):
                self.send_error(404)
                return
            rel = path[len(base) :]
            file = site / rel
            if file.is_dir():
                file = file / "index.html"
            status = 200
            if not file.is_file():
                file, status = site / "404.html", 404
            body = file.read_bytes()
            compressed = gzip.compress(body, compresslevel=6)
            kind = {
                ".html": "text/html; charset=utf-8",
                ".js": "text/javascript",
                ".css": "text/css",
                ".json": "application/json",
                ".svg": "image/svg+xml",
                ".png": "image/png",
            }.get(file.suffix, "application/octet-stream")
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(compressed)))
            self.send_header("Cache-Control", "max-age=600")
            self.end_headers()
            self.wfile.write(compressed)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_address[1]


def _measure(url: str, browser: str, tmp: Path, keep: Path | None, name: str, run: int) -> dict:
    """One Lighthouse run of one page: score and main timings (the full report kept if asked)."""
    out = tmp / "report.json"
    command = [
        str(LIGHTHOUSE),
        url,
        "--only-categories=performance",
        "--form-factor=mobile",
        "--output=json",
        f"--output-path={out}",
        "--quiet",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking"
        " --disable-component-update --disable-sync --no-first-run",
    ]
    subprocess.run(command, env={**os.environ, "CHROME_PATH": browser}, check=False, timeout=300)
    report = json.loads(out.read_text(encoding="utf-8"))
    if keep:
        keep.mkdir(parents=True, exist_ok=True)
        slug = "".join(c if c.isalnum() else "-" for c in name).strip("-")
        (keep / f"{slug}-{run + 1}.json").write_text(out.read_text(encoding="utf-8"), "utf-8")
    audits = report["audits"]
    return {
        "score": round(report["categories"]["performance"]["score"] * 100),
        "fcp_ms": round(audits["first-contentful-paint"]["numericValue"]),
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "transfer_kb": round(audits["total-byte-weight"]["numericValue"] / 1024, 1),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", type=Path)
    parser.add_argument("--keep", type=Path, help="also keep each full Lighthouse report (JSON) in this folder")
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median run is reported")
    parser.add_argument("--only", help="measure only the page kinds whose name contains this text")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print(
            f"lighthouse is not installed: run `npm install --prefix .cache/lighthouse lighthouse@{LIGHTHOUSE_VERSION}`"
            " (scripts/bench.sh does it)"
        )
        return 2
    browser = find_browser()
    if browser is None:
        print("no Chromium: install Debian's chromium or set CHROMIUM_PATH")
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        site = site_or_build(args.site, tmp)
        if site is None:
            return 1
        base = urlsplit(site_url()).path or "/"
        server, port = serve(site, base)
        results = {}
        try:
            for name, rel in PAGES.items():
                if args.only and args.only not in name:
                    continue
                url = f"http://127.0.0.1:{port}{base}{rel}"
                runs = [_measure(url, browser, Path(tmp), args.keep, name, n) for n in range(args.runs)]
                runs.sort(key=lambda r: r["score"])
                results[name] = {**runs[len(runs) // 2], "scores": [r["score"] for r in runs]}  # the median run
                print(f"{name}: {results[name]}")
        finally:
            server.shutdown()
    if args.only:
        return 0  # a partial run is for looking, not for the results file
    conditions = (
        "mobile form factor, Lighthouse's default simulated throttling, served locally with gzip level 6,"
        f" median of {args.runs} runs per page"
    )
    meta = {**run_conditions(browser, conditions), "lighthouse": LIGHTHOUSE_VERSION}
    out_dir = ROOT / "benchmarks" / "results"
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "lighthouse.json").write_text(json.dumps({"meta": meta, "pages": results}, indent=2) + "\n", "utf-8")
    rows = "\n".join(
        f"| {name} | {r['score']} | {', '.join(map(str, r['scores']))}"
        f" | {r['fcp_ms']} | {r['lcp_ms']} | {r['tbt_ms']} | {r['cls']} | {r['transfer_kb']} |"
        for name, r in results.items()
    )
    (out_dir / "lighthouse.md").write_text(
        "# Lighthouse (mobile performance)\n\n"
        f"Measured {meta['date']} with Lighthouse {meta['lighthouse']} and {meta['browser']}"
        f" on {meta['cores']} cores (load average {meta['load_average']:.2f}); {meta['conditions']}."
        " Written by `benchmarks/lighthouse_bench.py`.\n\n"
        "| page | performance (median) | all runs | FCP ms | LCP ms | TBT ms | CLS | transfer KB |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- |\n" + rows + "\n",
        "utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
