"""Validation of whole content folders: every problem located, all reported at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load.content import load_content
from generator.load.problems import ContentError
from tests.conftest import edit


def problems(content_dir: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(content_dir)
    return [str(p) for p in caught.value.problems]


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


def test_fixture_content_is_valid(content_dir):
    content = load_content(content_dir)
    assert list(content.exercises) == ["childs-pose", "runners-lunge"]
    assert list(content.routines) == ["both"]
    assert content.stage_of("runners-lunge").number == 2


def test_unknown_key_suggests_the_closest(content_dir):
    path = content_dir / "exercises" / "childs-pose.yaml"
    edit(path, "title: Child's pose", "titel: Child's pose")
    found = problems(content_dir)
    line = line_of(path, "titel:")
    unknown = [p for p in found if "unknown key 'titel'" in p]
    assert len(unknown) == 1 and f":{line}:1: unknown key 'titel' — did you mean 'title'?" in unknown[0]
    assert "expected one of:" in unknown[0] and "found 'titel'" in unknown[0]
    missing = [p for p in found if "missing required key 'title'" in p]
    assert len(missing) == 1 and "childs-pose.yaml:2:1:" in missing[0]  # where the mapping starts, after the comment


def test_wrong_type_names_expected_and_found(content_dir):
    path = content_dir / "exercises" / "childs-pose.yaml"
    edit(path, "hold: {min: 3, max: 5, unit: breaths}", "hold: {min: three, max: 5, unit: breaths}")
    (problem,) = problems(content_dir)
    line = line_of(path, "min: three")
    assert f"childs-pose.yaml:{line}:" in problem
    assert "invalid value for 'min'" in problem and "integer" in problem and "found 'three'" in problem


def test_bad_unit_and_reversed_range(content_dir):
    path = content_dir / "exercises" / "runners-lunge.yaml"
    edit(path, "hold: {min: 15, max: 30, unit: seconds}", "hold: {min: 30, max: 15, unit: hours}")
    found = problems(content_dir)
    assert any("invalid value for 'unit'" in p and "'seconds', 'minutes' or 'breaths'" in p and "found 'hours'" in p for p in found)
    edit(path, "unit: hours", "unit: seconds")
    (problem,) = problems(content_dir)
    assert "max (15) must not be smaller than min (30)" in problem


def test_missing_required_field(content_dir):
    path = content_dir / "exercises" / "runners-lunge.yaml"
    text = path.read_text()
    start = text.index("stop_rules:")
    end = text.index("cautions:")
    path.write_text(text[:start] + text[end:])
    (problem,) = problems(content_dir)
    assert "runners-lunge.yaml:" in problem and "missing required key 'stop_rules'" in problem


def test_duplicate_ids_across_files_and_within_a_page(content_dir):
    exercises = content_dir / "exercises"
    (exercises / "copy.yaml").write_text((exercises / "childs-pose.yaml").read_text())
    edit(exercises / "runners-lunge.yaml", "- id: sink", "- id: hold")
    found = problems(content_dir)
    assert any("copy.yaml:" in p and "duplicate exercise id 'childs-pose'" in p and "childs-pose.yaml:2" in p for p in found), found
    assert any("runners-lunge.yaml:" in p and "duplicate step id 'hold'" in p for p in found), found


def test_routine_naming_a_missing_exercise(content_dir):
    path = content_dir / "routines" / "both.yaml"
    edit(path, "- exercise: runners-lunge", "- exercise: runners-lunges")
    (problem,) = problems(content_dir)
    line = line_of(path, "runners-lunges")
    assert f"both.yaml:{line}:15: no exercise with id 'runners-lunges' — did you mean 'runners-lunge'?" in problem


def test_every_problem_in_every_file_is_reported_at_once(content_dir):
    edit(content_dir / "exercises" / "childs-pose.yaml", "title: Child's pose", "titel: Child's pose")
    (content_dir / "exercises" / "empty.yaml").write_text("")
    (content_dir / "exercises" / "latin.yaml").write_bytes("id: caf\xe9\n".encode("latin-1"))
    (content_dir / "routines" / "bad.yaml").write_text("id: bad\ntitle: [oops\n")
    edit(content_dir / "guide.yaml", "version: 0.1.0", "version: 0.1.0\n  extra: 1")
    found = problems(content_dir)
    files = {p.split(":")[0].rsplit("/", 1)[-1] for p in found}
    assert {"childs-pose.yaml", "empty.yaml", "latin.yaml", "bad.yaml", "guide.yaml"} <= files, found


def test_stage_problems(content_dir):
    guide = content_dir / "guide.yaml"
    edit(guide, "exercises: [runners-lunge]", "exercises: [runners-lunge, childs-pose, nope]")
    edit(guide, "  - number: 2", "  - number: 3")
    found = problems(content_dir)
    assert any("stages must be numbered in order" in p for p in found)
    assert any("exercise 'childs-pose' is in the sequence twice" in p for p in found)
    assert any("no exercise with id 'nope'" in p for p in found)


def test_exercise_outside_the_sequence(content_dir):
    extra = content_dir / "exercises" / "extra.yaml"
    extra.write_text((content_dir / "exercises" / "childs-pose.yaml").read_text().replace("id: childs-pose", "id: extra"))
    (problem,) = problems(content_dir)
    assert "extra.yaml:2:5: exercise 'extra' is not in any stage" in problem


def test_missing_guide_file(tmp_path):
    (problem,) = problems(tmp_path)
    assert "guide.yaml:1:1: guide file is missing" in problem


def test_ids_must_be_slugs(content_dir):
    edit(content_dir / "exercises" / "childs-pose.yaml", "- id: kneel", "- id: Kneel Down")
    (problem,) = problems(content_dir)
    assert "invalid value for 'id'" in problem and "found 'Kneel Down'" in problem


def test_a_routine_longer_than_a_card_holds_is_refused(content_dir):
    path = content_dir / "routines" / "both.yaml"
    items = "".join(f"  - exercise: {'childs-pose' if i % 2 else 'runners-lunge'}\n" for i in range(11))
    path.write_text(path.read_text().split("exercises:")[0] + "exercises:\n" + items)
    (problem,) = problems(content_dir)
    assert f"both.yaml:{line_of(path, 'exercises:')}:1: routine 'both' has too many exercises for its one-page card" in problem
    assert "at most 10 exercises" in problem and "found 11 exercises" in problem


def test_a_card_cue_that_would_not_fit_is_refused(content_dir):
    path = content_dir / "exercises" / "childs-pose.yaml"
    edit(path, "  - id: rest-knees\n", "  - id: rest-knees\n    card: true\n")
    edit(path, "Rest them whenever you need to.", "Rest them whenever you need to, and take all the time you need before you go on.")
    (problem,) = problems(content_dir)
    assert "the cue printed on cards for 'childs-pose' is too long" in problem and "at most 100 characters" in problem


def test_a_card_that_prints_one_frame_of_several_needs_its_own_alt_text(content_dir):
    """A card prints only the hold: the figure's alt would describe a frame the card does not show."""
    path = content_dir / "exercises" / "childs-pose.yaml"
    edit(path, "      frames:\n        - base: kneel-sit\n", "      frames:\n        - base: kneel-sit\n        - base: kneel-sit\n")
    (problem,) = problems(content_dir)
    line = line_of(path, "    alt: A person kneels and sits back")
    assert f"childs-pose.yaml:{line}:10: the card of 'childs-pose' prints frame 2 of 'childs-pose-hold' alone" in problem
    assert "expected card_alt: what that one frame shows" in problem and "describes all 2 frames" in problem
    edit(path, "    caption: Sit back while", "    card_alt: A person kneels and sits back toward the heels.\n    caption: Sit back while")
    load_content(content_dir)  # no problem left


