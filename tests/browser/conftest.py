"""A real Chromium (Debian's, through Playwright) and a local HTTP server for built sites."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.cards.browser import chromium, serve


class WorkerlessBrowser:
    """The browser, with the guide's service worker blocked unless a test asks for it
    (``service_workers="allow"``): a worker precaches the whole site in every new context, which
    only the offline tests (test_webapp.py) need, and costs the rest minutes."""

    def __init__(self, browser: Any) -> None:
        self._browser = browser

    def new_context(self, **options: Any) -> Any:
        return self._browser.new_context(**{"service_workers": "block", **options})

    def new_page(self, **options: Any) -> Any:
        return self._browser.new_page(**{"service_workers": "block", **options})

    def __getattr__(self, name: str) -> Any:
        return getattr(self._browser, name)


@pytest.fixture(scope="session")
def browser() -> Iterator:
    if shutil.which("chromium") is None:
        pytest.fail("Debian's chromium is not installed; the README's test command installs it")
    with chromium() as browser:
        yield WorkerlessBrowser(browser)


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
