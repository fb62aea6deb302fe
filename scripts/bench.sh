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
