#!/usr/bin/env bash
# byline's main job on the sample pages it ships: set up, print the records,
# store them in ./byline.db (embedded SQLite, no server), show who is quoted,
# then serve the web UI on http://127.0.0.1:8000 (Ctrl-C to stop).
# BYLINE_DEMO_NO_SERVE=1 stops before the server (for scripts).
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/setup.sh
setup_venv ''
BYLINE=.venv/bin/byline
SAMPLES=(byline/samples/*.txt byline/samples/*.html)

echo "== byline extract: one record per sample page =="
"$BYLINE" extract "${SAMPLES[@]}"

echo
echo "== byline ingest: the samples into ./byline.db =="
"$BYLINE" ingest byline/samples --db byline.db
echo
"$BYLINE" quotes --db byline.db --limit 15 || true
echo
"$BYLINE" figures killed --db byline.db || true

if [ "${BYLINE_DEMO_NO_SERVE:-}" = 1 ]; then
  exit 0
fi
echo
echo "== byline serve: open http://127.0.0.1:8000 (Ctrl-C to stop) =="
exec "$BYLINE" serve --db byline.db
