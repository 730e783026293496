"""The pose language: a picture written the way a physical therapist describes a position.

A drawn picture (``kind: pose``) has a camera ``view``, ``props`` with real sizes, and one to three
``frames``. Each frame starts from a ``base`` position, changes ``joints`` in goniometric words
(neutral = 0, the person's own left and right), and states ``contacts`` ("palms on floor") that the
build solves instead of asking the author to tune angles until a hand happens to touch the floor.

    pose:
      view: side-left
      frames:
        - base: kneel-sit
        - base: kneel-sit
          joints: {trunk flexion: 70, both shoulders flexion: 170}
          contacts: [palms on floor]
          highlight: [low back]
"""

from __future__ import annotations

import difflib
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from generator.model.common import Strict
from generator.model.joints import CENTRAL_JOINTS, JOINT_NAMES, MOTIONS, PLURALS, SIDED_JOINTS, Motion, example_keys, motion_words

BASES = (
    "standing", "sitting", "long sitting", "tall kneeling", "kneel-sit", "half kneeling", "hands and knees",
    "lying on back", "lying on back knees bent", "lying on front", "lying on front on elbows", "side lying",
)
VIEWS = ("side-left", "side-right", "front", "back", "top", "three-quarter")
# Places on the body that can touch something. Sided ones take left/right/both or a plural.
SIDED_SITES = (
    "sole", "arch", "heel", "top of foot", "toes", "knee", "shin", "calf", "back of thigh", "front of thigh", "outside of knee",
    "palm", "back of hand", "hand", "fingers", "forearm", "elbow", "buttock", "side of hip",
)
SITE_PLURALS = {
    "soles": "sole", "arches": "arch", "heels": "heel", "tops of feet": "top of foot", "knees": "knee", "shins": "shin", "calves": "calf",
    "backs of thighs": "back of thigh", "fronts of thighs": "front of thigh", "palms": "palm", "backs of hands": "back of hand", "hands": "hand",
    "fingers": "fingers",
    "forearms": "forearm", "elbows": "elbow", "buttocks": "buttock", "toes": "toes",
}
TRUNK_SITES = ("sacrum", "low back", "mid back", "upper back", "back", "back of head", "forehead", "chest", "front of pelvis")
PROP_KINDS = ("roller", "chair", "stairs", "bench", "wall", "mat")
PROP_SURFACES = {"roller": "roller", "chair seat": "chair", "chair": "chair", "bench": "bench", "wall": "wall", "mat": "mat"}
# Parts that can be marked as being stretched.
PARTS = ("pelvis", "abdomen", "chest", "neck", "head") + tuple(
    f"{side} {limb}" for side in ("left", "right") for limb in ("upper arm", "forearm", "hand", "thigh", "shin", "foot")
)
HIGHLIGHT_WORDS = {"low back": ("abdomen", "pelvis"), "upper back": ("chest",), "trunk": ("abdomen", "chest")}
# One side of a part, marked on its surface: a side stretch marks the side it stretches, not the
# whole pelvis, so a reader sees which side. Each names (part, side).
SIDE_HIGHLIGHTS = {"left pelvis": ("pelvis", "left"), "right pelvis": ("pelvis", "right")}


