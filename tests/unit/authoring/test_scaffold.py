"""`traction new`: starting files that pass `traction check` as written."""

from __future__ import annotations

import pytest

from generator.authoring.scaffold import ScaffoldError, new_exercise, new_routine
from generator.load.content import load_content


def test_new_exercise_is_valid_and_joins_the_chosen_stage(content_dir):
    path, number = new_exercise(content_dir, "neck-turn", stage=1)
    assert path == content_dir / "exercises" / "neck-turn.yaml" and number == 1
    content = load_content(content_dir)
    assert content.stage_of("neck-turn").number == 1
    assert list(content.exercises) == ["childs-pose", "neck-turn", "runners-lunge"]


def test_new_exercise_goes_to_the_last_stage_of_a_block_list(content_dir):
    guide = content_dir / "guide.yaml"
    guide.write_text(guide.read_text().replace("exercises: [runners-lunge]", "exercises:\n      - runners-lunge"))
    _, number = new_exercise(content_dir, "wall-slide")
    assert number == 2
    assert "      - runners-lunge\n      - wall-slide\n" in guide.read_text()
    assert load_content(content_dir).stage_of("wall-slide").number == 2


def test_new_routine_is_valid(content_dir):
    new_routine(content_dir, "desk-break", "childs-pose")
    assert [i.exercise for i in load_content(content_dir).routines["desk-break"].exercises] == ["childs-pose"]


@pytest.mark.parametrize(
    ("new_id", "stage", "message"),
    [("Neck Turn", None, "not a valid id"), ("childs-pose", None, "already exists"), ("neck-turn", 9, "no stage 9")],
)
def test_new_exercise_refuses_clearly(content_dir, new_id, stage, message):
    before = sorted(p.name for p in (content_dir / "exercises").iterdir())
    with pytest.raises(ScaffoldError, match=message):
        new_exercise(content_dir, new_id, stage)
    assert sorted(p.name for p in (content_dir / "exercises").iterdir()) == before  # nothing half-written
