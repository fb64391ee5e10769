"""Malformed settings and catalogue files: clean, specific errors or defaults, never a crash."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from upright.core.catalog import builtin_catalog_path, load_builtin_catalog, parse_catalog
from upright.core.fields import ValidationError
from upright.core.settings import Settings, load_settings

LEVELS = load_builtin_catalog().level_ids
FIXTURE_OK = [HealthCheck.function_scoped_fixture]  # tmp_path is reused on purpose
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=15), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(
    max_examples=600, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=300) | json_values.map(lambda v: json.dumps(v).encode()))
def test_any_settings_file_gives_settings_and_at_most_a_note(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(raw)
    loaded, note = load_settings(path, LEVELS)
    assert isinstance(loaded, Settings)
    assert 1.0 <= loaded.text_scale <= 2.0 and 0 <= loaded.volume <= 1
    assert note is None or isinstance(note, str)
    assert path.read_bytes() == raw  # reading never rewrites the file


@settings(
    max_examples=600, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "level",
                "volume",
                "text_scale",
                "voice",
                "count_down_from",
                "flash",
                "profile",
                "speech_rate",
            ]
        ),
        json_values,
    )
)
def test_bad_setting_values_are_reset_and_named(tmp_path: Path, data: dict[str, object]) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps(data))
    loaded, note = load_settings(path, LEVELS)
    for key, value in data.items():
        if getattr(loaded, key) != value:
            assert note is not None and key in note


def _mutations() -> st.SearchStrategy[object]:
    base = json.loads(builtin_catalog_path().read_text())

    def mutate(path_and_value: tuple[int, object]) -> object:
        index, value = path_and_value
        doc = json.loads(json.dumps(base))
        target = doc["exercises"][index % len(doc["exercises"])]
        key = sorted(target)[index % len(target)]
        target[key] = value
        return doc

    return st.tuples(st.integers(0, 1000), json_values).map(mutate)


@settings(max_examples=1000, deadline=None)
@given(_mutations() | json_values)
def test_a_broken_catalogue_is_refused_with_field_names(doc: object) -> None:
    try:
        parse_catalog(doc, "test")
    except ValidationError as exc:
        assert exc.problems and all(isinstance(p, str) and p for p in exc.problems)
