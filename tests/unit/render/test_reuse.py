"""Pieces kept between builds (a live preview's, in memory; `traction build`'s, on disk): reused
only while made from objects that hold the same and from the same values."""

from __future__ import annotations

import json

import pytest
from pydantic import BaseModel

from generator.load import pickled
from generator.load.content import load_content
from generator.load.registry import load_registry, update
from generator.pipeline.site import plan_site
from generator.render.export import guide_json
from generator.render.reuse import Reuse, code_fingerprint
from tests.conftest import edit


class Thing(BaseModel):
    name: str


def test_a_piece_is_reused_while_its_objects_hold_the_same_and_its_values_are_the_same():
    reuse, a, b = Reuse(), Thing(name="a"), Thing(name="b")
    made = []
    assert reuse.get("page", (a,), 1, lambda: made.append("a1") or "A1") == "A1"
    reuse.next_build()
    assert reuse.get("page", (a,), 1, lambda: made.append("again") or "never") == "A1"
    assert reuse.get("page", (Thing(name="a"),), 1, lambda: made.append("copy") or "never") == "A1"  # loaded again, same
    assert reuse.get("page", (b,), 1, lambda: made.append("b1") or "B1") == "B1"  # another object: made
    assert reuse.get("page", (a,), 2, lambda: made.append("a2") or "A2") == "A2"  # another value: made
    assert made == ["a1", "b1", "a2"]
    assert reuse.made == 2


def test_a_whole_taken_back_brings_its_parts_so_a_change_makes_only_its_part():
    reuse, things = Reuse(), [Thing(name="a"), Thing(name="b")]
    made: list[str] = []

    def page(parts: list[Thing]) -> str:
        def whole() -> str:
            return "+".join(reuse.get("row", (t,), None, lambda t=t: made.append(t.name) or t.name.upper()) for t in parts)
        return reuse.get("page", tuple(parts), None, whole)

    assert page(things) == "A+B"
    reuse.next_build()
    assert page(things) == "A+B"  # taken back whole: no part asked for
    reuse.next_build()  # the parts were kept with it all the same
    assert page([things[0], Thing(name="c")]) == "A+C"
    assert made == ["a", "b", "c"]


def test_what_a_build_did_not_use_is_dropped():
    reuse, a = Reuse(), Thing(name="a")
    reuse.get("page", (a,), None, lambda: "old")
    reuse.next_build()
    reuse.next_build()  # a build that did not ask for it
    assert reuse.get("page", (a,), None, lambda: "new") == "new"


def test_plans_with_reuse_equal_plans_without(content_dir):
    reuse = Reuse()
    plan_site(load_content(content_dir), "https://example.org/", [], reuse=reuse)
    edit(content_dir / "exercises" / "childs-pose.yaml", "Kneel on the floor.", "Kneel on a mat.")
    content = load_content(content_dir)
    again = plan_site(content, "https://example.org/", [], reuse=reuse)
    fresh = plan_site(content, "https://example.org/", [])
    assert again.pages == fresh.pages and again.files == fresh.files
    assert "Kneel on a mat." in again.pages["exercises/childs-pose.md"]


def test_the_export_written_in_pieces_is_the_export_written_whole(content_dir):
    content = load_content(content_dir)
    registered, _ = load_registry(content.root)
    entries = update(registered, content, [])
    pieces = guide_json(content, "https://example.org/", entries, lambda exercise, url, make: make())
    whole = guide_json(content, "https://example.org/", entries)
    assert pieces == whole
    assert json.loads(whole)["exercises"][0]["id"] == "childs-pose"


def test_pieces_kept_on_disk_are_taken_back_by_the_next_process_with_the_same_code(tmp_path):
    cache = tmp_path / "rendered.pickle"
    first = Reuse.kept_in(cache)
    first.get("page", (Thing(name="a"),), 1, lambda: "A")
    first.next_build()
    assert Reuse.kept_in(cache).get("page", (Thing(name="a"),), 1, lambda: "never") == "A"
    pickled.write(cache, "other code", pickled.read(cache, code_fingerprint()))
    assert Reuse.kept_in(cache).get("page", (Thing(name="a"),), 1, lambda: "made again") == "made again"


def test_a_piece_is_keyed_by_content_objects_only():
    with pytest.raises(AssertionError, match="content objects"):
        Reuse().get("page", (object(),), None, lambda: "")


def test_plans_from_pieces_kept_on_disk_equal_plans_made_fresh(content_dir, tmp_path):
    cache = tmp_path / "rendered.pickle"
    reuse = Reuse.kept_in(cache)
    plan_site(load_content(content_dir), "https://example.org/", [], reuse=reuse)
    assert reuse.last_made > 0 and cache.is_file()
    again = Reuse.kept_in(cache)
    content = load_content(content_dir)
    taken_back = plan_site(content, "https://example.org/", [], reuse=again)
    fresh = plan_site(content, "https://example.org/", [])
    assert (taken_back.pages, taken_back.files) == (fresh.pages, fresh.files)
    assert again.last_made == 0
    edit(content_dir / "exercises" / "childs-pose.yaml", "Kneel on the floor.", "Kneel on a mat.")
    content = load_content(content_dir)
    later = Reuse.kept_in(cache)
    edited = plan_site(content, "https://example.org/", [], reuse=later)
    fresh = plan_site(content, "https://example.org/", [])
    assert (edited.pages, edited.files) == (fresh.pages, fresh.files)
    assert "Kneel on a mat." in edited.pages["exercises/childs-pose.md"]
    assert 0 < later.last_made < reuse.last_made  # the edited exercise's pieces and the pages that show them
