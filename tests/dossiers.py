"""Test helpers that lay out dossier repositories in a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

from build_dossier import write

REPO = Path(__file__).resolve().parent.parent


def copy_hand_written_docs(dest: Path) -> None:
    """The repository's hand-written pages (those the navigation names), without generated ones."""
    docs = REPO / "docs"
    generated = write.generated(docs)
    for path in sorted(docs.rglob("*")) if docs.is_dir() else ():
        uri = path.relative_to(docs).as_posix()
        if path.is_file() and uri not in generated and not uri.startswith("."):
            (dest / "docs" / uri).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, dest / "docs" / uri)
