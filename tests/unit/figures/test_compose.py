"""Layout and styling of a picture: one scale for all frames, deterministic, legible colours."""

from __future__ import annotations

import functools
import math
from dataclasses import replace

import numpy as np
import pytest

from generator.figures.camera import Camera
from generator.figures.compose import (
    CARD,
    PAGE,
    PALETTES,
    Drawing,
    LineOp,
    ShapeOp,
    TextOp,
    compose,
    frame_scale,
    silhouette_mask,
)
from generator.figures.outline import Ellipse2D, Polygon2D, bounds
from generator.figures.primitives import Arrow3D, Box, Cylinder, Ellipsoid, Frame, Part, RoundCone, Shadow
from generator.figures.raster import to_image
from generator.figures.svg import to_svg


def _v(*xs: float) -> np.ndarray:
    return np.array(xs, dtype=float)


def person(bend: float = 0.0, reach: float = 0.0, accent: str = "left thigh") -> tuple[Part, ...]:
    """A standing mannequin of 21 parts facing +x, bent forward at the hips by ``bend`` degrees
    with the arms raised by ``reach`` degrees."""
    parts: list[Part] = []

    def cone(name, a, b, ra, rb):
        parts.append(Part(name, RoundCone(a, b, ra, rb), "accent" if name == accent else "body"))

    def ell(name, c, radii, angle=0.0):
        t = math.radians(angle)
        rot = np.array([[math.cos(t), 0, math.sin(t)], [0, 1, 0], [-math.sin(t), 0, math.cos(t)]])
        parts.append(Part(name, Ellipsoid(c, np.diag(radii) @ rot.T), "accent" if name == accent else "body"))

    for side, y in (("left", 10.0), ("right", -10.0)):
        cone(f"{side} thigh", _v(0, y, 90), _v(0, y, 50), 7.5, 5.5)
        cone(f"{side} shin", _v(0, y, 50), _v(0, y, 9), 5.5, 4.0)
        cone(f"{side} foot", _v(-2, y, 5), _v(18, y, 3), 4.0, 3.0)
    b = math.radians(bend)
    up = _v(math.sin(b), 0, math.cos(b))
    base = _v(0, 0, 95)
    ell("pelvis", base, (11, 17, 11), bend)
    ell("abdomen", base + up * 18, (10, 15, 12), bend)
    ell("chest", base + up * 40, (12, 17, 16), bend)
    cone("neck", base + up * 52, base + up * 58, 5, 5)
    ell("head", base + up * 74, (10, 8.5, 11.5), bend)
    t = math.radians(reach)
    d = _v(math.sin(t), 0, -math.cos(t))
    for side, y in (("left", 20.0), ("right", -20.0)):
        s = base + up * 50 + _v(0, y, 0)
        e, w = s + d * 30, s + d * 56
        cone(f"{side} upper arm", s, e, 5, 4)
        cone(f"{side} forearm", e, w, 4, 3.2)
        cone(f"{side} hand", w, w + d * 15, 3.2, 2.5)
    return tuple(parts)


PROPS = (
    Part("mat", Box(_v(10, 0, 0.5), np.diag([100.0, 35, 0.5])), "floor"),
    Part("roller", Cylinder(_v(60, -45, 7.5), _v(60, 45, 7.5), 7.5), "prop"),
    Part("step", Box(_v(-50, 0, 10), np.diag([20.0, 30, 10])), "prop"),
)


def sample_frames() -> list[Frame]:
    """Three labelled frames with a ghost and all three kinds of arrow: 24 parts each."""
    return [
        Frame(person() + PROPS, label="1"),
        Frame(
            person(30, 60) + PROPS,
            arrows=(Arrow3D("curved", _v(10, 0, 150), _v(40, 0, 140), _v(0, 0, 97)),),
            label="2",
            ghost=person(),
        ),
        Frame(
            person(60, 90) + PROPS,
            arrows=(Arrow3D("both", _v(-20, 0, 170), _v(30, 0, 170)), Arrow3D("straight", _v(80, 0, 30), _v(80, 0, 5))),
            label="3",
        ),
    ]


