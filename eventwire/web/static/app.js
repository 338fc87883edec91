// The analyst's page: filters (kept in the URL), map, timeline with a brush, the events table,
// the event view with its evidence, ingest progress and the add-an-article form. This module
// holds the page's state and wires the parts (map.js, timeline.js, table.js, eventview.js,
// jobs.js) to the API (api.js).

import { ApiError, getJson, isAbort, postJson, queryString, savedToken, saveToken } from "./api.js";
import { byTestId, el, plural, replaceChildren } from "./dom.js";
import { renderEventView } from "./eventview.js";
import { createJobWatcher, pollJobs, trackJob } from "./jobs.js";
import {
  createMap, highlightEvent, loadOutlines, markerSummary, showPoints, typeLegend,
} from "./map.js";
import { EVENT_TYPES } from "./palette.js";
import { renderTable } from "./table.js";
import { createTimeline, setCounts, showSelection } from "./timeline.js";

const PAGE_SIZE = 25;
const FILTER_NAMES = ["country", "event_type", "actor", "since", "until"];
const DATE_FILTERS = ["since", "until"];
const ACTOR_DELAY_MS = 350;
/** What each kind of request is called in an error message. */
const REQUEST_NAMES = {
  health: "store status", events: "events", map: "map points", timeline: "timeline",
  "facets-country": "countries", "facets-type": "event types", event: "event",
  jobs: "ingest jobs", outlines: "country outlines", boot: "page",
};

const state = { filters: emptyFilters(), offset: 0, eventId: "" };
const view = { map: null, timeline: null, jobs: null, protectedReads: false };
const requests = new Map(); // kind -> AbortController of its newest request
const errors = new Map(); // kind -> message
const progress = { pending: 0, loads: 0, readyMs: null, ready: false };

function emptyFilters() {
  return Object.fromEntries(FILTER_NAMES.map((name) => [name, ""]));
}

// ------------------------------------------------------------------ URL
function readUrl() {
  const query = new URLSearchParams(window.location.search);
  for (const name of FILTER_NAMES) state.filters[name] = query.get(name) ?? "";
  state.offset = Math.max(0, Number.parseInt(query.get("offset") ?? "0", 10) || 0);
  state.eventId = query.get("event") ?? "";
}

function writeUrl() {
  const params = { ...state.filters, offset: state.offset || "", event: state.eventId };
  window.history.replaceState(null, "", window.location.pathname + queryString(params));
}

function apiFilters({ dates = true } = {}) {
  const filters = { ...state.filters };
  if (!dates) for (const name of DATE_FILTERS) delete filters[name];
  return filters;
}

function isFiltered() {
  return FILTER_NAMES.some((name) => state.filters[name]);
}

// ------------------------------------------------------------------ errors
function errorText(kind, error) {
  const what = REQUEST_NAMES[kind] ?? kind;
  const why = error instanceof ApiError ? `${error.message} (HTTP ${error.status})`
    : error?.message ?? String(error);
  return `Could not load ${what}: ${why}`;
}

function showError(kind, error) {
  if (error) errors.set(kind, errorText(kind, error));
  else errors.delete(kind);
  const list = byTestId("errors");
  replaceChildren(list, [...errors.values()].map((message) => el("li", {}, message)));
}

/** GET a route as the newest request of its kind (older ones are cancelled).
 *  Answers the JSON; null after an error (shown on the page); undefined when cancelled. */
async function latest(kind, path, params = {}) {
  requests.get(kind)?.abort();
  const controller = new AbortController();
  requests.set(kind, controller);
  progress.pending += 1;
  try {
    const data = await getJson(path, params, { signal: controller.signal });
    showError(kind, null);
    return data;
  } catch (error) {
    if (isAbort(error)) return undefined;
    showError(kind, error);
    return null;
  } finally {
    progress.pending -= 1;
    if (requests.get(kind) === controller) requests.delete(kind);
  }
}

// ------------------------------------------------------------------ store status
function renderHealth(health) {
  const counts = health.counts ?? {};
  replaceChildren(byTestId("counts"), [
    plural(counts.articles ?? 0, "article"),
    plural(counts.events ?? 0, "event"),
    plural(counts.aggregates ?? 0, "count statement"),
  ].join(" · "));
  byTestId("writes-note").textContent = health.writes_enabled ? ""
    : "Writes are disabled on this server (it has no api.token).";
  if (health.missing_assets?.length) {
    const missing = health.missing_assets.join(", ");
    showError("assets",
      new Error(`browser files not installed: ${missing} (run npm ci --prefix eventwire/web)`));
  }
}

async function loadHealth() {
  const health = await latest("health", "/api/health");
  if (health) renderHealth(health);
}

// ------------------------------------------------------------------ facets
function optionLabel(value, count) {
  return count === undefined ? value : `${value} (${count})`;
}

