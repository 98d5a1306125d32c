"""`kill -9` in the middle of an ingest, then the same command again: every article stored once, none lost."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

from corpus_helpers import numbered_page

PAGES = 1200


def count(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def children_of(token: str) -> list[int]:
    """Processes started by the ingest run marked with ``token`` (its fork server and workers carry the
    environment; once the ingest is killed they re-parent to init, so look them up by it)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/environ", "rb") as f:
                    if f"BYLINE_KILL_TEST={token}".encode() in f.read():
                        found.append(int(entry))
            except OSError:
                pass
    return found


def wait_for_orphans(token: str, seconds: float = 10.0) -> list[int]:
    deadline = time.monotonic() + seconds
    left: list[int] = []
    while time.monotonic() < deadline:
        left = children_of(token)
        if not left:
            return []
        time.sleep(0.2)
    return left


def test_kill_then_rerun_stores_every_article_once(tmp_path):
    source = tmp_path / "pages.jsonl"
    with open(source, "w") as f:
        for i in range(PAGES):
            url, page = numbered_page(i)
            f.write(json.dumps({"url": url, "html": page}) + "\n")
    db = tmp_path / "c.db"
    command = [sys.executable, "-m", "byline", "ingest", str(source), "--db", str(db), "--no-nlp", "--quiet",
               "--workers", "2"]
    token = uuid.uuid4().hex
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]), BYLINE_KILL_TEST=token)
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 240
        while count(db) < 100 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert proc.poll() is None, "ingest finished before it could be killed; raise PAGES"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert not wait_for_orphans(token), "pool workers outlived the killed ingest"
    partial = count(db)
    assert 0 < partial < PAGES

    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    conn = sqlite3.connect(db)
    total, distinct_urls = conn.execute("SELECT count(*), count(DISTINCT url) FROM articles").fetchone()
    fts = conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
    conn.close()
    assert total == distinct_urls == fts == PAGES
