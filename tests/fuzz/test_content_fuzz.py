"""No damaged content file can crash `load_content`: it returns the guide, or raises ContentError
whose every problem is located (file:line:column, expected, found).

Two kinds of damage to the real files in content/: text damage (bytes and characters inserted,
deleted or repeated: control and bidi characters, a BOM, invalid UTF-8, very long strings, YAML
punctuation, several documents) and structure-aware changes (the parsed file with wrong types,
missing, unknown and duplicated keys, huge lists and deep nesting, dumped back to YAML). The
`pose:` subtrees are left alone here (a changed pose is solved, ~0.3 s or more each);
`test_pose_numbers_stay_located` covers them with a few targeted cases."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from generator.load.content import display_path, load_content
from generator.load.problems import ContentError
from generator.load.yaml_source import Loader
from tests.conftest import REPO
from tests.fuzz.support import POSE_CACHE, NoAliases, assert_located, copy_guide, fuzz_settings, no_hang

ASSETS = REPO / "site_assets"
ORIGINAL = {p.relative_to(REPO / "content").as_posix(): p.read_bytes() for p in sorted((REPO / "content").rglob("*.yaml"))}
CONTENT_FILES = sorted(name for name in ORIGINAL if name != "links.yaml")

TOKENS = [
    "\x00", "\x07", "\x08", "\x1b", "\x7f", "\x85", "\x9f", "\t", "\r", "\r\n", "\n", "\u2028", "\u2029",
    "\u200b", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069", "\ufeff", "\ufffe", "\uffff", "\U0001f600",
    ":", ": ", "-", "- ", "[", "]", "{", "}", ",", "'", '"', "#", "? ", "|", ">", "&a ", "*a", "!", "!!str ", "!!int ",
    "!!python/object/apply:os.system ['true'] ", "!!binary ", "%YAML 1.1\n", "---\n", "...\n", "\n---\nid: x\n",
    "~", "null", "true", "0x", "1e999", "-.inf", ".nan", "2024-02-30", "12:30:00", "0o9", "9" * 5000, "  ", "    ",
    "<script>alert(1)</script>", "{{ 7*7 }}", "../../etc/passwd",
]
BYTES = [b"\xff", b"\xfe", b"\xc3", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xc0\xaf", b"\x80"]


def _pose_ranges(text: str) -> list[tuple[int, int]]:
    """Byte ranges of every `pose:` value in a file: text damage stays outside them."""
    ranges = []
    stack = [yaml.compose(text, Loader=Loader)]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == "pose":
                    start, end = len(text[: key.start_mark.index].encode()), len(text[: value.end_mark.index].encode())
                    ranges.append((start, end))
                else:
                    stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return ranges


POSE_RANGES = {name: _pose_ranges(ORIGINAL[name].decode("utf-8")) for name in CONTENT_FILES}


def _outside_poses(name: str, position: int, length: int = 0) -> tuple[int, int]:
    for start, end in POSE_RANGES[name]:
        if position < end and position + length > start:
            return (end, length) if position >= start else (position, min(length, start - position))
    return position, length


@st.composite
def text_damage(draw: st.DrawFn) -> tuple[str, bytes]:
    """A real content file with a few random edits to its bytes."""
    name = draw(st.sampled_from(CONTENT_FILES))
    data = ORIGINAL[name]
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["token", "bytes", "text", "delete", "repeat", "long", "truncate", "bom", "document"]))
        if kind in ("delete", "repeat"):
            position, length = _outside_poses(name, position, draw(st.integers(1, 200)))
            chunk = data[position : position + length]
            data = data[:position] + (chunk * draw(st.integers(2, 50)) if kind == "repeat" else b"") + data[position + length :]
            continue
        position, _ = _outside_poses(name, position)
        if kind == "truncate":
            data = data[:position]
            break
        if kind == "bom":
            data = b"\xef\xbb\xbf" * draw(st.integers(1, 3)) + data
            continue
        if kind == "document":
            data += draw(st.sampled_from([b"\n---\n", b"\n---\nid: other\n", b"\n...\n", b"\n--- |\n  x\n"]))
            continue
        if kind == "token":
            insert = draw(st.sampled_from(TOKENS)).encode("utf-8")
        elif kind == "bytes":
            insert = draw(st.sampled_from(BYTES))
        elif kind == "long":
            insert = draw(st.sampled_from(["x", "é", "\u202e", " ", "word "])).encode() * draw(st.sampled_from([1_000, 50_000, 250_000]))
        else:
            insert = draw(st.text(min_size=1, max_size=20)).encode("utf-8", "surrogatepass")
        data = data[:position] + insert + data[position:]
    return name, data


@pytest.fixture(scope="module")
def guide_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_guide(tmp_path_factory.mktemp("fuzz") / "content")


def check_damaged(root: Path, name: str, data: bytes) -> None:
    """Load the guide with one file replaced by ``data``: it loads, or every problem is located."""
    target = root / name
    target.write_bytes(data)
    before = sorted(p.relative_to(root.parent) for p in root.parent.rglob("*"))
    try:
        with no_hang():
            load_content(root, ASSETS, POSE_CACHE)
    except ContentError as error:
        files = {display_path(p): p for p in root.rglob("*.yaml")}
        assert_located(error.problems, files)
        assert str(error)  # the report renders
    finally:
        target.write_bytes(ORIGINAL[name])
    assert sorted(p.relative_to(root.parent) for p in root.parent.rglob("*")) == before, "loading wrote a file"


@fuzz_settings(600)
@given(text_damage())
@example(("exercises/childs-pose.yaml", ORIGINAL["exercises/childs-pose.yaml"].replace(b"title:", b"title: \x00", 1)))
@example(("guide.yaml", b"a: " + b"[" * 200_000))
@example(("routines/gentle-start.yaml", b"\xef\xbb\xbf" + ORIGINAL["routines/gentle-start.yaml"] + b"\n---\nid: x\n"))
def test_text_damage_is_always_located(guide_copy, case):
    check_damaged(guide_copy, *case)


# Structure-aware changes: the parsed file, changed, dumped back to YAML.

PARSED = {name: yaml.safe_load(ORIGINAL[name]) for name in CONTENT_FILES}
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**30), 10**30), st.floats(allow_nan=True), st.dates(),
    st.text(max_size=30), st.sampled_from(["", " ", "\u202e", "x" * 5000, "Child's pose", "childs-pose", "1a", "-1", "seconds"]),
)


def _values(depth: int = 3) -> st.SearchStrategy[object]:
    return st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4), max_leaves=8)


def _paths(data: object, path: tuple = ()) -> list[tuple]:
    """Every place in a parsed file except inside `pose:`."""
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            if key != "pose":
                found += _paths(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found += _paths(value, path + (i,))
    return found


PATHS = {name: _paths(PARSED[name]) for name in CONTENT_FILES}


def _nested(levels: int) -> object:
    value: object = "deep"
    for i in range(levels):
        value = [value] if i % 2 else {"k": value}
    return value


@st.composite
def structure_change(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(CONTENT_FILES))
    data = copy.deepcopy(PARSED[name])
    duplicate = None
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(PATHS[name]))
        parent, last = None, None
        node = data
        try:
            for part in path:
                parent, last, node = node, part, node[part]
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed this place
        kind = draw(st.sampled_from(["replace", "delete", "unknown", "duplicate", "huge", "deep", "wrap", "empty", "swap"]))
        if kind == "replace" and parent is not None:
            parent[last] = draw(_values())
        elif kind == "delete" and parent is not None:
            del parent[last]
        elif kind == "unknown" and isinstance(node, dict):
            node[draw(st.sampled_from(["titel", "Title", "id ", "", "pose", "steps", "x" * 300, "\u202eid"]))] = draw(_values())
        elif kind == "duplicate" and isinstance(node, dict) and node:
            duplicate = draw(st.sampled_from(sorted(node, key=str)))
        elif kind == "huge" and isinstance(node, list) and node:
            node.extend([copy.deepcopy(node[0])] * draw(st.sampled_from([50, 500])))
        elif kind == "deep" and parent is not None:
            parent[last] = _nested(draw(st.sampled_from([5, 30, 39, 41, 500])))
        elif kind == "wrap" and parent is not None:
            parent[last] = draw(st.sampled_from([[node], {"value": node}, str(node)]))
        elif kind == "empty" and parent is not None:
            parent[last] = type(node)() if isinstance(node, (list, dict, str)) else None
        elif kind == "swap" and isinstance(node, list) and len(node) > 1:
            node.reverse()
    text = yaml.dump(data, Dumper=NoAliases, allow_unicode=draw(st.booleans()), sort_keys=False, width=draw(st.sampled_from([80, 10**6])))
    if duplicate is not None and isinstance(data, dict):
        text += yaml.dump({duplicate: data.get(duplicate)}, Dumper=NoAliases, allow_unicode=True)  # the same top-level key again
    return name, text.encode("utf-8", "surrogatepass")


@fuzz_settings(450)
@given(structure_change())
def test_structure_changes_are_always_located(guide_copy, case):
    check_damaged(guide_copy, *case)


def test_the_unchanged_guide_loads(guide_copy):
    # Guards the properties above: the copy they damage is a good guide to begin with.
    content = load_content(guide_copy, ASSETS, POSE_CACHE)
    assert len(content.exercises) == 10


POSE_LINE = re.compile(rb"joints: \{[^}\n]*\}")  # the first frame's joints in the exercise file


@pytest.mark.parametrize("replacement", [
    b"joints: {trunk flexion: x}", b"joints: {trunk flexion: .nan}", b"joints: {trunk flexion: .inf}", b"joints: {trunk flexion: 1e308}",
    b"joints: {trunk flexion: 900}", b"joints: {trunk flexion: -900}", b"joints: {trunk flexion: [30]}", b"joints: {trunk flexion: null}",
    b"joints: {trunkk flexion: 30}", b"joints: {: 30}", b"joints: {\xe2\x80\xaetrunk flexion: 30}", b"joints: 30", b"joints: []",
    b"joints: {trunk flexion: 30}\n          contacts: [nose on moon]", b"joints: {trunk flexion: 30}\n          base: flying",
    b"joints: {trunk flexion: 30}\n          frames: []",
])
def test_pose_numbers_stay_located(guide_copy, replacement):
    """The `pose:` subtree, left out of the properties above (a new pose is solved), with wrong
    types, impossible angles, unknown words and non-numbers: invalid ones never reach the solver."""
    data = ORIGINAL["exercises/childs-pose.yaml"]
    assert POSE_LINE.search(data)
    check_damaged(guide_copy, "exercises/childs-pose.yaml", POSE_LINE.sub(lambda _: replacement, data, count=1))
