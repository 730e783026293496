"""Guide: title, credit, review record, safety text and the stages of the sequence."""

from __future__ import annotations

import datetime as dt

from pydantic import Field, PositiveInt

from generator.model.common import Id, Strict, Text


class Source(Strict):
    """The published work the guide's facts come from."""

    author: Text = Field(description="Who wrote the source, e.g. `Joe Uhan`.")
    author_role: Text | None = Field(None, description="What the author does, e.g. `Physical therapist`.")
    title: Text = Field(description="The source's title, exactly as published.")
    publisher: Text = Field(description="Where it was published, e.g. `iRunFar`.")
    published: dt.date = Field(description="Date of publication, e.g. `2023-06-09`.")
    url: Text | None = Field(None, description="Only if the address is confirmed.")


class Review(Strict):
    """Who wrote and checked this guide, and when."""

    written_by: Text = Field(description="Who wrote this guide's text, e.g. `Traction contributors`.")
    reviewed_by: Text | None = Field(None, description="The clinician who checked it. Leave out until someone has.")
    last_reviewed: dt.date = Field(description="When the text was last checked, e.g. `2026-11-24`.")
    version: Text = Field(description="The guide's version, printed on cards, e.g. `1.0.0`.")


class Stage(Strict):
    """One numbered stage of the sequence, holding one or more exercises."""

    number: PositiveInt = Field(description="The stage's number in the sequence: 1, 2, 3…")
    id: Id
    title: Text = Field(description="A short name, e.g. `Upper back (thoracic spine)`.")
    summary: Text = Field(description="One plain sentence on what this stage does.")
    exercises: list[Id] = Field(min_length=1, description="Ids of the exercises in this stage, in order, e.g. `[childs-pose]`.")


class AcutePain(Strict):
    """One decision for someone whose pain is new and intense: which routine, or where to start."""

    question: Text = Field(description="The question, e.g. `Is your pain new and intense, so any movement hurts a lot?`")
    if_yes: Text = Field(description="What to do if the answer is yes.")
    routine: Id | None = Field(None, description="The id of the routine for a yes, e.g. `gentle-start`.")
    if_no: Text = Field(description="What to do if the answer is no, e.g. `Start at part 1.`")
    notes: list[Text] = Field(default_factory=list, description="Points that hold either way, one per item.")


class Citation(Strict):
    """A published clinical guideline the safety text follows."""

    title: Text = Field(description="The guideline's title, exactly as published.")
    publisher: Text = Field(description="Who published it, e.g. `National Institute for Health and Care Excellence (NICE)`.")
    reference: Text | None = Field(None, description="Its number or date, e.g. `NG59, 2016, updated 2020`.")
    url: Text | None = Field(None, description="Its public address.")


class RedFlags(Strict):
    """Warning signs in three tiers, from the most urgent. Never folded away."""

    emergency: list[Text] = Field(min_length=1, description="Go to an emergency department now, e.g. `New problems controlling your bladder or bowels`.")
    today: list[Text] = Field(min_length=1, description="Contact a doctor today, e.g. `Fever with your back pain`.")
    before_you_start: list[Text] = Field(min_length=1, description="Check with a doctor before you start, e.g. `A history of cancer`.")
    guideline: list[Citation] = Field(min_length=1, description="The published guidelines the tiers follow, cited on the About page.")

    def tiers(self) -> list[tuple[str, list[str]]]:
        """(tier, signs) from the most urgent."""
        return [("emergency", self.emergency), ("today", self.today), ("before_you_start", self.before_you_start)]


class Safety(Strict):
    """Safety text for the 'Before you start' page and the cards. Never folded away."""

    intro: Text = Field(description="The opening lines of the 'Before you start' page.")
    acute_pain: AcutePain = Field(description="The decision for pain that is new and intense.")
    stop_rules: list[Text] = Field(min_length=1, description="When to stop any exercise, one rule per item.")
    red_flags: RedFlags = Field(description="Warning signs in three tiers: emergency now, doctor today, doctor before you start.")


class Guide(Strict):
    """The guide as a whole."""

    title: Text = Field(description="The guide's title, e.g. `Ease your low back`.")
    short_title: Text | None = Field(
        None, max_length=12,
        description="A name of at most 12 characters for a phone's home screen, e.g. `Low back`; the title when not given.",
    )
    summary: Text = Field(description="One or two plain sentences for the home page.")
    audience: Text = Field(description="Who the guide is for.")
    language: str = Field("en", pattern=r"^[a-z]{2}(-[A-Z]{2})?$", description="Language code of the text, e.g. `en`.")
    source: Source = Field(description="The published work the facts come from, credited on every page.")
    disclaimer: Text = Field(description="The 'not medical advice' note.")
    review: Review = Field(description="Who wrote and checked the guide, and when.")
    safety: Safety = Field(description="Safety text, shown in full on the 'Before you start' page and the cards.")
    stages: list[Stage] = Field(min_length=1, description="The numbered stages of the sequence, gentlest first.")
