"""Transcripts with labelled turns — 'MR PRICE: …', 'StS Seibert: …', 'В.Путин: …', a name
alone on its line, 'Q - … R - …' — split into turns, each told apart as the speaker's, the
moderator's or a journalist's, with the label resolved to a person. For `build-dossier new`.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from .marks import QUOTE_CHARS
from .reported import speech_verb
from .speakers import ROLE_NOUNS, TITLE_WORDS, Registry, full_name_in, proper_case, strip_titles
from .textparts import RECORD_LABEL, TURN_LABEL, UPPER, Layout, words_of

MODERATORS = frozenset(words_of(
    "moderator operator chair chairman chairperson host presenter vors vorsitzender "
    "vorsitzende moderatorin présentateur présentatrice animateur animatrice ведущий ведущая "
    "модератор"))
JOURNALISTS = frozenset(words_of(
    "q question questions journalist journaliste reporter correspondent interviewer participant "
    "audience frage "
    "fragesteller zusatzfrage nachfrage zuruf вопрос журналист корреспондент"))
_OWN_LINE_LABEL = re.compile(
    r"[" + UPPER + r"][" + UPPER + r".’'\- ]{2,40}"  # a name in capitals: 'EDOUARD PHILIPPE'
    r"|[A-ZА-ЯЁ][\w.’'\- ]{1,40}(?:,[^\n:]{1,60})?:")  # or any name with a colon: 'В. Путин:'
_QR = re.compile(r"(?P<label>[QR])(?:\.?\s*[-–—:]\s+|[ \t]{2,})(?=\S)")
"""'Q - …', 'R : …', 'Q.- …', and the White House's 'Q    …' (a Q and a run of spaces)."""
_INITIALS_LABEL = re.compile(r"(?P<label>[" + UPPER + r"]{2,4})(?:[ ]{2,}|\t)[ \t]*(?=\S)")
"""'CL          Hello and welcome …', 'TAG        Thank you.': a speaker's initials and a run of
spaces open a turn, as some organisations' transcripts print them."""
_BARE_Q = re.compile(r"(?P<label>Q)\.?[^\S\n]+(?=[" + UPPER + r"])")
"""'Q You're the federal government -- …', 'Q.  How important was that?': a question opened
by a bare Q, where several are."""
_DOT_DASH_LABEL = re.compile(
    r"(?P<label>(?:[A-ZÀ-ÖØ-Þ]\.(?:-[A-ZÀ-ÖØ-Þ]\.)?\s*)?[A-ZÀ-ÖØ-Þ][\w’'\-]+"
    r"(?:\s+[A-ZÀ-ÖØ-Þ][\w’'\-]+)?)\.-\s+(?=\S)")
"""'C. Barbier.- …', 'J.-P. Elkabbach.- …': a name, a full stop and a hyphen open a turn."""
_DASH_LABEL = re.compile(r"(?P<label>[" + UPPER + r"][\w’'\-]+(?:\s+[" + UPPER
                         + r"][\w’'\-]+){1,3})"
                         r"\s+[-–—]\s+(?=[" + UPPER + r"])")
"""'Alain Juppé - Mesdames et Messieurs, …': a full name and a dash open a turn."""
_GIVEN_AND_CAPITALS = re.compile(r"(?:[" + UPPER + r"][a-zßà-öø-ÿа-яё’'\-]+\s+){1,2}"
                                 r"[" + UPPER + r"]{2,}(?:[\s\-][" + UPPER + r"]{2,}){0,3}")
"""'Sophie MARTIN', 'Paul VAN DER BEISPIEL': a given name, and a surname in capitals."""
_TIMECODE = re.compile(r"\s*\(\d{1,2}:\d{2}(?::\d{2})?\)\s*(?=:$)")
"""A recording's time after a label on its own line: 'Matthew Miller (00:00):'."""
_INITIAL_LABEL = re.compile(r"(?P<label>[" + UPPER + r"][a-zа-яё]?\.[" + UPPER
                            + r"][\w’'\-]+)[ \t]+(?=[" + UPPER + r"])")
"""'А.Ежов В предыдущей части …', 'Ст.Крючков И средства …': an initial glued to a surname
opens a turn without a colon, as a radio station's transcripts print them."""
_CAPS_NAME = r"[" + UPPER + r"][" + UPPER + r"’'\-]+"
_CAPS_LABEL = re.compile(
    r"(?P<label>(?:[" + UPPER + r"]\.\s?)?" + _CAPS_NAME + r"(?:\s+" + _CAPS_NAME + r"){0,2})"
    r"[ \t]+(?!" + _CAPS_NAME + r"(?![\w’'\-]))(?=\S)")
"""'MICHAEL DARMON Nous allons…', 'М. ГАНАПОЛЬСКИЙ И самые…': a full name in capitals (or an
initial and a surname) opens a turn without a colon, as some transcripts print them."""
_CAPS_ROLE_LABEL = re.compile(
    r"(?P<label>(?:[" + UPPER + r"]{2,3}\.?[ \t]+)?" + _CAPS_NAME + r"(?:[ \t]+" + _CAPS_NAME
    + r"){1,3}(?:,[ \t]*[" + UPPER + r"][" + UPPER + r"’'&.\- \t]{1,60}){1,3}?)[ \t]*[:.][ \t]+"
    r"(?=\S)")
