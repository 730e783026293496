"""Outlines match the projected 3D surfaces; ray casts match brute force."""

from __future__ import annotations

import math

import numpy as np
import pytest

from generator.figures.camera import Camera
from generator.figures.outline import (
    CircleHull,
    Ellipse2D,
    Polygon2D,
    _signed_area,
    bounds,
    contains,
    convex_hull,
    dilate,
    erode,
    front_depth,
    outline,
    patch_outline,
    polygon,
)
from generator.figures.primitives import Box, Cylinder, Ellipsoid, RoundCone

CAMERAS = [Camera(0, 0), Camera(90, 0), Camera(45, 30), Camera(-120, 60), Camera(0, 90), Camera(200, -20)]


def _rotation(seed: int) -> np.ndarray:
    q = np.random.default_rng(seed).normal(size=4)
    w, x, y, z = q / np.linalg.norm(q)
    return np.array([
        [1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y)],
        [2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x)],
        [2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)],
    ])


def _sphere_dirs(n: int) -> np.ndarray:
    """Nearly uniform unit vectors (Fibonacci sphere)."""
    i = np.arange(n) + 0.5
    z = 1 - 2 * i / n
    phi = i * math.pi * (3 - math.sqrt(5))
    r = np.sqrt(1 - z * z)
    return np.stack([r * np.cos(phi), r * np.sin(phi), z], 1)


def _support(points2d: np.ndarray, dirs: np.ndarray) -> np.ndarray:
    return (points2d @ dirs.T).max(axis=0)


DIRS2 = np.stack([np.cos(np.linspace(0, 2 * np.pi, 90)), np.sin(np.linspace(0, 2 * np.pi, 90))], 1)

CONE = RoundCone(np.array([3.0, -4.0, 50.0]), np.array([20.0, 12.0, 80.0]), 8.0, 4.5)
ELLIPSOID = Ellipsoid(np.array([5.0, 2.0, 100.0]), np.diag([12.0, 17.0, 9.0]) @ _rotation(3).T)
BOX = Box(np.array([-10.0, 5.0, 20.0]), np.diag([20.0, 8.0, 5.0]) @ _rotation(4).T)
CYLINDER = Cylinder(np.array([0.0, -40.0, 7.5]), np.array([10.0, 45.0, 9.0]), 7.5)


def _assert_outline_of(shape, surface, cam) -> None:
    """The outline's extent in every direction matches the projected surface within 0.5% of its size."""
    size = float(np.ptp(cam.project(surface), axis=0).max())
    exact = _support(polygon(shape, 1e-4), DIRS2)
    sampled = _support(cam.project(surface), DIRS2)
    assert np.abs(exact - sampled).max() < 0.005 * size


@pytest.mark.parametrize("cam", CAMERAS, ids=str)
def test_circle_hull_matches_the_projected_round_cone(cam):
    # Dense surface sample: the spheres swept along the axis.
    dirs = _sphere_dirs(1000)
    s = np.linspace(0, 1, 60)[:, None, None]
    centres = CONE.a + s * (CONE.b - CONE.a)
    radii = CONE.ra + s * (CONE.rb - CONE.ra)
    surface = (centres + radii * dirs[None]).reshape(-1, 3)
    shape = outline(CONE, cam)
    assert isinstance(shape, CircleHull)
    _assert_outline_of(shape, surface, cam)


@pytest.mark.parametrize("cam", CAMERAS, ids=str)
def test_ellipse_matches_the_projected_ellipsoid(cam):
    surface = ELLIPSOID.centre + _sphere_dirs(20000) @ ELLIPSOID.axes
    shape = outline(ELLIPSOID, cam)
    assert isinstance(shape, Ellipse2D)
    _assert_outline_of(shape, surface, cam)


@pytest.mark.parametrize("cam", CAMERAS, ids=str)
@pytest.mark.parametrize("volume", [BOX, CYLINDER], ids=["box", "cylinder"])
def test_polygon_outlines_match_their_volumes(cam, volume):
    rng = np.random.default_rng(0)
    if isinstance(volume, Box):
        # The outline of a box is made of its edges: sample all twelve.
        u = rng.choice([-1.0, 1.0], (6000, 3))
        u[np.arange(len(u)), np.arange(len(u)) % 3] = rng.uniform(-1, 1, len(u))
        surface = volume.centre + u @ volume.axes
    else:
        d = volume.b - volume.a
        w = d / np.linalg.norm(d)
        e1 = np.cross(w, [1.0, 0, 0])
        e1 /= np.linalg.norm(e1)
        e2 = np.cross(w, e1)
        t = rng.uniform(0, 2 * np.pi, 20000)
        s = rng.uniform(0, 1, 20000)[:, None]
        surface = volume.a + s * d + volume.r * (np.cos(t)[:, None] * e1 + np.sin(t)[:, None] * e2)
    shape = outline(volume, cam)
    assert isinstance(shape, Polygon2D)
    proj = cam.project(surface)
    size = float(np.ptp(proj, axis=0).max())
    assert np.abs(_support(shape.points, DIRS2) - _support(proj, DIRS2)).max() < 0.005 * size


