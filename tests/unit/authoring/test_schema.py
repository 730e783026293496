"""The editor schemas: generated from the model, committed, described, and in agreement with it."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from generator.authoring.schema import SCHEMAS, schema, schema_files, undescribed
from tests.conftest import REPO


def test_committed_schemas_are_up_to_date():
    """Run `traction schema` after changing the model, and commit schema/."""
    for name, text in schema_files().items():
        assert (REPO / "schema" / name).read_text(encoding="utf-8") == text, name


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_field_is_explained(name):
    assert undescribed(schema(SCHEMAS[name])) == []


def content_files():
    yield "guide.schema.json", REPO / "content" / "guide.yaml"
    yield "links.schema.json", REPO / "content" / "links.yaml"
    for path in sorted((REPO / "content" / "exercises").glob("*.yaml")):
        yield "exercise.schema.json", path
    for path in sorted((REPO / "content" / "routines").glob("*.yaml")):
        yield "routine.schema.json", path


@pytest.mark.parametrize(("name", "path"), list(content_files()), ids=lambda v: getattr(v, "name", v))
def test_content_files_point_at_and_pass_their_schema(name, path):
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0].startswith("# yaml-language-server: $schema=") and text.splitlines()[0].endswith(f"schema/{name}")
    data = json.loads(json.dumps(yaml.safe_load(text), default=str))  # dates as the ISO text an editor sees
    jsonschema.validate(data, json.loads((REPO / "schema" / name).read_text()))


def test_the_schema_catches_a_typo():
    with pytest.raises(jsonschema.ValidationError, match="titel"):
        jsonschema.validate({"id": "x", "titel": "X"}, schema(SCHEMAS["exercise.schema.json"]))
