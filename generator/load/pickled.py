"""Caches this program writes under .cache/ as pickles: what it parsed from content files, kept by
their bytes. Each is tied to a fingerprint of the code that made it, so a change to that code
can never be hidden by a stale cache. Never content: content is always read as YAML, safely."""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
from pathlib import Path
from typing import Any

import pydantic
import yaml


@functools.cache  # the code does not change while it runs
def fingerprint(*sources: Path) -> str:
    """A hash of these source files and of the Python, pydantic and PyYAML running them."""
    digest = hashlib.sha256(f"{sys.version}|{pydantic.VERSION}|{yaml.__version__}".encode())
    for source in sources:
        digest.update(source.read_bytes())
    return digest.hexdigest()


def read(cache: Path, code: str) -> Any | None:
    """What ``write`` kept in ``cache`` under the fingerprint ``code``; None when there is no
    such cache, or it was written by other code."""
    try:
        kept, data = pickle.loads(cache.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError):
        return None
    return data if kept == code else None


def write(cache: Path, code: str, data: Any) -> None:
    """Keep ``data`` in ``cache`` under the fingerprint ``code``. A rename keeps readers from half
    a file; a cache needs no flush to disk (a torn one is simply not read)."""
    cache.parent.mkdir(parents=True, exist_ok=True)
    temporary = cache.with_name(f".{cache.name}.{os.getpid()}")
    temporary.write_bytes(pickle.dumps((code, data), protocol=pickle.HIGHEST_PROTOCOL))
    os.replace(temporary, cache)
