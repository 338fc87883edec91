// The events table: one row per event, the total, the pager, and what an empty page means.

import { byTestId, el, plural, replaceChildren } from "./dom.js";
import { typeColour } from "./palette.js";

const UNKNOWN = "—";

function sourceCount(event) {
  return new Set((event.sources ?? []).map((source) => source.article_id)).size;
}

function dateCell(event) {
  if (event.event_date) return event.event_date;
  if (event.date_range) return `${event.date_range[0]} to ${event.date_range[1]}`;
  return "undated";
}

function actorCell(name, event) {
  if (!name) return UNKNOWN;
  return event.claimed_by?.includes(name) ? `${name} (claimed)` : name;
}

function typeCell(event) {
  const dot = el("span", { class: "dot", "aria-hidden": "true" });
  dot.style.backgroundColor = typeColour(event.event_type);
  return el("td", { "data-col": "type" }, dot, event.event_type ?? UNKNOWN,
    event.sub_event_type ? el("span", { class: "sub-type" }, event.sub_event_type) : null);
}

function placeCell(event) {
  return [event.location, event.country].filter((part, i, all) => part && all.indexOf(part) === i)
    .join(", ") || UNKNOWN;
}

function eventRow(event, onOpen) {
  const row = el("tr", { "data-event-id": event.event_id, tabindex: 0, "data-testid": "event-row" },
    el("td", { "data-col": "date" }, dateCell(event)),
    typeCell(event),
    el("td", { "data-col": "actor1" }, actorCell(event.actor1, event)),
    el("td", { "data-col": "actor2" }, actorCell(event.actor2, event)),
    el("td", { "data-col": "place" }, placeCell(event)),
    el("td", { "data-col": "fatalities", class: "number" }, event.fatalities ?? UNKNOWN),
    el("td", { "data-col": "sources", class: "number" }, sourceCount(event)));
  row.dataset.eventType = event.event_type ?? "";
  row.addEventListener("click", () => onOpen(event.event_id));
  row.addEventListener("keydown", (key) => {
    if (key.key === "Enter") onOpen(event.event_id);
  });
  return row;
}

function emptyMessage(filtered) {
  return filtered ? "No events match these filters."
    : "No events in this store yet. Ingest articles (eventwire ingest, or “Add an article”) "
      + "and they appear here.";
}

/** One page of GET /api/events; `onOpen(eventId)` when a row is chosen. */
export function renderTable(page, { filtered, onOpen }) {
  const total = byTestId("total");
  total.dataset.total = page.total;
  total.textContent = plural(page.total, "event");
  replaceChildren(byTestId("events-body"), page.events.map((event) => eventRow(event, onOpen)));
  const empty = byTestId("empty");
  empty.hidden = page.total > 0;
  empty.textContent = page.total > 0 ? "" : emptyMessage(filtered);
  byTestId("events-table").hidden = page.total === 0;
  const last = page.offset + page.events.length;
  byTestId("page-info").textContent = page.total
    ? `${page.offset + 1}–${last} of ${page.total}` : "";
  byTestId("prev").disabled = page.offset === 0;
  byTestId("next").disabled = page.next_offset === null;
  byTestId("next").dataset.offset = page.next_offset ?? "";
}
