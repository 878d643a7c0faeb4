"""`build-dossier new`: turn a plain-text article into a new source file with its front matter
drafted for the editor — title, date, events and quotes guessed, each marked `confirm:` so that
`check` warns until the editor has looked. It writes one new file and nothing else.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..load import SOURCES_DIR, load_events, load_people
from ..model import Event, FuzzyDate, Person, Problem
from ..schema import SLUG, URL
from .attribution import CONTINUES, Candidate, find_quotes


def _words_of(text: str) -> tuple[str, ...]:
    """A word list written as one string, to keep long lists readable."""
    return tuple(text.split())


_MONTHS = {
    **{name.lower(): i for i, name in enumerate(calendar.month_name) if name},
    **{name.lower(): i for i, name in enumerate(calendar.month_abbr) if name},
    "sept": 9,
    **{m: i + 1 for i, m in enumerate(
        _words_of("janvier février mars avril mai juin juillet août septembre octobre novembre "
        "décembre"))},
    **{m: i + 1 for i, m in enumerate(
        _words_of("januar februar märz april mai juni juli august september oktober november "
        "dezember"))},
    "jänner": 1, "fevrier": 2, "aout": 8, "decembre": 12, "maerz": 3,
}
_WEEKDAYS = {
    **{name.lower(): i for i, name in enumerate(calendar.day_name)},
    **{d: i for i, d in enumerate(
        _words_of("lundi mardi mercredi jeudi vendredi samedi dimanche"))},
    **{d: i for i, d in enumerate(
        _words_of("montag dienstag mittwoch donnerstag freitag samstag sonntag"))},
}
_MONTH_RE = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_DAY_RE = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
_DATE_RE = re.compile(
    r"(?<![\w-])(?:(?P<wd>" + _DAY_RE + r")[,.]?\s+(?:(?:the|le|den)\s+)?)?(?:"
    r"(?P<iso>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})"
    r"|(?P<d1>\d{1,2})(?:st|nd|rd|th|er)?\.?\s+(?:of\s+)?(?P<m1>" + _MONTH_RE + r")\.?"
    r"(?:,?\s+(?P<y1>\d{4}))?"
    r"|(?P<m2>" + _MONTH_RE + r")\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?![\d:])"
    r"(?:,?\s+(?P<y2>\d{4}))?"
    r")(?![\w-])"
    r"|(?<![\w-])(?P<wd2>" + _DAY_RE + r")(?![\w-])"
    r"|(?<![\w-])(?P<rel>today|yesterday|tomorrow|aujourd'hui|hier|demain|heute|gestern|morgen)"
    r"(?![\w-])",
    re.IGNORECASE)
_FUTURE = re.compile(
    r"\b(will|would|'ll|shall|next|upcoming|ahead|due to|is to|are to|going to|planned|scheduled|"
    r"prochain|prochaine|aura|va|vont|sera|wird|werden|nächste[nrs]?|kommende[nrs]?)\b",
    re.IGNORECASE)
_STOPWORDS = frozenset(
    _words_of("the a an of in on at to and or for with by from its it is was were be been as "
              "that this after before over about s de la le les des du et à au en der die das "
              "und im am zum"))
_LANGUAGES = {
    "en": "the and of to in is that said was with for",
    "fr": "le la les des et est que du une dans pour a été selon",
    "de": "der die das und ist nicht mit den ein eine zu sich auch",
    "es": "el los las y que del en una por con para según",
    "it": "il gli della che di è una per con sono",
}


class NewError(Exception):
    """`new` cannot write the source; the message says why and what to do."""


@dataclass(frozen=True)
class DateMention:
    """A date the text names, resolved to a day."""

    at: int
    words: str
    date: dt.date


@dataclass
class Draft:
    """Everything `new` guessed about a text, before it is written as front matter."""

    source_id: str
    title: str
    published: FuzzyDate
    language: str
    quotes: list[Candidate]
    quote_events: list[tuple[str | None, FuzzyDate | None, str]]
    """For each quote: its event id, or else a date; and why."""
    reports: list[str] = field(default_factory=list)
    announces: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Top-level `confirm:` notes."""
    mentions: list[DateMention] = field(default_factory=list)
    unmatched: list[DateMention] = field(default_factory=list)
    """Dates in the text that no registered event is on."""


# ---------------------------------------------------------------------------------------------
# Dates.


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _nearest_year(month: int, day: int, around: dt.date) -> dt.date | None:
    options = [d for y in (around.year - 1, around.year, around.year + 1)
               if (d := _day(y, month, day)) is not None]
    return min(options, key=lambda d: abs((d - around).days)) if options else None


