#!/usr/bin/env bash
# Set up, check the content and build the guide into site/.  `bash scripts/build.sh serve` previews it
# at http://127.0.0.1:8000/ and rebuilds when content/, site_assets/ or overrides/ change.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
if [ "${1:-}" = "serve" ]; then
  shift
  exec .venv/bin/mkdocs serve "$@"
fi
exec .venv/bin/traction build "$@"
