"""Cross-article de-duplication on hand-built mentions (the clustering logic alone), and
incremental ingest through a store."""
from __future__ import annotations

import datetime as dt
import random

import pytest

from eventwire.dedup import (ArticleMeta, Limits, canonical_event, cluster, deduplicate,
                             similarity)
from eventwire.records import Evidence, Mention
from eventwire.store import MemoryStore

DAY = dt.date(2024, 1, 28)
TOWER_22 = dict(location="Tower 22", latitude=33.33, longitude=38.8, geo_precision=1,
                geo_source="fac:tower-22", country="Jordan")


def mention(mid: str, article: str, **fields) -> Mention:
    base = dict(event_date=DAY, time_precision=1, event_type="Explosions/Remote violence",
                sub_event_type="Air/drone strike", weapon="drone", **TOWER_22,
                actor1="Islamic Resistance in Iraq", fatalities=3, fatalities_reported=[3],
                role="main")
    base.update(fields)
    return Mention(mention_id=mid, article_id=article, **base)


def shooting(mid: str, article: str, day: dt.date = DAY, names: tuple[str, ...] = (), **fields) -> Mention:
    base = dict(event_date=day, time_precision=1, event_type="Violence against civilians",
                sub_event_type="Attack", weapon="firearms", country="United States",
                location="Chicago", latitude=41.85, longitude=-87.65, geo_precision=2,
                geo_source="gn:4887398", role="main", keywords=list(names))
    base.update(fields)
    return Mention(mention_id=mid, article_id=article, **base)


ARTICLES = {a: ArticleMeta(a, f"https://example.org/{a}", "Wire", DAY)
            for a in ("a1", "a2", "a3", "a4", "a5", "a6")}


def partition(groups) -> set[frozenset[str]]:
    return {frozenset(m.mention_id for m in g) for g in groups}


def event_partition(events) -> set[frozenset[str]]:
    return {frozenset(s.mention_id for s in e.sources) for e in events}


def test_two_reports_of_one_attack_make_one_event_with_both_sources():
    result = deduplicate([mention("m1", "a1"), mention("m2", "a2", event_date=DAY + dt.timedelta(days=1),
                                                       fatalities_reported=[3, 4], fatalities=3)], ARTICLES)
    [event] = result.events
    assert {s.article_id for s in event.sources} == {"a1", "a2"}
    assert event.fatalities == 3 and event.fatalities_reported == [3, 4]


def test_where_reports_disagree_the_event_shows_who_said_what():
    result = deduplicate([mention("m1", "a1"), mention("m2", "a2", fatalities=4,
                                                       fatalities_reported=[4])], ARTICLES)
    [event] = result.events
    assert event.fatalities == 3
    assert event.disagreements == [{"field": "fatalities", "values": [
        {"value": "3", "mention_ids": ["m1"]}, {"value": "4", "mention_ids": ["m2"]}]}]


def test_contradicting_reports_stay_apart():
    other_weapon = mention("m2", "a2", weapon="rocket", sub_event_type="Shelling/artillery/missile attack")
    assert similarity(mention("m1", "a1"), other_weapon, 1, 25.0) is None
    far = mention("m3", "a3", latitude=36.0, longitude=40.7, geo_source="gn:9")
    assert similarity(mention("m1", "a1"), far, 1, 25.0) is None
    later = mention("m4", "a2", event_date=DAY + dt.timedelta(days=3))
    assert similarity(mention("m1", "a1"), later, 1, 25.0) is None


def test_an_age_alone_in_common_does_not_make_two_named_shootings_one():
    """Two shootings of a 17-year-old in one city on one day, whose reports name other people:
    the age is no name in common (half of one), so they stay two; a name they share joins them."""
    first = shooting("m1", "a1", names=("17yo", "little", "village", "ogden", "sanchez", "tacos"))
    other = shooting("m2", "a2", names=("17yo", "floral", "mount", "carmel", "harper", "comer"))
    assert similarity(first, other, 1, 25.0) < 0.6
    same = shooting("m3", "a3", names=("17yo", "sanchez", "mount", "pilsen", "ortiz", "lopez"))
    assert similarity(first, same, 1, 25.0) >= 0.6


