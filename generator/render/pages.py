"""Render the validated content into Markdown pages through Jinja templates."""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable
from typing import Any, TypeVar

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from generator.cards.card import (
    BREATH_SECONDS,
    CARD_CAPACITY,
    PAPERS,
    WORDED_REPETITIONS,
    CardItem,
    card_cue,
    card_equipment,
    card_figure,
    card_items,
    card_layout,
    routine_minutes,
)
from generator.cards.qr import qr_svg
from generator.figures.store import card_picture, figure_size
from generator.load.content import Content
from generator.model import Exercise, Routine, urls
from generator.model.timeline import PAUSES
from generator.model.urls import ABOUT_SRC, BUILDER_SRC, CLINICIANS_SRC, HOME_SRC, SAFETY_SRC
from generator.render import dosage_text
from generator.render.player import exercise_json, player_data
from generator.render.reuse import Reuse, digest, values_digest
from generator.render.service_worker import SERVICE_WORKER
from generator.render.structured_data import exercise_jsonld
from generator.render.webapp import MANIFEST_SRC, THEME_COLOUR, icon_file
from generator.render.wording import listing, words

QR_SCRIPT = urls.asset("vendor/qrcode-generator-2.0.4/qrcode.js")  # self-hosted, for QR codes drawn in the browser
NOTE_MAX = 140  # characters: the note travels in the card's URL and its QR code
TITLE_MAX = 60  # characters of a custom card's title, and of its "how often" line
OFTEN_MAX = 60
MAX_HASH = 2000  # characters of card address the builder accepts
T = TypeVar("T")
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


