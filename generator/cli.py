"""The `traction` command: check content and build the site. A thin adapter over the core."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .content import Content, load_content
from .problems import ContentError


def _check(content_dir: Path) -> Content | None:
    try:
        content = load_content(content_dir)
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return None
    print(
        f"{content_dir}: OK: {len(content.exercises)} exercises in {len(content.guide.stages)} stages, "
        f"{len(content.routines)} routines"
    )
    return content


def _build_epoch(content: Content) -> str:
    """A fixed build date so two builds of the same content are byte-identical."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return os.environ["SOURCE_DATE_EPOCH"]
    reviewed = content.guide.review.last_reviewed
    return str(int(dt.datetime(reviewed.year, reviewed.month, reviewed.day, tzinfo=dt.timezone.utc).timestamp()))


def build(config_file: Path, content_dir: Path, site_dir: Path) -> int:
    """Check, then build with --strict into a fresh folder; replace site_dir only on success."""
    content = _check(content_dir)
    if content is None:
        return 1
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".traction-build-", dir=site_dir.parent))
    env = dict(os.environ, SOURCE_DATE_EPOCH=_build_epoch(content), NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config_file), "--site-dir", str(staging)]
    result = subprocess.run(command, env=env, check=False)
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"Build failed; {site_dir} was left as it was.", file=sys.stderr)
        return 1
    old = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    print(f"Site written to {site_dir}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of `traction` and `python -m generator`."""
    parser = argparse.ArgumentParser(prog="traction", description="Build exercise guides from YAML content.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate the content and list every problem")
    check.add_argument("--content", type=Path, default=Path("content"), help="content folder (default: content)")
    build_cmd = sub.add_parser("build", help="check, then build the site with mkdocs --strict")
    build_cmd.add_argument("--content", type=Path, default=Path("content"), help="content folder (default: content)")
    build_cmd.add_argument("--config-file", "-f", type=Path, default=Path("mkdocs.yml"), help="MkDocs config (default: mkdocs.yml)")
    build_cmd.add_argument("--site-dir", "-d", type=Path, default=Path("site"), help="output folder (default: site)")
    args = parser.parse_args(argv)
    if args.command == "check":
        return 0 if _check(args.content) else 1
    return build(args.config_file, args.content, args.site_dir)