def test_a_clash_and_an_attack_on_civilians_can_be_one_shooting_told_two_ways():
    clash = shooting("m1", "a1", names=("darryl", "forte"), event_type="Battles",
                     sub_event_type="Armed clash")
    assert similarity(clash, shooting("m2", "a2", names=("darryl", "forte")), 1, 25.0) >= 0.6


def test_a_weapon_named_only_as_a_weapon_is_the_gun_another_report_names():
    """"Fired the weapon" (coded ``arms``) names no kind of weapon, so it cannot contradict
    the other report's gun, and the event takes the gun."""
    told_as_weapon = shooting("m1", "a1", names=("darryl", "forte"), weapon="arms")
    gun = shooting("m2", "a2", names=("darryl", "forte"))
    assert similarity(told_as_weapon, gun, 1, 25.0) >= 0.6
    [event] = deduplicate([told_as_weapon, gun], ARTICLES).events
    assert event.weapon == "firearms"
    knife = shooting("m3", "a3", names=("darryl", "forte"), weapon="bladed weapon")
    assert similarity(gun, knife, 1, 25.0) is None


def test_an_undated_report_of_the_same_toll_in_one_town_is_that_shooting():
    """A report dated only as reported (the week up to publication) names no one the other
    names; placed by its text in the same town with the same toll (one dead, four hurt) it is
    that shooting. A different toll, or the outlet's town only, tells nothing."""
    dated = shooting("m1", "a1", names=("moultrie", "sixth"), fatalities=1, injured=4,
                     geo_precision=1)
    as_reported = shooting("m2", "a2", day=DAY + dt.timedelta(days=1), time_precision=2,
                           fatalities=1, injured=4, geo_precision=1)
    assert similarity(dated, as_reported, 1, 25.0) >= 0.6
    other_toll = shooting("m3", "a3", day=DAY + dt.timedelta(days=1), time_precision=2,
                          fatalities=0, injured=1, geo_precision=1)
    assert similarity(dated, other_toll, 1, 25.0) is None
    at_outlet = shooting("m4", "a4", day=DAY + dt.timedelta(days=1), time_precision=2,
                         fatalities=1, injured=4, geo_precision=1, geo_source="outlet:gn:4887398")
    assert similarity(dated, at_outlet, 1, 25.0) is None


def test_the_place_is_the_same_however_it_was_found():
    from_dateline = shooting("m1", "a1", geo_source="dateline:gn:4887398")
    from_text = shooting("m2", "a2", latitude=41.9, longitude=-87.6)
    assert similarity(from_dateline, from_text, 1, 25.0) >= 0.9


def test_two_mentions_of_one_article_never_merge():
    result = deduplicate([mention("m1", "a1"), mention("m2", "a1")], ARTICLES)
    assert len(result.events) == 2


def test_same_base_hit_on_consecutive_days_is_two_events_even_through_a_report_between():
    monday, tuesday = mention("m1", "a1"), mention("m2", "a2", event_date=DAY + dt.timedelta(days=2))
    between = mention("m3", "a3", event_date=DAY + dt.timedelta(days=1))
    groups = cluster([monday, tuesday, between])
    assert len(groups) == 2
    assert frozenset({"m1", "m2"}) not in {frozenset(m.mention_id for m in g) for g in groups}


def test_us_time_and_local_time_one_day_apart_is_one_event():
    local = mention("m1", "a1")
    us_time = mention("m2", "a2", event_date=DAY - dt.timedelta(days=1))
    assert partition(cluster([local, us_time])) == {frozenset({"m1", "m2"})}


