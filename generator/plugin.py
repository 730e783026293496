"""MkDocs adapter: validates content before MkDocs touches the output folder, then adds the
generated pages, the assets and api/guide.json as in-memory files."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .content import Content, load_content
from .plugin_env import CARD_PDFS_ENV, OFFLINE_ENV, OFFLINE_ZIP_ENV, OFFLINE_ZIP_SRC, STATS_ENV
from .figures.store import FigureStore
from .navigation import navigation
from .problems import ContentError
from .render import theme_extra
from .site import plan_site

log = logging.getLogger("mkdocs.plugins.traction")
ASSETS_PREFIX = "assets/traction/"



class TractionConfig(base.Config):
    content = c.Type(str, default="content")
    """Folder holding guide.yaml, exercises/ and routines/, relative to mkdocs.yml."""
    assets = c.Type(str, default="site_assets")
    """Folder of CSS, JS, fonts and photos published under assets/traction/, relative to mkdocs.yml."""
    cache = c.Type(str, default=".cache/traction")
    """Folder where drawn figures are kept between builds, keyed by a hash of their description."""


class TractionPlugin(BasePlugin[TractionConfig]):
    """Adds the guide's pages to a MkDocs site."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Runs before MkDocs cleans site_dir, so bad content never costs the last good site.
        root = Path(config.config_file_path or ".").resolve().parent
        self.content_dir = root / self.config.content
        self.assets_dir = root / self.config.assets
        offline = os.environ.get(OFFLINE_ENV) == "true"
        if not config.use_directory_urls and not offline:
            raise PluginError("traction: the link scheme needs 'use_directory_urls: true' in mkdocs.yml")
        if offline:
            # A local shim, so Material's offline plugin does not add its unpkg script.
            config.use_directory_urls = False
            config.extra["polyfills"] = [ASSETS_PREFIX + "vendor/iframe-worker-1.0.4/shim.js"]
        self.offline_zip = os.environ.get(OFFLINE_ZIP_ENV)
        docs = Path(config.docs_dir)
        hand_pages = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")) if docs.is_dir() else []
        try:
            self.guide: Content = load_content(self.content_dir, self.assets_dir, root / self.config.cache / "poses")
            plan = plan_site(
                self.guide,
                config.site_url,
                hand_pages,
                card_pdfs=os.environ.get(CARD_PDFS_ENV) == "1",
                offline=offline,
                download=OFFLINE_ZIP_SRC if self.offline_zip else None,
            )
        except ContentError as error:
            raise PluginError(f"traction: the content has problems:\n{error.report()}") from None
        for warning in self.guide.warnings:  # e.g. a joint past its typical range; --strict fails on these
            log.warning(f"traction: {warning}")
        self.pages, self.files = plan.pages, plan.files
        if plan.registry_changed:
            log.info("traction: new links to register; `traction build` records them in content/links.yaml")
        store = FigureStore(root / self.config.cache / "figures")
        self.figures = store.add_all(self.guide)
        self.figure_counts = {"figures_drawn": store.drawn, "figures_cached": store.cached}
        log.info(f"traction: figures: {store.drawn} drawn, {store.cached} from cache")
        # The footer partial (overrides/partials/copyright.html) credits the source on every page.
        config.extra["traction"] = theme_extra(self.guide)
        if config.nav is None:
            config.nav = navigation(self.guide, [p for p in hand_pages if p not in self.pages])
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for src, text in self.pages.items():
            if files.get_file_from_path(src) is not None:
                raise PluginError(f"traction: {config.docs_dir}/{src} clashes with a page the guide generates; rename it")
            files.append(File.generated(config, src, content=text))
        for src, text in self.files.items():
            files.append(File.generated(config, src, content=text))
        if self.offline_zip:
            files.append(File.generated(config, OFFLINE_ZIP_SRC, abs_src_path=self.offline_zip))
        self.page_count = len(files.documentation_pages())
        for src, path in sorted(self.figures.items()):
            files.append(File.generated(config, src, abs_src_path=str(path)))
        if self.assets_dir.is_dir():
            for path in sorted(p for p in self.assets_dir.rglob("*") if p.is_file()):
                src = ASSETS_PREFIX + path.relative_to(self.assets_dir).as_posix()
                files.append(File.generated(config, src, abs_src_path=str(path)))
        return files

    def on_post_build(self, config: MkDocsConfig) -> None:
        stats_file = os.environ.get(STATS_ENV)
        if stats_file:  # read by `traction build` for its one-line summary
            counts = {"pages": self.page_count, "exercises": len(self.guide.exercises), "cards": len(self.guide.routines),
                      "site_url": config.site_url or ""}
            Path(stats_file).write_text(json.dumps(counts | self.figure_counts), encoding="utf-8")

    def on_serve(self, server, config: MkDocsConfig, builder):  # type: ignore[no-untyped-def]
        for folder in (self.content_dir, self.assets_dir):
            if folder.is_dir():
                server.watch(str(folder))
        return server
