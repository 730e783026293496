"""The pose language: joint motions, body places and contacts in words, with clear errors."""

from __future__ import annotations

import numpy as np
import pytest

from generator.figures import body, check
from generator.figures import kinematics as kin
from generator.figures.solve import solve
from generator.load.content import load_content
from generator.load.problems import ContentError
from generator.model.pose import SIDED_SITES, TRUNK_SITES, Pose, PoseDrawing, Prop, parse_contact, parse_joint, parse_site


def test_joint_motions_read_like_a_goniometry_chart():
    sides, motion = parse_joint("both hips flexion")
    assert sides == ("left", "right") and (motion.dof, motion.sign) == ("hip flexion", 1)
    sides, motion = parse_joint("left knee extension")
    assert sides == ("left",) and (motion.dof, motion.sign) == ("knee flexion", -1)
    assert parse_joint("trunk side bend right")[1].sign == -1
    assert parse_joint("shoulders abduction")[0] == ("left", "right")  # a plural means both


@pytest.mark.parametrize(
    ("key", "says"),
    [
        ("hip flexion", "say which side"),
        ("left trunk flexion", "no left or right side"),
        ("both hips flexon", "did you mean 'flexion'"),
        ("left elbow abduction", "has no motion 'abduction'"),
        ("left hipp flexion", "did you mean 'left hip flexion'"),
    ],
)
def test_a_wrong_joint_motion_says_what_is_wrong(key, says):
    with pytest.raises(ValueError, match=says):
        parse_joint(key)


def test_body_places_and_contacts():
    assert parse_site("palms") == ("palm", ("left", "right"))
    assert parse_site("right top of foot") == ("top of foot", ("right",))
    assert parse_site("mid back") == ("mid back", ("",))
    assert parse_contact("right hand on left outside of knee") == (("hand", ("right",)), ("outside of knee", ("left",)))
    assert parse_contact("buttocks on chair seat") == (("buttock", ("left", "right")), "chair seat")
    assert parse_contact("left sole on step 2") == (("sole", ("left",)), "step 2")
    assert parse_contact("right arch on right hand") == (("arch", ("right",)), ("hand", ("right",)))
    assert parse_site("arches") == ("arch", ("left", "right"))
    with pytest.raises(ValueError, match="did you mean 'palms'"):
        parse_site("plams")
    with pytest.raises(ValueError, match="body place on target"):
        parse_contact("palms floor")


def test_every_body_place_has_points_on_the_mannequin():
    assert set(SIDED_SITES) == set(body.SIDED_SITES)
    assert set(TRUNK_SITES) == set(body.TRUNK_SITES)


def _edit(project, old: str, new: str) -> None:
    path = project / "content" / "exercises" / "childs-pose.yaml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def _position(project, needle: str) -> str:
    """':line:column:' of the first occurrence of ``needle`` in the fixture exercise."""
    lines = (project / "content" / "exercises" / "childs-pose.yaml").read_text().splitlines()
    line = next(n for n, text in enumerate(lines, 1) if needle in text)
    return f":{line}:{lines[line - 1].index(needle) + 1}:"


def _problems(project) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(project / "content")
    return [str(p) for p in caught.value.problems]


def test_a_misspelt_joint_is_located_with_a_suggestion(project):
    _edit(project, "both hips flexion: 120", "both hips flexon: 120")
    [problem] = _problems(project)
    assert f"childs-pose.yaml{_position(project, 'both hips flexon')}" in problem
    assert "did you mean 'flexion'" in problem


def test_past_the_hard_limit_is_an_error_and_past_typical_a_warning(project):
    _edit(project, "both hips flexion: 120", "both hips flexion: 150")
    [problem] = _problems(project)
    assert "past what a hip can do" in problem and "at most 140°" in problem and "found 150°" in problem
    _edit(project, "both hips flexion: 150", "both hips flexion: 130")
    content = load_content(project / "content")
    [warning] = [str(w) for w in content.warnings]
    assert f"childs-pose.yaml{_position(project, 'both hips flexion')}" in warning
    assert "typical range" in warning and "125°" in warning


def test_a_contact_that_cannot_be_made_is_named(project):
    # Palms on the floor cannot be reached with the arms pointing at the ceiling and the trunk upright.
    _edit(project, "joints: {trunk flexion: 35, both hips flexion: 120, both shoulders flexion: 170}",
          "joints: {trunk flexion: 0, both hips flexion: 80, both shoulders flexion: 180, both elbows flexion: 0}")
    problems = _problems(project)
    assert any("contact 'palms on floor' cannot be made" in p and "within 1 cm" in p for p in problems), problems


def test_a_position_without_its_prop_is_an_error(project):
    _edit(project, "- base: kneel-sit", "- base: sitting")
    problems = _problems(project)
    assert any("'sitting' needs a chair" in p for p in problems), problems


def test_one_side_of_the_pelvis_can_be_marked():
    assert Pose.model_validate({"base": "kneel-sit", "highlight": ["left pelvis"]}).highlight == ["left pelvis"]
    with pytest.raises(ValueError, match="did you mean 'left pelvis'"):
        Pose.model_validate({"base": "kneel-sit", "highlight": ["left pelvs"]})


def test_a_ghost_prop_cannot_be_rested_on():
    lying = {"base": "lying on back knees bent", "contacts": ["mid back on roller"]}
    was = {"kind": "roller", "ghost": True}
    found = check._static(("figures", 0, "pose"), PoseDrawing.model_validate({"props": [was], "frames": [lying]}))
    assert [f.message for f in found] == ["contact 'mid back on roller' needs a roller"]
    real = PoseDrawing.model_validate({"props": [was, {"kind": "roller", "yaw": 30}], "frames": [lying]})
    assert check._static(("figures", 0, "pose"), real) == []


def test_backs_of_hands_on_the_floor_turn_the_palms_up():
    # Hands slid palm up under the front of the feet, as in "pull from under your feet".
    assert parse_site("backs of hands") == ("back of hand", ("left", "right"))
    joints = {"both hips abduction": 35, "low back flexion": 50, "upper back flexion": 45, "both hips flexion": 100,
              "both shoulders flexion": 125, "both wrists flexion": 90}
    contacts = ["buttocks on chair seat", "heels on floor", "left toes on left hand", "right toes on right hand", "backs of hands on floor"]
    pose = Pose(base="sitting", joints=joints, replace_contacts=True, contacts=contacts)
    solved = solve(pose, [Prop(kind="chair", at=(-4, 0))])
    assert solved.misses == ()
    segments = kin.segments(np.array(solved.q))
    for side in ("left", "right"):
        palm_normal = -segments[f"{side} hand"].rotation[:, 0]  # the palm is on the hand's -x side
        assert palm_normal[2] > 0.7, (side, palm_normal)


def test_a_close_up_names_a_body_place_and_needs_frames_side_by_side():
    with pytest.raises(ValueError, match="did you mean 'left arch'"):
        Pose.model_validate({"base": "sitting", "close_up": {"at": "left arc"}})
    assert Pose.model_validate({"base": "sitting", "close_up": {"at": "left arch"}}).close_up.width == 30
    with pytest.raises(ValueError, match="close_up needs its frames side by side"):
        PoseDrawing.model_validate({"ghost": True, "frames": [{"base": "sitting"}, {"base": "sitting", "close_up": {"at": "left arch"}}]})
