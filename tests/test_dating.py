"""Which date dates which event: own expression, the story's running date, ranges, report
dates and future events (sentences written for these tests)."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import analyse

MONDAY = dt.date(2023, 12, 11)


def dates(document):
    return sorted((m.event_date, m.date_range) for m in document.mentions)


def test_weekday_in_a_story_of_that_weekday_is_that_day(pipeline):
    doc = analyse(pipeline, "A drone struck the Harir air base on Monday.", MONDAY)
    assert dates(doc) == [(MONDAY, None)]


def test_sentence_without_a_date_carries_the_story_date(pipeline):
    text = ("A drone struck the Harir air base on Friday, officials said.\n\n"
            "And in Syria, rockets were fired at a base near Hasakah.")
    doc = analyse(pipeline, text, MONDAY)
    assert [m.event_date for m in doc.mentions] == [dt.date(2023, 12, 8)] * 2


def test_report_date_does_not_date_the_event(pipeline):
    text = "Rockets hit a base near Erbil on Saturday, the Pentagon said on Monday."
    doc = analyse(pipeline, text, MONDAY)
    assert [m.event_date for m in doc.mentions] == [dt.date(2023, 12, 9)]


def test_perfect_without_a_date_is_a_range_from_the_story_period(pipeline):
    text = ("Militias have carried out at least 92 attacks since October 17.\n\n"
            "The Pentagon has launched several strikes against Kataib Hezbollah in Iraq.")
    doc = analyse(pipeline, text, MONDAY)
    [strikes] = doc.mentions
    assert strikes.event_date is None
    assert strikes.date_range == (dt.date(2023, 10, 17), MONDAY)
    assert strikes.role == "background"


def test_future_events_are_not_events(pipeline):
    doc = analyse(pipeline, "Rockets are expected to hit the Harir air base next Monday.", MONDAY)
    assert doc.mentions == []


def test_unknown_publication_date_leaves_relative_dates_unresolved_and_says_so(pipeline):
    doc = analyse(pipeline, "A drone struck the Harir air base on Monday.", None)
    [m] = doc.mentions
    assert m.event_date is None
    assert any("publication date unknown" in w for w in doc.warnings)


def test_a_date_inside_the_events_own_noun_phrase_dates_it(pipeline):
    """"Found guilty today in the May 25 fatal shooting": the shooting was on May 25, not today."""
    text = "A Riverton man was found guilty today in the November 25 fatal shooting of a teenager."
    doc = analyse(pipeline, text, MONDAY)
    assert dt.date(2023, 11, 25) in [m.event_date for m in doc.mentions]
    assert MONDAY not in [m.event_date for m in doc.mentions]


def test_a_year_on_the_event_noun_dates_it_and_its_clause(pipeline):
    """"Sentenced on Monday for a 2014 shooting that left four men injured": one shooting, in
    2014 (a range: the day is unknown), with its four injured; the sentencing is no event."""
    text = ("A man was sentenced on Monday to 15 years in prison for a 2014 shooting that left "
            "four men injured at a Riverton bar.")
    [mention] = analyse(pipeline, text, MONDAY).mentions
    assert mention.event_date is None
    assert mention.date_range == (dt.date(2014, 1, 1), dt.date(2014, 12, 31))
    assert mention.injured == 4


def test_a_bare_number_beside_an_event_noun_is_not_a_year(pipeline):
    doc = analyse(pipeline, "A crowd of 2000 protesters marched in Baghdad on Monday.", MONDAY)
    assert dates(doc) == [(MONDAY, None)]


@pytest.mark.parametrize("second", [
    "On Monday, police arrested a 22-year-old in connection with the man's murder.",
    "On Monday, police took a 22-year-old into custody in connection with the man's murder.",
    "A 22-year-old was charged on Monday with the murder.",
])
def test_the_day_of_an_arrest_does_not_date_the_crime_it_is_for(pipeline, second):
    text = f"A man was shot dead outside a shop in Kano on Friday, December 8.\n\n{second}"
    doc = analyse(pipeline, text, MONDAY)
    crimes = [m for m in doc.mentions if m.sub_event_type != "Arrests"]
    assert {m.event_date for m in crimes} == {dt.date(2023, 12, 8)}
    assert {m.event_date for m in doc.mentions if m.sub_event_type == "Arrests"} <= {MONDAY}


def test_the_day_of_a_charge_does_not_date_the_shooting_it_is_for(pipeline):
    """"Charged Tuesday ... in the shooting": Tuesday is the charge's day; the shooting's own
    date comes from the sentence that tells it."""
    text = ("A Riverton man was charged Tuesday with murder in the shooting of a teenager outside "
            "a store. The teenager was shot on November 3 in the parking lot, police said.")
    doc = analyse(pipeline, text, MONDAY)
    [shooting] = [m for m in doc.mentions if m.sub_event_type != "Arrests"]
    assert shooting.event_date == dt.date(2023, 11, 3)


def test_an_arrest_keeps_its_day_and_does_not_lend_it_to_the_next_sentence(pipeline):
    text = ("Police arrested a Riverton man on Friday. Investigators said he shot a teenager "
            "outside a store.")
    doc = analyse(pipeline, text, MONDAY)
    by_type = {m.sub_event_type: m for m in doc.mentions}
    assert by_type["Arrests"].event_date == dt.date(2023, 12, 8)
    assert by_type["Attack"].event_date != dt.date(2023, 12, 8)
    assert by_type["Attack"].time_precision == 2  # as reported: the day is not told


@pytest.mark.parametrize("text", [
    "Boy shot and killed in Riverton Posted: Friday, December 8, 2023 10:21 AM EST",
    "A teenager was shot and killed outside a store in Riverton. (Published Friday, Dec. 8, 2023)",
    "UPDATE (Dec. 8, 2023 11:30 a.m.): The teenager shot outside a Riverton store has died.",
    "Deputy fired after her daughter was shot at their Riverton home. — Dana Reed (@danareed9) "
    "December 8, 2023",
    "The name of a man who was killed in a shooting at a party in Riverton was released Friday.",
    "According to a police report released Friday, the boy was shot with his father's pistol.",
    "Authorities on Friday identified a man who was killed in a shooting at a mobile home park.",
    "Two bailiffs shot a gunman dead at a courthouse in St. Joseph, Michigan, according to findings "
    "released Friday by the county prosecutor.",
])
def test_the_day_a_page_or_a_fact_was_made_public_does_not_date_the_event(pipeline, text):
    """A page's stamp, a release of names or records, an identification: the day of the
    telling. The event keeps the publication week, as a report that gives no day."""
    doc = analyse(pipeline, text, MONDAY)
    assert doc.mentions and all(m.event_date != dt.date(2023, 12, 8) for m in doc.mentions)


def test_a_day_that_dates_no_event_is_no_story_date(pipeline):
    """"asked for a lawyer at his hearing Friday" tells no event (the prefilter leaves it
    unparsed): the shooting told after it keeps the day the story gave it earlier."""
    text = ("A Riverton man is accused of killing a teenager outside a store on Nov. 3.\n\n"
            "He asked for a public defender during his first appearance Friday.\n\n"
            "Police are still looking for a second gunman in the shooting.")
    doc = analyse(pipeline, text, MONDAY)
    assert dt.date(2023, 12, 8) not in [m.event_date for m in doc.mentions]
    assert dt.date(2023, 11, 3) in [m.event_date for m in doc.mentions]


@pytest.mark.parametrize("step", ["pleaded guilty on Friday", "learned his sentence Friday during a hearing",
                                  "was found guilty on Friday"])
def test_a_court_step_day_is_not_the_crime_day(pipeline, step):
    text = f"A Riverton man {step} in the fatal shooting of a teenager outside a store."
    doc = analyse(pipeline, text, MONDAY)
    assert doc.mentions and dt.date(2023, 12, 8) not in [m.event_date for m in doc.mentions]


@pytest.mark.parametrize("text", [
    "An indictment was unsealed Friday for a Riverton man in the fatal shooting of a teenager.",
    "Two people accused of hiding a suspect in the Riverton store shooting had their hearing "
    "postponed on Friday.",
    "The man charged with murder stemming from a shooting that killed a teenager outside a store "
    "in Dayton, Ohio, was back in a county courtroom Friday.",
])
def test_a_proceeding_day_is_not_the_crime_day(pipeline, text):
    """A proceeding as the subject of the verb the day hangs on, or a court reached through
    "back in", makes the day a step of the court: the shooting it is about keeps no date of its
    own (the report's, as a follow-up's)."""
    doc = analyse(pipeline, text, MONDAY)
    assert doc.mentions and dt.date(2023, 12, 8) not in [m.event_date for m in doc.mentions]


def test_a_date_in_what_the_charged_crime_goes_on_to_say_dates_it(pipeline):
    """A filing is a court step, and "homicide in the March 9 cookout" dates the homicide: the
    day of the notice dates neither this sentence nor the next."""
    text = ("The district attorney's office filed notice Friday that it would seek the death "
            "penalty.\n\nThe men are each charged with criminal homicide in the March 9 cookout in "
            "Wilkinsburg, Pennsylvania.")
    doc = analyse(pipeline, text, MONDAY)
    dates = [m.event_date for m in doc.mentions]
    assert dt.date(2023, 3, 9) in dates and dt.date(2023, 12, 8) not in dates


def test_a_judge_shot_keeps_the_day(pipeline):
    """A judge is no proceeding: the day a judge was shot is the shooting's."""
    doc = analyse(pipeline, "A county judge was shot outside his Riverton home on Friday.", MONDAY)
    assert [m.event_date for m in doc.mentions] == [dt.date(2023, 12, 8)]