"""'JANE EXAMPLE, REPORTER: …', 'DR JOHN DOE, HEAD OF ECONOMICS, STATE UNIVERSITY. …': a full
name in capitals, its office in capitals after a comma, as a TV programme's transcript labels
its speakers; a full stop for the colon is a slip of the page."""
_RECORD_OWN_LINE = re.compile(RECORD_LABEL.pattern + r"(?:,[^\n]{1,200}(?:\n[^\n]{1,200})?)?\.?")
_RECORD_INLINE = re.compile(RECORD_LABEL.pattern + r"\.?[ \t]+(?=[" + UPPER + r"])")
_BYLINE_WORDS = frozenset(words_of(
    "correspondant correspondante correspondent reporter rédaction redaktion staff "
    "корреспондент редакция"))
"""A page's byline in capitals on its own line ('CORRESPONDANT'): who wrote it, not a turn."""
SPEAKER_LIST = re.compile(r"(?im)^(?:sprecher(?:innen)?|speakers?|participants?|"
                          r"teilnehmer(?:innen)?|intervenants?|участники)\s*:[^\n]*,")
"""A header's list of those who speak: 'Sprecher: StS Seibert, Jäger (BMF), …'."""
_MEDIA = re.compile(r",\s*[^,]*(?:радио|газет|агентств|телеканал|Reuters|AFP|dpa|\bAP\b|TASS|"
                    r"ТАСС|РИА|news|Times|Post|Zeitung|Presse|TV|ТВ|FM|«)", re.IGNORECASE)


@dataclass(frozen=True)
class Turn:
    """One turn of a transcript: who holds the floor and the span of what they say."""

    label: str
    start: int
    """Offset of the first spoken word (after the label)."""
    end: int
    role: str = "speaker"
    """speaker, moderator or journalist."""


def _label_at(layout: Layout, index: int, initials: bool = False, bare_q: bool = False,
              capitals: bool = False) -> tuple[str, int] | None:
    """(label, offset where speech starts) when paragraph `index` opens a turn; `initials`
    when the text's turns open with an initial and a surname and no colon, `bare_q` when its
    questions open with a Q and one space, `capitals` when its turns open with a full name in
    capitals and no colon."""
    text = layout.text
    s, e = layout.paras[index]
    if initials and (m := _INITIAL_LABEL.match(text, s, e)) is not None:
        return m.group("label"), m.end()
    if capitals and (m := _caps_label(text, s, e)) is not None:
        return m.group("label"), m.end()
    if (m := _QR.match(text, s, e) or _INITIALS_LABEL.match(text, s, e)
            or (_BARE_Q.match(text, s, e) if bare_q else None)) is not None:
        return m.group("label"), m.end()
    if (m := _DOT_DASH_LABEL.match(text, s, e)) is not None:
        return m.group("label"), m.end()
    if index + 1 < len(layout.paras) and (m := _RECORD_OWN_LINE.fullmatch(
            text[s:e].rstrip())) is not None:
        return m.group("label"), layout.paras[index + 1][0]
    if (m := _RECORD_INLINE.match(text, s, e)) is not None:
        return m.group("label"), m.end()
    if (m := _DASH_LABEL.match(text, s, e)) is not None and text.count(m.group("label")) >= 2:
        # Named elsewhere in the text too (the header's list of speakers): not a headline.
        return m.group("label"), m.end()
    if (m := TURN_LABEL.match(text, s, e) or _CAPS_ROLE_LABEL.match(text, s, e)) is not None:
        label = m.group("label")
        if len(_core(label).split(",")[0].split()) <= 6 and not label.lower().startswith(
                ("note", "source", "photo")):
            return label, m.end()
    line = _TIMECODE.sub("", text[s:e].strip())
    if index + 1 < len(layout.paras) and _GIVEN_AND_CAPITALS.fullmatch(line) and sum(
            text[ps:pe].strip() == line for ps, pe in layout.paras[:400]) >= 2:
        # 'Sophie MARTIN' over her question, again over the next: a turn's label, the surname
        # in capitals as French transcripts print it.
        return line, layout.paras[index + 1][0]
    if (index + 1 < len(layout.paras) and len(line) <= 100
            and _OWN_LINE_LABEL.fullmatch(line) and (line.endswith(":") or (
                line.isupper() and line.lower() not in _BYLINE_WORDS))):
        return line.rstrip(":").strip(), layout.paras[index + 1][0]
    return None


def _caps_label(text: str, s: int, e: int) -> re.Match[str] | None:
    """A full name in capitals opening the paragraph `text[s:e]`: two words at least (an
    initial counts), never a paragraph all in capitals (a heading)."""
    m = _CAPS_LABEL.match(text, s, e)
    if m is None or len(m.group("label").split()) < 2 or text[m.end():e].isupper():
        return None
    return m


