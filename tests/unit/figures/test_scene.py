"""From a pose drawing to frames: numbering, the ghost, the card's frame, highlights, mats, arrows."""

from __future__ import annotations

import itertools
import math
from types import SimpleNamespace

import numpy as np
import pytest

from generator.figures import kinematics as kin
from generator.figures.camera import Camera
from generator.figures.compose import PAGE, LineOp, ShapeOp, compose, frame_scale
from generator.figures.outline import Ellipse2D, _signed_area
from generator.figures.picture import draw_outputs, page_size
from generator.figures.primitives import PERSON, extent
from generator.figures.scene import camera_for, card_frame, far_limbs, frames
from generator.figures.solve import solve, solve_drawings
from generator.figures.store import FigureSize, figure_size
from generator.model import Figure
from generator.model.pose import Pose, PoseDrawing

KNEEL = {"base": "kneel-sit"}
FOLD = {"base": "kneel-sit", "joints": {"trunk flexion": 55, "both hips flexion": 125, "both shoulders flexion": 170},
        "replace_contacts": True, "contacts": ["shins on floor", "tops of feet on floor", "palms on floor"],
        "highlight": ["low back"], "arrows": [{"at": "buttocks", "toward": "back"}]}


def drawing(**fields) -> PoseDrawing:
    return PoseDrawing.model_validate({"view": "side-left", "frames": [KNEEL, FOLD]} | fields)


def test_a_close_up_follows_its_frame_which_circles_the_same_window():
    close = FOLD | {"close_up": {"at": "left palm", "width": 25}}
    one, two, panel = frames(drawing(frames=[KNEEL, close]))
    assert (one.label, two.label, panel.label) == ("1", "2", "")  # the close-up is not a step
    assert one.marker is None and one.close_up is None
    centre, width = two.marker
    assert panel.close_up[1] == width == 25 and np.array_equal(panel.close_up[0], centre)
    palm = next(p for p in two.parts if p.name == "left hand").volume
    assert np.linalg.norm(centre - (np.asarray(palm.a) + palm.b) / 2) < 6  # on the hand
    assert panel.parts == two.parts
    # The card shows the hold whole, with no circle and no close-up.
    [card] = card_frame(drawing(frames=[KNEEL, close]))
    assert card.marker is None and card.close_up is None


def test_a_turn_about_the_vertical_is_a_flat_ring_round_the_body_place():
    turning = FOLD | {"arrows": [{"kind": "curved", "about": "vertical", "at": "chest", "toward": "forward", "length": 20, "turn": 120}]}
    d = drawing(frames=[KNEEL, turning], view={"azimuth": 120, "elevation": 30})
    [arrow] = frames(d)[1].arrows
    path = np.array(arrow.path)
    assert np.allclose(path[:, 2], arrow.centre[2])  # level: a turn about an up-down line
    assert np.allclose(np.linalg.norm(path[:, :2] - arrow.centre[:2], axis=1), 20.0)
    start, end = path[0, :2] - arrow.centre[:2], path[-1, :2] - arrow.centre[:2]
    assert start[0] > 0 and abs(start[1]) < 1e-9  # it starts in front of the body place
    # 120° counterclockwise seen from above: toward the person's left (+y), then behind.
    assert math.degrees(math.atan2(end[1], end[0])) == pytest.approx(120.0)
    assert np.array_equal(arrow.a, path[0]) and np.array_equal(arrow.b, path[-1])


def test_a_turn_about_the_forward_line_is_a_ring_across_the_body():
    # A rib cage rocking from side to side along a roller: the ring crosses over the body.
    rocking = FOLD | {"arrows": [{"kind": "curved", "about": "forward", "at": "chest", "toward": "up", "length": 20, "turn": -75}]}
    [arrow] = frames(drawing(frames=[KNEEL, rocking], view={"azimuth": 145, "elevation": 30}))[1].arrows
    path = np.array(arrow.path)
    assert np.allclose(path[:, 0], arrow.centre[0])  # across the forward-back line, at the body place
    assert np.allclose(np.linalg.norm(path[:, 1:] - arrow.centre[1:], axis=1), 20.0)
    start, end = path[0] - arrow.centre, path[-1] - arrow.centre
    assert start[2] == pytest.approx(20.0) and abs(start[1]) < 1e-9  # it starts straight above
    # Negative turns from the top down toward the person's left (+y).
    assert math.degrees(math.atan2(end[2], end[1])) == pytest.approx(90.0 - 75.0)


