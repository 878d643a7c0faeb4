"""Finding annotated words in a source's text, as `load` checks quotes.

Matching ignores what differs between outlets' typography and not between words: typographic
against straight quotes and apostrophes, dash styles, quotation marks themselves, whitespace and
line breaks. Offsets always refer back to the original text.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter

_CHAR_MAP = {
    **dict.fromkeys("‘’‚‛′ʼ`´", "'"),
    **dict.fromkeys("‐‑‒–—―−", "-"),
    "…": "...",
    "\u00a0": " ",
}
_DROPPED = frozenset("\"“”„‟«»″")
_WORD_FOLD = str.maketrans({**dict.fromkeys(_DROPPED), **_CHAR_MAP})
_FOLDS = tuple((ch, _CHAR_MAP.get(ch, "")) for ch in sorted({*_DROPPED, *_CHAR_MAP}))
_ASCII_FOLDS = tuple(pair for pair in _FOLDS if pair[0].isascii())


def fold_characters(text: str) -> str:
    """`text.translate(_WORD_FOLD)`, made of one replace per character the text holds that
    folding changes: str.translate looks every character up, ten times slower on a quote."""
    for ch, replacement in _ASCII_FOLDS if text.isascii() else _FOLDS:
        if ch in text:
            text = text.replace(ch, replacement)
    return text


WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


SPACES = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
          "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
"""Every character for which `str.isspace()` holds. Spelled out because the regular expression
engine scans a class of listed characters twice as fast as one holding `\\s`."""
_FOLDED = re.escape("".join(ch for ch, _ in _FOLDS))
_SPECIAL_RUN = re.compile(f"[{re.escape(SPACES)}{_FOLDED}]{{2,}}"
                          f"|[{re.escape(SPACES.replace(' ', ''))}{_FOLDED}]")
"""Runs of characters that folding changes, except single spaces; the text between them is
copied whole, which keeps loading fast at scale."""


def _special_runs(text: str) -> list[tuple[int, int]]:
    """Spans of the runs of characters that folding changes, except a lone space between words
    (at either end of the text a lone space is dropped, so it counts)."""
    runs = [match.span() for match in _SPECIAL_RUN.finditer(text)]
    if text.startswith(" ") and not (runs and runs[0][0] == 0):
        runs.insert(0, (0, 1))
    if text.endswith(" ") and not (runs and runs[-1][1] == len(text)):
        runs.append((len(text) - 1, len(text)))
    return runs


class Offsets:
    """For each character of a folded text, its offset in the original text.

    Stored as runs rather than one number per character: a run copied whole maps character
    for character; a run made from one character ('…' as '...', a space for a line break)
    maps every character to that one.
    """

    __slots__ = ("_ends", "_lasts", "_origins", "_starts", "_steps", "length")

    def __init__(self) -> None:
        self._starts: list[int] = []
        """Folded offset where each run starts."""
        self._origins: list[int] = []
        """Original offset of each run's first character."""
        self._steps: list[int] = []
        """1 where the run was copied, 0 where all of it comes from one character."""
        self._ends: list[int] = []
        self._lasts: list[int] = []
        """Original offset of each run's last character (never decreasing)."""
        self.length = 0

    def add(self, origin: int, size: int, step: int) -> None:
        self._starts.append(self.length)
        self._origins.append(origin)
        self._steps.append(step)
        self.length += size
        self._ends.append(self.length)
        self._lasts.append(origin + (size - 1) * step)

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, index: int) -> int:
        if not 0 <= index < self.length:
            raise IndexError(index)
        run = bisect.bisect_right(self._ends, index)
        return self._origins[run] + (index - self._starts[run]) * self._steps[run]

    def first_at_or_after(self, origin: int) -> int:
        """The first folded offset whose original offset is `origin` or more (or the length)."""
        run = bisect.bisect_left(self._lasts, origin)
        if run == len(self._lasts):
            return self.length
        ahead = max(0, origin - self._origins[run]) if self._steps[run] else 0
        return self._starts[run] + ahead


def normalise(text: str) -> tuple[str, Offsets]:
    """Text folded for matching, and for each folded character its offset in `text`."""
    out: list[str] = []
    offsets = Offsets()
    pending_space = False
    pos = 0
    for start, end in (*_special_runs(text), (len(text), len(text))):
        if start > pos:
            if pending_space:
                out.append(" ")
                offsets.add(pos - 1, 1, 0)
                pending_space = False
            out.append(text[pos:start])
            offsets.add(pos, start - pos, 1)
        for i in range(start, end):
            ch = text[i]
            if ch in _DROPPED:
                continue
            if ch.isspace():
                pending_space = bool(out)
                continue
            if pending_space:
                out.append(" ")
                offsets.add(i - 1, 1, 0)
                pending_space = False
            mapped = _CHAR_MAP[ch]
            out.append(mapped)
            offsets.add(i, len(mapped), 0)
        pos = end
    return "".join(out), offsets


