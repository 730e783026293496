"""Shared pieces of the property-based tests: settings, a guard against hangs, and the invariant
that every problem is located."""

from __future__ import annotations

import os
import shutil
import signal
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml
from hypothesis import HealthCheck, settings

from generator.load.problems import Problem
from tests.conftest import REPO

# The seeded run in the normal test command; TRACTION_FUZZ_EXAMPLES=50000 spreads a long,
# randomised run over the same tests (in proportion to their share of the seeded run).
SEEDED_TOTAL = 2150  # the shares in the six @fuzz_settings(...) add up to this (one is the builder, in tests/browser)
LONG_RUN = int(os.environ.get("TRACTION_FUZZ_EXAMPLES", "0"))
HANG_SECONDS = 60  # far above any real example; only a hang ever reaches it
POSE_CACHE = REPO / ".cache" / "traction" / "poses"  # shared with the CLI and the plugin


def fuzz_settings(share: int) -> settings:
    """Hypothesis settings for a test that runs ``share`` of the seeded examples."""
    examples = max(1, LONG_RUN * share // SEEDED_TOTAL) if LONG_RUN else share
    return settings(
        max_examples=examples,
        derandomize=not LONG_RUN,  # the normal run is the same every time
        deadline=None,  # timing on shared CI cores is noise; `no_hang` catches real hangs
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
        print_blob=True,
    )


class Hang(Exception):
    """An example ran far longer than any input should take."""


@contextmanager
def no_hang(seconds: int = HANG_SECONDS) -> Iterator[None]:
    """Fail (rather than wait forever) if the body does not finish within ``seconds``."""

    def expire(signum: int, frame: object) -> None:
        raise Hang(f"no result after {seconds} s: the input made it hang")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def line_count(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n") + 1
    except OSError:
        return 1


def assert_located(problems: Iterable[Problem], files: dict[str, Path]) -> None:
    """Every problem names one of ``files`` (display name → path), a line inside it and a
    column, and says what was expected and what was found."""
    problems = list(problems)
    assert problems, "a failure must name at least one problem"
    for problem in problems:
        assert problem.file in files, f"problem in an unknown file: {problem}"
        assert 1 <= problem.line <= line_count(files[problem.file]), f"line outside the file: {problem}"
        assert problem.column >= 1, problem
        assert problem.message and problem.expected and problem.found, f"problem without expected/found: {problem}"


def copy_guide(target: Path) -> Path:
    """A copy of the real content folder (with its links.yaml) at ``target``."""
    shutil.copytree(REPO / "content", target, ignore=shutil.ignore_patterns("pages", "README.md"))
    return target


class NoAliases(yaml.SafeDumper):
    """Dumps a repeated object in full each time (PyYAML would write an alias, which we refuse)."""

    def ignore_aliases(self, data: object) -> bool:
        return True