def test_one_circle_inside_the_other_is_that_circle():
    hull = CircleHull((0.0, 0.0), 5.0, (1.0, 0.0), 2.0)
    assert hull.single() == ((0.0, 0.0), 5.0)
    assert contains(hull, np.array([[-4.9, 0.0], [4.9, 0.0]])).all()
    assert not contains(hull, np.array([[5.1, 0.0]])).any()


@pytest.mark.parametrize(
    "shape",
    [
        CircleHull((0.0, 0.0), 5.0, (12.0, 7.0), 2.0),
        CircleHull((0.0, 0.0), 2.0, (-3.0, 9.0), 6.0),
        Ellipse2D((1.0, 2.0), 7.0, 3.0, 30.0),
        Polygon2D(convex_hull(np.random.default_rng(5).normal(size=(30, 2)) * 6)),
    ],
    ids=["hull", "hull-growing", "ellipse", "polygon"],
)
def test_contains_agrees_with_a_fine_polygon(shape):
    xy = np.random.default_rng(2).uniform(-15, 20, (20000, 2))
    fine = Polygon2D(polygon(shape, 1e-4))
    a, b = contains(shape, xy), contains(fine, xy)
    assert (a != b).mean() < 1e-3
    x0, y0, x1, y1 = bounds(shape)
    inside = xy[a]
    assert (inside[:, 0] >= x0).all() and (inside[:, 0] <= x1).all()
    assert (inside[:, 1] >= y0).all() and (inside[:, 1] <= y1).all()


def test_dilate_and_erode_offset_the_outline():
    shape = Ellipse2D((0.0, 0.0), 10.0, 4.0, 20.0)
    grown = Polygon2D(dilate(shape, 1.0, 0.01))
    shrunk = Polygon2D(erode(shape, 1.0, 0.01))
    pts = polygon(shape, 0.01)
    assert contains(grown, pts * 1.0).all()
    assert not contains(shrunk, pts).any()
    box = Polygon2D(np.array([[0.0, 0], [4, 0], [4, 1], [0, 1]]))
    assert erode(box, 0.6) is None  # a 1-wide box is all stroke
    square = erode(Polygon2D(np.array([[0.0, 0], [4, 0], [4, 4], [0, 4]])), 1.0)
    np.testing.assert_allclose(np.sort(square, axis=0)[[0, -1]], [[1, 1], [3, 3]], atol=1e-9)


def _brute_depth(volume, cam, xy):
    """Nearest-surface depth: the largest depth along each ray that lies inside the volume, by
    marching in 0.02 cm steps (round cones: the union of 2001 spheres along the axis)."""
    if isinstance(volume, RoundCone):
        s = np.linspace(0, 1, 2001)
        centres = volume.a + s[:, None] * (volume.b - volume.a)
        radii = volume.ra + s * (volume.rb - volume.ra)
        pc, tc = cam.project(centres), cam.depth(centres)
        q = radii[None] ** 2 - np.sum((xy[:, None] - pc[None]) ** 2, axis=2)
        return np.where(q >= 0, tc[None] + np.sqrt(np.maximum(q, 0)), -np.inf).max(axis=1)
    centre = volume.centre if isinstance(volume, (Ellipsoid, Box)) else (volume.a + volume.b) / 2
    mid = float(cam.depth(centre[None])[0])
    t = np.arange(mid - 100.0, mid + 100.0, 0.02)
    pts = cam.unproject(np.repeat(xy, len(t), 0), np.tile(t, len(xy)))
    if isinstance(volume, (Ellipsoid, Box)):
        local = (pts - volume.centre) @ np.linalg.inv(volume.axes)
        inside = (np.sum(local**2, 1) <= 1) if isinstance(volume, Ellipsoid) else (np.abs(local).max(1) <= 1)
    else:
        d = volume.b - volume.a
        length = np.linalg.norm(d)
        w = d / length
        along = (pts - volume.a) @ w
        radial = np.linalg.norm((pts - volume.a) - along[:, None] * w, axis=1)
        inside = (along >= 0) & (along <= length) & (radial <= volume.r)
    inside = inside.reshape(len(xy), len(t))
    last = len(t) - 1 - np.argmax(inside[:, ::-1], axis=1)
    return np.where(inside.any(axis=1), t[last], -np.inf)