function fillSelect(select, allLabel, values, counts, chosen) {
  const options = [el("option", { value: "" }, allLabel)];
  const listed = chosen && !values.includes(chosen) ? [...values, chosen] : values;
  for (const value of listed) {
    const label = optionLabel(value, counts.get(value));
    options.push(el("option", { value, selected: value === chosen }, label));
  }
  replaceChildren(select, options);
  select.value = chosen;
}

function renderCountries(facets) {
  const countries = new Map(facets.country.map((item) => [item.value, item.events]));
  fillSelect(byTestId("filter-country"), "All countries", [...countries.keys()], countries,
    state.filters.country);
}

function renderTypes(facets) {
  const types = new Map(facets.event_type.map((item) => [item.value, item.events]));
  const others = [...types.keys()].filter((type) => !EVENT_TYPES.includes(type));
  const values = EVENT_TYPES.concat(others);
  for (const type of EVENT_TYPES) if (!types.has(type)) types.set(type, 0);
  fillSelect(byTestId("filter-type"), "All event types", values, types, state.filters.event_type);
}

/** Each select's values and counts under every filter but its own, so that the counts say
 *  what choosing another value would show. */
async function loadFacets() {
  const [forCountries, forTypes] = await Promise.all([
    latest("facets-country", "/api/facets", { ...apiFilters(), country: "" }),
    latest("facets-type", "/api/facets", { ...apiFilters(), event_type: "" }),
  ]);
  if (forCountries) renderCountries(forCountries);
  if (forTypes) renderTypes(forTypes);
}

// ------------------------------------------------------------------ table
async function loadTable() {
  const page = await latest("events", "/api/events",
    { ...apiFilters(), limit: PAGE_SIZE, offset: state.offset });
  if (page) renderTable(page, { filtered: isFiltered(), onOpen: openEvent });
}

function turnPage(offset) {
  state.offset = Math.max(0, offset);
  writeUrl();
  trackLoad(loadTable());
}

// ------------------------------------------------------------------ map and timeline
function renderMapNote(points) {
  const parts = [`${plural(points.features.length, "event")} on the map`];
  if (points.unlocated) {
    parts.push(`${plural(points.unlocated, "event")} without coordinates not shown`);
  }
  if (points.truncated) parts.push("more events than the map draws at once: narrow the filters");
  byTestId("map-note").textContent = parts.join(" · ");
}

async function loadPoints() {
  const points = await latest("map", "/api/points", apiFilters());
  if (!points) return;
  showPoints(view.map, points);
  renderMapNote(points);
}

async function loadTimeline() {
  const stats = await latest("timeline", "/api/stats",
    { ...apiFilters({ dates: false }), interval: "day", group_by: "event_type" });
  if (!stats) return;
  const undated = setCounts(view.timeline, stats.rows);
  byTestId("timeline-note").textContent = undated
    ? `${plural(undated, "undated event")} (no single day) not drawn` : "";
}

function showDateSelection() {
  showSelection(view.timeline, state.filters);
  byTestId("brush-clear").hidden = !(state.filters.since || state.filters.until);
  byTestId("filter-since").value = state.filters.since;
  byTestId("filter-until").value = state.filters.until;
}

// ------------------------------------------------------------------ loading
async function trackLoad(promise) {
  await promise;
  progress.loads += 1;
}

/** Reload what the filters change; the timeline only when a non-date filter changed. */
function refreshAll({ timeline = true } = {}) {
  const tasks = [loadTable(), loadPoints(), loadFacets(), loadHealth()];
  if (timeline) tasks.push(loadTimeline());
  return trackLoad(Promise.all(tasks));
}

function applyFilters(changes, { timeline = true } = {}) {
  Object.assign(state.filters, changes);
  state.offset = 0;
  writeUrl();
  showDateSelection();
  return refreshAll({ timeline });
}

function formFilters() {
  const form = byTestId("filters");
  return Object.fromEntries(FILTER_NAMES.map((name) => [name, form.elements[name].value.trim()]));
}

function onFilterChange(event) {
  if (event.target.name === "actor") return; // typed: handled as the user types
  const onlyDates = DATE_FILTERS.includes(event.target.name);
  applyFilters(formFilters(), { timeline: !onlyDates });
}

function bindFilters() {
  const form = byTestId("filters");
  let actorTimer = null;
  form.addEventListener("change", onFilterChange);
  form.elements.actor.addEventListener("input", () => {
    clearTimeout(actorTimer);
    actorTimer = setTimeout(() => applyFilters(formFilters()), ACTOR_DELAY_MS);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(actorTimer);
    applyFilters(formFilters());
  });
  form.addEventListener("reset", (event) => {
    event.preventDefault();
    clearTimeout(actorTimer);
    applyFilters(emptyFilters());
    showFiltersInForm();
  });
  byTestId("brush-clear").addEventListener("click", () => {
    applyFilters({ since: "", until: "" }, { timeline: false });
  });
  byTestId("prev").addEventListener("click", () => turnPage(state.offset - PAGE_SIZE));
  const next = byTestId("next");
  next.addEventListener("click", () => turnPage(Number(next.dataset.offset)));
}

