"""Exercise: one movement with its steps, cues, dosage, stop rules, cautions and variations."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.model.common import Id, Strict, Text
from generator.model.dosage import Dosage
from generator.model.figure import Figure


class Linked(Strict):
    """A part of a page with its own link anchor. Renaming keeps the old id in ``aliases`` so
    published links still land here."""

    id: Id
    aliases: list[Id] = Field(default_factory=list, description="Old ids of this part, kept so links to them still work.")


class Step(Linked):
    """One instruction: one action, in order. Its id becomes the step's link anchor."""

    text: Text = Field(description="One action in plain words, e.g. `Kneel on the floor.`")


class Cue(Linked):
    """A tip that helps the exercise go well."""

    text: Text = Field(description="The tip in plain words, e.g. `Keep your front leg fully bent.`")
    card: bool = Field(False, description="`true` to show this cue on printed cards (otherwise the first cue is shown).")


class Caution(Linked):
    """Something to watch for. Shown in full, never folded away."""

    kind: Literal["warning", "note"] = Field("warning", description="`warning` for a risk, `note` for advice.")
    title: Text = Field(description="What the caution is about, as its heading, e.g. `Keep the roller off your low back`.")
    text: Text = Field(description="What to watch for, e.g. `Never roll right on your low back.`")


class Variation(Linked):
    """An easier, harder or alternative way to do the exercise, and when to use it."""

    kind: Literal["easier", "harder", "alternative"] = Field(description="`easier`, `harder` or `alternative` (another way).")
    title: Text = Field(description="A short name, e.g. `Add a twist`.")
    when: Text = Field(description="When to choose this variation, e.g. `If kneeling hurts your knees.`")
    steps: list[Step] = Field(min_length=1, description="The steps of this variation, in order.")
    dosage: Dosage | None = Field(None, description="How long and how many, if the source gives it; leave out if it does not.")
    figures: list[Figure] = Field(default_factory=list, max_length=3, description="Pictures of this variation, drawn like the exercise's own.")


class SourceRef(Strict):
    """Where in the source article this exercise comes from."""

    section: Text = Field(description="The part of the source, e.g. `Part 3, child's pose`.")


class Exercise(Strict):
    """A single exercise page."""

    id: Id
    aliases: list[Id] = Field(default_factory=list, description="Old ids of this exercise; their pages redirect here.")
    title: Text = Field(description="The name people know, e.g. `Child's pose`. Free to change; the id stays.")
    also_known_as: list[Text] = Field(default_factory=list, description="Other names people search for.")
    region: list[Text] = Field(min_length=1, description="Body regions it works on, e.g. `[low back, hips]`.")
    purpose: Text = Field(description="Why to do it, in one sentence.")
    equipment: list[Text] = Field(default_factory=list, description="What you need, e.g. `[foam roller]`.")
    start_when: Text | None = Field(None, description="When it is safe to start, if there is a condition.")
    steps: list[Step] = Field(min_length=1, description="The instructions: what to do, one action each, in order.")
    cues: list[Cue] = Field(default_factory=list, description="Tips that help; the first (or the one with `card: true`) goes on cards.")
    dosage: Dosage = Field(description="How long and how many, as numbers, e.g. `{hold: {min: 15, max: 30, unit: seconds}}`.")
    stop_rules: list[Text] = Field(min_length=1, description="When to stop. Every exercise needs at least one.")
    cautions: list[Caution] = Field(default_factory=list, description="Things to watch for, shown in full.")
    variations: list[Variation] = Field(default_factory=list, description="Easier, harder or other ways to do it.")
    figures: list[Figure] = Field(default_factory=list, max_length=3, description="1 to 3 pictures: drawings (`kind: pose`) or photos.")
    source: SourceRef | None = Field(None, description="Where in the source this exercise comes from.")

    def all_figures(self) -> list[Figure]:
        """The exercise's pictures, then its variations', in page order."""
        return list(self.figures) + [f for v in self.variations for f in v.figures]

    def linked_parts(self) -> list[tuple[str, Linked]]:
        """Every linkable part of the page as (kind, part), in page order."""
        parts: list[tuple[str, Linked]] = [("step", s) for s in self.steps]
        parts += [("cue", c) for c in self.cues]
        parts += [("caution", c) for c in self.cautions]
        for variation in self.variations:
            parts.append(("variation", variation))
            parts += [("step", s) for s in variation.steps]
        return parts

    def anchors(self) -> list[tuple[str, str]]:
        """Every linkable part of the page as (kind, id), in page order."""
        return [(kind, part.id) for kind, part in self.linked_parts()]

    def alias_anchors(self) -> list[tuple[str, str, str]]:
        """Old ids that still land on a part, as (kind, old id, current id)."""
        return [(kind, alias, part.id) for kind, part in self.linked_parts() for alias in part.aliases]
