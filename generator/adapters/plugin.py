"""MkDocs adapter: publishes what ``build_site`` plans. It checks the content in ``on_config``,
before MkDocs cleans the output folder, then adds the generated pages, figures, assets and
api/guide.json as in-memory files."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator.adapters import in_place, two_cores
from generator.adapters.search import search_plugin
from generator.load.problems import ContentError
from generator.model.urls import asset
from generator.pipeline import timings
from generator.pipeline.settings import DEFAULT_ASSETS, DEFAULT_CACHE, DEFAULT_CONTENT, Settings
from generator.pipeline.site import SitePlan, build_site
from generator.render.raw_html import hold_back, put_back
from generator.render.reuse import Reuse
from generator.render.service_worker import write_service_worker

log = logging.getLogger("mkdocs.plugins.traction")


class TractionConfig(base.Config):
    content = c.Type(str, default=DEFAULT_CONTENT)
    """Folder holding guide.yaml, exercises/ and routines/, relative to mkdocs.yml."""
    assets = c.Type(str, default=DEFAULT_ASSETS)
    """Folder of CSS, JS, fonts and photos published under assets/traction/, relative to mkdocs.yml."""
    cache = c.Type(str, default=DEFAULT_CACHE)
    """Folder where solved poses and drawn figures are kept between builds, keyed by a hash of their description."""
    offline = c.Type(bool, default=False)
    """Build the copy that works from file:// (no directory URLs, no short-link redirects). mkdocs.yml
    binds it to TRACTION_OFFLINE, like Material's offline plugin; `traction build --offline` sets both."""
    card_pdfs = c.Type(bool, default=False)
    """Link every card page to its PDFs (A4 and US Letter); `traction build --card-pdfs` sets it and prints them."""
    offline_zip = c.Optional(c.Type(str))
    """A zip of the offline copy to publish (as downloads/guide-offline.zip) and link from the home and
    About pages, relative to mkdocs.yml; `traction build --offline` sets it."""
    two_cores = c.Type(bool, default=True)
    """Render the pages in two processes where the system can fork (Linux with two cores or
    more): the same site, about a third sooner on a big guide. Live previews turn it off."""
    service_worker = c.Type(bool, default=True)
    """Write sw.js and register it, so the hosted guide works offline after one visit. Live previews
    (`traction serve`, `mkdocs serve`) turn it off: a worker would show each saved edit one visit late."""


