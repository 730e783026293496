"""The link registry: every URL and anchor the guide has published, with its short code.

Links printed on cards and sent to patients must keep working for years, so the registry only
grows. A build checks that every registered link still resolves (directly, or through an alias
left by a rename) and fails with a clear message if one would disappear. New links are added,
and exercises and steps get a short code that is never changed or reused.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import Field

from generator.load import pickled
from generator.load.content import Content, display_path, validate
from generator.load.problems import ContentError, Problem
from generator.load.yaml_source import Document, Loader, load_yaml
from generator.model import Exercise, Strict, urls
from generator.model.memo import ByObject

REGISTRY_NAME = "links.yaml"
REGISTRY_EXPORT = urls.LINKS_EXPORT_SRC
CODE_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
HEADER = """\
# yaml-language-server: $schema=../schema/links.schema.json
# Every URL and anchor this guide has published, with the short code of each exercise and step.
# Links only grow: `traction build` adds new entries; an entry is never removed and a code is
# never reused. Rename an exercise or a step by keeping its old id under `aliases:`.
# Commit this file with the content.
"""


class RegisteredLink(Strict):
    """One published link: a site path with an optional #anchor, and its short code if it has one."""

    url: str = Field(pattern=r"^[a-z0-9/_.-]*(#[a-z0-9-]+)?$", description="A published site path, e.g. `exercises/childs-pose/#step-kneel`.")
    code: str | None = Field(None, pattern=CODE_PATTERN, description="Its short code, e.g. `cp-k` (never changed or reused).")


class Registry(Strict):
    """The link registry file (content/links.yaml)."""

    links: list[RegisteredLink] = Field(default_factory=list, description="Every published link, oldest first. Only grows.")


@dataclass(frozen=True)
class Link:
    """A link the current content publishes; exercises and steps can carry a short code."""

    url: str
    coded: str = ""  # "" for no code; else the prefix material: an exercise id, or "<code-of-exercise>|<step-id>"


# An exercise's links, by the exercise object (model/memo.py): a live preview checks the registry
# after every save.
_LINKS: ByObject[list[Link]] = ByObject()


def _exercise_links(exercise: Exercise) -> list[Link]:
    known = _LINKS.get(exercise)
    if known is None:
        path = urls.exercise_path(exercise.id)
        known = [Link(path, exercise.id)]
        for kind, part in exercise.linked_parts():
            known.append(Link(urls.part_url(path, kind, part.id), f"{exercise.id}|{part.id}" if kind == "step" else ""))
        _LINKS.put(exercise, known)
    return known


def published(content: Content, pages: list[str]) -> list[Link]:
    """Every URL and anchor the content publishes now, in a stable order. ``pages`` are the
    site paths of other pages (hand-written ones, the clinician page…)."""
    result = [Link(urls.page_path(src)) for src in (urls.HOME_SRC, urls.SAFETY_SRC, urls.ABOUT_SRC)] + [Link(p) for p in pages]
    for exercise in content.exercises.values():
        result += _exercise_links(exercise)
    for routine_id in content.routines:
        result.append(Link(urls.routine_path(routine_id)))
        result.append(Link(urls.card_path(routine_id)))
        result.append(Link(urls.play_path(routine_id)))
    return result


def aliases(content: Content) -> dict[str, str]:
    """Old exercise ids → current ids."""
    return {alias: e.id for e in content.exercises.values() for alias in e.aliases}


def resolvable(content: Content, pages: list[str]) -> set[str]:
    """Every URL that lands somewhere today: published ones, and old ones kept by aliases."""
    known = {link.url for link in published(content, pages)}
    for exercise in content.exercises.values():
        parts = list(exercise.anchors()) + [(kind, old) for kind, old, _ in exercise.alias_anchors()]
        for path in [urls.exercise_path(exercise.id)] + [urls.exercise_path(old) for old in exercise.aliases]:
            known.add(path)
            known.update(urls.part_url(path, kind, part_id) for kind, part_id in parts)
    return known


def target(url: str, content: Content, renamed: dict[str, str] | None = None) -> str:
    """The current URL a registered URL should lead to (exercise aliases followed).
    Pass ``renamed`` (from aliases()) when resolving many URLs."""
    path, _, fragment = url.partition("#")
    old = urls.exercise_of(path)
    renamed = aliases(content) if renamed is None else renamed
    if old in renamed:
        path = urls.exercise_path(renamed[old])
    return urls.with_fragment(path, fragment)


def _initials(slug: str) -> str:
    return "".join(word[0] for word in slug.split("-"))


def _candidates(slug: str) -> list[str]:
    """Short, readable codes for an id: initials, then more of the last word, then numbers."""
    words = slug.split("-")
    base = _initials(slug)
    longer = [base[:-1] + words[-1][:n] for n in range(2, len(words[-1]) + 1)]
    return [base, *longer] + [f"{base}{n}" for n in range(2, 1000)]