def test_a_date_right_after_the_crime_a_plea_is_for_dates_the_crime(pipeline):
    text = ("A Riverton man pleaded guilty Monday for the shooting Aug. 20, 2022, that left a "
            "teenager dead outside a store.")
    doc = analyse(pipeline, text, MONDAY)
    assert [m.event_date for m in doc.mentions] == [dt.date(2022, 8, 20)]


def test_an_attack_on_a_court_keeps_its_day(pipeline):
    """A court step's day is left out only when it hangs on the step: "gunmen attacked a court
    on Friday" is an attack on Friday."""
    doc = analyse(pipeline, "Gunmen attacked a court in Quetta on Friday, killing two guards.", MONDAY)
    assert [m.event_date for m in doc.mentions] == [dt.date(2023, 12, 8)]


def test_behind_bars_is_a_court_step(pipeline):
    text = ("A Riverton man is behind bars Saturday after police say he shot and killed two "
            "people in October of 2022 during a robbery.")
    doc = analyse(pipeline, text, MONDAY)
    [shooting] = doc.mentions
    assert shooting.date_range == (dt.date(2022, 10, 1), dt.date(2022, 10, 31))


def test_a_date_on_the_event_verb_beats_an_earlier_one_in_the_sentence(pipeline):
    """"blanketed a neighborhood Wednesday and found a gun used to shoot a boy Tuesday night":
    Tuesday hangs on "shoot", Wednesday on the search."""
    text = ("Deputies blanketed a Raleigh neighborhood Wednesday and found a gun they believe was "
            "used to shoot a 7-year-old boy Tuesday night.")
    doc = analyse(pipeline, text, dt.date(2023, 12, 14))
    shootings = [m for m in doc.mentions if m.sub_event_type in ("Attack", "Armed clash")]
    assert [m.event_date for m in shootings] == [dt.date(2023, 12, 12)]


