"""What a page's first view costs: every file the browser fetches (HTML, CSS, JS, fonts, images,
the search index), measured gzipped, and the number of DOM elements."""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

if TYPE_CHECKING:  # playwright is only installed with the pdf/test extras
    from playwright.sync_api import Browser

BUDGET_BYTES = 250 * 1024
BUDGET_ELEMENTS = 800


@dataclass(frozen=True)
class PageWeight:
    path: str
    gzipped_bytes: int
    requests: int
    elements: int
    outside_hosts: tuple[str, ...]  # anything fetched from another host (there must be none)


def _gzipped(file: Path) -> int:
    return len(gzip.compress(file.read_bytes(), compresslevel=9, mtime=0))


def measure(browser: Browser, base: str, site: Path, path: str) -> PageWeight:
    """Load ``path`` in a fresh, cache-less browser context and add up what it fetched."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    page.goto(base + path, wait_until="networkidle")
    elements = page.evaluate("document.getElementsByTagName('*').length")
    context.close()
    local = [u for u in urls if u.startswith(base)]
    outside = tuple(sorted({urlsplit(u).netloc for u in urls if not u.startswith(base) and not u.startswith("data:")}))
    total = 0
    for url in set(local):
        file = site / unquote(urlsplit(url).path).lstrip("/")
        if file.is_dir():
            file = file / "index.html"
        if file.is_file():
            total += _gzipped(file)
    return PageWeight(path, total, len(urls), elements, outside)
