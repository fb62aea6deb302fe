#!/usr/bin/env bash
# One command to set up and serve the wiki locally with live reload.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/mkdocs serve "$@"
