"""Progress of long work on stderr: on a terminal a bar per stage (pages done of total, time
left, by tqdm); piped or under CI=true one plain line per stage, so logs stay readable."""

from __future__ import annotations

import os
import sys
from typing import Any, TextIO

from tqdm import tqdm


class Progress:
    """Reports stages and how far each one is; `close` ends the last bar."""

    def __init__(self, out: TextIO | None = None, *, live: bool | None = None) -> None:
        self.out = out if out is not None else sys.stderr
        self.live = (live if live is not None
                     else self.out.isatty() and os.environ.get("CI", "").lower() != "true")
        self.name: str | None = None
        self.bar: Any = None

    def update(self, stage: str, done: int, total: int) -> None:
        """`done` of `total` items of `stage` are done; a new name starts a new stage."""
        if stage != self.name:
            self.close()
            self.name = stage
            if self.live:
                self.bar = tqdm(total=total, desc=stage, unit="page", file=self.out,
                                leave=False, dynamic_ncols=True)
            else:
                print(f"{stage}: {total} pages", file=self.out, flush=True)
        if self.bar is not None:
            self.bar.total = total
            self.bar.update(done - self.bar.n)
            self.bar.refresh()  # MkDocs reports a few times a second: show each report

    def close(self) -> None:
        """End the current stage's bar."""
        if self.bar is not None:
            self.bar.close()
            self.bar = None
        self.name = None
