"""Offline on the phone: the manifest and icons, and the service worker that keeps the hosted
guide after one visit (in Chromium, served on loopback, then with the network off)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from PIL import Image

from generator.cards.browser import serve
from generator.render.service_worker import write_service_worker

pytestmark = pytest.mark.browser
FIGURE = "assets/figures/childs-pose/childs-pose-hold-400.webp"


def cache_of(site: Path) -> str:
    match = re.search(r'const CACHE = "(traction-[0-9a-f]{16})";', (site / "sw.js").read_text(encoding="utf-8"))
    assert match, "sw.js names no cache"
    return match.group(1)


def visit_once(context, url: str, path: str):
    """Open a page and wait until the service worker controls it (its precache is then complete)."""
    page = context.new_page()
    page.goto(url + path)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=30_000)
    return page


def test_every_page_names_the_manifest_and_its_icons_exist(fixture_site):
    manifest = json.loads((fixture_site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["start_url"] == manifest["scope"] == "./"
    assert manifest["display"] == "standalone" and manifest["theme_color"] == "#00695c"
    assert {i["purpose"] for i in manifest["icons"]} == {"any", "maskable"}
    for icon in manifest["icons"]:
        with Image.open(fixture_site / icon["src"]) as image:
            assert f"{image.width}x{image.height}" == icon["sizes"] and image.format == "PNG"
    for page in [fixture_site / "index.html", fixture_site / "cards/both/index.html", fixture_site / "404.html"]:
        html = page.read_text(encoding="utf-8")
        assert 'rel="manifest"' in html and 'name="traction-service-worker"' in html, page


def test_after_one_visit_the_guide_works_with_the_network_off(browser, fixture_site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="allow")
    errors: list[str] = []
    with serve(fixture_site) as url:
        page = visit_once(context, url, "routines/both/")
        page.on("pageerror", lambda error: errors.append(str(error)))
        assert page.evaluate("caches.keys()") == [cache_of(fixture_site)]
    # The server is gone and the browser is offline: everything now comes from the worker.
    context.set_offline(True)
    page.reload()
    assert page.locator("h1").first.inner_text() == "Both stretches"
    page.goto(url + "exercises/childs-pose/")
    picture = page.locator(".traction-figure img").first
    picture.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete", arg=picture.element_handle())
    assert picture.evaluate("img => img.naturalWidth") > 0
    response = page.goto(url + FIGURE)
    assert response is not None and response.ok and response.headers["content-type"] == "image/webp"
    guide = page.goto(url + "api/guide.json")
    assert guide is not None and guide.ok and "routines" in guide.json()
    page.goto(url + "play/both/")  # the follow-along player works offline too
    assert page.get_by_role("button", name="Start").is_visible()
    page.goto(url + "?h=pose")  # search results open pages with ?h=: still the cached home page
    assert page.locator("h1").first.is_visible()
    index = page.evaluate("fetch('search/search_index.json').then(r => r.json())")
    assert index["docs"]
    page.goto(url + "no/such/page/")  # a page that never existed: the guide's own not-found page
    assert page.locator("#traction-not-found").is_visible()
    assert errors == []
    context.close()


def test_a_new_build_replaces_the_cache(browser, fixture_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(fixture_site, site)
    first = cache_of(site)
    context = browser.new_context(service_workers="allow")
    with serve(site) as url:
        page = visit_once(context, url, "")
        (site / "about/index.html").write_text((site / "about/index.html").read_text() + "<!-- changed -->", encoding="utf-8")
        second = write_service_worker(site)
        assert second != first
        page.reload()  # the browser checks sw.js on every visit, finds it changed and installs it
        page.wait_for_function(
            "async (name) => (await caches.keys()).join() === name",  # the old cache deleted, the new one in place
            arg=second, timeout=30_000, polling=200,
        )
    context.close()
