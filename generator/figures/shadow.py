"""Contact shadows: a darker patch on the floor under each body part, or roller, that rests on it.

Illustrators ground a figure this way. Where a body part touches the floor, a small flat shadow
shows round it, so a reader can tell a bottom sitting on the floor from one held up on the
heels, or a knee resting on the floor from one lifted, even when the view hides the gap."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from generator.figures.outline import convex_hull
from generator.figures.primitives import PERSON, Cylinder, Ellipsoid, Part, RoundCone, Shadow

REACH = 3.0  # cm: the part of a volume this close to the floor casts the shadow
SPREAD = 4.0  # cm the shadow reaches beyond that part, so it shows round its edge
TOLERANCE = 0.4  # cm a shadow's edge may move when corners are dropped (half a pixel on a page)
_SPHERE = 1024  # points on each sample sphere: enough for a smooth edge


def _sphere_points(n: int) -> np.ndarray:
    """``n`` evenly spread unit vectors (a Fibonacci lattice): the same ones every time."""
    i = np.arange(n) + 0.5
    z = 1.0 - 2.0 * i / n
    theta = np.pi * (1.0 + 5.0**0.5) * i
    r = np.sqrt(1.0 - z * z)
    return np.stack([r * np.cos(theta), r * np.sin(theta), z], axis=1)


_UNIT = _sphere_points(_SPHERE)
_RING = np.array([(np.cos(t), np.sin(t)) for t in np.linspace(0.0, 2 * np.pi, 16, endpoint=False)])


def _low_points(volume: RoundCone | Ellipsoid | Cylinder) -> np.ndarray:
    """Points (x, y) that outline, seen from above, the part of a volume within ``REACH`` of the floor."""
    if isinstance(volume, Cylinder):  # a roller: its rims, sampled along its length
        a, b = np.asarray(volume.a, dtype=float), np.asarray(volume.b, dtype=float)
        axis = (b - a) / np.linalg.norm(b - a)
        u = np.cross(axis, (0.0, 0.0, 1.0) if abs(axis[2]) < 0.9 else (1.0, 0.0, 0.0))
        u /= np.linalg.norm(u)
        v = np.cross(axis, u)
        turn = np.linspace(0.0, 2 * np.pi, 48, endpoint=False)
        rim = volume.r * (np.cos(turn)[:, None] * u + np.sin(turn)[:, None] * v)
        points = (a + np.linspace(0.0, 1.0, 9)[:, None, None] * (b - a) + rim[None]).reshape(-1, 3)
        return points[points[:, 2] <= REACH][:, :2]
    if isinstance(volume, Ellipsoid):
        points = np.asarray(volume.centre, dtype=float) + _UNIT @ np.asarray(volume.axes, dtype=float)
        return points[points[:, 2] <= REACH][:, :2]
    # A round cone is the hull of the spheres along its axis: each sphere's part below REACH is seen
    # from above as a disk, the whole sphere's when its centre is below REACH.
    a, b = np.asarray(volume.a, dtype=float), np.asarray(volume.b, dtype=float)
    t = np.linspace(0.0, 1.0, 17)
    centres = a + t[:, None] * (b - a)
    radii = volume.ra + t * (volume.rb - volume.ra)
    height = np.maximum(centres[:, 2] - REACH, 0.0)
    low = height < radii
    disk = np.sqrt(radii[low] ** 2 - height[low] ** 2)
    return (centres[low, None, :2] + disk[:, None, None] * _RING[None]).reshape(-1, 2)


def footprint(volume: RoundCone | Ellipsoid | Cylinder) -> np.ndarray | None:
    """The shadow under one part, as the corners of a convex polygon on the floor (z = 0), or
    None when the part does not come within ``REACH`` of the floor."""
    low = _low_points(volume)
    if len(low) == 0:
        return None
    core = convex_hull(low)
    hull = _simplify(convex_hull((core[:, None, :] + SPREAD * _RING[None]).reshape(-1, 2)))
    return np.column_stack([hull, np.zeros(len(hull))])


def _simplify(hull: np.ndarray) -> np.ndarray:
    """A convex polygon with fewer corners, none of the dropped ones more than ``TOLERANCE`` from
    the new edge (Douglas–Peucker on its two halves): the SVG stays small and the shape does not
    change that you could see."""
    far = int(np.argmax(np.linalg.norm(hull - hull[0], axis=1)))
    closed = np.vstack([hull, hull[:1]])
    return np.vstack([_chain(closed[: far + 1])[:-1], _chain(closed[far:])[:-1]])


def _chain(points: np.ndarray) -> np.ndarray:
    """Douglas–Peucker on an open chain: its end points, and the corners that stick out."""
    a, b = points[0], points[-1]
    if len(points) < 3:
        return points
    d = b - a
    off = np.abs(d[0] * (points[:, 1] - a[1]) - d[1] * (points[:, 0] - a[0])) / max(float(np.linalg.norm(d)), 1e-9)
    i = int(np.argmax(off))
    if off[i] <= TOLERANCE:
        return np.vstack([a, b])
    return np.vstack([_chain(points[: i + 1])[:-1], _chain(points[i:])])


def shadows(parts: Sequence[Part]) -> tuple[Shadow, ...]:
    """The contact shadows of a frame's people and rollers, in the parts' order. (A chair or a step
    stands square on the floor; a roller with none looked less grounded than the body on it.)"""
    out = []
    for part in parts:
        if (part.role in PERSON and isinstance(part.volume, (RoundCone, Ellipsoid))) or isinstance(part.volume, Cylinder):
            corners = footprint(part.volume)
            if corners is not None:
                out.append(Shadow(part.name, corners))
    return tuple(out)
