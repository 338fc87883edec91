// The event view: every field of one event, where its reports disagree, and each source
// article's full text with the evidence for each field highlighted.

import { el, externalLink, replaceChildren } from "./dom.js";
import { fieldLegend, renderHighlighted } from "./evidence.js";
import { GEO_PRECISION, TIME_PRECISION, typeColour } from "./palette.js";

const UNKNOWN = "—";

function joined(values) {
  return values && values.length ? values.join("; ") : null;
}

function withNote(value, note) {
  return value === null || value === undefined ? null : note ? `${value} (${note})` : String(value);
}

function dateText(event) {
  const range = event.date_range;
  const day = event.event_date ?? (range ? `${range[0]} to ${range[1]}` : null);
  const precision = TIME_PRECISION[event.time_precision];
  return withNote(day ?? "undated", precision && `precision ${event.time_precision}: ${precision}`);
}

function coordinatesText(event) {
  if (event.latitude === null || event.longitude === null) return null;
  const precision = GEO_PRECISION[event.geo_precision];
  const where = `${event.latitude.toFixed(4)}, ${event.longitude.toFixed(4)}`;
  return withNote(where, precision && `precision ${event.geo_precision}: ${precision}`);
}

function actorText(actor, associated) {
  return withNote(actor, associated && `with ${associated}`);
}

function yesNo(value) {
  return value === null || value === undefined ? null : value ? "yes" : "no";
}

/** [field, label, text] for each row of the event's field list. */
function fieldRows(event) {
  return [
    ["event_date", "Date", dateText(event)],
    ["event_type", "Event type", event.event_type],
    ["sub_event_type", "Sub-type", event.sub_event_type],
    ["disorder_type", "Disorder type", event.disorder_type],
    ["actor1", "Actor 1", actorText(event.actor1, event.assoc_actor_1)],
    ["actor2", "Actor 2", actorText(event.actor2, event.assoc_actor_2)],
    ["claimed_by", "Claimed by", joined(event.claimed_by)],
    ["attributed_to", "Attributed to",
      joined((event.attributed_to ?? []).map((a) => withNote(a.actor, a.by && `by ${a.by}`)))],
    ["weapon", "Weapon", event.weapon],
    ["target_facility", "Target", event.target_facility],
    ["intercepted", "Intercepted", yesNo(event.intercepted)],
    ["location", "Place", event.location],
    ["admin1", "Admin 1", event.admin1],
    ["admin2", "Admin 2", event.admin2],
    ["country", "Country", event.country],
    ["coordinates", "Coordinates", coordinatesText(event)],
    ["geo_source", "Place from", event.geo_source],
    ["fatalities", "Fatalities", event.fatalities],
    ["fatalities_reported", "Fatalities reported", joined(event.fatalities_reported)],
    ["injured", "Injured", event.injured],
    ["civilian_targeting", "Civilian targeting", event.civilian_targeting],
    ["notes", "Notes", event.notes],
    ["role", "Role", event.role],
    ["confidence", "Confidence", event.confidence],
    ["event_id", "Event id", event.event_id],
  ];
}

function fieldList(event) {
  const list = el("dl", { class: "event-fields", "data-testid": "event-fields" });
  for (const [field, label, value] of fieldRows(event)) {
    const known = value !== null && value !== undefined && value !== "";
    list.append(el("div", { "data-field": field, class: known ? null : "unknown" },
      el("dt", {}, label), el("dd", {}, known ? value : UNKNOWN)));
  }
  return list;
}

function outletsByMention(event) {
  const names = new Map();
  for (const source of event.sources ?? []) {
    names.set(source.mention_id, source.outlet || source.article_id);
  }
  return names;
}

function disagreementList(event) {
  if (!event.disagreements?.length) return null;
  const outlets = outletsByMention(event);
  const list = el("ul", { class: "disagreements" });
  for (const item of event.disagreements) {
    const said = item.values.map((entry) => {
      const who = [...new Set(entry.mention_ids.map((id) => outlets.get(id) ?? id))];
      return `${entry.value} (${who.join(", ")})`;
    });
    list.append(el("li", { "data-field": item.field },
      el("strong", {}, item.field), ": ", said.join(" vs. ")));
  }
  return el("section", { class: "disagreements-box", "data-testid": "disagreements" },
    el("h3", {}, "Reports disagree"), list);
}

function articleMeta(article) {
  const parts = [
    el("span", {}, article.outlet || "outlet unknown"),
    el("span", {}, `published ${article.published ?? "unknown"}`),
    el("span", {}, `role: ${article.roles?.length ? article.roles.join(", ") : UNKNOWN}`),
  ];
  if (article.url) parts.push(externalLink(article.url, article.url));
  return el("p", { class: "article-meta" }, parts);
}

function sourceArticle(article) {
  const box = el("article", {
    class: "source-article", "data-testid": "source-article", "data-article-id": article.article_id,
  });
  box.append(el("h4", { "data-testid": "article-title" }, article.title || "(untitled)"),
    articleMeta(article));
  if (typeof article.text !== "string") {
    box.append(el("p", { class: "note" }, "The article's text is not in the store."));
    return box;
  }
  const evidence = article.evidence ?? [];
  if (evidence.length) box.append(fieldLegend(evidence));
  const text = el("div", { class: "article-text", "data-testid": "article-text" });
  box.append(renderHighlighted(text, article.text, evidence));
  return box;
}

function heading(event) {
  const swatch = el("span", { class: "dot", "aria-hidden": "true" });
  swatch.style.backgroundColor = typeColour(event.event_type);
  const place = [event.location, event.country].filter(Boolean).join(", ");
  return el("header", { class: "event-header" },
    el("button", { type: "button", class: "back", "data-testid": "event-close" },
      "← Back to the events"),
    el("h2", { "data-testid": "event-title" }, swatch,
      [event.event_type, event.sub_event_type].filter(Boolean).join(" / ") || "Event"),
    el("p", { class: "event-subtitle" },
      [event.event_date ?? "undated", place].filter(Boolean).join(" · ")),
  );
}

/** Fill `container` with one event (the JSON of GET /api/events/{id}). */
export function renderEventView(container, detail, onClose) {
  const { event, articles } = detail;
  const header = heading(event);
  header.querySelector(".back").addEventListener("click", onClose);
  const sources = el("section", { class: "sources" },
    el("h3", {}, `Sources (${articles.length})`), articles.map(sourceArticle));
  replaceChildren(container, header, fieldList(event), disagreementList(event), sources);
  container.dataset.eventId = event.event_id;
}
