"""The key poses as data: read from assets/illustrations/poses.json, by illustration id.

The file is written by tools/make_illustrations.py from upright.core.pose_design; a test
keeps the two in step. Should the file be missing or unreadable, the poses are solved from
their design instead (slower to start, same pictures).
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from upright.core.assets import asset_path
from upright.core.body import JOINTS
from upright.core.pose import Pose

POSES_FORMAT = "upright-poses"
POSES_VERSION = 1
_DIGITS = 4


def _r(value: float) -> float:
    return round(value, _DIGITS) + 0.0  # + 0.0 turns -0.0 into 0.0


def poses_to_json(poses: dict[str, Pose]) -> str:
    """The poses as stable, diff-friendly JSON text (numbers rounded to 1e-4)."""
    data = {
        "format": POSES_FORMAT,
        "version": POSES_VERSION,
        "poses": {
            pose_id: {
                "view": pose.view,
                "root": [_r(v) for v in pose.root],
                "orientation": [_r(v) for v in pose.orientation],
                "angles": {j: [_r(v) for v in a] for j, a in zip(JOINTS, pose.angles, strict=True)},
                "contacts": [list(c) for c in pose.contacts],
                "props": list(pose.props),
                "cue": pose.cue,
            }
            for pose_id, pose in poses.items()
        },
    }
    text = json.dumps(data, indent=1)
    # One line per list of numbers or names: a pose reads as a table, and diffs stay small.
    return re.sub(r"\[\s+([^\[\]{}]*?)\s+\]", _inline, text) + "\n"


def _inline(match: re.Match[str]) -> str:
    return "[" + ", ".join(item.strip() for item in match.group(1).split(",")) + "]"


def _triple(values: Any) -> tuple[float, float, float]:
    a, b, c = (float(v) for v in values)
    return (a, b, c)


def poses_from_json(text: str) -> dict[str, Pose]:
    """Poses from the JSON text; raises ValueError (or KeyError) on anything unexpected."""
    data = json.loads(text)
    if data.get("format") != POSES_FORMAT or data.get("version") != POSES_VERSION:
        raise ValueError(f"not an {POSES_FORMAT} file of version {POSES_VERSION}")
    out = {}
    for pose_id, p in data["poses"].items():
        out[pose_id] = Pose(
            view=str(p["view"]),
            root=_triple(p["root"]),
            orientation=_triple(p["orientation"]),
            angles=tuple(_triple(p["angles"][j]) for j in JOINTS),
            contacts=tuple((str(a), str(b)) for a, b in p["contacts"]),
            props=tuple(str(v) for v in p["props"]),
            cue=str(p["cue"]),
        )
    return out


@cache
def key_poses() -> dict[str, Pose]:
    """Every key pose, by the illustration id the catalogue uses."""
    try:
        return poses_from_json(asset_path("illustrations", "poses.json").read_text("utf-8"))
    except (OSError, ValueError, KeyError, TypeError):
        from upright.core.pose_design import design_key_poses  # the slow way, but it works

        return design_key_poses()


def key_pose(pose_id: str) -> Pose:
    try:
        return key_poses()[pose_id]
    except KeyError:
        raise KeyError(f"no illustration called {pose_id!r}") from None
