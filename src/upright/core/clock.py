"""Time as an input: the Clock protocol the core is driven by, and the real system clock."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """Monotonic seconds for every duration; wall time only to stamp records."""

    def monotonic(self) -> float: ...

    def wall(self) -> datetime:
        """The current local time, timezone-aware."""
        ...


# Linux's CLOCK_MONOTONIC stops while the computer sleeps; CLOCK_BOOTTIME does not, so a sleep
# shows up as a gap (see session.GAP_S) instead of silently freezing a hold.
_MONOTONIC_ID = getattr(time, "CLOCK_BOOTTIME", time.CLOCK_MONOTONIC)


class SystemClock:
    """The real clock. The only place in the core that reads the time."""

    def monotonic(self) -> float:
        return time.clock_gettime(_MONOTONIC_ID)

    def wall(self) -> datetime:
        return datetime.now(UTC).astimezone()


class FakeClock:
    """A clock that only moves when told to: for tests, benchmarks and demos."""

    def __init__(self, start: datetime | None = None, monotonic_s: float = 1000.0) -> None:
        self._mono = monotonic_s
        self._wall = start or datetime(2026, 1, 5, 9, 0, tzinfo=UTC).astimezone()

    def monotonic(self) -> float:
        return self._mono

    def wall(self) -> datetime:
        return self._wall

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a monotonic clock never goes back")
        self._mono += seconds
        self._wall += timedelta(seconds=seconds)

    def jump_wall(self, seconds: float) -> None:
        """Move only the wall clock (a user or NTP changing the time)."""
        self._wall += timedelta(seconds=seconds)
