"""Quote clustering, part of `link`: the same utterance carried by several sources.

Two quotes are the same utterance when they have the same speaker, a compatible occasion (same
event, or dates that can name the same day) and wordings that are identical after folding, one
inside the other, or the same sentence with small differences. Candidates come from an inverted
index of rare word trigrams, so the work grows with the number of quotes, not its square.
"""

from __future__ import annotations

import difflib
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .load import quote_anchor
from .model import Event, FuzzyDate, Quote, QuoteCluster, Variant
from .textmatch import word_key

SIMILARITY = 0.75
"""Word-sequence similarity at and above which two wordings are one sentence."""
MIN_CONTAINED_WORDS = 5
"""A fragment shorter than this (and under half the longer quote) is not taken as the same quote."""
MAX_POSTING = 200
"""Trigrams shared by more of one speaker's wordings than this are stock phrases: they find no
candidates (two wordings of one sentence share many rarer trigrams too)."""


@dataclass
class _Unit:
    """Quotes with one speaker, one folded wording and one occasion."""

    speaker: str
    tokens: tuple[str, ...]
    event: str | None
    date: FuzzyDate | None
    quotes: list[Quote]


def _shingles(tokens: tuple[str, ...]) -> set[tuple[str, ...]]:
    if len(tokens) < 3:
        return {tokens}
    return {tokens[i:i + 3] for i in range(len(tokens) - 2)}


def _same_occasion(a: _Unit, b: _Unit) -> bool:
    if a.event and b.event:
        return a.event == b.event
    if a.date is None or b.date is None:
        return False
    return a.date.compatible(b.date)


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    if len(short) < MIN_CONTAINED_WORDS and len(short) * 2 < len(long):
        return False
    n = len(short)
    return any(long[i:i + n] == short for i in range(len(long) - n + 1))


def same_wording(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two folded word sequences are one quote: equal, nested, or nearly equal."""
    if a == b:
        return True
    if not a or not b:
        return False
    short, long = sorted((a, b), key=len)
    if _contains(long, short):
        return True
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return (matcher.real_quick_ratio() >= SIMILARITY and matcher.quick_ratio() >= SIMILARITY
            and matcher.ratio() >= SIMILARITY)


class _Sets:
    """Union-find over unit indexes."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _units(quotes: Iterable[Quote], events: Mapping[str, Event]) -> list[_Unit]:
    units: dict[tuple[object, ...], _Unit] = {}
    for quote in quotes:
        tokens = quote.words
        event = quote.event if quote.event in events else None
        date = quote.date or (events[event].date if event else None)
        key = (quote.speaker, tokens, event, date)
        unit = units.get(key)
        if unit is None:
            units[key] = unit = _Unit(quote.speaker, tokens, event, date, [])
        unit.quotes.append(quote)
    return list(units.values())


def _group(units: list[_Unit]) -> list[list[_Unit]]:
    """Units joined into clusters, through candidates that share a rare trigram."""
    sets = _Sets(len(units))
    by_speaker: dict[str, list[int]] = defaultdict(list)
    for i, unit in enumerate(units):
        by_speaker[unit.speaker].append(i)
    for members in by_speaker.values():
        shingles = {i: _shingles(units[i].tokens) for i in members}
        postings: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for i in members:
            for shingle in shingles[i]:
                postings[shingle].append(i)
        for i in members:
            # Every later unit sharing a rare trigram, each once (the union runs in C).
            candidates: set[int] = set()
            for shingle in shingles[i]:
                posting = postings[shingle]
                if len(posting) <= MAX_POSTING:
                    candidates.update(posting)
            a = units[i]
            for j in sorted(candidates):
                if j <= i or sets.find(i) == sets.find(j):
                    continue
                b = units[j]
                if _same_occasion(a, b) and same_wording(a.tokens, b.tokens):
                    sets.union(i, j)
    groups: dict[int, list[_Unit]] = defaultdict(list)
    for i, unit in enumerate(units):
        groups[sets.find(i)].append(unit)
    return list(groups.values())


def _unit_anchor(unit: _Unit) -> str:
    """Derived from speaker, wording and occasion, so it never depends on other sources."""
    occasion = unit.event or (unit.date.source_text() if unit.date else "")
    digest = hashlib.sha1(occasion.encode()).hexdigest()[:4]
    return f"{quote_anchor(unit.speaker, ' '.join(unit.tokens))}-{digest}"


def cluster_quotes(quotes: Iterable[Quote], events: Mapping[str, Event],
                   published: Mapping[str, FuzzyDate]) -> list[QuoteCluster]:
    """Every quote in exactly one cluster; variants ordered with the reference wording first."""

    def first_seen(quote: Quote) -> tuple[object, ...]:
        return (published[quote.source_id].sort_key(), quote.source_id, quote.index)

    clusters: list[QuoteCluster] = []
    for group in _group(_units(quotes, events)):
        wordings: dict[tuple[str, ...], list[Quote]] = defaultdict(list)
        for unit in group:
            wordings[unit.tokens].extend(unit.quotes)
        variants = []
        for members in wordings.values():
            members.sort(key=first_seen)
            variants.append(Variant(members[0].text, tuple(members)))
        # The reference wording is the most widely carried one, then the first published.
        variants.sort(key=lambda v: (-len({q.source_id for q in v.quotes}),
                                     first_seen(v.quotes[0]), v.text))
        reference = variants[0].quotes[0]
        event = next((u.event for u in group if u.event), None)
        date = next((u.date for u in group if u.date and u.event == event), None)
        anchors = sorted({_unit_anchor(u) for u in group})
        clusters.append(QuoteCluster(anchors[0], reference.speaker, event, date,
                                     tuple(variants), aliases=tuple(anchors[1:])))
    return clusters


def word_diff(reference: str, variant: str) -> list[tuple[str, str]]:
    """The variant against the reference, word by word: ('equal'|'insert'|'delete', text)."""
    ref_words, var_words = reference.split(), variant.split()
    keys = [word_key(w) for w in ref_words], [word_key(w) for w in var_words]
    matcher = difflib.SequenceMatcher(None, keys[0], keys[1], autojunk=False)
    parts: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(("equal", " ".join(var_words[j1:j2])))
            continue
        if i2 > i1:
            parts.append(("delete", " ".join(ref_words[i1:i2])))
        if j2 > j1:
            parts.append(("insert", " ".join(var_words[j1:j2])))
    return parts