def find_dates(text: str, published: dt.date | None) -> Iterator[DateMention]:
    """Every date the text names; dates without a year, weekdays and 'today' need `published`."""
    for match in _DATE_RE.finditer(text):
        g = match.groupdict()
        date: dt.date | None = None
        if g["iso"]:
            date = _day(int(g["iso"]), int(g["im"]), int(g["id"]))
        elif g["m1"] or g["m2"]:
            month = _MONTHS[(g["m1"] or g["m2"]).lower().rstrip(".")]
            day = int(g["d1"] or g["d2"])
            year = g["y1"] or g["y2"]
            if year:
                date = _day(int(year), month, day)
            elif published is not None:
                date = _nearest_year(month, day, published)
        elif published is not None:
            sentence = _sentence_around(text, match.start())
            if g["wd2"]:
                weekday = _WEEKDAYS[g["wd2"].lower()]
                ahead = (weekday - published.weekday()) % 7
                if _FUTURE.search(sentence):
                    date = published + dt.timedelta(days=ahead or 7)
                else:
                    date = published - dt.timedelta(days=(published.weekday() - weekday) % 7)
            elif g["rel"]:
                shift = {"today": 0, "aujourd'hui": 0, "heute": 0, "yesterday": -1, "hier": -1,
                         "gestern": -1, "tomorrow": 1, "demain": 1, "morgen": 1}
                date = published + dt.timedelta(days=shift[g["rel"].lower()])
        if date is not None:
            yield DateMention(match.start(), match.group(), date)


def _sentence_around(text: str, at: int) -> str:
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    ends = [e for e in (text.find(". ", at), text.find("\n", at)) if e >= 0]
    return text[start:min(ends) if ends else len(text)]


def find_published(text: str) -> tuple[FuzzyDate, str] | None:
    """The publication date the text gives, and the words it was found in.

    A dateline (a line holding only a date) near the top wins; then the first full date in the
    opening paragraphs; then the latest full date anywhere, as articles follow what they report.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    for line in lines[:6]:
        match = _DATE_RE.fullmatch(line.rstrip("."))
        if match:
            found = next(find_dates(line, None), None)
            if found:
                return FuzzyDate(found.date.year, found.date.month, found.date.day), line
    opening = "\n".join(lines[:3])
    full = [m for m in find_dates(opening, None)]
    if full:
        return (FuzzyDate(full[0].date.year, full[0].date.month, full[0].date.day),
                full[0].words)
    every = list(find_dates(text, None))
    if every:
        latest = max(every, key=lambda m: m.date)
        return (FuzzyDate(latest.date.year, latest.date.month, latest.date.day,
                          approximate=True), latest.words)
    return None


# ---------------------------------------------------------------------------------------------
# Events.


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[^\W_]+", text.casefold()) if w not in _STOPWORDS}


def _on(event: Event, day: dt.date) -> bool:
    d = event.date
    return d.year == day.year and d.month in (None, day.month) and d.day in (None, day.day)


def match_events(text: str, mentions: list[DateMention], events: dict[str, Event]
                 ) -> tuple[dict[int, list[str]], list[DateMention]]:
    """Events each date mention is about (by position), and mentions no event is on."""
    matched: dict[int, list[str]] = {}
    unmatched: list[DateMention] = []
    for mention in mentions:
        on_day = [e for e in events.values() if _on(e, mention.date) and e.date.day is not None]
        if not on_day:
            unmatched.append(mention)
            continue
        context = _words(_sentence_around(text, mention.at))
        scores = {e.id: len(context & _words(e.title)) for e in on_day}
        best = max(scores.values())
        matched[mention.at] = sorted(
            (e.id for e in on_day if best == 0 or scores[e.id] * 2 >= best),
            key=lambda i: (-scores[i], i))
    return matched, unmatched


def _quote_event(text: str, quote: Candidate, matched: dict[int, list[str]],
                 events: dict[str, Event], reported: list[str], published: FuzzyDate
                 ) -> tuple[str | None, FuzzyDate | None, str]:
    """The event a quote was most likely said at, or else the date it was said by."""
    para_start = text.rfind("\n\n", 0, quote.start) + 1
    para_end = text.find("\n\n", quote.end)
    para_end = len(text) if para_end < 0 else para_end
    context = _words(text[para_start:para_end])

    def past(ids: list[str]) -> list[str]:
        # Words are said at an event that has happened by the time they are published.
        return [i for i in ids if events[i].date.sort_key() <= published.sort_key()
                or published.compatible(events[i].date)]

    nearby = past([i for at, ids in matched.items() if para_start <= at < para_end
                   for i in ids])
    candidates = nearby or past(reported)
    if candidates:
        def score(event_id: str) -> tuple[int, int]:
            event = events[event_id]
            return (int(quote.speaker in event.participants),
                    len(context & _words(event.title + " " + event.description)))
        best = max(candidates, key=score)
        why = "a date named nearby" if nearby else "the events the text reports"
        return best, None, why
    return None, FuzzyDate(published.year, published.month, published.day, approximate=True), (
        "nothing: no event found, so the publication date")


# ---------------------------------------------------------------------------------------------
# The draft.


def slugify(text: str, limit: int = 60) -> str:
    """An id made of a title's words: lowercase ASCII and hyphens, cut at a word."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower().replace("'", "")).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug or "source"


