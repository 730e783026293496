"""Solve a pose: joint angles as soft priors, contacts as heavy residuals, hard limits as bounds.

Authors state what touches what ("palms on floor"); the solver bends the joints the author left
open (and, a little, the ones they set) until every contact holds, a body place resting on a prop
meets it where their surfaces face each other, nothing sinks into the floor or a prop, and no joint
passes its hard limit (``scipy.optimize.least_squares``). The result is
rounded to 0.1° and 0.1 cm so the same pose always gives the same numbers, then checked: a contact
that misses by more than 1 cm is reported by name.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from generator.figures import body
from generator.figures import kinematics as kin
from generator.figures.bases import BASES
from generator.figures.parallel import parallel_map, write_atomic
from generator.figures.primitives import Box, Cylinder, Ellipsoid, RoundCone
from generator.figures.props import scene_pieces, sdf
from generator.model.joints import SIDED_JOINTS as SIDED
from generator.model.joints import Motion, dof_limits
from generator.model.pose import Pose, PoseDrawing, Prop, parse_contact, parse_joint

TOLERANCE = 1.0  # cm: a contact that misses by more is an error
CONTACT_WEIGHT = 30.0  # per cm
# A body resting on a prop touches it where the two surfaces face each other: a back lying along a
# roller rests on its top, not on its side. Without this a contact holds wherever the body place
# meets the prop's surface, and the solver slid a lying body half off the roller to reach the floor
# with a hand. Weighted per unit of |n_body + n_prop| (0 when the surfaces face, 2 when they agree).
RESTING_WEIGHT = 20.0
FLOOR_WEIGHT = 30.0
AUTHORED_STIFFNESS = 2.0  # degrees: moving an angle the author set by this much costs one unit
TRUNK_SHARES = {"flexion": 0.5, "side bend": 0.5, "rotation": 0.3}  # of a "trunk" motion taken by the low back
# How freely the solver may move a dof the author did not set (degrees per unit of cost).
FREEDOM = {"hip": 12.0, "knee": 12.0, "ankle": 15.0, "shoulder": 20.0, "elbow": 20.0, "wrist": 25.0,
           "low back": 6.0, "upper back": 6.0, "neck": 10.0, "head": 10.0}
ROOT_FREEDOM = {"x": 60.0, "y": 60.0, "z": 200.0, "pitch": 10.0, "roll": 6.0}
# A frame that says `stay: true` keeps its pelvis over the spot where the frame before left it:
# moving it across the floor costs one unit per this many cm. Without it the pelvis's place is
# nearly free, and a twist with the hands on a chair slid the whole body 14 cm to keep them there.
STAY_FREEDOM = 0.1
Anchor = tuple[float, float] | None  # where the pelvis stays (x, y in cm), for a frame that stays


@dataclass(frozen=True)
class Target:
    """What a contact aims a body place at: the floor, a prop surface or another body place."""

    site: str
    sides: tuple[str, ...]
    kind: str  # "floor", "surface" or "site"
    surface: str = ""
    other: str = ""
    other_sides: tuple[str, ...] = ()


@dataclass(frozen=True)
class Miss:
    """A contact that could not be made, or a part that ended inside the floor or a prop."""

    index: int  # the contact's position in the frame's contact list (-1 for the base's own, -2 a sunk part)
    text: str  # the contact, or for a sunk part where it sank ("the left thigh ends inside the floor")
    distance: float  # cm: how far the contact misses, or how deep the part sank


@dataclass(frozen=True)
class Solved:
    """A solved frame: its dof vector, the contacts that missed, and any sinking into things."""

    q: tuple[float, ...]
    misses: tuple[Miss, ...]


def _dof_shares(sides: tuple[str, ...], joint: str, dof: str) -> list[tuple[str, float]]:
    """Which internal dofs a joint motion moves: a trunk motion is shared by the low and upper
    back, a neck motion by the neck and the head; a sided joint moves each side named."""
    motion = dof.removeprefix(joint + " ")
    if joint == "trunk":
        share = TRUNK_SHARES[motion]
        return [(f"low back {motion}", share), (f"upper back {motion}", 1 - share)]
    if joint == "neck":
        return [(f"neck {motion}", 0.5), (f"head {motion}", 0.5)]
    if joint in ("low back", "upper back"):
        return [(dof, 1.0)]
    return [(f"{side} {dof}", 1.0) for side in sides]


def joint_dofs(sides: tuple[str, ...], motion: Motion) -> list[tuple[str, list[tuple[str, float]]]]:
    """Per side, the dofs a joint motion moves with their shares (for reading a solution back)."""
    if motion.joint not in SIDED:
        return [("", _dof_shares(sides, motion.joint, motion.dof))]
    return [(side, _dof_shares((side,), motion.joint, motion.dof)) for side in sides]


def _joint_values(joints: Mapping[str, float]) -> dict[str, float]:
    values: dict[str, float] = {}
    for key, degrees in joints.items():
        sides, motion = parse_joint(key)
        for dof, share in _dof_shares(sides, motion.joint, motion.dof):
            values[dof] = values.get(dof, 0.0) + motion.sign * degrees * share
    return values


def targets(pose: Pose) -> tuple[dict[str, float], set[str]]:
    """The dof values a frame asks for (signed degrees, cm), and which of them the author set."""
    base = BASES[pose.base]
    values = {name: 0.0 for name in kin.DOFS}
    values.update({"z": base.z, "pitch": base.pitch, "roll": base.roll, "yaw": pose.turn})
    values.update(_joint_values(base.joints))
    authored = _joint_values(pose.joints)
    values.update(authored)
    return values, set(authored)


def contact_list(pose: Pose) -> list[tuple[int, str]]:
    """The frame's contacts as (index in the author's list, text); the base's own come with -1."""
    own = [(i, text) for i, text in enumerate(pose.contacts)]
    if pose.replace_contacts:
        return own
    return [(-1, text) for text in BASES[pose.base].contacts] + own


