"""Finding quotations in a plain text and guessing who said them, for `build-dossier new`.

Pure functions of the text and the people registry: quotation marks (typographic, straight,
« », „ “, over several paragraphs), block quotes followed by an attribution line, transcript
speaker turns (`MR PRICE:`) and reported speech ("X said that ...", "according to X, ...").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from ..model import Person


def _words_of(text: str) -> tuple[str, ...]:
    """A word list written as one string, to keep long lists readable."""
    return tuple(text.split())


# ---------------------------------------------------------------------------------------------
# Words that signal speech, in the languages editors meet most (English, French, German).

_SPEECH_VERBS = (
    # English, past and present
    "said", "says", "stated", "states", "stressed", "stresses", "underlined", "underlines",
    "underscored", "emphasised", "emphasized", "emphasises", "emphasizes", "noted", "notes",
    "warned", "warns", "insisted", "insists", "added", "adds", "argued", "argues", "claimed",
    "claims", "explained", "explains", "announced", "confirmed", "acknowledged", "admitted",
    "pointed out", "made it clear", "made clear", "makes clear", "has made it clear",
    "has just made it clear", "reiterated", "reiterates", "observed", "declared", "declares",
    "maintained", "told reporters", "told journalists", "replied", "responded", "concluded",
    "recalled", "remarked", "asserted", "affirmed",
    # French
    "a déclaré", "a dit", "a affirmé", "a souligné", "a ajouté", "a précisé", "a estimé",
    "a rappelé", "a insisté", "a averti", "a assuré", "a expliqué", "déclare", "affirme",
    "souligne", "estime", "ajoute", "précise", "explique",
    # German
    "sagte", "erklärte", "betonte", "warnte", "fügte hinzu", "unterstrich", "bekräftigte",
    "sagt", "erklärt", "betont", "warnt", "meinte", "versicherte", "mahnte",
)
# Verbs whose object, not a clause, is what was said: the paraphrase starts at the verb.
_OBJECT_VERBS = (
    "reaffirmed", "reaffirms", "expressed", "expresses", "called on", "called for", "urged",
    "urges", "condemned", "condemns", "welcomed the", "rejected", "rejects", "demanded",
    "a réaffirmé", "a exprimé", "a appelé", "a condamné", "forderte", "verurteilte",
    "bekräftigte",
)
_ACCORDING_TO = ("according to", "selon", "d'après", "d’après", "laut", "nach Angaben von",
                 "nach Angaben")
_THAT = ("that", "que", "qu'", "qu’", "dass")
# After a speech verb, these start circumstances ("said in a statement"), not what was said.
_NOT_A_CLAUSE = frozenset(
    _words_of("in at on during after before to of with by when while from as about at, it this "
              "lors dans à au en am im bei nach vor auf")
)
_STATEMENT_WORDS = re.compile(
    r"\b(statement|declaration|communiqu[ée]|news release|press release|joint|"
    r"d[ée]claration|Erkl[äa]rung|Mitteilung)\b", re.IGNORECASE)
_ADVERBS = re.compile(r"(?:\s+(?:also|again|then|further|now|today|later|once again|"
                      r"repeatedly|however|aussi|également|auch|zudem))+$", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(I|we|We|our|Our|us|my|My|nous|notre|nos|je|wir|unsere?|ich)\b")
_PRONOUNS_PERSON = frozenset(_words_of("he she il elle er"))
_PRONOUNS_ANY = frozenset(_words_of("they it ils elles sie"))
# Transcript labels that are not quotable speakers.
_NOT_SPEAKERS = frozenset(["QUESTION", "Q", "MODERATOR", "OPERATOR", "JOURNALIST",
                           "REPORTER", "INTERVIEWER", "PARTICIPANT", "AUDIENCE", "FRAGE"])
_HONORIFICS = re.compile(
    r"^(?:(?:mr|mrs|ms|miss|dr|prof|sir|dame|m|mme|herr|frau|the|hon|honourable|"
    r"secretary(?:[ -]general)?|president|minister|prime minister|foreign minister|ambassador|"
    r"general|admiral|senator|spokesperson|spokesman|spokeswoman|chancellor|"
    r"deputy|under|assistant|state)\.?\s+)+", re.IGNORECASE)
_TITLE_WORDS = frozenset(
    _words_of("Mr Mrs Ms Dr President Prime Minister Foreign Defence Defense Secretary General "
    "Secretary-General Spokesperson Spokesman Spokeswoman Ambassador Chancellor Deputy State "
    "Chief Head Senator Representative Admiral Colonel Captain Director Commissioner Envoy "
    "Special US U.S. UK Russian Ukrainian American British French German NATO EU Vice "
    "Minister, ministre Außenminister Außenministerin Bundeskanzler Kanzler Präsident "
    "Sprecher Sprecherin Generalsekretär Le La Der Die"))

_OPENERS = "“„«"
_CLOSERS = "”»"
_AMBIGUOUS = "\"“"  # “ closes in German („…“); " both opens and closes
_OPEN_CONTEXT = frozenset(" \t\n([{—–-/:")
_ABBREVIATIONS = frozenset(
    _words_of("mr mrs ms dr prof st gen sen rep gov lt col capt sgt jan feb mar apr jun jul aug "
              "sep sept oct nov dec no vs etc e.g i.e u.s u.k u.n mme m dr. z.b bzw"))
_SENTENCE_END = re.compile(r"[.!?…]+[”\"»“]?(?=\s+|$)")
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w’'\-.]*"
_TURN_RE = re.compile(
    r"(?P<label>(?:[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.’'\-]*)(?:\s+[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.’'\-]*){0,4}"
    r"|" + _NAME_WORD + r"(?:\s+(?:" + _NAME_WORD + r"|of|de|von|van|der|la|le)){0,4})"
    r"\s*:[ \t]+(?=\S)")
_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True)
class Candidate:
    """A passage of the text that looks like a quotation, and who seems to have said it."""

    start: int
    """Offset of the quoted words in the text."""
    end: int
    text: str
    """The words, whitespace collapsed, without the quotation marks around them."""
    kind: str
    """direct, statement or paraphrase."""
    how: str
    """How it was found: quotation marks, block quote, speaker turn, reported speech."""
    speaker: str | None = None
    """Id in the people registry, when the name found is in it."""
    name: str = ""
    """The speaker's name as the text gives it; a name not in the registry is a person to add."""
    evidence: str = ""
    """The words the speaker was guessed from, for the editor."""
    role: str = ""
    """Words around a name not in the registry that may say who they are."""
    attribution: str = ""
    """Internal: the phrase naming the speaker, resolved in reading order."""


