"""Screenshot built pages at phone and desktop widths, in the light and the dark palette, with
headless Chromium, for review.

Usage: python scripts/screenshot.py SITE_DIR OUT_DIR PATH [PATH ...]
(PATH is a site path such as exercises/childs-pose/; add #anchor to land on a step.)
"""

from __future__ import annotations

import sys
from pathlib import Path

from generator.cards.browser import chromium, serve

WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}


def main(site: str, out: str, paths: list[str]) -> None:
    Path(out).mkdir(parents=True, exist_ok=True)
    with serve(Path(site)) as base, chromium() as browser:
        for scheme in ("light", "dark"):  # Material follows the system's scheme until a reader picks one
            for name, (width, height) in WIDTHS.items():
                page = browser.new_page(viewport={"width": width, "height": height}, color_scheme=scheme)
                for path in paths:
                    page.goto(base + path)
                    # Pictures below the fold load lazily: a full-page shot would show them as empty boxes.
                    page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')")
                    page.wait_for_load_state("networkidle")
                    slug = path.strip("/").replace("/", "_").replace("#", "__") or "home"
                    page.screenshot(path=f"{out}/{slug}-{name}-{scheme}.png", full_page="#" not in path)
                page.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
