"""Attribution benchmark: byline vs textacy's direct_quotations on PolNeAR train, plus byline's own labelled set.

    python bench/attribution.py            # all 840 PolNeAR train texts (several minutes on one core)
    python bench/attribution.py --limit 80 # an evenly spaced subset, for quick iterations

Matching rule (from the data's FORMAT.md): lower-cased \\w+ tokens; a predicted
quote matches a gold attribution when the tokens they share are at least half
of the gold content's and at least half of the prediction's (one-to-one, best
pairs first). The speaker is right when the predicted mention shares a word
(other than a few function words) with the gold source; a gold attribution
without a source counts as right once matched. Direct = the gold content holds
a quote mark; a prediction of kind direct or mixed counts as direct.

Both systems read the same spaCy parse of each text: the words/second figures
are spaCy's bare parse, and parse + byline's attribution stage.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from byline.model import Article  # noqa: E402
from byline.attribution.quotes import find_quotes  # noqa: E402
from byline.nlp import parse_paragraphs  # noqa: E402

POLNEAR = REPO.parent / "shared" / "data" / "attribution-polnear-train" / "data" / "train"
LABELLED = REPO / "bench" / "labelled"
_WORD = re.compile(r"\w+")
_STOP = frozenset("a an the of and to in for on at s by with".split())
_QUOTE_MARKS = ('"', "“", "”", "''")  # '' is the double mark of some newsroom texts
_BLANK = re.compile(r"\n\s*\n")
ERRORS = "--errors" in sys.argv  # list every miss on stderr (to find error classes)


def words(text: str | None) -> list[str]:
    return _WORD.findall((text or "").lower())


# -- PolNeAR ---------------------------------------------------------------------------------


def read_gold(ann: Path, text: str) -> list[dict]:
    spans: dict[str, tuple[str, str]] = {}
    events = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tid, label_offsets, _ = (line.split("\t") + ["", ""])[:3]
            label, _, offsets = label_offsets.partition(" ")
            try:
                pieces = [tuple(int(x) for x in part.split()) for part in offsets.split(";")]
                spans[tid] = (label, " ".join(text[a:b] for a, b in pieces))
            except ValueError:
                continue  # a malformed line (no offsets): not part of an event
        elif line.startswith("E"):
            roles = dict(part.split(":", 1) for part in line.split("\t")[1].split())
            events.append(roles)
    gold = []
    for roles in events:
        content = spans.get(roles.get("Content", ""), ("", ""))[1]
        source = spans.get(roles["Source"], ("", ""))[1] if "Source" in roles else None
        cue = spans.get(roles.get("Cue", ""), ("", ""))[1]
        if content:
            gold.append({"content": content, "source": source, "cue": cue, "direct": any(m in content for m in _QUOTE_MARKS)})
    return gold


def polnear_docs(limit: int | None, offset: int = 0) -> list[tuple[str, str, list[dict]]]:
    texts = sorted((POLNEAR / "text").glob("*.txt"))
    if limit:
        step = max(1, len(texts) // limit)
        texts = texts[offset % step :: step][:limit]
    docs = []
    for path in texts:
        anns = sorted((POLNEAR / "attributions").glob(path.stem + "_*.ann"))
        if not anns:
            continue
        text = path.read_text(encoding="utf-8")
        docs.append((path.stem, text, read_gold(anns[0], text)))
    return docs


def match(preds: list[dict], golds: list[dict]) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index), best overlap first."""
    pairs = []
    gold_words = [Counter(words(g["content"])) for g in golds]
    for i, p in enumerate(preds):
        pw = Counter(words(p["text"]))
        np_ = sum(pw.values())
        if not np_:
            continue
        for j, gw in enumerate(gold_words):
            ng = sum(gw.values())
            if not ng:
                continue
            shared = sum((pw & gw).values())
            if shared * 2 >= ng and shared * 2 >= np_:
                pairs.append((min(shared / ng, shared / np_), i, j))
    pairs.sort(reverse=True)
    used_p, used_g, out = set(), set(), []
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def speaker_right(mention: str | None, source: str | None) -> bool:
    if source is None:
        return True
    return bool((set(words(mention)) - _STOP) & (set(words(source)) - _STOP))


