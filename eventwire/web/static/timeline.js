// The timeline: events per day as stacked bars (one colour per event type) on a date axis,
// drawn as inline SVG, with a brush: dragging across it picks a date range.

import { EVENT_TYPES, typeColour } from "./palette.js";

const SVG_NS = "http://www.w3.org/2000/svg";
const DAY_MS = 86_400_000;
const HEIGHT = 150;
const MARGIN = { top: 10, right: 12, bottom: 24, left: 34 };
const MIN_BAR_WIDTH = 3;
const MAX_BAR_WIDTH = 40;
const MIN_BRUSH_PIXELS = 4;
const MAX_TICKS = 8;
/** Axis steps, finest first: the first giving at most MAX_TICKS ticks is used. */
const TICK_STEPS = [
  { days: 1 }, { days: 7 }, { months: 1 }, { months: 3 }, { months: 6 },
  { months: 12 }, { months: 24 }, { months: 60 }, { months: 120 },
];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Days since 1970-01-01 of a YYYY-MM-DD string. */
export function dayNumber(isoDate) {
  const [year, month, day] = isoDate.split("-").map(Number);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function isoDay(number) {
  return new Date(number * DAY_MS).toISOString().slice(0, 10);
}

function svgElement(tag, attrs = {}, text = null) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== null) node.textContent = text;
  return node;
}

/** Rows of /api/stats?interval=day&group_by=event_type as per-day counts by type. */
export function dailyCounts(rows) {
  const days = new Map();
  let undated = 0;
  for (const row of rows) {
    if (!row.period) {
      undated += row.events;
      continue;
    }
    const day = dayNumber(row.period);
    const entry = days.get(day) ?? { total: 0, byType: new Map() };
    entry.total += row.events;
    const type = row.event_type ?? "unknown";
    entry.byType.set(type, (entry.byType.get(type) ?? 0) + row.events);
    days.set(day, entry);
  }
  return { days, undated };
}

function typeOrder(types) {
  const known = EVENT_TYPES.filter((type) => types.has(type));
  return known.concat([...types.keys()].filter((type) => !EVENT_TYPES.includes(type)));
}

function scaleFor(timeline) {
  const keys = [...timeline.counts.days.keys()];
  const first = Math.min(...keys);
  const last = Math.max(...keys);
  const pad = Math.max(1, Math.round((last - first) * 0.02));
  const start = first - pad;
  const end = last + 1 + pad;
  const width = timeline.width - MARGIN.left - MARGIN.right;
  return {
    first, last, start, end,
    x: (day) => MARGIN.left + ((day - start) / (end - start)) * width,
    dayAt: (x) => start + ((x - MARGIN.left) / width) * (end - start),
    plotHeight: HEIGHT - MARGIN.top - MARGIN.bottom,
    most: Math.max(...[...timeline.counts.days.values()].map((entry) => entry.total)),
  };
}

function monthTicks(start, end, months) {
  const ticks = [];
  const date = new Date(start * DAY_MS);
  let index = date.getUTCFullYear() * 12 + date.getUTCMonth() + 1;
  index = Math.ceil(index / months) * months;
  for (;;) {
    const day = Date.UTC(Math.floor(index / 12), index % 12, 1) / DAY_MS;
    if (day > end) return ticks;
    const label = months % 12 === 0 ? String(Math.floor(index / 12))
      : `${MONTHS[index % 12]} ${Math.floor(index / 12)}`;
    ticks.push({ day, label });
    index += months;
  }
}

function dayTicks(start, end, days) {
  const ticks = [];
  for (let day = Math.ceil(start); day <= end; day += days) {
    const date = new Date(day * DAY_MS);
    ticks.push({ day, label: `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}` });
  }
  return ticks;
}

