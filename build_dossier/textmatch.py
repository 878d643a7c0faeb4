"""Finding annotated words in a source's text, as `load` checks quotes.

Matching ignores what differs between outlets' typography and not between words: typographic
against straight quotes and apostrophes, dash styles, quotation marks themselves, whitespace and
line breaks. Offsets always refer back to the original text.
"""

from __future__ import annotations

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
WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


_CHANGED = "[\\s" + re.escape("".join(sorted({*_DROPPED, *_CHAR_MAP}))) + "]"
_SPECIAL_RUN = re.compile(f"(?:^|(?! (?!{_CHANGED}|$))){_CHANGED}+")
"""Runs of characters that folding changes (all but a lone space between words); the text
between them is copied whole, which keeps loading fast at scale."""


def normalise(text: str) -> tuple[str, list[int]]:
    """Text folded for matching, and for each folded character its offset in `text`."""
    out: list[str] = []
    offsets: list[int] = []
    pending_space = False
    pos = 0
    for match in (*_SPECIAL_RUN.finditer(text), None):
        start, end = match.span() if match else (len(text), len(text))
        if start > pos:
            if pending_space:
                out.append(" ")
                offsets.append(pos - 1)
                pending_space = False
            out.append(text[pos:start])
            offsets.extend(range(pos, start))
        for i in range(start, end):
            ch = text[i]
            if ch in _DROPPED:
                continue
            if ch.isspace():
                pending_space = bool(out)
                continue
            if pending_space:
                out.append(" ")
                offsets.append(i - 1)
                pending_space = False
            mapped = _CHAR_MAP[ch]
            out.append(mapped)
            offsets.extend([i] * len(mapped))
        pos = end
    return "".join(out), offsets


def fold(text: str) -> str:
    """Text folded for matching, without offsets: `normalise(text)[0]`, computed faster (every
    quote is folded several times as a dossier loads)."""
    return " ".join(text.translate(_WORD_FOLD).split())


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
        lo, hi = 0, len(self.offsets)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.offsets[mid] < original_offset:
                lo = mid + 1
            else:
                hi = mid
        return lo

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


def _overlap(window: Counter[str], need: Counter[str]) -> int:
    return sum(min(count, window[word]) for word, count in need.items())


def words(text: str) -> list[str]:
    """Lower-case words of `text`, after folding, for comparing wordings."""
    folded = fold(text)
    if folded.isascii():  # lowering changes no word boundary: one call for the whole text
        return WORD_RE.findall(folded.lower())
    return [w.lower() for w in WORD_RE.findall(folded)]


def word_key(word: str) -> str:
    """One whitespace-free token compared as `words` folds it, without `normalise`'s offsets
    (word-level diffs fold every word of every variant)."""
    found = WORD_RE.findall(word.translate(_WORD_FOLD))
    return " ".join(w.lower() for w in found)