@dataclass
class _Mention:
    """A speaker named or implied at a point of the text, for pronouns later on."""

    at: int
    speaker: str | None
    name: str
    is_person: bool


@dataclass
class Registry:
    """People's names and aliases compiled for matching in running text."""

    people: dict[str, Person]
    patterns: list[tuple[re.Pattern[str], str, int]] = field(default_factory=list)

    @classmethod
    def of(cls, people: dict[str, Person]) -> Registry:
        """Compile every name and alias; longer names first so they win over their parts."""
        registry = cls(people)
        seen: set[tuple[str, str]] = set()
        for person in people.values():
            for alias in (person.name, *person.aliases):
                if (alias, person.id) in seen or not alias.strip():
                    continue
                seen.add((alias, person.id))
                words = [re.escape(w) for w in re.split(r"[\s\-‐–]+", alias.strip()) if w]
                body = r"[\s\-‐–]+".join(words)
                # Acronyms such as 'US' must not match the word 'us'.
                flags = 0 if alias.isupper() else re.IGNORECASE
                registry.patterns.append(
                    (re.compile(r"(?<![\w’'])" + body + r"(?![\w’])", flags), person.id,
                     len(alias)))
        registry.patterns.sort(key=lambda p: -p[2])
        return registry

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Every registry name in `text` as (start, end, id), longest first where they overlap."""
        found: list[tuple[int, int, str]] = []
        for pattern, person_id, _ in self.patterns:
            for match in pattern.finditer(text):
                if not any(s < match.end() and match.start() < e for s, e, _ in found):
                    found.append((match.start(), match.end(), person_id))
        return sorted(found)

    def exact(self, name: str) -> str | None:
        """The id whose name or alias is exactly `name` (ignoring case and a leading 'the')."""
        wanted = _plain(name)
        for person in self.people.values():
            for alias in (person.name, *person.aliases):
                if _plain(alias) == wanted:
                    return person.id
        return None

    def surname(self, name: str) -> str | None:
        """The only person whose name ends with `name`'s last word, if exactly one does."""
        last = _plain(name).split(" ")[-1] if name.strip() else ""
        if not last:
            return None
        ids = {p.id for p in self.people.values() if p.kind == "person"
               for alias in (p.name, *p.aliases) if _plain(alias).split(" ")[-1] == last}
        return ids.pop() if len(ids) == 1 else None

    def is_person(self, person_id: str | None) -> bool:
        """Whether the id names a person rather than an organisation."""
        person = self.people.get(person_id or "")
        return person is not None and person.kind == "person"


