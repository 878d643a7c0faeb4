"""Passages between quotation marks — typographic, straight, « », „ “ — including quotations
over several paragraphs, for `build-dossier new`. One pass over the text's marks.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from .textparts import Span

_AMBIGUOUS = "\"“"  # “ closes in German („…“); " both opens and closes
_OPEN_CONTEXT = frozenset(" \t\n([{—–-/:")
_MARKS = frozenset("«„”»\"“")
QUOTE_CHARS = "“”«»„\""
"""Every character that opens or closes a quotation."""


def mark_role(text: str, i: int) -> str | None:
    """'open', 'close' or None for the character at `i`."""
    ch = text[i]
    if ch in "«„":
        return "open"
    if ch in "”»":
        return "close"
    if ch in _AMBIGUOUS:
        before = text[i - 1] if i > 0 else "\n"
        after = text[i + 1] if i + 1 < len(text) else "\n"
        if before in _OPEN_CONTEXT and not after.isspace():
            return "open"
        if ch == "\"" and before in ".!?" and after.isalpha() and after.isupper():
            # 'Tepco spokesman Naohiro Omura tells AFP."We cannot …': the space after the
            # sentence was lost, the mark glued to the next quotation's first word.
            return "open"
        if ch == "“" and after.isspace() and before in _OPEN_CONTEXT:
            return None
        return "close"
    return None


_TURN = str.maketrans("«»", "»«")
_GUILLEMET = re.compile("[«»]")
_GUILLEMET_OPENS = frozenset(" \t\n([{—–-/:\u00a0\u202f")


def inward_guillemets(text: str) -> bool:
    """Whether the text points its guillemets inward, as German and Danish print them
    (»Heute: Warnstreik«): more of its » open a quotation (after a space, before a word) than
    of its « do (« Bonjour », «Привет»)."""
    if "»" not in text or "«" not in text:
        return False
    inward = outward = 0
    for found in _GUILLEMET.finditer(text):
        i, ch = found.start(), found.group()
        before = text[i - 1] if i > 0 else "\n"
        after = text[i + 1] if i + 1 < len(text) else "\n"
        if before not in _GUILLEMET_OPENS:
            continue
        if ch == "»" and after.isalnum():
            inward += 1
        elif ch == "«" and (after.isalnum() or after.isspace()):
            outward += 1
    return inward > outward


def turn_guillemets(text: str) -> str:
    """`text` with « and » exchanged, each for the other: the same length and offsets, and
    turned back by turning it again."""
    return text.translate(_TURN)


_CLOSERS = {"«": "»", "„": "“”\"", "“": "”“\"", "\"": "\"”“"}
"""What closes a quotation opened by each mark: quotations nested inside (« … „…“ … ») do not."""


_FAMILY = {"\"": "\"“”", "“": "“”\"", "„": "„“”", "«": "«»"}
"""The marks of a quotation's own kind: others inside it are nested quotations."""


def _closes(opener: str, mark: str) -> bool:
    return mark in _CLOSERS.get(opener, "”»\"“")


def _marks_by_paragraph(text: str, paras: list[Span]) -> list[list[tuple[int, str]]]:
    """For each paragraph, the (offset, role) of its quotation marks, in order."""
    out: list[list[tuple[int, str]]] = []
    for start, end in paras:
        found = []
        for i in range(start, end):
            if text[i] in _MARKS and (role := mark_role(text, i)) is not None:
                found.append((i, role))
        out.append(found)
    return out


def quoted(text: str, paras: list[Span]) -> Iterator[tuple[int, int, list[int]]]:
    """(start, end, continuation marks) of each passage between quotation marks.

    A quotation left open at the end of a paragraph goes on if the next paragraphs have no marks
    and one of them opens with a mark (the convention for quotations over several paragraphs),
    or the first mark of a later one closes it (opened once, closed once); otherwise it ends
    with its own paragraph.
    """
    marks = _marks_by_paragraph(text, paras)
    starts = [s for s, _ in paras]
    index, skip_before = 0, -1
    while index < len(paras):
        opened: int | None = None
        opener = ""
        for at, role in marks[index]:
            if at < skip_before:
                continue
            if role == "open" and opened is None:
                opened, opener = at + 1, text[at]
            elif role == "close" and opened is not None and _closes(opener, text[at]):
                yield opened, at, []
                opened = None
        if opened is None:
            index += 1
            continue
        end, continued, resume = _continuation(text, paras, marks, index, opener)
        yield opened, end, continued
        if resume is not None:
            index, skip_before = resume, end + 1
        else:
            index = bisect.bisect_right(starts, end)


def _continuation(text: str, paras: list[Span], marks: list[list[tuple[int, str]]],
                  index: int, opener: str) -> tuple[int, list[int], int | None]:
    """Where a quotation open at the end of paragraph `index` ends, the marks reopening it in
    later paragraphs, and the paragraph to go on scanning from when it closes inside one."""
    continued: list[int] = []
    confirmed_end, tentative = paras[index][1], 0
    # 'Губернатор … обратился к жителям …: / "Дорогие друзья. / …': a statement opened
    # under its introduction's colon and never closed goes on to the text's end, the
    # paragraphs between holding no mark of its kind ('«кофейной гуще»' is nested).
    start = paras[index][0]
    introduced = (text[start:start + 1] == opener and index > 0
                  and text[slice(*paras[index - 1])].rstrip().endswith(":"))
    family = _FAMILY.get(opener, "")
    j = index + 1
    while j < len(paras) and (tentative <= 8 or introduced):
        s, _ = paras[j]
        if introduced and not any(text[at] in family for at, _ in marks[j]):
            tentative += 1
            j += 1
            if j == len(paras):
                return paras[-1][1], continued, None
            continue
        if marks[j] and marks[j][0] == (s, "open"):
            continued.append(s)
            closes = [at for at, role in marks[j][1:]
                      if role == "close" and _closes(opener, text[at])]
            if closes:
                return closes[0], continued, j
            confirmed_end, tentative = paras[j][1], 0
        elif marks[j] and marks[j][0][1] == "close" and _closes(opener, text[marks[j][0][0]]):
            # '« Cette foire … / Nous avons débloqué … »': opened once, closed where it ends, as
            # French and Russian print a quotation over several paragraphs.
            return marks[j][0][0], continued, j
        elif marks[j]:
            break
        else:
            tentative += 1
        j += 1
    return confirmed_end, continued, None