def _target(text: str) -> Target:
    (site, sides), target = parse_contact(text)
    if target == "floor":
        return Target(site, sides, "floor")
    if isinstance(target, str):
        return Target(site, sides, "surface", surface=target)
    return Target(site, sides, "site", other=target[0], other_sides=target[1])


def _samples(volume: RoundCone | Ellipsoid) -> tuple[np.ndarray, np.ndarray]:
    """Spheres (centres, radii) that fill a part, for floor and prop tests."""
    if isinstance(volume, RoundCone):
        t = np.linspace(0.0, 1.0, 5)[:, None]
        return volume.a + t * (volume.b - volume.a), volume.ra + t[:, 0] * (volume.rb - volume.ra)
    # An ellipsoid: points on its surface along its axes and diagonals, as zero-radius spheres.
    directions = np.array([[1, 0, 0], [-1, 0, 0], [0, 1, 0], [0, -1, 0], [0, 0, 1], [0, 0, -1]]
                          + [[x, y, z] for x in (-1, 1) for y in (-1, 1) for z in (-1, 1)], dtype=float)
    directions /= np.linalg.norm(directions, axis=1)[:, None]
    return volume.centre + directions @ volume.axes, np.zeros(len(directions))


def _top(volume: Box | Cylinder) -> float:
    """The highest point of a prop piece."""
    if isinstance(volume, Cylinder):
        return float(max(volume.a[2], volume.b[2]) + volume.r)
    return float(volume.centre[2] + np.abs(volume.axes[:, 2]).sum())


LIMB_PAIRS = [
    (a, b) for i, a in enumerate(body.PART_NAMES) for b in body.PART_NAMES[i + 1:]
    if b not in body.NEIGHBOURS[a] and " " in a and " " in b  # limbs only: left/right ...
]
SQUEEZE = 4.0  # cm two limbs may press into each other (folded legs: soft tissue gives) before it counts


def _segment_gaps(a0: np.ndarray, a1: np.ndarray, b0: np.ndarray, b1: np.ndarray) -> np.ndarray:
    """Closest distances between segments a0–a1 and b0–b1, row by row (a sampled approximation)."""
    t = np.linspace(0.0, 1.0, 7)
    pa = a0[:, None, :] + t[None, :, None] * (a1 - a0)[:, None, :]
    pb = b0[:, None, :] + t[None, :, None] * (b1 - b0)[:, None, :]
    return np.linalg.norm(pa[:, :, None, :] - pb[:, None, :, :], axis=3).reshape(len(a0), -1).min(axis=1)


def _cone(volume: RoundCone | Ellipsoid) -> RoundCone:
    assert isinstance(volume, RoundCone), "LIMB_PAIRS names limbs, and every limb is a round cone"
    return volume


