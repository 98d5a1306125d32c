"""Read the date forms news pages use, fast, with real time zones.

Cheap paths first (ISO 8601, epoch seconds, our own regexes for the textual
and numeric forms news sites print, relative "2 hours ago"), and only then
dateutil and dateparser for the long tail (other languages, odd orders).

Time-zone abbreviations map to IANA zones (:data:`TZ_ABBREVIATIONS`), and the
offset is the one in force in that zone ON THAT DATE: "ET" in July is -04:00,
in December -05:00. A specific abbreviation that contradicts the season
("EST" on a July date, a common hard-coded CMS label) also gets the offset in
force, and the :class:`ParsedDate` carries a note saying so; "MST" maps to
America/Phoenix, which keeps -07:00 all year exactly as the label says.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

__all__ = ["ParsedDate", "parse_date", "day_first_for_locale", "TZ_ABBREVIATIONS", "zone_for"]


@dataclass
class ParsedDate:
    """One parsed date string.

    ``value`` is an aware datetime when the zone is known, a naive datetime
    when a time is given without a zone, and a ``date`` when there is no time.
    ``notes`` are observations worth an anomaly upstream (a label that
    contradicts the season, a weekday that does not match the date).
    """

    raw: str
    value: datetime | date
    has_time: bool
    tz_known: bool
    ambiguous: bool = False  # e.g. 03/04/2025 with no evidence of day/month order
    notes: list[str] = field(default_factory=list)

    def iso(self) -> str:
        """"2025-11-24T18:58:00-05:00"; "2025-11-24" with no time; no offset for a naive time."""
        value = self.value
        if not isinstance(value, datetime):
            return value.isoformat()
        return value.replace(microsecond=0).isoformat()  # keeps fold: 01:30 EST on fall-back day is -05:00

    @property
    def day(self) -> date:
        """The calendar date as written (local to the stated zone)."""
        return self.value.date() if isinstance(self.value, datetime) else self.value


# --- time zones ------------------------------------------------------------------------------

#: Abbreviation -> IANA zone. Fixed-offset names (UTC, GMT, Z) map to UTC.
TZ_ABBREVIATIONS: dict[str, str] = {
    "UTC": "UTC", "GMT": "UTC", "UT": "UTC", "Z": "UTC",
    # North America (generic ET/CT/MT/PT follow the season)
    "EST": "America/New_York", "EDT": "America/New_York", "ET": "America/New_York",
    "CST": "America/Chicago", "CDT": "America/Chicago", "CT": "America/Chicago",
    "MST": "America/Phoenix", "MDT": "America/Denver", "MT": "America/Denver",
    "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles", "PT": "America/Los_Angeles",
    "AKST": "America/Anchorage", "AKDT": "America/Anchorage",
    "HST": "Pacific/Honolulu",
    "AST": "America/Halifax", "ADT": "America/Halifax",
    "NST": "America/St_Johns", "NDT": "America/St_Johns",
    # Europe
    "BST": "Europe/London", "WET": "Europe/Lisbon", "WEST": "Europe/Lisbon",
    "CET": "Europe/Paris", "CEST": "Europe/Paris",
    "EET": "Europe/Athens", "EEST": "Europe/Athens",
    "MSK": "Europe/Moscow",
    # Asia / Pacific
    "IST": "Asia/Kolkata", "PKT": "Asia/Karachi", "ICT": "Asia/Bangkok", "WIB": "Asia/Jakarta",
    "SGT": "Asia/Singapore", "HKT": "Asia/Hong_Kong", "PHT": "Asia/Manila",
    "JST": "Asia/Tokyo", "KST": "Asia/Seoul",
    "AWST": "Australia/Perth", "ACST": "Australia/Adelaide", "ACDT": "Australia/Adelaide",
    "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney",
    "NZST": "Pacific/Auckland", "NZDT": "Pacific/Auckland",
    # Africa / Middle East
    "WAT": "Africa/Lagos", "CAT": "Africa/Maputo", "EAT": "Africa/Nairobi", "SAST": "Africa/Johannesburg",
}

#: Abbreviations that name the standard (False) or daylight (True) half of a zone.
_DAYLIGHT_LABEL = {
    "EST": False, "EDT": True, "CST": False, "CDT": True, "MDT": True, "PST": False, "PDT": True,
    "AKST": False, "AKDT": True, "AST": False, "ADT": True, "NST": False, "NDT": True,
    "BST": True, "WET": False, "WEST": True, "CET": False, "CEST": True, "EET": False, "EEST": True,
    "ACST": False, "ACDT": True, "AEST": False, "AEDT": True, "NZST": False, "NZDT": True,
}

_TZ_RE = re.compile(r"(?<![A-Za-z])(" + "|".join(sorted(TZ_ABBREVIATIONS, key=len, reverse=True)) + r")(?![A-Za-z])")
_OFFSET_RE = re.compile(r"(?:\b(?:utc|gmt)\s*)?([+-−])\s?(\d{1,2})(?::?(\d{2}))?(?!\d)", re.IGNORECASE)
# A zone label counts only right after a clock time ("06:58 PM EST", "9:14 a.m. (PT)", "18:58 GMT-0500"),
# so "ET Online" or "CAT scan" elsewhere in a line never sets a zone.
_TZ_AFTER_TIME_RE = re.compile(
    r"(?:\d|(?<![A-Za-z])[AaPp]\.?\s?[Mm]\b\.?|\b[Nn]oon|\b[Mm]idnight)\s*[(\[]?\s*(" + "|".join(sorted(TZ_ABBREVIATIONS, key=len, reverse=True))
    + r")(?![A-Za-z])"
)
# A numeric offset right after the time: "+0500", "-05:00", "UTC+3", "GMT-0500".
_OFFSET_AFTER_TIME_RE = re.compile(
    r"^\s*[(\[]?\s*(?:(?:utc|gmt)\s*([+-−])\s?(\d{1,2})(?::?(\d{2}))?|([+-−])(\d{2}):?(\d{2}))(?!\d)", re.IGNORECASE
)


@lru_cache(maxsize=None)
def zone_for(abbreviation: str) -> tzinfo | None:
    """The zone an abbreviation stands for (``None`` if unknown)."""
    name = TZ_ABBREVIATIONS.get(abbreviation.upper())
    if name is None:
        return None
    return timezone.utc if name == "UTC" else ZoneInfo(name)


def _attach_zone(naive: datetime, label: str, notes: list[str]) -> datetime:
    """Put a wall-clock time in the named zone, with the offset in force on that date."""
    zone = zone_for(label)
    assert zone is not None
    aware = naive.replace(tzinfo=zone)
    daylight = _DAYLIGHT_LABEL.get(label.upper())
    if daylight is not None and isinstance(zone, ZoneInfo):
        if bool(aware.dst()) != daylight and bool(aware.replace(fold=1).dst()) == daylight:
            return aware.replace(fold=1)  # the repeated hour when clocks fall back: the label picks it
        in_force = bool(aware.dst())
        if in_force != daylight:
            notes.append(
                f"{label} is stated but {zone.key} observes {aware.tzname()} on {naive.date().isoformat()}; "
                f"used the offset in force ({aware.strftime('%z')[:3]}:{aware.strftime('%z')[3:]})"
            )
    return aware


def day_first_for_locale(locale: str | None) -> bool | None:
    """Day/month order for a page's language or locale tag ("en-US" -> False, "en-GB", "fr" -> True)."""
    if not locale:
        return None
    tag = locale.replace("_", "-").lower()
    if tag in {"en-us", "en-ph", "en-ca-us"} or tag.endswith("-us"):
        return False
    if tag in {"en", "en-ca"}:
        return None  # plain English: no evidence either way
    if tag.startswith(("zh", "ja", "ko", "hu", "lt")):
        return None  # year-first locales; d/m/y rarely appears
    return True


