"""The follow-along player's data: each exercise's words, picture and timeline plan, as the JSON
the player page carries for site_assets/js/player.js.

The timeline's rules live in generator/model/timeline.py; the script only repeats one
repetition the number of times the person picks, and fills in these words with textContent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from generator.cards.card import CARD_CAPACITY, card_cue, card_figure
from generator.load.content import Content
from generator.model import Dosage, Exercise, urls
from generator.model.timeline import PAUSES, plan
from generator.render import dosage_text
from generator.render.wording import words

FigureLink = Callable[[str, str, str], str]

# Catalogue keys the script needs (besides every "play_…" key).
SCRIPT_WORDS = ("play", "range", "unit_seconds", "unit_minutes", "unit_breaths", "seconds_one", "seconds_many",
                "minutes_one", "minutes_many", "breaths_one", "breaths_many", "times_one", "times_many",
                "move_of", "separator", "builder_too_many")


def plan_json(dosage: Dosage) -> dict[str, Any]:
    """A dosage's timeline plan as JSON: the works of one repetition, the repeats, the sides."""
    return asdict(plan(dosage))


def _picture(exercise: Exercise, content: Content, figure_link: FigureLink, figure_size: Callable[..., Any]) -> dict[str, Any] | None:
    """The picture the player shows: the card's figure, as the page's WebP in each palette."""
    figure = card_figure(exercise)
    size = figure_size(figure) if figure else None
    if figure is None or size is None:
        return None
    variants = {"light": ("1x", "2x")}
    if figure.kind == "pose":
        variants["dark"] = ("dark-1x", "dark-2x")
    sources = {
        scheme: {"src": figure_link(exercise.id, figure.id, one), "srcset": f"{figure_link(exercise.id, figure.id, one)} 1x, "
                 f"{figure_link(exercise.id, figure.id, two)} 2x"}
        for scheme, (one, two) in variants.items()
    }
    return {"alt": figure.alt, "width": size.width, "height": size.height, **sources}


def exercise_json(exercise: Exercise, content: Content, link: Callable[[str], str], figure_link: FigureLink,
                  figure_size: Callable[..., Any]) -> dict[str, Any]:
    """What the player shows of one exercise, at the guide's own dosage."""
    cue = card_cue(exercise)
    language = content.guide.language
    return {
        "title": exercise.title,
        "label": content.label_of(exercise.id),
        "steps": [step.text for step in exercise.steps],
        "cue": cue.text if cue else None,
        "stop": list(exercise.stop_rules),
        "dosage_line": dosage_text.line(exercise.dosage, language),
        "page": link(urls.exercise_path(exercise.id)),
        "picture": _picture(exercise, content, figure_link, figure_size),
        "plan": plan_json(exercise.dosage),
    }


def player_data(content: Content, items: list[tuple[str, Dosage]] | None, exit_href: str, builder_href: str,
                describe: Callable[[Exercise], dict[str, Any]] | None = None, **links: Any) -> dict[str, Any]:
    """The player page's JSON. ``items`` are a routine's (exercise id, dosage) in order, or None
    for the custom player, which reads its exercises from the address as the builder writes it.
    ``links`` are the page's link helpers: link, figure_link and figure_size; ``describe`` gives
    an exercise's part of the JSON, when the caller keeps them between builds."""
    w = words(content.guide.language)
    used = [e for e, _ in items] if items is not None else list(content.exercises)
    describe = describe or (lambda e: exercise_json(e, content, links["link"], links["figure_link"], links["figure_size"]))
    return {
        "exercises": {eid: describe(content.exercises[eid]) for eid in dict.fromkeys(used)},
        "items": [{"id": eid, "plan": plan_json(dosage)} for eid, dosage in items] if items is not None else None,
        "pauses": PAUSES,
        "capacity": CARD_CAPACITY,  # as many as a custom card holds
        "exit": exit_href,
        "builder": builder_href,
        "words": {key: w[key] for key in w if key.startswith("play_") or key in SCRIPT_WORDS},
    }
