"""Print the first-view weight (gzipped) and DOM size of every page of a built site.

Usage: python scripts/page_weight.py [SITE_DIR]   (default: site)
Budgets for exercise pages: 250 KB gzipped and 800 DOM elements."""

from __future__ import annotations

import sys
from pathlib import Path

from generator.cards.browser import chromium, serve
from generator.qa.page_weight import BUDGET_BYTES, BUDGET_ELEMENTS, measure


def main(site: Path) -> None:
    pages = sorted(
        "" if p.parent == site else p.parent.relative_to(site).as_posix() + "/"
        for p in site.rglob("index.html")
        if "data-traction-redirect" not in p.read_text(encoding="utf-8")
    )
    print(f"{'page':40} {'KB gz':>7} {'requests':>8} {'elements':>8}  other hosts")
    with serve(site) as base, chromium() as browser:
        for path in pages:
            w = measure(browser, base, site, path)
            flag = " over budget" if path.startswith("exercises/") and (w.gzipped_bytes > BUDGET_BYTES or w.elements > BUDGET_ELEMENTS) else ""
            print(f"/{path:39} {w.gzipped_bytes / 1024:7.1f} {w.requests:8} {w.elements:8}  {', '.join(w.outside_hosts) or 'none'}{flag}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "site"))
