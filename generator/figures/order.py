"""Painter's order from depth tests: which part must be drawn after which.

For every pair of parts whose outlines overlap, the front depths of both are compared on a grid of
points inside the overlap; the part nearer the viewer on more of the overlap's area is painted
later. The resulting graph is sorted topologically; a cycle (possible with parts that
interpenetrate, or three parts that overlap like a pinwheel) is broken by dropping its weakest
edge, the one that decides the fewest pixels.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from generator.figures.camera import Camera
from generator.figures.outline import bounds, contains, front_depth, outline
from generator.figures.primitives import Box, Cylinder, Ellipsoid, Part, RoundCone, Volume

_GRID = 16  # samples per side of a pair's bounding-box overlap
_FINE_GRID = 40  # retried when the coarse grid finds too few points inside both outlines
_MIN_SAMPLES = 6


@dataclass(frozen=True)
class Edge:
    """``back`` must be painted before ``front``; ``weight`` is the overlap area (cm²) on which
    that is right minus the area on which it is wrong; ``margin`` the mean depth difference."""

    back: int
    front: int
    weight: float
    margin: float


def _centre(volume: Volume) -> np.ndarray:
    if isinstance(volume, (RoundCone, Cylinder)):
        return (np.asarray(volume.a, dtype=float) + np.asarray(volume.b, dtype=float)) / 2
    if isinstance(volume, (Ellipsoid, Box)):
        return np.asarray(volume.centre, dtype=float)
    raise TypeError(f"not a volume: {type(volume).__name__}")


def _grid(box: tuple[float, float, float, float], n: int) -> tuple[np.ndarray, float]:
    """Cell centres of an n × n grid over a box, and the area of one cell."""
    x0, y0, x1, y1 = box
    dx, dy = (x1 - x0) / n, (y1 - y0) / n
    xs = x0 + dx * (np.arange(n) + 0.5)
    ys = y0 + dy * (np.arange(n) + 0.5)
    gx, gy = np.meshgrid(xs, ys)
    return np.stack([gx.ravel(), gy.ravel()], axis=1), dx * dy


def pair_edge(i: int, j: int, parts: Sequence[Part], shapes, boxes, camera: Camera) -> Edge | None:
    """The depth test of one pair, or None when their outlines do not overlap."""
    bi, bj = boxes[i], boxes[j]
    box = (max(bi[0], bj[0]), max(bi[1], bj[1]), min(bi[2], bj[2]), min(bi[3], bj[3]))
    if box[0] >= box[2] or box[1] >= box[3]:
        return None
    for n in (_GRID, _FINE_GRID):
        xy, cell = _grid(box, n)
        both = contains(shapes[i], xy)
        both[both] = contains(shapes[j], xy[both])
        if both.sum() >= _MIN_SAMPLES:
            break
    if not both.any():
        return None
    xy = xy[both]
    di = front_depth(parts[i].volume, camera, xy)
    dj = front_depth(parts[j].volume, camera, xy)
    ok = np.isfinite(di) & np.isfinite(dj)  # the outline and the ray cast agree up to rounding
    if not ok.any():
        return None
    diff = di[ok] - dj[ok]
    i_front = float(np.sum(diff > 0)) * cell
    j_front = float(np.sum(diff < 0)) * cell
    if i_front == j_front:
        return None  # touching or coplanar: either order paints the same pixels
    if i_front > j_front:
        return Edge(j, i, i_front - j_front, float(np.mean(diff)))
    return Edge(i, j, j_front - i_front, float(-np.mean(diff)))


def _cyclic_edges(nodes: list[int], edges: list[Edge]) -> list[Edge]:
    """Edges that lie on a cycle among ``nodes``: those inside one strongly connected component."""
    succ: dict[int, list[int]] = {n: [] for n in nodes}
    for e in edges:
        succ[e.back].append(e.front)
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    comp: dict[int, int] = {}
    stack: list[int] = []
    on_stack: set[int] = set()
    counter = [0]

    def visit(v: int) -> None:  # Tarjan; graphs here have a few dozen nodes
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in succ[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp[w] = v
                if w == v:
                    break

    for v in nodes:
        if v not in index:
            visit(v)
    return [e for e in edges if comp[e.back] == comp[e.front]]


def _toposort(nodes: list[int], edges: list[Edge], key) -> list[int]:
    """Kahn's algorithm, smallest ``key`` first among the ready nodes; drops the weakest edge of
    a cycle and carries on when it gets stuck."""
    edges = list(edges)
    while True:
        indeg = {n: 0 for n in nodes}
        succ: dict[int, list[int]] = {n: [] for n in nodes}
        for e in edges:
            indeg[e.front] += 1
            succ[e.back].append(e.front)
        ready = [(key(n), n) for n in nodes if indeg[n] == 0]
        heapq.heapify(ready)
        out: list[int] = []
        while ready:
            _, n = heapq.heappop(ready)
            out.append(n)
            for m in succ[n]:
                indeg[m] -= 1
                if indeg[m] == 0:
                    heapq.heappush(ready, (key(m), m))
        if len(out) == len(nodes):
            return out
        stuck = [n for n in nodes if indeg[n] > 0]
        stuck_set = set(stuck)
        inner = [e for e in edges if e.back in stuck_set and e.front in stuck_set]
        cyclic = _cyclic_edges(stuck, inner)
        weakest = min(cyclic, key=lambda e: (e.weight, abs(e.margin), e.back, e.front))
        edges.remove(weakest)


def paint_order(parts: Sequence[Part], camera: Camera) -> list[int]:
    """Indices of ``parts`` back to front: floor parts first, then every part after the parts it
    covers. Deterministic: ties go to the farther centre, then the name."""
    centre_depth = [float(camera.depth(_centre(p.volume)[None])[0]) for p in parts]

    def key(i: int) -> tuple[float, str, int]:
        return (round(centre_depth[i], 9), parts[i].name, i)

    floor = sorted((i for i, p in enumerate(parts) if p.role == "floor"), key=key)
    rest = [i for i, p in enumerate(parts) if p.role != "floor"]
    shapes = [outline(p.volume, camera) for p in parts]
    boxes = [bounds(s) for s in shapes]
    edges = []
    for x, i in enumerate(rest):
        for j in rest[x + 1 :]:
            edge = pair_edge(i, j, parts, shapes, boxes, camera)
            if edge is not None:
                edges.append(edge)
    return floor + _toposort(rest, edges, key)


def zbuffer_agreement(parts: Sequence[Part], camera: Camera, order: Sequence[int] | None = None,
                      n: int = 160, touching: float = 0.0) -> float:
    """Share of covered points on an n × n grid where painting ``order`` (default: ``paint_order``)
    shows a nearest part, as a per-pixel ray cast would. Ties in depth count as agreeing, and so
    do joints: where the nearest and the painted part name each other in ``neighbours`` (both
    are body colour, only the crease line moves). With ``touching`` (cm), a painted part whose
    surface is within that depth of the nearest one counts too: parts pressed together (a thigh
    resting on a calf) interpenetrate a little in the model, and either may be drawn on top
    there. For the checks of a drawn figure."""
    if not parts:
        return 1.0
    order = paint_order(parts, camera) if order is None else list(order)
    shapes = [outline(p.volume, camera) for p in parts]
    b = np.array([bounds(s) for s in shapes])
    gx, gy = np.meshgrid(np.linspace(b[:, 0].min(), b[:, 2].max(), n), np.linspace(b[:, 1].min(), b[:, 3].max(), n))
    xy = np.stack([gx.ravel(), gy.ravel()], axis=1)
    depth = np.stack([front_depth(p.volume, camera, xy) for p in parts])
    nearest = np.where(np.isfinite(depth).any(axis=0), depth.argmax(axis=0), -1)
    painted = np.full(len(xy), -1)
    for i in order:
        painted[contains(shapes[i], xy)] = i
    covered = (nearest >= 0) | (painted >= 0)
    cols = np.arange(len(xy))
    ok = (painted == nearest) | ((painted >= 0) & (depth[np.maximum(painted, 0), cols] >= depth.max(axis=0) - max(touching, 1e-6)))
    joint = np.zeros(len(xy), dtype=bool)
    for k in np.nonzero(covered & ~ok & (nearest >= 0) & (painted >= 0))[0]:
        joint[k] = parts[painted[k]].name in parts[nearest[k]].neighbours
    return float((ok | joint)[covered].mean())
