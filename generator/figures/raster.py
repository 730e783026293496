"""A composed drawing as a Pillow image: drawn at ``supersample``× and reduced, because
``ImageDraw`` does not anti-alias. Strokes are painted as rings (the shape grown by half the width
minus the shape shrunk by half the width), so widths and round joins match the SVG."""

from __future__ import annotations

import math

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFont

from generator.figures.compose import PALETTES, TEXT_HALO, Drawing, LineOp, ShapeOp, TextOp
from generator.figures.outline import CircleHull, Ellipse2D, Polygon2D, Shape2D, dilate, erode, polygon

_TOLERANCE = 0.25  # chord error in supersampled pixels


def _scaled(shape: Shape2D, k: float) -> Shape2D:
    if isinstance(shape, CircleHull):
        return CircleHull((shape.c1[0] * k, shape.c1[1] * k), shape.r1 * k, (shape.c2[0] * k, shape.c2[1] * k), shape.r2 * k)
    if isinstance(shape, Ellipse2D):
        return Ellipse2D((shape.centre[0] * k, shape.centre[1] * k), shape.rx * k, shape.ry * k, shape.angle_deg)
    return Polygon2D(np.asarray(shape.points, dtype=float) * k)


def _flat(points: np.ndarray) -> list[tuple[float, float]]:
    return [(float(x), float(y)) for x, y in points]


def _mask(size: tuple[int, int], origin: np.ndarray, outer: np.ndarray, inner: np.ndarray | None) -> Image.Image:
    """An L mask of a box: 255 inside ``outer``, 0 inside ``inner``."""
    mask = Image.new("L", size, 0)
    d = ImageDraw.Draw(mask)
    d.polygon(_flat(outer - origin), fill=255)
    if inner is not None:
        d.polygon(_flat(inner - origin), fill=0)
    return mask


def _box(points: np.ndarray, w: int, h: int) -> tuple[int, int, int, int] | None:
    x0, y0 = np.floor(points.min(axis=0)).astype(int) - 1
    x1, y1 = np.ceil(points.max(axis=0)).astype(int) + 2
    x0, y0, x1, y1 = max(x0, 0), max(y0, 0), min(x1, w), min(y1, h)
    return None if x0 >= x1 or y0 >= y1 else (int(x0), int(y0), int(x1), int(y1))


def _hatch(image: Image.Image, pts: np.ndarray, colour: str, spacing: float, width: float) -> None:
    """Diagonal lines x + y = √2·(s/2 + j·s), the same phase as the SVG pattern, inside ``pts``."""
    box = _box(pts, *image.size)
    if box is None:
        return
    x0, y0, x1, y1 = box
    size = (x1 - x0, y1 - y0)
    lines = Image.new("L", size, 0)
    d = ImageDraw.Draw(lines)
    step = spacing * math.sqrt(2)
    lw = max(1, round(width))
    j0 = math.floor((x0 + y0) / step - 1)
    j1 = math.ceil((x1 + y1) / step + 1)
    for j in range(j0, j1 + 1):
        c = step * (j + 0.5) - x0 - y0  # local x + y on this line
        d.line([(c - size[1], size[1]), (c, 0)], fill=255, width=lw)
    clip = _mask(size, np.array([x0, y0]), pts, None)
    image.paste(colour, box, ImageChops.multiply(lines, clip))


def _ring(image: Image.Image, shape: Shape2D, half: float, colour: str) -> None:
    outer = dilate(shape, half, _TOLERANCE)
    if len(outer) < 3:
        return
    box = _box(outer, *image.size)
    if box is None:
        return
    origin = np.array(box[:2])
    inner = erode(shape, half, _TOLERANCE)
    image.paste(colour, box, _mask((box[2] - box[0], box[3] - box[1]), origin, outer, inner))


def _line(draw: ImageDraw.ImageDraw, pts: np.ndarray, width: float, colour: str) -> None:
    w = max(1, round(width))
    draw.line(_flat(pts), fill=colour, width=w, joint="curve")
    r = width / 2
    for x, y in (pts[0], pts[-1]):  # round caps
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)


def _font(size: float) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=size)


def to_image(drawing: Drawing, palette: str, width_px: int, height_px: int, supersample: int = 4) -> Image.Image:
    """Paint the drawing in one palette into an RGB image of ``width_px`` × ``height_px``
    (e.g. 2× the drawing for high-density screens). Deterministic pixels."""
    colours = PALETTES[palette]
    k = supersample * min(width_px / drawing.width, height_px / drawing.height)
    big = (width_px * supersample, height_px * supersample)
    image = Image.new("RGB", big, colours["background"])
    draw = ImageDraw.Draw(image)
    for op in drawing.ops:
        if isinstance(op, ShapeOp):
            shape = _scaled(op.shape, k)
            if op.fill:
                pts = polygon(shape, _TOLERANCE)
                if len(pts) < 3:
                    continue
                draw.polygon(_flat(pts), fill=colours[op.fill])
                if op.hatch:
                    _hatch(image, pts, colours["hatch"], drawing.hatch_spacing * k, drawing.hatch_width * k)
            if op.stroke and op.width > 0:
                _ring(image, shape, op.width * k / 2, colours[op.stroke])
        elif isinstance(op, LineOp):
            _line(draw, np.asarray(op.points, dtype=float) * k, op.width * k, colours[op.stroke])
        elif isinstance(op, TextOp):
            halo = round(TEXT_HALO * op.size * k) if op.halo else 0
            draw.text((op.x * k, op.y * k), op.text, fill=colours[op.fill], font=_font(op.size * k), anchor="mm",
                      stroke_width=halo, stroke_fill=colours[op.halo] if op.halo else None)
    return image.resize((width_px, height_px), Image.Resampling.LANCZOS)
