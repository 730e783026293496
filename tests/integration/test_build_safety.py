"""`traction build` loses nothing: killed at any moment (SIGKILL, no chance to clean up) it leaves
the previous site and a readable content/links.yaml, and the next build succeeds; two builds at
once never corrupt either (the second is refused with a clear message while the first runs)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.load.registry import load_registry
from tests.conftest import make_project, snapshot, traction

NEW_STEP = "  - id: breathe-out\n    text: Breathe out slowly.\n"


def start_build(project: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PATH=str(Path(sys.executable).parent) + os.pathsep + os.environ["PATH"])
    # A session of its own, so SIGKILL reaches MkDocs and the figure workers too.
    return subprocess.Popen([sys.executable, "-m", "generator", "build"], cwd=project, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def add_a_step(project: Path) -> None:
    """A content change that alters pages and adds a link to the registry."""
    path = project / "content" / "exercises" / "childs-pose.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("steps:\n", "steps:\n" + NEW_STEP, 1), encoding="utf-8")


@pytest.fixture
def states(tmp_path: Path) -> tuple[Path, dict[str, str], bytes, dict[str, str], bytes, float]:
    """A project holding a good site and registry (the old state) and content changed so that a
    build replaces both; the new state is found by building once, then the old one is put back.
    Also returns how long that build took, to spread kills over a build."""
    project = make_project(tmp_path / "project")
    assert traction("build", cwd=project).returncode == 0
    old_site, old_links = snapshot(project / "site"), (project / "content" / "links.yaml").read_bytes()
    shutil.copytree(project / "site", tmp_path / "old-site")
    add_a_step(project)
    started = time.monotonic()
    result = traction("build", cwd=project)
    duration = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    new_site, new_links = snapshot(project / "site"), (project / "content" / "links.yaml").read_bytes()
    assert new_site != old_site and new_links != old_links  # the change reaches both
    reset(project, tmp_path / "old-site", old_links)
    return project, old_site, old_links, new_site, new_links, duration


def reset(project: Path, old_copy: Path, old_links: bytes) -> None:
    shutil.rmtree(project / "site")
    shutil.copytree(old_copy, project / "site")
    (project / "content" / "links.yaml").write_bytes(old_links)


def test_a_killed_build_leaves_the_previous_site_and_registry(states, tmp_path):
    project, old_site, old_links, new_site, new_links, duration = states
    outcomes = []
    for fraction in (0.15, 0.4, 0.65, 0.85, 0.93, 0.98, 1.03):
        process = start_build(project)
        time.sleep(duration * fraction)
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()  # reads and closes its pipes
        site, links = snapshot(project / "site"), (project / "content" / "links.yaml").read_bytes()
        assert site in (old_site, new_site), f"killed at {fraction:.0%} of a build: the site is neither the old nor the new one"
        assert links in (old_links, new_links), f"killed at {fraction:.0%} of a build: links.yaml is damaged"
        load_registry(project / "content")  # and readable
        outcomes.append((site == new_site, links == new_links))
        result = traction("build", cwd=project)  # the next build succeeds
        assert result.returncode == 0, result.stderr
        assert snapshot(project / "site") == new_site
        assert (project / "content" / "links.yaml").read_bytes() == new_links
        assert not [p.name for p in project.iterdir() if p.name.startswith(".traction-build-") or p.name == "site.old"]
        reset(project, tmp_path / "old-site", old_links)
    print("killed builds (new site?, new links?):", outcomes)


def test_two_builds_at_once_never_corrupt_the_site_or_the_registry(states):
    project, _, _, new_site, new_links, _ = states
    first, second = start_build(project), start_build(project)
    errors = [p.communicate()[1] for p in (first, second)]  # reads and closes both pipes
    results = [(p.returncode, err) for p, err in zip((first, second), errors, strict=True)]
    assert any(code == 0 for code, _ in results), results
    for code, err in results:
        assert "Traceback" not in err
        if code != 0:
            assert "another traction build is running (pid " in err, err
    assert snapshot(project / "site") == new_site
    assert (project / "content" / "links.yaml").read_bytes() == new_links
    assert traction("build", cwd=project).returncode == 0  # and nothing is left locked
