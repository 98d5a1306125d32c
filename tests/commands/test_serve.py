"""`byline serve` as a user runs it: a real subprocess on a free loopback port."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
HOSTILE_PAGE = REPO / "tests" / "fixtures" / "web" / "hostile_page.html"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "byline", "serve", *args], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait(process: subprocess.Popen, url: str, seconds: float = 90) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"byline serve exited {process.returncode}: {process.stderr.read()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return json.load(response)
        except OSError:
            time.sleep(0.2)
    process.kill()
    pytest.fail("byline serve did not answer in time")


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def test_serve_samples_ingests_an_empty_store_then_serves_it(tmp_path: Path) -> None:
    samples = tmp_path / "samples"
    samples.mkdir()
    shutil.copy(HOSTILE_PAGE, samples / "convoy.html")
    db = tmp_path / "corpus.db"
    port = _free_port()
    process = _serve("--db", str(db), "--port", str(port), "--samples", str(samples))
    try:
        status = _wait(process, f"http://127.0.0.1:{port}/api/status")
        assert status == {"articles": 1, "allow_ingest": False, "samples_available": True}
        # answers only to loopback names (no DNS rebinding), and refuses writes
        request = urllib.request.Request(f"http://127.0.0.1:{port}/api/status", headers={"Host": "evil.example"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=5)
        assert refused.value.code == 400
        post = urllib.request.Request(f"http://127.0.0.1:{port}/api/ingest/samples", data=b"", method="POST")
        with pytest.raises(urllib.error.HTTPError) as forbidden:
            urllib.request.urlopen(post, timeout=5)
        assert forbidden.value.code == 403
    finally:
        _stop(process)
    assert "1 articles stored, 0 errors" in process.stderr.read()


def test_serve_reports_a_taken_port_and_a_bad_store_in_one_line(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "byline", "serve", "--db", str(tmp_path / "x.db"), "--port", str(port)],
                                cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.startswith(f"byline: cannot listen on 127.0.0.1:{port}:") and "Traceback" not in result.stderr
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"this is not a database" * 100)
    result = subprocess.run([sys.executable, "-m", "byline", "serve", "--db", str(corrupt), "--port", str(_free_port())],
                            cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert str(corrupt) in result.stderr and "Traceback" not in result.stderr
