"""Screenshot built pages at phone and desktop widths with headless Chromium, for review.

Usage: python scripts/screenshot.py SITE_DIR OUT_DIR PATH [PATH ...]
(PATH is a site path such as exercises/childs-pose/; add #anchor to land on a step.)
"""

from __future__ import annotations

import functools
import http.server
import shutil
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass


def main(site: str, out: str, paths: list[str]) -> None:
    handler = functools.partial(QuietHandler, directory=site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    Path(out).mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        for name, (width, height) in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            for path in paths:
                page.goto(f"http://127.0.0.1:{server.server_port}/{path}")
                slug = path.strip("/").replace("/", "_").replace("#", "__") or "home"
                page.screenshot(path=f"{out}/{slug}-{name}.png", full_page="#" not in path)
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
