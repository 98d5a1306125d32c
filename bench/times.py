"""Time expressions: byline's annotate_times against dateparser's search_dates on the labelled set.

    python bench/times.py

Reads the hand-labelled times in ``bench/labelled/claims.jsonl`` (articles in
``bench/labelled/articles``), runs both systems on the same article bodies
with the same publication date, and prints precision, recall and F1 of
(paragraph, text, resolved). For fairness both systems' texts are compared
without a leading preposition or "early"/"late", and dateparser's datetimes
are cut to the precision of the label they are compared with (day, month, year).
"""

from __future__ import annotations

import json
import re
import time
import warnings
from collections import defaultdict
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELS = HERE / "labelled" / "claims.jsonl"
ARTICLES = HERE / "labelled" / "articles"
_LEAD = re.compile(r"^(?:on|in|at|since|until|by|during|from|of|early|late|earlier|later)\s+", re.IGNORECASE)


def norm(text: str) -> str:
    return _LEAD.sub("", " ".join(text.split())).strip(" ,.")


def load_gold() -> tuple[list[str], dict[str, set[tuple[int, str, str]]]]:
    articles, gold = [], defaultdict(set)
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["type"] == "article" and "times" in row.get("labelled", []):
            articles.append(row["article"])
        elif row["type"] == "time":
            gold[row["article"]].add((row["paragraph"], norm(row["text"]), row["resolved"]))
    return articles, gold


def byline_times(article) -> set[tuple[int, str, str | None]]:
    from byline.attribution.times import annotate_times
    from byline.nlp import parse_paragraphs

    annotate_times(article, parse_paragraphs(article.body))
    return {(t.paragraph, norm(t.text), t.resolved) for t in article.times}


def dateparser_times(article, gold: set[tuple[int, str, str]]) -> set[tuple[int, str, str | None]]:
    from dateparser.search import search_dates

    from byline.extract.dates import parse_date

    base = parse_date(article.published).value
    base = datetime(base.year, base.month, base.day, 12) if not isinstance(base, datetime) else base.replace(tzinfo=None)
    precision = {(p, t): len(r) for p, t, r in gold}
    out = set()
    for index, paragraph in enumerate(article.body):
        try:
            found = search_dates(paragraph, languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}) or []
        except Exception:
            found = []
        for text, value in found:
            key = norm(text)
            width = precision.get((index, key), 10)
            out.add((index, key, value.date().isoformat()[:width]))
    return out


def score(got: set, want: set) -> tuple[float, float, float]:
    tp = len(got & want)
    p = tp / len(got) if got else 0.0
    r = tp / len(want) if want else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    warnings.filterwarnings("ignore")
    from byline import extract

    if not LABELS.exists():
        raise SystemExit(f"{LABELS} is absent: the labelled set ships with the repository")
    articles, gold = load_gold()
    from byline.nlp import load_nlp
    from dateparser.search import search_dates

    load_nlp()("Warm-up.")  # model load is not per-article work
    search_dates("on Monday", languages=["en"])
    totals = {"byline": [set(), 0.0], "dateparser": [set(), 0.0]}
    want: set = set()
    for name in articles:
        article = extract(ARTICLES / f"{name}.txt", plain=True, annotate=False)
        want |= {(name, *g) for g in gold[name]}
        start = time.perf_counter()
        totals["byline"][0] |= {(name, *t) for t in byline_times(article)}
        totals["byline"][1] += time.perf_counter() - start
        start = time.perf_counter()
        totals["dateparser"][0] |= {(name, *t) for t in dateparser_times(article, gold[name])}
        totals["dateparser"][1] += time.perf_counter() - start
    print(f"{len(articles)} labelled articles, {len(want)} labelled times (exact paragraph, text, resolved)")
    print(f"{'system':<22}{'P':>7}{'R':>7}{'F1':>7}{'ms/article':>12}")
    base_f1 = None
    for name, (got, seconds) in totals.items():
        p, r, f1 = score(got, want)
        base_f1 = base_f1 or f1
        label = "byline" if name == "byline" else "dateparser.search_dates"
        print(f"{label:<22}{p:>7.3f}{r:>7.3f}{f1:>7.3f}{seconds / len(articles) * 1000:>12.1f}")
    print("byline's time includes the spaCy parse of the body; in the pipeline that parse is shared by all annotators.")


if __name__ == "__main__":
    main()
