"""Headless Chromium for printing cards: Debian's browser driven by Playwright, pages served from
a built site on loopback. Used by `traction cards --pdf`, the tests and the review scripts."""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from generator.model import urls

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
PAPER_FORMATS = {"a4": "A4", "letter": "Letter"}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # keep output readable
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if not (code == 404 and send_not_found_page(self, Path(self.directory))):
            super().send_error(code, message, explain)


def send_not_found_page(handler: http.server.BaseHTTPRequestHandler, folder: Path) -> bool:
    """Answer a missing page with the site's 404.html, as static hosts (GitHub Pages, Netlify) do.
    False when the site has none."""
    page = folder / "404.html"
    if not page.is_file():
        return False
    body = page.read_bytes()
    handler.send_response(404)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    if handler.command != "HEAD":
        handler.wfile.write(body)
    return True


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # A browser that closes a page mid-download (a service worker still precaching) is normal here.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on a free loopback port; yields the base URL (ending in '/')."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


class BrowserMissing(RuntimeError):
    """Printing needs Playwright and Debian's chromium; the message says how to install them."""


def find_chromium() -> str:
    """The chromium executable, after checking that Playwright is installed too."""
    try:  # an optional dependency: only printing needs it
        import playwright.sync_api
    except ImportError:
        raise BrowserMissing("printing cards needs Playwright: install it with `pip install -e .[pdf]`"
                             " (and Debian's chromium: `apt-get install chromium`)") from None
    del playwright  # only whether it imports matters here
    executable = shutil.which("chromium")
    if executable is None:
        raise BrowserMissing("printing cards needs Debian's chromium, which is not installed (or not on PATH):"
                             " install it with `apt-get install chromium` (as root, or with sudo)")
    return executable


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Debian Chromium through Playwright (which cannot download browsers here)."""
    executable = find_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def print_cards(site_dir: Path, into_site: bool = False, out_dir: Path | None = None) -> list[Path]:
    """Print every routine card of a built site to PDF, in A4 and in US Letter.

    Writes beside each card page (``into_site``: cards/<id>/<id>-a4.pdf) or flat into ``out_dir``.
    """
    routines = json.loads((site_dir / "api" / "guide.json").read_text(encoding="utf-8"))["routines"]
    written = []
    with serve(site_dir) as base, chromium() as browser:
        page = browser.new_page(service_workers="block")  # printing needs no offline copy
        for routine in routines:
            page.goto(base + urls.card_path(routine["id"]))
            for paper, paper_format in PAPER_FORMATS.items():
                relative = urls.card_pdf(routine["id"], paper)
                target = site_dir / relative if into_site else Path(out_dir or ".") / Path(relative).name
                target.parent.mkdir(parents=True, exist_ok=True)
                page.pdf(path=str(target), format=paper_format, print_background=True)
                written.append(target)
        page.close()
    return written
