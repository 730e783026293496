"""The low back guide carries every fact of the source article, and pages, routines and the
export all say the same thing.

The expected values below are read off the article (../shared/source/), not off our content,
so a typo in a content file fails here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from generator.load.content import load_content
from generator.model import Dosage
from generator.render.dosage_text import line, phrases
from tests.conftest import REPO

CONTENT = REPO / "content"

# Stage number → exercise ids, in the article's order (least to most aggressive).
SEQUENCE = {
    1: ["roll-side-to-side", "roll-up-and-down", "roll-arch-over", "roll-diagonal"],
    2: ["boogie-board-stretch"],
    3: ["childs-pose"],
    4: ["seated-toe-touch"],
    5: ["runners-lunge"],
    6: ["trunk-rotation"],
    7: ["upward-dog"],
}

# Every dosage the article gives.
ARTICLE_DOSAGE = {
    "roll-side-to-side": {"duration": {"min": 1, "max": 5, "unit": "minutes"}},
    "roll-up-and-down": {"duration": {"min": 1, "max": 2, "unit": "minutes"}},
    "roll-arch-over": {"hold": {"min": 2, "max": 3, "unit": "breaths"}, "repetitions": "as needed"},
    "roll-diagonal": {"duration": {"min": 1, "max": 2, "unit": "minutes"}, "per_side": True},
    "boogie-board-stretch": {"hold": {"min": 15, "max": 30, "unit": "seconds"}, "repetitions": "several", "per_side": True},
    "childs-pose": {"hold": {"min": 3, "max": 5, "unit": "breaths"}, "repetitions": {"min": 3, "max": 10}},
    "seated-toe-touch": {"hold": {"min": 1, "max": 3, "unit": "breaths"}, "repetitions": {"min": 3, "max": 10}},
    "runners-lunge": {"hold": {"min": 15, "max": 30, "unit": "seconds"}, "repetitions": {"min": 4, "max": 6}, "per_side": True},
    "trunk-rotation": {"hold": {"min": 15, "max": 30, "unit": "seconds"}, "repetitions": {"min": 4, "max": 6}, "per_side": True},
    "upward-dog": {"hold": {"min": 1, "max": 2, "unit": "breaths"}, "repetitions": {"min": 5, "max": 10}},
}


@pytest.fixture(scope="module")
def guide():
    return load_content(CONTENT)


def exercise_text(exercise) -> str:
    parts = [exercise.purpose, exercise.start_when or "", *exercise.equipment]
    parts += [s.text for s in exercise.steps] + [c.text for c in exercise.cues] + [c.text for c in exercise.cautions]
    parts += [c.title + "." for c in exercise.cautions] + exercise.stop_rules
    for variation in exercise.variations:
        parts += [variation.title, variation.when] + [s.text for s in variation.steps]
    return " ".join(parts)


def test_the_seven_steps_in_order(guide):
    assert {s.number: s.exercises for s in guide.guide.stages} == SEQUENCE
    assert list(guide.exercises) == [e for ids in SEQUENCE.values() for e in ids]


@pytest.mark.parametrize("exercise_id", sorted(ARTICLE_DOSAGE))
def test_every_dosage_matches_the_article(guide, exercise_id):
    assert guide.exercises[exercise_id].dosage == Dosage.model_validate(ARTICLE_DOSAGE[exercise_id])


@pytest.mark.parametrize(
    ("exercise_id", "facts"),
    [
        ("roll-side-to-side", ["36 inches", "1 to 5 minutes", "flat"]),
        ("roll-up-and-down", ["36 inches", "shoulder blades", "head in your hands", "parallel to the floor", "belly", "base of your neck", "Never roll right on your low back", "1 to 2 minutes"]),
        ("roll-arch-over", ["36 inches", "stiff", "sink", "2 to 3 breaths", "another stiff spot"]),
        ("roll-diagonal", ["36 inches", "30 degrees", "awkward", "Do not bend back over", "1 to 2 minutes", "other way"]),
        ("boogie-board-stretch", ["chair, couch or wall", "heels", "right buttock rests on your left heel", "15 to 30 seconds", "other side", "Turn your rib cage", "Cross the leg", "forward or a little backward"]),
        ("childs-pose", ["Kneel", "whole hands", "sit back a little farther", "3 to 5 breaths", "knees and hips"]),
        ("seated-toe-touch", ["acute", "child's pose (part 3)", "feet and knees wide", "chin", "1 to 3 breaths", "under your feet", "sacrum", "3 to 10 times"]),
        ("runners-lunge", ["chair or bench", "second stair", "fully bent", "inward", "back knee straight", "15 to 30 seconds", "sturdy"]),
        ("trunk-rotation", ["flat on your back", "waist", "across your body", "opposite hand", "ease off", "15 to 30 seconds", "4 to 6 times", "sharp or grabbing", "few days"]),
        ("upward-dog", ["face down", "close to your body", "chest", "not up by your shoulders", "back toward your feet", "1 to 2 inches", "elbows lock", "1 to 2 breaths", "child's pose (part 3)", "5 to 10 times", "squeezes your low back"]),
    ],
)
def test_cues_numbers_and_cautions_are_all_there(guide, exercise_id, facts):
    text = exercise_text(guide.exercises[exercise_id])
    missing = [fact for fact in facts if fact.lower() not in text.lower()]
    assert missing == []


def test_variations_and_preconditions(guide):
    boogie = {v.kind: v.id for v in guide.exercises["boogie-board-stretch"].variations}
    assert boogie == {"harder": "add-a-twist", "alternative": "standing-side-bend"}
    assert [v.kind for v in guide.exercises["seated-toe-touch"].variations] == ["harder"]
    assert "acute" in guide.exercises["seated-toe-touch"].start_when


def test_every_exercise_says_when_to_stop(guide):
    for exercise in guide.exercises.values():
        assert exercise.stop_rules, exercise.id


def test_red_flags_cover_the_consensus_list(guide):
    flags = guide.guide.safety.red_flags
    everything = " ".join(flags.emergency + flags.today + flags.before_you_start).lower()
    for sign in ["bladder", "bowel", "numbness", "groin", "buttocks", "weakness", "getting worse", "fever", "unwell",
                 "cancer", "weight loss", "fall", "injury", "night"]:
        assert sign in everything, sign


def test_red_flags_are_tiered_as_the_guideline_does(guide):
    """Signs of cauda equina syndrome are emergencies; infection and fracture, a doctor today; cancer
    history, unexplained weight loss and constant night pain, a check before starting (NICE NG59 / CKS)."""
    flags = guide.guide.safety.red_flags
    emergency, today, before = (" ".join(tier).lower() for tier in (flags.emergency, flags.today, flags.before_you_start))
    assert all(sign in emergency for sign in ["bladder", "bowels", "groin", "weakness"])
    assert "fever" in today and "fall" in today
    assert all(sign in before for sign in ["cancer", "weight loss", "night"])
    assert "cancer" not in emergency + today  # a history of cancer is not an emergency
    assert any("NG59" in (c.reference or "") for c in flags.guideline)


def test_routines(guide):
    routines = {rid: [i.exercise for i in r.exercises] for rid, r in guide.routines.items()}
    assert routines["full-sequence"] == [e for ids in SEQUENCE.values() for e in ids]
    assert routines["gentle-start"] == SEQUENCE[1] + SEQUENCE[2] + SEQUENCE[3]
    assert routines["thoracic-reset"] == SEQUENCE[1]


def test_credit_and_review_record(guide):
    source = guide.guide.source
    assert (source.title, source.author, source.publisher, source.published.isoformat()) == (
        "Treat Your Own Low Back Pain", "Joe Uhan", "iRunFar", "2023-06-09")
    assert guide.guide.review.written_by and guide.guide.review.version


def test_pages_routines_and_export_agree_with_the_content_files(guide_site: Path):
    """Dosage read straight from each YAML file must appear on its page, on every routine page
    that uses it without an override, and in api/guide.json."""
    export = json.loads((guide_site / "api/guide.json").read_text())
    exported = {e["id"]: e for e in export["exercises"]}
    routines = {r["id"]: r for r in export["routines"]}
    for path in sorted((CONTENT / "exercises").glob("*.yaml")):
        raw = yaml.safe_load(path.read_text())
        dosage = Dosage.model_validate(raw["dosage"])
        page = (guide_site / "exercises" / raw["id"] / "index.html").read_text()
        for phrase in phrases(dosage):
            assert phrase in page, (raw["id"], phrase)
        assert Dosage.model_validate(exported[raw["id"]]["dosage"]) == dosage
        assert exported[raw["id"]]["dosage_text"] == line(dosage)
        for routine_path in sorted((CONTENT / "routines").glob("*.yaml")):
            routine = yaml.safe_load(routine_path.read_text())
            items = [i for i in routine["exercises"] if i["exercise"] == raw["id"]]
            for item in items:
                expected = Dosage.model_validate(item["dosage"]) if "dosage" in item else dosage
                routine_page = (guide_site / "routines" / routine["id"] / "index.html").read_text()
                assert line(expected) in routine_page, (routine["id"], raw["id"])
                exported_item = next(i for i in routines[routine["id"]]["exercises"] if i["exercise"] == raw["id"])
                assert exported_item["dosage_text"] == line(expected)


def test_home_page_shows_the_seven_steps(guide_site: Path):
    html = (guide_site / "index.html").read_text()
    positions = [html.index(f'id="stage-{s}"') for s in
                 ["thoracic-spine", "pelvis-sacrum", "childs-pose", "seated-toe-touch", "runners-lunge", "trunk-rotation", "upward-dog"]]
    assert positions == sorted(positions)
