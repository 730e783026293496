"""A pose drawing turned into 3D frames: the solved body, its props, highlights and arrows."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from generator.figures import body
from generator.figures import kinematics as kin
from generator.figures.camera import VIEWS, Camera
from generator.figures.primitives import PERSON, Arrow3D, Box, Cylinder, Frame, Part, Patch, Role, Volume, extent
from generator.figures.props import MAT_THICKNESS, scene_pieces
from generator.figures.shadow import shadows
from generator.figures.solve import Solved, solve_drawings
from generator.model.pose import HIGHLIGHT_WORDS, SIDE_HIGHLIGHTS, Arrow, Pose, PoseDrawing, View, parse_site

RING_AXES = {"vertical": (0.0, 0.0, 1.0), "forward": (1.0, 0.0, 0.0)}
DIRECTIONS = {
    "forward": (1.0, 0.0, 0.0), "back": (-1.0, 0.0, 0.0), "left": (0.0, 1.0, 0.0),
    "right": (0.0, -1.0, 0.0), "up": (0.0, 0.0, 1.0), "down": (0.0, 0.0, -1.0),
}


def camera_for(drawing: PoseDrawing) -> Camera:
    """The drawing's camera: a named view or an explicit azimuth and elevation."""
    if isinstance(drawing.view, View):
        return Camera(drawing.view.azimuth, drawing.view.elevation)
    azimuth, elevation = VIEWS[drawing.view]
    return Camera(float(azimuth), float(elevation))


def highlighted(pose: Pose) -> set[str]:
    """Part names drawn in the accent colour."""
    names: set[str] = set()
    for word in pose.highlight:
        if word not in SIDE_HIGHLIGHTS:
            names.update(HIGHLIGHT_WORDS.get(word, (word,)))
    return names


MAT_MARGIN = 5.0  # cm of mat round the body
ABOVE = 45.0  # degrees of elevation from which a picture reads as seen from above, on the floor
SIDE_LEVEL = 0.25  # a marked side covers the part's surface whose outward direction leans this far to that side


def marked_sides(pose: Pose) -> tuple[Patch, ...]:
    """The one-sided marks (``left pelvis``), painted in the accent colour on their part's surface."""
    out = []
    for word in pose.highlight:
        if word in SIDE_HIGHLIGHTS:
            part, side = SIDE_HIGHLIGHTS[word]
            out.append(Patch(part, (0.0, 1.0 if side == "left" else -1.0, 0.0), SIDE_LEVEL, "accent"))
    return tuple(out)


def site_centre(frames: dict[str, kin.Segment], text: str) -> np.ndarray:
    """The middle of a body place (both sides for a plural)."""
    site, sides = parse_site(text)
    points = [p for side in sides for p in kin.site_points(frames, site, side)]
    return np.mean(points, axis=0)


def _arrow(arrow: Arrow, frames: dict[str, kin.Segment], camera: Camera) -> Arrow3D:
    start = site_centre(frames, arrow.at) + np.asarray(arrow.offset, dtype=float)
    direction = np.asarray(DIRECTIONS[arrow.toward])
    if arrow.kind in ("straight", "both"):
        return Arrow3D(arrow.kind, start, start + arrow.length * direction)
    turn = math.radians(arrow.turn)
    if arrow.about != "picture":
        # A ring about a line through the body place (up-down, or forward-back for a body rocking
        # along a roller), starting toward `toward`.
        axis = np.array(RING_AXES[arrow.about])
        flat = direction - axis * float(direction @ axis)
        radial = flat / np.linalg.norm(flat) if np.linalg.norm(flat) > 1e-6 else np.roll(axis, 1)
        side = np.cross(axis, radial)
        angles = np.linspace(0.0, turn, max(2, int(math.ceil(abs(arrow.turn) / 4.0)) + 1))
        path = tuple(start + arrow.length * (radial * math.cos(t) + side * math.sin(t)) for t in angles)
        text = f"{abs(arrow.turn):g}°" if arrow.kind == "angle" else ""
        return Arrow3D(arrow.kind, path[0], path[-1], centre=start, long=abs(arrow.turn) > 180, path=path, text=text)
    # A turn drawn in the picture plane, about the body place, starting toward `toward`.
    axis = camera.toward
    radial = direction - axis * float(direction @ axis)
    if np.linalg.norm(radial) < 1e-6:
        radial = camera.up
    radial = radial / np.linalg.norm(radial)
    other = np.cross(axis, radial)
    end = radial * math.cos(turn) + other * math.sin(turn)
    return Arrow3D("curved", start + arrow.length * radial, start + arrow.length * end, centre=start, long=abs(arrow.turn) > 180)


# A limb is drawn as the far one when the line between the hips (for the legs) or the shoulders
# (for the arms) turns this far out of the picture plane, on average over the drawing's frames:
# seen from straight in front, behind or above, neither side is. One decision per drawing, so a leg
# keeps its tone from frame to frame (a leg shaded in frame 1 and plain in frame 2 read as another leg).
FAR_TURN = 15.0  # degrees
_LIMBS = {"thigh": ("thigh", "shin", "foot"), "upper arm": ("upper arm", "forearm")}  # root: its parts (hands keep their tone)


def far_limbs(bodies: Sequence[dict[str, kin.Segment]], camera: Camera) -> frozenset[str]:
    """The parts of the leg, and of the arm, on the side turned away from the viewer, over all the
    frames of one drawing."""
    far: set[str] = set()
    for root, parts in _LIMBS.items():
        turns = []
        for segs in bodies:
            left, right = segs[f"left {root}"].origin, segs[f"right {root}"].origin
            turns.append(float(camera.depth((left - right)[None])[0]) / float(np.linalg.norm(left - right)))
        turn = float(np.mean(turns))  # the sine of the angle out of the picture plane; > 0: the left side is nearer
        if abs(turn) > math.sin(math.radians(FAR_TURN)):
            side = "right" if turn > 0 else "left"
            far.update(f"{side} {part}" for part in parts)
    return frozenset(far)


