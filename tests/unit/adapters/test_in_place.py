"""A site folder updated in place: unchanged files are left alone, changed ones rewritten, and the
sweep removes exactly what the build did not write. tests/integration/test_site.py checks that a
whole build over the site before last equals a fresh one."""

from __future__ import annotations

import os
import time
from pathlib import Path

from mkdocs import utils

from generator.adapters import in_place


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def age(path: Path, seconds: float = 60) -> None:
    """Make a file look as if an earlier build wrote it."""
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_a_file_with_the_same_bytes_is_left_alone_but_marked_as_written(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(b"same")
    age(page)
    inode = page.stat().st_ino
    began = in_place.InPlace(str(tmp_path)).began
    in_place.write(b"same", str(page))
    assert page.stat().st_ino == inode and page.read_bytes() == b"same"
    assert page.stat().st_mtime_ns >= began


def test_changed_bytes_are_written(tmp_path):
    page = tmp_path / "a" / "page.html"
    in_place.write(b"first", str(page))
    in_place.write(b"second, longer", str(page))
    assert page.read_bytes() == b"second, longer"
    in_place.write(b"third!", str(page))  # same length as nothing before, different bytes
    assert page.read_bytes() == b"third!"


def test_whatever_stands_in_the_way_is_replaced(tmp_path):
    (tmp_path / "sw.js").mkdir()  # a folder where a file goes
    (tmp_path / "sw.js" / "old").write_text("x")
    (tmp_path / "exercises").write_text("a file where a folder goes")
    in_place.write(b"worker", str(tmp_path / "sw.js"))
    in_place.write(b"page", str(tmp_path / "exercises" / "one" / "index.html"))
    assert tree(tmp_path) == {"exercises/one/index.html": b"page", "sw.js": b"worker"}


def test_a_copy_is_a_write_of_the_source_bytes(tmp_path):
    source = tmp_path / "source.css"
    source.write_text("body {}")
    (tmp_path / "out").mkdir()
    in_place.copy(str(source), str(tmp_path / "out"))  # a folder as the target, as MkDocs allows
    assert (tmp_path / "out" / "source.css").read_text() == "body {}"


def test_a_link_is_made_once_and_then_only_touched(tmp_path):
    source = tmp_path / "cache" / "figure.webp"
    source.parent.mkdir()
    source.write_bytes(b"RIFF")
    age(source)
    target = tmp_path / "site" / "assets" / "figure.webp"
    updating = in_place.InPlace(str(tmp_path / "site"))
    in_place.link(str(source), str(target))
    # A new link keeps the file's old time; the build must still count it as written
    assert target.stat().st_ino == source.stat().st_ino
    assert target.stat().st_mtime_ns >= updating.began
    age(source)
    in_place.link(str(source), str(target))
    assert target.stat().st_mtime_ns >= updating.began
    assert updating.sweep() == ["assets/figure.webp"]


def test_the_sweep_deletes_what_the_build_did_not_write_and_the_folders_it_empties(tmp_path):
    site = tmp_path / "site"
    for name in ("index.html", "exercises/kept/index.html", "exercises/gone/index.html", "s/e9/index.html",
                 ".nojekyll", ".traction-pages-1.json"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(name)
        age(site / name)
    updating = in_place.InPlace(str(site))
    in_place.write(b"index.html", str(site / "index.html"))  # the same bytes: touched
    in_place.write(b"new", str(site / "exercises" / "kept" / "index.html"))
    # The sweep lists what it left; MkDocs leaves hidden entries at the top (.nojekyll); a leftover of ours goes
    assert sorted(updating.sweep()) == ["exercises/kept/index.html", "index.html"]
    assert sorted(tree(site)) == [".nojekyll", "exercises/kept/index.html", "index.html"]
    assert not (site / "s").exists() and not (site / "exercises" / "gone").exists()


def test_files_the_build_names_as_written_are_kept_without_a_look_at_their_time(tmp_path):
    site = tmp_path / "site"
    for name in ("s/e1/index.html", "s/e2/index.html"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(name)
        age(site / name)
    updating = in_place.InPlace(str(site))
    assert updating.sweep(written={"s/e1/index.html"}) == ["s/e1/index.html"]
    assert sorted(tree(site)) == ["s/e1/index.html"]


def test_while_entered_mkdocs_writes_in_place_and_keeps_the_folder(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old")
    saved = utils.write_file, utils.copy_file, utils.clean_directory
    with in_place.InPlace(str(site)):
        utils.clean_directory(str(site))
        assert (site / "old.html").exists()  # the sweep, not MkDocs, removes it
        utils.write_file(b"new", str(site / "new.html"))
    assert (utils.write_file, utils.copy_file, utils.clean_directory) == saved
    assert (site / "new.html").read_bytes() == b"new"
