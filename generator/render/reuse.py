"""Pieces of the last build, reused while what they were made from is unchanged.

A live preview builds the guide again after every save. The loader hands back the very same
objects for files whose bytes did not change (generator/load/content.py), so a piece of a page
rendered from an exercise can be kept for as long as that exercise object is the one in use.
A key names the objects a piece was made from (by identity, kept alive with the piece) and the
plain values it depends on. A cold build starts with nothing to reuse and renders everything.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")


class Reuse:
    """What one build rendered, by key, for the next build to take back."""

    def __init__(self) -> None:
        self._last: dict[Hashable, tuple[Any, tuple[object, ...]]] = {}
        self._now: dict[Hashable, tuple[Any, tuple[object, ...]]] = {}

    def get(self, kind: str, objects: tuple[object, ...], values: Hashable, make: Callable[[], T]) -> T:
        """The piece of ``kind`` made from ``objects`` (compared by identity) and ``values``
        (compared by equality): taken from the last build when there, else made now."""
        key = (kind, tuple(map(id, objects)), values)
        found = self._now.get(key) or self._last.get(key)
        if found is None:
            found = (make(), objects)  # the objects stay alive with the piece, so their ids stay theirs
        self._now[key] = found
        return found[0]

    def next_build(self) -> None:
        """Keep what this build used; what it did not use is dropped."""
        self._last, self._now = self._now, {}
