"""Lay out and style a picture as a list of 2D drawing operations, whatever the output format.

A picture is one or more frames seen by one camera. All frames share one scale, so a pose that
looks bigger is bigger; frames in a row share the height of the floor, and frames stacked in a
column share the x axis, so a prop that stays put lines up and the body's shift against it shows.
Within a frame the order is: floor, ghost, thick contours of every body and prop part (pass 1:
only the outer silhouette survives pass 2), fills with thin lines in painter's order (pass 2),
then arrows with a halo. Coordinates are pixels at 1×, y down, rounded to 0.1 px.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from generator.figures.camera import Camera
from generator.figures.clip import clip_line, clip_shape
from generator.figures.order import paint_order
from generator.figures.outline import CircleHull, Ellipse2D, Polygon2D, Shape2D, bounds, contains, outline, patch_outline, polygon
from generator.figures.primitives import PERSON, Arrow3D, Cylinder, Ellipsoid, Frame, Part, Patch, extent
from generator.figures.shadow import SINK


@dataclass(frozen=True)
class Style:
    """Line widths and sizes in output pixels at 1×."""

    stroke: float  # thin lines: where parts overlap, props, floor
    contour: float  # full width of the outer contour stroke; about half of it shows
    arrow_width: float
    label_size: float
    hatch_spacing: float = 6.0
    hatch_width: float = 1.0
    margin: float = 10.0  # around each frame's content, inside its cell
    measures: bool = True  # an angle's size in degrees, as text


PAGE = Style(stroke=1.5, contour=5.0, arrow_width=3.0, label_size=14.0, hatch_width=1.6)
# Cards print about 35 mm wide (≈ 400 px at 300 dpi): heavier lines keep a forearm's outline and
# the contour at 0.2–0.5 mm, above what a laser printer drops.
CARD = Style(
    stroke=2.5, contour=8.0, arrow_width=4.5, label_size=20.0, hatch_spacing=8.0, hatch_width=2.0,
    margin=12.0, measures=False,  # at 35 mm, "30°" would print at 5 pt: the card's cue says it in words
)

# Colours by meaning. Every pair that carries meaning has ≥ 3:1 contrast (WCAG 1.4.11), checked by
# tests/unit/figures/test_compose.py.
PALETTES: dict[str, dict[str, str]] = {
    "light": {
        "background": "#ffffff",
        "outline": "#1d1d1f",
        "body": "#f3f1ee",
        # The arm and leg on the side away from the viewer, a shade darker, as illustrators draw
        # them: two folded or crossed legs read as two legs, not one tangle
        "far": "#d9d5ce",
        "hand": "#c8c0b5",
        "hair": "#6b645d",
        # The stretched part: a pale tint of the body with stripes in the accent colour (a solid
        # orange part with dark stripes was taken for a ball by blind readers)
        "accent": "#ffe3d1",
        "hatch": "#d9480f",
        "prop": "#dde5ee",
        "roller": "#9bbfe3",
        "prop_outline": "#34495e",
        "floor": "#6b7280",
        "mat": "#e9ecef",
        "shadow": "#a3aab5",
        "arrow": "#1864ab",
        "arrow_halo": "#ffffff",
        "label_badge": "#1d1d1f",
        "label_text": "#ffffff",
        "ghost_fill": "#f1f3f5",
        "ghost_outline": "#868e96",
        "separator": "#868e96",
    },
    "dark": {
        "background": "#1e2129",
        "outline": "#e8e8e8",
        "body": "#3a3b3f",
        "far": "#2d2e32",
        "hand": "#66625c",
        "hair": "#8c8a86",
        "accent": "#4a3426",
        "hatch": "#fb923c",
        "prop": "#2c3642",
        "roller": "#36506b",
        "prop_outline": "#a5b8cc",
        "floor": "#9ca3af",
        "mat": "#2a2f38",
        "shadow": "#0b0c10",
        "arrow": "#74c0fc",
        "arrow_halo": "#1e2129",
        "label_badge": "#e8e8e8",
        "label_text": "#1e2129",
        "ghost_fill": "#272b33",
        "ghost_outline": "#7c8591",
        "separator": "#7c8591",
    },
}


# ---------------------------------------------------------------------------------------------
# Drawing operations


@dataclass(frozen=True)
class ShapeOp:
    """Fill and/or stroke one closed shape. Colours are palette keys (None: not painted).
    ``ref`` is the same for the operations that draw the same outline (contour and fill), so an
    SVG can define the shape once; ``hatch`` lays the diagonal hatch over the fill."""

    shape: Shape2D
    fill: str | None
    stroke: str | None
    width: float
    hatch: bool = False
    ref: str = ""


@dataclass(frozen=True)
class LineOp:
    """An open polyline with round caps and joins. ``arc`` = (radius, large, sweep) when the
    points run along one circular arc (SVG flags, y down), so SVG can draw it exactly."""

    points: tuple[tuple[float, float], ...]
    stroke: str
    width: float
    arc: tuple[float, int, int] | None = None


@dataclass(frozen=True)
class TextOp:
    """Text centred on (x, y); with a ``halo`` (a palette key) it stands clear of lines under it."""

    x: float
    y: float
    text: str
    size: float
    fill: str
    halo: str | None = None


Op = ShapeOp | LineOp | TextOp
TEXT_HALO = 0.15  # a text halo's width, as a share of the text size
MEASURE_SIZE = 1.2  # an angle's size in degrees, against the frame numbers' size


@dataclass
class Drawing:
    """A picture as drawing operations in pixels at 1× (y down), painted in list order over the
    ``background`` colour."""

    width: int
    height: int
    ops: list[Op] = field(default_factory=list)
    hatch_spacing: float = 6.0
    hatch_width: float = 1.0


# ---------------------------------------------------------------------------------------------
# Geometry helpers


def _r(x: float) -> float:
    return round(float(x), 1) + 0.0  # + 0.0 turns -0.0 into 0.0: identical bytes


@dataclass(frozen=True)
class _Map:
    """Screen cm (y up) → pixels (y down)."""

    scale: float
    ox: float
    oy: float

    def xy(self, x: float, y: float) -> tuple[float, float]:
        return (_r(self.ox + self.scale * x), _r(self.oy - self.scale * y))

    def shape(self, s: Shape2D) -> Shape2D:
        if isinstance(s, CircleHull):
            return CircleHull(self.xy(*s.c1), _r(s.r1 * self.scale), self.xy(*s.c2), _r(s.r2 * self.scale))
        if isinstance(s, Ellipse2D):
            angle = -s.angle_deg % 180.0  # y flips; an ellipse is symmetric under a half turn
            return Ellipse2D(self.xy(*s.centre), _r(s.rx * self.scale), _r(s.ry * self.scale), _r(angle) % 180.0)
        pts = np.asarray(s.points, dtype=float)
        out = np.stack([self.ox + self.scale * pts[:, 0], self.oy - self.scale * pts[:, 1]], 1)
        return Polygon2D(np.round(out, 1) + 0.0)


@dataclass
class _FrameGeometry:
    shapes: list[Shape2D]
    ghost_shapes: list[Shape2D]
    arrows: list[tuple[Arrow3D, np.ndarray]]  # projected a, b, centre (cm)
    box: tuple[float, float, float, float]
    floor_y: float | None


def _frame_geometry(frame: Frame, camera: Camera, with_floor: bool, measures: bool) -> _FrameGeometry:
    shapes = [outline(p.volume, camera) for p in frame.parts]
    ghosts = [outline(p.volume, camera) for p in frame.ghost]
    boxes = [bounds(s) for s in shapes + ghosts]
    arrows = []
    for arrow in frame.arrows:
        centre = arrow.centre if arrow.centre is not None else (np.asarray(arrow.a) + arrow.b) / 2
        pts = camera.project(np.array([arrow.a, arrow.b, centre, *arrow.path], dtype=float))
        arrows.append((arrow, pts))
        lo, hi = pts.min(axis=0), pts.max(axis=0)
        if arrow.kind == "curved" and not arrow.path:  # the arc can bulge past its end points: take its circle
            rad = float(np.linalg.norm(pts[0] - pts[2]))
            lo, hi = pts[2] - rad, pts[2] + rad
        if arrow.text and measures:  # room for the size, out beyond the angle's middle
            spot = pts[2] + 1.3 * (pts[3 + (len(pts) - 3) // 2] - pts[2])
            lo, hi = np.minimum(lo, spot), np.maximum(hi, spot)
        boxes.append((lo[0], lo[1], hi[0], hi[1]))
    if not boxes:
        boxes = [(0.0, 0.0, 1.0, 1.0)]
    b = np.array(boxes, dtype=float)
    box = (b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max())
    floor_y = _floor_line(frame, shapes) if with_floor else None
    return _FrameGeometry(shapes, ghosts, arrows, box, floor_y)


def _floor_line(frame: Frame, shapes: list[Shape2D]) -> float | None:
    """Where a low view's floor line runs (screen cm): under the nearest part that stands on the
    floor, so the foot or chair leg nearest the viewer stands on it; no line when nothing does.
    Along the near edge of the whole footprint, every contact floated above it by how far the scene
    reached towards the viewer (in the lunge, a stepped-back foot dropped the line 14 px in one
    panel only)."""
    standing = [bounds(s)[1] for p, s in zip(frame.parts, shapes, strict=True) if extent(p.volume)[0][2] <= SINK]
    return float(min(standing)) if standing else None


def _span(geos: list[_FrameGeometry]) -> tuple[float, float, float, float]:
    """The union of the frames' extents (cm): x0, y0, x1, y1."""
    boxes = np.array([g.box for g in geos], dtype=float)
    return boxes[:, 0].min(), boxes[:, 1].min(), boxes[:, 2].max(), boxes[:, 3].max()