class Score:
    def __init__(self) -> None:
        self.n_pred = self.n_gold = self.matched = self.speaker = 0

    def add(self, preds: list[dict], golds: list[dict]) -> None:
        self.n_pred += len(preds)
        self.n_gold += len(golds)
        for i, j in match(preds, golds):
            self.matched += 1
            self.speaker += speaker_right(preds[i]["mention"], golds[j]["source"])

    @staticmethod
    def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def row(self) -> tuple[float, ...]:
        dp, dr, df = self.prf(self.matched, self.n_pred, self.n_gold)
        sp = self.speaker / self.matched if self.matched else 0.0
        ep, er, ef = self.prf(self.speaker, self.n_pred, self.n_gold)
        return dp, dr, df, sp, ep, er, ef


def byline_preds(article: Article) -> list[dict]:
    return [{"text": q.text, "mention": q.speaker.mention, "direct": q.kind in ("direct", "mixed")} for q in article.quotes]


def polnear_units(found) -> list[dict]:
    """byline's quotes in PolNeAR's unit: PolNeAR labels a split quote ('"X," she said. "Y."') and its
    unattributed continuation paragraphs as ONE attribution with a discontinuous content; byline keeps one
    record per quoted stretch and marks the ones that continue the previous quote. Join those here."""
    units: list[dict] = []
    for f in found:
        q = f.quote
        if f.continues and units:
            units[-1]["text"] += " " + q.text
            continue
        units.append({"text": q.text, "mention": q.speaker.mention, "direct": q.kind in ("direct", "mixed")})
    return units


def textacy_preds(doc) -> list[dict]:
    from textacy.extract.triples import direct_quotations

    out = []
    for triple in direct_quotations(doc):
        content = " ".join(t.text for t in triple.content)
        out.append({"text": content, "mention": " ".join(t.text for t in triple.speaker), "direct": True})
    return out


def annotators():
    from byline.annotate import ANNOTATORS

    return {fn.__module__.rsplit(".", 1)[-1]: fn for fn in ANNOTATORS}