def _names_in_capitals_open_turns(layout: Layout) -> bool:
    """Whether the text's turns open with full names in capitals and no colon: two names at
    least, each opening two paragraphs or more, as an interview's host and guest do (a wire's
    datelines in capitals are single words, and differ)."""
    labels: dict[str, int] = {}
    for s, e in layout.paras[:400]:
        if (m := _caps_label(layout.text, s, e)) is not None:
            labels[m.group("label")] = labels.get(m.group("label"), 0) + 1
    return sum(n >= 2 for n in labels.values()) >= 2


def _figures_only(speech: str) -> bool:
    """Whether what follows a label is a table's figures, not speech: 'Johanna ROLLAND (Union
    de la gauche) : 59.67 %', 'Turnout: 48.2 per cent'."""
    words = re.findall(r"[^\W\d_]{2,}", speech)
    return len(words) <= 2 and bool(re.search(r"\d", speech))


def _heads_quotations(layout: Layout, index: int, speech: int) -> bool:
    """Whether a name on its own line heads quotations reported below it, as a wire round-up
    prints them ('POPE FRANCIS' over 'In a speech …, he said: “I am with you …”'), rather than
    opening a turn of speech."""
    if speech <= layout.paras[index][1]:
        return False  # the label and the speech share a line: a turn
    nxt = layout.para_index(speech)
    if nxt is None:
        return False
    words = layout.text[layout.paras[nxt][0]:layout.paras[nxt][1]]
    return words.lstrip()[:1] in QUOTE_CHARS or (
        any(c in words for c in QUOTE_CHARS) and speech_verb(words) is not None)


def _heading(layout: Layout, index: int, speech: int) -> bool:
    """Whether a label opens the text's title rather than a turn: 'Background Briefing: the
    Bonn Conference on Afghanistan', 'Transcript: Press briefing Q&A with …' — the first line
    (or a line repeating it), whose words after the label do not end as a sentence does."""
    s, e = layout.paras[index]
    first = layout.text[slice(*layout.paras[0])].strip()
    # 'Иван Примеров - Без посредников - 2009-02-11' again over its download link ('…
    # Скачать'): the title printed twice.
    again = index > 0 and len(first) >= 12 and layout.text[s:e].lstrip().startswith(first)
    if (index != 0 and not again) or speech >= e:
        return False
    rest = layout.text[speech:e].rstrip()
    return len(rest.split()) <= 25 and not rest.endswith((".", "!", "?", "…", "»", "”", "\"",
                                                           "“", "--", "—", ":"))


def find_turns(layout: Layout, registry: Registry) -> list[Turn]:
    """Every turn of the text, in order; an empty list when the text has fewer than two."""
    starts: list[tuple[int, str, int]] = []
    # Labels without a colon count only where several paragraphs open so: not one name.
    initials = sum(_INITIAL_LABEL.match(layout.text, s, e) is not None
                   for s, e in layout.paras[:400]) >= 2
    bare_q = sum(_BARE_Q.match(layout.text, s, e) is not None for s, e in layout.paras[:400]) >= 2
    capitals = _names_in_capitals_open_turns(layout)
    first_names = _recurring_own_line_names(layout)
    surnames = _recurring_surnames(layout) | first_names
    lines = Counter(layout.text[s:e].strip() for s, e in layout.paras)
    for i in range(len(layout.paras)):
        found = _label_at(layout, i, initials, bare_q, capitals)
        # 'Baerbock: „Wir setzen auf Dialog“' is a headline quoting someone, not a turn.
        if (found is not None and (found[0] in surnames or _plausible(found[0], registry))
                and not _section_heading(layout, i, found[0], registry, lines)
                and layout.text[found[1]:found[1] + 1] not in QUOTE_CHARS
                and not _figures_only(layout.text[found[1]:layout.paras[i][1]])
                and not _heads_quotations(layout, i, found[1])
                and not _heading(layout, i, found[1])):
            starts.append((i, *found))
    if starts and (len(starts) >= 2 or _asks(starts[0][1])
                   or _outlet(starts[0][1], layout.text)):
        starts = _with_glued_labels(layout, _with_loose_labels(layout, starts))
    if len(starts) < 2 and not (starts and (0 < starts[0][0] <= 8 or SPEAKER_LIST.search(
            layout.text, 0, layout.paras[starts[0][0]][0]))):
        return []
    turns = []
    for n, (i, label, speech) in enumerate(starts):
        stop = starts[n + 1][0] - 1 if n + 1 < len(starts) else len(layout.paras) - 1
        if label in first_names:
            # '- Did these stars come as a surprise to you?' under 'Ivan:''s answer: the
            # interviewer's unlabelled question ends his turn.
            stop = next((j - 1 for j in range(i + 1, stop + 1)
                         if _DASH_QUESTION.match(layout.text[slice(*layout.paras[j])])), stop)
        end = layout.paras[max(stop, i)][1]
        if speech < end:
            turns.append(Turn(label, speech, end))
    return _with_roles(layout.text, turns, registry)