class TractionPlugin(BasePlugin[TractionConfig]):
    """Adds the guide's pages to a MkDocs site. After a build, ``plan.counts`` says what it made."""

    plan: SitePlan
    serving = False  # `mkdocs serve`: a live preview
    reuse: Reuse | None = None  # `traction serve` hands in what the last build rendered (render/reuse.py)
    _held: dict[str, list[str]]  # page source → the HTML blocks Markdown skips (render/raw_html.py)
    _split: two_cores.Split | None = None  # the build's second process (adapters/two_cores.py)
    _in_place: in_place.InPlace | None = None  # the output folder, updated in place (adapters/in_place.py)
    _written: dict[str, str]  # site path → digest of the page written there, for the service worker
    # What the build gathered, kept for `traction serve` to rebuild single pages (adapters/live.py)
    files: Files
    nav: Navigation
    env: Environment

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def settings(self, config: MkDocsConfig) -> Settings:
        """The plugin's options as the core's settings; folders are relative to mkdocs.yml."""
        root = Path(config.config_file_path or ".").resolve().parent
        return Settings(
            content_dir=root / self.config.content,
            assets_dir=root / self.config.assets,
            cache_dir=root / self.config.cache,
            site_url=config.site_url,
            docs_dir=Path(config.docs_dir),
            card_pdfs=self.config.card_pdfs,
            offline=self.config.offline,
            offline_zip=root / self.config.offline_zip if self.config.offline_zip else None,
            service_worker=self.config.service_worker and not self.serving,
        )

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Runs before MkDocs cleans site_dir, so bad content never costs the last good site.
        settings = self.settings(config)
        if not config.use_directory_urls and not settings.offline:
            raise PluginError("traction: the link scheme needs 'use_directory_urls: true' in mkdocs.yml")
        if settings.offline:
            # A local shim, so Material's offline plugin does not add its unpkg script.
            config.use_directory_urls = False
            config.extra["polyfills"] = [asset("vendor/iframe-worker-1.0.4/shim.js")]
        self._held, self._written = {}, {}
        try:
            with timings.timed("plan"):
                self.plan = plan = build_site(settings, self.reuse)
        except ContentError as error:
            raise PluginError(f"traction: the content has problems:\n{error.report()}") from None
        for warning in plan.content.warnings:  # e.g. a joint past its typical range; --strict fails on these
            log.warning(f"traction: {warning}")
        if plan.registry_changed:
            log.info("traction: new links to register; `traction build` records them in content/links.yaml")
        log.info(f"traction: figures: {plan.counts.figures_drawn} drawn, {plan.counts.figures_cached} from cache")
        # The footer partial (overrides/partials/copyright.html) credits the source on every page.
        config.extra["traction"] = plan.theme_extra
        if config.nav is None:
            config.nav = plan.nav
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        with timings.timed("files"):
            return self._add_files(files, config)

    def _add_files(self, files: Files, config: MkDocsConfig) -> Files:
        for src, text in self.plan.pages.items():
            if files.get_file_from_path(src) is not None:
                raise PluginError(f"traction: {config.docs_dir}/{src} clashes with a page the guide generates; rename it")
            files.append(File.generated(config, src, content=text))
        for src, text in self.plan.files.items():
            files.append(_GeneratedFile.generated(config, src, content=text))
        for src, path in self.plan.static.items():
            files.append(_GeneratedFile.generated(config, src, abs_src_path=str(path)))
        for src, path in sorted(self.plan.figures.items()):
            files.append(_CachedFile.generated(config, src, abs_src_path=str(path)))
        return files

    def on_pre_build(self, config: MkDocsConfig) -> None:
        # Right before MkDocs would empty the output folder: update it in place instead.
        self._in_place = in_place.InPlace(config.site_dir).__enter__()

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self.files, self.nav = files, nav
        return nav

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        self.env = env
        if self.config.two_cores and not self.serving and two_cores.available():
            self._split = two_cores.Split()
            self._split.start(config, files, self.nav, env, lambda: self._written)  # every page is read and converted by now
        return env

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri not in self.plan.pages:
            return markdown  # a hand-written page: Markdown sees all of it
        markdown, self._held[page.file.src_uri] = hold_back(markdown)
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        return put_back(html, self._held.pop(page.file.src_uri, []))

    @event_priority(-100)  # after every other plugin: the digest of the very bytes MkDocs writes
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        if output.strip():  # MkDocs writes no file for an empty page
            self._written[page.file.dest_uri] = _digest(output.encode("utf-8", errors="xmlcharrefreplace"))
        return output

    @event_priority(100)  # before search writes its index: the second process's entries go in first
    def _pages_done(self, config: MkDocsConfig) -> None:
        if self._split is not None:
            split, self._split = self._split, None
            self._written.update(split.finish() or {})

    @event_priority(-100)  # after every other plugin's writes: search's index, sitemaps
    def _finish(self, config: MkDocsConfig) -> None:
        listing = self._sweep()
        # The service worker's precache list is the built site itself, so it is written last.
        webapp = self.plan.theme_extra.get("webapp")
        if webapp and webapp["service_worker"]:
            with timings.timed("service worker"):
                # Files whose bytes this build knows need no reading: a figure's cache folder is named
                # by a hash of what it shows; pages and generated files were digested as they were made.
                known = {src: f"{path.parent.name}/{path.name}" for src, path in self.plan.figures.items()}
                known |= {src: _digest(text.encode("utf-8")) for src, text in self.plan.files.items()} | self._written
                write_service_worker(Path(config.site_dir), skip=_unused_search_languages(config), known=known, listing=listing)

    def _sweep(self) -> list[str] | None:
        """Delete what the build no longer makes from the folder it updated; the files left."""
        if self._in_place is None:
            return None
        with timings.timed("sweep"):
            # Files this build surely wrote need no look at their time
            written = set(self.plan.files) | set(self.plan.static) | set(self.plan.figures) | set(self._written)
            listing = self._in_place.sweep(written)
        self._leave_in_place()
        return listing

    def _leave_in_place(self) -> None:
        if self._in_place is not None:
            self._in_place.restore()
            self._in_place = None

    on_post_build = CombinedEvent(_pages_done, _finish)

    def on_build_error(self, error: Exception) -> None:
        self._leave_in_place()
        if self._split is not None:  # do not leave the second process behind
            split, self._split = self._split, None
            try:
                split.finish()
            except Exception:  # the build has failed already; MkDocs reports that
                pass

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., Any]) -> LiveReloadServer:
        settings = self.settings(config)
        for folder in (settings.content_dir, settings.assets_dir):
            if folder.is_dir():
                server.watch(str(folder))
        return server


class _GeneratedFile(File):
    """A file the guide generates, written only when its bytes changed (adapters/in_place.py)."""

    def copy_file(self, dirty: bool = False) -> None:
        if dirty and not self.is_modified():
            return
        content = self._content
        if content is None:
            assert self.abs_src_path is not None
            in_place.copy(self.abs_src_path, self.abs_dest_path)
        else:
            in_place.write(content.encode("utf-8") if isinstance(content, str) else content, self.abs_dest_path)


class _CachedFile(File):
    """A drawn figure, published as a hard link to its file in the figure cache when the two share
    a file system: copying thousands of figures was the largest part of a big guide's build. The
    cache never changes a file in place (it writes a new one and renames it), so a published
    figure cannot change after the build."""

    def copy_file(self, dirty: bool = False) -> None:
        if dirty and not self.is_modified():
            return
        assert self.abs_src_path is not None
        in_place.link(self.abs_src_path, self.abs_dest_path)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _unused_search_languages(config: MkDocsConfig) -> list[str]:
    """Material's search loads its lunr language files only for languages other than English, so
    an English-only guide leaves them out of the offline cache (one alone is 660 KB)."""
    search = search_plugin(config)
    languages = search.config.get("lang") if search is not None else None
    return ["assets/javascripts/lunr/*"] if languages in (["en"], "en", None) else []
