"""The site's navigation, in sequence order, as MkDocs' nav structure (plain lists and dicts)."""

from __future__ import annotations

from typing import Any

from generator.load.content import Content
from generator.model import urls
from generator.model.guide import Stage
from generator.model.urls import ABOUT_SRC, BUILDER_SRC, CLINICIANS_SRC, HOME_SRC, SAFETY_SRC
from generator.render.pages import html_text
from generator.render.wording import words

# With navigation.prune Material renders, on every page, the entries of each section on the way to
# it. A long guide's stages go in groups of ten so no page carries more than about thirty entries:
# a page's nav cost is what made builds of 1,000 exercises slow.
GROUP_ABOVE = 12
GROUP = 10


def _stage(content: Content, stage: Stage) -> dict[str, Any]:
    """One stage: its exercise itself when it has one, else a section of its exercises."""
    pages = [content.exercises[e] for e in stage.exercises]
    if len(pages) == 1:
        return {html_text(f"{stage.number}. {pages[0].title}"): urls.exercise_src(pages[0].id)}
    section = [{html_text(f"{content.label_of(e.id)}. {e.title}"): urls.exercise_src(e.id)} for e in pages]
    return {html_text(f"{stage.number}. {stage.title}"): section}


def navigation(content: Content, extra_pages: list[str]) -> list[Any]:
    """Home, safety, the sequence, routines, hand-written pages, then About.

    Material inserts nav titles as HTML, so titles from content are escaped here.
    """
    w = words(content.guide.language)
    stages = content.guide.stages
    sequence = [_stage(content, stage) for stage in stages]
    if len(stages) > GROUP_ABOVE:
        sequence = [
            {w["parts_range"].format(first=stages[n].number, last=stages[min(n + GROUP, len(stages)) - 1].number): sequence[n : n + GROUP]}
            for n in range(0, len(stages), GROUP)
        ]
    nav: list[Any] = [{w["home"]: HOME_SRC}, {w["before_you_start"]: SAFETY_SRC}, {w["the_parts"]: sequence}]
    if content.routines:
        nav.append({w["routines"]: [{html_text(r.title): urls.routine_src(r.id)} for r in content.routines.values()]})
    nav.extend(sorted(extra_pages))
    nav.append({w["clinicians"]: [{w["clinicians"]: CLINICIANS_SRC}, {w["builder"]: BUILDER_SRC}]})
    nav.append({w["about"]: ABOUT_SRC})
    return nav
