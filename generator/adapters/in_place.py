"""Update a site folder in place: write only the files whose bytes changed, then sweep away what
the build no longer makes.

MkDocs empties its output folder and writes every file again. On a virtual machine's disk,
making a file costs far more than reading one: at 1,000 exercises (24,000 files and folders)
emptying and refilling the folder took about 5 of a build's 12 seconds, while reading every file
to compare takes 0.3 s. `traction build` therefore builds into the folder of the site before last
(adapters/cli.py keeps it), and for one build ``InPlace`` routes MkDocs' writes through `write`
and `copy`, which leave a file alone when its bytes are already right.

Which files are stale is told by time, so no writer needs to report what it wrote (MkDocs,
Material's search and offline plugins, the second process of adapters/two_cores.py): every file
this build wrote or confirmed has a modification time from after the build began (a confirmed
file is touched); `InPlace.sweep` deletes the rest, as MkDocs' own cleaning would have, and
leaves hidden entries at the top alone as MkDocs does (a `.git`, a `.nojekyll`), except our own.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Collection
from types import TracebackType

from mkdocs import utils

OURS = ".traction-"  # hidden leftovers of our own (a killed second process's result file)


def _same_bytes(path: str, content: bytes) -> bool:
    try:
        with open(path, "rb") as handle:
            if os.fstat(handle.fileno()).st_size != len(content):
                return False
            return handle.read() == content
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return False


def _make_room(path: str) -> None:
    """Clear what stands where ``path`` must go: a folder of that name, or a file where one of
    its folders must be (a page that became a section, or the other way round)."""
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path)
    parent = os.path.dirname(path)
    while parent and not os.path.isdir(parent):
        if os.path.lexists(parent):
            os.unlink(parent)
            break
        parent = os.path.dirname(parent)


def write(content: bytes, path: str) -> None:
    """MkDocs' `write_file`, which leaves a file holding these very bytes as it is (touched)."""
    if _same_bytes(path, content):
        os.utime(path)
        return
    try:
        _write(content, path)
    except (FileExistsError, NotADirectoryError, IsADirectoryError):
        _make_room(path)
        _write(content, path)


def _write(content: bytes, path: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(content)


def copy(source: str, path: str) -> None:
    """MkDocs' `copy_file`, which leaves a copy holding the source's bytes as it is (touched)."""
    if os.path.isdir(path):  # MkDocs allows a folder as the target
        path = os.path.join(path, os.path.basename(source))
    with open(source, "rb") as handle:
        write(handle.read(), path)


def link(source: str, path: str) -> None:
    """Publish ``source`` as a hard link at ``path`` (a copy where links cannot be made); a link
    that is there already is touched, which touches the source too: the two are one file."""
    try:
        there, wanted = os.stat(path), os.stat(source)
        if (there.st_ino, there.st_dev) == (wanted.st_ino, wanted.st_dev):
            os.utime(path)
            return
    except (FileNotFoundError, NotADirectoryError):
        pass
    _make_room(path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    try:
        os.link(source, path)
        os.utime(path)  # a new link keeps the file's old time, which would mark it stale
    except OSError:  # another file system, or links not allowed: copy
        shutil.copyfile(source, path)


def _keep(directory: str) -> None:
    """MkDocs' cleaning of the output folder, skipped: the sweep does it after the build."""


class InPlace:
    """One build's update of ``folder``: while entered, MkDocs writes through `write` and `copy`
    and does not empty the folder; `sweep` then deletes what the build did not write."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        os.makedirs(folder, exist_ok=True)
        # The file system's own clock, as the files' times will be read from it
        marker = os.path.join(folder, f"{OURS}began")
        with open(marker, "wb"):
            pass
        self.began = os.stat(marker).st_mtime_ns
        os.unlink(marker)
        self._saved: tuple[object, object, object] | None = None

    def __enter__(self) -> InPlace:
        self._saved = (utils.write_file, utils.copy_file, utils.clean_directory)
        utils.write_file, utils.copy_file, utils.clean_directory = write, copy, _keep  # type: ignore[assignment]
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.restore()

    def restore(self) -> None:
        """MkDocs writes and cleans as it always does again (a second call does nothing)."""
        if self._saved is not None:
            utils.write_file, utils.copy_file, utils.clean_directory = self._saved  # type: ignore[assignment]
            self._saved = None

    def sweep(self, written: Collection[str] = ()) -> list[str]:
        """Delete every file older than the build, and the folders that leaves empty; the site
        paths of the files left. ``written`` names files the build surely wrote (their times
        are not read)."""
        left: list[str] = []
        _sweep(self.folder, "", self.began, written, left)
        return left


def _sweep(folder: str, prefix: str, began: int, written: Collection[str], left: list[str]) -> bool:
    """Sweep ``folder`` (at site path ``prefix``); whether anything in it was deleted."""
    deleted = False
    with os.scandir(folder) as entries:
        for entry in entries:
            path = prefix + entry.name
            if not prefix and entry.name.startswith(".") and not entry.name.startswith(OURS):
                continue  # MkDocs leaves hidden entries at the top alone
            if entry.is_dir(follow_symlinks=False):
                if _sweep(entry.path, path + "/", began, written, left):
                    deleted = True
                    try:
                        os.rmdir(entry.path)  # only if the sweep left it empty
                    except OSError:
                        pass
            elif path in written or entry.stat(follow_symlinks=False).st_mtime_ns >= began:
                left.append(path)
            else:
                os.unlink(entry.path)
                deleted = True
    return deleted
