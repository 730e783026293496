"""Contact shadows: a patch on the floor round each body part that rests on it, and none under a
part held up; on a chair seat or step, a patch on its top cut to its edge."""

from __future__ import annotations

import numpy as np
import pytest

from generator.figures.outline import Polygon2D, contains
from generator.figures.primitives import Box, Cylinder, Ellipsoid, Part, RoundCone
from generator.figures.shadow import INSET, REACH, SPREAD, footprint, shadows, top_face


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


SEAT = Part("chair seat", Box(_v(0, 0, 43), np.diag([21.0, 22, 2])), "prop")  # top at 45 cm


def test_a_hand_resting_on_a_chair_seat_casts_a_shadow_on_the_seat_cut_at_its_edge():
    hand = Part("left hand", RoundCone(_v(5, 0, 47), _v(25, 0, 47), 2.0, 2.0), "hand")  # its tip past the front edge
    [shadow] = shadows([SEAT, hand])
    assert shadow.host == "left hand" and shadow.on == "chair seat"
    assert np.all(shadow.corners[:, 2] == 45.0)  # on the seat's top, not the floor
    assert _inside(shadow.corners, (5, 0), (15, 0)).all()  # under the hand
    # Cut at the seat's edge, a little inside it: not hanging in the air past the seat.
    assert shadow.corners[:, 0].max() == pytest.approx(21.0 - INSET)
    assert np.all(np.abs(shadow.corners[:, 1]) <= 22.0 - INSET + 1e-9)


def test_only_what_rests_on_a_seat_casts_a_shadow_on_it():
    held_up = Part("right hand", RoundCone(_v(0, 5, 55), _v(10, 5, 55), 2.0, 2.0), "hand")
    under = Part("left shin", RoundCone(_v(0, -5, 5), _v(0, -5, 46), 4.0, 4.0), "body")  # up through the seat's height
    beside = Part("right foot", RoundCone(_v(60, 0, 47), _v(70, 0, 47), 2.0, 2.0), "body")  # at its height, off it
    assert [s.host for s in shadows([SEAT, held_up, under, beside])] == ["left shin"]  # on the floor only
    assert all(s.on is None for s in shadows([SEAT, held_up, under, beside]))


def test_a_seat_shows_its_top_and_a_mat_or_a_tilted_box_none():
    level, outline = top_face(SEAT.volume)
    assert level == 45.0 and len(outline) == 4
    area = 0.5 * sum(a[0] * b[1] - a[1] * b[0] for a, b in zip(outline, np.roll(outline, -1, axis=0), strict=True))
    assert area == pytest.approx(2 * (21 - INSET) * 2 * (22 - INSET))  # counter-clockwise, inset
    assert top_face(Box(_v(0, 0, 0.3), np.diag([90.0, 30, 0.3]))) is None  # a mat: the floor's shadows cover it
    c, s = np.cos(0.3), np.sin(0.3)
    assert top_face(Box(_v(0, 0, 43), np.array([[21.0 * c, 0, 21.0 * s], [0, 22, 0], [-2.0 * s, 0, 2.0 * c]]))) is None
