"""Stage "when": time expressions found in wire-style sentences and resolved to exact dates."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.errors import DateFormatError
from eventwire.when import (NO_ANCHOR, NO_PUBLICATION, TimeExpression, find_time_expressions,
                            resolve_published)

D = dt.date
MONDAY = D(2023, 12, 11)      # a Monday
WEDNESDAY = D(2023, 12, 13)
SATURDAY = D(2023, 12, 9)
SUNDAY = D(2023, 12, 10)
NEW_YEAR_TUESDAY = D(2024, 1, 2)
LEAP_FRIDAY = D(2024, 3, 1)   # the day after 29 February 2024

WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

#: A short wire report written for these tests (not from any real outlet).
STORY = (
    "A rocket struck a logistics depot near the airport on Monday, a security source said. "
    "Early on Friday, two drones were downed over the northern province, and three more "
    "attacks were recorded that day. On Saturday the armed group said in a statement that "
    "it would keep up the pressure. Officials have counted at least 40 attacks since "
    "October 20, 13 days after the fighting broke out."
)

#: Words that time expressions are made of, and a few that they are not, for random sentences.
FRAGMENTS = [
    "on", "in", "since", "the", "a", "two", "10", "999", "29", "31", "2023", "February", "Dec.",
    "Monday", "night", "into", "Sunday", "day", "days", "after", "before", "earlier", "later",
    "ago", "week", "weekend", "month", "year", "hours", "last", "past", "next", "this", "early",
    "mid-", "late", "end", "of", "between", "and", "to", "-", ",", "12/31/2023", "2024-02-29",
    "yesterday", "that", "previous", "recent", "weeks", "few", "rockets", "were", "fired", ".",
]
some_day = st.one_of(st.none(), st.dates(min_value=D(1901, 1, 1), max_value=D(2099, 12, 31)))


def only(text: str, published: dt.date | None, anchor: dt.date | None = None) -> TimeExpression:
    """The single time expression a sentence holds."""
    found = find_time_expressions(text, published, anchor)
    assert len(found) == 1, [e.text for e in found]
    return found[0]


def dates(text: str, published: dt.date | None, anchor: dt.date | None = None) -> list:
    return [(e.text, e.date) for e in find_time_expressions(text, published, anchor)]


# --- weekdays -------------------------------------------------------------------------------

def test_weekday_on_publication_weekday_is_that_day():
    found = only("A drone struck the base on Monday, officials said.", MONDAY)
    assert (found.text, found.date, found.precision, found.kind) == (
        "on Monday", MONDAY, 1, "relative")


def test_friday_in_a_monday_story_is_three_days_back():
    assert only("Rockets hit the embassy on Friday.", MONDAY).date == D(2023, 12, 8)


def test_weekday_is_never_in_the_future_of_publication():
    # Tuesday in a Monday story is the Tuesday before, six days back
    assert only("The convoy was ambushed on Tuesday.", MONDAY).date == D(2023, 12, 5)


def test_last_weekday_counts_back_like_a_plain_weekday():
    assert only("Gunmen attacked a checkpoint last Friday.", MONDAY).date == D(2023, 12, 8)


def test_last_weekday_named_on_that_weekday_is_a_week_ago():
    assert only("Last Monday the ministry was shelled.", MONDAY).date == D(2023, 12, 4)


def test_next_weekday_keeps_its_future_date():
    found = only("Talks are due to resume next Monday.", WEDNESDAY)
    assert (found.date, found.kind) == (D(2023, 12, 18), "relative")
    assert found.date > WEDNESDAY


@pytest.mark.parametrize("sentence, phrase, day", [
    ("Early on Friday, salvos of rockets were fired.", "Early on Friday", D(2023, 12, 8)),
    ("The base was hit early Friday.", "early Friday", D(2023, 12, 8)),
    ("Shelling resumed late Sunday.", "late Sunday", D(2023, 12, 10)),
    ("Clashes broke out on Tuesday night near the crossing.", "on Tuesday night", D(2023, 12, 12)),
    ("Monday morning, a car bomb exploded in the market.", "Monday morning", D(2023, 12, 11)),
    ("Overnight Saturday, militants raided a village.", "Overnight Saturday", D(2023, 12, 9)),
    ("The strike came before dawn on Thursday.", "before dawn on Thursday", D(2023, 12, 7)),
    ("Gunfire rang out in the early hours of Sunday.", "in the early hours of Sunday",
     D(2023, 12, 10)),
])
def test_weekday_modifiers_stay_on_their_day(sentence, phrase, day):
    found = only(sentence, WEDNESDAY)
    assert (found.text, found.date, found.precision) == (phrase, day, 1)


def test_night_into_next_day_is_dated_by_its_first_day():
    found = only("Fighting raged from Saturday night into Sunday in the old city.", MONDAY)
    assert found.text == "Saturday night into Sunday"
    assert found.date == D(2023, 12, 9)
    assert found.date_range == (D(2023, 12, 9), D(2023, 12, 10))


@given(published=st.dates(min_value=D(1950, 1, 1), max_value=D(2090, 12, 31)),
       weekday=st.sampled_from(WEEKDAY_NAMES))
def test_on_weekday_resolves_within_the_six_days_before_publication(published, weekday):
    found = only(f"The attack happened on {weekday}.", published)
    assert 0 <= (published - found.date).days <= 6
    assert found.date.weekday() == WEEKDAY_NAMES.index(weekday)


@given(words=st.lists(st.sampled_from(FRAGMENTS), max_size=14), published=some_day, anchor=some_day)
def test_any_sentence_gives_well_formed_expressions(words, published, anchor):
    text = " ".join(words)
    for found in find_time_expressions(text, published, anchor):
        assert text[found.start:found.end] == found.text
        assert found.precision in (1, 2, 3)
        assert found.date_range is None or found.date_range[0] <= found.date_range[1]
        if found.unresolved:
            assert (found.date, found.date_range) == (None, None)


def test_weekday_names_of_holidays_and_papers_are_not_dates():
    assert find_time_expressions("Marchers remembered Bloody Sunday.", MONDAY) == []
    assert find_time_expressions("The Sunday Times reported the raid.", MONDAY) == []


# --- days named by publication ---------------------------------------------------------------

@pytest.mark.parametrize("phrase, days_back", [
    ("today", 0), ("this morning", 0), ("this evening", 0), ("tonight", 0),
    ("yesterday", 1), ("last night", 1), ("overnight", 0), ("the day before yesterday", 2),
])
def test_day_words_count_from_publication(phrase, days_back):
    found = only(f"Police said the gunmen struck {phrase} in the capital.", SATURDAY)
    assert (found.text, found.kind, found.precision) == (phrase, "relative", 1)
    assert found.date == SATURDAY - dt.timedelta(days=days_back)


def test_days_ago_counts_back_from_publication():
    found = only("The checkpoint was overrun two days ago.", NEW_YEAR_TUESDAY)
    assert (found.date, found.kind) == (D(2023, 12, 31), "relative")


def test_weeks_ago_is_a_week_precise_date():
    found = only("The camp was raided a week ago.", MONDAY)
    assert (found.date, found.precision) == (D(2023, 12, 4), 2)


def test_days_earlier_counts_from_the_anchor_when_there_is_one():
    found = only("A similar blast had hit the town three days earlier.", MONDAY,
                 anchor=D(2023, 12, 8))
    assert (found.date, found.kind) == (D(2023, 12, 5), "anchored")


def test_days_earlier_counts_from_publication_without_an_anchor():
    found = only("A similar blast had hit the town three days earlier.", MONDAY)
    assert (found.date, found.kind) == (D(2023, 12, 8), "relative")


# --- anchored days ---------------------------------------------------------------------------

@pytest.mark.parametrize("phrase, shift", [
    ("the previous day", -1), ("the day before", -1), ("a day earlier", -1),
    ("the next day", 1), ("the following day", 1), ("a day later", 1),
    ("that day", 0), ("the same day", 0), ("on the same day", 0),
])
def test_anchored_phrases_count_from_the_anchor(phrase, shift):
    anchor = D(2023, 12, 8)
    found = only(f"A second convoy was hit {phrase}.", MONDAY, anchor=anchor)
    assert (found.text, found.kind) == (phrase, "anchored")
    assert found.date == anchor + dt.timedelta(days=shift)


def test_that_day_refers_to_the_day_named_earlier_in_the_text():
    text = "Early on Friday, rockets hit the embassy. Five more attacks followed that day."
    assert dates(text, MONDAY) == [("Early on Friday", D(2023, 12, 8)),
                                   ("that day", D(2023, 12, 8))]


def test_hours_later_is_the_anchor_day():
    text = "A drone hit the airfield on Sunday. Hours later, rockets struck a nearby village."
    assert dates(text, WEDNESDAY) == [("on Sunday", D(2023, 12, 10)),
                                      ("Hours later", D(2023, 12, 10))]


def test_anchored_phrase_without_any_anchor_is_kept_unresolved():
    found = only("Rebels withdrew the next day.", MONDAY)
    assert (found.date, found.unresolved, found.kind) == (None, NO_ANCHOR, "anchored")


def test_day_after_x_dates_x_before_the_caption_date():
    caption = ("This photo taken on March 3, 2022 shows the damaged hangar at the air base, "
               "a day after six rockets were fired at it.")
    assert dates(caption, MONDAY) == [("on March 3, 2022", D(2022, 3, 3)),
                                      ("a day after", D(2022, 3, 2))]


def test_day_after_x_uses_the_anchor_argument_when_the_text_has_no_date():
    found = only("It came a day after militants shelled the port.", MONDAY, anchor=D(2023, 12, 8))
    assert (found.date, found.kind) == (D(2023, 12, 7), "anchored")


def test_week_after_x_is_a_week_precise_date():
    text = "On 15 May 2023 the council met, a week after the bombing."
    found = find_time_expressions(text, MONDAY)
    assert [(e.text, e.date, e.precision) for e in found] == [
        ("On 15 May 2023", D(2023, 5, 15), 1), ("a week after", D(2023, 5, 8), 2)]


def test_day_before_x_is_after_the_anchor():
    text = "The truce collapsed on Tuesday, a day before talks were due to open."
    assert dates(text, WEDNESDAY) == [("on Tuesday", D(2023, 12, 12)),
                                      ("a day before", D(2023, 12, 13))]


def test_days_after_an_outbreak_resolves_against_a_since_date():
    text = "At least 92 attacks were recorded since October 17, 10 days after the war broke out."
    found = find_time_expressions(text, MONDAY)
    assert [e.text for e in found] == ["since October 17", "10 days after"]
    assert (found[1].date, found[1].kind) == (D(2023, 10, 7), "anchored")


def test_days_after_an_event_without_any_anchor_is_left_out():
    assert find_time_expressions("Ten days after the war broke out, aid arrived.", MONDAY) == []


def test_anchors_chain_through_the_story():
    found = find_time_expressions(STORY, MONDAY)
    assert [(e.text, e.date) for e in found if e.date] == [
        ("on Monday", D(2023, 12, 11)),
        ("Early on Friday", D(2023, 12, 8)),
        ("that day", D(2023, 12, 8)),
        ("On Saturday", D(2023, 12, 9)),
        ("13 days after", D(2023, 10, 7)),
    ]
    since = found[4]
    assert (since.text, since.kind, since.date_range) == ("since October 20", "period",
                                                          (D(2023, 10, 20), MONDAY))


# --- absolute dates --------------------------------------------------------------------------

@pytest.mark.parametrize("written", [
    "December 4, 2023", "Dec. 4, 2023", "4 December 2023", "4 Dec 2023", "2023-12-04",
    "12/04/2023", "Monday, December 4, 2023", "the 4th of December 2023", "December 4th, 2023",
])
def test_written_dates_with_a_year(written):
    found = only(f"Mourners gathered in the capital on {written} for the funeral.", MONDAY)
    assert (found.date, found.precision, found.kind, found.inferred_year) == (
        D(2023, 12, 4), 1, "absolute", False)
    assert found.text == f"on {written}"


def test_slash_date_is_day_first_only_when_it_cannot_be_a_month():
    assert only("Filed 25/12/2022 by the court.", MONDAY).date == D(2022, 12, 25)


def test_impossible_days_are_not_dates():
    assert find_time_expressions("The decree is dated February 30, 2023.", MONDAY) == []
    assert find_time_expressions("The decree is dated 29 February 2023.", MONDAY) == []


def test_offsets_point_into_the_text():
    text = "Witnesses said the market was shelled on 1 December 2023 and again yesterday."
    for found in find_time_expressions(text, MONDAY):
        assert text[found.start:found.end] == found.text
    found = find_time_expressions(text, MONDAY)
    assert [e.text for e in found] == ["on 1 December 2023", "yesterday"]


def test_date_without_a_year_is_the_latest_not_after_publication():
    found = only("Hamas launched its attack on October 7.", MONDAY)
    assert (found.date, found.inferred_year) == (D(2023, 10, 7), True)


def test_date_in_a_compound_modifier_is_a_date():
    found = only("Since the October 7 attack, the border has been shut.", MONDAY)
    assert (found.text, found.date) == ("October 7", D(2023, 10, 7))


def test_late_december_date_in_a_january_story_is_last_year():
    found = only("The depot was bombed on December 30.", NEW_YEAR_TUESDAY)
    assert (found.date, found.inferred_year) == (D(2023, 12, 30), True)


def test_year_less_date_allows_one_day_ahead_for_time_zones():
    assert only("It happened on December 12.", MONDAY).date == D(2023, 12, 12)
    assert only("It happened on December 13.", MONDAY).date == D(2022, 12, 13)


@pytest.mark.parametrize("text, expected", [
    # 12 September 2016 was a Monday: the Saturday the story means is 2015's
    ("Two men were shot outside a bar on Saturday, Sept. 12, police said.", D(2015, 9, 12)),
    ("He was shot on Saturday 12 September outside a bar.", D(2015, 9, 12)),
    # the latest day already is that weekday
    ("He was shot on Monday, Sept. 12.", D(2016, 9, 12)),
    # no year back has that weekday either: a slip, the latest day stands
    ("He was shot on Wednesday, Sept. 12.", D(2016, 9, 12)),
])
def test_weekday_written_with_a_year_less_date_chooses_its_year(text, expected):
    assert only(text, D(2017, 1, 28)).date == expected


def test_leap_day_without_a_year_finds_the_last_leap_year():
    assert only("Protests began on Feb. 29.", LEAP_FRIDAY).date == D(2024, 2, 29)
    assert only("Protests began on Feb. 29.", D(2023, 3, 1)).date == D(2020, 2, 29)


def test_clock_time_after_a_date_is_not_a_range():
    found = only("Updated: Feb 6, 2017 - 6:26 PM", MONDAY)
    assert (found.date, found.date_range) == (D(2017, 2, 6), None)


# --- months, weeks, years --------------------------------------------------------------------

def test_month_with_year_is_a_clipped_month_range_without_a_day():
    found = only("Displacement rose sharply in December 2023.", MONDAY)
    assert (found.date, found.precision, found.kind) == (None, 3, "absolute")
    assert found.date_range == (D(2023, 12, 1), MONDAY)


def test_month_without_year_in_a_january_story_is_last_december():
    found = only("Airstrikes intensified in December.", NEW_YEAR_TUESDAY)
    assert (found.date_range, found.inferred_year, found.precision) == (
        (D(2023, 12, 1), D(2023, 12, 31)), True, 3)


@pytest.mark.parametrize("phrase, first, last", [
    ("last month", D(2023, 11, 1), D(2023, 11, 30)),
    ("earlier this month", D(2023, 12, 1), MONDAY),
    ("this month", D(2023, 12, 1), MONDAY),
])
def test_calendar_months_relative_to_publication(phrase, first, last):
    found = only(f"The group claimed several raids {phrase}.", MONDAY)
    assert (found.text, found.date, found.precision, found.kind) == (phrase, None, 3, "relative")
    assert found.date_range == (first, last)


@pytest.mark.parametrize("phrase, first, last", [
    ("mid-October", D(2023, 10, 11), D(2023, 10, 20)),
    ("early October", D(2023, 10, 1), D(2023, 10, 10)),
    ("late October", D(2023, 10, 21), D(2023, 10, 31)),
])
def test_parts_of_a_month_are_week_precise_ranges(phrase, first, last):
    found = only(f"The offensive began in {phrase}.", MONDAY)
    assert (found.date, found.precision, found.date_range) == (None, 2, (first, last))


def test_late_february_ends_on_the_leap_day():
    found = only("Floods hit in late February.", LEAP_FRIDAY)
    assert found.date_range == (D(2024, 2, 21), D(2024, 2, 29))


def test_last_week_is_the_previous_monday_to_sunday():
    found = only("Three soldiers were killed last week.", WEDNESDAY)
    assert (found.date, found.precision) == (None, 2)
    assert found.date_range == (D(2023, 12, 4), D(2023, 12, 10))


def test_this_week_runs_from_monday_to_publication():
    assert only("The ceasefire held this week.", WEDNESDAY).date_range == (MONDAY, WEDNESDAY)


def test_the_weekend_is_the_latest_saturday_and_sunday():
    assert only("Six people were shot over the weekend.", MONDAY).date_range == (SATURDAY, SUNDAY)


def test_last_weekend_said_during_a_weekend_is_the_one_before():
    found = only("Protests spread last weekend.", SUNDAY)
    assert (found.precision, found.date_range) == (2, (D(2023, 12, 2), D(2023, 12, 3)))


def test_last_year_in_a_january_story():
    assert only("Fewer attacks were recorded last year.", NEW_YEAR_TUESDAY).date_range == (
        D(2023, 1, 1), D(2023, 12, 31))


def test_a_year_is_a_year_range():
    found = only("The base was first attacked in 2021.", MONDAY)
    assert (found.date, found.precision) == (None, 3)
    assert found.date_range == (D(2021, 1, 1), D(2021, 12, 31))


# --- periods ---------------------------------------------------------------------------------

def test_since_a_date_runs_to_publication():
    found = only("Washington has recorded at least 92 attacks since October 17.", MONDAY)
    assert (found.text, found.kind, found.date, found.precision) == (
        "since October 17", "period", None, 3)
    assert (found.date_range, found.inferred_year) == ((D(2023, 10, 17), MONDAY), True)


@pytest.mark.parametrize("phrase, first", [
    ("in recent weeks", D(2023, 11, 20)),
    ("over the past month", D(2023, 11, 11)),
    ("in the past 24 hours", D(2023, 12, 10)),
    ("in the last 48 hours", D(2023, 12, 9)),
])
def test_rolling_periods_end_on_publication(phrase, first):
    found = only(f"Forces have come under repeated attack {phrase}.", MONDAY)
    assert (found.text, found.kind, found.date_range) == (phrase, "period", (first, MONDAY))


def test_between_two_days_is_a_period():
    found = only("Strikes were reported between 1 and 3 December.", MONDAY)
    assert (found.kind, found.date, found.precision) == ("period", None, 2)
    assert found.date_range == (D(2023, 12, 1), D(2023, 12, 3))


def test_a_span_across_new_year_gets_both_years():
    found = only("Shelling went on between December 28 and January 3.", D(2024, 1, 5))
    assert found.date_range == (D(2023, 12, 28), D(2024, 1, 3))


# --- not time expressions --------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The assault killed 1,200 people.",
    "There have been 92 attacks on the bases.",
    "Troops fired 7.62mm rounds along Route 1.",
    "The curfew starts at 6 p.m. sharp.",
    "The militia was founded in the 1990s, after World War II veterans left.",
    "A crowd of 2000 people marched to the square.",
    "Rebels held the ridge until the last day of the talks.",
    "Aid may arrive soon, officials said.",
])
def test_numbers_and_eras_are_not_dates(sentence):
    assert find_time_expressions(sentence, MONDAY) == []


# --- no publication date ---------------------------------------------------------------------

def test_without_publication_only_dates_with_a_year_resolve():
    found = find_time_expressions(
        "On December 4, 2023 a funeral was held; on Monday a drone struck; "
        "yesterday two rockets fell, and on October 7 the war began.", None)
    assert [(e.text, e.date, e.unresolved) for e in found] == [
        ("On December 4, 2023", D(2023, 12, 4), None),
        ("on Monday", None, NO_PUBLICATION),
        ("yesterday", None, NO_PUBLICATION),
        ("on October 7", None, NO_PUBLICATION),
    ]


def test_without_publication_periods_and_months_are_unresolved():
    for sentence in ("Attacks rose since October 17.", "Attacks rose in recent weeks.",
                     "Attacks rose last month.", "Attacks rose in December."):
        found = only(sentence, None)
        assert (found.date, found.date_range, found.unresolved) == (None, None, NO_PUBLICATION)


def test_anchored_after_an_unresolved_day_stays_unresolved():
    found = find_time_expressions("On Friday rockets fell, and more fell the next day.", None)
    assert [(e.date, e.unresolved) for e in found] == [(None, NO_PUBLICATION)] * 2


def test_anchored_after_a_dated_day_resolves_without_publication():
    text = "On 2 March 2022 the depot burned; the next day the governor resigned."
    assert dates(text, None) == [("On 2 March 2022", D(2022, 3, 2)),
                                 ("the next day", D(2022, 3, 3))]


def test_publication_may_be_a_datetime():
    assert only("It happened on Friday.", dt.datetime(2023, 12, 11, 23, 30)).date == D(2023, 12, 8)


# --- --published -----------------------------------------------------------------------------

@pytest.mark.parametrize("value", [
    "2023-12-11", " 2023-12-11 ", "2023-12-11T09:30:00Z", "2023-12-11 09:30", "11 December 2023",
    "Dec. 11, 2023", "12/11/2023",
])
def test_resolve_published_reads_iso_and_written_dates(value):
    assert resolve_published(value) == MONDAY


@pytest.mark.parametrize("value", [
    "2023-13-45", "next Tuesday", "", "December 11", "soon 2023-12-11"])
def test_resolve_published_rejects_what_is_not_one_day(value):
    with pytest.raises(DateFormatError) as caught:
        resolve_published(value)
    assert caught.value.value == value
    assert repr(value) in str(caught.value)


@pytest.mark.parametrize("text, published, expected", [
    ("was shot on Easter Sunday", D(2017, 1, 22), D(2016, 3, 27)),   # last year's Easter
    ("was shot on Easter Sunday", D(2016, 4, 2), D(2016, 3, 27)),
    ("on Good Friday", D(2024, 4, 10), D(2024, 3, 29)),
    ("on New Year's Eve", NEW_YEAR_TUESDAY, D(2023, 12, 31)),
    ("on New Years Eve", NEW_YEAR_TUESDAY, D(2023, 12, 31)),
    ("on Christmas morning", MONDAY, D(2022, 12, 25)),               # not yet this year's
    ("on Thanksgiving", MONDAY, D(2023, 11, 23)),                    # fourth Thursday
    ("on Memorial Day", MONDAY, D(2023, 5, 29)),                     # last Monday of May
    ("over the Fourth of July weekend", MONDAY, D(2023, 7, 4)),
    ("on Labor Day 2015", MONDAY, D(2015, 9, 7)),                    # its own year
    ("a Valentine’s Day shooting", MONDAY, D(2023, 2, 14)),          # bare, curled apostrophe
])
def test_holidays_are_their_latest_day_not_after_publication(text, published, expected):
    [found] = find_time_expressions(text, published)
    assert (found.date, found.precision) == (expected, 1)


@pytest.mark.parametrize("text", ["went Christmas shopping", "the Easter holidays", "before Christmas"])
def test_a_one_word_holiday_alone_is_a_season_not_a_date(text):
    assert find_time_expressions(text, MONDAY) == []


def test_a_holiday_without_publication_stays_unresolved():
    [found] = find_time_expressions("on Christmas Eve", None)
    assert found.date is None and found.unresolved == NO_PUBLICATION


def test_a_holiday_word_before_a_noun_names_no_day():
    """"during Halloween party": a party held near the holiday, any day."""
    assert find_time_expressions("Four shot during Halloween party at a club", MONDAY) == []


def test_a_plain_weekday_after_the_same_weekday_written_in_full_is_that_day():
    """A story that writes "Wednesday 7 Aug 2013" means that Wednesday by a later "on
    Wednesday", though it was published a week after; a date written without its weekday
    ("the March 3 attack") does not move the weekdays after it."""
    published = dt.date(2013, 8, 15)
    [written, plain] = find_time_expressions(
        "Reuters Wednesday 7 Aug 2013: rebels were killed at dawn on Wednesday", published)
    assert (written.date, plain.date) == (dt.date(2013, 8, 7), dt.date(2013, 8, 7))
    [_, recent] = find_time_expressions("After the August 7 attack, police said on Wednesday", published)
    assert recent.date == dt.date(2013, 8, 14)
