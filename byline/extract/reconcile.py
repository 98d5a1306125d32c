"""Reconcile the dates one page states (JSON-LD, meta, <time>, visible text, URL,
metadata block, feed) into one ``published`` and one ``modified`` value.

The rule (also in docs/decisions.md):

1. Parse every candidate. A candidate that does not parse is checked against
   the ones that did for the known CMS formatting bugs (minutes written where
   the month belongs, day and month swapped, day-of-year written where the day
   belongs) and repaired when the evidence is there; otherwise it is reported.
2. For each role the winner is the most PRECISE candidate (time and zone >
   time without zone > date alone; a 00:00:00 placeholder counts as a date
   alone when another candidate gives a real time that day), ties broken by
   the most TRUSTED source (:data:`TRUST`). Candidates in the future of the
   reference time (given, else a WARC fetch time among the candidates, else
   now) lose to any that are not. URL dates only confirm: they win
   only when nothing else states a date. A WARC fetch time never wins.
3. Every other candidate must agree with the winner (same instant; same wall
   clock for a time without zone; same calendar day, local or UTC, for a
   date alone). A disagreement is an anomaly naming both and the winner.
4. ``published`` must not be after ``modified``: if it is, ``modified`` is
   dropped and reported.

Every repair, conflict, ambiguity and suspicious value is an :class:`Anomaly`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from byline.extract.dates import ParsedDate, parse_date
from byline.model import Anomaly

__all__ = ["DateCandidate", "reconcile_dates", "TRUST"]

#: Source trust, higher wins among equally precise candidates.
TRUST = {
    "json-ld": 7, "meta": 6, "time-tag": 5, "byline-line": 5, "visible": 4, "feed": 4,
    "metadata-block": 3, "url": 1, "warc": 0,
}
_CONFIRM_ONLY = {"url", "warc"}
_RELATIVE_HINT = re.compile(r"\b(ago|yesterday|today|now)\b", re.IGNORECASE)
_YMD_LIKE = re.compile(r"(?<!\d)(\d{4})([-/.])(\d{1,3})\2(\d{1,3})(?!\d)")


@dataclass
class DateCandidate:
    source: str  # "json-ld", "meta", "time-tag", "visible", "url", "metadata-block", "feed", "warc", "byline-line"
    raw: str
    role: str = "published"  # or "modified"


@dataclass
class _Parsed:
    candidate: DateCandidate
    parsed: ParsedDate
    index: int
    repaired: bool = False

    @property
    def source(self) -> str:
        return self.candidate.source


def reconcile_dates(
    candidates: list[DateCandidate], *, reference: datetime | None = None, day_first: bool | None = None
) -> tuple[str | None, str | None, list[Anomaly]]:
    """-> (published ISO, modified ISO, anomalies). See the module docstring for the rule."""
    anomalies: list[Anomaly] = []
    if reference is None:
        reference = _fetch_time(candidates)  # a WARC fetch time anchors "2 hours ago" and the future check
    published = _reconcile_role("published", candidates, reference, day_first, None, anomalies)
    anchor = _as_datetime(published.parsed) if published else reference
    modified = _reconcile_role("modified", candidates, reference, day_first, anchor, anomalies)
    if published and modified and _later(published.parsed, modified.parsed):
        anomalies.append(Anomaly(
            field="modified", raw=modified.candidate.raw,
            problem=(f"modified ({modified.parsed.iso()}, from {modified.source}) is earlier than published "
                     f"({published.parsed.iso()}, from {published.source}); a page cannot be modified before "
                     "it is published, so modified was dropped"),
            repaired=None,
        ))
        modified = None
    published_iso = _record_iso("published", published, anomalies)
    modified_iso = _record_iso("modified", modified, anomalies)
    unique = list({(a.field, a.raw, a.problem, a.repaired): a for a in anomalies}.values())  # a value repeated on the page
    return published_iso, modified_iso, unique


def _record_iso(role: str, winner: "_Parsed | None", anomalies: list[Anomaly]) -> str | None:
    """The record holds an instant with its UTC offset, or a date alone.

    A clock time without a zone is not an instant: guessing the zone from the
    outlet's country would be wrong for every wire copy, so the record keeps
    the date and an anomaly keeps the local time as written.
    """
    if winner is None:
        return None
    parsed = winner.parsed
    if parsed.has_time and isinstance(parsed.value, datetime) and parsed.value.tzinfo is None:
        day = parsed.value.date().isoformat()
        anomalies.append(Anomaly(
            field=role, raw=winner.candidate.raw,
            problem=(f"the page gives the time {parsed.value.strftime('%H:%M')} without a time zone "
                     f"({winner.source}); the record keeps the date only"),
            repaired=day,
        ))
        return day
    return parsed.iso()


def _reconcile_role(
    role: str,
    candidates: list[DateCandidate],
    reference: datetime | None,
    day_first: bool | None,
    anchor: datetime | None,
    anomalies: list[Anomaly],
) -> _Parsed | None:
    mine = [(i, c) for i, c in enumerate(candidates) if c.role == role and c.raw and c.raw.strip()]
    if not mine:
        return None
    parsed: list[_Parsed] = []
    failed: list[tuple[int, DateCandidate]] = []
    for i, c in mine:
        p = parse_date(c.raw, day_first=day_first)
        if p is None:
            failed.append((i, c))
        else:
            parsed.append(_Parsed(c, p, i))
    # Relative forms against the reference; a time alone on the publication day (or the reference's).
    still: list[tuple[int, DateCandidate]] = []
    for i, c in failed:
        base = reference if _RELATIVE_HINT.search(c.raw) else (anchor or _best_datetime(parsed) or reference)
        p = parse_date(c.raw, reference=base, day_first=day_first) if base is not None else None
        if p is None:
            still.append((i, c))
        else:
            parsed.append(_Parsed(c, p, i))
    for i, c in still:
        repair = _repair(c, parsed, role, anomalies)
        if repair is not None:
            parsed.append(_Parsed(c, repair, i, repaired=True))
        else:
            why = ("a relative date with no reference time to count from"
                   if _RELATIVE_HINT.search(c.raw) else "not a date byline can read")
            anomalies.append(Anomaly(field=role, raw=c.raw, problem=f"{c.source} date {c.raw!r} ignored: {why}"))
    if not parsed:
        return None

    _settle_ambiguous(parsed)
    for p in parsed:
        if _precision(p, parsed) == 1 and p.parsed.has_time:
            # a 00:00:00 placeholder next to a real time that day: it only states the date
            p.parsed = ParsedDate(p.parsed.raw, p.parsed.day, has_time=False, tz_known=False, notes=p.parsed.notes)
    now = reference or datetime.now(timezone.utc)
    future = {id(p) for p in parsed if _in_future(p.parsed, now)}
    for p in parsed:
        if id(p) in future:
            anomalies.append(Anomaly(
                field=role, raw=p.candidate.raw,
                problem=(f"{p.source} date {p.parsed.iso()} is in the future of the reference time "
                         f"{now.replace(microsecond=0).isoformat()}; treated as suspicious"),
            ))
    usable = [p for p in parsed if p.source not in _CONFIRM_ONLY] or [p for p in parsed if p.source != "warc"]
    if not usable:
        return None
    winner = max(usable, key=lambda p: (id(p) not in future, _precision(p, parsed), TRUST.get(p.source, 2), -p.index))

    for note in winner.parsed.notes:
        anomalies.append(Anomaly(field=role, raw=winner.candidate.raw, problem=note, repaired=winner.parsed.iso()))
    if winner.parsed.ambiguous:
        anomalies.append(Anomaly(
            field=role, raw=winner.candidate.raw,
            problem=("day/month order is ambiguous and nothing on the page settles it; "
                     f"read as month/day ({winner.parsed.iso()})"),
            repaired=winner.parsed.iso(),
        ))
    for p in parsed:
        if p is winner or p.repaired or p.source == "warc" or _agree(p.parsed, winner.parsed):
            continue
        problem, repaired = _conflict(p, winner)
        anomalies.append(Anomaly(field=role, raw=p.candidate.raw, problem=problem, repaired=repaired))
    return winner


# --- repairs -----------------------------------------------------------------------------------


def _repair(c: DateCandidate, parsed: list[_Parsed], role: str, anomalies: list[Anomaly]) -> ParsedDate | None:
    """Known CMS format bugs in a yyyy-mm-dd value, confirmed by the page's other dates."""
    m = _YMD_LIKE.search(c.raw)
    if not m:
        return None
    year, month, day = int(m.group(1)), int(m.group(3)), int(m.group(4))
    timed = [p for p in parsed if p.parsed.has_time and isinstance(p.parsed.value, datetime)]
    # Minutes (mm / PHP "i") where the month (MM / "m") belongs.
    for p in timed:
        v = p.parsed.value
        if v.year == year and v.day == day and v.minute == month:
            fixed = date(year, v.month, day)
            anomalies.append(Anomaly(
                field=role, raw=c.raw,
                problem=(f"{c.source} date {c.raw!r} has {month} where the month belongs, and {month} is the "
                         f"minute of the {v.strftime('%I:%M %p')} time in {p.source} {p.candidate.raw!r} on the "
                         "same year and day: the CMS formatted minutes (mm) in the month's place; "
                         f"month taken from that timestamp"),
                repaired=fixed.isoformat(),
            ))
            return ParsedDate(c.raw, fixed, has_time=False, tz_known=False)
    # Day-of-year (Java "DD") where the day of month belongs.
    if day > 31 and day <= 366:
        try:
            fixed = date(year, 1, 1) + timedelta(days=day - 1)
        except OverflowError:
            fixed = None
        if fixed is not None and fixed.year == year and fixed.month == month:
            confirmed = [p for p in parsed if p.parsed.day == fixed]
            anomalies.append(Anomaly(
                field=role, raw=c.raw,
                problem=(f"{c.source} date {c.raw!r} has {day} where the day belongs: that is the day of the year "
                         f"(Java 'DD' for 'dd'), i.e. {fixed.isoformat()}"
                         + (f", which {confirmed[0].source} confirms" if confirmed else "")),
                repaired=fixed.isoformat(),
            ))
            return ParsedDate(c.raw, fixed, has_time=False, tz_known=False)
    # Day and month swapped (yyyy-dd-mm).
    if month > 12 and 1 <= day <= 12:
        try:
            fixed = date(year, day, month)
        except ValueError:
            return None
        confirmed = [p for p in parsed if p.parsed.day == fixed]
        anomalies.append(Anomaly(
            field=role, raw=c.raw,
            problem=(f"{c.source} date {c.raw!r} has {month} where the month belongs; read as year-day-month "
                     "(day and month swapped)"
                     + (f", which {confirmed[0].source} confirms" if confirmed else ", unconfirmed by any other date on the page")),
            repaired=fixed.isoformat(),
        ))
        return ParsedDate(c.raw, fixed, has_time=False, tz_known=False)
    return None


