"""Bad command lines end in a message and exit 1 (or argparse's usage and exit 2), never a
traceback. Each case here was a traceback or a data loss found by tests/fuzz/test_cli_fuzz.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.adapters import cli
from tests.conftest import REPO


@pytest.fixture
def here(tmp_path, monkeypatch) -> Path:
    shutil.copytree(REPO / "content", tmp_path / "content")
    poses = REPO / ".cache" / "traction" / "poses"
    if poses.is_dir():  # solved poses: checking the guide then takes milliseconds, not a minute
        shutil.copytree(poses, tmp_path / ".cache" / "traction" / "poses")
    (tmp_path / "mkdocs.yml").write_bytes((REPO / "mkdocs.yml").read_bytes())
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *argv: str) -> tuple[int, str]:
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    text = captured.out + captured.err
    assert "Traceback" not in text and "internal error" not in text
    return code, text


def test_schema_out_onto_a_file(here, capsys):
    code, text = run(capsys, "schema", "--out", "content/guide.yaml")
    assert code == 1 and "traction schema: File exists: content/guide.yaml" in text


def test_contact_sheet_needs_an_image_file_name(here, capsys):
    code, text = run(capsys, "figures", "--sheet", "/dev/null", "--only", "childs-pose")
    assert code == 1 and "expected a file name ending in .png" in text


def test_a_reader_test_holds_every_picture(here, capsys):
    code, text = run(capsys, "figures", "--reader", "reader", "--only", "childs-pose")
    assert code == 1 and "--only works with --sheet" in text
    assert not (here / "reader").exists()


def test_scoring_needs_a_reader_test_with_answers(here, capsys):
    code, text = run(capsys, "figures", "--score", "reader")
    assert code == 1 and "no reader test key at reader-key.json" in text and "found no such folder" in text
    (here / "reader").mkdir()
    (here / "reader-key.json").write_text("{}")
    code, text = run(capsys, "figures", "--score", "reader")
    assert code == 1 and "no answers in reader (expected files named answers*.md; found none)" in text
    code, text = run(capsys, "figures", "--score", "reader", "other")  # every folder's problem, at once
    assert code == 1 and "no answers in reader" in text and "no reader test key at other-key.json" in text


def test_a_reader_test_of_a_broken_guide_writes_nothing(here, capsys):
    guide = here / "content" / "exercises" / "childs-pose.yaml"
    guide.write_text(guide.read_text().replace("base: kneel-sit", "base: kneel-sitt", 1))
    code, text = run(capsys, "figures", "--reader", "reader")
    assert code == 1 and "childs-pose.yaml:" in text and "found 'kneel-sitt'" in text
    assert not (here / "reader").exists() and not (here / "reader-key.json").exists()


def test_a_path_with_a_nul_character_is_a_usage_error(here, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["check", "--content", "con\x00tent"])
    assert exit_.value.code == 2
    assert "expected a file or folder name" in capsys.readouterr().err


def test_export_never_replaces_the_project_or_a_folder_of_other_files(here, capsys):
    (here / "notes").mkdir()
    (here / "notes" / "mine.txt").write_text("keep me")
    for target in (".", "content", "notes"):
        code, text = run(capsys, "export", "--out", target)
        assert code == 1 and "choose a new" in text
    assert (here / "notes" / "mine.txt").read_text() == "keep me"
    assert (here / "content" / "guide.yaml").is_file()


@pytest.mark.parametrize("config", ["", "site_name: [\n", "- a list\n", "theme: material\n"])
def test_export_with_a_bad_config_is_located(here, capsys, config):
    (here / "bad.yml").write_text(config)
    code, text = run(capsys, "export", "--config-file", "bad.yml", "--out", "out")
    assert code == 1 and text.startswith("bad.yml:")
    assert not (here / "out").exists()


@pytest.mark.parametrize("guide", [b"title: [\x00\n", b"title: x\n", b"stages: 3\n", b"stages:\n  - number: x\n    exercises: []\n"])
def test_new_exercise_with_a_broken_guide(here, capsys, guide):
    (here / "content" / "guide.yaml").write_bytes(guide)
    code, text = run(capsys, "new", "exercise", "neck-turn")
    assert code == 1 and "traction new:" in text
    assert not (here / "content" / "exercises" / "neck-turn.yaml").exists()


def test_new_exercise_without_a_content_folder(here, capsys):
    code, text = run(capsys, "new", "exercise", "neck-turn", "--content", "elsewhere")
    assert code == 1 and "guide.yaml is missing" in text


def test_cards_of_a_folder_that_is_not_a_site(here, capsys):
    (here / "site" / "api").mkdir(parents=True)
    (here / "site" / "api" / "guide.json").write_text("{not json")
    code, text = run(capsys, "cards", "--pdf", "out")
    assert code == 1 and "is not a built guide" in text


def test_cards_without_chromium_say_how_to_install_it(here, capsys, monkeypatch):
    (here / "site" / "api").mkdir(parents=True)
    (here / "site" / "api" / "guide.json").write_text('{"routines": [{"id": "a"}]}')
    monkeypatch.setenv("PATH", str(here / "empty-bin"))
    code, text = run(capsys, "cards", "--pdf", "out")
    assert code == 1 and "apt-get install chromium" in text
    assert not (here / "out").exists()


def test_build_into_a_folder_that_cannot_exist(here, capsys):
    code, text = run(capsys, "build", "--site-dir", "/dev/null/site")
    assert code == 1 and "traction build: File exists: /dev/null" in text


def test_build_of_a_missing_content_folder_creates_nothing(here, capsys):
    code, text = run(capsys, "build", "--content", "elsewhere/content")
    assert code == 1 and "guide file is missing" in text
    assert not (here / "elsewhere").exists()