def test_an_angle_is_a_ring_from_its_start_line_with_its_size_in_degrees():
    # A roller set on a slant: the arc runs from straight across (the person's left) by the slant.
    slant = FOLD | {"arrows": [{"kind": "angle", "about": "vertical", "at": "mid back", "toward": "left", "length": 46, "turn": -30}]}
    [arrow] = frames(drawing(frames=[KNEEL, slant], view="top"))[1].arrows
    path = np.array(arrow.path)
    assert arrow.kind == "angle" and arrow.text == "30°"
    assert np.allclose(path[:, 2], arrow.centre[2]) and np.allclose(np.linalg.norm(path[:, :2] - arrow.centre[:2], axis=1), 46.0)
    start, end = path[0] - arrow.centre, path[-1] - arrow.centre
    assert start[1] == pytest.approx(46.0) and abs(start[0]) < 1e-9
    assert math.degrees(math.atan2(end[1], end[0])) == pytest.approx(90.0 - 30.0)  # clockwise from above, toward the front


def test_an_angle_is_measured_in_the_scene():
    with pytest.raises(ValueError, match="about: vertical or about: forward"):
        drawing(frames=[KNEEL, FOLD | {"arrows": [{"kind": "angle", "at": "chest", "toward": "left", "turn": 30}]}])


def test_frames_are_numbered_and_the_stretched_part_is_marked():
    one, two = frames(drawing())
    assert (one.label, two.label) == ("1", "2")
    assert {p.name for p in two.parts if p.role == "accent"} == {"abdomen", "pelvis"}
    assert not any(p.role == "accent" for p in one.parts)
    [arrow] = two.arrows
    assert arrow.kind == "straight" and arrow.b[0] < arrow.a[0]  # "back" points to -x


def test_a_ghost_draws_the_start_faintly_under_the_end():
    [frame] = frames(drawing(ghost=True))
    assert frame.label == "" and len(frame.ghost) == 18
    ops = compose([frame], camera_for(drawing(ghost=True)), 400, 250).ops
    assert any(getattr(op, "fill", None) == "ghost_fill" for op in ops)


def test_a_ghost_prop_is_drawn_faintly_and_nothing_rests_on_it():
    lying = {"base": "lying on back knees bent", "replace_contacts": True, "contacts": ["soles on floor", "mid back on roller"]}
    slant = {"kind": "roller", "lies": "across", "yaw": 30, "at": [-24, 0]}
    was = {"kind": "roller", "lies": "across", "at": [-24, 0], "ghost": True}
    d = PoseDrawing.model_validate({"view": "top", "props": [slant, was], "frames": [lying]})
    [frame] = frames(d)
    [roller] = [p for p in frame.parts if p.role == "prop"]
    [ghost] = frame.ghost
    assert roller.name == ghost.name == "roller"
    assert ghost.volume.a[1] == pytest.approx(-ghost.volume.b[1]) and ghost.volume.a[0] == pytest.approx(ghost.volume.b[0])  # straight across
    assert roller.volume.a[0] != pytest.approx(roller.volume.b[0])  # on its slant
    ops = compose([frame], camera_for(d), 400, 400).ops
    # Dashed and unfilled: drawn like a solid, readers took it for a second thing under the roller.
    dashes = [op for op in ops if isinstance(op, LineOp) and op.stroke == "ghost_outline"]
    assert len(dashes) >= 10 and not any(getattr(op, "fill", None) == "ghost_fill" for op in ops)
    gaps = [np.hypot(*np.subtract(b.points[0], a.points[-1])) for a, b in itertools.pairwise(dashes)]
    assert min(gaps) > 1  # dashes, not one line cut into pieces
    # The body rests on the real roller, as it does with no ghost at all.
    alone = PoseDrawing.model_validate({"view": "top", "props": [slant], "frames": [lying]})
    assert solve_drawings([alone]) == solve_drawings([d])


def _centre_x(shape) -> float:
    return float(shape.centre[0]) if isinstance(shape, Ellipse2D) else float(np.mean(np.asarray(shape.points)[:, 0]))


