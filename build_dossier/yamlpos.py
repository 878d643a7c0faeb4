"""Safe YAML with line numbers: the first step of `load`.

Builds plain Python values from PyYAML's event stream (never its constructors), so every value
keeps the line it came from, duplicate keys are caught, and tags, aliases and deep nesting are
refused before they can cost anything.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # libyaml is an order of magnitude faster; the pure-Python parser behaves the same.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 32
Path = tuple[str | int, ...]

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_resolver = yaml.resolver.Resolver()
_constructor = yaml.constructor.SafeConstructor()


@dataclass
class YamlProblem:
    """A problem in YAML text, at a 1-based line relative to the text."""

    line: int
    field: str
    message: str


@dataclass
class Parsed:
    """A YAML document as plain values, with the line of every key and list item."""

    value: Any = None
    lines: dict[Path, int] = field(default_factory=dict)
    problems: list[YamlProblem] = field(default_factory=list)

    def line(self, path: Path, default: int = 1) -> int:
        """The line of `path`, or of its nearest ancestor that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), default)


def field_name(path: Path) -> str:
    """`("quotes", 2, "speaker")` -> `quotes[2].speaker`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


_TYPED_FIRST = frozenset(_resolver.yaml_implicit_resolvers)
"""First characters of the plain scalars YAML may read as something other than text (`~`,
`true`, `12`, ''); None among them would mean any character may."""


def _scalar(event: yaml.ScalarEvent) -> Any:
    tag = event.tag
    if tag is None and None not in _TYPED_FIRST and (
            not event.implicit[0] or event.value[:1] not in _TYPED_FIRST):
        # Quoted, or plain and starting as no other type does: text, as `resolve` would
        # find after trying each type in Python (most of a source's values are text).
        return event.value
    if tag is None or tag == "!":
        implicit = event.implicit
        tag = _resolver.resolve(yaml.ScalarNode, event.value, implicit)  # type: ignore[no-untyped-call]
    if tag not in _PLAIN_TAGS:
        raise _Refused(f"YAML tag '{event.tag}' is not allowed; write plain values")
    if tag in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"):
        # Dates stay text: the loader parses them at their own precision.
        return event.value
    node = yaml.ScalarNode(tag, event.value)
    return _constructor.construct_object(node)


HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Characters no value may hold, however it was written (`"\\e"` is ESC in YAML): control
characters, which reach terminals as commands and HTML as invisible text, and bidi controls,
which show text in an order other than it is stored (in the PDF's title, say). Line breaks and
tabs are allowed."""


def hidden_character(text: str) -> str:
    """The message for a value holding a HIDDEN character: which one, and what to do."""
    found = HIDDEN.search(text)
    assert found is not None
    char = found.group()
    if unicodedata.category(char) == "Cc":
        return f"the control character U+{ord(char):04X} is not allowed in a value; remove it"
    return (f"the bidi control U+{ord(char):04X} ({unicodedata.name(char)}) is not allowed in "
            "a value: it shows text in another order than it is written; remove it")


class _Refused(Exception):
    """Input that is valid YAML but that we will not accept."""


class _Container:
    __slots__ = ("is_map", "key", "path", "value")

    def __init__(self, value: Any, path: Path) -> None:
        self.value = value
        self.path = path
        self.is_map = isinstance(value, dict)
        self.key: Any = _NO_KEY


_NO_KEY = object()


def syntax_error_in_words(error: yaml.MarkedYAMLError, text: str = "") -> tuple[int, str]:
    """(1-based line, plain words with the column) for a YAML syntax error: what is wrong and
    how to fix it, rather than the parser's own terms."""
    problem, context = error.problem or "", error.context or ""
    mark = error.problem_mark or error.context_mark
    opened = error.context_mark
    if opened is not None and (problem.startswith("found unexpected end of stream")
                               or ("flow" in context and "expected" in problem)):
        # Something opened and never closed: the place it opened is the one to show.
        mark = opened
    line = mark.line + 1 if mark else 1
    column = mark.column + 1 if mark else 1
    lines = text.split("\n")
    at = lines[line - 1][column - 1:column] if 0 < line <= len(lines) else ""
    if "quoted scalar" in context:
        words = (f"the quotation mark at column {column} is never closed; close it at the end "
                 "of the value")
    elif "flow sequence" in context:
        words = f"the list '[' opened at column {column} is never closed with ']'"
    elif "flow mapping" in context:
        words = f"the '{{' opened at column {column} is never closed with '}}'"
    elif "mapping values are not allowed" in problem:
        words = (f"the ':' at column {column} cannot start a value here: this line is indented "
                 "under the line above, or a value holds ': ' (put such a value in quotes)")
    elif "cannot start any token" in problem and ("'\\t'" in problem or at == "\t"):
        words = f"a tab at column {column}: YAML indents with spaces only"
    elif "cannot start any token" in problem:
        words = (f"the character at column {column} cannot start a value; put the value in "
                 "quotes")
    elif "could not find expected ':'" in problem:
        words = (f"this line has no 'key: value' colon (column {column}), or a quotation mark "
                 "above it is not closed")
    elif "expected <block end>" in problem or "did not find expected key" in problem:
        words = f"the indentation at column {column} does not line up with the keys above it"
    elif "alias" in problem or "anchor" in context or "alias" in context:
        words = (f"'*' or '&' at column {column} starts an alias or an anchor in YAML; put the "
                 "value in quotes")
    else:
        words = f"{problem}{f' ({context})' if context else ''} at column {column}"
    return line, words