def _plain(name: str) -> str:
    words = re.split(r"[\s\-‐–]+", name.strip().casefold())
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(w.strip(".,") for w in words if w)


# ---------------------------------------------------------------------------------------------
# Paragraphs and sentences, as offsets into the original text.


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: a line, or a blank-line block when the text is wrapped."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    if not lines:
        return []
    longest = max(e - s for s, e in lines)
    joined = [(s, e) for (s, e), (s2, _) in itertools.pairwise(lines)
              if text[e:s2].count("\n") == 1]
    wrapped = longest <= 100 and len(joined) >= 2 and sum(
        e - s >= 50 for s, e in joined) * 2 >= len(joined)
    if not wrapped:
        return [(s + _lead(text[s:e]), e - _trail(text[s:e])) for s, e in lines
                if text[s:e].strip()]
    blocks: list[tuple[int, int]] = []
    for s, e in lines:
        if not text[s:e].strip():
            continue
        joins = blocks and text[blocks[-1][1]:s].count("\n") == 1 and not _TURN_RE.match(
            text[s:e].strip())
        if joins:
            blocks[-1] = (blocks[-1][0], e - _trail(text[s:e]))
        else:
            blocks.append((s + _lead(text[s:e]), e - _trail(text[s:e])))
    return blocks


def _lead(line: str) -> int:
    return len(line) - len(line.lstrip())


