"""The safe YAML loader: positions, and every kind of input it must refuse."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from generator.load.problems import ContentError
from generator.load.yaml_source import load_yaml


def load(tmp_path: Path, text: str | bytes):
    path = tmp_path / "item.yaml"
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return load_yaml(path, "item.yaml")


def problems(tmp_path: Path, text: str | bytes) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load(tmp_path, text)
    return [str(p) for p in caught.value.problems]


def test_positions_of_values_and_keys(tmp_path):
    doc = load(tmp_path, "id: a\nsteps:\n  - id: kneel\n    text: Kneel.\n")
    assert doc.data == {"id": "a", "steps": [{"id": "kneel", "text": "Kneel."}]}
    assert doc.where(("steps", 0, "text")) == (4, 11)
    assert doc.where(("steps", 0, "text"), key=True) == (4, 5)
    assert doc.where(("steps", 5, "id")) == doc.where(("steps",)) == (3, 3)  # nearest existing parent


def test_syntax_error_names_line_and_column(tmp_path):
    (problem,) = problems(tmp_path, "id: a\ntitle: [unclosed\nnext: 1\n")
    assert problem.startswith("item.yaml:3:")
    assert "YAML syntax error" in problem and "expected" in problem and "found" in problem


def test_python_tags_never_run(tmp_path):
    marker = tmp_path / "ran"
    text = f"id: !!python/object/apply:os.system ['touch {marker}']\n"
    (problem,) = problems(tmp_path, text)
    assert problem.startswith("item.yaml:1:5: unsupported YAML tag")
    assert "!!python/object/apply:os.system" in problem
    assert not marker.exists()


def test_python_tag_on_a_mapping_is_refused(tmp_path):
    (problem,) = problems(tmp_path, "thing: !!python/object:os.system {}\n")
    assert "unsupported YAML tag" in problem


def test_alias_bomb_fails_fast(tmp_path):
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 12)]
    start = time.perf_counter()
    (problem,) = problems(tmp_path, "\n".join(levels) + "\n")
    assert problem.startswith("item.yaml:2:10: YAML aliases are not supported")
    assert time.perf_counter() - start < 5  # 9**12 items if it expanded; it must not


def test_duplicate_keys_are_errors(tmp_path):
    (problem,) = problems(tmp_path, "id: a\ntitle: x\nid: b\n")
    assert problem.startswith("item.yaml:3:1: duplicate key 'id'")


def test_empty_file(tmp_path):
    (problem,) = problems(tmp_path, "# only a comment\n")
    assert problem.startswith("item.yaml:1:1: file is empty")


def test_not_utf8_names_the_byte(tmp_path):
    (problem,) = problems(tmp_path, "id: a\ntitle: Caf\xe9\n".encode("latin-1"))
    assert problem.startswith("item.yaml:2:11: file is not valid UTF-8 text")
    assert "0xe9" in problem


def test_non_text_keys_are_errors(tmp_path):
    (problem,) = problems(tmp_path, "1: one\n")
    assert "a key must be a plain word" in problem


def test_byte_order_mark_is_accepted(tmp_path):
    assert load(tmp_path, "\ufeffid: a\n").data == {"id": "a"}


@pytest.mark.parametrize(("text", "where", "char"), [("id: a\x00\n", ":1:6:", "U+0000"), ("id: a\ntitle: b\x07c\n", ":2:9:", "U+0007")])
def test_a_control_character_is_located_not_a_traceback(tmp_path, text, where, char):
    [problem] = problems(tmp_path, text)
    assert problem.startswith(f"item.yaml{where}") and char in problem and "character YAML does not allow" in problem


@pytest.mark.parametrize(("text", "start"), [
    ("id: a\nreviewed: 2024-13-45\n", "item.yaml:2:11: invalid date"),
    ("id: a\nreviewed: 2024-02-30\n", "item.yaml:2:11: invalid date"),
    ("id: a\nreviewed: !!timestamp soon\n", "item.yaml:2:11: invalid date"),
    ("id: a\ncount: !!int many\n", "item.yaml:2:8: invalid whole number"),
    ("id: a\nsize: !!float big\n", "item.yaml:2:7: invalid number"),
    ("id: a\ncount: 0x_\n", "item.yaml:2:8: invalid whole number"),
    ("id: a\ncount: " + "9" * 5000 + "\n", "item.yaml:2:8: invalid whole number"),
    ("2024-02-30: a\n", "item.yaml:1:1: a key must be a plain word"),
])
def test_values_yaml_cannot_construct_are_located(tmp_path, text, start):
    # Found by tests/fuzz: these escaped as ValueError/AttributeError tracebacks.
    found = problems(tmp_path, text)
    assert found[0].startswith(start), found
    assert "expected" in found[0] and "found" in found[0]


def test_deep_nesting_is_refused_before_composing(tmp_path):
    # 300,000 levels crashed libyaml's recursive composer (a segfault, not even a traceback).
    (problem,) = problems(tmp_path, "a: " + "[" * 300_000 + "]" * 300_000 + "\n")
    assert problem.startswith("item.yaml:1:")
    assert "nested too deeply" in problem


def test_nesting_within_the_limit_loads(tmp_path):
    doc = load(tmp_path, "a: " + "[" * 39 + "1" + "]" * 39 + "\n")
    assert doc.data["a"] is not None


def test_error_at_the_end_of_a_file_without_a_final_newline_points_inside_it(tmp_path):
    # libyaml puts this error one line below the last; an editor could not show that line.
    (problem,) = problems(tmp_path, "id: a\ntitle: x\ne")
    assert problem.startswith("item.yaml:3:")


def test_the_excerpt_of_a_very_long_line_shows_the_part_around_the_column(tmp_path):
    # tests/fuzz inserts strings this long; the whole line used to be printed under the problem.
    path = tmp_path / "item.yaml"
    path.write_text("title: " + "x" * 250_000 + "\x07 tail\n")
    with pytest.raises(ContentError) as caught:
        load_yaml(path, str(path))
    (problem,) = caught.value.problems
    line, caret = problem.excerpt().splitlines()
    assert len(line) < 200
    assert line[caret.index("^")] == "\x07"  # the caret still points at the character
