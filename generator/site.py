"""Everything a build generates from validated content, in one plan the adapters publish."""

from __future__ import annotations

from dataclasses import dataclass

from . import links
from .content import Content
from .export import EXPORT_SRC, guide_json
from .problems import ContentError
from .redirects import redirect_files
from .registry import REGISTRY_EXPORT, RegisteredLink, check, dump, load_registry, update
from .render import BUILDER_SRC, CLINICIANS_SRC, render_pages


@dataclass(frozen=True)
class SitePlan:
    """Generated Markdown pages, other generated files, and the link registry after this build."""

    pages: dict[str, str]
    files: dict[str, str]
    links: list[RegisteredLink]
    registry_changed: bool


def plan_site(
    content: Content,
    site_url: str | None,
    hand_pages: list[str],
    card_pdfs: bool = False,
    offline: bool = False,
    download: str | None = None,
) -> SitePlan:
    """Check the link registry, then render every page, redirect and export. Raises ContentError
    if a published link would disappear. ``hand_pages`` are Markdown sources from the docs folder.

    ``offline`` plans the file:// copy (no directory URLs, no short-link redirects); ``download``
    is the site path of the offline zip, linked from the home and About pages."""
    registered, registry_path = load_registry(content.root)
    other_pages = sorted(links.page_path(p) for p in hand_pages) + [links.page_path(CLINICIANS_SRC), links.page_path(BUILDER_SRC)]
    problems = check(registered, registry_path, content, other_pages)
    if problems:
        raise ContentError(problems)
    entries = update(registered, content, other_pages)
    codes = {e.url: e.code for e in entries if e.code}
    pages = render_pages(content, site_url, card_pdfs, codes, directory_urls=not offline, download=download)
    files = {
        EXPORT_SRC: guide_json(content, site_url, entries),
        REGISTRY_EXPORT: dump(entries),  # `traction build` copies it to content/ after a good build
    }
    if not offline:  # short links and old addresses belong to the hosted guide
        files.update(redirect_files(entries, content, site_url))
    return SitePlan(pages, files, entries, entries != registered)
