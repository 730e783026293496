"""The safe YAML loader: positions, and every kind of input it must refuse."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from generator.problems import ContentError
from generator.yaml_source import load_yaml


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
