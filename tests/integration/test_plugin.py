"""The MkDocs plugin in this process: load a config written in tmp_path, build a real site there
and read what the plugin reports (in the style of mkdocstrings' tests)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError

from generator.adapters.plugin import TractionPlugin


def site_config(project: Path, **options: object) -> MkDocsConfig:
    """The project's mkdocs.yml, loaded, building into project/site, with plugin ``options`` set."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"), strict=True)
    for name, value in options.items():
        config.plugins["traction"].config[name] = value
    return config


def test_a_good_build_publishes_the_plan(project: Path):
    config = site_config(project)
    build(config)
    plugin = config.plugins["traction"]
    assert isinstance(plugin, TractionPlugin)
    counts = plugin.plan.counts
    assert (counts.pages, counts.exercises, counts.cards) == (12, 2, 1)  # 11 generated (2 of them players) + content/pages/extra.md
    assert counts.figures_drawn + counts.figures_cached == 1
    site = project / "site"
    assert 'id="step-kneel"' in (site / "exercises/childs-pose/index.html").read_text()
    assert json.loads((site / "api/guide.json").read_text())["exercises"][0]["url"] == "http://127.0.0.1:8000/exercises/childs-pose/"
    assert (site / "assets/traction/css/traction.css").is_file()
    assert not (project / "content/pages/exercises").exists()  # nothing generated is written into the docs folder


def test_declared_options_reach_the_pages(project: Path):
    config = site_config(project, card_pdfs=True)
    build(config)
    assert 'href="both-a4.pdf"' in (project / "site/cards/both/index.html").read_text()


def test_a_content_error_names_the_file_and_line(project: Path):
    path = project / "content/exercises/childs-pose.yaml"
    path.write_text(path.read_text().replace("title:", "titel:", 1))
    config = site_config(project)
    with pytest.raises(PluginError, match=r"exercises/childs-pose\.yaml:3:1: unknown key 'titel'"):
        config.plugins.on_config(config)
    with pytest.raises(Abort):
        build(site_config(project))
    assert not (project / "site").exists()  # refused before MkDocs touched the output folder


def test_a_hand_page_that_clashes_with_a_generated_one_is_refused(project: Path, caplog: pytest.LogCaptureFixture):
    clash = project / "content/pages/exercises/childs-pose.md"
    clash.parent.mkdir(parents=True)
    clash.write_text("# Mine\n")
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        build(site_config(project))
    assert "exercises/childs-pose.md clashes with a page the guide generates; rename it" in caplog.text
