"""Routine: an ordered selection of exercises, each with an optional dosage of its own."""

from __future__ import annotations

from pydantic import Field

from generator.model.common import Id, Strict, Text
from generator.model.dosage import Dosage
from generator.model.exercise import Exercise


class RoutineItem(Strict):
    """One exercise in a routine."""

    exercise: Id = Field(description="The id of an exercise, e.g. `childs-pose`.")
    dosage: Dosage | None = Field(None, description="Replaces the exercise's own dosage in this routine.")
    note: Text | None = Field(None, description="A short note shown with this exercise in the routine.")

    def dosage_for(self, exercise: Exercise) -> Dosage:
        """The dosage this routine asks for: its own, else the exercise's. The one place this rule
        lives: the routine page, its card and api/guide.json all use it."""
        return self.dosage or exercise.dosage


class Routine(Strict):
    """A routine page (and, later, a printable card)."""

    id: Id
    title: Text = Field(description="The routine's name, e.g. `Gentle start`.")
    purpose: Text = Field(description="What the routine is for, in one or two plain sentences.")
    for_whom: Text = Field(description="Who the routine is for, e.g. `Anyone starting out`.")
    progression: Text | None = Field(None, description="When to move on to more, if the routine has a rule, e.g. `Add part 4 once …`.")
    exercises: list[RoutineItem] = Field(min_length=1, description="The exercises in order (at most 10, so the card fits one page).")
