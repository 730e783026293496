"""Cutting outlines and lines to a close-up's round window."""

from __future__ import annotations

import math

import numpy as np
import pytest

from generator.figures.clip import circle, clip_line, clip_polygon, clip_shape
from generator.figures.outline import CircleHull, Ellipse2D, Polygon2D, _signed_area, polygon


def _area(points: np.ndarray) -> float:
    return abs(_signed_area(np.asarray(points, dtype=float)))


def test_a_square_cut_by_a_circle_keeps_their_common_area():
    # A square centred on the window, half-side s = 1, radius r = 1.2: the circle minus four caps
    # outside the square. Each cap is r²·acos(s/r) − s·√(r² − s²).
    s, r = 1.0, 1.2
    square = np.array([[-s, -s], [s, -s], [s, s], [-s, s]])
    cap = r * r * math.acos(s / r) - s * math.sqrt(r * r - s * s)
    cut = clip_polygon(square, circle((0.0, 0.0), r))
    assert _area(cut) == pytest.approx(math.pi * r * r - 4 * cap, rel=2e-3)
    assert np.linalg.norm(cut, axis=1).max() <= r + 1e-9


def test_a_shape_inside_stays_itself_and_one_outside_goes():
    inside = Ellipse2D((1.0, 1.0), 2.0, 1.0, 30.0)
    assert clip_shape(inside, (0.0, 0.0), 10.0) is inside
    assert clip_shape(Ellipse2D((30.0, 0.0), 2.0, 1.0, 0.0), (0.0, 0.0), 10.0) is None


def test_a_limb_across_the_edge_is_cut_at_the_circle():
    limb = CircleHull((-5.0, 0.0), 2.0, (15.0, 0.0), 2.0)
    cut = clip_shape(limb, (0.0, 0.0), 10.0)
    assert isinstance(cut, Polygon2D)
    pts = np.asarray(cut.points)
    assert np.linalg.norm(pts, axis=1).max() <= 10.0 + 0.1  # rounded to 0.1
    # The left end is whole; on the right the cut follows the circle between the limb's edges.
    assert pts[:, 0].min() == pytest.approx(-7.0, abs=0.1) and pts[:, 0].max() == pytest.approx(10.0, abs=0.1)
    assert np.abs(pts[:, 1]).max() <= 2.0 + 0.1
    whole = _area(polygon(limb))
    assert 0.6 * whole < _area(pts) < 0.8 * whole


def test_a_line_is_cut_where_it_leaves_and_enters_the_window():
    [through] = clip_line(np.array([[-20.0, 0.0], [20.0, 0.0]]), (0.0, 0.0), 10.0)
    assert np.allclose(through, [[-10.0, 0.0], [10.0, 0.0]])
    # Out, in through the window, out, and back in: two pieces.
    zigzag = np.array([[-20.0, 5.0], [0.0, 5.0], [0.0, 30.0], [5.0, 0.0], [5.0, -20.0]])
    pieces = clip_line(zigzag, (0.0, 0.0), 10.0)
    assert len(pieces) == 2
    for piece in pieces:
        assert np.linalg.norm(piece, axis=1).max() <= 10.0 + 1e-9
    assert clip_line(np.array([[20.0, 20.0], [30.0, 20.0]]), (0.0, 0.0), 10.0) == []
