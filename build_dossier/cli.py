"""Command line: `build-dossier check` loads everything and reports every problem at once."""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

from .load import load
from .model import Problem


def _nearest(value: str, known: list[str]) -> str:
    guess = difflib.get_close_matches(value, known, n=1, cutoff=0.5)
    return f" (did you mean '{guess[0]}'?)" if guess else ""


def check(root: Path) -> list[Problem]:
    """Every problem in the dossier under `root`: load problems plus unknown references."""
    loaded = load(root)
    problems = list(loaded.problems)
    people, events = sorted(loaded.people), sorted(loaded.events)
    seen: dict[str, str] = {}
    for source in loaded.sources:
        if source.id in seen:
            problems.append(Problem(source.path, 0, "error", "id",
                                    f"duplicate source id '{source.id}' (also {seen[source.id]})"))
        seen.setdefault(source.id, source.path)
        for name, ids in (("reports", source.reports), ("announces", source.announces)):
            for event in ids:
                if event not in loaded.events:
                    problems.append(Problem(source.path, 0, "error", name,
                                            f"unknown event '{event}'{_nearest(event, events)}"))
        for quote in source.quotes:
            if quote.speaker not in loaded.people:
                problems.append(Problem(
                    source.path, quote.line, "error", f"quotes[{quote.index}].speaker",
                    f"unknown person '{quote.speaker}'{_nearest(quote.speaker, people)}"))
            if quote.event and quote.event not in loaded.events:
                problems.append(Problem(
                    source.path, quote.line, "error", f"quotes[{quote.index}].event",
                    f"unknown event '{quote.event}'{_nearest(quote.event, events)}"))
    return sorted(problems)


def main(argv: list[str] | None = None) -> int:
    """Entry point of `build-dossier`."""
    parser = argparse.ArgumentParser(prog="build-dossier")
    sub = parser.add_subparsers(dest="command", required=True)
    check_cmd = sub.add_parser("check", help="report every problem in sources/")
    check_cmd.add_argument("--root", type=Path, default=Path.cwd())
    args = parser.parse_args(argv)
    problems = check(args.root)
    for problem in problems:
        print(problem.format())
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    files = len({p.path for p in problems})
    if errors:
        print(f"Aborted: {errors} errors, {warnings} warnings in {files} files.")
        return 1
    print(f"OK: {warnings} warnings.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