@pytest.mark.parametrize("volume", [CONE, ELLIPSOID, BOX, CYLINDER], ids=["cone", "ellipsoid", "box", "cylinder"])
@pytest.mark.parametrize("cam", [Camera(45, 30), Camera(-100, 10)], ids=str)
def test_front_depth_agrees_with_brute_force(volume, cam):
    shape = outline(volume, cam)
    x0, y0, x1, y1 = bounds(shape)
    rng = np.random.default_rng(7)
    xy = np.stack([rng.uniform(x0 - 2, x1 + 2, 40), rng.uniform(y0 - 2, y1 + 2, 40)], 1)
    fast = front_depth(volume, cam, xy)
    slow = _brute_depth(volume, cam, xy)
    hit = np.isfinite(slow)
    assert hit.sum() > 10
    # Grazing rays may hit in one and just miss in the other; elsewhere the depths agree.
    agree_hit = np.isfinite(fast) == hit
    assert agree_hit.mean() >= 0.95
    both = hit & np.isfinite(fast)
    assert np.abs(fast[both] - slow[both]).max() < 0.05  # the march steps 0.02 cm
    # The outline and the ray cast agree on which points are covered.
    assert (contains(shape, xy) == np.isfinite(fast)).mean() >= 0.97


def test_round_cone_depth_on_a_dense_sphere_union():
    cam = Camera(30, 20)
    shape = outline(CONE, cam)
    x0, y0, x1, y1 = bounds(shape)
    gx, gy = np.meshgrid(np.linspace(x0, x1, 50), np.linspace(y0, y1, 50))
    xy = np.stack([gx.ravel(), gy.ravel()], 1)
    s = np.linspace(0, 1, 1501)
    centres = CONE.a + s[:, None] * (CONE.b - CONE.a)
    radii = CONE.ra + s * (CONE.rb - CONE.ra)
    pc, tc = cam.project(centres), cam.depth(centres)
    best = np.full(len(xy), -np.inf)
    for p, t, r in zip(pc, tc, radii, strict=True):
        q = r * r - np.sum((xy - p) ** 2, 1)
        best = np.maximum(best, np.where(q >= 0, t + np.sqrt(np.maximum(q, 0)), -np.inf))
    fast = front_depth(CONE, cam, xy)
    hit = np.isfinite(best)
    assert (np.isfinite(fast) == hit).mean() > 0.999
    both = hit & np.isfinite(fast)
    assert np.abs(fast[both] - best[both]).max() < 0.01
    # The closed-form outline covers the same points.
    assert (contains(shape, xy) == hit).mean() > 0.999


def test_end_on_cylinder_and_edge_on_box():
    cyl = Cylinder(np.array([0.0, 0, 0]), np.array([10.0, 0, 0]), 3.0)
    cam = Camera(0, 0)  # looking down the axis
    d = front_depth(cyl, cam, np.array([[0.0, 0.0], [0.0, 2.9], [0.0, 3.1]]))
    np.testing.assert_allclose(d[:2], [10.0, 10.0])
    assert d[2] == -np.inf
    box = Box(np.array([0.0, 0, 0]), np.eye(3))
    np.testing.assert_allclose(front_depth(box, cam, np.array([[0.5, 0.5]])), [1.0])


# ---------------------------------------------------------------------------------------------
# Surface patches (the hair): the polygon against a ray cast of the surface region


def _inside_even_odd(poly: np.ndarray, xy: np.ndarray) -> np.ndarray:
    """Point in polygon by crossings: right for concave outlines and keyholes too."""
    x, y = xy[:, 0:1], xy[:, 1:2]
    ax, ay = poly[:, 0], poly[:, 1]
    bx, by = np.roll(ax, -1), np.roll(ay, -1)
    straddles = (ay > y) != (by > y)
    with np.errstate(divide="ignore", invalid="ignore"):
        cross_x = ax + (y - ay) * (bx - ax) / (by - ay)
    return (np.count_nonzero(straddles & (x < cross_x), axis=1) % 2) == 1