def test_a_round_up_of_five_attacks_links_to_five_events():
    towns = [("Erbil", 36.19, 44.01), ("Kirkuk", 35.47, 44.39), ("Mosul", 36.34, 43.13),
             ("Baghdad", 33.34, 44.4), ("Basra", 30.5, 47.8)]
    singles, round_up = [], []
    for n, (town, lat, lon) in enumerate(towns):
        place = dict(location=town, latitude=lat, longitude=lon, geo_source=f"gn:{n}",
                     country="Iraq", geo_precision=1)
        singles.append(mention(f"s{n}", f"single{n}", **place))
        round_up.append(mention(f"r{n}", "roundup", **place))
    groups = partition(cluster(singles + round_up))
    assert groups == {frozenset({f"s{n}", f"r{n}"}) for n in range(5)}


def test_reports_naming_different_people_are_different_shootings():
    first = shooting("m1", "a1", names=("darryl", "forte", "prospect", "marlon", "maddux"))
    second = shooting("m2", "a2", names=("carlton", "lewis", "benton", "austin", "holliman"))
    again = shooting("m3", "a3", names=("forte", "maddux", "prospect"), geo_source=None,
                     location=None, latitude=None, longitude=None, geo_precision=None)
    assert partition(cluster([first, second, again])) == {frozenset({"m1", "m3"}), frozenset({"m2"})}


def test_a_hospital_in_common_ties_no_two_shootings_but_counts_among_their_names():
    """Every shooting in a city goes to the same hospitals: "Stroger" in common is no name in
    common, and five names each, none shared, still tell the two apart."""
    first = shooting("m1", "a1", names=("darryl", "forte", "prospect", "marlon", "~stroger"))
    second = shooting("m2", "a2", names=("carlton", "lewis", "benton", "austin", "~stroger"))
    assert similarity(first, second, 1, 25.0) < 0.6
    assert partition(cluster([first, second])) == {frozenset({"m1"}), frozenset({"m2"})}


def test_clustering_does_not_depend_on_arrival_order():
    mentions = [shooting(f"m{n}", f"a{n % 6 + 1}", day=DAY + dt.timedelta(days=n % 3),
                         names=(f"name{n % 4}", f"other{n % 4}")) for n in range(18)]
    expected = partition(cluster(mentions))
    for seed in range(5):
        shuffled = mentions[:]
        random.Random(seed).shuffle(shuffled)
        assert partition(cluster(shuffled)) == expected


def test_canonical_event_does_not_depend_on_arrival_order():
    ms = [mention("m1", "a1", geo_precision=3, location="Jordan", geo_source="cc:JO"),
          mention("m2", "a2"), mention("m3", "a3", claimed_by=["Islamic Resistance in Iraq"])]
    forward = canonical_event("ev1", ms, ARTICLES)
    backward = canonical_event("ev1", list(reversed(ms)), ARTICLES)
    assert forward == backward
    assert forward.location == "Tower 22" and forward.claimed_by == ["Islamic Resistance in Iraq"]


def _ingest(store: MemoryStore, mentions: list[Mention]):
    result = deduplicate(mentions, ARTICLES, _loader(store))
    store.save_batch([], mentions, [], result.events, result.removed)
    return result


def _loader(store: MemoryStore):
    from eventwire.dedup import EventCluster

    def load(since, until):
        return [EventCluster(e.event_id, store.mentions_of(e.event_id))
                for e in store.events_near(since, until)]
    return load


def test_event_id_survives_a_later_ingest():
    store = MemoryStore()
    [event] = _ingest(store, [mention("m1", "a1")]).events
    [updated] = _ingest(store, [mention("m2", "a2")]).events
    assert updated.event_id == event.event_id and len(updated.sources) == 2
    assert [c["change"] for c in store.changes()] == ["created", "updated"]


