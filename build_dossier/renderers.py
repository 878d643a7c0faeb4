"""The renderers that turn `docs/` into `site/`: one small adapter each for MkDocs, ProperDocs and
Zensical. Each knows its program, what it needs installed, the config lines that swap its own
search for Pagefind, and how to turn what it prints into our one-line problems. site.py runs them.

`python -m build_dossier.renderers [--missing] [--all]` prints the requirement names of the
renderer `sources/dossier.yml` chooses (or of every renderer), for the Makefile to install.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from dataclasses import dataclass
from pathlib import Path

_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
_MKDOCS_SAID = ("WARNING", "ERROR", "Error", "Aborted", "Config")
# Zensical frames each warning's place in box-drawing characters: `╭─[ editors.md:12:3 ]`.
_ZENSICAL_PLACE = re.compile(r"\[\s*(?P<file>[^\s\]]+?):(?P<line>\d+)(?::\d+)?\s*\]")
_ZENSICAL_HEAD = re.compile(r"^(?P<severity>Warning|Error):\s*(?P<message>.+)$")


def strip_ansi(text: str) -> str:
    """`text` without terminal colour codes."""
    return _ANSI.sub("", text)


@dataclass(frozen=True)
class Renderer:
    """One program that builds the site from the staged docs and config."""

    name: str
    """The value of `renderer:` in sources/dossier.yml."""
    label: str
    """How messages name it."""
    module: str
    """Run as `python -m <module> build`; also what must be importable."""
    requirements: tuple[str, ...]
    """What pip installs for it (versions pinned in requirements/constraints.txt)."""
    search_off: str
    """Staged config lines that turn the renderer's own search off (for Pagefind)."""
    search_index: str
    """Where its own search index lands in the site (what a reader's browser downloads)."""

    def command(self, config: Path) -> list[str]:
        """The build command for the staged `config`: strict, so that warnings fail it."""
        build = [sys.executable, "-m", self.module, "build", "--strict", "-f", str(config)]
        return build if self.name == "zensical" else [*build, "--clean"]

    def installed(self) -> bool:
        return all(importlib.util.find_spec(module) is not None
                   for module in (self.module, *self._theme_modules()))

    def _theme_modules(self) -> tuple[str, ...]:
        # MkDocs and ProperDocs draw the site with Material; Zensical brings its own theme.
        return () if self.name == "zensical" else ("material",)

    def problems(self, output: str) -> list[str]:
        """What the renderer said that an editor can act on, one line each."""
        if self.name == "zensical":
            return zensical_problems(output)
        return [line for line in strip_ansi(output).splitlines()
                if line.startswith(_MKDOCS_SAID)]


def zensical_problems(text: str) -> list[str]:
    """Zensical's warnings as `docs/<file>:<line>: warning: <message>`, its errors as they are,
    without the boxes around them or the Python traceback that follows."""
    said: list[str] = []
    pending: tuple[str, str] | None = None
    in_traceback = False
    for raw in strip_ansi(text).splitlines():
        line = raw.strip()
        if not line:
            continue
        if raw.startswith("Traceback"):
            in_traceback = True
            continue
        if in_traceback:
            # The traceback's frames are indented; its last line says what went wrong.
            if not raw.startswith(" "):
                said.append(line.split(": ", 1)[-1] if "Error: " in line else line)
                in_traceback = False
            continue
        head = _ZENSICAL_HEAD.match(line)
        if head:
            if pending:
                said.append(f"{pending[0]}: {pending[1]}")
            pending = (head["severity"].lower(), head["message"])
            continue
        place = _ZENSICAL_PLACE.search(line)
        if pending and place:
            said.append(f"docs/{place['file']}:{place['line']}: {pending[0]}: {pending[1]}")
            pending = None
        elif line.endswith(("issues found", "issue found")):
            said.append(line)
    if pending:
        said.append(f"{pending[0]}: {pending[1]}")
    return said


# MkDocs merges the staged config into mkdocs.yml but replaces lists: `plugins: []` drops the
# only plugin there, search. Zensical deep-merges lists (so `[]` would keep search) but lets a
# mapping replace a list, and turns search on unless told otherwise.
RENDERERS = {
    "mkdocs": Renderer("mkdocs", "MkDocs", "mkdocs", ("mkdocs", "mkdocs-material"),
                       "plugins: []\n", "search/search_index.json"),
    "properdocs": Renderer("properdocs", "ProperDocs", "properdocs",
                           ("properdocs", "mkdocs-material"), "plugins: []\n",
                           "search/search_index.json"),
    "zensical": Renderer("zensical", "Zensical", "zensical", ("zensical",),
                         "plugins:\n  search:\n    enabled: false\n", "search.json"),
}
DEFAULT_RENDERER = "mkdocs"


def main(argv: list[str] | None = None) -> int:
    """Print the requirements of the chosen renderer (or of all), one a line."""
    parser = argparse.ArgumentParser(prog="python -m build_dossier.renderers",
                                     description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd())
    parser.add_argument("--all", action="store_true", help="every renderer, not the chosen one")
    parser.add_argument("--missing", action="store_true", help="only those not installed")
    args = parser.parse_args(argv)
    if args.all:
        chosen = list(RENDERERS.values())
    else:
        from .settings import dossier_settings

        chosen = [RENDERERS[dossier_settings(args.root.resolve(), []).renderer]]
    names = [name for renderer in chosen if not (args.missing and renderer.installed())
             for name in renderer.requirements]
    print("\n".join(dict.fromkeys(names)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
