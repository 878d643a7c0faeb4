"""Paragraphs and sentences of a plain text, as offsets into it, for `build-dossier new`.
Every scan is linear in the text's length, so that hostile punctuation cannot stall a draft.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

Span = tuple[int, int]


def words_of(text: str) -> tuple[str, ...]:
    """A word list written as one string, to keep long lists readable."""
    return tuple(text.split())


UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁ"
"""Capital letters of the Latin and Cyrillic scripts, for a regular expression's `[...]`."""
_ABBREVIATIONS = frozenset(words_of(
    "mr mrs ms dr prof st gen sen rep gov lt col capt sgt jan feb mar apr jun jul aug sep sept "
    "oct nov dec no vs etc e.g i.e u.s u.k u.n mme m dr. z.b bzw stv vors sts bk г гг им ул"))
_DAY_OR_ZONE = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
    r"May|June|July|August|September|October|November|December|[ECMP][SD]?T|BST|GMT|CET|UTC)"
    r"(?![\w'’-])")
_SENTENCE_END = re.compile(r"[.!?…]+[”\"»“]?(?=\s|$)")
_LAST_WORD = re.compile(r"([\w.]{1,20})[.!?…]*[”\"»“]?$")
TURN_LABEL = re.compile(
    r"(?P<label>(?:[" + UPPER + r"][" + UPPER + r".’'\-]*)(?:\s+[" + UPPER + r"][" + UPPER
    + r".’'\-]*){0,4}"
    r"|[" + UPPER + r"][\w’'\-.]*(?:\s+(?:[" + UPPER + r"][\w’'\-.]*|of|de|von|van|der|la|le)){0,4}"
    r"(?:\s*(?:\([^()\n]{1,40}\)|\[[^\[\]\n]{1,80}\]))?)"
    r"\s*:[ \t]+(?=\S)")
"""A speaker's label opening a paragraph: 'MR PRICE: ', 'StS Seibert: ', 'В.Путин: ', with
an office in brackets: 'НИКОЛАЙ ЗЯТЬКОВ [главный редактор газеты «Аргументы и факты»]: '."""


RECORD_LABEL = re.compile(
    r"(?P<label>[" + UPPER + r"][" + UPPER + r"’'\-]+[ \t]+[" + UPPER + r"]\.[ \t]?[" + UPPER
    + r"]\.|ПРЕДСЕДАТЕЛЬСТВУЮЩИЙ|ПРЕДСЕДАТЕЛЬ|LE PRÉSIDENT|THE SPEAKER|PRÄSIDENT)(?=[.,\s])")
"""A turn of a parliament's verbatim record: 'ХАРИТОНОВ Н. М., фракция … .' on its own line
over the speech, 'ПРЕДСЕДАТЕЛЬСТВУЮЩИЙ. Обсудим …': a surname in capitals with both initials,
or the chair's title."""


def paragraphs(text: str) -> list[Span]:
    """(start, end) of each paragraph: a line, or a blank-line block when the text is wrapped."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    lines = [(s + _lead(text, s, e), e - _trail(text, s, e)) for s, e in lines
             if text[s:e].strip()]
    if not lines:
        return []
    # Wrapped text: most lines run on into the next one and fill 50-100 characters; a title
    # longer than that does not make a text unwrapped.
    over = sum(e - s > 100 for s, e in lines)
    joined = [(s, e) for (s, e), (s2, _) in itertools.pairwise(lines)
              if text.count("\n", e, s2) == 1]
    wrapped = over * 10 <= len(lines) and len(joined) >= 2 and sum(
        50 <= e - s <= 100 for s, e in joined) * 2 >= len(joined)
    # A manuscript printed with its hard line breaks and no blank line anywhere: a line runs
    # on only when it fills the width and ends no sentence, so that the heading's and the
    # salutation's short lines, and each sentence opening a line, stay paragraphs of their own.
    unbroken = len(lines) >= 2 and len(joined) == len(lines) - 1
    if not wrapped and not unbroken:
        return lines
    width = max(e - s for s, e in lines)
    blocks: list[Span] = []
    for s, e in lines:
        # A bullet opens a list item of its own, however wide the line before it.
        joins = blocks and text.count("\n", blocks[-1][1], s) == 1 and not TURN_LABEL.match(
            text, s, e) and not RECORD_LABEL.match(text, s, e) and text[s] not in "•·▪►▶➤" and (
            not unbroken or _runs_on(text, *blocks[-1], width))
        if joins:
            blocks[-1] = (blocks[-1][0], e)
        else:
            blocks.append((s, e))
    return blocks


_ENDS_SENTENCE = re.compile(r"[.!?…:][”\"»“’)]*$")


def _runs_on(text: str, start: int, end: int, width: int) -> bool:
    """Whether the block text[start:end] runs on into the next line: its last line fills most
    of the text's width and ends no sentence."""
    last = text.rfind("\n", start, end) + 1 or start
    return (end - max(last, start)) * 4 >= width * 3 and not _ENDS_SENTENCE.search(
        text, start, end)


