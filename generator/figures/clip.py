"""Cut outlines and lines to a round window: the edge of a close-up.

A close-up magnifies one body place (a hand under a foot) inside a circle, the way printed
instructions show a detail. The panel is drawn as usual and then cut here, shape by shape, so the
raster and the SVG need no clip paths and stay as simple as every other picture.
"""

from __future__ import annotations

import math

import numpy as np

from generator.figures.outline import Polygon2D, Shape2D, polygon

SIDES = 180  # the circle as a polygon: 2° steps, within 0.02 % of the true radius


def circle(centre: tuple[float, float], radius: float) -> np.ndarray:
    """The window as a counter-clockwise polygon (in a y-up frame)."""
    t = np.linspace(0.0, 2.0 * math.pi, SIDES, endpoint=False)
    return np.stack([centre[0] + radius * np.cos(t), centre[1] + radius * np.sin(t)], 1)


def clip_polygon(points: np.ndarray, window: np.ndarray) -> np.ndarray:
    """Sutherland–Hodgman: the part of a polygon inside a convex, counter-clockwise window.
    Exact for a convex polygon; a concave one may keep a sliver along the window's edge, which
    the window's ring covers."""
    out = np.asarray(points, dtype=float)
    for a, b in zip(window, np.roll(window, -1, axis=0), strict=True):
        if len(out) == 0:
            break
        edge = b - a
        side = edge[0] * (out[:, 1] - a[1]) - edge[1] * (out[:, 0] - a[0])  # ≥ 0: inside
        kept: list[np.ndarray] = []
        for i in range(len(out)):
            j = i - 1  # the previous point, wrapping round
            if (side[i] >= 0) != (side[j] >= 0):
                t = side[j] / (side[j] - side[i])
                kept.append(out[j] + t * (out[i] - out[j]))
            if side[i] >= 0:
                kept.append(out[i])
        out = np.array(kept, dtype=float).reshape(-1, 2)
    return out


def clip_shape(shape: Shape2D, centre: tuple[float, float], radius: float) -> Shape2D | None:
    """A shape cut to the window: itself when wholly inside, None when nothing of it is."""
    pts = polygon(shape)
    if np.linalg.norm(pts - np.asarray(centre, dtype=float), axis=1).max() <= radius:
        return shape
    cut = clip_polygon(pts, circle(centre, radius))
    if len(cut) < 3:
        return None
    return Polygon2D(np.round(cut, 1) + 0.0)


def clip_line(points: np.ndarray, centre: tuple[float, float], radius: float) -> list[np.ndarray]:
    """The pieces of an open polyline that lie inside the window, each of two or more points."""
    c = np.asarray(centre, dtype=float)
    pts = np.asarray(points, dtype=float)
    pieces: list[np.ndarray] = []
    current: list[np.ndarray] = []
    for p, q in zip(pts[:-1], pts[1:], strict=True):
        span = _inside_span(p, q, c, radius)
        if span is None:
            if len(current) > 1:
                pieces.append(np.array(current))
            current = []
            continue
        t0, t1 = span
        if t0 > 0.0 or not current:  # the line enters the window here
            if len(current) > 1:
                pieces.append(np.array(current))
            current = [p + t0 * (q - p)]
        current.append(p + t1 * (q - p))
        if t1 < 1.0:  # and leaves it
            pieces.append(np.array(current))
            current = []
    if len(current) > 1:
        pieces.append(np.array(current))
    return pieces


def _inside_span(p: np.ndarray, q: np.ndarray, c: np.ndarray, r: float) -> tuple[float, float] | None:
    """The range [t0, t1] within [0, 1] where p + t·(q − p) is inside the circle, or None."""
    d, f = q - p, p - c
    a = float(d @ d)
    if a == 0.0:
        return (0.0, 1.0) if float(f @ f) <= r * r else None
    b = 2.0 * float(f @ d)
    disc = b * b - 4.0 * a * (float(f @ f) - r * r)
    if disc <= 0.0:
        return None
    root = math.sqrt(disc)
    t0, t1 = max(0.0, (-b - root) / (2.0 * a)), min(1.0, (-b + root) / (2.0 * a))
    return (t0, t1) if t1 > t0 else None
