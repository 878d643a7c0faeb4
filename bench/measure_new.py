"""How well `build-dossier new` finds annotated quotes: strips the front matter of each annotated
source, drafts the bare text again with `new` in a scratch dossier, and compares.

    .venv/bin/python -m bench.measure_new [--texts tests/texts]

A quote counts as found when one drafted quotation covers at least half of its words' span in
the text, and its speaker as right when that quotation's guessed speaker is the annotated one.
Every drafted file is also checked: it must load with warnings only.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from build_dossier.build import check
from build_dossier.draft.new import create_source
from build_dossier.load import SOURCES_DIR, _Report, split_front_matter
from build_dossier.textmatch import Body

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Score:
    """Counts for one text or a total."""

    name: str
    quotes: int = 0
    found: int = 0
    speakers: int = 0
    drafted: int = 0
    errors: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        """Add another text's counts to this total."""
        self.quotes += other.quotes
        self.found += other.found
        self.speakers += other.speakers
        self.drafted += other.drafted
        self.errors += other.errors


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


def measure_text(name: str, text: str, expected: list[dict[str, Any]], registry: Path,
                 published: str | None) -> Score:
    """Draft `text` with `new` in a scratch dossier using `registry`'s people and events."""
    score = Score(name)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / SOURCES_DIR).mkdir()
        for registry_file in ("people.yml", "events.yml"):
            if (registry / registry_file).is_file():
                shutil.copy(registry / registry_file, root / SOURCES_DIR / registry_file)
        (root / SOURCES_DIR / "dossier.yml").write_text("title: Measure\n", encoding="utf-8")
        _, drafted = create_source(root, text, name, date=published, source_id="drafted")
        score.errors = sum(p.severity == "error" for p in check(root))
    score.drafted = len(drafted.quotes)
    body = Body(text)
    for quote in expected:
        score.quotes += 1
        span = body.find(str(quote["text"]))
        if span is None:
            score.misses.append(f"not in the text: {quote['text'][:60]}")
            continue
        overlap, best = 0, None
        for cand in drafted.quotes:
            shared = min(span[1], cand.end) - max(span[0], cand.start)
            if shared > overlap:
                overlap, best = shared, cand
        if best is None or overlap * 2 < span[1] - span[0]:
            score.misses.append(f"missed: {quote['text'][:60]}")
            continue
        score.found += 1
        want = str(quote["speaker"])
        got = best.speaker or f"(new) {best.name}"
        if got == want:
            score.speakers += 1
        else:
            score.misses.append(f"speaker {got!r}, annotated {want!r}: {quote['text'][:50]}")
    return score


def annotated_sources(root: Path) -> list[tuple[str, str, list[dict[str, Any]], str]]:
    """(name, bare text, annotated quotes, published) of every annotated source."""
    out = []
    for path in sorted((root / SOURCES_DIR).glob("*.md")):
        split = split_front_matter(path.read_text(encoding="utf-8"), _Report(path.name, []))
        if split is None:
            continue
        front, body, _ = split
        meta = yaml.safe_load(front)
        quotes = meta.get("quotes") or []
        out.append((path.name, body, quotes if isinstance(quotes, list) else [quotes],
                    str(meta["published"])))
    return out


def sample_texts(folder: Path) -> list[tuple[str, str, list[dict[str, Any]], str | None]]:
    """(name, text, expected quotes, published) of each `*.txt` with its `*.expected.yml`."""
    out = []
    for path in sorted(folder.glob("*.txt")):
        expected_path = path.with_suffix(".expected.yml")
        expected = yaml.safe_load(expected_path.read_text(encoding="utf-8")) \
            if expected_path.is_file() else {}
        out.append((path.name, path.read_text(encoding="utf-8"), expected.get("quotes", []),
                    expected.get("published")))
    return out


def report(title: str, scores: list[Score], verbose: bool) -> Score:
    """Print one table of scores; returns the total."""
    total = Score("total")
    print(f"\n{title}")
    print(f"  {'text':<62} {'quotes':>6} {'found':>6} {'speaker':>7} {'drafted':>7} {'errors':>6}")
    for s in scores:
        total.add(s)
        print(f"  {s.name[:62]:<62} {s.quotes:>6} {s.found:>6} {s.speakers:>7} {s.drafted:>7} "
              f"{s.errors:>6}")
        if verbose:
            for miss in s.misses:
                print(f"      {miss}")
    print(f"  {'total':<62} {total.quotes:>6} {total.found:>6} {total.speakers:>7} "
          f"{total.drafted:>7} {total.errors:>6}")
    print(f"  found {_percent(total.found, total.quotes)}, speaker right "
          f"{_percent(total.speakers, total.quotes)} of annotated quotes "
          f"({_percent(total.speakers, total.found)} of those found)")
    return total


def main(argv: list[str] | None = None) -> int:
    """Measure on the annotated sources, and on sample texts when given."""
    parser = argparse.ArgumentParser(prog="python -m bench.measure_new", description=__doc__)
    parser.add_argument("--root", type=Path, default=ROOT, help="dossier with annotated sources")
    parser.add_argument("--texts", type=Path, default=ROOT / "tests" / "texts",
                        help="folder of sample texts (*.txt, *.expected.yml, people.yml)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    registry = args.root / SOURCES_DIR
    seeds = [measure_text(n, t, q, registry, p) for n, t, q, p in annotated_sources(args.root)]
    total = report(f"Annotated sources in {registry}", seeds, args.verbose)
    errors = total.errors
    if args.texts.is_dir():
        samples = [measure_text(n, t, q, args.texts, p)
                   for n, t, q, p in sample_texts(args.texts)]
        errors += report(f"Sample texts in {args.texts}", samples, args.verbose).errors
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
