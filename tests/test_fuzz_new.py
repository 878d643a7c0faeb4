"""Property-based tests of `build-dossier new`: a real text of the corpus, cut and spliced with
the marks, labels, dates and line breaks drafting reads, is drafted or refused in one line, never
a traceback; and what it drafts is honest: the source loads, and every quotation it proposes is
found in the text as written, so that `check` leaves only the notes for the editor to confirm.

The texts between the corpus's cases are those editors paste: a quotation mark lost, a label
glued to its answer, a date split over a line, a heading pasted twice. `make test` runs a fixed
set of examples; `pytest tests/test_fuzz_new.py --fuzz-examples=2000` draws new ones.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bench.measure_new import CORPUS, samples
from build_dossier.build import check
from build_dossier.draft.new import NewError, create_source

FUZZ = settings.get_profile("fuzz")
FUZZ_DRAFTS = settings(FUZZ, max_examples=max(FUZZ.max_examples * 2 // 3, 1))
"""A draft and its check take a tenth of a second: two thirds as many examples."""
TEXTS = samples(CORPUS / "tuned")
"""Every tuned text: each language and kind, each layout the corpus has met."""
PIECES = [
    "“", "”", "„", "‟", "«", "»", "‹", "›", "\"", "'", "’", "‘", "—", "–", "- ", "…", ":", ": ",
    "\n", "\n\n", "\n\n\n", " ", "\t", "\u00a0", "\u2028", "\u200b", "\ufeff",
    # Control characters pasted along: a PDF's page break, Word's line break, an escape.
    "\x0c", "\x0b", "\x1b[31m", "\x07", "\x85", "\x7f",
    "Q:", "A:", "MR SMITH:", "Moderator:", "Вопрос:", "Frage:", "Question :", "– ", "— ",
    "said", "a déclaré", "sagte", "заявил", "according to", "selon", "laut", "по словам",
    "3 March 2019", "am Montag", "3 марта 2019 г.", "16 Dec. 2021", "2021-12-16", "09:30",
    "(As delivered)", "Press conference by the Secretary General", "Interview", "Entretien",
    "# ", "* ", "1. ", "[", "]", "(", ")", "<p>", "&amp;", "---", "...", "?", "!",
]
PIECE = st.sampled_from(PIECES) | st.text(max_size=6)


@st.composite
def edited(draw: st.DrawFn) -> tuple[str, str, str | None]:
    """A corpus text with up to eight edits: a piece put in, a span cut out, or a span of the
    text copied elsewhere (a paragraph pasted twice, a label moved)."""
    sample = draw(st.sampled_from(TEXTS))
    text = sample.text
    for _ in range(draw(st.integers(0, 8))):
        at = draw(st.integers(0, len(text)))
        length = draw(st.integers(0, 200))
        action = draw(st.sampled_from(["insert", "cut", "copy"]))
        if action == "insert":
            text = text[:at] + draw(PIECE) + text[at:]
        elif action == "cut":
            text = text[:at] + text[at + length:]
        else:
            to = draw(st.integers(0, len(text)))
            text = text[:to] + text[at:at + length] + text[to:]
    return sample.name, text, sample.given


def _drafted_source(root: Path, text: str, name: str, given: str | None) -> Path | None:
    """The source `new` writes for `text`, or None when it refuses in words (an empty text,
    no date found and none given); anything else it raises fails the test."""
    for date in (given, "2020-01-01"):
        try:
            path, _ = create_source(root, text, name, date=date, source_id="drafted")
        except NewError as error:
            assert str(error) and "\n" not in str(error).strip(), str(error)
            if date is None and "--date" in str(error):
                continue  # no date found: the editor gives one, as `new` asks
            return None
        return path
    return None


@FUZZ_DRAFTS
@given(edited())
@example(("cut-to-a-mark", "Talks resume\n\n“", None))
@example(("a-label-alone", "Talks resume\n\nMR SMITH:\n\nMR SMITH:", None))
@example(("a-mark-in-a-label", "Talks resume\n\nQ: “Will you meet?”\n\nA: „Yes“, we will.", None))
@example(("pdf-pages", "Talks resume\x0c\n\n“We will meet again,” Anna Berg said.\x1f\n", None))
def test_any_edit_of_a_real_text_drafts_an_honest_source(case):
    name, text, given_date = case
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "sources").mkdir()
        for registry in ("people.yml", "events.yml"):
            shutil.copy(CORPUS / registry, root / "sources" / registry)
        path = _drafted_source(root, text, name, given_date)
        if path is None:
            return
        problems = check(root)
    # Every proposed quotation is in the text as written (check finds each one), every field
    # it wrote is valid: what is left is only what the editor must confirm or did not record.
    assert all(p.severity == "warning" and p.message.startswith(("to confirm: ", "not recorded;"))
               for p in problems), [p.format() for p in problems]