@pytest.mark.parametrize(("word", "image_side"), [("left pelvis", -1), ("right pelvis", 1)])
def test_a_side_of_the_pelvis_is_marked_on_that_side_only(word, image_side):
    # Seen from behind, the person's left is on the picture's left.
    d = PoseDrawing.model_validate({"view": "back", "frames": [{"base": "standing", "highlight": [word]}]})
    [frame] = frames(d)
    assert not any(p.role == "accent" for p in frame.parts)  # not the whole pelvis
    ops = compose([frame], camera_for(d), 400, 400).ops
    [pelvis] = [op for op in ops if isinstance(op, ShapeOp) and op.fill == "body" and op.ref == f"f0p{_index(frame, 'pelvis')}"]
    [mark] = [op for op in ops if isinstance(op, ShapeOp) and op.fill == "accent"]
    assert mark.hatch
    assert image_side * (_centre_x(mark.shape) - _centre_x(pelvis.shape)) > 3  # on that side of the pelvis's middle


def _index(frame, name: str) -> int:
    return next(i for i, p in enumerate(frame.parts) if p.name == name)


def _hair_share(view: str) -> float:
    """How much of the drawn head the hair covers, seen from a named view (standing upright)."""
    d = PoseDrawing.model_validate({"view": view, "frames": [{"base": "standing"}]})
    ops = compose(frames(d), camera_for(d), 600, 600).ops
    [k] = [i for i, op in enumerate(ops) if getattr(op, "fill", None) == "hair"]
    # Painted right after the head's fill, so parts nearer the viewer still cover it.
    head = ops[k - 1]
    assert head.fill == "body" and isinstance(head.shape, Ellipse2D)
    return abs(_signed_area(np.asarray(ops[k].shape.points))) / (math.pi * head.shape.rx * head.shape.ry)


def test_hands_are_painted_in_their_own_tone():
    # A white hand under a white foot read as one shape ("the hands and feet blend into one white
    # shape"): the hands get a tone of their own, on every body and in both palettes.
    d = PoseDrawing.model_validate({"view": "front", "frames": [{"base": "standing"}]})
    [frame] = frames(d)
    assert {p.name for p in frame.parts if p.role == "hand"} == {"left hand", "right hand"}
    fills = [op.fill for op in compose([frame], camera_for(d), 400, 250).ops if getattr(op, "fill", None) in ("body", "hand")]
    assert fills.count("hand") == 2 and fills.count("body") == 16
    marked = PoseDrawing.model_validate({"view": "front", "frames": [{"base": "standing", "highlight": ["left hand"]}]})
    assert {p.name for p in frames(marked)[0].parts if p.role == "hand"} == {"right hand"}  # a stretched hand is marked


FAR_LEG = {"left thigh", "left shin", "left foot"}
FAR_ARM = {"left upper arm", "left forearm"}


@pytest.mark.parametrize(("view", "far"), [
    ("side-right", FAR_LEG | FAR_ARM),  # the left side is turned away
    ("side-left", {name.replace("left", "right") for name in FAR_LEG | FAR_ARM}),
    ({"azimuth": 150, "elevation": 30}, {name.replace("left", "right") for name in FAR_LEG | FAR_ARM}),
    ("front", set()),  # both hips as near: neither side is the far one
    ("back", set()),
    ("top", set()),
])
def test_the_arm_and_leg_turned_away_are_a_shade_darker(view, far):
    # Two folded legs in one tone read as "a tangle" to blind readers: the far arm and leg get a
    # darker tone, as illustrators draw them; the hands keep theirs.
    d = PoseDrawing.model_validate({"view": view, "frames": [{"base": "standing"}]})
    [frame] = frames(d)
    assert {p.name for p in frame.parts if p.role == "far"} == far
    assert {p.name for p in frame.parts if p.role == "hand"} == {"left hand", "right hand"}
    fills = [op.fill for op in compose([frame], camera_for(d), 400, 250).ops if isinstance(op, ShapeOp)]
    assert fills.count("far") == len(far)


def test_a_limb_keeps_its_tone_in_every_frame_and_on_the_card():
    # One decision per drawing: a leg shaded in frame 1 and plain in frame 2 read as another leg.
    camera = Camera.named("side-right")
    q = np.array(solve(Pose.model_validate({"base": "standing"}), []).q)
    facing, turned = kin.segments(q), kin.segments(q + 80 * (np.arange(len(q)) == kin.INDEX["yaw"]))
    assert far_limbs([turned], camera) == frozenset()  # turned nearly face-on on its own
    assert far_limbs([facing, turned], camera) == far_limbs([facing], camera) == FAR_LEG | FAR_ARM
    d = drawing(frames=[KNEEL, FOLD])
    page = [{p.name for p in frame.parts if p.role == "far"} for frame in frames(d)]
    [card] = card_frame(d)
    assert page[0] == page[1] == {p.name for p in card.parts if p.role == "far"} != set()


