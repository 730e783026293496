"""`traction serve`: a live preview that never shows a broken site.

A change to the content or the assets updates only the pages, files and search entries it
touches, in place (adapters/live.py); a change to templates, the theme or mkdocs.yml rebuilds the
guide in this process into a fresh folder. Bad content changes nothing: it prints its problems
and the last good site stays up. Open pages reload themselves after a good update.
"""

from __future__ import annotations

import functools
import http.server
import logging
import shutil
import sys
import threading
import time
from pathlib import Path
from typing import Any

from generator.adapters.live import LiveSite
from generator.cards.browser import send_not_found_page
from generator.load.problems import ContentError

VERSION_PATH = "/__traction__/version"
# The page knows the version it was served at, so a rebuild between loading and the first poll still reloads it.
RELOAD_SCRIPT = (
    "<script>(()=>{const seen='{version}';setInterval(async()=>{try{const r=await fetch('" + VERSION_PATH + "');"
    "if((await r.text())!==seen){location.reload()}}catch(e){}},1000)})()</script>"
)


class Preview:
    """The folder being served and its version; swapped only after a good build."""

    def __init__(self) -> None:
        self.folder: Path | None = None
        self.version = 0
        self.lock = threading.Lock()

    def bump(self) -> None:
        """The folder was updated in place: open pages reload."""
        with self.lock:
            self.version += 1

    def publish(self, folder: Path) -> None:
        with self.lock:
            old, self.folder = self.folder, folder
            self.version += 1
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


class _Handler(http.server.SimpleHTTPRequestHandler):
    preview: Preview

    def __init__(self, *args: Any, preview: Preview, **kwargs: Any) -> None:
        self.preview = preview
        super().__init__(*args, directory=str(preview.folder), **kwargs)

    def log_message(self, format: str, *args: Any) -> None:  # the preview's own lines say what happens
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        folder = self.preview.folder
        if not (code == 404 and folder is not None and send_not_found_page(self, folder)):
            super().send_error(code, message, explain)

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Cache-Control", "no-store")  # a preview must never show a stale page
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # http.server calls it by this name
        if self.path == VERSION_PATH:
            self._send(str(self.preview.version).encode(), "text/plain")
            return
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            script = RELOAD_SCRIPT.replace("{version}", str(self.preview.version))
            self._send(path.read_bytes().replace(b"</body>", script.encode() + b"</body>", 1), "text/html; charset=utf-8")
            return
        super().do_GET()


def _snapshot(folders: list[Path], files: list[Path]) -> dict[Path, int]:
    stamps = {}
    for folder in folders:
        if folder.is_dir():
            for path in folder.rglob("*"):
                if path.is_file():
                    stamps[path] = path.stat().st_mtime_ns
    for path in files:
        if path.is_file():
            stamps[path] = path.stat().st_mtime_ns
    return stamps


def _full(live: LiveSite) -> Path | None:
    """A full build into a fresh folder; print what went wrong and return None on failure."""
    started = time.perf_counter()
    try:
        out = live.full()
    except (Exception, SystemExit) as error:  # any failure keeps the last good site
        print(f"Build failed ({error}); still serving the last good site.", file=sys.stderr, flush=True)
        return None
    print(f"Rebuilt in {time.perf_counter() - started:.2f} s", flush=True)
    return out


def _update(live: LiveSite, preview: Preview, changed: set[Path]) -> None:
    """After a save: update the served folder in place when only content or assets changed,
    else build everything into a fresh folder. Bad content changes nothing that is served."""
    if live.can_update(changed):
        try:
            done = live.update()
        except ContentError as error:
            print(f"The content has problems; still serving the last good site.\n{error.report()}", file=sys.stderr, flush=True)
            return
        except Exception as error:  # an update that went wrong: start again from a full build
            print(f"Updating failed ({error}); building everything.", file=sys.stderr, flush=True)
            done = None
        if done is not None:
            preview.bump()
            print(f"Updated {len(done.pages)} pages and {len(done.files)} files in {done.seconds:.2f} s", flush=True)
            return
    built = _full(live)
    if built is not None:
        preview.publish(built)


def serve(config_file: Path, watch: list[Path], host: str = "127.0.0.1", port: int = 8000, interval: float = 0.3) -> int:
    """Build, serve on host:port, and rebuild whenever a watched file changes. Runs until stopped."""
    site_url = f"http://{host}:{port}/"
    handler = logging.StreamHandler(sys.stderr)  # MkDocs reports problems through its logger
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    preview = Preview()
    live = LiveSite(config_file, site_url)
    first = _full(live)
    if first is None:
        return 1
    preview.publish(first)
    server = http.server.ThreadingHTTPServer((host, port), functools.partial(_Handler, preview=preview))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Serving on {site_url} (Ctrl+C to stop)", flush=True)
    folders = [p for p in watch if p.is_dir()]
    files = [p for p in watch if not p.is_dir()] + [config_file]
    stamps = _snapshot(folders, files)
    try:
        while True:
            time.sleep(interval)
            now = _snapshot(folders, files)
            if now != stamps:
                changed = {path for path in now.keys() | stamps.keys() if now.get(path) != stamps.get(path)}
                stamps = now
                _update(live, preview, changed)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        if preview.folder:
            shutil.rmtree(preview.folder, ignore_errors=True)
    return 0
