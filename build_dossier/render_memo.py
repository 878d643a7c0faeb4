"""Pages rendered again only when what they read has changed: `serve` keeps a `RenderMemo`
between builds (part of stage 3, `render`).

While a page renders, the Dossier it is given notes every record and index entry it reads. The
next build takes the page as `docs/` holds it when each of those reads gives an equal value and
`docs/` still holds the very bytes rendered then; otherwise the page is rendered again. A page
that reads a whole collection (the overview) is rendered every time; the long lists are made
of parts (`pages/parts.py`), each kept the same way. Rendering every
page was a second of each rebuild at 1,000 sources, ten at 10,000, for the 13 to 22 pages one
edited source changes.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import partial
from typing import Any, cast

from .markup import Linker
from .model import Dossier, Indexes
from .pages.derived import DERIVED
from .pages.parts import T, kept_by
from .render import Job, render_job
from .write import Decision, Stager

Read = tuple[str, Hashable]
"""A collection of the Dossier (`sources`, `ix.features`, ...) and the key read in it."""
_MISSING = object()
"""What a read found when the key was not there: its absence is what the page depends on."""
_UNSEEN = object()
"""Not looked up yet in this build."""
_LINKER: Read = ("linker", "")
"""The names linked in summaries and texts, as a whole."""
_DERIVED = "derived:"
"""What a read's collection starts with when it is a derived value (`pages/derived.py`)."""


class Reads:
    """What one page read while it rendered."""

    def __init__(self) -> None:
        self.keys: set[Read] = set()
        self.whole = False
        """Whether it read a whole collection: then it is rendered every time."""


class _Seen(Mapping[Any, Any]):
    """A mapping of the Dossier that notes the keys a page reads, and whether it went through
    all of them."""

    def __init__(self, data: Mapping[Any, Any], name: str, reads: Reads) -> None:
        self._data, self._name, self._reads = data, name, reads

    def __getitem__(self, key: Any) -> Any:
        self._reads.keys.add((self._name, key))
        return self._data[key]

    def get(self, key: Any, default: Any = None) -> Any:
        self._reads.keys.add((self._name, key))
        return self._data.get(key, default)

    def __contains__(self, key: object) -> bool:
        self._reads.keys.add((self._name, key))
        return key in self._data

    def __iter__(self) -> Iterator[Any]:
        self._reads.whole = True
        return iter(self._data)

    def __len__(self) -> int:
        self._reads.whole = True
        return len(self._data)


class _SeenAll(Sequence[Any]):
    """A tuple of the Dossier (its clusters): any read of it is a read of all of it."""

    def __init__(self, data: Sequence[Any], reads: Reads) -> None:
        self._data, self._reads = data, reads

    def __getitem__(self, index: Any) -> Any:
        self._reads.whole = True
        return self._data[index]

    def __len__(self) -> int:
        self._reads.whole = True
        return len(self._data)


