#!/usr/bin/env bash
# Creates .venv (if needed) and installs Traction into it. Sourced by build.sh and test.sh.
# Usage: source scripts/setup.sh [extra]   e.g. "test" for the test tools.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  # Debian ships venv/ensurepip separately; Traction needs Python 3.11 or newer.
  as_root apt-get update -qq
  as_root apt-get install -y -qq python3 python3-venv python3-pip >/dev/null
fi
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
extra=${1:-}
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${extra:+[$extra]}"
