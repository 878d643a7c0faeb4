"""Test helpers: dossier repositories laid out in a temporary folder, and sites served locally."""

from __future__ import annotations

import shutil
from pathlib import Path

from bench.search import serve
from build_dossier.write import hand_written

REPO = Path(__file__).resolve().parent.parent
__all__ = ["REPO", "children", "copy_dossier", "copy_hand_written_docs", "serve"]


def copy_hand_written_docs(dest: Path) -> None:
    """The repository's hand-written pages (those the navigation names), without generated ones."""
    for uri in hand_written(REPO / "docs"):
        (dest / "docs" / uri).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REPO / "docs" / uri, dest / "docs" / uri)


def copy_dossier(src: Path, dest: Path) -> Path:
    """`src`'s sources with the repository's site configuration and hand-written pages."""
    shutil.copytree(src / "sources", dest / "sources")
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    copy_hand_written_docs(dest)
    return dest


def children(pid: int) -> dict[int, str]:
    """The processes whose parent is `pid`, with their command lines (Linux's /proc)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:  # ended meanwhile
            continue
        if int(stat.rpartition(")")[2].split()[1]) == pid:
            found[int(entry.name)] = cmdline
    return found