SIDE = Camera.named("side-left")


@functools.cache
def drawing_of(view: str, width: int = 900, height: int = 420, card: bool = False) -> Drawing:
    """The sample frames composed once per test run (tests only read the result)."""
    return compose(sample_frames(), Camera.named(view), width, height, CARD if card else PAGE)


def _numbers(op) -> list[float]:
    if isinstance(op, ShapeOp):
        s = op.shape
        if isinstance(s, Polygon2D):
            return list(np.asarray(s.points).ravel())
        if isinstance(s, Ellipse2D):
            return [*s.centre, s.rx, s.ry, s.angle_deg]
        return [*s.c1, s.r1, *s.c2, s.r2]
    if isinstance(op, LineOp):
        return [v for p in op.points for v in p]
    return [op.x, op.y]


def _shape_ops(drawing: Drawing, ref: str) -> list[ShapeOp]:
    return [op for op in drawing.ops if isinstance(op, ShapeOp) and op.ref == ref]


def test_all_frames_share_one_scale():
    frames = sample_frames()
    drawing = drawing_of("side-left")
    head = [p.name for p in frames[0].parts].index("head")
    radii = {(_shape_ops(drawing, f"f{k}p{head}")[0].shape.rx) for k in range(3)}
    assert len(radii) == 1  # the same head, the same size in every frame
    scale = frame_scale(frames, SIDE, 900, 420, PAGE)
    assert radii.pop() == pytest.approx(11.5 * scale, abs=0.06)


def test_grid_gives_the_largest_scale():
    frames = sample_frames()
    wide = drawing_of("side-left")
    tall = drawing_of("side-left", 300, 1200)
    square = compose(frames + [Frame(person(10, 20), label="4")], SIDE, 800, 800, PAGE)

    def badges(d: Drawing) -> list[tuple[float, float]]:
        return [(op.x, op.y) for op in d.ops if isinstance(op, TextOp)]

    assert len({y for _, y in badges(wide)}) == 1  # one row
    assert len({x for x, _ in badges(tall)}) == 1  # one column
    assert len(set(badges(square))) == 4 and len({x for x, _ in badges(square)}) == 2  # 2 × 2


def test_frames_in_a_column_share_the_x_axis_and_frames_in_a_row_the_y_axis():
    # The roller stands in the same place in every frame while the person bends and reaches: it
    # must stay put on the page, so the person's movement shows against it.
    roller = [p.name for p in sample_frames()[0].parts].index("roller")

    def roller_boxes(d: Drawing) -> list[tuple[float, float, float, float]]:
        return [bounds(_shape_ops(d, f"f{k}p{roller}")[0].shape) for k in range(3)]

    column = roller_boxes(drawing_of("side-left", 300, 1200))
    assert len({x0 for x0, _, _, _ in column}) == 1 and len({y0 for _, y0, _, _ in column}) == 3
    row = roller_boxes(drawing_of("side-left"))
    assert len({y0 for _, y0, _, _ in row}) == 1 and len({x0 for x0, _, _, _ in row}) == 3


def test_what_stays_put_keeps_its_place_in_every_cell_of_a_row():
    # Each frame used to be centred on its own extent, so a frame whose arms or arrow reached
    # further shifted the whole scene, and the chair seemed to move between panels.
    step = PROPS[2:]  # behind the person, who reaches further forward in each frame
    frames = [Frame(person() + step, label="1"), Frame(person(30, 60) + step, label="2"), Frame(person(60, 90) + step, label="3")]
    index = len(frames[0].parts) - 1
    drawing = compose(frames, SIDE, 1200, 300, PAGE)
    x0 = [bounds(_shape_ops(drawing, f"f{k}p{index}")[0].shape)[0] for k in range(3)]
    assert x0[1] - x0[0] == pytest.approx(x0[2] - x0[1], abs=0.11)  # one cell's width apart: the same place in each


