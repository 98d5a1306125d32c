"""Shared test helpers: paths to fixtures and to the optional ../shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
SHARED = REPO.parent / "shared"
SEED = SHARED / "seeds" / "000_134f4e71289e904c.txt"


@pytest.fixture
def seed_path() -> Path:
    """The founding page; tests that need it skip (saying why) when ../shared is absent."""
    if not SEED.exists():
        pytest.skip(f"seed page not found at {SEED} (../shared is not beside this checkout)")
    return SEED


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.exists():
        pytest.skip(f"{SHARED} is absent; this test reads the shared data")
    return SHARED