def limbs_overlap(parts: dict[str, RoundCone | Ellipsoid]) -> np.ndarray:
    """How far each pair of limbs that are not joined passes into each other beyond a squeeze
    (0 when clear): keeps a shin from being solved straight through the other thigh."""
    cones = [(_cone(parts[a]), _cone(parts[b])) for a, b in LIMB_PAIRS]
    a0 = np.array([c[0].a for c in cones])
    a1 = np.array([c[0].b for c in cones])
    b0 = np.array([c[1].a for c in cones])
    b1 = np.array([c[1].b for c in cones])
    radii = np.array([max(c[0].ra, c[0].rb) * 0.5 + max(c[1].ra, c[1].rb) * 0.5 + min(c[0].ra, c[0].rb) * 0.5 + min(c[1].ra, c[1].rb) * 0.5 for c in cones])
    return np.minimum(0.0, _segment_gaps(a0, a1, b0, b1) - radii + SQUEEZE)


def surface_normal(volume: RoundCone | Ellipsoid, point: np.ndarray) -> np.ndarray:
    """The outward unit normal of a body part at (or near) a point of its surface."""
    if isinstance(volume, RoundCone):
        axis = volume.b - volume.a
        t = float(np.clip((point - volume.a) @ axis / (axis @ axis), 0.0, 1.0))
        out = point - (volume.a + t * axis)
    else:  # the gradient of |M⁻¹(p - c)|², M's columns being the half-axes
        m = volume.axes.T
        out = np.linalg.solve(m.T, np.linalg.solve(m, point - volume.centre))
    return _unit(out)


def prop_normal(volume: Box | Cylinder, point: np.ndarray) -> np.ndarray:
    """The outward unit normal of a prop's surface nearest a point (the gradient of its distance)."""
    step = 0.05
    probes = point + np.concatenate([np.eye(3), -np.eye(3)]) * step
    d = sdf(volume, probes)
    return _unit((d[:3] - d[3:]) / (2 * step))


def _unit(v: np.ndarray) -> np.ndarray:
    return v / max(float(np.linalg.norm(v)), 1e-9)


def lowest_point(volume: RoundCone | Ellipsoid) -> float:
    """The lowest z of a part's surface."""
    if isinstance(volume, RoundCone):
        return float(min(volume.a[2] - volume.ra, volume.b[2] - volume.rb))
    return float(volume.centre[2] - np.linalg.norm(volume.axes[:, 2]))


