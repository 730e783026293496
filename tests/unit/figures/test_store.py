"""The figure cache: a second build encodes nothing, and bytes never change between builds."""

from __future__ import annotations

import io

from PIL import Image

from generator.content import load_content
from generator.figures.store import FigureStore
from tests.conftest import REPO

MAX_WEBP_1X = 20 * 1024


def test_second_build_encodes_nothing(content_dir, tmp_path):
    content = load_content(content_dir)
    first = FigureStore(tmp_path / "cache")
    files = first.add_all(content)
    assert (first.drawn, first.cached) == (1, 0)
    assert sorted(files) == [
        "assets/figures/childs-pose/childs-pose-hold-400.webp",
        "assets/figures/childs-pose/childs-pose-hold-800.webp",
        "assets/figures/childs-pose/childs-pose-hold-print.png",
    ]
    stamps = {p: p.stat().st_mtime_ns for p in files.values()}
    second = FigureStore(tmp_path / "cache")
    assert second.add_all(content) == files
    assert (second.drawn, second.cached) == (0, 1)
    assert {p: p.stat().st_mtime_ns for p in files.values()} == stamps


def test_a_changed_pose_is_drawn_again(content_dir, tmp_path):
    FigureStore(tmp_path / "cache").add_all(load_content(content_dir))
    path = content_dir / "exercises" / "childs-pose.yaml"
    path.write_text(path.read_text().replace("trunk: 195", "trunk: 190"))
    store = FigureStore(tmp_path / "cache")
    store.add_all(load_content(content_dir))
    assert (store.drawn, store.cached) == (1, 0)


def test_outputs_are_byte_identical_across_caches(tmp_path):
    content = load_content(REPO / "content", REPO / "site_assets")
    one = FigureStore(tmp_path / "one").add_all(content)
    two = FigureStore(tmp_path / "two").add_all(content)
    assert one.keys() == two.keys()
    for site_path in one:
        assert one[site_path].read_bytes() == two[site_path].read_bytes(), site_path


def test_every_guide_figure_is_small_and_the_right_size(tmp_path):
    content = load_content(REPO / "content", REPO / "site_assets")
    files = FigureStore(tmp_path / "cache").add_all(content)
    drawn = [e for e in content.exercises.values() if any(f.kind == "pose" for f in e.figures)]
    assert len(drawn) == len(content.exercises), "every exercise has a drawing"
    for site_path, path in files.items():
        with Image.open(io.BytesIO(path.read_bytes())) as image:
            if site_path.endswith("-400.webp"):
                assert image.size == (400, 250)
                assert path.stat().st_size <= MAX_WEBP_1X, site_path
            elif site_path.endswith("-800.webp"):
                assert image.size == (800, 500)
            else:
                assert image.format == "PNG" and image.width == 1200