# --- lexicon -----------------------------------------------------------------------------------

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}
WEEKDAYS = {
    "mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "wednesday": 2,
    "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4,
    "sat": 5, "saturday": 5, "sun": 6, "sunday": 6,
}
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_ORD = r"(?:st|nd|rd|th)?"
_WEEKDAY_RE = re.compile(r"\b(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\b\.?")

_ISO_RE = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?"
)
_ISO_BASIC_RE = re.compile(r"\d{8}(?:T\d{4}(?:\d{2})?(?:Z|[+-]\d{4})?)?")
_EPOCH_RE = re.compile(r"\d{10}(?:\d{3})?")

_DMY_TEXT_RE = re.compile(r"\b(\d{1,2})" + _ORD + r"(?:\s+of)?[\s-]+" + _MONTH + r",?[\s-]+(\d{4})\b")
_MDY_TEXT_RE = re.compile(r"\b" + _MONTH + r"\s+(\d{1,2})" + _ORD + r",?\s+(\d{4})\b")
_DM_TEXT_RE = re.compile(r"\b(\d{1,2})" + _ORD + r"(?:\s+of)?\s+" + _MONTH + r"(?![a-z])")
_MD_TEXT_RE = re.compile(r"\b" + _MONTH + r"\s+(\d{1,2})" + _ORD + r"\b(?!:)")
_CJK_YMD_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
_YMD_NUM_RE = re.compile(r"(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)")
_XYY_NUM_RE = re.compile(r"(?<![\d.])(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d])")

