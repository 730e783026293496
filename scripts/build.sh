#!/usr/bin/env bash
# Set up, check the content and build the guide into site/.  `bash scripts/build.sh serve` previews it
# at http://127.0.0.1:8000/, rebuilding and reloading the browser when content, templates, figures or
# styles change (a broken edit keeps the last good site up). Other arguments go to `traction build`,
# e.g. --offline, or --card-pdfs (which also installs Playwright and Debian's chromium).
set -euo pipefail
extra=""
for argument in "$@"; do
  if [ "$argument" = "--card-pdfs" ]; then extra=pdf; fi
done
source "$(dirname "$0")/setup.sh" "$extra"
if [ -n "$extra" ] && ! command -v chromium >/dev/null 2>&1; then
  as_root apt-get update -qq
  as_root apt-get install -y -qq chromium >/dev/null
fi
if [ "${1:-}" = "serve" ]; then
  shift
  exec .venv/bin/traction serve "$@"
fi
exec .venv/bin/traction build "$@"
