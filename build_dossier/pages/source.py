"""A source's page: its description, quotes, related sources and its full text with every
annotated quote marked and anchored.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from markupsafe import Markup

from ..addresses import source_page
from ..citation import source_citation
from ..indexes import SHARED_LIMIT
from ..markup import esc, link, references_in
from ..model import Dossier, Quote, QuoteKind, Source
from .derived import derived, value
from .fragments import (
    cluster_link,
    count,
    event_link,
    occasion,
    person_link,
    source_link,
    speaker_name,
)
from .layout import page

ALSO_LIMIT = 5
"""Other sources carrying a quote listed on a source page; the quote index lists them all."""
RELATED_LIMIT = 5
"""Related sources shown on a source page."""
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
"""What separates paragraphs: a line holding nothing but spaces and tabs."""


@dataclass(frozen=True)
class Related:
    """A source related to another, and why."""

    source: Source
    events: tuple[str, ...]
    clusters: tuple[str, ...]
    people: tuple[str, ...]

    @property
    def score(self) -> int:
        """How closely related: shared events weigh most, then quotes, then people."""
        return 3 * len(self.events) + 2 * len(self.clusters) + len(self.people)


def render_source(d: Dossier, source: Source) -> str:
    """The page of one source."""
    people = list(dict.fromkeys(q.speaker for q in source.quotes))
    meta = [list(pair) for pair in source_citation(d, source).meta]
    return page(d, "source.md.j2", source_page(source.id), source.title, source=source,
                front={"citation": meta},
                description=f"{source.outlet or 'Outlet not recorded'}, "
                f"{source.published.human()}. {source.summary}",
                people=people, related=value(d, "related", source.id),
                text=text_html(d, source),
                quote_line=quote_line, reasons=reasons)


@derived("related")
def related_to(d: Dossier, source_id: str) -> list[Related] | None:
    """`related` for the source `source_id`: one value, for a page to read as one (adding a
    source changes the people's lists of sources behind hundreds of pages' related sources,
    and almost never what those pages show). None for a source no longer there: the memo
    may ask before it forgets the page."""
    source = d.sources.get(source_id)
    return related(d, source) if source is not None else None


def related(d: Dossier, source: Source) -> list[Related]:
    """Sources sharing events, quotes or (not too common) people, best first."""
    ix = d.indexes
    features = ix.features
    mine = features[source.id]
    # Scores add up along the inverted indexes (as Related.score weighs them), so the cost
    # follows what a source shares, not the size of the dossier.
    score: defaultdict[str, int] = defaultdict(int)
    for event_id in mine.events:
        for other_id in ix.sources_by_event[event_id]:
            score[other_id] += 3
    for anchor in mine.clusters:
        for other_id in ix.sources_by_cluster[anchor]:
            score[other_id] += 2
    common = []
    for person in mine.people:
        posting = ix.sources_by_person.get(person, ())
        if len(posting) <= SHARED_LIMIT:
            for other_id in posting:
                score[other_id] += 1
        else:
            common.append(person)
    score.pop(source.id, None)
    for person in common:  # too common to find candidates, but still shared by them
        for other_id in ix.common_people[person].intersection(score):
            score[other_id] += 1
    # Only the candidates scoring at least the fifth best score need ranking.
    scores = sorted(score.values(), reverse=True)
    floor = scores[RELATED_LIMIT - 1] if len(scores) >= RELATED_LIMIT else 0
    published = ix.published_key
    best = sorted((-n, published[other_id], other_id)
                  for other_id, n in score.items() if n >= floor)[:RELATED_LIMIT]
    found = []
    for _, _, other_id in best:
        theirs = features[other_id]
        found.append(Related(
            d.sources[other_id],
            tuple(e for e in mine.events if e in theirs.event_set),
            tuple(c for c in mine.clusters if c in theirs.cluster_set),
            tuple(p for p in mine.people if p in theirs.people_set),
        ))
    return found


def reasons(d: Dossier, rel: Related, here: str) -> Markup:
    """Why a source is related: `shares 2 events (A, B), 1 quote, 3 people quoted`."""
    parts = []
    if rel.events:
        events = ", ".join(event_link(d, e, here) for e in rel.events)
        parts.append(f"{count(len(rel.events), 'event')} ({events})")
    if rel.clusters:
        parts.append(count(len(rel.clusters), "quote"))
    if rel.people:
        names = ", ".join(person_link(d, p, here) for p in rel.people)
        parts.append(f"both quote {names}")
    shared = [p for p in parts if not p.startswith("both")]
    rest = [p for p in parts if p.startswith("both")]
    return Markup("; ".join(([f"shares {', '.join(shared)}"] if shared else []) + rest))


def quote_line(d: Dossier, quote: Quote, here: str) -> Markup:
    """Under a quote on its source's page: who, when, kind, where in the text, where in the
    quote index, and the first few other sources carrying it."""
    anchor = d.cluster_of[(quote.source_id, quote.index)]
    # The first few, earliest first: a source added later rewrites no page here.
    others = [other for other in d.indexes.carried_by[anchor]
              if other.source_id != quote.source_id]
    parts = [f"{person_link(d, quote.speaker, here)}, {occasion(d, quote, here)}; "
             f"{esc(quote.kind.label.lower())}",
             link("In the text", here, here, quote.anchor), cluster_link(anchor, here)]
    if others:
        also = [source_link(d, other.source_id, here, other.anchor)
                for other in others[:ALSO_LIMIT]]
        if len(others) > ALSO_LIMIT:
            also.append(cluster_link(anchor, here, "more in the quote index"))
        parts.append("Also in: " + "; ".join(also))
    return Markup(" · ".join(parts))


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the runs of non-blank lines in `text`, without the whitespace around them."""
    # Found between blank lines rather than by one pattern: the engine then looks only at
    # line breaks, not at every character (a tenth of a source page's time, before).
    start = 0
    for match in (*_BLANK_LINE.finditer(text), None):
        end = match.start() if match else len(text)
        chunk = text[start:end]
        kept = chunk.strip()
        if kept:
            first = start + len(chunk) - len(chunk.lstrip())
            yield first, first + len(kept)
        if match:
            start = match.end()


