"""What a build writes is written whole or not at all, and one build runs at a time.

A kill is simulated at every step of the site swap (and of a registry write) by a fault injected
into the file-system call; afterwards the next build's recovery must find the old site or the
new one, whole. tests/integration/test_build_safety.py kills real builds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.adapters import cli
from generator.figures import parallel
from generator.figures.parallel import write_atomic, write_once


class Killed(BaseException):
    """Stands for SIGKILL: nothing after it runs (not even `except Exception` handlers)."""


def make_site(folder: Path, marker: str) -> None:
    (folder / "exercises").mkdir(parents=True)
    (folder / "index.html").write_text(marker)
    (folder / "exercises" / "page.html").write_text(marker * 3)


def contents(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text() for p in sorted(folder.rglob("*")) if p.is_file()}


def kill_at(monkeypatch: pytest.MonkeyPatch, call: int) -> list[int]:
    """Make the ``call``-th rename-like file-system step (1-based) never happen, and stop there."""
    counter = [0]

    def step(real):  # type: ignore[no-untyped-def]
        def wrapped(*args, **kwargs):  # type: ignore[no-untyped-def]
            counter[0] += 1
            if counter[0] == call:
                raise Killed
            return real(*args, **kwargs)
        return wrapped

    monkeypatch.setattr(Path, "rename", step(Path.rename))
    monkeypatch.setattr(cli, "_exchange", step(cli._exchange))
    monkeypatch.setattr(cli.shutil, "rmtree", step(cli.shutil.rmtree))
    return counter


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two-renames"])
@pytest.mark.parametrize("call", [1, 2, 3, 4, 5])
def test_the_site_swap_killed_at_any_step_leaves_a_whole_site(tmp_path, monkeypatch, exchange, call):
    site, new = tmp_path / "site", tmp_path / ".traction-build-site.x" / "site"
    make_site(site, "old")
    make_site(new, "new")
    if not exchange:
        monkeypatch.setattr(cli, "_exchange", lambda a, b: False)
    with monkeypatch.context() as patch:
        kill_at(patch, call)
        try:
            cli.swap_in(new, site)
        except Killed:
            pass
    cli._recover(site)  # what the next build does first
    assert contents(site) in (contents_of("old"), contents_of("new"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no staging or site.old left


def contents_of(marker: str) -> dict[str, str]:
    return {"exercises/page.html": marker * 3, "index.html": marker}


def test_the_swap_replaces_the_site(tmp_path):
    site, new = tmp_path / "site", tmp_path / "staging" / "site"
    make_site(site, "old")
    make_site(new, "new")
    cli.swap_in(new, site)
    assert contents(site) == contents_of("new")
    assert not new.exists()


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two-renames"])
def test_the_swap_keeps_the_old_site_for_the_next_build_where_asked(tmp_path, monkeypatch, exchange):
    site, new, keep = tmp_path / "site", tmp_path / "staging" / "site", tmp_path / "cache" / "site-before-last"
    make_site(site, "old")
    make_site(new, "new")
    keep.parent.mkdir()
    if not exchange:
        monkeypatch.setattr(cli, "_exchange", lambda a, b: False)
    cli.swap_in(new, site, keep)
    assert contents(site) == contents_of("new") and contents(keep) == contents_of("old")
    assert not new.exists() and not (tmp_path / "site.old").exists()


def test_a_registry_write_killed_before_the_rename_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "links.yaml"
    path.write_text("links: []\n")

    def killed(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise Killed

    monkeypatch.setattr(parallel.os, "replace", killed)
    with pytest.raises(Killed):
        write_atomic(path, b"links:\n- url: ''\n")
    assert path.read_text() == "links: []\n"


def test_atomic_writes_keep_permissions_and_leave_no_temporary_files(tmp_path):
    path = tmp_path / "links.yaml"
    write_atomic(path, b"a")
    assert path.stat().st_mode & 0o777 == parallel.FILE_MODE  # not mkstemp's private 0600
    path.chmod(0o664)
    write_atomic(path, b"b")
    assert path.read_bytes() == b"b" and path.stat().st_mode & 0o777 == 0o664
    assert [p.name for p in tmp_path.iterdir()] == ["links.yaml"]


def test_a_second_build_into_the_same_folder_is_refused_while_one_runs(tmp_path):
    lock = cli._site_lock(tmp_path / "content", tmp_path / "site")
    with cli._held(lock):
        with pytest.raises(cli.BuildLocked, match=rf"another traction build is running \(pid {os.getpid()}\)"):
            with cli._held(lock):
                pass
    with cli._held(lock):  # free again once the first one ends
        pass
    assert cli._site_lock(tmp_path / "content", tmp_path / "other-site") != lock  # other folders build side by side


def test_links_are_recorded_only_over_the_registry_the_build_started_from(tmp_path, capsys):
    (tmp_path / "content").mkdir()
    committed, built = tmp_path / "content" / "links.yaml", tmp_path / "built.yaml"
    committed.write_text("links:\n- url: a/\n- url: b/\n")  # another build recorded b/ meanwhile
    built.write_text("links:\n- url: a/\n- url: c/\n")
    cli._record_links(built, committed, b"links:\n- url: a/\n")
    assert committed.read_text() == "links:\n- url: a/\n- url: b/\n"  # b/ is never lost
    assert "build again" in capsys.readouterr().err
    cli._record_links(built, committed, committed.read_bytes())
    assert committed.read_text() == built.read_text()


def test_a_killed_builds_leftovers_are_cleared(tmp_path):
    make_site(tmp_path / "site.old", "old")  # killed between the two renames of the fallback
    (tmp_path / ".traction-build-site.abc" / "site").mkdir(parents=True)
    cli._recover(tmp_path / "site")
    assert contents(tmp_path / "site") == contents_of("old")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_cached_figure_is_written_once_and_a_link_to_it_stays_in_the_cache(tmp_path):
    # Two builds (or two test workers) that render the same figure at once: the second write must
    # not replace the file that the first build's site already links to.
    cached, site_copy = tmp_path / "cache" / "abc" / "f.webp", tmp_path / "site" / "f.webp"
    write_once(cached, b"drawn")
    site_copy.parent.mkdir()
    os.link(cached, site_copy)
    write_once(cached, b"drawn")
    assert cached.read_bytes() == b"drawn" and os.path.samefile(cached, site_copy)
    assert sorted(p.name for p in cached.parent.iterdir()) == ["f.webp"]  # no temporary file left
    write_atomic(cached, b"drawn")  # what a rename does instead
    assert not os.path.samefile(cached, site_copy)