def _assign(candidates: list[str], taken: set[str]) -> str:
    code = next(c for c in candidates if c not in taken)
    taken.add(code)
    return code


def update(registered: list[RegisteredLink], content: Content, pages: list[str]) -> list[RegisteredLink]:
    """The registry with every newly published link added (and coded); nothing is removed."""
    entries = list(registered)
    known = {e.url: e for e in entries}
    taken = {e.code for e in entries if e.code}
    codes = {e.url: e.code for e in entries if e.code}
    for link in published(content, pages):
        if link.url in known:
            continue
        code = None
        if link.coded and "|" not in link.coded:
            code = _assign(_candidates(link.coded), taken)
        elif link.coded:
            exercise_id, step_id = link.coded.split("|")
            prefix = codes.get(urls.exercise_path(exercise_id)) or _initials(exercise_id)
            code = _assign([f"{prefix}-{c}" for c in _candidates(step_id)], taken)
        entry = RegisteredLink(url=link.url, code=code)
        entries.append(entry)
        known[link.url] = entry
        if code:
            codes[link.url] = code
    return entries


def _located(path: Path) -> Document:
    return load_yaml(path, display_path(path))


_LAST_READ: dict[Path, tuple[str, list[RegisteredLink], bool]] = {}  # text, its entries, written as dump writes


def _restore(cache: Path, digest: str) -> tuple[list[RegisteredLink], bool] | None:
    """The entries an earlier build read from a registry with the same bytes, and whether that
    text is what ``dump`` writes."""
    kept = pickled.read(cache, pickled.fingerprint(Path(__file__)))
    return (kept[1], kept[2]) if kept is not None and kept[0] == digest else None


def registry_text(entries: list[RegisteredLink], root: Path) -> str:
    """``dump(entries)``: the committed file's own text when nothing was added and that text is
    what ``dump`` writes (writing thousands of entries again took a quarter of a second)."""
    read = _LAST_READ.get(root / REGISTRY_NAME)
    if read is not None and read[2] and read[1] == entries:
        return read[0]
    return dump(entries)


def load_registry(root: Path, cache: Path | None = None) -> tuple[list[RegisteredLink], Path | None]:
    """The committed registry of a content folder (empty if there is none yet), and its path.

    The registry holds thousands of entries in a large guide, so it is read with the plain C loader
    (or from ``cache``, what an earlier build read from the same bytes); only a file that fails (or
    uses anchors, which the plain loader would expand) is read again the careful way, for located
    problems."""
    path = root / REGISTRY_NAME
    if not path.is_file():
        return [], None
    text = path.read_text(encoding="utf-8", errors="replace")
    if _LAST_READ.get(path) is not None and _LAST_READ[path][0] == text:
        return list(_LAST_READ[path][1]), path  # a live preview reads it after every save
    digest = hashlib.sha256(text.encode()).hexdigest()
    if cache is not None and (kept := _restore(cache, digest)) is not None:
        _LAST_READ[path] = (text, *kept)
        return list(kept[0]), path
    if "&" not in text and "*" not in text:
        try:
            links = Registry.model_validate(yaml.load(text, Loader=Loader) or {}).links
            canonical = dump(links) == text  # then a build that adds nothing can publish the text as it is
            _LAST_READ[path] = (text, links, canonical)
            if cache is not None:
                pickled.write(cache, pickled.fingerprint(Path(__file__)), (digest, links, canonical))
            return list(links), path
        except (yaml.YAMLError, ValueError):
            pass  # report it properly below
    problems: list[Problem] = []
    registry = validate(_located(path), Registry, problems)
    if registry is None:
        raise ContentError(problems)
    return registry.links, path


def check(registered: list[RegisteredLink], path: Path | None, content: Content, pages: list[str]) -> list[Problem]:
    """A problem for every registered link that would no longer resolve, and for reused codes,
    located in the registry file at ``path``."""
    ok = resolvable(content, pages)
    seen: dict[str, str] = {}
    found: list[tuple[tuple[str | int, ...], str, str, str]] = []
    for i, entry in enumerate(registered):
        if entry.url not in ok:
            found.append((("links", i, "url"), f"published link would disappear: /{entry.url}",
                          "the old id kept under 'aliases:' of the renamed exercise or step", "no page or anchor with that id"))
        if entry.code and entry.code in seen:
            found.append((("links", i, "code"), f"short code '{entry.code}' is used twice", "each code once", f"also for /{seen[entry.code]}"))
        if entry.code:
            seen[entry.code] = entry.url
    if not found or path is None:
        return []
    doc = _located(path)  # positions are only worth reading when there is something to report
    return [doc.problem(loc, message, expected, got) for loc, message, expected, got in found]


def dump(entries: list[RegisteredLink]) -> str:
    """The registry as YAML text, in registration order."""
    data = {"links": [e.model_dump(exclude_none=True) for e in entries]}
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # the C emitter: same text, far faster
    return HEADER + yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=120)
