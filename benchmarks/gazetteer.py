"""Gazetteer benchmark: build time, lookup and reverse-lookup speed, resident memory.

Run: ``python benchmarks/gazetteer.py`` (builds a fresh index in a temporary folder; pass
``--index FILE`` to time an existing one instead). Targets: build < 30 s, lookup < 50 µs,
resident memory < 400 MB after opening.
"""
from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from eventwire.where.build import build_index
from eventwire.where.index import SqliteGazetteer

#: names as wire reports write them: towns, facilities, regions, countries, variant spellings,
#: and capitalised words a resolver may ask about that are no place at all
NAMES = (
    "Baghdad", "Erbil", "Arbil", "Ain al-Asad", "Ain al-Assad", "Al Asad Air Base", "al-Tanf",
    "Tower 22", "Harir", "Green Zone", "Al-Shaddadi", "Shaddadah", "Deir ez-Zor", "Deir Ezzor",
    "Dayr az Zawr", "Abu Kamal", "Al-Bukamal", "Raqqa", "Hasakah", "Qamishli", "Mayadin", "Conoco",
    "Al-Omar oil field", "Rumalyn", "Anbar", "Al Anbar", "Nineveh", "Salah al-Din", "Kirkuk", "Mosul",
    "Fallujah", "Ramadi", "Jurf al-Sakhar", "Iraq", "Syria", "Jordan", "Gaza", "Gaza City", "Khan Younis",
    "Rafah", "Jabalia", "Deir al-Balah", "West Bank", "Jenin", "Tulkarm", "Nablus", "Hebron", "Lebanon",
    "Beirut", "Dahiyeh", "Tyre", "Nabatieh", "Naqoura", "Sanaa", "Hodeidah", "Red Sea", "Bab el-Mandeb",
    "Yemen", "Iran", "Natanz", "Kyiv", "Kiev", "Kharkiv", "Odesa", "Zaporizhzhia", "Bakhmut", "Avdiivka",
    "Donetsk", "Crimea", "Sevastopol", "Khartoum", "Omdurman", "El Fasher", "Nyala", "Darfur", "Sudan",
    "Washington", "Pentagon", "Monday", "Islamic", "Resistance", "Reuters", "Hezbollah", "Israel",
    "United States", "U.S.", "Damascus", "Aleppo", "Idlib", "Homs", "Latakia", "Tartus", "Palmyra",
)


def rss_mb() -> float:
    """Resident memory of this process now (Linux /proc), else its peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def time_per_call(call, items, repeat: int = 1) -> float:
    """Mean microseconds per call over ``items`` (repeated ``repeat`` times)."""
    start = time.perf_counter()
    for _ in range(repeat):
        for item in items:
            call(item)
    return (time.perf_counter() - start) / (len(items) * repeat) * 1e6


def main(argv: list[str] | None = None) -> int:
    """Build a fresh index and time it, then measure reading it in a fresh process."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, help="time this existing index instead of building one")
    args = parser.parse_args(argv)
    if args.index is not None:
        measure(args.index)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        path = build_index(Path(folder) / "gazetteer.sqlite")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"build: {time.perf_counter() - start:.1f} s, {path.stat().st_size / 1e6:.0f} MB on disk, "
              f"peak resident memory while building {peak:.0f} MB")
        # a fresh process, so the figures below are what a reader of the index pays
        return subprocess.run([sys.executable, __file__, "--index", str(path)], check=False).returncode


def measure(path: Path) -> None:
    """Open an index and print memory and speed figures."""
    before = rss_mb()
    gazetteer = SqliteGazetteer(path)
    print(f"resident memory after opening: {rss_mb():.0f} MB (interpreter and imports alone {before:.0f} MB)")
    report(gazetteer)
    print(f"resident memory after the runs: {rss_mb():.0f} MB")


def report(gazetteer: SqliteGazetteer) -> None:
    """Lookup, reverse-lookup and nearby timings (uncached and cached)."""
    names = list(NAMES)
    cold = time_per_call(gazetteer._lookup_key, [n.lower() for n in names])
    gazetteer.lookup(names[0])
    first = time_per_call(gazetteer.lookup, names)
    warm = time_per_call(gazetteer.lookup, names, repeat=50)
    print(f"lookup over {len(names)} names: uncached {cold:.0f} µs, first call {first:.0f} µs, "
          f"cached {warm:.1f} µs per name")
    rng = random.Random(7)
    points = [(rng.uniform(29.0, 37.0), rng.uniform(35.0, 48.0), "") for _ in range(300)]
    points += [(rng.uniform(45.0, 52.0), rng.uniform(23.0, 40.0), "UA") for _ in range(300)]
    reverse = time_per_call(lambda p: gazetteer._reverse(*p), points)
    print(f"reverse lookup (admin_names) over {len(points)} points: {reverse:.0f} µs uncached")
    near = time_per_call(lambda p: gazetteer.nearby(p[0], p[1], 50.0, ("facility", "airport")), points[:200])
    print(f"nearby(50 km, facilities and airports): {near:.0f} µs")


if __name__ == "__main__":
    sys.exit(main())
