"""The pose renderer: poses change drawings, bad poses give clear errors, output is stable."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from pydantic import ValidationError

from generator.content import load_content
from generator.figures import draw, skeleton
from generator.figures.draw import COLOURS
from generator.figures.skeleton import HEAD_RADIUS
from generator.model import Pose
from generator.problems import ContentError
from tests.conftest import REPO

GOLDEN = REPO / "tests" / "golden" / "figures.json"


def pixels(image) -> str:
    return hashlib.sha256(image.tobytes()).hexdigest()


def test_standing_person_stands_on_the_floor():
    bones = skeleton(Pose(preset="standing"))
    lowest = min(y for a, b in bones.values() for y in (a[1], b[1]))
    assert lowest == pytest.approx(0.0375)  # half a limb's width: the foot rests on y = 0
    head_top = bones["head"][1][1] + HEAD_RADIUS
    assert 1.6 < head_top < 1.8  # about a person's height


def test_lift_raises_the_body():
    low = skeleton(Pose(preset="lying-on-back"))
    high = skeleton(Pose(preset="lying-on-back", lift=0.15))
    assert high["trunk"][0][1] == pytest.approx(low["trunk"][0][1] + 0.15)


def test_a_pose_change_changes_the_drawing():
    base = draw(Pose(preset="kneeling"), 200)
    bent = draw(Pose(preset="kneeling", angles={"trunk": 150}), 200)
    assert pixels(base) != pixels(bent)
    assert pixels(base) == pixels(draw(Pose(preset="kneeling"), 200))  # same pose, same pixels


def test_highlight_uses_the_accent_colour():
    accent = COLOURS["accent"]
    plain = draw(Pose(preset="standing"), 400).getcolors(1 << 20)
    lit = draw(Pose(preset="standing", highlight=["near_thigh"]), 400).getcolors(1 << 20)
    assert accent not in {colour for _, colour in plain}
    assert accent in {colour for _, colour in lit}


def test_size_and_background():
    image = draw(Pose(preset="sitting", props=[{"kind": "chair", "x": 0.0}]), 120)
    assert image.size == (120, 75)
    assert image.getpixel((0, 0)) == COLOURS["background"]


@pytest.mark.parametrize(
    ("pose", "message"),
    [
        ({"preset": "standing", "angles": {"near_elbow": 10}}, "unknown segment 'near_elbow'"),
        ({"preset": "standing", "angles": {"trunk": 720}}, "less than or equal to 360"),
        ({"preset": "standing", "highlight": ["tail"]}, "cannot highlight unknown segment 'tail'"),
        ({"preset": "cartwheel"}, "'standing', 'lying-on-back'"),
        ({"preset": "standing", "props": [{"kind": "trampoline", "x": 0}]}, "'roller', 'chair'"),
    ],
)
def test_bad_poses_are_refused(pose, message):
    with pytest.raises(ValidationError, match=message):
        Pose.model_validate(pose)


def test_bad_joint_name_is_located_in_the_content_file(content_dir: Path):
    path = content_dir / "exercises" / "childs-pose.yaml"
    path.write_text(path.read_text().replace("near_thigh: -150", "near_knee: -150"))
    with pytest.raises(ContentError) as caught:
        load_content(content_dir)
    (problem,) = caught.value.problems
    line = next(i for i, text in enumerate(path.read_text().splitlines(), 1) if "near_knee" in text)
    assert (problem.line, problem.message) == (line, "invalid value for 'angles'")
    assert "unknown segment 'near_knee'" in problem.expected


def guide_figure_hashes() -> dict[str, str]:
    content = load_content(REPO / "content", REPO / "site_assets")
    return {
        f"{exercise.id}/{figure.id}": pixels(draw(figure.pose, 400))
        for exercise in content.exercises.values()
        for figure in exercise.figures
        if figure.pose is not None
    }


def test_guide_figures_match_golden_hashes():
    """Each drawing of the guide, pixel for pixel. After an intended change to a pose or to the
    renderer, look at `traction figures --sheet`, then rewrite with TRACTION_UPDATE_GOLDEN=1."""
    hashes = guide_figure_hashes()
    if os.environ.get("TRACTION_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(hashes, indent=2, sort_keys=True) + "\n")
    assert hashes == json.loads(GOLDEN.read_text())
