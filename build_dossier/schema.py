"""What front matter and registries may say: one description that both checks values and
exports the JSON Schema that editors' YAML tooling uses (`schemas/*.schema.json`).
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from .model import DateError, FuzzyDate
from .yamlpos import Path

SLUG_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$")
# Names Windows refuses as files, whatever the extension.
RESERVED_SLUGS = frozenset(
    ["con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))]
)
LANGUAGE_RE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
URL_RE = re.compile(r"^https?://[^\s<>\"'`]+$")
QUOTE_KINDS = ("direct", "statement", "paraphrase")
PERSON_KINDS = ("person", "organisation")


@dataclass(frozen=True)
class Issue:
    """A value that does not fit its field."""

    path: Path
    message: str


@dataclass(frozen=True)
class Kind:
    """A type of value: its check and its JSON Schema."""

    name: str
    """How messages name it: 'text', 'a date', ..."""
    json: dict[str, Any]
    check: Callable[[Any], str | None]
    """Returns what is wrong with a value, or None."""


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing"
    return "text"


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return f"expected text, got {_type_name(value)}"
    if not value.strip():
        return "is empty"
    return None


def _slug(value: Any) -> str | None:
    if not isinstance(value, str):
        return f"expected an id, got {_type_name(value)}"
    if not SLUG_RE.fullmatch(value):
        return (f"'{value}' is not a valid id; use lowercase letters, digits and hyphens "
                "(at most 100, no leading or trailing hyphen)")
    if value in RESERVED_SLUGS:
        return f"'{value}' is a reserved file name on Windows; choose another id"
    return None


def _date(value: Any) -> str | None:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return f"expected a date, got {_type_name(value)}"
    try:
        FuzzyDate.parse(value)
    except DateError as error:
        return str(error)
    return None


def _url(value: Any) -> str | None:
    problem = _text(value)
    if problem:
        return problem
    if not URL_RE.fullmatch(value):
        return f"'{value}' is not a web address; expected one starting with https:// or http://"
    return None


def _language(value: Any) -> str | None:
    problem = _text(value)
    if problem:
        return problem
    if not LANGUAGE_RE.fullmatch(value):
        return f"'{value}' is not a language code; expected one such as en, fr or pt-BR"
    return None


def _one_of(choices: tuple[str, ...]) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        if value not in choices:
            return f"'{value}' is not one of: {', '.join(choices)}"
        return None

    return check


def _bool(value: Any) -> str | None:
    return None if isinstance(value, bool) else f"expected true or false, got {_type_name(value)}"


TEXT = Kind("text", {"type": "string", "minLength": 1, "pattern": r"\S"}, _text)
SLUG = Kind("an id", {"type": "string", "pattern": SLUG_RE.pattern,
                      "not": {"enum": sorted(RESERVED_SLUGS)}}, _slug)
DATE = Kind("a date", {"anyOf": [
    {"type": "string", "pattern": r"^~?\d{4}(-\d{2}(-\d{2})?)?$"},
    {"type": "integer", "minimum": 1000, "maximum": 9999},
]}, _date)
URL = Kind("a web address", {"type": "string", "pattern": URL_RE.pattern}, _url)
LANGUAGE = Kind("a language code", {"type": "string", "pattern": LANGUAGE_RE.pattern}, _language)
BOOL = Kind("true or false", {"type": "boolean"}, _bool)


def choice(*choices: str) -> Kind:
    """A kind that takes one of a few words."""
    return Kind("one of " + ", ".join(choices), {"enum": list(choices)}, _one_of(choices))


@dataclass(frozen=True)
class Field:
    """One key of a mapping."""

    name: str
    kind: Kind | Shape
    doc: str
    required: bool = False
    many: bool = False
    """A list of the kind (a single value is accepted too and means a list of one)."""


@dataclass(frozen=True)
class Shape:
    """A mapping with known keys."""

    name: str
    fields: tuple[Field, ...]
    one_of_required: tuple[str, ...] = ()
    """At least one of these keys must be given."""

    @property
    def keys(self) -> dict[str, Field]:
        """Fields by key."""
        return {f.name: f for f in self.fields}

    def validate(self, value: Any, path: Path = ()) -> Iterator[Issue]:
        """Every issue with `value` against this shape, in key order."""
        if not isinstance(value, dict):
            yield Issue(path, f"expected a mapping of keys to values, got {_type_name(value)}")
            return
        known = self.keys
        for key, item in value.items():
            spec = known.get(key)
            if spec is None:
                guess = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
                hint = f" (did you mean '{guess[0]}'?)" if guess else (
                    f"; expected one of: {', '.join(known)}")
                yield Issue((*path, key), f"unknown key '{key}'{hint}")
                continue
            yield from _validate_field(spec, item, (*path, key))
        for spec in self.fields:
            if spec.required and value.get(spec.name) is None:
                yield Issue((*path, spec.name), f"missing required field '{spec.name}'")
        if self.one_of_required and not any(value.get(k) is not None
                                             for k in self.one_of_required):
            names = " or ".join(f"'{k}'" for k in self.one_of_required)
            yield Issue(path, f"give {names}")

    def json_schema(self) -> dict[str, Any]:
        """This shape as a JSON Schema object."""
        properties: dict[str, Any] = {}
        for spec in self.fields:
            item = spec.kind.json_schema() if isinstance(spec.kind, Shape) else dict(spec.kind.json)
            if spec.many:
                item = {"anyOf": [{"type": "array", "items": item}, item]}
            properties[spec.name] = {"description": spec.doc, **item}
            if not spec.required:
                properties[spec.name] = {"anyOf": [properties[spec.name], {"type": "null"}],
                                         "description": spec.doc}
        schema: dict[str, Any] = {
            "type": "object",
            "properties": properties,
            "additionalProperties": False,
            "required": [f.name for f in self.fields if f.required],
        }
        if self.one_of_required:
            schema["anyOf"] = [{"required": [k], "properties": {k: {"not": {"type": "null"}}}}
                               for k in self.one_of_required]
        return schema


def _validate_field(spec: Field, value: Any, path: Path) -> Iterator[Issue]:
    if value is None:
        if spec.required:
            yield Issue(path, f"missing required field '{spec.name}'")
        return
    if spec.many:
        items = value if isinstance(value, list) else [value]
        paths = [(*path, i) for i in range(len(items))] if isinstance(value, list) else [path]
        for item, item_path in zip(items, paths, strict=True):
            yield from _validate_one(spec.kind, item, item_path)
    else:
        yield from _validate_one(spec.kind, value, path)


def _validate_one(kind: Kind | Shape, value: Any, path: Path) -> Iterator[Issue]:
    if isinstance(kind, Shape):
        yield from kind.validate(value, path)
        return
    problem = kind.check(value)
    if problem:
        yield Issue(path, problem)


QUOTE = Shape("quote", (
    Field("text", TEXT, "The words exactly as the source's text gives them, without the "
          "surrounding quotation marks.", required=True),
    Field("speaker", SLUG, "Id of the person or organisation in the people registry.",
          required=True),
    Field("kind", choice(*QUOTE_KINDS), "direct (default), statement or paraphrase."),
    Field("event", SLUG, "Id of the event at which it was said."),
    Field("date", DATE, "When it was said, if no registered event fits."),
    Field("confirm", TEXT, "A guess for the editor to confirm; `check` warns until removed."),
), one_of_required=("event", "date"))

SOURCE = Shape("source", (
    Field("id", SLUG, "Defaults to the file name without .md."),
    Field("title", TEXT, "The headline, or a plain descriptive title.", required=True),
    Field("published", DATE, "YYYY-MM-DD, YYYY-MM or YYYY; a leading ~ when approximate.",
          required=True),
    Field("outlet", TEXT, "Who published it; omit when the text does not say."),
    Field("url", URL, "Where it was published."),
    Field("credit", TEXT, "Credit or copyright line."),
    Field("author", TEXT, "Who wrote it, as the byline gives it; omit when the text does not "
          "say."),
    Field("language", LANGUAGE, "Language of the text; default en."),
    Field("summary", TEXT, "The editor's summary, naming the people and events involved."),
    Field("tags", SLUG, "Topics, as ids.", many=True),
    Field("reports", SLUG, "Events the source reports as having happened.", many=True),
    Field("announces", SLUG, "Events the source announces ahead of time.", many=True),
    Field("quotes", QUOTE, "Every quotation in the text.", many=True),
    Field("confirm", TEXT, "Guesses for the editor to confirm; `check` warns until removed.",
          many=True),
))

PERSON = Shape("person", (
    Field("name", TEXT, "Canonical name.", required=True),
    Field("kind", choice(*PERSON_KINDS), "person (default) or organisation."),
    Field("role", TEXT, "Role or office at the time of the dossier."),
    Field("aliases", TEXT, "How texts name them: 'Stoltenberg', 'the Secretary General'.",
          many=True),
))

EVENT = Shape("event", (
    Field("title", TEXT, "What happened, in a few words.", required=True),
    Field("date", DATE, "YYYY-MM-DD, YYYY-MM or YYYY; a leading ~ when approximate.",
          required=True),
    Field("place", TEXT, "Where it happened."),
    Field("description", TEXT, "One or two sentences."),
    Field("participants", SLUG, "Ids of people who took part.", many=True),
))


def registry_schema(shape: Shape, title: str) -> dict[str, Any]:
    """JSON Schema of a registry file: a mapping of ids to entries of `shape`."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        "type": "object",
        "propertyNames": SLUG.json,
        "additionalProperties": shape.json_schema(),
    }


def json_schemas() -> dict[str, dict[str, Any]]:
    """Every schema we ship, by file name."""
    source = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "Briefing dossier source front matter", **SOURCE.json_schema()}
    return {
        "source.schema.json": source,
        "people.schema.json": registry_schema(PERSON, "Briefing dossier people registry"),
        "events.schema.json": registry_schema(EVENT, "Briefing dossier events registry"),
    }


def dump_schema(schema: dict[str, Any]) -> str:
    """A schema as the text we ship: stable key order, trailing newline."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
