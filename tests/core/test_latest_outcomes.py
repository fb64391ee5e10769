"""latest_outcomes reads only the newest sessions, yet gives today's plan the same latest day
as reading every session: in every time zone, with damaged rows, whatever the order."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from history_builder import add_session
from upright.core.history import History
from upright.core.outcomes import latest_outcomes, session_outcomes
from upright.core.session_end import SessionEnd

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

# Each session: hours after the previous one, the UTC offset it was done in, and whether the
# row is damaged afterwards (its start time text, or its hold zero), or still running.
sessions = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=60),
        st.integers(min_value=-12, max_value=14),
        st.sampled_from(["whole", "whole", "whole", "start as text", "no hold", "running"]),
    ),
    min_size=0,
    max_size=12,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions)
def test_the_latest_day_is_the_latest_of_all_sessions(plan: list[tuple[int, int, str]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        history = History(Path(folder) / "history.sqlite3")
        at = START
        for hours, offset, state in plan:
            at += timedelta(hours=hours)
            local = at.astimezone(timezone(timedelta(hours=offset)))
            how = SessionEnd.RUNNING if state == "running" else SessionEnd.FINISHED
            sid = add_session(history, local, [5.0] * 3, reps=3, how=how)
            if state == "start as text":  # a flipped bit; the day is read from local_day
                history.connection.execute(
                    "UPDATE sessions SET started_utc = 'x' WHERE id = ?", (sid,)
                )
            elif state == "no hold":
                history.connection.execute(
                    "UPDATE planned SET hold_s = 0 WHERE session_id = ?", (sid,)
                )
        every = session_outcomes(history, "default")
        latest = latest_outcomes(history, "default")
        assert max((o.day for o in latest), default=None) == max(
            (o.day for o in every), default=None
        )
        assert all(o in every for o in latest)
        history.close()


def test_a_long_history_is_read_from_its_newest_end_only(tmp_path: Path) -> None:
    history = History(tmp_path / "history.sqlite3")
    for day in range(60):
        add_session(history, START + timedelta(days=day), [5.0] * 3, reps=3)
    latest = latest_outcomes(history, "default")
    assert max(o.day for o in latest) == (START + timedelta(days=59)).date()
    assert len(latest) == 2  # the newest, and the one a day before it (see _DAY_SPREAD_S)
    history.close()