def run_polnear(limit: int | None, offset: int = 0) -> None:
    if not POLNEAR.exists():
        print(f"PolNeAR not found at {POLNEAR}; skipping the PolNeAR part")
        return
    from byline.nlp import load_nlp

    load_nlp()
    docs = polnear_docs(limit, offset)
    stages = annotators()
    scores = {(system, kind): Score() for system in ("byline", "textacy") for kind in ("direct", "indirect")}
    timing = Counter()
    n_words = 0
    textacy_errors = 0
    byline_errors = 0
    for name, text, gold in docs:
        body = [" ".join(p.split()) for p in _BLANK.split(text) if p.strip()]
        n_words += sum(len(p.split()) for p in body)
        article = Article(body=body)
        started = time.perf_counter()
        adoc = parse_paragraphs(body)
        timing["parse"] += time.perf_counter() - started
        found = []
        for stage, fn in stages.items():
            started = time.perf_counter()
            try:
                if stage == "quotes":  # the same work as annotate_quotes, keeping which quote continues which
                    found = find_quotes(article, adoc)
                    article.quotes = [f.quote for f in found]
                else:
                    fn(article, adoc)
            except Exception as exc:  # count, keep going: one article must not stop the bench
                if stage == "quotes":
                    byline_errors += 1
                    print(f"  byline error on {name}: {type(exc).__name__}: {exc}", file=sys.stderr)
            timing[stage] += time.perf_counter() - started
        try:
            theirs = textacy_preds(adoc.doc)
        except Exception:
            textacy_errors += 1
            theirs = []
        ours = polnear_units(found)
        if ERRORS:
            for kind, direct in (("direct", True), ("indirect", False)):
                g = [x for x in gold if x["direct"] == direct]
                pr = [p for p in ours if p["direct"] == direct]
                pairs = match(pr, g)
                for i, j in pairs:
                    if not speaker_right(pr[i]["mention"], g[j]["source"]):
                        print(f"[{kind} SPEAKER] {name}: got {pr[i]['mention']!r} want {g[j]['source']!r} :: {g[j]['content'][:70]!r}", file=sys.stderr)
                for j, x in enumerate(g):
                    if j not in {b for _, b in pairs}:
                        print(f"[{kind} MISSED] {name}: {x['source']!r} <{x['cue']}> :: {x['content'][:90]!r}", file=sys.stderr)
                for i, x in enumerate(pr):
                    if i not in {a for a, _ in pairs}:
                        print(f"[{kind} EXTRA] {name}: {x['mention']!r} :: {x['text'][:90]!r}", file=sys.stderr)
        for kind, direct in (("direct", True), ("indirect", False)):
            g = [x for x in gold if x["direct"] == direct]
            scores[("byline", kind)].add([p for p in ours if p["direct"] == direct], g)
            scores[("textacy", kind)].add([p for p in theirs if p["direct"] == direct], g)
    n_gold_direct = scores[("byline", "direct")].n_gold
    n_gold_indirect = scores[("byline", "indirect")].n_gold
    print(f"\nPolNeAR train: {len(docs)} articles, {n_words} words, gold {n_gold_direct} direct / {n_gold_indirect} indirect attributions")
    print(f"textacy raised on {textacy_errors} of {len(docs)} articles (counted as no output); byline raised on {byline_errors}")
    header = f"{'system':8} {'kind':9} {'det P':>6} {'det R':>6} {'det F1':>6} {'spk acc':>7} {'e2e P':>6} {'e2e R':>6} {'e2e F1':>6}"
    print(header)
    print("-" * len(header))
    for kind in ("direct", "indirect"):
        for system in ("byline", "textacy"):
            row = scores[(system, kind)].row()
            print(f"{system:8} {kind:9} " + " ".join(f"{v:6.3f}" if k != 3 else f"{v:7.3f}" for k, v in enumerate(row)))
    for kind in ("direct", "indirect"):
        ours, theirs = scores[("byline", kind)].row()[6], scores[("textacy", kind)].row()[6]
        ratio = f"{ours / theirs:.1f}x" if theirs else "n/a (textacy finds none)"
        print(f"end-to-end F1 ratio byline/textacy, {kind}: {ratio}")
    parse = timing["parse"]
    quotes = timing.get("quotes", 0.0)
    others = sum(v for k, v in timing.items() if k not in ("parse", "quotes"))
    print(f"\nspeed over {n_words} words:")
    print(f"  spaCy bare parse           {n_words / parse:8.0f} words/s")
    print(f"  parse + quotes             {n_words / (parse + quotes):8.0f} words/s   (quotes add {100 * quotes / parse:.1f}% to the parse)")
    print(f"  parse + times, entities, quotes, claims {n_words / (parse + quotes + others):8.0f} words/s   (all annotators add {100 * (quotes + others) / parse:.1f}%)")
    for stage in stages:
        print(f"    {stage:10} {100 * timing.get(stage, 0.0) / parse:5.1f}% of the parse")


# -- byline's own labelled set -------------------------------------------------------------------


def _norm(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value)
    text = " ".join(str(value).split()).strip(" ,.;:").lower()
    return text[4:] if text.startswith("the ") else text


ORIGINAL_SET = "original 40 (labelled before any run, then tuned on)"
LABEL_FIELDS = ["kind", "paragraph", "speaker.name", "speaker.mention", "speaker.descriptor", "speaker.anonymous",
                "speaker.kind", "cue", "via", "said_on"]


class LabelledScore:
    """Detection and per-field accuracy of byline's quotes against one group of labelled articles."""

    def __init__(self) -> None:
        self.articles = self.n_pred = self.n_gold = self.matched = 0
        self.right: Counter = Counter()

    def detection(self) -> tuple[float, float, float]:
        return Score.prf(self.matched, self.n_pred, self.n_gold)

    def accuracy(self, field: str) -> float:
        return self.right[field] / self.matched if self.matched else 0.0