def _settle_ambiguous(parsed: list[_Parsed]) -> None:
    """An ambiguous 03/04/2025 takes the reading another candidate on the page confirms."""
    firm = [p.parsed.day for p in parsed if not p.parsed.ambiguous]
    for p in parsed:
        if not p.parsed.ambiguous:
            continue
        d = p.parsed.day
        if d in firm:
            p.parsed.ambiguous = False
            continue
        try:
            swapped = d.replace(month=d.day, day=d.month)
        except ValueError:
            continue
        if swapped in firm:
            value = p.parsed.value
            p.parsed.value = value.replace(month=swapped.month, day=swapped.day) if isinstance(value, datetime) else swapped
            p.parsed.ambiguous = False


# --- comparisons -------------------------------------------------------------------------------


def _precision(p: _Parsed, everyone: list[_Parsed]) -> int:
    v = p.parsed.value
    if not p.parsed.has_time or not isinstance(v, datetime):
        return 1
    if (v.hour, v.minute, v.second) == (0, 0, 0) and any(
        q.parsed.has_time and isinstance(q.parsed.value, datetime)
        and (q.parsed.value.hour, q.parsed.value.minute) != (0, 0) and q.parsed.day == p.parsed.day
        for q in everyone
    ):
        return 1  # a midnight placeholder next to a real time that day
    return 3 if v.tzinfo is not None else 2