def _layout(widths: list[float], span: float, tall: float, width: float, height: float, style: Style, top: float):
    """Best grid: (scale, rows, cols, cell width, cell height, gap). ``widths`` are the frames' own
    widths and ``tall`` their shared height (cm); frames stacked in one column share one x extent,
    ``span``, as a row of frames shares one y extent (and its x extent where it fits, ``_x_origin``):
    what stays put (floor, roller) lines up from frame to frame, and what moves shows its shift."""
    n = len(widths)
    gap = max(12.0, 1.6 * style.label_size)
    best = None
    for rows in range(1, n + 1):
        cols = math.ceil(n / rows)
        if (rows - 1) * cols >= n:
            continue  # an empty row
        cw = (width - (cols - 1) * gap) / cols
        ch = (height - (rows - 1) * gap) / rows
        inner_w = cw - 2 * style.margin
        inner_h = ch - style.margin - max(style.margin, top)
        widest = span if cols == 1 else max(widths)
        scale = min(inner_w / max(widest, 1e-6), inner_h / max(tall, 1e-6))
        if best is None or scale > best[0] + 1e-9:
            best = (scale, rows, cols, cw, ch, gap)
    assert best is not None
    return best


def _head(tip: np.ndarray, direction: np.ndarray, length: float) -> Polygon2D:
    half = length / 2
    d = direction / max(np.linalg.norm(direction), 1e-9)
    n = np.array([-d[1], d[0]])
    base = tip - length * d
    pts = np.array([tip, base + half * n, base - half * n])
    return Polygon2D(np.round(pts, 1) + 0.0)


