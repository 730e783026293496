"""The mannequin: one neutral body of 18 convex parts, sized from an anthropometric table.

Segment lengths are fractions of standing height H from Drillis & Contini (1966) as reproduced in
D. A. Winter, *Biomechanics and Motor Control of Human Movement*, 4th ed., Wiley 2009, fig. 4.1:
hip height 0.530 H, knee 0.285 H, ankle 0.039 H, shoulder 0.818 H, chin 0.870 H, upper arm
0.186 H, forearm 0.146 H, hand 0.108 H, foot length 0.152 H, shoulder width 0.259 H, hip width
0.191 H. Girths (the radii) are rounded values for an average adult; they shape the drawing only.

Every part lives in the local frame of one segment. Local axes in the anatomical position:
x forward, y to the person's left, z up. Lengths in centimetres.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.figures.primitives import Patch

HEIGHT = 175.0
H = HEIGHT

HIP_HEIGHT = 0.530 * H
KNEE_HEIGHT = 0.285 * H
ANKLE_HEIGHT = 0.039 * H
SHOULDER_HEIGHT = 0.818 * H
THIGH = HIP_HEIGHT - KNEE_HEIGHT
SHIN = KNEE_HEIGHT - ANKLE_HEIGHT
UPPER_ARM = 0.186 * H
FOREARM = 0.146 * H
HAND = 0.108 * H
FOOT = 0.152 * H
HIP_HALF_SPAN = 0.05 * H  # hip joint centres sit inside the hip width (0.191 H)
SHOULDER_HALF_SPAN = 0.10 * H  # shoulder joint centres sit inside the shoulder width (0.259 H)

# The trunk: joint positions in the parent segment's frame.
LUMBAR = (-2.0, 0.0, 12.0)  # pelvis → abdomen, a little behind the hip line (the spine is at the back)
THORACIC = (0.0, 0.0, 17.0)  # abdomen → chest (the thoracolumbar junction)
NECK_BASE = (-1.0, 0.0, 28.5)  # chest → neck (about C7)
SHOULDER = (-1.0, SHOULDER_HALF_SPAN, SHOULDER_HEIGHT - HIP_HEIGHT - LUMBAR[2] - THORACIC[2])
NECK_LENGTH = 8.0  # neck → head (the skull's base)
HIP = (0.0, HIP_HALF_SPAN, 0.0)

SIDES = ("left", "right")


@dataclass(frozen=True)
class Cone:
    """A round cone in a segment's frame (the hull of two spheres)."""

    a: tuple[float, float, float]
    b: tuple[float, float, float]
    ra: float
    rb: float


@dataclass(frozen=True)
class Blob:
    """An axis-aligned ellipsoid in a segment's frame: centre and half-axes along x, y, z."""

    centre: tuple[float, float, float]
    half: tuple[float, float, float]


# The parts, each in its segment's frame. Left and right limbs share one shape (y mirrored).
TRUNK_PARTS: dict[str, Blob | Cone] = {
    "pelvis": Blob((0.0, 0.0, 4.0), (10.0, 16.5, 11.0)),
    "abdomen": Blob((2.0, 0.0, 8.0), (10.0, 14.0, 10.5)),
    "chest": Blob((1.0, 0.0, 14.0), (11.0, 15.5, 16.0)),
    "neck": Cone((0.0, 0.0, -2.0), (0.0, 0.0, NECK_LENGTH), 5.6, 5.0),
    "head": Blob((2.0, 0.0, 7.0), (10.0, 7.8, 11.3)),
    "nose": Cone((10.9, 0.0, 7.5), (12.6, 0.0, 4.4), 1.4, 1.3),  # shows which way the head faces
}
LIMB_PARTS: dict[str, Cone] = {
    "upper arm": Cone((0.0, 0.0, 0.0), (0.0, 0.0, -UPPER_ARM), 4.6, 3.7),
    "forearm": Cone((0.0, 0.0, 0.0), (0.0, 0.0, -FOREARM), 3.6, 2.6),
    "hand": Cone((0.0, 0.0, -1.5), (0.0, 0.0, -HAND + 2.0), 2.6, 2.0),
    "thigh": Cone((0.0, 0.0, 0.0), (0.0, 0.0, -THIGH), 7.6, 5.3),
    "shin": Cone((0.0, 0.0, 0.0), (0.0, 0.0, -SHIN), 5.3, 3.2),
    "foot": Cone((-3.0, 0.0, -2.3), (17.5, 0.0, -5.6), 4.5, 1.2),  # high instep, low toes
}
# Which segment's frame each part is drawn in (the nose moves with the head).
PART_SEGMENT = {"nose": "head"}

