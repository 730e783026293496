"""The offline copy: a zip linked from the site that works from file://, search included."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from generator.adapters.cli import zip_folder
from tests.conftest import make_project, traction

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("offline") / "project")
    result = traction("build", "--offline", cwd=project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert 'href="downloads/guide-offline.zip"' in (site / "index.html").read_text()
    assert 'downloads/guide-offline.zip"' in (site / "about/index.html").read_text()
    unpacked = project / "unpacked"
    with zipfile.ZipFile(site / "downloads/guide-offline.zip") as archive:
        archive.extractall(unpacked)
    return unpacked


def test_offline_copy_works_from_file_urls_with_search(browser, offline_copy):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    requests, errors = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(offline_copy.joinpath("index.html").as_uri())
    page.locator(".md-content a", has_text="Runner's lunge stretch").first.click()
    page.wait_for_load_state()
    assert page.url == offline_copy.joinpath("exercises/runners-lunge.html").as_uri()
    assert page.locator("#step-sink").is_visible()
    page.locator("input.md-search__input").click()
    page.keyboard.type("Balasana")
    first = page.locator(".md-search-result__item a").first
    first.wait_for(state="visible", timeout=10_000)
    first.click()
    page.wait_for_load_state()
    assert page.url.split("?")[0] == offline_copy.joinpath("exercises/childs-pose.html").as_uri()
    page.locator(".traction-figure img").first.scroll_into_view_if_needed()
    assert page.locator(".traction-figure img").first.evaluate("img => img.complete && img.naturalWidth") > 0
    assert errors == []
    assert {url.split(":", 1)[0] for url in requests} == {"file"}  # nothing from any server
    # Browsers allow no service worker or manifest on file://: the copy goes without both.
    assert not (offline_copy / "sw.js").exists() and not (offline_copy / "manifest.webmanifest").exists()
    assert "traction-service-worker" not in (offline_copy / "index.html").read_text(encoding="utf-8")
    page.close()


def test_the_offline_zip_is_reproducible(tmp_path):
    folder = tmp_path / "folder"
    (folder / "a").mkdir(parents=True)
    (folder / "a" / "x.txt").write_text("x")
    (folder / "b.txt").write_text("b")
    zip_folder(folder, tmp_path / "one.zip", 1_700_000_000)
    (folder / "b.txt").touch()  # a newer mtime changes nothing
    zip_folder(folder, tmp_path / "two.zip", 1_700_000_000)
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()
    assert zipfile.ZipFile(tmp_path / "one.zip").namelist() == ["a/x.txt", "b.txt"]
