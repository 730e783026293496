"""The URL scheme: where every page, card, short link, figure and anchor is published.
Published URLs and anchors must keep resolving, so they are made here and nowhere else."""

from __future__ import annotations

import ipaddress
import posixpath
import re
import urllib.parse
from dataclasses import dataclass

# Markdown sources of the pages every guide has.
HOME_SRC = "index.md"
SAFETY_SRC = "safety.md"
ABOUT_SRC = "about.md"
CLINICIANS_SRC = "clinicians.md"
BUILDER_SRC = "builder.md"
PLAY_SRC = "play/index.md"  # the player for a custom card or one exercise, named by its '#' fragment

ASSETS_PREFIX = "assets/traction/"  # where the assets folder is published
OFFLINE_ZIP_SRC = "downloads/guide-offline.zip"  # where the hosted site publishes the offline copy
GUIDE_JSON_SRC = "api/guide.json"  # the machine-readable export
LINKS_EXPORT_SRC = "api/links.yaml"  # the link registry as of the last build, published with the site
_EXERCISE_PATH = re.compile(r"exercises/([a-z0-9-]+)/")


def exercise_src(exercise_id: str) -> str:
    """Markdown source path of an exercise page."""
    return f"exercises/{exercise_id}.md"


def routine_src(routine_id: str) -> str:
    """Markdown source path of a routine page."""
    return f"routines/{routine_id}.md"


def card_src(routine_id: str) -> str:
    """Markdown source path of a routine's printable card."""
    return f"cards/{routine_id}.md"


def play_src(routine_id: str) -> str:
    """Markdown source path of a routine's follow-along player."""
    return f"play/{routine_id}.md"


def card_pdf(routine_id: str, paper: str) -> str:
    """Site path of a card's PDF ('a4' or 'letter'), written by `traction build --card-pdfs`."""
    return f"cards/{routine_id}/{routine_id}-{paper}.pdf"


def exercise_path(exercise_id: str) -> str:
    """URL path of an exercise page: 'exercises/childs-pose/'."""
    return page_path(exercise_src(exercise_id))


def exercise_of(path: str) -> str | None:
    """The exercise id an exercise page's path names, else None."""
    match = _EXERCISE_PATH.fullmatch(path)
    return match.group(1) if match else None


def routine_path(routine_id: str) -> str:
    """URL path of a routine page: 'routines/gentle-start/'."""
    return page_path(routine_src(routine_id))


def card_path(routine_id: str) -> str:
    """URL path of a routine's printable card: 'cards/gentle-start/'."""
    return page_path(card_src(routine_id))


def play_path(routine_id: str, exercise_id: str = "") -> str:
    """URL path of a routine's player, 'play/gentle-start/', or starting at one exercise:
    'play/gentle-start/#childs-pose'."""
    return with_fragment(page_path(play_src(routine_id)), exercise_id)


def play_card_path(fragment: str) -> str:
    """URL path of the player for a custom card, from the builder's own fragment: 'play/#x=childs-pose.h3'."""
    return with_fragment(page_path(PLAY_SRC), fragment)


def play_exercise_path(exercise_id: str) -> str:
    """URL path of the player for one exercise at the guide's dosage: 'play/#x=childs-pose'
    (a custom card of one exercise, in the builder's fragment format)."""
    return play_card_path(f"x={exercise_id}")


def short_path(code: str) -> str:
    """URL path of a short link, which redirects to what its code names: 's/cp-k/'."""
    return f"s/{code}/"


def asset(path: str) -> str:
    """Site path of a file from the assets folder: 'js/traction.js' → 'assets/traction/js/traction.js'."""
    return ASSETS_PREFIX + path


def page_path(src: str) -> str:
    """The URL path (relative to the site root) MkDocs gives a Markdown source with directory URLs."""
    stem = src.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def anchor(kind: str, part_id: str) -> str:
    """The fragment id of a step, cue, caution or variation: 'step-kneel'."""
    return f"{kind}-{part_id}"


