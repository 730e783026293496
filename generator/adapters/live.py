"""The live preview's builds: one full MkDocs build, then, after each save, only what changed.

A full build keeps what MkDocs gathered (files, navigation, theme environment) and what our
renderer made (render/reuse.py). After a change to the content or the assets, ``update`` plans
the whole guide again (cheap: unchanged files are neither parsed nor rendered again), compares the
plan with the last one, and has MkDocs build only the pages whose Markdown or navigation changed.
It rewrites only the generated files and assets that changed, and puts the rebuilt pages' search
entries in place of their old ones. Anything it cannot do in place (a page added or removed, the
navigation reshaped, a theme template or mkdocs.yml changed) takes a full build into a fresh folder.

Bad content never reaches the folder: ``build_site`` checks everything before a file is written.
"""

from __future__ import annotations

import gc
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from generator.adapters.plugin import TractionPlugin
from generator.adapters.search import search_plugin
from generator.pipeline.site import SitePlan, build_site
from generator.render.reuse import Reuse


class _Warnings(logging.Handler):
    """Counts what MkDocs warns about during an update (a full build fails on them: --strict)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@dataclass
class Update:
    """What one update did, for the preview's log line and for tests."""

    full: bool
    pages: list[str] = field(default_factory=list)  # source paths of the pages built again
    files: list[str] = field(default_factory=list)  # site paths of the other files written again
    seconds: float = 0.0


def _signature(page: Page, nav: Navigation) -> tuple[Any, ...]:
    """The navigation entries a page shows (Material with navigation.prune): the top level, every
    section on the way to the page with its entries, and the previous and next pages."""
    def titles(items: Iterable[Any]) -> tuple[Any, ...]:
        return tuple((item.title, getattr(item, "url", None)) for item in items)

    previous, following = page.previous_page, page.next_page
    return (
        titles(nav.items),
        tuple(titles(section.children) for section in page.ancestors if isinstance(section, Section)),
        (previous.title, previous.url) if previous else None,
        (following.title, following.url) if following else None,
    )


def _retitle(items: list[Any], wanted: list[Any]) -> bool:
    """Give the navigation's pages and sections the titles of ``wanted`` (the plan's nav) in
    place; False when it differs in more than titles, which needs a full build."""
    if len(items) != len(wanted):
        return False
    for item, entry in zip(items, wanted, strict=True):
        if isinstance(entry, str):  # a hand-written page listed by its path
            if not isinstance(item, Page) or item.file.src_uri != entry:
                return False
            continue
        ((title, value),) = entry.items()
        if isinstance(value, list):
            if not isinstance(item, Section) or not _retitle(item.children, value):
                return False
        elif not isinstance(item, Page) or item.file.src_uri != value:
            return False
        item.title = title
    return True


