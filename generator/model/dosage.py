"""Dosage: how long, how many, how often, as structured numbers (prose is rendered from it)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, PositiveInt, model_validator

from generator.model.common import Strict

Unit = Literal["seconds", "minutes", "breaths"]


class Range(Strict):
    """From ``min`` to ``max`` (or exactly ``min``)."""

    min: PositiveInt = Field(description="The smallest number, e.g. `15`.")
    max: PositiveInt | None = Field(None, description="The largest number, e.g. `30`. Leave out for an exact number.")

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if self.max is not None and self.max < self.min:
            raise ValueError(f"max ({self.max}) must not be smaller than min ({self.min})")
        return self


class Count(Range):
    """A range of repetitions, e.g. 4–6 times."""


class Amount(Range):
    """A range of time or breaths, e.g. 15–30 seconds."""

    unit: Unit = Field(description="One of `seconds`, `minutes` or `breaths`.")


class Frequency(Strict):
    """How often the exercise is done, e.g. 2 times a day."""

    times: Count = Field(description="How many times, e.g. `{min: 1, max: 2}`.")
    per: Literal["day", "week"] = Field(description="`day` or `week`.")


class Dosage(Strict):
    """How long and how many. Give at least one of `duration`, `hold` or `repetitions`."""

    duration: Amount | None = Field(None, description="Keep moving for this long, e.g. `{min: 1, max: 2, unit: minutes}`.")
    hold: Amount | None = Field(None, description="Hold the position for this long, e.g. `{min: 3, max: 5, unit: breaths}`.")
    repetitions: Count | Literal["several", "as needed"] | None = Field(
        None, description="How many times, e.g. `{min: 3, max: 10}`, or the words `several` or `as needed`."
    )
    per_side: bool = Field(False, description="`true` when the numbers apply to each side of the body.")
    sets: Count | None = Field(None, description="How many rounds of the repetitions, if the source gives it.")
    frequency: Frequency | None = Field(None, description="How often, if the source gives it.")

    @model_validator(mode="after")
    def _something(self) -> Dosage:
        if self.duration is None and self.hold is None and self.repetitions is None:
            raise ValueError("give at least one of duration, hold or repetitions")
        return self
