"""Base positions: how each starting position tilts the pelvis, bends the joints and rests on things.

Joint angles are written in the same goniometric words authors use. The pelvis tilt is the root's
pitch (90 = face down with the head forward, -90 = face up with the head back) and roll.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from generator.figures.body import HIP_HEIGHT


@dataclass(frozen=True)
class Base:
    """A starting position: root tilt, a first guess of the pelvis height, joints and contacts."""

    pitch: float
    z: float
    joints: Mapping[str, float] = field(default_factory=dict)
    contacts: tuple[str, ...] = ()
    roll: float = 0.0
    needs: str | None = None  # a prop the position cannot exist without


ARMS_DOWN = {"both elbows flexion": 10, "both shoulders abduction": 6}
BASES: dict[str, Base] = {
    "standing": Base(0, HIP_HEIGHT, ARMS_DOWN, ("soles on floor",)),
    "sitting": Base(
        0, 52, {"both hips flexion": 90, "both knees flexion": 90, "both elbows flexion": 30, "both shoulders abduction": 6},
        ("buttocks on chair seat", "soles on floor"), needs="chair",
    ),
    "long sitting": Base(0, 8, {"both hips flexion": 90, "both elbows flexion": 10, "both shoulders abduction": 12}, ("buttocks on floor", "heels on floor")),
    "tall kneeling": Base(0, 52, {"both knees flexion": 90, "both ankles plantar flexion": 45} | ARMS_DOWN, ("knees on floor", "tops of feet on floor")),
    "kneel-sit": Base(
        0, 20, {"both hips flexion": 75, "both knees flexion": 160, "both ankles plantar flexion": 65} | ARMS_DOWN,
        ("shins on floor", "tops of feet on floor", "buttocks on heels"),
    ),
    "half kneeling": Base(
        0, 52, {"left hip flexion": 90, "left knee flexion": 90, "right knee flexion": 90, "right ankle plantar flexion": 45} | ARMS_DOWN,
        ("left sole on floor", "right knee on floor", "right top of foot on floor"),
    ),
    "hands and knees": Base(
        90, 55,
        {"both hips flexion": 90, "both knees flexion": 90, "both ankles plantar flexion": 45, "both shoulders flexion": 90, "both wrists extension": 80},
        ("knees on floor", "palms on floor", "tops of feet on floor"),
    ),
    "lying on back": Base(
        -90, 11, {"both shoulders abduction": 10, "both ankles plantar flexion": 20}, ("back on floor", "back of head on floor", "heels on floor")
    ),
    "lying on back knees bent": Base(
        -90, 11, {"both hips flexion": 50, "both knees flexion": 100, "both shoulders abduction": 10},
        ("back on floor", "back of head on floor", "soles on floor"),
    ),
    "lying on front": Base(
        90, 11, {"both shoulders abduction": 10, "both ankles plantar flexion": 50},
        ("chest on floor", "front of pelvis on floor", "fronts of thighs on floor", "tops of feet on floor", "forehead on floor"),
    ),
    "lying on front on elbows": Base(
        90, 20,
        {"low back extension": 20, "upper back extension": 10, "both shoulders flexion": 70, "both elbows flexion": 90, "both ankles plantar flexion": 50},
        ("forearms on floor", "front of pelvis on floor", "fronts of thighs on floor", "tops of feet on floor"),
    ),
    "side lying": Base(
        -90, 17, {"both hips flexion": 40, "both knees flexion": 60, "left shoulder flexion": 90, "right shoulder abduction": 10},
        ("left side of hip on floor", "left outside of knee on floor", "left forearm on floor"), roll=-90,
    ),
}
