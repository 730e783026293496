"""Solving a pose: contacts hold within 1 cm, joints stay within their limits, nothing sinks."""

from __future__ import annotations

import numpy as np
import pytest

from generator.figures import kinematics as kin
from generator.figures.bases import BASES
from generator.figures.primitives import Box, Cylinder, Ellipsoid, RoundCone
from generator.figures.solve import TOLERANCE, Problem, _limits, prop_normal, solve, solve_all, solve_drawings, surface_normal
from generator.model.pose import Pose, PoseDrawing, Prop

PROPS = {"sitting": [Prop(kind="chair")]}


@pytest.mark.parametrize("base", sorted(BASES))
def test_every_base_position_solves(base):
    pose = Pose(base=base)
    props = PROPS.get(base, [])
    solved = solve(pose, props)
    assert solved.misses == ()
    problem = Problem(pose, props)
    q = np.array(solved.q)
    frames = kin.segments(q)
    for _, text, errors in problem.contact_errors(frames):
        assert np.max(np.abs(errors)) <= TOLERANCE, text
    assert min(problem.penetration(kin.volumes(frames))) >= -TOLERANCE
    for name in problem.free:
        if name not in ("x", "y", "z", "pitch", "roll"):
            low, high = _limits(name.removeprefix("left ").removeprefix("right "))
            assert low - 1e-6 <= q[kin.INDEX[name]] <= high + 1e-6, name


def test_a_contact_bends_what_the_author_left_open():
    pose = Pose(base="standing", joints={"trunk flexion": 60}, contacts=["palms on floor"])
    solved = solve(pose, [])
    assert solved.misses == ()
    q = dict(zip(kin.DOFS, solved.q, strict=True))
    assert q["low back flexion"] + q["upper back flexion"] == pytest.approx(60, abs=8)  # kept close
    hands = kin.site_points(kin.segments(np.array(solved.q)), "palm", "left")
    assert max(abs(p[2]) for p in hands) <= TOLERANCE


def test_a_body_place_can_touch_another():
    pose = Pose(base="lying on back", joints={"right hip flexion": 90, "right knee flexion": 90, "right hip adduction": 25},
                contacts=["left hand on right outside of knee"])
    solved = solve(pose, [])
    frames = kin.segments(np.array(solved.q))
    gap = np.linalg.norm(np.mean(kin.site_points(frames, "hand", "left"), axis=0) - kin.site_points(frames, "outside of knee", "right")[0])
    assert gap <= TOLERANCE and solved.misses == ()


def test_an_impossible_contact_is_reported_not_faked():
    # A hand cannot reach the back of its own elbow, whatever the solver bends.
    pose = Pose(base="standing", contacts=["left palm on left elbow"])
    misses = solve(pose, []).misses
    assert [m.text for m in misses if m.index == 0] == ["left palm on left elbow"]
    assert misses[0].distance > 10


def test_solutions_are_rounded_and_repeatable(tmp_path):
    pose = Pose(base="sitting", joints={"trunk flexion": 40})
    first = solve_all([(pose, PROPS["sitting"])], tmp_path)[0]
    assert all(round(v, 1) == v for v in first.q)
    stored = list(tmp_path.glob("*.json"))
    assert len(stored) == 1
    assert solve_all([(pose, PROPS["sitting"])], tmp_path)[0] == first


def test_surface_normals_of_body_parts_and_props():
    v = np.array
    egg = Ellipsoid(v([0.0, 0.0, 0.0]), np.diag([2.0, 1.0, 1.0]))
    assert np.allclose(surface_normal(egg, v([0.0, 0.0, 1.0])), [0, 0, 1])
    tip = surface_normal(egg, v([np.sqrt(2), np.sqrt(0.5), 0.0]))  # the gradient, not the radius
    assert np.allclose(tip, v([np.sqrt(2) / 4, np.sqrt(0.5), 0.0]) / np.linalg.norm([np.sqrt(2) / 4, np.sqrt(0.5)]))
    limb = RoundCone(v([0.0, 0.0, 0.0]), v([0.0, 0.0, -30.0]), 4.0, 3.0)
    assert np.allclose(surface_normal(limb, v([3.5, 0.0, -10.0])), [1, 0, 0])
    seat = Box(v([0.0, 0.0, 45.0]), np.diag([20.0, 20.0, 2.0]))
    assert np.allclose(prop_normal(seat, v([5.0, -3.0, 47.0])), [0, 0, 1], atol=1e-6)
    roller = Cylinder(v([0.0, -45.0, 7.5]), v([0.0, 45.0, 7.5]), 7.5)
    side = v([7.5 * np.sin(0.6), 10.0, 7.5 + 7.5 * np.cos(0.6)])
    assert np.allclose(prop_normal(roller, side), [np.sin(0.6), 0, np.cos(0.6)], atol=1e-3)


