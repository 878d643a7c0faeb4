"""`build-dossier new`: turn a text into a new source file with its front matter drafted for
the editor — title, date, language, events and quotes guessed, each marked `confirm:` so that
`check` warns until the editor has looked. It writes one new file and nothing else.

    read (inputs) → language and dates → kind and quotations (kinds) → events → front matter
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar, cast

from ..load import HIDDEN_IN_TEXT, SOURCES_DIR, load_events, load_people
from ..model import Event, FuzzyDate, Person, Problem
from ..schema import SLUG, URL
from .dates import find_dates, find_published, is_full_date, published_caveat
from .events import match_events, quote_occasion, split_by_tense
from .frontmatter import Draft, front_matter
from .inputs import MAX_TEXT_BYTES, Input, Metadata, NewError, read_input
from .kinds import KIND_NAMES, STATEMENT, TRANSCRIPT, draft_quotes
from .language import detect_language, in_marks, safe_id, slugify
from .marks import inward_guillemets, turn_guillemets
from .quotes import Candidate
from .speakers import Registry
from .textparts import Layout
from .titles import guess_title, masthead

__all__ = ["NewError", "create_source", "draft", "run"]


def _language(text: str, notes: list[str]) -> str:
    found = detect_language(text)
    if found is None:
        notes.append("language: could not be told from the text; 'und' (undetermined) was "
                     "put in — write its code (en, fr, de, ru, …)")
        return "und"
    code, probability = found
    notes.append(f"language: {code}, detected from the text"
                 + ("" if probability >= 0.9 else f" with little certainty ({probability:.0%})"))
    return code


def _published(text: str, given: FuzzyDate | None, meta: Metadata, notes: list[str],
               language: str) -> tuple[FuzzyDate, str | None]:
    """The publication date and the words of the text it was read from, if any."""
    if given is not None:
        return given, None
    if meta.published:
        notes.append(f"published: {meta.published}, as the file's own metadata states")
        return FuzzyDate.parse(meta.published), None
    found = find_published(text)
    if found is None:
        raise NewError("no publication date found in the text or the file's metadata; give it "
                       "with --date YYYY-MM-DD (or YYYY-MM, YYYY)")
    date, words = found
    how = "the latest date the text names (approximate)" if date.approximate else "the text"
    notes.append(f"published: {date.human()}, from {in_marks(words, language)} in {how}")
    if (caveat := published_caveat(text, words)) is not None:
        notes.append(f"published: {caveat}")
    return date, words


T = TypeVar("T")


def draft(text: str, people: dict[str, Person], events: dict[str, Event], *,
          published: FuzzyDate | None = None, source_id: str | None = None,
          metadata: Metadata | None = None) -> Draft:
    """Everything `new` can guess about `text`, given the registries."""
    if not text.strip():
        raise NewError("the text is empty; give a file with the article's text")
    if len(text.encode("utf-8", "surrogatepass")) > MAX_TEXT_BYTES:
        raise NewError(f"the text is over the {MAX_TEXT_BYTES // 1_000_000} MB limit for one "
                       "article")
    if inward_guillemets(text):
        # »…« read as the «…» every rule knows, offsets unchanged; every value turned back.
        return _turned(draft(turn_guillemets(text), people, events, published=published,
                             source_id=source_id, metadata=_turned(metadata)))
    meta = metadata or Metadata()
    notes: list[str] = []
    guessed, passed_over = guess_title(text)
    title = meta.title or guessed
    notes.append("title: from the file's metadata" if meta.title else
                 "title: the text's first heading, below its dateline, byline or page labels"
                 if passed_over else "title: the text's first line")
    language = _language(text, notes)
    published, dateline = _published(text, published, meta, notes, language)
    layout = Layout.of(text)
    drafted = draft_quotes(layout, Registry.of(people, published.year))
    notes.append(f"kind: {KIND_NAMES[drafted.kind]}; quotations proposed accordingly")
    if drafted.release and drafted.speaker:
        notes.append("speaker of each quotation attributed by office or to no one: the "
                     f"release's issuer, from {in_marks(drafted.speaker_from, language)}")
    elif drafted.kind == STATEMENT and drafted.speaker:
        notes.append("speaker of every spoken paragraph: from "
                     f"{in_marks(drafted.speaker_from, language)}")
    notes += _unnamed_note(drafted.quotes, language)
    day = (dt.date(published.year, published.month, published.day)
           if published.month and published.day and not published.approximate else None)
    mentions = list(find_dates(text, day))
    matched, unmatched = match_events(text, mentions, events)
    # The publication date itself (a dateline, 'today') names the text's day, not an event.
    unmatched = [m for m in unmatched if m.words != dateline and is_full_date(m.words)
                 and (m.date.year, m.date.month, m.date.day)
                 != (published.year, published.month, published.day)]
    reports, announces = split_by_tense(matched, events, published)
    if reports or announces:
        notes.append("reports/announces: events on the dates the text names, reported when "
                     "on or before the publication date, announced when after it")
    on_the_day = drafted.kind in (STATEMENT, TRANSCRIPT)
    occasions = [quote_occasion(layout, q, matched, events, reports, published, on_the_day,
                                mentions) for q in drafted.quotes]
    unknown = sum(q.speaker is None for q in drafted.quotes)
    if unknown:
        notes.append(f"{unknown} {'quotation' if unknown == 1 else 'quotations'} whose speaker "
                     f"is not in sources/people.yml {'is' if unknown == 1 else 'are'} commented "
                     "out at the end of the front matter, with the people to add")
    if not drafted.quotes:
        notes.append("quotations: none found; add any the text carries under `quotes:`")
    notes += _metadata_notes(meta)
    outlet = meta.outlet or masthead(text)
    if outlet and not meta.outlet:
        notes.append("outlet: the page's first line, above its dateline")
    sid = source_id or _source_id(published, title)
    return Draft(sid, title, published, language, drafted.kind, drafted.quotes, occasions,
                 reports, announces, notes, outlet, meta.url, meta.author, mentions,
                 unmatched)


def _turned(value: T) -> T:
    """`value` with « and » exchanged in every string it holds (see `turn_guillemets`)."""
    if isinstance(value, str):
        return cast(T, turn_guillemets(value))
    if isinstance(value, (Enum, type)):
        return value
    if dataclasses.is_dataclass(value):
        record: Any = value
        return cast(T, dataclasses.replace(record, **{
            f.name: _turned(getattr(record, f.name)) for f in dataclasses.fields(record)
            if f.init}))
    if isinstance(value, list):
        return cast(T, [_turned(item) for item in value])
    if isinstance(value, tuple):
        items = [_turned(item) for item in value]
        return cast(T, type(value)(*items) if hasattr(value, "_fields") else tuple(items))
    if isinstance(value, dict):
        return cast(T, {key: _turned(item) for key, item in value.items()})
    return value


def _unnamed_note(quotes: list[Candidate], language: str) -> list[str]:
    """What the editor must fill in where the text names no one for the words: missing, never
    a guess ('monsieur le Maire', a blog's own address, a questionnaire's answers)."""
    nameless = [q for q in quotes if q.speaker is None and not q.name]
    if not nameless:
        return []
    unnamed = len(nameless)
    which = "every quotation" if unnamed == len(quotes) else (
        "1 quotation" if unnamed == 1 else f"{unnamed} quotations")
    offices = sorted({q.role for q in nameless if q.role})
    only_as = (f" (it names them only as {', '.join(in_marks(o, language) for o in offices)})"
               if offices else "")
    return [f"speaker: missing for {which}: no name in the text (title, introduction, "
            f"signature, labels, attributions) was found for who said "
            f"{'it' if unnamed == 1 else 'them'}{only_as}; put their id in place of "
            "'who-said-it', to confirm"]


def _metadata_notes(meta: Metadata) -> list[str]:
    stated = [name for name, value in (("outlet", meta.outlet), ("url", meta.url),
                                       ("author", meta.author)) if value]
    return [f"{', '.join(stated)}: as the file's own metadata states"] if stated else []


def _source_id(published: FuzzyDate, title: str) -> str:
    return safe_id(f"{published.iso()}-{slugify(title)}".strip("-"), f"{published.iso()}-source",
                   "source")


_BREAKS = {"\x0b": "a line break", "\x0c": "a page break", "\x1c": "a file separator",
           "\x1d": "a group separator", "\x1e": "a record separator", "\x85": "a line break"}
"""Control characters that break lines (Python's `str.splitlines` ends a line on each): Word's
manual line break, the page break between a PDF's pages, and their like."""
_CONTROLS = re.compile("\x1b\\[[0-?]*[ -/]*[@-~]|" + HIDDEN_IN_TEXT.pattern)
"""What `visible_text` takes out: a terminal's escape sequence whole (its colours, '\\x1b[1m',
copied from a console), any other control character alone."""


def visible_text(text: str) -> tuple[str, str | None]:
    """`text` without the control characters no reader sees and `check` refuses in a source's
    text (a PDF's page breaks, a terminal's escapes pasted along), those that break lines made
    line breaks; and the note that says what was taken out, if anything was."""
    if not HIDDEN_IN_TEXT.search(text):
        return text, None
    counts: dict[str, int] = {}
    for found in _CONTROLS.finditer(text):
        counts[found.group()[0]] = counts.get(found.group()[0], 0) + 1
    text = _CONTROLS.sub(lambda m: "\n" if m.group() in _BREAKS else "", text)
    said = ", ".join(f"{n} × U+{ord(c):04X}" + (f" ({_BREAKS[c]}, made a line break)"
                                                 if c in _BREAKS else
                                                 " (with its escape sequence)" if c == "\x1b"
                                                 else "")
                     for c, n in sorted(counts.items()))
    return text, f"text: control characters no reader sees were taken out: {said}"


def create_source(root: Path, given: Input | str, origin: str | None = None, *,
                  date: str | None = None, source_id: str | None = None,
                  outlet: str | None = None, url: str | None = None) -> tuple[Path, Draft]:
    """Write the drafted source into `sources/`; never over an existing file."""
    item = given if isinstance(given, Input) else Input(
        given.replace("\r\n", "\n").replace("\r", "\n"), origin or "the text", "text")
    published = None
    if date is not None:
        try:
            published = FuzzyDate.parse(date)
        except ValueError as error:
            raise NewError(f"--date: {error}") from error
    if source_id is not None and (problem := SLUG.check(source_id)):
        raise NewError(f"--id: {problem}")
    if url is not None and (problem := URL.check(url)):
        raise NewError(f"--url: {problem}")
    text, taken_out = visible_text(item.text)
    item = dataclasses.replace(item, text=text)
    problems: list[Problem] = []
    people = load_people(root, problems)
    events = load_events(root, problems)
    d = draft(item.text, people, events, published=published, source_id=source_id,
              metadata=item.metadata)
    if taken_out:
        d.notes.append(taken_out)
    d.outlet, d.url = outlet or d.outlet, url or d.url
    folder = root / SOURCES_DIR
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{d.source_id}.md"
    content = front_matter(d, origin=item.origin) + item.text
    if not content.endswith("\n"):
        content += "\n"
    try:
        with open(path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
    except FileExistsError as error:
        raise NewError(f"{SOURCES_DIR}/{path.name} already exists and is left as it is; "
                       "give another id with --id") from error
    return path, d


def run(root: Path, file: str, *, date: str | None, source_id: str | None,
        outlet: str | None, url: str | None) -> int:
    """The `new` command: write the source, say what was guessed and what to do next."""
    try:
        path, d = create_source(root, read_input(file), date=date, source_id=source_id,
                                outlet=outlet, url=url)
    except NewError as error:
        print(f"error: {error}")
        return 1
    rel = path.relative_to(root).as_posix()
    unknown = sum(q.speaker is None for q in d.quotes)
    print(f"Wrote {rel} ({KIND_NAMES[d.kind]}, language {d.language}): {len(d.quotes)} "
          f"quotations ({len(d.quotes) - unknown} with a known speaker, {unknown} commented "
          f"out), {len(d.reports)} events reported, {len(d.announces)} announced.")
    print(f"Next: open {rel}, confirm or correct each guess and delete its 'confirm:' note; "
          "'build-dossier check' lists the notes left.")
    return 0
