"""The service worker's precache list and cache name come from the built site, deterministically."""

from __future__ import annotations

import json
import re
from pathlib import Path

from generator.render.service_worker import SERVICE_WORKER, cache_name, precache_files, request_path, write_service_worker


def site(root: Path) -> Path:
    files = {
        "index.html": "home", "exercises/x/index.html": "x", "assets/figures/x/x-400.webp": "pic", "assets/figures/x/x-print.png": "png",
        "api/guide.json": "{}",
        "search/search_index.json": "{}", "downloads/guide-offline.zip": "zip", "cards/r/r-a4.pdf": "pdf",
        "assets/javascripts/bundle.min.js.map": "map", "sitemap.xml": "<urlset/>", "404.html": "not here",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def paths_in(worker: str) -> list[str]:
    match = re.search(r"^const PATHS = (.*);$", worker, re.MULTILINE)
    assert match
    return json.loads(match.group(1))


def test_every_file_but_downloads_and_developer_files_is_precached(tmp_path):
    assert precache_files(site(tmp_path)) == [
        "404.html", "api/guide.json", "assets/figures/x/x-400.webp", "exercises/x/index.html", "index.html", "search/search_index.json",
    ]
    assert "api/guide.json" not in precache_files(tmp_path, skip=["api/*"])


def test_pages_are_stored_under_the_address_they_are_asked_for_by(tmp_path):
    write_service_worker(site(tmp_path))
    paths = paths_in((tmp_path / SERVICE_WORKER).read_text(encoding="utf-8"))
    assert "" in paths and "exercises/x/" in paths and "404.html" in paths
    assert request_path("exercises/x/index.html") == "exercises/x/" and request_path("index.html") == ""


def test_the_same_site_gives_the_same_worker_and_a_change_a_new_cache(tmp_path):
    one, two = site(tmp_path / "one"), site(tmp_path / "two")
    assert write_service_worker(one) == write_service_worker(two)
    assert (one / SERVICE_WORKER).read_bytes() == (two / SERVICE_WORKER).read_bytes()
    assert write_service_worker(one) == write_service_worker(one)  # its own sw.js is not in its list
    (two / "exercises/x/index.html").write_text("x, edited", encoding="utf-8")
    assert write_service_worker(two) != write_service_worker(one)
    (two / "exercises/x/index.html").write_text("x", encoding="utf-8")
    (two / "exercises/y/index.html").parent.mkdir()
    (two / "exercises/y/index.html").write_text("y", encoding="utf-8")
    assert cache_name(two, precache_files(two)) != cache_name(one, precache_files(one))


def test_a_figure_named_by_its_hash_is_not_read_again(tmp_path):
    one = site(tmp_path / "one")
    files = precache_files(one)
    known = {"assets/figures/x/x-400.webp": "abc123/f-400.webp"}  # the figure cache's folder names what it shows
    named = cache_name(one, files, known)
    (one / "assets/figures/x/x-400.webp").write_text("other bytes, same drawing key", encoding="utf-8")
    assert cache_name(one, files, known) == named
    assert cache_name(one, files, {"assets/figures/x/x-400.webp": "def456/f-400.webp"}) != named  # a new drawing, a new cache
    (one / "index.html").write_text("changed", encoding="utf-8")
    assert cache_name(one, files, known) != named  # pages are still read
