"""Redirect pages: short links (/s/<code>/) and the old URLs of renamed exercises."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined, Template

from generator.load.content import Content
from generator.load.registry import RegisteredLink, aliases, target
from generator.model import urls
from generator.render.wording import words

SCRIPT = urls.asset("js/traction.js")


def _page(template: Template, here: str, to: str, site_url: str | None, language: str) -> str:
    linker = urls.Linker(here)
    return template.render(
        w=words(language), language=language, canonical=urls.absolute(site_url, to), relative=linker.page(to), script=linker.file(SCRIPT)
    )


def redirect_files(entries: list[RegisteredLink], content: Content, site_url: str | None) -> dict[str, str]:
    """{site path of an index.html: HTML} for every short code and every exercise alias."""
    env = Environment(loader=PackageLoader("generator.render", "templates"), autoescape=True, undefined=StrictUndefined)
    template = env.get_template("redirect.html.j2")
    language = content.guide.language
    files = {}
    renamed = aliases(content)
    for entry in entries:
        if entry.code:
            here = urls.short_path(entry.code)
            files[here + "index.html"] = _page(template, here, target(entry.url, content, renamed), site_url, language)
    for old, new in sorted(renamed.items()):
        here = urls.exercise_path(old)
        files[here + "index.html"] = _page(template, here, urls.exercise_path(new), site_url, language)
    return files