/** Date ticks between two day numbers at the finest step that keeps them few. */
export function dateTicks(start, end) {
  for (const step of TICK_STEPS) {
    const ticks = step.days ? dayTicks(start, end, step.days) : monthTicks(start, end, step.months);
    if (ticks.length <= MAX_TICKS) return ticks;
  }
  return [];
}

function barTitle(day, entry) {
  const parts = [...entry.byType].map(([type, count]) => `${type}: ${count}`);
  return `${isoDay(day)}: ${entry.total} event${entry.total === 1 ? "" : "s"}\n${parts.join("\n")}`;
}

function drawBar(group, scale, day, entry) {
  const slot = scale.x(day + 1) - scale.x(day);
  const width = Math.min(MAX_BAR_WIDTH, Math.max(MIN_BAR_WIDTH, slot - 1));
  const left = scale.x(day) + (slot - width) / 2;
  const bar = svgElement("g", { class: "bar", "data-day": isoDay(day) });
  bar.append(svgElement("title", {}, barTitle(day, entry)));
  let base = MARGIN.top + scale.plotHeight;
  for (const type of typeOrder(entry.byType)) {
    const height = (entry.byType.get(type) / scale.most) * scale.plotHeight;
    base -= height;
    bar.append(svgElement("rect", {
      x: left.toFixed(2), y: base.toFixed(2), width: width.toFixed(2),
      height: height.toFixed(2), fill: typeColour(type), "data-type": type,
    }));
  }
  group.append(bar);
}

function drawAxes(svg, scale, width) {
  const baseline = MARGIN.top + scale.plotHeight;
  const axis = svgElement("g", { class: "axis" });
  const [left, right, labelX] = [MARGIN.left, width - MARGIN.right, MARGIN.left - 6];
  axis.append(svgElement("line", { x1: left, x2: right, y1: baseline, y2: baseline }));
  const top = MARGIN.top;
  axis.append(svgElement("line", { class: "grid", x1: left, x2: right, y1: top, y2: top }));
  axis.append(svgElement("text", { x: labelX, y: top + 4, "text-anchor": "end" }, String(scale.most)));
  axis.append(svgElement("text", { x: labelX, y: baseline, "text-anchor": "end" }, "0"));
  for (const tick of dateTicks(scale.start, scale.end)) {
    const x = scale.x(tick.day).toFixed(2);
    axis.append(svgElement("line", { x1: x, x2: x, y1: baseline, y2: baseline + 4 }));
    axis.append(svgElement("text", { x, y: baseline + 16, "text-anchor": "middle" }, tick.label));
  }
  svg.append(axis);
}

function selectionPixels(timeline, scale) {
  const { since, until } = timeline.selection;
  if (!since && !until) return null;
  const from = since ? scale.x(dayNumber(since)) : scale.x(scale.start);
  const to = until ? scale.x(dayNumber(until) + 1) : scale.x(scale.end);
  const left = Math.max(MARGIN.left, Math.min(from, to));
  const right = Math.min(timeline.width - MARGIN.right, Math.max(from, to));
  return { left, right: Math.max(right, left + 1) };
}

function drawBrush(timeline, pixels) {
  timeline.svg.querySelector(".brush")?.remove();
  if (!pixels) return;
  timeline.svg.append(svgElement("rect", {
    class: "brush", "data-testid": "brush",
    x: pixels.left.toFixed(2), y: MARGIN.top - 4,
    width: (pixels.right - pixels.left).toFixed(2), height: timeline.scale.plotHeight + 4,
  }));
}

function markOutside(timeline) {
  const { since, until } = timeline.selection;
  for (const bar of timeline.svg.querySelectorAll(".bar")) {
    const day = bar.dataset.day;
    const outside = (since && day < since) || (until && day > until);
    bar.classList.toggle("outside", Boolean(outside));
  }
}

function drawEmpty(svg, width) {
  const middle = { x: width / 2, y: HEIGHT / 2, "text-anchor": "middle" };
  svg.append(svgElement("text", { class: "empty", ...middle }, "no dated events"));
}

