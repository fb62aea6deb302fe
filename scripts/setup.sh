#!/usr/bin/env bash
# Set everything up on a fresh machine that has Python 3 and apt: a virtual
# environment with the pinned packages, and (with --browser) Debian's Chromium
# for the browser tests. Safe to run again; it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.requirements.sha256
want=$(cat requirements.txt requirements-test.txt pyproject.toml | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  # requirements-test.txt includes requirements.txt, whose `-e .` installs wikitools (editable)
  .venv/bin/python -m pip install --quiet -r requirements-test.txt
  rm -f .venv/lib/python*/site-packages/aws_ml_wiki.pth  # the path file older set-ups wrote
  # packages older set-ups installed that the site no longer uses (mermaid2 was never enabled)
  .venv/bin/python -m pip uninstall --quiet --yes mkdocs-mermaid2-plugin jsbeautifier editorconfig \
    beautifulsoup4 soupsieve >/dev/null 2>&1 || true
  echo "$want" > "$stamp"
fi

# The SageMaker Python SDK that the pages' code targets, in its own environment (tests/test_snippets.py).
snip_stamp=.venv-snippets/.requirements.sha256
snip_want=$(sha256sum requirements-snippets.txt | cut -d' ' -f1)
if [ ! -f "$snip_stamp" ] || [ "$(cat "$snip_stamp")" != "$snip_want" ]; then
  [ -x .venv-snippets/bin/python ] || "$PY" -m venv .venv-snippets
  .venv-snippets/bin/python -m pip install --quiet -r requirements-snippets.txt
  echo "$snip_want" > "$snip_stamp"
fi

# textlint for the Japanese style gate (package-lock.json pins every package); Debian's npm if none.
if ! command -v npm >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
if command -v npm >/dev/null 2>&1; then
  npm_want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ ! -f node_modules/.lock.sha256 ] || [ "$(cat node_modules/.lock.sha256)" != "$npm_want" ]; then
    npm ci --silent --no-audit --no-fund
    echo "$npm_want" > node_modules/.lock.sha256
  fi
fi

if [ "${1:-}" = "--browser" ]; then
  # Debian's chromium for the browser tests (unless another browser is given or present), and
  # CJK fonts so Japanese pages render as readers see them (the site ships no web fonts).
  packages=""
  if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1 && ! command -v google-chrome >/dev/null 2>&1; then
    packages="chromium"
  fi
  if command -v fc-list >/dev/null 2>&1 && ! fc-list :lang=ja 2>/dev/null | grep -q .; then
    packages="$packages fonts-noto-cjk"
  fi
  if [ -n "$packages" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing $packages for the browser tests..."
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $packages >/dev/null
  fi
fi
