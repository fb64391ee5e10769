"""Synthetic history for benchmarks and screenshots: years of daily sessions, written in bulk."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from upright.core.history import History


@dataclass
class Ramp:
    """One exercise's hold, climbing by the progression rule's shape: up after 2 full sessions."""

    exercise: str
    level: str
    hold: float
    target: float
    step: float
    reps: int
    good_sessions: int = 0

    def after(self, all_done: bool) -> None:
        self.good_sessions = self.good_sessions + 1 if all_done else 0
        if self.good_sessions >= 2 and self.hold < self.target:
            self.hold, self.good_sessions = min(self.hold + self.step, self.target), 0


def ramps() -> list[Ramp]:
    return [
        Ramp("forearm-press-up", "beginner", 5.0, 30.0, 5.0, 10),
        Ramp("hand-press-up", "intermediate", 2.0, 5.0, 1.0, 10),
        Ramp("chest-raise", "advanced", 5.0, 20.0, 2.0, 8),
    ]


_SESSION = (
    "INSERT INTO sessions (profile, level, started_at, started_utc, local_day, ended_at,"
    " ended_how) VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_REP = (
    "INSERT INTO reps (session_id, exercise, level, rep, target_hold_s, held_s, completed,"
    " started_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def generate(
    path: Path,
    first: date,
    days: int,
    *,
    exercises: int = 3,
    zone: str = "Europe/London",
    skip_chance: float = 0.0,
    seed: int = 7,
    profile: str = "default",
) -> History:
    """Sessions on most days from ``first``, each doing the first ``exercises`` ramps in turn.

    The rows are what History.begin_session/add_rep/end_session write, and pain/effort answers
    as schema 2 stores them, inserted in one transaction so
    ten years take seconds instead of one fsync per rep.
    """
    rng = random.Random(seed)
    tz = ZoneInfo(zone)
    history = History(path)
    db = history.connection
    chosen = ramps()[:exercises]
    with history.transaction():
        for n in range(days):
            day = first + timedelta(days=n)
            if rng.random() < skip_chance:
                continue
            started = datetime.combine(day, time(9, rng.randrange(0, 50)), tz)
            how = "finished" if rng.random() > 0.04 else rng.choice(("stopped", "pain"))
            values = (
                profile,
                chosen[-1].level,
                started.isoformat(timespec="seconds"),
                started.timestamp(),
                day.isoformat(),
                (started + timedelta(minutes=15)).isoformat(timespec="seconds"),
                how,
            )
            sid = int(db.execute(_SESSION, values).lastrowid or 0)
            at = started
            for position, ramp in enumerate(chosen):
                db.execute(
                    "INSERT INTO planned VALUES (?, ?, ?, ?, ?, ?)",
                    (sid, position, ramp.exercise, ramp.level, ramp.hold, ramp.reps),
                )
                strength = rng.uniform(0.93, 1.2)
                rows, all_done = [], True
                for rep in range(1, ramp.reps + 1):
                    held = round(min(ramp.hold, ramp.hold * strength * rng.uniform(0.9, 1.1)), 1)
                    all_done &= held >= ramp.hold
                    end = at + timedelta(seconds=4 + held)
                    iso = (at.isoformat(), end.isoformat())
                    rows.append(
                        (
                            sid,
                            ramp.exercise,
                            ramp.level,
                            rep,
                            ramp.hold,
                            held,
                            held >= ramp.hold,
                            *iso,
                        )
                    )
                    at = end + timedelta(seconds=5)
                db.executemany(_REP, rows)
                ramp.after(all_done)
            if rng.random() < 0.9:
                pain = rng.choice((0, 0, 1, 1, 2, 3))
                db.execute(
                    "UPDATE sessions SET pain_before = ?, pain_after = ?, effort = ? WHERE id = ?",
                    (pain, min(10, pain + rng.choice((0, 0, 1))), rng.randint(3, 7), sid),
                )
    return history
