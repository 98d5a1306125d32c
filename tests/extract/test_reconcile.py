"""reconcile_dates: the conflict rule, the CMS-bug repairs, and an anomaly for every repair or conflict."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from byline.extract.reconcile import DateCandidate as C
from byline.extract.reconcile import reconcile_dates

REF = datetime(2025, 11, 26, 12, 0, tzinfo=timezone.utc)


def run(*candidates: C, **kw):
    kw.setdefault("reference", REF)
    return reconcile_dates(list(candidates), **kw)


class TestMinuteForMonth:
    """A yyyy-mm-dd value with the minute where the month belongs, detected against the page's other dates."""

    def test_seed_page_candidates(self) -> None:
        published, modified, anomalies = run(
            C("byline-line", "Monday, 24 November 2025 06:58 PM EST"),
            C("metadata-block", "2025-58-24"),
            C("metadata-block", "Monday, 24 November 2025 06:58 PM"),
        )
        assert published == "2025-11-24T18:58:00-05:00"
        assert modified is None
        assert len(anomalies) == 1
        a = anomalies[0]
        assert (a.field, a.raw, a.repaired) == ("published", "2025-58-24", "2025-11-24")
        assert "minute" in a.problem and "month" in a.problem and "58" in a.problem

    def test_invented_page_minute_41_against_json_ld(self) -> None:
        published, _, anomalies = run(
            C("json-ld", "2025-07-03T09:41:00-04:00"),
            C("metadata-block", "2025-41-03"),
        )
        assert published == "2025-07-03T09:41:00-04:00"
        assert [(a.raw, a.repaired) for a in anomalies] == [("2025-41-03", "2025-07-03")]
        assert "41" in anomalies[0].problem and "minute" in anomalies[0].problem

    def test_invented_page_minute_00_with_slashes(self) -> None:
        published, _, anomalies = run(
            C("visible", "Friday, 6 June 2025 7:00 PM CEST"),
            C("meta", "2025/00/06"),
        )
        assert published == "2025-06-06T19:00:00+02:00"
        assert [(a.raw, a.repaired) for a in anomalies] == [("2025/00/06", "2025-06-06")]

    def test_invented_page_minute_that_looks_like_a_valid_month(self) -> None:
        # minute 05 gives a plausible but wrong month: May instead of March
        published, _, anomalies = run(
            C("visible", "March 12, 2024 9:05 a.m. ET"),
            C("metadata-block", "2024-05-12"),
        )
        assert published == "2024-03-12T09:05:00-04:00"
        assert len(anomalies) == 1
        assert anomalies[0].raw == "2024-05-12" and anomalies[0].repaired == "2024-03-12"
        assert "minute" in anomalies[0].problem

    def test_not_repaired_when_the_day_does_not_match(self) -> None:
        published, _, anomalies = run(
            C("byline-line", "Monday, 24 November 2025 06:58 PM EST"),
            C("metadata-block", "2025-58-23"),
        )
        assert published == "2025-11-24T18:58:00-05:00"
        assert len(anomalies) == 1 and anomalies[0].repaired is None
        assert "ignored" in anomalies[0].problem

    def test_no_timestamp_no_repair(self) -> None:
        published, _, anomalies = run(C("metadata-block", "2025-58-24"))
        assert published is None
        assert anomalies[0].raw == "2025-58-24" and anomalies[0].repaired is None


class TestOtherRepairs:
    def test_swapped_day_and_month_confirmed(self) -> None:
        published, _, anomalies = run(C("meta", "2025-24-11"), C("visible", "Nov. 24, 2025"))
        assert published == "2025-11-24"
        assert len(anomalies) == 1 and anomalies[0].repaired == "2025-11-24"
        assert "swapped" in anomalies[0].problem and "confirms" in anomalies[0].problem

    def test_swapped_day_and_month_alone(self) -> None:
        published, _, anomalies = run(C("meta", "2025-24-11"))
        assert published == "2025-11-24"
        assert "unconfirmed" in anomalies[0].problem

    def test_day_of_year_in_the_day_field(self) -> None:
        published, _, anomalies = run(
            C("byline-line", "Nov 24, 2025 6:58 PM EST"), C("metadata-block", "2025-11-328")
        )
        assert published == "2025-11-24T18:58:00-05:00"
        assert anomalies[0].repaired == "2025-11-24" and "day of the year" in anomalies[0].problem

    def test_week_based_year_is_named(self) -> None:
        published, _, anomalies = run(
            C("json-ld", "2025-12-30T10:00:00-05:00"), C("metadata-block", "2026-12-30"),
            reference=datetime(2025, 12, 31, tzinfo=timezone.utc),
        )
        assert published == "2025-12-30T10:00:00-05:00"
        conflict = [a for a in anomalies if "week-based-year" in a.problem]
        assert len(conflict) == 1 and conflict[0].raw == "2026-12-30"
        assert any("future" in a.problem and a.raw == "2026-12-30" for a in anomalies)