def parse_yaml(text: str, first_line: int = 1) -> Parsed:
    """Parse one YAML document into plain values; problems instead of exceptions.

    `first_line` is the file line the text starts on, for line numbers quoted in messages.
    """
    parsed = Parsed()
    stack: list[_Container] = []
    root_set = False

    def place(value: Any, line: int) -> Path | None:
        """Attach a finished value to its parent; returns its path, or None for a key."""
        nonlocal root_set
        if not stack:
            parsed.value = value
            root_set = True
            parsed.lines[()] = line
            return ()
        top = stack[-1]
        if top.is_map:
            if top.key is _NO_KEY:
                if isinstance(value, (dict, list)) or value is None:
                    raise _Refused("a mapping key must be a plain word")
                key = str(value)
                path = (*top.path, key)
                if key in top.value:
                    parsed.problems.append(YamlProblem(
                        line, field_name(path),
                        f"duplicate key '{key}' (first given on line "
                        f"{parsed.lines[path] + first_line - 1})"))
                    top.key = _Duplicate
                else:
                    top.key = key
                    parsed.lines[path] = line
                return None
            key = top.key
            top.key = _NO_KEY
            if key is _Duplicate:
                return (*top.path, "<duplicate>")
            top.value[key] = value
            return (*top.path, key)
        path = (*top.path, len(top.value))
        top.value.append(value)
        parsed.lines[path] = line
        return path

    try:
        for event in yaml.parse(text, Loader=_Loader):
            line = event.start_mark.line + 1 if event.start_mark else 1
            if isinstance(event, yaml.ScalarEvent):  # the most common, first
                value = _scalar(event)
                path = place(value, line)
                if isinstance(value, str) and HIDDEN.search(value):
                    parsed.problems.append(YamlProblem(
                        line, field_name(path or ()), hidden_character(value)))
            elif isinstance(event, yaml.AliasEvent):
                raise _Refused(f"YAML aliases (*{event.anchor}) are not allowed; repeat the value")
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                tag = event.tag
                if tag not in (None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
                    raise _Refused(f"YAML tag '{tag}' is not allowed; write plain values")
                if len(stack) >= MAX_DEPTH:
                    raise _Refused(f"nested more than {MAX_DEPTH} levels deep")
                container: dict[str, Any] | list[Any] = (
                    {} if isinstance(event, yaml.MappingStartEvent) else []
                )
                path = place(container, line)
                if path is None:
                    raise _Refused("a mapping key must be a plain word")
                stack.append(_Container(container, path))
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
            elif isinstance(event, yaml.DocumentStartEvent) and root_set:
                raise _Refused("more than one YAML document; remove the extra '---'")
    except _Refused as refused:
        parsed.problems.append(YamlProblem(line, "", str(refused)))
        parsed.value = None
    except yaml.MarkedYAMLError as error:
        where, what = syntax_error_in_words(error, text)
        parsed.problems.append(YamlProblem(where, "", f"YAML syntax error: {what}"))
        parsed.value = None
    except yaml.reader.ReaderError as error:
        where = text[: error.position].count("\n") + 1
        parsed.problems.append(YamlProblem(
            where, "", f"the character U+{error.character:04X} is not allowed in YAML; remove it"
            if isinstance(error.character, int) else f"YAML error: {error.reason}"))
        parsed.value = None
    except yaml.YAMLError as error:  # e.g. a character YAML does not allow
        parsed.problems.append(YamlProblem(1, "", f"YAML error: {error}"))
        parsed.value = None
    except ValueError as error:  # an int or float literal too large to construct
        parsed.problems.append(YamlProblem(line, "", f"unreadable value: {error}"))
        parsed.value = None
    return parsed


class _Duplicate:
    """Marks the value of a duplicate key, which is reported and then dropped."""
