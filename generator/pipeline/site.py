"""The one entry of a build: ``build_site(settings)`` loads the content and returns everything
the site publishes. The MkDocs plugin, `traction build`, `serve` and `export` only publish it."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.figures.parallel import write_atomic
from generator.figures.store import FigureStore
from generator.load.content import Content, load_content
from generator.load.problems import ContentError
from generator.load.registry import REGISTRY_EXPORT, RegisteredLink, aliases, check, load_registry, registry_text, update
from generator.model import Exercise, urls
from generator.model.urls import BUILDER_SRC, CLINICIANS_SRC, OFFLINE_ZIP_SRC
from generator.pipeline.settings import Settings
from generator.render import webapp
from generator.render.export import EXPORT_SRC, guide_json
from generator.render.navigation import navigation
from generator.render.pages import render_pages, theme_extra
from generator.render.redirects import redirect_files
from generator.render.reuse import Reuse, values_digest
from generator.render.webapp import MANIFEST_SRC, icon_files, icon_png, manifest


@dataclass(frozen=True)
class PagePlan:
    """Generated Markdown pages, other generated files, and the link registry after this build."""

    pages: dict[str, str]
    files: dict[str, str]
    links: list[RegisteredLink]
    registry_changed: bool


@dataclass(frozen=True)
class Counts:
    """What a build made, for the one line every `traction build` ends with."""

    pages: int  # generated and hand-written
    exercises: int
    cards: int
    figures_drawn: int
    figures_cached: int


@dataclass(frozen=True)
class SitePlan(PagePlan):
    """Everything one build publishes: the pages and generated files, files copied as they are
    (figures from the cache, assets, the offline zip), the navigation and the theme's extras."""

    content: Content
    figures: dict[str, Path]  # site path → drawn file in the cache
    static: dict[str, Path]  # site path → file published as it is (assets, the offline zip)
    nav: list[Any]
    theme_extra: dict[str, Any]
    counts: Counts


def build_site(settings: Settings, reuse: Reuse | None = None) -> SitePlan:
    """Load and check the content, then plan every page, draw every figure and lay out the
    navigation. Raises ContentError, listing every problem, before anything is written.

    ``reuse`` (a live preview's, kept in memory) hands back what the last build rendered from
    unchanged content; without one, the pieces the last build kept in the cache folder are used."""
    assets = settings.assets_dir if settings.assets_dir.is_dir() else None
    content = load_content(settings.content_dir, assets, settings.pose_cache, settings.parse_cache)
    hand_pages = settings.hand_pages()
    download = OFFLINE_ZIP_SRC if settings.offline_zip else None
    # Pieces a build rendered are kept on disk for the next one; each kind of build keeps its own.
    kind = ("offline" if settings.offline else "hosted") + ("-pdfs" if settings.card_pdfs else "")
    reuse = reuse or Reuse.kept_in(settings.cache_dir / f"rendered-{kind}.pickle")
    plan = plan_site(content, settings.site_url, hand_pages, settings.card_pdfs, settings.offline, download, reuse,
                     settings.cache_dir / "links.pickle")
    store = FigureStore(settings.figure_cache)
    figures = store.add_all(content)
    static = {OFFLINE_ZIP_SRC: settings.offline_zip} if settings.offline_zip else {}
    if not settings.offline:  # home-screen icons belong to the hosted guide, like its service worker
        static |= _icons(settings.cache_dir / "icons")
    if assets is not None:
        static |= {urls.asset(p.relative_to(assets).as_posix()): p for p in sorted(assets.rglob("*")) if p.is_file()}
    counts = Counts(len(plan.pages) + len(hand_pages), len(content.exercises), len(content.routines), store.drawn, store.cached)
    return SitePlan(
        plan.pages, plan.files, plan.links, plan.registry_changed,
        content=content,
        figures=figures,
        static=static,
        nav=navigation(content, [p for p in hand_pages if p not in plan.pages]),
        theme_extra=theme_extra(content, webapp=not settings.offline, service_worker=settings.service_worker),
        counts=counts,
    )


def plan_site(
    content: Content,
    site_url: str | None,
    hand_pages: list[str],
    card_pdfs: bool = False,
    offline: bool = False,
    download: str | None = None,
    reuse: Reuse | None = None,
    registry_cache: Path | None = None,
) -> PagePlan:
    """Check the link registry, then render every page, redirect and export. Raises ContentError
    if a published link would disappear. ``hand_pages`` are Markdown sources from the docs folder.

    ``offline`` plans the file:// copy (no directory URLs, no short-link redirects); ``download``
    is the site path of the offline zip, linked from the home and About pages."""
    registered, registry_path = load_registry(content.root, registry_cache)
    other_pages = sorted(urls.page_path(p) for p in hand_pages) + [urls.page_path(CLINICIANS_SRC), urls.page_path(BUILDER_SRC),
                                                                    urls.page_path(urls.PLAY_SRC)]
    problems = check(registered, registry_path, content, other_pages)
    if problems:
        raise ContentError(problems)
    entries = update(registered, content, other_pages)
    codes = {e.url: e.code for e in entries if e.code}
    links = tuple((e.url, e.code) for e in entries)
    reuse = reuse or Reuse()
    by_page: dict[str, list[tuple[str, str | None]]] = {}
    for url, code in links:
        by_page.setdefault(url.partition("#")[0], []).append((url, code))

    sequence = values_digest(tuple(content.exercises))

    def describe(exercise: Exercise, url: str, make: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        own = tuple(by_page.get(urls.exercise_path(exercise.id), ()))
        return reuse.get("export", (exercise, content.guide), (url, own, sequence), make)

    files = {
        EXPORT_SRC: reuse.get("guide.json", content.every_object(), values_digest((site_url, links)),
                              lambda: guide_json(content, site_url, entries, describe)),
        # `traction build` copies it to content/ after a good build
        REGISTRY_EXPORT: reuse.get("registry", (), values_digest(links), lambda: registry_text(entries, content.root)),
    }
    if not offline:  # short links, old addresses and the home-screen manifest belong to the hosted guide
        renamed = tuple(sorted(aliases(content).items()))
        files.update(reuse.get("redirects", (), values_digest((links, renamed, content.guide.language, site_url)),
                               lambda: redirect_files(entries, content, site_url)))
        guide = content.guide
        files[MANIFEST_SRC] = manifest(guide.title, guide.short_title or guide.title, guide.language, guide.summary)
    pages = render_pages(content, site_url, card_pdfs, codes, directory_urls=not offline, download=download, reuse=reuse)
    reuse.next_build()  # what this build did not use is dropped
    return PagePlan(pages, files, entries, entries != registered)


def _icons(folder: Path) -> dict[str, Path]:
    """The manifest's icons, drawn into ``folder`` once per version of the code that draws them
    (webapp.py): site path → file."""
    published = {}
    drawn_by = hashlib.sha256(Path(webapp.__file__).read_bytes()).hexdigest()[:16]  # a new drawing code, new files
    for site_path, (size, maskable) in icon_files().items():
        target = folder / drawn_by / site_path.rsplit("/", 1)[-1]
        if not target.is_file():  # drawing them took a quarter of a second on every build
            write_atomic(target, icon_png(size, maskable))
        published[site_path] = target
    return published
