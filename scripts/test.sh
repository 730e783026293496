#!/usr/bin/env bash
# Set up (Python packages and Debian's chromium for the browser tests) and run every test.
# Extra arguments go to pytest, e.g. `bash scripts/test.sh tests/unit -q`.
set -euo pipefail
source "$(dirname "$0")/setup.sh" test
if ! command -v chromium >/dev/null 2>&1; then
  as_root apt-get update -qq
  as_root apt-get install -y -qq chromium >/dev/null
fi
# Lint (with import order) and type check first: both are quick and name the line to fix.
.venv/bin/ruff check generator tests scripts bench
.venv/bin/mypy
exec .venv/bin/python -m pytest "$@"