_TIME_RE = re.compile(
    r"(?<![\d:])(\d{1,2})(?:[:h](\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(am|pm|a\.m\.?|p\.m\.?)?(?![\d:])"
)
_LONE_YEAR_RE = re.compile(r"(?<![\d:/.-])(?:19|20)\d{2}(?![\d:/.-])")  # "Mon Nov 24 18:58:00 EST 2025"
_NOON_RE = re.compile(r"\b(?:noon|midnight)\b")
_BAD_CLOCK_RE = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]m)?")
_RELATIVE_RE = re.compile(
    r"\b(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(sec|secs|seconds?|min|mins|minutes?|hrs?|hours?|days?|weeks?|months?|years?)\s+ago\b"
)
_RELATIVE_WORDS_RE = re.compile(r"\b(?:ago|yesterday|today|tomorrow|now|last|next|this|hace|il y a|vor)\b")
_WORD_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
_PREFIX_RE = re.compile(
    r"^(?:(?:first\s+|last\s+)?(?:published|posted|updated|modified|created|edited|date(?:d)?|"
    r"last\s+updated|on|at)\b[:\s]*)+"
)
# Words that may surround a date without making it "not a date".
_FILLER_RE = re.compile(r"\b(?:on|at|the|of|published|posted|updated|modified|last|first|by)\b|[|•·,;:()\[\]\-–—/]")


# --- parsing -----------------------------------------------------------------------------------


def parse_date(
    text: str, *, reference: datetime | None = None, day_first: bool | None = None
) -> ParsedDate | None:
    """Parse one date string; ``None`` when it holds no date byline can read.

    ``reference`` anchors relative forms ("2 hours ago", "yesterday") and a
    time given alone ("Updated 11:02" is that time on the reference's day);
    without it those forms return ``None``. ``day_first`` settles 03/04/2025;
    without it the order is inferred (a part > 12, a dotted date) or, when
    nothing tells, month-first with ``ambiguous=True``.
    """
    if not text or not isinstance(text, str):
        return None
    raw = text
    if reference is not None and not isinstance(reference, datetime):
        reference = datetime(reference.year, reference.month, reference.day)  # a date: its midnight
    text = text.strip()
    if not text or len(text) > 300:
        return None
    if text[0].isdigit():
        fast = _parse_machine(text, raw)
        if fast is not None:
            return fast
        if _ISO_RE.fullmatch(text):
            return None  # machine-shaped but impossible (2025-58-24): not a date; reconcile may repair it
        if _YMD_NUM_RE.fullmatch(text) or _XYY_NUM_RE.fullmatch(text):
            return _parse_human(raw, text, reference, day_first, fallback=False)
    return _parse_human(raw, text, reference, day_first)


def _parse_machine(text: str, raw: str) -> ParsedDate | None:
    """ISO 8601 (extended and basic) and epoch seconds/milliseconds."""
    if _ISO_RE.fullmatch(text):
        try:
            value = datetime.fromisoformat(text.replace(" ", "T", 1).replace(" ", ""))
        except ValueError:
            return None  # e.g. 2025-58-24: not a date; reconcile may repair it
        if len(text) == 10:
            return ParsedDate(raw, value.date(), has_time=False, tz_known=False)
        return ParsedDate(raw, value, has_time=True, tz_known=value.tzinfo is not None)
    if _ISO_BASIC_RE.fullmatch(text):
        try:
            value = datetime.fromisoformat(text)
        except ValueError:
            return None
        if len(text) == 8:
            return ParsedDate(raw, value.date(), has_time=False, tz_known=False)
        return ParsedDate(raw, value, has_time=True, tz_known=value.tzinfo is not None)
    if _EPOCH_RE.fullmatch(text):
        seconds = int(text) / (1000 if len(text) == 13 else 1)
        value = datetime.fromtimestamp(seconds, tz=timezone.utc)
        if 1990 <= value.year <= 2100:
            return ParsedDate(raw, value, has_time=True, tz_known=True)
    return None


