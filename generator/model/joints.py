"""Joint motions in goniometric words, with their typical and hard-limit ranges.

Neutral-zero convention: the anatomical position is 0° for every motion, and each motion word
gives the direction ("hip flexion: 90" bends the hip to a right angle). Typical ranges follow the
Washington State DSHS range-of-motion chart (form 13-585A) and the Merck Manual's table of normal
joint ranges; above typical the build warns, above the hard limit it refuses.

A joint motion moves one internal degree of freedom (a "dof") in a signed direction.
"""

from __future__ import annotations

from dataclasses import dataclass

SIDED_JOINTS = ("hip", "knee", "ankle", "shoulder", "elbow", "wrist")
CENTRAL_JOINTS = ("trunk", "low back", "upper back", "neck")
SIDES = ("left", "right")


@dataclass(frozen=True)
class Motion:
    """One motion of a joint: which dof it moves, in which direction, and how far is usual."""

    joint: str
    words: str
    dof: str  # e.g. "hip flexion": positive = flexion, negative = extension
    sign: int
    typical: float
    limit: float


def _motions() -> dict[tuple[str, str], Motion]:
    table = [
        # joint, motion words, dof, sign, typical, hard limit
        ("trunk", "flexion", "flexion", 1, 90, 110), ("trunk", "extension", "flexion", -1, 25, 40),
        ("trunk", "side bend left", "side bend", 1, 25, 40), ("trunk", "side bend right", "side bend", -1, 25, 40),
        ("trunk", "rotation left", "rotation", 1, 45, 70), ("trunk", "rotation right", "rotation", -1, 45, 70),
        ("low back", "flexion", "flexion", 1, 50, 60), ("low back", "extension", "flexion", -1, 25, 35),
        ("low back", "side bend left", "side bend", 1, 20, 30), ("low back", "side bend right", "side bend", -1, 20, 30),
        ("low back", "rotation left", "rotation", 1, 10, 15), ("low back", "rotation right", "rotation", -1, 10, 15),
        ("upper back", "flexion", "flexion", 1, 45, 60), ("upper back", "extension", "flexion", -1, 25, 40),
        ("upper back", "side bend left", "side bend", 1, 20, 30), ("upper back", "side bend right", "side bend", -1, 20, 30),
        ("upper back", "rotation left", "rotation", 1, 35, 55), ("upper back", "rotation right", "rotation", -1, 35, 55),
        ("neck", "flexion", "flexion", 1, 50, 70), ("neck", "extension", "flexion", -1, 60, 80),
        ("neck", "side bend left", "side bend", 1, 45, 60), ("neck", "side bend right", "side bend", -1, 45, 60),
        ("neck", "rotation left", "rotation", 1, 80, 90), ("neck", "rotation right", "rotation", -1, 80, 90),
        ("hip", "flexion", "flexion", 1, 125, 140), ("hip", "extension", "flexion", -1, 30, 40),
        ("hip", "abduction", "abduction", 1, 45, 60), ("hip", "adduction", "abduction", -1, 30, 40),
        ("hip", "internal rotation", "rotation", 1, 45, 60), ("hip", "external rotation", "rotation", -1, 45, 60),
        ("knee", "flexion", "flexion", 1, 150, 165), ("knee", "extension", "flexion", -1, 5, 10),
        ("ankle", "dorsiflexion", "flexion", 1, 20, 30), ("ankle", "plantar flexion", "flexion", -1, 50, 75),
        ("shoulder", "flexion", "flexion", 1, 180, 190), ("shoulder", "extension", "flexion", -1, 60, 70),
        ("shoulder", "abduction", "abduction", 1, 180, 190), ("shoulder", "adduction", "abduction", -1, 40, 50),
        ("shoulder", "internal rotation", "rotation", 1, 70, 90), ("shoulder", "external rotation", "rotation", -1, 90, 100),
        ("elbow", "flexion", "flexion", 1, 150, 160), ("elbow", "extension", "flexion", -1, 5, 10),
        ("wrist", "extension", "extension", 1, 70, 90), ("wrist", "flexion", "extension", -1, 90, 100),
    ]
    return {(j, words): Motion(j, words, f"{j} {dof}", sign, typical, limit) for j, words, dof, sign, typical, limit in table}


MOTIONS = _motions()
JOINT_NAMES = CENTRAL_JOINTS + SIDED_JOINTS
PLURALS = {"hips": "hip", "knees": "knee", "ankles": "ankle", "shoulders": "shoulder", "elbows": "elbow", "wrists": "wrist"}


def motion_words(joint: str) -> list[str]:
    """The motion words a joint takes, e.g. ['flexion', 'extension'] for the knee."""
    return [words for (j, words) in MOTIONS if j == joint]


def dof_limits(dof: str) -> tuple[float, float]:
    """The signed hard range of a dof, e.g. 'hip flexion' → (-40, 140)."""
    ends = [m.sign * m.limit for m in MOTIONS.values() if m.dof == dof]
    return min(ends + [0.0]), max(ends + [0.0])


def example_keys() -> list[str]:
    """A few valid keys, for error messages and the schema."""
    return ["trunk flexion", "both hips flexion", "left knee flexion", "right shoulder abduction", "neck rotation left"]