/** Draw everything again: bars, axes, and the selected range. */
export function redraw(timeline) {
  const { svg } = timeline;
  timeline.width = Math.max(200, svg.parentElement.clientWidth);
  svg.replaceChildren();
  svg.setAttribute("width", timeline.width);
  svg.setAttribute("height", HEIGHT);
  svg.setAttribute("viewBox", `0 0 ${timeline.width} ${HEIGHT}`);
  if (timeline.counts.days.size === 0) {
    timeline.scale = null;
    drawEmpty(svg, timeline.width);
    return;
  }
  timeline.scale = scaleFor(timeline);
  drawAxes(svg, timeline.scale, timeline.width);
  const bars = svgElement("g", { class: "bars" });
  for (const [day, entry] of timeline.counts.days) drawBar(bars, timeline.scale, day, entry);
  svg.append(bars);
  showSelection(timeline, timeline.selection);
}

function redrawIfResized(timeline) {
  if (Math.max(200, timeline.svg.parentElement.clientWidth) !== timeline.width) redraw(timeline);
}

/** Show the selected range (from the brush or the date inputs) without redrawing bars. */
export function showSelection(timeline, selection) {
  timeline.selection = { since: selection.since || "", until: selection.until || "" };
  if (!timeline.scale) return;
  drawBrush(timeline, selectionPixels(timeline, timeline.scale));
  markOutside(timeline);
}

/** New counts (rows of /api/stats); returns how many events have no date to draw. */
export function setCounts(timeline, rows) {
  timeline.counts = dailyCounts(rows);
  redraw(timeline);
  return timeline.counts.undated;
}

function pointerX(timeline, event) {
  const box = timeline.svg.getBoundingClientRect();
  const x = event.clientX - box.left;
  return Math.min(timeline.width - MARGIN.right, Math.max(MARGIN.left, x));
}

function dragRange(timeline, endX) {
  const left = Math.min(timeline.drag.startX, endX);
  const right = Math.max(timeline.drag.startX, endX);
  return { left, right };
}

function clampDay(scale, day) {
  return Math.min(scale.last, Math.max(scale.first, Math.floor(day)));
}

function startDrag(timeline, event) {
  if (!timeline.scale || event.button !== 0) return;
  timeline.svg.setPointerCapture(event.pointerId);
  timeline.drag = { startX: pointerX(timeline, event) };
  event.preventDefault();
}

function moveDrag(timeline, event) {
  if (!timeline.drag) return;
  drawBrush(timeline, dragRange(timeline, pointerX(timeline, event)));
}

function endDrag(timeline, event) {
  if (!timeline.drag) return;
  const { left, right } = dragRange(timeline, pointerX(timeline, event));
  timeline.drag = null;
  if (right - left < MIN_BRUSH_PIXELS) {
    showSelection(timeline, timeline.selection); // a click, not a drag: keep what was chosen
    return;
  }
  const scale = timeline.scale;
  const since = isoDay(clampDay(scale, scale.dayAt(left)));
  const until = isoDay(clampDay(scale, scale.dayAt(right)));
  showSelection(timeline, { since, until });
  timeline.onBrush({ since, until });
}

/** A timeline in `svg`; `onBrush({since, until})` is called when a range is dragged out. */
export function createTimeline(svg, onBrush) {
  const timeline = {
    svg, onBrush, width: 0, scale: null, drag: null,
    counts: { days: new Map(), undated: 0 }, selection: { since: "", until: "" },
  };
  svg.addEventListener("pointerdown", (event) => startDrag(timeline, event));
  svg.addEventListener("pointermove", (event) => moveDrag(timeline, event));
  svg.addEventListener("pointerup", (event) => endDrag(timeline, event));
  svg.addEventListener("pointercancel", () => { timeline.drag = null; });
  new ResizeObserver(() => redrawIfResized(timeline)).observe(svg.parentElement);
  return timeline;
}
