// Named colours and labels the page draws with: ACLED's event types, the evidence fields,
// and what ACLED's precision codes mean.

export const EVENT_TYPES = [
  "Battles",
  "Explosions/Remote violence",
  "Violence against civilians",
  "Protests",
  "Riots",
  "Strategic developments",
];

export const TYPE_COLOURS = {
  "Battles": "#c62828",
  "Explosions/Remote violence": "#ef6c00",
  "Violence against civilians": "#6a1b9a",
  "Protests": "#1565c0",
  "Riots": "#00897b",
  "Strategic developments": "#546e7a",
};
export const OTHER_TYPE_COLOUR = "#8d6e63";

/** Background colours of the evidence highlights, by the field a span is evidence for. */
export const FIELD_COLOURS = {
  trigger: "#fde68a",
  event_date: "#bfdbfe",
  location: "#bbf7d0",
  actor1: "#fecaca",
  actor2: "#e9d5ff",
  claimed_by: "#fed7aa",
  attributed_to: "#fbcfe8",
  target: "#a5f3fc",
  weapon: "#d9f99d",
  fatalities: "#fca5a5",
  injured: "#fdba74",
};
export const OTHER_FIELD_COLOUR = "#e5e7eb";

export const TIME_PRECISION = { 1: "exact day", 2: "within a week", 3: "month or range" };
export const GEO_PRECISION = {
  1: "town or facility",
  2: "near a town or part of a region",
  3: "region",
};

export function typeColour(eventType) {
  return TYPE_COLOURS[eventType] ?? OTHER_TYPE_COLOUR;
}

export function fieldColour(field) {
  return FIELD_COLOURS[field] ?? OTHER_FIELD_COLOUR;
}
