"""How similar are copies of one story, and unrelated articles? Sets byline's dedupe thresholds.

Reads the real article texts in ../shared/data/extraction-scrapinghub/ground-truth.json
(181 articles from many outlets) and measures the estimated Jaccard similarity
(MinHash, word 5-shingles, byline.corpus.dedupe) of:

* every pair of different articles (none are copies of each other);
* each article against edited copies, the edits a syndicating outlet makes:
  a paragraph added, a paragraph cut, the last third cut, two paragraphs added
  and one cut, every fifth sentence reworded.

It prints the distributions, the share of pairs above candidate thresholds,
and the LSH candidate rate for byline's banding. Run: python bench/dedupe_threshold.py
"""

from __future__ import annotations

import itertools
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from byline.corpus.dedupe import BANDS, ROWS, STORY_THRESHOLD, signature, similarity  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "extraction-scrapinghub" / "ground-truth.json"


def edits(body: list[str], other: list[str], rng: random.Random) -> dict[str, list[str]]:
    n = len(body)
    reworded = []
    for p in body:
        sentences = re.split(r"(?<=[.!?])\s+", p)
        reworded.append(" ".join(("Officials said that " + s.lower()) if i % 5 == 4 else s
                                 for i, s in enumerate(sentences)))
    return {
        "one paragraph added": body[: n // 2] + [other[0]] + body[n // 2:],
        "one paragraph cut": body[:1] + body[2:] if n > 2 else body,
        "last third cut": body[: max(1, (2 * n) // 3)],
        "two added, one cut": [other[0]] + body[:1] + body[2:] + [other[-1]],
        "every 5th sentence reworded": reworded,
    }


def lsh_probability(j: float) -> float:
    return 1 - (1 - j ** ROWS) ** BANDS


def main() -> int:
    if not DATA.exists():
        print(f"skipped: {DATA} not found (../shared/data is not beside this checkout)")
        return 0
    truth = json.loads(DATA.read_text())
    bodies = [[p.strip() for p in v["articleBody"].split("\n") if p.strip()] for v in truth.values()]
    bodies = [b for b in bodies if sum(len(p.split()) for p in b) >= 150 and len(b) >= 4]
    sigs = [signature(b)[0] for b in bodies]
    unrelated = sorted(similarity(a, b) for a, b in itertools.combinations(sigs, 2))
    rng = random.Random(7)
    copies: dict[str, list[float]] = {}
    for i, body in enumerate(bodies):
        other = bodies[(i + 1) % len(bodies)]
        for name, edited in edits(body, other, rng).items():
            copies.setdefault(name, []).append(similarity(sigs[i], signature(edited)[0]))

    def pct(values: list[float], q: float) -> float:
        return sorted(values)[min(len(values) - 1, int(q * len(values)))]

    print(f"{len(bodies)} articles (>= 150 words, >= 4 paragraphs); {len(unrelated)} unrelated pairs")
    print(f"MinHash {ROWS * BANDS} permutations, LSH {BANDS} bands x {ROWS} rows; story threshold {STORY_THRESHOLD}")
    print()
    print(f"{'pairs':32} {'min':>6} {'p1':>6} {'median':>7} {'p99':>6} {'max':>6} {'>=0.3':>7} {'>=0.5':>7} {'>=0.7':>7}")
    rows = [("unrelated articles", unrelated)] + list(copies.items())
    for name, values in rows:
        share = [sum(v >= t for v in values) / len(values) for t in (0.3, 0.5, 0.7)]
        print(f"{name:32} {min(values):6.3f} {pct(values, 0.01):6.3f} {pct(values, 0.5):7.3f} {pct(values, 0.99):6.3f} "
              f"{max(values):6.3f} {share[0]:7.1%} {share[1]:7.1%} {share[2]:7.1%}")
    print()
    print("P(LSH candidate) at Jaccard: " + ", ".join(f"{j}: {lsh_probability(j):.3f}" for j in (0.1, 0.2, 0.3, 0.5, 0.7)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
