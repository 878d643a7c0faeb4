"""Command line: parses arguments, runs one command and prints what it said. The build itself is
`build.build`; `check` reports every problem at once.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from . import write
from .build import build, check, print_pack, report
from .github import annotation
from .model import Problem
from .pdf import pack


def _add_print(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = sub.add_parser("print", help="write a briefing pack: the chronology PDF of one "
                         "period, person, event or tag (combinable)")
    cmd.add_argument("--root", type=Path, default=Path.cwd(),
                     help="the dossier's repository (default: here)")
    cmd.add_argument("--from", dest="start", metavar="DATE", help="events from this date")
    cmd.add_argument("--to", dest="end", metavar="DATE", help="events up to this date")
    for name, what in (("person", "a person's id, name or alias"), ("event", "an event's id"),
                       ("tag", "a tag of the sources")):
        cmd.add_argument(f"--{name}", action="append", default=[], metavar=name.upper(),
                         help=f"{what}; may be given again (any of them)")
    cmd.add_argument("-o", "--output", type=Path,
                     help="the PDF to write (default: briefing-<selection>.pdf here)")


def main(argv: list[str] | None = None) -> int:
    """Entry point of `build-dossier`."""
    if isinstance(sys.stdout, io.TextIOWrapper):
        # Messages quote the sources, which are UTF-8: an ASCII locale must not crash on them.
        sys.stdout.reconfigure(encoding="utf-8")
    parser = argparse.ArgumentParser(
        prog="build-dossier",
        description="Turn annotated articles in sources/ into a briefing-dossier site.")
    sub = parser.add_subparsers(dest="command", required=True)
    check_cmd = sub.add_parser("check", help="report every problem in sources/")
    check_cmd.add_argument("--root", type=Path, default=Path.cwd(),
                           help="the dossier's repository (default: here)")
    check_cmd.add_argument("--format", choices=("text", "github"), default="text",
                           help="'github': each problem as a GitHub workflow annotation, shown "
                           "on its line of a pull request's diff (default: text)")
    build_cmd = sub.add_parser("build", help="generate docs/ and build site/ with MkDocs")
    build_cmd.add_argument("--root", type=Path, default=Path.cwd(),
                           help="the dossier's repository (default: here)")
    build_cmd.add_argument("--no-site", action="store_true",
                           help="generate docs/ only; do not run MkDocs")
    build_cmd.add_argument("--no-pdf", action="store_true",
                           help="build the site without site/chronology.pdf")
    new_cmd = sub.add_parser("new", help="draft a new source in sources/ from an article, "
                             "transcript or statement, its guesses marked for confirmation")
    new_cmd.add_argument("file", help="the text: plain text, a saved web page (.html), a PDF "
                         "or a Word file (.docx); '-' reads standard input")
    new_cmd.add_argument("--root", type=Path, default=Path.cwd(),
                         help="the dossier's repository (default: here)")
    new_cmd.add_argument("--date", help="publication date, YYYY-MM-DD (default: from the file's "
                         "metadata or the text)")
    new_cmd.add_argument("--id", dest="source_id", help="the source's id and file name "
                         "(default: date and title)")
    new_cmd.add_argument("--outlet", help="who published it (default: as a saved page states)")
    new_cmd.add_argument("--url", help="where it was published (default: as a saved page "
                         "states)")
    serve_cmd = sub.add_parser("serve", help="build, serve the site on 127.0.0.1 and rebuild "
                               "it whenever sources/ changes")
    serve_cmd.add_argument("--root", type=Path, default=Path.cwd(),
                           help="the dossier's repository (default: here)")
    serve_cmd.add_argument("--port", type=int, default=8000,
                           help="port on 127.0.0.1 (default: 8000; 0 picks a free one)")
    serve_cmd.add_argument("--pdf", action="store_true",
                           help="also rebuild site/chronology.pdf each time (slower)")
    _add_print(sub)
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.command == "print":
        code, lines = print_pack(root, pack.Request(
            args.start, args.end, tuple(args.person), tuple(args.event), tuple(args.tag)),
            args.output)
        print("\n".join(lines))
        return code
    if args.command == "new":
        from .draft import new

        return new.run(root, args.file, date=args.date, source_id=args.source_id,
                       outlet=args.outlet, url=args.url)
    if args.command == "serve":
        from . import serve

        return serve.serve(root, args.port, pdf=args.pdf)
    if args.command == "check":
        said: list[str] = []
        try:
            problems = check(root)
        except KeyboardInterrupt:  # check only reads: nothing to undo
            print("Interrupted: nothing was changed.", file=sys.stderr)
            return 130
        line_of = annotation if args.format == "github" else Problem.format
        if report(problems, said, line_of):
            warnings = len(problems)
            said.append(f"OK: {warnings} {'warning' if warnings == 1 else 'warnings'}.")
        print("\n".join(said))
        return 0 if all(p.severity != "error" for p in problems) else 1
    write.stop_on_sigterm()
    try:
        result = build(root, site=not args.no_site, pdf=not args.no_pdf)
    except KeyboardInterrupt:
        print("Interrupted: docs/ and site/ are as the last build left them, or as this one "
              "made them; the next build goes on.", file=sys.stderr)
        return 130
    print("\n".join(result.lines))
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
