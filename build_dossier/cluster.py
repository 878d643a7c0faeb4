"""Quote clustering, part of `link`: the same utterance carried by several sources.

Two quotes are the same utterance when they have the same speaker, a compatible occasion (same
event, or dates that can name the same day) and wordings that are identical after folding, one
inside the other, or the same sentence with small differences. Candidates come from an inverted
index of rare word trigrams, so the work grows with the number of quotes, not its square.
"""

from __future__ import annotations

import difflib
import functools
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .addresses import cluster_anchor
from .model import Event, FuzzyDate, Quote, QuoteCluster, Variant
from .parallel import CLUSTER_MIN_WORDINGS as PARALLEL_MIN_UNITS
from .parallel import forked_map
from .textmatch import word_key

SIMILARITY = 0.75
"""Word-sequence similarity at and above which two wordings are one sentence."""
MIN_CONTAINED_WORDS = 5
"""A fragment shorter than this (and under half the longer quote) is not taken as the same quote."""
JOB_UNITS = 500
"""Speakers are handed to workers in jobs of about this many wordings."""
RECURRING_SIMILARITY = 0.6
"""Word-sequence similarity at and above which two statements repeat one line: a talking point
carried by a minister, a communiqué and a spokesman in nearly the same words."""
RECURRING_COVER = 0.6
"""Or: the share of the shorter statement's words that the longer repeats in one run."""
MIN_SHARED = 3
"""Word trigrams two statements must share to be compared as a recurring line."""
MAX_POSTING = 200
"""Trigrams shared by more of one speaker's wordings than this are stock phrases: they find no
candidates (two wordings of one sentence share many rarer trigrams too)."""


Joins = dict[tuple[object, ...], list[list[int]]]
"""Each speaker's quotes as last joined, for `serve` to keep between builds: by the speaker's
wordings and occasions in order, the groups they formed (as positions among them). Joining
depends on nothing else, so a speaker whose quotes did not change is not joined again."""


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


