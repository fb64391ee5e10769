"""The safety check-ins' answers: screening, before and after each session, and the next day."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from upright.core.history import History

SCREENING, BEFORE, NEXT_DAY = "screening", "before", "next_day"


def _scale(value: int | None, name: str) -> int | None:
    if value is not None and not 0 <= value <= 10:
        raise ValueError(f"{name} must be between 0 and 10")
    return value


def record_checkin(
    history: History, profile: str, kind: str, at: datetime, answers: dict[str, Any]
) -> None:
    with history.transaction() as db:
        db.execute(
            "INSERT INTO checkins (profile, kind, at, local_day, answers) VALUES (?, ?, ?, ?, ?)",
            (
                profile,
                kind,
                at.isoformat(timespec="seconds"),
                at.date().isoformat(),
                json.dumps(answers, sort_keys=True),
            ),
        )


def latest_checkin(history: History, profile: str, kind: str) -> dict[str, Any] | None:
    row = history.connection.execute(
        "SELECT answers, at FROM checkins WHERE profile = ? AND kind = ? ORDER BY id DESC LIMIT 1",
        (profile, kind),
    ).fetchone()
    if row is None:
        return None
    try:
        answers = json.loads(row["answers"])
    except ValueError:
        answers = None
    if not isinstance(answers, dict):  # its text damaged: as if not answered, so asked again
        return None
    answers["_at"] = row["at"]
    return answers


def set_pain_before(history: History, session_id: int, pain: int | None) -> None:
    with history.transaction() as db:
        db.execute(
            "UPDATE sessions SET pain_before = ? WHERE id = ?",
            (_scale(pain, "pain before"), session_id),
        )


def set_after(history: History, session_id: int, pain: int | None, effort: int | None) -> None:
    with history.transaction() as db:
        db.execute(
            "UPDATE sessions SET pain_after = ?, effort = ? WHERE id = ?",
            (_scale(pain, "pain"), _scale(effort, "effort"), session_id),
        )


def session_awaiting_next_day_check(history: History, profile: str, today: str) -> int | None:
    """The last session, if it was on an earlier day and nobody has said how the back is since."""
    row = history.connection.execute(
        "SELECT id, local_day, next_day_worse FROM sessions WHERE profile = ?"
        " ORDER BY started_utc DESC, id DESC LIMIT 1",
        (profile,),
    ).fetchone()
    if row is None or row["local_day"] >= today or row["next_day_worse"] is not None:
        return None
    return int(row["id"])


def set_next_day_worse(history: History, session_id: int, worse: bool) -> None:
    with history.transaction() as db:
        db.execute("UPDATE sessions SET next_day_worse = ? WHERE id = ?", (int(worse), session_id))