def _section_heading(layout: Layout, index: int, label: str, registry: Registry,
                     lines: Counter[str]) -> bool:
    """Whether a line in capitals with no colon heads a section rather than a turn: a page's
    summary ('L'ESSENTIEL'), or words that name no one ('VIGILANCE ORANGE LEVÉE', 'DEUX
    DÉPARTEMENTS EN ALERTE') — never printed again as a line (`lines` counts them), known to
    the registry, an office, or a name the text gives in its own case."""
    s, e = layout.paras[index]
    line = layout.text[s:e].strip()
    if POINTS_HEADING.fullmatch(line):
        return True
    if line.endswith(":") or not line.isupper() or _asks(label) or _plausible_office(label):
        return False
    if lines[line] >= 2:
        return False  # the same speaker's label again
    if registry.resolve(label) is not None:
        return False
    name = strip_titles(_core(label).split(",")[0])
    words = [w for w in re.split(r"\s+", name) if w]
    if not words:
        return True
    # The surname in its own case somewhere ('Philippe' for 'EDOUARD PHILIPPE'); the line in
    # capitals never gives it so.
    surname = proper_case(words[-1])
    return surname not in _words(layout.text) and full_name_in(layout.text, surname) is None


@functools.lru_cache(maxsize=8)
def _words(text: str) -> frozenset[str]:
    """Every word of the text as it is written, read once for all its headings."""
    return frozenset(re.findall(r"[\w’'-]+", text))


def _plausible_office(label: str) -> bool:
    """Whether a label is an office or a moderator's, whom no name need follow."""
    bare = _core(label).lower().strip(" .")
    return bare in MODERATORS or bare in ROLE_NOUNS or bare in _OFFICES or _office_only(label)


def _recurring_surnames(layout: Layout) -> set[str]:
    """Surnames alone that label turns ('Ахмеров: …', 'Дегтярь: …'): each opening two
    paragraphs or more and given in full in the text ('Виталий Ахмеров'), two of them at least,
    so that one name before a colon in a news text is no transcript."""
    counts: dict[str, int] = {}
    for s, e in layout.paras[:400]:
        found = TURN_LABEL.match(layout.text, s, e)
        if found is not None and re.fullmatch(r"[" + UPPER + r"][\w’'\-]{2,}", found["label"]):
            counts[found["label"]] = counts.get(found["label"], 0) + 1
    named = {label for label, n in counts.items() if n >= 2
             and label.lower() not in _METADATA_LABELS
             and (full := full_name_in(layout.text, label)) is not None and " " in full}
    return named if len(named) >= 2 else set()


_NAME_OWN_LINE = re.compile(r"(?P<label>[" + UPPER + r"][a-zà-ÿäöüßа-яё’'\-]{2,}):")
"""A first name alone on its line over the turn it opens: 'Ivan:'."""
_DASH_QUESTION = re.compile(r"\s*[-–—][^\S\n]+[^\n]*\?")
"""An interviewer's question set off by a dash, unlabelled: '- Did these stars …?'."""


def _recurring_own_line_names(layout: Layout) -> set[str]:
    """First names alone on their own line with a colon, over the turns they open ('Ivan:' /
    'Sergei:'): two names at least, each twice or more, as an interview with two guests prints
    them when the lead names them by first name only."""
    counts = Counter(m["label"] for s, e in layout.paras[:400]
                     if (m := _NAME_OWN_LINE.fullmatch(layout.text[s:e].strip())) is not None
                     and m["label"].lower() not in _METADATA_LABELS)
    named = {label for label, n in counts.items() if n >= 2}
    return named if len(named) >= 2 else set()


POINTS_HEADING = re.compile(
    r"(?i:key points|key facts|what we know(?: so far)?|at a glance|summary|les points clés|"
    r"l['’]essentiel|à retenir|ce qu['’]il faut retenir|das wichtigste(?: in kürze)?|"
    r"auf einen blick|главное|коротко|основное)\s*:?")
"""A page's heading over its summary ('Key Points', 'L'essentiel', 'Das Wichtigste')."""


_METADATA_LABELS = frozenset(words_of(
    "sprecher sprecherin briefer briefers themen datum date source sources note notes photo "
    "update updates transcript transkript mitschrift wortlaut стенограмма verbatim "
    "circonstances personnalité fonction weitere tags read related quelle fazit hinweis "
    "anmerkung источник фото тема темы дата broadcast broadcasted sendung diffusion эфир"))


def _outlet(label: str, text: str) -> bool:
    """Whether a label is the paper or station that asks, as the text calls its interview
    ('HAZ:' over 'Ein HAZ-Interview über …'), not the guest."""
    return label.isupper() and 2 <= len(label) <= 8 and re.search(
        re.escape(label) + r"[-\s](?i:interview|gespräch|entretien|интервью)", text,
    ) is not None


def _asks(label: str) -> bool:
    bare = label.lower().strip(" .")
    return bare in JOURNALISTS or bare.split(" ")[0].strip(".") in JOURNALISTS or label == "Q"


def _with_loose_labels(layout: Layout, starts: list[tuple[int, str, int]]
                       ) -> list[tuple[int, str, int]]:
    """In a text already known to hold turns, a single capitalised name is a label too
    ('Gülde: Vielen Dank für die Frage')."""
    known = {i for i, _, _ in starts}
    for i in range(len(layout.paras)):
        if i in known:
            continue
        found = _label_at(layout, i)
        if (found is not None and re.fullmatch(r"[" + UPPER + r"][\w’'\-]{2,}", found[0])
                and found[0].lower() not in _METADATA_LABELS
                and layout.text[found[1]:found[1] + 1] not in QUOTE_CHARS):
            starts.append((i, *found))
    return sorted(starts)


