"""Ingest the bundled sample pages (``byline serve --samples`` and the home page button).

The corpus engineer's :func:`byline.corpus.ingest_paths` does the work; this
only points it at the samples and reports in plain JSON types.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def ingest_samples(db: str, samples_dir: Path, *, workers: int = 1) -> dict[str, Any]:
    """Ingest every page under ``samples_dir`` into ``db``; safe to repeat (nothing is added twice)."""
    from byline.corpus import ingest_paths

    report = ingest_paths([str(samples_dir)], db, workers=workers)
    return report.to_dict()
