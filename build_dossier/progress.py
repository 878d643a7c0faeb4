"""Progress of long work on stderr: on a terminal a bar per running stage (items done of
total, time left, by tqdm), shown once the stage has run half a second; piped or under CI=true
one plain line per stage, so logs stay readable. Stages report through a `Reporter`.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import Any, TextIO

from tqdm import tqdm

from .pdf.engine import JOIN, PDF

Reporter = Callable[[str, int, int], None]
"""`(stage, done, total)`: how far a stage is, as `Progress.update` takes it."""

LOAD = "Loading sources"
LINK = "Linking sources"
RENDER = "Rendering pages"
SITE = "Building the site"
"""The renderer's run until it reports stages of its own (MkDocs does, through our hook)."""
PDF_FINISH = "Finishing the PDF"
"""The PDF, typeset beside the site, still running when the site is done."""
UNITS = {LOAD: "file", LINK: "source", PDF: "part", JOIN: "part", PDF_FINISH: "part"}
"""What a stage counts, when not pages."""
AT_ONCE = {LINK, JOIN, SITE, PDF_FINISH}
"""Stages that report only their start and end: their bars show from the start, or the
terminal would not say what runs (loading 10,000 sources takes seconds)."""
DELAY_S = 0.5
"""Another stage shorter than this shows no bar: a small dossier's build stays quiet."""


class _Bar(tqdm):  # type: ignore[misc]
    # tqdm's monitor is a thread, and the stages fork workers while a bar is open: a fork
    # copies a thread's held locks, never the thread.
    monitor_interval = 0


class Progress:
    """Reports stages and how far each one is; `close` ends the last bar."""

    def __init__(self, out: TextIO | None = None, *, live: bool | None = None,
                 delay: float | None = None) -> None:
        self.out = out if out is not None else sys.stderr
        self.live = (live if live is not None
                     else self.out.isatty() and os.environ.get("CI", "").lower() != "true")
        self.delay = DELAY_S if delay is None else delay
        self.name: str | None = None
        self.bar: Any = None
        self.started = 0.0

    def update(self, stage: str, done: int, total: int) -> None:
        """`done` of `total` items of `stage` are done; a new name starts a new stage."""
        if stage != self.name:
            self._start(stage, total)
        if self.bar is None:
            return
        self.bar.total = total
        self.bar.update(done - self.bar.n)
        if time.monotonic() - self.started >= self.delay:
            self.bar.refresh()  # MkDocs reports a few times a second: show each report
        if done >= total:  # a finished stage's bar would stand for what runs after it
            self._end_bar()

    def _start(self, stage: str, total: int) -> None:
        self.close()
        self.name = stage
        self.started = time.monotonic()
        unit = UNITS.get(stage, "page")
        if self.live:
            self.bar = _Bar(total=total, desc=stage, unit=unit, file=self.out, leave=False,
                            dynamic_ncols=True, delay=0 if stage in AT_ONCE else self.delay)
        else:
            print(f"{stage}: {total} {unit}{'' if total == 1 else 's'}", file=self.out,
                  flush=True)

    def _end_bar(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None

    def close(self) -> None:
        """End the current stage and its bar."""
        self._end_bar()
        self.name = None
