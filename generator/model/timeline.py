"""The follow-along player's timeline, made from the structured dosage: exercise → repetition →
side → phase (get ready, hold or keep going, switch side, rest).

The content gives the clinical numbers (how long, how many breaths, how many times, per side);
this module invents none. The person picks within each range (the low end by default), and
"several" / "as needed" stay open: the person goes on or stops. The only other lengths are
``PAUSES``: short pauses for moving into position, which are part of the player, not of the dose
(and wait for Next when the person turns auto-advance off).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from generator.model.dosage import Count, Dosage, Range

Side = Literal["left", "right"]
PhaseKind = Literal["ready", "hold", "work", "switch", "rest", "more"]
Unit = Literal["seconds", "minutes", "breaths"]
RepeatKind = Literal["count", "several", "as needed", "once"]

# Seconds of the player's own pauses: time to get into position, to change sides and to come out
# of a hold. Not from the source and not part of the dose, so kept short; with auto-advance off
# each one waits for Next instead.
PAUSES: dict[str, int] = {"ready": 5, "switch": 5, "rest": 5}


@dataclass(frozen=True)
class Span:
    """A range the person picks within; ``low`` is the default."""

    low: int
    high: int

    @classmethod
    def of(cls, value: Range) -> Span:
        """The span of a dosage range (an exact number is a span of one)."""
        return cls(value.min, value.max if value.max is not None else value.min)


@dataclass(frozen=True)
class Work:
    """The main phase of one repetition: a hold (seconds or breaths) or keep going (minutes)."""

    phase: Literal["hold", "work"]
    unit: Unit
    span: Span


@dataclass(frozen=True)
class Repeats:
    """How many times: a counted range, the words "several" or "as needed", or once."""

    kind: RepeatKind
    span: Span | None = None
    sets: Span | None = None


@dataclass(frozen=True)
class Plan:
    """One exercise's timeline before the person's choices: what one repetition holds, and how
    often it comes."""

    works: tuple[Work, ...]
    repeats: Repeats
    sides: tuple[Side | None, ...]


@dataclass(frozen=True)
class Choice:
    """What the person picked: an amount per work phase (by index), repetitions and sets."""

    amounts: tuple[int, ...] = ()
    repetitions: int | None = None
    sets: int | None = None


@dataclass(frozen=True)
class Where:
    """Which repetition and set a phase belongs to; ``repetitions`` is None when open."""

    repetition: int = 1
    repetitions: int | None = 1
    set: int = 1
    sets: int = 1


@dataclass(frozen=True)
class Phase:
    """One screen of the player. ``seconds`` counts down; ``breaths`` are counted by the person;
    neither means the phase waits for the person ("more": again, or move on)."""

    kind: PhaseKind
    side: Side | None = None
    seconds: int | None = None
    breaths: int | None = None
    at: Where = field(default_factory=Where)
    span: Span | None = field(default=None, compare=False)  # the guide's range, shown beside the count


def plan(dosage: Dosage) -> Plan:
    """The timeline plan of a dosage: a duration first ("keep going"), then a hold."""
    works = []
    if dosage.duration:
        works.append(Work("work", dosage.duration.unit, Span.of(dosage.duration)))
    if dosage.hold:
        works.append(Work("hold", dosage.hold.unit, Span.of(dosage.hold)))
    reps = dosage.repetitions
    sets = Span.of(dosage.sets) if dosage.sets else None
    if isinstance(reps, Count):
        repeats = Repeats("count", Span.of(reps), sets)
    elif reps is None:
        repeats = Repeats("once")
    else:
        repeats = Repeats(reps)
    sides: tuple[Side | None, ...] = ("left", "right") if dosage.per_side else (None,)
    return Plan(tuple(works), repeats, sides)


def _work_phase(work: Work, amount: int, side: Side | None, at: Where) -> Phase:
    if work.unit == "breaths":
        return Phase(work.phase, side, breaths=amount, at=at, span=work.span)
    seconds = amount * 60 if work.unit == "minutes" else amount
    return Phase(work.phase, side, seconds=seconds, at=at, span=work.span)


def _repetition(plan: Plan, amounts: tuple[int, ...], at: Where) -> list[Phase]:
    """One repetition: each side in turn, with a switch between them."""
    phases: list[Phase] = []
    for index, side in enumerate(plan.sides):
        if index:
            phases.append(Phase("switch", side, seconds=PAUSES["switch"], at=at))
        phases += [_work_phase(work, amount, side, at) for work, amount in zip(plan.works, amounts, strict=True)]
    return phases


def timeline(plan: Plan, choice: Choice | None = None) -> list[Phase]:
    """The flat timeline of one exercise at the person's choices (the low ends by default).

    Open repetitions ("several", "as needed") run ``choice.repetitions`` times (once by default),
    each followed by a "more" phase where the person goes again or moves on. The player's script
    (site_assets/js/player.js, ``expand``) follows these same rules."""
    choice = choice or Choice()
    amounts = choice.amounts or tuple(work.span.low for work in plan.works)
    repeats = plan.repeats
    open_ended = repeats.kind in ("several", "as needed")
    count = choice.repetitions or (repeats.span.low if repeats.span else 1)
    sets = choice.sets or (repeats.sets.low if repeats.sets else 1)
    phases = [Phase("ready", plan.sides[0], seconds=PAUSES["ready"])]
    for set_number in range(1, sets + 1):
        for number in range(1, count + 1):
            at = Where(number, None if open_ended else count, set_number, sets)
            if number > 1 or set_number > 1:
                phases.append(Phase("rest", seconds=PAUSES["rest"], at=at))
            phases += _repetition(plan, amounts, at)
            if open_ended:
                phases.append(Phase("more", at=at))
    return phases
