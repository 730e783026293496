"""The figure cache: a second build draws nothing, bytes never change, every output is in budget."""

from __future__ import annotations

import gzip
import io
import re

import pytest
from PIL import Image

from generator.figures.store import FigureStore
from generator.load.content import load_content
from generator.model import urls
from tests.conftest import REPO

MAX_WEBP_1X = 20 * 1024
MAX_SVG_GZIP = 8 * 1024


@pytest.fixture(scope="module")
def guide_outputs(tmp_path_factory):
    """The real guide's figures drawn twice, each time into an empty cache."""
    content = load_content(REPO / "content", REPO / "site_assets")
    one = FigureStore(tmp_path_factory.mktemp("one")).add_all(content)
    two = FigureStore(tmp_path_factory.mktemp("two")).add_all(content)
    return content, one, two


def test_second_build_draws_nothing(content_dir, tmp_path):
    content = load_content(content_dir)
    first = FigureStore(tmp_path / "cache")
    files = first.add_all(content)
    assert (first.drawn, first.cached) == (1, 0)
    assert sorted(files) == sorted(
        f"assets/figures/childs-pose/childs-pose-hold{suffix}"
        for suffix in ("-400.webp", "-800.webp", "-dark-400.webp", "-dark-800.webp", ".svg", "-card.svg", "-print.png")
    )
    stamps = {p: p.stat().st_mtime_ns for p in files.values()}
    second = FigureStore(tmp_path / "cache")
    assert second.add_all(content) == files
    assert (second.drawn, second.cached) == (0, 1)
    assert {p: p.stat().st_mtime_ns for p in files.values()} == stamps


@pytest.mark.parametrize(("old", "new"), [
    ("trunk flexion: 35", "trunk flexion: 40"),  # the pose
    ("caption: Sit back while your hands stay fixed on the floor.", "caption: Sit back; your hands stay on the floor."),  # the SVG's title
    ("alt: A person kneels and sits back toward the heels, arms stretched forward with the hands flat on the floor.",
     "alt: A person kneels and sits back toward the heels, arms stretched forward with the hands flat on the floor.\n"
     "    card_alt: A person kneels, sits back and reaches forward."),  # the card SVG's description
])
def test_whatever_the_outputs_are_made_from_draws_the_figure_again(content_dir, tmp_path, old, new):
    FigureStore(tmp_path / "cache").add_all(load_content(content_dir))
    path = content_dir / "exercises" / "childs-pose.yaml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))
    store = FigureStore(tmp_path / "cache")
    files = store.add_all(load_content(content_dir))
    assert (store.drawn, store.cached) == (1, 0)
    if "caption" in old:
        assert new.removeprefix("caption: ") in files["assets/figures/childs-pose/childs-pose-hold.svg"].read_text()
    if "card_alt" in new:
        assert "A person kneels, sits back and reaches forward." in files["assets/figures/childs-pose/childs-pose-hold-card.svg"].read_text()


def test_two_cold_renders_are_byte_identical(guide_outputs):
    _, one, two = guide_outputs
    assert one.keys() == two.keys()
    for site_path in one:
        assert one[site_path].read_bytes() == two[site_path].read_bytes(), site_path


def test_every_guide_figure_is_small_and_the_right_size(guide_outputs):
    content, files, _ = guide_outputs
    drawn = [e for e in content.exercises.values() if any(f.kind == "pose" for f in e.figures)]
    assert len(drawn) == len(content.exercises), "every exercise has a drawing"
    poses = {urls.figure_file(e.id, f.id, "svg"): f for e in content.exercises.values() for f in e.all_figures() if f.kind == "pose"}
    assert sum(1 for p in files if p.endswith("-card.svg")) == len(poses)
    assert {f.pose.shape for f in poses.values()} == {"wide", "square"}, "the guide uses both shapes"
    for site_path, path in files.items():
        figure = poses[re.sub(r"(-card|-print|-dark)?(-400|-800)?\.(svg|webp|png)$", ".svg", site_path)]
        width, height = (400, 400) if figure.pose.shape == "square" else (400, 250)
        data = path.read_bytes()
        if site_path.endswith(".svg"):
            assert len(gzip.compress(data, mtime=0)) <= MAX_SVG_GZIP, site_path
            view = re.search(rb'viewBox="0 0 ([\d.]+) ([\d.]+)"', data).groups()
            assert tuple(map(float, view)) == ((360, 200) if site_path.endswith("-card.svg") else (width, height))
            continue
        with Image.open(io.BytesIO(data)) as image:
            if site_path.endswith("-400.webp"):
                assert image.size == (width, height)
                assert len(data) <= MAX_WEBP_1X, site_path
            elif site_path.endswith("-800.webp"):
                assert image.size == (2 * width, 2 * height)
            else:
                assert image.format == "PNG" and image.size == (1200, 3 * height)