def test_a_back_lying_along_a_roller_rests_on_its_top():
    # Arms wide with the hands on the floor pull the body sideways; resting on the roller's side
    # would satisfy "mid back on roller" too, but a real body would roll off.
    pose = Pose(base="lying on back knees bent", replace_contacts=True,
                joints={"both hips flexion": 45, "both knees flexion": 120, "both shoulders abduction": 50,
                        "both shoulders extension": 15},
                contacts=["mid back on roller", "low back on roller", "back of head on roller", "soles on floor", "hands on floor"])
    props = [Prop(kind="roller", lies="along", at=(-36.0, 0.0))]
    solved = solve(pose, props)
    assert solved.misses == ()
    chest = kin.segments(np.array(solved.q))["chest"]
    assert abs(chest.point((-10.0, 0.0, 6.0))[1]) < 2.0  # the mid back within 2 cm of the roller's top line


def test_a_sunk_part_is_named_with_what_it_sinks_into():
    standing = Pose(base="standing")
    problem = Problem(standing, [])
    q = np.array(solve(standing, []).q)
    q[kin.INDEX["z"]] -= 5.0  # the whole body 5 cm down: the feet go through the floor
    depth, where = problem.deepest_sink(kin.volumes(kin.segments(q)))
    assert where in ("the left foot ends inside the floor", "the right foot ends inside the floor")
    assert 4.5 <= depth <= 5.5
    sitting, chair = Pose(base="sitting"), [Prop(kind="chair")]
    problem = Problem(sitting, chair)
    q = np.array(solve(sitting, chair).q)
    q[kin.INDEX["z"]] -= 6.0  # the pelvis into the seat, before the feet reach the floor
    depth, where = problem.deepest_sink(kin.volumes(kin.segments(q)))
    assert where.endswith("ends inside the chair seat") and depth > 5.0, (where, depth)


def _twist(stay: bool) -> PoseDrawing:
    """The guide's 'add a twist': side-sitting with the hands on a chair, then the ribs turn left."""
    legs = {"left hip external rotation": 45, "right hip internal rotation": 5}
    arms = {"both shoulders flexion": 82, "both elbows flexion": 10, "both wrists extension": 5}
    contacts = ["right shin on floor", "right top of foot on floor", "right buttock on left heel", "left buttock on floor", "palms on chair seat"]
    start = {"trunk flexion": 10, "trunk side bend right": 20, "both shoulders adduction": 6} | arms | legs
    turned = {"trunk flexion": 10, "trunk side bend right": 20, "trunk rotation left": 40, "neck rotation left": 60,
              "left shoulder adduction": 25, "right shoulder abduction": 10} | arms | legs
    return PoseDrawing.model_validate({
        "props": [{"kind": "chair", "at": [82, 5], "yaw": 180}],
        "frames": [{"base": "kneel-sit", "replace_contacts": True, "joints": start, "contacts": contacts},
                   {"base": "kneel-sit", "replace_contacts": True, "joints": turned, "contacts": contacts, "stay": stay}],
    })


def test_a_frame_that_stays_keeps_the_pelvis_where_the_frame_before_left_it():
    moved, stayed = solve_drawings([_twist(False), _twist(True)])
    assert all(s.misses == () for s in moved + stayed)

    def pelvis(solved):
        return np.array(solved.q[:2])  # x and y: the pelvis's place on the floor

    assert np.linalg.norm(pelvis(stayed[1]) - pelvis(stayed[0])) <= TOLERANCE
    # Left to find its own place, the turned frame slides the body over to keep both hands on the seat.
    assert np.linalg.norm(pelvis(moved[1]) - pelvis(moved[0])) > 5
    assert stayed[0] == moved[0] == solve(_twist(True).frames[0], _twist(True).props)


def test_the_first_frame_cannot_stay():
    with pytest.raises(ValueError, match="first frame has no frame before it"):
        PoseDrawing.model_validate({"frames": [{"base": "standing", "stay": True}, {"base": "standing"}]})