def test_two_ingests_of_two_halves_give_the_events_of_one_ingest_of_all():
    mentions = [shooting(f"m{n}", f"a{n % 6 + 1}", day=DAY + dt.timedelta(days=n % 4),
                         names=(f"name{n % 5}", f"other{n % 5}")) for n in range(20)]
    whole, halves = MemoryStore(), MemoryStore()
    _ingest(whole, mentions)
    _ingest(halves, mentions[::2])
    _ingest(halves, mentions[1::2])
    assert event_partition(halves.events()) == event_partition(whole.events())


def test_a_report_that_ties_two_events_together_merges_them_and_the_feed_says_so():
    store = MemoryStore()
    [first] = _ingest(store, [shooting("m1", "a1", names=("darryl", "forte"))]).events
    [second] = _ingest(store, [shooting("m2", "a2", names=("marlon", "maddux"), weapon=None,
                                        sub_event_type=None, latitude=None, longitude=None,
                                        geo_source=None, location=None, geo_precision=None)]).events
    assert first.event_id != second.event_id
    _ingest(store, [shooting("m3", "a3", names=("darryl", "forte", "marlon", "maddux"))])
    [merged] = store.events()
    assert {s.mention_id for s in merged.sources} == {"m1", "m2", "m3"}
    feed = {(c["event_id"], c["change"]) for c in store.changes()}
    gone = ({first.event_id, second.event_id} - {merged.event_id}).pop()
    assert (gone, "merged") in feed and (merged.event_id, "updated") in feed


def test_a_report_that_pulls_an_event_apart_splits_it_and_the_old_id_stays():
    """Sunday's and Monday's reports were one event on weak grounds (a day apart, same town);
    Tuesday's report names Monday's people: Monday goes with Tuesday, and the three days are
    too many for one event, so Sunday's report is an event on its own again."""
    store = MemoryStore()
    sunday = shooting("m1", "a1")
    monday = shooting("m2", "a2", day=DAY + dt.timedelta(days=1), names=("darryl", "forte"))
    [event] = _ingest(store, [sunday, monday]).events
    tuesday = shooting("m3", "a3", day=DAY + dt.timedelta(days=2), names=("darryl", "forte"))
    _ingest(store, [tuesday])
    assert event_partition(store.events()) == {frozenset({"m1"}), frozenset({"m2", "m3"})}
    assert event.event_id in {e.event_id for e in store.events()}
    assert sorted(c["change"] for c in store.changes()[1:]) == ["created", "updated"]
    [created] = [c for c in store.changes()[1:] if c["change"] == "created"]
    assert created["detail"]["from"] == [event.event_id]


def test_limits_come_from_the_settings(settings):
    from eventwire.workflow import dedup_limits
    assert dedup_limits(settings) == Limits(settings["dedup.max_days_apart"],
                                            settings["dedup.max_km_apart"],
                                            settings["dedup.threshold"])


def test_a_report_dated_only_to_a_year_needs_more_than_the_date_to_join():
    year = (dt.date(2014, 1, 1), dt.date(2014, 12, 31))
    follow_up = shooting("m2", "a2", names=("selemon", "belai"), event_date=None, date_range=year,
                         time_precision=3)
    named = shooting("m1", "a1", day=dt.date(2014, 6, 3), names=("selemon", "belai"))
    unnamed = shooting("m3", "a3", day=dt.date(2014, 9, 10))
    assert similarity(named, follow_up, 1, 25.0) >= 0.6
    assert similarity(unnamed, follow_up, 1, 25.0) is None
    assert partition(cluster([named, follow_up, unnamed])) == {
        frozenset({"m1", "m2"}), frozenset({"m3"})}


