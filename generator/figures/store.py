"""Figure outputs, cached by a hash of what is drawn, so an unchanged figure is never encoded twice.

Each figure gets WebP at 1× and 2× for the web and a PNG for print. The cache key covers the
pose description (or the photo's bytes), the renderer version and the output settings; the
bytes written are the same on every build.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from .. import links
from ..content import Content
from ..model import Figure
from .draw import ASPECT, RENDERER_VERSION, draw
from .photo import PhotoInfo, resized, upright

WEB_WIDTH = 400  # CSS pixels; the 2× file is twice as wide
PRINT_WIDTH = 1200  # about 300 dpi at 10 cm
RENDERER_SOURCES = ("figures/draw.py", "figures/skeleton.py", "figures/photo.py", "figures/store.py", "model/pose.py")
SETTINGS = {"web": WEB_WIDTH, "print": PRINT_WIDTH, "webp": "lossless-pose/q80-photo", "version": 1}


@functools.cache
def renderer_fingerprint() -> str:
    """A hash of the code that turns a description into pixels and bytes. Part of every cache key,
    so a change to the renderer can never be hidden by a stale cache (no version to forget)."""
    digest = hashlib.sha256(RENDERER_VERSION.encode())
    for module in sorted(RENDERER_SOURCES):
        digest.update((Path(__file__).parent.parent / module).read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class FigureSize:
    """The 1× display size of a figure, in CSS pixels."""

    width: int
    height: int


def figure_size(figure: Figure, content: Content) -> FigureSize | None:
    """Width and height a figure is shown at; None for a placeholder."""
    if figure.kind == "pose":
        return FigureSize(WEB_WIDTH, round(WEB_WIDTH * ASPECT))
    if figure.kind == "photo" and figure.src in content.photos:
        photo = content.photos[figure.src]
        width = min(WEB_WIDTH, photo.width)
        return FigureSize(width, round(photo.height * width / photo.width))
    return None


def _encode(image: Image.Image, fmt: str, lossless: bool) -> bytes:
    out = io.BytesIO()
    if fmt == "WEBP":
        image.save(out, "WEBP", lossless=lossless, quality=80 if not lossless else 100, method=4, exact=False)
    else:
        image.save(out, "PNG", compress_level=9)
    return out.getvalue()


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
    os.replace(temporary, path)  # readers never see a half-written file


@dataclass
class FigureStore:
    """Draws or converts figures into ``cache_dir`` and says where each output is published."""

    cache_dir: Path
    drawn: int = 0
    cached: int = 0
    files: dict[str, Path] = field(default_factory=dict)

    def key(self, figure: Figure, photo: PhotoInfo | None) -> str:
        """The content hash that names a figure's cache folder."""
        what = figure.pose.model_dump(mode="json") if figure.pose else hashlib.sha256(photo.path.read_bytes()).hexdigest()  # type: ignore[union-attr]
        text = json.dumps({"what": what, "kind": figure.kind, "renderer": renderer_fingerprint(), "settings": SETTINGS}, sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()

    def render(self, figure: Figure, photo: PhotoInfo | None) -> dict[str, bytes]:
        """The three encoded outputs of one figure, all scaled down from one large image."""
        if figure.pose is not None:
            big = draw(figure.pose, PRINT_WIDTH)
        else:
            big = resized(upright(photo), PRINT_WIDTH)  # type: ignore[arg-type]
        lossless = figure.pose is not None  # flat drawings compress best losslessly; photos do not
        outputs = {name: _encode(resized(big, WEB_WIDTH * scale), "WEBP", lossless) for name, scale in (("1x", 1), ("2x", 2))}
        outputs["print"] = _encode(big, "PNG", lossless)
        return outputs

    def add(self, exercise_id: str, figure: Figure, photo: PhotoInfo | None = None) -> None:
        """Make sure the figure's outputs are in the cache, and record where they are published."""
        folder = self.cache_dir / self.key(figure, photo)
        names = {"1x": "1x.webp", "2x": "2x.webp", "print": "print.png"}
        if all((folder / name).is_file() for name in names.values()):
            self.cached += 1
        else:
            for variant, data in self.render(figure, photo).items():
                _write(folder / names[variant], data)
            self.drawn += 1
        for variant, name in names.items():
            self.files[links.figure_file(exercise_id, figure.id, variant)] = folder / name

    def add_all(self, content: Content) -> dict[str, Path]:
        """Every drawn figure and photo of the guide; returns {site path: cached file}."""
        for exercise in content.exercises.values():
            for figure in exercise.figures:
                if figure.kind == "pose":
                    self.add(exercise.id, figure)
                elif figure.kind == "photo":
                    self.add(exercise.id, figure, content.photos[figure.src])  # type: ignore[index]
        return self.files