class Problem:
    """The residual function of one frame, built once and evaluated many times."""

    def __init__(self, pose: Pose, props: list[Prop], anchor: Anchor = None) -> None:
        self.values, self.authored = targets(pose)
        if anchor is not None:
            self.values["x"], self.values["y"] = anchor
        self.free = [name for name in kin.DOFS if name != "yaw"]
        self.contacts = [(i, text, _target(text)) for i, text in contact_list(pose)]
        self.props = scene_pieces(props)
        self.solid = [p for p in self.props if p.solid]
        self.surfaces = {surface: p.volume for p in self.props for surface in p.surfaces}
        weights = []
        for name in self.free:
            if name in self.authored:
                weights.append(1.0 / AUTHORED_STIFFNESS)
            elif anchor is not None and name in ("x", "y"):
                weights.append(1.0 / STAY_FREEDOM)
            elif name in ROOT_FREEDOM:
                weights.append(1.0 / ROOT_FREEDOM[name])
            else:
                joint = next(j for j in FREEDOM if name.removeprefix("left ").removeprefix("right ").startswith(j + " "))
                weights.append(1.0 / FREEDOM[joint])
        self.weights = np.array(weights)
        self.prior = np.array([self.values[name] for name in self.free])

    def bounds(self) -> tuple[np.ndarray, np.ndarray]:
        """Hard joint limits as solver bounds."""
        low, high = [], []
        for name in self.free:
            if name in ROOT_FREEDOM:
                span = {"x": 400.0, "y": 400.0, "z": 300.0, "pitch": 200.0, "roll": 200.0}[name]
                low.append(self.values[name] - span)
                high.append(self.values[name] + span)
                continue
            joint_dof = name.removeprefix("left ").removeprefix("right ")
            lo, hi = _limits(joint_dof)
            low.append(lo)
            high.append(hi)
        return np.array(low), np.array(high)

    def q(self, x: np.ndarray) -> np.ndarray:
        """The full dof vector for the solver's variables."""
        q = np.empty(len(kin.DOFS))
        q[[kin.INDEX[n] for n in self.free]] = x
        q[kin.INDEX["yaw"]] = self.values["yaw"]
        return q

    def contact_errors(self, frames: dict[str, kin.Segment]) -> list[tuple[int, str, np.ndarray]]:
        """Each contact's error vector in cm (all zeros when it holds)."""
        out = []
        for index, text, target in self.contacts:
            errors = []
            for side in target.sides:
                points = kin.site_points(frames, target.site, side)
                if target.kind == "floor":
                    errors += [p[2] for p in points]
                elif target.kind == "surface":
                    volume = self.surfaces.get(target.surface)
                    if volume is not None:  # a missing prop is reported by the checks, not here
                        errors += list(sdf(volume, np.array(points)))
                else:
                    other_side = side if side in target.other_sides else target.other_sides[0]
                    others = kin.site_points(frames, target.other, other_side)
                    errors += list(np.mean(points, axis=0) - np.mean(others, axis=0))
            out.append((index, text, np.array(errors, dtype=float)))
        return out

    def resting_errors(self, frames: dict[str, kin.Segment], parts: dict[str, RoundCone | Ellipsoid]) -> np.ndarray:
        """For each point that rests on a prop, its outward normal plus the prop's there (a zero
        vector when the two surfaces face each other)."""
        errors = []
        for _, _, target in self.contacts:
            volume = self.surfaces.get(target.surface) if target.kind == "surface" else None
            if volume is None:
                continue
            for side in target.sides:
                points = kin.site_points(frames, target.site, side)
                for part, point in zip(kin.site_parts(target.site, side), points, strict=True):
                    errors.append(surface_normal(parts[part], point) + prop_normal(volume, point))
        return np.concatenate(errors) if errors else np.zeros(0)

    def penetration(self, parts: dict[str, RoundCone | Ellipsoid]) -> list[float]:
        """How deep each part sinks below the floor, and the deepest sink into each solid prop."""
        depths = [min(0.0, lowest_point(v)) for v in parts.values()]
        if self.solid:
            samples = [_samples(v) for v in parts.values()]
            centres = np.concatenate([c for c, _ in samples])
            radii = np.concatenate([r for _, r in samples])
            for piece in self.solid:
                depths.append(float(min(0.0, np.min(sdf(piece.volume, centres) - radii))))
        return depths

    def deepest_sink(self, parts: dict[str, RoundCone | Ellipsoid]) -> tuple[float, str]:
        """How deep the worst-sunk part goes (cm) and where, e.g. (2.8, "the left thigh ends inside
        the chair seat"), so an author knows which part to move."""
        worst = (0.0, "")
        for name, volume in parts.items():
            if (depth := -lowest_point(volume)) > worst[0]:
                worst = (depth, f"the {name} ends inside the floor")
            centres, radii = _samples(volume)
            for piece in self.solid:
                depth = -float(np.min(sdf(piece.volume, centres) - radii))
                if depth > worst[0]:
                    worst = (depth, f"the {name} ends inside the {piece.name}")
        return worst

    def residuals(self, x: np.ndarray) -> np.ndarray:
        frames = kin.segments(self.q(x))
        parts = kin.volumes(frames)
        contact = np.concatenate([e for _, _, e in self.contact_errors(frames)] or [np.zeros(0)])
        return np.concatenate([
            (x - self.prior) * self.weights,
            CONTACT_WEIGHT * contact,
            RESTING_WEIGHT * self.resting_errors(frames, parts),
            FLOOR_WEIGHT * np.array(self.penetration(parts)),
            FLOOR_WEIGHT * limbs_overlap(parts),
        ])


def _limits(dof: str) -> tuple[float, float]:
    if dof.startswith("head "):
        lo, hi = dof_limits("neck " + dof.removeprefix("head "))
        return lo / 2, hi / 2
    if dof.startswith("neck "):
        lo, hi = dof_limits(dof)
        return lo / 2, hi / 2
    return dof_limits(dof)


SOLVER_SOURCES = ("figures/body.py", "figures/bases.py", "figures/kinematics.py", "figures/props.py", "figures/solve.py",
                  "model/joints.py", "model/pose.py")


@functools.cache
def solver_fingerprint() -> str:
    """A hash of the code that turns a pose into angles: part of every cache key, so a change to
    the body, the bases or the solver can never be hidden by a stale cached solution."""
    digest = hashlib.sha256()
    for module in SOLVER_SOURCES:
        digest.update((Path(__file__).parent.parent / module).read_bytes())
    return digest.hexdigest()


def _key(pose: Pose, props: list[Prop], anchor: Anchor = None) -> str:
    data: dict[str, object] = {"pose": pose.model_dump(mode="json"), "props": [p.model_dump(mode="json") for p in props], "solver": solver_fingerprint()}
    if anchor is not None:
        data["anchor"] = list(anchor)
    return json.dumps(data, sort_keys=True)