def _normalise(text: str) -> str:
    text = text.lower().replace("\u00a0", " ").replace("\u202f", " ")
    text = text.replace("a.m.", "am").replace("p.m.", "pm").replace("a. m.", "am").replace("p. m.", "pm")
    return " ".join(text.split())


def _parse_human(
    raw: str, text: str, reference: datetime | None, day_first: bool | None, fallback: bool = True
) -> ParsedDate | None:
    low = _normalise(text)
    low = _PREFIX_RE.sub("", low)
    notes: list[str] = []

    found = _find_calendar_date(low, reference, day_first)
    if found is not None:
        day, ambiguous, span = found
        rest = low[: span[0]] + " " + low[span[1] :]
        clock = _find_time(rest)
        if clock is None and _BAD_CLOCK_RE.search(rest):
            notes.append(f"{_BAD_CLOCK_RE.search(rest).group(0)!r} is not a valid time of day; kept the date alone")
        _check_weekday(low[: span[0]] + " " + low[span[1] :], day, notes)
        if clock is None:
            return ParsedDate(raw, day, has_time=False, tz_known=False, ambiguous=ambiguous, notes=notes)
        moment = datetime.combine(day, clock[0])
        aware = _apply_zone(moment, text, rest[clock[1] :], notes)  # labels: case-sensitive, original text
        if aware is None:
            return ParsedDate(raw, moment, has_time=True, tz_known=False, ambiguous=ambiguous, notes=notes)
        return ParsedDate(raw, aware, has_time=True, tz_known=True, ambiguous=ambiguous, notes=notes)

    relative = _parse_relative(raw, low, reference)
    if relative is not None:
        return relative

    clock = _find_time(low)
    if clock is not None and reference is not None and _only_filler(low, clock[2]):
        # A time alone ("Updated 11:02"): that time on the reference's (publication) day.
        moment = datetime.combine(reference.date(), clock[0])
        aware = _apply_zone(moment, text, low[clock[1] :], notes)
        if aware is not None:
            return ParsedDate(raw, aware, has_time=True, tz_known=True, notes=notes)
        if reference.tzinfo is not None:
            # no zone stated: the page's own zone (the reference's), flagged by tz_known=False
            return ParsedDate(raw, moment.replace(tzinfo=reference.tzinfo), has_time=True, tz_known=False, notes=notes)
        return ParsedDate(raw, moment, has_time=True, tz_known=False, notes=notes)

    if not fallback or not any(ch.isdigit() for ch in low):
        return None  # our patterns cover every digit-free English form we accept
    if reference is None and _RELATIVE_WORDS_RE.search(low):
        return None  # relative, and nothing to count from
    return _parse_fallback(raw, text, reference, day_first)


def _only_filler(low: str, span: tuple[int, int]) -> bool:
    rest = low[: span[0]] + " " + low[span[1] :]
    rest = _TZ_RE.sub(" ", rest.upper()).lower()
    rest = _OFFSET_RE.sub(" ", rest)
    rest = _FILLER_RE.sub(" ", rest)
    return not rest.strip()


def _year_for(month: int, day: int, reference: datetime | None) -> int | None:
    """A date written without a year: the most recent such date on or before the reference."""
    if reference is None:
        return None
    year = reference.year
    try:
        if date(year, month, day) > reference.date():
            year -= 1
    except ValueError:
        return None
    return year


