"""Figures: pictures of a position, always with alt text, caption and licence."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from generator.model.common import Id, Strict, Text
from generator.model.pose import PoseDrawing


class Figure(Strict):
    """One picture of an exercise: a pose drawn by the build, a photo, or a placeholder."""

    id: Id
    kind: Literal["placeholder", "pose", "photo"] = Field(description="`pose` for a drawing, `photo` for a photo, `placeholder` until either exists.")
    alt: Text = Field(description="What the picture shows, for people who cannot see it, e.g. `A person kneels and reaches forward`.")
    caption: Text = Field(description="A short caption shown under the picture.")
    licence: Text = Field(description="The licence of the picture, e.g. `CC BY 4.0`.")
    credit: Text = Field(description="Who made the picture.")
    card: bool = Field(False, description="`true` on the figure printed on cards (by default the exercise's first drawing or photo).")
    card_alt: Text | None = Field(
        None, description="What the card's picture shows, when the drawing has more than one frame: a card prints only the hold "
        "(`card_frame`, by default the last), so `alt` would describe frames it does not show, e.g. `A person sits back on the heels with the arms reaching forward`.",
    )
    pose: PoseDrawing | None = Field(None, description="The drawing, for `kind: pose`: a view, props and one to three frames.")
    src: str | None = Field(None, description="For `kind: photo`: the photo's path inside site_assets/, e.g. `photos/lunge.jpg`.")

    @property
    def card_text(self) -> str:
        """The alt text of the picture printed on cards."""
        return self.card_alt or self.alt

    @property
    def stretched_parts(self) -> tuple[str, ...]:
        """The parts the drawing marks as stretched, in the order first marked, each once."""
        frames = self.pose.frames if self.pose is not None else []
        return tuple(dict.fromkeys(part for frame in frames for part in frame.highlight))

    @property
    def marks_stretch(self) -> bool:
        """Whether the drawing marks a part being stretched (the page then says what the stripes mean)."""
        return bool(self.stretched_parts)

    @model_validator(mode="after")
    def _matches_kind(self) -> Figure:
        if self.kind == "pose" and self.pose is None:
            raise ValueError("a figure of kind 'pose' needs a 'pose:' description")
        if self.kind == "photo" and not self.src:
            raise ValueError("a figure of kind 'photo' needs 'src:', the photo's path inside site_assets/")
        if self.kind != "pose" and self.pose is not None:
            raise ValueError(f"'pose:' only goes with kind 'pose', not '{self.kind}'")
        if self.kind != "photo" and self.src is not None:
            raise ValueError(f"'src:' only goes with kind 'photo', not '{self.kind}'")
        return self