def _lead(text: str, start: int, end: int) -> int:
    line = text[start:end]
    return len(line) - len(line.lstrip())


def _trail(text: str, start: int, end: int) -> int:
    line = text[start:end]
    return len(line) - len(line.rstrip())


def sentences(text: str, start: int, end: int) -> list[Span]:
    """(start, end) of each sentence of the paragraph text[start:end]."""
    out: list[Span] = []
    at = start
    for match in _SENTENCE_END.finditer(text, start, end):
        # Only the few characters before the stop tell an abbreviation: a bounded look.
        before = _LAST_WORD.search(text, max(at, match.start() - 24), match.end())
        word = before.group(1).lower().rstrip(".") if before else ""
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        rest = match.end()
        while rest < end and text[rest].isspace():
            rest += 1
        if rest < end and not (text[rest].isupper() or text[rest] in "“\"„«‘(-–—"
                               or text[rest].isdigit()):
            continue
        if word in ("a.m", "p.m") and _DAY_OR_ZONE.match(text, rest, end):
            continue  # 'a call around 5 p.m. Wednesday, saying …': the time goes on
        out.append((at, match.end()))
        at = rest
    if at < end and text[at:end].strip():
        out.append((at, end))
    return out


@dataclass
class Layout:
    """A text's paragraphs and sentences, found once and looked up by offset."""

    text: str
    paras: list[Span] = field(default_factory=list)
    sents: list[Span] = field(default_factory=list)
    _para_starts: list[int] = field(default_factory=list)
    _sent_starts: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, text: str) -> Layout:
        """Split `text` into paragraphs and sentences."""
        layout = cls(text, paragraphs(text))
        for p_start, p_end in layout.paras:
            layout.sents += sentences(text, p_start, p_end)
        layout._para_starts = [s for s, _ in layout.paras]
        layout._sent_starts = [s for s, _ in layout.sents]
        return layout

    def para_index(self, at: int) -> int | None:
        """Index of the paragraph holding offset `at`."""
        i = bisect.bisect_right(self._para_starts, at) - 1
        return i if i >= 0 and self.paras[i][0] <= at <= self.paras[i][1] else None

    def sentence(self, at: int) -> Span:
        """The sentence holding offset `at` (its paragraph's bounds when between sentences)."""
        i = bisect.bisect_right(self._sent_starts, at) - 1
        if i >= 0 and self.sents[i][0] <= at < self.sents[i][1]:
            return self.sents[i]
        para = self.para_index(at)
        return self.paras[para] if para is not None else (at, at)

    def sentences_in(self, start: int, end: int) -> list[Span]:
        """The sentences starting within text[start:end]."""
        lo = bisect.bisect_left(self._sent_starts, start)
        hi = bisect.bisect_left(self._sent_starts, end)
        return self.sents[lo:hi]


def collapse(text: str) -> str:
    """Whitespace runs as single spaces."""
    return " ".join(text.split())


@dataclass
class SpanSet:
    """Disjoint spans kept in order, asked in logarithmic time whether a span overlaps one."""

    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps a span of the set."""
        i = bisect.bisect_right(self.starts, start) - 1
        if i >= 0 and self.ends[i] > start:
            return True
        return i + 1 < len(self.starts) and self.starts[i + 1] < end

    def holds(self, at: int) -> bool:
        """Whether offset `at` is inside a span of the set."""
        i = bisect.bisect_right(self.starts, at) - 1
        return i >= 0 and self.starts[i] <= at < self.ends[i]

    def add(self, start: int, end: int) -> None:
        """Add a span that overlaps none of the set."""
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)
