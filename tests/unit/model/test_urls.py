"""The link scheme: paths, anchors and relative links."""

import pytest

from generator.model import urls
from generator.model.urls import site_address_problem


def test_page_paths():
    assert urls.page_path(urls.exercise_src("childs-pose")) == "exercises/childs-pose/"
    assert urls.page_path(urls.routine_src("full-sequence")) == "routines/full-sequence/"
    assert urls.page_path("index.md") == ""
    assert urls.page_path("safety.md") == "safety/"


def test_anchor_is_kind_and_id():
    assert urls.anchor("step", "kneel") == "step-kneel"


def test_relative_links():
    assert urls.relative("exercises/a/", "routines/b/") == "../../routines/b/"
    assert urls.relative("", "exercises/a/") == "exercises/a/"
    assert urls.relative("exercises/a/", "") == "../../"
    assert urls.relative("safety/", "safety/") == "./"


def test_absolute_urls():
    assert urls.absolute("https://example.org/guide/", "exercises/a/") == "https://example.org/guide/exercises/a/"
    assert urls.absolute(None, "exercises/a/") == "/exercises/a/"


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


def test_every_published_kind_of_address():
    assert urls.exercise_path("childs-pose") == "exercises/childs-pose/"
    assert urls.routine_path("gentle-start") == "routines/gentle-start/"
    assert urls.card_path("gentle-start") == "cards/gentle-start/"
    assert urls.short_path("cp-k") == "s/cp-k/"
    assert urls.part_url("exercises/childs-pose/", "step", "kneel") == "exercises/childs-pose/#step-kneel"
    assert urls.with_fragment("exercises/childs-pose/", "") == "exercises/childs-pose/"
    assert urls.asset("js/traction.js") == "assets/traction/js/traction.js"
    assert urls.figure_file("childs-pose", "childs-pose-hold", "2x") == "assets/figures/childs-pose/childs-pose-hold-800.webp"


def test_the_exercise_a_path_names():
    assert urls.exercise_of("exercises/childs-pose/") == "childs-pose"
    assert urls.exercise_of("routines/both/") is None
    assert urls.exercise_of("exercises/childs-pose/extra/") is None


def test_player_paths():
    assert urls.play_path("gentle-start") == "play/gentle-start/"
    assert urls.play_path("gentle-start", "childs-pose") == "play/gentle-start/#childs-pose"
    assert urls.play_exercise_path("childs-pose") == "play/#x=childs-pose"
    assert urls.play_card_path("x=childs-pose.h3~runners-lunge&t=Mine") == "play/#x=childs-pose.h3~runners-lunge&t=Mine"
    assert urls.relative("exercises/childs-pose/", "play/") == "../../play/"
