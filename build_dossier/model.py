"""The dossier's data model: frozen records that every stage passes along.

`load` makes Sources, People and Events from files, `link` ties them into a Dossier.
Cross-references are ids, resolved through the Dossier, never object pointers.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Literal

from .markup import Linker

Severity = Literal["error", "warning"]

DATE_RE = re.compile(r"^(~)?(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MONTHS = tuple(calendar.month_name)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, located as precisely as we can."""

    path: str
    """Relative POSIX path of the file, from the repository root."""
    line: int
    """1-based line; 0 when the problem concerns the whole file."""
    severity: Severity
    field: str
    """Dotted field path such as `quotes[2].speaker`; empty for file-level problems."""
    message: str

    def format(self) -> str:
        """The problem as one line: `path:line: severity: field: message`."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        what = f"{self.field}: {self.message}" if self.field else self.message
        return visible(f"{where}: {self.severity}: {what}")


UNSHOWN = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Control characters (an escape sequence can retitle or clear a terminal) and the bidi
controls that display text in an order other than it is stored."""


def visible(text: str) -> str:
    """`text` with every UNSHOWN character written as its escape (`\\x1b`, `\\u202e`), so a
    message shows it instead of obeying it."""
    return UNSHOWN.sub(lambda m: ascii(m.group())[1:-1], text)


class DateError(ValueError):
    """A date string that does not name a real day, month or year."""


@dataclass(frozen=True)
class FuzzyDate:
    """A date known to the day, the month or the year, possibly only approximately."""

    year: int
    month: int | None = None
    day: int | None = None
    approximate: bool = False

    @classmethod
    def parse(cls, text: str) -> FuzzyDate:
        """Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with a leading `~` for approximate dates."""
        match = DATE_RE.match(text.strip())
        if not match:
            raise DateError(
                f"'{text}' is not a date; expected YYYY-MM-DD, YYYY-MM or YYYY, "
                "with a leading ~ when approximate"
            )
        approx, y, m, d = match.groups()
        year, month, day = int(y), int(m) if m else None, int(d) if d else None
        if month is not None and not 1 <= month <= 12:
            raise DateError(f"'{text}' has no month {month}; months run from 01 to 12")
        if month is not None and day is not None:
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise DateError(
                    f"'{text}' is not a real day: {MONTHS[month]} {year} has {last} days"
                )
        return cls(year, month, day, approximate=bool(approx))

    @property
    def precision(self) -> Literal["day", "month", "year"]:
        """How precisely the date is known."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def iso(self) -> str:
        """ISO 8601 at the date's own precision, without the approximation mark."""
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def source_text(self) -> str:
        """The date as an editor writes it in front matter."""
        return ("~" if self.approximate else "") + self.iso()

    def human(self) -> str:
        """The date for readers: `12 January 2022`, `January 2022`, `c. 2022`."""
        if self.day is not None and self.month is not None:
            text = f"{self.day} {MONTHS[self.month]} {self.year}"
        elif self.month is not None:
            text = f"{MONTHS[self.month]} {self.year}"
        else:
            text = str(self.year)
        return f"c. {text}" if self.approximate else text

    def month_key(self) -> str:
        """`YYYY-MM` for grouping by month; year-only dates group under `YYYY`."""
        return f"{self.year:04d}-{self.month:02d}" if self.month else f"{self.year:04d}"

    def sort_key(self) -> tuple[int, int, int, int]:
        """Orders dates; a less precise date sorts before the precise ones it contains."""
        return (self.year, self.month or 0, self.day or 0, 1 if self.approximate else 0)

    def contains(self, other: FuzzyDate) -> bool:
        """Whether the two dates can name the same day (one is within the other's span)."""
        if self.year != other.year:
            return False
        if self.month is None or other.month is None:
            return True
        if self.month != other.month:
            return False
        return self.day is None or other.day is None or self.day == other.day

    def compatible(self, other: FuzzyDate) -> bool:
        """Whether the two dates may name the same occasion (approximate dates always may)."""
        return self.approximate or other.approximate or self.contains(other)


