#!/usr/bin/env bash
# One command to set up and run every check: lint, the strict build (inside
# the tests), unit tests and the browser tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
.venv/bin/ruff check wikitools hooks tests scripts benchmarks
exec .venv/bin/python -m pytest "$@"