def test_a_clause_on_the_event_itself_dates_it(pipeline):
    """"a drone attack that killed three soldiers in Jordan last weekend": the clause is the
    attack's own, so its weekend dates it, not the Friday the sentence's main verb has."""
    story = ("The United States carried out air strikes on Friday against targets in Iraq, its "
             "first retaliation for a drone attack that killed three American soldiers in Jordan "
             "last weekend.")
    document = analyse(pipeline, story, dt.date(2024, 2, 3))
    attack = next(f for f in document.frames if f.trigger.text == "attack")
    assert attack.event_date is None and attack.date_range == (dt.date(2024, 1, 27), dt.date(2024, 1, 28))


@pytest.mark.parametrize("headline, follow_up", [
    ("Man charged in Maple Avenue bar shooting", True),
    ("Vigil held for victim of Maple Avenue bar shooting", True),
    ("Riverton man accused of killing bar owner on Maple Avenue", True),
    ("Man shot outside Maple Avenue bar", False),
])
def test_an_undated_crime_in_a_follow_up_story_is_dated_as_reported_within_months(
        pipeline, headline, follow_up):
    """A story headlined by a later step may leave its crime undated because it lay before:
    dated as reported still, but at precision 3 (an estimate within months), not within the
    week."""
    text = f"{headline}\n\nA man was shot outside a bar on Maple Avenue in Riverton, police said."
    [event] = [m for m in analyse(pipeline, text, MONDAY).mentions
               if m.sub_event_type in ("Attack", "Armed clash")]
    assert (event.event_date, event.time_precision) == (MONDAY, 3 if follow_up else 2)


def test_a_crime_told_only_by_its_month_keeps_the_month_not_the_day_of_the_report(pipeline):
    """"Mom pleads guilty ... It was back in June when her daughter found a gun": the shooting
    the headline names is dated by the lede's month, which the evidence shows, and is still the
    story's news: the plea is about it."""
    text = ("Mother pleads guilty in girl's accidental shooting death\n\n"
            "A Riverton woman pleaded guilty on Wednesday in her daughter's accidental shooting "
            "death. It was back in June when the 4-year-old found a gun in a closet and shot "
            "herself.")
    [event] = [m for m in analyse(pipeline, text, dt.date(2017, 1, 25)).mentions
               if m.event_type in ("Violence against civilians", "Battles")]
    assert event.event_date is None
    assert event.date_range == (dt.date(2016, 6, 1), dt.date(2016, 6, 30))
    assert event.role == "main"