def _join(units: list[_Unit], members: list[int]) -> list[list[int]]:
    """One speaker's units (`members`, indexes into `units`, ascending) joined into groups,
    through candidates that share a rare trigram."""
    mine = [units[i] for i in members]
    sets = _Sets(len(mine))
    shingles = [_shingles(unit.tokens) for unit in mine]
    postings: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, found in enumerate(shingles):
        for shingle in found:
            postings[shingle].append(i)
    for i, found in enumerate(shingles):
        # Every unit sharing a rare trigram, each once (the union runs in C).
        candidates: set[int] = set()
        for shingle in found:
            posting = postings[shingle]
            if len(posting) <= MAX_POSTING:
                candidates.update(posting)
        a = mine[i]
        for j in sorted(candidates):
            if j <= i or sets.find(i) == sets.find(j):
                continue
            b = mine[j]
            if _same_occasion(a, b) and same_wording(a.tokens, b.tokens):
                sets.union(i, j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i, index in enumerate(members):
        groups[sets.find(i)].append(index)
    return list(groups.values())


def _join_speakers(units: list[_Unit], job: list[list[int]]) -> list[tuple[list[int], list[str]]]:
    """The groups of each speaker in `job`, each with its units' anchors in order."""
    return [(group, sorted({_unit_anchor(units[i]) for i in group}))
            for members in job for group in _join(units, members)]


def _signature(units: list[_Unit], members: list[int]) -> tuple[object, ...]:
    """What joining one speaker's units depends on: their wordings and occasions, in order."""
    return tuple((units[i].tokens, units[i].event, units[i].date) for i in members)


def _group(units: list[_Unit], workers: int, joins: Joins | None = None
           ) -> list[tuple[list[_Unit], list[str]]]:
    """Units joined into clusters, each with its units' anchors in order; speakers are
    independent, so they are shared out between `workers` processes. With `joins`, a speaker
    joined as before is taken from it, and it is left holding this build's speakers."""
    by_speaker: dict[str, list[int]] = defaultdict(list)
    for i, unit in enumerate(units):
        by_speaker[unit.speaker].append(i)
    found: list[tuple[list[int], list[str]]] = []
    todo = list(by_speaker.values())
    if joins is not None:
        signatures = {members[0]: _signature(units, members) for members in todo}
        known = [(members, joins.get(signatures[members[0]])) for members in todo]
        found = [(group, sorted({_unit_anchor(units[i]) for i in group}))
                 for members, groups in known if groups is not None
                 for group in ([members[p] for p in positions] for positions in groups)]
        todo = [members for members, groups in known if groups is None]
    # The busiest speakers first and alone, so that no worker is left with one at the end.
    jobs: list[list[list[int]]] = [[]]
    for members in sorted(todo, key=len, reverse=True):
        if sum(map(len, jobs[-1])) >= JOB_UNITS:
            jobs.append([])
        jobs[-1].append(members)
    if len(units) < PARALLEL_MIN_UNITS:
        workers = 1
    found += [group for groups in forked_map(lambda job: _join_speakers(units, job), jobs,
                                             workers, ordered=False) for group in groups]
    found.sort(key=lambda group: group[0][0])  # the order of the units, however the work ran
    if joins is not None:
        _keep_joins(joins, units, by_speaker, signatures, found)
    return [([units[i] for i in members], anchors) for members, anchors in found]


def _keep_joins(joins: Joins, units: list[_Unit], by_speaker: dict[str, list[int]],
                signatures: dict[int, tuple[object, ...]],
                found: list[tuple[list[int], list[str]]]) -> None:
    """Leave in `joins` each speaker's groups as found now, and no other speaker's."""
    groups: dict[str, list[list[int]]] = defaultdict(list)
    for group, _ in found:
        groups[units[group[0]].speaker].append(group)
    joins.clear()
    for speaker, members in by_speaker.items():
        position = {index: p for p, index in enumerate(members)}
        joins[signatures[members[0]]] = [[position[i] for i in group]
                                         for group in groups[speaker]]


def _unit_anchor(unit: _Unit) -> str:
    """Derived from speaker, wording and occasion, so it never depends on other sources."""
    return _anchor(unit.speaker, unit.tokens,
                   unit.event or (unit.date.source_text() if unit.date else ""))


# Every build names every cluster, also those of the speakers taken from `Joins`: worked out
# again, the anchors were a third of a second of each rebuild at 10,000 sources.
_anchor = functools.lru_cache(maxsize=1 << 17)(cluster_anchor)


Made = dict[tuple[str, ...], tuple[tuple[object, ...], QuoteCluster]]
"""Each cluster as last made, by its anchors, with what it was made from (its quotes, their
occasions and publication dates): `serve` keeps them, and a cluster made of the same is the
very record it was (making all 17,000 again was half a second of each rebuild at 10,000
sources, and comparing them with the last build's, for the pages to keep, as long)."""


def cluster_quotes(quotes: Iterable[Quote], events: Mapping[str, Event],
                   published: Mapping[str, FuzzyDate], workers: int = 1,
                   joins: Joins | None = None, made: Made | None = None) -> list[QuoteCluster]:
    """Every quote in exactly one cluster; variants ordered with the reference wording first.

    Many quotes are compared on `workers` forked processes; the clusters are the same, and
    the same again when speakers are taken from `joins` (see `Joins`) and clusters from
    `made`, which is left holding this build's.
    """

    published_key = {source_id: date.sort_key() for source_id, date in published.items()}
    clusters: list[QuoteCluster] = []
    fresh: Made = {}
    for group, anchors in _group(_units(quotes, events), workers, joins):
        inputs = (tuple(q for unit in group for q in unit.quotes),
                  tuple((unit.event, unit.date) for unit in group),
                  tuple(published_key[q.source_id] for unit in group for q in unit.quotes))
        known = made.get(tuple(anchors)) if made is not None else None
        cluster = known[1] if known is not None and known[0] == inputs else _cluster(
            group, anchors, published_key)
        fresh[tuple(anchors)] = (inputs, cluster)
        clusters.append(cluster)
    if made is not None:
        made.clear()
        made.update(fresh)
    return clusters


def _cluster(group: list[_Unit], anchors: list[str],
             published_key: Mapping[str, tuple[int, int, int, int]]) -> QuoteCluster:
    """The cluster of the units `group`, named `anchors`."""

    def first_seen(quote: Quote) -> tuple[object, ...]:
        return (published_key[quote.source_id], quote.source_id, quote.index)

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
    return QuoteCluster(anchors[0], reference.speaker, event, date,
                        tuple(variants), aliases=tuple(anchors[1:]))


def _repeats(a: tuple[str, ...], b: tuple[str, ...], shared: int) -> bool:
    """Whether two statements' wordings carry one line: nearly equal, or one repeating most of
    the other in a single run. `shared` counts the word trigrams they have in common."""
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.quick_ratio() >= RECURRING_SIMILARITY and matcher.ratio() >= RECURRING_SIMILARITY:
        return True
    # A run of n words is n - 2 shared trigrams: too few shared, and no run can be long enough.
    short = min(len(a), len(b))
    if shared < RECURRING_COVER * short - 2:
        return False
    run = matcher.find_longest_match(0, len(a), 0, len(b)).size
    return run >= MIN_CONTAINED_WORDS and run >= RECURRING_COVER * short


@dataclass
class Recurring:
    """The recurring lines as last found, and the wordings they were found in: `serve` keeps
    one, and a build whose statements have the same wordings (most edits) takes them as they
    are (finding them was a third of a second of each rebuild at 10,000 sources)."""

    wordings: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    lines: dict[str, tuple[str, ...]] = field(default_factory=dict)


def recurring_lines(clusters: Iterable[QuoteCluster], kept: Recurring | None = None
                    ) -> dict[str, tuple[str, ...]]:
    """For each statement, the other statements that repeat its line: by another speaker, or
    by the same speaker on another occasion. They stay separate statements, linked (as `kept`
    holds them when the wordings are the same; it is left holding these).

    Candidates share at least MIN_SHARED rare word trigrams in some wording (a repeated line
    shares a run of words; a stock phrase alone is not one), so the work grows with the number
    of statements, not its square.
    """
    wordings: list[tuple[str, tuple[str, ...]]] = [
        (cluster.anchor, variant.quotes[0].words)
        for cluster in clusters for variant in cluster.variants]
    if kept is not None and kept.wordings == wordings:
        return kept.lines
    lines = _recurring(wordings)
    if kept is not None:
        kept.wordings, kept.lines = wordings, lines
    return lines


def _recurring(wordings: list[tuple[str, tuple[str, ...]]]) -> dict[str, tuple[str, ...]]:
    postings: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, (_, words) in enumerate(wordings):
        for shingle in set(zip(words, words[1:], words[2:], strict=False)):
            postings[shingle].append(i)
    # Only trigrams that some other wording shares, and not stock phrases, find candidates.
    shared_by: dict[int, list[list[int]]] = defaultdict(list)
    for posting in postings.values():
        if 1 < len(posting) <= MAX_POSTING:
            for i in posting:
                shared_by[i].append(posting)
    linked: dict[str, set[str]] = defaultdict(set)
    for i in sorted(shared_by):
        anchor, words = wordings[i]
        shared = Counter(itertools.chain.from_iterable(shared_by[i]))
        for j in sorted(j for j, n in shared.items() if j > i and n >= MIN_SHARED):
            other, other_words = wordings[j]
            if other == anchor or other in linked.get(anchor, ()):
                continue
            if _repeats(words, other_words, shared[j]):
                linked[anchor].add(other)
                linked[other].add(anchor)
    return {anchor: tuple(sorted(others)) for anchor, others in sorted(linked.items())}


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
