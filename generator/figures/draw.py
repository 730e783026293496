"""Draw a Pose as a clean pictogram with Pillow: thick rounded limbs, one accent colour for the
part being stretched, props in light grey, movement arrows in blue, on white.

Drawn at three times the output size and downsampled, so edges stay smooth at any width.
"""

from __future__ import annotations

from PIL import Image, ImageDraw

from ..model.pose import Arrow, Pose, Prop
from .skeleton import HEAD_RADIUS, LIMB_WIDTH, TRUNK_WIDTH, Point, skeleton

RENDERER_VERSION = "1"  # bump when a change alters pixels, so cached figures are redrawn
ASPECT = 5 / 8  # height / width of every figure
SUPERSAMPLE = 3
MARGIN = 0.12  # body units of white space around the scene
MAX_SCALE = 1 / 2.4  # of the width per body unit: small scenes are not blown up
COLOURS = {
    "background": (255, 255, 255),
    "near": (31, 41, 55),
    "far": (120, 128, 140),
    "accent": (213, 94, 0),  # vermillion: distinct for colour-blind readers and in greyscale
    "prop_fill": (226, 232, 240),
    "prop_line": (100, 116, 139),
    "floor": (148, 163, 184),
    "arrow": (0, 114, 178),
}
ROLLER_RADIUS = 0.075


def _prop_shapes(prop: Prop) -> list[tuple[str, list[Point]]]:
    """A prop as simple shapes: ('rect', [corner, corner]), ('circle', [centre, (r, r)]) or ('poly', points)."""
    x = prop.x
    if prop.kind == "roller":
        if prop.along:
            return [("round", [(x - 0.45, prop.y - ROLLER_RADIUS), (x + 0.45, prop.y + ROLLER_RADIUS)])]
        return [("circle", [(x, prop.y), (ROLLER_RADIUS, ROLLER_RADIUS)])]
    if prop.kind == "chair":
        back = x - 0.22 if prop.facing == "right" else x + 0.18
        return [
            ("rect", [(x - 0.22, 0.0), (x - 0.18, 0.45)]),
            ("rect", [(x + 0.18, 0.0), (x + 0.22, 0.45)]),
            ("rect", [(back, 0.45), (back + 0.04, 0.92)]),
            ("rect", [(x - 0.24, 0.43), (x + 0.24, 0.48)]),
        ]
    if prop.kind == "bench":
        return [("rect", [(x - prop.width / 2, 0.0), (x + prop.width / 2, prop.height)])]
    if prop.kind == "stairs":
        w, h = (prop.width, prop.height) if prop.facing == "right" else (-prop.width, prop.height)
        return [("poly", [(x, 0.0), (x, h), (x + w, h), (x + w, 2 * h), (x + 3 * w, 2 * h), (x + 3 * w, 0.0)])]
    return [("rect", [(x, 0.0), (x + 0.08, 1.9)])]  # wall


def _bounds(pose: Pose, bones: dict[str, tuple[Point, Point]]) -> tuple[float, float, float, float]:
    xs, ys = [0.0], [0.0]
    for a, b in bones.values():
        xs += [a[0], b[0]]
        ys += [a[1], b[1]]
    head = bones["head"][1]
    xs += [head[0] - HEAD_RADIUS, head[0] + HEAD_RADIUS]
    ys += [head[1] + HEAD_RADIUS]
    for prop in pose.props:
        for kind, points in _prop_shapes(prop):
            if kind == "circle":
                (cx, cy), (r, _) = points
                points = [(cx - r, cy - r), (cx + r, cy + r)]
            xs += [p[0] for p in points]
            ys += [p[1] for p in points]
    for arrow in pose.arrows:
        xs += [arrow.start[0], arrow.end[0]]
        ys += [arrow.start[1], arrow.end[1]]
    return min(xs) - MARGIN, min(ys) - MARGIN, max(xs) + MARGIN, max(ys) + MARGIN


