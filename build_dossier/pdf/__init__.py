"""The chronology as a PDF: `site/chronology.pdf` at build time, and briefing packs of one part
of it (`build-dossier print`, in `pack`). `content` says what is printed, as data; `typeset`
lays it out with Typst in a child process.

The site's PDF has no clock in it: it is dated by the latest source (or SOURCE_DATE_EPOCH) and
names the dossier version, a digest of the sources, so the same sources give the same bytes.
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import orjson

from ..model import Dossier, FuzzyDate
from ..parallel import default_workers
from . import content
from .engine import PdfError, Typeset, typeset

if TYPE_CHECKING:
    from ..progress import Reporter

__all__ = ["PDF_NAME", "Layout", "PdfError", "Typeset", "chronology_data", "lay_out",
           "typeset_layout", "write_pdf"]

PDF_NAME = "chronology.pdf"
"""Where the PDF goes, relative to the site's root."""
PART_CHARS = 600_000
"""Characters laid out by one typesetter process: about 200-300 MB of its memory."""
MAX_TYPESETTERS = 2
"""Parts laid out at once: more cores would go faster, but each holds its part's memory."""


def source_date_epoch() -> int | None:
    """SOURCE_DATE_EPOCH, when set: the time reproducible builds say they were made."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise PdfError(f"SOURCE_DATE_EPOCH is '{value}'; expected a whole number of seconds "
                       "since 1970")
    return int(value)


def _epoch_of(date: FuzzyDate | None) -> int:
    if date is None:
        return 0
    day = dt.date(date.year, date.month or 1, date.day or 1)
    return calendar.timegm(day.timetuple())


def _day(epoch: int, with_time: bool = False) -> str:
    moment = dt.datetime.fromtimestamp(epoch, dt.UTC)
    text = FuzzyDate(moment.year, moment.month, moment.day).human()
    return f"{text}, {moment:%H:%M} UTC" if with_time else text


def provenance(dossier: Dossier, made_at: int | None, with_time: bool = False) -> str:
    """Which dossier version the PDF was made from, and when when that is known."""
    latest = content.latest_published(dossier)
    upto = f"sources up to {latest.human()}" if latest else "no sources yet"
    version = content.dossier_version(dossier)
    if made_at is None:
        return f"Made from dossier version {version} ({upto})."
    return f"Made on {_day(made_at, with_time)} from dossier version {version} ({upto})."


def chronology_data(dossier: Dossier) -> dict[str, Any]:
    """The site's chronology PDF as data (pure: the same dossier gives the same data)."""
    return content.document(dossier, kind="Chronology",
                            made=provenance(dossier, source_date_epoch()))


class Layout(NamedTuple):
    """The chronology cut into parts for the typesetter, as data: what `typeset_layout` lays
    out, made beforehand so that the build can say how many parts there are."""

    parts: list[bytes]
    """JSON of `content.split`'s parts, in order."""
    carried: list[int]
    """How many events open each part that belong to the month before it."""
    epoch: int


def lay_out(dossier: Dossier) -> Layout:
    """The site's chronology PDF as parts to typeset."""
    epoch = source_date_epoch()
    if epoch is None:  # a build clock would make every build's PDF differ
        epoch = _epoch_of(content.latest_published(dossier))
    return _layout(chronology_data(dossier), epoch, PART_CHARS)


def typeset_layout(layout: Layout, target: Path, progress: Reporter | None = None) -> Typeset:
    """Write the PDF of `layout` to `target` (`progress` hears of each part)."""
    return typeset(layout.parts, target, layout.epoch, min(default_workers(), MAX_TYPESETTERS),
                   layout.carried, progress)


def write_pdf(dossier: Dossier, target: Path, progress: Reporter | None = None) -> Typeset:
    """Write the site's chronology PDF to `target` (`progress` hears of each part)."""
    return typeset_layout(lay_out(dossier), target, progress)


def _layout(doc: dict[str, Any], epoch: int, part_chars: int) -> Layout:
    parts = content.split(doc, part_chars)
    for part in parts:
        part["footer"] = len(parts) == 1
    carried = [0 if not p["months"] or p["months"][0]["heading"] else len(p["months"][0]["events"])
               for p in parts]
    return Layout([orjson.dumps(p) for p in parts], carried, epoch)


def render(doc: dict[str, Any], target: Path, epoch: int, part_chars: int = PART_CHARS,
           progress: Reporter | None = None) -> Typeset:
    """Typeset `doc` (from `content.document`) into the PDF `target`, part by part."""
    return typeset_layout(_layout(doc, epoch, part_chars), target, progress)
