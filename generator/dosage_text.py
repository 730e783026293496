"""Dosage in words, rendered from the structured numbers so every output says the same thing."""

from __future__ import annotations

from collections.abc import Mapping

from .model import Amount, Count, Dosage
from .wording import short_words, words


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


def phrases(dosage: Dosage, language: str = "en", *, short: bool = False) -> list[str]:
    """The dosage as phrases in reading order, e.g. ['Hold for 15–30 seconds', 'Do it 4–6 times on each side'].

    ``short`` gives the card wording: ['Hold 15–30 s', '4–6 times each side'].
    """
    w = short_words(language) if short else words(language)
    parts = []
    if dosage.duration:
        parts.append(w["duration"].format(amount=_range(dosage.duration.min, dosage.duration.max, dosage.duration.unit, w)))
    if dosage.hold:
        parts.append(w["hold"].format(amount=_range(dosage.hold.min, dosage.hold.max, dosage.hold.unit, w)))
    if isinstance(dosage.repetitions, Count):
        reps = w["reps"].format(count=_range(dosage.repetitions.min, dosage.repetitions.max, "times", w))
        if dosage.sets:
            reps += " " + w["sets"].format(count=_number(dosage.sets.min, dosage.sets.max, w))
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


def line(dosage: Dosage, language: str = "en", *, short: bool = False) -> str:
    """The dosage on one line: 'Hold for 15–30 seconds · Do it 4–6 times on each side'
    (short: 'Hold 15–30 s · 4–6 times each side')."""
    return words(language)["separator"].join(phrases(dosage, language, short=short))


def minutes_range(low: int, high: int, language: str = "en") -> str:
    """'10–41' (or '5' when both ends agree), for 'About … minutes in all'."""
    return _number(low, high, words(language))