@pytest.mark.parametrize("precision, joins", [(3, True), (2, False)])
def test_a_follow_ups_undated_crime_reaches_back_months_and_joins_by_name(precision, joins):
    """Dated as reported 40 days after the shooting: at precision 3 (a follow-up story's
    crime, ``mentions.py``) it reaches back months and joins the report naming the same
    people; within the week (precision 2) it cannot."""
    as_reported = [Evidence("trigger", 0, 8, "shooting")]
    follow_up = shooting("m2", "a2", day=DAY + dt.timedelta(days=40), names=("selemon", "belai"),
                         time_precision=precision, evidence=as_reported)
    named = shooting("m1", "a1", names=("selemon", "belai"))
    unnamed = shooting("m3", "a3", day=DAY + dt.timedelta(days=20), evidence=as_reported)
    expected = {frozenset({"m1", "m2"}), frozenset({"m3"})} if joins else \
        {frozenset({"m1"}), frozenset({"m2"}), frozenset({"m3"})}
    assert partition(cluster([named, follow_up, unnamed])) == expected


COLUMBUS_GA = dict(location="Columbus", latitude=32.46, longitude=-84.99, geo_source="gn:4188985",
                  geo_precision=1)


@pytest.mark.parametrize("town, names, joins", [
    ("Columbus", ("hayes", "quinlan", "maple"), True),  # one town, two namesakes: one shooting
    ("Columbus", ("hayes", "quinlan"), False),  # two names are not enough to overrule the map
    ("Macon", ("hayes", "quinlan", "maple"), False),  # two towns are two places
])
def test_namesake_towns_far_apart_join_when_the_reports_name_the_same_people(town, names, joins):
    ohio = shooting("m1", "a1", names=("hayes", "quinlan", "maple", "troy"), location="Columbus",
                    latitude=39.96, longitude=-83.0, geo_source="gn:4509177", geo_precision=1)
    georgia = shooting("m2", "a2", names=names, **{**COLUMBUS_GA, "location": town})
    assert (len(cluster([ohio, georgia])) == 1) == joins


@pytest.mark.parametrize("names, joins", [
    (("hayes", "quinlan", "maple", "gilmer"), True),  # names the other's county: one shooting
    (("hayes", "quinlan", "maple"), False),  # does not name it: two towns are two places
    (("syrian", "observatory", "assad", "gilmer"), False),  # names every report gives
])
def test_a_report_placed_elsewhere_joins_one_that_names_its_town_and_the_same_people(names, joins):
    county = shooting("m1", "a1", names=("hayes", "quinlan", "maple", "syrian", "observatory", "assad"),
                      location="Gilmer County", latitude=34.69, longitude=-84.45,
                      geo_source="gn:4196586", geo_precision=2)
    outlet_city = shooting("m2", "a2", names=names, location="Macon", latitude=32.84,
                           longitude=-83.63, geo_source="gn:4207400", geo_precision=1)
    assert (len(cluster([county, outlet_city])) == 1) == joins


def test_a_report_placed_nowhere_meets_every_countrys_reports_but_joins_only_by_name():
    placed = shooting("m1", "a1", names=("darryl", "forte"))
    nowhere = dict(country=None, location=None, latitude=None, longitude=None,
                   geo_source=None, geo_precision=None)
    named = shooting("m2", "a2", names=("forte", "maddux"), **nowhere)
    unnamed = shooting("m3", "a3", **nowhere)
    assert partition(cluster([placed, named, unnamed])) == {
        frozenset({"m1", "m2"}), frozenset({"m3"})}


def test_among_equally_strong_links_two_main_reports_pair_before_a_side_story():
    """Two articles each tell the shooting (main) and a second one (secondary) on one day in
    one city: the two main reports are one event, the two side stories another."""
    names = ("darryl", "forte", "marlon", "maddux")
    main1 = shooting("m1", "a1", names=names)
    side1 = shooting("m2", "a1", names=names[:2], role="secondary")
    main2 = shooting("m3", "a2", names=names)
    side2 = shooting("m0", "a2", names=names[:2], role="secondary")
    assert partition(cluster([main1, side1, main2, side2])) == {
        frozenset({"m1", "m3"}), frozenset({"m0", "m2"})}