def _find_calendar_date(
    low: str, reference: datetime | None, day_first: bool | None
) -> tuple[date, bool, tuple[int, int]] | None:
    """The first calendar date in ``low``: (date, ambiguous, span)."""
    for regex, order in ((_DMY_TEXT_RE, "dmy"), (_MDY_TEXT_RE, "mdy")):
        m = regex.search(low)
        if m:
            if order == "dmy":
                d, mon, y = int(m.group(1)), MONTHS[m.group(2)], int(m.group(3))
            else:
                mon, d, y = MONTHS[m.group(1)], int(m.group(2)), int(m.group(3))
            try:
                return date(y, mon, d), False, m.span()
            except ValueError:
                return None
    m = _CJK_YMD_RE.search(low)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))), False, m.span()
        except ValueError:
            return None
    m = _YMD_NUM_RE.search(low)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(3)), int(m.group(4))), False, m.span()
        except ValueError:
            return None
    m = _XYY_NUM_RE.search(low)
    if m:
        a, sep, b, y = int(m.group(1)), m.group(2), int(m.group(3)), m.group(4)
        year = int(y) + (2000 if int(y) < 70 else 1900) if len(y) == 2 else int(y)
        ambiguous = False
        if a > 12 and b <= 12:
            d, mon = a, b
        elif b > 12 and a <= 12:
            mon, d = a, b
        elif a > 12 and b > 12:
            return None
        elif day_first is not None:
            d, mon = (a, b) if day_first else (b, a)
        elif sep == "." :
            d, mon = a, b  # dotted dates (24.11.2025) are day-first wherever they are written
        elif a == b:
            d, mon = a, b
        else:
            mon, d, ambiguous = a, b, True
        try:
            return date(year, mon, d), ambiguous, m.span()
        except ValueError:
            return None
    for regex, order in ((_DM_TEXT_RE, "dm"), (_MD_TEXT_RE, "md")):
        m = regex.search(low)
        if m:
            if order == "dm":
                d, mon = int(m.group(1)), MONTHS[m.group(2)]
            else:
                mon, d = MONTHS[m.group(1)], int(m.group(2))
            span = m.span()
            elsewhere = _LONE_YEAR_RE.search(low[: span[0]] + " " * (span[1] - span[0]) + low[span[1] :])
            year = int(elsewhere.group(0)) if elsewhere else _year_for(mon, d, reference)
            if year is None:
                return None
            try:
                return date(year, mon, d), False, m.span()
            except ValueError:
                return None
    return None


def _find_time(low: str) -> tuple[time, int, tuple[int, int]] | None:
    """(time, end offset, span) of the first clock time, or None. A bare number needs am/pm."""
    for m in _TIME_RE.finditer(low):
        hour, minute, second, meridiem = m.group(1), m.group(2), m.group(3), m.group(4)
        if minute is None and meridiem is None:
            continue
        h, mi, s = int(hour), int(minute or 0), int(second or 0)
        if meridiem:
            if not 1 <= h <= 12:
                return None
            if meridiem.startswith("p") and h != 12:
                h += 12
            elif meridiem.startswith("a") and h == 12:
                h = 0
        if h > 23 or mi > 59 or s > 59:
            return None
        return time(h, mi, s), m.end(), m.span()
    m = _NOON_RE.search(low)
    if m:
        return (time(12, 0) if m.group(0) == "noon" else time(0, 0)), m.end(), m.span()
    return None


def _apply_zone(moment: datetime, original: str, after_time: str, notes: list[str]) -> datetime | None:
    """Attach the zone stated right after the clock time (numeric offset or abbreviation), if any."""
    offset = _OFFSET_AFTER_TIME_RE.match(after_time)
    if offset is not None:
        sign_text, hh, mm = (offset.group(1), offset.group(2), offset.group(3)) if offset.group(1) else (
            offset.group(4), offset.group(5), offset.group(6))
        sign = -1 if sign_text in "-−" else 1
        hours, minutes = int(hh), int(mm or 0)
        if hours <= 14 and minutes < 60:
            return moment.replace(tzinfo=timezone(sign * timedelta(hours=hours, minutes=minutes)))
    m = _TZ_AFTER_TIME_RE.search(original)
    if m is not None:
        return _attach_zone(moment, m.group(1), notes)
    return None


def _check_weekday(rest: str, day: date, notes: list[str]) -> None:
    m = _WEEKDAY_RE.search(rest)
    if m and WEEKDAYS.get(m.group(1)) is not None and WEEKDAYS[m.group(1)] != day.weekday():
        notes.append(f"the weekday '{m.group(0)}' does not match {day.isoformat()} (a {day.strftime('%A')})")