def text_html(d: Dossier, source: Source) -> Markup:
    """The source text as HTML paragraphs, each annotated quote marked and anchored."""
    body = source.body
    quotes = sorted(source.quotes, key=lambda q: (q.span[0], -q.span[1], q.index))
    opened: set[int] = set()

    def open_mark(quote: Quote) -> str:
        attrs = f' id="{quote.anchor}"' if quote.index not in opened else ""
        opened.add(quote.index)
        cluster = d.cluster_of.get((source.id, quote.index), "")
        if quote.kind is QuoteKind.PARAPHRASE:  # the source's words, not the speaker's
            return (f'<mark class="dossier-quote dossier-paraphrase"{attrs} '
                    f'data-cluster="{cluster}" title="Reported speech: '
                    f'{esc(speaker_name(d, quote.speaker))}, in this source&#39;s words">')
        return (f'<mark class="dossier-quote"{attrs} data-cluster="{cluster}" '
                f'title="{esc(speaker_name(d, quote.speaker))}">')

    escape = references_in(body)

    def text(start: int, end: int) -> str:
        return escape(body[start:end]).replace("\n", "<br>\n")

    blocks = []
    for start, end in paragraphs(body):
        inside = [q for q in quotes if q.span[0] < end and q.span[1] > start]
        if not inside:
            blocks.append(f"<p>{text(start, end)}</p>")
            continue
        points = sorted({start, end, *(q.span[0] for q in inside if q.span[0] > start),
                         *(q.span[1] for q in inside if q.span[1] < end)})
        out: list[str] = []
        active: list[Quote] = []  # open marks, outermost first
        for here, there in itertools.pairwise(points):
            if any(q.span[1] <= here for q in active):
                # Marks nest: close them all, reopen those that go on.
                out.extend("</mark>" for _ in active)
                active = [q for q in active if q.span[1] > here]
                out.extend(open_mark(q) for q in active)
            open_now = {q.index for q in active}
            for quote in inside:
                if quote.index not in open_now and quote.span[0] <= here < quote.span[1]:
                    active.append(quote)
                    out.append(open_mark(quote))
            out.append(text(here, there))
        out.extend("</mark>" for _ in active)
        blocks.append("<p>" + "".join(out) + "</p>")
    lang = f' lang="{esc(source.language)}"' if source.language else ""
    return Markup(f'<div class="dossier-text"{lang}>\n' + "\n".join(blocks) + "\n</div>")