@functools.cache  # compiled once per process; Jinja still reloads a template whose file changed
def _environment(language: str) -> Environment:
    env = Environment(
        loader=PackageLoader("generator.render", "templates"),
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
    env.filters["listing"] = lambda items: listing(items, language)
    env.globals["w"] = words(language)
    env.globals["anchor"] = urls.anchor
    return env


def source_line(content: Content, short: bool = False) -> str:
    """'Based on “Title” by Author, Publisher, 9 June 2023. …' (``short``: without the last sentence, for cards)."""
    source = content.guide.source
    date = f"{source.published.day} {source.published:%B} {source.published.year}"
    return words(content.guide.language)["source_line_short" if short else "source_line"].format(
        title=source.title, author=source.author, publisher=source.publisher, date=date
    )


def theme_extra(content: Content, webapp: bool = False, service_worker: bool = True) -> dict[str, Any]:
    """What the theme overrides read from ``extra.traction``: the footer credit, the not-found
    page's words and, with ``webapp`` (the hosted guide, not the file:// copy), the manifest,
    its theme colour and (with ``service_worker``) the worker to register (overrides/main.html)."""
    w = words(content.guide.language)
    return {
        "webapp": {"manifest": MANIFEST_SRC, "icon": icon_file(192), "theme_colour": THEME_COLOUR,
                   "service_worker": SERVICE_WORKER if service_worker else None}
        if webapp else None,
        "credit": source_line(content),
        "about_path": urls.page_path(ABOUT_SRC),
        "about_label": w["about"],
        "not_found": {key.removeprefix("not_found_"): w[key] for key in w if key.startswith("not_found_")},
        "search": {
            "none": w["search_none"],
            "links": [{"path": urls.page_path(SAFETY_SRC), "label": w["search_safety"]},
                      {"path": urls.with_fragment(urls.page_path(HOME_SRC), "the-sequence"), "label": w["search_sequence"]}],
        },
    }


class _Renderer:
    """Renders the page templates of one build: the context every page shares, and links
    relative to the page being rendered."""

    def __init__(self, content: Content, directory_urls: bool, download: str | None, reuse: Reuse | None,
                 settings: tuple[Any, ...]) -> None:
        guide = content.guide
        self.content, self.directory_urls = content, directory_urls
        self.env = _environment(guide.language)
        self.reuse = reuse or Reuse()
        # What every page may read besides its own objects: the guide, the sequence, the routines
        # and photos, and the build's settings. A change to any of them renders everything again.
        acute = guide.safety.acute_pain.routine
        self.shared_objects: tuple[object, ...] = (guide, content.routines.get(acute or ""))
        self.shared_values = values_digest((tuple(content.exercises), tuple(content.routines), tuple(sorted(content.photos.items())),
                                            directory_urls, download, settings))
        self.shared: dict[str, Any] = {
            "guide": guide,
            "source_line": source_line(content),
            "safety_path": urls.page_path(SAFETY_SRC),
            "exercise_paths": {eid: urls.exercise_path(eid) for eid in content.exercises},
            "routine_paths": {rid: urls.routine_path(rid) for rid in content.routines},
            "play_paths": {rid: urls.play_path(rid) for rid in content.routines},
            "qr": qr_svg,
            "download": download,
            "labels": {eid: content.label_of(eid) for eid in content.exercises},
            "acute_routine": content.routines.get(guide.safety.acute_pain.routine or ""),
            "first_exercise": next(iter(content.exercises)),
        }

    def linker(self, src: str) -> urls.Linker:
        return urls.Linker(urls.page_path(src), self.directory_urls)

    def helpers(self, src: str) -> dict[str, Any]:
        """Link and picture helpers relative to the page at ``src``."""
        here, content = self.linker(src), self.content
        return {
            "link": here.page,
            "file_link": here.file,
            "figure_link": lambda exercise, figure, variant: here.file(urls.figure_file(exercise, figure, variant)),
            "figure_size": lambda figure: figure_size(figure, content),
            "card_picture": lambda figure: card_picture(figure, content),
        }

    def render(self, template: str, src: str, **context: Any) -> tuple[str, str]:
        text = self.env.get_template(template).render(self.shared, **self.helpers(src), **context)
        return src, text

    def reused(self, kind: str, objects: tuple[object, ...], values: Any, make: Callable[[], T]) -> T:
        """``make()`` unless the last build made this piece from the same objects and values."""
        return self.reuse.get(kind, self.shared_objects + objects, (self.shared_values, values), make)

    def piece(self, template: str, src: str, objects: tuple[object, ...], values: Any, **context: Callable[[], Any]) -> Markup:
        """A part of a page repeated for every exercise, rendered once and reused while unchanged.
        Its ``context`` values are made only when it is rendered."""
        def make() -> Markup:
            return Markup(self.render(template, src, **{name: value() for name, value in context.items()})[1])

        return self.reused(template + src, objects, values, make)


def render_pages(
    content: Content,
    site_url: str | None = None,
    card_pdfs: bool = False,
    codes: dict[str, str] | None = None,
    directory_urls: bool = True,
    download: str | None = None,
    reuse: Reuse | None = None,
) -> dict[str, str]:
    """Every generated page as {Markdown source path: Markdown text}, in a stable order.

    ``site_url`` makes QR codes absolute; ``card_pdfs`` links each card to its PDFs; ``codes``
    (registered URL → short code) fills the clinician page; ``directory_urls`` False gives the
    file:// links of an offline build; ``reuse`` hands pieces of the last build back (a live preview).
    """
    codes = codes or {}
    renderer = _Renderer(content, directory_urls, download, reuse, (site_url, card_pdfs))
    render, linker, reused = renderer.render, renderer.linker, renderer.reused
    # The whole-guide pages read every exercise and routine: they are taken back only when nothing
    # changed (and their parts with them, so one change renders only the parts it touches).
    unchanged = values_digest((tuple(map(digest, content.every_object())), tuple(sorted(codes.items()))))

    def whole(kind: str, make: Callable[[], T]) -> T:
        return reused(kind, (), unchanged, make)

    pages = dict(whole("guide pages", lambda: _guide_pages(render, content)))
    own = {eid: _codes(codes, urls.exercise_path(eid), exercise) for eid, exercise in content.exercises.items()}
    for exercise in content.exercises.values():
        pages.update([reused("page", (exercise,), own[exercise.id], functools.partial(_exercise, render, content, exercise, site_url, codes))])
    for routine in content.routines.values():
        used = tuple(content.exercises[item.exercise] for item in routine.exercises)
        shown = tuple(own[e.id] for e in used)
        pages.update([
            reused("routine", (routine, *used), shown, functools.partial(_routine, render, content, routine, site_url, linker)),
            reused("card", (routine, *used), shown, functools.partial(_card, render, content, routine, site_url, card_pdfs, linker, codes)),
        ])
    pages.update([whole("clinicians", lambda: _clinicians(renderer, content, site_url, codes, own)),
                  whole("builder", lambda: _builder(renderer, content, codes))])
    pages.update(whole("players", lambda: _players(renderer, content)))
    return pages


def _codes(codes: dict[str, str], path: str, exercise: Exercise) -> tuple[tuple[str, str], ...]:
    """The short codes of one exercise's page and steps: what its pieces show of the registry."""
    wanted = [path] + [urls.part_url(path, "step", step.id) for step in exercise.steps]
    return tuple((url, codes[url]) for url in wanted if url in codes)


def _players(renderer: _Renderer, content: Content) -> list[tuple[str, str]]:
    """The follow-along player of every routine, and the one for a custom card or one exercise."""
    result = []
    w = words(content.guide.language)
    sources = [(urls.play_src(r.id), r) for r in content.routines.values()] + [(urls.PLAY_SRC, None)]
    for src, routine in sources:
        helpers = renderer.helpers(src)
        link = helpers["link"]
        if routine is not None:
            items = [(item.exercise, item.dosage_for(content.exercises[item.exercise])) for item in routine.exercises]
            heading, exit_href = w["play_routine"].format(title=routine.title), link(urls.routine_path(routine.id))
        else:
            items, heading, exit_href = None, w["play"], link(urls.page_path(BUILDER_SRC))  # the script names the card
        def describe(exercise: Exercise, helpers: dict[str, Any] = helpers, src: str = src) -> dict[str, Any]:
            return renderer.reused("player" + src, (exercise,), None, lambda: exercise_json(
                exercise, content, helpers["link"], helpers["figure_link"], helpers["figure_size"]))

        data = player_data(content, items, exit_href, link(urls.page_path(BUILDER_SRC)), describe, **helpers)
        others = [(r.title, link(urls.play_path(r.id))) for r in content.routines.values()] if routine is None else []
        jump = [{"id": e, "label": content.label_of(e), "title": content.exercises[e].title} for e, _ in items or []]
        result.append(renderer.render("play.md.j2", src, heading=heading, data=data, routines=others, items=jump,
                                      player_script=helpers["file_link"](urls.asset("js/player.js"))))
    return result


def _guide_pages(render: Any, content: Content) -> list[tuple[str, str]]:
    """The home, safety and About pages."""
    guide = content.guide
    return [
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
            pauses=PAUSES,
            figure_credits=sorted({(f.credit, f.licence) for e in content.exercises.values() for f in e.figures}),
        ),
    ]