def test_a_stretched_part_on_the_far_side_is_marked_not_shaded():
    d = PoseDrawing.model_validate({"view": "side-right", "frames": [{"base": "standing", "highlight": ["left thigh"]}]})
    roles = {p.name: p.role for p in frames(d)[0].parts}
    assert roles["left thigh"] == "accent" and roles["left shin"] == "far"


def test_hair_shows_which_way_the_head_faces():
    # From behind the head is mostly hair; from the front, a band over the forehead; from the side,
    # the back half: a reader can tell a head's back from its front in every view.
    back, front, side = (_hair_share(v) for v in ("back", "front", "side-left"))
    assert back > 0.7 and front < 0.35 and 0.35 < side < 0.65


def _eyes(view: str) -> list:
    d = PoseDrawing.model_validate({"view": view, "frames": [{"base": "standing"}]})
    return [op for op in compose(frames(d), camera_for(d), 600, 600).ops if getattr(op, "fill", None) == "outline"]


def test_eyes_show_where_the_face_looks():
    # Two eyes from the front, the near one from the side, none from behind: with the nose alone,
    # readers took the face's one mark for an ear. Filled, with no edge line of their own.
    front, side, back = (_eyes(v) for v in ("front", "side-left", "back"))
    assert (len(front), len(side), len(back)) == (2, 1, 0)
    assert all(isinstance(op, ShapeOp) and op.stroke is None for op in front + side)
    left, right = sorted(front, key=lambda op: _centre_x(op.shape))
    assert _centre_x(right.shape) - _centre_x(left.shape) > 5  # apart, either side of the nose


def test_the_card_shows_the_hold():
    [frame] = card_frame(drawing())
    assert frame.label == "" and any(p.role == "accent" for p in frame.parts)  # the last frame by default
    [first] = card_frame(drawing(card_frame=1))
    assert not any(p.role == "accent" for p in first.parts)


def test_views_from_above_get_a_mat_and_side_views_a_floor_line():
    top = frames(drawing(view="top"))
    assert all(f.parts[0].role == "floor" for f in top)
    side = frames(drawing())
    assert not any(p.role == "floor" for f in side for p in f.parts)
    assert camera_for(drawing(view={"azimuth": 30, "elevation": 35})).elevation == 35


def test_every_frame_lies_on_the_same_mat():
    """A reader compares the frames against the mat, so it stays put while the body moves."""
    one, two = frames(drawing(view="top"))
    mat_one, mat_two = one.parts[0].volume, two.parts[0].volume
    assert np.array_equal(mat_one.centre, mat_two.centre) and np.array_equal(mat_one.axes, mat_two.axes)
    reach = max(float(np.max(p.volume.a[0])) for p in two.parts if p.name == "left hand")  # the fold reaches forward
    assert mat_one.centre[0] + mat_one.axes[0, 0] > reach


def test_the_mat_covers_every_part_whole():
    """The mat once ended at the head's middle, so the head read as hanging off the end."""
    for frame in frames(drawing(view="top")):
        mat = frame.parts[0].volume
        low, high = mat.centre - np.abs(mat.axes).sum(axis=0), mat.centre + np.abs(mat.axes).sum(axis=0)
        for part in frame.parts[1:]:
            lo, hi = extent(part.volume)
            assert np.all(lo[:2] >= low[:2] + 4) and np.all(hi[:2] <= high[:2] - 4), part.name


def test_what_rests_on_the_floor_casts_a_shadow_and_what_is_held_up_does_not():
    view = {"azimuth": 150, "elevation": 30}
    kneel, fold = frames(drawing(view=view))

    def under(frame) -> set[str]:
        return {s.host for s in frame.shadows}

    assert {"left shin", "right shin", "left foot"} <= under(kneel) & under(fold)
    assert {"left forearm", "right forearm"} <= under(fold) - under(kneel)  # the forearms are down only in the fold
    assert "head" not in under(fold) | under(kneel)
    for shadow in fold.shadows:
        assert np.all(shadow.corners[:, 2] == 0.0)
        part = next(p.volume for p in fold.parts if p.name == shadow.host)
        assert extent(part)[0][2] < 3.0  # only a part near the floor
    [ghosted] = frames(drawing(view=view, ghost=True))  # the end pose's shadows, none for the ghost
    assert [s.host for s in ghosted.shadows] == [s.host for s in fold.shadows]


