"""Figure outputs, cached by a hash of what is drawn, so an unchanged figure is never drawn twice.

A drawn figure (``kind: pose``) gets its SVG master (both palettes), WebP at 1× and 2× in the light
and the dark palette for pages, a card SVG (the characteristic frame, heavier lines, light only)
and a PNG for print. A photo gets WebP at 1× and 2× and a PNG. The cache key covers the drawing
(or the photo's bytes), a fingerprint of the renderer's code and the output settings; the bytes
written are the same on every build. Cold figures are drawn on every core.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from PIL import Image

from generator.figures.parallel import parallel_map, write_once
from generator.figures.photo import PhotoInfo, resized, upright
from generator.figures.picture import CARD_SIZE, PRINT_WIDTH, WEB_WIDTH, draw_outputs, page_size
from generator.figures.solve import Solved, solve_drawings
from generator.model import Exercise, Figure, urls
from generator.model.memo import ByObject

RENDERER_SOURCES = tuple(sorted(
    [f"figures/{path.name}" for path in Path(__file__).parent.glob("*.py")] + ["model/pose.py", "model/joints.py", "model/figure.py"]
))
SETTINGS = {"web": WEB_WIDTH, "print": PRINT_WIDTH, "card": CARD_SIZE, "webp": "lossless-pose/q80-photo", "version": 2}
POSE_FILES = ("1x", "2x", "dark-1x", "dark-2x", "svg", "card", "print")
PHOTO_FILES = ("1x", "2x", "print")


@functools.cache
def renderer_fingerprint() -> str:
    """A hash of the code that turns a description into pixels and bytes. Part of every cache key,
    so a change to the renderer can never be hidden by a stale cache (no version to forget)."""
    digest = hashlib.sha256()
    for module in sorted(RENDERER_SOURCES):
        digest.update((Path(__file__).parent.parent / module).read_bytes())
    return digest.hexdigest()


class Illustrated(Protocol):
    """What the store needs of the loaded content (``Content`` fits): the exercises, and the photos
    found for them. A protocol, so figures sit below the loader that uses them to check poses."""

    @property
    def exercises(self) -> Mapping[str, Exercise]: ...

    @property
    def photos(self) -> Mapping[str, PhotoInfo]: ...


@dataclass(frozen=True)
class FigureSize:
    """The 1× display size of a figure, in CSS pixels."""

    width: int
    height: int


def figure_size(figure: Figure, content: Illustrated) -> FigureSize | None:
    """Width and height a figure is shown at; None for a placeholder."""
    if figure.kind == "pose" and figure.pose is not None:
        return FigureSize(*page_size(figure.pose))
    photo = content.photos.get(figure.src) if figure.kind == "photo" and figure.src else None
    if photo is not None:
        width = min(WEB_WIDTH, photo.width)
        return FigureSize(width, round(photo.height * width / photo.width))
    return None


def card_picture(figure: Figure | None, content: Illustrated) -> tuple[str, FigureSize] | None:
    """The output a printed card shows for a figure and its size: a drawing's card SVG (its
    characteristic frame, heavier lines) or a photo's 2× WebP; None when there is nothing to show."""
    if figure is None:
        return None
    if figure.kind == "pose":
        return "card", FigureSize(*CARD_SIZE)
    size = figure_size(figure, content)
    return ("2x", size) if size else None


def _encode(image: Image.Image, fmt: str, lossless: bool) -> bytes:
    out = io.BytesIO()
    if fmt == "WEBP":
        image.save(out, "WEBP", lossless=lossless, quality=80 if not lossless else 100, method=4, exact=False)
    else:
        image.save(out, "PNG", compress_level=9)
    return out.getvalue()


def _flat(image: Image.Image) -> Image.Image:
    return image.quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).convert("RGB")


def _render_photo(photo: PhotoInfo) -> dict[str, bytes]:
    big = resized(upright(photo), PRINT_WIDTH)
    outputs = {name: _encode(resized(big, WEB_WIDTH * scale), "WEBP", False) for name, scale in (("1x", 1), ("2x", 2))}
    outputs["print"] = _encode(big, "PNG", False)
    return outputs


