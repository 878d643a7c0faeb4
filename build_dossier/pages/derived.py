"""Values a page works out from many records at once (the sources related to a source), read
as one: `serve`'s render memo (`render_memo.py`) then keeps the page while the value is the
same, however many of the records behind it changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..model import Dossier

Derive = Callable[[Dossier, str], Any]
"""A derived value's function: it must give a value for any key, also one no longer in the
Dossier (the render memo works out again what the pages of the last build read)."""

DERIVED: dict[str, Derive] = {}
"""Each derived value's function, by name: `render_memo` works it out again to compare."""


def derived(name: str) -> Callable[[Derive], Derive]:
    """Register `function(d, key)` as the derived value `name`: read through `value`."""
    def register(function: Derive) -> Derive:
        DERIVED[name] = function
        return function
    return register


def value(d: Dossier, name: str, key: str) -> Any:
    """The derived value `name` of `key` in `d`. In a Dossier that notes what a page reads,
    it is noted as one read, and what it reads to be worked out is not."""
    note = getattr(d, "_note_derived", None)
    if note is None:
        return DERIVED[name](d, key)
    return note(name, key)
