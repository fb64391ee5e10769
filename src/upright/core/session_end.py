"""How a session ended, as stored in the history (its own module: reading the history needs
this, and none of the events a running session reports)."""

from __future__ import annotations

from enum import StrEnum


class SessionEnd(StrEnum):
    """How a session ended, as stored in the history."""

    RUNNING = "running"  # not ended (yet); after a crash this becomes INTERRUPTED
    FINISHED = "finished"
    STOPPED = "stopped"  # stopped early by the user
    PAIN = "pain"  # stopped for pain
    INTERRUPTED = "interrupted"  # the app died mid-session (crash, kill, power cut)

    @classmethod
    def _missing_(cls, value: object) -> SessionEnd:
        """An ending this Upright does not know (a damaged row): read as interrupted, so the
        session counts as not done, and the history can still be read."""
        return cls.INTERRUPTED