class QuoteKind(StrEnum):
    """How a quote renders what the speaker said."""

    DIRECT = "direct"
    STATEMENT = "statement"
    PARAPHRASE = "paraphrase"

    @property
    def label(self) -> str:
        """The kind as readers see it."""
        return {"direct": "Direct quotation", "statement": "Official statement",
                "paraphrase": "Paraphrase"}[self.value]


@dataclass(frozen=True)
class Person:
    """A person or organisation that speaks or takes part in events."""

    id: str
    name: str
    kind: Literal["person", "organisation"] = "person"
    role: str = ""
    aliases: tuple[str, ...] = ()
    line: int = 0
    """Line of the entry in the people registry."""


@dataclass(frozen=True)
class Event:
    """Something that happened on a date, at a place, shared by any number of sources."""

    id: str
    title: str
    date: FuzzyDate
    place: str = ""
    description: str = ""
    participants: tuple[str, ...] = ()
    """Person ids."""
    line: int = 0
    """Line of the entry in the events registry."""
    participant_lines: Mapping[str, int] = field(default_factory=dict, compare=False)
    """Line of each participant in the registry, by person id, for messages about them."""


@dataclass(frozen=True)
class Quote:
    """Words attributed to a speaker, located in one source's text."""

    source_id: str
    index: int
    """Position in the source's `quotes` list (0-based)."""
    text: str
    speaker: str
    """Person id."""
    kind: QuoteKind = QuoteKind.DIRECT
    event: str | None = None
    """Event id at which it was said."""
    date: FuzzyDate | None = None
    span: tuple[int, int] = (0, 0)
    """Character offsets of the quote in the source's body."""
    anchor: str = ""
    """Content-derived anchor, unique within the source page."""
    line: int = 0
    words: tuple[str, ...] = ()
    """The words, folded and lower-cased, as wordings are compared (`textmatch.words`)."""


@dataclass(frozen=True)
class Source:
    """One published text, verbatim, with its annotations."""

    id: str
    path: str
    """Relative POSIX path of the source file."""
    title: str
    published: FuzzyDate
    body: str
    outlet: str = ""
    url: str = ""
    credit: str = ""
    author: str = ""
    """Who wrote it, as the byline gives it; empty when not recorded."""
    language: str = "en"
    summary: str = ""
    tags: tuple[str, ...] = ()
    reports: tuple[str, ...] = ()
    """Event ids the source reports as having happened."""
    announces: tuple[str, ...] = ()
    """Event ids the source announces ahead of time."""
    quotes: tuple[Quote, ...] = ()
    body_line: int = 1
    """Line of the file on which the body starts."""
    reference_lines: Mapping[tuple[str, str], int] = field(default_factory=dict, compare=False)
    """Line of each id the front matter names, by (field, id): `("reports", "2022-01-12-nrc")`,
    `("quotes[2].speaker", "jens-stoltenberg")`, `("id", "x")`; for messages about them."""

    def line_of(self, field_path: str, value: str) -> int:
        """The line on which `field_path` names `value`; 0 (the whole file) if not known."""
        return self.reference_lines.get((field_path, value), 0)

    @property
    def word_count(self) -> int:
        """Words in the body."""
        return len(self.body.split())

    @cached_property  # the indexes ask every build; `serve` keeps the record between builds
    def speakers(self) -> tuple[str, ...]:
        """Who is quoted, in the order of the quotes, without repeats."""
        return tuple(dict.fromkeys(q.speaker for q in self.quotes))


@dataclass(frozen=True)
class Variant:
    """One wording of a clustered quote, and the quotes that carry exactly that wording."""

    text: str
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class QuoteCluster:
    """The same utterance carried by one or more sources, possibly in different words."""

    anchor: str
    """Stable, content-derived anchor (the smallest anchor of its members)."""
    speaker: str
    event: str | None
    date: FuzzyDate | None
    variants: tuple[Variant, ...]
    """The first variant is the reference wording the others are compared with."""
    aliases: tuple[str, ...] = ()
    """Anchors of the cluster's other wordings and occasions, kept so that links to them hold."""

    @cached_property  # pages ask for these often; the record never changes
    def quotes(self) -> tuple[Quote, ...]:
        """Every occurrence, across all variants."""
        return tuple(q for v in self.variants for q in v.quotes)

    @cached_property
    def source_ids(self) -> tuple[str, ...]:
        """Ids of the sources that carry the quote, without repeats, in order."""
        return tuple(dict.fromkeys(q.source_id for q in self.quotes))

    @property
    def text(self) -> str:
        """The reference wording."""
        return self.variants[0].text


