"""Render the validated content into Markdown pages through Jinja templates."""

from __future__ import annotations

import html
import re
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from . import dosage_text, links
from .card import PAPERS, card_items, card_layout
from .content import Content
from .figures.store import figure_size
from .model import Routine
from .qr import qr_svg
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
    env.filters["dosage_short"] = lambda d: dosage_text.line(d, language, short=True)
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


def render_pages(content: Content, site_url: str | None = None, card_pdfs: bool = False) -> dict[str, str]:
    """Every generated page as {Markdown source path: Markdown text}, in a stable order.

    ``site_url`` makes QR codes absolute; ``card_pdfs`` links each card to its PDFs.
    """
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
        "qr": qr_svg,
    }

    def render(template: str, src: str, **context: Any) -> tuple[str, str]:
        here = links.page_path(src)
        text = env.get_template(template).render(
            shared,
            link=lambda to: links.relative(here, to),
            figure_link=lambda exercise, figure, variant: links.relative_file(here, links.figure_file(exercise, figure, variant)),
            figure_size=lambda figure: figure_size(figure, content),
            **context,
        )
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
            render(
                "about.md.j2",
                ABOUT_SRC,
                figure_credits=sorted({(f.credit, f.licence) for e in content.exercises.values() for f in e.figures}),
            ),
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
        card_path = links.page_path(links.card_src(routine.id))
        src, text = render("routine.md.j2", links.routine_src(routine.id), routine=routine, items=items, card_path=card_path)
        pages[src] = text
        pages.update([_card(render, content, routine, site_url, card_pdfs)])
    return pages


def _card(render: Any, content: Content, routine: Routine, site_url: str | None, card_pdfs: bool) -> tuple[str, str]:
    items = card_items(routine, content.exercises)
    w = words(content.guide.language)
    pdfs = [
        {"href": links.relative_file(links.page_path(links.card_src(routine.id)), links.card_pdf(routine.id, paper)), "label": w[f"pdf_{paper}"]}
        for paper in (PAPERS if card_pdfs else ())
    ]
    return render(
        "card.md.j2",
        links.card_src(routine.id),
        routine=routine,
        items=items,
        layout=card_layout(len(items)),
        routine_path=links.page_path(links.routine_src(routine.id)),
        routine_url=links.absolute(site_url, links.page_path(links.routine_src(routine.id))),
        item_urls={i.exercise.id: links.absolute(site_url, links.page_path(links.exercise_src(i.exercise.id))) for i in items},
        pdfs=pdfs,
    )
