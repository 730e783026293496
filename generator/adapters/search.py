"""Material's search plugin as a loaded MkDocs config holds it (under 'material/search', not
'search'): the two-process build merges its entries, the live preview swaps them, and the
service worker reads its languages."""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig


def search_plugin(config: MkDocsConfig) -> Any | None:
    """The search plugin of ``config`` (it keeps a ``search_index``), or None without one."""
    return next((p for p in config.plugins.values() if hasattr(p, "search_index")), None)