class TestRule:
    def test_date_only_agreeing_with_timestamp_is_no_anomaly(self) -> None:
        published, _, anomalies = run(C("json-ld", "2025-11-24"), C("visible", "Nov 24, 2025 6:58 PM EST"))
        assert published == "2025-11-24T18:58:00-05:00"  # more precise wins over more trusted
        assert anomalies == []

    def test_date_only_agreeing_on_the_utc_day(self) -> None:
        published, _, anomalies = run(C("meta", "2025-11-25"), C("visible", "Nov 24, 2025 10:00 PM EST"))
        assert published == "2025-11-24T22:00:00-05:00" and anomalies == []

    def test_two_timestamps_disagree_trusted_source_wins(self) -> None:
        published, _, anomalies = run(
            C("meta", "2025-11-24T20:58:00-05:00"), C("json-ld", "2025-11-24T18:58:00-05:00")
        )
        assert published == "2025-11-24T18:58:00-05:00"
        assert len(anomalies) == 1
        assert anomalies[0].raw == "2025-11-24T20:58:00-05:00"
        assert "kept json-ld" in anomalies[0].problem and anomalies[0].repaired == published

    def test_same_instant_in_two_zones_agrees(self) -> None:
        published, _, anomalies = run(C("json-ld", "2025-11-24T23:58:00Z"), C("visible", "Monday, 24 November 2025 06:58 PM EST"))
        assert anomalies == []
        assert published == "2025-11-24T23:58:00+00:00"  # equal precision: the more trusted source's form

    def test_visible_time_and_zone_beats_bare_date_from_trusted_source(self) -> None:
        published, _, anomalies = run(C("json-ld", "2025-11-23"), C("visible", "Nov 24, 2025 6:58 PM EST"))
        assert published == "2025-11-24T18:58:00-05:00"
        assert len(anomalies) == 1 and anomalies[0].raw == "2025-11-23"

    def test_naive_time_agreeing_with_aware(self) -> None:
        published, _, anomalies = run(C("metadata-block", "2025-11-24 18:58"), C("byline-line", "Nov 24, 2025 6:58 PM EST"))
        assert published == "2025-11-24T18:58:00-05:00" and anomalies == []

    def test_naive_utc_wall_clock_agreeing_with_aware(self) -> None:
        _, _, anomalies = run(C("json-ld", "2025-11-24T23:58:00"), C("byline-line", "Nov 24, 2025 6:58 PM EST"))
        assert anomalies == []

    def test_missing_zone_keeps_the_date_and_reports_the_local_time(self) -> None:
        published, _, anomalies = run(C("visible", "Monday, 24 November 2025 06:58 PM"))
        assert published == "2025-11-24"
        assert len(anomalies) == 1
        assert anomalies[0].raw == "Monday, 24 November 2025 06:58 PM" and anomalies[0].repaired == "2025-11-24"
        assert "18:58 without a time zone" in anomalies[0].problem

    def test_midnight_placeholder_yields_to_real_time(self) -> None:
        published, _, anomalies = run(C("json-ld", "2025-11-24T00:00:00-05:00"), C("visible", "Nov 24, 2025 6:58 PM EST"))
        assert published == "2025-11-24T18:58:00-05:00" and anomalies == []

    def test_url_only_confirms(self) -> None:
        published, _, anomalies = run(C("url", "https://example.org/2025/11/20/story"), C("visible", "Nov 24, 2025"))
        assert published == "2025-11-24"
        assert len(anomalies) == 1 and anomalies[0].raw.startswith("https://")

    def test_url_used_when_nothing_else(self) -> None:
        assert run(C("url", "https://example.org/2025/11/20/story"))[0] == "2025-11-20"

    def test_warc_fetch_time_never_wins(self) -> None:
        assert run(C("warc", "2025-11-25T10:00:00Z"))[0] is None

    def test_future_candidate_loses_and_is_reported(self) -> None:
        published, _, anomalies = run(
            C("json-ld", "2026-03-01T09:00:00Z"), C("visible", "Nov 24, 2025 6:58 PM EST"),
            reference=datetime(2025, 11, 25, tzinfo=timezone.utc),
        )
        assert published == "2025-11-24T18:58:00-05:00"
        assert any("future" in a.problem for a in anomalies)

    def test_ambiguous_settled_by_another_candidate(self) -> None:
        published, _, anomalies = run(C("visible", "03/04/2025"), C("url", "/2025/04/03/slug"))
        assert published == "2025-04-03" and anomalies == []

    def test_ambiguous_alone_is_reported(self) -> None:
        published, _, anomalies = run(C("visible", "03/04/2025"))
        assert published == "2025-03-04"
        assert len(anomalies) == 1 and "ambiguous" in anomalies[0].problem

    def test_day_first_hint(self) -> None:
        published, _, anomalies = run(C("visible", "03/04/2025"), day_first=True)
        assert published == "2025-04-03" and anomalies == []

    def test_est_label_after_the_switch_is_reported(self) -> None:
        published, _, anomalies = run(
            C("byline-line", "Monday, 10 March 2025 09:00 AM EST"), C("json-ld", "2025-03-10T09:00:00-04:00")
        )
        assert published == "2025-03-10T09:00:00-04:00"
        assert len(anomalies) == 0 or all("EDT" in a.problem for a in anomalies)

    def test_est_label_in_summer_on_the_winner_is_reported(self) -> None:
        published, _, anomalies = run(C("byline-line", "July 4, 2025 10:00 AM EST"))
        assert published == "2025-07-04T10:00:00-04:00"
        assert len(anomalies) == 1 and "EDT" in anomalies[0].problem

    def test_a_bad_value_repeated_is_reported_once(self) -> None:
        _, _, anomalies = run(
            C("byline-line", "Nov 24, 2025 6:58 PM EST"), C("metadata-block", "2025-58-24"), C("meta", "2025-58-24")
        )
        assert len(anomalies) == 2  # two sources, two anomalies
        _, _, anomalies = run(
            C("byline-line", "Nov 24, 2025 6:58 PM EST"), C("metadata-block", "2025-58-24"), C("metadata-block", "2025-58-24")
        )
        assert len(anomalies) == 1

    def test_unreadable_candidate_is_reported_not_dropped(self) -> None:
        published, _, anomalies = run(C("visible", "Nov 24, 2025"), C("meta", "sometime soon"))
        assert published == "2025-11-24"
        assert [a.raw for a in anomalies] == ["sometime soon"]

    def test_empty(self) -> None:
        assert reconcile_dates([]) == (None, None, [])


