"""What a draft proposes, in the shape drafting tests compare: the kind of text, each quote with
its speaker's id, and the notes the editor must confirm.
"""

from __future__ import annotations

from build_dossier.draft.frontmatter import speaker_id
from build_dossier.draft.new import draft

__all__ = ["proposed"]


def proposed(text: str, **given: object) -> tuple[str, list[tuple[str, str]], list[str]]:
    """The kind `text` is drafted as, its quotes as (words, speaker id), and the draft's notes."""
    drafted = draft(text, {}, {}, **given)  # type: ignore[arg-type]
    return (drafted.kind, [(q.text, speaker_id(q, drafted.language)) for q in drafted.quotes],
            drafted.notes)
