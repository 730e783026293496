"""Exact 2D outlines of the 3D volumes under an orthographic camera, and orthographic ray casts.

Outlines are closed form: a round cone projects to the convex hull of two circles, an ellipsoid to
an ellipse (P·S·Pᵀ), a box to the hull of its eight corners, a cylinder to the hull of its two end
disks. Every shape here is convex, which the containment tests and offsets rely on.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from generator.figures.camera import Camera
from generator.figures.primitives import Box, Cylinder, Ellipsoid, RoundCone, Volume

_CYLINDER_SAMPLES = 64  # points per end disk of a cylinder's outline


@dataclass(frozen=True)
class CircleHull:
    """The convex hull of two circles (a projected round cone)."""

    c1: tuple[float, float]
    r1: float
    c2: tuple[float, float]
    r2: float

    def single(self) -> tuple[tuple[float, float], float] | None:
        """The one circle this hull is, when one circle contains the other; else None."""
        d = math.dist(self.c1, self.c2)
        if d + min(self.r1, self.r2) <= max(self.r1, self.r2) + 1e-12:
            return (self.c1, self.r1) if self.r1 >= self.r2 else (self.c2, self.r2)
        return None

    def tangents(self) -> tuple[np.ndarray, np.ndarray, float, float]:
        """Unit axis e, unit perpendicular (e rotated +90°), sin φ and cos φ of the outer tangents:
        the tangent normals are n± = e·sin φ ± perp·cos φ."""
        c1, c2 = np.array(self.c1), np.array(self.c2)
        d = float(np.linalg.norm(c2 - c1))
        e = (c2 - c1) / d
        perp = np.array([-e[1], e[0]])
        s = (self.r1 - self.r2) / d
        return e, perp, s, math.sqrt(max(0.0, 1.0 - s * s))


@dataclass(frozen=True)
class Ellipse2D:
    """An ellipse: half-axes ``rx`` along ``angle_deg`` (counter-clockwise from +x) and ``ry``."""

    centre: tuple[float, float]
    rx: float
    ry: float
    angle_deg: float


@dataclass(frozen=True, eq=False)
class Polygon2D:
    """A polygon, (N, 2) points in order (either orientation). Every outline of a volume is
    convex; only a painted surface patch (``patch_outline``) may not be."""

    points: np.ndarray


Shape2D = CircleHull | Ellipse2D | Polygon2D


# ---------------------------------------------------------------------------------------------
# Outlines


def convex_hull(points: np.ndarray) -> np.ndarray:
    """Convex hull (counter-clockwise, in a y-up frame) of (N, 2) points: Andrew's monotone chain."""
    pts = np.unique(np.round(np.asarray(points, dtype=float), 9), axis=0)  # sorted by x then y
    if len(pts) < 3:
        return pts

    def half(seq: list[list[float]]) -> list[list[float]]:
        chain: list[list[float]] = []
        for p in seq:  # plain floats: numpy scalars made this loop ten times slower
            while len(chain) >= 2:
                (ax, ay), (bx, by) = chain[-2], chain[-1]
                if (bx - ax) * (p[1] - ay) - (by - ay) * (p[0] - ax) > 1e-12:
                    break
                chain.pop()
            chain.append(p)
        return chain

    rows = pts.tolist()
    lower, upper = half(rows), half(rows[::-1])
    return np.array(lower[:-1] + upper[:-1])