class TestModified:
    def test_time_alone_on_the_publication_day(self) -> None:
        published, modified, anomalies = run(
            C("byline-line", "Nov 24, 2025 9:00 AM EST"), C("visible", "Updated 11:02", role="modified")
        )
        assert published == "2025-11-24T09:00:00-05:00"
        assert modified == "2025-11-24T11:02:00-05:00"
        assert anomalies == []

    def test_relative_against_reference(self) -> None:
        _, modified, _ = run(
            C("json-ld", "2025-11-24T09:00:00-05:00"), C("visible", "2 hours ago", role="modified"),
            reference=datetime(2025, 11, 24, 20, 0, tzinfo=timezone.utc),
        )
        assert modified == "2025-11-24T18:00:00+00:00"

    def test_warc_fetch_time_is_the_reference(self) -> None:
        published, modified, anomalies = reconcile_dates([
            C("warc", "2025-11-24T20:00:00Z"),
            C("visible", "3 hours ago"),
            C("visible", "Nov 27, 2025", role="modified"),
        ])
        assert published == "2025-11-24T17:00:00+00:00"
        # after the fetch: kept (it is the only one) but reported as suspicious
        assert modified == "2025-11-27"
        assert [a.raw for a in anomalies if "future" in a.problem] == ["Nov 27, 2025"]

    def test_relative_without_reference_is_reported(self) -> None:
        _, modified, anomalies = reconcile_dates([C("visible", "Nov 24, 2025"), C("visible", "2 hours ago", role="modified")])
        assert modified is None
        assert len(anomalies) == 1 and "reference" in anomalies[0].problem

    def test_modified_before_published_is_dropped(self) -> None:
        published, modified, anomalies = run(
            C("json-ld", "2025-11-24T18:58:00-05:00"), C("json-ld", "2025-11-20T10:00:00-05:00", role="modified")
        )
        assert published == "2025-11-24T18:58:00-05:00" and modified is None
        assert anomalies[0].field == "modified" and "earlier than published" in anomalies[0].problem

    def test_modified_equal_to_published_is_fine(self) -> None:
        assert run(C("meta", "2025-11-24T18:58:00-05:00"), C("meta", "2025-11-24T18:58:00-05:00", role="modified"))[1:] == (
            "2025-11-24T18:58:00-05:00", [],
        )


@pytest.mark.parametrize("minute", [1, 7, 13, 29, 44, 59])
def test_minute_for_month_in_general(minute: int) -> None:
    """Any minute, any day: the repair follows the page's own timestamp, not a special case."""
    stamp = f"2025-09-17T14:{minute:02d}:00+02:00"
    published, _, anomalies = run(C("json-ld", stamp), C("metadata-block", f"2025-{minute:02d}-17"))
    assert published == stamp
    assert len(anomalies) == 1 and anomalies[0].repaired == "2025-09-17"
