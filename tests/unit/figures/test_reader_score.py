"""Scoring a blind reader test: each answer against the key, and what to fix next."""

from __future__ import annotations

import json

import pytest

from generator.adapters import cli
from generator.figures.reader import INSTRUCTIONS, key_path
from generator.figures.reader_score import Answer, read_answers, report, score, score_folder, tally, tally_report
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


def _round(exercises, tmp_path, name, *answer_files):
    folder = tmp_path / name
    folder.mkdir()
    key_path(folder).write_text(json.dumps(KEY))
    for reader, text in enumerate(answer_files):
        (folder / f"answers-{reader}.md").write_text(text)
    return score_folder(exercises, folder)


def test_several_rounds_are_counted_by_picture_worst_first(exercises, tmp_path):
    unsure = ANSWERS.replace("| 01 | Balasana | **sure**", "| 01 | Balasana | fairly sure")
    no_confidence = ANSWERS.replace("| picture-02 | Add a twist | fairly sure", "| picture-02 | Add a twist | |")
    rounds = [_round(exercises, tmp_path, "r1", ANSWERS, unsure), _round(exercises, tmp_path, "r2", no_confidence)]
    counts = tally(rounds)
    assert counts["childs-pose/childs-pose-hold"] == {"sure": 2, "fairly sure": 1}
    assert counts["boogie-board-stretch/boogie-board-twist"] == {"fairly sure": 2, "": 1}
    assert counts["boogie-board-stretch/boogie-board-back"] == {"wrong": 3}
    text = tally_report(rounds)
    assert text.splitlines() == [
        "By picture, over 3 readers in 2 rounds (those not matched right and sure by all):",
        "- boogie-board-stretch/boogie-board-back: 3 wrong (of 3)",
        "- seated-toe-touch/seated-toe-touch-up: 3 wrong (of 3)",
        "- boogie-board-stretch/boogie-board-twist: 2 fairly sure, 1 with no confidence given (of 3)",
        "- childs-pose/childs-pose-hold: 2 sure, 1 fairly sure (of 3)",
    ]


def test_the_command_reports_each_round_then_the_tally(exercises, tmp_path, monkeypatch, capsys):
    _round(exercises, tmp_path, "r1", ANSWERS)
    _round(exercises, tmp_path, "r2", ANSWERS)
    monkeypatch.chdir(REPO)
    assert cli.main(["figures", "--score", str(tmp_path / "r1"), str(tmp_path / "r2")]) == 0
    out = capsys.readouterr().out
    assert out.index(f"# {tmp_path / 'r1'}\nanswers-0.md: 2 of 4") < out.index(f"# {tmp_path / 'r2'}\nanswers-0.md: 2 of 4")
    assert "By picture, over 2 readers in 2 rounds" in out and "- boogie-board-stretch/boogie-board-twist: 2 fairly sure (of 2)" in out


def test_a_tally_with_no_doubt_says_so(exercises, tmp_path):
    all_sure = "# Phase 2\n| 01 | Balasana | sure | |\n"
    key = {"picture-01": KEY["picture-01"]}
    rounds = [{"answers-a.md": score(exercises, key, read_answers(all_sure)), "answers-b.md": score(exercises, key, read_answers(all_sure))}]
    assert tally_report(rounds) == "By picture, over 2 readers in 1 round: every picture matched right and sure by every reader.\n"


def test_the_instructions_ask_for_the_format_that_is_scored():
    example = INSTRUCTIONS.split("## Your answers", 1)[1]
    example = "\n".join(line.removeprefix("    ") for line in example.splitlines())
    answers = read_answers(example)
    assert answers["picture-01"].rating == 3.0 and answers["picture-01"].confidence == "sure"