class _SeenLinker:
    """The Linker, noting that the page links names."""

    def __init__(self, linker: Linker, reads: Reads) -> None:
        self._linker, self._reads = linker, reads

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self._reads.keys.add(_LINKER)
        return self._linker(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        self._reads.keys.add(_LINKER)
        return getattr(self._linker, name)


def _watched(value: Any, name: str, reads: Reads) -> Any:
    if isinstance(value, dict):
        return _Seen(value, name, reads)
    if isinstance(value, tuple):
        return _SeenAll(value, reads)
    if isinstance(value, Linker):
        return _SeenLinker(value, reads)
    if isinstance(value, str):
        return value  # the title and address: a change of either clears the memo
    raise TypeError(f"render_memo cannot watch {name} ({type(value).__name__}): add it")


def watched(d: Dossier, reads: Reads) -> Dossier:
    """`d`, noting into `reads` what is read of it. Every field is watched: a field added to
    the Dossier or its indexes without a way to watch it stops here, not in a stale page."""
    ix = d.indexes
    indexes = replace(ix, **{f.name: _watched(getattr(ix, f.name), "ix." + f.name, reads)
                             for f in fields(Indexes)})
    seen = replace(d, **{f.name: _watched(getattr(d, f.name), f.name, reads)
                         for f in fields(Dossier) if f.name != "indexes"}, indexes=indexes)
    # Dossier.cluster looks clusters up in a table it keeps beside its fields.
    object.__setattr__(seen, "_by_anchor", _Seen(d._clusters_by_anchor, "cluster", reads))
    # A derived value is one read, worked out from the Dossier as it is (`pages/derived.py`).
    object.__setattr__(seen, "_note_derived", partial(_derived_read, d, reads))
    return seen


def _derived_read(d: Dossier, reads: Reads, name: str, key: str) -> Any:
    reads.keys.add((_DERIVED + name, key))
    return DERIVED[name](d, key)


def _table(d: Dossier, name: str) -> Mapping[Any, Any]:
    """The collection of `d` a plain (not derived) read of `name` looks in."""
    if name == "cluster":
        return d._clusters_by_anchor
    if name.startswith("ix."):
        return getattr(d.indexes, name[3:])  # type: ignore[no-any-return]
    return getattr(d, name)  # type: ignore[no-any-return]


def _derive(d: Dossier, read: Read) -> tuple[Any, frozenset[Read] | None]:
    """The derived value `read` in `d`, and the plain reads it was worked out from (None when
    it went through a whole collection). A derived value it reads on the way is worked out on
    the same watched Dossier, so that what that one reads counts as read by this one."""
    reads = Reads()
    seen = watched(d, reads)
    object.__setattr__(seen, "_note_derived",
                       lambda name, key: DERIVED[name](seen, key))
    value = DERIVED[read[0][len(_DERIVED):]](seen, str(read[1]))
    return value, None if reads.whole else frozenset(reads.keys)


def _changed(table: Mapping[Any, Any], name: str, entries: dict[Hashable, Any]
             ) -> Iterator[Read]:
    """The reads of `name` whose value in `table` is not what `entries` holds; each entry
    then holds the value of now (an equal one too, so that the next build finds it the same
    object)."""
    get = table.get
    for key, old in entries.items():
        now = get(key, _MISSING)
        if now is not old:
            if now != old:
                yield name, key
            entries[key] = now


@dataclass(frozen=True)
class Rendered:
    """A page as last rendered: where it went, its digest, and what it read."""

    uri: str
    digest: str
    reads: frozenset[Read]
    state: tuple[int, ...] = ()
    """The file's state in `docs/` when its bytes were last confirmed (`Stager.confirm`)."""


@dataclass(frozen=True)
class Part:
    """A part of a long list as last rendered: its text, and what it read."""

    text: str | bytes
    reads: frozenset[Read]


PartKey = tuple[str, Hashable]
"""A part of a list: the list's path, and the part's key there (`("event", id)`, ...)."""


@dataclass
class RenderMemo:
    """The pages of the last builds, by (kind, key) of their job, and what they read; the parts
    of the long lists, the same way; and what each read gave when they were rendered.

    Every page and part the memo keeps was rendered from values equal to those in `values`
    (a read whose value changed has every page reading it rendered again in that build). So
    a build works out once which reads changed, and a page is kept when it read none of them:
    checking each page's reads one by one was 3 s of every rebuild at 10,000 sources.
    """

    pages: dict[tuple[str, str], Rendered] = field(default_factory=dict)
    parts: dict[PartKey, Part] = field(default_factory=dict)
    scalars: tuple[str, str] = ("", "")
    """The title and address the pages were rendered with."""
    linker: dict[str, tuple[str, ...]] = field(default_factory=dict)
    values: dict[str, dict[Hashable, Any]] = field(default_factory=dict)
    """What each read of a kept page or part gave when it was rendered, by collection and key
    (the names to link: noted, not kept)."""
    derived_from: dict[Read, frozenset[Read] | None] = field(default_factory=dict)
    """The plain reads each derived value was worked out from: it is worked out again only
    when one of them changed (None: every build)."""
    changed: set[Read] = field(default_factory=set)
    """The reads whose value changed since the last build (worked out by `begin`)."""
    rendering: bool = False
    """Between `begin` and `keep_parts`: a build that stopped there leaves `values` out of step
    with some pages, and the next build forgets them all."""
    written: dict[str, tuple[int, ...]] = field(default_factory=dict)
    """The state of the files the last builds wrote, as they left them (`write.settle`)."""
    forgotten: int = 0
    """Pages and parts dropped or rendered again since `values` last lost the reads no page
    makes any more."""

    def begin(self, d: Dossier) -> None:
        """Start a build of `d`: forget everything if its title or address changed, and work
        out which reads changed."""
        if (d.title, d.site_url) != self.scalars or self.rendering:
            self.pages.clear()
            self.parts.clear()
            self.values.clear()
            self.derived_from.clear()
            self.scalars = (d.title, d.site_url)
        self.rendering = True
        targets = d.indexes.linker.targets
        changed = set() if targets == self.linker else {_LINKER}
        self.linker = targets
        derived: list[Read] = []
        for name, entries in self.values.items():
            if name.startswith(_DERIVED):
                derived += ((name, key) for key in entries)
            elif name != _LINKER[0]:
                changed.update(_changed(_table(d, name), name, entries))
        plain_changed = frozenset(changed)
        for read in derived:
            reads = self.derived_from.get(read)
            if reads is not None and reads.isdisjoint(plain_changed):
                continue
            entries = self.values[read[0]]
            now = self._derive(d, read)
            if now != entries[read[1]]:
                changed.add(read)
            entries[read[1]] = now
        self.changed = changed

    def _derive(self, d: Dossier, read: Read) -> Any:
        """The derived value `read` in `d`, noting what it was worked out from."""
        value, reads = _derive(d, read)
        self.derived_from[read] = reads
        for name, key in reads or ():
            entries = self.values.setdefault(name, {})
            if key not in entries:
                entries[key] = _table(d, name).get(key, _MISSING)
        return value

    def known(self, job: tuple[str, str]) -> Rendered | None:
        """The page of `job` as last rendered, if nothing it read has changed."""
        page = self.pages.get(job)
        return page if page is not None and page.reads.isdisjoint(self.changed) else None

    def known_part(self, key: PartKey) -> Part | None:
        """The part `key` as last rendered, if nothing it read has changed."""
        part = self.parts.get(key)
        return part if part is not None and part.reads.isdisjoint(self.changed) else None

    def _note(self, d: Dossier, keys: frozenset[Read]) -> None:
        """Note what the reads `keys`, made just now in `d`, gave."""
        values = self.values
        for read in keys:
            name, key = read
            entries = values.get(name)
            if entries is None:
                entries = values[name] = {}
            elif key in entries:
                continue  # noted by `begin` or another page, from this same Dossier
            if read == _LINKER:
                entries[key] = None
            elif name.startswith(_DERIVED):
                entries[key] = self._derive(d, read)
            else:
                entries[key] = _table(d, name).get(key, _MISSING)

    def keep(self, d: Dossier, job: tuple[str, str], uri: str, digest: str,
             keys: frozenset[Read]) -> None:
        """Remember a page just rendered from `d`, which read `keys`."""
        self.forgotten += job in self.pages
        self.pages[job] = Rendered(uri, digest, keys)
        self._note(d, keys)

    def note_state(self, job: tuple[str, str], state: tuple[int, ...]) -> None:
        """Remember the state in which a page's file was found holding its bytes."""
        page = self.pages.get(job)
        if page is not None:
            self.pages[job] = replace(page, state=state)

    def keep_parts(self, d: Dossier, fresh: list[FreshPart], used: set[PartKey]) -> None:
        """Remember the parts just rendered from `d`, and forget those no list used; the
        build's rendering is over."""
        before = len(self.parts)
        self.parts = {key: part for key, part in self.parts.items() if key in used}
        self.forgotten += before - len(self.parts)
        for key, text, keys in fresh:
            self.forgotten += key in self.parts
            self.parts[key] = Part(text, keys)
            self._note(d, keys)
        if self.forgotten > (len(self.pages) + len(self.parts)) // 4:
            self._drop_unread()
        self.rendering = False

    def _drop_unread(self) -> None:
        """Forget the values no kept page or part reads any more."""
        read: set[Read] = set().union(*(p.reads for p in self.pages.values()),
                                      *(p.reads for p in self.parts.values()))
        read.update(*(reads for key, reads in self.derived_from.items()
                      if key in read and reads is not None))
        self.values = {name: kept for name, entries in self.values.items()
                       if (kept := {key: value for key, value in entries.items()
                                    if (name, key) in read})}
        self.derived_from = {key: reads for key, reads in self.derived_from.items()
                             if key in read}
        self.forgotten = 0

    def forget_all_but(self, jobs: set[tuple[str, str]]) -> None:
        """Drop the pages no longer made (a source removed, say)."""
        before = len(self.pages)
        self.pages = {job: page for job, page in self.pages.items() if job in jobs}
        self.forgotten += before - len(self.pages)


MEMO_KINDS = frozenset({"source", "event", "person", "statement", "moved"})
"""Jobs whose pages are kept: the records' pages. The lists read everything."""
Fresh = tuple[tuple[str, str], str, str, frozenset[Read]]
"""A page rendered now: its job, path, digest and what it read."""
FreshPart = tuple[PartKey, str | bytes, frozenset[Read]]
"""A part of a list rendered now: its key, text and what it read."""


class _Parts:
    """Keeps the parts of one list page while it renders (on a render worker): those the memo
    knows unchanged are taken back, the others rendered and noted."""

    def __init__(self, memo: RenderMemo, page: str) -> None:
        self.memo, self.page = memo, page
        self.fresh: list[FreshPart] = []
        self.used: list[PartKey] = []

    def part(self, d: Dossier, key: Hashable, render: Callable[[Dossier], T]) -> T:
        where = (self.page, key)
        self.used.append(where)
        known = self.memo.known_part(where)
        if known is not None:
            return cast(T, known.text)  # what `render` gave for this key before
        reads = Reads()
        text = render(watched(d, reads))
        if not reads.whole:
            self.fresh.append((where, text, frozenset(reads.keys)))
        return text


@dataclass
class Staged:
    """What staging a job gave (on a render worker), for the parent: the stager's decisions,
    the pages rendered now with what they read, and the lists' parts likewise."""

    decisions: list[Decision] = field(default_factory=list)
    fresh: list[Fresh] = field(default_factory=list)
    fresh_parts: list[FreshPart] = field(default_factory=list)
    used_parts: list[PartKey] = field(default_factory=list)
    """Every part the job's lists were made of, rendered now or taken back."""
    states: list[tuple[tuple[str, str], tuple[int, ...]]] = field(default_factory=list)
    """Pages confirmed by reading their file, with the file's state then."""


def stage_job(d: Dossier, job: Job, stager: Stager, memo: RenderMemo | None) -> Staged:
    """Stage the pages of `job` (runs on a render worker): those `memo` knows unchanged are
    confirmed against `docs/`, the others rendered, the long lists from the parts it knows
    unchanged and the parts rendered again."""
    if memo is None:
        return Staged(stager.stage(render_job(d, job)))
    staged = Staged()
    decisions, fresh = staged.decisions, staged.fresh
    for kind, key in job:
        if kind not in MEMO_KINDS:
            parts = _Parts(memo, key)
            with kept_by(parts):
                decisions.extend(stager.stage(render_job(d, ((kind, key),))))
            staged.fresh_parts += parts.fresh
            staged.used_parts += parts.used
            continue
        known = memo.known((kind, key))
        confirmed, state = (stager.confirm(known.uri, known.digest, known.state)
                            if known is not None else (None, ()))
        if confirmed is not None:
            decisions.append(confirmed)
            if known is not None and state != known.state:
                staged.states.append(((kind, key), state))
            continue
        reads = Reads()
        decision, = stager.stage(render_job(watched(d, reads), ((kind, key),)))
        decisions.append(decision)
        if not reads.whole:
            fresh.append(((kind, key), decision[0], decision[1], frozenset(reads.keys)))
    return staged