# Short hair over the back and top of the head, painted darker: from behind or above, a plain head
# gave blind readers no clue which way the person faces. The hairline runs from the top of the
# forehead over the ears to the nape (in the head's own unit-sphere coordinates, x forward, z up).
HAIR = Patch("head", (-0.55, 0.0, 0.83), 0.0, "hair")
# Two eyes, small dark ovals either side of the nose: with the nose alone, blind readers took the
# face's one mark for an ear, and could not tell a face up from a face down or a head turned towards
# them (ab94: both preferred eyes in all four pictures compared, from above, the side and behind).
EYES = tuple(Patch("head", (0.9, side * 0.4, 0.12), 0.99, "eye") for side in (1, -1))

PART_NAMES = tuple(TRUNK_PARTS) + tuple(f"{side} {limb}" for side in SIDES for limb in LIMB_PARTS)

# Joined parts: their volumes overlap by design, so overlap tests leave them alone.
_CHAIN = [("pelvis", "abdomen"), ("abdomen", "chest"), ("chest", "neck"), ("neck", "head"), ("head", "nose")]
for _side in SIDES:
    _CHAIN += [
        ("chest", f"{_side} upper arm"), (f"{_side} upper arm", f"{_side} forearm"), (f"{_side} forearm", f"{_side} hand"),
        ("pelvis", f"{_side} thigh"), (f"{_side} thigh", f"{_side} shin"), (f"{_side} shin", f"{_side} foot"),
    ]
NEIGHBOURS: dict[str, frozenset[str]] = {
    name: frozenset({b for a, b in _CHAIN if a == name} | {a for a, b in _CHAIN if b == name}) for name in PART_NAMES
}

# Named places on the body's surface that can touch the floor, a prop or another body part, as
# (segment, point in its frame). A site with a side ("left palm") exists for both sides; the
# plural ("palms") means both. Points lie on the part's surface.
Point = tuple[float, float, float]
# Sided sites: given for the left side; the right side mirrors y. A site on a limb uses that side's
# limb; a site on the pelvis ("buttock") is simply mirrored.
SIDED_SITES: dict[str, tuple[tuple[str, Point], ...]] = {
    "sole": (("foot", (-3.0, 0.0, -6.8)), ("foot", (14.0, 0.0, -6.8))),
    "arch": (("foot", (5.5, 0.0, -6.8)),),  # the middle of the sole, where a hand slides under
    "heel": (("foot", (-5.9, 0.0, -5.8)),),  # the back of the heel, which a kneeler sits on
    "top of foot": (("foot", (7.0, 0.0, -0.9)),),
    "toes": (("foot", (17.5, 0.0, -6.8)),),
    "knee": (("shin", (5.2, 0.0, -3.0)),),
    "shin": (("shin", (5.2, 0.0, -3.0)), ("shin", (3.7, 0.0, -36.0))),
    "calf": (("shin", (-5.0, 0.0, -8.0)), ("shin", (-3.8, 0.0, -34.0))),
    "back of thigh": (("thigh", (-7.3, 0.0, -6.0)), ("thigh", (-5.7, 0.0, -36.0))),
    "front of thigh": (("thigh", (7.3, 0.0, -6.0)), ("thigh", (5.7, 0.0, -36.0))),
    "outside of knee": (("thigh", (0.0, 5.3, -THIGH)),),
    "palm": (("hand", (-2.5, 0.0, -4.0)), ("hand", (-2.1, 0.0, -13.5))),
    "back of hand": (("hand", (2.5, 0.0, -4.0)), ("hand", (2.1, 0.0, -13.5))),  # palm up, as under a foot
    "hand": (("hand", (-2.4, 0.0, -8.0)),),
    "fingers": (("hand", (-2.0, 0.0, -16.0)),),  # the palm side of the fingers, as slid just under a foot
    "forearm": (("forearm", (-3.4, 0.0, -4.0)), ("forearm", (-2.7, 0.0, -FOREARM + 1.0))),
    "elbow": (("upper arm", (-3.7, 0.0, -UPPER_ARM)),),
    "buttock": (("pelvis", (1.5, 7.0, -7.4)),),  # under the sitting bone, level with the thigh's back
    "side of hip": (("pelvis", (0.0, 16.5, 4.0)),),
}
TRUNK_SITES: dict[str, tuple[tuple[str, Point], ...]] = {
    "sacrum": (("pelvis", (-10.0, 0.0, 4.0)),),
    "low back": (("abdomen", (-8.0, 0.0, 8.0)),),
    "mid back": (("chest", (-10.0, 0.0, 6.0)),),  # just below the shoulder blades
    "upper back": (("chest", (-9.6, 0.0, 17.0)),),
    "back of head": (("head", (-7.9, 0.0, 8.0)),),
    "forehead": (("head", (11.0, 0.0, 12.0)),),
    "chest": (("chest", (11.8, 0.0, 12.0)),),
    "back": (("pelvis", (-10.0, 0.0, 4.0)), ("chest", (-10.0, 0.0, 10.0))),  # lying flat
    "front of pelvis": (("pelvis", (9.8, 0.0, 2.0)),),
}
