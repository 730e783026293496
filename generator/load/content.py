"""Load every content file, validate it into the model, and check references between files."""

from __future__ import annotations

import dataclasses
import difflib
import functools
import hashlib
import os
import time
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.cards.card import CARD_CAPACITY, CARD_CUE_MAX, CARD_TEXT_MAX, card_cue, card_figure
from generator.figures.check import Finding, pose_findings
from generator.figures.photo import PhotoError, PhotoInfo, inspect_photo
from generator.load import pickled
from generator.load.problems import ContentError, Problem, shorten
from generator.load.yaml_source import Document, Loc, load_yaml
from generator.model import Exercise, Guide, Routine, Stage
from generator.model.memo import ByObject


@dataclass(frozen=True)
class Content:
    """The whole validated guide: exercises in sequence order, routines by id."""

    root: Path
    guide: Guide
    exercises: dict[str, Exercise]
    routines: dict[str, Routine]
    photos: dict[str, PhotoInfo] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)

    def every_object(self) -> tuple[Guide | Exercise | Routine, ...]:
        """The guide, every exercise and every routine: what a whole-guide page is made from."""
        return (self.guide, *self.exercises.values(), *self.routines.values())

    def stage_of(self, exercise_id: str) -> Stage:
        """The stage of the sequence an exercise belongs to."""
        return next(s for s in self.guide.stages if exercise_id in s.exercises)

    def label_of(self, exercise_id: str) -> str:
        """The exercise's place in the sequence, used on every page, list and card: the part's
        number ('3'), with a letter when the part holds several moves ('1a', '1b')."""
        stage = self.stage_of(exercise_id)
        if len(stage.exercises) == 1:
            return str(stage.number)
        return f"{stage.number}{'abcdefghijklmnopqrstuvwxyz'[stage.exercises.index(exercise_id)]}"


def display_path(path: Path) -> str:
    """The path as an author would type it: relative to the working folder when inside it."""
    return _display(path, os.getcwd())