class LiveSite:
    """A preview's site: full builds into fresh folders, updates in place."""

    def __init__(self, config_file: Path, site_url: str) -> None:
        self.config_file, self.site_url = config_file, site_url
        self.reuse = Reuse()
        self.folder: Path | None = None
        self._config: MkDocsConfig | None = None
        self._plugin: TractionPlugin | None = None
        self._copied = 0  # when assets were last copied into the folder (ns)

    def full(self) -> Path:
        """Build everything into a fresh folder and keep what the build gathered. Raises on
        failure (the caller keeps serving the last good folder)."""
        out = Path(tempfile.mkdtemp(prefix="traction-serve-"))
        self._config = self._plugin = None
        gc.unfreeze()  # the last full build's objects may go now
        started = time.time_ns()  # assets saved after this are copied again by the next update
        try:
            config = load_config(str(self.config_file), site_dir=str(out), site_url=self.site_url, strict=True)
            plugin = config.plugins["traction"]
            assert isinstance(plugin, TractionPlugin)
            plugin.reuse = self.reuse
            config.plugins.on_startup(command="serve", dirty=False)  # the plugin then registers no service worker
            try:
                mkdocs_build.build(config)
            finally:
                config.plugins.on_shutdown()
        except BaseException:
            shutil.rmtree(out, ignore_errors=True)
            raise
        self._config, self._plugin, self.folder = config, plugin, out
        self._copied = started
        # What the build keeps is millions of objects that live until the next full build; moved
        # out of the collector's sight, a save's update no longer pays for walking them.
        gc.collect()
        gc.freeze()
        return out

    def can_update(self, changed: set[Path]) -> bool:
        """True when every changed file is content or an asset (not a hand-written page): what
        ``update`` can do in place."""
        if self._config is None or self._plugin is None or not changed:
            return False
        settings = self._plugin.settings(self._config)
        inside = [settings.content_dir.resolve(), settings.assets_dir.resolve()]
        hand = settings.docs_dir.resolve() if settings.docs_dir else None
        return all(any(p.resolve().is_relative_to(f) for f in inside) and not (hand and p.resolve().is_relative_to(hand)) for p in changed)

    def update(self) -> Update | None:
        """Bring the current folder up to date after a change to the content or the assets.
        None when that needs a full build. Raises ContentError, writing nothing, on bad content."""
        config, plugin = self._config, self._plugin
        if config is None or plugin is None:
            return None
        started = time.perf_counter()
        old = plugin.plan
        plan = build_site(plugin.settings(config), self.reuse)
        if set(plan.pages) != set(old.pages) or set(plan.files) != set(old.files) or set(plan.static) != set(old.static) \
                or set(plan.figures) != set(old.figures) or plan.theme_extra != old.theme_extra:
            return None
        before = {page.file.src_uri: _signature(page, plugin.nav) for page in plugin.nav.pages}
        if plan.nav != old.nav and not _retitle(plugin.nav.items, plan.nav):
            return None
        plugin.plan = plan
        pages = sorted(src for src in plan.pages if plan.pages[src] != old.pages[src])
        pages += sorted(p.file.src_uri for p in plugin.nav.pages if before.get(p.file.src_uri) != _signature(p, plugin.nav)
                        and p.file.src_uri not in pages)
        copied, written = time.time_ns(), self._files(plan, old)
        self._copied = copied
        warnings = _Warnings()
        logging.getLogger("mkdocs").addHandler(warnings)
        try:
            self._pages(config, plugin, pages)
        finally:
            logging.getLogger("mkdocs").removeHandler(warnings)
        if warnings.messages:
            raise RuntimeError("; ".join(warnings.messages))
        return Update(False, pages, written, time.perf_counter() - started)

    def _files(self, plan: SitePlan, old: SitePlan) -> list[str]:
        """Write the generated files, figures and assets that changed; their site paths."""
        assert self._plugin is not None
        files = self._plugin.files
        written = []
        for src, text in plan.files.items():
            if text != old.files[src]:
                file = files.get_file_from_path(src)
                assert file is not None
                file.content_string = text
                file.copy_file()
                written.append(src)
        # A figure's cache file is named by a hash of what it shows: a new drawing is a new path.
        # An asset keeps its path, so its time tells whether it was saved since it was copied.
        changed = [src for src, path in plan.figures.items() if path != old.figures[src]]
        changed += [src for src, path in plan.static.items() if path != old.static[src] or os.stat(path).st_mtime_ns > self._copied]
        for src in changed:
            file = files.get_file_from_path(src)
            assert file is not None
            file.abs_src_path = str(plan.static.get(src) or plan.figures[src])
            file.copy_file()
            written.append(src)
        return written

    def _pages(self, config: MkDocsConfig, plugin: TractionPlugin, sources: list[str]) -> None:
        """Build these pages again with MkDocs, and swap their search entries."""
        files, nav, env = plugin.files, plugin.nav, plugin.env
        search = search_plugin(config)
        built = []
        for src in sources:
            file = files.get_file_from_path(src)
            assert file is not None and file.page is not None
            if src in plugin.plan.pages:
                file.content_string = plugin.plan.pages[src]
            built.append(file.page)
        if search is not None:
            urls = {page.url for page in built}
            index = search.search_index
            index.entries = [e for e in index.entries if e["location"].partition("#")[0] not in urls]
        doc_files = files.documentation_pages()
        for page in built:
            # MkDocs' own steps for one page (there is no public call for them)
            mkdocs_build._populate_page(page, config, files)
            mkdocs_build._build_page(page, config, doc_files, nav, env)
        if search is not None and built:
            search.on_post_build(config=config)
