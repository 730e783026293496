"""Solving a pose: contacts hold within 1 cm, joints stay within their limits, nothing sinks."""

from __future__ import annotations

import numpy as np
import pytest

from generator.figures import kinematics as kin
from generator.figures.bases import BASES
from generator.figures.solve import TOLERANCE, Problem, _limits, solve, solve_all
from generator.model.pose import Pose, Prop

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
