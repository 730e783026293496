"""Values worked out from a content object, kept while this process runs.

The loader hands back the very same objects for files whose bytes did not change
(load/content.py), so an object's identity names what was loaded. A value worked out from one
(its links, its pose checks, a drawing's cache key) is kept with the object itself, which keeps
the object alive: its id can never be reused by another object.
"""

from __future__ import annotations

from typing import Generic, TypeVar

T = TypeVar("T")


class ByObject(Generic[T]):
    """Values by the object they were worked out from."""

    def __init__(self) -> None:
        self._known: dict[int, tuple[object, T]] = {}

    def get(self, obj: object) -> T | None:
        """The value kept for ``obj``, or None."""
        found = self._known.get(id(obj))
        return found[1] if found is not None else None

    def put(self, obj: object, value: T) -> T:
        """Keep ``value`` for ``obj``; returns it."""
        self._known[id(obj)] = (obj, value)
        return value
