"""An orthographic camera: where a 3D scene lands on the page and how near each point is.

World axes as in ``primitives``: x forward (the way the person faces in anatomical position),
y to the person's left, z up. Screen coordinates are centimetres, x right and y up.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

import numpy as np

# Named views: (azimuth, elevation) in degrees.
VIEWS: dict[str, tuple[float, float]] = {
    "side-left": (90.0, 0.0),
    "side-right": (-90.0, 0.0),
    "front": (0.0, 0.0),
    "back": (180.0, 0.0),
    "top": (0.0, 90.0),
    "three-quarter": (45.0, 30.0),
}


@dataclass(frozen=True)
class Camera:
    """Orthographic camera at ``azimuth`` (0 = in front, 90 = at the person's left) and
    ``elevation`` (90 = from above), both in degrees."""

    azimuth: float
    elevation: float

    @classmethod
    def named(cls, view: str) -> Camera:
        """The camera of a named view from ``VIEWS``."""
        azimuth, elevation = VIEWS[view]
        return cls(azimuth, elevation)

    @cached_property
    def basis(self) -> np.ndarray:
        """Rows: screen right r, screen up u, toward-camera c (orthonormal, right-handed)."""
        a = math.radians(self.azimuth)
        e = math.radians(self.elevation)
        c = np.array([math.cos(e) * math.cos(a), math.cos(e) * math.sin(a), math.sin(e)])
        r = np.array([-math.sin(a), math.cos(a), 0.0])
        u = np.cross(c, r)
        return np.array([r, u, c])

    @property
    def right(self) -> np.ndarray:
        return self.basis[0]

    @property
    def up(self) -> np.ndarray:
        return self.basis[1]

    @property
    def toward(self) -> np.ndarray:
        """Unit vector from the scene toward the camera."""
        return self.basis[2]

    def project(self, points: np.ndarray) -> np.ndarray:
        """Screen coordinates (N, 2) in cm of world points (N, 3)."""
        return np.asarray(points, dtype=float) @ self.basis[:2].T

    def depth(self, points: np.ndarray) -> np.ndarray:
        """Distance toward the camera (N,): larger is nearer the viewer."""
        return np.asarray(points, dtype=float) @ self.basis[2]

    def unproject(self, xy: np.ndarray, depth: np.ndarray | float = 0.0) -> np.ndarray:
        """World points (N, 3) at screen points ``xy`` (N, 2) and the given depth."""
        xy = np.asarray(xy, dtype=float)
        d = np.broadcast_to(np.asarray(depth, dtype=float), xy.shape[:1])
        return xy[:, :1] * self.basis[0] + xy[:, 1:2] * self.basis[1] + d[:, None] * self.basis[2]