def test_outputs_of_one_figure():
    figure = Figure.model_validate({
        "id": "fold", "kind": "pose", "alt": "A person kneels <and> folds forward.", "caption": "Fold.",
        "licence": "CC BY 4.0", "credit": "Test", "pose": {"view": "side-left", "frames": [KNEEL, FOLD]},
    })
    outputs = draw_outputs(figure)
    assert set(outputs) == {"svg", "card", "1x", "2x", "dark-1x", "dark-2x", "print"}
    assert "&lt;and&gt;" in outputs["svg"] and "prefers-color-scheme:dark" in outputs["svg"]
    assert "prefers-color-scheme" not in outputs["card"]  # cards print in the light palette only
    light, dark = np.asarray(outputs["1x"]), np.asarray(outputs["dark-1x"])
    assert light.shape == dark.shape == (250, 400, 3)
    assert light[0, 0].mean() > 200 > 60 > dark[0, 0].mean()  # each palette has its own background


def test_a_square_picture_stacks_frames_that_lie_long_and_shows_them_larger():
    lying = {"base": "lying on back"}
    raised = {"base": "lying on back", "joints": {"right hip flexion": 90, "right knee flexion": 90}}
    wide, square = (drawing(view={"azimuth": -70, "elevation": 35}, frames=[lying, raised], shape=shape) for shape in ("wide", "square"))
    assert page_size(wide) == (400, 250) and page_size(square) == (400, 400)
    scales = [frame_scale(frames(d), camera_for(d), *page_size(d), PAGE) for d in (wide, square)]
    assert scales[1] > 1.25 * scales[0]
    figure = Figure.model_validate({
        "id": "knee", "kind": "pose", "alt": "A person lies on their back.", "caption": "Lie down.",
        "licence": "CC BY 4.0", "credit": "Test", "pose": square.model_dump(exclude_unset=True),
    })
    outputs = draw_outputs(figure)
    assert outputs["1x"].size == (400, 400) and outputs["2x"].size == (800, 800) and outputs["print"].size == (1200, 1200)
    assert 'viewBox="0 0 400 400"' in outputs["svg"]
    assert figure_size(figure, SimpleNamespace(photos={})) == FigureSize(400, 400)


def test_the_mat_covers_the_body_and_every_roller_that_lies_on_it():
    lying = {"base": "lying on back knees bent", "contacts": ["mid back on roller"], "replace_contacts": True}
    d = drawing(view="top", frames=[lying], props=[{"kind": "roller", "lies": "across", "yaw": 30, "at": [-24, 0]},
                                                  {"kind": "roller", "lies": "across", "at": [-24, 0], "ghost": True}])
    [frame] = frames(d)
    [mat] = [p for p in frame.parts if p.role == "floor"]
    low, high = extent(mat.volume)
    for part in [p for p in frame.parts if p.role != "floor"] + list(frame.ghost):
        lo, hi = extent(part.volume)
        assert (low[:2] < lo[:2]).all() and (hi[:2] < high[:2]).all(), part.name
    roller = next(p for p in frame.parts if p.name == "roller")
    assert extent(roller.volume)[1][1] > max(extent(p.volume)[1][1] for p in frame.parts if p.role in PERSON) + 5, "the roller reaches past the body"


def test_seen_from_above_the_mat_shows_beyond_a_head_raised_on_a_roller():
    on_roller = {"base": "lying on back knees bent", "replace_contacts": True,
                 "contacts": ["mid back on roller", "back of head on roller", "soles on floor"]}
    props = [{"kind": "roller", "lies": "along", "at": [-38, 0]}]
    camera = Camera(0.0, 60.0)  # from the feet end, above: the head is the far end
    [frame] = frames(drawing(view={"azimuth": 0, "elevation": 60}, frames=[on_roller], props=props))
    [mat] = [p for p in frame.parts if p.role == "floor"]
    top_of = {p.name: camera.project(_corners(p.volume))[:, 1].max() for p in frame.parts}
    assert top_of["floor mat"] > max(top_of["head"], top_of["roller"])
    [low] = frames(drawing(view={"azimuth": 0, "elevation": 30}, frames=[on_roller], props=props))
    assert extent(next(p for p in low.parts if p.role == "floor").volume)[0][0] > extent(mat.volume)[0][0], "a lower view keeps the mat to the footprint"


def _corners(volume) -> np.ndarray:
    lo, hi = extent(volume)
    return np.array([[x, y, z] for x in (lo[0], hi[0]) for y in (lo[1], hi[1]) for z in (lo[2], hi[2])])
