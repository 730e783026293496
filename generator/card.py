"""Routine cards: what goes on a one-page card, and how many exercises fit.

A card is sized for the overlap of A4 and US Letter (210 × 279.4 mm less margins), so one layout
prints on one page of either. Up to four exercises get one column with a QR code each; up to
CARD_CAPACITY get two columns. Past that, `traction check` rejects the routine instead of letting a
card spill onto a second page.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Cue, Dosage, Exercise, Figure, Routine

CARD_CAPACITY = 10
SINGLE_COLUMN_MAX = 4
PAPERS = ("a4", "letter")
CARD_CUE_MAX = 100  # characters: about three lines beside a thumbnail in a two-column card


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
        items.append(CardItem(exercise, entry.dosage or exercise.dosage, card_cue(exercise), card_figure(exercise)))
    return items