def test_an_article_that_tells_its_shooting_twice_still_joins_the_other_reports_of_it():
    """One article's merging kept its "homicide" paragraph apart from its "shooting" (a day
    off, a clash rather than an attack); each copy is linked to another article's report.
    Both copies are the article's news and linked to each other: one event, not two events
    each holding the article's one place."""
    names = ("darryl", "forte", "maple")
    told = shooting("m1", "a1", names=names, role_count=2)
    told_again = shooting("m2", "a1", day=DAY + dt.timedelta(days=1), names=names,
                          event_type="Battles", sub_event_type="Armed clash", role_count=2)
    other = shooting("m3", "a2", names=names)
    follow_up = shooting("m4", "a3", day=DAY + dt.timedelta(days=1), names=names,
                         event_type="Battles", sub_event_type="Armed clash")
    assert partition(cluster([told, told_again, other, follow_up])) == {
        frozenset({"m1", "m2", "m3", "m4"})}


@pytest.mark.parametrize("told_apart", [
    dict(role_count=3),  # a round-up of three attacks in one city: its news, not one retold
    dict(role_count=0),  # not known (stored before the count was kept): never read as retold
    dict(sub_event_type="Abduction/forced disappearance"),  # a kidnapping and a shooting
    dict(actor2="Military Forces of Syria"),  # attacks on two named sides
    dict(location="Evanston", geo_source="gn:4891382", latitude=42.04, longitude=-87.69),
])
def test_an_articles_two_events_it_tells_apart_stay_apart(told_apart):
    """Two of one article's events stay two when it reports three or more of that role, or
    tells them apart by kind, by whom they hit or by town, however well each links to
    another article's report."""
    names = ("darryl", "forte", "maple")
    first = shooting("m1", "a1", names=names, role_count=2, actor2="Islamic State")
    second = shooting("m2", "a1", names=names, **{"role_count": 2, "actor2": "Islamic State",
                                                   **told_apart})
    others = [shooting("m3", "a2", names=names, actor2="Islamic State"),
              shooting("m4", "a3", names=names, **{"actor2": "Islamic State", **told_apart,
                                                  "role_count": 1})]
    events = partition(cluster([first, second, *others]))
    assert not any({"m1", "m2"} <= event for event in events)


def test_two_mentions_sharing_an_id_are_refused_not_merged():
    from eventwire.errors import InputError
    twins = [Mention(mention_id="m1", article_id="a1", event_date=dt.date(2024, 1, 2)),
             Mention(mention_id="m1", article_id="a1", event_date=dt.date(2024, 1, 2),
                     location="elsewhere")]
    with pytest.raises(InputError, match="mention id 'm1' is given to two mentions"):
        deduplicate(twins, {})


def test_an_articles_main_report_joins_before_its_retelling_as_a_side_story():
    """Article a1 reports Sunday's shooting as its main news and retells it, dated Monday
    ("authorities disclosed Monday"), as a side story that agrees more with a2's report.
    The main reports pair first: a1's main report, not its copy, is in a2's event."""
    main = shooting("m1", "a1", names=("merrygrove", "munoz"))
    retold = shooting("m2", "a1", day=DAY + dt.timedelta(days=1), names=("merrygrove", "munoz"),
                      event_type="Battles", sub_event_type="Armed clash", role="secondary")
    other = shooting("m3", "a2", names=("merrygrove", "munoz"), event_type="Battles",
                     sub_event_type="Armed clash")
    assert similarity(retold, other, 1, 25.0) > similarity(main, other, 1, 25.0)
    assert partition(cluster([main, retold, other])) == {frozenset({"m1", "m3"}), frozenset({"m2"})}


def test_reports_placed_only_at_their_outlets_town_are_not_tied_by_it():
    """Two stories of one station that name no place are placed around its town; that town
    is not the events' place, so without a name in common they are not one event, and with
    one they still may be."""
    at_outlet = dict(location="Columbus", latitude=32.46, longitude=-84.99, geo_precision=3,
                     geo_source="outlet:gn:4188985")
    a = shooting("m1", "a1", names=("tanner", "avenue"), **at_outlet)
    b = shooting("m2", "a2", names=("wilson", "park"), **at_outlet)
    c = shooting("m3", "a3", names=("tanner", "avenue"), **at_outlet)
    assert similarity(a, b, 1, 25.0) is None
    assert similarity(a, c, 1, 25.0) is not None


