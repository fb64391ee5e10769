"""The steps a prescription climbs: more reps first, then longer holds, one step at a time.

A prescription moves along a ladder of steps. While ``reps`` is below ``target_reps`` (the
advanced chest raise: 8 reps building to 10) a step adds one rep at the same hold; once the
reps are at the target, a step lengthens the hold by ``step_s``. The hold steps are
``start_hold_s``, ``start_hold_s + step_s``, ... and always end exactly on ``target_hold_s``,
so the last step may be shorter (chest raise: ... 17, 19, 20 s). Stepping down walks the same
ladder backwards: shorter holds first, then fewer reps. Nothing ever leaves the prescription's
bounds.
"""

from __future__ import annotations

from upright.core.program import Prescription

# Clean sessions in a row at one step before moving up a step (CONTENT.md section 3).
SESSIONS_PER_STEP = 2

# Holds are stored as floats (12.5 s); two holds this close are the same hold.
HOLD_TOLERANCE_S = 1e-6


def same_hold(a_s: float, b_s: float) -> bool:
    return abs(a_s - b_s) <= HOLD_TOLERANCE_S


def hold_steps(p: Prescription) -> tuple[float, ...]:
    """Every hold on the ladder, shortest first; the first is the start, the last the target."""
    if p.step_s <= 0:
        raise ValueError(f"step_s must be positive, not {p.step_s:g}")
    holds: list[float] = []
    k = 0
    # Multiplying (not adding step after step) keeps 0.5 s steps free of rounding drift.
    while (hold := round(p.start_hold_s + k * p.step_s, 6)) < p.target_hold_s - HOLD_TOLERANCE_S:
        holds.append(hold)
        k += 1
    holds.append(p.target_hold_s)
    return tuple(holds)


def step_up(p: Prescription) -> Prescription:
    """One step harder: one more rep while below target_reps, else the next longer hold.

    At the top of the ladder (target reps at the target hold) it returns ``p`` unchanged.
    """
    p = p.with_hold(p.hold_s).with_reps(p.reps)
    if p.reps < p.target_reps:
        return p.with_reps(p.reps + 1)
    longer = [h for h in hold_steps(p) if h > p.hold_s + HOLD_TOLERANCE_S]
    return p.with_hold(longer[0]) if longer else p


def step_down(p: Prescription) -> Prescription:
    """One step easier: the next shorter hold, or at the start hold one rep fewer.

    At the bottom of the ladder (start reps at the start hold) it returns ``p`` unchanged.
    """
    p = p.with_hold(p.hold_s).with_reps(p.reps)
    shorter = [h for h in hold_steps(p) if h < p.hold_s - HOLD_TOLERANCE_S]
    if shorter:
        return p.with_hold(shorter[-1])
    if p.reps > p.start_reps:
        return p.with_reps(p.reps - 1)
    return p


def is_top(p: Prescription) -> bool:
    """True at the last step: the target reps at the target hold."""
    return step_up(p) == p.with_hold(p.hold_s).with_reps(p.reps)
