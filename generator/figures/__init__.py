"""Figures: pose drawings rendered with Pillow, photos made safe, both cached by content hash."""

from .draw import RENDERER_VERSION, draw
from .skeleton import skeleton

__all__ = ["RENDERER_VERSION", "draw", "skeleton"]
