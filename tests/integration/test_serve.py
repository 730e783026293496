"""`mkdocs serve` rebuilds and serves the change when a content file is edited."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode()
    except OSError:
        return None


def wait_for(url: str, text: str, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = fetch(url)
        if page is not None and text in page:
            return True
        time.sleep(0.5)
    return False


def test_serve_reloads_when_content_changes(project):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/exercises/childs-pose/"
        assert wait_for(url, "Kneel on the floor."), "mkdocs serve did not start"
        path = project / "content" / "exercises" / "childs-pose.yaml"
        path.write_text(path.read_text().replace("Kneel on the floor.", "Kneel down on a soft mat."))
        assert wait_for(url, "Kneel down on a soft mat."), "the edit was not served"
    finally:
        server.terminate()
        server.wait(timeout=20)
