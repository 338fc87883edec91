"""Per-client request limits for the HTTP API: a sliding minute per client and kind of request.

A server on a laptop is mostly its one user's, but a token guessed by brute force or a script
polling in a tight loop should meet a wall, not the store. Reads and writes are counted apart
(``api.reads_per_minute``, ``api.writes_per_minute``; 0 turns a limit off). A refused request
learns when to retry; refusals are not counted, so a client that waits gets through.
"""
from __future__ import annotations

import threading
import time
from collections import defaultdict, deque
from typing import Callable

WINDOW_SECONDS = 60.0


class RateLimiter:
    """``allow(client, kind)``: None when the request may go on, else seconds to wait."""

    def __init__(self, limits: dict[str, int], clock: Callable[[], float] = time.monotonic):
        self.limits, self.clock = limits, clock
        self._seen: dict[tuple[str, str], deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def allow(self, client: str, kind: str) -> float | None:
        most = self.limits.get(kind, 0)
        if most <= 0:
            return None
        now = self.clock()
        with self._lock:
            seen = self._seen[(client, kind)]
            while seen and seen[0] <= now - WINDOW_SECONDS:
                seen.popleft()
            if len(seen) >= most:
                return max(0.0, seen[0] + WINDOW_SECONDS - now)
            seen.append(now)
        return None
