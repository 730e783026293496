"""How long each of our own parts of a build took, so the benchmark (bench/run.py) can tell our
share of a build from MkDocs' and the disk's. Kept only when TRACTION_TIMINGS names a file."""

from __future__ import annotations

import json
import os
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ENV = "TRACTION_TIMINGS"
_spent: defaultdict[str, float] = defaultdict(float)


@contextmanager
def timed(part: str) -> Iterator[None]:
    """Add the wall time of the block to ``part``."""
    start = time.perf_counter()
    try:
        yield
    finally:
        _spent[part] += time.perf_counter() - start


def write() -> None:
    """Write the parts' seconds as JSON to the file TRACTION_TIMINGS names, if it names one."""
    target = os.environ.get(ENV)
    if target:
        Path(target).write_text(json.dumps(dict(sorted(_spent.items())), indent=1) + "\n", encoding="utf-8")
