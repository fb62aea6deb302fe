"""Opt-in online check of external links (never part of a normal build).

CI and many readers' networks are closed, so the build only checks that
URLs are well formed. This command fetches each distinct external URL found
in ``docs/`` and the glossary, with a timeout, a bounded number of parallel
requests and a cache of recent results, and prints a report.

Usage::

    python -m wikitools.external_links [--timeout 10] [--workers 8] [--max-age-hours 24]

Exit status: 0 when every URL answered below 400, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

from wikitools.links import source_links

CACHE = Path(".cache/external-links.json")
USER_AGENT = "aws-ml-wiki-link-checker/1.0 (+https://github.com/)"


def collect_urls(root: Path) -> dict[str, list[str]]:
    """External URL -> places ("file:line") that use it."""
    found: dict[str, list[str]] = {}
    for file in sorted((root / "docs").rglob("*.md")):
        label = file.relative_to(root).as_posix()
        for link in source_links(file.read_text(encoding="utf-8")):
            if link.target.startswith(("https://", "http://")):
                found.setdefault(link.target, []).append(f"{label}:{link.line}")
    terms = root / "glossary" / "terms.yml"
    if terms.exists():
        for term in yaml.safe_load(terms.read_text(encoding="utf-8")) or []:
            url = isinstance(term, dict) and term.get("docs_url")
            if url:
                found.setdefault(url, []).append(f"glossary/terms.yml:{term.get('id')}")
    return found


def check(url: str, timeout: float) -> tuple[int, str]:
    """(HTTP status or 0, note). HEAD first; some servers only answer GET."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, ""
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue
            return error.code, error.reason or ""
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            if method == "GET":
                return 0, str(getattr(error, "reason", error))
    return 0, "no answer"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--max-age-hours", type=float, default=24.0)
    parser.add_argument("--root", type=Path, default=Path.cwd())
    args = parser.parse_args(argv)

    urls = collect_urls(args.root)
    cache_path = args.root / CACHE
    cache = json.loads(cache_path.read_text("utf-8")) if cache_path.exists() else {}
    now = time.time()
    todo = [u for u in urls if now - cache.get(u, {}).get("checked", 0) > args.max_age_hours * 3600]
    with ThreadPoolExecutor(max_workers=max(1, args.workers)) as pool:
        for url, (status, note) in zip(todo, pool.map(lambda u: check(u, args.timeout), todo), strict=True):
            cache[url] = {"status": status, "note": note, "checked": now}
    cache_path.parent.mkdir(parents=True, exist_ok=True)
    cache_path.write_text(json.dumps(cache, indent=1, sort_keys=True), encoding="utf-8")

    broken = {u: cache[u] for u in urls if not 200 <= cache[u]["status"] < 400}
    print(
        f"external links: {len(urls)} distinct, {len(todo)} checked now, {len(urls) - len(todo)} from cache, "
        f"{len(broken)} broken"
    )
    for url, result in sorted(broken.items()):
        status = result["status"] or "no answer"
        print(f"  {status} {url} {result['note']}".rstrip())
        for place in urls[url][:5]:
            print(f"      used at {place}")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