function showFiltersInForm() {
  const form = byTestId("filters");
  for (const name of FILTER_NAMES) form.elements[name].value = state.filters[name];
}

// ------------------------------------------------------------------ event view
function showEventPanel(open) {
  byTestId("event-view").hidden = !open;
  byTestId("events-panel").hidden = open;
}

async function openEvent(eventId) {
  state.eventId = eventId;
  writeUrl();
  highlightEvent(view.map, eventId);
  const detail = await latest("event", `/api/events/${encodeURIComponent(eventId)}`);
  if (detail === undefined) return; // a newer click took over
  if (detail === null) {
    closeEvent();
    return;
  }
  const panel = byTestId("event-view");
  renderEventView(panel, detail, closeEvent);
  showEventPanel(true);
  panel.scrollIntoView({ block: "start" });
}

function closeEvent() {
  state.eventId = "";
  writeUrl();
  highlightEvent(view.map, null);
  showEventPanel(false);
}

// ------------------------------------------------------------------ access and writes
function askForToken(refused) {
  const dialog = byTestId("token-dialog");
  byTestId("token-error").textContent = refused ? "That token was refused." : "";
  byTestId("token-button").hidden = false;
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => {
      saveToken(byTestId("token-input").value.trim());
      resolve();
    }, { once: true });
    dialog.showModal();
  });
}

/** GET /api/health, asking for the token while the server answers 401. */
async function checkAccess() {
  for (;;) {
    try {
      return await getJson("/api/health");
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
      view.protectedReads = true;
      await askForToken(Boolean(savedToken()));
    }
  }
}

function articleFromForm(form) {
  const data = new FormData(form);
  const article = { text: data.get("text") };
  for (const name of ["title", "url", "published"]) {
    const value = String(data.get(name) ?? "").trim();
    if (value) article[name] = value;
  }
  return article;
}

async function submitArticle(event) {
  event.preventDefault();
  const form = event.target;
  const status = byTestId("add-status");
  const token = form.elements.token.value.trim() || savedToken();
  status.className = "add-status";
  status.textContent = "sending…";
  try {
    const job = await postJson("/api/articles", articleFromForm(form), token);
    saveToken(token);
    trackJob(view.jobs, job);
    status.textContent = `queued as job ${job.job_id}`;
    for (const name of ["text", "title", "url", "published"]) form.elements[name].value = "";
  } catch (error) {
    status.classList.add("error");
    status.textContent = error instanceof ApiError
      ? `Not added: ${error.message} (HTTP ${error.status})` : `Not added: ${error.message}`;
  }
}

function bindForms() {
  const form = byTestId("add-form");
  form.elements.token.value = savedToken();
  form.addEventListener("submit", submitArticle);
  byTestId("token-button").addEventListener("click", async () => {
    await askForToken(false);
    refreshAll();
  });
}

// ------------------------------------------------------------------ start
function startJobs() {
  view.jobs = createJobWatcher(
    { status: byTestId("job-status"), progress: byTestId("job-progress") },
    { onFinished: () => refreshAll(), onError: (error) => showError("jobs", error) },
  );
  return pollJobs(view.jobs);
}

async function loadMapOutlines() {
  try {
    await loadOutlines(view.map);
  } catch (error) {
    showError("outlines", error);
  }
}

async function boot() {
  readUrl();
  showFiltersInForm();
  bindFilters();
  bindForms();
  byTestId("legend-holder").append(typeLegend());
  view.map = createMap(byTestId("map"), openEvent);
  view.timeline = createTimeline(byTestId("timeline"),
    (range) => applyFilters(range, { timeline: false }));
  showDateSelection();
  renderHealth(await checkAccess());
  await Promise.all([loadMapOutlines(), refreshAll(), startJobs()]);
  if (state.eventId) await openEvent(state.eventId);
}

function exposeForTests(ready) {
  window.eventwire = Object.freeze({
    ready,
    get isReady() { return progress.ready; },
    get readyMs() { return progress.readyMs; },
    get map() { return view.map?.map ?? null; },
    get pending() { return progress.pending; },
    get loads() { return progress.loads; },
    markers: () => (view.map ? markerSummary(view.map) : []),
    filters: () => ({ ...state.filters }),
    idle: () => progress.ready && progress.pending === 0,
  });
}

const ready = boot()
  .catch((error) => showError("boot", error))
  .finally(() => {
    progress.ready = true;
    progress.readyMs = Math.round(performance.now());
    document.body.dataset.ready = "true";
  });
exposeForTests(ready);
