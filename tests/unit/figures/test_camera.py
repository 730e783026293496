"""The orthographic camera: axes, named views and depth."""

from __future__ import annotations

import numpy as np
import pytest

from generator.figures.camera import VIEWS, Camera


def test_front_view_looks_at_the_face():
    cam = Camera(0, 0)
    # The person's left (+y) is on the viewer's right; up is up; the nose (+x) is nearest.
    np.testing.assert_allclose(cam.project(np.array([[0, 1, 0], [0, 0, 1]])), [[1, 0], [0, 1]], atol=1e-12)
    assert cam.depth(np.array([[1.0, 0, 0]]))[0] == pytest.approx(1.0)


def test_side_left_sees_the_left_side_facing_left():
    cam = Camera.named("side-left")
    assert (cam.azimuth, cam.elevation) == (90, 0)
    # Forward (+x) goes to screen left; the left side (+y) is nearest the viewer.
    np.testing.assert_allclose(cam.project(np.array([[1.0, 0, 0]])), [[-1, 0]], atol=1e-12)
    assert cam.depth(np.array([[0, 1.0, 0]]))[0] == pytest.approx(1.0)


def test_top_view_has_minus_x_up():
    cam = Camera.named("top")
    np.testing.assert_allclose(cam.up, [-1, 0, 0], atol=1e-12)
    np.testing.assert_allclose(cam.toward, [0, 0, 1], atol=1e-12)
    assert cam.depth(np.array([[0, 0, 2.0]]))[0] == pytest.approx(2.0)


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_basis_is_orthonormal_and_right_handed(view):
    basis = Camera.named(view).basis
    np.testing.assert_allclose(basis @ basis.T, np.eye(3), atol=1e-12)
    np.testing.assert_allclose(np.cross(basis[2], basis[0]), basis[1], atol=1e-12)  # u = c × r


def test_unproject_inverts_project_and_depth():
    cam = Camera(37.0, 21.0)
    pts = np.random.default_rng(1).normal(size=(20, 3)) * 50
    back = cam.unproject(cam.project(pts), cam.depth(pts))
    np.testing.assert_allclose(back, pts, atol=1e-9)


def test_camera_is_hashable_and_frozen():
    cam = Camera(10, 20)
    assert cam == Camera(10, 20) and hash(cam) == hash(Camera(10, 20))
    with pytest.raises(AttributeError):
        cam.azimuth = 5  # type: ignore[misc]
