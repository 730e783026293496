"""`traction export`: the guide builds without our plugin, by plain MkDocs (and Zensical if it installs)."""

from __future__ import annotations

import json
import sys

import yaml

from tests.conftest import run, traction


def test_export_builds_with_plain_mkdocs(project, tmp_path):
    out = tmp_path / "portable"
    result = traction("export", "--out", str(out), cwd=project)
    assert result.returncode == 0, result.stderr
    config = yaml.safe_load((out / "mkdocs.yml").read_text())
    assert config["plugins"] == ["search"]  # no traction plugin, nothing to run
    built = run(sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(out / "mkdocs.yml"), cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    site = out / "site"
    exported = json.loads((site / "api/guide.json").read_text())
    for exercise in exported["exercises"]:
        html = (site / "exercises" / exercise["id"] / "index.html").read_text()
        assert all(f'id="{a["anchor"]}"' in html for a in exercise["anchors"])
    assert (site / "cards/both/index.html").is_file() and (site / "s/cp-k/index.html").is_file()
    assert (site / "assets/figures/childs-pose/childs-pose-hold-400.webp").is_file()


def test_export_builds_with_zensical(project, tmp_path):
    out = tmp_path / "portable"
    assert traction("export", "--out", str(out), cwd=project).returncode == 0
    built = run(sys.executable, "-m", "zensical", "build", cwd=out)
    assert built.returncode == 0, built.stderr
    for name in ("childs-pose", "runners-lunge"):
        assert (out / "site" / "exercises" / name / "index.html").is_file()