def _perpendicular(normal: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Two unit vectors spanning the plane perpendicular to the unit vector ``normal``."""
    helper = np.array([1.0, 0.0, 0.0]) if abs(normal[0]) < 0.9 else np.array([0.0, 1.0, 0.0])
    e1 = np.cross(normal, helper)
    e1 /= np.linalg.norm(e1)
    return e1, np.cross(normal, e1)


def _disk_points(centre: np.ndarray, normal: np.ndarray, r: float, n: int) -> np.ndarray:
    """n points on the circle of radius r about centre, perpendicular to ``normal``."""
    e1, e2 = _perpendicular(normal)
    t = np.linspace(0.0, 2.0 * math.pi, n, endpoint=False)
    return centre + r * (np.cos(t)[:, None] * e1 + np.sin(t)[:, None] * e2)


def _box_corners(box: Box) -> np.ndarray:
    signs = np.array([[i, j, k] for i in (-1, 1) for j in (-1, 1) for k in (-1, 1)], dtype=float)
    return np.asarray(box.centre, dtype=float) + signs @ np.asarray(box.axes, dtype=float)


def outline(volume: Volume, camera: Camera) -> Shape2D:
    """The exact screen outline (cm, y up) of a volume."""
    if isinstance(volume, RoundCone):
        a, b = camera.project(np.array([volume.a, volume.b], dtype=float))
        return CircleHull(
            (float(a[0]), float(a[1])), float(volume.ra), (float(b[0]), float(b[1])), float(volume.rb)
        )
    if isinstance(volume, Ellipsoid):
        axes = np.asarray(volume.axes, dtype=float)
        p = camera.basis[:2]
        m = p @ (axes.T @ axes) @ p.T  # the projected shape matrix: image of the unit ball
        vals, vecs = np.linalg.eigh(m)  # ascending
        major = vecs[:, 1]
        if major[0] < 0 or (major[0] == 0 and major[1] < 0):
            major = -major  # canonical sign so equal inputs give equal angles
        centre = camera.project(np.asarray(volume.centre, dtype=float)[None])[0]
        return Ellipse2D(
            (float(centre[0]), float(centre[1])),
            math.sqrt(max(vals[1], 0.0)),
            math.sqrt(max(vals[0], 0.0)),
            math.degrees(math.atan2(major[1], major[0])),
        )
    if isinstance(volume, Box):
        return Polygon2D(convex_hull(camera.project(_box_corners(volume))))
    if isinstance(volume, Cylinder):
        a, b = np.asarray(volume.a, dtype=float), np.asarray(volume.b, dtype=float)
        axis = (b - a) / np.linalg.norm(b - a)
        ring = _disk_points(np.zeros(3), axis, float(volume.r), _CYLINDER_SAMPLES)
        pts = np.concatenate([a + ring, b + ring])
        return Polygon2D(convex_hull(camera.project(pts)))
    raise TypeError(f"not a volume: {type(volume).__name__}")


def _unit(v: np.ndarray) -> np.ndarray:
    return v / float(np.linalg.norm(v))


def _circle(c: np.ndarray, a: np.ndarray, b: np.ndarray, start: float, end: float, n: int) -> np.ndarray:
    """Points c + a·cos t + b·sin t for t from ``start`` to ``end``."""
    t = np.linspace(start, end, n)[:, None]
    return c + a * np.cos(t) + b * np.sin(t)


def patch_outline(ell: Ellipsoid, normal: tuple[float, float, float], level: float, camera: Camera,
                  samples: int = 48) -> tuple[np.ndarray, np.ndarray] | None:
    """The part of an ellipsoid's surface where u·normal ≥ level that the camera sees, as a screen
    polygon (N, 2), and the seen part of its edge as a polyline (M, 2; empty when the edge is
    hidden); None when none of the patch shows. The polygon may be concave (a crescent), so it is
    filled but not stroked; the polyline is the line to draw.

    Worked on the unit sphere the ellipsoid is stretched from (surface = centre + axesᵀ·u): the
    seen half is u·w ≥ 0, w ∝ axes⁻ᵀ·toward, and its rim is the outline. The patch's edge is the
    circle where the plane u·normal = level cuts the sphere. The polygon runs along the rim while
    it is inside the patch, then back along the seen arc of that circle."""
    axes = np.asarray(ell.axes, dtype=float)
    n = _unit(np.asarray(normal, dtype=float))
    w = _unit(np.linalg.solve(axes.T, camera.toward))
    along = float(n @ w)
    across = n - along * w  # the normal's part in the rim's plane
    m = float(np.linalg.norm(across))
    r = math.sqrt(max(0.0, 1.0 - level * level))

    def screen(u: np.ndarray) -> np.ndarray:
        return camera.project(np.asarray(ell.centre, dtype=float) + u @ axes)

    if m > abs(level) + 1e-9:
        # The edge crosses the rim at ±alpha from where the normal leans out of the seen half.
        d0 = across / m
        d1 = np.cross(w, d0)
        alpha = math.acos(level / m)
        rim = _circle(np.zeros(3), d0, d1, -alpha, alpha, samples)
        f1 = _unit(w - along * n)
        f2 = np.cross(n, f1)
        beta = math.acos(max(-1.0, min(1.0, -level * along / (r * m))))
        edge = _circle(level * n, r * f1, r * f2, beta, -beta, samples)
        if np.linalg.norm(edge[0] - rim[-1]) > np.linalg.norm(edge[-1] - rim[-1]):
            edge = edge[::-1]
        return screen(np.concatenate([rim, edge[1:-1]])), screen(edge)
    # The edge misses the rim: the patch holds all of the rim (level < -m) or none of it.
    rim_inside = level < 0
    whole_rim = screen(_disk_points(np.zeros(3), w, 1.0, 2 * samples))
    if level * along <= 0:  # the edge is out of sight
        return (whole_rim, np.zeros((0, 2))) if rim_inside else None
    edge = screen(_disk_points(level * n, n, r, 2 * samples))
    if not rim_inside:
        return edge, np.concatenate([edge, edge[:1]])  # a small patch facing the viewer
    # The whole seen half but a hole: outline, then the hole the other way round (a keyhole).
    if _signed_area(whole_rim) * _signed_area(edge) > 0:
        edge = edge[::-1]
    hole = np.roll(edge, -int(np.argmin(np.linalg.norm(edge - whole_rim[0], axis=1))), axis=0)
    return np.concatenate([whole_rim, whole_rim[:1], hole, hole[:1]]), np.concatenate([hole, hole[:1]])


def _signed_area(pts: np.ndarray) -> float:
    x, y = pts[:, 0], pts[:, 1]
    return 0.5 * float(np.sum(x * np.roll(y, -1) - np.roll(x, -1) * y))


# ---------------------------------------------------------------------------------------------
# 2D queries


def _arc(centre: np.ndarray, r: float, start: float, end: float, tolerance: float) -> np.ndarray:
    """Points on an arc from angle ``start`` to ``end`` (radians, increasing), chord error ≤ tol."""
    step = 2.0 * math.acos(max(-1.0, 1.0 - tolerance / r)) if r > tolerance else math.pi / 4
    n = max(2, int(math.ceil(abs(end - start) / max(step, 1e-3))) + 1)
    t = np.linspace(start, end, n)
    return centre + r * np.stack([np.cos(t), np.sin(t)], axis=1)


def polygon(shape: Shape2D, tolerance: float = 0.05) -> np.ndarray:
    """(N, 2) points approximating the outline, counter-clockwise in a y-up frame, with every
    vertex on the true outline and chord error at most ``tolerance`` (same units as the shape)."""
    if isinstance(shape, Polygon2D):
        return np.asarray(shape.points, dtype=float)
    if isinstance(shape, Ellipse2D):
        r = max(shape.rx, shape.ry, 1e-9)
        step = 2.0 * math.acos(max(-1.0, 1.0 - tolerance / r)) if r > tolerance else math.pi / 4
        n = int(min(1440, max(12, math.ceil(2 * math.pi / max(step, 1e-3)))))
        t = np.linspace(0.0, 2.0 * math.pi, n, endpoint=False)
        a = math.radians(shape.angle_deg)
        ca, sa = math.cos(a), math.sin(a)
        x, y = shape.rx * np.cos(t), shape.ry * np.sin(t)
        return np.stack([shape.centre[0] + ca * x - sa * y, shape.centre[1] + sa * x + ca * y], 1)
    single = shape.single()
    if single is not None:
        (c, r) = single
        return _arc(np.array(c), r, 0.0, 2 * math.pi, tolerance)[:-1]
    e, _, s, _ = shape.tangents()
    th = math.atan2(e[1], e[0])
    phi = math.asin(s)
    # Circle 1 from n+ round the back (−e) to n−, then circle 2 from n− round the front to n+.
    arc1 = _arc(np.array(shape.c1), shape.r1, th + math.pi / 2 - phi, th + 1.5 * math.pi + phi, tolerance)
    arc2 = _arc(np.array(shape.c2), shape.r2, th - math.pi / 2 + phi, th + math.pi / 2 - phi, tolerance)
    return np.concatenate([arc1, arc2])


def bounds(shape: Shape2D) -> tuple[float, float, float, float]:
    """Exact bounding box (xmin, ymin, xmax, ymax)."""
    if isinstance(shape, CircleHull):
        return (
            min(shape.c1[0] - shape.r1, shape.c2[0] - shape.r2),
            min(shape.c1[1] - shape.r1, shape.c2[1] - shape.r2),
            max(shape.c1[0] + shape.r1, shape.c2[0] + shape.r2),
            max(shape.c1[1] + shape.r1, shape.c2[1] + shape.r2),
        )
    if isinstance(shape, Ellipse2D):
        a = math.radians(shape.angle_deg)
        hx = math.hypot(shape.rx * math.cos(a), shape.ry * math.sin(a))
        hy = math.hypot(shape.rx * math.sin(a), shape.ry * math.cos(a))
        cx, cy = shape.centre
        return (cx - hx, cy - hy, cx + hx, cy + hy)
    pts = np.asarray(shape.points)
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    return (float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1]))


def _convex_contains(pts: np.ndarray, xy: np.ndarray) -> np.ndarray:
    nxt = np.roll(pts, -1, axis=0)
    edge = nxt - pts
    sign = 1.0 if np.sum(pts[:, 0] * nxt[:, 1] - nxt[:, 0] * pts[:, 1]) >= 0 else -1.0
    # Cross product of every edge with every point, (edges, points): all on the inner side.
    cross = edge[:, :1] * (xy[:, 1][None] - pts[:, 1:2]) - edge[:, 1:2] * (xy[:, 0][None] - pts[:, :1])
    return np.all(sign * cross >= -1e-9, axis=0)


def contains(shape: Shape2D, xy: np.ndarray) -> np.ndarray:
    """Which points (N, 2) lie inside or on the shape (exact for circle hulls and ellipses)."""
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    if isinstance(shape, Ellipse2D):
        a = math.radians(shape.angle_deg)
        dx, dy = xy[:, 0] - shape.centre[0], xy[:, 1] - shape.centre[1]
        u = (math.cos(a) * dx + math.sin(a) * dy) / max(shape.rx, 1e-12)
        v = (-math.sin(a) * dx + math.cos(a) * dy) / max(shape.ry, 1e-12)
        return u * u + v * v <= 1.0 + 1e-12
    if isinstance(shape, Polygon2D):
        return _convex_contains(np.asarray(shape.points, dtype=float), xy)
    c1, c2 = np.array(shape.c1), np.array(shape.c2)
    in1 = np.sum((xy - c1) ** 2, axis=1) <= shape.r1**2
    in2 = np.sum((xy - c2) ** 2, axis=1) <= shape.r2**2
    if shape.single() is not None:
        return in1 | in2
    e, perp, s, c = shape.tangents()
    d = float(np.linalg.norm(c2 - c1))
    along = (xy - c1) @ e
    across = np.abs((xy - c1) @ perp)
    # Between the two chords through the tangent points, and inside both tangent lines.
    between = (along >= shape.r1 * s) & (along <= d + shape.r2 * s)
    inside_lines = along * s + across * c <= shape.r1
    return in1 | in2 | (between & inside_lines)


def dilate(shape: Shape2D, d: float, tolerance: float = 0.05) -> np.ndarray:
    """Outline points of the shape grown by ``d`` (Minkowski sum with a disk of radius d):
    what a stroke of width 2d adds outside the shape. Exact up to ``tolerance``."""
    if isinstance(shape, CircleHull):
        return polygon(CircleHull(shape.c1, shape.r1 + d, shape.c2, shape.r2 + d), tolerance)
    pts = convex_hull(polygon(shape, tolerance))  # counter-clockwise, no rounding dents
    keep = np.linalg.norm(np.roll(pts, -1, axis=0) - pts, axis=1) > 1e-9
    pts = pts[keep]  # rounded coordinates can repeat a point: its edge has no normal
    if len(pts) < 3:  # a point or a segment: grow each end into a disk
        disks = [_arc(p, d, 0.0, 2 * math.pi, tolerance) for p in pts]
        return convex_hull(np.concatenate(disks)) if disks else np.zeros((0, 2))
    edges = np.roll(pts, -1, axis=0) - pts
    normals = np.stack([edges[:, 1], -edges[:, 0]], 1)  # outward for counter-clockwise
    normals /= np.linalg.norm(normals, axis=1, keepdims=True)
    out = []
    for i, p in enumerate(pts):
        n0, n1 = normals[i - 1], normals[i]
        # Signed turn from n0 to n1: rounding can make a vertex very slightly concave, which
        # must not become a full circle round it.
        turn = math.atan2(n0[0] * n1[1] - n0[1] * n1[0], n0 @ n1)
        if turn > 0.05:
            a0 = math.atan2(n0[1], n0[0])
            out.append(_arc(p, d, a0, a0 + turn, tolerance))
        else:
            mid = n0 + n1
            out.append((p + d * mid / max(float(np.linalg.norm(mid)), 1e-12))[None])
    return np.concatenate(out)


# ---------------------------------------------------------------------------------------------
# Orthographic ray casts


def _quadric_ray(q: np.ndarray, w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Roots t of |q + t·w|² = 1 (q (N, 3), w (3,)): (low, high), NaN where the ray misses."""
    ww = float(w @ w)
    qw = q @ w
    disc = qw * qw - ww * (np.sum(q * q, axis=1) - 1.0)
    root = np.sqrt(np.where(disc >= 0, disc, np.nan))
    return (-qw - root) / ww, (-qw + root) / ww


def _slab(p: np.ndarray, d: float, lo: float, hi: float) -> tuple[np.ndarray, np.ndarray]:
    """Interval of t with lo ≤ p + t·d ≤ hi (p (N,)), as (enter, exit); empty gives enter > exit."""
    if abs(d) < 1e-12:
        ok = (p >= lo) & (p <= hi)
        return np.where(ok, -np.inf, np.inf), np.where(ok, np.inf, -np.inf)
    t0, t1 = (lo - p) / d, (hi - p) / d
    return np.minimum(t0, t1), np.maximum(t0, t1)


def _round_cone_depth(cone: RoundCone, camera: Camera, xy: np.ndarray) -> np.ndarray:
    # The round cone is the union of spheres centre(s) = a + s(b − a), radius ra + s(rb − ra),
    # s in [0, 1]. Its front depth at a screen point is max_s g(s), g(s) = depth(s) + sqrt(Q(s)),
    # and g is concave (the set of (s, point) pairs is convex), so the maximum is at s = 0, s = 1
    # or where g′(s) = 0, a quadratic in s. Extra roots from squaring only give lower values.
    a, b = np.asarray(cone.a, dtype=float), np.asarray(cone.b, dtype=float)
    ra, rb = float(cone.ra), float(cone.rb)
    if np.linalg.norm(b - a) + min(ra, rb) <= max(ra, rb):
        c, r = (a, ra) if ra >= rb else (b, rb)
        return _ellipsoid_depth(Ellipsoid(c, np.eye(3) * r), camera, xy)
    pa, pb = camera.project(np.array([a, b]))
    ta, tb = camera.depth(np.array([a, b]))
    q = xy - pa
    m = pb - pa
    dt, dr = tb - ta, rb - ra
    k = dr * dr - float((b - a) @ (b - a))  # < 0 for a proper round cone
    alpha = dr * dr - float(m @ m)
    beta = 2.0 * (ra * dr + q @ m)
    gamma = ra * ra - np.sum(q * q, axis=1)
    cq = beta * beta - 4.0 * dt * dt * gamma  # stationary points: α s² + β s + cq/(4k) = 0
    cands = [np.zeros(len(xy)), np.ones(len(xy))]
    if abs(alpha) > 1e-9:
        disc = np.sqrt(np.maximum(beta * beta - alpha * cq / k, 0.0))
        cands += [(-beta + disc) / (2 * alpha), (-beta - disc) / (2 * alpha)]
        if alpha < 0:
            cands.append(-beta / (2 * alpha))  # where Q peaks: keeps grazing hits
    else:
        with np.errstate(divide="ignore", invalid="ignore"):
            cands.append(np.where(np.abs(beta) > 1e-12, -cq / (4 * k * beta), 0.0))
    s = np.clip(np.stack(cands), 0.0, 1.0)
    big_q = alpha * s * s + beta * s + gamma
    g = np.where(big_q >= 0, ta + s * dt + np.sqrt(np.maximum(big_q, 0.0)), -np.inf)
    return g.max(axis=0)


def _ellipsoid_depth(ell: Ellipsoid, camera: Camera, xy: np.ndarray) -> np.ndarray:
    minv = np.linalg.inv(np.asarray(ell.axes, dtype=float).T)
    origin = camera.unproject(xy) - np.asarray(ell.centre, dtype=float)
    _, hi = _quadric_ray(origin @ minv.T, minv @ camera.toward)
    return np.where(np.isnan(hi), -np.inf, hi)


def _box_depth(box: Box, camera: Camera, xy: np.ndarray) -> np.ndarray:
    minv = np.linalg.inv(np.asarray(box.axes, dtype=float).T)
    local = (camera.unproject(xy) - np.asarray(box.centre, dtype=float)) @ minv.T
    w = minv @ camera.toward
    enter = np.full(len(xy), -np.inf)
    leave = np.full(len(xy), np.inf)
    for i in range(3):
        t0, t1 = _slab(local[:, i], float(w[i]), -1.0, 1.0)
        enter, leave = np.maximum(enter, t0), np.minimum(leave, t1)
    return np.where(enter <= leave, leave, -np.inf)


def _cylinder_depth(cyl: Cylinder, camera: Camera, xy: np.ndarray) -> np.ndarray:
    a, b = np.asarray(cyl.a, dtype=float), np.asarray(cyl.b, dtype=float)
    length = float(np.linalg.norm(b - a))
    w = (b - a) / length
    c = camera.toward
    p = camera.unproject(xy) - a
    p_perp = p - np.outer(p @ w, w)
    c_perp = c - (c @ w) * w
    aa = float(c_perp @ c_perp)
    cc = np.sum(p_perp * p_perp, axis=1) - cyl.r**2
    if aa < 1e-12:  # looking straight down the axis: inside the disk means the whole line
        enter = np.where(cc <= 0, -np.inf, np.inf)
        leave = np.where(cc <= 0, np.inf, -np.inf)
    else:
        bb = p_perp @ c_perp
        disc = bb * bb - aa * cc
        root = np.sqrt(np.maximum(disc, 0.0))
        enter = np.where(disc >= 0, (-bb - root) / aa, np.inf)
        leave = np.where(disc >= 0, (-bb + root) / aa, -np.inf)
    t0, t1 = _slab(p @ w, float(c @ w), 0.0, length)
    enter, leave = np.maximum(enter, t0), np.minimum(leave, t1)
    return np.where(enter <= leave, leave, -np.inf)


def front_depth(volume: Volume, camera: Camera, xy: np.ndarray) -> np.ndarray:
    """Depth (as ``Camera.depth``) of the volume's surface nearest the viewer along the
    orthographic ray through each screen point (N, 2); ``-inf`` where the ray misses.

    Exact for every volume: ellipsoids by mapping to the unit sphere, boxes by slabs, cylinders by
    side and caps, round cones by maximising over the swept family of spheres in closed form.
    """
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    if isinstance(volume, RoundCone):
        return _round_cone_depth(volume, camera, xy)
    if isinstance(volume, Ellipsoid):
        return _ellipsoid_depth(volume, camera, xy)
    if isinstance(volume, Box):
        return _box_depth(volume, camera, xy)
    if isinstance(volume, Cylinder):
        return _cylinder_depth(volume, camera, xy)
    raise TypeError(f"not a volume: {type(volume).__name__}")


def erode(shape: Shape2D, d: float, tolerance: float = 0.05) -> np.ndarray | None:
    """Outline points of the shape shrunk by ``d`` (what a stroke of width 2d leaves unpainted
    inside), or None when nothing is left. Exact for circle hulls; ellipses shrink both half-axes
    (close to the true inner parallel curve for the thin strokes it is used for)."""
    if isinstance(shape, CircleHull):
        r1, r2 = shape.r1 - d, shape.r2 - d
        if max(r1, r2) <= 0:
            return None
        return polygon(CircleHull(shape.c1, max(r1, 1e-3), shape.c2, max(r2, 1e-3)), tolerance)
    if isinstance(shape, Ellipse2D):
        if min(shape.rx, shape.ry) <= d:
            return None
        return polygon(Ellipse2D(shape.centre, shape.rx - d, shape.ry - d, shape.angle_deg), tolerance)
    # Rounded coordinates can leave tiny edges pointing anywhere; on the hull every edge is a
    # supporting line, so insetting it is safe.
    pts = convex_hull(np.asarray(shape.points, dtype=float))
    # Intersection of the inset half-planes: clip by each edge line moved inward by d.
    out = pts
    nxt = np.roll(pts, -1, axis=0)
    for p, q in zip(pts, nxt, strict=True):
        e = q - p
        length = math.hypot(e[0], e[1])
        if length < 1e-12:
            continue
        inward = np.array([-e[1], e[0]]) / length
        dist = (out - p) @ inward - d  # ≥ 0 inside the inset half-plane
        if np.all(dist >= 0):
            continue
        if np.all(dist < 0):
            return None
        clipped = []
        for k in range(len(out)):
            a, b = out[k], out[(k + 1) % len(out)]
            da, db = dist[k], dist[(k + 1) % len(out)]
            if da >= 0:
                clipped.append(a)
            if (da >= 0) != (db >= 0):
                clipped.append(a + (b - a) * (da / (da - db)))
        out = np.array(clipped)
    return out if len(out) >= 3 else None