def _solve_key(key: str) -> Solved:
    from scipy.optimize import least_squares  # a third of a second to import; most builds solve nothing

    data = json.loads(key)
    pose = Pose.model_validate(data["pose"])
    props = [Prop.model_validate(p) for p in data["props"]]
    problem = Problem(pose, props, tuple(data["anchor"]) if "anchor" in data else None)
    low, high = problem.bounds()
    start = problem.prior.copy()
    if abs(problem.values["pitch"]) >= 45 and problem.solid:
        # A lying body starts above the props, so it settles onto a roller or bench from above
        # instead of starting inside it and being pushed out through the floor.
        start[problem.free.index("z")] += max(_top(p.volume) for p in problem.solid)
    start = np.clip(start, low + 1e-6, high - 1e-6)
    # First place the body as a whole (a "ground snap": only the pelvis moves and tilts), so the
    # joints start from the position the author described instead of bending to fix a bad start.
    root = np.array([name in ROOT_FREEDOM for name in problem.free])

    def placed(r: np.ndarray) -> np.ndarray:
        x = start.copy()
        x[root] = r
        return problem.residuals(x)

    snap = least_squares(placed, start[root], bounds=(low[root], high[root]), method="trf", xtol=1e-4, ftol=1e-5, max_nfev=60)
    start[root] = snap.x
    result = least_squares(problem.residuals, start, bounds=(low, high), method="trf", x_scale="jac",
                           xtol=1e-4, ftol=1e-5, max_nfev=80)
    q = problem.q(np.round(result.x, 1))  # rounded, so the same pose always draws the same
    frames = kin.segments(q)
    misses = []
    for index, text, errors in problem.contact_errors(frames):
        miss = float(np.max(np.abs(errors))) if len(errors) else 0.0
        if miss > TOLERANCE:
            misses.append(Miss(index, text, round(miss, 2)))
    sink, where = problem.deepest_sink(kin.volumes(frames))
    if sink > TOLERANCE:
        misses.append(Miss(-2, where, round(sink, 2)))
    return Solved(tuple(float(v) for v in q), tuple(misses))


_MEMORY: dict[str, Solved] = {}


def _stored(path: Path) -> Solved | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Solved(tuple(data["q"]), tuple(Miss(**m) for m in data["misses"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None  # a missing or damaged entry is solved again


def solve_all(items: Sequence[tuple[Pose, list[Prop]] | tuple[Pose, list[Prop], Anchor]], cache_dir: Path | None = None) -> list[Solved]:
    """Solve many frames, each as (pose, props) or (pose, props, anchor): from memory, then the disk
    cache, then in parallel on every core."""
    keys = [_key(*item) for item in items]
    digests = {key: hashlib.sha256(key.encode()).hexdigest() for key in keys}
    todo = []
    for key in dict.fromkeys(keys):
        if key in _MEMORY:
            continue
        stored = _stored(cache_dir / f"{digests[key]}.json") if cache_dir else None
        if stored is not None:
            _MEMORY[key] = stored
        else:
            todo.append(key)
    for key, solved in zip(todo, parallel_map(_solve_key, todo), strict=True):
        _MEMORY[key] = solved
        if cache_dir is not None:
            data = {"q": list(solved.q), "misses": [m.__dict__ for m in solved.misses]}
            write_atomic(cache_dir / f"{digests[key]}.json", json.dumps(data, sort_keys=True).encode())
    return [_MEMORY[key] for key in keys]


def solve_drawings(drawings: Sequence[PoseDrawing], cache_dir: Path | None = None) -> list[list[Solved]]:
    """Every frame of every drawing. A frame that stays is solved once the frame before it is,
    from where that frame left the pelvis, so the frames are solved in parallel rounds."""
    out: list[list[Solved | None]] = [[None] * len(d.frames) for d in drawings]
    while True:
        ready = [(i, f) for i, d in enumerate(drawings) for f, pose in enumerate(d.frames)
                 if out[i][f] is None and (not pose.stay or f == 0 or out[i][f - 1] is not None)]
        if not ready:
            return [[s for s in row if s is not None] for row in out]
        jobs = []
        for i, f in ready:
            pose, before = drawings[i].frames[f], out[i][f - 1] if f else None
            anchor = (before.q[kin.INDEX["x"]], before.q[kin.INDEX["y"]]) if pose.stay and before else None
            jobs.append((pose, drawings[i].props_of(pose), anchor))
        for (i, f), solved in zip(ready, solve_all(jobs, cache_dir), strict=True):
            out[i][f] = solved


def solve(pose: Pose, props: list[Prop]) -> Solved:
    """One frame's solved dof vector and any contact it could not make (cached by content)."""
    return solve_all([(pose, props)])[0]
