"""Zensical adapter for `traction build --engine zensical`: the portable export (plain Markdown,
files and an mkdocs.yml with no plugins) built by Zensical, which reads mkdocs.yml but runs no
MkDocs plugins. The pipeline is the same one the MkDocs plugin publishes."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator.adapters.mkdocs_build import Built
from generator.adapters.portable import export
from generator.pipeline.settings import Settings

ENGINE_VERSION = "0.0.73"  # later releases need `zensical-ui`, which the package registry here lacks
MISSING = f"the Zensical engine is not installed: install it with `pip install -e .[zensical]` (zensical=={ENGINE_VERSION})"


def zensical_installed() -> bool:
    return importlib.util.find_spec("zensical") is not None


def run_zensical(config_file: Path, settings: Settings, site_dir: Path, epoch: str, warnings: list[str]) -> Built | None:
    """Export beside ``site_dir`` and build it with Zensical into ``site_dir``. None when Zensical
    is missing or fails (what it printed is passed on)."""
    if not zensical_installed():
        print(f"traction build: {MISSING}", file=sys.stderr)
        return None
    work = site_dir.parent / "zensical-project"
    plan = export(config_file, work, settings)
    # Zensical prints its own progress and problems; the fixed date keeps the output reproducible.
    result = subprocess.run([sys.executable, "-m", "zensical", "build"], cwd=work, capture_output=True, text=True,
                            env=dict(os.environ, SOURCE_DATE_EPOCH=epoch))
    sys.stderr.write(result.stdout + result.stderr)
    warnings += [line for line in (result.stdout + result.stderr).splitlines() if "warning" in line.lower()]
    if result.returncode != 0 or not (work / "site").is_dir():
        print(f"traction build: Zensical failed (exit code {result.returncode})", file=sys.stderr)
        return None
    shutil.move(work / "site", site_dir)
    return Built(plan.counts, settings.site_url)
