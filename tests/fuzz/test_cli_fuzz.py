"""No command line can crash `traction`: every command ends with a message and an exit code
(0 done, 1 problems, 2 a mistyped command line with argparse's usage message), never a
traceback, and writes nothing outside the folder or file it was given.

`generator.adapters.cli.main` runs in-process inside a copy of the project; `build` and `serve` start
MkDocs and are covered by tests/integration instead. Chromium is hidden (PATH), so `cards` must
say how to install it."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from generator.adapters import cli
from generator.load.problems import Problem
from tests.conftest import REPO
from tests.fuzz.support import POSE_CACHE, assert_located, fuzz_settings, no_hang

PRISTINE: dict[str, tuple[int, int]] = {}

PATHS = [
    "content", "content/", "./content", "content/../content", "missing", "content/guide.yaml", "content/exercises",
    "content/exercises/childs-pose.yaml", ".", "out", "out/deep/er", "out.png", "out/sheet.png", "sheet.PNG", "sheet.txt",
    "sheet", "/dev/null", "/dev/null/x", "/dev/null/x.png", "/proc/traction-none/x", "/proc/traction-none/x.png", "a" * 300,
    ("a" * 300) + ".png", "üñí/çødé", "üñí.png", "-", "x\x00y", "", " ", "site", "fake-site", "site_assets", "broken", "broken/guide.yaml",
]
IDS = ["neck-turn", "childs-pose", "Neck Turn", "", "-", "a", "a" * 200, "ünï", "x\x00", "../escape", "new/../x", "9", "--help", "-x"]
ONLY = ["childs-pose", "childs-pose/", "childs-pose/nope", "nope", "", "/", "../x", "childs-pose/a/b", "CHILDS-POSE", "x\x00", "a" * 400]

def _value(options: list[str]) -> st.SearchStrategy[str]:
    return st.sampled_from(options) | st.text(st.characters(blacklist_characters="/.\x00", blacklist_categories=("Cs",)), max_size=8)


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    # `export` renders the whole guide (about a second): its bad inputs are the examples below.
    command = draw(st.sampled_from(["check", "figures", "new", "schema", "cards", "nonsense", ""]))
    argv = [command] if command else []
    options = {
        "check": [("--content", PATHS), ("--assets", PATHS), ("--format", ["json", "text", "xml", ""])],
        "figures": [("--sheet", PATHS), ("--only", ONLY), ("--content", PATHS), ("--assets", PATHS)],
        "new": [("--content", PATHS), ("--stage", ["1", "7", "0", "-1", "99999999999999999999", "x", ""])],
        "schema": [("--out", PATHS)],
        "cards": [("--pdf", PATHS), ("--site-dir", PATHS)],
        "export": [("--out", PATHS), ("--config-file", ["mkdocs.yml", "missing.yml", "content/guide.yaml", "/dev/null", "broken.yml"])],
    }.get(command, [])
    if command == "new":
        argv += [draw(st.sampled_from(["exercise", "routine", "stage", ""])), draw(_value(IDS))]
    if command == "figures" and draw(st.booleans()):
        argv += ["--sheet", "sheet.png"]
        if draw(st.booleans()):
            argv += ["--only", draw(_value(ONLY))]
    for name, values in draw(st.lists(st.sampled_from(options), max_size=3)) if options else []:
        argv += [name, draw(_value(values))]
    if draw(st.integers(0, 9)) == 0:
        argv.append(draw(st.sampled_from(["--help", "-h", "--bogus", "extra"])))
    return argv


def _tree(root: Path) -> dict[str, tuple[int, int]]:
    """Every file and folder under ``root`` (a folder's own time changes when a file is added)."""
    return {str(p.relative_to(root)): (-1, 0) if p.is_dir() else (p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(root.rglob("*"))}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the real project: its content, a broken content folder, a fake built site and a
    read-only folder, with the solved poses already cached."""
    root = tmp_path_factory.mktemp("cli") / "project"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "content", root / "broken", ignore=shutil.ignore_patterns("pages", "README.md", "routines"))
    (root / "broken" / "guide.yaml").write_bytes(b"title: [\x00\n")
    (root / "broken.yml").write_bytes(b"site_name: [\n")
    (root / "fake-site" / "api").mkdir(parents=True)
    (root / "fake-site" / "api" / "guide.json").write_text('{"routines": [{"id": "full-sequence"}]}', encoding="utf-8")
    (root / "mkdocs.yml").write_text((REPO / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    shutil.copytree(REPO / "site_assets", root / "site_assets")
    global PRISTINE
    PRISTINE = _tree(root / "content")
    if POSE_CACHE.is_dir():
        shutil.copytree(POSE_CACHE, root / ".cache" / "traction" / "poses")
    return root


@pytest.fixture(scope="module")
def no_chromium(project: Path):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PATH", str(project / "no-such-bin"))  # chromium is not there
        yield


def _allowed(argv: list[str], root: Path) -> list[Path]:
    """What a command line may change: the output it names, and for `new` the content folder."""
    outputs = [root / ".cache"]
    for i, flag in enumerate(argv[:-1]):
        if flag in ("--sheet", "--out", "--pdf", "--content"):
            outputs.append(root / argv[i + 1])
    if argv[:1] == ["new"] and "--content" not in argv:
        outputs.append(root / "content")
    if argv[:1] == ["schema"] and "--out" not in argv:
        outputs.append(root / "schema")
    return outputs


def run_cli(root: Path, argv: list[str]) -> tuple[int, str]:
    before = _tree(root)
    out, err = io.StringIO(), io.StringIO()
    cwd = Path.cwd()
    os.chdir(root)
    try:
        with no_hang(), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli.main(argv)
            except SystemExit as exit_:
                code = exit_.code if isinstance(exit_.code, int) else 2
    finally:
        os.chdir(cwd)
    text = out.getvalue() + err.getvalue()
    assert "Traceback" not in text and "internal error" not in text, text
    assert code in (0, 1, 2), (code, text)
    if code == 2:
        assert "usage:" in text, text  # argparse's own message for a mistyped command line
    elif code == 1:
        assert text.strip(), "exit 1 without a message"
    changed = {name for name, stamp in _tree(root).items() if before.get(name) != stamp} | (set(before) - set(_tree(root)))
    allowed = [p.resolve() for p in _allowed(argv, root) if "\x00" not in str(p)]
    for name in changed:
        path = (root / name).resolve()
        assert any(path == a or a in path.parents for a in allowed), f"{argv} changed {name}"
    return code, text


ORIGINAL_NAMES = {"content", "broken", "broken.yml", "fake-site", "mkdocs.yml", "site_assets", ".cache"}


def _restore(root: Path) -> None:
    """Undo what a command wrote, so every example starts from the same project."""
    for path in root.iterdir():
        if path.name not in ORIGINAL_NAMES:
            shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
    if _tree(root / "content") != PRISTINE:
        shutil.rmtree(root / "content")
        shutil.copytree(REPO / "content", root / "content")


@fuzz_settings(350)
@given(command_lines())
@example(["cards", "--pdf", "out"])
@example(["cards", "--pdf", "out", "--site-dir", "fake-site"])
@example(["schema", "--out", "content/guide.yaml"])
@example(["figures", "--sheet", "/dev/null"])
@example(["new", "exercise", "neck-turn", "--content", "broken"])
@example(["new", "routine", "desk-break", "--content", "broken"])
@example(["new", "exercise", "neck-turn", "--content", "."])
@example(["export", "--out", "content"])
@example(["export", "--out", "."])
@example(["check", "--content", "x\x00y"])
@example(["export", "--config-file", "/dev/null", "--out", "out"])
@example(["export", "--config-file", "broken.yml", "--out", "out"])
@example(["export", "--config-file", "content/guide.yaml", "--out", "out"])
@example(["export", "--out", "site_assets"])
@example(["export", "--out", "/dev/null/x"])
def test_no_command_line_crashes(project, no_chromium, argv):
    try:
        code, text = run_cli(project, argv)
    finally:
        _restore(project)
    if argv[:1] == ["cards"] and code == 1 and "fake-site" in argv:
        assert "apt-get install chromium" in text


def test_cards_without_chromium_says_how_to_install_it(project, monkeypatch):
    monkeypatch.setenv("PATH", str(project / "no-such-bin"))
    code, text = run_cli(project, ["cards", "--pdf", "out", "--site-dir", "fake-site"])
    assert code == 1
    assert "apt-get install chromium" in text and "Traceback" not in text


def test_cards_without_playwright_says_how_to_install_it(project, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_playwright(name, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name.startswith("playwright"):
            raise ImportError(f"No module named '{name}'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_playwright)
    code, text = run_cli(project, ["cards", "--pdf", "out", "--site-dir", "fake-site"])
    assert code == 1
    assert "pip install -e .[pdf]" in text


def test_check_problems_are_located(project):
    """`traction check` on broken content: each problem line names file:line:column."""
    code, text = run_cli(project, ["check", "--content", "broken"])
    assert code == 1
    first = text.splitlines()[0]
    file, line, column = first.split(":")[:3]
    path = project / file
    assert_located([Problem(file, int(line), int(column), "m", "e", "f")], {file: path})
