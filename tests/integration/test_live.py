"""The live preview's updates: after each kind of edit, the folder it serves is the site a fresh
full build makes of the same files (search entries may come in another order), and it got
there by building only the pages the edit touches."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.adapters.live import LiveSite
from generator.load.problems import ContentError
from tests.conftest import REPO, edit, snapshot

EX = "content/exercises/childs-pose.yaml"


@pytest.fixture(scope="module")
def live_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture project with its own copy of the assets, so a test may edit the CSS."""
    from tests.conftest import make_project

    root = make_project(tmp_path_factory.mktemp("live") / "project")
    shutil.copytree(REPO / "site_assets", root / "site_assets")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace(f"assets: {REPO / 'site_assets'}", "assets: site_assets"))
    return root


def _site(folder: Path) -> dict[str, str]:
    """Every file's hash; the search index with its entries sorted (an update appends the
    rebuilt pages' entries at the end, which search does not care about)."""
    files = snapshot(folder)
    index = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))
    index["docs"] = sorted(index["docs"], key=lambda e: json.dumps(e, sort_keys=True))
    files["search/search_index.json"] = json.dumps(index, sort_keys=True)
    return files


def _fresh(project: Path) -> dict[str, str]:
    other = LiveSite(project / "mkdocs.yml", "http://127.0.0.1:8000/")
    folder = other.full()
    try:
        return _site(folder)
    finally:
        shutil.rmtree(folder)


EDITS = [
    # (what, file, old, new, pages that must be built again)
    ("step text", EX, "Kneel on the floor.", "Kneel down on a soft mat.", {"exercises/childs-pose.md", "clinicians.md"}),
    ("title", EX, "title: Child's pose", "title: Child pose", {"exercises/childs-pose.md", "exercises/runners-lunge.md", "index.md"}),
    ("dosage", EX, "hold: {min: 3, max: 5, unit: breaths}", "hold: {min: 2, max: 4, unit: breaths}", {"exercises/childs-pose.md", "cards/both.md"}),
    ("pose", EX, "trunk flexion: 35", "trunk flexion: 40", set()),
    ("routine", "content/routines/both.yaml", "note: Go easy on the first try.", "note: Go gently the first time.", {"routines/both.md"}),
    ("guide", "content/guide.yaml", "title: Fixture guide", "title: Fixture guide, edited", {"index.md"}),
    ("stylesheet", "site_assets/css/traction.css", "/* Traction: patient-friendly", "/* Traction, edited: patient-friendly", set()),
]


@pytest.fixture
def served(live_project: Path):
    """A live site fully built into its folder; every content file a test edits is put back after."""
    saved = {p: p.read_bytes() for p in live_project.rglob("*") if p.is_file() and p.parent.name != "site" and ".cache" not in p.parts}
    live = LiveSite(live_project / "mkdocs.yml", "http://127.0.0.1:8000/")
    folder = live.full()
    yield live, folder
    for path, data in saved.items():
        if path.read_bytes() != data:
            path.write_bytes(data)
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize(("what", "path", "old", "new", "pages"), EDITS, ids=[e[0] for e in EDITS])
def test_an_update_gives_the_site_a_full_build_gives(served, live_project, what, path, old, new, pages):
    live, folder = served
    edit(live_project / path, old, new)
    before = _site(folder)
    done = live.update()
    assert done is not None and not done.full
    assert pages <= set(done.pages), done.pages
    after = _site(folder)
    assert after == _fresh(live_project)  # nothing stale, nothing missing
    changed = {name for name in after if after[name] != before.get(name)}
    assert changed, "the edit changed nothing that is served"
    if what == "stylesheet":
        assert done.pages == [] and changed == {"assets/traction/css/traction.css"}
    if what == "pose":
        assert any(name.startswith("assets/figures/childs-pose/") for name in changed)
    if what == "step text":  # the pages that do not show the step were left alone
        assert "exercises/runners-lunge/index.html" not in changed and "routines/both/index.html" not in changed


def test_a_broken_edit_changes_nothing_served(served, live_project):
    live, folder = served
    target = live_project / EX
    saved = target.read_text(encoding="utf-8")
    before = snapshot(folder)
    edit(target, "title:", "titel:")
    with pytest.raises(ContentError, match="unknown key 'titel'"):
        live.update()
    assert snapshot(folder) == before
    target.write_text(saved.replace("Kneel on the floor.", "Kneel on a mat."), encoding="utf-8")
    assert live.update() is not None
    assert "Kneel on a mat." in (folder / "exercises" / "childs-pose" / "index.html").read_text(encoding="utf-8")


def test_what_cannot_be_done_in_place_asks_for_a_full_build(served, live_project):
    live, _ = served
    assert not live.can_update({live_project / "mkdocs.yml"})
    assert not live.can_update({REPO / "generator" / "render" / "templates" / "exercise.md.j2"})  # templates: a full build
    assert not live.can_update({live_project / "content" / "pages" / "extra.md"})  # MkDocs reads hand-written pages
    assert live.can_update({live_project / EX, live_project / "site_assets" / "css" / "traction.css"})
    new = live_project / "content" / "exercises" / "new-one.yaml"
    shutil.copy(live_project / EX, new)
    edit(new, "id: childs-pose", "id: new-one")
    try:
        with pytest.raises(ContentError):  # not in any stage yet: bad content, nothing written
            live.update()
    finally:
        new.unlink()


def test_the_comparison_would_see_a_stale_page(served, live_project, monkeypatch):
    """Guard: an update that skipped building the pages would leave a site a full build does not make."""
    live, folder = served
    monkeypatch.setattr(LiveSite, "_pages", lambda self, config, plugin, sources: None)
    edit(live_project / EX, "Kneel on the floor.", "Kneel down on a soft mat.")
    assert live.update() is not None
    assert _site(folder) != _fresh(live_project)
