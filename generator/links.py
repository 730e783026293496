"""The link scheme. Published URLs and anchors must keep resolving, so they live in one place."""

from __future__ import annotations

import posixpath


def exercise_src(exercise_id: str) -> str:
    """Markdown source path of an exercise page."""
    return f"exercises/{exercise_id}.md"


def routine_src(routine_id: str) -> str:
    """Markdown source path of a routine page."""
    return f"routines/{routine_id}.md"


def page_path(src: str) -> str:
    """The URL path (relative to the site root) MkDocs gives a Markdown source with directory URLs."""
    stem = src.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def anchor(kind: str, part_id: str) -> str:
    """The fragment id of a step, cue, caution or variation: 'step-kneel'."""
    return f"{kind}-{part_id}"


def relative(from_path: str, to_path: str) -> str:
    """A relative link from one page path to another ('' is the home page)."""
    rel = posixpath.relpath(to_path or ".", from_path or ".")
    return "./" if rel == "." else rel + "/"


def absolute(site_url: str | None, path: str) -> str:
    """The canonical URL of a path: absolute when the site's address is known, else root-relative."""
    if site_url:
        return site_url.rstrip("/") + "/" + path
    return "/" + path
