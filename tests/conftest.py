"""Shared fixtures: a copy of the fixture guide, a builder for real sites, and Chromium."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURE_CONTENT = REPO / "tests" / "fixtures" / "content"
READING_GRADES: dict[str, float] = {}  # filled by tests/content/test_plain_language.py


def pytest_terminal_summary(terminalreporter) -> None:  # type: ignore[no-untyped-def]
    """Print the reading grade of every page the plain-language test measured."""
    if READING_GRADES:
        terminalreporter.section("reading grade per page (Flesch-Kincaid, must be 8 or lower)")
        for page, grade in sorted(READING_GRADES.items()):
            terminalreporter.write_line(f"{grade:5.1f}  {page}")


def make_project(root: Path, content: Path = FIXTURE_CONTENT) -> Path:
    """A project folder holding a copy of ``content`` and the repository's own mkdocs.yml."""
    shutil.copytree(content, root / "content")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("custom_dir: overrides", f"custom_dir: {REPO / 'overrides'}")
    config = config.replace("assets: site_assets", f"assets: {REPO / 'site_assets'}")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in a text file by ``new``; fails if ``old`` is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with a hash of its bytes: two equal snapshots, two equal trees."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run a command with this Python's scripts on PATH and capture its output."""
    full_env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    full_env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + full_env.get("PATH", "")
    return subprocess.run(list(args), cwd=cwd, env=full_env, capture_output=True, text=True, check=False)


def traction(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the traction CLI as a user would."""
    return run(sys.executable, "-m", "generator", *args, cwd=cwd, env=env)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the fixture project, free to edit."""
    return make_project(tmp_path / "project")


@pytest.fixture
def content_dir(project: Path) -> Path:
    return project / "content"


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture project built once with `traction build` (mkdocs --strict)."""
    root = make_project(tmp_path_factory.mktemp("fixture") / "project")
    result = traction("build", cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


@pytest.fixture(scope="session")
def guide_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real guide (content/) built once into a temporary folder."""
    out = tmp_path_factory.mktemp("guide") / "site"
    result = traction("build", "--site-dir", str(out), cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    return out