def _exercise(render: Any, content: Content, exercise: Exercise, site_url: str | None, codes: dict[str, str]) -> tuple[str, str]:
    path = urls.exercise_path(exercise.id)
    exercise_code = codes.get(path)
    step_urls = {s.id: urls.part_url(path, "step", s.id) for s in exercise.steps}
    return render(
        "exercise.md.j2",
        urls.exercise_src(exercise.id),
        exercise_code=exercise_code,
        exercise_short_path=urls.short_path(exercise_code) if exercise_code else "",
        step_codes={step: codes[url] for step, url in step_urls.items() if url in codes},
        exercise=exercise,
        play_path=urls.play_exercise_path(exercise.id),
        stage=content.stage_of(exercise.id),
        label=content.label_of(exercise.id),
        total_stages=len(content.guide.stages),
        jsonld=exercise_jsonld(exercise, content, site_url),
    )


REMINDER_SCRIPTS = [urls.asset("js/ics.js"), urls.asset("js/reminder.js")]  # the calendar file is written in the browser


def reminder_scripts(linker: urls.Linker) -> list[str]:
    """The scripts of the "Add to my calendar" form, linked from one page."""
    return [linker.file(script) for script in REMINDER_SCRIPTS]


def _routine(render: Any, content: Content, routine: Routine, site_url: str | None, linker: Any) -> tuple[str, str]:
    low, high = routine_minutes(card_items(routine, content.exercises))
    reminder = {
        "id": routine.id,
        "title": routine.title,
        "url": urls.absolute(site_url, urls.routine_path(routine.id)),
        "minutes": high,  # the calendar keeps the longest time free
        "minutes_text": dosage_text.minutes_range(low, high, content.guide.language),
    }
    items = [
        {
            "exercise": content.exercises[item.exercise],
            "path": urls.exercise_path(item.exercise),
            "dosage": item.dosage_for(content.exercises[item.exercise]),
            "note": item.note,
        }
        for item in routine.exercises
    ]
    return render(
        "routine.md.j2", urls.routine_src(routine.id), routine=routine, items=items, card_path=urls.card_path(routine.id),
        reminder=reminder, reminder_scripts=reminder_scripts(linker(urls.routine_src(routine.id))),
    )


