"""Cross-article de-duplication on hand-built mentions (the clustering logic alone)."""
from __future__ import annotations

import datetime as dt

from eventwire.dedup import ArticleMeta, canonical_event, deduplicate, similarity
from eventwire.records import Mention

DAY = dt.date(2024, 1, 28)


def mention(mid: str, article: str, **fields) -> Mention:
    base = dict(event_date=DAY, time_precision=1, event_type="Explosions/Remote violence",
                sub_event_type="Air/drone strike", weapon="drone", country="Jordan",
                location="Tower 22", latitude=33.33, longitude=38.8, geo_precision=1,
                geo_source="fac:tower-22", actor1="Islamic Resistance in Iraq",
                fatalities=3, fatalities_reported=[3], role="main")
    base.update(fields)
    return Mention(mention_id=mid, article_id=article, **base)


ARTICLES = {a: ArticleMeta(a, f"https://example.org/{a}", "Wire", DAY) for a in ("a1", "a2", "a3")}


def test_two_reports_of_one_attack_make_one_event_with_both_sources():
    result = deduplicate([mention("m1", "a1"), mention("m2", "a2", event_date=DAY + dt.timedelta(days=1),
                                                       fatalities_reported=[3, 4], fatalities=3)], ARTICLES)
    [event] = result.changed_events()
    assert {s.article_id for s in event.sources} == {"a1", "a2"}
    assert event.fatalities == 3 and event.fatalities_reported == [3, 4]


def test_contradicting_reports_stay_apart():
    other_weapon = mention("m2", "a2", weapon="rocket", sub_event_type="Shelling/artillery/missile attack")
    assert similarity(mention("m1", "a1"), other_weapon, 1, 25.0) is None
    far = mention("m3", "a3", latitude=36.0, longitude=40.7, geo_source="gn:9")
    assert similarity(mention("m1", "a1"), far, 1, 25.0) is None
    later = mention("m4", "a2", event_date=DAY + dt.timedelta(days=3))
    assert similarity(mention("m1", "a1"), later, 1, 25.0) is None


def test_two_mentions_of_one_article_never_merge():
    result = deduplicate([mention("m1", "a1"), mention("m2", "a1")], ARTICLES)
    assert len(result.changed_events()) == 2


def test_canonical_event_does_not_depend_on_arrival_order():
    ms = [mention("m1", "a1", geo_precision=3, location="Jordan", geo_source="cc:JO"),
          mention("m2", "a2"), mention("m3", "a3", claimed_by=["Islamic Resistance in Iraq"])]
    forward = canonical_event("ev1", ms, ARTICLES)
    backward = canonical_event("ev1", list(reversed(ms)), ARTICLES)
    assert forward == backward
    assert forward.location == "Tower 22" and forward.claimed_by == ["Islamic Resistance in Iraq"]


def test_event_id_survives_a_later_ingest():
    first = deduplicate([mention("m1", "a1")], ARTICLES)
    [event] = first.changed_events()
    second = deduplicate([mention("m2", "a2")], ARTICLES, existing=first.clusters.values())
    [updated] = second.changed_events()
    assert updated.event_id == event.event_id and len(updated.sources) == 2
