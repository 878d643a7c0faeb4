"""The long lists (the chronology, the quote index, the list of sources, `dossier.json`)
rendered part by part: an event, a statement, a day's sources, a record. Each part
is rendered from the Dossier it is handed, so that `serve` (`render_memo.py`) can keep it with
what it read and take it back unchanged next time; otherwise every part is simply rendered.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import Protocol, TypeVar

from markupsafe import Markup

from ..model import Dossier

T = TypeVar("T", str, bytes)


class Parts(Protocol):
    """What keeps parts between builds."""

    def part(self, d: Dossier, key: Hashable, render: Callable[[Dossier], T]) -> T:
        """The part `key` of the page being rendered: `render(d)`, or what it gave before."""


_KEEPER: Parts | None = None


@contextmanager
def kept_by(keeper: Parts) -> Iterator[None]:
    """Parts rendered meanwhile go through `keeper`."""
    global _KEEPER
    before, _KEEPER = _KEEPER, keeper
    try:
        yield
    finally:
        _KEEPER = before


def part(d: Dossier, key: Hashable, render: Callable[[Dossier], str]) -> Markup:
    """One part of a long list: `render(d)`, which must read what it shows from the `d` it is
    given, never from an outer one (else a kept part would not know it changed)."""
    text = render(d) if _KEEPER is None else _KEEPER.part(d, key, render)
    return Markup(text)


def piece(d: Dossier, key: Hashable, render: Callable[[Dossier], bytes]) -> bytes:
    """One part of a long file that is not Markdown (`dossier.json`): bytes, kept like a
    list's part."""
    return render(d) if _KEEPER is None else _KEEPER.part(d, key, render)
