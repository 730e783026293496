"""Checks over a built site's HTML: every internal link and anchor resolves."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value}  # an attribute without a value names nothing
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        self.refs += [values[attribute] for attribute in ("href", "src") if attribute in values]
        if values.get("srcset"):
            self.refs += [part.strip().split(" ")[0] for part in values["srcset"].split(",")]


def _parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def broken_links(site: Path) -> list[str]:
    """Every internal link or anchor in ``site`` that leads nowhere, as 'page: link'."""
    pages = {p: _parse(p) for p in sorted(site.rglob("*.html"))}
    problems = []
    for page, parsed in pages.items():
        for ref in parsed.refs:
            parts = urlsplit(ref)
            if parts.scheme or parts.netloc or ref.startswith(("mailto:", "data:", "javascript:")):
                continue  # external: not ours to check (the privacy test checks what is fetched)
            base = page.parent
            target = (base / unquote(parts.path)).resolve() if parts.path else page
            if parts.path.startswith("/"):
                target = (site / unquote(parts.path).lstrip("/")).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                problems.append(f"{page.relative_to(site)}: {ref}")
                continue
            if "=" in parts.fragment:
                continue  # '#x=…' is data for the page's script (the builder, the player), not an anchor
            if parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if parts.fragment not in ids:
                    problems.append(f"{page.relative_to(site)}: {ref} (no such anchor)")
    return problems
