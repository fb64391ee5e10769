"""upright.core.value behaves as ``@dataclass(frozen=True)`` does, for everything Upright uses."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from typing import ClassVar

import pytest

from upright.core.value import FrozenInstanceError, as_dict, field_names, is_value, replace, value


@value
class Hold:
    """Module level, so that pickle can find it."""

    seconds: int
    note: str = ""
    reps: tuple[int, ...] = ()
    LIMIT: ClassVar[int] = 30


@dataclasses.dataclass(frozen=True)
class DataHold:
    seconds: int
    note: str = ""
    reps: tuple[int, ...] = ()
    LIMIT: ClassVar[int] = 30


def test_made_compared_hashed_and_shown_as_a_frozen_dataclass() -> None:
    for args, kwargs in [((5,), {}), ((5, "x"), {}), ((), {"seconds": 5, "reps": (1, 2)})]:
        ours, theirs = Hold(*args, **kwargs), DataHold(*args, **kwargs)
        assert repr(ours) == repr(theirs).replace("DataHold", "Hold")
        assert hash(ours) == hash(Hold(*args, **kwargs))
        assert ours == Hold(*args, **kwargs)
    assert Hold(5) != Hold(6)
    assert Hold(5) != Hold(5, "x")
    assert len({Hold(5), Hold(5), Hold(6)}) == 2
    assert Hold.__match_args__ == ("seconds", "note", "reps")
    assert field_names(Hold) == field_names(Hold(5)) == ("seconds", "note", "reps")
    assert Hold.LIMIT == 30  # a ClassVar is not a field


def test_another_class_with_the_same_fields_is_not_equal() -> None:
    @value
    class Other:
        seconds: int
        note: str = ""
        reps: tuple[int, ...] = ()

    assert Hold(5) != Other(5)
    assert Hold(5) != DataHold(5)
    assert Hold(5) != (5, "", ())


def test_fields_cannot_be_changed_or_deleted() -> None:
    hold = Hold(5)
    with pytest.raises(FrozenInstanceError, match="cannot assign to field 'seconds'"):
        hold.seconds = 6  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del hold.note  # type: ignore[misc]
    assert hold == Hold(5)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (Hold, "missing required arguments: seconds"),
        (lambda: Hold(5, "x", (), 4), "takes 3 arguments but 4 were given"),
        (lambda: Hold(5, length=3), "unexpected keyword argument 'length'"),
        (lambda: Hold(5, seconds=6), "multiple values for argument 'seconds'"),
    ],
)
def test_wrong_arguments_are_a_type_error(make: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        make()  # type: ignore[operator]


def test_post_init_checks_each_new_value_and_each_replacement() -> None:
    @value
    class Positive:
        n: int

        def __post_init__(self) -> None:
            if self.n <= 0:
                raise ValueError("n must be positive")

    assert replace(Positive(1), n=2) == Positive(2)
    with pytest.raises(ValueError, match="positive"):
        Positive(0)
    with pytest.raises(ValueError, match="positive"):
        replace(Positive(1), n=-1)


def test_a_plain_subclass_s_own_post_init_runs_as_a_dataclass_s_would() -> None:
    seen: list[object] = []

    class Checked(Hold):
        def __post_init__(self) -> None:
            seen.append(self)

    made = Checked(5)
    assert seen == [made]


def test_replace_as_dict_and_is_value() -> None:
    hold = Hold(5, "x")
    assert replace(hold, note="y") == Hold(5, "y")
    assert replace(hold) == hold
    with pytest.raises(TypeError, match="unexpected keyword argument 'length'"):
        replace(hold, length=3)  # type: ignore[call-arg]
    assert as_dict(hold) == {"seconds": 5, "note": "x", "reps": ()}
    assert is_value(hold)
    assert not is_value(Hold)
    assert not is_value(DataHold(5))


def test_copied_and_pickled_whole() -> None:
    hold = Hold(5, "x", (1, 2))
    assert copy.copy(hold) == hold
    assert copy.deepcopy(hold) == hold
    assert pickle.loads(pickle.dumps(hold)) == hold


def test_a_base_value_s_fields_come_first() -> None:
    @value
    class Timed(Hold):
        at: float = 0.0

    assert field_names(Timed) == ("seconds", "note", "reps", "at")
    assert Timed(5, at=1.5) == Timed(seconds=5, note="", reps=(), at=1.5)
    assert repr(Timed(5)).endswith(".<locals>.Timed(seconds=5, note='', reps=(), at=0.0)")


def test_a_default_given_to_a_base_value_s_field_goes_with_that_field() -> None:
    @value
    class Base:
        a: int
        b: int = 2

    @value
    class Sub(Base):
        a: int = 1

    assert Sub() == Sub(1, 2) == Sub(b=2)
    assert (Sub().a, Sub().b, Sub(5).b) == (1, 2, 2)


def test_methods_the_class_writes_are_kept() -> None:
    @value
    class Shown:
        n: int

        def __repr__(self) -> str:
            return f"<{self.n}>"

    assert repr(Shown(1)) == "<1>"
    assert Shown(1) == Shown(1)


def test_shared_mutable_defaults_and_misordered_defaults_are_refused() -> None:
    with pytest.raises(ValueError, match="list default would be shared"):

        @value
        class Listed:
            items: list[int] = []  # noqa: RUF012

    with pytest.raises(TypeError, match="'b' has no default but follows one that has"):

        @value
        class Misordered:
            a: int = 0
            b: int  # type: ignore[misc]
