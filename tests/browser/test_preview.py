"""`traction serve`: edits show up in an open browser by themselves; a broken edit keeps the last good site."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from tests.integration.test_serve import fetch, free_port, wait_for

pytestmark = pytest.mark.browser


def test_live_preview(browser, project):
    port = free_port()
    errors = project / "serve.err"
    with errors.open("w") as stderr:
        server = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--port", str(port)],
            cwd=project, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), stdout=subprocess.DEVNULL, stderr=stderr,
        )
    try:
        url = f"http://127.0.0.1:{port}/exercises/childs-pose/"
        assert wait_for(url, "Kneel on the floor."), "traction serve did not start"
        page = browser.new_page()
        page.goto(url)
        path = project / "content" / "exercises" / "childs-pose.yaml"
        path.write_text(path.read_text().replace("Kneel on the floor.", "Kneel on a soft mat."))
        page.get_by_text("Kneel on a soft mat.").wait_for(timeout=30_000)  # the open page reloaded itself
        hand_written = project / "content" / "pages" / "extra.md"
        hand_written.write_text(hand_written.read_text() + "\nA second paragraph.\n")
        assert wait_for(f"http://127.0.0.1:{port}/extra/", "A second paragraph.")
        path.write_text(path.read_text().replace("title:", "titel:", 1))  # a broken edit
        deadline = time.monotonic() + 30
        while "unknown key 'titel'" not in errors.read_text() and time.monotonic() < deadline:
            time.sleep(0.3)
        assert "unknown key 'titel'" in errors.read_text()
        assert "still serving the last good site" in errors.read_text()
        assert "Kneel on a soft mat." in (fetch(url) or "")  # the last good page, not an error
        path.write_text(path.read_text().replace("titel:", "title:", 1).replace("soft mat", "thick mat"))
        page.get_by_text("Kneel on a thick mat.").wait_for(timeout=30_000)
        page.goto(f"http://127.0.0.1:{port}/s/CP-SB/")  # a missing page: the site's 404, which lower-cases codes
        page.wait_for_url(f"http://127.0.0.1:{port}/exercises/childs-pose/#step-sit-back")
        page.close()
    finally:
        server.terminate()
        server.wait(timeout=20)
