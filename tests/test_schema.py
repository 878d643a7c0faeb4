import json
from pathlib import Path

import jsonschema
import pytest

from build_dossier.schema import dump_schema, json_schemas
from build_dossier.yamlpos import parse_yaml

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "build_dossier/schemas"


def test_shipped_schemas_are_current():
    for name, schema in json_schemas().items():
        assert (SCHEMAS / name).read_text() == dump_schema(schema), f"regenerate {name}"


@pytest.mark.parametrize("path", sorted((ROOT / "sources").glob("*.md")), ids=lambda p: p.name)
def test_seed_front_matter_passes_the_json_schema(path):
    front = path.read_text(encoding="utf-8").split("\n---\n", 1)[0].removeprefix("---\n")
    schema = json.loads((SCHEMAS / "source.schema.json").read_text())
    jsonschema.validate(parse_yaml(front).value, schema)


def test_json_schema_rejects_what_the_loader_rejects():
    schema = json.loads((SCHEMAS / "source.schema.json").read_text())
    for bad in ({"title": "T"}, {"title": "T", "published": "2022", "outlt": "X"},
                {"title": "T", "published": "2022", "id": "../x"},
                {"title": "T", "published": "2022",
                 "quotes": [{"text": "x", "speaker": "a"}]}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)
