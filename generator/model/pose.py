"""Pose descriptions: a side-view stick figure posed by segment angles, with props and arrows.

Angles are absolute, in degrees, measured counter-clockwise from pointing right (0 = right,
90 = up, 180 = left, -90 = down). The person faces right unless the angles say otherwise.
"near" limbs are on the viewer's side and drawn darker; "far" limbs are behind.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from .common import Strict

LIMBS = ("upper_arm", "forearm", "thigh", "shin", "foot")
SEGMENTS = ("trunk", "head") + tuple(f"{side}_{limb}" for side in ("near", "far") for limb in LIMBS)

PRESETS: dict[str, dict[str, float]] = {
    "standing": {"trunk": 90, "head": 90, "upper_arm": -90, "forearm": -90, "thigh": -90, "shin": -90, "foot": 0},
    "lying-on-back": {"trunk": 180, "head": 180, "upper_arm": 0, "forearm": 0, "thigh": 0, "shin": 0, "foot": 80},
    "lying-on-front": {"trunk": 180, "head": 180, "upper_arm": 0, "forearm": 0, "thigh": 0, "shin": 0, "foot": -10},
    "kneeling": {"trunk": 90, "head": 90, "upper_arm": -90, "forearm": -90, "thigh": -90, "shin": 180, "foot": 180},
    "sitting": {"trunk": 90, "head": 90, "upper_arm": -90, "forearm": -60, "thigh": 0, "shin": -90, "foot": 0},
}

Coordinate = Annotated[float, Field(ge=-5, le=5)]
Angle = Annotated[float, Field(ge=-360, le=360)]


class Prop(Strict):
    """Something in the scene. Positions are in body units; the pelvis starts at x = 0 and the floor is y = 0."""

    kind: Literal["roller", "chair", "bench", "stairs", "wall"] = Field(description="`roller`, `chair`, `bench`, `stairs` or `wall`.")
    x: Coordinate = Field(description="Where the prop stands, left to right (the middle of a roller or bench).")
    y: Coordinate = Field(0, description="Height of a roller's centre; ignored for other props.")
    along: bool = Field(False, description="A roller that runs along the body (seen as a long bar) instead of across it.")
    width: Annotated[float, Field(gt=0, le=3)] = Field(0.5, description="Width of a bench, or of each stair.")
    height: Annotated[float, Field(gt=0, le=2)] = Field(0.45, description="Height of a bench, or of each stair.")
    facing: Literal["left", "right"] = Field("right", description="Which way a chair faces or stairs climb.")


class Arrow(Strict):
    """A movement arrow from one point to another."""

    start: tuple[Coordinate, Coordinate] = Field(description="[x, y] where the arrow starts.")
    end: tuple[Coordinate, Coordinate] = Field(description="[x, y] where it points.")
    both_ways: bool = Field(False, description="Heads at both ends, for back-and-forth moves such as rolling.")


class Pose(Strict):
    """A drawn position: a preset, angle overrides, what to highlight, props and arrows."""

    preset: Literal["standing", "lying-on-back", "lying-on-front", "kneeling", "sitting"] = Field(
        description="The starting position: `standing`, `lying-on-back`, `lying-on-front`, `kneeling` or `sitting`."
    )
    angles: dict[str, Angle] = Field(default_factory=dict, description="Segment angles that differ from the preset, e.g. `{trunk: 150}`.")
    lift: Annotated[float, Field(ge=0, le=2)] = Field(0, description="How far the lowest point of the body sits above the floor (e.g. on a roller).")
    shift: Coordinate = Field(0, description="Moves the whole body left or right.")
    highlight: list[str] = Field(default_factory=list, description="Segments drawn in the accent colour: the part being stretched.")
    props: list[Prop] = Field(default_factory=list, description="Things in the picture, e.g. `[{kind: chair, x: 0.6}]`.")
    arrows: list[Arrow] = Field(default_factory=list, description="Movement arrows, e.g. `[{start: [0, 1], end: [0, 0.6]}]`.")

    @field_validator("angles")
    @classmethod
    def _known_segments(cls, angles: dict[str, float]) -> dict[str, float]:
        unknown = sorted(set(angles) - set(SEGMENTS))
        if unknown:
            raise ValueError(f"unknown segment {', '.join(repr(u) for u in unknown)}; use one of {', '.join(SEGMENTS)}")
        return angles

    @model_validator(mode="after")
    def _known_highlights(self) -> Pose:
        unknown = sorted(set(self.highlight) - set(SEGMENTS))
        if unknown:
            raise ValueError(f"cannot highlight unknown segment {', '.join(repr(u) for u in unknown)}; use one of {', '.join(SEGMENTS)}")
        return self

    def angle(self, segment: str) -> float:
        """The angle of a segment: the override, else the preset's value for that kind of segment."""
        if segment in self.angles:
            return self.angles[segment]
        base = segment.split("_", 1)[1] if segment.startswith(("near_", "far_")) else segment
        return PRESETS[self.preset][base]
