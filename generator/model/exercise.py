"""Exercise: one movement with its steps, cues, dosage, stop rules, cautions and variations."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import Id, Strict, Text
from .dosage import Dosage
from .figure import Figure


class Step(Strict):
    """One instruction: one action, in order. Its id becomes the step's link anchor."""

    id: Id
    text: Text = Field(description="One action in plain words, e.g. `Kneel on the floor.`")


class Cue(Strict):
    """A tip that helps the exercise go well."""

    id: Id
    text: Text
    card: bool = Field(False, description="`true` to show this cue on printed cards (otherwise the first cue is shown).")


class Caution(Strict):
    """Something to watch for. Shown in full, never folded away."""

    id: Id
    kind: Literal["warning", "note"] = Field("warning", description="`warning` for a risk, `note` for advice.")
    text: Text


class Variation(Strict):
    """An easier, harder or alternative way to do the exercise, and when to use it."""

    id: Id
    kind: Literal["easier", "harder", "alternative"]
    title: Text
    when: Text = Field(description="When to choose this variation, e.g. `If kneeling hurts your knees.`")
    steps: list[Step] = Field(min_length=1)
    dosage: Dosage | None = Field(None, description="Leave out when the main dosage applies.")


class SourceRef(Strict):
    """Where in the source article this exercise comes from."""

    section: Text


class Exercise(Strict):
    """A single exercise page."""

    id: Id
    title: Text
    also_known_as: list[Text] = Field(default_factory=list, description="Other names people search for.")
    region: list[Text] = Field(min_length=1, description="Body regions it works on, e.g. `[low back, hips]`.")
    purpose: Text = Field(description="Why to do it, in one sentence.")
    equipment: list[Text] = Field(default_factory=list, description="What you need, e.g. `[foam roller]`.")
    start_when: Text | None = Field(None, description="When it is safe to start, if there is a condition.")
    steps: list[Step] = Field(min_length=1)
    cues: list[Cue] = Field(default_factory=list)
    dosage: Dosage
    stop_rules: list[Text] = Field(min_length=1, description="When to stop. Every exercise needs at least one.")
    cautions: list[Caution] = Field(default_factory=list)
    variations: list[Variation] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    source: SourceRef | None = None

    def anchors(self) -> list[tuple[str, str]]:
        """Every linkable part of the page as (kind, id), in page order."""
        parts = [("step", s.id) for s in self.steps]
        parts += [("cue", c.id) for c in self.cues]
        parts += [("caution", c.id) for c in self.cautions]
        for variation in self.variations:
            parts.append(("variation", variation.id))
            parts += [("step", s.id) for s in variation.steps]
        return parts
