"""Every picture of the real guide, checked on its 3D model and as drawn.

On the model: the contacts hold (the guide loads, so none missed by more than 1 cm), the joints are
within their hard limits, nothing sinks into the floor or a prop, and no two parts that are not
joined pass deeply through each other. As drawn: the painting order agrees with a z-buffer ray
cast of the same volumes, card pictures of different exercises do not look alike (silhouette IoU
at most 0.85), and at card size the thinnest limb and the outline stay legible.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from generator.cards.card import card_figure
from generator.figures import kinematics as kin
from generator.figures.body import NEIGHBOURS
from generator.figures.check import drawings
from generator.figures.compose import CARD, frame_scale, silhouette_mask
from generator.figures.order import zbuffer_agreement
from generator.figures.outline import bounds, outline
from generator.figures.picture import CARD_SIZE
from generator.figures.primitives import PERSON, RoundCone
from generator.figures.scene import camera_for, card_frame, frames
from generator.figures.solve import TOLERANCE, Problem, _limits, solve_drawings
from generator.load.content import load_content
from tests.conftest import REPO

CARD_MM = 30.0  # the narrowest a card prints its pictures (two-column cards; site_assets/css/traction.css)
DEEP = 4.0  # cm: parts that are not joined may press together (soft tissue gives), not pass this far in


@pytest.fixture(scope="module")
def guide():
    return load_content(REPO / "content", REPO / "site_assets")


def _all_drawings(guide):
    return [(f"{e.id}:{loc}", d) for e in guide.exercises.values() for loc, d in drawings(e)]


def _inside(volume, points: np.ndarray) -> np.ndarray:
    """Roughly how deep each point lies inside a part (cm, negative outside)."""
    if isinstance(volume, RoundCone):
        axis = volume.b - volume.a
        t = np.clip((points - volume.a) @ axis / (axis @ axis), 0.0, 1.0)
        closest = volume.a + t[:, None] * axis
        return volume.ra + t * (volume.rb - volume.ra) - np.linalg.norm(points - closest, axis=1)
    inverse = np.linalg.inv(volume.axes)
    scaled = np.linalg.norm((points - volume.centre) @ inverse, axis=1)
    return (1.0 - scaled) * np.min(np.linalg.norm(volume.axes, axis=1))


def _core(volume) -> np.ndarray:
    """Points well inside a part: its axis for a limb, its middle for an ellipsoid."""
    if isinstance(volume, RoundCone):
        return volume.a + np.linspace(0.15, 0.85, 6)[:, None] * (volume.b - volume.a)
    return volume.centre[None, :]


def test_the_guide_has_pictures_with_at_least_two_frames_per_exercise(guide):
    for exercise in guide.exercises.values():
        frame_count = sum(len(f.pose.frames) for f in exercise.all_figures() if f.pose is not None)
        assert frame_count >= 2, exercise.id
    assert sum(len(e.all_figures()) for e in guide.exercises.values()) >= 14


def test_every_frame_holds_on_the_3d_model(guide):
    for name, drawing in _all_drawings(guide):
        drawn = solve_drawings([drawing])[0]  # as drawn: a frame that stays starts where the one before left the pelvis
        for index, (pose, solved) in enumerate(zip(drawing.frames, drawn, strict=True)):
            assert solved.misses == (), (name, index, solved.misses)
            problem = Problem(pose, drawing.props_of(pose))
            q = np.array(solved.q)
            segments = kin.segments(q)
            for _, text, errors in problem.contact_errors(segments):
                assert np.max(np.abs(errors)) <= TOLERANCE, (name, index, text)
            parts = kin.volumes(segments)
            assert min(problem.penetration(parts)) >= -TOLERANCE, (name, index)
            for dof in problem.free:
                if dof not in ("x", "y", "z", "pitch", "roll"):
                    low, high = _limits(dof.removeprefix("left ").removeprefix("right "))
                    assert low - 1e-6 <= q[kin.INDEX[dof]] <= high + 1e-6, (name, index, dof)
            for (a, va), (b, vb) in itertools.combinations(parts.items(), 2):
                if b in NEIGHBOURS[a] or {a, b} & {"nose"}:
                    continue
                depth = max(_inside(vb, _core(va)).max(), _inside(va, _core(vb)).max())
                assert depth < DEEP, (name, index, a, b, round(float(depth), 1))


def test_a_body_rests_on_a_prop_where_their_surfaces_face(guide):
    # A back lying along a roller rests on its top. The solver once held "mid back on roller" 59°
    # round the roller's side, half off it, so that a hand could reach the floor. A site chosen on
    # a curved part (the buttock on the pelvis, a heel at a step's edge) may sit a little off.
    for name, drawing in _all_drawings(guide):
        for index, (pose, solved) in enumerate(zip(drawing.frames, solve_drawings([drawing])[0], strict=True)):
            problem = Problem(pose, drawing.props_of(pose))
            segments = kin.segments(np.array(solved.q))
            apart = np.linalg.norm(problem.resting_errors(segments, kin.volumes(segments)).reshape(-1, 3), axis=1)
            angles = np.degrees(2 * np.arcsin(np.clip(apart / 2, 0.0, 1.0)))  # |n + m| = 2 sin(θ/2)
            assert np.all(angles <= 40.0), (name, index, np.round(angles))


def test_a_rocking_arrow_turns_the_way_its_frame_tips(guide):
    # A ring round the forward-back line (a rib cage rocking on a roller) ends on the side the body
    # tips to, the side whose shoulder is lower. Side-to-side rolling's arrows once pointed against it.
    checked = 0
    for name, drawing in _all_drawings(guide):
        if drawing.ghost:
            continue  # one panel, whose arrows belong to its end frame
        solved_frames = solve_drawings([drawing])[0]
        panels = [f for f in frames(drawing, solved_frames) if f.close_up is None]  # one per frame
        for index, (pose, solved, frame) in enumerate(zip(drawing.frames, solved_frames, panels, strict=True)):
            segments = kin.segments(np.array(solved.q))
            lower_left = segments["left upper arm"].origin[2] < segments["right upper arm"].origin[2]
            rings = [a for a, spec in zip(frame.arrows, pose.arrows, strict=True) if spec.about == "forward"]
            if len(rings) != 1:
                continue  # two arcs from the top make a two-way arch: they point both ways
            [ring] = rings
            assert (ring.b[1] > ring.a[1]) == lower_left, (name, index)  # +y is the person's left
            checked += 1
    assert checked >= 2


def test_painting_order_matches_a_zbuffer_ray_cast(guide):
    for name, drawing in _all_drawings(guide):
        camera = camera_for(drawing)
        for index, frame in enumerate(frames(drawing)):
            # Parts pressed together (within 2 cm in depth) may be drawn either way round.
            agreement = zbuffer_agreement(frame.parts, camera, n=120, touching=2.0)
            assert agreement >= 0.98, (name, index, agreement)


def test_card_pictures_of_different_exercises_do_not_look_alike(guide):
    masks = {}
    for exercise in guide.exercises.values():
        figure = card_figure(exercise)
        if figure is not None and figure.pose is not None:
            [frame] = card_frame(figure.pose)
            masks[exercise.id] = silhouette_mask(frame, camera_for(figure.pose), (120, 80))
    assert len(masks) == len(guide.exercises)
    for (a, ma), (b, mb) in itertools.combinations(masks.items(), 2):
        iou = (ma & mb).sum() / max((ma | mb).sum(), 1)
        assert iou <= 0.85, (a, b, round(float(iou), 3))


def test_card_pictures_stay_legible_when_printed(guide):
    mm_per_px = CARD_MM / CARD_SIZE[0]
    for exercise in guide.exercises.values():
        figure = card_figure(exercise)
        assert figure is not None and figure.pose is not None, exercise.id
        [frame] = card_frame(figure.pose)
        camera = camera_for(figure.pose)
        scale = frame_scale([frame], camera, *CARD_SIZE, CARD)  # px per cm
        # The thinnest limb (a wrist, 2 × 2 cm across) and the outline, on paper.
        thinnest = min(2 * min(p.volume.ra, p.volume.rb) for p in frame.parts if isinstance(p.volume, RoundCone) and p.role != "prop")
        # The thinnest limb prints as its fill between two outline strokes: that band must stay at
        # 0.5 mm or more (a printer resolves 0.1 mm; a line under about 0.3 mm fades at arm's length).
        band = (thinnest * scale + 2 * CARD.stroke) * mm_per_px
        assert band >= 0.5, (exercise.id, f"the thinnest limb prints {band:.2f} mm wide")
        assert CARD.stroke * mm_per_px >= 0.2 and CARD.contour / 2 * mm_per_px >= 0.3
        # The person fills the picture (arrows and props take the rest): they span over half of
        # its width or height.
        box = np.array([bounds(outline(p.volume, camera)) for p in frame.parts if p.role in PERSON])
        width, height = (box[:, 2].max() - box[:, 0].min()) * scale, (box[:, 3].max() - box[:, 1].min()) * scale
        assert max(width / CARD_SIZE[0], height / CARD_SIZE[1]) >= 0.55, (exercise.id, round(width), round(height))
