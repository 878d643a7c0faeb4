"""What a draft proposes, in the shape drafting tests compare: the kind of text, each quote with
its speaker's id, and the notes the editor must confirm.
"""

from __future__ import annotations

from build_dossier.draft.frontmatter import speaker_id
from build_dossier.draft.new import draft
from build_dossier.load import load_people

__all__ = ["proposed", "registry_of"]


def proposed(text: str, **given: object) -> tuple[str, list[tuple[str, str]], list[str]]:
    """The kind `text` is drafted as, its quotes as (words, speaker id), and the draft's notes."""
    drafted = draft(text, {}, {}, **given)  # type: ignore[arg-type]
    return (drafted.kind, [(q.text, speaker_id(q, drafted.language)) for q in drafted.quotes],
            drafted.notes)


def registry_of(tmp_path, people_yml: str) -> dict:
    """The people registry `new` loads from a dossier whose `sources/people.yml` is
    `people_yml`."""
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "people.yml").write_text(people_yml, encoding="utf-8")
    return load_people(tmp_path, [])