def test_acute_pain_routine_must_exist(content_dir):
    path = content_dir / "guide.yaml"
    edit(path, "    if_no: >-", "    routine: gentle-start\n    if_no: >-")
    found = problems(content_dir)
    line = line_of(path, "routine: gentle-start")
    assert len(found) == 1 and f"guide.yaml:{line}:14: no routine with id 'gentle-start'" in found[0]


def test_a_caution_needs_a_heading(content_dir):
    path = content_dir / "exercises" / "runners-lunge.yaml"
    edit(path, "    title: Use a support that will not move\n", "")
    found = problems(content_dir)
    assert len(found) == 1 and "'title'" in found[0] and "runners-lunge.yaml" in found[0]


def test_labels_number_parts_and_letter_their_moves():
    from tests.conftest import REPO

    content = load_content(REPO / "content")
    labels = [content.label_of(e) for e in content.exercises]
    assert labels == ["1a", "1b", "1c", "1d", "2", "3", "4", "5", "6", "7"]


def test_routine_text_too_long_for_its_card_is_located(content_dir):
    path = content_dir / "routines" / "both.yaml"
    edit(path, "for_whom: Anyone who has tried both stretches before.", "for_whom: " + "Anyone at all. " * 10)
    found = problems(content_dir)
    line = line_of(path, "for_whom:")
    assert len(found) == 1 and f"both.yaml:{line}:" in found[0] and "too long for the routine's one-page card" in found[0]
