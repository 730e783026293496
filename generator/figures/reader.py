"""A blind reader test: the guide's pictures without their captions, for someone who has not read it.

A picture a patient can copy is one a stranger describes correctly from the picture alone, then
matches to its exercise. The pack holds every pose picture as a numbered PNG in a shuffled order
(so neighbours give nothing away), the names a patient sees on each page (title, "also called",
variations) and the instructions for the reader. The key to score the answers with is written
beside the folder, not in it, so the folder can be handed to the reader as it is. The reader
writes what each picture shows before opening the names, so the names cannot colour the
descriptions.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable
from pathlib import Path

from generator.figures.picture import preview
from generator.model import Exercise

INSTRUCTIONS = """\
# Reading the pictures

You have not seen this guide. Judge its pictures from the pictures alone.

Numbered panels are steps in order; blue arrows show movement; striped parts are the part being
stretched.

## Phase 1: the pictures only

Look at picture-01.png to picture-{last:02d}.png. For each, write down:

- what the person does, step by step, as if telling a friend how to copy it (the position, what
  touches the floor or the furniture, what moves and which way);
- a rating from 1 to 5 for "could I copy this from the picture alone";
- anything confusing, unclear or that looks like a drawing mistake.

Write all of phase 1 down before you open names.txt.

## Phase 2: the names

Open names.txt: the guide's exercises and their variations, with the other names each is shown
under. Match every picture to one of them (several pictures can belong to one; each has at least
one picture). For each, say how sure you are: sure, fairly sure or guess, and for anything below
"sure", what in the picture left you unsure.

## Your answers

Write them in a file named answers-YOURNAME.md in this folder, so they can be scored
(`traction figures --score` this folder):

    # Phase 1
    ## picture-01
    What the person does, step by step.
    - Rating: 3
    - Confusing: ...

    # Phase 2
    | picture | name | sure / fairly sure / guess | what left you unsure |
    | --- | --- | --- | --- |
    | 01 | Exercise name – variation name (if it is a variation) | sure | |
"""


def names_text(exercises: Iterable[Exercise]) -> str:
    """The names a patient sees on the pages: each title with its other names, then its variations."""
    lines = []
    for exercise in exercises:
        also = f" (also called: {', '.join(exercise.also_known_as)})" if exercise.also_known_as else ""
        lines.append(f"- {exercise.title}{also}")
        lines += [f"  - variation: {variation.title}" for variation in exercise.variations]
    return "\n".join(lines) + "\n"


def key_path(folder: Path) -> Path:
    """Where the answers go: beside the reader's folder ("reader" → "reader-key.json")."""
    return folder.with_name(f"{folder.name}-key.json")


def reader_pack(exercises: Iterable[Exercise], folder: Path, seed: int = 1) -> int:
    """Write the test into ``folder`` (its old pictures are removed) and its key beside it, and
    return how many pictures it holds. The same seed gives the same order."""
    exercises = list(exercises)
    pictures = [(f"{e.id}/{f.id}", f) for e in exercises for f in e.all_figures() if f.kind == "pose" and f.pose]
    random.Random(seed).shuffle(pictures)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("picture-*.png"):
        old.unlink()
    key = {}
    for number, (name, figure) in enumerate(pictures, 1):
        preview(figure, "light", 2).save(folder / f"picture-{number:02d}.png")
        key[f"picture-{number:02d}"] = name
    (folder / "names.txt").write_text(names_text(exercises), encoding="utf-8")
    (folder / "README.md").write_text(INSTRUCTIONS.format(last=len(pictures)), encoding="utf-8")
    key_path(folder).write_text(json.dumps(key, indent=1) + "\n", encoding="utf-8")
    return len(pictures)