def fold(text: str) -> str:
    """Text folded for matching, without offsets: `normalise(text)[0]`, computed faster (every
    quote is folded several times as a dossier loads)."""
    return " ".join(fold_characters(text).split())


class Body:
    """A source text prepared for repeated quote look-ups."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded, self.offsets = normalise(text)
        self._folded_lower: str | None = None

    def find(self, words: str, start: int = 0) -> tuple[int, int] | None:
        """Span of `words` in the original text at or after folded offset `start`, or None.

        An exact match (after folding) is preferred; failing that, one that differs in case only.
        """
        needle = fold(words).strip()
        if not needle:
            return None
        at = self.folded.find(needle, start)
        if at < 0:
            if self._folded_lower is None:
                self._folded_lower = self.folded.lower()
            at = self._folded_lower.find(needle.lower(), start)
            if at < 0:
                return None
        end = at + len(needle) - 1
        return self.offsets[at], self.offsets[end] + 1

    def folded_position(self, original_offset: int) -> int:
        """The folded offset of the first folded character at or after `original_offset`."""
        return self.offsets.first_at_or_after(original_offset)

    def closest_passage(self, words: str, limit: int = 200_000) -> str:
        """The passage of the text that shares most words with `words`, for error messages."""
        wanted = [w.lower() for w in WORD_RE.findall(fold(words))]
        if not wanted:
            return ""
        spans = [(m.start(), m.end(), m.group().lower())
                 for m in WORD_RE.finditer(self.folded[:limit])]
        if not spans:
            return ""
        size = min(len(wanted), len(spans))
        need = Counter(wanted)
        window: Counter[str] = Counter(w for _, _, w in spans[:size])
        best_score, best_start = _overlap(window, need), 0
        for i in range(1, len(spans) - size + 1):
            window[spans[i - 1][2]] -= 1
            window[spans[i + size - 1][2]] += 1
            score = _overlap(window, need)
            if score > best_score:
                best_score, best_start = score, i
        if best_score == 0:
            return ""
        first, last = spans[best_start][0], spans[best_start + size - 1][1]
        return self.text[self.offsets[first]:self.offsets[last - 1] + 1]


def closest_passage_hint(quote: str, passage: str, shown: int = 90) -> str:
    """What to tell an editor whose quote is not in the text: the closest passage, or — when
    the two differ only past what a shortened passage shows — the first words that differ,
    with the words before them."""
    if not passage:
        return ""
    quoted = [m for m in WORD_RE.finditer(quote)]
    found = [m for m in WORD_RE.finditer(passage)]
    first = next((i for i, (a, b) in enumerate(zip(quoted, found, strict=False))
                  if word_key(a.group()) != word_key(b.group())), min(len(quoted), len(found)))
    if first >= len(quoted) and first >= len(found):
        return f"; closest passage: \"{_shorten(passage, shown)}\""
    differs_at = found[first].start() if first < len(found) else len(passage)
    if differs_at < shown - 20:
        return f"; closest passage: \"{_shorten(passage, shown)}\""

    def around(matches: list[re.Match[str]], text: str) -> str:
        start = matches[max(0, first - 4)].start() if matches else 0
        end = matches[min(len(matches), first + 3) - 1].end() if first < len(matches) else \
            len(text)
        words_shown = " ".join(text[start:end].split())
        return ("…" if start > 0 else "") + words_shown + ("…" if end < len(text) else "")

    return (f"; it differs from the text at word {first + 1}: the quote has "
            f"\"{around(quoted, quote)}\", the text has \"{around(found, passage)}\"")


def _shorten(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _overlap(window: Counter[str], need: Counter[str]) -> int:
    return sum(min(count, window[word]) for word, count in need.items())


def words(text: str) -> list[str]:
    """Lower-case words of `text`, after folding, for comparing wordings."""
    folded = fold(text)
    if folded.isascii():  # lowering changes no word boundary: one call for the whole text
        return WORD_RE.findall(folded.lower())
    return [w.lower() for w in WORD_RE.findall(folded)]


@functools.lru_cache(maxsize=1 << 16)
def word_key(word: str) -> str:
    """One whitespace-free token compared as `words` folds it, without `normalise`'s offsets
    (word-level diffs fold every word of every variant: a dossier's words recur, so each is
    folded once)."""
    found = WORD_RE.findall(fold_characters(word))
    return " ".join(w.lower() for w in found)
