"""The machine-readable export, api/guide.json: validated content plus canonical URLs."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

from generator.load.content import Content
from generator.model import Exercise, Routine, urls
from generator.model.urls import ABOUT_SRC, HOME_SRC, SAFETY_SRC
from generator.render import dosage_text

EXPORT_SRC = urls.GUIDE_JSON_SRC
FORMAT_VERSION = 1


def _page(kind: str, page_id: str, src: str, site_url: str | None) -> dict[str, str]:
    path = urls.page_path(src)
    return {"kind": kind, "id": page_id, "path": "/" + path, "url": urls.absolute(site_url, path)}


Describe = Callable[[Exercise, str, Callable[[], Any]], Any]


def guide_data(content: Content, site_url: str | None, registered: list[Any] | None = None,
               describe: Describe | None = None) -> dict[str, Any]:
    """The export as plain data, in a stable order. ``registered`` is the link registry: with it,
    short codes, short links and aliases are listed too. ``describe(exercise, url, make)`` may
    hand back an exercise's entry from the last build (a live preview) instead of ``make()``."""
    codes = {e.url: e.code for e in registered or [] if e.code}
    describe = describe or (lambda exercise, url, make: make())
    pages = [
        _page("home", "home", HOME_SRC, site_url),
        _page("safety", "safety", SAFETY_SRC, site_url),
        _page("about", "about", ABOUT_SRC, site_url),
    ]
    exercises = []
    for exercise in content.exercises.values():
        page = _page("exercise", exercise.id, urls.exercise_src(exercise.id), site_url)
        pages.append(page)
        exercises.append(describe(exercise, page["url"], functools.partial(_exercise, content, exercise, page["url"], codes)))
    routines = []
    for routine in content.routines.values():
        page = _page("routine", routine.id, urls.routine_src(routine.id), site_url)
        card = _page("card", routine.id, urls.card_src(routine.id), site_url)
        pages += [page, card]
        routines.append(
            {**routine.model_dump(mode="json", exclude={"exercises"}), "url": page["url"], "card_url": card["url"],
             "play_url": urls.absolute(site_url, urls.play_path(routine.id)),
             "exercises": _routine_items(content, routine, site_url)}
        )
    short_links = [
        {"code": e.code, "url": urls.absolute(site_url, urls.short_path(e.code)), "target": urls.absolute(site_url, e.url)}
        for e in registered or []
        if e.code
    ]
    aliases = [
        {"from": urls.absolute(site_url, urls.exercise_path(old)), "to": urls.absolute(site_url, urls.exercise_path(e.id))}
        for e in content.exercises.values()
        for old in e.aliases
    ]
    return {
        "format": "traction-guide",
        "format_version": FORMAT_VERSION,
        "site_url": site_url,
        "guide": content.guide.model_dump(mode="json"),
        "pages": pages,
        "exercises": exercises,
        "routines": routines,
        "short_links": short_links,
        "aliases": aliases,
    }


def _exercise(content: Content, exercise: Exercise, url: str, codes: dict[str, str]) -> dict[str, Any]:
    """One exercise with its place in the sequence, its dosage in words, and every anchor's URL."""
    path = urls.exercise_path(exercise.id)
    anchors = [
        {
            "kind": kind,
            "id": part_id,
            "anchor": urls.anchor(kind, part_id),
            "url": urls.part_url(url, kind, part_id),
            "code": codes.get(urls.part_url(path, kind, part_id)),
        }
        for kind, part_id in exercise.anchors()
    ]
    anchors += [
        {"kind": kind, "id": old, "anchor": urls.anchor(kind, old), "url": urls.part_url(url, kind, old), "alias_of": new}
        for kind, old, new in exercise.alias_anchors()
    ]
    return {
        **exercise.model_dump(mode="json"),
        "stage": content.stage_of(exercise.id).number,
        "label": content.label_of(exercise.id),  # its place in the sequence, as every page shows it: "1a", "3"
        "url": url,
        "code": codes.get(path),
        "dosage_text": dosage_text.line(exercise.dosage, content.guide.language),
        "anchors": anchors,
    }


def _routine_items(content: Content, routine: Routine, site_url: str | None) -> list[dict[str, Any]]:
    """A routine's exercises, each with the dosage the routine asks for."""
    items = []
    for item in routine.exercises:
        dosage = item.dosage_for(content.exercises[item.exercise])
        items.append(
            {
                "exercise": item.exercise,
                "url": urls.absolute(site_url, urls.exercise_path(item.exercise)),
                "dosage": dosage.model_dump(mode="json"),
                "dosage_text": dosage_text.line(dosage, content.guide.language),
                "note": item.note,
            }
        )
    return items


def _json(value: Any) -> str:
    # Compact: indenting switches json to its pure-Python encoder, many times slower on a big guide.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def guide_json(content: Content, site_url: str | None, registered: list[Any] | None = None, describe: Describe | None = None) -> str:
    """The export as JSON text (UTF-8, compact, stable). With ``describe``, each exercise's entry
    is written once and reused as text while the exercise is unchanged."""
    if describe is None:
        return _json(guide_data(content, site_url, registered)) + "\n"
    outer = describe

    def written(exercise: Exercise, url: str, make: Callable[[], Any]) -> Any:
        return outer(exercise, url, lambda: _json(make()))  # kept as text between a live preview's builds

    data = guide_data(content, site_url, registered, written)
    # the same bytes json.dumps writes for the whole, with each exercise's text put in as it is
    parts = [f"{_json(key)}:" + ("[" + ",".join(value) + "]" if key == "exercises" else _json(value)) for key, value in data.items()]
    return "{" + ",".join(parts) + "}\n"