@pytest.mark.parametrize("names, joins", [(("garden",), False), (("mobley", "roosevelt"), True)])
def test_a_story_placed_at_a_far_outlets_town_needs_two_names_in_common(names, joins):
    """A Jacksonville station's story that names no place and a Chicago shooting of the same
    day: one word in common is chance; two names (a victim's) are the same shooting, told by
    an outlet far away."""
    at_outlet = dict(location="Jacksonville", latitude=30.33, longitude=-81.66, geo_precision=3,
                     geo_source="outlet:gn:4160021")
    chicago = shooting("m1", "a1", names=names + ("lurie",))
    far_station = shooting("m2", "a2", names=names + ("serenity",), **at_outlet)
    assert (similarity(chicago, far_station, 1, 25.0) is not None) == joins


@pytest.mark.parametrize("names, joins", [(("garden", "serenity"), False), (("garden", "chicago"), True)])
def test_a_far_outlets_story_that_names_the_other_town_needs_one_name(names, joins):
    """The Jacksonville station's story names Chicago among its words: its geocoder missed
    the town, and the outlet's distance says nothing; one name in common is then enough,
    and still needed."""
    at_outlet = dict(location="Jacksonville", latitude=30.33, longitude=-81.66, geo_precision=3,
                     geo_source="outlet:gn:4160021")
    chicago = shooting("m1", "a1", names=("garden", "lurie"))
    far_station = shooting("m2", "a2", names=names, **at_outlet)
    assert (similarity(chicago, far_station, 1, 25.0) is not None) == joins


def test_two_parts_of_a_city_placed_at_its_point_are_two_places():
    """"Chicago - Austin" and "Chicago - Gresham" share Chicago's point, not a place."""
    austin = shooting("m1", "a1", names=("park",), location="Chicago - Austin",
                      geo_source="part:austin:gn:4887398")
    gresham = shooting("m2", "a2", names=("park",), location="Chicago - Gresham",
                       geo_source="part:gresham:gn:4887398")
    again = shooting("m3", "a3", names=("park",), location="Chicago - Austin",
                     geo_source="story:part:austin:gn:4887398")
    assert similarity(austin, gresham, 1, 25.0) is None
    assert similarity(austin, again, 1, 25.0) is not None


def test_a_city_wide_report_does_not_join_two_parts_of_the_city():
    """A report placed at Chicago links to a shooting in its Austin part and to one in its
    Gresham part; the two parts are still two events."""
    names = ("park", "avenue")
    city = shooting("m1", "a1", names=names)
    austin = shooting("m2", "a2", names=names, location="Chicago - Austin",
                      geo_source="part:austin:gn:4887398")
    gresham = shooting("m3", "a3", names=names, location="Chicago - Gresham",
                       geo_source="part:gresham:gn:4887398")
    groups = partition(cluster([city, austin, gresham]))
    assert not any({"m2", "m3"} <= group for group in groups)


def test_a_part_placed_at_its_citys_point_is_near_nothing_by_that_point():
    """"Chicago - Austin" lies at Chicago's point only for want of its own: unlike a suburb
    5 km off, it earns nothing for being near a city-wide report."""
    city = shooting("m1", "a1", geo_source="gn:4887398")
    austin = shooting("m2", "a2", location="Chicago - Austin", geo_source="part:austin:gn:4887398")
    suburb = shooting("m3", "a3", location="Cicero", latitude=41.87, longitude=-87.70, geo_source="gn:4888015")
    assert similarity(city, austin, 1, 25.0) < similarity(city, suburb, 1, 25.0)