def _path_shaft(line: np.ndarray, head_len: float) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray], float] | None:
    """A shaft along a projected path (px), stopping where its head begins; the head (tip,
    direction) points along the path's last stretch. None when the path shows as a dot."""
    steps = np.linalg.norm(np.diff(line, axis=0), axis=1)
    if steps.sum() < 1.0:
        return None
    head_len = min(head_len, 0.4 * float(steps.sum()))
    tip = line[-1]
    back = np.cumsum(steps[::-1])  # distance back from the tip, vertex by vertex
    keep = max(len(line) - 2 - int(np.searchsorted(back, head_len)), 0)  # the last vertex behind the head
    direction = (tip - line[keep]) / max(float(np.linalg.norm(tip - line[keep])), 1e-9)
    return np.concatenate([line[: keep + 1], [tip - direction * head_len]]), (tip, direction), head_len


def _angle_ops(arrow: Arrow3D, pts: np.ndarray, m: _Map, style: Style) -> list[Op]:
    """A thin arc with a halo and no head, and its size beside its middle: a measure, not a move."""
    line = np.array([m.xy(*p) for p in pts[3:]])
    if float(np.linalg.norm(np.diff(line, axis=0), axis=1).sum()) < 1.0:
        return []
    width = style.arrow_width * 0.6
    halo = max(1.5, width * 0.6)
    line_pts = tuple((_r(x), _r(y)) for x, y in line)
    centre = np.array(m.xy(*pts[2]))
    mid = line[len(line) // 2]
    out = (mid - centre) / max(float(np.linalg.norm(mid - centre)), 1e-9)
    size = MEASURE_SIZE * style.label_size  # read at a glance on a phone, like the caption under it
    spot = mid + out * 1.1 * size
    ops: list[Op] = [LineOp(line_pts, "arrow_halo", _r(width + 2 * halo)), LineOp(line_pts, "arrow", _r(width))]
    if style.measures:
        ops.append(TextOp(_r(spot[0]), _r(spot[1]), arrow.text, size, "arrow", halo="arrow_halo"))
    return ops


def _arrow_ops(arrow: Arrow3D, pts: np.ndarray, m: _Map, style: Style) -> list[Op]:
    """Halo then arrow: shaft as a line stopping at the heads' bases, heads as triangles."""
    if arrow.kind == "angle":
        return _angle_ops(arrow, pts, m, style)
    a = np.array(m.xy(*pts[0]))
    b = np.array(m.xy(*pts[1]))
    head_len = 4.0 * style.arrow_width
    heads: list[tuple[np.ndarray, np.ndarray]] = []
    arc = None
    if arrow.path:  # a turn in 3D, seen in perspective
        shaft = _path_shaft(np.array([m.xy(*p) for p in pts[3:]]), head_len)
        if shaft is None:
            return []
        line, head, head_len = shaft
        heads.append(head)
    elif arrow.kind == "curved":
        c = np.array(m.xy(*pts[2]))
        rad = float(np.linalg.norm(a - c) + np.linalg.norm(b - c)) / 2
        if rad < 1e-6:
            return []
        ta = math.atan2(a[1] - c[1], a[0] - c[0])
        tb = math.atan2(b[1] - c[1], b[0] - c[0])
        delta = (tb - ta + math.pi) % (2 * math.pi) - math.pi
        if arrow.long:
            delta -= math.copysign(2 * math.pi, delta)
        if abs(delta) * rad < 1.0:
            return []  # seen edge-on: the turn does not show in this view
        sign = 1.0 if delta >= 0 else -1.0
        head_len = min(head_len, 0.4 * rad * abs(delta))  # a short arrow keeps a visible shaft
        end = tb if not arrow.long else ta + delta
        tip = c + rad * np.array([math.cos(end), math.sin(end)])
        tangent = sign * np.array([-math.sin(end), math.cos(end)])
        heads.append((tip, tangent))
        shaft_delta = delta - sign * head_len / rad
        steps = max(2, int(math.ceil(abs(shaft_delta) / math.radians(4))) + 1)
        t = ta + np.linspace(0.0, shaft_delta, steps)
        line = c + rad * np.stack([np.cos(t), np.sin(t)], 1)
        arc = (_r(rad), int(abs(shaft_delta) > math.pi), int(shaft_delta > 0))
    else:
        d = b - a
        length = float(np.linalg.norm(d))
        if length < 1.0:
            return []  # pointing at the viewer: nothing to draw
        u = d / length
        head_len = min(head_len, (0.3 if arrow.kind == "both" else 0.4) * length)
        heads.append((b, u))
        start, stop = a, b - u * head_len
        if arrow.kind == "both":
            heads.append((a, -u))
            start = a + u * head_len
        line = np.array([start, stop])
    line_pts = tuple((_r(x), _r(y)) for x, y in line)
    halo = max(1.5, style.arrow_width * 0.6)
    head_shapes = [_head(tip, dirn, head_len) for tip, dirn in heads]
    ops: list[Op] = [LineOp(line_pts, "arrow_halo", _r(style.arrow_width + 2 * halo), arc)]
    ops += [ShapeOp(h, "arrow_halo", "arrow_halo", _r(2 * halo)) for h in head_shapes]
    ops.append(LineOp(line_pts, "arrow", style.arrow_width, arc))
    ops += [ShapeOp(h, "arrow", None, 0.0) for h in head_shapes]
    return ops


# Hands have a tone of their own: a white hand under a white foot read as one shape.
_FILL = {
    "body": ("body", "outline"), "far": ("far", "outline"), "hand": ("hand", "outline"), "hair": ("hair", "outline"),
    "eye": ("outline", None),  # no edge: a dot of the outline's colour
    "accent": ("accent", "outline"), "prop": ("prop", "prop_outline"),
}


def _part_ops(parts: Sequence[Part], shapes: list[Shape2D], camera: Camera, m: _Map, style: Style,
              tag: str, ghost: Sequence[Op] = (), patches: Sequence[Patch] = (), ground: Sequence[Shape2D] = (),
              resting: Mapping[str, Sequence[Shape2D]] | None = None) -> list[Op]:
    """Floor parts, contact shadows and the ghost (on the mat, not under it), pass 1 (contours) and
    pass 2 (fills) of one frame's parts, each part's patches painted right after it, and after a
    prop the shadows of what rests on its top (``resting``, by the prop part's name)."""
    order = paint_order(parts, camera)
    px = {i: m.shape(shapes[i]) for i in order}
    ref = {i: f"{tag}{i}" for i in order}
    ops: list[Op] = []
    for i in order:
        if parts[i].role == "floor":
            ops.append(ShapeOp(px[i], "mat", "floor", style.stroke, ref=ref[i]))
    ops += [ShapeOp(m.shape(shape), "shadow", None, 0.0) for shape in ground]
    ops += ghost
    solid = [i for i in order if parts[i].role != "floor"]
    for i in solid:
        colour = "prop_outline" if parts[i].role == "prop" else "outline"
        ops.append(ShapeOp(px[i], None, colour, style.contour, ref=ref[i]))
    for i in solid:
        fill, stroke = _FILL[parts[i].role]
        if isinstance(parts[i].volume, Cylinder):
            fill = "roller"  # a foam roller in a tone of its own: in the prop tone, on the mat, readers saw "a thin outline"
        ops.append(ShapeOp(px[i], fill, stroke, style.stroke, parts[i].role == "accent", ref[i]))
        ops += [op for p in patches if p.host == parts[i].name for op in _patch_ops(parts[i], p, camera, m, style)]
        ops += [ShapeOp(m.shape(shape), "shadow", None, 0.0) for shape in (resting or {}).get(parts[i].name, ())]
    return ops


def _patch_ops(host: Part, patch: Patch, camera: Camera, m: _Map, style: Style) -> list[Op]:
    """A patch filled, then its edge drawn as a thin line (its rim is the host's outline)."""
    if not isinstance(host.volume, Ellipsoid):
        raise TypeError(f"a patch needs an ellipsoid to lie on, not the {host.name}")
    seen = patch_outline(host.volume, patch.normal, patch.level, camera)
    if seen is None:
        return []
    area, edge = seen
    fill, stroke = _FILL[patch.role]
    ops: list[Op] = [ShapeOp(m.shape(Polygon2D(area)), fill, None, 0.0, patch.role == "accent")]
    if stroke is not None and len(edge) > 1:
        ops.append(LineOp(tuple(m.xy(x, y) for x, y in edge), stroke, style.stroke))
    return ops


def _badge_radius(style: Style) -> float:
    return 0.8 * style.label_size


def _plan(frames: Sequence[Frame], camera: Camera, width_px: int, height_px: int, style: Style):
    """The frames' geometry, their shared extent (x0, y0, x1, y1), the room above for the frame
    numbers, and the grid ``_layout`` picks."""
    with_floor = camera.elevation <= 15.0
    geos = [_frame_geometry(f, camera, with_floor, style.measures) for f in frames]
    floors = [g.floor_y for f, g in zip(frames, geos, strict=True) if g.floor_y is not None and f.close_up is None]
    if floors:
        # One floor for every panel: each its own, the line jumped between panels while the chair stood still
        floor = min(floors)
        geos = [replace(g, floor_y=floor, box=(g.box[0], min(g.box[1], floor), g.box[2], max(g.box[3], floor)))
                if g.floor_y is not None and f.close_up is None else g for f, g in zip(frames, geos, strict=True)]
    # A close-up fits its own window to its cell, so only the whole frames set the shared scale.
    whole = [g for f, g in zip(frames, geos, strict=True) if f.close_up is None] or geos
    x0, y0, x1, y1 = _span(whole)
    widest = max(g.box[2] - g.box[0] for g in whole)
    widths = [g.box[2] - g.box[0] if f.close_up is None else widest for f, g in zip(frames, geos, strict=True)]
    top = 2 * _badge_radius(style) + 6 if any(f.label for f in frames) else style.margin
    layout = _layout(widths, x1 - x0, y1 - y0, width_px, height_px, style, top)
    return geos, (x0, y0, x1, y1), top, layout


def _dashed(shape: Shape2D, stroke: str, width: float, dash: float) -> list[LineOp]:
    """A closed outline as dashes ``dash`` long with gaps as long, evenly spread round it."""
    pts = polygon(shape, 0.05)
    ring = np.vstack([pts, pts[:1]])
    along = np.concatenate([[0.0], np.cumsum(np.linalg.norm(np.diff(ring, axis=0), axis=1))])
    count = max(2, round(along[-1] / (2 * dash)))
    step = along[-1] / count  # so the dashes close the loop evenly
    out = []
    for k in range(count):
        at = np.linspace(k * step, k * step + step / 2, 6)
        xy = np.column_stack([np.interp(at, along, ring[:, 0]), np.interp(at, along, ring[:, 1])])
        out.append(LineOp(tuple((_r(x), _r(y)) for x, y in xy), stroke, width))
    return out


def _frame_ops(frame: Frame, g: _FrameGeometry, camera: Camera, m: _Map, floor_span: tuple[float, float],
               style: Style, tag: str, arrows: bool = True) -> list[Op]:
    """One frame's floor line, parts, arrows and the circle round the window its close-up shows."""
    ops: list[Op] = []
    if g.floor_y is not None:
        fy = _r(m.oy - m.scale * g.floor_y)
        ops.append(LineOp(((_r(floor_span[0]), fy), (_r(floor_span[1]), fy)), "floor", style.stroke))
    ghost: list[Op] = []
    for i in paint_order(frame.ghost, camera) if frame.ghost else ():
        shape = m.shape(g.ghost_shapes[i])
        if frame.ghost[i].role in PERSON:
            ghost.append(ShapeOp(shape, "ghost_fill", "ghost_outline", style.stroke))
        else:  # a prop's earlier place: dashed and unfilled, so it is not read as a second object
            ghost += _dashed(shape, "ghost_outline", style.stroke * 0.7, 3.0 * style.stroke)
    ground = [Polygon2D(camera.project(s.corners)) for s in frame.shadows if s.on is None]
    resting: dict[str, list[Shape2D]] = {}
    for s in frame.shadows:
        if s.on is not None:
            resting.setdefault(s.on, []).append(Polygon2D(camera.project(s.corners)))
    ops += _part_ops(frame.parts, g.shapes, camera, m, style, tag, ghost, frame.patches, ground, resting)
    for arrow, pts in g.arrows if arrows else ():
        ops += _arrow_ops(arrow, pts, m, style)
    if frame.marker is not None:
        (x, y), r = camera.project(np.asarray([frame.marker[0]], dtype=float))[0], m.scale * frame.marker[1] / 2
        ops.append(ShapeOp(Ellipse2D(m.xy(x, y), _r(r), _r(r), 0.0), None, "outline", style.stroke))
    return ops


def _close_up_ops(frame: Frame, g: _FrameGeometry, camera: Camera, centre: tuple[float, float], radius: float,
                  style: Style, tag: str) -> list[Op]:
    """A close-up panel: the frame drawn so its window fills a circle of ``radius`` px about
    ``centre``, cut at the circle, inside a ring like the circle that marks it in the frame. It
    shows where things are; the arrows stay in the frame (cut at the ring they read as stray marks)."""
    assert frame.close_up is not None
    (x, y), width = camera.project(np.asarray([frame.close_up[0]], dtype=float))[0], frame.close_up[1]
    scale = 2 * radius / width
    m = _Map(scale, centre[0] - scale * x, centre[1] + scale * y)
    ops: list[Op] = []
    for op in _frame_ops(frame, g, camera, m, (centre[0] - radius, centre[0] + radius), style, tag, arrows=False):
        if isinstance(op, ShapeOp):
            shape = clip_shape(op.shape, centre, radius)
            if shape is not None:
                ops.append(ShapeOp(shape, op.fill, op.stroke, op.width, op.hatch, op.ref))
        elif isinstance(op, LineOp):  # floor lines and hairlines: no arcs here, the arrows stay out
            pieces = clip_line(np.asarray(op.points, dtype=float), centre, radius)
            ops += [LineOp(tuple((_r(a), _r(b)) for a, b in piece), op.stroke, op.width) for piece in pieces]
    # The ring covers the cut edges (half of a contour stroke at most).
    ops.append(ShapeOp(Ellipse2D((_r(centre[0]), _r(centre[1])), _r(radius), _r(radius), 0.0), None, "outline", style.contour))
    return ops


def _x_origin(box: tuple[float, float, float, float], span: tuple[float, float], scale: float, cx0: float, cw: float, margin: float) -> float:
    """Where a frame's x = 0 goes in its cell (px). Every frame is centred on the frames' shared
    extent, so what stays put (a chair, the floor, a still pelvis) is at the same place in every
    cell and only what moves shifts; a frame that would then reach past its cell's margin moves in
    just far enough. Centred on its own extent, a frame whose arrow or arms reach further than the
    one before shifted the whole scene, and the chair seemed to move between panels."""
    shared = cx0 + cw / 2 - scale * (span[0] + span[1]) / 2
    lowest, highest = cx0 + margin - scale * box[0], cx0 + cw - margin - scale * box[2]
    return min(max(shared, lowest), highest)  # the scale lets every frame fit: lowest <= highest


def compose(frames: Sequence[Frame], camera: Camera, width_px: int, height_px: int,
            style: Style = PAGE) -> Drawing:
    """Lay out the frames of one picture in a grid at one shared scale and style them."""
    if not frames:
        raise ValueError("a picture needs at least one frame")
    geos, (x0, y0, x1, y1), top, (scale, rows, cols, cw, ch, gap) = _plan(frames, camera, width_px, height_px, style)
    badge_r = _badge_radius(style)
    drawing = Drawing(width_px, height_px, hatch_spacing=style.hatch_spacing, hatch_width=style.hatch_width)
    ops = drawing.ops
    for k, (frame, g) in enumerate(zip(frames, geos, strict=True)):
        row, col = divmod(k, cols)
        cx0, cy0 = col * (cw + gap), row * (ch + gap)
        inner_top = cy0 + max(style.margin, top)
        inner_h = ch - style.margin - max(style.margin, top)
        if frame.close_up is not None:
            ops += _close_up_ops(frame, g, camera, (cx0 + cw / 2, inner_top + inner_h / 2), min(cw - 2 * style.margin, inner_h) / 2, style, f"f{k}p")
        else:
            m = _Map(scale, _x_origin(g.box, (x0, x1), scale, cx0, cw, style.margin), inner_top + inner_h / 2 + scale * (y0 + y1) / 2)
            ops += _frame_ops(frame, g, camera, m, (cx0, cx0 + cw), style, f"f{k}p")
        if frame.label:
            c = (_r(cx0 + badge_r + 2), _r(cy0 + badge_r + 2))
            ops.append(ShapeOp(Ellipse2D(c, _r(badge_r), _r(badge_r), 0.0), "label_badge", None, 0.0))
            ops.append(TextOp(c[0], c[1], frame.label, style.label_size, "label_text"))
        # A chevron to the next frame; none to a close-up, which is the same moment magnified.
        if col + 1 < cols and k + 1 < len(frames) and frames[k + 1].close_up is None:
            x, y, s = cx0 + cw + gap / 2, cy0 + ch / 2, gap / 4
            chevron = ((_r(x - s / 2), _r(y - s)), (_r(x + s / 2), _r(y)), (_r(x - s / 2), _r(y + s)))
            ops.append(LineOp(chevron, "separator", style.stroke))
        if col == 0 and row > 0:  # a thin rule between rows
            y = _r(cy0 - gap / 2)
            ops.append(LineOp(((_r(style.margin), y), (_r(width_px - style.margin), y)), "separator", style.stroke))
    return drawing


def frame_scale(drawing_frames: Sequence[Frame], camera: Camera, width_px: int, height_px: int,
                style: Style = PAGE) -> float:
    """The px-per-cm scale ``compose`` uses for these frames (for tests and size checks)."""
    return _plan(drawing_frames, camera, width_px, height_px, style)[3][0]


def silhouette_mask(frame: Frame, camera: Camera, size: int | tuple[int, int]) -> np.ndarray:
    """Boolean (height, width) mask of the union of the frame's non-floor parts, scaled to fit
    and centred: for comparing silhouettes (IoU) between pictures."""
    w, h = (size, size) if isinstance(size, int) else size
    shapes = [outline(p.volume, camera) for p in frame.parts if p.role != "floor"]
    mask = np.zeros((h, w), dtype=bool)
    if not shapes:
        return mask
    b = np.array([bounds(s) for s in shapes])
    x0, y0, x1, y1 = b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max()
    scale = min(w / max(x1 - x0, 1e-9), h / max(y1 - y0, 1e-9))
    gx, gy = np.meshgrid(np.arange(w) + 0.5, np.arange(h) + 0.5)
    # Pixel centres back to screen cm (y up), content centred.
    sx = (gx - w / 2) / scale + (x0 + x1) / 2
    sy = (h / 2 - gy) / scale + (y0 + y1) / 2
    xy = np.stack([sx.ravel(), sy.ravel()], 1)
    flat = mask.ravel()
    for s, (bx0, by0, bx1, by1) in zip(shapes, b, strict=True):
        sel = (xy[:, 0] >= bx0) & (xy[:, 0] <= bx1) & (xy[:, 1] >= by0) & (xy[:, 1] <= by1) & ~flat
        flat[sel] = contains(s, xy[sel])
    return flat.reshape(h, w)
