"""Value classes (upright.core.value) against frozen dataclasses: defining a class, and using one.

Defining is what a start pays, once per class (23 classes before Upright's first paint);
making, comparing and hashing instances is what a session, the figure and the charts pay.
Both kinds are timed side by side in one process, alternately, on the same five fields.
"""

from __future__ import annotations

import dataclasses
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from timeit import Timer

from upright.core import value as values
from upright.core.value import value

ROUNDS = 15


def define(make: Callable[[type], type]) -> type:
    """The same five fields, made a class by ``make`` (value, or a frozen dataclass)."""

    class Item:
        exercise_id: str
        reps: int
        hold_s: float
        rest_s: float = 5.0
        note: str = ""

    return make(Item)


def define_value() -> type:
    return define(value)


def define_dataclass() -> type:
    return define(dataclass(frozen=True))


def per_call_us(action: Callable[[], object], number: int) -> float:
    return min(Timer(action).repeat(3, number)) / number * 1e6


def uses(cls: type, replace: Callable[..., object]) -> dict[str, float]:
    a, b = cls("press-up", 10, 5.0), cls("press-up", 10, 5.0)
    return {
        "make (positional)": per_call_us(lambda: cls("press-up", 10, 5.0), 20_000),
        "make (keywords)": per_call_us(lambda: cls(exercise_id="x", reps=10, hold_s=5.0), 20_000),
        "replace one field": per_call_us(lambda: replace(a, reps=11), 20_000),
        "compare equal": per_call_us(lambda: a == b, 50_000),
        "hash": per_call_us(lambda: hash(a), 50_000),
    }


def main() -> None:
    define: dict[str, list[float]] = {"value": [], "dataclass": []}
    for _ in range(ROUNDS):
        for kind, make in (("value", define_value), ("dataclass", define_dataclass)):
            started = time.perf_counter()
            make()
            define[kind].append((time.perf_counter() - started) * 1e3)
    v_ms, d_ms = statistics.median(define["value"]), statistics.median(define["dataclass"])
    print(f"Python {sys.version.split()[0]}, five fields, medians of {ROUNDS} alternating runs")
    print(
        f"define a class     value {v_ms:6.3f} ms   frozen dataclass {d_ms:6.3f} ms   "
        f"ratio {v_ms / d_ms:.2f}x"
    )
    ours = uses(define_value(), values.replace)
    theirs = uses(define_dataclass(), dataclasses.replace)
    for what in ours:
        print(
            f"{what:<18} value {ours[what]:6.3f} us   frozen dataclass {theirs[what]:6.3f} us   "
            f"ratio {ours[what] / theirs[what]:.2f}x"
        )


if __name__ == "__main__":
    main()
