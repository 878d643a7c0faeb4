"""`serve` keeps the sources it read between builds and reads again only the files saved since:
what it builds must be what a build that reads everything builds, whatever the editor did."""

from __future__ import annotations

import os
from pathlib import Path

from build_dossier.build import DOCS_DIR, build
from build_dossier.load import Memo

SOURCE = "sources/2022-01-08-nato-foreign-ministers-discuss-ukraine-crisis.md"


def docs(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted((root / DOCS_DIR).rglob("*")) if p.is_file() and ".build" not in p.name}


def same_as_reading_everything(root: Path, memo: Memo, fresh: Path) -> list[str]:
    """Build `root` with `memo`, and a copy that reads every file; the lines the first said,
    once both gave the same pages."""
    kept = build(root, site=False, memo=memo)
    for path in (fresh / "sources").glob("*"):
        path.unlink()
    for path in (root / "sources").iterdir():
        (fresh / "sources" / path.name).write_bytes(path.read_bytes())
    clean = build(fresh, site=False)
    assert kept.ok == clean.ok
    assert kept.lines[:-1] == clean.lines[:-1]  # the same problems, word for word
    if kept.ok:
        assert docs(root) == docs(fresh)
    return kept.lines


def test_saved_replaced_and_removed_sources_are_read_again(new_dossier):
    root, fresh = new_dossier("seeds"), new_dossier("seeds", at="fresh")
    memo = Memo()
    same_as_reading_everything(root, memo, fresh)
    source = root / SOURCE
    text = source.read_text(encoding="utf-8")
    before = source.stat()
    assert "Qz" not in text

    # The same size, and the old modification time put back: the change time still tells.
    edited = text.replace("title: ", "title: Qz", 1).replace("\n\n", "\n", 2)
    assert len(edited.encode()) == len(text.encode())
    source.write_text(edited, encoding="utf-8")
    os.utime(source, ns=(before.st_atime_ns, before.st_mtime_ns))
    same_as_reading_everything(root, memo, fresh)
    page = root / DOCS_DIR / "sources" / (source.stem + ".md")
    assert "Qz" in page.read_text("utf-8")

    # A broken source is reported on every build, not only the first that read it.
    source.write_text(text.replace("title: ", "title: [", 1), encoding="utf-8")
    first = same_as_reading_everything(root, memo, fresh)
    assert any(SOURCE in line for line in first)
    assert same_as_reading_everything(root, memo, fresh) == first

    # Replaced by another file under the same name, then removed.
    replacement = source.with_suffix(".new")
    replacement.write_text(text, encoding="utf-8")
    os.replace(replacement, source)
    same_as_reading_everything(root, memo, fresh)
    source.unlink()
    same_as_reading_everything(root, memo, fresh)
    assert str(source) not in map(str, memo.files)
