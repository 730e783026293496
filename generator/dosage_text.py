"""Dosage in words, rendered from the structured numbers so every output says the same thing."""

from __future__ import annotations

from .model import Amount, Count, Dosage
from .wording import words


def _number(low: int, high: int | None, language: str) -> str:
    top = high if high is not None else low
    return str(low) if top == low else words(language)["range"].format(min=low, max=top)


def _range(low: int, high: int | None, unit: str, language: str) -> str:
    plural = "one" if (high or low) == 1 else "many"
    return words(language)[f"{unit}_{plural}"].format(n=_number(low, high, language))


def amount(value: Amount, language: str = "en") -> str:
    """'15–30 seconds', '3 breaths', '1 minute'."""
    return _range(value.min, value.max, value.unit, language)


def count(value: Count, language: str = "en") -> str:
    """'4–6 times', '1 time'."""
    return _range(value.min, value.max, "times", language)


def phrases(dosage: Dosage, language: str = "en") -> list[str]:
    """The dosage as short phrases in reading order, e.g. ['Hold for 15–30 seconds', 'Do it 4–6 times on each side']."""
    w = words(language)
    parts = []
    if dosage.duration:
        parts.append(w["duration"].format(amount=amount(dosage.duration, language)))
    if dosage.hold:
        parts.append(w["hold"].format(amount=amount(dosage.hold, language)))
    if isinstance(dosage.repetitions, Count):
        reps = w["reps"].format(count=count(dosage.repetitions, language))
        if dosage.sets:
            reps += " " + w["sets"].format(count=_number(dosage.sets.min, dosage.sets.max, language))
        parts.append(reps)
    elif dosage.repetitions == "several":
        parts.append(w["reps_several"])
    elif dosage.repetitions == "as needed":
        parts.append(w["reps_as_needed"])
    if dosage.per_side:
        parts[-1] += " " + w["each_side"]
    if dosage.frequency:
        times = count(dosage.frequency.times, language)
        parts.append(w["frequency"].format(count=times[:1].upper() + times[1:], per=w[dosage.frequency.per]))
    return parts


def line(dosage: Dosage, language: str = "en") -> str:
    """The dosage on one line: 'Hold for 15–30 seconds · Do it 4–6 times on each side'."""
    return words(language)["separator"].join(phrases(dosage, language))
