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
# it. A long guide's stages go in groups of ten (and groups of groups) so a page carries about ten
# entries per level: a page's nav cost is what made builds of 1,000 exercises slow, and with one
# level of groups a guide of 10,000 still rendered a hundred groups on every page.
GROUP_ABOVE = 12
GROUP = 10


def _stage(content: Content, stage: Stage) -> dict[str, Any]:
    """One stage: its exercise itself when it has one, else a section of its exercises."""
    pages = [content.exercises[e] for e in stage.exercises]
    if len(pages) == 1:
        return {html_text(f"{stage.number}. {pages[0].title}"): urls.exercise_src(pages[0].id)}
    section = [{html_text(f"{content.label_of(e.id)}. {e.title}"): urls.exercise_src(e.id)} for e in pages]
    return {html_text(f"{stage.number}. {stage.title}"): section}


def grouped(entries: list[tuple[int, int, Any]], label: str) -> list[Any]:
    """Nav entries (with the first and last stage number each covers) in groups of ten, and
    groups of groups, until a level holds at most GROUP_ABOVE: "Parts 1 to 10", "Parts 1 to 100"."""
    while len(entries) > GROUP_ABOVE:
        chunks = [entries[n : n + GROUP] for n in range(0, len(entries), GROUP)]
        entries = [(c[0][0], c[-1][1], {label.format(first=c[0][0], last=c[-1][1]): [e for _, _, e in c]}) for c in chunks]
    return [entry for _, _, entry in entries]


def navigation(content: Content, extra_pages: list[str]) -> list[Any]:
    """Home, safety, the sequence, routines, hand-written pages, then About.

    Material inserts nav titles as HTML, so titles from content are escaped here.
    """
    w = words(content.guide.language)
    sequence = grouped([(s.number, s.number, _stage(content, s)) for s in content.guide.stages], w["parts_range"])
    nav: list[Any] = [{w["home"]: HOME_SRC}, {w["before_you_start"]: SAFETY_SRC}, {w["the_parts"]: sequence}]
    if content.routines:
        nav.append({w["routines"]: [{html_text(r.title): urls.routine_src(r.id)} for r in content.routines.values()]})
    nav.extend(sorted(extra_pages))
    nav.append({w["clinicians"]: [{w["clinicians"]: CLINICIANS_SRC}, {w["builder"]: BUILDER_SRC}]})
    nav.append({w["about"]: ABOUT_SRC})
    return nav
