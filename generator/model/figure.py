"""Figures: pictures of a position, always with alt text, caption and licence."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import Id, Strict, Text


class Figure(Strict):
    """One picture of an exercise. Drawings come later; today a figure may be a placeholder."""

    id: Id
    kind: Literal["placeholder", "pose", "photo"] = Field(description="`placeholder` until a drawing or photo exists.")
    alt: Text = Field(description="What the picture shows, for people who cannot see it, e.g. `A person kneels and reaches forward`.")
    caption: Text = Field(description="A short caption shown under the picture.")
    licence: Text = Field(description="The licence of the picture, e.g. `CC BY 4.0`.")
    credit: Text = Field(description="Who made the picture.")
