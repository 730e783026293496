"""Pieces of the last build, reused while what they were made from is unchanged.

A build renders every exercise's page, its row on the clinician page, its part of the builder,
the players and api/guide.json. A piece's key names the content objects it was made from, by a
digest of what they hold, and the plain values it depends on; a later build with the same key
takes the piece back instead of rendering it again. A live preview keeps the pieces in memory
between saves; `traction build` keeps them on disk (``Reuse.kept_in``), tied to a fingerprint
of the code that renders them, so a change to that code renders everything again.
"""

from __future__ import annotations

import functools
import hashlib
import pickle
from collections.abc import Callable, Hashable
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from generator.load import pickled
from generator.model.memo import ByObject

T = TypeVar("T")
_DIGESTS: ByObject[bytes] = ByObject()
# Libraries whose output ends up in a page, besides the ones every cache names (load/pickled.py).
_LIBRARIES = ("jinja2", "markupsafe", "segno", "pillow")


def digest(obj: object) -> bytes:
    """What a content object holds, as a short hash; kept with the object, which never changes."""
    if obj is None:
        return b""
    known = _DIGESTS.get(obj)
    if known is None:
        assert isinstance(obj, BaseModel), f"a piece's key names content objects, not {type(obj).__name__}"
        text = f"{type(obj).__qualname__}\0{obj.model_dump_json()}"
        known = _DIGESTS.put(obj, hashlib.blake2b(text.encode(), digest_size=16).digest())
    return known


def values_digest(values: Hashable) -> bytes:
    """Plain values many keys share (the guide's exercise ids, the build's settings) as one short
    hash, worked out once: a long tuple is hashed again on every lookup."""
    return hashlib.blake2b(pickle.dumps(values, protocol=5), digest_size=16).digest()


@functools.cache  # the code does not change while it runs
def code_fingerprint() -> str:
    """The fingerprint of everything that renders a piece: the generator's code, templates and
    data files, and the libraries they call."""
    package = Path(__file__).resolve().parent.parent
    sources = sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    versions = "|".join(f"{name} {metadata.version(name)}" for name in _LIBRARIES)
    return hashlib.sha256(f"{versions}|{pickled.fingerprint(*sources)}".encode()).hexdigest()


class _Packed(bytes):
    """A piece as the cache on disk keeps it, pickled on its own: a build unpickles only the pieces
    it asks for (the whole-guide pages), and carries their parts along as they are."""


class Reuse:
    """What one build rendered, by key, for the next build to take back.

    A piece may be made of pieces (a whole-guide page of every exercise's row): when the whole is
    taken back, so are its parts, so that the next change renders only the parts it touches."""

    def __init__(self) -> None:
        self._last: dict[Hashable, tuple[Any, tuple[Hashable, ...]]] = {}  # key → (piece, keys of its parts)
        self._now: dict[Hashable, tuple[Any, tuple[Hashable, ...]]] = {}
        self._making: list[list[Hashable]] = []  # the parts of each piece being made, innermost last
        self._kept: Path | None = None
        self.made = 0  # pieces rendered by this build, not taken back
        self.last_made = 0  # the same, for the build that ended last

    @classmethod
    def kept_in(cls, cache: Path) -> Reuse:
        """A Reuse that starts from what the last build kept in ``cache`` and keeps this build's
        pieces there when it rendered any."""
        reuse = cls()
        reuse._kept = cache
        kept = pickled.read(cache, code_fingerprint()) or {}
        reuse._last = {key: (_Packed(piece), parts) for key, (piece, parts) in kept.items()}
        return reuse

    def get(self, kind: str, objects: tuple[object, ...], values: Hashable, make: Callable[[], T]) -> T:
        """The piece of ``kind`` made from ``objects`` (content objects, compared by what they
        hold) and ``values`` (compared by equality): taken from the last build when there, else
        made now."""
        key = (kind, tuple(map(digest, objects)), values)
        if self._making:
            self._making[-1].append(key)
        if key not in self._now:
            if key in self._last:
                self._take(key)
            else:
                self._making.append([])
                try:
                    piece = make()
                finally:
                    parts = tuple(self._making.pop())
                self._now[key] = (piece, parts)
                self.made += 1
        piece, parts = self._now[key]
        if isinstance(piece, _Packed):
            piece = pickle.loads(piece)
            self._now[key] = (piece, parts)
        return piece

    def _take(self, key: Hashable) -> None:
        """Take a piece of the last build back, with its parts."""
        entry = self._now[key] = self._last[key]
        for part in entry[1]:
            if part not in self._now and part in self._last:
                self._take(part)

    def next_build(self) -> None:
        """Keep what this build used; what it did not use is dropped."""
        if self._kept is not None and (self.made or len(self._now) != len(self._last)):
            kept = {key: (piece if isinstance(piece, _Packed) else pickle.dumps(piece, protocol=pickle.HIGHEST_PROTOCOL), parts)
                    for key, (piece, parts) in self._now.items()}
            pickled.write(self._kept, code_fingerprint(), kept)
        self._last, self._now, self.made, self.last_made = self._now, {}, 0, self.made