def _render(job: tuple[str, dict[str, Any]]) -> dict[str, bytes]:
    """Draw one figure (in a worker process): a pose drawing as JSON, or a photo."""
    kind, data = job
    if kind == "photo":
        return _render_photo(PhotoInfo(**data))
    figure = Figure.model_validate(data["figure"])
    outputs = draw_outputs(figure, [Solved(tuple(q), ()) for q in data["solved"]])
    # A drawing has few colours: reduced to 64 (no dithering, deterministic) it looks the same and
    # its lossless WebP is about half the size.
    rasters = {k: _flat(v) for k, v in outputs.items() if not isinstance(v, str)}
    encoded = {name: _encode(image, "WEBP", True) for name, image in rasters.items() if name != "print"}
    encoded["print"] = _encode(rasters["print"], "PNG", True)
    encoded["svg"] = str(outputs["svg"]).encode()
    encoded["card"] = str(outputs["card"]).encode()
    return encoded


# What this process already knows, for a live preview that builds again after every save: the key
# of a drawing (by its figure object, model/memo.py) and the cache folders known to be complete
# (the cache only ever adds files).
_KEYS: ByObject[str] = ByObject()
_COMPLETE: set[Path] = set()


@dataclass
class FigureStore:
    """Draws or converts figures into ``cache_dir`` and says where each output is published."""

    cache_dir: Path
    drawn: int = 0
    cached: int = 0
    files: dict[str, Path] = field(default_factory=dict)

    def key(self, figure: Figure, photo: PhotoInfo | None) -> str:
        """The content hash that names a figure's cache folder."""
        if photo is None and (known := _KEYS.get(figure)) is not None:
            return known
        if figure.pose is not None:
            # Everything the outputs are made from: the SVGs' <title> is the caption, the page SVG's
            # <desc> the alt and the card SVG's the card alt.
            what: object = figure.model_dump(mode="json", include={"pose", "alt", "card_alt", "caption"})
        else:
            assert photo is not None
            what = hashlib.sha256(photo.path.read_bytes()).hexdigest()
        text = json.dumps({"what": what, "kind": figure.kind, "renderer": renderer_fingerprint(), "settings": SETTINGS}, sort_keys=True)
        key = hashlib.sha256(text.encode()).hexdigest()
        return _KEYS.put(figure, key) if photo is None else key

    def render(self, figure: Figure, photo: PhotoInfo | None) -> dict[str, bytes]:
        """The encoded outputs of one figure."""
        return _render(_job(figure, photo))

    def add_all(self, content: Illustrated) -> dict[str, Path]:
        """Every drawn figure and photo of the guide; returns {site path: cached file}."""
        wanted: list[tuple[str, Figure, PhotoInfo | None]] = []
        for exercise in content.exercises.values():
            for figure in exercise.all_figures():
                if figure.kind == "pose":
                    wanted.append((exercise.id, figure, None))
                elif figure.kind == "photo" and figure.src and figure.src in content.photos:
                    wanted.append((exercise.id, figure, content.photos[figure.src]))
        todo: dict[Path, tuple[str, dict[str, Any]]] = {}
        for exercise_id, figure, photo in wanted:
            folder = self.cache_dir / self.key(figure, photo)
            variants = POSE_FILES if figure.kind == "pose" else PHOTO_FILES
            if folder in todo or folder in _COMPLETE or all((folder / urls.FIGURE_FILES[v].format(figure="f")).is_file() for v in variants):
                self.cached += 1  # on disk already, or the same drawing as another figure of this build
                _COMPLETE.add(folder)
            else:
                todo[folder] = _job(figure, photo)
            for variant in variants:
                self.files[urls.figure_file(exercise_id, figure.id, variant)] = folder / urls.FIGURE_FILES[variant].format(figure="f")
        for folder, outputs in zip(todo, parallel_map(_render, list(todo.values())), strict=True):
            for variant, data in outputs.items():
                write_once(folder / urls.FIGURE_FILES[variant].format(figure="f"), data)
            _COMPLETE.add(folder)
            self.drawn += 1
        return self.files


def _job(figure: Figure, photo: PhotoInfo | None) -> tuple[str, dict[str, Any]]:
    if figure.kind == "pose":
        assert figure.pose is not None
        # Solved here (from memory or the pose cache), so a worker process never solves again.
        solved = solve_drawings([figure.pose])[0]
        return "pose", {"figure": figure.model_dump(mode="json"), "solved": [list(s.q) for s in solved]}
    assert photo is not None
    return "photo", {"path": photo.path, "width": photo.width, "height": photo.height}
