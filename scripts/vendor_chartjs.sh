#!/usr/bin/env bash
# Refresh the vendored Chart.js from the npm registry: scripts/vendor_chartjs.sh [VERSION]
set -euo pipefail
version="${1:-4.6.1}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "chart.js@${version}" >/dev/null && tar xzf chart.js-*.tgz)
dest="$repo/byline/web/static/vendor/chartjs"
mkdir -p "$dest"
cp "$work/package/dist/chart.umd.min.js" "$work/package/LICENSE.md" "$dest/"
head -c 120 "$dest/chart.umd.min.js"; echo
echo "vendored chart.js ${version} into ${dest}"
