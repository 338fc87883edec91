"""The store tests' data: a small batch of wire stories, mentions, events and a count
statement, and builders for more (plain functions; the fixtures are in tests/conftest.py)."""
from __future__ import annotations

import datetime as dt

from eventwire.records import (Aggregate, Article, Attribution, Event, Evidence, Mention,
                               Segment, Source)

ERBIL_WIRE = (
    "ERBIL, Iraq (Wire) — A drone packed with explosives struck a logistics depot beside "
    "Erbil airport late on Tuesday, a Kurdish security official said, adding that nobody was "
    "hurt. A group calling itself the Northern Resistance Front said in a Telegram post that it "
    "had carried out the strike. At least 40 such attacks have hit bases in the region since "
    "mid-October, according to a Pentagon tally."
)
ERBIL_LOCAL = (
    "Erbil airport was targeted by an explosive-laden drone on Tuesday night, the region's "
    "counter-terrorism service said. Damage was limited to a storage building."
)
SHADDADI_WIRE = (
    "DAMASCUS (Wire) — Two rockets landed inside a military airfield near Al-Shaddadi in "
    "north-eastern Syria on Thursday, killing one contractor, a war monitor said. No group "
    "has said it fired them."
)
DAY = dt.date(2023, 12, 12)


def article(text: str, outlet: str, url: str, published: dt.date = DAY) -> Article:
    return Article(text=text, outlet=outlet, url=url, published=published, title=text[:40],
                   language="en", origin=f"fixtures:{outlet}",
                   segments=[Segment("dateline", 0, 12), Segment("body", 12, len(text))],
                   warnings=["title made from the first words"])


def mention(art: Article, mention_id: str, date: dt.date, **fields) -> Mention:
    word = art.text.split()[3]
    start = art.text.index(word)
    return Mention(mention_id=mention_id, article_id=art.id, event_date=date, time_precision=1,
                   evidence=[Evidence("event_type", start, start + len(word), word)], **fields)


def event(event_id: str, mentions: list[Mention], articles: list[Article], **fields) -> Event:
    by_id = {a.id: a for a in articles}
    sources = [Source(article_id=m.article_id, url=by_id[m.article_id].url,
                      outlet=by_id[m.article_id].outlet, mention_id=m.mention_id,
                      evidence=list(m.evidence)) for m in mentions]
    fields.setdefault("event_date", mentions[0].event_date)
    return Event(event_id=event_id, sources=sources, **fields)


def wire_batch() -> dict[str, list]:
    """Two reports of one drone strike at Erbil, one of a rocket attack in Syria."""
    a1 = article(ERBIL_WIRE, "Wire", "https://wire.example/erbil-drone")
    a2 = article(ERBIL_LOCAL, "Kurdistan Daily", "https://www.kd.example/news/1")
    a3 = article(SHADDADI_WIRE, "Wire", "https://wire.example/shaddadi")
    erbil = dict(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                 country="Iraq", admin1="Erbil", location="Erbil", latitude=36.24,
                 longitude=43.96, fatalities=0, weapon="drone")
    m1 = mention(a1, "m1", dt.date(2023, 12, 12), **erbil)
    m2 = mention(a2, "m2", dt.date(2023, 12, 12), **erbil)
    m3 = mention(a3, "m3", dt.date(2023, 12, 14), event_type="Explosions/Remote violence",
                 sub_event_type="Shelling/artillery/missile attack", country="Syria")
    e1 = event("ev-erbil", [m1, m2], [a1, a2], actor1="Northern Resistance Front",
               claimed_by=["Northern Resistance Front"], actor2="Military Forces of Iraq",
               attributed_to=[Attribution("Kataib Hezbollah", "US officials")], **erbil)
    e2 = event("ev-shaddadi", [m3], [a3], event_type="Explosions/Remote violence",
               sub_event_type="Shelling/artillery/missile attack", country="Syria",
               admin1="Al-Hasakah", location="Al-Shaddadi", latitude=36.06, longitude=40.73,
               actor1="Unidentified Armed Group (Syria)", fatalities=1, fatalities_reported=[1])
    agg = Aggregate(count=40, what="attacks on bases", aggregate_id="agg-1", article_id=a1.id,
                    qualifier="at least", where="the region", source="Pentagon",
                    period=(dt.date(2023, 10, 15), DAY), url=a1.url)
    return {"articles": [a1, a2, a3], "mentions": [m1, m2, m3], "events": [e1, e2],
            "aggregates": [agg]}


def save(store, wire, events=None, removed=()):
    store.save_batch(wire["articles"], wire["mentions"], wire["aggregates"],
                     wire["events"] if events is None else events, removed)


def dated(event_id: str, date: dt.date | None, **fields) -> Event:
    return Event(event_id=event_id, event_date=date, **fields)
