"""schema.org JSON-LD for exercise pages: a MedicalWebPage whose main entity is a HowTo, about an
ExercisePlan with the dosage as quantitative values."""

from __future__ import annotations

from typing import Any

from generator.figures.store import figure_size
from generator.load.content import Content
from generator.model import Amount, Count, Exercise, urls

UNIT_CODES = {"seconds": "SEC", "minutes": "MIN"}  # UN/CEFACT codes; breaths have none


def _quantity(value: Amount | Count) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": "QuantitativeValue", "minValue": value.min, "maxValue": value.max or value.min}
    unit = getattr(value, "unit", None)
    if unit in UNIT_CODES:
        data["unitCode"] = UNIT_CODES[unit]
    elif unit:
        data["unitText"] = unit
    return data


def exercise_jsonld(exercise: Exercise, content: Content, site_url: str | None) -> dict[str, Any]:
    """The JSON-LD object for one exercise page."""
    guide = content.guide
    page = urls.absolute(site_url, urls.exercise_path(exercise.id))
    images = [
        urls.absolute(site_url, urls.figure_file(exercise.id, f.id, "2x")) for f in exercise.figures if figure_size(f, content)
    ]
    plan: dict[str, Any] = {"@type": "ExercisePlan", "name": exercise.title, "exerciseType": "Stretching and mobility"}
    dosage = exercise.dosage
    if isinstance(dosage.repetitions, Count):
        plan["repetitions"] = _quantity(dosage.repetitions)
    timed = dosage.hold or dosage.duration
    if timed is not None:
        plan["activityDuration"] = _quantity(timed)
    return {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": exercise.title,
        "url": page,
        "description": exercise.purpose,
        "inLanguage": guide.language,
        "lastReviewed": guide.review.last_reviewed.isoformat(),
        "author": {"@type": "Organization", "name": guide.review.written_by},
        "isBasedOn": {"@type": "Article", "name": guide.source.title, "author": {"@type": "Person", "name": guide.source.author},
                      "publisher": {"@type": "Organization", "name": guide.source.publisher}, "datePublished": guide.source.published.isoformat()},
        "about": plan,
        "mainEntity": {
            "@type": "HowTo",
            "name": exercise.title,
            "description": exercise.purpose,
            "image": images,
            "tool": [{"@type": "HowToTool", "name": item} for item in exercise.equipment],
            "step": [
                {"@type": "HowToStep", "position": n, "text": step.text, "url": urls.part_url(page, "step", step.id)}
                for n, step in enumerate(exercise.steps, 1)
            ],
        },
    }
