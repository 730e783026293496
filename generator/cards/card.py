"""Routine cards: what goes on a one-page card, and how many exercises fit.

A card is sized for the overlap of A4 and US Letter (210 × 279.4 mm less margins), so one layout
prints on one page of either. Up to four exercises get one column with a QR code each; up to
CARD_CAPACITY get two columns. Past that, `traction check` rejects the routine instead of letting a
card spill onto a second page.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from generator.model import Amount, Count, Cue, Dosage, Exercise, Figure, Routine

CARD_CAPACITY = 10
SINGLE_COLUMN_MAX = 4
PAPERS = ("a4", "letter")
CARD_CUE_MAX = 100  # characters: about three lines beside a thumbnail in a two-column card
# Characters of a routine's texts printed at the top of its card: "for whom" sits in half the
# width (three lines), the progression rule across it (two lines).
CARD_TEXT_MAX = {"for_whom": 130, "progression": 160}


@dataclass(frozen=True)
class CardItem:
    """One exercise as it appears on a card."""

    exercise: Exercise
    dosage: Dosage
    cue: Cue | None
    figure: Figure | None


def card_layout(count: int) -> str:
    """'single' (one column, a QR code per exercise) or 'double' (two columns)."""
    return "single" if count <= SINGLE_COLUMN_MAX else "double"


def card_cue(exercise: Exercise) -> Cue | None:
    """The cue a card shows: the one marked ``card: true``, else the first."""
    return next((c for c in exercise.cues if c.card), exercise.cues[0] if exercise.cues else None)


def card_figure(exercise: Exercise) -> Figure | None:
    """The picture a card shows: the one marked ``card: true``, else the first drawing or photo."""
    shown = [f for f in exercise.figures if f.kind in ("pose", "photo")]
    return next((f for f in shown if f.card), shown[0] if shown else None)


def card_items(routine: Routine, exercises: dict[str, Exercise]) -> list[CardItem]:
    """The routine's exercises with the dosage, key cue and picture the card shows."""
    items = []
    for entry in routine.exercises:
        exercise = exercises[entry.exercise]
        items.append(CardItem(exercise, entry.dosage_for(exercise), card_cue(exercise), card_figure(exercise)))
    return items


def card_equipment(items: list[CardItem]) -> list[str]:
    """Everything the routine needs, each thing once, in the order the exercises need it."""
    return list(dict.fromkeys(thing for item in items for thing in item.exercise.equipment))


# How long a routine takes is worked out from the dosage alone. Two quantities are not numbers in
# the source, so they are counted as ranges, stated here and in the README rather than hidden:
BREATH_SECONDS = (4, 6)  # one slow breath
WORDED_REPETITIONS = {"several": (2, 4), "as needed": (1, 3)}


def _seconds(value: Amount) -> tuple[float, float]:
    top = value.max if value.max is not None else value.min
    if value.unit == "minutes":
        return value.min * 60, top * 60
    if value.unit == "breaths":
        return value.min * BREATH_SECONDS[0], top * BREATH_SECONDS[1]
    return value.min, top


def dosage_seconds(dosage: Dosage) -> tuple[float, float]:
    """The shortest and longest time one exercise takes at this dosage (no rests counted)."""
    low, high = 0.0, 0.0
    if dosage.duration:
        low, high = _seconds(dosage.duration)
    if dosage.hold:
        hold_low, hold_high = _seconds(dosage.hold)
        if isinstance(dosage.repetitions, Count):
            reps = (dosage.repetitions.min, dosage.repetitions.max or dosage.repetitions.min)
        else:
            reps = WORDED_REPETITIONS.get(dosage.repetitions or "", (1, 1))
        sets = (dosage.sets.min, dosage.sets.max or dosage.sets.min) if dosage.sets else (1, 1)
        low += hold_low * reps[0] * sets[0]
        high += hold_high * reps[1] * sets[1]
    sides = 2 if dosage.per_side else 1
    return low * sides, high * sides


def routine_minutes(items: list[CardItem]) -> tuple[int, int]:
    """The whole routine in whole minutes, rounded outward: (shortest, longest)."""
    low = sum(dosage_seconds(i.dosage)[0] for i in items)
    high = sum(dosage_seconds(i.dosage)[1] for i in items)
    return max(1, math.floor(low / 60)), max(1, math.ceil(high / 60))
