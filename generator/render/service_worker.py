"""The service worker that keeps the hosted guide working offline after one visit.

Its precache list is the built site itself: every file in the output folder except big
downloads (the offline zip, card PDFs) and files no page needs (source maps, sitemaps). The
cache is named by a hash of that list and every file's bytes, so the same site always gives the
same ``sw.js`` and any change gives a new cache that replaces the old one."""

from __future__ import annotations

import fnmatch
import hashlib
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

SERVICE_WORKER = "sw.js"  # at the site root, so its scope is the whole guide
CACHE_PREFIX = "traction-"
# Not precached: downloads a person asks for, the 1200 px print PNGs no page shows (2 MB of the
# guide's 5), files only developers or crawlers read, and the worker itself (the browser fetches
# it on its own terms).
SKIP = ("downloads/*", "*.pdf", "*.zip", "*-print.png", "*.map", "sitemap.xml", "sitemap.xml.gz", SERVICE_WORKER)


def precache_files(site_dir: Path, skip: Iterable[str] = (), listing: Iterable[str] | None = None) -> list[str]:
    """The site paths the worker stores, sorted: every file of the built site but the skipped.
    ``listing``, if given, names the site's files (the build has just listed them)."""
    # One pattern for all, and os.walk: a big guide's site holds tens of thousands of files
    skipped = re.compile("|".join(fnmatch.translate(pattern) for pattern in (*SKIP, *skip)))
    if listing is None:
        root = len(str(site_dir)) + 1
        listing = [folder[root:].replace(os.sep, "/") + "/" + name if len(folder) >= root else name
                   for folder, _, names in os.walk(site_dir) for name in names]
    return sorted(path for path in listing if not skipped.match(path))


def cache_name(site_dir: Path, files: list[str], known: Mapping[str, str] | None = None) -> str:
    """'traction-' and a hash of the file list and every file's bytes. ``known`` names files whose
    bytes are already named by a hash (a figure's cache key, the SHA-256 of a page the build
    wrote): those are not read again."""
    known = known or {}
    digest = hashlib.sha256()
    for name in files:
        own = known[name] if name in known else hashlib.sha256((site_dir / name).read_bytes()).hexdigest()
        digest.update(f"{name}\0{own}\n".encode())
    return CACHE_PREFIX + digest.hexdigest()[:16]


def request_path(file: str) -> str:
    """The address a page is asked for by: 'exercises/x/index.html' → 'exercises/x/' ('' for the home page)."""
    if file == "index.html":
        return ""
    return file.removesuffix("index.html") if file.endswith("/index.html") else file


def service_worker(name: str, files: list[str]) -> str:
    """The text of sw.js for a cache ``name`` holding ``files``."""
    env = Environment(loader=PackageLoader("generator.render", "templates"), autoescape=False, undefined=StrictUndefined,
                      keep_trailing_newline=True)
    paths = [request_path(f) for f in files]
    return env.get_template("sw.js.j2").render(cache=name, prefix=CACHE_PREFIX, paths=paths)


def write_service_worker(site_dir: Path, skip: Iterable[str] = (), known: Mapping[str, str] | None = None,
                         listing: Iterable[str] | None = None) -> str:
    """Write sw.js at the root of a built site; returns the cache name (see ``cache_name``)."""
    files = precache_files(site_dir, skip, listing)
    name = cache_name(site_dir, files, known)
    (site_dir / SERVICE_WORKER).write_text(service_worker(name, files), encoding="utf-8")
    return name
