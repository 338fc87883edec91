"""Per-client request limits: a sliding minute, reads and writes apart, refusals not counted."""
from __future__ import annotations

from eventwire.ratelimit import WINDOW_SECONDS, RateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_limit_holds_per_client_and_kind_and_frees_up_after_a_minute():
    clock = Clock()
    limiter = RateLimiter({"write": 2, "read": 0}, clock)
    assert limiter.allow("10.0.0.1", "write") is None
    clock.now += 10
    assert limiter.allow("10.0.0.1", "write") is None
    assert limiter.allow("10.0.0.1", "write") == WINDOW_SECONDS - 10  # the first one ages out
    assert limiter.allow("10.0.0.2", "write") is None  # another client has its own minute
    assert all(limiter.allow("10.0.0.1", "read") is None for _ in range(500))  # 0: no limit
    clock.now += WINDOW_SECONDS - 10
    assert limiter.allow("10.0.0.1", "write") is None