def draw(pose: Pose, width: int) -> Image.Image:
    """The pose as an RGB image ``width`` pixels wide (height = width × 5/8)."""
    big_w = width * SUPERSAMPLE
    big_h = round(width * ASPECT) * SUPERSAMPLE
    bones = skeleton(pose)
    left, bottom, right, top = _bounds(pose, bones)
    scale = min(big_w / (right - left), big_h / (top - bottom), big_w * MAX_SCALE)
    x_offset = (big_w - (right - left) * scale) / 2
    y_offset = (big_h - (top - bottom) * scale) / 2

    def px(point: Point) -> tuple[float, float]:
        return x_offset + (point[0] - left) * scale, big_h - y_offset - (point[1] - bottom) * scale

    image = Image.new("RGB", (big_w, big_h), COLOURS["background"])
    canvas = ImageDraw.Draw(image)
    floor_y = px((0.0, 0.0))[1]
    canvas.line([(0, floor_y), (big_w, floor_y)], fill=COLOURS["floor"], width=max(2, round(0.02 * scale)))
    outline = max(2, round(0.012 * scale))
    for prop in pose.props:
        for kind, points in _prop_shapes(prop):
            style = {"fill": COLOURS["prop_fill"], "outline": COLOURS["prop_line"], "width": outline}
            if kind == "circle":
                (cx, cy), (r, _) = px(points[0]), points[1]
                canvas.ellipse([cx - r * scale, cy - r * scale, cx + r * scale, cy + r * scale], **style)
            elif kind == "poly":
                canvas.polygon([px(p) for p in points], **style)
            else:
                (x0, y1), (x1, y0) = px(points[0]), px(points[1])
                radius = (y1 - y0) / 2 if kind == "round" else outline
                canvas.rounded_rectangle([x0, y0, x1, y1], radius=radius, **style)

    def limb(name: str, width_units: float, colour: tuple[int, int, int]) -> None:
        colour = COLOURS["accent"] if name in pose.highlight else colour
        a, b = px(bones[name][0]), px(bones[name][1])
        w = width_units * scale
        canvas.line([a, b], fill=colour, width=round(w))
        for x, y in (a, b):  # rounded ends
            canvas.ellipse([x - w / 2, y - w / 2, x + w / 2, y + w / 2], fill=colour)

    limbs = ("upper_arm", "forearm", "thigh", "shin", "foot")
    for part in limbs:
        limb(f"far_{part}", LIMB_WIDTH, COLOURS["far"])
    limb("trunk", TRUNK_WIDTH, COLOURS["near"])
    limb("head", LIMB_WIDTH * 0.9, COLOURS["near"])
    hx, hy = px(bones["head"][1])
    r = HEAD_RADIUS * scale
    head_colour = COLOURS["accent"] if "head" in pose.highlight else COLOURS["near"]
    canvas.ellipse([hx - r, hy - r, hx + r, hy + r], fill=head_colour)
    for part in limbs:
        limb(f"near_{part}", LIMB_WIDTH, COLOURS["near"])
    for arrow in pose.arrows:
        _arrow(canvas, arrow, px, scale)
    return image.resize((width, round(width * ASPECT)), Image.Resampling.LANCZOS)


def _arrow(canvas: ImageDraw.ImageDraw, arrow: Arrow, px, scale: float) -> None:  # type: ignore[no-untyped-def]
    start, end = px(arrow.start), px(arrow.end)
    width = max(3, round(0.03 * scale))
    canvas.line([start, end], fill=COLOURS["arrow"], width=width)
    heads = [(start, end), (end, start)] if arrow.both_ways else [(start, end)]
    for tail, tip in heads:
        dx, dy = tip[0] - tail[0], tip[1] - tail[1]
        length = max((dx * dx + dy * dy) ** 0.5, 1e-6)
        ux, uy = dx / length, dy / length
        size = 0.09 * scale
        left = (tip[0] - ux * size - uy * size * 0.6, tip[1] - uy * size + ux * size * 0.6)
        right = (tip[0] - ux * size + uy * size * 0.6, tip[1] - uy * size - ux * size * 0.6)
        canvas.polygon([tip, left, right], fill=COLOURS["arrow"])
