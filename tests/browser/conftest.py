"""A real Chromium (Debian's, through Playwright) and a local HTTP server for built sites."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.cards.browser import chromium, serve


@pytest.fixture(scope="session")
def browser() -> Iterator:
    if shutil.which("chromium") is None:
        pytest.fail("Debian's chromium is not installed; the README's test command installs it")
    with chromium() as browser:
        yield browser


@pytest.fixture(scope="session")
def fixture_url(fixture_site: Path) -> Iterator[str]:
    """The fixture site served over HTTP on loopback."""
    with serve(fixture_site) as url:
        yield url


@pytest.fixture(scope="session")
def guide_url(guide_site: Path) -> Iterator[str]:
    """The real guide served over HTTP on loopback."""
    with serve(guide_site) as url:
        yield url
