"""Date parsing: byline's parse_date against dateparser and dateutil on the same strings.

The strings are generated here (random dates written in the forms news pages
use, each with its true value), so the benchmark needs no shared data:

    python bench/dates.py            # 10,000 strings
    python bench/dates.py --n 2000 --seed 7

It prints, per parser, the share of strings read to the right value (the same
instant for a zoned time, the same wall clock for a time without zone, the same
day for a date) and the time per call, with ratios to byline.
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from byline.extract.dates import parse_date

ZONES = {"EST": "America/New_York", "ET": "America/New_York", "PT": "America/Los_Angeles",
         "CT": "America/Chicago", "BST": "Europe/London", "CET": "Europe/Paris", "IST": "Asia/Kolkata",
         "JST": "Asia/Tokyo", "AEDT": "Australia/Sydney", "GMT": "UTC"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
AP_MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]


def _label(zone: str, moment: datetime) -> str:
    """The abbreviation a careful site would print for this zone on this date."""
    if zone in {"EST", "CET", "AEDT"}:
        return moment.tzname() or zone
    return zone


def _clock12(d: datetime, dotted: bool = False) -> str:
    suffix = ("a.m." if d.hour < 12 else "p.m.") if dotted else ("AM" if d.hour < 12 else "PM")
    return f"{(d.hour % 12) or 12}:{d.minute:02d} {suffix}"


def make_cases(n: int, seed: int) -> list[tuple[str, object, datetime]]:
    """(text, truth, reference) triples. truth: aware datetime, naive datetime or date."""
    rng = random.Random(seed)
    cases = []
    for _ in range(n):
        day = date(2018, 1, 1) + timedelta(days=rng.randrange(365 * 8))
        wall = datetime(day.year, day.month, day.day, rng.randrange(24), rng.randrange(60))
        zone = rng.choice(list(ZONES))
        aware = wall.replace(tzinfo=ZoneInfo(ZONES[zone]))
        reference = (aware + timedelta(hours=rng.randrange(1, 20))).replace(second=0)
        form = rng.randrange(11)
        if form == 0:
            text, truth = aware.isoformat(), aware
        elif form == 1:
            text, truth = day.isoformat(), day
        elif form == 2:
            text = aware.strftime("%a, %d %b %Y %H:%M:%S %z")
            truth = aware
        elif form == 3:
            text = f"{aware.strftime('%A')}, {day.day} {MONTHS[day.month - 1]} {day.year} {_clock12(aware)} {_label(zone, aware)}"
            truth = aware
        elif form == 4:
            text = f"Published {_clock12(aware, dotted=True)} {_label(zone, aware)} {AP_MONTHS[day.month - 1]} {day.day}, {day.year}"
            truth = aware
        elif form == 5:
            text, truth = f"{AP_MONTHS[day.month - 1]} {day.day}, {day.year}", day
        elif form == 6:
            # day-first with an unambiguous day (> 12)
            d2 = day.replace(day=rng.randrange(13, 29))
            text, truth = f"{d2.day:02d}/{d2.month:02d}/{d2.year}", d2
        elif form == 7:
            text, truth = f"{MONTHS[day.month - 1]} {day.day}, {day.year} at {_clock12(wall)}", wall
        elif form == 8:
            hours = rng.randrange(1, 12)
            text, truth = f"{hours} hours ago", reference - timedelta(hours=hours)
        elif form == 9:
            text = f"Updated {reference.hour:02d}:{reference.minute:02d}"
            truth = reference.replace(tzinfo=None)
        else:
            text, truth = f"{day.day} {MONTHS[day.month - 1][:3]} {day.year} {wall:%H:%M} GMT", wall.replace(tzinfo=ZoneInfo("UTC"))
        cases.append((text, truth, reference))
    return cases


def correct(value: object, truth: object) -> bool:
    if value is None:
        return False
    if isinstance(truth, datetime) and truth.tzinfo is not None:
        return (isinstance(value, datetime) and value.tzinfo is not None
                and value.astimezone(timezone.utc) == truth.astimezone(timezone.utc))
    if isinstance(truth, datetime):
        return isinstance(value, datetime) and value.replace(tzinfo=None) == truth
    day = value.date() if isinstance(value, datetime) else value
    return day == truth


def run_byline(cases):
    return [getattr(parse_date(t, reference=ref), "value", None) for t, _, ref in cases]


def run_dateparser(cases):
    import dateparser

    out = []
    for text, _, ref in cases:
        try:
            out.append(dateparser.parse(text, settings={"RELATIVE_BASE": ref.replace(tzinfo=None)}))
        except Exception:
            out.append(None)
    return out


def run_dateutil(cases):
    from dateutil import parser

    out = []
    for text, _, ref in cases:
        try:
            out.append(parser.parse(text, fuzzy=True, default=ref.replace(tzinfo=None, second=0)))
        except (ValueError, OverflowError):
            out.append(None)
    return out


def main() -> None:
    import warnings

    warnings.filterwarnings("ignore")
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=2025)
    args = ap.parse_args()
    cases = make_cases(args.n, args.seed)
    rows = []
    for name, runner in (("byline", run_byline), ("dateparser", run_dateparser), ("dateutil", run_dateutil)):
        runner(cases[:50])  # warm-up (imports, caches of the libraries' own)
        start = time.perf_counter()
        values = runner(cases)
        elapsed = time.perf_counter() - start
        right = sum(correct(v, truth) for v, (_, truth, _) in zip(values, cases))
        rows.append((name, right / len(cases), elapsed / len(cases) * 1e6))
    base_acc, base_us = rows[0][1], rows[0][2]
    print(f"{len(cases)} generated date strings (11 forms), seed {args.seed}")
    print(f"{'parser':<12}{'correct':>9}{'vs byline':>11}{'us/call':>10}{'x slower':>10}")
    for name, acc, us in rows:
        print(f"{name:<12}{acc:>9.3f}{acc / base_acc:>11.2f}{us:>10.1f}{us / base_us:>10.1f}")


if __name__ == "__main__":
    main()
