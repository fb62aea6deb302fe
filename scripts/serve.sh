#!/usr/bin/env bash
# One command to set up and serve the wiki locally with live reload.
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1  # Material 9.8 prints an end-of-life banner on every run
bash scripts/setup.sh
exec .venv/bin/mkdocs serve "$@"
