"""The mannequin: proportions from the anthropometric table, and kinematics in clinical words."""

from __future__ import annotations

import numpy as np
import pytest

from generator.figures import body
from generator.figures import kinematics as kin
from generator.figures.primitives import Ellipsoid, RoundCone
from generator.figures.solve import lowest_point


def standing(**dofs: float) -> dict[str, kin.Segment]:
    q = np.zeros(len(kin.DOFS))
    q[kin.INDEX["z"]] = body.HIP_HEIGHT
    for name, value in dofs.items():
        q[kin.INDEX[name.replace("_", " ")]] = value
    return kin.segments(q)


def test_eighteen_parts_one_neutral_figure():
    parts = kin.volumes(standing())
    assert len(parts) == 18 == len(body.PART_NAMES)
    assert {type(v) for v in parts.values()} == {RoundCone, Ellipsoid}


def test_standing_proportions_follow_winter():
    frames = standing()
    parts = kin.volumes(frames)
    height = max(
        float(np.max(v.centre[2] + np.linalg.norm(v.axes[:, 2]))) if isinstance(v, Ellipsoid) else max(v.a[2] + v.ra, v.b[2] + v.rb)
        for v in parts.values()
    )
    floor = min(lowest_point(v) for v in parts.values())
    assert floor == pytest.approx(0.0, abs=0.2)  # the soles are on the floor
    assert height == pytest.approx(body.HEIGHT, abs=2.5)
    # Joint heights as fractions of height (Winter, fig. 4.1): knee 0.285, ankle 0.039, shoulder 0.818.
    assert frames["left shin"].origin[2] / body.HEIGHT == pytest.approx(0.285, abs=0.002)
    assert frames["left foot"].origin[2] / body.HEIGHT == pytest.approx(0.039, abs=0.002)
    assert frames["left upper arm"].origin[2] / body.HEIGHT == pytest.approx(0.818, abs=0.002)
    reach = np.linalg.norm(frames["left hand"].origin - frames["left upper arm"].origin)
    assert reach / body.HEIGHT == pytest.approx(0.186 + 0.146, abs=0.002)


@pytest.mark.parametrize(
    ("dof", "part", "moves"),
    [
        ("left_hip_flexion", "left shin", (1, 0, 1)),  # the knee comes forward and up
        ("left_hip_abduction", "left shin", (0, 1, 1)),  # the left leg goes out to the left
        ("right_hip_abduction", "right shin", (0, -1, 1)),  # the right leg to the right: mirrored
        ("left_shoulder_flexion", "left forearm", (1, 0, 1)),
        ("left_knee_flexion", "left foot", (-1, 0, 1)),  # the foot goes back and up
        ("left_elbow_flexion", "left hand", (1, 0, 1)),
        ("low_back_flexion", "chest", (1, 0, -1)),  # bending forward
        ("low_back_side_bend", "chest", (0, 1, -1)),  # side bend left: toward the left
    ],
)
def test_each_motion_moves_the_way_its_name_says(dof, part, moves):
    before = standing()[part].origin
    after = standing(**{dof: 30.0})[part].origin
    delta = after - before
    for axis, sign in enumerate(moves):
        if sign:
            assert np.sign(delta[axis]) == sign, (dof, axis, delta)


def test_rotation_left_turns_the_chest_to_the_left():
    front = standing(upper_back_rotation=40.0)["chest"].rotation[:, 0]
    assert front[1] > 0.5  # the chest's forward axis now points to the person's left


def test_every_part_has_its_neighbours():
    assert "left thigh" in body.NEIGHBOURS["pelvis"] and "pelvis" in body.NEIGHBOURS["left thigh"]
    assert "head" not in body.NEIGHBOURS["left hand"]


def _gap(volume: RoundCone | Ellipsoid, point: np.ndarray) -> float:
    """Distance from a point to a part's surface (negative inside)."""
    if isinstance(volume, RoundCone):
        axis = volume.b - volume.a
        t = float(np.clip((point - volume.a) @ axis / (axis @ axis), 0.0, 1.0))
        return float(np.linalg.norm(point - (volume.a + t * axis)) - (volume.ra + t * (volume.rb - volume.ra)))
    u = np.linalg.solve(volume.axes.T, point - volume.centre)
    return float((np.linalg.norm(u) - 1.0) * np.linalg.norm(point - volume.centre) / np.linalg.norm(u))


@pytest.mark.parametrize("site", sorted(body.SIDED_SITES) + sorted(body.TRUNK_SITES))
def test_every_body_place_lies_on_its_part(site):
    # A contact puts this point on the floor or a prop: a point inside the body would sink the
    # part, one off it would float. Two sit a little out on purpose (under the sitting bone, below
    # the shoulder blades), where the soft body meets what it rests on.
    frames = standing(left_hip_abduction=20, right_hip_abduction=20)
    parts = kin.volumes(frames)
    side = "left" if site in body.SIDED_SITES else ""
    for part, point in zip(kin.site_parts(site, side), kin.site_points(frames, site, side), strict=True):
        assert -0.5 <= _gap(parts[part], point) <= 2.0, (site, part)
