"""Work spread over every core, and files written so that no reader ever sees half of one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def parallel_map(function: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """``[function(x) for x in items]``, in worker processes when there is enough work for more
    than one core. Results come back in order, so output never depends on scheduling."""
    workers = min(os.cpu_count() or 1, len(items))
    if workers < 2:
        return [function(item) for item in items]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(function, items))


def _default_mode() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


FILE_MODE = _default_mode()  # what open() would give a new file (mkstemp makes it private)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file, flushed to disk, and a rename: a
    reader (or the next build, after this one is killed) sees the old file or the new one whole."""
    _through_temporary(path, data, lambda temporary: os.replace(temporary, path))


def write_once(path: Path, data: bytes) -> None:
    """Like ``write_atomic`` for a file named by its content, but an existing file is kept: two
    builds that render the same figure at once both succeed, and a site's hard link to the first
    copy stays a link into the cache (a rename would leave it pointing at a file the cache no
    longer holds)."""

    def link(temporary: str) -> None:
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass  # the same bytes, written by another build first
        Path(temporary).unlink()

    _through_temporary(path, data, link)


def _through_temporary(path: Path, data: bytes, publish: Callable[[str], None]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.tmp-")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fchmod(stream.fileno(), path.stat().st_mode & 0o777 if path.exists() else FILE_MODE)
            os.fsync(stream.fileno())
        publish(temporary)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
