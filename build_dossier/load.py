"""Stage 1: read `sources/` into records, collecting every problem instead of stopping.

Each source file is YAML front matter between `---` lines, then the text exactly as published.
The people and events registries are `sources/people.yml` and `sources/events.yml`.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from .addresses import quote_anchor, repeated_quote_anchor
from .cluster import Made, Recurring
from .model import Event, FuzzyDate, Person, Problem, Quote, QuoteKind, Severity, Source
from .parallel import LOAD_MIN_FILES as PARALLEL_MIN_FILES
from .parallel import forked_map
from .progress import LOAD, Reporter
from .schema import EVENT, PERSON, SLUG, SOURCE, URL, Shape
from .textmatch import Body, closest_passage_hint, fold, words
from .write import file_state as _state
from .yamlpos import Parsed, field_name, parse_yaml

SOURCES_DIR = "sources"
PEOPLE_FILE = "people.yml"
EVENTS_FILE = "events.yml"
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_QUOTES = 2_000
LOAD_CHUNK = 100
MAX_HINTS = 5
"""Quotes per file whose error names the closest passage: the search costs time on long texts."""
HIDDEN_IN_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters a published text never shows; tabs and line breaks are text."""
_FENCE = re.compile(r"^---[ \t]*$")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")


@dataclass
class Loaded:
    """Everything read from `sources/`, and everything wrong with it."""

    sources: list[Source] = field(default_factory=list)
    people: dict[str, Person] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


Read = tuple[Source | None, list[Problem]]
"""One source file read: the source (None when it has errors) and its problems."""


@dataclass
class Memo:
    """What each source file gave when last read, with the file's state then: `serve` keeps
    one between builds and reads again only the files saved since (parsing every source was
    0.4 s of each rebuild at 1,000 sources, 4 s at 10,000)."""

    files: dict[Path, tuple[tuple[int, ...], Read]] = field(default_factory=dict)
    joins: dict[tuple[object, ...], list[list[int]]] = field(default_factory=dict)
    """The quotes of each speaker as last clustered (`cluster.Joins`): a speaker whose quotes
    did not change is not compared again (a second of each rebuild at 10,000 sources)."""
    clusters: Made = field(default_factory=dict)
    """The clusters as last made (`cluster.Made`)."""
    recurring: Recurring = field(default_factory=Recurring)
    """The recurring lines as last found (`cluster.Recurring`)."""
    registries: dict[str, tuple[tuple[int, ...], Any, list[Problem]]] = field(
        default_factory=dict)
    """What each registry file (people, events) gave, with the file's state then: parsed
    again, events.yml was a quarter of a second of each rebuild at 10,000 sources."""

    def get(self, path: Path) -> Read | None:
        """What `path` gave, if it is still the very file read then."""
        known = self.files.get(path)
        return known[1] if known is not None and known[0] == _state(path) else None

    def keep(self, path: Path, state: tuple[int, ...], read: Read) -> None:
        if state:
            self.files[path] = (state, read)


class _Report:
    """Collects problems for one file."""

    def __init__(self, path: str, problems: list[Problem], line_offset: int = 0) -> None:
        self.path = path
        self.problems = problems
        self.line_offset = line_offset

    def add(self, line: int, fld: str, message: str, severity: Severity = "error") -> None:
        shifted = line + self.line_offset if line else 0
        self.problems.append(Problem(self.path, shifted, severity, fld, message))

    def has_errors(self) -> bool:
        return any(p.path == self.path and p.severity == "error" for p in self.problems)


LINK_REFUSED = ("is a symbolic link; build-dossier never follows links (a link can lead "
                "anywhere on the machine): put the file itself here")


