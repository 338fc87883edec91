"""What a store holds, read straight from its tables (not through eventwire's store code), and
the checks that show a batch or an event written in part: shared by the crash-safety and the
bad-input tests."""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

import duckdb
import psycopg


def rows(db: str, sql: str) -> list[tuple]:
    """Rows of ``sql`` in a DuckDB file or a PostgreSQL database no other process writes."""
    if db.startswith("postgresql://"):
        with psycopg.connect(db) as conn:
            return conn.execute(sql).fetchall()
    with duckdb.connect(db) as conn:
        return conn.execute(sql).fetchall()


@dataclass(frozen=True)
class Snapshot:
    """A store's contents by id, as the tables hold them."""

    articles: list[str]
    mentions: list[tuple[str, str]]  # (mention_id, article_id)
    events: list[tuple[str, list[str]]]  # (event_id, mention ids its record cites)
    links: list[tuple[str, str]]  # (event_id, mention_id)

    def counts(self) -> dict[str, int]:
        return {"articles": len(self.articles), "mentions": len(self.mentions),
                "events": len(self.events), "links": len(self.links)}


def snapshot(db: str) -> Snapshot:
    events = [(event_id, sorted({s["mention_id"] for s in json.loads(record)["sources"]}))
              for event_id, record in rows(db, "SELECT event_id, record FROM events")]
    return Snapshot(articles=[r[0] for r in rows(db, "SELECT id FROM articles")],
                    mentions=rows(db, "SELECT mention_id, article_id FROM mentions"),
                    events=events,
                    links=rows(db, "SELECT event_id, mention_id FROM event_mentions"))


def half_written(store: Snapshot) -> list[str]:
    """Everything that shows a batch or an event written in part; empty for a whole store."""
    found = [f"{n} copies of article {a}" for a, n in Counter(store.articles).items() if n > 1]
    articles, events = set(store.articles), dict(store.events)
    mentions = {m for m, _ in store.mentions}
    found += [f"mention {m} of unstored article {a}" for m, a in store.mentions
              if a not in articles]
    owners = Counter(m for _, m in store.links)
    found += [f"mention {m} in {owners[m]} events" for m in mentions if owners[m] != 1]
    found += [f"link {e}->{m} to a missing event or mention" for e, m in store.links
              if e not in events or m not in mentions]
    linked: dict[str, list[str]] = {}
    for event_id, mention_id in store.links:
        linked.setdefault(event_id, []).append(mention_id)
    found += [f"event {e} cites {cited}, linked to {sorted(linked.get(e, []))}"
              for e, cited in store.events if cited != sorted(linked.get(e, []))]
    return found