def test_a_frame_that_moves_far_is_kept_inside_its_own_cell():
    far = tuple(_shifted(p, _v(400, 0, 0)) for p in person())
    frames = [Frame(person(), label="1"), Frame(far, label="2")]  # nothing shared: the two extents lie apart
    drawing = compose(frames, SIDE, 600, 300, PAGE)
    gap = max(12.0, 1.6 * PAGE.label_size)
    cw = (600 - gap) / 2
    for k in range(2):
        for op in drawing.ops:
            if isinstance(op, ShapeOp) and op.ref.startswith(f"f{k}p"):
                left, _, right, _ = bounds(op.shape)
                assert k * (cw + gap) - 0.5 <= left and right <= k * (cw + gap) + cw + 0.5


def _shifted(part: Part, by: np.ndarray) -> Part:
    """The part moved by ``by`` (cm): its points move, its radii and axes stay as they are."""
    fields = [getattr(part.volume, f) for f in part.volume.__dataclass_fields__]
    return replace(part, volume=type(part.volume)(*(v + by if isinstance(v, np.ndarray) and v.shape == (3,) else v for v in fields)))


def test_content_stays_inside_the_picture_and_coordinates_are_rounded():
    drawing = drawing_of("three-quarter", card=True)
    for op in drawing.ops:
        nums = np.array(_numbers(op), dtype=float)
        np.testing.assert_allclose(nums * 10, np.round(nums * 10), atol=1e-6)
        if isinstance(op, ShapeOp):
            x0, y0, x1, y1 = bounds(op.shape)
            assert -1 <= x0 and x1 <= 901 and -1 <= y0 and y1 <= 421


def test_layers_come_in_order():
    ops = drawing_of("side-left").ops
    kinds = []
    for op in ops:
        if isinstance(op, ShapeOp) and op.fill == "ghost_fill":
            kinds.append("ghost")
        elif isinstance(op, ShapeOp) and op.fill == "mat":
            kinds.append("floor")
        elif isinstance(op, ShapeOp) and op.fill is None:
            kinds.append("contour")
        elif isinstance(op, ShapeOp) and op.fill in ("body", "far", "hand", "accent", "prop"):
            kinds.append("fill")
        elif isinstance(op, LineOp) and op.stroke == "arrow":
            kinds.append("arrow")
    # The ghost lies on the mat (a mat painted after it would hide it in every view from above).
    second = kinds[kinds.index("ghost") - 1 :]
    compact = [k for i, k in enumerate(second) if i == 0 or second[i - 1] != k]
    assert compact[:6] == ["floor", "ghost", "contour", "fill", "arrow", "floor"]
    contours = [op for op in ops if isinstance(op, ShapeOp) and op.fill is None]
    assert {op.width for op in contours} == {PAGE.contour}
    accents = [op for op in ops if isinstance(op, ShapeOp) and op.fill == "accent"]
    assert accents and all(op.hatch for op in accents)


def test_a_contact_shadow_lies_on_the_mat_under_everything_else():
    corners = _v(0, -20, 0), _v(20, -20, 0), _v(20, 20, 0), _v(0, 20, 0)
    shadow = Shadow("left foot", np.array(corners))
    camera = Camera(150, 30)
    ops = compose([Frame(person() + PROPS, shadows=(shadow,))], camera, 400, 300).ops
    fills = [op.fill for op in ops if isinstance(op, ShapeOp)]
    at = fills.index("shadow")
    assert fills.count("shadow") == 1 and fills[at - 1] == "mat" and "mat" not in fills[at + 1:]
    op = ops[[i for i, o in enumerate(ops) if isinstance(o, ShapeOp) and o.fill == "shadow"][0]]
    assert op.stroke is None and isinstance(op.shape, Polygon2D) and len(op.shape.points) == 4
    without = compose([Frame(person() + PROPS)], camera, 400, 300).ops
    assert repr([o for o in ops if not (isinstance(o, ShapeOp) and o.fill == "shadow")]) == repr(without)  # nothing else moves


