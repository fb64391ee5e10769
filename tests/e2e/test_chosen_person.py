"""The person chosen at start (`upright --profile NAME`) is listed with the others as the app's
context is made, before any window exists (no page writes to the history as it is built)."""

from __future__ import annotations

from pathlib import Path

from upright.app import build_context
from upright.core.clock import FakeClock
from upright.core.paths import resolve_data_dir
from upright.core.profiles import DEFAULT_PROFILE, MAX_NAME, profile_names


def test_a_new_person_chosen_at_start_is_listed(data_dir: Path) -> None:
    ctx = build_context(resolve_data_dir(str(data_dir)).ensure(), FakeClock(), profile="Carla")
    assert ctx.settings.profile == "Carla"
    assert ctx.history is not None and "Carla" in profile_names(ctx.history.connection)
    ctx.history.close()


def test_a_name_that_cannot_be_used_gives_the_default_person_and_says_why(data_dir: Path) -> None:
    name = "x" * (MAX_NAME + 1)
    ctx = build_context(resolve_data_dir(str(data_dir)).ensure(), FakeClock(), profile=name)
    assert ctx.settings.profile == DEFAULT_PROFILE
    assert any("cannot be used" in notice and "at most" in notice for notice in ctx.notices)
    assert ctx.history is not None and name not in profile_names(ctx.history.connection)
    ctx.history.close()
