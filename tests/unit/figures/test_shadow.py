"""Contact shadows: a patch on the floor round each body part that rests on it, and none under a
part held up."""

from __future__ import annotations

import numpy as np
import pytest

from generator.figures.outline import Polygon2D, contains
from generator.figures.primitives import Box, Cylinder, Ellipsoid, Part, RoundCone
from generator.figures.shadow import REACH, SPREAD, footprint, shadows


def _v(*xs: float) -> np.ndarray:
    return np.array(xs, dtype=float)


def _inside(poly: np.ndarray, *points: tuple[float, float]) -> np.ndarray:
    return contains(Polygon2D(poly[:, :2]), np.array(points, dtype=float))


def test_a_shin_lying_on_the_floor_casts_a_flat_shadow_a_little_wider_than_where_it_rests():
    shin = RoundCone(_v(0, 0, 5), _v(40, 0, 4), 5.0, 4.0)  # touching the floor along its length
    poly = footprint(shin)
    assert poly is not None and np.all(poly[:, 2] == 0.0)  # on the floor
    assert _inside(poly, (0, 0), (20, 0), (40, 0)).all()  # under the whole shin
    # As wide as the slice of the shin near the floor, plus the spread that shows round its edge.
    slice_half = (5.0**2 - (5.0 - REACH) ** 2) ** 0.5
    width = poly[:, 1].max() - poly[:, 1].min()
    assert 2 * (slice_half + SPREAD) - 1.0 < width <= 2 * (slice_half + SPREAD) + 0.1
    assert not _inside(poly, (0, slice_half + SPREAD + 1))[0]


def test_a_part_held_above_the_floor_casts_none():
    assert footprint(RoundCone(_v(0, 0, 5 + REACH + 0.5), _v(40, 0, 5 + REACH + 0.5), 5.0, 5.0)) is None
    assert footprint(Ellipsoid(_v(0, 0, 12), np.diag([10.0, 15, 11]))) is not None  # 1 cm off: resting
    assert footprint(Ellipsoid(_v(0, 0, 11 + REACH + 0.5), np.diag([10.0, 15, 11]))) is None


def test_a_bottom_sitting_on_the_floor_casts_a_shadow_under_its_lowest_point():
    tilted = np.array([[10.0, 0, 3], [0, 15, 0], [-3, 0, 10]])
    pelvis = Ellipsoid(_v(20, -5, float(np.linalg.norm(tilted[:, 2]))), tilted)  # just touching
    poly = footprint(pelvis)
    low = pelvis.centre - tilted.T @ (tilted[:, 2] / np.linalg.norm(tilted[:, 2]))  # its lowest point
    assert low[2] == pytest.approx(0.0, abs=1e-9)
    assert _inside(poly, tuple(low[:2]))[0]
    # Upright, the shadow is the slice of the pelvis near the floor, spread a little.
    upright = footprint(Ellipsoid(_v(0, 0, 11), np.diag([10.0, 15, 11])))
    for axis, radius in ((0, 10.0), (1, 15.0)):
        slice_half = radius * (1 - ((11 - REACH) / 11) ** 2) ** 0.5
        assert 2 * (slice_half + SPREAD) - 1.0 < np.ptp(upright[:, axis]) <= 2 * (slice_half + SPREAD) + 0.1


def test_a_roller_on_the_floor_casts_a_shadow_along_its_length():
    poly = footprint(Cylinder(_v(60, -45, 7.5), _v(60, 45, 7.5), 7.5))
    assert poly is not None and _inside(poly, (60, -44), (60, 0), (60, 44)).all()
    assert not _inside(poly, (60 + 7.5 + SPREAD + 0.5, 0))[0]
    assert footprint(Cylinder(_v(60, -45, 20), _v(60, 45, 20), 7.5)) is None  # held up: none


def test_a_persons_parts_and_a_roller_cast_shadows_in_their_order():
    props = [Part("step", Box(_v(0, 0, 10), np.diag([20.0, 30, 10])), "prop"),  # stands square: none
             Part("mat", Box(_v(0, 0, -0.5), np.diag([100.0, 35, 0.5])), "floor"),
             Part("roller", Cylinder(_v(60, -45, 7.5), _v(60, 45, 7.5), 7.5), "prop")]
    foot = Part("left foot", RoundCone(_v(0, 10, 4), _v(18, 10, 3), 4.0, 3.0), "body")
    hand = Part("left hand", RoundCone(_v(0, 30, 60), _v(10, 30, 60), 3.0, 2.5), "hand")
    knee = Part("right shin", RoundCone(_v(0, -10, 5), _v(40, -10, 40), 5.0, 4.0), "far")
    out = shadows([*props, foot, hand, knee])
    assert [s.host for s in out] == ["roller", "left foot", "right shin"]  # not the step or mat, not the raised hand
    assert _inside(out[1].corners, (9, 10))[0]
    assert _inside(out[2].corners, (0, -10))[0] and not _inside(out[2].corners, (40, -10))[0]  # under the knee end only