def test_a_shadow_on_a_prop_is_painted_right_after_its_top_and_before_what_rests_on_it():
    seat = Part("chair seat", Box(_v(40, 0, 43), np.diag([21.0, 22, 2])), "prop")
    hand = Part("left hand", RoundCone(_v(35, 0, 47), _v(50, 0, 47), 2.0, 2.0), "hand")
    corners = np.array([_v(30, -4, 45), _v(52, -4, 45), _v(52, 4, 45), _v(30, 4, 45)])
    ops = compose([Frame((seat, hand), shadows=(Shadow("left hand", corners, "chair seat"),))], Camera(150, 30), 400, 300).ops
    fills = [op.fill for op in ops if isinstance(op, ShapeOp) and op.fill is not None]
    assert fills == ["prop", "shadow", "hand"]


@pytest.mark.parametrize("palette", sorted(PALETTES))
def test_a_contact_shadow_is_darker_than_the_floor_it_lies_on(palette):
    # A second cue, not the only one (the caption and alt text say what rests on the floor), so it
    # needs to show, not to reach 3:1.
    colours = PALETTES[palette]
    for under in ("mat", "prop"):  # the floor, and a chair seat or step
        assert _luminance(colours["shadow"]) < _luminance(colours[under])
        assert contrast(colours["shadow"], colours[under]) >= 1.4


@pytest.mark.parametrize("palette", sorted(PALETTES))
def test_a_roller_has_a_tone_of_its_own_that_stands_out_on_the_mat(palette):
    parts = person() + PROPS
    ops = compose([Frame(parts)], Camera(0.0, 60.0), 400, 300).ops
    fills = {o.ref: o.fill for o in ops if isinstance(o, ShapeOp) and o.fill and o.ref}
    by_part = {parts[int(ref.rsplit("p", 1)[1])].name: fill for ref, fill in fills.items()}
    assert by_part["roller"] == "roller" and by_part["step"] == "prop" and by_part["mat"] == "mat"
    colours = PALETTES[palette]
    assert contrast(colours["roller"], colours["mat"]) >= 1.4 and contrast(colours["roller"], colours["prop"]) >= 1.4


def test_floor_line_only_for_low_cameras():
    def floor_lines(ops) -> int:
        return sum(isinstance(op, LineOp) and op.stroke == "floor" for op in ops)

    assert floor_lines(drawing_of("side-left").ops) == 3
    assert floor_lines(compose(sample_frames()[:1], Camera(30, 10), 300, 300).ops) == 1
    assert floor_lines(drawing_of("top").ops) == 0


def test_floor_line_meets_the_feet():
    drawing = compose([Frame(person())], SIDE, 400, 400, PAGE)
    line = next(op for op in drawing.ops if isinstance(op, LineOp) and op.stroke == "floor")
    lowest = max(bounds(op.shape)[3] for op in drawing.ops if isinstance(op, ShapeOp) and op.fill == "body")
    assert line.points[0][1] == pytest.approx(lowest, abs=0.2)  # the toes touch z = 0


def test_one_floor_line_for_every_panel_under_the_nearest_foot():
    # Seen a little from above, a foot stepped towards the viewer in panel 2 stands lower on the
    # page. The line runs under it in both panels: each panel's own line jumped between panels while
    # the rest of the scene stood still, and ran along the footprint's near edge, under every foot.
    camera = Camera(30, 12)
    ahead = np.array([*camera.toward[:2], 0.0]) * 60 / np.linalg.norm(camera.toward[:2])
    stepped = tuple(_shifted(p, ahead) if p.name == "left foot" else p for p in person())
    drawing = compose([Frame(person(), label="1"), Frame(stepped, label="2")], camera, 600, 300, PAGE)
    lines = [op for op in drawing.ops if isinstance(op, LineOp) and op.stroke == "floor"]
    assert len(lines) == 2 and lines[0].points[0][1] == lines[1].points[0][1]
    feet = [bounds(op.shape)[3] for op in drawing.ops if isinstance(op, ShapeOp) and op.fill == "body"]
    assert lines[0].points[0][1] == pytest.approx(max(feet), abs=0.2)  # the nearest foot stands on it


