"""Routine: an ordered selection of exercises, each with an optional dosage of its own."""

from __future__ import annotations

from pydantic import Field

from .common import Id, Strict, Text
from .dosage import Dosage


class RoutineItem(Strict):
    """One exercise in a routine."""

    exercise: Id = Field(description="The id of an exercise, e.g. `childs-pose`.")
    dosage: Dosage | None = Field(None, description="Replaces the exercise's own dosage in this routine.")
    note: Text | None = None


class Routine(Strict):
    """A routine page (and, later, a printable card)."""

    id: Id
    title: Text
    purpose: Text
    for_whom: Text = Field(description="Who the routine is for, e.g. `Anyone starting out`.")
    exercises: list[RoutineItem] = Field(min_length=1)