def _parse_relative(raw: str, low: str, reference: datetime | None) -> ParsedDate | None:
    """"2 hours ago", "yesterday", "just now" against the reference time."""
    if reference is None:
        return None
    m = _RELATIVE_RE.search(low)
    if m:
        n = _WORD_NUMBERS.get(m.group(1)) or int(m.group(1))
        unit = m.group(2)
        if unit.startswith(("sec", "min", "h")):
            seconds = n * (1 if unit.startswith("sec") else 60 if unit.startswith("min") else 3600)
            value = reference - timedelta(seconds=seconds)
            return ParsedDate(raw, value, has_time=True, tz_known=reference.tzinfo is not None)
        days = n * (1 if unit.startswith("day") else 7 if unit.startswith("week") else 0)
        ref_day = reference.date()
        if unit.startswith("month"):
            y, mo = divmod(ref_day.year * 12 + ref_day.month - 1 - n, 12)
            return ParsedDate(raw, _clamp_day(y, mo + 1, ref_day.day), has_time=False, tz_known=False)
        if unit.startswith("year"):
            return ParsedDate(raw, _clamp_day(ref_day.year - n, ref_day.month, ref_day.day), has_time=False, tz_known=False)
        return ParsedDate(raw, ref_day - timedelta(days=days), has_time=False, tz_known=False)
    stripped = low.strip(" .")
    if stripped in {"just now", "now", "moments ago", "a moment ago", "seconds ago"}:
        return ParsedDate(raw, reference, has_time=True, tz_known=reference.tzinfo is not None)
    if stripped in {"today", "yesterday"}:
        delta = 0 if stripped == "today" else 1
        return ParsedDate(raw, reference.date() - timedelta(days=delta), has_time=False, tz_known=False)
    return None


def _clamp_day(year: int, month: int, day: int) -> date:
    while True:
        try:
            return date(year, month, day)
        except ValueError:
            day -= 1


def _dateutil_zone(name: str | None, offset: int | None) -> tzinfo | None:
    """dateutil's tzinfos hook: our abbreviation table (and plain offsets)."""
    if name and zone_for(name) is not None:
        return zone_for(name)
    if offset is not None:
        return timezone(timedelta(seconds=offset))
    return None


_SENTINELS = (datetime(1904, 2, 29, 1, 7, 13), datetime(1911, 9, 3, 5, 11, 17))


def _parse_fallback(raw: str, text: str, reference: datetime | None, day_first: bool | None) -> ParsedDate | None:
    """dateutil (English, odd orders), then dateparser (other languages). Slow; reached rarely."""
    from dateutil import parser as du

    try:
        a = du.parse(text, default=_SENTINELS[0], fuzzy=True, dayfirst=bool(day_first), tzinfos=_dateutil_zone)
        b = du.parse(text, default=_SENTINELS[1], fuzzy=True, dayfirst=bool(day_first), tzinfos=_dateutil_zone)
    except (ValueError, OverflowError, TypeError):
        a = b = None
    if a is not None and a.year == b.year and a.month == b.month and a.day == b.day:
        has_time = a.hour == b.hour and a.minute == b.minute
        if has_time:
            value: datetime | date = a if a.second == b.second else a.replace(second=0)
            return ParsedDate(raw, value, has_time=True, tz_known=a.tzinfo is not None)
        return ParsedDate(raw, a.date(), has_time=False, tz_known=False)
    return _parse_dateparser(raw, text, reference, day_first)


#: Languages dateparser may try (all ~200 locales cost up to seconds on junk; these cover most news).
FALLBACK_LANGUAGES = (
    "en", "fr", "de", "es", "it", "pt", "nl", "ru", "pl", "tr", "sv", "da", "nb", "fi", "cs", "ro", "hu",
    "el", "uk", "ar", "he", "fa", "hi", "zh", "ja", "ko", "id", "vi", "ca",
)