def test_arrows_have_halo_and_heads():
    ops = drawing_of("side-left").ops
    halos = [op for op in ops if isinstance(op, LineOp) and op.stroke == "arrow_halo"]
    shafts = [op for op in ops if isinstance(op, LineOp) and op.stroke == "arrow"]
    heads = [op for op in ops if isinstance(op, ShapeOp) and op.fill == "arrow"]
    assert len(halos) == len(shafts) == 3
    assert len(heads) == 4  # curved: 1, both: 2, straight: 1
    assert sum(op.arc is not None for op in shafts) == 1
    assert all(h.width > s.width for h, s in zip(halos, shafts, strict=True))


def test_a_turn_about_the_vertical_is_drawn_along_its_projected_ring():
    # A quarter ring round a standing body at chest height, seen level from the side: flat; from
    # above: a quarter circle. Drawn along the path, its head on the path's end.
    ring = tuple(_v(20 * math.cos(t), 20 * math.sin(t), 130) for t in np.linspace(0, math.pi / 2, 24))
    arrow = Arrow3D("curved", ring[0], ring[-1], centre=_v(0, 0, 130), path=ring)
    frame = [Frame(person(), (arrow,))]
    for view, flat in (("side-left", True), ("top", False)):
        ops = compose(frame, Camera.named(view), 400, 400).ops
        [shaft] = [op for op in ops if isinstance(op, LineOp) and op.stroke == "arrow"]
        [head] = [op for op in ops if isinstance(op, ShapeOp) and op.fill == "arrow"]
        pts = np.asarray(shaft.points)
        assert shaft.arc is None and len(pts) > 10
        spread = np.ptp(pts[:, 1]) / max(np.ptp(pts[:, 0]), 1e-9)
        assert (spread < 0.05) if flat else (0.5 < spread < 2.0), view
        tip = np.asarray(head.shape.points)[0]
        assert np.linalg.norm(tip - pts[-1]) < 4.5 * PAGE.arrow_width  # the head continues the shaft