def _trail(line: str) -> int:
    return len(line) - len(line.rstrip())


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each sentence of the paragraph text[start:end]."""
    out: list[tuple[int, int]] = []
    at = start
    for match in _SENTENCE_END.finditer(text, start, end):
        before = re.search(r"([\w.]+)[.!?…]*[”\"»“]?$", text[at:match.end()])
        word = before.group(1).lower().rstrip(".") if before else ""
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        following = text[match.end():end].lstrip()
        if following and not (following[0].isupper() or following[0] in "“\"„«‘(" or
                              following[0].isdigit()):
            continue
        out.append((at, match.end()))
        at = match.end() + (len(text[match.end():end]) - len(following))
    if at < end and text[at:end].strip():
        out.append((at, end))
    return out


def _collapse(text: str) -> str:
    return " ".join(text.split())


CONTINUES = "the quotation just before"


def _evidence(words: str, limit: int = 70) -> str:
    """Attribution words for the editor: the end of the clause naming the speaker, whole words."""
    words = _collapse(words.strip(" ,“”\"«»„:"))
    if len(words) <= limit:
        return words
    cut = words[-limit:]
    return "…" + cut[cut.find(" ") + 1:] if " " in cut else "…" + cut


# ---------------------------------------------------------------------------------------------
# Finding passages.


def _mark_role(text: str, i: int) -> str | None:
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
        if ch == "“" and after.isspace() and before in _OPEN_CONTEXT:
            return None
        return "close"
    return None


def quoted(text: str, paras: list[tuple[int, int]]) -> Iterator[tuple[int, int, list[int]]]:
    """(start, end, continuation marks) of each passage between quotation marks.

    A quotation left open at the end of a paragraph goes on if the next paragraphs have no marks
    and one of them opens with a mark (the convention for quotations over several paragraphs);
    otherwise it ends with its own paragraph.
    """
    index = 0
    while index < len(paras):
        p_start, p_end = paras[index]
        opened: int | None = None
        i = p_start
        resume: tuple[int, int] | None = None
        while i < p_end:
            role = _mark_role(text, i)
            if role == "open" and opened is None:
                opened = i + 1
            elif role == "close" and opened is not None:
                yield opened, i, []
                opened = None
            i += 1
        if opened is None:
            index += 1
            continue
        # Open at the end of the paragraph: look for the continuation.
        confirmed_end, marks, tentative = p_end, [], 0
        j = index + 1
        while j < len(paras) and tentative <= 8:
            s, e = paras[j]
            has_marks = any(_mark_role(text, k) for k in range(s, e))
            if _mark_role(text, s) == "open":
                marks.append(s)
                closes = [k for k in range(s + 1, e) if _mark_role(text, k) == "close"]
                if closes:
                    yield opened, closes[0], marks
                    resume = (closes[0] + 1, j)
                    break
                confirmed_end, tentative = e, 0
            elif has_marks:
                break
            else:
                tentative += 1
            j += 1
        if resume is None:
            yield opened, confirmed_end, marks
            index = next((k for k, (s, _) in enumerate(paras) if s > confirmed_end), len(paras))
            continue
        # Carry on after the closing mark, in the rest of that paragraph.
        after, j = resume
        rest = list(quoted(text, [(after, paras[j][1])]))
        yield from rest
        index = j + 1


def _is_attribution_line(text: str, registry: Registry) -> tuple[str, str] | None:
    """(name, role) when a short line only names a speaker: 'Jens Stoltenberg, NATO ...'."""
    line = text.strip()
    if (not line or len(line) > 90 or len(line.split()) > 12 or line[-1] in ".!?:;"
            or any(c in line for c in "“”\"«»„")):
        return None
    line = re.sub(r"^[—–\-~]+\s*", "", line)
    name, _, role = line.partition(",")
    name, role = name.strip(), role.strip()
    if registry.exact(name):
        return name, role
    if re.fullmatch(_NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){1,3}", name) and not any(
            w.lower() in {"the", "read", "share", "courtesy", "photo", "source"}
            for w in name.split()):
        return name, role
    return None


def _speech_verb(sentence: str) -> re.Match[str] | None:
    verbs = sorted(_SPEECH_VERBS + _OBJECT_VERBS, key=len, reverse=True)
    pattern = r"(?<![\w’'-])(?:" + "|".join(re.escape(v) for v in verbs) + r")(?![\w’'-])"
    return re.search(pattern, sentence)


def reported(text: str, start: int, end: int) -> tuple[int, int, str, str] | None:
    """(start, end, speaker phrase, kind) of what a sentence reports someone as saying."""
    sentence = text[start:end]
    lowered = sentence.lower()
    for phrase in _ACCORDING_TO:
        at = lowered.find(phrase.lower())
        if at < 0 or (at > 0 and lowered[at - 1].isalnum()):
            continue
        who_start = at + len(phrase)
        comma = sentence.find(",", who_start)
        if comma < 0 or comma - who_start > 80:
            continue
        inner = reported(text, start + comma + 1, end)
        if inner is not None:
            return inner
        clause_start = comma + 1
        if at > 0 and sentence[:at].strip(" ,"):
            # "X, according to Y." — the words before are what was said.
            return (start, start + at, sentence[who_start:comma].strip(), "paraphrase")
        return _clause(text, start + clause_start, end, sentence[who_start:comma].strip())
    match = _speech_verb(sentence)
    if match is None:
        return None
    subject = sentence[:match.start()]
    if any(c in subject for c in "”»\"“") or not subject.strip():
        return None
    verb = match.group().lower()
    rest = sentence[match.end():]
    if any(verb.startswith(v) for v in _OBJECT_VERBS if v not in _SPEECH_VERBS):
        return _clause(text, start + match.start(), end, subject)
    stripped = rest.lstrip(" ,")
    lead = len(rest) - len(stripped)
    for adverb in ("also ", "again ", "repeatedly ", "once again ", "then "):
        if stripped.lower().startswith(adverb):
            lead += len(adverb)
            stripped = stripped[len(adverb):]
    first = stripped.split(" ", 1)[0].lower() if stripped else ""
    if stripped.startswith(":"):
        lead += 1
    elif first in _THAT or first.startswith(("qu'", "qu’")):
        lead += len(first) if first in _THAT else 3
    elif first.rstrip(",") in _NOT_A_CLAUSE and (after := _after_circumstance(stripped)):
        lead += after
    elif (first.rstrip(",") in _NOT_A_CLAUSE or not first or stripped[0] in ",“\"«„‘"
          or "clear" in verb):
        return None
    return _clause(text, start + match.end() + lead, end, subject)


def _after_circumstance(words: str) -> int:
    """Where what was said starts after 'said on Monday that ...' or 'erklärte in Genf, ...'."""
    match = re.match(r"(?:[^\s,.;:“”\"«»„]+\s+){0,5}?(?:(?:that|que|qu[’']|dass)\s+|[^\s,]+,\s+"
                     r"(?:dass\s+)?)(?=[^\W\d_])", words)
    return match.end() if match else 0


def _clause(text: str, start: int, end: int, who: str) -> tuple[int, int, str, str] | None:
    clause = text[start:end]
    offset = len(clause) - len(clause.lstrip(" ,:"))
    start += offset
    clause = text[start:end].rstrip()
    end = start + len(clause)
    while end > start and text[end - 1] in ".;,":
        end -= 1
    if any(c in text[start:end] for c in "“”«»„\"") or len(_WORD_RE.findall(text[start:end])) < 4:
        return None
    return start, end, who, "paraphrase"


def _lead_attribution(text: str, sentence_start: int, quote_start: int) -> str:
    """The words before a quotation in its sentence, minus its opening mark."""
    return text[sentence_start:quote_start].rstrip(" “\"«„")


def _tail_attribution(text: str, quote_end: int, sentence_end: int) -> str:
    """The words after a quotation in its sentence, when they name the speaker."""
    tail = text[quote_end:sentence_end].lstrip("”“\"» ,.")
    words = tail.split()
    if not words or len(words) > 25:
        return ""
    verb = _speech_verb(tail)
    if verb is None or verb.start() > 60:
        return ""
    before = tail[:verb.start()].strip(" ,")
    if before:
        return before
    # Inverted: "said Stoltenberg", "a-t-il ajouté", "sagte er".
    after = re.sub(r"^(?:M|Mme|Mr|Mrs|Ms|Dr|Herr|Frau)\.?\s+", "",
                   tail[verb.end():].strip(" ,."))
    first = after.split(" ", 1)[0].lower().replace("a-t-", "").replace("t-", "")
    if first in _PRONOUNS_PERSON or first in _PRONOUNS_ANY:
        return first
    return re.split(r"[,.;]| (?:in|at|on|during|after|before|lors|après|devant|bei|am|nach|vor"
                    r"|im) ", after)[0].strip()


def find_passages(text: str, registry: Registry) -> list[Candidate]:
    """Every passage that looks like a quotation, its speaker still to be resolved."""
    paras = paragraphs(text)
    found: list[tuple[int, Candidate]] = []
    taken: list[tuple[int, int]] = []

    def add(priority: int, cand: Candidate) -> None:
        found.append((priority, cand))

    # Speaker turns: a paragraph opening 'NAME:' runs until the next turn.
    turns = [(i, m) for i, (s, e) in enumerate(paras) if (m := _TURN_RE.match(text, s, e))]
    real_turns = [(i, m) for i, m in turns if _turn_label_ok(m.group("label"), registry)]
    if len(real_turns) >= 2:
        for n, (i, match) in enumerate(real_turns):
            stop = real_turns[n + 1][0] if n + 1 < len(real_turns) else len(paras)
            label = match.group("label")
            end = paras[i][1]
            for j in range(i + 1, stop):
                end = paras[j][1]
            taken.append((paras[i][0], end))
            if label.upper().strip(" .") in _NOT_SPEAKERS:
                continue
            add(0, Candidate(match.end(), end, _collapse(text[match.end():end]), "direct",
                             "speaker turn", attribution=label, evidence=f"{label}:"))

    # Block quotes: paragraphs followed by a line that only names the speaker.
    for i in range(1, len(paras)):
        line = text[paras[i][0]:paras[i][1]]
        named = _is_attribution_line(line, registry)
        if named is None or _inside(paras[i - 1][0], taken):
            continue
        first = i - 1
        if len(text[paras[first][0]:paras[first][1]].split()) < 8:
            continue
        while first - 1 >= 1 and i - first < 4:
            prev = text[paras[first - 1][0]:paras[first - 1][1]]
            # Speech in a block quote speaks in the first person; narration around it does not.
            if (len(prev.split()) < 8 or _is_attribution_line(prev, registry)
                    or not _FIRST_PERSON.search(prev)
                    or any(c in prev for c in "“”\"«»„")
                    or any(reported(text, s, e) for s, e in
                           sentences(text, *paras[first - 1]))):
                break
            first -= 1
        start, end = paras[first][0], paras[i - 1][1]
        add(1, Candidate(start, end, _collapse(text[start:end]), "direct",
                         "block quote", attribution=named[0], role=named[1],
                         evidence=line.strip()))

    # Quotation marks.
    for start, end, marks in quoted(text, paras):
        words = text[start:end]
        for mark in marks:
            words = words[:mark - start] + " " + words[mark - start + 1:]
        words = _collapse(words).rstrip(" ,")
        if len(_WORD_RE.findall(words)) < 3:
            continue
        add(2, Candidate(start, end, words, "direct", "quotation marks"))

    # Reported speech, sentence by sentence.
    for p_start, p_end in paras:
        for s, e in sentences(text, p_start, p_end):
            hit = reported(text, s, e)
            if hit is not None:
                r_start, r_end, who, kind = hit
                add(3, Candidate(r_start, r_end, _collapse(text[r_start:r_end]), kind,
                                 "reported speech", attribution=who,
                                 evidence=_evidence(text[s:r_start])))

    kept: list[Candidate] = []
    for _, cand in sorted(found, key=lambda pc: (pc[0], pc[1].start)):
        if any(c.start < cand.end and cand.start < c.end for c in kept):
            continue
        kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


def _turn_label_ok(label: str, registry: Registry) -> bool:
    if label.upper().strip(" .") in _NOT_SPEAKERS:
        return True
    if label.isupper() and len(label) >= 2:
        return True
    return registry.exact(label) is not None or registry.exact(_HONORIFICS.sub("", label)) \
        is not None


def _inside(at: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s <= at < e for s, e in spans)


# ---------------------------------------------------------------------------------------------
# Speakers.


def _subject(phrase: str) -> str:
    """The part of the words before a speech verb that names the speaker."""
    segments = [s.strip() for s in re.split(r"[,;(]", phrase)]
    for segment in reversed(segments):
        segment = segment.strip(" )—–-")
        if not segment:
            continue
        first = segment.split(" ", 1)[0].lower()
        if first in {"who", "which", "whose", "where", "qui", "der", "die", "welche"}:
            continue
        return _ADVERBS.sub("", segment)
    return phrase.strip()


def _proper_name(phrase: str) -> tuple[str, str] | None:
    """(name, role) of a person the phrase names by capitalised words, if it does."""
    words = re.findall(r"[\w’'.\-]+", phrase)
    run: list[str] = []
    for word in reversed(words):
        if word[:1].isupper() or (run and word in {"de", "von", "van", "der", "le", "la"}):
            run.insert(0, word)
        else:
            break
    while run and (run[0] in _TITLE_WORDS or run[0].rstrip(".") in _TITLE_WORDS):
        run.pop(0)
    if not run or len(run) > 4:
        return None
    name = " ".join(run)
    if len(run) == 1 and (name.isupper() or len(name) < 3):
        return None
    role = phrase[:phrase.rfind(run[0])].strip(" ,") if run[0] in phrase else ""
    return name, role


@dataclass
class _Resolver:
    registry: Registry
    text: str
    mentions: list[_Mention] = field(default_factory=list)

    def mention(self, at: int, speaker: str | None, name: str) -> None:
        self.mentions.append(_Mention(at, speaker, name, speaker is None or
                                      self.registry.is_person(speaker)))

    def last(self, at: int, person: bool) -> _Mention | None:
        for m in sorted(self.mentions, key=lambda m: -m.at):
            if m.at <= at and (m.is_person or not person):
                return m
        return None

    def phrase(self, phrase: str, at: int, strict: bool = True
               ) -> tuple[str | None, str, str] | None:
        """(id, name, role) of whoever `phrase` names; None when it names no one."""
        subject = _subject(phrase) if strict else phrase
        word = subject.strip(" ,.").lower().replace("a-t-", "").replace("t-", "")
        if word in _PRONOUNS_PERSON or word in _PRONOUNS_ANY:
            found = self.last(at, person=word in _PRONOUNS_PERSON)
            if found is None:
                return None
            return found.speaker, found.name, ""
        exact = self.registry.exact(subject)
        if exact:
            return exact, subject, ""
        hits = self.registry.find(subject)
        if hits:
            s, e, person_id = hits[0]
            tail = subject[e:].strip()
            # "NATO partners": a known name used as a modifier names someone else.
            if strict and tail and tail.split(" ", 1)[0][:1].islower():
                return None
            return person_id, subject[s:e], ""
        named = _proper_name(subject)
        if named is not None:
            by_surname = self.registry.surname(named[0])
            if by_surname:
                return by_surname, named[0], ""
            last = named[0].split()[-1]
            # "Ryabkov" after "Sergei Ryabkov": the same person still to add.
            for m in sorted(self.mentions, key=lambda m: -m.at):
                if m.speaker is None and m.name.split() and m.name.split()[-1] == last:
                    return None, m.name, ""
            return None, named[0], named[1]
        return None


def resolve_speakers(text: str, passages: list[Candidate], registry: Registry) -> list[Candidate]:
    """The passages with speakers guessed in reading order, so pronouns find their antecedent."""
    resolver = _Resolver(registry, text)
    paras = paragraphs(text)
    # Sentence subjects are antecedents for pronouns too ("Stoltenberg met ... He said").
    for p_start, p_end in paras:
        for s, e in sentences(text, p_start, p_end):
            hits = [h for h in registry.find(text[s:e])
                    if not any(c.start <= s + h[0] < c.end for c in passages)]
            if hits:
                resolver.mention(s + hits[0][0], hits[0][2], text[s + hits[0][0]:s + hits[0][1]])
    out: list[Candidate] = []
    for cand in passages:
        guess = _guess(text, cand, resolver, paras, out)
        if guess is not None:
            (speaker, name, role), evidence = guess
            cand = replace(cand, speaker=speaker, name=name, role=role or cand.role,
                           evidence=evidence)
            resolver.mention(cand.start, speaker, name)
        if cand.how == "quotation marks" and _STATEMENT_WORDS.search(cand.evidence):
            cand = replace(cand, kind="statement")
        out.append(cand)
    return out


def _sentence_of(text: str, at: int, paras: list[tuple[int, int]]) -> tuple[int, int]:
    for p_start, p_end in paras:
        if p_start <= at <= p_end:
            for s, e in sentences(text, p_start, p_end):
                if s <= at < e:
                    return s, e
            return p_start, p_end
    return at, at


def _guess(text: str, cand: Candidate, resolver: _Resolver, paras: list[tuple[int, int]],
           before: list[Candidate]) -> tuple[tuple[str | None, str, str], str] | None:
    if cand.attribution:
        found = resolver.phrase(cand.attribution, cand.start)
        if cand.how == "speaker turn" and found is None:
            label = _HONORIFICS.sub("", cand.attribution).strip() or cand.attribution
            by_surname = resolver.registry.surname(label)
            found = (by_surname, label.title(), "") if by_surname else (
                None, cand.attribution.title(), "")
        return (found, cand.evidence) if found else None
    s_start, _ = _sentence_of(text, cand.start - 1, paras)
    _, s_end = _sentence_of(text, max(cand.end, cand.start), paras)
    s_end = max(s_end, cand.end)
    # The sentence may run on after the closing mark: "..., he said in Brussels."
    tail_end = _sentence_of(text, cand.end + 1, paras)[1]
    tail = _tail_attribution(text, cand.end, max(tail_end, cand.end))
    if tail:
        found = resolver.phrase(tail, cand.start)
        if found:
            return found, _evidence(text[cand.end:max(tail_end, cand.end)])
    lead = _lead_attribution(text, s_start, cand.start - 1)
    if not lead.strip():
        # A quotation opening a paragraph, introduced by the paragraph before: "... said:".
        para = next((i for i, (s, e) in enumerate(paras) if s <= cand.start - 1 < e), None)
        if para and text[paras[para - 1][0]:paras[para - 1][1]].rstrip().endswith(":"):
            prev_start = _sentence_of(text, paras[para - 1][1] - 1, paras)[0]
            lead = text[prev_start:paras[para - 1][1]].rstrip(" :")
    if lead.strip():
        reported_lead = _lead_speaker(lead, cand.start, resolver)
        if reported_lead:
            return reported_lead
    # A quotation on its own, right after another: the same speaker goes on.
    if before and (before[-1].speaker is not None or before[-1].name):
        prev = before[-1]
        gap = text[prev.end:cand.start]
        if gap.count("\n") <= 2 and len(gap) < 200:
            return (prev.speaker, prev.name, prev.role), CONTINUES
    return None


def _lead_speaker(lead: str, at: int, resolver: _Resolver
                  ) -> tuple[tuple[str | None, str, str], str] | None:
    lowered = lead.lower()
    for phrase in _ACCORDING_TO:
        pos = lowered.find(phrase.lower())
        if pos >= 0:
            who = lead[pos + len(phrase):].split(",")[0]
            found = resolver.phrase(who, at)
            if found:
                return found, _evidence(lead[pos:])
    verb = None
    for match in re.finditer(r"(?<![\w’'-])(?:" + "|".join(
            re.escape(v) for v in sorted(_SPEECH_VERBS + _OBJECT_VERBS, key=len, reverse=True))
            + r")(?![\w’'-])", lead):
        verb = match
    if verb is not None:
        evidence = _evidence(lead[:verb.end()])
        found = resolver.phrase(lead[:verb.start()], at)
        if found:
            return found, evidence
        subject = _subject(lead[:verb.start()])
        if any(w[:1].isupper() for w in subject.split()):
            # Someone is named, just not anyone known: the editor adds them or an alias.
            return (None, subject, ""), evidence
    # No speech verb: the first name in the sentence is most often its subject.
    hits = resolver.registry.find(lead)
    if hits:
        s, e, person_id = hits[0]
        return (person_id, lead[s:e], ""), _evidence(lead)
    named = _proper_name(lead.split(",")[0])
    if named:
        return (None, named[0], named[1]), _evidence(lead)
    return None


def find_quotes(text: str, people: dict[str, Person]) -> list[Candidate]:
    """Every quotation candidate in `text`, with its speaker guessed where the text says."""
    registry = Registry.of(people)
    return resolve_speakers(text, find_passages(text, registry), registry)