@dataclass(frozen=True, slots=True)
class Features:
    """What a source can share with another: events, quotes (cluster anchors), speakers, in
    order and as sets."""

    events: tuple[str, ...]
    clusters: tuple[str, ...]
    people: tuple[str, ...]
    event_set: frozenset[str]
    cluster_set: frozenset[str]
    people_set: frozenset[str]

    @classmethod
    def of(cls, events: tuple[str, ...], clusters: tuple[str, ...],
           people: tuple[str, ...]) -> Features:
        """The features, with their sets."""
        return cls(events, clusters, people, frozenset(events), frozenset(clusters),
                   frozenset(people))


@dataclass(frozen=True)
class Indexes:
    """What pages look up, derived from the records once by `link` (`indexes.index_dossier`).

    Values are ids (cluster anchors, source, event and person ids) in reading order, resolved
    through the Dossier, except `carried_by`, which picks quotes out of their clusters. Forked
    render workers inherit them built.
    """

    linker: Linker = field(default_factory=lambda: Linker({}))
    """Links known names (event titles, people's names and aliases) to their pages."""
    clusters_by_speaker: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Person id -> anchors of their quote clusters, speakers in the order of the clusters."""
    clusters_by_event: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Event id -> anchors of the clusters with a quote said there."""
    sources_by_person: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Person id -> ids of the sources quoting them."""
    common_people: dict[str, frozenset[str]] = field(default_factory=dict)
    """The sources quoting each person quoted in too many to find related sources by."""
    events_by_person: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Person id -> ids of the events they took part in or were quoted at, in date order."""
    features: dict[str, Features] = field(default_factory=dict)
    """Source id -> what it can share with another source."""
    sources_by_event: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Event id -> ids of the sources reporting or announcing it (the postings of `features`)."""
    sources_by_cluster: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Cluster anchor -> ids of the sources carrying it."""
    published_key: dict[str, tuple[int, int, int, int]] = field(default_factory=dict)
    """Source id -> its publication date as a sort key."""
    carried_by: dict[str, tuple[Quote, ...]] = field(default_factory=dict)
    """Cluster anchor -> its first occurrence in each source carrying it, earliest first."""


@dataclass(frozen=True)
class Dossier:
    """Everything linked: the input of every renderer."""

    title: str
    sources: dict[str, Source]
    """By id, in chronological order of publication."""
    events: dict[str, Event]
    """By id, in date order."""
    people: dict[str, Person]
    """By id, in name order."""
    clusters: tuple[QuoteCluster, ...]
    """By speaker name, then date."""
    reported_by: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Event id -> ids of sources that report it."""
    announced_by: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Event id -> ids of sources that announced it ahead of time."""
    cluster_of: dict[tuple[str, int], str] = field(default_factory=dict)
    """(source id, quote index) -> anchor of the quote's cluster."""
    recurring: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Cluster anchor -> anchors of the other statements repeating its line (another speaker,
    or the same speaker on another occasion)."""
    site_url: str = ""
    """The site's public address, ending in '/'; empty when sources/dossier.yml sets none."""
    indexes: Indexes = field(default_factory=Indexes, compare=False, repr=False)
    """Derived from the fields above by `link`; empty in a Dossier made by hand."""

    def cluster(self, anchor: str) -> QuoteCluster:
        """The cluster with this anchor."""
        return self._clusters_by_anchor[anchor]

    @property
    def _clusters_by_anchor(self) -> dict[str, QuoteCluster]:
        cache: dict[str, QuoteCluster] | None = self.__dict__.get("_by_anchor")
        if cache is None:
            cache = {c.anchor: c for c in self.clusters}
            object.__setattr__(self, "_by_anchor", cache)
        return cache

    def quote_date(self, quote: Quote) -> FuzzyDate | None:
        """When a quote was said: its own date, else its event's."""
        if quote.date is not None:
            return quote.date
        if quote.event and quote.event in self.events:
            return self.events[quote.event].date
        return None
