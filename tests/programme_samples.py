"""Programme files for tests: valid ones drawn by hypothesis, a pool to damage, and damage."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from upright.core.catalog import load_builtin_catalog
from upright.core.fields import text_problem
from upright.core.profiles import name_problem
from upright.core.program import ExerciseKind, Prescription
from upright.core.programme import Programme, ProgrammeItem
from upright.core.programme_file import ProgrammeFile, programme_file_dict, read_programme_file
from upright.core.value import replace

CATALOG = load_builtin_catalog()
HOLD_IDS = [e.id for e in CATALOG.exercises if e.kind is ExerciseKind.HOLD]
DOCS = Path(__file__).resolve().parents[1] / "docs"
EXAMPLE = DOCS / "examples" / "programme-example.json"
SCHEMA = DOCS / "programme.schema.json"


def example() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return data


# -- valid files --------------------------------------------------------------------------------
def seconds(low: float, high: float) -> st.SearchStrategy[float]:
    return st.floats(low, high, allow_nan=False, allow_infinity=False)


@st.composite
def prescriptions(draw: st.DrawFn) -> Prescription:
    start = draw(seconds(1, 120))
    target = draw(seconds(start, 120))
    start_reps = draw(st.integers(1, 30))
    target_reps = draw(st.integers(start_reps, 30))
    return Prescription(
        hold_s=draw(seconds(start, target)),
        reps=draw(st.integers(start_reps, target_reps)),
        start_hold_s=start,
        target_hold_s=target,
        step_s=draw(seconds(0.5, 30)),
        start_reps=start_reps,
        target_reps=target_reps,
        rest_s=draw(seconds(0, 300)),
        long_rest_s=draw(seconds(0, 300)),
        long_rest_from_s=draw(seconds(0, 120)),
        get_ready_s=draw(seconds(0, 60)),
        lift_s=draw(seconds(0.5, 10)),
        lower_s=draw(seconds(0.5, 10)),
        sessions_per_week=draw(st.integers(2, 7)),
    )


notes = st.text(st.characters(exclude_categories=("Cs",)), max_size=500).filter(
    lambda t: text_problem(t) is None
)
names = st.text(min_size=1, max_size=40).filter(lambda t: name_problem(t) is None).map(str.strip)


@st.composite
def programme_files(draw: st.DrawFn) -> ProgrammeFile:
    ids = draw(st.lists(st.sampled_from(HOLD_IDS), min_size=1, max_size=4, unique=True))
    items = tuple(ProgrammeItem(i, draw(notes)) for i in ids)
    return ProgrammeFile(
        Programme(items, draw(st.booleans())),
        tuple(draw(prescriptions()) for _ in ids),
        draw(st.none() | names),
    )


def _pool() -> list[ProgrammeFile]:
    """Valid files to damage: quick to draw, so the examples go into the damage itself."""
    example_file = read_programme_file(EXAMPLE, CATALOG)
    out = [example_file, replace(example_file, person=None)]
    for n in range(1, len(HOLD_IDS) + 1):
        ids = HOLD_IDS[:n] if n % 2 else HOLD_IDS[-n:]
        defaults = [CATALOG.exercise(i).defaults for i in ids]
        items = tuple(ProgrammeItem(i, "Eyes on the floor, neck long." * (n - 1)) for i in ids)
        out.append(ProgrammeFile(Programme(items, n % 2 == 0), tuple(d for d in defaults if d)))
    return out


POOL = _pool()

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()  # NaN and Infinity included: json.dumps writes them as bare words
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def _paths(value: object, prefix: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            out += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            out += _paths(child, (*prefix, i))
    return out


@st.composite
def mutated_documents(draw: st.DrawFn) -> object:
    doc: Any = programme_file_dict(draw(st.sampled_from(POOL)))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(doc)))
        if not path:
            doc = draw(json_values)
            continue
        parent: Any = doc
        for key in path[:-1]:
            parent = parent[key]
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "replace":
            parent[path[-1]] = draw(json_values)
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent[path[-1]], dict):
            parent[path[-1]][draw(st.text(max_size=10))] = draw(json_values)
        else:
            parent[path[-1]] = [parent[path[-1]]]
    return doc
