// An article's text with its evidence spans highlighted as <mark data-field="..."> elements.
//
// The API's offsets count Unicode code points (Python string indices); JavaScript strings
// count UTF-16 units, so an emoji before a span shifts it by one. Offsets are converted first.
// Spans may overlap: the text is cut at every span boundary and each piece is wrapped in the
// marks of every span covering it, outermost (earliest, then longest) first. Spans that nest
// become nested marks; a span that crosses another's end is split into several marks that
// share its data-span number.

import { el, replaceChildren } from "./dom.js";
import { fieldColour } from "./palette.js";

/** For each code-point index 0..n of `text`, the UTF-16 index it starts at. */
export function utf16Starts(text) {
  const starts = [0];
  let unit = 0;
  for (const character of text) {
    unit += character.length;
    starts.push(unit);
  }
  return starts;
}

function clampedStart(starts, offset) {
  const index = Math.min(Math.max(Number(offset) || 0, 0), starts.length - 1);
  return starts[index];
}

/** The evidence as spans in UTF-16 units, each numbered by its place in the API's list. */
export function utf16Spans(text, evidence) {
  const starts = utf16Starts(text);
  return evidence
    .map((item, id) => ({
      id,
      field: item.field,
      start: clampedStart(starts, item.start),
      end: clampedStart(starts, item.end),
    }))
    .filter((span) => span.end > span.start);
}

function outermostFirst(a, b) {
  return a.start - b.start || b.end - a.end || a.id - b.id;
}

/** The text cut at every span boundary: [{start, end, spans (outermost first)}]. */
export function segments(textLength, spans) {
  const cuts = new Set([0, textLength]);
  for (const span of spans) cuts.add(span.start).add(span.end);
  const points = [...cuts].sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [start, end] = [points[i], points[i + 1]];
    const covering = spans.filter((s) => s.start <= start && s.end >= end);
    pieces.push({ start, end, spans: covering.sort(outermostFirst) });
  }
  return pieces;
}

/** A mark for `span`, titled with the fields of every span it sits in (outermost first). */
function markFor(span, fields) {
  const mark = el("mark", {
    class: "evidence",
    "data-field": span.field,
    "data-span": span.id,
    title: [...new Set(fields)].join(", "),
  });
  mark.style.setProperty("--field-colour", fieldColour(span.field));
  return mark;
}

function sharedPrefixLength(open, chain) {
  let n = 0;
  while (n < open.length && n < chain.length && open[n].span === chain[n]) n += 1;
  return n;
}

/** `text` into `container`, with a <mark> for each evidence span. */
export function renderHighlighted(container, text, evidence) {
  replaceChildren(container);
  const open = []; // [{span, node}] from the outermost mark inwards
  for (const piece of segments(text.length, utf16Spans(text, evidence))) {
    open.length = sharedPrefixLength(open, piece.spans);
    for (const span of piece.spans.slice(open.length)) {
      const mark = markFor(span, [...open.map((item) => item.span.field), span.field]);
      (open.at(-1)?.node ?? container).append(mark);
      open.push({ span, node: mark });
    }
    const parent = open.at(-1)?.node ?? container;
    parent.append(document.createTextNode(text.slice(piece.start, piece.end)));
  }
  return container;
}

/** A legend of the fields that have evidence, in the order they first appear. */
export function fieldLegend(evidence) {
  const fields = [...new Set(evidence.map((item) => item.field))];
  const list = el("ul", { class: "field-legend", "data-testid": "field-legend" });
  for (const field of fields) {
    const swatch = el("span", { class: "field-swatch", "data-legend-field": field }, field);
    swatch.style.setProperty("--field-colour", fieldColour(field));
    list.append(el("li", {}, swatch));
  }
  return list;
}