def _utc_day(p: ParsedDate) -> date | None:
    v = p.value
    if isinstance(v, datetime) and v.tzinfo is not None:
        return v.astimezone(timezone.utc).date()
    return None


def _agree(a: ParsedDate, b: ParsedDate) -> bool:
    """Same instant / wall clock / day, at the precision both share."""
    va, vb = a.value, b.value
    if a.has_time and b.has_time and isinstance(va, datetime) and isinstance(vb, datetime):
        if va.tzinfo is not None and vb.tzinfo is not None:
            return abs((va - vb).total_seconds()) < 60
        wall_a, wall_b = va.replace(tzinfo=None), vb.replace(tzinfo=None)
        if abs((wall_a - wall_b).total_seconds()) < 60:
            return True
        aware = va if va.tzinfo is not None else vb if vb.tzinfo is not None else None
        naive = wall_b if aware is va else wall_a
        if aware is not None:  # a naive value that is really UTC
            return abs((aware.astimezone(timezone.utc).replace(tzinfo=None) - naive).total_seconds()) < 60
        return False
    days_a = {a.day, _utc_day(a)}
    days_b = {b.day, _utc_day(b)}
    return bool((days_a & days_b) - {None})


def _as_datetime(p: ParsedDate) -> datetime:
    v = p.value
    return v if isinstance(v, datetime) else datetime(v.year, v.month, v.day)


