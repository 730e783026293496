"""The settings of one build: which folders to read, the site's address, and what to publish.

The MkDocs plugin declares them as its options (``TractionConfig``) and `traction export` reads
the same options from mkdocs.yml; both hand the core one ``Settings``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_CONTENT = "content"
DEFAULT_ASSETS = "site_assets"
DEFAULT_CACHE = ".cache/traction"


@dataclass(frozen=True)
class Settings:
    """Everything `build_site` needs to know besides the content itself."""

    content_dir: Path  # guide.yaml, exercises/, routines/
    assets_dir: Path  # CSS, JS, fonts and photos, published under assets/traction/
    cache_dir: Path  # solved poses and drawn figures, kept between builds
    site_url: str | None = None  # the public address: QR codes, short links, api/guide.json
    docs_dir: Path | None = None  # hand-written Markdown pages, listed in the navigation
    card_pdfs: bool = False  # card pages link the PDFs `traction build --card-pdfs` prints
    offline: bool = False  # the file:// copy: no directory URLs, no short-link redirects
    offline_zip: Path | None = None  # the offline copy, zipped, to publish and link from the hosted site
    service_worker: bool = True  # offline use after one visit; off in live previews, whose pages change on every save

    @property
    def pose_cache(self) -> Path:
        return self.cache_dir / "poses"

    @property
    def parse_cache(self) -> Path:
        return self.cache_dir / "parsed.pickle"

    @property
    def figure_cache(self) -> Path:
        return self.cache_dir / "figures"

    def hand_pages(self) -> list[str]:
        """The Markdown sources in the docs folder, relative to it, sorted."""
        docs = self.docs_dir
        if docs is None or not docs.is_dir():
            return []
        return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
