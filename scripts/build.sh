#!/usr/bin/env bash
# Set up, check the content and build the guide into site/.  `bash scripts/build.sh serve` previews it
# at http://127.0.0.1:8000/, rebuilding and reloading the browser when content, templates, figures or
# styles change (a broken edit keeps the last good site up).
set -euo pipefail
source "$(dirname "$0")/setup.sh"
if [ "${1:-}" = "serve" ]; then
  shift
  exec .venv/bin/traction serve "$@"
fi
exec .venv/bin/traction build "$@"
