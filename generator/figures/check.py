"""Check every drawn pose of the guide: joint ranges, required props, and contacts that hold.

Findings carry the location of the offending key inside the exercise file, so the loader can
report them as ``file:line:column`` like any other content problem. A joint past its typical range
is a warning; past its hard limit, or a contact that misses by more than 1 cm, is an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.figures import kinematics as kin
from generator.figures.bases import BASES
from generator.figures.solve import TOLERANCE, Solved, joint_dofs, solve_drawings
from generator.model import Exercise
from generator.model.pose import PROP_SURFACES, Pose, PoseDrawing, parse_contact, parse_joint

MOVED = 20.0  # degrees: an angle the solver had to change more than this is worth a second look

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Finding:
    """One thing wrong (or unusual) with a pose, located inside its exercise file."""

    loc: Loc
    message: str
    expected: str
    found: str
    warning: bool = False


def drawings(exercise: Exercise) -> list[tuple[Loc, PoseDrawing]]:
    """Every pose drawing of an exercise (its own figures and its variations'), with its location."""
    found: list[tuple[Loc, PoseDrawing]] = []
    for i, figure in enumerate(exercise.figures):
        if figure.pose is not None:
            found.append((("figures", i, "pose"), figure.pose))
    for v, variation in enumerate(exercise.variations):
        for i, figure in enumerate(variation.figures):
            if figure.pose is not None:
                found.append((("variations", v, "figures", i, "pose"), figure.pose))
    return found


def _static(loc: Loc, drawing: PoseDrawing) -> list[Finding]:
    findings = []
    for f, pose in enumerate(drawing.frames):
        real = [p for p in drawing.props_of(pose) if not p.ghost]  # nothing rests on a ghost
        kinds = {p.kind for p in real}
        needs = BASES[pose.base].needs
        if needs and needs not in kinds:
            findings.append(Finding(loc + ("frames", f, "base"), f"the base position '{pose.base}' needs a {needs}",
                                    f"a '{{kind: {needs}}}' entry under props", "none"))
        for c, text in enumerate(pose.contacts):
            target = parse_contact(text)[1]
            kind = PROP_SURFACES.get(target, "stairs" if isinstance(target, str) and target.startswith("step ") else None) if isinstance(target, str) else None
            stairs = next((p for p in real if p.kind == "stairs"), None)
            if isinstance(target, str) and target.startswith("step ") and stairs is not None and int(target[5:]) > stairs.steps:
                findings.append(Finding(loc + ("frames", f, "contacts", c), f"contact '{text}' names a step the stairs do not have",
                                        f"step 1 to step {stairs.steps}", f"'{target}'"))
            if kind is not None and kind not in kinds:
                findings.append(Finding(loc + ("frames", f, "contacts", c), f"contact '{text}' needs a {kind}",
                                        f"a '{{kind: {kind}}}' entry under props", "none"))
        for key, degrees in pose.joints.items():
            _, motion = parse_joint(key)
            where = loc + ("frames", f, "joints", key)
            if degrees > motion.limit:
                findings.append(Finding(where, f"'{key}' is past what a {motion.joint} can do",
                                        f"at most {motion.limit:g}°", f"{degrees:g}°"))
            elif degrees > motion.typical:
                findings.append(Finding(where, f"'{key}' is past the typical range",
                                        f"up to {motion.typical:g}° for most people", f"{degrees:g}°", warning=True))
    return findings


def pose_findings(exercises: list[Exercise], cache_dir: Path | None = None) -> dict[str, list[Finding]]:
    """Findings per exercise id. Solves every frame that passed the static checks (cached)."""
    findings: dict[str, list[Finding]] = {e.id: [] for e in exercises}
    jobs = []
    for exercise in exercises:
        for loc, drawing in drawings(exercise):
            static = _static(loc, drawing)
            findings[exercise.id] += static
            if not any(not s.warning for s in static):
                jobs.append((exercise.id, loc, drawing))
    results = solve_drawings([drawing for _, _, drawing in jobs], cache_dir)
    for (exercise_id, loc, drawing), solved_frames in zip(jobs, results, strict=True):
        for f, (pose, solved) in enumerate(zip(drawing.frames, solved_frames, strict=True)):
            findings[exercise_id] += _solved_findings(loc + ("frames", f), pose, solved)
    return findings


def _solved_findings(loc: Loc, pose: Pose, solved: Solved) -> list[Finding]:
    """What solving one frame found: angles the solver had to change a lot, contacts it could not
    make, a part sunk into the floor or a prop."""
    found = _moved(loc, pose, solved)
    for miss in solved.misses:
        sunk = miss.index == -2  # the text names the part and what it ends inside
        found.append(Finding(
            loc + (("contacts", miss.index) if miss.index >= 0 else ("base",)),
            miss.text if sunk else f"contact '{miss.text}' cannot be made",
            f"within {TOLERANCE:g} cm (change the joint angles, the base position or the props)",
            f"{miss.distance:.2f} cm {'deep' if sunk else 'away'}",
        ))
    return found


def _moved(loc: Loc, pose: Pose, solved: Solved) -> list[Finding]:
    """Warnings for joint angles the solver had to change a lot to make the contacts."""
    q = dict(zip(kin.DOFS, solved.q, strict=True))
    found = []
    for key, degrees in pose.joints.items():
        sides, motion = parse_joint(key)
        for side, dofs in joint_dofs(sides, motion):
            reached = motion.sign * sum(q[dof] for dof, _ in dofs)
            if abs(reached - degrees) > MOVED:
                where = ("" if not side else f"{side} ") + f"{motion.joint} {motion.words}"
                found.append(Finding(loc + ("joints", key), f"the contacts moved '{key}' far from what it says",
                                     f"about {degrees:g}° (change it, or the contacts)", f"{where} solved at {reached:.0f}°", warning=True))
                break
    return found
