"""api/guide.json: validated content plus the canonical URL of every page and anchor."""

import json

from generator.load.content import load_content
from generator.render.export import guide_data, guide_json


def test_every_page_and_anchor_has_a_canonical_url(content_dir):
    content = load_content(content_dir)
    data = guide_data(content, "https://guide.example/back/")
    urls = {p["url"] for p in data["pages"]}
    assert "https://guide.example/back/exercises/childs-pose/" in urls
    assert "https://guide.example/back/routines/both/" in urls
    assert "https://guide.example/back/" in urls
    childs = data["exercises"][0]
    assert childs["id"] == "childs-pose" and childs["stage"] == 1
    assert childs["anchors"][0] == {
        "kind": "step",
        "id": "kneel",
        "anchor": "step-kneel",
        "url": "https://guide.example/back/exercises/childs-pose/#step-kneel",
        "code": None,  # codes come from the link registry (tests/unit/load/test_registry.py)
    }
    assert [a["id"] for a in childs["anchors"] if a["kind"] == "step"] == [s.id for s in content.exercises["childs-pose"].steps]


def test_export_agrees_with_the_content(content_dir):
    # Expected values are written out from tests/fixtures/content, not recomputed by the code under test.
    data = json.loads(guide_json(load_content(content_dir), None))
    exported = {e["id"]: (e["dosage"]["hold"], e["dosage"]["repetitions"], e["dosage_text"]) for e in data["exercises"]}
    assert exported == {
        "childs-pose": ({"min": 3, "max": 5, "unit": "breaths"}, {"min": 3, "max": 10},
                        "Hold for 3–5 breaths · Do it 3–10 times"),
        "runners-lunge": ({"min": 15, "max": 30, "unit": "seconds"}, {"min": 4, "max": 6},
                          "Hold for 15–30 seconds · Do it 4–6 times on each side"),
    }
    both = data["routines"][0]
    assert both["url"] == "/routines/both/"
    assert both["play_url"] == "/play/both/"
    # The routine's own dosage wins; without one, the exercise's applies.
    assert [e["dosage_text"] for e in both["exercises"]] == [
        "Hold for 3–5 breaths · Do it 3–10 times",
        "Hold for 20 seconds · Do it 2 times on each side",
    ]
    assert data["guide"]["source"]["published"] == "2023-06-09"


def test_export_is_stable(content_dir):
    content = load_content(content_dir)
    assert guide_json(content, None) == guide_json(load_content(content_dir), None)


def test_export_gives_each_exercise_its_label():
    import json as _json

    from generator.load.content import load_content
    from generator.render.export import guide_json
    from tests.conftest import REPO

    data = _json.loads(guide_json(load_content(REPO / "content"), None, []))
    assert [e["label"] for e in data["exercises"]][:5] == ["1a", "1b", "1c", "1d", "2"]
