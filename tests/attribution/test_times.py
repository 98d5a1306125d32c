"""Time expressions: spans, resolution against the publication date, the past/future rule."""

from __future__ import annotations

from datetime import date

import pytest

from byline.attribution.times import annotate_times, resolve_relative, time_in_range
from byline.model import Article
from byline.nlp import parse_paragraphs

FRIDAY = date(2025, 11, 21)
MONDAY = date(2025, 11, 24)


def annotate(body: list[str], published: str | None = "2025-11-21T09:00:00-05:00") -> Article:
    article = Article(published=published, body=body)
    annotate_times(article, parse_paragraphs(body))
    return article


def found(article: Article) -> list[tuple[str, str | None]]:
    return [(t.text, t.resolved) for t in article.times]


class TestResolveRelative:
    @pytest.mark.parametrize(
        "text, expected",
        [
            ("Monday", "2025-11-24"),  # same day counts
            ("Sunday", "2025-11-23"),
            ("Tuesday", "2025-11-18"),
            ("last Monday", "2025-11-17"),
            ("next Monday", "2025-12-01"),
            ("this Friday", "2025-11-28"),
            ("yesterday", "2025-11-23"),
            ("today", "2025-11-24"),
            ("tomorrow", "2025-11-25"),
            ("last night", "2025-11-23"),
            ("the day before yesterday", "2025-11-22"),
            ("two days ago", "2025-11-22"),
            ("3 days ago", "2025-11-21"),
            ("last week", "2025-11-17"),  # weeks resolve to their Monday
            ("this week", "2025-11-24"),
            ("earlier this week", "2025-11-24"),
            ("next week", "2025-12-01"),
            ("two weeks ago", "2025-11-10"),
            ("this weekend", "2025-11-29"),  # the weekend's Saturday
            ("last month", "2025-10"),
            ("next month", "2025-12"),
            ("earlier this month", "2025-11"),
            ("three months ago", "2025-08"),
            ("last year", "2024"),
            ("earlier this year", "2025"),
            ("next year", "2026"),
            ("in January", "2025-01"),
            ("December", "2024-12"),  # a month alone: the latest on or before publication
            ("March 2023", "2023-03"),
            ("in 2019", "2019"),
            ("Nov. 3", "2025-11-03"),
            ("Nov. 3, 2024", "2024-11-03"),
            ("3 November", "2025-11-03"),
            ("Dec. 2", "2025-12-02"),  # month-day without year: upcoming when nearer and <= 60 days ahead
            ("Jan. 15", "2026-01-15"),
            ("Feb. 1", "2025-02-01"),  # 69 days ahead: too far, the past one
            ("May 20", "2025-05-20"),
        ],
    )
    def test_past_default(self, text: str, expected: str) -> None:
        assert resolve_relative(text, MONDAY) == expected

    @pytest.mark.parametrize(
        "text, expected",
        [
            ("Monday", "2025-11-24"),  # same day still counts going forward
            ("Tuesday", "2025-11-25"),
            ("Sunday", "2025-11-30"),
            ("December", "2025-12"),
            ("October", "2026-10"),
            ("Nov. 3", "2026-11-03"),
        ],
    )
    def test_future(self, text: str, expected: str) -> None:
        assert resolve_relative(text, MONDAY, future=True) == expected

    def test_explicit_modifiers_override_tense(self) -> None:
        assert resolve_relative("last Monday", MONDAY, future=True) == "2025-11-17"
        assert resolve_relative("next Monday", MONDAY, future=False) == "2025-12-01"

    @pytest.mark.parametrize("text", ["three decades", "the past week", "the same day", "a few days ago", "soon", ""])
    def test_not_points_in_time(self, text: str) -> None:
        assert resolve_relative(text, MONDAY) is None

    def test_month_end_and_year_boundary(self) -> None:
        assert resolve_relative("last month", date(2025, 1, 15)) == "2024-12"
        assert resolve_relative("next week", date(2025, 12, 29)) == "2026-01-05"
        assert resolve_relative("Monday", date(2026, 1, 1)) == "2025-12-29"


class TestWeekdayRule:
    def test_would_vote_on_monday_in_a_friday_article_is_the_next_monday(self) -> None:
        a = annotate(["The Senate would vote on Monday, aides said."])
        assert found(a) == [("Monday", "2025-11-24")]

    def test_bare_weekday_in_a_friday_article_is_the_past_one(self) -> None:
        a = annotate(["The Senate voted on Monday to adjourn."])
        assert found(a) == [("Monday", "2025-11-17")]

    def test_same_day_counts(self) -> None:
        a = annotate(["Officials met Friday with the mayor."])
        assert found(a) == [("Friday", "2025-11-21")]

    @pytest.mark.parametrize(
        "sentence",
        [
            "The board will meet Tuesday.",
            "The committee is set to vote Tuesday.",
            "She plans to testify on Tuesday.",
            "The report is due Tuesday.",
            "The hearing is scheduled for Tuesday.",
            "Lawmakers are expected to vote on Tuesday.",
            "He is going to travel Tuesday night.",
        ],
    )
    def test_future_cues(self, sentence: str) -> None:
        a = annotate([sentence])
        assert [t.resolved for t in a.times] == ["2025-11-25"], found(a)

    def test_past_in_the_same_sentence_as_a_future_clause(self) -> None:
        a = annotate(["He said on Wednesday that he would resign."])
        assert found(a) == [("Wednesday", "2025-11-19")]


