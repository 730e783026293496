"""Build the pages on two cores: MkDocs renders pages one after another in one process.

Once every page is read and converted (MkDocs' ``on_env`` event), ``Split.start`` forks: the
child process renders every other page through the theme, writing its HTML files and keeping
its search entries and log records; the parent renders the rest, skipping the child's pages.
``Split.finish`` (after the build, before search writes its index) waits for the child, logs
what it logged, puts its search entries back in page order and returns what the child's
``collect`` gathered (the digests of the pages it wrote). The site is byte for byte the
one a single process builds (a test compares them). Only on Linux, where fork is cheap and safe
in a build that runs no threads; anywhere else, or when anything goes wrong before the fork, the
build simply stays in one process.
"""

from __future__ import annotations

import ctypes
import json
import logging
import os
import signal
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator.adapters.search import search_plugin


def available() -> bool:
    """Two cores, a system where a build can fork, and no other thread in this process (a
    thread's locks would be copied held into the child: test runners and servers keep one process)."""
    return sys.platform == "linux" and (os.cpu_count() or 1) > 1 and threading.active_count() == 1


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


class Split:
    """One build's second process."""

    def __init__(self) -> None:
        self.pid = 0
        self.result: Path | None = None
        self.theirs: set[str] = set()
        self._build_page: Callable[..., None] | None = None

    def start(self, config: MkDocsConfig, files: Files, nav: Navigation, env: Environment,
              collect: Callable[[], Any] = dict) -> None:
        """Fork; the child renders every other page, hands back ``collect()`` (JSON) and exits;
        the parent skips those pages."""
        pages = [f.page for f in files.documentation_pages() if f.page is not None]
        theirs = pages[1::2]
        if not theirs:
            return
        # in the output folder: a build killed mid-way leaves it where the next build cleans up
        os.makedirs(config.site_dir, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=".traction-pages-", suffix=".json", dir=config.site_dir)
        os.close(handle)
        self.result = Path(name)
        sys.stdout.flush()
        sys.stderr.flush()
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # the child: never returns to MkDocs
            _die_with_parent(parent)
            os._exit(_child(config, files, nav, env, theirs, self.result, collect))
        self.pid, self.theirs = pid, {page.file.src_uri for page in theirs}
        self._config, self._files = config, files
        self._build_page = mkdocs_build._build_page
        mkdocs_build._build_page = self._skip  # MkDocs looks the function up on every call

    def _skip(self, page: Page, *args: Any, **kwargs: Any) -> None:
        assert self._build_page is not None
        if page.file.src_uri not in self.theirs:
            self._build_page(page, *args, **kwargs)

    def finish(self) -> Any:
        """Wait for the child; log its records, merge its search entries in page order and
        return what its ``collect`` gathered (None if there was no child)."""
        if self._build_page is not None:
            mkdocs_build._build_page = self._build_page
            self._build_page = None
        if not self.pid or self.result is None:
            return None
        _, status = os.waitpid(self.pid, 0)
        self.pid = 0
        try:
            data = json.loads(self.result.read_text(encoding="utf-8") or "{}")
        finally:
            self.result.unlink(missing_ok=True)
        for logger, level, message in data.get("records", []):
            logging.getLogger(logger).log(level, message)
        if status != 0 or "error" in data:
            raise PluginError(f"traction: rendering pages in a second process failed: {data.get('error', status)}")
        search = search_plugin(self._config)
        if search is not None:
            order = {f.page.url: n for n, f in enumerate(self._files.documentation_pages()) if f.page is not None}
            entries = search.search_index.entries + data["entries"]
            entries.sort(key=lambda e: order.get(e["location"].partition("#")[0], len(order)))  # stable: sections stay in order
            search.search_index.entries = entries
        return data.get("collected")


def _die_with_parent(parent: int) -> None:
    """A build killed mid-way takes its second process with it (Linux prctl PR_SET_PDEATHSIG),
    so nothing goes on writing into the folder the next build cleans up."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # killed before the line above took effect
        os._exit(1)


def _child(config: MkDocsConfig, files: Files, nav: Navigation, env: Environment, pages: list[Page], result: Path,
           collect: Callable[[], Any]) -> int:
    """Render ``pages`` and write what the parent needs to ``result``; the exit status."""
    records = _Records()
    logger = logging.getLogger("mkdocs")
    for handler in list(logger.handlers):
        logger.removeHandler(handler)  # the parent logs these records, once, through its own handlers
    logger.addHandler(records)
    logger.propagate = False
    data: dict[str, Any] = {}
    try:
        search = search_plugin(config)
        if search is not None:
            search.search_index.entries = []
        doc_files = files.documentation_pages()
        for page in pages:
            mkdocs_build._build_page(page, config, doc_files, nav, env)
        data["entries"] = search.search_index.entries if search is not None else []
        data["collected"] = collect()
    except BaseException as error:  # reported by the parent, which fails the build
        data["error"] = f"{type(error).__name__}: {error}"
    data["records"] = records.records
    result.write_text(json.dumps(data), encoding="utf-8")
    return 1 if "error" in data else 0
