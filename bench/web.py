"""Latency of `byline serve` on a large corpus: search, article, speaker and figure endpoints.

Builds (once, cached) a store of N articles (default 20,000): variants of the
web test fixtures (tests/fixtures/web/articles.json) spread over 60 outlets,
180 days, 3,000 speakers and 40 kinds of counted things (a long tail), each with a unique
paragraph of generated words so every article is distinct for search and
dedupe. The records go through the corpus writer (`prepare` + `Writer`, story
linking off: it is the ingest bench's subject, not this one's).

Then starts `byline serve` in its own process on a free loopback port and
drives it from this process with a bounded httpx client (a fixed number of
requests per endpoint, a few threads, a time cap), and prints p50/p95/max
latency per endpoint against the targets (p95 < 100 ms article and speaker,
< 300 ms search and figure).

    python bench/web.py                       # 20,000 articles, 400 requests per endpoint
    python bench/web.py --articles 5000 --requests 200 --db /tmp/web-bench.db
    python bench/web.py --threads 8           # a heavier load: 8 client threads

A cached store written by an older byline is migrated in place when first
opened (schema 5 builds its speaker and counts indexes in about a second).
To compare two versions, run each on its own copy of the store (``--db``).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

import httpx

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from byline.corpus import queries  # noqa: E402
from byline.corpus.ingest import Extracted, IngestReport, Writer, prepare  # noqa: E402
from byline.corpus.sources import InputItem  # noqa: E402
from byline.model import Article  # noqa: E402
from byline.store import open_store  # noqa: E402

_spec = importlib.util.spec_from_file_location("fixture_corpus", REPO / "tests" / "web" / "fixture_corpus.py")
fixture_corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fixture_corpus)

TARGETS_MS = {"search": 300, "article": 100, "speaker": 100, "figure": 300}
# What claims count: 40 kinds with a long tail (the most common is in ~8% of claims), so a
# figure query returns from tens to ~2,700 reports, as a month of news would.
COUNTS = ["people killed", "people displaced", "homes destroyed", "people missing", "people injured",
          "bridges closed", "jobs cut", "votes cast", "cases reported", "schools closed", "flights cancelled",
          "troops deployed", "homes without power", "arrests made", "patients treated", "tonnes of aid",
          "missile strikes", "vessels seized", "families evacuated", "roads closed", "shelters opened",
          "wells contaminated", "crops lost", "hectares burned", "buildings damaged", "rescue workers",
          "volunteers registered", "donations received", "trucks delivered", "children vaccinated",
          "tenants evicted", "councillors elected", "protesters detained", "ballots rejected", "beds available",
          "doctors hired", "nurses on strike", "miles of levee", "pumps installed", "generators shipped"]
COUNT_WEIGHTS = [1 / (rank + 6) for rank in range(len(COUNTS))]
FIGURE_QUERIES = ["killed", "displaced", "homes destroyed", "missing", "injured", "jobs cut", "vessels seized",
                  "children vaccinated", "levee", "generators"]
SYLLABLES = ["ka", "lo", "mer", "tis", "van", "dru", "pel", "sor", "mi", "qua", "ren", "bo", "est", "ul", "fan", "gri"]
FIRST = ["Ilse", "Tomas", "Maren", "Pieter", "Nadia", "Osk", "Lena", "Jonah", "Ruth", "Ines", "Marek", "Sade",
         "Hugo", "Priya", "Aled", "Noor", "Kofi", "Ada", "Emil", "Yara"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def build_store(db: Path, n: int, seed: int = 7) -> float:
    """Write n article variants into db; returns seconds taken."""
    rng = random.Random(seed)
    bases = [r for r in fixture_corpus.load_records() if "<script>" not in (r["headline"] or "")]
    vocabulary = [_word(rng) for _ in range(3000)]
    surnames = [_word(rng).capitalize() for _ in range(150)]
    names = [f"{f} {s}" for f in FIRST for s in surnames][:3000]
    descriptors = [f"a {w} official" for w in ("senior", "regional", "military", "hospital", "police", "rescue", "local", "government")]
    outlets = [(f"Outlet {i:02d} News", f"outlet{i:02d}.example") for i in range(60)]
    start = time.perf_counter()
    with open_store(db) as store:
        report = IngestReport()
        writer = Writer(store, report, link_stories=False)
        for i in range(n):
            base = json.loads(json.dumps(bases[i % len(bases)]))
            outlet, domain = outlets[rng.randrange(len(outlets))]
            day = 1 + rng.randrange(180)
            published = f"2026-{1 + (day - 1) // 30:02d}-{1 + (day - 1) % 28:02d}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:00+00:00"
            words = rng.sample(vocabulary, 40)
            base["body"].append(" ".join(words).capitalize() + ".")
            base["headline"] = f"{base['headline']} ({words[0]} {words[1]})"
            base["url"] = f"https://{domain}/2026/{i}/{words[0]}"
            base["publisher"] = outlet
            base["published"] = published
            for q in base["quotes"]:
                if q["speaker"].get("anonymous"):
                    q["speaker"]["descriptor"] = rng.choice(descriptors)
                elif q["speaker"].get("kind") == "person":
                    q["speaker"]["name"] = rng.choice(names)
                if rng.random() < 0.2:
                    q["via"] = rng.choice(outlets)[0]
            for c in base["claims"]:
                for qty in c["quantities"]:
                    qty["counts"] = rng.choices(COUNTS, COUNT_WEIGHTS)[0]
                    if qty["value"] is not None:
                        qty["value"] = rng.randint(1, 500)
            article = Article.from_dict(base)
            item = InputItem(f"bench-web-{seed}-{i}".encode(), f"bench#{i}", url=base["url"])
            writer.write(Extracted(prepare(article, item), 0.0, 0.0))
        writer.commit()
    return time.perf_counter() - start


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "byline", "serve", "--db", str(db), "--port", str(port)],
                               cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/status", timeout=2).status_code == 200:
                return process, base
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit(f"byline serve did not start: {process.stderr.read().decode()[-2000:]}")


def load(base: str, paths: list[str], threads: int, cap_seconds: float) -> tuple[list[float], int]:
    """GET every path once (threads share the list); returns latencies in ms and the error count."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    queue = list(reversed(paths))
    deadline = time.monotonic() + cap_seconds

    def worker() -> None:
        nonlocal errors
        with httpx.Client(base_url=base, timeout=10) as client:
            while time.monotonic() < deadline:
                with lock:
                    if not queue:
                        return
                    path = queue.pop()
                started = time.perf_counter()
                try:
                    ok = client.get(path).status_code == 200
                except httpx.HTTPError:
                    ok = False
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    latencies.append(elapsed)
                    errors += not ok

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return latencies, errors


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--requests", type=int, default=400, help="requests per endpoint (default 400)")
    parser.add_argument("--threads", type=int, default=4, help="client threads (default 4)")
    parser.add_argument("--cap", type=float, default=60.0, help="seconds at most per endpoint (default 60)")
    parser.add_argument("--db", type=Path, help="store to build or reuse (default: a cached file in the temp folder)")
    args = parser.parse_args()

    db = args.db or Path(tempfile.gettempdir()) / f"byline-web-bench-v2-{args.articles}.db"
    if db.exists():
        with open_store(db, readonly=True) as store:
            have = store.counts()["articles"]
        if have != args.articles:
            raise SystemExit(f"{db} holds {have} articles, not {args.articles}: delete it or pass another --db")
        print(f"reusing {db} ({have:,} articles)")
    else:
        print(f"building {db} with {args.articles:,} articles ...", flush=True)
        seconds = build_store(db, args.articles)
        print(f"built in {seconds:.0f} s")
    with open_store(db, readonly=True) as store:
        counts = store.counts()
        speakers = [s.key for s in store.speakers(query=None, limit=3000)]
    print("store: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))

    rng = random.Random(11)
    n = args.requests
    search_terms = ["flood", "rescue official", "\"death toll\"", "shelters", "Lindqvist", "helicopters", "rain",
                    "bridges", "water", "hospital", "Marrow Valley", "kalo*", "army", "villages"]
    rng2 = random.Random(7)
    search_terms += [_word(rng2) for _ in range(30)]
    terms = [rng.choice(search_terms) for _ in range(n)]
    ids = [rng.randint(1, counts["articles"]) for _ in range(n)]
    who = [rng.choice(speakers) for _ in range(n)]
    figures = [rng.choice(FIGURE_QUERIES) for _ in range(n)]
    # (HTTP paths, the same question asked of the query layer in this process, or None)
    workloads = {
        "search": ([f"/api/search?q={quote(t)}" for t in terms], lambda s, i: queries.search(s, terms[i])),
        "article": ([f"/api/articles/{a}" for a in ids], lambda s, i: [queries.get_article(s, ids[i])]),
        "speaker": ([f"/api/quotes?speaker={quote(w)}" for w in who], lambda s, i: queries.quotes(s, speaker=who[i])),
        "figure": ([f"/api/figures?counts={quote(f)}" for f in figures], lambda s, i: queries.figures(s, figures[i])),
        "article page (HTML)": ([f"/articles/{a}" for a in reversed(ids)], None),
        "speaker page (HTML)": ([f"/speaker?name={quote(w)}" for w in reversed(who)], None),
    }
    # The query layer alone, one thread, no HTTP: what the web layer adds is the difference.
    direct: dict[str, tuple[float, float]] = {}
    with open_store(db, readonly=True) as store:
        for name, (_, ask) in workloads.items():
            if ask is None:
                continue
            times, sizes = [], []
            for i in range(min(n, 50)):
                started = time.perf_counter()
                rows = ask(store, i)
                [r.to_dict() for r in rows if r is not None]
                times.append((time.perf_counter() - started) * 1000)
                sizes.append(len(rows))
            direct[name] = (statistics.median(times), statistics.mean(sizes))
    load_before = os.getloadavg()[0]
    process, base = start_server(db)
    try:
        for path in (workloads["search"][0][0], workloads["figure"][0][0]):  # warm the OS page cache once
            httpx.get(base + path, timeout=30)
        rows = []
        for name, (paths, _) in workloads.items():
            latencies, errors = load(base, paths, args.threads, args.cap)
            target = TARGETS_MS.get(name)
            p95 = percentile(latencies, 95)
            alone, size = direct.get(name, (None, None))
            rows.append((name, len(latencies), errors, percentile(latencies, 50), p95, max(latencies),
                         f"{alone:.1f}" if alone is not None else "-", f"{size:.0f}" if size is not None else "-",
                         f"{target}" if target else "-", ("yes" if p95 < target else "NO") if target else "-"))
    finally:
        process.terminate()
        process.wait(timeout=10)

    load_after = os.getloadavg()[0]
    print(f"\nbyline serve, {counts['articles']:,} articles, {args.threads} client threads, loopback, "
          f"{n} requests per endpoint; machine load average {load_before:.1f} before, {load_after:.1f} after "
          f"({os.cpu_count()} cores)\n")
    print("| endpoint | requests | errors | p50 ms | p95 ms | max ms | query alone p50 ms | rows per answer | target p95 ms | met |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for row in rows:
        name, count, errors, p50, p95, worst, alone, size, target, met = row
        print(f"| {name} | {count} | {errors} | {p50:.1f} | {p95:.1f} | {worst:.1f} | {alone} | {size} | {target} | {met} |")
    print("\n'query alone': the same questions asked of byline.corpus.queries in this process, one thread, "
          "no HTTP (includes to_dict()).")
    return 0 if all(r[2] == 0 for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