@functools.lru_cache(maxsize=100_000)  # a live preview names every file after every save
def _display(path: Path, cwd: str) -> str:
    absolute = os.path.abspath(path)  # not resolve(): it asks the disk about every folder on the way
    inside = os.path.join(cwd, "")
    return absolute[len(inside):] if absolute.startswith(inside) else absolute


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class that validates the mapping at ``loc``, for listing its valid keys."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return None
        current = _inner_model(current.model_fields[part].annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    """Unwrap list[...], Optional[...] and unions down to a model class, if there is one."""
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(annotation):
            inner = _inner_model(arg)
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                return inner
        return None
    return annotation


def _clean_loc(doc: Document, loc: tuple[Any, ...]) -> Loc:
    """Drop the union-member labels pydantic puts into error locations."""
    data, clean = doc.data, []
    for part in loc:
        if isinstance(part, int) and isinstance(data, list) and part < len(data):
            data = data[part]
        elif isinstance(part, str) and isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(part, str) and isinstance(data, dict) and not part[:1].isupper() and "[" not in part:
            data = None  # a missing or unknown key: keep it, nothing below it
        else:
            continue
        clean.append(part)
    return tuple(clean)


def _validation_problems(doc: Document, model: type[BaseModel], error: ValidationError) -> list[Problem]:
    """Turn pydantic errors into located problems, one per place, naming what was expected."""
    grouped: dict[tuple[Loc, str], list[ErrorDetails]] = {}
    for err in error.errors(include_url=False):
        loc = _clean_loc(doc, err["loc"])
        grouped.setdefault((loc, err["type"] if err["type"] in ("missing", "extra_forbidden") else "value"), []).append(err)
    problems = []
    for (loc, kind), errs in grouped.items():
        name = str(loc[-1]) if loc and isinstance(loc[-1], str) else "value"
        if kind == "missing":
            problems.append(doc.problem(loc[:-1], f"missing required key '{name}'", f"a '{name}:' entry here", "none"))
        elif kind == "extra_forbidden":
            owner = _model_at(model, loc[:-1])
            valid = sorted(owner.model_fields) if owner else []
            close = difflib.get_close_matches(name, valid, n=1)
            hint = f" — did you mean '{close[0]}'?" if close else ""
            expected = "one of: " + ", ".join(valid) if valid else "a known key"
            problems.append(doc.problem(loc, f"unknown key '{name}'{hint}", expected, f"'{name}'", key=True))
        else:
            messages = []
            for err in errs:
                msg = err["msg"].removeprefix("Value error, ")
                if msg not in messages:
                    messages.append(msg[:1].lower() + msg[1:])
            found = shorten(errs[0]["input"]) if not isinstance(errs[0]["input"], dict) else "a mapping"
            owner = _model_at(model, tuple(p for p in loc[:-1]))
            field = owner.model_fields.get(name) if owner else None
            hint = f" — {field.description}" if field is not None and field.description else ""
            on_key = any(part == "[key]" for part in errs[0]["loc"])  # a mapping's key was wrong, not its value
            what = f"invalid key '{name}'" if on_key else f"invalid value for '{name}'"
            problems.append(doc.problem(loc, what, " or ".join(messages) + hint, found, key=on_key))
    return problems


def validate(doc: Document, model: type[BaseModel], problems: list[Problem]) -> Any:
    """The document validated as ``model``, or None with its problems added to ``problems``."""
    if not isinstance(doc.data, dict):
        problems.append(doc.problem((), "the file must be a mapping of keys", "keys such as 'id:' and 'title:'", shorten(doc.data)))
        return None
    try:
        return model.model_validate(doc.data)
    except ValidationError as error:
        problems.extend(_validation_problems(doc, model, error))
        return None


@dataclass(frozen=True)
class _Loaded:
    """One file as loaded last time: its bytes' digest, and the document and item, or the problems."""

    digest: bytes
    doc: Document | None
    item: Any
    problems: list[Problem]
    # The file's time and size when it was read, if it had not changed for a while by then (as
    # git does: a file saved just before it was read could be saved again with the same stamp).
    stamp: tuple[int, int] | None = None


# A running preview loads the guide again after every save; a file whose bytes are unchanged is
# neither parsed nor validated again, and keeps its identity (the preview compares by identity).
_LOADED: dict[tuple[str, str], _Loaded] = {}
_FRESH: set[tuple[str, str]] = set()  # parsed in this process: the parse cache needs writing
_RESTORED: set[Path] = set()  # parse caches read by this process
_LAST: dict[str, tuple[Any, Content, Any]] = {}  # the last content loaded whole, with what it was loaded from


def _code() -> str:
    """The fingerprint of the code that parses and validates content (the loader and the model)."""
    here = Path(__file__).resolve().parent
    return pickled.fingerprint(*sorted([*here.glob("*.py"), *(here.parent / "model").glob("*.py")]))


def _restore(cache: Path) -> None:
    """What an earlier build parsed, when the code has not changed since."""
    for key, loaded in (pickled.read(cache, _code()) or {}).items():
        _LOADED.setdefault(key, loaded)


def _keep(cache: Path, used: list[tuple[str, str]]) -> None:
    """Write the parse cache (the files of this guide) when this load parsed a good share of them.
    A few files saved since cost the next build a moment to parse again; writing the whole cache
    after every save would cost a live preview more than that."""
    fresh = sum(key in _FRESH for key in used)
    if fresh and (fresh * 20 >= len(used) or not cache.exists()):
        pickled.write(cache, _code(), {key: _LOADED[key] for key in used})
        _FRESH.difference_update(used)


def _load_one(path: Path, model: type[BaseModel]) -> _Loaded:
    display = display_path(path)
    key = (model.__name__, display)
    known = _LOADED.get(key)
    try:
        status = path.stat()
        if known is not None and known.stamp == (status.st_mtime_ns, status.st_size):
            return known  # read in this process and not saved since: a live preview checks every file after every save
        settled = status.st_mtime_ns < time.time_ns() - 2_000_000_000
        stamp = (status.st_mtime_ns, status.st_size) if settled else None
        digest = hashlib.blake2b(path.read_bytes(), digest_size=16).digest()
    except OSError:
        stamp, digest = None, b""  # load_yaml reports it
    if known is not None and known.digest == digest and digest:
        _LOADED[key] = known = dataclasses.replace(known, stamp=stamp)
        return known
    problems: list[Problem] = []
    try:
        doc = load_yaml(path, display)
    except ContentError as error:
        loaded = _Loaded(digest, None, None, error.problems, stamp)
    else:
        loaded = _Loaded(digest, doc, validate(doc, model, problems), problems, stamp)
    _LOADED[key] = loaded
    _FRESH.add(key)
    return loaded


def _load_all(
    paths: Iterable[Path], model: type[BaseModel], problems: list[Problem], broken_ids: set[str]
) -> list[tuple[Document, Any]]:
    """Valid items; the ids of files that failed validation go to ``broken_ids``, so references
    to them are not reported a second time."""
    loaded = []
    for path in paths:
        one = _load_one(path, model)
        problems.extend(one.problems)
        if one.doc is None:
            broken_ids.add(path.stem)
        elif one.item is not None:
            loaded.append((one.doc, one.item))
        elif isinstance(one.doc.data, dict) and isinstance(one.doc.data.get("id"), str):
            broken_ids.add(one.doc.data["id"])
    return loaded


def _unique(items: list[tuple[Document, Any]], what: str, problems: list[Problem]) -> dict[str, tuple[Document, Any]]:
    seen: dict[str, tuple[Document, Any]] = {}
    for doc, item in items:
        if item.id in seen:
            first = seen[item.id][0]
            line, _ = first.where(("id",))
            problems.append(doc.problem(("id",), f"duplicate {what} id '{item.id}'", "an id no other file uses", f"also used in {first.file}:{line}"))
        else:
            seen[item.id] = (doc, item)
    return seen


def _check_anchors(doc: Document, exercise: Exercise, problems: list[Problem]) -> None:
    """Ids of steps, cues, cautions and variations become anchors, so they must be unique on the page."""
    seen: set[tuple[str, str]] = set()
    places: list[Loc] = [("steps", i, "id") for i in range(len(exercise.steps))]
    places += [("cues", i, "id") for i in range(len(exercise.cues))]
    places += [("cautions", i, "id") for i in range(len(exercise.cautions))]
    for v, variation in enumerate(exercise.variations):
        places.append(("variations", v, "id"))
        places += [("variations", v, "steps", i, "id") for i in range(len(variation.steps))]
    cue = card_cue(exercise)
    if cue is not None and len(cue.text) > CARD_CUE_MAX:
        loc: Loc = ("cues", exercise.cues.index(cue), "text")
        problems.append(doc.problem(loc, f"the cue printed on cards for '{exercise.id}' is too long",
                                    f"at most {CARD_CUE_MAX} characters, or 'card: true' on a shorter cue", f"{len(cue.text)} characters"))
    for (kind, anchor_id), loc in zip(exercise.anchors(), places, strict=True):
        if (kind, anchor_id) in seen:
            problems.append(doc.problem(loc, f"duplicate {kind} id '{anchor_id}' in exercise '{exercise.id}'",
                                        f"a {kind} id used once on the page", f"'{anchor_id}' again"))
        seen.add((kind, anchor_id))


def _check_card_picture(doc: Document, exercise: Exercise, problems: list[Problem]) -> None:
    """A card prints one frame of its drawing, so its alt text must describe that frame alone."""
    figure = card_figure(exercise)
    if figure is None or figure.pose is None or len(figure.pose.frames) == 1 or figure.card_alt is not None:
        return
    loc: Loc = ("figures", exercise.figures.index(figure), "alt")
    problems.append(doc.problem(loc, f"the card of '{exercise.id}' prints frame {figure.pose.card_pose() + 1} of '{figure.id}' alone",
                                "card_alt: what that one frame shows", f"only alt, which describes all {len(figure.pose.frames)} frames"))


def _check_figure_ids(doc: Document, exercise: Exercise, problems: list[Problem]) -> None:
    """Figure ids name the picture files, so they must be unique within an exercise."""
    places: list[Loc] = [("figures", i, "id") for i in range(len(exercise.figures))]
    places += [("variations", v, "figures", i, "id") for v, var in enumerate(exercise.variations) for i in range(len(var.figures))]
    seen: set[str] = set()
    for figure, loc in zip(exercise.all_figures(), places, strict=True):
        if figure.id in seen:
            problems.append(doc.problem(loc, f"duplicate figure id '{figure.id}' in exercise '{exercise.id}'",
                                        "a figure id used once per exercise", f"'{figure.id}' again"))
        seen.add(figure.id)


# Pose findings of an exercise loaded earlier in this process (the same object: see _LOADED).
_FINDINGS: ByObject[list[Finding]] = ByObject()


def _check_poses(exercises: dict[str, tuple[Document, Exercise]], cache_dir: Path | None, problems: list[Problem], warnings: list[Problem]) -> None:
    """Joint ranges and contacts of every drawn pose (solving is cached by content hash)."""
    fresh = [exercise for _, exercise in exercises.values() if _FINDINGS.get(exercise) is None]
    for exercise_id, found in pose_findings(fresh, cache_dir).items():
        _FINDINGS.put(exercises[exercise_id][1], found)
    findings = {exercise_id: _FINDINGS.get(exercise) or [] for exercise_id, (_, exercise) in exercises.items()}
    for exercise_id, found in findings.items():
        doc = exercises[exercise_id][0]
        for f in found:
            on_joint_key = isinstance(f.loc[-1], str) and f.loc[-2] == "joints"
            (warnings if f.warning else problems).append(doc.problem(f.loc, f.message, f.expected, f.found, key=on_joint_key))


def _check_photos(
    doc: Document, exercise: Exercise, assets: Path | None, photos: dict[str, PhotoInfo], problems: list[Problem]
) -> None:
    places: list[Loc] = [("figures", i, "src") for i in range(len(exercise.figures))]
    places += [("variations", v, "figures", i, "src") for v, var in enumerate(exercise.variations) for i in range(len(var.figures))]
    for figure, loc in zip(exercise.all_figures(), places, strict=True):
        if figure.kind != "photo" or figure.src is None:
            continue
        if assets is None:
            problems.append(doc.problem(loc, "photos need an assets folder", "a site_assets/ folder beside content/", "none"))
            continue
        try:
            photos[figure.src] = inspect_photo(assets, figure.src)
        except PhotoError as error:
            problems.append(doc.problem(loc, f"cannot use photo: {error}", "a JPEG, PNG or WebP file inside site_assets/", f"'{figure.src}'"))


def _unknown(doc: Document, loc: Loc, what: str, wanted: str, known: Iterable[str]) -> Problem:
    close = difflib.get_close_matches(wanted, sorted(known), n=1)
    hint = f" — did you mean '{close[0]}'?" if close else ""
    return doc.problem(loc, f"no {what} with id '{wanted}'{hint}", f"the id of a {what} in content/{what}s/", f"'{wanted}'")


def load_exercise(path: Path, cache_dir: Path | None = None) -> tuple[Exercise, list[Problem]]:
    """One exercise file checked on its own (its fields, figures and poses, not its links to the
    rest of the guide): for drawing one exercise's pictures while the rest of the guide is being
    edited. Returns the exercise and its warnings; raises ContentError with its problems."""
    problems: list[Problem] = []
    loaded = _load_all([path], Exercise, problems, set())
    warnings: list[Problem] = []
    if loaded:
        doc, exercise = loaded[0]
        _check_figure_ids(doc, exercise, problems)
        _check_poses({exercise.id: (doc, exercise)}, cache_dir, problems, warnings)
    if problems or not loaded:
        raise ContentError(problems)
    return loaded[0][1], sorted(warnings)


def load_content(root: Path, assets: Path | None = None, cache_dir: Path | None = None, parse_cache: Path | None = None) -> Content:
    """Load and check ``root/guide.yaml``, ``root/exercises/*.yaml`` and ``root/routines/*.yaml``.

    Photos named by figures are looked up (and checked) inside ``assets``; solved poses are kept
    in ``cache_dir`` (if given) so an unchanged pose is never solved twice; ``parse_cache`` keeps
    every file parsed and validated, by its bytes, so an unchanged file is not parsed again.

    Raises ContentError listing every problem found, across all files, at once.
    """
    root = Path(root)
    problems: list[Problem] = []
    guide_path = root / "guide.yaml"
    if not guide_path.is_file():
        raise ContentError([Problem(display_path(guide_path), 1, 1, "guide file is missing", "a guide.yaml in the content folder", "no such file")])
    broken: set[str] = set()
    if parse_cache is not None and parse_cache.resolve() not in _RESTORED:
        _RESTORED.add(parse_cache.resolve())  # the check and the plugin name it differently
        _restore(parse_cache)
    files: dict[type[BaseModel], list[Path]] = {
        Guide: [guide_path], Exercise: sorted((root / "exercises").glob("*.yaml")), Routine: sorted((root / "routines").glob("*.yaml"))}
    guides = _load_all(files[Guide], Guide, problems, set())
    exercises = _unique(_load_all(files[Exercise], Exercise, problems, broken), "exercise", problems)
    routines = _unique(_load_all(files[Routine], Routine, problems, set()), "routine", problems)
    if parse_cache is not None:
        _keep(parse_cache, [(model.__name__, display_path(path)) for model, paths in files.items() for path in paths])
    # The same items as last time (no file saved since), the same photos and caches: the checks
    # across files would find what they found then (`traction build` loads twice: check, build).
    items = [item for _, item in guides + list(exercises.values()) + list(routines.values())]
    same = (tuple(map(id, items)), root.resolve(), assets and assets.resolve(), cache_dir and cache_dir.resolve())
    last = _LAST.get("content")
    if not problems and last is not None and last[0] == same and last[2] == _photo_stamps(assets, last[1].photos):
        return last[1] if last[1].root == root else dataclasses.replace(last[1], root=root)
    photos: dict[str, PhotoInfo] = {}
    for doc, exercise in exercises.values():
        _check_anchors(doc, exercise, problems)
        _check_photos(doc, exercise, assets, photos, problems)
        _check_figure_ids(doc, exercise, problems)
        _check_card_picture(doc, exercise, problems)
    warnings: list[Problem] = []
    _check_poses(exercises, cache_dir, problems, warnings)
    for doc, routine in routines.values():
        _check_routine(doc, routine, exercises, broken, problems)
    if not guides:
        raise ContentError(problems)
    guide_doc, guide = guides[0]
    staged = _check_stages(guide_doc, guide, exercises, broken, problems)
    for exercise_id, (doc, _) in sorted(exercises.items()):
        if exercise_id not in staged:
            problems.append(doc.problem(("id",), f"exercise '{exercise_id}' is not in any stage", "its id listed under a stage in guide.yaml", "no stage"))
    routine_id = guide.safety.acute_pain.routine
    if routine_id is not None and routine_id not in routines:
        problems.append(_unknown(guide_doc, ("safety", "acute_pain", "routine"), "routine", routine_id, routines))
    if problems:
        raise ContentError(problems)
    ordered = {eid: exercises[eid][1] for stage in guide.stages for eid in stage.exercises}
    content = Content(root, guide, ordered, {rid: routines[rid][1] for rid in sorted(routines)}, photos, sorted(warnings))
    _LAST["content"] = (same, content, _photo_stamps(assets, photos))
    return content


def _photo_stamps(assets: Path | None, photos: dict[str, PhotoInfo]) -> tuple[tuple[int, int] | None, ...]:
    """The time and size of each photo a guide uses (there are photos only with an assets
    folder): a photo saved since is checked again."""
    if assets is None:
        return ()
    return tuple(_stamp(assets / src) for src in sorted(photos))


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


def _check_routine(doc: Document, routine: Routine, exercises: dict[str, tuple[Document, Exercise]], broken: set[str],
                   problems: list[Problem]) -> None:
    """A routine fits its one-page card and lists only exercises that exist."""
    if len(routine.exercises) > CARD_CAPACITY:
        problems.append(doc.problem(("exercises",), f"routine '{routine.id}' has too many exercises for its one-page card",
                                    f"at most {CARD_CAPACITY} exercises (split it into two routines)", f"{len(routine.exercises)} exercises", key=True))
    for key, most in CARD_TEXT_MAX.items():
        text = getattr(routine, key)
        if text is not None and len(text) > most:
            problems.append(doc.problem((key,), f"'{key}' is too long for the routine's one-page card",
                                        f"at most {most} characters", f"{len(text)} characters"))
    for i, item in enumerate(routine.exercises):
        if item.exercise not in exercises and item.exercise not in broken:
            problems.append(_unknown(doc, ("exercises", i, "exercise"), "exercise", item.exercise, exercises))


def _check_stages(guide_doc: Document, guide: Guide, exercises: dict[str, tuple[Document, Exercise]], broken: set[str],
                  problems: list[Problem]) -> dict[str, Loc]:
    """Stages are numbered in order and list each known exercise once; returns where each is listed."""
    staged: dict[str, Loc] = {}
    for s, stage in enumerate(guide.stages):
        if stage.number != s + 1:
            problems.append(guide_doc.problem(("stages", s, "number"), "stages must be numbered in order", f"number {s + 1}", str(stage.number)))
        for e, exercise_id in enumerate(stage.exercises):
            loc = ("stages", s, "exercises", e)
            if exercise_id in broken:
                continue
            if exercise_id not in exercises:
                problems.append(_unknown(guide_doc, loc, "exercise", exercise_id, exercises))
            elif exercise_id in staged:
                problems.append(guide_doc.problem(loc, f"exercise '{exercise_id}' is in the sequence twice", "each exercise in one stage", "a second mention"))
            staged[exercise_id] = loc
    return staged
