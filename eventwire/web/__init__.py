"""The page's files and the browser assets it loads, and Natural Earth's country outlines.

``static/`` holds the page eventwire writes (HTML, JS, CSS). The libraries it uses (Leaflet,
Leaflet.markercluster, topojson-client) and the country outlines (Natural Earth, as TopoJSON in
the ``world-atlas`` package) come from the npm registry at install: ``npm ci --prefix
eventwire/web`` puts them in ``node_modules/``. Nothing is fetched from a CDN at run time, so
the page works offline. ``VENDOR`` names every file the app may serve from there; anything
else is refused, so a request path can never reach outside those files.
"""
from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from ..errors import ResourceError

WEB_DIR = Path(__file__).parent
STATIC_DIR = WEB_DIR / "static"
NODE_MODULES = WEB_DIR / "node_modules"
INSTALL_HINT = "npm ci --prefix eventwire/web"

#: name served under /vendor/ -> file under node_modules
VENDOR: dict[str, str] = {
    "leaflet.js": "leaflet/dist/leaflet.js",
    "leaflet.css": "leaflet/dist/leaflet.css",
    "images/layers.png": "leaflet/dist/images/layers.png",
    "images/layers-2x.png": "leaflet/dist/images/layers-2x.png",
    "images/marker-icon.png": "leaflet/dist/images/marker-icon.png",
    "images/marker-icon-2x.png": "leaflet/dist/images/marker-icon-2x.png",
    "images/marker-shadow.png": "leaflet/dist/images/marker-shadow.png",
    "leaflet.markercluster.js": "leaflet.markercluster/dist/leaflet.markercluster.js",
    "MarkerCluster.css": "leaflet.markercluster/dist/MarkerCluster.css",
    "MarkerCluster.Default.css": "leaflet.markercluster/dist/MarkerCluster.Default.css",
    "topojson-client.min.js": "topojson-client/dist/topojson-client.min.js",
    "countries-50m.json": "world-atlas/countries-50m.json",
    "countries-110m.json": "world-atlas/countries-110m.json",
}


def vendor_path(name: str) -> Path:
    """The installed file served as /vendor/``name``; ``ResourceError`` if it is not installed."""
    relative = VENDOR.get(name)
    if relative is None:
        raise ResourceError(name, f"not a browser asset eventwire serves "
                                  f"(valid: {', '.join(sorted(VENDOR))})")
    path = NODE_MODULES / relative
    if not path.is_file():
        raise ResourceError(str(path), f"browser asset not installed: run {INSTALL_HINT}")
    return path


def missing_assets() -> list[str]:
    """The vendor files not installed (empty when the page has everything it loads)."""
    return [name for name, rel in VENDOR.items() if not (NODE_MODULES / rel).is_file()]


@functools.lru_cache(maxsize=2)
def countries_topology(resolution: str = "110m") -> dict[str, Any]:
    """Natural Earth's countries at 1:``resolution`` (110m or 50m) as a TopoJSON topology."""
    path = vendor_path(f"countries-{resolution}.json")
    return json.loads(path.read_text(encoding="utf-8"))
