"""The 3D volumes a picture is made of, in centimetres.

World axes: x and y lie on the floor, z points up; the floor is z = 0. Every volume is convex, so
under an orthographic camera its outline is exact and closed-form: a round cone projects to the
convex hull of two circles, an ellipsoid to an ellipse, a box and a cylinder to a convex polygon.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import numpy as np

Vec = np.ndarray  # shape (3,), float
Role = Literal["body", "far", "hand", "hair", "eye", "accent", "prop", "floor"]
PERSON = ("body", "far", "hand", "accent")  # the roles of a person's parts


@dataclass(frozen=True)
class RoundCone:
    """The convex hull of two spheres: a limb, the neck, a hand or a foot."""

    a: Vec
    b: Vec
    ra: float
    rb: float


@dataclass(frozen=True)
class Ellipsoid:
    """An ellipsoid: the head, chest, abdomen or pelvis. ``axes`` holds its three half-axes as rows
    (each a vector whose length is that half-axis), so the surface is centre + axesᵀ·u, |u| = 1."""

    centre: Vec
    axes: np.ndarray  # shape (3, 3)


@dataclass(frozen=True)
class Box:
    """A box: a chair seat or leg, a step, a wall, a mat. ``axes`` as for Ellipsoid: half-extents."""

    centre: Vec
    axes: np.ndarray  # shape (3, 3)


@dataclass(frozen=True)
class Cylinder:
    """A flat-ended cylinder from ``a`` to ``b``: a foam roller."""

    a: Vec
    b: Vec
    r: float


Volume = RoundCone | Ellipsoid | Box | Cylinder


def extent(volume: Volume) -> tuple[np.ndarray, np.ndarray]:
    """World axis-aligned bounding box (lo, hi) of a volume."""
    if isinstance(volume, RoundCone):
        a, b = np.asarray(volume.a, dtype=float), np.asarray(volume.b, dtype=float)
        return np.minimum(a - volume.ra, b - volume.rb), np.maximum(a + volume.ra, b + volume.rb)
    if isinstance(volume, Cylinder):
        a, b = np.asarray(volume.a, dtype=float), np.asarray(volume.b, dtype=float)
        w = (b - a) / np.linalg.norm(b - a)
        h = volume.r * np.sqrt(np.maximum(0.0, 1.0 - w * w))
        return np.minimum(a, b) - h, np.maximum(a, b) + h
    axes = np.asarray(volume.axes, dtype=float)
    c = np.asarray(volume.centre, dtype=float)
    h = np.linalg.norm(axes, axis=0) if isinstance(volume, Ellipsoid) else np.abs(axes).sum(axis=0)
    return c - h, c + h


@dataclass(frozen=True)
class Part:
    """One named volume of a scene and how it is painted.

    ``name`` is unique within a frame (``left thigh``, ``roller``); ``role`` picks the colours
    (``accent`` = the part being stretched, drawn in the accent colour with a hatch); ``figure``
    groups the parts of one person, so the thick outer contour is drawn per person and props.
    """

    name: str
    volume: Volume
    role: Role = "body"
    neighbours: frozenset[str] = field(default_factory=frozenset)  # joined parts: overlap is expected


@dataclass(frozen=True)
class Patch:
    """A region of one part's surface painted in its own colour, such as hair on the head.

    The host must be an ellipsoid, centre + axesᵀ·u with |u| = 1; the patch is where
    u·``normal`` ≥ ``level`` (``normal`` in those same u coordinates), so it follows the part as it
    turns. Only painted: it has no volume of its own."""

    host: str
    normal: tuple[float, float, float]
    level: float
    role: Role


@dataclass(frozen=True)
class Shadow:
    """A contact shadow: a convex polygon round where the part named ``host`` rests on the floor
    (corners at z = 0), or, when ``on`` names a prop's part, on its flat top (a chair seat, a step)."""

    host: str
    corners: np.ndarray  # shape (N, 3)
    on: str | None = None


@dataclass(frozen=True)
class Arrow3D:
    """A movement arrow in the scene. ``kind``: straight (one head), both (two heads), or curved
    (an arc about ``centre`` from ``a`` to ``b``, the way the shorter turn goes unless ``long``).
    A curved arrow with a ``path`` follows those points instead: a turn in 3D (about the vertical)
    that the camera sees as an ellipse, not a circle. An angle is a ``path`` drawn thin with no
    head, and its ``text`` (the size in degrees) beside its middle."""

    kind: Literal["straight", "both", "curved", "angle"]
    a: Vec
    b: Vec
    centre: Vec | None = None
    long: bool = False
    path: tuple[Vec, ...] = ()
    text: str = ""


@dataclass(frozen=True)
class Frame:
    """One drawn moment: the parts of the person and props, and the arrows on top."""

    parts: tuple[Part, ...]
    arrows: tuple[Arrow3D, ...] = ()
    label: str = ""
    ghost: tuple[Part, ...] = ()  # a faint earlier position drawn underneath
    patches: tuple[Patch, ...] = ()  # painted on their host parts, right after them
    # A close-up: this panel shows only a round window (centre, width in cm) of the scene, magnified.
    close_up: tuple[Vec, float] | None = None
    # The window the next panel magnifies, circled in this one.
    marker: tuple[Vec, float] | None = None
    shadows: tuple[Shadow, ...] = ()  # on the floor round the parts that rest on it
