"""Render the validated content into Markdown pages through Jinja templates."""

from __future__ import annotations

import html
import re
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from . import dosage_text, links
from .content import Content
from .wording import words

SAFETY_SRC = "safety.md"
ABOUT_SRC = "about.md"
HOME_SRC = "index.md"
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~^=])")


def markdown_text(value: str) -> Markup:
    """Plain text made safe for a Markdown line: HTML escaped, Markdown syntax neutralised."""
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(value).split()))
    return Markup(escape(text))


def html_text(value: str) -> str:
    """Text that MkDocs and Material insert as HTML (page and nav titles): escape <, > and &."""
    return html.escape(str(value), quote=False)


def html_attribute(value: str) -> str:
    """Text Material puts inside an HTML attribute unescaped (the page description)."""
    return html.escape(str(value), quote=True)


def _environment(language: str) -> Environment:
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        autoescape=True,  # every value from content is text, never markup
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown_text
    env.filters["html_text"] = html_text
    env.filters["html_attribute"] = html_attribute
    env.filters["dosage_line"] = lambda d: dosage_text.line(d, language)
    env.filters["dosage_phrases"] = lambda d: dosage_text.phrases(d, language)
    env.globals["w"] = words(language)
    env.globals["anchor"] = links.anchor
    return env


def source_line(content: Content) -> str:
    """'Based on “Title” by Author, Publisher, 9 June 2023. …'."""
    source = content.guide.source
    date = f"{source.published.day} {source.published:%B} {source.published.year}"
    return words(content.guide.language)["source_line"].format(
        title=source.title, author=source.author, publisher=source.publisher, date=date
    )


def render_pages(content: Content) -> dict[str, str]:
    """Every generated page as {Markdown source path: Markdown text}, in a stable order."""
    guide = content.guide
    env = _environment(guide.language)
    exercise_paths = {eid: links.page_path(links.exercise_src(eid)) for eid in content.exercises}
    routine_paths = {rid: links.page_path(links.routine_src(rid)) for rid in content.routines}
    shared: dict[str, Any] = {
        "guide": guide,
        "source_line": source_line(content),
        "safety_path": links.page_path(SAFETY_SRC),
        "exercise_paths": exercise_paths,
        "routine_paths": routine_paths,
    }

    def render(template: str, src: str, **context: Any) -> tuple[str, str]:
        here = links.page_path(src)
        text = env.get_template(template).render(shared, link=lambda to: links.relative(here, to), **context)
        return src, text

    pages = dict(
        [
            render(
                "index.md.j2",
                HOME_SRC,
                stage_exercises={s.id: [content.exercises[e] for e in s.exercises] for s in guide.stages},
                routines=list(content.routines.values()),
            ),
            render("safety.md.j2", SAFETY_SRC),
            render("about.md.j2", ABOUT_SRC),
        ]
    )
    for exercise in content.exercises.values():
        src, text = render(
            "exercise.md.j2",
            links.exercise_src(exercise.id),
            exercise=exercise,
            stage=content.stage_of(exercise.id),
            total_stages=len(guide.stages),
        )
        pages[src] = text
    for routine in content.routines.values():
        items = [
            {
                "exercise": content.exercises[item.exercise],
                "path": exercise_paths[item.exercise],
                "dosage": item.dosage or content.exercises[item.exercise].dosage,
                "note": item.note,
            }
            for item in routine.exercises
        ]
        src, text = render("routine.md.j2", links.routine_src(routine.id), routine=routine, items=items)
        pages[src] = text
    return pages
