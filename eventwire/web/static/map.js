// The map: Natural Earth's country outlines (no tile server: the page works offline) and one
// circle per located event, sized by fatalities, coloured by event type, clustered when dense.

/* global L, topojson */

import { el } from "./dom.js";
import { EVENT_TYPES, typeColour } from "./palette.js";

const OUTLINES_URL = "/vendor/countries-50m.json";
const OUTLINES_PANE = "outlines"; // under the markers, above the (empty) tile pane
const OUTLINE_STYLE = { color: "#a3aeb3", weight: 0.6, fillColor: "#f3f1ea", fillOpacity: 1 };
const WORLD_VIEW = { center: [25, 20], zoom: 2 };
const FIT_OPTIONS = { padding: [30, 30], maxZoom: 7, animate: false };
const MAP_OPTIONS = { minZoom: 1, maxZoom: 12, zoomSnap: 0.5, worldCopyJump: false };
const CLUSTER_OPTIONS = {
  maxClusterRadius: 32,
  showCoverageOnHover: false,
  animate: false, // circle markers have no icon to fade: split and merge at once
  spiderfyOnMaxZoom: true,
};
const MARKER_SIZE = { minRadius: 5, perSqrtFatality: 2.2, maxRadius: 26 };
const MARKER_STYLE = { color: "#ffffff", weight: 1, opacity: 0.9, fillOpacity: 0.8 };
const SELECTED_STYLE = { color: "#111111", weight: 3 };

/** Circle radius in pixels: grows with the square root of fatalities, from a minimum. */
export function markerRadius(fatalities) {
  const count = Math.max(0, Number(fatalities) || 0);
  const radius = MARKER_SIZE.minRadius + MARKER_SIZE.perSqrtFatality * Math.sqrt(count);
  return Math.min(MARKER_SIZE.maxRadius, radius);
}

export function createMap(container, onOpenEvent) {
  const map = L.map(container, MAP_OPTIONS).setView(WORLD_VIEW.center, WORLD_VIEW.zoom);
  map.createPane(OUTLINES_PANE).style.zIndex = 250;
  map.attributionControl.addAttribution("Outlines: Natural Earth");
  const cluster = L.markerClusterGroup(CLUSTER_OPTIONS).addTo(map);
  return { map, cluster, markers: [], selected: null, onOpenEvent };
}

export async function loadOutlines(view) {
  const response = await fetch(OUTLINES_URL);
  if (!response.ok) {
    throw new Error(`country outlines ${OUTLINES_URL}: ${response.status} ${response.statusText}`);
  }
  const topology = await response.json();
  const countries = topojson.feature(topology, topology.objects.countries);
  L.geoJSON(countries, {
    style: OUTLINE_STYLE,
    interactive: false,
    renderer: L.canvas({ pane: OUTLINES_PANE, padding: 0.3 }),
  }).addTo(view.map);
}

function placeName(props) {
  return [props.location, props.admin1, props.country]
    .filter((part, i, all) => part && all.indexOf(part) === i)
    .join(", ");
}

function tooltipContent(props) {
  const dead = props.fatalities ?? "unknown";
  return el(
    "div",
    { class: "marker-tip" },
    el("strong", {}, props.event_date ?? "undated"),
    el("div", {}, [props.event_type, props.sub_event_type].filter(Boolean).join(" / ")),
    el("div", {}, placeName(props) || "place unknown"),
    el("div", {}, `fatalities: ${dead}`),
  );
}

function pointMarker(view, feature) {
  const [lon, lat] = feature.geometry.coordinates;
  const props = feature.properties;
  const marker = L.circleMarker([lat, lon], {
    ...MARKER_STYLE,
    radius: markerRadius(props.fatalities),
    fillColor: typeColour(props.event_type),
  });
  marker.eventId = props.event_id;
  marker.bindTooltip(tooltipContent(props), { direction: "top", className: "event-tooltip" });
  marker.on("click", () => view.onOpenEvent(props.event_id));
  marker.on("add", () => marker.getElement()?.setAttribute("data-event-id", props.event_id));
  return marker;
}

function fitToMarkers(view) {
  if (view.markers.length === 0) {
    view.map.setView(WORLD_VIEW.center, WORLD_VIEW.zoom, { animate: false });
    return;
  }
  const bounds = L.latLngBounds(view.markers.map((marker) => marker.getLatLng()));
  view.map.fitBounds(bounds, FIT_OPTIONS);
}

/** Replace the markers with a FeatureCollection's points and fit the view to them. */
export function showPoints(view, collection) {
  view.cluster.clearLayers();
  view.markers = collection.features.map((feature) => pointMarker(view, feature));
  view.cluster.addLayers(view.markers);
  fitToMarkers(view);
  highlightEvent(view, view.selected);
}

/** Outline the marker of the open event (if it is on the map). */
export function highlightEvent(view, eventId) {
  view.selected = eventId;
  for (const marker of view.markers) {
    const chosen = marker.eventId === eventId;
    marker.setStyle(chosen ? SELECTED_STYLE : MARKER_STYLE);
    if (chosen && marker._map) marker.bringToFront();
  }
}

/** The markers as plain data: where each is and whether it (or its cluster) is drawn. */
export function markerSummary(view) {
  return view.markers.map((marker) => {
    const { lat, lng } = marker.getLatLng();
    return {
      event_id: marker.eventId,
      lat,
      lon: lng,
      shown: Boolean(view.cluster.getVisibleParent(marker)),
      in_view: view.map.getBounds().contains(marker.getLatLng()),
    };
  });
}

export function typeLegend() {
  const list = el("ul", { class: "type-legend", "data-testid": "legend" });
  for (const type of EVENT_TYPES) {
    const dot = el("span", { class: "dot", "aria-hidden": "true" });
    dot.style.backgroundColor = typeColour(type);
    list.append(el("li", {}, dot, type));
  }
  list.append(el("li", { class: "size-note" }, "circle size: fatalities"));
  return list;
}
