"""Dosage prose is rendered from the numbers."""

import re

import pytest
from pydantic import ValidationError

from generator.model import Dosage
from generator.render.dosage_text import line, phrases, slotted_line

LINES = [
    ({"hold": {"min": 15, "max": 30, "unit": "seconds"}, "repetitions": {"min": 4, "max": 6}, "per_side": True},
     "Hold for 15–30 seconds · Do it 4–6 times on each side"),
    ({"duration": {"min": 1, "max": 5, "unit": "minutes"}}, "Keep going for 1–5 minutes"),
    ({"duration": {"min": 1, "max": 2, "unit": "minutes"}, "per_side": True}, "Keep going for 1–2 minutes on each side"),
    ({"hold": {"min": 2, "max": 3, "unit": "breaths"}, "repetitions": "as needed"}, "Hold for 2–3 breaths · Repeat as often as you need"),
    ({"hold": {"min": 15, "max": 30, "unit": "seconds"}, "repetitions": "several", "per_side": True},
     "Hold for 15–30 seconds · Do it several times on each side"),
    ({"hold": {"min": 1, "unit": "breaths"}, "repetitions": {"min": 1}}, "Hold for 1 breath · Do it 1 time"),
    ({"hold": {"min": 1, "max": 2, "unit": "breaths"}, "repetitions": {"min": 5, "max": 10}}, "Hold for 1–2 breaths · Do it 5–10 times"),
    ({"repetitions": {"min": 10}, "sets": {"min": 2, "max": 3}, "frequency": {"times": {"min": 2}, "per": "day"}},
     "Do it 10 times in 2–3 sets · 2 times a day"),
]


@pytest.mark.parametrize(("data", "expected"), LINES)
def test_line(data, expected):
    assert line(Dosage.model_validate(data)) == expected


def fill(slotted: dict, amounts: dict[str, int]) -> str:
    """What builder.js does with a slotted line: a number where the clinician set one, else the guide's amount."""
    def amount(match: re.Match) -> str:
        slot, n = slotted["slots"][match[1]], amounts.get(match[1])
        return slot["guide"] if n is None else slot["one" if n == 1 else "many"].format(n=n)
    return re.sub(r"\{([dhrs])\}", amount, slotted["line"])


@pytest.mark.parametrize("data", [data for data, _ in LINES])
def test_a_slotted_line_left_alone_is_the_card_line(data):
    dosage = Dosage.model_validate(data)
    assert fill(slotted_line(dosage), {}) == line(dosage, short=True)


def test_a_slotted_line_takes_the_clinicians_amounts():
    dosage = Dosage.model_validate({"hold": {"min": 15, "max": 30, "unit": "seconds"}, "repetitions": {"min": 4, "max": 6}, "per_side": True})
    assert fill(slotted_line(dosage), {"h": 45, "r": 1, "s": 2}) == "Hold 45 s · 1 time in 2 sets each side"
    assert fill(slotted_line(dosage), {"r": 3}) == "Hold 15–30 s · 3 times each side"


def test_phrases_are_the_parts_of_the_line():
    dosage = Dosage.model_validate({"hold": {"min": 3, "max": 5, "unit": "breaths"}, "repetitions": {"min": 3, "max": 10}})
    assert phrases(dosage) == ["Hold for 3–5 breaths", "Do it 3–10 times"]


def test_a_dosage_needs_an_amount():
    with pytest.raises(ValidationError, match="at least one of duration, hold or repetitions"):
        Dosage.model_validate({"per_side": True})