def _seen_in_patch(ell: Ellipsoid, normal, level: float, cam: Camera, xy: np.ndarray) -> np.ndarray:
    """Ray cast: the surface point seen at each screen point, and whether it lies in the patch."""
    depth = front_depth(ell, cam, xy)
    hit = np.isfinite(depth)
    u = np.linalg.solve(ell.axes.T, (cam.unproject(xy[hit], depth[hit]) - ell.centre).T).T
    out = np.zeros(len(xy), dtype=bool)
    out[hit] = u @ (np.asarray(normal) / np.linalg.norm(normal)) >= level
    return out


PATCH_NORMAL = (-0.55, 0.3, 0.8)
# Views that cut the edge across the rim, and views along the normal that see it whole or not at all.
PATCH_CAMERAS = CAMERAS + [Camera(150, 55), Camera(-40, 45)]


@pytest.mark.parametrize("cam", PATCH_CAMERAS, ids=str)
@pytest.mark.parametrize("level", [0.0, 0.5, -0.5, 0.92, -0.92])
def test_patch_outline_is_the_seen_part_of_the_surface_region(cam, level):
    shape = outline(ELLIPSOID, cam)
    x0, y0, x1, y1 = bounds(shape)
    g = np.linspace(0.0, 1.0, 70)
    gx, gy = np.meshgrid(x0 + g * (x1 - x0), y0 + g * (y1 - y0))
    xy = np.stack([gx.ravel(), gy.ravel()], 1)
    truth = _seen_in_patch(ELLIPSOID, PATCH_NORMAL, level, cam, xy)
    seen = patch_outline(ELLIPSOID, PATCH_NORMAL, level, cam)
    drawn = np.zeros(len(xy), dtype=bool) if seen is None else _inside_even_odd(seen[0], xy)
    covered = contains(shape, xy)
    # Samples right on an edge may fall either way; everywhere else the two agree.
    assert (drawn == truth)[covered].mean() >= 0.985
    assert not (drawn & ~covered).any()  # the patch never leaves its part's outline
    if seen is not None and len(seen[1]) > 4:
        # The drawn line is the patch's edge: the surface seen under it lies on the cutting plane
        # (its ends, where the view grazes the surface, are left out).
        line = seen[1][2:-2]
        depth = front_depth(ELLIPSOID, cam, line)
        u = np.linalg.solve(ELLIPSOID.axes.T, (cam.unproject(line, depth) - ELLIPSOID.centre).T).T
        assert np.abs(u @ (np.asarray(PATCH_NORMAL) / np.linalg.norm(PATCH_NORMAL)) - level).max() < 0.02


def _axes_towards(direction) -> Ellipsoid:
    """The test ellipsoid turned so that the patch normal (in its own u coordinates) points along
    ``direction`` in the world, for views straight along it."""
    d = np.asarray(direction, dtype=float) / np.linalg.norm(direction)
    n = np.asarray(PATCH_NORMAL) / np.linalg.norm(PATCH_NORMAL)
    # The world direction of u = n is axesᵀ·n; a sphere (equal axes) keeps it simple and exact.
    rotation = np.linalg.svd(np.outer(d, n))[0] @ np.linalg.svd(np.outer(d, n))[2]
    return Ellipsoid(np.zeros(3), 10.0 * rotation.T)


@pytest.mark.parametrize(("level", "expected"), [(0.5, "patch"), (-0.5, "ring"), (0.5, "none"), (-0.5, "all")])
def test_a_patch_seen_straight_on_or_from_straight_behind(level, expected):
    towards = expected in ("patch", "all")  # the normal points at the viewer
    cam = Camera(0.0, 90.0)
    ell = _axes_towards((0.0, 0.0, 1.0) if towards else (0.0, 0.0, -1.0))
    assert np.allclose(ell.axes.T @ (np.asarray(PATCH_NORMAL) / np.linalg.norm(PATCH_NORMAL)), [0, 0, 10 if towards else -10])
    seen = patch_outline(ell, PATCH_NORMAL, level, cam)
    if expected == "none":
        assert seen is None
        return
    pts, edge = seen
    assert (len(edge) == 0) == (expected == "all")  # the edge is drawn unless it is out of sight
    area = abs(_signed_area(pts))
    disk = math.pi * 10.0**2
    edge = math.pi * 10.0**2 * (1 - level**2)  # the cut circle, seen face on
    assert area == pytest.approx({"patch": edge, "ring": disk - edge, "all": disk}[expected], rel=0.01)