def _with_glued_labels(layout: Layout, starts: list[tuple[int, str, int]]
                       ) -> list[tuple[int, str, int]]:
    """A label the text prints elsewhere with a space after its colon opens a turn without
    one too ('Lisa Stevens:He is actually five months old …' under 'Lisa Stevens: Good
    morning'): a slip of the page, not the previous speaker going on."""
    known = {i for i, _, _ in starts}
    labels = {label for _, label, _ in starts}
    for i, (s, e) in enumerate(layout.paras):
        if i not in known and (m := _GLUED_LABEL.match(layout.text, s, e)) is not None \
                and m.group("label") in labels:
            starts.append((i, m.group("label"), m.end()))
    return sorted(starts)


_GLUED_LABEL = re.compile(r"(?P<label>[^:\n]{1,60}):(?=[" + UPPER + r"])")


def _core(label: str) -> str:
    """A label without the office in brackets after the name: 'НИКОЛАЙ ЗЯТЬКОВ [главный
    редактор …]' → 'НИКОЛАЙ ЗЯТЬКОВ'."""
    return re.sub(r"\s*(?:\([^()]*\)|\[[^\[\]]*\])$", "", label)


def _plausible(label: str, registry: Registry) -> bool:
    """Whether a label is a speaker's and not a sentence that happens to hold a colon."""
    label = _core(label)
    bare = label.lower().strip(" .")
    if bare in _METADATA_LABELS or bare.split(" ")[0] in _METADATA_LABELS:
        return False
    if bare in JOURNALISTS or bare in MODERATORS or bare.split(" ")[0].strip(".") in (
            JOURNALISTS | MODERATORS) or label in ("Q", "R"):
        return True
    if bare in ROLE_NOUNS or bare in _OFFICES:
        return True  # 'Spokesman:', whom the text names elsewhere or not at all
    if label.isupper() and len(label) >= 2:
        return True
    if re.fullmatch(r"[" + UPPER + r"][a-zа-яё]?\.[" + UPPER + r"][\w’'\-]+", label):
        return True  # 'Ст.Крючков': an initial of two letters and a surname
    if registry.resolve(label) is not None:
        return True
    # 'StS Seibert', 'В.Путин', 'Валерий Санфиров, радиостанция «Маяк»': a name, few words.
    name = strip_titles(label.split(",")[0])
    return bool(re.fullmatch(r"(?:[" + UPPER + r"][\w’'\-]+\s*){1,3}", name)) and (
        name != label.split(",")[0] or "," in label or len(name.split()) >= 2)


def _with_roles(text: str, turns: list[Turn], registry: Registry) -> list[Turn]:
    """Each turn told apart: a moderator's, a journalist's (questions), or the speaker's."""
    # 'Christiane Kaess:' then 'Kaess:': one person's turns, counted together.
    asks: dict[str, list[bool]] = {}
    for turn in turns:
        asks.setdefault(_person_key(turn.label), []).append(
            text[turn.start:turn.end].rstrip().endswith("?"))
    share = {key: sum(asked) / len(asked) for key, asked in asks.items()}
    out = []
    # Where 'R' (réponse) answers, every other label asks: 'Q', or the interviewer's name.
    answers = any(turn.label == "R" for turn in turns)
    # Where the paper asks ('HAZ:'), the others answer, whatever question closes their turn.
    paper_asks = any(_outlet(turn.label, text) for turn in turns)
    hosts = _hosts(text, turns)
    for turn in turns:
        # 'THE MODERATOR:', 'LE MODÉRATEUR :': the article is no part of the office.
        words = re.sub(r"^(?:the|le|la|der|die)\s+", "",
                       turn.label.lower().strip()).split() or [""]
        words = re.split(r"[\s.]+", " ".join(words))
        # 'JANE EXAMPLE, REPORTER:', 'JOHN DOE, PRESENTER:': the office after the name.
        office = set(re.split(r"[\s.,]+", turn.label.lower().split(",", 1)[1])) \
            if "," in turn.label and turn.label.isupper() else set()
        if (words[0] in MODERATORS or _hands_over(text[turn.start:turn.end], turn, turns)
                or _introduces_report(text[turn.start:turn.end], turn, turns)
                or office & MODERATORS or _person_key(turn.label) in hosts):
            role = "moderator"
        elif (words[0] in JOURNALISTS or office & JOURNALISTS or turn.label == "Q"
              or _MEDIA.search(turn.label) or (answers and turn.label != "R")
              or _outlet(turn.label, text)):
            role = "journalist"
        elif (registry.resolve(turn.label) is None and not _office_only(turn.label)
              and not paper_asks and _mostly_asks(share, _person_key(turn.label))):
            role = "journalist"  # someone not on record who mostly asks: the interviewer
        else:
            role = "speaker"
        out.append(Turn(turn.label, turn.start, turn.end, role))
    return out


_GUEST = re.compile(
    r"(?i:у нас в гостях|в гостях у нас|гость (?:нашей )?(?:студии|программы)|наш гость|"
    r"our guest|my guest|notre invitée?|mon invitée?|nous recevons|unser Gast|unsere Gästin|"
    r"zu Gast (?:bei uns|im Studio|ist))(?![\w-])")