def guess_language(text: str) -> str:
    """The language whose commonest words the text uses most (en, fr, de, es or it)."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    counts = {code: sum(w in set(common.split()) for w in words)
              for code, common in _LANGUAGES.items()}
    return max(counts, key=lambda c: (counts[c], c == "en"))


def guess_title(text: str) -> str:
    """The first line, cut to its first sentence when it is a whole paragraph."""
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    if len(first) > 150:
        sentence = re.match(r"(.{20,150}?[.!?])\s", first)
        first = sentence.group(1) if sentence else first[:120].rsplit(" ", 1)[0] + "…"
    return first


def draft(text: str, people: dict[str, Person], events: dict[str, Event], *,
          published: FuzzyDate | None = None, source_id: str | None = None) -> Draft:
    """Everything `new` can guess about `text`, given the registries."""
    if not text.strip():
        raise NewError("the text is empty; give a file with the article's text")
    notes: list[str] = []
    title = guess_title(text)
    found_date = None
    if published is None:
        found_date = find_published(text)
        if found_date is not None:
            published = found_date[0]
            notes.append(f"published: {published.human()}, from “{found_date[1]}” in the text")
        else:
            today = dt.date.today()
            published = FuzzyDate(today.year, today.month, today.day, approximate=True)
            notes.append("published: the text gives no date; today's date was put in")
    language = guess_language(text)
    notes.insert(0, f"title (the text's first line) and language ({language}) are guesses")
    day = (dt.date(published.year, published.month, published.day)
           if published.month and published.day else None)
    mentions = list(find_dates(text, day))
    matched, unmatched = match_events(text, mentions, events)
    if found_date is not None:
        # The dateline names the publication, not an event.
        unmatched = [m for m in unmatched if m.words != found_date[1]]
    unmatched = [m for m in unmatched if m.words[:1].isdigit() or m.words.lower() in _WEEKDAYS
                 or any(month in m.words.lower() for month in _MONTHS)]
    reports: list[str] = []
    announces: list[str] = []
    for ids in matched.values():
        for event_id in ids:
            later = (events[event_id].date.sort_key() > published.sort_key()
                     and not published.compatible(events[event_id].date))
            target = announces if later else reports
            if event_id not in reports + announces:
                target.append(event_id)
    if reports or announces:
        notes.append("reports/announces: events on the dates the text names; check each one")
    quotes = find_quotes(text, people)
    quote_events = [_quote_event(text, q, matched, events, reports, published) for q in quotes]
    unknown = [q for q in quotes if q.speaker is None]
    if unknown:
        notes.append(f"{len(unknown)} {'quotation' if len(unknown) == 1 else 'quotations'} "
                     "whose speaker is not in sources/people.yml "
                     f"{'is' if len(unknown) == 1 else 'are'} commented out at the end of "
                     "the front matter, with the people to add")
    sid = source_id or f"{published.iso()}-{slugify(title)}"
    return Draft(sid, title, published, language, quotes, quote_events, reports, announces,
                 notes, mentions, unmatched)


def _yaml(value: str) -> str:
    """A YAML double-quoted scalar (JSON's syntax is a subset of it)."""
    return json.dumps(value, ensure_ascii=False)


def _person_id(name: str) -> str:
    return slugify(name, 100)


def _quote_lines(quote: Candidate, event: tuple[str | None, FuzzyDate | None, str],
                 prefix: str) -> list[str]:
    event_id, date, why = event
    who = quote.speaker or (_person_id(quote.name) if quote.name else "who-said-it")
    if quote.evidence == CONTINUES:
        speaker_note = f"speaker as for {CONTINUES}"
    elif quote.evidence:
        speaker_note = f"speaker from “{quote.evidence}”"
    else:
        speaker_note = "speaker not named near it"
    lines = [f"{prefix}- text: {_yaml(quote.text)}",
             f"{prefix}  speaker: {who}",
             f"{prefix}  kind: {quote.kind}"]
    lines.append(f"{prefix}  event: {event_id}" if event_id else
                 f"{prefix}  date: {_yaml(date.source_text() if date else '')}")
    note = f"found by {quote.how}; {speaker_note}; event from {why}"
    lines.append(f"{prefix}  confirm: {_yaml(note)}")
    return lines


def front_matter(d: Draft, *, origin: str, outlet: str | None = None,
                 url: str | None = None) -> str:
    """The draft as front matter between `---` lines, comments included."""
    out = ["---",
           f"# Drafted by `build-dossier new` from {origin}.",
           "# Every guess carries a `confirm:` note: check it against the text, correct it, then",
           "# delete the note. `build-dossier check` lists the notes still left.",
           f"title: {_yaml(d.title)}",
           f"published: {_yaml(d.published.source_text())}"]
    if outlet:
        out.append(f"outlet: {_yaml(outlet)}")
    if url:
        out.append(f"url: {_yaml(url)}")
    out.append(f"language: {d.language}")
    out += ["# summary: >-",
            "#   The editor's summary, naming the people and events involved."]
    if d.reports:
        out.append(f"reports: [{', '.join(d.reports)}]")
    if d.announces:
        out.append(f"announces: [{', '.join(d.announces)}]")
    known = [(q, e) for q, e in zip(d.quotes, d.quote_events, strict=True) if q.speaker]
    unknown = [(q, e) for q, e in zip(d.quotes, d.quote_events, strict=True) if not q.speaker]
    if known:
        out.append("quotes:")
        for quote, event in known:
            out += _quote_lines(quote, event, "  ")
    out.append("confirm:")
    out += [f"  - {_yaml(note)}" for note in d.notes]
    if unknown:
        out += ["# Quotations whose speaker is not in sources/people.yml. Add the person there",
                "# (or add the name as an alias of someone there), then move the quotation up",
                "# into `quotes:` with that id:"]
        for quote, event in unknown:
            out += _quote_lines(quote, event, "#   ")
        to_add: dict[str, tuple[str, str]] = {}
        for quote, _ in unknown:
            if quote.name:
                to_add.setdefault(_person_id(quote.name), (quote.name, quote.role))
        if to_add:
            out.append("# People to add to sources/people.yml:")
            for person_id, (name, role) in to_add.items():
                out.append(f"#   {person_id}:")
                out.append(f"#     name: {_yaml(name)}")
                if role:
                    out.append(f"#     role: {_yaml(role)}")
                out.append(f"#     aliases: [{_yaml(name)}]")
    if d.unmatched:
        out.append("# Dates in the text that no event in sources/events.yml is on:")
        seen: set[dt.date] = set()
        for mention in d.unmatched:
            if mention.date in seen:
                continue
            seen.add(mention.date)
            out.append(f"#   {mention.date.isoformat()}: “{mention.words}”")
    out.append("---")
    return "\n".join(out) + "\n"


def read_input(path: str) -> tuple[str, str]:
    """(text, name) of the article: a file, or standard input for '-'."""
    if path == "-":
        return sys.stdin.read(), "standard input"
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise NewError(f"cannot read '{path}': {error.strerror}") from error
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise NewError(f"'{path}' is not UTF-8 (byte 0x{data[error.start]:02X}); "
                       "save it as UTF-8") from error
    return text, Path(path).name


def create_source(root: Path, text: str, origin: str, *, date: str | None = None,
                  source_id: str | None = None, outlet: str | None = None,
                  url: str | None = None) -> tuple[Path, Draft]:
    """Write the drafted source into `sources/`; never over an existing file."""
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
    problems: list[Problem] = []
    people = load_people(root, problems)
    events = load_events(root, problems)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    d = draft(text, people, events, published=published, source_id=source_id)
    folder = root / SOURCES_DIR
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{d.source_id}.md"
    content = front_matter(d, origin=origin, outlet=outlet, url=url) + text
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
        text, origin = read_input(file)
        path, d = create_source(root, text, origin, date=date, source_id=source_id,
                                outlet=outlet, url=url)
    except NewError as error:
        print(f"error: {error}")
        return 1
    rel = path.relative_to(root).as_posix()
    unknown = sum(q.speaker is None for q in d.quotes)
    print(f"Wrote {rel}: {len(d.quotes)} quotations "
          f"({len(d.quotes) - unknown} with a known speaker, {unknown} commented out), "
          f"{len(d.reports)} events reported, {len(d.announces)} announced.")
    print(f"Next: open {rel}, confirm or correct each guess and delete its 'confirm:' note; "
          "'build-dossier check' lists the notes left.")
    return 0