class TestAnnotate:
    def test_spans_point_at_the_text(self) -> None:
        body = [
            "The council met earlier this year and again last month, officials said yesterday.",
            "Two days ago the mayor resigned; she took office in March 2023 and served since 2019.",
            "The vote came on Nov. 3, 2025, after a storm on Oct. 30.",
        ]
        a = annotate(body)
        assert found(a) == [
            ("earlier this year", "2025"), ("last month", "2025-10"), ("yesterday", "2025-11-20"),
            ("Two days ago", "2025-11-19"), ("March 2023", "2023-03"), ("2019", "2019"),
            ("Nov. 3, 2025", "2025-11-03"), ("Oct. 30", "2025-10-30"),
        ]
        for t in a.times:
            assert body[t.paragraph][t.span[0] : t.span[1]] == t.text

    def test_preposition_is_outside_the_span(self) -> None:
        a = annotate(["Rep. Ada Quill, D-Ore., on Sunday renewed her call for hearings."])
        (t,) = a.times
        assert (t.text, t.resolved) == ("Sunday", "2025-11-16")
        assert a.body[0][t.span[0] - 3 : t.span[0]] == "on "

    def test_modal_may_and_names_are_not_months(self) -> None:
        a = annotate(["Officials may decide later. April Moreno, the clerk, said the count was final."])
        assert a.times == []

    def test_month_after_a_preposition(self) -> None:
        a = annotate(["Prices have risen since May, and the levy ends in June."])
        # "ends" is a present-tense event verb: a scheduled, future June
        assert found(a) == [("May", "2025-05"), ("June", "2026-06")]

    def test_between_months(self) -> None:
        a = annotate(["Rainfall between April and July was low."])
        assert found(a) == [("April", "2025-04"), ("July", "2025-07")]

    def test_scheduled_present_and_reporting_present(self) -> None:
        a = annotate(["The fiscal year begins July 1.", "The mayor says Monday was the worst day."])
        assert found(a) == [("July 1", "2026-07-01"), ("Monday", "2025-11-17")]

    def test_durations_are_not_listed(self) -> None:
        a = annotate(["Over the past week, markets fell after three decades of growth."])
        assert all(t.resolved for t in a.times)
        assert "three decades" not in [t.text for t in a.times]

    def test_named_days_are_not_weekdays(self) -> None:
        a = annotate(["Shoppers lined up for Black Friday and Cyber Monday deals; Super Tuesday is far off."])
        assert a.times == []

    def test_weekend_part_of_day_and_seasons(self) -> None:
        a = annotate(
            ["Storms hit over the weekend, and late Sunday the river rose.",
             "The plant closed last summer and reopens next spring.",
             "He arrived early Monday morning."],
            published="2025-11-24T12:00:00Z",
        )
        assert found(a) == [
            ("the weekend", "2025-11-22"), ("Sunday", "2025-11-23"),  # "late" is outside the span
            ("last summer", "2025"), ("next spring", "2026"),
            ("Monday morning", "2025-11-24"),
        ]

    def test_next_in_the_subject_makes_it_future(self) -> None:
        a = annotate(["The next hearing is Tuesday."])
        assert found(a) == [("Tuesday", "2025-11-25")]

    def test_no_publication_date_leaves_resolved_empty(self) -> None:
        a = annotate(["The Senate voted on Monday and will vote again next week."], published=None)
        assert found(a) == [("Monday", None), ("next week", None)]

    def test_publication_date_alone(self) -> None:
        a = annotate(["The Senate voted on Monday."], published="2025-11-21")
        assert found(a) == [("Monday", "2025-11-17")]

    def test_paragraph_indices(self) -> None:
        a = annotate(["Nothing here.", "It rained yesterday.", "And Sunday too."])
        assert [(t.paragraph, t.text) for t in a.times] == [(1, "yesterday"), (2, "Sunday")]


class TestTimeInRange:
    def test_finds_the_expression_inside_the_range(self) -> None:
        body = ['"We will not back down," the governor said Tuesday, before a vote on Thursday.']
        a = annotate(body)
        said = body[0].index("the governor said Tuesday")
        t = time_in_range(a, 0, said, said + len("the governor said Tuesday"))
        assert t is not None and t.text == "Tuesday" and t.resolved == "2025-11-18"

    def test_other_paragraph_or_outside_is_none(self) -> None:
        a = annotate(["It rained yesterday.", "Then it stopped."])
        assert time_in_range(a, 1, 0, 16) is None
        assert time_in_range(a, 0, 0, 5) is None

    def test_overlap_when_nothing_inside(self) -> None:
        a = annotate(["It rained yesterday."])
        t = time_in_range(a, 0, 12, 14)
        assert t is not None and t.text == "yesterday"


def test_seed_page_times(seed_path) -> None:
    from byline import extract

    article = extract(seed_path)
    assert article.published == "2025-11-24T18:58:00-05:00"
    by_text = {t.text: t for t in article.times}
    assert by_text["Monday"].resolved == "2025-11-24"
    assert by_text["Sunday"].resolved == "2025-11-23"
    assert "on Sunday" in article.body[by_text["Sunday"].paragraph]
    assert by_text["January"].resolved == "2025-01"
    for t in article.times:
        assert article.body[t.paragraph][t.span[0] : t.span[1]] == t.text