"""Words that present the programme's guest: 'У нас в гостях Андрей Крайний, …'."""


def _hosts(text: str, turns: list[Turn]) -> set[str]:
    """Who presents another labelled speaker as the guest before that guest speaks ('У нас в
    гостях Андрей Крайний' in С. БУНТМАН's opening, over 'А. КРАЙНИЙ: …'): the programme's
    host, whose turns are no quotations, however few of them end on a question."""
    hosts: set[str] = set()
    for n, turn in enumerate(turns):
        found = _GUEST.search(text, turn.start, turn.end)
        if found is None:
            continue
        presented = text[found.end():min(found.end() + 80, turn.end)].casefold()
        own = _person_key(turn.label)
        for later in turns[n + 1:]:
            guest = _person_key(later.label)
            if guest != own and len(guest) >= 3 and re.search(
                    r"(?<![\w-])" + re.escape(guest) + r"(?![\w-])", presented):
                hosts.add(own)
                break
    return hosts


_HANDS_OVER = re.compile(
    r"(?i)(?<![\w-])(?:turn (?:it |the (?:table|floor|podium|microphone) )?over to|"
    r"hand (?:it |the floor )?over to|give the floor to|pass (?:it |the floor )?(?:over )?to|"
    r"(?:passe|donne|laisse|cède) la parole à|(?:übergebe|gebe) (?:das Wort )?(?:an|weiter an)|"
    r"erteile (?:\w+ )?das Wort|передаю слово|предоставляю слово)(?![\w-])")
"""Words that give the floor to someone else: 'I will now turn the table over to Ms. Example'."""


def _hands_over(speech: str, turn: Turn, turns: list[Turn]) -> bool:
    """Whether a turn gives the floor to the next turn's speaker, as a moderator's opening does:
    the speaker named by name right after the words that give it ('… over to Ms. Example')."""
    found = _HANDS_OVER.search(speech)
    after = [t for t in turns if t.start > turn.start]
    if found is None or not after:
        return False
    nxt = _person_key(after[0].label)
    # By name, in its own case ('Ms. Example'): not '[senior administration official]'.
    return nxt != _person_key(turn.label) and re.search(
        r"(?<![\w’'-])" + re.escape(nxt[:1].upper() + nxt[1:]) + r"(?![\w’'-])",
        speech[found.end():found.end() + 80]) is not None


_REPORTS = re.compile(r"(?i:reports|reporting|berichtet|rapporte|reportage|докладывает|"
                      r"рассказывает|с подробностями)[.:]?\s*$")
"""The words closing a presenter's lead-in before the report: '… Jane Example reports.'"""


def _introduces_report(speech: str, turn: Turn, turns: list[Turn]) -> bool:
    """Whether a turn ends by naming the next turn's speaker as the one who reports ('… Jane
    Example reports.'), as a programme's presenter leads into a reporter's piece."""
    after = [t for t in turns if t.start > turn.start]
    found = _REPORTS.search(speech.rstrip())
    if found is None or not after:
        return False
    nxt = _person_key(after[0].label)
    return nxt != _person_key(turn.label) and nxt in speech[max(found.start() - 60, 0):
                                                            found.start()].casefold()


def _office_only(label: str) -> bool:
    """Whether a label is an office without a name ('THE PRESIDENT', 'Spokesman'): an
    official's, who answers; interviewers are labelled by name, 'Q' or their outlet."""
    words = re.sub(r"(?i)^the\s+", "", _core(label).split(",")[0]).split()
    return bool(words) and all(w.capitalize() in TITLE_WORDS or w.lower() in ROLE_NOUNS
                               or w.lower() in _OFFICES for w in words)


def _person_key(label: str) -> str:
    """The surname a label names, folded: the same for 'Christiane Kaess' and 'Kaess'."""
    words = strip_titles(_core(label).split(",")[0]).split()
    return words[-1].casefold() if words else label.casefold()


def _mostly_asks(share: dict[str, float], key: str) -> bool:
    """Whether the person of `key` asks in more than half their turns, or in half when someone
    else asks less: the interviewer, not the guest."""
    if len(share) < 2:
        return False
    return share[key] * 2 > 1 or (share[key] * 2 == 1 and min(share.values()) < share[key])