def _suggest(word: str, choices: list[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" — did you mean '{close[0]}'?" if close else ""


def parse_joint(key: str) -> tuple[tuple[str, ...], Motion]:
    """'both hips flexion' → (('left', 'right'), hip flexion). Raises ValueError naming what is wrong."""
    words = " ".join(key.lower().split())
    sides: tuple[str, ...] = ()
    for prefix, value in (("both ", ("left", "right")), ("left ", ("left",)), ("right ", ("right",))):
        if words.startswith(prefix):
            sides, words = value, words[len(prefix):]
            break
    joint = next((j for j in sorted(JOINT_NAMES + tuple(PLURALS), key=len, reverse=True) if words.startswith(j + " ")), None)
    if joint is None:
        every = [f"{s}{m.joint} {m.words}" for m in MOTIONS.values() for s in (("left ",) if m.joint in SIDED_JOINTS else ("",))]
        raise ValueError(f"unknown joint motion '{key}'{_suggest(key, every)}; write [left|right|both] joint motion, e.g. {', '.join(example_keys())}")
    motion_text = words[len(joint) + 1:]
    if joint in PLURALS:
        joint, sides = PLURALS[joint], sides or ("left", "right")
    if joint in CENTRAL_JOINTS and sides:
        raise ValueError(f"'{joint}' has no left or right side; write e.g. '{joint} {motion_words(joint)[0]}'")
    if joint in SIDED_JOINTS and not sides:
        raise ValueError(f"say which side: 'left {joint} …', 'right {joint} …' or 'both {PLURALS_OF[joint]} …'")
    motion = MOTIONS.get((joint, motion_text))
    if motion is None:
        raise ValueError(f"the {joint} has no motion '{motion_text}'{_suggest(motion_text, motion_words(joint))}; use {', '.join(motion_words(joint))}")
    return sides or ("",), motion


PLURALS_OF = {singular: plural for plural, singular in PLURALS.items()}


def _joint_key(key: str) -> str:
    parse_joint(key)
    return key


def parse_site(text: str) -> tuple[str, tuple[str, ...]]:
    """'left palm' → ('palm', ('left',)); 'palms' → ('palm', ('left', 'right')); 'mid back' → ('mid back', ('',))."""
    words = " ".join(text.lower().split())
    if words in TRUNK_SITES:
        return words, ("",)
    if words in SITE_PLURALS:
        return SITE_PLURALS[words], ("left", "right")
    for prefix, sides in (("both ", ("left", "right")), ("left ", ("left",)), ("right ", ("right",))):
        if words.startswith(prefix):
            rest = words[len(prefix):]
            rest = SITE_PLURALS.get(rest, rest)
            if rest in SIDED_SITES:
                return rest, sides
    if words in SIDED_SITES:
        raise ValueError(f"say which side: 'left {words}', 'right {words}' or the plural")
    every = list(TRUNK_SITES) + list(SITE_PLURALS) + [f"left {s}" for s in SIDED_SITES]
    raise ValueError(f"unknown body place '{text}'{_suggest(words, every)}; use e.g. palms, left sole, knees, mid back, back of head")


def parse_contact(text: str) -> tuple[tuple[str, tuple[str, ...]], str | tuple[str, tuple[str, ...]]]:
    """'palms on floor' → (('palm', both), 'floor'); 'right hand on left knee' → (site, site)."""
    words = " ".join(text.lower().split())
    if " on " not in words:
        raise ValueError(f"a contact reads 'body place on target', e.g. 'palms on floor' or 'right hand on left knee'; found '{text}'")
    body, target = words.split(" on ", 1)
    site = parse_site(body)
    target = target.removeprefix("the ")
    if target in ("floor", "ground"):
        return site, "floor"
    if target in PROP_SURFACES:
        return site, target
    if target.startswith("step ") and target[5:].isdigit():
        return site, target
    try:
        return site, parse_site(target)
    except ValueError:
        choices = ["floor", *PROP_SURFACES, "step 1", "step 2"]
        raise ValueError(f"unknown contact target '{target}'{_suggest(target, choices)}; use floor, roller, chair seat, bench, wall, step 2, or a body place") from None


def _contact(text: str) -> str:
    parse_contact(text)
    return text


def _highlight(text: str) -> str:
    words = PARTS + tuple(HIGHLIGHT_WORDS) + tuple(SIDE_HIGHLIGHTS)
    if text not in words:
        raise ValueError(f"unknown part '{text}'{_suggest(text, words)}; use e.g. low back, upper back, left thigh, left pelvis")
    return text


JointKey = Annotated[str, AfterValidator(_joint_key)]
Degrees = Annotated[float, Field(ge=0, le=360)]
Contact = Annotated[str, AfterValidator(_contact)]
Highlight = Annotated[str, AfterValidator(_highlight)]
Site = Annotated[str, AfterValidator(lambda t: parse_site(t) and t)]
Cm = Annotated[float, Field(ge=-500, le=500)]


class Prop(Strict):
    """Something in the scene, with real sizes in centimetres. The person's pelvis starts above
    the point (0, 0) and faces +x (forward); +y is the person's left."""

    kind: Literal["roller", "chair", "stairs", "bench", "wall", "mat"] = Field(
        description="`roller` (foam roller), `chair`, `stairs`, `bench`, `wall` or `mat`."
    )
    at: tuple[Cm, Cm] = Field((0.0, 0.0), description="Where its middle stands on the floor, [forward, left] in cm, e.g. `[40, 0]`.")
    yaw: Annotated[float, Field(ge=-180, le=180)] = Field(0, description="Turned about the vertical by this many degrees (left = positive), e.g. `30` for a roller on a slant.")
    lies: Literal["across", "along"] = Field("across", description="A roller `across` the body (side to side) or `along` it (head to feet).")
    length: Annotated[float, Field(gt=0, le=300)] | None = Field(None, description="Length in cm (roller 91, bench 120, mat 180).")
    diameter: Annotated[float, Field(gt=0, le=60)] = Field(15, description="A roller's diameter in cm.")
    height: Annotated[float, Field(gt=0, le=250)] | None = Field(None, description="Seat or bench height, or the rise of each stair, in cm (chair 45, stair 18).")
    steps: Annotated[int, Field(ge=1, le=6)] = Field(3, description="How many stairs.")
    ghost: bool = Field(False, description="`true` to draw it as a dashed outline, where it was before it moved, e.g. a roller straight across "
                        "before it is turned to a slant. Nothing rests on it or bumps into it.")


class Arrow(Strict):
    """A movement arrow drawn on top, placed at a body place."""

    kind: Literal["straight", "both", "curved", "angle"] = Field(
        "straight", description="`straight` (one head), `both` (back and forth), `curved` (turning) or `angle`: a thin arc with no head and its size "
        "in degrees, e.g. `turn: 30` between a dashed roller straight across and the same roller set on a slant.",
    )
    at: Site = Field(description="The body place it starts from, e.g. `buttocks`.")
    toward: Literal["forward", "back", "left", "right", "up", "down"] = Field(description="Which way it points, in the scene: forward, back, left, right, up or down.")
    length: Annotated[float, Field(gt=0, le=100)] = Field(20, description="Length in cm (for `curved`, the radius).")
    offset: tuple[Cm, Cm, Cm] = Field((0.0, 0.0, 0.0), description="Moves the arrow off the body, [forward, left, up] in cm, e.g. `[0, 0, 15]`.")
    turn: Annotated[float, Field(ge=-270, le=270)] = Field(90, description="For `curved`: how far it turns, in degrees: positive turns counterclockwise as seen in the picture, negative clockwise.")
    about: Literal["picture", "vertical", "forward"] = Field(
        "picture", description="For `curved`: `picture` draws the turn as a circle in the picture; `vertical` turns it about an up-down line "
        "through the body place (positive: to the person's left, as seen from above), so a trunk turning shows as a flat ring in a view from the side; "
        "`forward` turns it about a forward-back line, e.g. a rib cage rocking from side to side along a roller (positive: from the left side up over the top to the right).",
    )

    @model_validator(mode="after")
    def _angle_is_a_ring(self) -> Arrow:
        if self.kind == "angle" and self.about == "picture":
            raise ValueError("an angle is measured in the scene: give it about: vertical or about: forward")
        return self


class CloseUp(Strict):
    """A magnified look at one body place, drawn in a round window in its own panel."""

    at: Site = Field(description="The body place in the middle of the window, e.g. `left arch`.")
    width: Annotated[float, Field(ge=10, le=80)] = Field(30, description="How much of the scene the window shows across, in cm, e.g. `30`.")


class Pose(Strict):
    """One frame: a base position changed by joint angles, held in place by contacts."""

    base: Literal[
        "standing", "sitting", "long sitting", "tall kneeling", "kneel-sit", "half kneeling", "hands and knees",
        "lying on back", "lying on back knees bent", "lying on front", "lying on front on elbows", "side lying",
    ] = Field(description="The starting position, e.g. `kneel-sit` or `lying on back knees bent`.")
    joints: dict[JointKey, Degrees] = Field(default_factory=dict, description="Joint angles in degrees from neutral, e.g. `{trunk flexion: 60, both hips flexion: 100}`.")
    contacts: list[Contact] = Field(default_factory=list, description="What touches what, solved by the build, e.g. `[palms on floor, buttocks on heels]`. The base position's own contacts apply unless `replace_contacts: true`.")
    replace_contacts: bool = Field(False, description="`true` to use only these contacts, not the base position's.")
    turn: Annotated[float, Field(ge=-180, le=180)] = Field(0, description="Turns the whole body about the vertical, in degrees (left = positive).")
    highlight: list[Highlight] = Field(default_factory=list, description="Parts being stretched, drawn in the accent colour with a hatch, e.g. `[low back]`; "
                                       "`left pelvis` or `right pelvis` marks one side of the pelvis.")
    arrows: list[Arrow] = Field(default_factory=list, description="Movement arrows, e.g. `[{at: buttocks, toward: back}]`.")
    label: str | None = Field(None, max_length=3, description="The frame's number in the picture; by default 1, 2, 3.")
    props: list[Prop] = Field(default_factory=list, description="Props in this frame only, added to the drawing's, e.g. the roller turned the other way.")
    stay: bool = Field(False, description="`true` to keep the pelvis where the frame before left it, so only the joints move, e.g. a twist with the hips still. "
                       "Without it each frame finds its own place, and the body can shift to make its contacts.")
    close_up: CloseUp | None = Field(
        None, description="Adds a panel right after this frame that shows one body place magnified in a round window, circled in the frame, "
        "for a grip too small to see in the whole picture, e.g. `{at: left arch, width: 30}`.",
    )


class View(Strict):
    """A camera direction in degrees."""

    azimuth: Annotated[float, Field(ge=-180, le=180)] = Field(description="0 = in front of the person, 90 = at their left, 180 = behind.")
    elevation: Annotated[float, Field(ge=0, le=90)] = Field(description="0 = level, 90 = straight down from above.")


class PoseDrawing(Strict):
    """A drawn picture: camera, props, and one to three frames."""

    view: Literal["side-left", "side-right", "front", "back", "top", "three-quarter"] | View = Field(
        "side-left", description="`side-left` (seen from the person's left), `side-right`, `front`, `back`, `top`, `three-quarter`, or `{azimuth: 30, elevation: 35}`."
    )
    props: list[Prop] = Field(default_factory=list, description="Things in the scene, e.g. `[{kind: roller, lies: across}]`.")
    frames: list[Pose] = Field(min_length=1, max_length=3, description="One to three positions, drawn side by side and numbered (start → end).")
    ghost: bool = Field(False, description="`true` to draw the first frame faintly under the last, in one panel, instead of side by side.")
    shape: Literal["wide", "square"] = Field(
        "wide", description="The picture's shape on the page: `wide` (8 by 5) or `square`, for frames that lie long and flat or stand tall, which a wide picture shows small."
    )
    card_frame: Annotated[int, Field(ge=1, le=3)] | None = Field(None, description="Which frame the printed card shows (the hold); by default the last.")

    @model_validator(mode="after")
    def _frames_fit(self) -> PoseDrawing:
        if self.card_frame is not None and self.card_frame > len(self.frames):
            raise ValueError(f"card_frame {self.card_frame} is past the last frame ({len(self.frames)})")
        if self.ghost and len(self.frames) != 2:
            raise ValueError("ghost: true needs exactly two frames (the start drawn faintly under the end)")
        if self.frames[0].stay:
            raise ValueError("the first frame has no frame before it to stay with: remove its stay: true")
        if self.ghost and any(pose.close_up for pose in self.frames):
            raise ValueError("a close_up needs its frames side by side: remove ghost: true or the close_up")
        return self

    def props_of(self, pose: Pose) -> list[Prop]:
        """The props of one frame: the drawing's, then the frame's own."""
        return list(self.props) + list(pose.props)

    def card_pose(self) -> int:
        """Index of the frame printed on cards: the characteristic position."""
        return (self.card_frame or len(self.frames)) - 1
