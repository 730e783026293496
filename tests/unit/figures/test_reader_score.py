"""Scoring a blind reader test: each answer against the key, and what to fix next."""

from __future__ import annotations

import json

import pytest

from generator.figures.reader import INSTRUCTIONS, key_path
from generator.figures.reader_score import Answer, read_answers, report, score, score_folder
from generator.load.content import load_content
from tests.conftest import REPO

KEY = {
    "picture-01": "childs-pose/childs-pose-hold",
    "picture-02": "boogie-board-stretch/boogie-board-twist",
    "picture-03": "boogie-board-stretch/boogie-board-back",
    "picture-04": "seated-toe-touch/seated-toe-touch-up",
}

ANSWERS = """\
# Phase 1
## picture-01
Kneels and sits back with the arms out in front.
- Rating: 4
- Confusing: nothing
## picture-02
Sits off to one side at a chair and turns.
- **Rating:** 2.5
## Picture-03
- Rating: 2
## picture-04
- Rating: 3

# Phase 2
| picture | name | sure / fairly sure / guess | what left you unsure |
| --- | --- | --- | --- |
| 01 | Balasana | **sure** | – |
| picture-02 | Add a twist | fairly sure | which way the body turns |
| 03 | Boogie board stretch – Add a twist | sure | |
| 04 | Runner's lunge stretch | guess | no idea |
"""


@pytest.fixture(scope="module")
def exercises():
    return list(load_content(REPO / "content", REPO / "site_assets").exercises.values())


def test_answers_are_read_from_both_phases():
    answers = read_answers(ANSWERS)
    assert answers["picture-01"] == Answer("Balasana", "sure", "–", 4.0)
    assert answers["picture-02"] == Answer("Add a twist", "fairly sure", "which way the body turns", 2.5)
    assert answers["picture-03"].rating == 2.0 and answers["picture-04"].confidence == "guess"
    assert read_answers("no answers here") == {}


def test_a_match_is_right_only_with_the_exercise_and_its_variation(exercises):
    results = {r.picture: r for r in score(exercises, KEY, read_answers(ANSWERS))}
    assert results["picture-01"].right and results["picture-01"].confident  # an exercise's other name counts
    assert results["picture-02"].right and not results["picture-02"].confident  # a variation named alone
    assert not results["picture-03"].right  # the main exercise's picture taken for its variation
    assert not results["picture-04"].right  # another exercise
    missing = score(exercises, KEY | {"picture-05": "upward-dog/upward-dog-top"}, read_answers(ANSWERS))
    assert not missing[-1].right and missing[-1].answer == Answer()  # no answer is not a right one


def test_the_report_gives_totals_and_every_doubt_with_its_reason(exercises, tmp_path):
    folder = tmp_path / "reader"
    folder.mkdir()
    key_path(folder).write_text(json.dumps(KEY))
    (folder / "answers-ann.md").write_text(ANSWERS)
    (folder / "answers-bo.md").write_text(ANSWERS.replace("| 04 | Runner's lunge stretch | guess", "| 04 | Seated toe touch | sure"))
    (folder / "notes.md").write_text("not an answer file")
    scored = score_folder(exercises, folder)
    assert list(scored) == ["answers-ann.md", "answers-bo.md"]
    text = report(scored)
    assert "answers-ann.md: 2 of 4 matched right (1 sure, 1 fairly sure, 0 guess), 2 wrong or unanswered; mean rating 2.88" in text
    assert "answers-bo.md: 3 of 4 matched right (2 sure, 1 fairly sure, 0 guess), 1 wrong or unanswered" in text
    assert ("- boogie-board-stretch/boogie-board-twist (picture-02, answers-ann.md) fairly sure, rated 2.5: "
            "which way the body turns") in text
    assert "- boogie-board-stretch/boogie-board-back (picture-03, answers-bo.md) WRONG: matched to 'Boogie board stretch – Add a twist'" in text
    assert "childs-pose-hold" not in text  # right and sure by both


def test_the_instructions_ask_for_the_format_that_is_scored():
    example = INSTRUCTIONS.split("## Your answers", 1)[1]
    example = "\n".join(line.removeprefix("    ") for line in example.splitlines())
    answers = read_answers(example)
    assert answers["picture-01"].rating == 3.0 and answers["picture-01"].confidence == "sure"
