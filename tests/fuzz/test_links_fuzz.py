"""No damaged link registry (content/links.yaml) can crash a build's registry step: it goes
through, or every problem is located in links.yaml. This runs what `plan_site` does with the
registry (load, check, add the new links, dump, the redirect pages) without rendering pages."""

from __future__ import annotations

import copy
import dataclasses

import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from generator.load.content import Content, display_path, load_content
from generator.load.problems import ContentError
from generator.load.registry import REGISTRY_NAME, check, dump, load_registry, update
from generator.model import urls
from generator.model.urls import BUILDER_SRC, CLINICIANS_SRC
from generator.render.redirects import redirect_files
from tests.conftest import REPO
from tests.fuzz.support import POSE_CACHE, NoAliases, assert_located, fuzz_settings, no_hang
from tests.fuzz.test_content_fuzz import BYTES, SCALARS, TOKENS

ORIGINAL = (REPO / "content" / REGISTRY_NAME).read_bytes()
PARSED = yaml.safe_load(ORIGINAL)
PAGES = sorted([urls.page_path("why-it-works.md"), urls.page_path(CLINICIANS_SRC), urls.page_path(BUILDER_SRC)])


@pytest.fixture(scope="module")
def guide(tmp_path_factory: pytest.TempPathFactory) -> Content:
    """The real guide, loaded once, with its root moved to a folder the test owns."""
    content = load_content(REPO / "content", REPO / "site_assets", POSE_CACHE)
    return dataclasses.replace(content, root=tmp_path_factory.mktemp("links"))


def registry_step(content: Content, data: bytes) -> None:
    path = content.root / REGISTRY_NAME
    path.write_bytes(data)
    try:
        with no_hang():
            registered, located = load_registry(content.root)
            problems = check(registered, located, content, PAGES)
            if problems:
                raise ContentError(problems)
            entries = update(registered, content, PAGES)
            path.write_text(dump(entries), encoding="utf-8")
            again, _ = load_registry(content.root)  # what a build writes, the next build reads
            assert again == entries
            assert [e.url for e in entries[: len(registered)]] == [e.url for e in registered]  # links only grow
            redirect_files(entries, content, "https://clinic.example/back/")
    except ContentError as error:
        assert_located(error.problems, {display_path(path): path})


@st.composite
def damaged_text(draw: st.DrawFn) -> bytes:
    data = ORIGINAL
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["token", "bytes", "text", "delete", "repeat"]))
        if kind == "delete":
            data = data[:position] + data[position + draw(st.integers(1, 300)) :]
        elif kind == "repeat":
            data = data[:position] + data[position : position + draw(st.integers(1, 300))] * 3 + data[position:]
        else:
            insert = {"token": lambda: draw(st.sampled_from(TOKENS)).encode(), "bytes": lambda: draw(st.sampled_from(BYTES)),
                      "text": lambda: draw(st.text(min_size=1, max_size=20)).encode()}[kind]()
            data = data[:position] + insert + data[position:]
    return data


@st.composite
def changed_entries(draw: st.DrawFn) -> bytes:
    data = copy.deepcopy(PARSED)
    entries = data["links"]
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(entries) - 1)) if entries else 0
        kind = draw(st.sampled_from(["url", "code", "drop", "copy", "wrong", "unknown", "many", "root"]))
        if not entries:
            break
        if kind in ("url", "code", "unknown") and not isinstance(entries[i], dict):
            continue
        if kind == "url":
            entries[i]["url"] = draw(st.sampled_from(["exercises/gone/", "exercises/childs-pose/#step-gone", "", "/abs/", "EXERCISES/",
                                                        "exercises/childs-pose/#", "x" * 5000]) | st.text(max_size=30))
        elif kind == "code":
            entries[i]["code"] = draw(st.sampled_from([entries[0].get("code") or "cp", "CP", "a--b", "", "cp-" * 200]) | st.text(max_size=10))
        elif kind == "drop":
            del entries[i]
        elif kind == "copy":
            entries.insert(draw(st.integers(0, len(entries))), copy.deepcopy(entries[i]))
        elif kind == "wrong":
            entries[i] = draw(SCALARS | st.lists(SCALARS, max_size=3))
        elif kind == "unknown":
            entries[i][draw(st.sampled_from(["urls", "Code", "", "note"]))] = draw(SCALARS)
        elif kind == "many":
            entries.extend({"url": f"exercises/e{n}/", "code": f"e{n}"} for n in range(draw(st.sampled_from([10, 400]))))
        elif kind == "root":
            data = draw(st.sampled_from([{"links": None}, {"links": {}}, {}, {"links": entries, "extra": 1}, {"links": [entries]}]))
            break
    return yaml.dump(data, Dumper=NoAliases, allow_unicode=True, sort_keys=False).encode("utf-8", "surrogatepass")


@fuzz_settings(300)
@given(damaged_text())
@example(ORIGINAL.replace(b"links:", b"links: &a", 1))
@example(b"\x00")
def test_damaged_registry_text_is_located(guide, data):
    registry_step(guide, data)


@fuzz_settings(300)
@given(changed_entries())
def test_changed_registry_entries_are_located(guide, data):
    registry_step(guide, data)


def test_the_committed_registry_goes_through(guide):
    # Guards the properties above: the file they damage needs nothing added.
    registry_step(guide, ORIGINAL)
    assert (guide.root / REGISTRY_NAME).read_bytes() == ORIGINAL