@lru_cache(maxsize=64)
def _date_data_parser(reference: datetime | None, order: str | None, languages: tuple[str, ...] = FALLBACK_LANGUAGES):
    """One dateparser parser per (reference, order, languages): reusing it keeps its locales warm."""
    from dateparser.date import DateDataParser

    settings = {"RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DATES_FROM": "past"}
    if reference is not None:
        settings["RELATIVE_BASE"] = reference.replace(tzinfo=None)
    else:
        settings["REQUIRE_PARTS"] = ["day", "month", "year"]  # never fill a part from today
    if order:
        settings["DATE_ORDER"] = order
    return DateDataParser(languages=list(languages), settings=settings)


def _fold(word: str) -> str:
    """Lowercase without accents: dateparser compares words this way ("decembre" is "décembre")."""
    word = word.lower()
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _locale_words() -> dict[str, frozenset[str]]:
    """Every word each fallback language's dateparser data knows (months, weekdays, units, fillers).

    Read from dateparser's plain data modules (a few ms), not its locale
    objects, whose first use compiles regexes for every language (a third of
    a second for the 29).
    """
    import importlib

    def strings(value: object, out: list[str]) -> None:
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, dict):
            for k, v in value.items():
                strings(k, out)
                strings(v, out)
        elif isinstance(value, (list, tuple)):
            for v in value:
                strings(v, out)

    table: dict[str, frozenset[str]] = {}
    for lang in FALLBACK_LANGUAGES:
        found: list[str] = []
        strings(importlib.import_module(f"dateparser.data.date_translation_data.{lang}").info, found)
        # one scan per language: a newline between the strings keeps their words apart
        text = _REGEX_ESCAPE_RE.sub(" ", "\n".join(found))
        table[lang] = frozenset(_fold(w) for w in set(_WORD_RE.findall(text)))
    return table


_REGEX_ESCAPE_RE = re.compile(r"\\[A-Za-z]")


def _candidate_languages(text: str) -> tuple[str, ...]:
    """The fallback languages that know at least one of the text's non-English words.

    A locale that knows none of them cannot read the text (dateparser wants
    every word known), so asking only these gives dateparser's answer without
    it loading and testing all 29 locales.
    """
    foreign = {_fold(w) for w in _WORD_RE.findall(text) if w.lower() not in _ENGLISH_WORDS}
    try:
        table = _locale_words()
    except (ImportError, AttributeError, KeyError):  # dateparser moved its data: ask every language
        return FALLBACK_LANGUAGES
    return tuple(lang for lang in FALLBACK_LANGUAGES if foreign & table[lang])


@lru_cache(maxsize=4096)
def _dateparser_cached(text: str, reference: datetime | None, order: str | None) -> datetime | None:
    languages = _candidate_languages(text)
    if not languages:
        return None
    try:
        data = _date_data_parser(reference, order, languages).get_date_data(text)
    except Exception:  # dateparser raises a zoo of errors on junk; junk is "no date"
        return None
    return data.date_obj if data is not None else None


_ENGLISH_WORDS = set(MONTHS) | set(WEEKDAYS) | {w.lower() for w in TZ_ABBREVIATIONS} | {
    "published", "posted", "updated", "modified", "created", "edited", "last", "first", "date", "dated", "the",
    "and", "at", "on", "of", "by", "am", "pm", "noon", "midnight", "st", "nd", "rd", "th", "time", "standard",
    "daylight", "eastern", "central", "pacific", "mountain", "ago", "today", "yesterday", "now",
}
_WORD_RE = re.compile(r"[^\W\d_]{3,}")


def _foreign_words(text: str) -> bool:
    """Does the text hold a word our English patterns do not know (a month in another language)?"""
    return any(w.lower() not in _ENGLISH_WORDS for w in _WORD_RE.findall(text))


def _parse_dateparser(raw: str, text: str, reference: datetime | None, day_first: bool | None) -> ParsedDate | None:
    if len(text) > 80 or not _foreign_words(text):
        return None  # English forms are ours and dateutil's; dateparser would only invent parts from today
    order = None if day_first is None else ("DMY" if day_first else "MDY")
    value = _dateparser_cached(text, reference, order)
    if value is None:
        return None
    if not 1800 <= value.year <= 2200:
        return None
    has_time = bool(_find_time(_normalise(text))) or bool(re.search(r"\d{1,2}[:h]\d{2}", text))
    if not has_time:
        return ParsedDate(raw, value.date(), has_time=False, tz_known=False)
    return ParsedDate(raw, value, has_time=True, tz_known=False)
