"""The player's timeline from the structured dosage: exercise → repetition → side → phase, with
no clinical number the content does not give."""

from __future__ import annotations

import pytest

from generator.load.content import load_content
from generator.model import Dosage
from generator.model.timeline import PAUSES, Choice, Phase, Span, Where, plan, timeline
from tests.conftest import FIXTURE_CONTENT, REPO


def kinds(phases: list[Phase]) -> list[str]:
    return [p.kind + (f":{p.side}" if p.side and p.kind != "ready" else "") for p in phases]


@pytest.fixture(scope="module")
def fixture():
    return load_content(FIXTURE_CONTENT)


@pytest.fixture(scope="module")
def guide():
    return load_content(REPO / "content", REPO / "site_assets")


def test_breath_holds_count_breaths_at_the_low_end_by_default(fixture):
    phases = timeline(plan(fixture.exercises["childs-pose"].dosage))  # hold 3–5 breaths, 3–10 times
    assert kinds(phases) == ["ready", "hold", "rest", "hold", "rest", "hold"]
    holds = [p for p in phases if p.kind == "hold"]
    assert {p.breaths for p in holds} == {3} and {p.seconds for p in holds} == {None}  # no breath length is invented
    assert [p.at.repetition for p in holds] == [1, 2, 3] and {p.at.repetitions for p in holds} == {3}
    assert holds[0].span == Span(3, 5)


def test_the_person_picks_within_the_range(fixture):
    lunge = plan(fixture.exercises["runners-lunge"].dosage)  # hold 15–30 s, 4–6 times on each side
    phases = timeline(lunge, Choice(amounts=(20,), repetitions=5))
    holds = [p for p in phases if p.kind == "hold"]
    assert len(holds) == 10 and {p.seconds for p in holds} == {20}


def test_per_side_repetitions_switch_sides_inside_each_repetition(fixture):
    phases = timeline(plan(fixture.exercises["runners-lunge"].dosage))
    assert kinds(phases)[:8] == ["ready", "hold:left", "switch:right", "hold:right", "rest", "hold:left", "switch:right", "hold:right"]
    assert len([p for p in phases if p.kind == "hold"]) == 8  # 4 times on each side
    assert phases[0].side == "left"  # get ready says which side comes first
    assert phases[1].seconds == 15


def test_a_routine_dosage_replaces_the_exercise_own(fixture):
    item = fixture.routines["both"].exercises[1]
    phases = timeline(plan(item.dosage_for(fixture.exercises[item.exercise])))
    assert kinds(phases) == ["ready", "hold:left", "switch:right", "hold:right", "rest", "hold:left", "switch:right", "hold:right"]
    assert {p.seconds for p in phases if p.kind == "hold"} == {20}  # an exact number: nothing to pick


def test_only_the_player_pauses_are_not_from_the_content(fixture):
    for exercise in fixture.exercises.values():
        for phase in timeline(plan(exercise.dosage)):
            if phase.kind in PAUSES:
                assert phase.seconds == PAUSES[phase.kind] <= 10


def test_durations_start_at_the_low_end_and_keep_the_range():
    dosage = Dosage.model_validate({"duration": {"min": 1, "max": 5, "unit": "minutes"}})
    phases = timeline(plan(dosage))
    assert kinds(phases) == ["ready", "work"]
    assert phases[1].seconds == 60 and phases[1].span == Span(1, 5)


def test_duration_per_side():
    dosage = Dosage.model_validate({"duration": {"min": 1, "max": 2, "unit": "minutes"}, "per_side": True})
    assert kinds(timeline(plan(dosage))) == ["ready", "work:left", "switch:right", "work:right"]


@pytest.mark.parametrize("words", ["several", "as needed"])
def test_open_repetitions_are_said_as_such_and_the_person_goes_on_or_stops(words):
    dosage = Dosage.model_validate({"hold": {"min": 15, "max": 30, "unit": "seconds"}, "repetitions": words, "per_side": True})
    assert plan(dosage).repeats.kind == words
    once = timeline(plan(dosage))
    assert kinds(once) == ["ready", "hold:left", "switch:right", "hold:right", "more"]
    assert once[-1].at == Where(1, None, 1, 1)  # open: no "of N"
    twice = timeline(plan(dosage), Choice(repetitions=2))
    assert kinds(twice)[5:] == ["rest", "hold:left", "switch:right", "hold:right", "more"]


def test_sets_repeat_the_repetitions():
    dosage = Dosage.model_validate({"hold": {"min": 5, "unit": "seconds"}, "repetitions": {"min": 2}, "sets": {"min": 2}})
    phases = timeline(plan(dosage))
    assert kinds(phases) == ["ready", "hold", "rest", "hold", "rest", "hold", "rest", "hold"]
    assert [(p.at.set, p.at.repetition) for p in phases if p.kind == "hold"] == [(1, 1), (1, 2), (2, 1), (2, 2)]


def test_every_exercise_of_the_guide_has_a_timeline_with_its_own_numbers(guide):
    for routine in guide.routines.values():
        for item in routine.exercises:
            dosage = item.dosage_for(guide.exercises[item.exercise])
            phases = timeline(plan(dosage))
            work = [p for p in phases if p.kind in ("hold", "work")]
            assert work, item.exercise
            amount = dosage.hold or dosage.duration
            assert amount is not None
            for phase in work:
                expected = amount.min * (60 if amount.unit == "minutes" else 1)
                assert (phase.breaths if amount.unit == "breaths" else phase.seconds) == (amount.min if amount.unit == "breaths" else expected)
            sides = {p.side for p in work}
            assert sides == ({"left", "right"} if dosage.per_side else {None})


def test_the_real_boogie_board_stretch_is_open_and_per_side(guide):
    phases = timeline(plan(guide.exercises["boogie-board-stretch"].dosage))  # 15–30 s, several times, each side
    assert kinds(phases) == ["ready", "hold:left", "switch:right", "hold:right", "more"]
