#!/usr/bin/env bash
# Set up everything the tests need on a fresh machine, then run them.
# Idempotent: a second run reuses .venv and skips what is installed.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/setup.sh
setup_venv '[test]'

# Debian's Chromium drives the browser tests (Playwright's own browser download
# does not work offline). Installed when missing and we may use apt-get.
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "installing Debian's chromium for the browser tests..."
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

exec .venv/bin/python -m pytest "$@"
