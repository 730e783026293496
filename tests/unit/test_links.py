"""The link scheme: paths, anchors and relative links."""

import pytest

from generator import links
from generator.links import site_address_problem


def test_page_paths():
    assert links.page_path(links.exercise_src("childs-pose")) == "exercises/childs-pose/"
    assert links.page_path(links.routine_src("full-sequence")) == "routines/full-sequence/"
    assert links.page_path("index.md") == ""
    assert links.page_path("safety.md") == "safety/"


def test_anchor_is_kind_and_id():
    assert links.anchor("step", "kneel") == "step-kneel"


def test_relative_links():
    assert links.relative("exercises/a/", "routines/b/") == "../../routines/b/"
    assert links.relative("", "exercises/a/") == "exercises/a/"
    assert links.relative("exercises/a/", "") == "../../"
    assert links.relative("safety/", "safety/") == "./"


def test_absolute_urls():
    assert links.absolute("https://example.org/guide/", "exercises/a/") == "https://example.org/guide/exercises/a/"
    assert links.absolute(None, "exercises/a/") == "/exercises/a/"


@pytest.mark.parametrize(
    ("site_url", "dead"),
    [
        (None, True),
        ("", True),
        ("http://127.0.0.1:8000/", True),
        ("http://127.9.9.9/", True),
        ("http://localhost:8000/", True),
        ("http://[::1]:8000/", True),
        ("http://0.0.0.0/", True),
        ("https://clinic.example/back/", False),
        ("https://192.168.1.20/guide/", False),  # an intranet address other devices can reach
    ],
)
def test_site_address_problem(site_url, dead):
    assert (site_address_problem(site_url) is not None) == dead