def _later(a: ParsedDate, b: ParsedDate) -> bool:
    """Is ``a`` strictly later than ``b``? Compared at the precision both share."""
    if _agree(a, b):
        return False
    va, vb = a.value, b.value
    if a.has_time and b.has_time and isinstance(va, datetime) and isinstance(vb, datetime):
        if (va.tzinfo is None) == (vb.tzinfo is None):
            return va > vb
        return va.replace(tzinfo=None) > vb.replace(tzinfo=None)
    return a.day > b.day


def _in_future(p: ParsedDate, now: datetime) -> bool:
    v = p.value
    if isinstance(v, datetime) and v.tzinfo is not None and now.tzinfo is not None:
        return v - now > timedelta(hours=1)
    if isinstance(v, datetime):
        wall_now = now.replace(tzinfo=None)
        return v - wall_now > timedelta(hours=15)  # the zone is unknown: allow any offset
    return v > now.date() + timedelta(days=1)


def _conflict(p: _Parsed, winner: _Parsed) -> tuple[str, str]:
    """The anomaly text for a candidate that disagrees with the winner, and the value used instead."""
    why = (
        "more precise" if _precision(winner, [winner]) > _precision(p, [p])
        else "more trusted source" if TRUST.get(winner.source, 2) > TRUST.get(p.source, 2)
        else "stated first"
    )
    text = (f"{p.source} date {p.parsed.iso()} disagrees with {winner.source} date {winner.parsed.iso()}; "
            f"kept {winner.source} ({why})")
    repaired = winner.parsed.iso()
    a, w = p.parsed.day, winner.parsed.day
    if isinstance(winner.parsed.value, datetime) and winner.parsed.has_time:
        if a.year == w.year and a.day == w.day and a.month == winner.parsed.value.minute:
            text += ("; its month equals the minute of the winning time: the CMS formatted minutes (mm) "
                     "where the month belongs")
            if not p.parsed.has_time:
                repaired = w.isoformat()
    if a.year != w.year and (a.month, a.day) == (w.month, w.day) and abs(a.year - w.year) == 1 and (
        a.month == 12 and a.day >= 28 or a.month == 1 and a.day <= 3
    ):
        text += "; only the year differs at the turn of the year, the week-based-year (YYYY) formatting bug"
    if (a.year, a.month, a.day) == (w.year, w.day, w.month):
        text += "; day and month are swapped"
    return text, repaired


def _fetch_time(candidates: list[DateCandidate]) -> datetime | None:
    for c in candidates:
        if c.source == "warc" and c.raw:
            parsed = parse_date(c.raw)
            if parsed is not None and isinstance(parsed.value, datetime) and parsed.value.tzinfo is not None:
                return parsed.value
    return None


def _best_datetime(parsed: list[_Parsed]) -> datetime | None:
    timed = [p for p in parsed if isinstance(p.parsed.value, datetime)]
    if not timed:
        return None
    return max(timed, key=lambda p: (_precision(p, parsed), TRUST.get(p.source, 2))).parsed.value