def test_plural_firing_is_one_event_dated_by_the_story_not_a_series_over_a_month(pipeline):
    """"Attacks have killed dozens" is a series, dated to a range; "barrages of gunfire" are
    the firing of one event, dated by the day the story gives."""
    text = ("Mourners gathered in Riverton on Friday afternoon after a funeral. Barrages of "
            "gunfire erupted outside the community hall.")
    document = analyse(pipeline, text, MONDAY)
    [firing] = [f for f in document.frames if f.trigger.text == "Barrages"]
    assert firing.date_range is None and firing.event_date == dt.date(2023, 12, 8)


def test_a_day_hung_on_the_event_noun_dates_it_not_the_verb_it_hangs_on(pipeline):
    """"was remembered Monday ... after his accidental shooting death Friday": Friday is the
    death's, Monday the remembrance's."""
    text = ("A high-school senior was remembered Monday in Burien as a bright light to his "
            "classmates after his accidental shooting death Friday.")
    doc = analyse(pipeline, text, dt.date(2017, 3, 14))
    assert [m.event_date for m in doc.mentions] == [dt.date(2017, 3, 10)]


def test_the_day_of_an_investigation_does_not_date_the_shooting_it_looks_into(pipeline):
    """"on Friday continued to investigate the accidental shooting": the shooting was told to
    be on Thursday; Friday is the investigation's day."""
    text = ("The sheriff's office in Routt County on Friday continued to investigate the "
            "accidental shooting of a 3-year-old boy. He was shot Thursday morning at his home "
            "near Steamboat Springs.")
    doc = analyse(pipeline, text, dt.date(2016, 7, 16))
    assert {m.event_date for m in doc.mentions} == {dt.date(2016, 7, 14)}


WEDNESDAY = dt.date(2023, 12, 13)


def test_the_day_bail_was_set_is_not_the_day_of_the_shooting(pipeline):
    """Bail as the subject of "was set" is a step of the court: its day (Tuesday) is not the
    day of the shooting, told on Sunday further on."""
    text = ("Bail was set at $500,000 on Tuesday for a man accused of shooting and wounding two "
            "store clerks on Sunday.")
    doc = analyse(pipeline, text, WEDNESDAY)
    assert doc.mentions and dt.date(2023, 12, 12) not in [m.event_date for m in doc.mentions]
    assert dt.date(2023, 12, 10) in [m.event_date for m in doc.mentions]


@pytest.mark.parametrize("text", [
    "A boy was hit in a car outside a grocery store in Fairview, and a police spokeswoman said "
    "that the boy remained in critical condition Tuesday morning.",
    "Deputies were searching on Tuesday for two men after a cashier was shot at a gas station in "
    "Fairview.",
    "Classes resumed on Tuesday at a Fairview middle school after a student was shot in the "
    "parking lot.",
    "A boy was wounded by a stray bullet outside a Fairview grocery store and was listed in "
    "critical condition on Tuesday.",
    "A cashier who was shot during a robbery at a Fairview gas station was released from the "
    "hospital on Tuesday.",
])
def test_the_day_of_what_followed_a_shooting_does_not_date_it(pipeline, text):
    """"remained in critical condition Tuesday", "were searching Tuesday for two men", "classes
    resumed Tuesday", "was listed in critical condition on Tuesday", "was released from the
    hospital on Tuesday": the day of the aftermath, not of the shooting (left to the report's
    day, as an undated shooting is)."""
    doc = analyse(pipeline, text, WEDNESDAY)
    assert doc.mentions and dt.date(2023, 12, 12) not in [m.event_date for m in doc.mentions]


def test_a_release_of_hostages_is_dated_by_its_own_day(pipeline):
    """Released from the hospital is the aftermath; hostages released is an event of its own."""
    text = "Gunmen released 40 hostages on Tuesday at a school near Fairview."
    assert dt.date(2023, 12, 12) in [m.event_date for m in analyse(pipeline, text, WEDNESDAY).mentions]


def test_a_shooting_dated_on_its_own_verb_keeps_the_day_beside_its_aftermath(pipeline):
    text = "A boy was shot on Tuesday in Fairview and remained in critical condition at a hospital."
    doc = analyse(pipeline, text, WEDNESDAY)
    assert [m.event_date for m in doc.mentions] == [dt.date(2023, 12, 12)]


def test_the_day_a_suspect_was_ordered_to_stand_trial_is_a_court_step(pipeline):
    text = ("A man accused of shooting a store clerk in Fairview was ordered on Tuesday to stand "
            "trial.")
    doc = analyse(pipeline, text, WEDNESDAY)
    assert doc.mentions and dt.date(2023, 12, 12) not in [m.event_date for m in doc.mentions]


def test_an_event_told_by_a_verb_of_aftermath_keeps_its_own_day(pipeline):
    """"recovered" is both: the day hung on it is the recovery's own."""
    doc = analyse(pipeline, "Police recovered 14 rockets on Tuesday near the Fairview base.", WEDNESDAY)
    assert [m.event_date for m in doc.mentions] == [dt.date(2023, 12, 12)]
