"""parse_date: every form news pages use, zones in force on the date, ambiguity, relative forms."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from byline.extract.dates import ParsedDate, day_first_for_locale, parse_date

NY = ZoneInfo("America/New_York")
REF = datetime(2025, 11, 24, 18, 58, tzinfo=NY)


@pytest.mark.parametrize(
    "text, iso, has_time, tz_known",
    [
        # ISO 8601
        ("2025-11-24", "2025-11-24", False, False),
        ("2025-11-24T18:58:00-05:00", "2025-11-24T18:58:00-05:00", True, True),
        ("2025-11-24T23:58:00Z", "2025-11-24T23:58:00+00:00", True, True),
        ("2025-11-24T23:58:00.123456+0000", "2025-11-24T23:58:00+00:00", True, True),
        ("2025-11-24 18:58", "2025-11-24T18:58:00", True, False),
        ("20251124", "2025-11-24", False, False),
        ("20251124T185800Z", "2025-11-24T18:58:00+00:00", True, True),
        # RFC 822 (feeds)
        ("Mon, 24 Nov 2025 18:58:00 -0500", "2025-11-24T18:58:00-05:00", True, True),
        ("Mon, 24 Nov 2025 23:58:00 GMT", "2025-11-24T23:58:00+00:00", True, True),
        ("Tue, 01 Jul 2025 08:00:00 +0200", "2025-07-01T08:00:00+02:00", True, True),
        # textual forms with weekday, 12-hour clock, abbreviation
        ("Monday, 24 November 2025 06:58 PM EST", "2025-11-24T18:58:00-05:00", True, True),
        ("Monday, 24 November 2025 06:58 PM", "2025-11-24T18:58:00", True, False),
        ("Nov. 24, 2025", "2025-11-24", False, False),
        ("November 24th, 2025", "2025-11-24", False, False),
        ("Published 3:15 p.m. ET Nov. 3, 2025", "2025-11-03T15:15:00-05:00", True, True),
        ("Sept. 3, 2025, 9:14 a.m. PT", "2025-09-03T09:14:00-07:00", True, True),
        ("June 10, 2025 at 2:30 p.m. CDT", "2025-06-10T14:30:00-05:00", True, True),
        ("Updated: 12:05 AM BST, 4 August 2025", "2025-08-04T00:05:00+01:00", True, True),
        ("25 Nov 2025 14:00 IST", "2025-11-25T14:00:00+05:30", True, True),
        ("10:15 AM AEDT, Mon November 24, 2025", "2025-11-24T10:15:00+11:00", True, True),
        ("12 March 2025 09:30 JST", "2025-03-12T09:30:00+09:00", True, True),
        ("5 Feb 2025 16:20 CET", "2025-02-05T16:20:00+01:00", True, True),
        ("5 Aug 2025 16:20 CEST", "2025-08-05T16:20:00+02:00", True, True),
        ("5 Feb 2025 16:20 EET", "2025-02-05T16:20:00+02:00", True, True),
        ("2 January 2025 12:00 pm UTC", "2025-01-02T12:00:00+00:00", True, True),
        ("2 January 2025 12:00 am", "2025-01-02T00:00:00", True, False),
        ("Jan 2 2025 7:45 PM UTC+3", "2025-01-02T19:45:00+03:00", True, True),
        ("2025-11-24 18:58:00 EST", "2025-11-24T18:58:00-05:00", True, True),
        ("24 Nov 2025, 18:58 GMT+1", "2025-11-24T18:58:00+01:00", True, True),
        ("18:58, 24 November 2025", "2025-11-24T18:58:00", True, False),
        ("November 24, 2025 6:58pm", "2025-11-24T18:58:00", True, False),
        ("6:58PM EST November 24, 2025", "2025-11-24T18:58:00-05:00", True, True),
        ("Monday 24th November 2025", "2025-11-24", False, False),
        ("24-Nov-2025", "2025-11-24", False, False),
        ("Nov 24, 2025 6:58 PM (EST)", "2025-11-24T18:58:00-05:00", True, True),
        ("Noon ET Nov 24, 2025", "2025-11-24T12:00:00-05:00", True, True),
        ("midnight GMT, 1 Jan 2025", "2025-01-01T00:00:00+00:00", True, True),
        # JavaScript Date.toString() and Unix date(1), both seen in visible page text
        ("Last Updated: Mon Nov 24 2025 18:58:00 GMT-0500 (Eastern Standard Time)", "2025-11-24T18:58:00-05:00", True, True),
        ("Mon Nov 24 18:58:00 EST 2025", "2025-11-24T18:58:00-05:00", True, True),
        # labels elsewhere in the line are not zones; a dash and a count are not an offset
        ("ET Online | Nov 24, 2025 6:58 PM", "2025-11-24T18:58:00", True, False),
        ("Nov 24, 2025 11:02 - 3 comments", "2025-11-24T11:02:00", True, False),
        # numeric day/month with evidence of the order
        ("24/11/2025", "2025-11-24", False, False),
        ("11/24/2025", "2025-11-24", False, False),
        ("24.11.2025", "2025-11-24", False, False),
        ("2025/11/24", "2025-11-24", False, False),
        ("https://news.example/2025/11/24/council-votes", "2025-11-24", False, False),
        # epoch seconds and milliseconds (some JSON-LD)
        ("1764028680", "2025-11-24T23:58:00+00:00", True, True),
        ("1764028680000", "2025-11-24T23:58:00+00:00", True, True),
    ],
)
def test_forms(text: str, iso: str, has_time: bool, tz_known: bool) -> None:
    parsed = parse_date(text)
    assert parsed is not None, text
    assert parsed.iso() == iso
    assert parsed.has_time is has_time
    assert parsed.tz_known is tz_known
    assert parsed.raw == text


def test_value_types_follow_what_is_known() -> None:
    aware = parse_date("2025-11-24T18:58:00-05:00")
    naive = parse_date("Monday, 24 November 2025 06:58 PM")
    day = parse_date("Nov. 24, 2025")
    assert isinstance(aware.value, datetime) and aware.value.utcoffset() == timedelta(hours=-5)
    assert isinstance(naive.value, datetime) and naive.value.tzinfo is None
    assert type(day.value) is date


@pytest.mark.parametrize(
    "text, offset",
    [
        # generic ET follows the season; the switch in 2025: 9 March and 2 November
        ("March 8, 2025 10:00 AM ET", "-05:00"),
        ("March 10, 2025 10:00 AM ET", "-04:00"),
        ("November 1, 2025 10:00 AM ET", "-04:00"),
        ("November 3, 2025 10:00 AM ET", "-05:00"),
        ("July 4, 2025 10:00 AM ET", "-04:00"),
        ("January 15, 2025 9:00 AM PT", "-08:00"),
        ("July 15, 2025 9:00 AM PT", "-07:00"),
        ("July 15, 2025 9:00 AM CT", "-05:00"),
        ("January 15, 2025 9:00 AM CT", "-06:00"),
        # specific labels in their own season
        ("January 15, 2025 9:00 AM EST", "-05:00"),
        ("July 15, 2025 9:00 AM EDT", "-04:00"),
        ("July 15, 2025 9:00 AM MST", "-07:00"),  # Arizona keeps MST all year
        ("July 15, 2025 9:00 AM MDT", "-06:00"),
        ("15 January 2025 9:00 AM AEDT", "+11:00"),
        ("15 July 2025 9:00 AM AEST", "+10:00"),
        ("15 January 2025 9:00 GMT", "+00:00"),
        ("15 July 2025 9:00 BST", "+01:00"),
    ],
)
def test_zone_uses_offset_in_force_on_that_date(text: str, offset: str) -> None:
    parsed = parse_date(text)
    assert parsed is not None and parsed.tz_known
    assert parsed.iso().endswith(offset), parsed.iso()
    assert parsed.notes == []


def test_est_on_a_summer_date_takes_the_offset_in_force_and_says_so() -> None:
    parsed = parse_date("July 4, 2025 10:00 AM EST")
    assert parsed.iso() == "2025-07-04T10:00:00-04:00"
    assert len(parsed.notes) == 1 and "EDT" in parsed.notes[0] and "EST" in parsed.notes[0]


def test_dst_gap_either_side_of_the_switch() -> None:
    before = parse_date("Sunday, 2 November 2025 12:30 AM EDT")
    after = parse_date("Sunday, 2 November 2025 11:30 AM EST")
    assert before.iso() == "2025-11-02T00:30:00-04:00"
    assert after.iso() == "2025-11-02T11:30:00-05:00"
    assert before.notes == [] and after.notes == []


def test_repeated_hour_when_clocks_fall_back_follows_the_label() -> None:
    assert parse_date("Sunday, 2 November 2025 1:30 AM EDT").iso() == "2025-11-02T01:30:00-04:00"
    assert parse_date("Sunday, 2 November 2025 1:30 AM EST").iso() == "2025-11-02T01:30:00-05:00"
    assert parse_date("Sunday, 2 November 2025 1:30 AM EST").notes == []


class TestDayMonthOrder:
    def test_ambiguous_without_evidence_is_reported(self) -> None:
        parsed = parse_date("03/04/2025")
        assert parsed.ambiguous is True
        assert parsed.iso() == "2025-03-04"  # month-first when nothing tells

    def test_hint_settles_it(self) -> None:
        day_first = parse_date("03/04/2025", day_first=True)
        month_first = parse_date("03/04/2025", day_first=False)
        assert day_first.iso() == "2025-04-03" and not day_first.ambiguous
        assert month_first.iso() == "2025-03-04" and not month_first.ambiguous

    def test_a_part_above_twelve_is_evidence(self) -> None:
        assert not parse_date("24/11/2025", day_first=False).ambiguous
        assert parse_date("24/11/2025", day_first=False).iso() == "2025-11-24"
        assert parse_date("11/24/2025", day_first=True).iso() == "2025-11-24"

    def test_same_number_is_not_ambiguous(self) -> None:
        assert parse_date("05/05/2025").ambiguous is False

    def test_two_digit_year(self) -> None:
        assert parse_date("24/11/25").iso() == "2025-11-24"

    def test_locale_hint(self) -> None:
        assert day_first_for_locale("en-US") is False
        assert day_first_for_locale("en_GB") is True
        assert day_first_for_locale("fr") is True
        assert day_first_for_locale("en") is None
        assert day_first_for_locale(None) is None
        assert parse_date("03/04/2025", day_first=day_first_for_locale("de-DE")).iso() == "2025-04-03"


class TestRelative:
    def test_time_alone_is_on_the_reference_day(self) -> None:
        parsed = parse_date("Updated 11:02", reference=REF)
        assert parsed.iso() == "2025-11-24T11:02:00-05:00"
        assert parsed.has_time and not parsed.tz_known
        assert parsed.notes == []

    def test_time_alone_with_zone(self) -> None:
        parsed = parse_date("Updated 11:02 a.m. PT", reference=REF)
        assert parsed.iso() == "2025-11-24T11:02:00-08:00" and parsed.tz_known

    def test_reference_may_be_a_date(self) -> None:
        assert parse_date("Updated 11:02", reference=date(2025, 11, 24)).iso() == "2025-11-24T11:02:00"
        assert parse_date("yesterday", reference=date(2025, 11, 24)).iso() == "2025-11-23"

    def test_time_alone_without_reference_is_not_a_date(self) -> None:
        assert parse_date("Updated 11:02") is None

    @pytest.mark.parametrize(
        "text, iso",
        [
            ("2 hours ago", "2025-11-24T16:58:00-05:00"),
            ("an hour ago", "2025-11-24T17:58:00-05:00"),
            ("Posted 5 mins ago", "2025-11-24T18:53:00-05:00"),
            ("3 days ago", "2025-11-21"),
            ("two weeks ago", "2025-11-10"),
            ("yesterday", "2025-11-23"),
            ("today", "2025-11-24"),
        ],
    )
    def test_against_reference(self, text: str, iso: str) -> None:
        assert parse_date(text, reference=REF).iso() == iso

    def test_relative_without_reference_is_none(self) -> None:
        assert parse_date("2 hours ago") is None
        assert parse_date("yesterday") is None

    def test_year_missing_takes_the_latest_on_or_before_reference(self) -> None:
        assert parse_date("Nov 24", reference=REF).iso() == "2025-11-24"
        assert parse_date("Dec 30", reference=REF).iso() == "2024-12-30"


class TestBadInput:
    @pytest.mark.parametrize("text", ["", "   ", "hello world", "2025-58-24", "2025-13-40", "31/31/2025",
                                      "Monday", "x" * 5000, "2025/58/24", "31.31.2025"])
    def test_not_dates(self, text: str) -> None:
        assert parse_date(text) is None

    def test_impossible_time_keeps_the_date_and_says_so(self) -> None:
        parsed = parse_date("99:99 PM EST, 24 November 2025")
        assert parsed.iso() == "2025-11-24" and not parsed.has_time
        assert any("not a valid time" in note for note in parsed.notes)

    @pytest.mark.parametrize("text", ["0000-00-00", "0000-00-00 00:00:00", "9999999999", "1e10", "-1",
                                      "2025-11-24T25:61:00Z", "\x00\x01\x02", "<script>alert(1)</script>"])
    def test_placeholders_and_junk(self, text: str) -> None:
        assert parse_date(text) is None

    def test_random_junk_never_raises(self) -> None:
        import random

        rng = random.Random(11)
        alphabet = "0123456789:/-.,+ APMESTGUTCNovDecMonday\u00a0年月日"
        for _ in range(500):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 40)))
            result = parse_date(text, reference=REF, day_first=rng.choice([None, True, False]))
            assert result is None or isinstance(result, ParsedDate)

    def test_non_string(self) -> None:
        assert parse_date(None) is None  # type: ignore[arg-type]

    def test_weekday_mismatch_is_noted(self) -> None:
        parsed = parse_date("Tuesday, 24 November 2025")
        assert parsed.iso() == "2025-11-24"
        assert any("does not match" in note for note in parsed.notes)


def test_other_languages_fall_back_to_dateparser() -> None:
    assert parse_date("3 novembre 2025").iso() == "2025-11-03"
    assert parse_date("12. März 2025").iso() == "2025-03-12"
    assert parse_date("vor 2 Stunden", reference=REF).day == date(2025, 11, 24)
    assert parse_date("24 ноября 2025").iso() == "2025-11-24"
    assert parse_date("2025年11月24日 18:58").iso() == "2025-11-24T18:58:00"
    assert parse_date("März 2025") is None  # no day: dateparser must not invent one


def test_dateparser_is_asked_only_in_the_languages_that_know_the_words() -> None:
    from byline.extract.dates import _candidate_languages

    assert _candidate_languages("sexta-feira, 22 de outubro de 2010 às 20:13") == ("pt",)
    assert _candidate_languages("12 decembre 2019") == ("fr",)  # accents do not matter, as in dateparser
    assert "id" in _candidate_languages("Maret 30, 2015")
    assert _candidate_languages("Posted in Politics") == ()  # no language knows "politics": no dateparser
    assert parse_date("sexta-feira, 22 de outubro de 2010 às 20:13").iso() == "2010-10-22T20:13:00"
    assert parse_date("Maret 30, 2015").iso() == "2015-03-30"
    assert parse_date("12 decembre 2019").iso() == "2019-12-12"
    assert parse_date("Posted in Politics") is None

def test_iso_of_utc_offset_and_dataclass_shape() -> None:
    p = ParsedDate("x", datetime(2025, 1, 2, 3, 4, 5, 678, tzinfo=timezone.utc), True, True)
    assert p.iso() == "2025-01-02T03:04:05+00:00"
    assert p.ambiguous is False