def read_text(path: Path, rel: str, report: _Report) -> str | None:
    """A file's text as UTF-8, with a byte-order mark and CRLF line endings undone."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            report.add(0, "", "is not a regular file (a folder, device or pipe); build-dossier "
                       "reads only files")
            return None
        if info.st_size > MAX_FILE_BYTES:
            report.add(0, "", f"file is {info.st_size / 1024 / 1024:.1f} MB; sources are "
                       f"limited to {MAX_FILE_BYTES // 1024 // 1024} MB")
            return None
        data = path.read_bytes()
    except OSError as error:
        report.add(0, "", f"cannot read the file: {error.strerror}")
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = data[error.start]
        report.add(line, "", f"the file is not UTF-8 (byte 0x{byte:02X}); save it as UTF-8")
        return None
    if "\x00" in text:
        report.add(text[: text.index("\x00")].count("\n") + 1, "",
                   "the file contains NUL bytes; is it a binary file?")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_file(path: Path, root: Path, problems: list[Problem]) -> str | None:
    """A file's text (see `read_text`); a symbolic link is refused, never followed, and so is a
    file in a linked folder (`load` reports `sources/` itself once)."""
    rel = path.relative_to(root).as_posix()
    report = _Report(rel, problems)
    if path.is_symlink():
        report.add(0, "", LINK_REFUSED)
        return None
    if path.parent != root and path.parent.is_symlink():
        report.add(0, "", "is in a folder that is a symbolic link; build-dossier never follows "
                   "links: make the folder a real one")
        return None
    return read_text(path, rel, report)


def split_front_matter(text: str, report: _Report) -> tuple[str, str, int] | None:
    """(front matter, body, line on which the body starts), or None after reporting why not."""
    if not text.strip():
        report.add(0, "", "the file is empty; a source starts with '---', its front matter, "
                   "'---', then the text")
        return None
    lines = text.split("\n")
    if not _FENCE.match(lines[0]):
        report.add(1, "", "no front matter: the file must start with a line '---', then the "
                   "YAML annotations, then a line '---' and the text")
        return None
    for number, line in enumerate(lines[1:], start=2):
        if _CLOSE.match(line):
            front = "\n".join(lines[1: number - 1]) + "\n"
            body = "\n".join(lines[number:])
            return front, body, number + 1
    report.add(1, "", "the front matter is not closed: add a line '---' after the annotations")
    return None


def _parse_mapping(text: str, shape: Shape | None, report: _Report) -> Parsed | None:
    """Parse YAML and check it against `shape`; None when the YAML itself is unusable."""
    parsed = parse_yaml(text, first_line=report.line_offset + 1)
    for problem in parsed.problems:
        report.add(problem.line, problem.field, problem.message)
    if parsed.value is None and not parsed.problems:
        report.add(1, "", "the front matter is empty")
        return None
    if parsed.value is None:
        return None
    if shape is not None:
        for issue in shape.validate(parsed.value):
            report.add(parsed.line(issue.path), field_name(issue.path), issue.message)
    elif not isinstance(parsed.value, dict):
        report.add(1, "", "expected a mapping of ids to entries")
        return None
    return parsed


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _date(value: Any) -> FuzzyDate | None:
    try:
        return FuzzyDate.parse(str(value))
    except ValueError:
        return None


def _slugs(value: Any) -> tuple[str, ...]:
    return tuple(v for v in _as_list(value) if isinstance(v, str) and SLUG.check(v) is None)


def _str(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _quotes(source_id: str, items: Any, parsed: Parsed, body: Body,
            report: _Report) -> tuple[Quote, ...]:
    quotes: list[Quote] = []
    items = _as_list(items)
    if len(items) > MAX_QUOTES:
        report.add(parsed.line(("quotes",)), "quotes",
                   f"{len(items)} quotes; a source may carry at most {MAX_QUOTES}")
        return ()
    next_start: dict[str, int] = {}
    anchors: dict[str, int] = {}
    hints = MAX_HINTS
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        text, speaker = item.get("text"), item.get("speaker")
        if (not isinstance(text, str) or not text.strip() or not isinstance(speaker, str)
                or SLUG.check(speaker) is not None):
            continue  # the shape check has reported it
        path = ("quotes", index, "text")
        key = fold(text).strip().lower()
        start = next_start.get(key, 0)
        span = body.find(text, start) or (body.find(text) if start else None)
        for form in ("NFC", "NFD"):  # the same letters, composed differently
            if span is None and unicodedata.normalize(form, text) != text:
                span = body.find(unicodedata.normalize(form, text))
        if span is None:
            hints -= 1
            passage = body.closest_passage(text) if hints >= 0 else ""
            hint = closest_passage_hint(text, passage)
            report.add(parsed.line(path), field_name(path),
                       f"\"{_shorten(text)}\" is not in the source's text{hint}")
            continue
        # The same words annotated twice are two occurrences: look past the first one.
        next_start[key] = body.folded_position(span[1])
        # Split into words here, on the loading workers: clustering compares these.
        folded_words = tuple(words(text))
        anchor = quote_anchor(speaker, text, folded_words)
        anchors[anchor] = anchors.get(anchor, 0) + 1
        if anchors[anchor] > 1:
            anchor = repeated_quote_anchor(anchor, anchors[anchor])
        if item.get("event") is not None and item.get("date") is not None:
            report.add(parsed.line(("quotes", index, "date")),
                       field_name(("quotes", index, "date")),
                       "give either 'event' or 'date', not both: a quote said at an event has "
                       "the event's date; remove 'date', or remove 'event' if the words were "
                       "said on another occasion")
        kind = item.get("kind", "direct")
        quotes.append(Quote(
            source_id=source_id,
            index=index,
            text=text.strip(),
            speaker=speaker,
            # Any other kind has been reported by the shape check, and the build stops.
            kind=QuoteKind(kind) if isinstance(kind, str) and kind in QuoteKind._value2member_map_
            else QuoteKind.DIRECT,
            event=item["event"] if SLUG.check(item.get("event")) is None else None,
            date=_date(item["date"]) if item.get("date") is not None else None,
            span=span,
            anchor=anchor,
            line=parsed.line(("quotes", index)) + report.line_offset,
            words=folded_words,
        ))
        if isinstance(item.get("confirm"), str):
            report.add(parsed.line(("quotes", index, "confirm")),
                       field_name(("quotes", index, "confirm")),
                       f"to confirm: {item['confirm']}", "warning")
    return tuple(quotes)


def _shorten(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


PROVENANCE = (
    ("outlet", "who published the text", "outlet"),
    ("url", "its address", "address"),
    ("author", "who wrote or issued it", "author"),
)
"""What a reader needs to check a source, and how the warning asks for it."""


def _warn_unrecorded(meta: dict[str, Any], parsed: Parsed, report: _Report) -> None:
    """A warning for each provenance field the editors left out: the pages say 'not recorded'
    there, and the gap should be seen before a reader meets it."""
    line = parsed.line(("title",))  # the front matter's own line without a title
    for name, what, label in PROVENANCE:
        if not _str(meta.get(name)).strip():
            report.add(line, name, f"not recorded; add {what} if the text or its page says "
                       f"(pages show '{label} not recorded')", "warning")


def load_source(path: Path, root: Path, problems: list[Problem]) -> Source | None:
    """Read one source file; its problems go to `problems`."""
    rel = path.relative_to(root).as_posix()
    report = _Report(rel, problems)
    text = read_file(path, root, problems)
    if text is None:
        return None
    split = split_front_matter(text, report)
    if split is None:
        return None
    front, body_text, body_line = split
    report.line_offset = 1  # front matter starts on the file's second line
    parsed = _parse_mapping(front, SOURCE, report)
    if parsed is None or not isinstance(parsed.value, dict):
        return None
    meta: dict[str, Any] = parsed.value
    hidden = HIDDEN_IN_TEXT.search(body_text)
    if hidden:
        # Given in file lines: the report shifts front-matter lines.
        line = body_line + body_text.count("\n", 0, hidden.start()) - report.line_offset
        report.add(line, "", f"the text contains the control character "
                   f"U+{ord(hidden.group()):04X}, which no reader sees (and which can rewrite "
                   "an editor's terminal); remove it")
    if not body_text.strip():
        # The closing '---' line, given in file lines: the report shifts front-matter lines.
        report.add(body_line - 1 - report.line_offset, "", "the source has no text below its "
                   "front matter; paste the article there exactly as published")
    stem = path.name[: -len(".md")]
    source_id: str = meta["id"] if isinstance(meta.get("id"), str) else stem
    if "id" not in meta:
        problem = SLUG.check(stem)
        if problem:
            report.add(0, "id", f"the file name gives the id: {problem}")
    for i, note in enumerate(_as_list(meta.get("confirm"))):
        if isinstance(note, str):
            fld = ("confirm", i) if isinstance(meta.get("confirm"), list) else ("confirm",)
            report.add(parsed.line(fld), field_name(fld), f"to confirm: {note}", "warning")
    _warn_unrecorded(meta, parsed, report)
    body = Body(body_text)
    quotes = _quotes(source_id, meta.get("quotes"), parsed, body, report)
    published = _date(meta.get("published")) or FuzzyDate(1)
    return Source(
        id=source_id,
        path=rel,
        title=_str(meta.get("title")),
        published=published,
        body=body_text,
        outlet=_str(meta.get("outlet")),
        url=_str(meta.get("url")) if URL.check(meta.get("url")) is None else "",
        credit=_str(meta.get("credit")),
        author=_str(meta.get("author")),
        language=_str(meta.get("language")) or "en",
        summary=_str(meta.get("summary")),
        tags=_slugs(meta.get("tags")),
        reports=_slugs(meta.get("reports")),
        announces=_slugs(meta.get("announces")),
        quotes=quotes,
        body_line=body_line,
        reference_lines=_reference_lines(meta, parsed, report.line_offset),
    )


def _reference_lines(meta: dict[str, Any], parsed: Parsed,
                     offset: int) -> dict[tuple[str, str], int]:
    """The file line of each id the front matter names, by (field, id): see Source."""
    lines: dict[tuple[str, str], int] = {}

    def note(field_path: str, value: Any, path: tuple[str | int, ...]) -> None:
        if isinstance(value, str) and path in parsed.lines:
            lines.setdefault((field_path, value), parsed.lines[path] + offset)

    note("id", meta.get("id"), ("id",))
    for name in ("reports", "announces"):
        value = meta.get(name)
        if isinstance(value, list):
            for i, item in enumerate(value):
                note(name, item, (name, i))
        else:
            note(name, value, (name,))
    quotes = meta.get("quotes")
    for i, item in enumerate(quotes if isinstance(quotes, list) else ()):
        if isinstance(item, dict):
            for key in ("speaker", "event"):
                note(f"quotes[{i}].{key}", item.get(key), ("quotes", i, key))
    return lines


def _load_registry(path: Path, root: Path, shape: Shape,
                   problems: list[Problem]) -> Iterable[tuple[str, dict[str, Any], Parsed]]:
    """Each valid entry of a registry file: its id, its fields, and the parsed file (for the
    lines of its fields, given in file lines)."""
    rel = path.relative_to(root).as_posix()
    report = _Report(rel, problems)
    if not os.path.lexists(path):  # a dangling link is there, and refused
        return
    text = read_file(path, root, problems)
    if text is None:
        return
    if not text.strip():
        return
    parsed = _parse_mapping(text, None, report)
    if parsed is None or not isinstance(parsed.value, dict):
        return
    for key, entry in parsed.value.items():
        problem = SLUG.check(key)
        if problem:
            report.add(parsed.line((key,)), key, problem)
            continue
        for issue in shape.validate(entry, (key,)):
            report.add(parsed.line(issue.path), field_name(issue.path), issue.message)
        if isinstance(entry, dict):
            yield key, entry, parsed


def load_people(root: Path, problems: list[Problem]) -> dict[str, Person]:
    """The people registry, by id."""
    people = {}
    path = root / SOURCES_DIR / PEOPLE_FILE
    for key, entry, parsed in _load_registry(path, root, PERSON, problems):
        people[key] = Person(
            id=key,
            name=_str(entry.get("name")) or key,
            kind="organisation" if entry.get("kind") == "organisation" else "person",
            role=_str(entry.get("role")),
            aliases=tuple(a.strip() for a in _as_list(entry.get("aliases"))
                          if isinstance(a, str) and a.strip()),
            line=parsed.line((key,)),
        )
    return people


def load_events(root: Path, problems: list[Problem]) -> dict[str, Event]:
    """The events registry, by id."""
    events = {}
    path = root / SOURCES_DIR / EVENTS_FILE
    for key, entry, parsed in _load_registry(path, root, EVENT, problems):
        participants = entry.get("participants")
        participant_lines: dict[str, int] = {}
        for i, person in enumerate(participants if isinstance(participants, list) else ()):
            if isinstance(person, str) and (key, "participants", i) in parsed.lines:
                participant_lines.setdefault(person, parsed.lines[(key, "participants", i)])
        events[key] = Event(
            id=key,
            title=_str(entry.get("title")) or key,
            date=_date(entry.get("date")) or FuzzyDate(1),
            place=_str(entry.get("place")),
            description=_str(entry.get("description")),
            participants=_slugs(participants),
            line=parsed.line((key,)),
            participant_lines=participant_lines,
        )
    return events


R = TypeVar("R")


def _registry(root: Path, name: str, load_it: Callable[[Path, list[Problem]], R],
              memo: Memo | None, problems: list[Problem]) -> R:
    """`load_it(root, problems)` for the registry file `name`, or what it gave before when
    `memo` knows the file unchanged since."""
    state = _state(root / SOURCES_DIR / name)  # before reading: a save meanwhile is seen next
    known = memo.registries.get(name) if memo is not None else None
    if known is not None and state and known[0] == state:
        problems.extend(known[2])
        return known[1]  # type: ignore[no-any-return]
    found: list[Problem] = []
    value = load_it(root, found)
    if memo is not None:
        memo.registries[name] = (state, value, found)
    problems.extend(found)
    return value


def source_paths(root: Path) -> list[Path]:
    """Every source file, in a stable order: links too (`read_file` refuses them, so that a
    dangling one is reported, not dropped), folders not."""
    folder = root / SOURCES_DIR
    if not folder.is_dir() or folder.is_symlink():
        return []
    # The folder's listing says which entries are folders without a stat call per file.
    with os.scandir(folder) as entries:
        names = sorted(entry.name for entry in entries if entry.name.endswith(".md")
                       and not entry.name.startswith(".")
                       and not entry.is_dir(follow_symlinks=False))
    return [folder / name for name in names]


def _read(path: Path, root: Path) -> tuple[tuple[int, ...], Read]:
    """The file's state, then what reading it gave: a save between the two makes the state
    older than the text, so the next build reads the file again."""
    state = _state(path)
    problems: list[Problem] = []
    return state, (load_source(path, root, problems), problems)


def load(root: Path, workers: int = 1, memo: Memo | None = None,
         progress: Reporter | None = None) -> Loaded:
    """Read every source and both registries under `root`.

    Many sources are read on `workers` forked processes; the result is the same either way.
    With a `memo`, a source file unchanged since it last read it is not read again.
    `progress` hears how many of the files are read.
    """
    loaded = Loaded()
    folder = root / SOURCES_DIR
    if folder.is_symlink():
        loaded.problems.append(Problem(SOURCES_DIR, 0, "error", "", "is a symbolic link; "
                                       "build-dossier never follows links: make it a real "
                                       "folder"))
        return loaded
    loaded.people = _registry(root, PEOPLE_FILE, load_people, memo, loaded.problems)
    loaded.events = _registry(root, EVENTS_FILE, load_events, memo, loaded.problems)
    try:
        paths = source_paths(root)
    except OSError as error:
        loaded.problems.append(Problem(SOURCES_DIR, 0, "error", "",
                                       f"cannot list the folder: {error.strerror}"))
        return loaded
    known = {path: read for path in paths
             if memo is not None and (read := memo.get(path)) is not None}
    todo = [path for path in paths if path not in known]
    chunks = [todo[i:i + LOAD_CHUNK] for i in range(0, len(todo), LOAD_CHUNK)]
    done = forked_map(lambda chunk: [_read(path, root) for path in chunk], chunks,
                      workers if len(todo) >= PARALLEL_MIN_FILES else 1)
    if progress is not None:
        progress(LOAD, len(known), len(paths))
    for chunk, reads in zip(chunks, done, strict=True):
        for path, (state, read) in zip(chunk, reads, strict=True):
            known[path] = read
            if memo is not None:
                memo.keep(path, state, read)
        if progress is not None:
            progress(LOAD, len(known), len(paths))
    if memo is not None:  # forget the files that are gone
        memo.files = {path: memo.files[path] for path in paths if path in memo.files}
    for path in paths:
        source, problems = known[path]
        if source is not None:
            loaded.sources.append(source)
        loaded.problems.extend(problems)
    return loaded
