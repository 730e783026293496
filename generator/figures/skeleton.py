"""Forward kinematics: a Pose's segment angles turned into points in body units."""

from __future__ import annotations

import math

from ..model.pose import Pose

# Segment lengths and widths, in body units (a standing person is about 1.75 tall).
LENGTHS = {"trunk": 0.55, "head": 0.13, "upper_arm": 0.30, "forearm": 0.30, "thigh": 0.44, "shin": 0.43, "foot": 0.13}
HEAD_RADIUS = 0.11
LIMB_WIDTH = 0.075
TRUNK_WIDTH = 0.13

Point = tuple[float, float]


def _step(start: Point, length: float, degrees: float) -> Point:
    radians = math.radians(degrees)
    return start[0] + length * math.cos(radians), start[1] + length * math.sin(radians)


def skeleton(pose: Pose) -> dict[str, tuple[Point, Point]]:
    """Every segment as (start, end) points, placed so the body's lowest point is at y = lift."""
    pelvis: Point = (0.0, 0.0)
    shoulder = _step(pelvis, LENGTHS["trunk"], pose.angle("trunk"))
    segments = {"trunk": (pelvis, shoulder), "head": (shoulder, _step(shoulder, LENGTHS["head"], pose.angle("head")))}
    for side in ("near", "far"):
        elbow = _step(shoulder, LENGTHS["upper_arm"], pose.angle(f"{side}_upper_arm"))
        hand = _step(elbow, LENGTHS["forearm"], pose.angle(f"{side}_forearm"))
        knee = _step(pelvis, LENGTHS["thigh"], pose.angle(f"{side}_thigh"))
        ankle = _step(knee, LENGTHS["shin"], pose.angle(f"{side}_shin"))
        toe = _step(ankle, LENGTHS["foot"], pose.angle(f"{side}_foot"))
        segments.update(
            {f"{side}_upper_arm": (shoulder, elbow), f"{side}_forearm": (elbow, hand),
             f"{side}_thigh": (pelvis, knee), f"{side}_shin": (knee, ankle), f"{side}_foot": (ankle, toe)}
        )
    head_centre = segments["head"][1]
    half = {name: (TRUNK_WIDTH if name == "trunk" else LIMB_WIDTH) / 2 for name in segments}
    lowest = min([y - half[name] for name, (a, b) in segments.items() for y in (a[1], b[1])] + [head_centre[1] - HEAD_RADIUS])
    dy = pose.lift - lowest
    return {name: ((a[0] + pose.shift, a[1] + dy), (b[0] + pose.shift, b[1] + dy)) for name, (a, b) in segments.items()}
