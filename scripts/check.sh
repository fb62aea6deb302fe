#!/usr/bin/env bash
# The fast check for a content change (about a minute on 2 cores): the strict build with every data,
# link, lifecycle and translation check; textlint on the Japanese pages you changed; the unit tests
# without a browser. The full suite stays `bash scripts/test.sh` (and CI).
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1
bash scripts/setup.sh
status=0

echo "== strict build (links, glossary, lifecycle, sources, translations, data) =="
.venv/bin/mkdocs build --strict --quiet || status=1

base=$(git merge-base HEAD origin/main 2>/dev/null || git rev-parse HEAD)
mapfile -t changed < <( { git diff --name-only "$base" -- 'docs/ja/*.md'; git ls-files --others --exclude-standard -- 'docs/ja/*.md'; } | sort -u)
existing=()
for file in "${changed[@]}"; do [ -f "$file" ] && existing+=("$file"); done
if [ "${#existing[@]}" -gt 0 ]; then
  echo "== textlint: ${#existing[@]} changed Japanese page(s) =="
  .venv/bin/python -m wikitools.textlint_check "${existing[@]}" || status=1
else
  echo "== textlint: no Japanese page changed =="
fi

echo "== unit tests (no browser, no extra builds) =="
.venv/bin/python -m pytest -q -m "not browser and not build" -k "not japanese_pages_pass_textlint" -p no:cacheprovider || status=1

if [ "$status" -ne 0 ]; then
  echo "Some checks failed: each message above names the file and line, what is wrong and how to fix it."
else
  echo "All fast checks passed. The full suite (browser tests too) is: bash scripts/test.sh"
fi
exit "$status"
