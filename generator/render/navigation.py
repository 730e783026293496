"""The site's navigation, in sequence order, as MkDocs' nav structure (plain lists and dicts)."""

from __future__ import annotations

from typing import Any

from generator.load.content import Content
from generator.model import urls
from generator.model.urls import ABOUT_SRC, BUILDER_SRC, CLINICIANS_SRC, HOME_SRC, SAFETY_SRC
from generator.render.pages import html_text
from generator.render.wording import words


def navigation(content: Content, extra_pages: list[str]) -> list[Any]:
    """Home, safety, the sequence, routines, hand-written pages, then About.

    Material inserts nav titles as HTML, so titles from content are escaped here.
    """
    w = words(content.guide.language)
    sequence: list[Any] = []
    for stage in content.guide.stages:  # one section per stage keeps each page's nav small (navigation.prune)
        pages = [content.exercises[e] for e in stage.exercises]
        if len(pages) == 1:
            sequence.append({html_text(f"{stage.number}. {pages[0].title}"): urls.exercise_src(pages[0].id)})
        else:
            section = [{html_text(f"{content.label_of(e.id)}. {e.title}"): urls.exercise_src(e.id)} for e in pages]
            sequence.append({html_text(f"{stage.number}. {stage.title}"): section})
    nav: list[Any] = [{w["home"]: HOME_SRC}, {w["before_you_start"]: SAFETY_SRC}, {w["the_parts"]: sequence}]
    if content.routines:
        nav.append({w["routines"]: [{html_text(r.title): urls.routine_src(r.id)} for r in content.routines.values()]})
    nav.extend(sorted(extra_pages))
    nav.append({w["clinicians"]: [{w["clinicians"]: CLINICIANS_SRC}, {w["builder"]: BUILDER_SRC}]})
    nav.append({w["about"]: ABOUT_SRC})
    return nav
