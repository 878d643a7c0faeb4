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
from typing import Any

from .markup import Linker
from .model import Dossier, Indexes
from .pages.derived import DERIVED
from .pages.parts import kept_by
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


def _values(d: Dossier, keys: frozenset[Read]) -> dict[Read, Any]:
    """What each read gives in `d` (the names to link: noted, not kept)."""
    return {read: None if read == _LINKER else _value(d, read) for read in keys}


def _value(d: Dossier, read: Read) -> Any:
    """What `read` gives in `d`."""
    name, key = read
    if name.startswith(_DERIVED):
        return DERIVED[name[len(_DERIVED):]](d, str(key))
    if name == "cluster":
        table: Any = d._clusters_by_anchor
    elif name.startswith("ix."):
        table = getattr(d.indexes, name[3:])
    else:
        table = getattr(d, name)
    return table.get(key, _MISSING)


@dataclass(frozen=True)
class Rendered:
    """A page as last rendered: where it went, its digest, and the values it read."""

    uri: str
    digest: str
    reads: dict[Read, Any]
    state: tuple[int, ...] = ()
    """The file's state in `docs/` when its bytes were last confirmed (`Stager.confirm`)."""


@dataclass(frozen=True)
class Part:
    """A part of a long list as last rendered: its text, and the values it read."""

    text: str
    reads: dict[Read, Any]


PartKey = tuple[str, Hashable]
"""A part of a list: the list's path, and the part's key there (`("event", id)`, ...)."""


@dataclass
class RenderMemo:
    """The pages of the last builds, by (kind, key) of their job, and what they read; and the
    parts of the long lists, the same way."""

    pages: dict[tuple[str, str], Rendered] = field(default_factory=dict)
    parts: dict[PartKey, Part] = field(default_factory=dict)
    scalars: tuple[str, str] = ("", "")
    """The title and address the pages were rendered with."""
    linker: dict[str, tuple[str, ...]] = field(default_factory=dict)
    linker_same: bool = False
    """Whether the names to link are as they were (worked out once per build)."""
    now: dict[Read, Any] = field(default_factory=dict)
    """What each read gives in this build's Dossier, looked up once: many pages read the same
    records (33,000 pages at 10,000 sources, each checked on every build)."""

    def begin(self, d: Dossier) -> None:
        """Start a build of `d`: forget everything if its title or address changed."""
        if (d.title, d.site_url) != self.scalars:
            self.pages.clear()
            self.parts.clear()
            self.scalars = (d.title, d.site_url)
        targets = d.indexes.linker.targets
        self.linker_same = targets == self.linker
        self.linker = targets
        self.now = {}

    def known(self, d: Dossier, job: tuple[str, str]) -> Rendered | None:
        """The page of `job` as last rendered, if everything it read is as it was."""
        page = self.pages.get(job)
        return page if page is not None and self._still(d, page.reads) else None

    def known_part(self, d: Dossier, key: PartKey) -> Part | None:
        """The part `key` as last rendered, if everything it read is as it was."""
        part = self.parts.get(key)
        return part if part is not None and self._still(d, part.reads) else None

    def _still(self, d: Dossier, reads: dict[Read, Any]) -> bool:
        """Whether every read gives in `d` the value it gave."""
        now = self.now
        for read, value in reads.items():
            if read == _LINKER:
                if not self.linker_same:
                    return False
                continue
            current = now.get(read, _UNSEEN)
            if current is _UNSEEN:
                current = now[read] = _value(d, read)
            if current is not value and current != value:
                return False
        return True

    def keep(self, d: Dossier, job: tuple[str, str], uri: str, digest: str,
             keys: frozenset[Read]) -> None:
        """Remember a page just rendered from `d`, which read `keys`."""
        self.pages[job] = Rendered(uri, digest, _values(d, keys))

    def note_state(self, job: tuple[str, str], state: tuple[int, ...]) -> None:
        """Remember the state in which a page's file was found holding its bytes."""
        page = self.pages.get(job)
        if page is not None:
            self.pages[job] = replace(page, state=state)

    def keep_parts(self, d: Dossier, fresh: list[FreshPart], used: set[PartKey]) -> None:
        """Remember the parts just rendered from `d`, and forget those no list used."""
        self.parts = {key: part for key, part in self.parts.items() if key in used}
        for key, text, keys in fresh:
            self.parts[key] = Part(text, _values(d, keys))

    def forget_all_but(self, jobs: set[tuple[str, str]]) -> None:
        """Drop the pages no longer made (a source removed, say)."""
        self.pages = {job: page for job, page in self.pages.items() if job in jobs}


MEMO_KINDS = frozenset({"source", "event", "person", "statement", "moved"})
"""Jobs whose pages are kept: the records' pages. The lists read everything."""
Fresh = tuple[tuple[str, str], str, str, frozenset[Read]]
"""A page rendered now: its job, path, digest and what it read."""
FreshPart = tuple[PartKey, str, frozenset[Read]]
"""A part of a list rendered now: its key, text and what it read."""


class _Parts:
    """Keeps the parts of one list page while it renders (on a render worker): those the memo
    knows unchanged are taken back, the others rendered and noted."""

    def __init__(self, memo: RenderMemo, page: str) -> None:
        self.memo, self.page = memo, page
        self.fresh: list[FreshPart] = []
        self.used: list[PartKey] = []

    def part(self, d: Dossier, key: Hashable, render: Callable[[Dossier], str]) -> str:
        where = (self.page, key)
        self.used.append(where)
        known = self.memo.known_part(d, where)
        if known is not None:
            return known.text
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
        known = memo.known(d, (kind, key))
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