def body_parts(segs: dict[str, kin.Segment], accent: set[str], far: frozenset[str] = frozenset()) -> tuple[Part, ...]:
    """The 18 parts of a posed body, with roles and neighbours: the stretched parts in the accent,
    the hands in their tone, the far arm and leg a shade darker, the rest plain."""

    def role(name: str) -> Role:
        return "accent" if name in accent else "hand" if name.endswith(" hand") else "far" if name in far else "body"

    return tuple(Part(name, volume, role(name), body.NEIGHBOURS[name]) for name, volume in kin.volumes(segs).items())


def _floor_mat(volumes: Sequence[Volume], camera: Camera) -> Part:
    """A mat under the body in every frame, so a view from above reads as lying on the floor, not
    standing. One mat for all frames: a reader compares the frames against it. It covers every
    part whole, and every roller, which lies on it: a mat that stopped at the head's middle read as
    the head hanging off its end, and a roller poking past its edge as a drawing mistake. Seen from
    above, "covers" is as seen: a head raised on a roller shows over the floor beyond it, so each
    part's box is also carried down the line of sight to the floor. From lower down a raised part
    reads as in the air, and carrying it would only stretch the mat."""
    boxes = [extent(volume) for volume in volumes]
    corners = np.array([(x, y, z) for lo, hi in boxes for x in (lo[0], hi[0]) for y in (lo[1], hi[1]) for z in (lo[2], hi[2])])
    points = corners[:, :2]
    if camera.elevation >= ABOVE:
        toward = camera.toward
        seen = corners - np.outer(np.maximum(corners[:, 2], 0.0) / toward[2], toward)  # where each corner shows on z = 0
        points = np.vstack([corners, seen])[:, :2]
    low, high = points.min(axis=0) - MAT_MARGIN, points.max(axis=0) + MAT_MARGIN
    centre = np.array([(low[0] + high[0]) / 2, (low[1] + high[1]) / 2, -MAT_THICKNESS / 2])
    half = np.diag([(high[0] - low[0]) / 2, (high[1] - low[1]) / 2, MAT_THICKNESS / 2])
    return Part("floor mat", Box(centre, half), "floor")


def frames(drawing: PoseDrawing, solved: list[Solved] | None = None, far: frozenset[str] | None = None) -> list[Frame]:
    """The drawing's frames in 3D, ready for ``compose``, each followed by its close-up panel if it
    has one. Solves each pose unless given. ``far``: the limbs drawn as the far ones (by default
    decided from the drawing's own frames)."""
    camera = camera_for(drawing)
    solved = solved or solve_drawings([drawing])[0]
    out = []
    numbered = len(drawing.frames) > 1 and not drawing.ghost
    bodies = [kin.segments(np.array(result.q)) for result in solved]
    far = far_limbs(bodies, camera) if far is None else far
    people_of = [body_parts(segs, highlighted(pose), far) for pose, segs in zip(drawing.frames, bodies, strict=True)]
    rollers: list[Volume] = [piece.volume for pose in drawing.frames for ghosts in (False, True)
                             for piece in scene_pieces(drawing.props_of(pose), ghosts) if isinstance(piece.volume, Cylinder)]
    mat = _floor_mat([part.volume for people in people_of for part in people] + rollers, camera)
    for i, (pose, segs) in enumerate(zip(drawing.frames, bodies, strict=True)):
        here = drawing.props_of(pose)
        props = tuple(Part(p.name, p.volume, "floor" if not p.solid else "prop") for p in scene_pieces(here))
        was = tuple(Part(p.name, p.volume, "prop") for p in scene_pieces(here, ghosts=True))  # drawn dashed
        people = people_of[i]
        # A low view gets the floor line, not a mat: a mat under the feet split blind readers, and
        # under a chair taking a foot's weight it read as a slip risk (ab95)
        floor = (mat,) if camera.elevation > 15 and not any(p.role == "floor" for p in props) else ()
        arrows = tuple(_arrow(a, segs, camera) for a in pose.arrows)
        label = pose.label or (str(i + 1) if numbered else "")
        window = (site_centre(segs, pose.close_up.at), pose.close_up.width) if pose.close_up else None
        patches = (body.HAIR, *body.EYES, *marked_sides(pose))
        frame = Frame(floor + props + people, arrows, label, ghost=was, patches=patches, marker=window, shadows=shadows(props + people))
        out.append(frame)
        if window is not None:
            out.append(replace(frame, label="", marker=None, close_up=window))
    if drawing.ghost:
        return [replace(out[1], ghost=tuple(p for p in out[0].parts if p.role in PERSON) + out[1].ghost)]
    return out


def card_frame(drawing: PoseDrawing, solved: list[Solved] | None = None) -> list[Frame]:
    """The one frame printed on cards: the characteristic position, unnumbered, its limbs shaded
    as on the page. ``solved``: every frame's solution, when known."""
    pose = drawing.frames[drawing.card_pose()]
    single = drawing.model_copy(update={"frames": [pose.model_copy(update={"label": None, "close_up": None})], "ghost": False, "card_frame": None})
    solved = solved or solve_drawings([drawing])[0]
    far = far_limbs([kin.segments(np.array(s.q)) for s in solved], camera_for(drawing))
    return frames(single, [solved[drawing.card_pose()]], far)
