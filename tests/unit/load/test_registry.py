"""The link registry: short codes from ids, links that only grow, renames kept by aliases."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load.content import load_content
from generator.load.problems import ContentError
from generator.load.registry import REGISTRY_NAME, check, dump, load_registry, published, update
from generator.pipeline.site import plan_site
from tests.conftest import REPO, edit


def register(content_dir: Path) -> None:
    """Publish the fixture once: write its registry as `traction build` would."""
    entries = update([], load_content(content_dir), [])
    (content_dir / REGISTRY_NAME).write_text(dump(entries))


def codes(content_dir: Path) -> dict[str, str]:
    registered, _ = load_registry(content_dir)
    return {e.url: e.code for e in update(registered, load_content(content_dir), []) if e.code}


def test_codes_come_from_ids(content_dir):
    found = codes(content_dir)
    assert found["exercises/childs-pose/"] == "cp"
    assert found["exercises/childs-pose/#step-kneel"] == "cp-k"
    assert found["exercises/childs-pose/#step-sit-back"] == "cp-sb"
    assert found["exercises/runners-lunge/"] == "rl"
    assert "exercises/childs-pose/#cue-anchor-hands" not in found  # cues are linked, not coded


def test_codes_do_not_depend_on_positions(content_dir):
    before = codes(content_dir)
    path = content_dir / "exercises" / "childs-pose.yaml"
    text = path.read_text()
    kneel = "  - id: kneel\n    text: Kneel on the floor.\n"
    path.write_text(text.replace(kneel, "").replace("  - id: hold\n", kneel + "  - id: hold\n"))
    assert codes(content_dir) == before


def test_collisions_get_distinct_codes_and_codes_are_never_reused(content_dir):
    register(content_dir)
    exercises = content_dir / "exercises"
    clash = (exercises / "childs-pose.yaml").read_text().replace("id: childs-pose", "id: calm-posture")
    (exercises / "calm-posture.yaml").write_text(clash)
    edit(content_dir / "guide.yaml", "exercises: [runners-lunge]", "exercises: [runners-lunge, calm-posture]")
    found = codes(content_dir)
    assert found["exercises/calm-posture/"] == "cpo"  # 'cp' is taken
    assert len(set(found.values())) == len(found)


def test_the_registry_only_grows(content_dir):
    register(content_dir)
    registered, _ = load_registry(content_dir)
    content = load_content(content_dir)
    grown = update(registered, content, ["extra/"])
    assert grown[: len(registered)] == registered
    assert [e.url for e in grown[len(registered):]] == ["extra/"]


def test_a_vanished_step_fails_with_its_location(content_dir):
    register(content_dir)
    edit(content_dir / "exercises" / "childs-pose.yaml", "- id: sit-back", "- id: sit-on-heels")
    registered, doc = load_registry(content_dir)
    (problem,) = check(registered, doc, load_content(content_dir), [])
    line = next(i for i, t in enumerate((content_dir / REGISTRY_NAME).read_text().splitlines(), 1) if "#step-sit-back" in t)
    assert (problem.file.endswith("links.yaml"), problem.line) == (True, line)
    assert "published link would disappear: /exercises/childs-pose/#step-sit-back" in problem.message
    assert "aliases" in problem.expected


def test_step_and_exercise_renames_with_aliases_keep_every_link(content_dir):
    register(content_dir)
    path = content_dir / "exercises" / "childs-pose.yaml"
    edit(path, "- id: sit-back\n", "- id: sit-on-heels\n    aliases: [sit-back]\n")
    edit(path, "id: childs-pose\n", "id: childs-pose-stretch\naliases: [childs-pose]\n")
    for folder in ("guide.yaml", "routines/both.yaml"):
        text = (content_dir / folder).read_text()
        text = text.replace("childs-pose]", "childs-pose-stretch]").replace("exercise: childs-pose\n", "exercise: childs-pose-stretch\n")
        (content_dir / folder).write_text(text)
    registered, doc = load_registry(content_dir)
    content = load_content(content_dir)
    assert check(registered, doc, content, []) == []
    plan = plan_site(content, "https://guide.example/", [])
    assert plan.files["s/cp-sb/index.html"].count('url=../../exercises/childs-pose-stretch/#step-sit-back"') == 1
    assert "exercises/childs-pose/index.html" in plan.files  # the old page redirects
    assert '<span id="step-sit-back" class="traction-alias"></span>' in plan.pages["exercises/childs-pose-stretch.md"]
    exported = plan.files["api/guide.json"]
    assert '"from":"https://guide.example/exercises/childs-pose/"' in exported
    assert '"code":"cp-sb"' in exported


def test_plan_refuses_content_that_loses_a_link(content_dir):
    register(content_dir)
    edit(content_dir / "routines" / "both.yaml", "id: both", "id: pair")
    with pytest.raises(ContentError, match="published link would disappear: /routines/both/"):
        plan_site(load_content(content_dir), None, [])


def test_every_published_step_has_a_link(content_dir):
    content = load_content(content_dir)
    urls = {link.url for link in published(content, [])}
    for exercise in content.exercises.values():
        for step in exercise.steps:
            assert f"exercises/{exercise.id}/#step-{step.id}" in urls


def test_the_committed_registry_is_up_to_date():
    """`traction build` records new links; this fails if they were not committed."""
    hand_pages = sorted(p.relative_to(REPO / "content/pages").as_posix() for p in (REPO / "content/pages").rglob("*.md"))
    plan = plan_site(load_content(REPO / "content", REPO / "site_assets"), None, hand_pages)
    assert not plan.registry_changed, "run `traction build` and commit content/links.yaml"
