"""The blind reader test: every pose picture once, shuffled, the key right and out of the reader's folder."""

from __future__ import annotations

import json

import pytest
from PIL import Image, ImageChops

from generator.figures.picture import preview
from generator.figures.reader import key_path, names_text, reader_pack
from generator.load.content import load_content
from tests.conftest import REPO


@pytest.fixture(scope="module")
def guide():
    return load_content(REPO / "content", REPO / "site_assets")


@pytest.fixture(scope="module")
def two(guide):
    """Two exercises with a variation between them, to keep the drawing quick."""
    return [guide.exercises["seated-toe-touch"], guide.exercises["childs-pose"]]


def _figures(exercises):
    return {f"{e.id}/{f.id}": f for e in exercises for f in e.all_figures() if f.kind == "pose"}


def test_each_picture_is_the_figure_its_key_names(tmp_path, two):
    folder = tmp_path / "reader"
    count = reader_pack(two, folder, seed=5)
    key = json.loads(key_path(folder).read_text())
    figures = _figures(two)
    assert count == len(figures) == len(key)
    assert sorted(key.values()) == sorted(figures)  # every picture once
    assert sorted(p.name for p in folder.glob("picture-*.png")) == sorted(f"{k}.png" for k in key)
    for picture, name in key.items():
        drawn = Image.open(folder / f"{picture}.png").convert("RGB")
        expected = preview(figures[name], "light", 2).convert("RGB")
        assert ImageChops.difference(drawn, expected).getbbox() is None, picture


def test_the_key_is_beside_the_folder_and_nothing_in_it_names_a_figure(tmp_path, two):
    folder = tmp_path / "reader"
    reader_pack(two, folder)
    assert key_path(folder).parent == tmp_path
    texts = " ".join(p.read_text() for p in folder.iterdir() if p.suffix in (".txt", ".md"))
    for name in _figures(two):
        assert name.split("/")[1] not in texts  # no figure id, which would give the answer away
    last = f"picture-{len(_figures(two)):02d}.png"
    assert last in (folder / "README.md").read_text()  # the reader is told how many there are


def test_the_names_are_the_ones_a_patient_sees(guide):
    text = names_text(guide.exercises.values())
    for exercise in guide.exercises.values():
        assert f"- {exercise.title}" in text
        for other in exercise.also_known_as:
            assert other in text
        for variation in exercise.variations:
            assert f"  - variation: {variation.title}" in text


def test_the_seed_sets_the_order_and_a_new_pack_replaces_the_old_pictures(tmp_path, guide, two):
    every = list(guide.exercises.values())
    orders = []
    for seed in (1, 1, 2):
        folder = tmp_path / f"seed-{len(orders)}"
        reader_pack(every[:3], folder, seed=seed)
        orders.append(list(json.loads(key_path(folder).read_text()).values()))
    assert orders[0] == orders[1] and orders[0] != orders[2]
    folder = tmp_path / "reused"
    reader_pack(every, folder)
    reader_pack(two, folder)
    assert len(list(folder.glob("picture-*.png"))) == len(_figures(two))
