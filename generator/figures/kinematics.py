"""Forward kinematics: joint angles (the clinical convention) → the mannequin's parts in 3D.

The state of a body is a vector of degrees of freedom ("dofs"): where the pelvis is and how it is
tilted, then every joint angle in degrees, signed so that positive is the first motion word
(flexion, abduction, internal rotation, side bend left, rotation left, dorsiflexion, wrist
extension). Each joint turns its child segment in the order flexion → ab/adduction → axial
rotation, as in the ISB joint coordinate systems (Wu et al. 2002, 2005).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from generator.figures import body
from generator.figures.primitives import Ellipsoid, RoundCone
from generator.model.joints import SIDES

ROOT_DOFS = ("x", "y", "z", "pitch", "roll", "yaw")
SPINE = ("low back", "upper back", "neck", "head")  # "head" is the upper half of the neck's motion
CENTRAL_DOFS = tuple(f"{j} {m}" for j in SPINE for m in ("flexion", "side bend", "rotation"))
SIDED_DOFS = (
    "hip flexion", "hip abduction", "hip rotation", "knee flexion", "ankle flexion",
    "shoulder flexion", "shoulder abduction", "shoulder rotation", "elbow flexion", "wrist extension",
)
DOFS = ROOT_DOFS + CENTRAL_DOFS + tuple(f"{side} {dof}" for side in SIDES for dof in SIDED_DOFS)
INDEX = {name: i for i, name in enumerate(DOFS)}


def rot_x(deg: float) -> np.ndarray:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return np.array([[1.0, 0.0, 0.0], [0.0, c, -s], [0.0, s, c]])


def rot_y(deg: float) -> np.ndarray:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return np.array([[c, 0.0, s], [0.0, 1.0, 0.0], [-s, 0.0, c]])


def rot_z(deg: float) -> np.ndarray:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return np.array([[c, -s, 0.0], [s, c, 0.0], [0.0, 0.0, 1.0]])


@dataclass
class Segment:
    """A segment's frame in the world: origin and rotation (columns = local x, y, z)."""

    origin: np.ndarray
    rotation: np.ndarray

    def point(self, local: tuple[float, float, float] | np.ndarray) -> np.ndarray:
        """A point given in this segment's frame, in world coordinates."""
        return self.origin + self.rotation @ np.asarray(local, dtype=float)


def _spine_turn(q: np.ndarray, joint: str) -> np.ndarray:
    flex, side, rotation = (q[INDEX[f"{joint} {m}"]] for m in ("flexion", "side bend", "rotation"))
    return rot_y(flex) @ rot_x(-side) @ rot_z(rotation)


def _limb_turn(q: np.ndarray, side: str, joint: str) -> np.ndarray:
    """Hip or shoulder: flexion swings the limb forward, abduction out to its own side, internal
    rotation turns its front toward the midline."""
    mirror = 1.0 if side == "left" else -1.0
    flex, abduction, rotation = (q[INDEX[f"{side} {joint} {m}"]] for m in ("flexion", "abduction", "rotation"))
    return rot_y(-flex) @ rot_x(mirror * abduction) @ rot_z(-mirror * rotation)


def segments(q: np.ndarray) -> dict[str, Segment]:
    """Every segment's frame for the dof vector ``q`` (see DOFS)."""
    # Roll turns the body about the world x axis (a lying body's long axis), after the pitch.
    root = rot_z(q[INDEX["yaw"]]) @ rot_x(q[INDEX["roll"]]) @ rot_y(q[INDEX["pitch"]])
    pelvis = Segment(np.array([q[0], q[1], q[2]]), root)
    abdomen = Segment(pelvis.point(body.LUMBAR), root @ _spine_turn(q, "low back"))
    chest = Segment(abdomen.point(body.THORACIC), abdomen.rotation @ _spine_turn(q, "upper back"))
    neck = Segment(chest.point(body.NECK_BASE), chest.rotation @ _spine_turn(q, "neck"))
    head = Segment(neck.point((0.0, 0.0, body.NECK_LENGTH)), neck.rotation @ _spine_turn(q, "head"))
    frames = {"pelvis": pelvis, "abdomen": abdomen, "chest": chest, "neck": neck, "head": head}
    for side in SIDES:
        mirror = 1.0 if side == "left" else -1.0
        hx, hy, hz = body.HIP
        thigh = Segment(pelvis.point((hx, mirror * hy, hz)), root @ _limb_turn(q, side, "hip"))
        shin = Segment(thigh.point((0.0, 0.0, -body.THIGH)), thigh.rotation @ rot_y(q[INDEX[f"{side} knee flexion"]]))
        foot = Segment(shin.point((0.0, 0.0, -body.SHIN)), shin.rotation @ rot_y(-q[INDEX[f"{side} ankle flexion"]]))
        sx, sy, sz = body.SHOULDER
        upper = Segment(chest.point((sx, mirror * sy, sz)), chest.rotation @ _limb_turn(q, side, "shoulder"))
        fore = Segment(upper.point((0.0, 0.0, -body.UPPER_ARM)), upper.rotation @ rot_y(-q[INDEX[f"{side} elbow flexion"]]))
        hand = Segment(fore.point((0.0, 0.0, -body.FOREARM)), fore.rotation @ rot_y(-q[INDEX[f"{side} wrist extension"]]))
        frames.update({f"{side} thigh": thigh, f"{side} shin": shin, f"{side} foot": foot,
                       f"{side} upper arm": upper, f"{side} forearm": fore, f"{side} hand": hand})
    return frames


def _mirror(point: tuple[float, float, float], side: str) -> tuple[float, float, float]:
    return (point[0], -point[1], point[2]) if side == "right" else point


def volumes(frames: dict[str, Segment]) -> dict[str, RoundCone | Ellipsoid]:
    """The 18 parts as world-space volumes, keyed by part name."""
    out: dict[str, RoundCone | Ellipsoid] = {}
    for name, shape in body.TRUNK_PARTS.items():
        seg = frames[body.PART_SEGMENT.get(name, name)]
        out[name] = _place(shape, seg, "left")
    for side in SIDES:
        for limb, cone in body.LIMB_PARTS.items():
            out[f"{side} {limb}"] = _place(cone, frames[f"{side} {limb}"], side)
    return out


def _place(shape: body.Blob | body.Cone, seg: Segment, side: str) -> RoundCone | Ellipsoid:
    if isinstance(shape, body.Cone):
        return RoundCone(seg.point(_mirror(shape.a, side)), seg.point(_mirror(shape.b, side)), shape.ra, shape.rb)
    axes = (seg.rotation * np.asarray(shape.half)).T  # rows: the half-axes as world vectors
    return Ellipsoid(seg.point(shape.centre), axes)


def site_parts(site: str, side: str) -> list[str]:
    """The part each point of a body place lies on, in the order of ``site_points``."""
    if site in body.TRUNK_SITES:
        return [seg for seg, _ in body.TRUNK_SITES[site]]
    return [seg if seg in body.TRUNK_PARTS else f"{side} {seg}" for seg, _ in body.SIDED_SITES[site]]


def site_points(frames: dict[str, Segment], site: str, side: str) -> list[np.ndarray]:
    """World points of a named body place ('palm', side 'left'; 'mid back', side '')."""
    entries = body.TRUNK_SITES[site] if site in body.TRUNK_SITES else body.SIDED_SITES[site]
    return [frames[name].point(_mirror(p, side)) for name, (_, p) in zip(site_parts(site, side), entries, strict=True)]
