"""Pieces kept between a live preview's builds: reused only while made from the same objects."""

from __future__ import annotations

import json

from generator.load.content import load_content
from generator.load.registry import load_registry, update
from generator.pipeline.site import plan_site
from generator.render.export import guide_json
from generator.render.reuse import Reuse
from tests.conftest import edit


class Thing:
    pass


def test_a_piece_is_reused_while_its_objects_and_values_are_the_same():
    reuse, a, b = Reuse(), Thing(), Thing()
    made = []
    assert reuse.get("page", (a,), 1, lambda: made.append("a1") or "A1") == "A1"
    reuse.next_build()
    assert reuse.get("page", (a,), 1, lambda: made.append("again") or "never") == "A1"
    assert reuse.get("page", (b,), 1, lambda: made.append("b1") or "B1") == "B1"  # another object: made
    assert reuse.get("page", (a,), 2, lambda: made.append("a2") or "A2") == "A2"  # another value: made
    assert made == ["a1", "b1", "a2"]


def test_what_a_build_did_not_use_is_dropped():
    reuse, a = Reuse(), Thing()
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