def with_fragment(path: str, fragment: str) -> str:
    """A path or URL with a '#fragment' (none when ``fragment`` is empty)."""
    return f"{path}#{fragment}" if fragment else path


def part_url(path: str, kind: str, part_id: str) -> str:
    """A page path or URL pointing at one step, cue, caution or variation: 'exercises/x/#step-kneel'."""
    return with_fragment(path, anchor(kind, part_id))


def page_file(path: str) -> str:
    """The HTML file of a page path without directory URLs (offline builds): 'exercises/x.html'."""
    return path.rstrip("/") + ".html" if path else "index.html"


def _relpath(target: str, start: str) -> str:
    """posixpath.relpath for site paths (no file system, no cwd): it runs for every link of every page."""
    to_parts = [p for p in target.split("/") if p and p != "."]
    from_parts = [p for p in start.split("/") if p and p != "."]
    common = 0
    while common < min(len(to_parts), len(from_parts)) and to_parts[common] == from_parts[common]:
        common += 1
    parts = [".."] * (len(from_parts) - common) + to_parts[common:]
    return "/".join(parts) or "."


def _base(from_path: str, directory_urls: bool) -> str:
    """The folder a page's relative links start from."""
    if directory_urls:
        return from_path or "."
    return posixpath.dirname(page_file(from_path)) or "."


def relative(from_path: str, to_path: str, directory_urls: bool = True) -> str:
    """A relative link from one page path to another ('' is the home page)."""
    if not directory_urls:
        return _relpath(page_file(to_path), _base(from_path, False))
    rel = _relpath(to_path or ".", from_path or ".")
    return "./" if rel == "." else rel + "/"


FIGURE_FILES = {
    "1x": "{figure}-400.webp", "2x": "{figure}-800.webp", "dark-1x": "{figure}-dark-400.webp", "dark-2x": "{figure}-dark-800.webp",
    "svg": "{figure}.svg", "card": "{figure}-card.svg", "print": "{figure}-print.png",
}


def figure_file(exercise_id: str, figure_id: str, variant: str) -> str:
    """Site path of one output of a figure: '1x', '2x', 'dark-1x', 'dark-2x' (WebP), 'svg' (the
    master), 'card' (the card's SVG) or 'print' (PNG)."""
    return f"assets/figures/{exercise_id}/" + FIGURE_FILES[variant].format(figure=figure_id)


def relative_file(from_path: str, to_file: str, directory_urls: bool = True) -> str:
    """A relative link from a page path to a file such as an image."""
    return _relpath(to_file, _base(from_path, directory_urls))


def absolute(site_url: str | None, path: str) -> str:
    """The canonical URL of a path: absolute when the site's address is known, else root-relative."""
    if site_url:
        return site_url.rstrip("/") + "/" + path
    return "/" + path


@dataclass(frozen=True)
class Linker:
    """Relative links from one page, with directory URLs (the hosted site) or without (offline)."""

    here: str
    directory_urls: bool = True

    def page(self, to_path: str) -> str:
        """Link to another page; a '#fragment' is kept."""
        path, _, fragment = to_path.partition("#")
        return relative(self.here, path, self.directory_urls) + (f"#{fragment}" if fragment else "")

    def file(self, to_file: str) -> str:
        """Link to a file such as an image or a script."""
        return relative_file(self.here, to_file, self.directory_urls)


def site_address_problem(site_url: str | None) -> str | None:
    """Why ``site_url`` cannot be the published address (unset, or this computer only), else None.

    QR codes, short links and the addresses printed on cards are made from it, so a loopback
    address makes every one of them dead for a patient."""
    if not site_url or not site_url.strip():
        return "the site's address (site_url) is not set"
    host = (urllib.parse.urlsplit(site_url.strip()).hostname or "").lower()
    if not host:
        return f"the site's address {site_url} has no host name"
    if host == "localhost" or host.endswith(".localhost"):
        return f"the site's address {site_url} is a loopback address (this computer only)"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return None
    if address.is_loopback or address.is_unspecified:
        return f"the site's address {site_url} is a loopback address (this computer only)"
    return None
