"""The traction CLI: check reports every problem; build never loses the last good site."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run, snapshot, traction


def test_check_accepts_good_content(project):
    result = traction("check", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "OK: 2 exercises in 2 stages, 1 routines" in result.stdout


BAD_INPUTS = {
    "syntax error": ("exercises/childs-pose.yaml", "title: Child's pose", "title: [Child's pose", "YAML syntax error"),
    "wrong type": ("exercises/childs-pose.yaml", "repetitions: {min: 3, max: 10}", "repetitions: {min: 3, max: lots}", "invalid value for 'max'"),
    "missing field": ("exercises/childs-pose.yaml", "purpose: Gently", "porpoise: Gently", "missing required key 'purpose'"),
    "unknown key": ("exercises/childs-pose.yaml", "title: Child's pose", "titel: Child's pose", "unknown key 'titel' — did you mean 'title'?"),
    "duplicate id": ("exercises/runners-lunge.yaml", "id: runners-lunge", "id: childs-pose", "duplicate exercise id 'childs-pose'"),
    "missing exercise": ("routines/both.yaml", "- exercise: childs-pose", "- exercise: child-pose", "no exercise with id 'child-pose'"),
    "empty file": ("routines/both.yaml", None, "", "file is empty"),
    "not UTF-8": ("routines/both.yaml", None, b"id: caf\xe9\n", "file is not valid UTF-8 text"),
    "python tag": ("routines/both.yaml", None, "id: !!python/object/apply:os.system ['touch {marker}']\n", "unsupported YAML tag"),
    "alias bomb": ("routines/both.yaml", None, "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", "YAML aliases are not supported"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_check_reports_each_bad_input(project, case):
    name, old, new, message = BAD_INPUTS[case]
    path = project / "content" / name
    marker = project / "ran"
    if old is None:
        path.write_bytes(new if isinstance(new, bytes) else new.format(marker=marker).encode())
    else:
        path.write_text(path.read_text().replace(old, new, 1))
    result = traction("check", cwd=project)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    hits = [line for line in lines if message in line]
    assert len(hits) == 1, result.stderr
    location, _, rest = hits[0].partition(": ")
    file, line_no, column = location.rsplit(":", 2)
    assert file == f"content/{name}" and int(line_no) >= 1 and int(column) >= 1
    assert "expected" in rest and "found" in rest
    assert lines[-1].endswith("found.")
    assert not marker.exists()


def test_all_problems_in_one_run(project):
    for case in ("unknown key", "not UTF-8"):  # two files, each with its own damage
        name, old, new, _ = BAD_INPUTS[case]
        path = project / "content" / name
        if old is None:
            path.write_bytes(new)
        else:
            path.write_text(path.read_text().replace(old, new, 1))
    (project / "content" / "exercises" / "empty.yaml").write_text("")
    result = traction("check", cwd=project)
    assert result.returncode == 1
    located = [line.split(" (expected")[0] for line in result.stderr.splitlines() if line.startswith("content/")]
    assert located == [
        "content/exercises/childs-pose.yaml:2:1: missing required key 'title'",
        "content/exercises/childs-pose.yaml:3:1: unknown key 'titel' — did you mean 'title'?",
        "content/exercises/empty.yaml:1:1: file is empty",
        "content/routines/both.yaml:1:8: file is not valid UTF-8 text",
    ], result.stderr
    assert result.stderr.rstrip().endswith("4 problems found.")


def test_failed_build_leaves_the_previous_site_untouched(project):
    assert traction("build", cwd=project).returncode == 0
    before = snapshot(project / "site")
    path = project / "content" / "exercises" / "childs-pose.yaml"
    path.write_text(path.read_text().replace("title:", "titel:", 1))
    result = traction("build", cwd=project)
    assert result.returncode == 1
    assert "unknown key 'titel'" in result.stderr
    assert snapshot(project / "site") == before
    # The plugin refuses the same content before MkDocs cleans the folder, for plain `mkdocs build` too.
    result = run("mkdocs", "build", cwd=project)
    assert result.returncode == 1
    assert "unknown key 'titel'" in result.stderr
    assert snapshot(project / "site") == before


def test_console_script_and_module_agree(project):
    script = run("traction", "check", cwd=project)
    assert script.returncode == 0 and script.stdout == traction("check", cwd=project).stdout


def test_new_files_pass_check_and_build(project):
    assert traction("new", "exercise", "neck-turn", "--stage", "1", cwd=project).returncode == 0
    assert traction("new", "routine", "desk-break", cwd=project).returncode == 0
    assert traction("check", cwd=project).returncode == 0
    result = traction("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert (project / "site/exercises/neck-turn/index.html").is_file()
    assert (project / "site/cards/desk-break/index.html").is_file()
    again = traction("new", "exercise", "neck-turn", cwd=project)
    assert again.returncode == 1 and "already exists" in again.stderr


def test_check_as_json(project):
    path = project / "content" / "exercises" / "childs-pose.yaml"
    path.write_text(path.read_text().replace("title:", "titel:", 1))
    result = traction("check", "--format", "json", cwd=project)
    assert result.returncode == 1
    problems = json.loads(result.stdout)
    assert {p["message"] for p in problems} >= {"unknown key 'titel' — did you mean 'title'?"}
    assert all(set(p) == {"file", "line", "column", "message", "expected", "found"} for p in problems)


def test_text_report_shows_the_offending_line(project):
    path = project / "content" / "exercises" / "childs-pose.yaml"
    path.write_text(path.read_text().replace("title:", "titel:", 1))
    result = traction("check", cwd=project)
    assert "     3 | titel: Child's pose\n       | ^" in result.stderr


def test_build_warns_loudly_when_the_site_address_is_loopback(project):
    result = traction("build", cwd=project)  # mkdocs.yml's default: http://127.0.0.1:8000/
    assert result.returncode == 0, result.stderr
    assert "WARNING: the site's address http://127.0.0.1:8000/ is a loopback address" in result.stderr
    assert "TRACTION_SITE_URL=" in result.stderr
    assert "· 1 warning ·" in result.stdout


def test_strict_build_refuses_a_loopback_address_and_keeps_the_last_good_site(project):
    good = traction("build", cwd=project, env={"TRACTION_SITE_URL": "https://clinic.example/back/"})
    assert good.returncode == 0, good.stderr
    assert "WARNING" not in good.stderr and "0 warnings" in good.stdout
    before = snapshot(project / "site")
    for address in ("http://localhost:8000/", "http://127.0.0.1:8000/", "http://[::1]/"):
        result = traction("build", "--strict", cwd=project, env={"TRACTION_SITE_URL": address})
        assert result.returncode == 1, address
        assert "loopback address" in result.stderr and "--strict" in result.stderr
    assert snapshot(project / "site") == before
    published = traction("build", "--strict", cwd=project, env={"TRACTION_SITE_URL": "https://clinic.example/back/"})
    assert published.returncode == 0, published.stderr