def test_an_angle_is_a_thin_arc_with_no_head_and_its_size_just_outside_its_middle():
    # A 30° angle on the floor round a standing body, seen from above: a circular arc.
    ring = tuple(_v(50 * math.cos(t), 50 * math.sin(t), 0) for t in np.linspace(0, math.radians(30), 9))
    arrow = Arrow3D("angle", ring[0], ring[-1], centre=_v(0, 0, 0), path=ring, text="30°")
    ops = compose([Frame(person(), (arrow,))], Camera.named("top"), 400, 400).ops
    assert not [op for op in ops if isinstance(op, ShapeOp) and op.fill == "arrow"]  # a measure, not a move: no head
    [arc] = [op for op in ops if isinstance(op, LineOp) and op.stroke == "arrow"]
    [text] = [op for op in ops if isinstance(op, TextOp) and op.fill == "arrow"]
    assert arc.width < PAGE.arrow_width
    assert text.text == "30°" and text.halo == "arrow_halo"  # legible over the mat's edge or a roller
    pts = np.asarray(arc.points)
    mid = pts[len(pts) // 2]
    outward = mid - (pts[0] + pts[-1]) / 2
    outward /= np.linalg.norm(outward)
    spot = np.array([text.x, text.y])
    assert text.size > PAGE.label_size  # bigger than the frame numbers: it is read, not glanced at
    assert float((spot - mid) @ outward) > 0.8 * text.size  # outside the arc
    assert np.linalg.norm(spot - mid) < 1.5 * text.size  # and beside its middle
    # A card prints the picture about 35 mm wide, where the size would be 5 pt: the arc only.
    card = compose([Frame(person(), (arrow,))], Camera.named("top"), 360, 200, CARD).ops
    assert [op.stroke for op in card if isinstance(op, LineOp)] == ["arrow_halo", "arrow"]
    assert not [op for op in card if isinstance(op, TextOp)]


def test_a_text_halo_clears_the_line_under_it_in_the_raster():
    line = LineOp(((0.0, 50.0), (100.0, 50.0)), "outline", 3.0)
    def dark_pixels(halo: str | None) -> int:
        image = to_image(Drawing(100, 100, [line, TextOp(50, 50, "30°", 14, "arrow", halo=halo)]), "light", 100, 100)
        near = np.asarray(image)[46:55, 42:58].astype(int)  # the line under the text
        return int((near.sum(axis=2) < 150).sum())  # the outline is near black; the text is blue
    assert dark_pixels("arrow_halo") < dark_pixels(None) / 2


def test_compose_is_deterministic():
    # Its speed is measured by scripts/bench_figures.py, not asserted here
    first = compose(sample_frames(), Camera.named("three-quarter"), 900, 420, PAGE)
    second = compose(sample_frames(), Camera.named("three-quarter"), 900, 420, PAGE)
    assert to_svg(first, "t", "d") == to_svg(second, "t", "d")
    assert [_numbers(op) for op in first.ops] == [_numbers(op) for op in second.ops]


def test_raster_is_deterministic_and_uses_the_palette():
    drawing = compose(sample_frames()[:1], SIDE, 200, 200, PAGE)
    a = to_image(drawing, "light", 200, 200)
    b = to_image(drawing, "light", 200, 200)
    assert a.size == (200, 200) and a.mode == "RGB"
    assert a.tobytes() == b.tobytes()
    pixels = np.asarray(a).reshape(-1, 3)
    accent = np.array([int(PALETTES["light"]["accent"][i : i + 2], 16) for i in (1, 3, 5)])
    assert (np.abs(pixels - accent).sum(axis=1) < 30).any()
    dark = np.asarray(to_image(drawing, "dark", 400, 400))
    assert dark.shape == (400, 400, 3)
    assert tuple(dark[0, -1]) == (0x1E, 0x21, 0x29)  # the dark background


def test_silhouette_mask_for_iou():
    standing = silhouette_mask(Frame(person() + PROPS), SIDE, 64)
    again = silhouette_mask(Frame(person()), SIDE, 64)
    bent = silhouette_mask(Frame(person(60, 90)), SIDE, (64, 64))
    assert standing.shape == (64, 64) and standing.dtype == bool

    def iou(a, b):
        return (a & b).sum() / (a | b).sum()

    assert 0.05 < standing.mean() < 0.6
    assert iou(standing, bent) < 0.6
    assert iou(again, silhouette_mask(Frame(person()), SIDE, 64)) == 1.0


# ---------------------------------------------------------------------------------------------
# Colour contrast (WCAG 2.x relative luminance)


def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


MEANINGFUL = [
    ("outline", "background"),  # the silhouette
    ("outline", "body"),  # lines between overlapping parts
    ("outline", "hand"),  # the lines on a hand, which sits in its own tone
    ("outline", "far"),  # the lines on the far arm and leg, a shade darker than the body
    ("arrow", "far"),
    ("hair", "body"),  # which way the head faces, from behind or above
    ("hatch", "body"),  # the stripes that mark the stretched part, against the unmarked body
    ("hatch", "accent"),  # the stripes against the stretched part's tint
    ("arrow", "background"),
    ("arrow", "body"),
    ("arrow", "arrow_halo"),
    ("prop_outline", "background"),
    ("prop_outline", "prop"),
    ("floor", "background"),
    ("label_text", "label_badge"),
    ("label_badge", "background"),
    ("ghost_outline", "background"),
]


@pytest.mark.parametrize("palette", sorted(PALETTES))
@pytest.mark.parametrize("pair", MEANINGFUL, ids=lambda p: f"{p[0]}-on-{p[1]}")
def test_contrast_of_meaningful_colours(palette, pair):
    colours = PALETTES[palette]
    assert contrast(colours[pair[0]], colours[pair[1]]) >= 3.0


def test_contrast_formula():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#777777") == pytest.approx(1.0)


def test_palettes_have_the_same_keys():
    assert PALETTES["light"].keys() == PALETTES["dark"].keys()
    assert PALETTES["light"]["outline"] == "#1d1d1f" and PALETTES["dark"]["background"] == "#1e2129"


def _close_up_frames() -> list[Frame]:
    """A whole frame that circles a 30 cm window round the left foot, and its close-up."""
    parts = person() + PROPS
    foot = (_v(8, 10, 4), 30.0)
    arrow = (Arrow3D("straight", _v(8, 30, 10), _v(8, 30, 40)),)
    return [Frame(parts, arrow, "1", marker=foot), Frame(parts, arrow, "", close_up=foot)]


def _points(op) -> np.ndarray:
    """Points that bound what an operation paints (a circle's: its bounding box's corners)."""
    if isinstance(op, LineOp):
        return np.asarray(op.points, dtype=float)
    if isinstance(op.shape, Polygon2D):
        return np.asarray(op.shape.points, dtype=float)
    x0, y0, x1, y1 = bounds(op.shape)
    if isinstance(op.shape, Ellipse2D) and op.shape.rx == op.shape.ry:  # a circle: its rim
        t = np.linspace(0, 2 * math.pi, 72)
        return np.stack([op.shape.centre[0] + op.shape.rx * np.cos(t), op.shape.centre[1] + op.shape.rx * np.sin(t)], 1)
    return np.array([[x0, y0], [x1, y1]])


def _rings(drawing: Drawing) -> list[ShapeOp]:
    return [op for op in drawing.ops if isinstance(op, ShapeOp) and op.fill is None and op.stroke == "outline"
            and isinstance(op.shape, Ellipse2D) and op.shape.rx == op.shape.ry]


def test_a_close_up_magnifies_its_window_inside_a_ring():
    camera = Camera.named("front")
    whole, close = _close_up_frames()
    [ring] = _rings(compose([close], camera, 400, 250))
    panel = compose([close], camera, 400, 250).ops
    assert panel[-1] == ring and ring.width == PAGE.contour
    # Every part, line and the floor is cut at the ring; the frame's arrow is left to the frame.
    (cx, cy), r = ring.shape.centre, ring.shape.rx
    for op in panel[:-1]:
        assert np.linalg.norm(_points(op) - (cx, cy), axis=1).max() <= r + 0.15, op
    assert any(isinstance(op, ShapeOp) and op.fill == "body" for op in panel)
    assert not any(isinstance(op, LineOp) and op.stroke == "arrow" for op in panel)
    # Magnified: the window's 30 cm fill the ring's width.
    assert 2 * r / 30.0 > 3 * frame_scale([whole], camera, 400, 250)


def test_the_frame_circles_what_its_close_up_shows():
    camera = Camera.named("front")
    frames = _close_up_frames()
    drawing = compose(frames, camera, 800, 400)
    scale = frame_scale(frames, camera, 800, 400)
    marker, ring = sorted(_rings(drawing), key=lambda op: op.shape.rx)
    assert marker.width == PAGE.stroke and marker.shape.rx == pytest.approx(15.0 * scale, abs=0.1)
    assert marker.shape.centre[0] < 400 < ring.shape.centre[0]  # in the frame's cell, then the close-up's
    # No chevron from a frame to its own close-up: it is the same moment, not the next step.
    assert not any(isinstance(op, LineOp) and op.stroke == "separator" for op in drawing.ops)


def test_a_close_up_takes_a_cell_but_not_a_say_in_the_scale():
    camera = Camera.named("front")
    [_, close] = _close_up_frames()
    # A wide window far off to the side: were it part of the shared extent, the frames would shrink.
    wide = Frame(close.parts, close.arrows, "", close_up=(_v(0, 300, 0), 80.0))
    three = frame_scale(sample_frames(), camera, 900, 420)
    assert frame_scale(sample_frames()[:2] + [close], camera, 900, 420) == pytest.approx(three)
    assert frame_scale(sample_frames()[:2] + [wide], camera, 900, 420) == pytest.approx(three)
