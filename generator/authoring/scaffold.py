"""`traction new`: starting files for a new exercise or routine that pass `traction check` as written."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined

from generator.load.yaml_source import Loader, load_yaml
from generator.model.common import ID_PATTERN


class ScaffoldError(ValueError):
    """Why a starting file could not be written."""


def _title(new_id: str) -> str:
    return new_id.replace("-", " ").capitalize()


def _render(template: str, **values: str) -> str:
    env = Environment(loader=PackageLoader("generator.authoring", "templates"), undefined=StrictUndefined, keep_trailing_newline=True)
    return env.get_template(template).render(**values)


def _add_to_stage(guide_path: Path, new_id: str, stage: int | None) -> tuple[str, int]:
    """guide.yaml with the id appended to a stage's exercise list, keeping the file's own layout,
    and the stage number used (the last stage by default)."""
    if not guide_path.is_file():
        raise ScaffoldError(f"{guide_path} is missing: is {guide_path.parent} a content folder?")
    load_yaml(guide_path)  # a file YAML cannot read raises ContentError with its located problems
    text = guide_path.read_text(encoding="utf-8-sig")
    try:
        root = yaml.compose(text, Loader=Loader)
        if not isinstance(root, yaml.MappingNode):
            raise TypeError("guide.yaml is not a mapping")
        stages = next(v for k, v in root.value if k.value == "stages")
        chosen = None
        for item in stages.value:
            fields = {k.value: v for k, v in item.value}
            if stage is None or int(fields["number"].value) == stage:
                chosen = (int(fields["number"].value), fields["exercises"])
        if chosen is not None:
            number, listing = chosen
            last = listing.value[-1]
            if not isinstance(last, yaml.ScalarNode):
                raise TypeError("an exercise id that is not plain text")
    except (StopIteration, AttributeError, KeyError, ValueError, TypeError, IndexError):
        raise ScaffoldError(f"cannot list '{new_id}' in {guide_path}: its stages are not in the expected shape "
                            "(run `traction check` and fix it first)") from None
    if chosen is None:
        raise ScaffoldError(f"guide.yaml has no stage {stage}")
    if listing.flow_style:
        insert = f", {new_id}"
    else:
        insert = "\n" + " " * (last.start_mark.column - 2) + f"- {new_id}"
    cut = last.end_mark.index
    return text[:cut] + insert + text[cut:], number


def new_exercise(content_dir: Path, new_id: str, stage: int | None = None) -> tuple[Path, int]:
    """Write content/exercises/<id>.yaml and list it under a stage of the sequence; returns the
    file and the stage number. Nothing is written if anything is wrong."""
    if not re.fullmatch(ID_PATTERN, new_id):
        raise ScaffoldError(f"'{new_id}' is not a valid id: use lower-case letters, digits and hyphens, e.g. neck-turn")
    path = content_dir / "exercises" / f"{new_id}.yaml"
    if path.exists():
        raise ScaffoldError(f"{path} already exists")
    guide_text, number = _add_to_stage(content_dir / "guide.yaml", new_id, stage)
    path.write_text(_render("new_exercise.yaml.j2", id=new_id, title=_title(new_id)), encoding="utf-8")
    (content_dir / "guide.yaml").write_text(guide_text, encoding="utf-8")
    return path, number


def new_routine(content_dir: Path, new_id: str, first_exercise: str) -> Path:
    """Write content/routines/<id>.yaml, starting with one exercise."""
    if not re.fullmatch(ID_PATTERN, new_id):
        raise ScaffoldError(f"'{new_id}' is not a valid id: use lower-case letters, digits and hyphens, e.g. desk-break")
    path = content_dir / "routines" / f"{new_id}.yaml"
    if path.exists():
        raise ScaffoldError(f"{path} already exists")
    path.write_text(_render("new_routine.yaml.j2", id=new_id, title=_title(new_id), first_exercise=first_exercise), encoding="utf-8")
    return path