def _clinician_row(content: Content, exercise: Exercise, site_url: str | None, codes: dict[str, str], here: urls.Linker) -> dict[str, Any]:
    """One exercise on the clinician page: its short codes, links and QR addresses."""
    w = words(content.guide.language)
    path = urls.exercise_path(exercise.id)
    targets = [(w["whole_exercise"], path)]
    targets += [(f"{n}. {step.text}", urls.part_url(path, "step", step.id)) for n, step in enumerate(exercise.steps, 1)]
    items = []
    for label, url in targets:
        code = codes.get(url)
        if code is None:
            continue
        items.append(
            {
                "label": label,
                "code": code,
                "path": url,
                "href": here.page(url),
                "short_path": urls.short_path(code),
                "short_url": urls.absolute(site_url, urls.short_path(code)),
            }
        )
    return {"exercise": exercise, "stage": content.label_of(exercise.id), "links": items}


def _clinicians(renderer: _Renderer, content: Content, site_url: str | None, codes: dict[str, str],
                own: dict[str, tuple[tuple[str, str], ...]]) -> tuple[str, str]:
    """The clinician page; ``own`` holds each exercise's short codes (see ``_codes``)."""
    here = renderer.linker(CLINICIANS_SRC)
    rows, example = [], None
    for exercise in content.exercises.values():
        if example is None and len(own[exercise.id]) > 1:
            example = urls.absolute(site_url, urls.short_path(own[exercise.id][1][1]))  # the first step with a short link
        rows.append(renderer.piece("_clinician_row.md.j2", CLINICIANS_SRC, (exercise,), own[exercise.id],
                                   row=functools.partial(_clinician_row, content, exercise, site_url, codes, here)))
    return renderer.render(
        "clinicians.md.j2",
        CLINICIANS_SRC,
        rows=rows,
        example_short=example or urls.absolute(site_url, urls.short_path("…")),
        builder_path=urls.page_path(BUILDER_SRC),
        qr_script=QR_SCRIPT,
    )


def _builder_exercise(content: Content, item: CardItem) -> dict[str, Any]:
    """What builder.js knows of one exercise: its title, place and the guide's dosage."""
    return {
        "title": item.exercise.title,
        "stage": content.label_of(item.exercise.id),
        "dosage": item.dosage.model_dump(mode="json"),
        "dosage_line": dosage_text.slotted_line(item.dosage, content.guide.language),
        "equipment": item.exercise.equipment,
    }