def label_speaker(label: str, text: str, registry: Registry, main: tuple[str | None, str] | None
                  ) -> tuple[str | None, str, str]:
    """(id, proper-case name, role) for a speaker's label; 'R' is the interview's main speaker."""
    if label == "R" and main is not None:
        return main[0], main[1], ""
    found = registry.resolve(label)
    if found is not None:
        return found, registry.people[found].name, ""
    if (record := _RECORD_INITIALS.fullmatch(label)) is not None:
        return _record_speaker(record, text, registry)
    if re.fullmatch(r"[" + UPPER + r"]{2,4}", label) and (named := _name_of_initials(text, label)):
        found = registry.resolve(named)
        return (found, registry.people[found].name, "") if found else (None, named, "")
    bare = strip_titles(label.split(",")[0])
    if bare.lower() in ROLE_NOUNS or bare in TITLE_WORDS or bare.lower() in _OFFICES \
            or (_office_only(label) and " " in bare):  # 'PRIME MINISTER', an office of words
        # 'Spokesman:' where the text says '… by Stéphane Dujarric, Spokesman for …'; 'THE
        # PRESIDENT:' where it says 'President Trump', or else whom the registry says held the
        # office that year. 'THE VICE PRESIDENT' is never the President.
        office = re.sub(r"(?i)^the\s+", "", label.split(",")[0].strip())
        ranked = office.casefold() != bare.casefold()
        holder = (_holder_named(text, office) if ranked else None) or (
            None if _DEPUTY_RANK.match(office) else _holder_named(text, bare))
        if holder is not None:
            found = registry.resolve(holder)
            return (found, registry.people[found].name, proper_case(bare)) if found else (
                None, holder, proper_case(bare))
        found = registry.office_holder(office, text)
        if found is not None:
            return found, registry.people[found].name, proper_case(office)
        if _office_only(label):
            # 'THE VICE PRESIDENT:' where neither the text nor the registry names its holder:
            # no one's name ('The President' is a phrase of the text), the office to confirm.
            return None, "", proper_case(office)
    titles = label.split(",")[0][: len(label.split(",")[0]) - len(bare)].strip(" .")
    surname = bare.split()[-1] if bare.split() else bare
    # A one-word name, or one with a particle ('Le Drian', 'von der Leyen'), completed by the
    # fuller form the text gives.
    particle = len(bare.split()) > 1 and bare.split()[0].lower() in _PARTICLES
    name = full_name_in(text, bare if particle else surname) if (
        len(bare.split()) == 1 or particle) else None
    # 'MR.', 'Herr', 'M.': a form of address, not an office.
    office = "" if titles.lower().strip(" .") in _ADDRESS or re.fullmatch(
        r"(?:\w\.\s*)+", titles + ".") else proper_case(titles)  # 'Д.' is an initial
    if name is None and len(bare.split()) == 1 and (family := _family_of_guests(text, bare)):
        name = f"{proper_case(bare)} {family}"
    name = name or proper_case(bare)
    return None, name, office or apposed_office(text, name) or listed_office(text, name)


_FAMILY_HEADING = re.compile(r"\W*(?:The[^\S\n]+)?(?P<family>[" + UPPER + r"][a-z]{3,})s"
                             r"(?:[^\S\n]+(?:about|on|talk|discuss|share)\w*)[^\S\n]")


def _family_of_guests(text: str, first: str) -> str | None:
    """The family name a heading gives guests labelled by first name on their own lines
    ('Berezutskys about the tastes of childhood' over 'Ivan:' / 'Sergei:'), in the singular."""
    if re.search(r"(?m)^[^\S\n]*" + re.escape(first) + r":[^\S\n]*$", text) is None:
        return None
    heading = _FAMILY_HEADING.match(text)
    return heading.group("family") if heading else None


_OFFICE_WORDS = frozenset(w.casefold() for w in TITLE_WORDS | ROLE_NOUNS)


def apposed_office(text: str, name: str) -> str:
    """The office the text sets after a name between commas ('M. Maurice Leroy, ministre de la
    ville, à I-Télévision'), as a title or a heading gives it, or ''."""
    if not name:
        return ""
    after = re.compile(re.escape(name) + r",\s+([^,;:\n()]{3,80}?)\s*[,.;(]", re.IGNORECASE)
    for match in _matches_at(text, name, after):
        office = _ARTICLE_BEFORE_OFFICE.sub("", match.group(1).strip(), count=1)
        words = office.split()
        first = words[0].casefold().strip(".") if words else ""
        if len(words) <= 8 and (first in _OFFICE_WORDS or first.rstrip("e") in _OFFICE_WORDS
                                or first in _OFFICES or first in _EXECUTIVES):
            # 'CEO of the manufacturer, Ariane Group.': the body the office names, in
            # apposition after it, is part of the role.
            body = _APPOSED_BODY.match(text, match.end() - 1)
            return office + (body.group() if body and office.split()[-1].islower() else "")
    return ""


