#!/usr/bin/env bash
# One command to set up and run every check: lint, the strict build (inside
# the tests), unit tests and the browser tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1  # Material 9.8 prints an end-of-life banner on every run
bash scripts/setup.sh --browser
.venv/bin/ruff check wikitools hooks tests scripts benchmarks
# Two workers on a 2-core machine (pytest-xdist): the browser, build and e2e tests overlap.
exec .venv/bin/python -m pytest -n "${PYTEST_WORKERS:-auto}" "$@"
