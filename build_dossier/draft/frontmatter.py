"""The draft written out as a source's front matter: every guess with its `confirm:` note,
quotations by unknown speakers commented out with the people to add. Last step of `new`
before the file is written.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from ..model import FuzzyDate
from .dates import DateMention
from .events import Occasion
from .language import in_marks, person_id
from .quotes import CONTINUES, ENTRY_HEADING, LEAD_PERSON, PARAGRAPH_SUBJECT, Candidate


@dataclass
class Draft:
    """Everything `new` guessed about a text, before it is written as front matter."""

    source_id: str
    title: str
    published: FuzzyDate
    language: str
    kind: str
    quotes: list[Candidate]
    occasions: list[Occasion]
    """For each quote: its event, or else a date; and why."""
    reports: list[str] = field(default_factory=list)
    announces: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Top-level `confirm:` notes."""
    outlet: str = ""
    url: str = ""
    author: str = ""
    """Who wrote it, as the file's own metadata states."""
    mentions: list[DateMention] = field(default_factory=list)
    unmatched: list[DateMention] = field(default_factory=list)
    """Dates in the text that no registered event is on."""


def yaml_string(value: str) -> str:
    """A YAML double-quoted scalar (JSON's syntax is a subset of it)."""
    return json.dumps(value, ensure_ascii=False)


def speaker_id(quote: Candidate, language: str = "") -> str:
    """The id written for a quotation's speaker: the registry's, or one proposed from the name
    (spelled as the text's `language` writes it without accents, see `person_id`)."""
    return quote.speaker or (person_id(quote.name, language) if quote.name else "who-said-it")


def _quote_lines(quote: Candidate, occasion: Occasion, prefix: str, language: str) -> list[str]:
    if quote.evidence == CONTINUES:
        speaker_note = f"speaker as for {CONTINUES}"
    elif quote.evidence in (PARAGRAPH_SUBJECT, LEAD_PERSON, ENTRY_HEADING):
        # No attribution of its own: say so, as the editor must confirm whose words they are.
        speaker_note = f"no attribution of its own; speaker taken as {quote.evidence}"
    elif quote.evidence:
        speaker_note = f"speaker from {in_marks(quote.evidence, language)}"
    else:
        speaker_note = "speaker not named near it"
    lines = [f"{prefix}- text: {yaml_string(quote.text)}",
             f"{prefix}  speaker: {speaker_id(quote, language)}",
             f"{prefix}  kind: {quote.kind}"]
    if occasion.event:
        lines.append(f"{prefix}  event: {occasion.event}")
    elif occasion.date is not None:
        lines.append(f"{prefix}  date: {yaml_string(occasion.date.source_text())}")
    note = f"found by {quote.how}; {speaker_note}; event from {occasion.why}"
    lines.append(f"{prefix}  confirm: {yaml_string(note)}")
    return lines


def _role(words: str) -> str:
    """The role a text gives someone ('Russian Deputy Foreign Minister'), or nothing when the
    words around the name are a clause rather than a title."""
    words = words.strip(" ,.:;—–-")
    if not words or len(words.split()) > 6 or any(c.isdigit() or c in ":;“”«»\"" for c in words):
        return ""
    return words


def _people_to_add(unknown: list[tuple[Candidate, Occasion]], language: str) -> list[str]:
    to_add: dict[str, tuple[str, str]] = {}
    for quote, _ in unknown:
        if quote.name:
            to_add.setdefault(person_id(quote.name, language), (quote.name, _role(quote.role)))
    if not to_add:
        return []
    out = ["# People to add to sources/people.yml:"]
    for pid, (name, role) in to_add.items():
        out += [f"#   {pid}:", f"#     name: {yaml_string(name)}"]
        if role:
            out.append(f"#     role: {yaml_string(role)}")
        out.append(f"#     aliases: [{yaml_string(name)}]")
    return out


def _unmatched_dates(d: Draft) -> list[str]:
    if not d.unmatched:
        return []
    out = ["# Dates in the text that no event in sources/events.yml is on:"]
    seen: set[dt.date] = set()
    for mention in d.unmatched:
        if mention.date not in seen:
            seen.add(mention.date)
            # One comment line, whatever line breaks the words ran over in the text.
            words = " ".join(mention.words.split())
            out.append(f"#   {mention.date.isoformat()}: {in_marks(words, d.language)}")
    return out


def front_matter(d: Draft, *, origin: str) -> str:
    """The draft as front matter between `---` lines, comments included."""
    out = ["---",
           f"# Drafted by `build-dossier new` from {origin}.",
           "# Every guess carries a `confirm:` note: check it against the text, correct it, then",
           "# delete the note. `build-dossier check` lists the notes still left.",
           f"title: {yaml_string(d.title)}",
           f"published: {yaml_string(d.published.source_text())}"]
    for key, value in (("outlet", d.outlet), ("url", d.url), ("author", d.author)):
        if value:
            out.append(f"{key}: {yaml_string(value)}")
    out.append(f"language: {d.language}")
    out += ["# summary: >-",
            "#   The editor's summary, naming the people and events involved."]
    if d.reports:
        out.append(f"reports: [{', '.join(d.reports)}]")
    if d.announces:
        out.append(f"announces: [{', '.join(d.announces)}]")
    pairs = list(zip(d.quotes, d.occasions, strict=True))
    known = [(q, o) for q, o in pairs if q.speaker]
    unknown = [(q, o) for q, o in pairs if not q.speaker]
    if known:
        out.append("quotes:")
        for quote, occasion in known:
            out += _quote_lines(quote, occasion, "  ", d.language)
    out.append("confirm:")
    out += [f"  - {yaml_string(note)}" for note in d.notes]
    if unknown:
        out += ["# Quotations whose speaker is not in sources/people.yml. Add the person there",
                "# (or add the name as an alias of someone there), then move the quotation up",
                "# into `quotes:` with that id:"]
        for quote, occasion in unknown:
            out += _quote_lines(quote, occasion, "#   ", d.language)
        out += _people_to_add(unknown, d.language)
    out += _unmatched_dates(d)
    out.append("---")
    return "\n".join(out) + "\n"