def _matches_at(text: str, name: str, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern opening on `name`, tried only where the name
    stands: a search of the whole text for each quotation's speaker made drafting grow with the
    square of the text (2,000 introduced paragraphs took 2 s). A text whose lower case is not as
    long as itself (a Turkish 'İ'), or a name in other letters, is searched as before."""
    lowered, key = _lower(text), name.lower()
    if len(lowered) != len(text) or len(key) != len(name) or not _PLAIN_CASE.fullmatch(name):
        yield from pattern.finditer(text)
        return
    done, at = 0, lowered.find(key)
    while at >= 0:
        if at >= done and (match := pattern.match(text, at)) is not None:
            yield match
            done = match.end()
        at = lowered.find(key, at + 1)


_PLAIN_CASE = re.compile(r"[\x00-\x7f\u0400-\u04ff]*")
"""Latin and Cyrillic letters without special case folds: lower case finds a name as the
pattern's IGNORECASE does (Greek sigmas, a long s or a Kelvin sign would not)."""


@functools.lru_cache(maxsize=4)
def _lower(text: str) -> str:
    return text.lower()


_ARTICLE_BEFORE_OFFICE = re.compile(r"\A(?:(?:le|la|the|der|die|das)\s+|l['’])")
_EXECUTIVES = frozenset(words_of(
    "ceo cfo coo cto pdg chairman chairwoman chair founder administrator director-general "
    "directeur directrice direktor direktorin chef chefin vorstandsvorsitzender "
    "vorstandsvorsitzende vorstandschef vorstandschefin geschäftsführer geschäftsführerin "
    "директор гендиректор председатель руководитель генеральный"))
"""Offices heading a company or an agency, set after a name: 'Martin Sion, CEO of …'."""
_APPOSED_BODY = re.compile(r",[^\S\n]+[" + UPPER + r"][\w’'&\-]*(?:[^\S\n]+[" + UPPER
                           + r"][\w’'&\-]*){0,3}(?=[^\S\n]*[.;]|[^\S\n]*$)")


def listed_office(text: str, name: str) -> str:
    """The office or body a list of speakers gives in brackets after a name ('Sprecher: StS
    Seibert, Gülde (BMG), Breul (AA)'), or ''; never a number ('Müller (54)', an age)."""
    if not name:
        return ""
    found = re.search(r"(?<![\w-])" + re.escape(name) + r"[ \t]+\(([^()\n\d]{2,40})\)[,;.]?",
                      text)
    if found is None or len(found.group(1).split()) > 5:
        return ""
    return found.group(1).strip()


_CAPITALISED = re.compile(r"(?<![\w’'-])[" + UPPER + r"][\w’'\-]+(?:\s+[" + UPPER
                          + r"][\w’'\-]+){1,3}")


_RECORD_INITIALS = re.compile(r"(?P<surname>[" + UPPER + r"][" + UPPER + r"’'\-]+)[ \t]+(?P<first>["
                              + UPPER + r"])\.[ \t]?(?P<second>[" + UPPER + r"])\.")


def _record_speaker(record: re.Match[str], text: str, registry: Registry
                    ) -> tuple[str | None, str, str]:
    """A verbatim record's 'ЖЕЛЕЗНЯК С. В.': the full name the text gives him ('Сергей
    Владимирович Железняк, пожалуйста'), else his initials before his surname."""
    surname = proper_case(record.group("surname"))
    full = full_name_in(text, surname)
    name = full if full and full != surname and full[0] == record.group("first") else (
        f"{record.group('first')}. {record.group('second')}. {surname}")
    found = registry.resolve(name)
    return (found, registry.people[found].name, "") if found else (None, name, "")


def _name_of_initials(text: str, initials: str) -> str | None:
    """The full name the text gives someone labelled by initials: 'CL' for 'My name is
    Christian Lindmeier', 'TAG' for 'Dr Tedros Adhanom Ghebreyesus'."""
    for match in _CAPITALISED.finditer(text, 0, 20_000):
        words = strip_titles(match.group()).split()
        for n in range(len(words) - len(initials) + 1):
            run = words[n:n + len(initials)]
            if "".join(w[0] for w in run) == initials and all(len(w) > 1 for w in run):
                return " ".join(run)
    return None


_OFFICES = frozenset(words_of("spokesperson spokesman spokeswoman sprecher sprecherin "
                              "porte-parole представитель ambassador minister secretary"))
_DEPUTY_RANK = re.compile(r"(?i:deputy|vice|under|assistant|acting|stellvertretende\w*|vize\w*|"
                          r"adjoint\w*|sous|заместител\w*|вице)[\s-]")
"""A rank before an office that makes it another one: 'Vice President', 'Deputy Secretary'."""
_NOT_IN_A_NAME = frozenset(words_of("And Und Et Or Oder Ou И Или With Mit Avec С"))
"""Words that end a name run on into what follows it: 'President Trump And California …'."""
_NAME_WORDS = (r"[" + UPPER + r"][\w’'\-]+(?:\s+(?:[" + UPPER
               + r"][\w’'\-]+|de|von|van|le|la)){1,3}")


def _holder_named(text: str, office: str) -> str | None:
    """The name the text gives the holder of an office: 'Stéphane Dujarric, Spokesman for …',
    'our spokesperson, Ned Price', 'Spokesman Stéphane Dujarric'."""
    title = re.escape(office)
    pattern = re.compile(r"(?P<before>" + _NAME_WORDS + r"),\s+(?:the\s+|our\s+)?(?i:" + title
                         + r")(?![\w-])|(?i:" + title + r")(?:,\s+|\s+)(?P<after>"
                         + _NAME_WORDS + r")")
    match = pattern.search(text, 0, 20_000)
    if match is None:
        return None
    words = (match.group("before") or match.group("after")).split()
    # 'President Trump And California Governor Newsom': the name stops at the conjunction.
    cut = next((n for n, word in enumerate(words) if word in _NOT_IN_A_NAME
                or (n and word in TITLE_WORDS)), len(words))
    return " ".join(words[:cut]) if cut else None


_PARTICLES = frozenset(words_of("le la de du des von van der den di da"))
_ADDRESS = frozenset(words_of("mr mrs ms miss dr m mme mlle herr frau sir dame г-н г-жа "
                              "господин госпожа monsieur madame"))
