"""The kinds of text editors receive, each drafted its own way: news with quotations, a
single speaker's statement or transcript, a transcript of labelled turns, a live blog or wire
copy with several datelines. Decides the kind and proposes the quotations, for `new`.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace

from .dates import DATE_RE
from .interviews import FIRST_PERSON, SECOND_PERSON, interviewee, unlabelled_answers
from .marks import QUOTE_CHARS
from .quotes import Candidate, marked, named_subject, resolve_speakers, resolved_quotes
from .reported import attribution_line, speech_verb, word_count
from .speakers import (
    PRONOUNS_PERSON,
    ROLE_NOUNS,
    TITLE_WORDS,
    Registry,
    could_be_speaker,
    full_name_in,
    genitive_surname,
    is_institution,
    lower_case_elsewhere,
    names_an_office,
    nominative,
    plain,
    proper_case,
    proper_name,
    strip_titles,
)
from .textparts import UPPER, Layout, SpanSet, collapse
from .titles import blog_owner, is_dateline, is_label
from .turns import (
    POINTS_HEADING,
    SPEAKER_LIST,
    Turn,
    apposed_office,
    find_turns,
    label_speaker,
)

NEWS, STATEMENT, TRANSCRIPT, LIVE = "news", "statement", "transcript", "live"
KIND_NAMES = {NEWS: "a news article", STATEMENT: "one speaker's statement or transcript",
              TRANSCRIPT: "a transcript of labelled turns", LIVE: "a live blog or wire copy"}
MIN_SPOKEN_WORDS = 5
"""A spoken paragraph shorter than this ('Thank you.') is not proposed as a quotation."""
MIN_TURN_WORDS = 6
"""In a transcript of turns, a paragraph shorter than this is an aside between speakers
('So ist es. - Guten Tag!', 'It may be. It may be.', a sentence said twice counted once), not a
statement to quote; 'Is this the Washington Post story?' is one."""

_TIMESTAMP = re.compile(
    # '6 p.m.': an entry's hour without minutes, as an agency's live page prints it.
    r"(?:\+{3}\s*)?(?:\d{1,2}\s?(?:a\.m\.|p\.m\.)(?=\s*$|\s*\n)|"
    r"\d{1,2}[:.h]\d{2}\s*(?:am|pm|AM|PM|a\.m\.|p\.m\.)?(?:\s*(?:BST|GMT|CET|CEST|MSK|UTC|"
    r"ET|EST|EDT|Uhr|МСК))?|\d{1,2}[:.]\d{2}(?:\s*(?:am|pm))?\s+[A-Z]{2,4}"
    # '1156 GMT:': an agency's time of four digits, its zone after it.
    r"|(?:[01]\d|2[0-3])[0-5]\d\s+(?:GMT|UTC|BST|CET|CEST|EST|EDT|AEDT|AEST|JST|MSK))"
    r"(?:\s*(?:\+{3}|[:.\-–—]))?(?=\s|$)")
_UPDATED_AT = re.compile(
    r"(?i:updated?|mise à jour|aktualisiert|обновлено) (?i:at|à|um|в) "
    r"(?P<time>\d{1,2}(?:[:.h]\d{2})?(?: ?(?i:a\.m\.|p\.m\.|am|pm|uhr))?)[.:]?")
"""A line of its own heading an update of the page ('Updated at 10:45 p.m.', 'Mise à jour à
18h30'): an entry, as a time is."""
_DASHED_TIME = re.compile(r"[-–—]\s+(?=\d{1,2}[:.h]\d{2})")
_INLINE_TIME = re.compile(r"\s[-–—]\s+(?P<time>\d{1,2}[:.]\d{2}\s*(?:a\.m\.|p\.m\.|am|pm|AM|PM))"
                          r"\s+[-–—]\s+")
_BULLET = re.compile(r"[•·▪►▶➤*]\s*")
_WIRE_DATELINE = re.compile(
    r"[" + UPPER + r"][" + UPPER + r" .'\-]{2,30},\s+\d{1,2}\s+\w+\.?\s*[-–—/]\s*"
    # 'MOSCOW, Dec 2 (Reuters) -', 'SHARM EL-SHEIKH, Egypt (Reuters) –', 'BERLIN (dpa) -'
    r"|[" + UPPER + r"][" + UPPER + r" .'\-]{2,30}(?:,\s+[\w.]+(?:\s+\d{1,2})?)?\s+"
    r"\((?:Reuters|AP|AFP|dpa|DPA|KNA|epd|TASS|ТАСС|РИА Новости|Интерфакс|Bloomberg)\)"
    r"\s*[-–—]\s*")
_LIVE_TITLE = re.compile(
    r"\b(live blog|liveblog|live updates|as it happened|news-ticker|newsticker|liveticker|"
    # Whole words: 'en direction du Groenland', 'le livre', 'notre livraison' are no live.
    r"live-ticker|wahl-ticker|(?:en|ce) direct(?!\w)|direct\.|онлайн-трансляци\w*|"
    # 'Der Streik-Ticker hält Sie auf dem Laufenden', 'Coronavirus-Pandemie Ticker:',
    # 'Retrouvez ici l'intégralité de notre live'.
    r"[\w-]*-ticker|ticker(?=\s*[:|–—-])|unser ticker|(?:notre|le|en) live(?!\w)|"
    r"live reporting|live coverage|watch [\w ]{0,30} live(?=\s*\n)|"
    r"текстов\w+ трансляци\w*|прям\w+ трансляци\w*)", re.IGNORECASE)
_LIVE_WORD = re.compile(r"(?<![\w-])(?:LIVE|Live|live)(?:\s*[:|–—-]|(?=\s+[A-Z]{2,}))"
                        r"|(?<![\w-])(?:LIVE|DIRECT|EN DIRECT|LIVETICKER|ПРЯМОЙ ЭФИР)(?![\w-])")
"""A title that says it is live: 'Boris Johnson reshuffle LIVE: …', 'Brexit live – …'."""
_SPEECH_TITLE = re.compile(
    r"\b(intervention|press conference|press briefing|remarks|statement|speech|"
    # 'Nicky Morgan addresses The Education World Forum': the verb says it too.
    r"address(?:es|ed)?|"
    r"opening remarks|"
    r"transcript|as delivered|interview|conférence de presse|déclaration|discours|allocution|"
    # A mayor's or a ministry's own words, signed: '[Communiqué du Maire]'; a greeting.
    r"communiqué|grußwort|поздравлени\w*|"
    r"entretien|interview|seul le prononcé fait foi|rede|regierungserklärung|"
    # German compounds: 'Abschlusspressekonferenz'.
    r"\w*pressekonferenz|\w*pressestatement|es gilt das gesprochene wort|im wortlaut|"
    r"выступлени\w*|заявлени\w*|пресс-конференци\w*|брифинг\w*|стенограмм\w*|интервью|"
    r"обращени\w*|обратил(?:ся|ась)|обращается)\b", re.IGNORECASE)
_BYLINE = re.compile(
    r"(?:\bby|\bvon|\bde\s+M(?:me)?\.?|\bde|Sprecher(?:in)?\s*:|Redner(?:in)?\s*:|"
    r"Personnalité, fonction\s*:)\s+(?P<who>[^\n,;(]{3,80})", re.IGNORECASE)

_NOT_THE_SPEAKERS = re.compile(
    r"(?i:(?:conducted|interviewed|transcribed|translated|edited|moderated|recorded|photos?|"
    r"durchgeführt|geführt|übersetzt|transkribiert|traduite?|transcrite?)[^\S\n]*)$")
"""Words before a byline naming who asked, wrote down or translated ('Conducted by William
Berge', 'Transcribed by …'): not whose words the text holds."""


@dataclass
class Drafted:
    """The quotations proposed for a text and how its kind was decided."""

    kind: str
    quotes: list[Candidate]
    speaker: tuple[str | None, str, str] | None = None
    """For a statement: (id, name, role) of the one speaker, and where it was found."""
    speaker_from: str = ""
    """For a statement: the words of its title, byline or label that name the speaker."""
    entries: list[tuple[int, str]] = field(default_factory=list)
    """For a live blog: (offset, time words) where each entry starts."""
    release: bool = False
    """For a statement: a press office's release, quoting its issuer, not a speech."""


def live_entries(layout: Layout) -> list[tuple[int, str]]:
    """(offset, time or dateline) of each entry when paragraphs open with a time or a wire
    dateline ('19:52', '11.08am BST', '+++ 17:30', 'MOSCOW, 2 Dec -')."""
    found = []
    for s, e in layout.paras:
        bullet = _BULLET.match(layout.text, s, e) or _DASHED_TIME.match(layout.text, s, e)
        s = bullet.end() if bullet else s
        m = _TIMESTAMP.match(layout.text, s, e) or _WIRE_DATELINE.match(layout.text, s, e)
        if m is not None:
            found.append((s, m.group().strip(" +:.-–—")))
        elif (update := _UPDATED_AT.fullmatch(layout.text[s:e].strip())) is not None:
            found.append((s, update.group("time")))
        # '… in Rio. - 3.24 p.m. - “All these …”': an entry's time set off by dashes mid-line,
        # as a page whose entries were run together prints it.
        for inline in _INLINE_TIME.finditer(layout.text, s + 1, e):
            found.append((inline.end(), inline.group("time")))
    return found


def item_headlines(layout: Layout) -> list[int]:
    """Offsets of the headlines of a live page's items when it prints no times: short lines
    below the title that do not end as sentences do, each over a paragraph of news."""
    text, paras = layout.text, layout.paras
    found = []
    for i in range(1, len(paras) - 1):
        line = text[paras[i][0]:paras[i][1]].strip()
        words = len(line.split())
        following = text[paras[i + 1][0]:paras[i + 1][1]]
        if (2 <= words <= 14 and line[:1].isupper() and not line.endswith(_SENTENCE_ENDS)
                and line[:1] not in "-–—" and len(following.split()) >= 15
                and not line.isupper() and not is_dateline(line) and not is_label(line)
                and attribution_line(line, None) is None):
            found.append(paras[i][0])
    return found


def _short_items(layout: Layout) -> bool:
    """Whether the text is a run of items under headlines, as a live page without times is:
    three headlines below the title, or two where no item runs over four paragraphs."""
    heads = [layout.para_index(at) or 0 for at in item_headlines(layout)]
    if len(heads) >= 3:
        return True
    bounds = [0, *heads, len(layout.paras)]
    return len(heads) == 2 and all(b - a <= 5 for a, b in itertools.pairwise(bounds))


_SENTENCE_ENDS = (".", "!", "?", ":", ";", ",", "…", "»", "”", "\"", "“")


def _first_person_share(layout: Layout, paras: list[tuple[int, int]]) -> float:
    hits = sum(bool(FIRST_PERSON.search(layout.text, s, e)) for s, e in paras)
    return hits / len(paras) if paras else 0.0


_YOURS = re.compile(r"(?<![\w’'-])(?:votre|vos|Votre|Vos|your|Your|euer|eure\w*|Ihnen|ваш\w*|"
                    r"Ваш\w*|вам|вас)(?![\w’'-])")
"""Words a speaker addresses the audience with: 'votre attention', 'your questions'."""


def _spoken_share(layout: Layout, paras: list[tuple[int, int]]) -> float:
    """Share of paragraphs speaking for oneself or to the audience."""
    hits = sum(bool(FIRST_PERSON.search(layout.text, s, e) or _YOURS.search(layout.text, s, e))
               for s, e in paras)
    return hits / len(paras) if paras else 0.0


def _marked_share(layout: Layout, paras: list[tuple[int, int]]) -> float:
    hits = sum(any(c in layout.text[s:e] for c in QUOTE_CHARS) for s, e in paras)
    return hits / len(paras) if paras else 0.0


def decide_kind(layout: Layout, turns: list[Turn], registry: Registry) -> str:
    """The kind of text, from its turns, its datelines, its heading, whether it speaks in the
    first person and whether it reports anyone."""
    speakers = {t.label for t in turns if t.role == "speaker"}
    if len(turns) >= 2 and (len(speakers) >= 2 or any(t.role != "speaker" for t in turns)):
        return TRANSCRIPT
    if turns and SPEAKER_LIST.search(layout.text, 0, turns[0].start):
        return TRANSCRIPT  # a press conference's record, cut after its first turn
    if not turns and unlabelled_answers(layout):
        return TRANSCRIPT  # an interview printed without labels: questions, then answers
    # Two entries, told apart by their times or datelines (a page that prints its one
    # dateline twice is still one article).
    title = layout.text[slice(*layout.paras[0])][:300] if layout.paras else ""
    if (len({words for _, words in live_entries(layout)}) >= 2
            # A page's summary may come first: 'welcome to our live coverage' under it.
            or _LIVE_TITLE.search(layout.text[:1500]) or _LIVE_WORD.search(title)
            or _short_items(layout)):
        return LIVE
    body = layout.paras[1:] or layout.paras
    long_paras = [(s, e) for s, e in body if len(layout.text[s:e].split()) >= 12]
    # A speech speaks in the first person and reports no one; an article about it quotes.
    # A first paragraph of 25 words or more is a lead, not a title: whether it reports someone
    # ('… Антон Силуанов заявил, что …') counts too.
    lead = [p for p in layout.paras[:1] if len(layout.text[p[0]:p[1]].split()) >= 25]
    speechy = (_first_person_share(layout, long_paras) >= 0.4
               or _reporting_share(layout, lead + long_paras) < 0.1)
    # Block quotes over a line naming their speaker ('Jens Stoltenberg, NATO Secretary-General')
    # are an article quoting someone, not the speech itself.
    paras = layout.paras
    # A name on the last line of a text that opens by addressing its readers ('Chères
    # administrées, chers administrés, … / Hervé BRUYERE') signs it.
    # A signature of several lines ('Владимир Дегтярь, / генеральный директор, / …') too.
    # 'WHILE I HAVE experienced … / Many thanks … / Jane Example, Music Director, City
    # Orchestra': so does a name and office on the last line of a letter in the first person,
    # with no salutation above.
    letter = (len(long_paras) >= 2 and _first_person_share(layout, long_paras) >= 0.6
              and _signature_line(layout, registry) is not None)
    signed = _signature_block(layout) if _opens_with_salutation(layout) or letter else range(0)
    if letter and not signed:  # a signature line longer than the block's lines
        signed = range(len(layout.paras) - 1, len(layout.paras))
    attributed = any(
        attribution_line(layout.text[s:e], registry.exact) is not None
        and len(layout.text[paras[i - 1][0]:paras[i - 1][1]].split()) >= 8
        and not _caption_inside_sentence(layout, i)
        for i, (s, e) in enumerate(paras) if i >= 3 and i not in signed)
    # So are quotations signed after them ('“…,” said X', '— …, — отметил глава государства').
    # ('… hat 2022 zum „Jahr der Frauen“ erklärt': a term in marks before the sentence's verb,
    # no comma or dash between, nor one closing the words inside: nothing signed.)
    attributed = attributed or any(
        _signed_at(layout.text, m.end()) and (
            any(c in m.group() for c in ",—–-") or layout.text[m.start() - 1:m.start()] in ",!?…")
        for m in _SIGNED.finditer(layout.text, 0, 200_000))
    if turns or (_SPEECH_TITLE.search(layout.text[:600]) and speechy and not attributed
                 and _marked_share(layout, long_paras) < 0.5):
        return STATEMENT
    if not attributed and _addressed_in_person(layout, long_paras):
        return STATEMENT
    # 'Message from Jane Example, director of …' over paragraphs in the first person, signing
    # no quotation: the message itself, printed whole in marks or not.
    if (not attributed and _first_person_share(layout, long_paras) >= 0.4
            and _heading_naming_speaker(layout, registry, long_paras[0][0] if long_paras
                                        else 0) is not None):
        return STATEMENT
    if not attributed and letter:
        return STATEMENT  # the writer's statement
    if not attributed and (_statement_in_marks(layout) or _introduced_speech(layout)):
        return STATEMENT
    if (_statement_after_colon(layout) or _headed_as_statement(layout)
            or _excerpts_below(layout) or _comment_announced(layout) is not None):
        return STATEMENT
    return NEWS


def _caption_inside_sentence(layout: Layout, index: int) -> bool:
    """Whether paragraph `index` stands inside a sentence, as a picture's caption a page
    printed into the text ('… gehören langsam aber sicher der / Ullrich Krause (DSB) /
    Vergangenheit an, …'): it signs nothing above it."""
    if not 0 < index < len(layout.paras) - 1:
        return False
    above = layout.text[slice(*layout.paras[index - 1])].rstrip()
    below = layout.text[slice(*layout.paras[index + 1])].lstrip()
    return above[-1:].isalpha() and below[:1].islower()


_EXCERPTS = re.compile(
    r"(?i:(?:below|here|following)\s+(?:are|is)\s+(?:some\s+)?(?:excerpts|extracts|highlights)"
    r"|(?:voici|ci-dessous)\s+(?:des\s+|quelques\s+)?extraits|(?:im\s+folgenden|hier)\s+"
    r"(?:einige\s+)?auszüge|ниже\s+(?:приводятся|публикуются)\s+(?:выдержки|фрагменты))"
    r"\s+(?:from|of|de|du|aus|из)\b")


def _excerpts_below(layout: Layout) -> bool:
    """Whether the text is excerpts of one speech under a lead announcing them ('Below are
    excerpts from his speech at the National Press Club'), every paragraph after it in marks:
    the speaker's statement, as a press office releases it."""
    paras = layout.paras
    first = next((i for i, (s, e) in enumerate(paras[:3])
                  if _EXCERPTS.search(layout.text, s, e)), None)
    if first is None:
        return False
    rest = [layout.text[s:e].strip() for s, e in paras[first + 1:]]
    return bool(rest) and all(para[:1] in "“«„\"" for para in rest)


def _asked_before(layout: Layout, turns: list[Turn], addressed: bool = True) -> bool:
    """Whether an unlabelled question to someone stands right above a labelled turn, as a
    paper prints an interview: its questions in bold without a label, the answers with one;
    not `addressed` when the question need not say 'you' ('Wann wird es zu sehen sein?')."""
    for turn in turns:
        index = layout.para_index(turn.start)
        if index is None:
            continue
        if layout.text[layout.paras[index][0]:turn.start].strip() == "" and index > 0:
            index -= 1  # the label on its own line above the answer
        if index == 0:
            continue
        s, e = layout.paras[index - 1]
        above = layout.text[s:e].strip()
        if above.endswith("?") and len(above.split()) <= 40 and (
                SECOND_PERSON.search(above) or not addressed) \
                and not any(t.start <= s < t.end for t in turns):
            return True
    return False


def _signature_block(layout: Layout) -> range:
    """The indices of the short lines that end the text, as a signature runs its name and
    offices over several lines."""
    start = len(layout.paras)
    while start > 1 and len(layout.text[slice(*layout.paras[start - 1])].split()) <= 6:
        start -= 1
    return range(start, len(layout.paras))


_STATEMENT_INTRO = re.compile(
    r"(?i)(?:following statement|the statement below|folgendes statement|folgende erklärung|"
    r"folgende stellungnahme|la déclaration suivante|le communiqué suivant|"
    r"следующее заявление|следующим заявлением)\s*:\s*[“«„\"]")
# The words that introduce a statement in marks in the same paragraph ('gibt die
# Polizeipräsidentin Anja Hamann folgendes Statement: "Ich …').


def _statement_after_colon(layout: Layout) -> bool:
    """Whether one of the first three paragraphs introduces the statement that follows in
    marks ('… gibt … folgendes Statement: "Ich bin froh …'): a press office's release."""
    return any(_STATEMENT_INTRO.search(layout.text, s, e) for s, e in layout.paras[:3])


_STATEMENT_HEADING = re.compile(
    r"(?i)(?:statement|stellungnahme|erklärung|déclaration|communiqué|заявление)"
    r"(?:\s+(?:on|by|from|regarding|about|of|der|des|zu|zum|zur|du|de|sur|по|о))\s"
    # A rubric ('Communiqué de presse') over an article says nothing of whose words follow.
    r"(?!(?:la\s+)?press)")


_BODY = r"((?:[" + UPPER + r"][\w’'\-]*[^\S\n]+){0,3}[" + UPPER + r"][\w’'\-]*)"
_WISHES_TO_COMMENT = re.compile(
    r"(?:möchten|möchte|wollen|will)[^\S\n]+(?:der|die|das)[^\S\n]+" + _BODY
    + r"(?:,[^.,]{0,200},)?[^.]{0,40}?[^\S\n]Stellung[^\S\n]+(?:nehmen|beziehen)"
    r"|The[^\S\n]+" + _BODY + r"(?:,[^.,]{0,200},)?[^\S\n]+(?:would like|wishes|wish)"
    r"[^\S\n]+to[^\S\n]+(?:comment|respond)"
    r"|(?:Les?|La|L['’])[^\S\n]*" + _BODY + r"(?:,[^.,]{0,200},)?[^\S\n]+(?:souhaitent|souhaite"
    r"|tiennent[^\S\n]+à|tient[^\S\n]+à)[^\S\n]+réagir")
"""A body saying in the opening paragraph that it will comment: 'Zur Mitteilung … möchten die
Münchner Wiesnwirte, vertreten durch …, gerne Stellung nehmen', 'The Residents' Association
would like to comment on …'."""


def _comment_announced(layout: Layout) -> str | None:
    """The body whose statement the opening paragraph announces, its points below in the
    first person plural: its own release, not an article about it."""
    if not layout.paras:
        return None
    s, e = layout.paras[0]
    found = _WISHES_TO_COMMENT.search(layout.text, s, e)
    if found is None:
        return None
    rest = [(ps, pe) for ps, pe in layout.paras[1:] if len(layout.text[ps:pe].split()) >= 12]
    if not rest or _first_person_share(layout, rest) < 0.4:
        return None
    return next(g for g in found.groups() if g)


def _headed_as_statement(layout: Layout) -> bool:
    """Whether the text's heading (below a dateline) opens by naming it a statement
    ('Statement on Arrests Made at …', 'Statement der Polizeipräsidentin zum …'): a release
    names itself so, an article about one names its speaker first."""
    for s, e in layout.paras[:2]:
        line = layout.text[s:e].strip()
        if len(line.split()) <= 16 and _STATEMENT_HEADING.match(line):
            return True
    return False


def _introduced_speech(layout: Layout) -> bool:
    """Whether the text is one statement printed without marks under a line that introduces
    it ('Zur aktuellen Dürre erklärt Bundesministerin Anna Beispiel:'): a press office's
    release, whose paragraphs after that line quote no one and speak in the first person."""
    paras = layout.paras
    first = next((i for i, (s, e) in enumerate(paras[:4]) if layout.text[s:e].rstrip()
                  .endswith(":") and len(layout.text[s:e].split()) <= 40
                  and speech_verb(layout.text[s:e]) is not None), None)
    if first is None:
        return False
    rest = [(s, e) for s, e in paras[first + 1:] if len(layout.text[s:e].split()) >= 12]
    return (bool(rest) and _marked_share(layout, rest) == 0
            and _first_person_share(layout, rest) >= 0.5)


def _statement_in_marks(layout: Layout) -> bool:
    """Whether the text is one statement printed in quotation marks under a line that
    introduces it ('Mayor Lisa Brown issued the following statement …:', or by a verb of
    speech over one paragraph), every paragraph after that line opening with a mark, as a
    press office prints it."""
    paras = layout.paras
    first = next((i for i, (s, e) in enumerate(paras[:3])
                  if layout.text[s:e].rstrip().endswith(":")), None)
    if first is None:
        return False
    intro = layout.text[slice(*paras[first])]
    rest = [layout.text[s:e].strip() for s, e in paras[first + 1:]]
    if len(intro.split()) > 40 or not rest or not all(para[:1] in "“«„\"" for para in rest):
        return False
    # 'Zur heutigen Sitzung … erklärt Iris Beispiel, Geschäftsführerin des …:' over one
    # paragraph in marks, all the release says: the introduced speaker's statement.
    return (len(rest) >= 2 and _SPEECH_TITLE.search(intro) is not None) or (
        len(rest) == 1 and speech_verb(intro) is not None and rest[0][-1:] in "”»“\"")


def _addressed_in_person(layout: Layout, long_paras: list[tuple[int, int]]) -> bool:
    """Whether the text is a speech or a message itself, whatever its heading says (or when it
    has none): it opens with salutations ('Herr Bundestagspräsident!', 'Mesdames et
    Messieurs,'), or it speaks in the first person throughout, quoting and reporting no one."""
    if salutation_lines(layout) >= 2 and _marked_share(layout, long_paras) < 0.3:
        return True
    if len(long_paras) < 2:
        # 'Liebe Gäste, wir erleben …' in one paragraph: a notice to its readers, reporting
        # and quoting no one.
        return (len(long_paras) == 1 and _opens_with_salutation(layout)
                and _reporting_share(layout, long_paras) < 0.1
                and _quoting_share(layout, long_paras) < 0.3)
    if (_first_person_share(layout, long_paras) >= 0.6 and _marked_share(layout, long_paras) == 0
            and _reporting_share(layout, long_paras) < 0.25):
        return True
    # A spokesman's briefing relays others ('le président a indiqué que …') but speaks to its
    # audience throughout ('Je vais vous rendre compte …', '… retiendra votre attention'),
    # quoting nothing in marks: his own words, not an article about them.
    if (_spoken_share(layout, long_paras) >= 0.6 and _marked_share(layout, long_paras) == 0
            and _reporting_share(layout, long_paras) < 0.5):
        return True
    # Marks around a name or a term ('«ТеплоБот»', 'sur le " pont "') quote no one: a text
    # that reports no one and quotes no sentence is the speaker's own, when it opens by
    # addressing its audience ('Уважаемые горожане! …') or speaks in the first person.
    own_words = (_reporting_share(layout, long_paras) < 0.1
                 and _quoting_share(layout, long_paras) < 0.3)
    if own_words and (_opens_with_salutation(layout)
                      or _first_person_share(layout, long_paras) >= 0.6):
        return True
    # A letter to its readers that cites an author once or twice ('CICERON disait : « … »')
    # is still the writer's own; so is one in the first person in every paragraph, whatever
    # it cites ('j’ai dit … que j’étais « un homme libre »').
    first_person = _first_person_share(layout, long_paras)
    return _opens_with_salutation(layout) and (first_person == 1 or (
        first_person >= 0.6 and _reporting_share(layout, long_paras) <= 0.25
        and _quoting_share(layout, long_paras) <= 0.25))


_QUOTED = re.compile(r"[«“„\"]([^«»“”„\"\n]{1,600})[»”“\"]")


def _quoting_share(layout: Layout, paras: list[tuple[int, int]]) -> float:
    """Share of paragraphs that quote a stretch of six words or more: a quotation, not a name
    or a term in marks ('der "Besonderen Ernte- und Qualitätsermittlung"')."""
    hits = sum(any(len(m.group(1).split()) >= 6 for m in _QUOTED.finditer(layout.text, s, e))
               for s, e in paras)
    return hits / len(paras) if paras else 0.0


def _opens_with_salutation(layout: Layout) -> bool:
    """Whether one of the first three lines, or the first sentence of one, addresses the
    audience ('Monsieur le Proviseur, Mesdames et messieurs,', 'Уважаемые горожане! С …'):
    under a heading and a page's rubric or date line ('Главные новости 03.10.2019') too, and
    the line right above the first paragraph, under a page's breadcrumbs and dates."""
    for i in _opening_indices(layout):
        line = layout.text[slice(*layout.paras[i])].strip()
        first = re.split(r"(?<=[!])\s+", line, maxsplit=1)[0]
        for part in {line, first}:
            if (len(part.split()) <= 8 and part.endswith(("!", ","))
                    and (_ADDRESSED.match(part) or _SALUTATION.fullmatch(part))):
                return True
        # 'Дорогие друзья, коллеги, … поздравляю Вас с праздником!': a greeting's first
        # line, however long, opening on the salutation.
        opening = line.split(",", 1)[0] + ","
        if line.endswith("!") and "," in line and len(opening.split()) <= 3 \
                and _SALUTATION.fullmatch(opening):
            return True
        if _glued_salutation(line) is not None:
            return True
    return False


def _opening_indices(layout: Layout) -> list[int]:
    """The paragraphs a letter's salutation may stand in: the first three, and the one right
    above the first long paragraph."""
    body = next((i for i, (s, e) in enumerate(layout.paras[:10])
                 if len(layout.text[s:e].split()) >= 12), 0)
    return sorted({*range(min(3, len(layout.paras))), *range(max(body - 1, 0), body)})


_GLUED_SALUTATION = re.compile(r"[^\W\d_][\w’'\-]*(?: [\w’'\-]+){0,3}, (?=[^\W\d_])")
"""A few words and a comma, then a word: where a salutation may run on into the letter."""


def _glued_salutation(para: str) -> int | None:
    """Where the letter starts after the salutations its first paragraph opens on, its first
    sentence going on after the comma in lower case ('Liebe Gäste, wir erleben …', 'Chères
    étudiantes, chers étudiants, après …')."""
    if re.split(r"(?<=[.!?])\s", para, maxsplit=1)[0].endswith("!"):
        return None  # 'Дорогие друзья, коллеги, … поздравляю Вас с праздником!': a formula
    at = 0
    # Only a salutation's own words: 'Herr Müller, der …' or 'My father, who …' open a
    # sentence about someone.
    while (lead := _GLUED_SALUTATION.match(para, at)) is not None \
            and _SALUTATION.fullmatch(lead.group().strip()):
        at = lead.end()
    return at if at and para[at].islower() else None


_ADDRESSED = re.compile(
    r"(?:(?i:herr|frau|monsieur|madame|mesdames|messieurs|mr|mrs|madam|sir|excellenc\w*|"
    r"exzellenz\w*|господин\w*|госпож\w*|уважаем\w*|дорог\w*|liebe\w*|dear|chers?|chères?|"
    r"meine|my|ladies|distinguished|sehr geehrte\w*)\b)")


def _salutation_at(layout: Layout) -> int:
    """Where the first of the first lines that salute the audience starts ('Liebe
    Weihnachtsmarktbesucher,'); the text's end when none does."""
    return next((s for s, e in layout.paras[:6] if (line := layout.text[s:e].strip())
                 and len(line.split()) <= 8 and line.endswith(("!", ","))
                 and (_ADDRESSED.match(line) or _SALUTATION.fullmatch(line))), len(layout.text))


def salutation_lines(layout: Layout) -> int:
    """How many of the first lines are salutations, as a speech opens: short, addressing
    someone ('Herr Bundestagspräsident!', 'Exzellenzen!', 'Dear friends,', 'Уважаемые коллеги!')."""
    count = 0
    for s, e in layout.paras[:15]:
        line = layout.text[s:e].strip()
        if (len(line.split()) <= 8 and line.endswith(("!", ","))
                and (_ADDRESSED.match(line) or _SALUTATION.fullmatch(line))):
            count += 1
    return count


def _signed_at(text: str, at: int) -> bool:
    verb = speech_verb(text[at:at + 40])
    return verb is not None and verb.start() == 0


_SIGNED = re.compile(r"[”»\"“]\s*,?\s*[—–-]?\s*|,\s[—–-]\s")
"""The end of a quotation, where the words that sign it may follow."""


def _reporting_share(layout: Layout, paras: list[tuple[int, int]]) -> float:
    """Share of paragraphs in which someone is reported as saying something."""
    hits = sum(speech_verb(layout.text[s:e]) is not None for s, e in paras)
    return hits / len(paras) if paras else 1.0


def header_end(layout: Layout, speaker_name: str, named_as: str = "") -> int:
    """How many leading paragraphs are the transcript's header (title, date, byline); the
    speaker is `speaker_name`, named in the text as `named_as` ('Путина' for Vladimir Putin)."""
    last = 0
    for i, (s, e) in enumerate(layout.paras[:10]):
        para = layout.text[s:e]
        # 'Rede von Bundesratspräsidentin Malu Dreyer … Zusammen sind wir Deutschland!': a title
        # naming the speech and its speaker, whatever motto it runs into.
        titled = i == 0 and bool(speaker_name) and speaker_name.split()[-1] in para \
            and _SPEECH_TITLE.search(para[:60]) is not None
        if titled or (i == 0 and _quoted_again(layout, s, e)) \
                or _is_header_line(para, speaker_name) or (
                named_as and _a_name(named_as) and _is_header_line(para, named_as)):
            last = i + 1
        elif len(para.split()) >= 8:
            break
    return last


def _quoted_again(layout: Layout, start: int, end: int) -> bool:
    """Whether a line is wholly in marks and its words are printed again below it („Wir sind
    voll des Dankes …“ over the statement that says so): a heading quoting the statement."""
    line = layout.text[start:end].strip()
    inner = line.strip(QUOTE_CHARS).strip()
    return (line[:1] in QUOTE_CHARS and line[-1:] in QUOTE_CHARS and len(inner.split()) >= 3
            and layout.text.find(inner, end) >= 0)


def _a_name(words: str) -> bool:
    """Whether words are a name as the text gives it ('Путина', 'M.V. Savchenko'), not a
    byline's phrase ('by Minister Jane Doe on the floods') whose last word is no surname."""
    return bool(words.split()) and all(w[:1].isupper() for w in words.split())


def _is_header_line(para: str, speaker_name: str) -> bool:
    """A title, dateline, byline or note above a transcript, not its speech."""
    words = len(para.split())
    if para.startswith("(") or (para.rstrip().endswith(":") and words < 40):
        return True
    if FIRST_PERSON.search(para):
        return False
    names_speaker = bool(speaker_name) and speaker_name.split()[-1] in para
    # '- Réponse du président à un article du Jo...': a breadcrumb cut short, no sentence.
    untitled = not para.rstrip().endswith((".", "!", "?", "…", "»", "”", "\"")) or bool(
        re.search(r"\w(?:\.\.\.|…)$", para.rstrip()))
    return (words < 8 or names_speaker or (bool(re.search(r"\d{4}", para)) and words < 25)
            or (untitled and words < 25))


_PARTICLES = frozenset({"de", "von", "van", "der", "le", "la"})


def _leading_name(words: str) -> str:
    """The capitalised words a byline opens with, up to the first that names no one: 'Hans
    Schaidinger' of 'Oberbürgermeister Hans Schaidinger anlässlich des Neujahrsempfangs der
    Stadt', 'Vincent Chauvet' of 'Vincent Chauvet aux Autunois'."""
    run: list[str] = []
    for word in words.split():
        if word[:1].isupper() or (run and word in _PARTICLES):
            run.append(word)
        elif run or word.casefold() not in {"the", "le", "la", "les", "der", "die", "des"}:
            break
    while run and run[-1] in _PARTICLES:
        run.pop()
    return " ".join(run)


def statement_speaker(layout: Layout, registry: Registry, speech_first: bool = False
                      ) -> tuple[tuple[str | None, str, str], str] | None:
    """The one speaker of a statement, from its title or byline: ((id, name, role), words);
    `speech_first` when the speech may start without a heading, naming others, not its
    speaker."""
    head = layout.text[:max(layout.paras[min(5, len(layout.paras) - 1)][1], 0)][:1200]
    # The speech itself does not name its speaker: 'During the summit, we discussed …, and
    # Central Bank President Draghi emphasised …' is no byline.
    speech = next((s for s, e in layout.paras[:6] if len(layout.text[s:e].split()) >= 20
                   and FIRST_PERSON.search(layout.text, s, e)), None) if speech_first else None
    if speech is not None:
        head = head[:speech]
        if speech == 0:
            # A letter opening on its speech, no heading above: only its signature names
            # who writes it ('… / Jane Example, Music Director, City Orchestra').
            return _signature_line(layout, registry)
    if (headed := _heading_naming_speaker(layout, registry, len(head))) is not None:
        return headed
    dated = SpanSet()
    for date in DATE_RE.finditer(head):
        dated.add(*date.span())
    hits = [h for h in registry.find(head) if not dated.overlaps(h[0], h[1])]
    persons = [h for h in hits if registry.is_person(h[2])
               and not (_surname_alone(registry, head[h[0]:h[1]], h[2])
                        and _given_name_of(head, h[1]))]
    if persons:
        s, e, person_id = persons[0]
        return (person_id, registry.people[person_id].name, ""), head[s:e]
    for match in re.finditer(r"[" + UPPER + r"][\w’'\-]{2,}", head):
        word = match.group()
        if re.search(r"\d\.?[^\S\n]*$", head[max(match.start() - 4, 0):match.start()]) \
                or dated.overlaps(*match.span()):
            continue  # '17 Mai 2024', 'May 12th, 2011': a date's month, not Theresa May
        if word not in TITLE_WORDS and not _given_name_of(head, match.end()) \
                and (found := registry.surname(word)):
            return (found, registry.people[found].name, ""), word
    # '„… Erwartungen von Unternehmen …“': a byline is never words in marks.
    quoted = [m.span() for m in _QUOTED.finditer(head)]
    # 'Liebe Besucher, / … im Zeichen von Konsum …': no byline under the salutation.
    greeted = _salutation_at(layout)
    byline = next((m for m in _BYLINE.finditer(head, 0, greeted)
                   if not any(a < m.start() < b for a, b in quoted)
                   and not _NOT_THE_SPEAKERS.search(head, max(m.start() - 30, 0), m.start())),
                  None)
    if byline and _ARTICLE_OPENS.match(byline.group("who")):
        byline = None  # 'Communiqué de la Fédération …', 'by the Ministry': a body, no byline
    if byline and (below := _name_below_office(head, byline)) is not None:
        return (None, below, byline.group("who").strip()), f"{byline.group(0)} {below}"
    if byline:
        who = byline.group("who")
        named = proper_name(_leading_name(who))
        if named is not None:
            role = who.split(",", 1)[1].strip() if "," in byline.group(0) + who else ""
            rest = head[byline.end():].split("\n", 1)[0]
            if not role and rest.startswith(","):
                role = rest[1:].split(",")[0].strip()
            name = full_name_in(layout.text, named[0].split()[-1]) or named[0]
            name = proper_case(name) if name.isupper() else name
            return (None, name, role or named[1]), byline.group(0).strip()
    if (introduced := _introducer_name(layout, registry)) is not None:
        return introduced
    if (body := _comment_announced(layout)) is not None:
        found = registry.resolve(body)
        return ((found, registry.people[found].name, "") if found else (None, body, "")), body
    title = layout.text[layout.paras[0][0]:layout.paras[0][1]] if layout.paras else ""
    # The blog's name above the post names who writes it, not the blog.
    if (owner := blog_owner(title.split("\n")[0])) is not None and could_be_speaker(owner) \
            and not is_institution(owner) and not lower_case_elsewhere(layout.text, owner):
        found = registry.resolve(owner)
        return ((found, registry.people[found].name, "") if found
                else (None, owner, "")), title.split("\n")[0].strip()
    if is_dateline(title) and len(layout.paras) > 1:
        # '30 августа 2014 г. суббота, 15:59:39' above 'Виктор Павленко поздравляет …': the
        # heading is under the page's date line.
        title = layout.text[slice(*layout.paras[1])]
    heading = _governed_heading(layout, len(head))
    if heading and (title.startswith(heading) or (
            (named := named_subject(heading)) is not None and " " in named[0])):
        title = heading
    if (named := named_subject(title)) is not None and " " in named[0] \
            and not is_institution(named[0]) and not lower_case_elsewhere(layout.text, named[0]) \
            and not named[0].split()[0].lower().startswith(_GOVERNING):
        # 'Обращение Главы города …' is the speech's own noun and an office, not a name.
        # 'Выступление Сергея Шойгу на …', 'Remarks of Mayor John Smith': a name in the title,
        # in the nominative where a Russian title puts it in the genitive.
        # 'Поздравление … мэра Ярославля Артёма Молчанова': a governing noun anywhere before.
        genitive = any(w.lower().startswith(_GOVERNING)
                       for w in title[:title.find(named[0])].split())
        role = named[1].split(" ", 1)[1] if genitive and named[1].lower().startswith(
            _GOVERNING) and " " in named[1] else named[1]
        return (None, nominative(named[0]) if genitive else named[0], role), named[0]
    if (initial := _INITIAL_NAME.search(title)) is not None:
        # 'Обращение губернатора области А.Винникова …': an initial and a surname, no first
        # name to make up; in the nominative after a governing noun.
        surname = initial.group(2)
        governed = any(w.lower().startswith(_GOVERNING) for w in title[:initial.start()].split())
        name = f"{initial.group(1)}. {genitive_surname(surname) if governed else surname}"
        found_id = registry.resolve(name)
        if found_id is not None:
            return (found_id, registry.people[found_id].name, ""), initial.group()
        return (None, name, ""), initial.group()
    if (line := _name_line(layout, len(head))) is not None:
        return (None, line, ""), line
    if (signed := _signature(layout, registry)) is not None:
        return signed
    if (introduced_as := _self_introduced(layout)) is not None:
        found = registry.resolve(introduced_as)
        return ((found, registry.people[found].name, "") if found
                else (None, introduced_as, "")), introduced_as
    if hits:
        s, e, org = hits[0]
        return (org, registry.people[org].name, ""), head[s:e]
    return None


_MY_NAME_IS = re.compile(
    r"(?:(?i:my name is|mon nom est|je m['’]appelle|mein name ist|ich heiße)|"
    r"(?:Меня|меня) зовут)[^\S\n]+(?P<name>[" + UPPER + r"][\w’'\-]+(?:[^\S\n]+[" + UPPER
    + r"][\w’'\-]+){0,2})")
"""The writer introducing themselves: 'My name is Jane Example', «Меня зовут Ольга»."""


def _self_introduced(layout: Layout) -> str | None:
    """The name a letter's writer gives themselves in its first paragraphs ('Меня зовут Ольга,
    я работаю в фонде …'), when no heading, byline or signature names them."""
    for s, e in layout.paras[:8]:
        if (m := _MY_NAME_IS.search(layout.text, s, e)) is not None:
            return m.group("name")
    return None


_OWN_HEADING = re.compile(
    r"(?:Message|Botschaft|Erklärung|Statement|Déclaration|Communiqué|Discours|Allocution|Rede|"
    r"Ansprache|Grußwort|Remarks|Speech|Address)\s+(?:by|of|from|des|der|von|du|de)\s")
"""A heading naming the text and whose it is: 'Erklärung des Erzbischofs …', 'Statement by …'."""
_TOPIC = re.compile(r"(?<![\w-])(?:on|about|regarding|to|zum|zur|zu|über|sur|à propos)(?![\w-])")


def _heading_naming_speaker(layout: Layout, registry: Registry, before: int
                            ) -> tuple[tuple[str | None, str, str], str] | None:
    """The speaker a heading above the statement names as its author ('Erklärung des
    Erzbischofs von München und Freising, Kardinal Reinhard Marx, zum Papstrücktritt'), before
    anyone the lines under it name ('Zum Rücktritt des Heiligen Vaters Benedikt XVI. …'); a
    name after the topic ('Statement on the death of Queen …') is not the author."""
    for s, e in layout.paras[:4]:
        if s >= before:
            break
        line = layout.text[s:e].strip()
        own = _OWN_HEADING.match(line)
        # 'Communiqué de la Fédération …': a body's own release, no person's.
        if len(line.split()) > 20 or own is None or _ARTICLE_OPENS.match(line, own.end()):
            continue
        named = named_subject(line)
        if named is None or " " not in named[0] or _TOPIC.search(line[:line.find(named[0])]):
            continue
        found = registry.resolve(named[0])
        if found is None and named[1].split()[-1:] in (["des"], ["der"], ["of"]):
            continue  # 'Message du Recteur des Sanctuaires de Lourdes': whose office, not who
        # The office between the noun and the name: 'Président de la FFE'.
        office = line[own.end():line.find(named[0])].strip(" ,")
        return ((found, registry.people[found].name, "") if found
                else (None, named[0], office)), named[0]
    return None


def _name_below_office(head: str, byline: re.Match[str]) -> str | None:
    """The name on the line under a byline that gives only an office ('Von
    Oberbürgermeister' / 'Thomas Thumann'), as a manuscript's heading prints it."""
    who = byline.group("who").strip()
    if not who or any(w not in TITLE_WORDS for w in who.split()) \
            or head[byline.end():byline.end() + 1] != "\n":
        return None
    line = head[byline.end() + 1:].split("\n", 1)[0].strip()
    name = strip_titles(line)
    if _NAME_LINE.fullmatch(name) and could_be_speaker(name) \
            and not any(w in TITLE_WORDS for w in name.split()):
        return name
    return None


def _surname_alone(registry: Registry, words: str, person_id: str) -> bool:
    """Whether `words` are a person's surname alone ('Philippe' of 'Édouard Philippe')."""
    return plain(words) == plain(registry.people[person_id].name).split(" ")[-1]


def _given_name_of(head: str, end: int) -> bool:
    """Whether the capitalised word ending at `end` is a first name, a surname following it on
    the same line ('DISCOURS DE PHILIPPE HOUDAYER'): not the registry's surname alone."""
    after = re.match(r"[^\S\n]+([" + UPPER + r"][\w’'\-]{2,})", head[end:])
    return after is not None and after.group(1) not in TITLE_WORDS \
        and could_be_speaker(after.group(1)) and not is_institution(after.group(1))


def _governed_heading(layout: Layout, before: int) -> str | None:
    """A heading above the speech that opens with a noun naming the speech and its speaker
    ('Поздравление губернатора … Евгения Иванова'), below a section label or a date."""
    for s, e in layout.paras[:6]:
        if s >= before:
            break
        words = layout.text[s:e].split()
        if len(words) <= 20 and words[0].lower().startswith(_GOVERNING):
            # 'Губернатора' is an office in the genitive, not a name's first word.
            # What follows 'с', 'к', 'на' is the occasion ('с Днём Победы'), not the speaker.
            line = " ".join(words[:1] + [w.lower() if _an_office(w) else w for w in words[1:]])
            return _OCCASION.sub("", line)
    return None


_OCCASION = re.compile(r"\s(?:с|со|к|на|по|в|во)\s[" + UPPER + r"][\w-]*(?:\s[" + UPPER
                       + r"][\w-]*)*")


def _an_office(word: str) -> bool:
    """Whether a capitalised word is a title in another case ('Губернатора', 'Министра')."""
    return any(word.casefold().startswith(t.casefold()) and len(word) - len(t) <= 2
               for t in TITLE_WORDS if len(t) >= 4)


def _introducer_name(layout: Layout, registry: Registry
                     ) -> tuple[tuple[str | None, str, str], str] | None:
    """The speaker a line introducing the statement names ('Zur Dürre erklärt
    Bundesministerin Anna Beispiel:', 'Minister Jane Doe made the following statement:')."""
    for s, e in layout.paras[:4]:
        line = layout.text[s:e].strip()
        sentences = layout.sentences_in(s, e)
        if len(sentences) > 1 and line.endswith(":") and not FIRST_PERSON.search(line):
            # 'Am 2. Juli ist der Tag der Seeleute. Dazu gratulierte Verbandschef Hans
            # Beispiel den Seeleuten:': the page's own narration, its last sentence introducing
            # the greeting below; a paragraph of the speech (in the first person) may end on
            # someone's words too, and introduces nothing.
            line = layout.text[sentences[-1][0]:e].strip()
        elif len(sentences) > 1:
            continue
        verb = speech_verb(line) or _GREETS.search(line)
        if not line.endswith(":") or len(line.split()) > 40 or verb is None:
            continue
        before = line[:verb.start()]
        named = named_subject(line[verb.end():]) or named_subject(before) or (
            # 'В связи с этим, глава агентства Пётр Иванов поздравил …:': the words opening
            # the sentence, set off by a comma, are no part of the subject.
            named_subject(before.rsplit(", ", 1)[1]) if ", " in before else None)
        if named is not None and " " in named[0]:
            found = registry.resolve(named[0])
            return ((found, registry.people[found].name, "") if found
                    else (None, named[0], named[1])), named[0]
    return _issuer_of_statement(layout, registry)


_GREETS = re.compile(
    r"(?<![\w-])(?:поздравил[аи]?|обратил(?:ся|ась|ись)|congratulated|greeted|"
    r"gratulierte|gratuliert|grüßte|grüßt|félicite|a félicité|a adressé|adresse)(?![\w-])")
"""Verbs by which a page introduces a greeting below it ('Пётр Иванов поздравил коллег с
праздником:', 'Hans Beispiel gratulierte den Mitgliedern:')."""
_ISSUED = re.compile(
    r"(?i:(?:issued|released|made|gave|delivered|has issued|has released) the following "
    r"statement|(?:a|ont) (?:fait|publié|diffusé) (?:la déclaration|le communiqué) suivante?|"
    r"(?:gab|gibt|hat) folgende[ns]? (?:Statement|Erklärung|Stellungnahme)|"
    r"(?:сделал|сделала|распространил|распространила) следующее заявление)")
"""Words by which a release introduces the statement below it ('issued the following
statement Thursday regarding …:')."""
_NAME_BEFORE = re.compile(r"((?:[" + UPPER + r"][\w’'\-]+[^\S\n]+){1,3}[" + UPPER
                          + r"][\w’'\-]+)[^\S\n]*,?[^\S\n]*$")


def _issuer_of_statement(layout: Layout, registry: Registry
                         ) -> tuple[tuple[str | None, str, str], str] | None:
    """The speaker named right before the words introducing the statement ('DES MOINES, Iowa
    -- Iowa Lottery CEO Terry Rich issued the following statement …:'), the office before the
    name as the role; never the dateline's place."""
    for s, e in layout.paras[:4]:
        line = layout.text[s:e].strip()
        issued = _ISSUED.search(line)
        if not line.endswith(":") or len(line.split()) > 40 or issued is None:
            continue
        run = _NAME_BEFORE.search(line[:issued.start()])
        if run is None:
            continue
        words = run.group(1).split()
        # 'Iowa Lottery CEO Terry Rich': the office and its body before the name.
        cut = max((n + 1 for n, w in enumerate(words[:-1])
                   if w in TITLE_WORDS or w.casefold() in ROLE_NOUNS or w.isupper()), default=0)
        name = " ".join(words[cut:])
        if len(words[cut:]) < 2 or not could_be_speaker(name) or is_institution(name):
            continue
        lead = line[:run.start(1)].rsplit("--", 1)[-1].rsplit(" – ", 1)[-1].strip(" ,")
        role = " ".join([lead, *words[:cut]]).strip() if cut else ""
        found = registry.resolve(name)
        return ((found, registry.people[found].name, "") if found
                else (None, name, role)), name
    return None


_SIGNED_INITIALS = re.compile(r"((?:[" + UPPER + r"]\.\s?){1,2})([" + UPPER
                              + r"][a-zßà-öø-ÿа-яё’'\-]{2,})$")


def _signature_line(layout: Layout, registry: Registry
                    ) -> tuple[tuple[str | None, str, str], str] | None:
    """Who signs a letter that has no heading nor salutation: its last line, a name and its
    office and no sentence ('Jane Example, Music Director, City Orchestra'); a closing
    sentence of thanks ('Thank you Anna, thank you Europe.') signs nothing."""
    if not layout.paras or layout.text[slice(*layout.paras[-1])].rstrip()[-1:] in ".!?…":
        return None
    return _signature(layout, registry)


def _signature(layout: Layout, registry: Registry
               ) -> tuple[tuple[str | None, str, str], str] | None:
    """Who signs a statement on its last line, under a closing formula or not: 'Bernard
    Auriol, Maire de la Ville.', 'Глава … городского округа М.В. Савченко' (initials kept)."""
    if len(layout.paras) < 3:
        return None
    last = layout.text[slice(*layout.paras[-1])].strip().split("\n")[-1].strip().rstrip(".")
    if (team := _TEAM.fullmatch(last)) is not None and len(last.split()) <= 10:
        # 'L’équipe de la bibliothèque Hergé', 'Ihr Team der Stadtbücherei': the staff sign
        # for the body they work for, whose notice it is.
        body = team.group("body").strip()
        found = registry.resolve(body)
        return ((found, registry.people[found].name, "") if found else (None, body, "")), last
    block = _signature_block(layout)
    lines = [layout.text[slice(*layout.paras[i])].strip() for i in block]
    signed = [line for line in lines if not _CLOSING.fullmatch(line)
              and not _YOURS.fullmatch(line) and not is_dateline(line)]
    # 'Mit närrischen Grüßen / Euer / Hans Beispiel': the lines under the last closing
    # formula are the signature, whatever short lines stand above it.
    closing = max((n for n, line in enumerate(lines)
                   if _CLOSING.fullmatch(line) or _YOURS.fullmatch(line)), default=-1)
    under = [line for line in lines[closing + 1:] if not is_dateline(line)] \
        if closing >= 0 else []
    office = " ".join(lines[:-1])
    if len(block) >= 2 and closing < 0 and _NAME_LINE.fullmatch(lines[-1]) \
            and could_be_speaker(lines[-1]) and office[:1].isupper() \
            and any(w[:1].islower() for w in office.split()) and office[-1:] not in "!?.," \
            and not FIRST_PERSON.search(office) and not SECOND_PERSON.search(office):
        # 'Председатель Объединения / профсоюзов России / Сергей Вострецов': the office over
        # its lines, then the name on the last.
        found = registry.resolve(lines[-1])
        return ((found, registry.people[found].name, "") if found
                else (None, lines[-1], office)), "\n".join(lines)
    if len(block) >= 2 and _opens_with_salutation(layout) and len(under) >= 2:
        # 'Ihr / Franz Josef Kraus / 1. Bürgermeister': under the writer's possessive, the
        # name, then its office.
        last = ", ".join(under[:2]).rstrip(",. ")
    elif len(block) >= 2 and _opens_with_salutation(layout):
        # A letter's signature over several lines: the name, then its first office ('Michel
        # Deneken / Président'), set apart as a comma would on one line.
        joint = ", " if _NAME_LINE.fullmatch(lines[0]) and lines[1][:1].isupper() else " "
        last = joint.join(lines[:2]).rstrip(",. ")
    elif len(signed) >= 2 and len(signed) < len(lines) and _CLOSING.fullmatch(lines[0]):
        # 'Yours sincerely / Ann Ballinger / General Secretary / 21 November 2011': the
        # name and its office under a letter's closing formula, the date below left aside.
        last = ", ".join(signed[:2]).rstrip(",. ")
    elif 1 <= len(under) <= 3:
        last = ", ".join(under[:2]).rstrip(",. ") if len(under) >= 2 else under[0].rstrip(",. ")
    # '+ Philippe Mousset, évêque de Périgueux': the cross a bishop signs before his name.
    last = re.sub(r"^[+†✠✝][^\S\n]*", "", last)
    if not last or len(last.split()) > 10 or last[-1:] in "!?":
        return None
    persons = [h for h in registry.find(last) if registry.is_person(h[2])]
    if persons:
        person_id = persons[0][2]
        return (person_id, registry.people[person_id].name, ""), last
    if (initials := _SIGNED_INITIALS.search(last)) is not None:
        name = f"{initials.group(1).replace(' ', '')} {initials.group(2)}"
        return (None, name, last[:initials.start()].strip(" ,")), last
    signer = _leading_name(last.split(",")[0]).strip()
    named = proper_name(signer)
    if named is not None and len(signer.split()) == 3 and _NAME_LINE.fullmatch(signer) \
            and not any(w in TITLE_WORDS or names_an_office(w) for w in signer.split()):
        named = (signer, "")  # 'Franz Josef Kraus': a signature's three names are all his
    if named is not None and " " in named[0] and named[0] == last \
            and (_opens_with_salutation(layout) or len(under) == 1):
        # 'Chères administrées, chers administrés, … / Hervé BRUYERE': a letter's signature,
        # the name alone.
        return (None, _proper_surname(named[0]), ""), last
    if named is None or " " not in named[0] or "," not in last:
        return None  # a name with its office after a comma, not a closing sentence
    return (None, named[0], last.split(",", 1)[1].strip()), last


_CLOSING = re.compile(
    r"(?i:yours (?:sincerely|faithfully|truly)|(?:yours )?sincerely|(?:with )?(?:best|kind|"
    r"warm)(?:est)? (?:wishes|regards)|regards|cordialement|bien (?:à vous|cordialement)|"
    r"(?:mit )?(?:freundlichen|herzlichen|besten) grüßen|с уважением|à bientôt|bis bald|"
    r"see you soon|до встречи)[,.!]?")
"""A letter's closing formula on a line of its own, above the signature."""
_YOURS = re.compile(r"(?i:euer|eure|ihr|ihre|dein|deine|yours|your friend|votre|vôtre|"
                    r"votre dévouée?|ваш|ваша|искренне ваш|искренне ваша)[,.!]?")
"""The writer's possessive of address, alone on its line above the name: 'Euer / Hans
Beispiel', 'Ваш / Пётр Иванов' — a closing formula too."""

_TEAM = re.compile(
    r"(?:(?i:toute\s+)?(?i:l['’]équipe|le personnel)\s+(?:de\s+la|de\s+l['’]|du|des|de)"
    r"|(?i:ihr\s+|euer\s+|das\s+)?(?:Team|Kollegium)\s+(?:der|des|vom)"
    r"|(?i:the\s+)?(?i:team|staff)\s+(?:of|at)(?:\s+the)?"
    r"|(?:Команда|Коллектив))\s+(?P<body>[\w" + UPPER + r"][^,.;:!?\n]{2,60})")
"""A team's signature for the body it works for: 'L’équipe de la bibliothèque Hergé', 'Ihr
Team der Stadtbücherei', 'The staff of the Town Library', 'Коллектив библиотеки'."""


def _proper_surname(name: str) -> str:
    """'Hervé BRUYERE' → 'Hervé Bruyere': a surname printed in capitals, in its own case."""
    return " ".join(proper_case(w) if w.isupper() and len(w) > 1 else w for w in name.split())


_NAME_LINE = re.compile(r"[" + UPPER + r"][\w’'\-]+(?:[^\S\n]+[" + UPPER + r"]\.)?"
                        r"(?:[^\S\n]+[" + UPPER + r"][\w’'\-]+){1,2}")


def _name_line(layout: Layout, before: int) -> str | None:
    """A line above the speech holding a name alone ('Nicky Morgan' under 'Secretary of State
    … Nicky Morgan addresses …'), as a government site prints its speaker: a name the text
    gives elsewhere too, so that no title-case heading is taken for one."""
    for s, e in layout.paras[:6]:
        if s >= before:
            break
        line = layout.text[s:e].strip()
        # 'Hon Jane Doe' over 'Minister of Health': the honorific dropped, the surname given
        # elsewhere too ('Doe: Speech to open …').
        name = strip_titles(line)
        seen = layout.text.count(line) >= 2 or (
            name != line and len(re.findall(r"\b" + re.escape(name.split()[-1]) + r"\b",
                                            layout.text)) >= 2)
        if (_NAME_LINE.fullmatch(name) and could_be_speaker(name) and seen
                and not any(w in TITLE_WORDS for w in name.split())):
            return name
    return None


_INITIAL_NAME = re.compile(r"(?<![\w.])((?:[" + UPPER + r"]\.\s?)?[" + UPPER + r"])\.\s?([" + UPPER
                           + r"][a-zßà-öø-ÿа-яё’'\-]{2,})")


_GOVERNING = ("выступлени", "заявлени", "интервью", "пресс-конференци", "обращени", "брифинг",
              "встреч", "речь", "слово", "ответы", "стенограмм", "беседа", "послание",
              "поздравлени")
"""Russian nouns of a title that put the speaker's name after them in the genitive."""
def spoken_paragraphs(layout: Layout, start_index: int, end: int | None = None,
                      start_at: int = 0, least: int = MIN_SPOKEN_WORDS) -> list[tuple[int, int]]:
    """The paragraphs from `start_index` on (within [start_at, end)) that are speech."""
    out: list[tuple[int, int]] = []
    in_list = welcoming = unquoted_list = acknowledging = False
    opening = _opening_indices(layout)
    for i, (s, e) in enumerate(layout.paras[start_index:], start_index):
        s = max(s, start_at)
        if end is not None and s >= end:
            break
        e = min(e, end) if end is not None else e
        words = layout.text[s:e].strip()
        listed = bool(out) and _LIST_ITEM.match(words) is not None and (
            in_list or layout.text[:out[-1][1]].rstrip().endswith(":")) and (
            out[-1][1] >= layout.paras[max(i - 1, 0)][1])
        if listed:
            # '… the following approach: / - we want to avoid …; / - we are open …': the list
            # goes on the sentence that introduces it, as one quotation.
            out[-1] = (out[-1][0], e)
            in_list = True
            continue
        in_list = False
        if unquoted_list and _LIST_ITEM.match(words) and (
                words[2:3].islower() or acknowledging):
            # 'The new building includes: / • three theatres': the items of a list whose
            # opening line is too short to quote are no quotations on their own, unless each
            # is a sentence ('Fast-forward to today: / - When a rocket launches …').
            continue
        unquoted_list = words.endswith(":")
        # 'I would like to acknowledge: / • Minister Jane Doe': whom the speech thanks.
        acknowledging = unquoted_list and _ACKNOWLEDGES.match(words) is not None
        s = _after_salutation(layout.text, s, e, glued=i in opening)
        words = layout.text[s:e].strip()
        # Too short to quote once stage directions ('(Laughter.)') are left aside, and
        # salutations ending in a comma ('Mesdames, messieurs qui avez participé à ce colloque,').
        spoken = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", words)
        # 'It may be. It may be.': a sentence said twice is said once.
        spoken = " ".join(dict.fromkeys(re.split(r"(?<=[.!?])\s+", spoken)))
        # 'Ich begrüße Sie alle sehr herzlich: / hier in der Rheingoldhalle, …': the welcome
        # goes on in a paragraph that opens in lower case.
        welcomed = _welcomes_guests(spoken) or (welcoming and words[:1].islower())
        welcoming = welcomed and words.endswith((":", ","))
        if word_count(spoken) < least or words.endswith(",") or _greetings_only(spoken) \
                or _page_furniture(words) or _salutation(spoken) or _thanks_only(spoken) \
                or welcomed or _wishes_only(spoken) or _ACKNOWLEDGES.match(spoken):
            continue
        unquoted_list = False
        out.append((s, e))
    return out


_WELCOME = re.compile(r"(?i:begrüß\w*|willkommen|gruß gilt|welcome|greet\w*|bienvenue|"
                      r"salue\w*|приветству\w*|поприветствова\w*|добро пожаловать)")
_PLEASED = re.compile(r"(?i:freue mich|freuen uns|pleased|glad|delighted|heureux|heureuse|ravie?|"
                      r"рад|рада|рады)\b")
_GUESTS = re.compile(r"(?<![\w-])(?:Herrn?|Frau|Mr|Mrs|Ms|Monsieur|Madame|Mme|Excellenc\w*|"
                     r"Exzellenz\w*|господин\w*|госпож\w*|Gäste\w*|guests|invités|гост(?:ей|ям|и)|"
                     r"(?i:liebe[nr]?|dear|sehr geehrte[nr]?|уважаем\w*|chers|chères))(?![\w-])")
"""Whom a welcome is addressed to: guests, or people by their honorific ('Herrn Paasch')."""


_WISH = re.compile(r"(?:(?:Я|Мы)\s+)?(?:Желаю|Желаем|желаю|желаем|Пусть)(?![\w-])"
                   r"|(?:I|We)\s+wish\s+(?:you|all|every)|May\s+(?:you|the new year|this)\b"
                   # A post's sign-off, its subject left out: 'Wishing everyone a speedy …'.
                   r"|Wishing\s+(?:you|all|every)"
                   r"|(?:Ich|Wir)\s+wünschen?\s+(?:Ihnen|euch|dir|allen)"
                   r"|(?:Je|Nous)\s+vous\s+souhait\w*")
"""A sentence of closing wishes: 'Желаем вам благополучия …', 'Пусть …', 'I wish you all …'."""

_WISH_GOES_ON = re.compile(r"(?:Чтобы|Чтоб|Dass|Que|Qu['’]|That)(?![\w’'-])")
"""A sentence going on the wish before it: 'Чтобы неистощимы были недра …'."""


_ACKNOWLEDGES = re.compile(
    r"(?:I|We)\s+(?:would|['’]d)\s+(?:also\s+)?like\s+to\s+(?:acknowledge|recogni[sz]e)\b"
    r"|(?:I|We)\s+(?:also\s+)?(?:want\s+to\s+)?acknowledge\b"
    r"|Je\s+(?:tiens|voudrais|souhaite)\s+(?:également\s+|aussi\s+)?à\s+saluer\b")
"""A paragraph opening the speech's acknowledgements of those present ('I would like to
acknowledge: • the Minister …'): a list of names, not a statement."""


def _wishes_only(para: str) -> bool:
    """Whether a paragraph only wishes its audience well, as a greeting closes ('Желаем вам
    крепкого здоровья. Пусть в ваших семьях …!'): a formula, not a statement. The wish may
    follow a few words naming the day ('В День народного единства желаю вам …'), and
    exclamations may follow it ('Мира и добра вашему дому! С Новым годом!')."""
    sentences = [p for p in re.split(r"(?<=[.!])\s+", para.strip()) if p]
    if not sentences:
        return False
    wish = _WISH.search(sentences[0])
    if wish is None or len(sentences[0][:wish.start()].split()) > 6:
        return False
    # 'Желаю, чтобы … . Чтобы неистощимы были недра …': the wish going on.
    return all(_WISH.match(p) or p.endswith("!") or _WISH_GOES_ON.match(p)
               for p in sentences[1:])


def _welcomes_guests(para: str) -> bool:
    """Whether a paragraph only welcomes guests ('Herzlich willkommen heiße ich auch Herrn
    Bundespräsidenten a.D. Wulf.', 'Ich begrüße Sie alle sehr herzlich:'): every sentence a
    welcome to people it names by their honorific, or one introducing the list that follows."""
    sentences: list[str] = []
    for part in re.split(r"(?<=[.!?:,])\s+", para.strip()):
        if sentences and (len(part.split()) <= 2
                          or not sentences[-1].endswith((".", "!", "?", ":"))):
            sentences[-1] += " " + part  # 'Herrn Bundespräsidenten a.D. Wulf.': one sentence
        elif part:
            sentences.append(part)
    return bool(sentences) and all(
        (_WELCOME.search(p) or _PLEASED.search(p))
        and (_GUESTS.search(p) or (p.endswith((":", ",")) and _WELCOME.search(p)))
        for p in sentences)


_OPENING_SALUTATION = re.compile(r"[^\n!.?]{3,80}!\s+(?=\S)")


def _after_salutation(text: str, start: int, end: int, glued: bool = False) -> int:
    """Where a paragraph's speech starts when it opens by addressing the audience ('Уважаемые
    горожане! С завтрашнего дня …'): after the salutation, which is no statement. A salutation
    running on into its sentence ('Liebe Gäste, wir erleben …') is left aside only where it
    opens a letter (`glued`): a deputy's turn opening on 'Уважаемые коллеги, я предлагаю …'
    is quoted whole."""
    lead = _OPENING_SALUTATION.match(text, start, end)
    if lead is None and glued and (glued_at := _glued_salutation(text[start:end])) is not None:
        return start + glued_at
    if lead is None or len(lead.group().split()) > 8:
        return start
    said = lead.group().strip()
    return lead.end() if _ADDRESSED.match(said) or _SALUTATION.fullmatch(said) else start


_LIST_ITEM = re.compile(r"[-–•·*]\s+\S")
_FIELD = re.compile(r"[A-ZÄÖÜÀ-ÖØ-ÞА-ЯЁ][\w’'\-]+(?:\([\w’'\-.]+\))?(?:\s\([^()\n]{0,40}\))?:\s")


def _page_furniture(para: str) -> bool:
    """A title in capitals, a 'Quelle: http://…' or 'Anrede: …' field of an archive's header:
    the page around a speech, not the speech."""
    letters = [c for c in para if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return True
    short = len(para.split()) <= 12
    return short and (bool(re.search(r"https?://|www\.", para)) or bool(_FIELD.match(para)))


_SALUTATION = re.compile(
    r"(?:(?i:уважаем|дорог|dear|liebe|sehr geehrte|cher|chère|mesdames|messieurs|ladies|"
    r"meine (?:sehr geehrten )?damen|my fellow|mes chers)\w*)(?:[ ,]+[\w’'\-]+){0,4}\s*[!,]?")
"""A salutation opening a speech: 'Уважаемые граждане России!', 'Liebe Mitbürgerinnen und
Mitbürger,', 'Mesdames et Messieurs,'."""
_GREETING = re.compile(
    r"(?i:good (?:morning|afternoon|evening)|hello|hi|thank you(?: (?:very much|all))?|thanks|"
    r"bonjour|bonsoir|merci(?: beaucoup)?|guten (?:tag|morgen|abend)|hallo|danke(?: schön)?|"
    r"vielen dank|здравствуйте|добрый (?:день|вечер)|доброе утро|спасибо)"
    r"(?:[ ,]+(?i:everybody|everyone|all|à tous|à toutes|à vous(?: deux| tous)?|"
    r"aux (?:auditeurs|auditrices|téléspectateurs)|à nos (?:auditeurs|téléspectateurs)|"
    r"to you both|an alle|allerseits|всем|monsieur|madame|mr\.?|ms\.?|herr|frau)"
    r"|[ ,]+[" + UPPER + r"][\w’'\-]*)*[ ,]*[.!]?")
"""A greeting or thanks, with the names of those greeted: 'Bonjour Jean-Pierre ELKABBACH.'"""


def _salutation(para: str) -> bool:
    """Whether a paragraph only addresses the audience, however long the address: 'Уважаемые
    жители населенных пунктов, подвергшихся наводнению, дорогие земляки!'."""
    para = para.strip()
    lines = para.split("\n")
    if len(lines) >= 2:
        # A manuscript's salutation, one addressee a line ('Meine sehr verehrten Damen und
        # Herren Stadträte, / sehr geehrte Ortsbürgermeister, / …').
        return all(_salutation(line) for line in lines)
    return (para.endswith(("!", ",")) and len(para.split()) <= 15
            and not re.search(r"[.!?]\s", para) and _ADDRESSED.match(para) is not None)


_THANKS = re.compile(r"(?i:thanks|thank you|merci|danke|vielen dank|спасибо),\s+[" + UPPER + r"]"
                     r"|(?i:(?:от всей души|сердечно|искренне|горячо|heartily|sincerely)\s+)?"
                     r"(?i:поздравляю|congratulations|félicitations|herzlichen glückwunsch)"
                     r"(?![\w-])")


def _thanks_only(para: str) -> bool:
    """Whether a paragraph is one sentence thanking the host by name or congratulating the
    audience ('Thanks, Dominic, and for the wonderful performance …', 'Поздравляю вас с
    замечательным праздником – Днем учителя.'): a formula, not a statement."""
    sentences = [p for p in re.split(r"(?<=[.!?])\s+", para.strip()) if p]
    # 'Дорогие земляки! От всей души поздравляю вас …!': the salutations before it left aside.
    while len(sentences) > 1 and _salutation(sentences[0]):
        sentences.pop(0)
    behalf = _ON_BEHALF.match(sentences[0]) if sentences else None
    if behalf is None and sentences and _SALUTATION.match(sentences[0]):
        # 'Дорогие друзья, коллеги, от всего Объединения … поздравляю Вас с …!': the
        # salutation, then for whom the formula is said.
        behalf = _ON_BEHALF.search(sentences[0], 0, 200)
    if len(sentences) == 1 and behalf is not None \
            and (verb := _THANKS.search(sentences[0], behalf.end())) is not None \
            and verb.start() - behalf.end() <= 160 \
            and not FIRST_PERSON.search(sentences[0], behalf.end(), verb.start()):
        # 'От лица агентства и от себя лично поздравляю вас с Днем …!', 'On behalf of the
        # Board, congratulations on …': for whom the formula is said, then the formula ('On
        # behalf of …, I would like to send my warmest congratulations to …' says more).
        return len(sentences[0][verb.start():].split()) <= 20
    if len(sentences) == 1 and len(sentences[0].split()) <= 50 \
            and _THANKS_TO.match(sentences[0]) is not None:
        return True  # 'Un grand merci aussi à tous nos clients qui nous suivent, …'
    return (len(sentences) == 1 and len(sentences[0].split()) <= 20
            and _THANKS.match(sentences[0]) is not None)


_THANKS_TO = re.compile(
    r"(?i:(?:un|a|ein)\s+)?(?i:(?:grand|big|huge|immense|großes|herzliches|большое)\s+)?"
    # Not 'thanks to', which says why ('Thanks to your skill the industry has …').
    r"(?i:merci|thank you|dank|спасибо)(?:\s+(?i:aussi|also|too|auch|encore|также))?"
    r"\s+(?i:à|aux|to|an|всем)(?![\w-])")
"""Thanks opening on those thanked: 'Un merci à tous pour vos messages …', 'A big thank you to
all our volunteers …', 'Ein Dank an …'."""


_ON_BEHALF = re.compile(r"(?i:от (?:лица|имени|всего)|on behalf of|au nom d[eu]|im namen)(?![\w-])")
"""Words naming for whom a greeting's formula is said: 'От лица агентства …'."""


def _greetings_only(para: str) -> bool:
    """Whether a paragraph only greets or thanks ('Bonjour Jean-Pierre ELKABBACH. Bonjour Thomas
    SOTTO.'): no statement to quote."""
    sentences = [p for p in re.split(r"(?<=[.!])\s+", para.strip())
                 if p and not _STAGE_DIRECTION.fullmatch(p)]
    return bool(sentences) and all(_GREETING.fullmatch(p) or _SALUTATION.fullmatch(p)
                                   or _THANKS_FOR_INVITING.match(p) or _CONVEYED.match(p)
                                   for p in sentences)


_STAGE_DIRECTION = re.compile(r"\((?i:applause|laughter|inaudible|applaus|beifall|heiterkeit|"
                              r"applaudissements|rires|аплодисменты|смех)\.?\)\.?")
"""A transcript's note of the room ('(Applause.)'), no words of the speaker's."""
_CONVEYED = re.compile(
    r"(?i:(?:and\s+)?I\s+(?:bring|convey|extend|send)\s+(?:you\s+)?(?:the\s+)?"
    r"(?:warm\w*\s+|best\s+)?greetings"
    r"|(?:und\s+)?ich\s+überbringe\s+(?:Ihnen\s+)?(?:die\s+)?(?:\w+\s+)?grüße"
    r"|(?:et\s+)?je\s+vous\s+(?:apporte|transmets)\s+(?:les\s+)?(?:\w+\s+)?salutations"
    r"|(?:и\s+)?(?:я\s+)?передаю\s+(?:вам\s+)?(?:\w+\s+)?привет)")
"""Greetings brought from someone else ('And I bring the greetings, and the gratitude … of the
President'): a courtesy the speaker conveys, not a statement of theirs."""


_THANKS_FOR_INVITING = re.compile(
    r"(?i:thank you|thanks|merci|danke|vielen dank|спасибо)\b[^.!?]{0,30}?"
    r"(?i:\binvit\w*|\bhaving (?:me|us)\b|einladung|eingeladen|приглашени\w*)[^!?]{0,120}[.!]?$")
"""Thanks for the invitation ('Thank you for inviting me to celebrate …'): a courtesy."""


def _spoken(layout: Layout, spans: list[tuple[int, int]], speaker: tuple[str | None, str, str],
            how: str, why: str) -> list[Candidate]:
    return [Candidate(s, e, collapse(layout.text[s:e]), "direct", how, speaker=speaker[0],
                      name=speaker[1], role=speaker[2], evidence=why) for s, e in spans]


def draft_quotes(layout: Layout, registry: Registry) -> Drafted:
    """The kind of the text and the quotations proposed for it, each new speaker with the
    office the text sets after their name."""
    drafted = _draft_quotes(layout, registry)
    return replace(drafted, quotes=[_with_apposed_office(layout.text, c) for c in drafted.quotes])


def _with_apposed_office(text: str, c: Candidate) -> Candidate:
    """A speaker the registry does not hold, with the office the text gives them in apposition
    ('Martin Sion, CEO of the manufacturer, Ariane Group'), for the editor to add them with."""
    if c.speaker is not None or not c.name or c.role:
        return c
    office = apposed_office(text, c.name)
    return replace(c, role=office) if office else c


def _draft_quotes(layout: Layout, registry: Registry) -> Drafted:
    turns = find_turns(layout, registry)
    kind = decide_kind(layout, turns, registry)
    if kind == TRANSCRIPT:
        return _transcript(layout, registry, turns) if turns else _interview(layout, registry)
    if kind == STATEMENT:
        return _statement(layout, registry, turns)
    points = summary_points(layout)
    # A point may report someone ('He says he will …'); the point itself is no one's words.
    quotes = [c for c in resolved_quotes(layout, registry, SpanSet())
              if not (points.holds(c.start) and c.kind == "direct"
                      and c.how != "quotation marks")]
    if kind == NEWS and (issuer := _release_issuer(layout, registry)) is not None:
        speaker, words = issuer
        return Drafted(STATEMENT, [_issuers(layout, c, speaker) for c in quotes], speaker, words,
                       release=True)
    return Drafted(kind, quotes, entries=live_entries(layout) if kind == LIVE else [])


_RELEASE = re.compile(r"(?i:media release|media statement|press release|news release|"
                      r"communiqué de presse|pressemitteilung|presseerklärung|pressemeldung|"
                      r"пресс-релиз)")
"""A press office's rubric over its minister's release ('Media Release', 'Pressemitteilung')."""


def _release_issuer(layout: Layout, registry: Registry
                    ) -> tuple[tuple[str | None, str, str], str] | None:
    """The person a press office's release is from: named on a line of its heading, under its
    rubric ('Media Release' / 'Federal Minister for …' / 'Dr David Kemp'), and again below;
    the release narrates in the third person and quotes them."""
    first_long = next((s for s, e in layout.paras if len(layout.text[s:e].split()) >= 12), 0)
    rubric = _RELEASE.search(layout.text, 0, first_long) is not None
    name = _name_line(layout, first_long)
    if name is None:
        return None
    at = layout.text.find(name, 0, first_long)
    line = layout.para_index(at) or 0
    offices = [layout.text[slice(*layout.paras[i])].strip()
               for i in (line - 1, line + 1) if 0 <= i < len(layout.paras)]
    # An office is a few words on their own line, no headline in someone's name ('Глава
    # округа Бондаренко: Немного пепла …').
    role = next((o for o in offices if any(w in TITLE_WORDS for w in o.split())
                 and not _RELEASE.search(o) and not re.search(r"\d", o)
                 and ":" not in o and len(o.split()) <= 12), "")
    # Without a rubric, the office heading the release on its own line, over its holder's
    # ('Minister for Main Roads and Local Government' / 'The Honourable Warren Pitt').
    if not rubric and not (role and role.split()[0] in TITLE_WORDS
                           and offices.index(role) == 0 and line > 0):
        return None
    found = registry.resolve(name)
    if found is not None:
        return (found, registry.people[found].name, ""), name
    return (None, name, role), name


def _issuers(layout: Layout, c: Candidate, issuer: tuple[str | None, str, str]) -> Candidate:
    """A release's quotation given to its issuer when its attribution names them by office
    ('Dr David Kemp, the Federal Environment Minister said') or no one; the lead's words
    before '… says Minister … Hekia Parata' as the issuer's paraphrase."""
    surname = issuer[1].split()[-1]
    if c.kind == "paraphrase" and surname in c.text and c.evidence.split()[-1:] \
            and speech_verb(c.evidence.split()[-1]) is not None:
        start = layout.sentence(c.start)[0]
        verb = layout.text.rfind(" " + c.evidence.split()[-1], start, c.start)
        if verb > start:
            return replace(c, start=start, end=verb, text=collapse(layout.text[start:verb]),
                           speaker=issuer[0], name=issuer[1], role=issuer[2],
                           evidence=collapse(layout.text[verb:c.end]))
    own = surname in c.name or surname in c.evidence
    if c.speaker is None and (own or not c.name) and surname not in c.text:
        return replace(c, speaker=issuer[0], name=issuer[1], role=issuer[2])
    return c


def label_as_printed(layout: Layout, turn: Turn) -> str:
    """A turn's label as the text prints it, for the editor to find: 'MAURICE LEROY' where
    the text sets no colon after it, 'Q.-', 'MR PRICE:'."""
    index = layout.para_index(turn.start)
    start = layout.paras[index][0] if index is not None else turn.start
    printed = collapse(layout.text[start:turn.start])
    return printed if turn.label in printed else f"{turn.label}:"


def summary_points(layout: Layout) -> SpanSet:
    """The bullets under a page's 'Key Points' heading ('Das Wichtigste', 'Главное'): the
    editors' own summary, never a quotation set off as a whole."""
    points = SpanSet()
    paras = layout.paras
    for i, (s, e) in enumerate(paras):
        if not POINTS_HEADING.fullmatch(layout.text[s:e].strip()):
            continue
        for bullet_start, bullet_end in paras[i + 1:]:
            if not _BULLET.match(layout.text, bullet_start) and not _LIST_ITEM.match(
                    layout.text, bullet_start):
                break
            points.add(bullet_start, bullet_end)
    return points


def _statement(layout: Layout, registry: Registry, turns: list[Turn]) -> Drafted:
    if turns:
        turn = turns[0]
        if len(turns) >= 2 and len({t.label for t in turns}) == 1 and all(
                len(layout.text[t.start:t.end].split()) <= 20
                and layout.text.count(layout.text[t.start:t.end].strip()) >= 2
                for t in turns[:-1]):
            # 'Ольга Примерова: Дорогие друзья, …!' printed twice as the page's heading, then
            # the greeting: the same label again opens no new turn; the lines above the last
            # are the heading, what follows the last is hers.
            turn = turns[-1]
        speaker = label_speaker(turn.label, layout.text, registry, None)
        # 'Wie schätzen Sie die Lage ein?' over 'Lothar Beispiel: Wir sind …': an interview,
        # its title quoting the guest.
        asked = _asked_before(layout, turns)
        questioned = asked or _asked_before(layout, turns, addressed=False)
        spans = [span for answer in _answering_turns(turns, turn, questioned)
                 for span in spoken_paragraphs(layout, layout.para_index(answer.start) or 0,
                                               answer.end, answer.start)]
        label = label_as_printed(layout, turn)
        answers = _without_labelled_questions(layout.text,
                                              _without_dash_questions(layout.text, spans))
        if questioned:
            # The paper prints its questions unlabelled: a later paragraph of the answer that
            # ends on a question ('Weiß man mittlerweile, ob …?') is its next question.
            answers = [(s, e) for s, e in answers if not _unlabelled_question(layout.text[s:e])]
        recorded = _label_in_capitals(label)
        return Drafted(STATEMENT if answers == spans and not asked and not recorded
                       else TRANSCRIPT,
                       (_header_quotations(layout, registry, turns) if asked else [])
                       + _spoken(layout, answers, speaker, "spoken paragraph", label),
                       speaker, label)
    found = statement_speaker(layout, registry, speech_first=True)
    if found is not None:
        found = (_initials_completed(layout.text, registry, found[0]), found[1])
    start = None
    if (inner := _speech_headed_below(layout, registry)) is not None:
        # A notice wrapped around a speech: whose it is, from its heading below the notice.
        found, start = inner
    speaker, words = found if found else ((None, "", ""), "")
    paragraphs = spoken_paragraphs(layout, header_end(layout, speaker[1], words)
                                   if start is None else start)
    closing = _closing_formula(layout)
    spans = [_inside_marks(layout.text, *_after_own_label(layout.text, span, speaker[1]))
             for span in paragraphs if span[0] <= closing]
    while spans and (_signs(layout, spans[-1], speaker[1])
                     or _narrates(layout.text[slice(*spans[-1])], speaker[1])):
        spans.pop()
    spans, relayed = _relayed_speech(layout, registry, spans, speaker)
    quotes: list[Candidate] = []
    marks = resolve_speakers(layout, marked(layout), registry)
    # A release that never says 'I', 'we' or 'you' outside its quotation marks ('Le préfet
    # condamne …', 'The Department is aware …') is an office's account, when it names no speaker
    # or quotes people it names: only its quotations are anyone's words. ('Обращаюсь к …' says
    # it by the verb alone: a speech, where no one else is quoted.)
    # With no speaker named, a release telling of its body in the third person ('La Fédération
    # … tient à rappeler', 'la FRP souhaite rappeler') is the body's account, whatever 'notre
    # pays' it writes: no one to quote, unless it says 'I'.
    voiced = (_speaks_for_itself(layout.text, paragraphs) and (
        found is not None or _says_i(layout.text, paragraphs)
        or not _tells_of_a_body(layout, paragraphs))) or (
        found is not None and not any(c.speaker or c.name for c in marks))
    for span in spans:
        quotes += _cited(layout, span, marks, speaker) or (
            [] if found and voiced else _named_in_marks(span, marks)) or (_spoken(
            layout, [span], speaker, "spoken paragraph", words) if voiced else [])
    quotes += [r for r in relayed if not any(q.start < r.end and r.start < q.end for q in quotes)]
    return Drafted(STATEMENT, sorted(quotes, key=lambda c: c.start), speaker if found else None,
                   words)


def _answering_turns(turns: list[Turn], turn: Turn, questioned: bool) -> list[Turn]:
    """The turns that are the one speaker's words: under unlabelled questions, every turn of
    the guest's label is an answer ('Ist die Gefahr gebannt? / Peter Beispiel: … / Waren die
    Folgen vorhersehbar? / Peter Beispiel: …'), not only the first."""
    if not questioned:
        return [turn]
    return [t for t in turns[turns.index(turn):] if t.label == turn.label]


_SPEECH_HEADING = re.compile(
    r"(?:Discours|Allocution|Intervention|Rede|Ansprache|Grußwort|Speech|Remarks|Address|"
    r"Выступление|Обращение|Речь|Слово)\s+"
    r"(?:by|of|from|des|der|von|du|de|de la|de l['’]|d['’])?\s*")
"""A heading that names a speech and whose it is: 'Discours du président Jean Exemple'."""


def _speech_headed_below(layout: Layout, registry: Registry
                         ) -> tuple[tuple[tuple[str | None, str, str], str], int] | None:
    """A speech under its heading below a page's notice ('Le 5 janvier s'est tenue la
    cérémonie … / Discours du président Jean Exemple / Monsieur le Président, / …'): (the
    speaker the heading names, the index of its first paragraph), when a salutation opens it;
    the notice above is the page's account, not the speaker's words."""
    for i, (s, e) in enumerate(layout.paras[:30]):
        line = layout.text[s:e].strip()
        if i < 2 or len(line.split()) > 12 or line[-1:] in ".!?:" \
                or not _SPEECH_HEADING.match(line):
            continue
        below = [layout.text[ps:pe].strip() for ps, pe in layout.paras[i + 1:i + 3]]
        if not below or not any(len(b.split()) <= 8 and (_ADDRESSED.match(b)
                                                         or _SALUTATION.fullmatch(b))
                                for b in below):
            continue
        named = named_subject(line)
        if named is None or " " not in named[0]:
            continue
        name = nominative(named[0]) if line.lower().startswith(_GOVERNING) else named[0]
        found = registry.resolve(name)
        return ((found, registry.people[found].name, "") if found else (None, name, ""),
                line), i + 1
    return None


_INITIALS_ONLY = re.compile(r"((?:[" + UPPER + r"]\.\s?){1,2})\s?([" + UPPER
                            + r"][a-zßà-öø-ÿа-яё’'\-]{2,})")


def _initials_completed(text: str, registry: Registry, speaker: tuple[str | None, str, str]
                        ) -> tuple[str | None, str, str]:
    """A speaker named by initials ('С.Г. Емельянов') under the full name the text gives
    elsewhere, its signature most often ('Сергей Емельянов'), when the first name starts with
    the first initial: the name as the speaker signs it, not a name made up."""
    person_id, name, role = speaker
    initials = _INITIALS_ONLY.fullmatch(name)
    if person_id is not None or initials is None:
        return speaker
    full = full_name_in(text, initials.group(2))
    if full is None or " " not in full or full[0] != initials.group(1)[0]:
        return speaker
    found = registry.resolve(full)
    return (found, registry.people[found].name, role) if found else (None, full, role)


def _closing_formula(layout: Layout) -> int:
    """Where a letter's closing formula starts ('С уважением, ректор ЮЗГУ' over the
    signature), or the end of the text: what comes after it is the signature, then the page's
    own lines (its title again, a date), never the writer's words."""
    for s, e in layout.paras:
        if _CLOSING.match(layout.text[s:e].strip()) and len(layout.text[s:e].split()) <= 8:
            return s
    return len(layout.text)


def _unlabelled_question(para: str) -> bool:
    """Whether a paragraph is a question as an interview prints it: short, ending on its
    question mark."""
    para = para.strip()
    return para.endswith("?") and len(para.split()) <= 40


def _label_in_capitals(printed: str) -> bool:
    """Whether a turn's label is printed in capitals ('THE VICE PRESIDENT:', 'MS. ATKINSON:',
    'А. ВЕНЕДИКТОВ:'), as a verbatim record sets its speakers: a transcript, even of one turn,
    where a speech or a statement under its speaker's name ('Simon Birmingham:') is not."""
    letters = [c for c in printed if c.isalpha()]
    return len(letters) >= 4 and printed.isupper()


_RUN_ON_QUESTION = re.compile(r"(?<=[.!…])[-–—][^\S\n]*[" + UPPER + r"][^.!?\n]{2,200}\?\s*$")
"""'…у хорошей команды.- Что скажете о пенальти?': the next question run into an answer."""


def _without_dash_questions(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A coach's turn under his label line, then dash-led turns ('- Вы второй раз увозите 3
    очка …?'): the questions put to him between his answers are the journalists', not his."""
    dashed = [span for span in spans if _DASH_LED.match(text, *span)]
    if len(dashed) < 2 or not any(_asks_him(text[slice(*span)]) for span in dashed[1:]):
        return spans
    out = []
    for s, e in spans:
        if (run_on := _RUN_ON_QUESTION.search(text, s, e)) is not None:
            out.append((s, run_on.start()))
        elif not (_DASH_LED.match(text, s, e) and _asks_him(text[s:e])):
            out.append((s, e))
    return out


_DASH_LED = re.compile(r"[-–—][^\S\n]+(?=\S)")
_ANSWER_LABEL = re.compile(r"[" + UPPER + r"][\w’'\-]+(?:[^\S\n]+[" + UPPER + r"][\w’'\-]+)?"
                           r"[^\S\n]*:[^\S\n]+(?=\S)")


def _without_labelled_questions(text: str, spans: list[tuple[int, int]]
                                ) -> list[tuple[int, int]]:
    """An interview under its guest's label whose later answers open on a surname ('Meißner:
    Wir sind …'): the unlabelled questions before those answers ('Welche Ratschläge geben Sie
    …?') are the interviewer's, never proposed as the guest's words."""
    asked = {i for i, (s, e) in enumerate(spans[:-1])
             if _asks_him(text[s:e]) and _ANSWER_LABEL.match(text, *spans[i + 1])}
    if len(asked) < 2:
        return spans
    return [span for i, span in enumerate(spans) if i not in asked]


def _question_to_guest(para: str) -> bool:
    """Whether a paragraph is one question put to the one answering ('Votre vie a-t-elle
    changé après votre sélection ?'), as an interview prints its later questions without the
    label of its first: the interviewer's, inside the guest's turn."""
    para = para.strip()
    return (para.endswith("?") and len(para.split()) <= 40
            and not re.search(r"[.!?…]\s", para) and SECOND_PERSON.search(para) is not None)


def _question_over_answer(para: str) -> bool:
    """Whether a paragraph with more of the turn below it is a question put to the guest: it
    ends on a question mark, short, of one or two sentences ('Sie erforschen die Spätfolgen.
    Was macht die so gefährlich?')."""
    para = para.strip()
    return (para.endswith("?") and len(para.split()) <= 40
            and len(re.findall(r"[.!?…](?:\s|$)", para)) <= 2)


def _asks_him(para: str) -> bool:
    return para.rstrip().endswith("?") and len(para.split()) <= 60


def _speaks_for_itself(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether a paragraph says 'I', 'we' or 'you' outside the quotations it gives."""
    return any(FIRST_PERSON.search(own) or _YOURS.search(own)
               for own in (_QUOTED.sub(" ", text[s:e]) for s, e in spans))


_I = re.compile(r"(?<![\w’'-])(?:I|I'm|I’m|I've|I’ve|I'd|I’d|my|My|me|je|Je|j['’]|J['’]|moi|Moi|"
                r"mon|Mon|ma|Ma|mes|Mes|ich|Ich|mir|mich|mein\w*|Mein\w*|я|Я|мне|меня|мой|Мой|"
                r"моя|Моя|моё|мои|Мои)(?![\w’'-])")
"""Words of one person speaking for themselves."""


def _says_i(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether a paragraph says 'I' (or 'my', 'je', 'ich', 'я') outside its quotations."""
    return any(_I.search(_QUOTED.sub(" ", text[s:e])) for s, e in spans)


_BODY_SUBJECT = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=,\s))(?i:the|le|la|l['’]|der|die|das)\s*"
                           r"(?P<body>[" + UPPER + r"][\w’'\-]*)(?=\s+(?:[" + UPPER
                           + r"][\w’'\-]*\s+){0,4}[a-zà-ÿ])")


def _tells_of_a_body(layout: Layout, spans: list[tuple[int, int]]) -> bool:
    """Whether two paragraphs or more have a body as a sentence's subject: an institution's
    noun or an acronym after an article ('La Fédération Régionale de Pétanque, …', 'la FRP
    souhaite rappeler', 'The Department is aware')."""
    told = 0
    for s, e in spans:
        words = _QUOTED.sub(" ", layout.text[s:e])
        told += any(is_institution(m["body"]) or (m["body"].isupper() and len(m["body"]) >= 2)
                    for m in _BODY_SUBJECT.finditer(words))
    return told >= 2


def _named_in_marks(span: tuple[int, int], marks: list[Candidate]) -> list[Candidate]:
    """The quotations in marks a paragraph gives someone it names ('gibt die Polizeipräsidentin
    Anja Hamann folgendes Statement: "Ich …"'), when the text names no speaker of its own."""
    return [c for c in marks if span[0] <= c.start < span[1] and c.kind in ("direct", "statement")
            and word_count(c.text) >= 4 and (c.speaker or c.name)]


def _cited(layout: Layout, span: tuple[int, int], marks: list[Candidate],
           speaker: tuple[str | None, str, str]) -> list[Candidate]:
    """A spoken paragraph that cites someone it names by a verb of speech ('CICERON disait :
    « … »', 'Victor HUGO, lui, écrivait : « … »'): the speaker's own words before the citing
    sentence, then each quotation in the paragraph as its author's; [] when it cites no one."""
    within = [c for c in marks if span[0] <= c.start < span[1] and c.kind == "direct"
              and word_count(c.text) >= 4]
    # 'Peter Inselkammer: „Alles in allem …“': a paragraph opening on the name and a colon
    # before the marks cites its speaker as a verb would.
    labelled = layout.text[span[0]:span[1]].lstrip()
    if not any((c.speaker or c.name) and (speech_verb(c.evidence) is not None or (
                   " " in c.evidence and labelled.startswith(c.evidence + ":")))
               and not _same_person((c.speaker, c.name, c.role), (speaker[0], speaker[1]))
               for c in within):
        return []
    own_end = layout.sentence(within[0].start)[0]
    own = layout.text[span[0]:own_end].rstrip()
    if word_count(own) < MIN_TURN_WORDS:
        return within
    return _spoken(layout, [(span[0], span[0] + len(own))], speaker, "spoken paragraph",
                   "") + within


def _set_off_words(layout: Layout, registry: Registry, spans: list[tuple[int, int]],
                   speaker: tuple[str | None, str, str]) -> list[Candidate]:
    """A paragraph set off after one ending in someone else's verb of speech and a colon
    ('…, forderte damals Bundespräsident Roman Herzog, und er sagte:') is that person's
    quotation inside the speech."""
    out = []
    for s, e in spans:
        at = layout.para_index(s)
        if not at:
            continue
        before = layout.text[slice(*layout.paras[at - 1])].rstrip()
        last = layout.text[slice(*layout.sentence(layout.paras[at - 1][1] - 1))]
        verb = speech_verb(last)
        if not before.endswith(":") or verb is None or FIRST_PERSON.search(last):
            continue
        # The subject after the verb first ('Zur Sitzung des Rats der Europäischen Zentralbank
        # erklärt Iris Beispiel, …:'), as German puts it after an opening phrase.
        # With its apposition ('erklärt der Erzbischof von München und Freising, Kardinal
        # Reinhard Marx:'), before any name in the opening phrase ('Zum Rücktritt des Heiligen
        # Vaters Benedikt XVI.').
        named = next((n for n in (named_subject(part) for part in (
            last[verb.end():].split(",")[0], last[verb.end():], *re.split(r",\s*", last)))
            if n is not None and " " in n[0]), None)
        if named is None or _same_person(speaker, (registry.resolve(named[0]), named[0])):
            continue
        found = registry.resolve(named[0])
        name = registry.people[found].name if found else named[0]
        out.append(Candidate(s, e, collapse(layout.text[s:e]), "direct", "set-off quotation",
                             speaker=found, name=name, role=named[1] if not found else "",
                             evidence=collapse(last)))
    return out


def _relayed_speech(layout: Layout, registry: Registry, spans: list[tuple[int, int]],
                    speaker: tuple[str | None, str, str]
                    ) -> tuple[list[tuple[int, int]], list[Candidate]]:
    """A spoken paragraph's sentences that report what someone else said ('Le président de la
    République a indiqué que …', '…, a-t-il dit, …') are that person's paraphrase, not the
    speaker's quotation: (the speaker's own stretches, the paraphrases)."""
    # A clause ending on a colon ('…, und er sagte:') introduces words, it reports none.
    reported = [c for c in resolved_quotes(layout, registry, SpanSet())
                if c.kind == "paraphrase" and not _same_person(speaker, (c.speaker, c.name))
                and any(s <= c.start and c.end <= e for s, e in spans)
                and not c.text.rstrip().endswith(":")
                and not FIRST_PERSON.search(layout.text, *layout.sentence(c.start))]
    reported += _set_off_words(layout, registry, spans, speaker)
    if not reported:
        return spans, []
    own: list[tuple[int, int]] = []
    for s, e in spans:
        inside = [c for c in reported if s <= c.start < e]
        if not inside:
            own.append((s, e))
            continue
        run: list[tuple[int, int]] = []
        for sent in layout.sentences_in(s, e) or [(s, e)]:
            if any(sent[0] < c.end and c.start < sent[1] for c in inside):
                own += [(run[0][0], run[-1][1])] if run else []
                run = []
            else:
                run.append(sent)
        own += [(run[0][0], run[-1][1])] if run else []
    least = MIN_SPOKEN_WORDS
    return [(s, e) for s, e in own if len(layout.text[s:e].split()) >= least], reported


_NARRATOR = re.compile(r"(?:The|Der|Die|Das|Le|La|L['’]|Её|Его)\s+(?P<noun>[\w-]+)"
                       r"|(?:He|She|Er|Il|Elle|Он|Она)\s")


def _narrates(para: str, name: str) -> bool:
    """Whether a statement's closing paragraph is the release's narration again, not the
    speech: in the third person about the speaker ('The Minister visited Exampleton on
    Tuesday.', 'Das Ministerium wird die Lage weiter beobachten.'), no word in the first."""
    if FIRST_PERSON.search(para) or len(para.split()) > 40:
        return False
    surname = name.split()[-1] if name.split() else ""
    if surname and re.search(r"(?<![\w-])" + re.escape(surname) + r"(?![\w-])", para):
        return True
    opening = _NARRATOR.match(para)
    return opening is not None and (opening["noun"] is None or is_institution(opening["noun"])
                                    or opening["noun"].lower() in ROLE_NOUNS)


def _signs(layout: Layout, span: tuple[int, int], name: str) -> bool:
    """Whether a statement's last spoken paragraph is its signature ('Bernard Auriol, Maire de
    la Ville.', 'С уважением, / Глава … М.В. Савченко'): short, last, naming its speaker."""
    words = layout.text[span[0]:span[1]].strip()
    surname = name.split()[-1] if name.split() else ""
    return (bool(surname) and span[1] >= layout.paras[-1][1] and len(words.split()) <= 14
            and surname in words
            # A sentence's full stop, not an initial's ('М.В. Савченко').
            and not re.search(r"[!?]|\.\s", re.sub(r"(?<!\w)[" + UPPER + r"]\.", "", words)))


_LABEL = re.compile(r"[^\n:.!?]{2,40}:[^\S\n]+")
_ARTICLE_OPENS = re.compile(r"(?i:la|le|les|l['’]|the|der|die|das|des)(?:\s|(?<=['’]))")
"""An article opening the words after 'de', 'by', 'von': a body's or a thing's name."""


def _inside_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """A spoken paragraph without the marks a press office prints around each paragraph of a
    statement ('“I am appreciative of …', a closing '”' on the last)."""
    while start < end and text[start] in QUOTE_CHARS:
        start += 1
    while end > start and text[end - 1] in QUOTE_CHARS:
        end -= 1
    return start, end


def _after_own_label(text: str, span: tuple[int, int], name: str) -> tuple[int, int]:
    """A spoken paragraph without the speaker's own label ('BK´in Merkel: Meine Damen …')."""
    label = _LABEL.match(text, span[0], span[1])
    surname = name.split()[-1].casefold() if name.split() else ""
    if label and surname and len(label.group().split()) <= 4 \
            and label.group().rstrip(": \t").casefold().endswith(surname):
        return label.end(), span[1]
    return span


_PRESS_CONFERENCE = re.compile(r"(?i:press conference|press briefing|\w*pressekonferenz|"
                               r"conférence de presse|point de presse|пресс-конференци\w*|"
                               r"брифинг\w*)")
"""A title naming a press conference: its other speakers (a spokesman) are no interviewers."""
_INTERVIEW = re.compile(r"\b(interview|entretien|интервью|gespräch mit)\b", re.IGNORECASE)


def _same_person(a: tuple[str | None, str, str], b: tuple[str | None, str]) -> bool:
    if a[0] is not None or b[0] is not None:
        return a[0] == b[0]
    return bool(a[1]) and plain(a[1]) == plain(b[1])


_NAME = (r"(?:[" + UPPER + r"]\.(?:-[" + UPPER + r"]\.)?\s*)?"  # an initial: 'R. Karoutchi'
         r"[" + UPPER + r"][\w’'\-]+(?:\s+[" + UPPER + r"][\w’'\-]+){0,2}")
_VOCATIVE = re.compile(
    r"(?i:\b(?:thanks|thank you|merci|danke|vielen dank|bonjour|bonsoir|good morning|"
    r"good afternoon|good evening|hello|bonne année|happy new year|frohes neues jahr)|спасибо|"
    r"здравствуйте|с новым годом),?\s+(?:(?i:mr|ms|mrs|dr|"
    r"monsieur|madame|mme|mlle|m|herr|frau)\.?\s+)?(?P<after>" + _NAME + r")(?=[.,!?])"
    r"|(?P<before>" + _NAME + r"),\s+(?i:bonjour|bonsoir|good morning|good afternoon|"
    r"здравствуйте|guten (?:morgen|tag|abend))\b")
"""Someone addressed by name ('Thanks, Ned.', 'Jean-Noël Barrot, bonjour.'): the next speaker."""


def addressed_names(text: str, turns: list[Turn]) -> dict[str, str]:
    """For each speaker's label, the name a question or moderator's turn before it calls them;
    an unlabelled introduction before the first turn ('Bonsoir Mme Michèle Alliot-Marie, …')
    counts as the interviewer's."""
    names: dict[str, str] = {}
    if turns and turns[0].start > 0:
        turns = [Turn("", 0, turns[0].start, "moderator"), *turns]
    for n, turn in enumerate(turns):
        if turn.role == "speaker":
            continue
        following = next((t for t in turns[n + 1:] if t.role == "speaker"), None)
        if following is None or following.label in names:
            continue
        for match in _VOCATIVE.finditer(text, turn.start, turn.end):
            name = match.group("after") or match.group("before")
            if name and name.split()[0] not in TITLE_WORDS:
                names[following.label] = name
                break
    return names


def _with_addressed_name(who: tuple[str | None, str, str], called: str | None,
                         registry: Registry) -> tuple[str | None, str, str]:
    """A new speaker's name completed by how others address them: 'Price' + 'Ned'."""
    if who[0] is not None or not called:
        return who
    if (by_patronymic := _PATRONYMIC.fullmatch(called)) is not None:
        # 'Павел Сергеевич, здравствуйте': a first name and patronymic, no surname.
        if len(who[1].split()) == 1 and who[1]:
            return None, f"{by_patronymic['first']} {who[1]}", who[2]
        return who
    if len(called.split()) >= 2:
        found = registry.resolve(called)
        return (found, registry.people[found].name, who[2]) if found else (None, called, who[2])
    if len(who[1].split()) == 1 and who[1]:
        return None, f"{called} {who[1]}", who[2]
    return who


_PATRONYMIC = re.compile(r"(?<![\w-])(?P<first>[А-ЯЁ][а-яё]+)\s+[А-ЯЁ][а-яё]+(?:ович|евич|ьич|"
                         r"ична|овна|евна)(?![\w-])")
"""Someone addressed by first name and patronymic: 'Пожалуйста, Валерий Николаевич.'"""


def _by_name_and_patronymic(who: tuple[str | None, str, str], label: str,
                            addressed: frozenset[str]) -> tuple[str | None, str, str]:
    """A new speaker labelled by initial and surname ('В.Асикритов') completed by the first
    name the others address them by ('Валерий Николаевич', among `addressed`), when one alone
    fits the initial."""
    initial = re.fullmatch(r"([А-ЯЁ])\.\s*([А-ЯЁ][а-яё\-]+)", label.strip())
    if who[0] is not None or initial is None or " " in who[1]:
        return who
    firsts = {first for first in addressed if first[0] == initial.group(1)}
    return (None, f"{firsts.pop()} {initial.group(2)}", who[2]) if len(firsts) == 1 else who


_GUEST_LABEL = re.compile(r"(?i:studiogast|gast|im gespräch|guest|invitée?|гость|гостья)")
"""A heading's label introducing the interview's guest: 'Studiogast: Prof. Mike Atkinson, …'."""


def _introduced_guest(layout: Layout, registry: Registry, turns: list[Turn]
                      ) -> tuple[tuple[str | None, str] | None, list[Turn]]:
    """The guest a first 'turn' only introduces ('Studiogast: Prof. Mike Atkinson,
    Strahlenbiologe, Helmholtz Zentrum München'): a name and an office, no sentence; that
    line is the page's heading, no one's words, and the guest is whoever it names."""
    if not turns or not _GUEST_LABEL.fullmatch(turns[0].label.strip()):
        return None, turns
    index = layout.para_index(turns[0].start)
    line_end = layout.paras[index][1] if index is not None else turns[0].end
    words = layout.text[turns[0].start:min(line_end, turns[0].end)].strip(" >»\n")
    if len(words.split()) > 15 or words[-1:] in ".!?…" or FIRST_PERSON.search(words):
        return None, turns
    named = proper_name(strip_titles(words.split(",")[0]))
    if named is None or " " not in named[0]:
        return None, turns
    found = registry.resolve(named[0])
    return ((found, registry.people[found].name) if found else (None, named[0])), turns[1:]


def _transcript(layout: Layout, registry: Registry, turns: list[Turn]) -> Drafted:
    introduced, turns = _introduced_guest(layout, registry, turns)
    called = addressed_names(layout.text, turns)
    main = statement_speaker(layout, registry)
    main_speaker = (main[0][0], main[0][1]) if main else introduced
    if "R" in called and len(called["R"].split()) >= 2:  # 'Q - … Jean-Noël Barrot, bonjour.'
        answered = _with_addressed_name((None, "", ""), called["R"], registry)
        main_speaker = (answered[0], answered[1])
    speakers = []
    addressed = frozenset(m.group("first") for m in _PATRONYMIC.finditer(layout.text, 0, 200_000))
    for turn in turns:
        who = label_speaker(turn.label, layout.text, registry, main_speaker)
        if turn.label != "R":
            who = _with_addressed_name(who, called.get(turn.label), registry)
        speakers.append(_by_name_and_patronymic(who, turn.label, addressed))
    guest = _guest_above(layout, turns, speakers) if main_speaker is None else None
    if guest is not None:
        main_speaker = guest
    # In an interview, whoever is not the person the title names is asking the questions: a
    # title saying 'interview', or one naming the guest of hosts who are labelled by name only
    # ('Никита Белых - Дневник губернатора' over 'А.СОЛОМИН:', 'Н.БЕЛЫХ:').
    title = layout.text[slice(*layout.paras[0])] if layout.paras else ""
    interview = main_speaker is not None and (
        guest is not None or bool(_INTERVIEW.search(layout.text[:300]))
        or (main is not None and main[1] in title and not _PRESS_CONFERENCE.search(title)
            and all(t.role == "speaker" for t in turns)
            and any(_same_person(who, main_speaker) for who in speakers)))
    # 'Uwe Mauch' of a byline over 'BZ: … / Salomon: …' is the author, who has no turn: the
    # guest is whoever answers, not the name above.
    interview = interview and any(_same_person(who, main_speaker) for who in speakers
                                  if main_speaker is not None)
    quotes: list[Candidate] = []
    for turn, who in zip(turns, speakers, strict=True):
        if turn.role != "speaker":
            continue
        if interview and main_speaker is not None and not _same_person(who, main_speaker):
            continue
        index = layout.para_index(turn.start) or 0
        spans = spoken_paragraphs(layout, index, turn.end, turn.start, MIN_TURN_WORDS)
        if any(t.role != "speaker" for t in turns):
            # 'Kann sich die Strahlung … verteilen?' over its answer, inside the guest's turn:
            # the interviewer's next question, printed without the label of the first.
            spans = [span for n, span in enumerate(spans)
                     if not _question_to_guest(layout.text[slice(*span)])
                     and not (n + 1 < len(spans) and _question_over_answer(
                         layout.text[slice(*span)]))]
        quotes += _spoken(layout, spans, who, "speaker turn", label_as_printed(layout, turn))
    header = _header_quotations(layout, registry, turns)
    answering = {(q.speaker, q.name) for q in quotes}
    if len(answering) == 1:
        # 'Radio Exemple : « … »' over the guest's turns: the station that broadcast the
        # interview heads it with the guest's words, and is no one who answers.
        guest_id, guest_name = next(iter(answering))
        labels = " ".join(t.label.casefold() for t in turns)
        header = [replace(c, speaker=guest_id, name=guest_name, role="")
                  if not registry.is_person(c.speaker) and c.name
                  and c.name.casefold() not in labels
                  and c.name.split()[-1].casefold() not in labels else c for c in header]
        # '"Wir müssen überdenken, ob …"' on a line of its own over the questions, unsigned:
        # the interview's pull quote, the one guest's words.
        header += [replace(c, speaker=guest_id, name=guest_name, role="",
                           evidence="a quotation heading the interview, unsigned")
                   for c in _unsigned_pull_quotes(layout, registry, turns)]
        header.sort(key=lambda c: c.start)
    return Drafted(TRANSCRIPT, header + quotes)


def _unsigned_pull_quotes(layout: Layout, registry: Registry, turns: list[Turn]
                          ) -> list[Candidate]:
    """Quotations in marks above the first turn that no one signs, each a paragraph of its
    own."""
    if not turns:
        return []
    taken = SpanSet()
    taken.add(turns[0].start, len(layout.text) + 1)
    out = []
    for c in resolved_quotes(layout, registry, taken):
        para = layout.para_index(c.start)
        if c.how != "quotation marks" or c.kind != "direct" or c.speaker or c.name \
                or para is None or word_count(c.text) < 5:
            continue
        whole = layout.text[slice(*layout.paras[para])].strip()
        # A pull quote repeating words of an answer below is found there, once.
        repeated = " ".join(c.text.split()[:8]) in collapse(layout.text[turns[0].start:])
        if word_count(c.text) * 10 >= 9 * word_count(whole) and not repeated:
            out.append(c)
    return out


def _interview(layout: Layout, registry: Registry) -> Drafted:
    """An interview without labels: each answer's paragraphs are the interviewee's, and so is a
    headline in marks above the questions that no one signs."""
    answers = unlabelled_answers(layout)
    who = interviewee(layout, answers, registry) or (
        None, "", _office_named(layout.text[:layout.paras[answers[0].asked_at][0]]))
    how = f"the answers to the questions, by {who[1]}" if who[1] else "the answers to the questions"
    quotes: list[Candidate] = []
    header = layout.paras[answers[0].asked_at][0]
    taken = SpanSet()
    for answer in answers:
        taken.add(layout.paras[answer.first][0], layout.paras[answer.last][1])
    for cand in resolved_quotes(layout, registry, taken):
        if cand.start >= header:
            # '« Manuel Valls dit ce matin : "…". C'est l'idée ? »': someone the question
            # quotes, by name; an unsigned quotation there is the interviewer's own.
            if cand.speaker or cand.name:
                quotes.append(cand)
            continue
        para = layout.para_index(cand.start)
        whole = para is not None and word_count(cand.text) * 10 >= 8 * word_count(
            layout.text[slice(*layout.paras[para])])
        if cand.kind == "direct" and whole and who[1]:
            cand = replace(cand, speaker=who[0], name=who[1], role=who[2], evidence=how)
        elif cand.speaker is None and not cand.name and who[1] and cand.attribution.split()[:1] \
                and cand.attribution.split()[0].lower() in PRONOUNS_PERSON:
            # '…, sagt er im Gespräch mit …' in the introduction: the one interviewed.
            cand = replace(cand, speaker=who[0], name=who[1], role=who[2])
        quotes.append(cand)
    for answer in answers:
        # 'Willi: Neu und ungewohnt.': the answer's words start after its own label.
        start = _after_own_label(layout.text, (answer.start, layout.paras[answer.first][1]),
                                 who[1])[0]
        spans = [_inside_marks(layout.text, *span) for span in spoken_paragraphs(
            layout, answer.first, layout.paras[answer.last][1], start, MIN_TURN_WORDS)]
        spans = [span for span in spans if not _author_box(layout.text[slice(*span)])]
        quotes += _spoken(layout, spans, who, "answer", how)
    return Drafted(TRANSCRIPT, quotes)


_AUTHOR_JOB = re.compile(
    r"(?i:redakteur(?:in)?|korrespondent(?:in)?|reporter(?:in)?|autor(?:in)?|editor|"
    r"correspondent|writer|journalist(?:in|e)?|rédact(?:eur|rice)|correspondant(?:e)?|"
    r"редактор|корреспондент|обозреватель|журналист(?:ка)?)(?![\w-])")


def _author_box(para: str) -> bool:
    """Whether a paragraph is the page's box on the interviewer, printed between a question and
    its answer ('Anna Beispiel Redakteurin im Ressort Wirtschaft der Zeitung.'): a full name,
    the job of who writes right after it, a short line and no one speaking in it."""
    found = re.match(r"\s*[" + UPPER + r"][\w’'-]+(?:\s+[" + UPPER + r"][\w’'-]+){1,2}?[,\s]+"
                     + _AUTHOR_JOB.pattern, para)
    return found is not None and len(para.split()) <= 25 and not FIRST_PERSON.search(para)


_OFFICE_PHRASE = re.compile(
    r"(?i:(?:monsieur|madame|m\.|mme|herr|frau|mr|mrs|ms)\s+)?(?i:(?:le|la|l['’]|der|die|the)\s+)?"
    r"(?P<office>[\w-]+)(?:\s+(?:de|du|d['’]|of|von|der|des)\s*[" + UPPER + r"][\w’'-]+)?")


def _office_named(header: str) -> str:
    """The office by which an introduction names the one answering, when it gives no name
    ('monsieur le Maire de Verrières'); '' when it names none."""
    offices = [m.group().strip() for m in _OFFICE_PHRASE.finditer(header)
               if m.group("office").lower() in ROLE_NOUNS]
    return max(offices, key=len, default="")


def _guest_above(layout: Layout, turns: list[Turn], speakers: list[tuple[str | None, str, str]]
                 ) -> tuple[str | None, str] | None:
    """The one speaker whom the heading above the turns names ('… с кандидатом в президенты
    Максимом Сурайкиным' over 'М.Сурайкин'), when it names only one of them: the guest of a
    programme whose hosts speak by their labels too."""
    first = layout.para_index(turns[0].start) if turns else None
    header = layout.text[:layout.paras[first][0]][:5000] if first is not None else ""
    named: dict[str, tuple[str | None, str]] = {}
    seen: set[str] = set()
    for turn, who in zip(turns, speakers, strict=True):
        if turn.label in seen:
            continue
        seen.add(turn.label)
        surname = strip_titles(turn.label).split()[-1] if turn.label.split() else ""
        if turn.role == "speaker" and len(surname) >= 3 \
                and re.search(r"(?<![\w-])" + re.escape(surname), header):
            named[turn.label] = (who[0], who[1])
    labels = {t.label for t in turns if t.role == "speaker"}
    return next(iter(named.values())) if len(named) == 1 and len(labels) >= 2 else None


def _header_quotations(layout: Layout, registry: Registry, turns: list[Turn]
                       ) -> list[Candidate]:
    """Quotations in marks above the first turn, as a headline quoting the guest ('Мария
    Захарова: «Я ненавижу, когда людей травят…»'), with their speakers."""
    if not turns:
        return []
    taken = SpanSet()
    taken.add(turns[0].start, len(layout.text) + 1)
    return [c for c in resolved_quotes(layout, registry, taken)
            if ((c.how == "quotation marks" and c.kind == "direct")
                # 'Bauernpräsident Joachim Rukwied beschreibt die Dürrefolgen als dramatisch':
                # the introduction reports what the guest says.
                or c.how == "reported speech") and (c.speaker or c.name)
            # 'встречи … с коллективом газеты "Аргументы и факты"': a name, not words said.
            and word_count(c.text) >= 5]
