"""Contact shadows: a darker patch on the floor under each body part, or roller, that rests on it.

Illustrators ground a figure this way. Where a body part touches the floor, a small flat shadow
shows round it, so a reader can tell a bottom sitting on the floor from one held up on the
heels, or a knee resting on the floor from one lifted, even when the view hides the gap."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from generator.figures.clip import clip_polygon
from generator.figures.outline import convex_hull
from generator.figures.primitives import PERSON, Box, Cylinder, Ellipsoid, Part, RoundCone, Shadow, extent

REACH = 3.0  # cm: the part of a volume this close to the floor casts the shadow
SINK = 1.0  # cm a part may sink into a surface it rests on (the contact tolerance)
INSET = 0.5  # cm a shadow on a prop keeps from the edge of its top, clear of the prop's outline
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


def _low_points(volume: RoundCone | Ellipsoid | Cylinder, level: float = 0.0) -> np.ndarray:
    """Points (x, y) that outline, seen from above, the part of a volume within ``REACH`` above the
    surface at height ``level`` (and not sunk more than ``SINK`` below it)."""
    if level:
        return _low_points(_lowered(volume, level))
    if isinstance(volume, Cylinder):  # a roller: its rims, sampled along its length
        a, b = np.asarray(volume.a, dtype=float), np.asarray(volume.b, dtype=float)
        axis = (b - a) / np.linalg.norm(b - a)
        u = np.cross(axis, (0.0, 0.0, 1.0) if abs(axis[2]) < 0.9 else (1.0, 0.0, 0.0))
        u /= np.linalg.norm(u)
        v = np.cross(axis, u)
        turn = np.linspace(0.0, 2 * np.pi, 48, endpoint=False)
        rim = volume.r * (np.cos(turn)[:, None] * u + np.sin(turn)[:, None] * v)
        points = (a + np.linspace(0.0, 1.0, 9)[:, None, None] * (b - a) + rim[None]).reshape(-1, 3)
        return points[(points[:, 2] <= REACH) & (points[:, 2] >= -SINK)][:, :2]
    if isinstance(volume, Ellipsoid):
        points = np.asarray(volume.centre, dtype=float) + _UNIT @ np.asarray(volume.axes, dtype=float)
        return points[(points[:, 2] <= REACH) & (points[:, 2] >= -SINK)][:, :2]
    # A round cone is the hull of the spheres along its axis: each sphere's part below REACH is seen
    # from above as a disk, the whole sphere's when its centre is below REACH.
    a, b = np.asarray(volume.a, dtype=float), np.asarray(volume.b, dtype=float)
    t = np.linspace(0.0, 1.0, 17)
    centres = a + t[:, None] * (b - a)
    radii = volume.ra + t * (volume.rb - volume.ra)
    # Each sphere's distance above the band [-SINK, REACH] or below it: nothing lies below the floor.
    height = np.maximum(np.maximum(centres[:, 2] - REACH, 0.0), -SINK - centres[:, 2])
    low = height < radii
    disk = np.sqrt(radii[low] ** 2 - height[low] ** 2)
    return (centres[low, None, :2] + disk[:, None, None] * _RING[None]).reshape(-1, 2)


def _lowered(volume: RoundCone | Ellipsoid | Cylinder, level: float) -> RoundCone | Ellipsoid | Cylinder:
    """The volume moved down by ``level``, so the surface at that height becomes the floor."""
    down = np.array([0.0, 0.0, level])
    if isinstance(volume, Ellipsoid):
        return Ellipsoid(np.asarray(volume.centre, dtype=float) - down, volume.axes)
    if isinstance(volume, Cylinder):
        return Cylinder(np.asarray(volume.a, dtype=float) - down, np.asarray(volume.b, dtype=float) - down, volume.r)
    return RoundCone(np.asarray(volume.a, dtype=float) - down, np.asarray(volume.b, dtype=float) - down, volume.ra, volume.rb)


def footprint(volume: RoundCone | Ellipsoid | Cylinder, level: float = 0.0, within: np.ndarray | None = None) -> np.ndarray | None:
    """The shadow under one part, as the corners of a convex polygon on the surface at height
    ``level`` (the floor by default), cut to the counter-clockwise polygon ``within`` (x, y) when
    given; None when the part does not come within ``REACH`` of the surface."""
    low = _low_points(volume, level)
    if len(low) == 0:
        return None
    core = convex_hull(low)
    hull = _simplify(convex_hull((core[:, None, :] + SPREAD * _RING[None]).reshape(-1, 2)))
    if within is not None:
        hull = clip_polygon(hull, within)
        if len(hull) < 3:
            return None
    return np.column_stack([hull, np.full(len(hull), level)])


def top_face(box: Box) -> tuple[float, np.ndarray] | None:
    """The height of a box's flat top and its outline seen from above, counter-clockwise and
    ``INSET`` in from the edge; None when the box stands on its floor no higher than a mat, or is
    tilted."""
    axes = np.asarray(box.axes, dtype=float)
    up = int(np.argmax(np.abs(axes[:, 2])))
    if np.linalg.norm(axes[up, :2]) > 1e-6 * abs(axes[up, 2]):
        return None
    top = float(box.centre[2] + abs(axes[up, 2]))
    if top < REACH:
        return None
    u, v = (axes[k, :2] for k in range(3) if k != up)
    shrink = [max(1.0 - INSET / float(np.linalg.norm(w)), 0.0) for w in (u, v)]
    u, v = u * shrink[0], v * shrink[1]
    c = np.asarray(box.centre[:2], dtype=float)
    corners = np.array([c - u - v, c + u - v, c + u + v, c - u + v])
    if u[0] * v[1] - u[1] * v[0] < 0:  # keep it counter-clockwise for the clip
        corners = corners[::-1]
    return top, corners


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
    """The contact shadows of a frame's people and rollers on the floor, in the parts' order, then
    those of body parts resting on a prop's flat top (its lowest point there), prop by prop. (A
    chair or a step stands square on the floor; a roller with none looked less grounded than the
    body on it.)"""
    out = []
    for part in parts:
        if (part.role in PERSON and isinstance(part.volume, (RoundCone, Ellipsoid))) or isinstance(part.volume, Cylinder):
            corners = footprint(part.volume)
            if corners is not None:
                out.append(Shadow(part.name, corners))
    body = [(p.name, p.volume) for p in parts if p.role in PERSON and isinstance(p.volume, (RoundCone, Ellipsoid))]
    for prop in parts:
        face = top_face(prop.volume) if prop.role == "prop" and isinstance(prop.volume, Box) else None
        if face is None:
            continue
        level, outline = face
        for name, volume in body:
            if -SINK <= extent(volume)[0][2] - level <= REACH:  # resting on it (its lowest point), not reaching past or under it
                corners = footprint(volume, level, outline)
                if corners is not None:
                    out.append(Shadow(name, corners, prop.name))
    return tuple(out)
