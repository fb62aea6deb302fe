#!/usr/bin/env bash
# One command for the benchmarks: set up, then measure builds, page weight and search.
# Results land in benchmarks/results/ with the date.
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1
bash scripts/setup.sh --browser
.venv/bin/python benchmarks/build_bench.py "$@"
.venv/bin/python benchmarks/page_weight.py
.venv/bin/python benchmarks/search_compare.py
# Lighthouse (mobile performance), pinned, installed on demand: only the benchmark uses it
lighthouse_version=$(.venv/bin/python -c "import benchmarks.lighthouse_bench as b; print(b.LIGHTHOUSE_VERSION)" 2>/dev/null \
  || sed -n 's/^LIGHTHOUSE_VERSION = "\([^"]*\)".*/\1/p' benchmarks/lighthouse_bench.py)
if [ ! -x .cache/lighthouse/node_modules/.bin/lighthouse ]; then
  npm install --silent --no-audit --no-fund --prefix .cache/lighthouse "lighthouse@${lighthouse_version}"
fi
.venv/bin/python benchmarks/lighthouse_bench.py
.venv/bin/python benchmarks/contributor_timings.py
