"""JSON Schemas for content files, generated from the model, for editor completion and checks."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from generator.load.registry import Registry
from generator.model import Exercise, Guide, Routine

SCHEMAS: dict[str, type[BaseModel]] = {
    "guide.schema.json": Guide,
    "exercise.schema.json": Exercise,
    "routine.schema.json": Routine,
    "links.schema.json": Registry,
}


def schema(model: type[BaseModel]) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one kind of content file."""
    data = model.model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **data}


def schema_files() -> dict[str, str]:
    """{file name: JSON text} for every content file kind, stable byte for byte."""
    return {name: json.dumps(schema(model), indent=2, ensure_ascii=False) + "\n" for name, model in SCHEMAS.items()}


def undescribed(data: dict[str, Any], where: str = "") -> list[str]:
    """Properties without a description, so authors always get help in their editor."""
    missing = []
    for name, definition in data.get("$defs", {}).items():
        missing += undescribed(definition, f"{name}.")
    for name, prop in data.get("properties", {}).items():
        if "description" not in prop:
            missing.append(where + name)
    return missing