def _builder(renderer: _Renderer, content: Content, codes: dict[str, str]) -> tuple[str, str]:
    """The card builder page: the card's markup in <template> elements (one per exercise at the
    guide's dosage), and what its script needs to change amounts and the layout as JSON."""
    guide = content.guide
    w = words(guide.language)
    here = renderer.linker(BUILDER_SRC)
    items = [CardItem(e, e.dosage, card_cue(e), card_figure(e)) for e in content.exercises.values()]
    exercises = {
        item.exercise.id: renderer.reused("builder-data", (item.exercise,), None, functools.partial(_builder_exercise, content, item))
        for item in items
    }
    keys = ["qr_card_label", "hold_label", "duration_label", "reps_label", "builder_unknown", "builder_damaged",
            "builder_too_long", "builder_too_many", "builder_up", "builder_down", "builder_remove", "builder_note_count",
            "builder_outside", "builder_guide_range", "builder_outside_link", "builder_zero", "builder_sets_label",
            "builder_sets_none", "builder_at_capacity", "unit_seconds", "unit_minutes", "unit_breaths", "unit_times",
            "unit_times_each_side", "unit_sets", "card_how_long_value", "range"]
    data = {
        "capacity": CARD_CAPACITY,
        "layouts": [card_layout(count) for count in range(CARD_CAPACITY + 1)],  # by number of exercises
        "note_max": NOTE_MAX,
        "timing": {"breath_seconds": list(BREATH_SECONDS), "worded_repetitions": {k: list(v) for k, v in WORDED_REPETITIONS.items()}},
        "title_max": TITLE_MAX,
        "often_max": OFTEN_MAX,
        "max_hash": MAX_HASH,
        "words": {k: w[k] for k in keys},
        "exercises": exercises,
    }
    return renderer.render(
        "builder.md.j2",
        BUILDER_SRC,
        exercises=list(content.exercises.values()),
        stages={e: content.label_of(e) for e in content.exercises},
        items=[
            renderer.piece("_builder_item.md.j2", BUILDER_SRC, (item.exercise,), codes.get(urls.exercise_path(item.exercise.id)),
                           entry=functools.partial(dict, item=item, code=codes.get(urls.exercise_path(item.exercise.id)),
                                                   href=here.page(urls.exercise_path(item.exercise.id))))
            for item in items
        ],
        minutes=dosage_text.minutes_range(1, 1, guide.language),  # the script works it out from the amounts
        card_credit=source_line(content, short=True),
        data=data,
        note_max=NOTE_MAX,
        title_max=TITLE_MAX,
        often_max=OFTEN_MAX,
        qr_script=here.file(QR_SCRIPT),
        builder_script=here.file(urls.asset("js/builder.js")),
        # builder.js fills these in for the card being made
        reminder={"id": "card", "title": w["builder_card_title"], "url": urls.page_path(BUILDER_SRC), "minutes": 1, "minutes_text": "1"},
        reminder_scripts=reminder_scripts(here),
        play_card_path=urls.play_card_path(""),
    )


def _code_example(site_url: str | None, codes: list[str | None]) -> str | None:
    """The short link the card explains its codes with: the first exercise's, once all have one."""
    known = [code for code in codes if code]
    return urls.absolute(site_url, urls.short_path(known[0])) if known and len(known) == len(codes) else None


def _card(
    render: Any, content: Content, routine: Routine, site_url: str | None, card_pdfs: bool, linker: Any, codes: dict[str, str]
) -> tuple[str, str]:
    items = card_items(routine, content.exercises)
    layout = card_layout(len(items))
    low, high = routine_minutes(items)
    item_codes = {i.exercise.id: codes.get(urls.exercise_path(i.exercise.id)) for i in items}
    w = words(content.guide.language)
    pdfs = [
        {"href": linker(urls.card_src(routine.id)).file(urls.card_pdf(routine.id, paper)), "label": w[f"pdf_{paper}"]}
        for paper in (PAPERS if card_pdfs else ())
    ]
    return render(
        "card.md.j2",
        urls.card_src(routine.id),
        routine=routine,
        items=[
            {
                "item": item,
                "code": item_codes[item.exercise.id],
                # one-column cards give each exercise a QR code of its own
                "qr_url": urls.absolute(site_url, urls.exercise_path(item.exercise.id)) if layout == "single" else None,
            }
            for item in items
        ],
        layout=layout,
        routine_path=urls.routine_path(routine.id),
        routine_url=urls.absolute(site_url, urls.routine_path(routine.id)),
        pdfs=pdfs,
        equipment=card_equipment(items),
        minutes=dosage_text.minutes_range(low, high, content.guide.language),
        card_credit=source_line(content, short=True),
        code_example=_code_example(site_url, list(item_codes.values())),
    )
