"""Props in 3D with real sizes: foam roller, chair, stairs, bench, wall and mat.

Each prop becomes a few convex volumes (for drawing) and a signed distance function per surface
(for solving contacts and keeping the body out of it). Sizes in centimetres.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from generator.figures.primitives import Box, Cylinder
from generator.model.pose import Prop

ROLLER_LENGTH = 91.0  # the common 36-inch foam roller
SEAT_HEIGHT = 45.0
SEAT_DEPTH = 42.0
SEAT_WIDTH = 44.0
BACKREST_HEIGHT = 88.0
STAIR_RISE = 18.0
STAIR_RUN = 28.0
STAIR_WIDTH = 90.0
BENCH_LENGTH = 120.0
BENCH_WIDTH = 35.0
MAT_LENGTH = 180.0
MAT_WIDTH = 60.0
MAT_THICKNESS = 0.6


@dataclass(frozen=True)
class PropVolume:
    """One convex piece of a prop, with the contact target names it answers to."""

    name: str
    volume: Box | Cylinder
    surfaces: tuple[str, ...] = ()
    solid: bool = True  # the body may not pass through it


def _turn(prop: Prop) -> np.ndarray:
    c, s = math.cos(math.radians(prop.yaw)), math.sin(math.radians(prop.yaw))
    return np.array([[c, -s, 0.0], [s, c, 0.0], [0.0, 0.0, 1.0]])


def _box(prop: Prop, centre: tuple[float, float, float], half: tuple[float, float, float]) -> Box:
    turn = _turn(prop)
    origin = np.array([prop.at[0], prop.at[1], 0.0])
    return Box(origin + turn @ np.asarray(centre), (turn * np.asarray(half)).T)


def volumes(prop: Prop, index: int) -> list[PropVolume]:
    """The pieces of one prop. ``index`` numbers props of the same kind apart in part names."""
    name = prop.kind if index == 0 else f"{prop.kind} {index + 1}"
    if prop.kind == "roller":
        r = prop.diameter / 2
        half = (prop.length or ROLLER_LENGTH) / 2
        axis = np.array([0.0, 1.0, 0.0]) if prop.lies == "across" else np.array([1.0, 0.0, 0.0])
        axis = _turn(prop) @ axis
        centre = np.array([prop.at[0], prop.at[1], r])
        return [PropVolume(name, Cylinder(centre - half * axis, centre + half * axis, r), ("roller",))]
    if prop.kind == "chair":
        h = prop.height or SEAT_HEIGHT
        d, w = SEAT_DEPTH / 2, SEAT_WIDTH / 2
        pieces = [PropVolume(f"{name} seat", _box(prop, (0.0, 0.0, h - 2.0), (d, w, 2.0)), ("chair seat", "chair"))]
        for i, (x, y) in enumerate([(-d + 2, -w + 2), (-d + 2, w - 2), (d - 2, -w + 2), (d - 2, w - 2)]):
            pieces.append(PropVolume(f"{name} leg {i + 1}", _box(prop, (x, y, (h - 4) / 2), (1.5, 1.5, (h - 4) / 2))))
        pieces.append(PropVolume(f"{name} back", _box(prop, (-d + 1.5, 0.0, (h + BACKREST_HEIGHT) / 2), (1.5, w, (BACKREST_HEIGHT - h) / 2)), ("chair back",)))
        return pieces
    if prop.kind == "stairs":
        rise = prop.height or STAIR_RISE
        pieces = []
        for step in range(prop.steps):
            top = rise * (step + 1)
            x = step * STAIR_RUN + STAIR_RUN / 2
            box = _box(prop, (x, 0.0, top / 2), (STAIR_RUN / 2, STAIR_WIDTH / 2, top / 2))
            pieces.append(PropVolume(f"{name} step {step + 1}", box, (f"step {step + 1}",)))
        return pieces
    if prop.kind == "bench":
        h = prop.height or SEAT_HEIGHT
        length = prop.length or BENCH_LENGTH
        return [PropVolume(name, _box(prop, (0.0, 0.0, h / 2), (BENCH_WIDTH / 2, length / 2, h / 2)), ("bench",))]
    if prop.kind == "wall":
        height = prop.height or 200.0
        length = prop.length or 200.0
        return [PropVolume(name, _box(prop, (2.5, 0.0, height / 2), (2.5, length / 2, height / 2)), ("wall",))]
    length = prop.length or MAT_LENGTH  # mat
    return [PropVolume(name, _box(prop, (0.0, 0.0, MAT_THICKNESS / 2), (length / 2, MAT_WIDTH / 2, MAT_THICKNESS / 2)), ("mat",), solid=False)]


def scene_pieces(props: list[Prop], ghosts: bool = False) -> list[PropVolume]:
    """The pieces of every prop of a scene; props of the same kind are numbered apart. Ghosts (a
    prop's earlier place) are left out, or with ``ghosts=True`` are all that is returned."""
    counts: dict[str, int] = {}
    pieces = []
    for prop in (p for p in props if p.ghost == ghosts):
        pieces += volumes(prop, counts.get(prop.kind, 0))
        counts[prop.kind] = counts.get(prop.kind, 0) + 1
    return pieces


def sdf(volume: Box | Cylinder, points: np.ndarray) -> np.ndarray:
    """Signed distance from each point (N, 3) to the volume's surface: negative inside."""
    if isinstance(volume, Box):
        lengths = np.linalg.norm(volume.axes, axis=1)
        units = volume.axes / lengths[:, None]
        local = np.abs((points - volume.centre) @ units.T) - lengths
        outside = np.linalg.norm(np.maximum(local, 0.0), axis=1)
        inside = np.minimum(local.max(axis=1), 0.0)
        return outside + inside
    axis = volume.b - volume.a
    length = float(np.linalg.norm(axis))
    unit = axis / length
    rel = points - (volume.a + volume.b) / 2
    along = rel @ unit
    radial = np.linalg.norm(rel - np.outer(along, unit), axis=1)
    d = np.stack([radial - volume.r, np.abs(along) - length / 2], axis=1)
    return np.minimum(d.max(axis=1), 0.0) + np.linalg.norm(np.maximum(d, 0.0), axis=1)
