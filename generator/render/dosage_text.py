"""Dosage in words, rendered from the structured numbers so every output says the same thing."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from generator.model import Amount, Count, Dosage
from generator.render.wording import short_words, words


def _number(low: int, high: int | None, w: Mapping[str, str]) -> str:
    top = high if high is not None else low
    return str(low) if top == low else w["range"].format(min=low, max=top)


def _range(low: int, high: int | None, unit: str, w: Mapping[str, str]) -> str:
    plural = "one" if (high or low) == 1 else "many"
    return w[f"{unit}_{plural}"].format(n=_number(low, high, w))


def amount(value: Amount, language: str = "en") -> str:
    """'15–30 seconds', '3 breaths', '1 minute'."""
    return _range(value.min, value.max, value.unit, words(language))


def count(value: Count, language: str = "en") -> str:
    """'4–6 times', '1 time'."""
    return _range(value.min, value.max, "times", words(language))


def _sets(count: str, w: Mapping[str, str]) -> str:
    return " " + w["sets"].format(count=count)


def phrases(dosage: Dosage, language: str = "en", *, short: bool = False, slot: Callable[[str], str] | None = None) -> list[str]:
    """The dosage as phrases in reading order, e.g. ['Hold for 15–30 seconds', 'Do it 4–6 times on each side'].

    ``short`` gives the card wording: ['Hold 15–30 s', '4–6 times each side']. ``slot(key)``, if
    given, stands in for each amount a clinician may set (d, h, r and the sets phrase s).
    """
    w = short_words(language) if short else words(language)

    def say(key: str, value: Amount | Count, unit: str) -> str:
        return slot(key) if slot else _range(value.min, value.max, unit, w)

    parts = []
    if dosage.duration:
        parts.append(w["duration"].format(amount=say("d", dosage.duration, dosage.duration.unit)))
    if dosage.hold:
        parts.append(w["hold"].format(amount=say("h", dosage.hold, dosage.hold.unit)))
    if isinstance(dosage.repetitions, Count):
        reps = w["reps"].format(count=say("r", dosage.repetitions, "times"))
        if slot:
            reps += slot("s")
        elif dosage.sets:
            reps += _sets(_number(dosage.sets.min, dosage.sets.max, w), w)
        parts.append(reps)
    elif dosage.repetitions == "several":
        parts.append(w["reps_several"])
    elif dosage.repetitions == "as needed":
        parts.append(w["reps_as_needed"])
    if dosage.per_side:
        parts[-1] += " " + w["each_side"]
    if dosage.frequency:
        times = _range(dosage.frequency.times.min, dosage.frequency.times.max, "times", w)
        parts.append(w["frequency"].format(count=times[:1].upper() + times[1:], per=w[dosage.frequency.per]))
    return parts


def slotted_line(dosage: Dosage, language: str = "en") -> dict[str, Any]:
    """The card's dosage line with a {d}, {h}, {r} or {s} slot for each amount the card builder
    lets a clinician set, and each slot's words: for one, for many ({n}), and the guide's own
    amount. The builder's script only puts numbers into them, so its cards say what routine
    cards say, e.g. {'line': 'Hold {h} · {r}{s} each side', 'slots': {'h': {'one': '{n} s', …}}}.
    """
    w = short_words(language)
    slots: dict[str, dict[str, str]] = {}
    for key, value in (("d", dosage.duration), ("h", dosage.hold)):
        if value:
            slots[key] = {"one": w[f"{value.unit}_one"], "many": w[f"{value.unit}_many"], "guide": _range(value.min, value.max, value.unit, w)}
    if isinstance(dosage.repetitions, Count):
        reps = dosage.repetitions
        slots["r"] = {"one": w["times_one"], "many": w["times_many"], "guide": _range(reps.min, reps.max, "times", w)}
        guide_sets = _sets(_number(dosage.sets.min, dosage.sets.max, w), w) if dosage.sets else ""
        slots["s"] = {"one": _sets("{n}", w), "many": _sets("{n}", w), "guide": guide_sets}
    line = w["separator"].join(phrases(dosage, language, short=True, slot=lambda key: "{" + key + "}"))
    return {"line": line, "slots": slots}


def line(dosage: Dosage, language: str = "en", *, short: bool = False) -> str:
    """The dosage on one line: 'Hold for 15–30 seconds · Do it 4–6 times on each side'
    (short: 'Hold 15–30 s · 4–6 times each side')."""
    return words(language)["separator"].join(phrases(dosage, language, short=short))


def minutes_range(low: int, high: int, language: str = "en") -> str:
    """'10–41' (or '5' when both ends agree), for 'About … minutes in all'."""
    return _number(low, high, words(language))
