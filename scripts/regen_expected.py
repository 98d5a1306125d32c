"""Regenerate ``tests/fixtures/<kind>/<name>.expected.json`` from the current code.

Expectations are written by hand first; this script exists so that a change
in output shows up as a reviewable diff (``git diff tests/fixtures``), never
to accept output blindly. Only extraction fields are written (no quotes,
claims, entities or times: those have their own labelled sets).

    python scripts/regen_expected.py [tests/fixtures/text/foo.txt ...]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from byline import extract

ROOT = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
ANNOTATION_FIELDS = ("quotes", "claims", "entities", "times")
PAGE_SUFFIXES = (".html", ".htm", ".txt")


def expected_path(page: Path) -> Path:
    return page.with_name(page.name.split(".")[0] + ".expected.json")


def record_for(page: Path) -> dict:
    record = extract(page, annotate=False).to_dict()
    record["source_path"] = None
    for name in ANNOTATION_FIELDS:
        record.pop(name, None)
    return record


def main(paths: list[str]) -> int:
    pages = [Path(p) for p in paths] or sorted(
        p for p in ROOT.rglob("*") if p.suffix in PAGE_SUFFIXES and ".expected" not in p.name
    )
    for page in pages:
        out = expected_path(page)
        out.write_text(json.dumps(record_for(page), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