def run_labelled(only_sets: list[str] | None = None) -> None:
    labels_path = LABELLED / "quotes.jsonl"
    if not labels_path.exists():
        print(f"\nno labelled set at {labels_path}")
        return
    import byline

    labels: dict[str, list[dict]] = {}
    for line in labels_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            labels.setdefault(record["article"], []).append(record)
    scores: dict[str, LabelledScore] = {"all": LabelledScore()}
    misses: list[str] = []
    for article_id, golds in sorted(labels.items()):
        group = golds[0].get("set", ORIGINAL_SET)
        if only_sets and group not in only_sets:
            continue
        article = byline.extract(LABELLED / "articles" / f"{article_id}.txt", plain=True)
        preds = [q.to_dict() for q in article.quotes]
        for p in preds:
            p["paragraph"] = p["paragraphs"][0]
        pairs = match(preds, [{"content": g["text"]} for g in golds])
        for score in (scores["all"], scores.setdefault(group, LabelledScore())):
            score.articles += 1
            score.n_pred += len(preds)
            score.n_gold += len(golds)
            score.matched += len(pairs)
        for j, g in enumerate(golds):
            if j not in {b for _, b in pairs}:
                misses.append(f"{article_id} p{g['paragraph']} MISSED {g['kind']}: {g['text'][:60]}")
        for i, p in enumerate(preds):
            if i not in {a for a, _ in pairs}:
                misses.append(f"{article_id} p{p['paragraph']} EXTRA {p['kind']}: {p['text'][:60]} <- {p['speaker']['mention']!r}")
        for i, j in pairs:
            p, g = preds[i], golds[j]
            for f in LABEL_FIELDS:
                if "." in f:
                    a, b = f.split(".")
                    pv, gv = p[a][b], g[a][b]
                else:
                    pv, gv = p[f], g[f]
                ok = _norm(pv) == _norm(gv)
                scores["all"].right[f] += ok
                scores[group].right[f] += ok
                if not ok and f != "paragraph":
                    misses.append(f"{article_id} p{g['paragraph']} {f}: got {pv!r}, want {gv!r}  [{g['text'][:40]}]")
    whole = scores["all"]
    p, r, f1 = whole.detection()
    print(f"\nbyline's labelled set: {whole.articles} articles, {whole.n_gold} labelled quotes, {whole.n_pred} predicted")
    print(f"detection: P {p:.3f}  R {r:.3f}  F1 {f1:.3f}   ({whole.matched} matched)")
    print("per-field accuracy over matched quotes:")
    for f in LABEL_FIELDS:
        print(f"  {f:20} {whole.accuracy(f):.3f}")
    groups = [g for g in scores if g != "all"]
    if len(groups) > 1:
        print("\nby set (blind sets: written and labelled by engineers who never saw byline's code or output, "
              "committed before any run):\n")
        print("| set | articles | quotes | detection F1 | " + " | ".join(LABEL_FIELDS) + " |")
        print("|---|---:|---:|---:|" + "---:|" * len(LABEL_FIELDS))
        for g in groups:
            score = scores[g]
            cells = " | ".join(f"{score.accuracy(f):.3f}" for f in LABEL_FIELDS)
            print(f"| {g} | {score.articles} | {score.n_gold} | {score.detection()[2]:.3f} | {cells} |")
    if misses and "--verbose" in sys.argv:
        print("\n".join(misses))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only N evenly spaced PolNeAR texts (quick iterations)")
    parser.add_argument("--offset", type=int, default=0, help="with --limit: start the even spacing at this text (another subset)")
    parser.add_argument("--skip-polnear", action="store_true")
    parser.add_argument("--skip-labelled", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="list the labelled-set field errors")
    parser.add_argument("--set", action="append", dest="sets", metavar="NAME",
                        help="score only this labelled set (repeatable), e.g. --set 'blind quotes 1'")
    parser.add_argument("--errors", action="store_true", help="list PolNeAR misses on stderr")
    args = parser.parse_args()
    if not args.skip_polnear:
        run_polnear(args.limit, args.offset)
    if not args.skip_labelled:
        run_labelled(args.sets)


if __name__ == "__main__":
    main()
