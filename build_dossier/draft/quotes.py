"""Quotations in running text — between quotation marks, block quotes over an attribution
line, reported speech — and who said each, resolved in reading order so that pronouns find
their antecedent. The news-article part of `build-dossier new`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace

from .marks import QUOTE_CHARS, quoted
from .reported import (
    ACCORDING_TO,
    ELIDED_ARTICLE,
    ON_REQUEST,
    attribution_line,
    lead_attribution,
    reported,
    said_at_end,
    said_by_before,
    speech_verb,
    speech_verbs,
    tail_attribution,
    word_count,
)
from .speakers import (
    GIVEN_NAME,
    OPENERS,
    PRONOUNS_ANY,
    PRONOUNS_PERSON,
    ROLE_NOUNS,
    TITLE_WORDS,
    Registry,
    a_count,
    common_words,
    could_be_speaker,
    full_name_in,
    is_institution,
    is_party,
    latin,
    lower_case_elsewhere,
    names_an_office,
    nominative,
    proper_case,
    proper_name,
    three_given_names,
)
from .textparts import UPPER, Layout, SpanSet, collapse, words_of
from .titles import is_byline, is_dateline, is_label, without_entry_time

CONTINUES = "the quotation just before"
PARAGRAPH_SUBJECT = "the person its paragraph names"
LEAD_PERSON = "the person the title or lead names"
ENTRY_HEADING = "the person the live entry's heading names"
_DESCRIBING = frozenset(["the", "a", "an", "but", "and", "le", "la", "der", "die"])
"""First words of a lowercase description standing for someone named before."""
_INDEFINITE = frozenset(["a", "an", "ein", "eine", "un", "une"])
_DEFINITE = frozenset(["der", "die", "the", "le", "la"])
_ARTICLES = frozenset(["Le", "La", "Der", "Die", "The"])
_STATEMENT_WORDS = re.compile(
    r"\b(statement|declaration|communiqu[ée]|news release|press release|joint|"
    r"d[ée]claration|Erkl[äa]rung|Mitteilung|заявлени\w*)\b", re.IGNORECASE)
_ADVERBS = re.compile(r"(?:\s+(?:also|again|then|further|now|today|later|once again|"
                      r"repeatedly|however|aussi|également|auch|zudem|также|ещё|еще|"
                      r"had|has|have|was|is|hat|hatte|avait|a))+$",
                      re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(I|we|We|our|Our|us|my|My|nous|notre|nos|je|wir|unsere?|ich|"
                           r"мы|наш\w*|я)\b")


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
    """How it was found: quotation marks, block quote, speaker turn, reported speech, …"""
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


def evidence(words: str, limit: int = 70) -> str:
    """Attribution words for the editor: the end of the clause naming the speaker, whole words."""
    words = collapse(words.strip(" ,:" + QUOTE_CHARS))
    if len(words) <= limit:
        return words
    cut = words[-limit:]
    return "…" + cut[cut.find(" ") + 1:] if " " in cut else "…" + cut


# ---------------------------------------------------------------------------------------------
# Finding passages.


_ENTRY_STAMP = re.compile(r"(?i:published at|veröffentlicht um|publié à|publié le|"
                          r"опубликовано в)[^\S\n]*\d{1,2}[:.h]\d{2}")
"""A live page's entry heading carries when it was published, glued or not to its title."""


def block_quotes(layout: Layout, registry: Registry, taken: SpanSet) -> list[Candidate]:
    """Paragraphs in the first person followed by a line that only names the speaker."""
    text, paras = layout.text, layout.paras
    found = []
    for i in range(1, len(paras)):
        line = text[paras[i][0]:paras[i][1]]
        named = attribution_line(line, registry.exact)
        # A name in capitals heads the comments below it; it signs nothing above.
        if named is None or taken.holds(paras[i - 1][0]) or line.isupper():
            continue
        if _ENTRY_STAMP.search(text, paras[i - 1][0], paras[i - 1][1]):
            continue  # a live entry's title and its time ('… continuespublished at 19:07')
        first = i - 1
        if first == 0:
            continue  # the title over a caption's name ('Nick Clegg'), not a block quote
        speech = text[paras[first][0]:paras[first][1]]
        # A paragraph opening with a quotation mark is a quotation in marks with its own
        # attribution, and the line under it a caption or dateline.
        if len(speech.split()) < 8 or speech.lstrip()[:1] in QUOTE_CHARS:
            continue
        while first - 1 >= 1 and i - first < 4 and _speech_goes_on(layout, first - 1, registry):
            first -= 1
        first = _introduced_above(layout, first, registry)
        start, end = paras[first][0], paras[i - 1][1]
        found.append(Candidate(start, end, collapse(text[start:end]), "direct", "block quote",
                               attribution=named[0], role=named[1],
                               evidence=text[paras[i][0]:paras[i][1]].strip()))
    return found


_WHAT_SAID = re.compile(
    r"(?i:(?:and\s+|but\s+)?(?:here(?:'s|’s| is)|this is)\s+(?:what|how)\s+)(?P<who>.{2,80}?)"
    r"\s+(?i:said|says|told \w+|wrote|replied|responded|had to say|has to say|has said|put it)"
    r"\s*[.:]?")
"""'Here's what Cameron said.': the paragraphs below are Cameron's words."""
_HERE_IS = re.compile(
    r"(?i:(?:and\s+|but\s+)?(?:here(?:'s|’s| is)|voici|hier ist|вот))\s+(?P<who>[" + UPPER
    + r"][^,(.:]{2,60}?)\s*(?:\([^()]{1,30}\))?\s*(?:,[^.:]{0,120})?[.:]?")
"""'Here's Keith Vaz (pictured), the chairman of the committee.': the paragraphs below are his
words, printed without quotation marks."""
_QUOTE_MARKER = re.compile(r"(?i:(?:live blog|blockquote)\s*:\s*)?(?i:quote|zitat|citation|цитата)")
"""A page's marker for a block quote, left in its text: 'Live blog: quote'."""
LAST_NAMED = "they"
"""The attribution of a block quote under a marker alone: whoever was named last."""
_THIRD_PERSON = re.compile(r"(?<![\w’'-])(?:he|she|He|She|il|elle|Il|Elle|er|Er|он|она|Он|Она)"
                           r"(?![\w’'-])")


def introduced_quotes(layout: Layout, taken: SpanSet) -> list[Candidate]:
    """Paragraphs of speech without quotation marks under a line that introduces them ('Here's
    what Cameron said.', '… Sir Amyas Morse, head of the NAO, said:') or a page's quote
    marker, up to the first paragraph that is narration again."""
    text, paras = layout.text, layout.paras
    found = []
    i = 1
    while i < len(paras) - 1:
        intro = text[paras[i][0]:paras[i][1]].strip()
        who, why = _introducer(layout, i, intro)
        if who is None:
            i += 1
            continue
        first = i + 1
        if _QUOTE_MARKER.fullmatch(text[paras[first][0]:paras[first][1]].strip()):
            first += 1
        last = first - 1
        while last + 1 < len(paras) and last + 1 - first < 6 and _spoken_on(
                layout, last + 1, opening=last + 1 == first):
            last += 1
        if intro.endswith(":"):  # '… the Minister said:', not 'Here's what Cameron said.'
            last = _without_narration_after(layout, first, last)
        if last >= first and not taken.overlaps(paras[first][0], paras[last][1]):
            start, end = paras[first][0], paras[last][1]
            found.append(Candidate(start, end, collapse(text[start:end]), "direct",
                                   "block quote", attribution=who, evidence=why))
        i = max(last, i) + 1
    return found


_COMMENTED_BY = re.compile(
    r"(?:[" + UPPER + r"][\w«»\"]*(?:\s+[\w«»\"]+){0,3}\s+)?"
    r"(?:комментирует|прокомментировал[аи]?|comments|kommentiert|commente)\s+"
    r"(?P<who>[^.!?\n]{3,120}?)\.?")
"""A lead's last sentence handing over to the commentator: 'Ситуацию комментирует
председатель Движения развития Юрий КРУПНОВ.', 'Es kommentiert Anna Beispiel, …'."""


def commented(layout: Layout, taken: SpanSet) -> list[Candidate]:
    """The comment under a lead that hands over to its author ('… Ситуацию комментирует
    председатель … Юрий КРУПНОВ.' / '– Будем называть вещи своими именами. …'): the
    paragraph after it, opening on a dash, and those that go on speaking, are theirs."""
    text, paras = layout.text, layout.paras
    found = []
    for i in range(len(paras) - 1):
        s, e = paras[i]
        if not layout.sentences_in(s, e):
            continue
        last_sentence = text[layout.sentence(e - 1)[0]:e].strip()
        hand_over = _COMMENTED_BY.fullmatch(last_sentence)
        first = paras[i + 1]
        opening = text[first[0]:first[1]].lstrip()
        if hand_over is None or opening[:1] not in "-–—" or len(opening.split()) < 9:
            continue
        last = i + 1
        while last + 1 < len(paras) and last - i < 6 and _spoken_on(layout, last + 1, False):
            last += 1
        start = first[0] + (len(text[first[0]:first[1]]) - len(opening)) + 1
        start += len(text[start:first[1]]) - len(text[start:first[1]].lstrip())
        end = paras[last][1]
        if not taken.overlaps(start, end):
            found.append(Candidate(start, end, collapse(text[start:end]), "direct",
                                   "block quote", attribution=hand_over.group("who"),
                                   evidence=evidence(last_sentence)))
    return found


def _without_narration_after(layout: Layout, first: int, last: int) -> int:
    """The last paragraph of introduced speech that speaks in the first person, when one
    does: 'The £20m wing has 60 beds.' after '… I want to thank the staff …' is the release's
    narration again."""
    spoken = [i for i in range(first, last + 1)
              if _FIRST_PERSON.search(layout.text, *layout.paras[i])]
    return max(spoken[-1], first) if spoken else last


def _introducer(layout: Layout, index: int, intro: str) -> tuple[str | None, str]:
    """(who, words) when paragraph `index` introduces speech below it."""
    if (what := _WHAT_SAID.fullmatch(intro) or _HERE_IS.fullmatch(intro)) is not None:
        return what.group("who"), intro
    if _QUOTE_MARKER.fullmatch(intro):
        before = layout.text[layout.paras[index - 1][0]:layout.paras[index - 1][1]].strip()
        if _WHAT_SAID.fullmatch(before) or before.endswith(":"):
            return None, ""  # the line above introduces the speech and names the speaker
        return _paragraph_subject(layout, index - 1) or LAST_NAMED, intro
    if intro.endswith(":") and len(intro.split()) <= 40 and intro[:1] not in QUOTE_CHARS:
        sentence = intro[layout.sentence(layout.paras[index][1] - 1)[0]
                         - layout.paras[index][0]:] if layout.sentences_in(
            layout.paras[index][0], layout.paras[index][1]) else intro
        verb = speech_verb(sentence, last=True)
        if verb is not None and not sentence[verb.end():].strip(" :"):
            return sentence[:verb.start()], evidence(sentence)
        after = sentence[verb.end():].strip(" :") if verb is not None else ""
        if after and len(after.split()) <= 6 and (named := named_subject(after)) is not None:
            # 'Zur aktuellen Dürre erklärt Bundesministerin Anna Beispiel:': the subject after
            # its verb, as a German release introduces a statement.
            return named[0], evidence(sentence)
    return None, ""


def _paragraph_subject(layout: Layout, index: int) -> str | None:
    """Who the paragraph is about: the name its first sentence opens with ('Clegg is up
    first, at 9am.'), in full where the text gives it so."""
    s = layout.paras[index][0]
    sentence = layout.text[s:layout.sentence(s)[1]]
    if named := named_subject(sentence):
        return named[0]
    first = sentence.split(" ", 1)[0].strip(",.:;")
    if first[:1].isupper() and first not in TITLE_WORDS:
        return full_name_in(layout.text, first)
    return None


def _spoken_on(layout: Layout, index: int, opening: bool) -> bool:
    """Whether paragraph `index` is (still) the introduced speech: long enough, not marked,
    and after the first, in the first person or at least not narrating about someone."""
    s, e = layout.paras[index]
    para = layout.text[s:e]
    if (len(para.split()) < 8 or para.lstrip()[:1] in QUOTE_CHARS + "-–—"
            or _WHAT_SAID.fullmatch(para.strip()) or _HERE_IS.fullmatch(para.strip())
            or para.rstrip().endswith(":")):
        return False
    if opening:
        return True
    return bool(_FIRST_PERSON.search(para)) or not (
        _THIRD_PERSON.search(para) or speech_verb(para) or any(c in para for c in QUOTE_CHARS))


def _introduced_above(layout: Layout, first: int, registry: Registry) -> int:
    """Where a signed block quote starts when a sentence a few paragraphs above introduces it
    ('… chief forecaster Jane Example said the storm … could pass through the Channel:'): the
    paragraph after it, every one between being speech set off as the block is."""
    text, paras = layout.text, layout.paras
    for k in range(first - 1, max(first - 4, 0), -1):
        para = text[paras[k][0]:paras[k][1]].rstrip()
        if para.endswith(":") and speech_verb(para) is not None:
            return k + 1
        if len(para.split()) < 8 or any(c in para for c in QUOTE_CHARS) \
                or attribution_line(para, registry.exact):
            break
    return first


def _speech_goes_on(layout: Layout, index: int, registry: Registry) -> bool:
    """Whether paragraph `index` belongs to the block quote after it: speech in a block quote
    speaks in the first person; narration around it does not."""
    s, e = layout.paras[index]
    prev = layout.text[s:e]
    return not (len(prev.split()) < 8 or attribution_line(prev, registry.exact)
                or not _FIRST_PERSON.search(prev) or any(c in prev for c in QUOTE_CHARS)
                or any(reported(layout.text, a, b) for a, b in layout.sentences_in(s, e)))


_DASH = re.compile(r"\s[-–—]\s")
_SPEECH_START = re.compile(r"[-–—]\s+(?=\S)")


def dashed(layout: Layout, taken: SpanSet) -> list[Candidate]:
    """Speech opened by a dash, as Russian and French print it: '- Скажу: стыдно…, - заявил
    С. Лавров. - Скажу только одно: …' — the words between dashes; the attribution between
    them is marked taken, so that it is not read as reported speech as well."""
    found = []
    text = layout.text
    for p_start, p_end in layout.paras:
        opening = _SPEECH_START.match(text, p_start, p_end)
        start = opening.end() if opening is not None else _signed_by_dash(text, p_start, p_end)
        if start is None:
            continue
        cuts = [start]
        for m in _DASH.finditer(text, start, p_end):
            cuts += [m.start(), m.end()]
        pieces = list(zip(cuts[::2], [*cuts[1::2], p_end], strict=True))
        said = [i for i, (s, e) in enumerate(pieces) if i > 0 and speech_verb(text[s:e])]
        if not said:
            continue
        a_start, a_end = pieces[said[0]]
        who = tail_attribution(text, a_start, a_end)
        if not taken.overlaps(a_start, a_end):
            taken.add(a_start, a_end)
        for i, (s, e) in enumerate(pieces):
            end = s + len(text[s:e].rstrip(" ,"))
            if i not in said and word_count(text[s:end]) >= 3:
                found.append(Candidate(s, end, collapse(text[s:end]), "direct", "dash",
                                       attribution=who,
                                       evidence=evidence(text[a_start:a_end])))
    return found


def _signed_by_dash(text: str, start: int, end: int) -> int | None:
    """Where speech starts in a paragraph printed without its opening dash or any mark and
    signed at its end ('Когда в городе появляются новые школы, …, — сказала она.'): the
    paragraph's start; None when it is not so signed."""
    dashes = list(_DASH.finditer(text, start, end))
    if not dashes or any(c in text[start:end] for c in QUOTE_CHARS):
        return None
    last = dashes[-1]
    signed = text[last.end():end]
    verb = speech_verb(signed)
    if verb is None or verb.start() > 0 or len(signed.split()) > 8 \
            or text[last.start() - 1:last.start()] not in (",", "!", "?", "…"):
        return None
    return start


def marked(layout: Layout) -> list[Candidate]:
    """Every passage between quotation marks of at least three words."""
    found = []
    for start, end, marks in quoted(layout.text, layout.paras):
        words = layout.text[start:end]
        for mark in marks:
            words = words[:mark - start] + " " + words[mark - start + 1:]
        words = collapse(words).rstrip(" ,")
        # Two words are a quotation too when a speech verb follows them: '«Наоборот,
        # расслабляюсь», – признался он'; otherwise a term in marks.
        count = word_count(words)
        if _names_a_paper(layout.text, start, words):
            continue
        if count >= 3 or (count == 2 and _said_after(layout, end)) or (
                count >= 1 and naming_verb(layout.text[layout.sentence(start)[0]:start])):
            found.append(Candidate(start, end, words, "direct", "quotation marks"))
    return found


_NAMING = re.compile(r"(?<![\w’'-])(?:nennt|nannte|bezeichnet|bezeichnete|wirft|warf|calls|called|"
                     r"calling|branded|brands|dubbed|qualifie|a qualifié|traite|a traité|"
                     r"назвал|назвала|называет)(?![\w’'-])"
                     r"(?=[^.!?:;\"“”«»„]{0,60}[\"“«„]?\s*$)")
"""A verb naming someone or something by the speaker's word, just before it in marks: 'Er
nennt die AfD "Handlanger Putins"', 'calling the Tories a "cancer"'."""


def naming_verb(before: str) -> re.Match[str] | None:
    """The naming verb right before a quotation's opening mark, if there is one."""
    return _NAMING.search(before, max(0, len(before) - 90))


_WORD_RE = re.compile(r"[^\W_]+")
_ARTICLE_BEFORE = re.compile(r"(?<![\w’'-])(?i:der|dem|den|des|die|the|le|la|du|au|dans|im)"
                             r"\s*$")


_NAMING_NOUN = re.compile(
    r"(?<![\w’'-])(?i:совещани\w*|заседани\w*|конференци\w*|форум\w*|программ\w*|"
    r"закон\w*|постановлени\w*|указ\w*|проект\w*|акци\w*|фестивал\w*|конкурс\w*|"
    r"conference|forum|programme|program|campaign|law|act|bill|report|operation|festival|"
    r"konferenz|forum|programms?|gesetz\w*|kampagne|aktion|berichts?|tagung|colloque|loi|"
    r"opération|rapport|campagne|plan|projet|festival|concours)\s*$")


def _names_a_paper(text: str, start: int, words: str) -> bool:
    """Whether the words in marks are a title after its article, every word capitalised: 'sagte
    Macron der "Frankfurter Allgemeinen Zeitung"', 'told the "Sunday Times"'; or a meeting's,
    a law's or a programme's name right after the noun: 'на совещании «О прогнозном балансе
    …»', 'the campaign “Schools for All”'."""
    if _NAMING_NOUN.search(text[max(0, start - 30):start].rstrip("“\"«„‘ ")):
        return True
    names = words.split()
    if not names or len(names) > 4 or any(not w[:1].isupper() for w in names) \
            or words.rstrip()[-1:] in ".!?…":
        return False
    return _ARTICLE_BEFORE.search(text[max(0, start - 12):start].rstrip("“\"«„‘ ")) is not None


def _said_after(layout: Layout, end: int) -> bool:
    tail = layout.text[end:layout.sentence(end + 1)[1]].lstrip("”“\"»’ ,.—–-")
    verb = speech_verb(tail[:40])
    return verb is not None and verb.start() == 0


_SIGNS_A_QUOTATION = re.compile(r"[»”\"“][,.!?…]?[^\S\n]*[-–—]?[^\S\n]*[\w’'-]+[^\S\n]*$")
"""A speech verb just after a closing quotation mark: the words after it name the speaker."""


def reported_speech(layout: Layout) -> list[Candidate]:
    """What each sentence reports someone as saying, as paraphrases (not in the headline)."""
    found = []
    after_title = layout.paras[0][1] if layout.paras else 0
    previous: tuple[int, int] | None = None
    for s, e in layout.sents:
        if s < after_title:
            continue
        before, previous = previous, (s, e)
        who = said_by_before(layout.text[s:e])
        if who and before and layout.para_index(before[0]) == layout.para_index(s) and not any(
                c in layout.text[before[0]:before[1]] for c in QUOTE_CHARS):
            # 'Переговоры продолжатся … . Об этом заявил Сергей Лавров': the sentence before.
            b_start, b_end = before[0], before[1] - len(layout.text[before[0]:before[1]]) + len(
                layout.text[before[0]:before[1]].rstrip(" .!"))
            found.append(Candidate(b_start, b_end, collapse(layout.text[b_start:b_end]),
                                   "paraphrase", "reported speech", attribution=who,
                                   evidence=evidence(layout.text[s:e])))
            continue
        hit = reported(layout.text, s, e)
        if hit is not None and (_SIGNS_A_QUOTATION.search(layout.text, s, hit[0])
                                or _POINTS_BACK.search(layout.text, s, hit[0])):
            # '«…», — написал Сергей Лебедев на своей странице', '…, об этом на
            # пресс-конференции … заявил директор Юрий Киселев': who, not what
            hit = None
        if hit is not None and a_count(hit[2]):
            hit = None  # 'Six said yes': a count of people, no one the editor can name
        if hit is not None:
            r_start, r_end, who, kind = hit
            # '…, according to county officials.': the words naming the speaker follow.
            found.append(Candidate(r_start, r_end, collapse(layout.text[r_start:r_end]), kind,
                                   "reported speech", attribution=who,
                                   evidence=evidence(layout.text[s:r_start])
                                   or evidence(layout.text[r_end:e])))
        elif before and _goes_on_reporting(layout, before, (s, e)):
            end = s + len(layout.text[s:e].rstrip(" .!"))
            found.append(Candidate(s, end, collapse(layout.text[s:end]), "paraphrase",
                                   "reported speech", attribution=_GOES_ON,
                                   evidence="the reported speech just before, in the subjunctive"))
    return found


_POINTS_BACK = re.compile(r"(?<![\w-])(?i:об этом|о том|darüber|davon)(?![\w-])")
"""Words pointing back at what was said before as the verb's object: what follows the verb is
who said it."""
_SUBJUNCTIVE = re.compile(
    r"(?<![\w-])(?:sei|seien|habe|hätten|gelte|werde|könne|müsse|dürfe|solle|wolle|gebe|gäbe|"
    r"drohe|dränge|stehe|liege|gehe|komme|brauche|fehle|bleibe|führe|zeige)(?![\w-])")
"""German verbs in the subjunctive of reported speech: 'Ein Ende sei nicht absehbar.'"""
_GOES_ON = "er"
"""Reported speech going on in the subjunctive is by whoever was named last as speaking."""


def _goes_on_reporting(layout: Layout, before: tuple[int, int], sentence: tuple[int, int]
                       ) -> bool:
    """Whether a sentence in the subjunctive, with no verb of saying, goes on the reported
    speech of the sentence before it in its paragraph ('…, betonte Reiner Haseloff. 2002 seien
    die Überflutungen von der Elbe gekommen.')."""
    text = layout.text
    words = text[slice(*sentence)]
    if (layout.para_index(before[0]) != layout.para_index(sentence[0])
            or _SUBJUNCTIVE.search(words) is None or speech_verb(words) is not None
            or any(c in words for c in QUOTE_CHARS) or word_count(words) < 4):
        return False
    # Someone spoke earlier in the paragraph: '… betonte Haseloff. 2002 seien … Jetzt strömten
    # … Ein Ende sei nicht absehbar …'.
    para_start = layout.paras[layout.para_index(sentence[0]) or 0][0]
    earlier = text[max(para_start, sentence[0] - 600):sentence[0]]
    return speech_verb(earlier) is not None


_ASKED = re.compile(r"(?i:\b(?:question|frage|вопрос))\s*:\s*$"
                    r"|^\s*(?i:что|где|когда|what|where|when|quoi|où|quand|was|wo|wann)\s*:\s*$")
"""A quotation's lead that only says a question follows ('Первый вопрос:', 'Question :'), or
that it is the value of an event's box ('Что: «Итоги года с Владимиром Путиным»'): no one's
words."""


def resolved_quotes(layout: Layout, registry: Registry, taken: SpanSet) -> list[Candidate]:
    """Every quotation outside `taken` with its speaker; a few words in quotation marks that
    no one is named for ('de progrès humain') are a term, not a quotation, and left out."""
    found = resolve_speakers(layout, find_passages(layout, registry, taken), registry)
    kept, seen = [], set()
    lines: dict[str, list[tuple[int, int]]] = {}
    for s, e in layout.paras:
        lines.setdefault(layout.text[s:e].strip(), []).append((s, e))
    for c in found:
        if c.how == "quotation marks" and c.speaker is None and not c.name \
                and word_count(c.text) < 5:
            continue
        lead_start = layout.sentence(max(c.start - 1, 0))[0]
        if c.how == "quotation marks" and c.start - lead_start <= 300 and _ASKED.search(
                layout.text[lead_start:max(c.start - 1, 0)]):
            continue  # 'Первый вопрос: «…»', 'Что: «…»': no one's words
        if c.how == "quotation marks" and (_under_read_also(layout, c.start)
                                           or _work_title(layout, c)
                                           or _heading_elsewhere(layout, c, lines)):
            continue
        # A headline repeating the body's quotation ('Söder zu Scholz: "Ich kenne keinen …"'):
        # the editor records it once, where it first appears.
        words = " ".join(_WORD_RE.findall(c.text.casefold()))
        if c.how == "quotation marks" and (words in seen or _headline_of_another(layout, c,
                                                                                 found)):
            continue
        seen.add(words)
        kept.append(c)
    out = []
    for c in kept:
        if c.how == "quotation marks" and c.kind == "direct" and embedded_in_sentence(
                layout.text, c.start, c.end, layout.sentence(c.start)[0]):
            if _quoted_term(layout, c):
                continue
            c = _as_reported(layout, c, kept)
        out.append(c)
    return out


_READ_ALSO = re.compile(r"(?i:(?:à\s+)?lire\s+aussi|voir\s+aussi|read\s+(?:more|also)|see\s+also|"
                        r"related|lesen\s+sie\s+auch|mehr\s+zum\s+thema|auch\s+interessant|"
                        r"читайте\s+также|см\.\s+также)\s*:?\s*")
"""A page's link to another article ('Lire aussi : Ariane 6 : …, « l'espace européen est de
retour »'): a headline of that article, whose words in marks no one says here."""


def _under_read_also(layout: Layout, at: int) -> bool:
    """Whether the line holding `at` is a linked headline: after 'Read more:' on its line, or
    right under a line that is only that label."""
    line_start = layout.text.rfind("\n", 0, at) + 1
    if _READ_ALSO.match(layout.text, line_start) is not None:
        return True
    above_end = line_start - 1
    while above_end > 0 and layout.text[above_end - 1] in " \t\n":
        above_end -= 1
    above = layout.text[layout.text.rfind("\n", 0, above_end) + 1:above_end]
    return bool(above.strip()) and _READ_ALSO.fullmatch(above.strip()) is not None


def _heading_elsewhere(layout: Layout, cand: Candidate,
                       lines: dict[str, list[tuple[int, int]]]) -> bool:
    """Whether the words in marks are printed again, without marks, as a line of their own:
    the page's heading, quoted in its breadcrumbs ('Standort: … / Meldung: "Kometenlandung
    geglückt - gleich zweimal?"') or a link's title, not anyone's words; `lines` are the
    paragraphs by their words, looked up once per quotation rather than scanned."""
    words = layout.text[cand.start:cand.end].strip()
    return len(words.split()) >= 3 and any(
        not s <= cand.start < e for s, e in lines.get(words, []))


_WORK_BY = re.compile(r"[»”\"“]?[^\S\n]+(?:de|du|d['’]|by|von|от)[^\S\n]+"
                      r"(?:(?:la|le|the|der|dem)[^\S\n]+|l['’])?[" + UPPER + r"]")
_WORDS_OF = re.compile(r"(?i:propos|phrase|mots|formule|paroles|déclaration|words|remarks?|"
                       r"phrase|comment|worte|satz|aussage|слова|фраза|заявлени\w*)\W*$")


def _work_title(layout: Layout, cand: Candidate) -> bool:
    """Whether the words in marks are the title of a work followed by its author ('le film
    "You were never really here" de la Britannique Lynne Ramsay', '"Faute d'amour" du Russe
    …'): capitalised as a title is, ending as no sentence does, in a sentence where no one
    speaks (the words of 'les propos « … » de X' are X's)."""
    words = cand.text.strip()
    if (not words[:1].isupper() or words.endswith((".", "!", "?", "…", ","))
            or _WORK_BY.match(layout.text, cand.end) is None):
        return False  # '« qui pourrait marquer l'histoire » de La Réunion': words, no title
    start, end = layout.sentence(cand.start)
    before = layout.text[max(start, cand.start - 40):cand.start]
    outside = layout.text[start:cand.start] + " " + layout.text[cand.end:end]
    return _WORDS_OF.search(before.rstrip(" «“„\"")) is None and speech_verb(outside) is None


_DETERMINER = re.compile(r"(?i:le|la|les|l['’]|un|une|des|du|the|a|an|der|die|das|den|dem|des|"
                         r"ein|eine|einen)(?:\s|(?<=['’]))")


def _quoted_term(layout: Layout, cand: Candidate) -> bool:
    """Whether a few words in marks are a term the writer quotes, not anyone's words: a noun
    phrase after its article ('consacre sa une à "la ruée vers les bus"', 'prévoit
    "l'organisation d'un service"') in a sentence that says no one said anything."""
    # Scare quotes ('имеющим прямую связь «с одной из башен Кремля»', 'als "lebendiges und
    # vielfältiges Biotop"') need no article: a few words, in a sentence reporting no one.
    start, end = layout.sentence(cand.start)
    outside = layout.text[start:cand.start] + " " + layout.text[cand.end:end]
    if not _DETERMINER.match(cand.text) and not _scare_quotes(cand, outside):
        return False
    lowered = outside.lower()
    return (speech_verb(outside) is None and _NAMING_VERB.search(outside) is None
            and _SUBJUNCTIVE.search(outside) is None
            and not any(p.lower() in lowered for p in ACCORDING_TO))


_SCARE_QUOTE_WORDS = 5
_SOMEONE_SPEAKS = re.compile(
    r"-t-(?:il|elle|on)\b|\bso\s+(?:die|der|das)\s|(?<![\w’'-])(?i:sprach|spricht|sprechen|"
    r"parl\w*|spoke|speaks|говорил\w*|заявил\w*|сказал\w*|précis\w*)(?![\w’'-])")
_PRONOUN_SUBJECT = re.compile(r"\s*(?:Sie|Er|Il|Elle|Ils|Elles|He|She|They|Он|Она|Они)\s")


def _scare_quotes(cand: Candidate, outside: str) -> bool:
    """Whether a few words in marks with no article may still be the writer's scare quotes: no
    one goes on speaking, none speaks in the sentence, and it does not open on its subject."""
    if word_count(cand.text) > _SCARE_QUOTE_WORDS or cand.evidence == CONTINUES:
        return False
    opening = outside[:len(cand.name) + 12]
    return (_SOMEONE_SPEAKS.search(outside) is None and _PRONOUN_SUBJECT.match(outside) is None
            and not (cand.name and cand.name in opening))


_NAMING_VERB = re.compile(
    r"(?<![\w’'-])(?i:called|calls|calling|described|describes|describing|appel\w*|qualifi\w*|"
    r"nannte|nennt|bezeichnete|bezeichnet|назвал\w*|называ\w*|призвал\w*)(?![\w’'-])")
"""'He called a draft agreement “a small victory …”', 'appelant à "une grande prudence"':
someone's words, though no verb of saying."""


def _headline_of_another(layout: Layout, cand: Candidate, found: list[Candidate]) -> bool:
    """Whether a quotation in the title, or standing alone as a subheading, repeats part of a
    longer quotation below ('"Nous saurons tenir": …' over '"Je crois que nous saurons tenir"'):
    the editor records it once, in the body."""
    index = layout.para_index(cand.start)
    if index is None:
        return False
    para = layout.text[slice(*layout.paras[index])]
    if index != 0 and word_count(para) > word_count(cand.text) + 1:
        return False
    words = " ".join(_WORD_RE.findall(cand.text.casefold()))
    return any(o.start > cand.end and o.how == "quotation marks" and len(o.text) > len(cand.text)
               and words in " ".join(_WORD_RE.findall(o.text.casefold())) for o in found)


def embedded_in_sentence(text: str, start: int, end: int, sentence_start: int) -> bool:
    """Whether the words in marks at [start, end) are a few quoted words inside the writer's
    own sentence ('appelant à "une grande prudence"', 'Die Lage sei "noch nie so trist"', 'who he
    said "set out to fight …"', '"Le message global" du gouvernement') rather than a quotation
    set off by a colon, a comma, a dash or 'que' / 'that' / 'dass' / «что»."""
    words = text[start:end].strip()
    if _INNER_SENTENCE.search(words) or (words[:1].isupper() and words.endswith(
            (".", "!", "?", "…"))):
        return False  # whole sentences in marks: 'd'une "réforme courageuse. En se …"'
    before = text[sentence_start:max(start - 1, sentence_start)].rstrip()
    if not before:
        # At the sentence's start: embedded when the sentence runs on with no pause after it.
        # '"She stood up for …," he said': the pause inside the marks sets them off.
        after = text[end + 1:end + 30].lstrip(" ")
        return (after[:1].isalpha() and after[:1].islower() and not words.endswith(
            (",", ".", "!", "?", "…", ";", ":"))
            and speech_verb(" ".join(after.split()[:2])) is None)
    if before[-1] in ":,;«—–-(" + QUOTE_CHARS or before[-1] in ".!?":
        return False
    last = before.split()[-1].casefold()
    if last in _THAT_WORDS or last.endswith(("qu'", "qu’")):
        return False
    opening = text[start:start + 1]
    # 'he said "We will …"': a speech verb, then a quotation opening on a capital, is one; so
    # is one closing on its own cry or question ('Éva Touboul crie "on va chercher … !"').
    return not (speech_verb(before.split()[-1]) is not None
                and (opening.isupper() or words.endswith(("!", "?"))))


_INNER_SENTENCE = re.compile(r"[a-zßà-öø-ÿа-яё]{2}[.!?]\s+[" + UPPER + r"]")
_CLAUSE_STOP = re.compile(r"[,;:]\s|[.!?…](?=\s|$)|\s[-–—]\s")


def _as_reported(layout: Layout, cand: Candidate, others: list[Candidate]) -> Candidate:
    """A few quoted words inside reported speech, proposed as the paraphrase they belong to:
    their clause, from the last pause before them to the next after them, quotation marks
    and all; only the quoted words where that clause would run into another proposal."""
    text = layout.text
    s_start, s_end = layout.sentence(cand.start)
    pauses = [m.end() for m in _CLAUSE_STOP.finditer(text, s_start, cand.start)]
    start = pauses[-1] if pauses else s_start
    stop = _CLAUSE_STOP.search(text, min(cand.end + 1, s_end), s_end)
    end = stop.start() if stop else s_end
    end = len(text[:end].rstrip(" .!?…"))
    if any(o is not cand and o.start < end and start < o.end for o in others) or end <= start:
        start, end = cand.start - 1, cand.end + 1
    return replace(cand, start=start, end=end, text=collapse(text[start:end]), kind="paraphrase",
                   how="quoted words in reported speech")


_SIGNED_HEADLINE = re.compile(r"(?P<words>[^\n]{20,300}?)\s+[-–—]\s+(?P<who>[" + UPPER
                              + r"][\w’'\-]+(?:\s+[" + UPPER + r"][\w’'\-]+)?)\s*$")
"""A wire's headline signed by its speaker after a dash: 'С точки зрения безопасности сейчас
нет возможности … - Немчинов'."""


def signed_headline(layout: Layout, registry: Registry) -> list[Candidate]:
    """The headline, when it is someone's words signed with their name after a dash, and the
    text names that person in full below ('Олег Немчинов') or the registry knows them."""
    text = layout.text
    for s, e in layout.paras[:6]:
        line = text[s:e].strip()
        if len(line) > 400:
            return []  # the body: no headline above it signed with a name
        if len(line.split()) < 6 or is_dateline(line):
            continue  # the outlet, a dateline, a label above the headline
        match = _SIGNED_HEADLINE.fullmatch(line)
        if match is None or line.endswith((".", "!", "?")) or any(c in line for c in QUOTE_CHARS):
            return []
        who = match.group("who")
        known = registry.resolve(who) or (" " not in who and full_name_in(text[e:], who))
        if not known or (_FIRST_PERSON.search(match.group("words")) is None and \
                speech_verb(match.group("words")) is not None):
            return []
        start = s + (len(text[s:e]) - len(text[s:e].lstrip()))
        return [Candidate(start, start + len(match.group("words")), match.group("words"),
                          "direct", "signed headline", attribution=who, evidence=line)]
    return []


_COLON_HEADLINE = re.compile(r"(?P<who>[" + UPPER + r"][^\n:]{1,60}?):[^\S\n]+"
                             r"(?P<words>[^\n]{15,300})")
"""A headline or standfirst in the speaker's name ('Глава округа Бондаренко: Немного пепла
обнаружили в поселке Ключи', 'Scholz: Wir werden die Hilfe verlängern'): the words after the
colon, printed without quotation marks, are the paper's summary of what was said."""


def colon_headline(layout: Layout, registry: Registry) -> list[Candidate]:
    """Headlines above the body in the form 'Name: words', proposed as what the speaker is
    reported to have said — never as a quotation: no marks set the words off as theirs. The
    speaker is someone the registry knows, or whose surname the text gives in full below."""
    text = layout.text
    found = []
    for s, e in layout.paras[:8]:
        line = text[s:e].strip()
        if len(line.split()) >= 40:
            break  # the body
        match = _COLON_HEADLINE.fullmatch(line)
        if match is None or any(c in line for c in QUOTE_CHARS) or is_dateline(line) \
                or is_label(line):
            continue
        who = match.group("who").strip()
        if len(who.split()) > 6 or not who.split()[-1][:1].isupper():
            continue
        known = registry.resolve(who) or registry.resolve(who.split()[-1])
        full = None if known else full_name_in(text[e:], who.split()[-1])
        if not known and (full is None or " " not in full):
            continue  # 'Фото: …', 'Themen: …', 'Update: …': a label, no one's words
        start = s + (len(text[s:e]) - len(text[s:e].lstrip())) + match.start("words")
        words = match.group("words").rstrip(" .")
        found.append(Candidate(start, start + len(words), words, "paraphrase",
                               "headline in the speaker's name", attribution=full or who,
                               evidence=line))
    return found


def find_passages(layout: Layout, registry: Registry, taken: SpanSet) -> list[Candidate]:
    """Every passage outside `taken` that looks like a quotation, speaker still to resolve.

    Where passages overlap, block quotes win over quotation marks, and those over reported
    speech.
    """
    kept: list[Candidate] = []
    reports = reported_speech(layout)
    # A paraphrase quoting a few words wins over those words alone.
    quoting = [c for c in reports if any(ch in c.text for ch in QUOTE_CHARS)]
    plain_reports = [c for c in reports if not any(ch in c.text for ch in QUOTE_CHARS)]
    for group in (colon_headline(layout, registry), block_quotes(layout, registry, taken),
                  introduced_quotes(layout, taken), commented(layout, taken),
                  dashed(layout, taken),
                  signed_headline(layout, registry), quoting,
                  marked(layout), plain_reports):
        for cand in sorted(group, key=lambda c: c.start):
            if not taken.overlaps(cand.start, max(cand.end, cand.start + 1)):
                taken.add(cand.start, max(cand.end, cand.start + 1))
                kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


# ---------------------------------------------------------------------------------------------
# Speakers, in reading order.


_PLACE_PREPOSITIONS = frozenset(words_of("à a en au aux in at im am in bei в во на из"))
"""Words opening a place rather than a name: 'À Paris, le ministre …'."""


def _subject(phrase: str) -> str:
    """The part of the words before a speech verb that names the speaker."""
    phrase = ON_REQUEST.sub(" ", phrase)  # 'Die Wiesn-Pressestelle sagt auf AZ-Nachfrage'
    phrase = re.sub(r"\([^()]*\)", " ", phrase)  # 'Saskia Esken (SPD)'
    # 'Markus Weinzierl (Trainer VfB Stuttgart' before its '):': the club is not the speaker.
    phrase = re.sub(r"(?<=\S)\s*\([^()]*$", "", phrase)
    segments = [s.strip(" )—–-") for s in re.split(r"[,;(]", phrase)]
    segments = [s for s in segments if s]
    # 'Emmanuelle Charpentier, chemistry Nobel laureate 2020' under a quotation set off: the
    # line signing it ends on the apposition, with no verb after it.
    apposition = len(segments) >= 2 and (phrase.rstrip().endswith(",") or (
        segments[-1][:1].islower() and speech_verb(segments[-1]) is None
        and segments[-2].split()[0].casefold() not in _PLACE_PREPOSITIONS
        and " " in segments[-2] and (proper_name(segments[-2]) or ("",))[0] == segments[-2]))
    for n, segment in reversed(list(enumerate(segments))):
        # 'Jeremy Cook, chief economist at World First, reckons': the apposition is not the name.
        # 'Anna Beispiel, Landesforstpräsidentin und Geschäftsführerin von Landesforst, warnte':
        # German capitalises the office, which is no name either.
        # 'John Example, Weather Service Chief Meteorologist, said': an office after a full name.
        if (apposition and n == len(segments) - 1
                and (segment[:1].islower() or names_an_office(segment.split()[0])
                     or (_holds_office(segment)
                         and " " in (proper_name(segments[n - 1]) or ("",))[0]))
                and proper_name(segments[n - 1]) is not None):
            continue
        first = segment.split(" ", 1)[0].lower()
        if first in {"who", "which", "whose", "where", "qui", "der", "die", "welche", "который",
                     "которая"}:
            last: str = segment.split()[-1]
            if last.lower() in PRONOUNS_PERSON:
                return last  # 'Newsom applauded Harris, who he said': he
            continue
        return _ADVERBS.sub("", segment)
    return phrase.strip()


def _holds_office(words: str) -> bool:
    """Whether words hold an office's title ('Weather Service Chief Meteorologist', 'Head of
    Communications', 'Director-General of the ESA'): an apposition to the name before, not a
    name."""
    return any((w in TITLE_WORDS and w not in ("Le", "La", "Der", "Die", "M.", "Mme", "Herr",
                                                "Frau", "Mr", "Mrs", "Ms", "Dr"))
               or _is_role_noun(w) or names_an_office(w)
               for w in re.split(r"[\s\-‐]+", words) if w)


_OFFICE_OF = re.compile(r"(?i:der|die|le|la|the)\s+[\w-]+\s+"
                        r"(?i:des|der|du|de la|de l['’]|of the|of)"
                        r"\s+(?P<org>(?:[" + UPPER + r"][\w-]*\s*){1,3})"
                        # '… der Zeitung', 'to the BBC': whom it was said to.
                        r"(?:\s*(?:der|dem|den|to the|to)\s+.{1,40})?")
"""An office of an organisation: 'der Vorstandschef des FC Bayern', 'the head of the DFL'."""


def _holder_of(text: str, org: str, before: int) -> str | None:
    """The full name the text gives, before `before`, right after the organisation's name
    ('Bayern-Boss Karl-Heinz Rummenigge', 'DFL-Chef Christian Seifert', 'FC Bayern chief
    executive Karl-Heinz Rummenigge')."""
    key = org.split()[-1]
    pattern = re.compile(r"(?<![\w-])" + re.escape(key) + r"(?:-[\w]+|\s+[a-zà-ÿ][\w-]*){0,3}"
                         r"\s+(?P<name>[" + UPPER + r"][a-zßà-öø-ÿ]+(?:-[" + UPPER
                         + r"][a-zßà-öø-ÿ]+)?\s+[" + UPPER + r"][a-zßà-öø-ÿ]+)(?![\w-])")
    found = [m.group("name") for m in pattern.finditer(text, 0, before)]
    return found[-1] if found else None


def _holder_after_office(text: str, office: str, before: int) -> str | None:
    """The full name the text gives, before `before`, right after the same office in the same
    words ('Глава Банка России Мария Образцова', 'Governor of the Bank of England Jane
    Example'), the office's first letter in either case."""
    words = office.split()
    body = r"[^\S\n]+".join(re.escape(w) for w in words[1:])
    pattern = re.compile(r"(?<![\w’'-])(?i:" + re.escape(words[0][:1]) + r")"
                         + re.escape(words[0][1:]) + r"[^\S\n]+" + body
                         + r",?[^\S\n]+(?P<name>" + GIVEN_NAME + r"[^\S\n]+[" + UPPER
                         + r"][\w’'-]+)")
    found = [m.group("name") for m in pattern.finditer(text, 0, before)]
    return found[-1] if found else None


_CLITIC = re.compile(r"(?:\s+(?:l|m|t|s|n|y|en|nous|vous|lui|leur|ne|me|te|se)(?:['’]|\s*$))+\s*$")
_UNNAMED = frozenset(words_of("source insider aide quelle источник"))
"""Who speaks unnamed, known by where they sit: 'a Cabinet source', 'a Labour insider'."""


_THAT_WORDS = frozenset(words_of("that which who dass que qu'il qu’il что как"))
"""Words that open a clause whose subject follows: 'that he claims', 'dass er sagt'."""


Guess = tuple[str | None, str, str]
"""(registry id or None, name as the text gives it, role the text gives)."""


_PLUPERFECT = re.compile(r"(?i)(?<![\w-])(?:avait|avaient|had|hatte|hatten)(?![\w-])")
"""The tense of what happened before the story's time: its subject is no one now speaking."""


@dataclass
class Resolver:
    """Speakers named so far, latest last, for pronouns and surnames further on."""

    registry: Registry
    text: str = ""
    """The whole text, where a surname alone is looked for in a fuller form."""
    mentions: list[tuple[int, str | None, str, bool]] = field(default_factory=list)
    """(offset, id, name, is a person), in the order of the text."""
    section: tuple[str | None, str] | None = None
    """Whom the heading over the passage being resolved names ('POPE FRANCIS'), if one does."""
    entry: tuple[str | None, str] | None = None
    """Whom the heading of the live entry being resolved names ('12:30 Jane Doe: …'), if one
    does."""
    lead: tuple[int, str | None, str] | None = None
    """(offset, id, name) of the person the title or lead names, if it names one."""
    speaking: set[tuple[int, str]] = field(default_factory=set)
    """(offset, name) of the mentions reported speaking: a quotation's speaker, the subject of
    a verb of speech ('a indiqué le préfet Laurent Cayrel')."""

    def mention(self, at: int, speaker: str | None, name: str) -> None:
        """Record that `speaker` (or a new person named `name`) is named at `at`."""
        if speaker is None and len(name.split()) == 1 and self.text:
            # 'Белозерцев' in a headline, 'Иван Белозерцев' in the lead: 'the governor' further
            # on is the person in full.
            fuller = full_name_in(self.text, name)
            name = fuller if fuller and " " in fuller else name
        if speaker is None and name:
            # 'Иван Белозерцев' for the registry's 'Ivan Belozertsev': known in another script.
            known = self.registry.exact(name) if " " in name else self.registry.surname(name)
            if known is not None and self.registry.is_person(known):
                speaker, name = known, self.registry.people[known].name
        self.mentions.append((at, speaker, name, self.registry.is_person(speaker) if speaker
                              else not is_institution(name)))

    def last(self, at: int, person: bool, speaking: bool = False
             ) -> tuple[str | None, str] | None:
        """The latest speaker named before `at` (a person only, for 'he' and 'she'); with
        `speaking` and no one named in its own paragraph, the latest reported speaking, past
        people only mentioned since as background, in the pluperfect ('…, a indiqué le préfet
        Laurent Cayrel. Lors de sa visite, Manuel Valls avait évoqué la date. / "…", a-t-il
        indiqué': the prefect)."""
        # Mentions arrive in reading order; looking back a few is enough and stays linear.
        first = None
        # Someone named in the pronoun's own paragraph is its antecedent, speaking or not.
        paragraph = self.text.rfind("\n", 0, at) + 1
        for m_at, speaker, name, is_person in reversed(self.mentions[-50:]):
            if m_at > at or not (is_person or not person):
                continue
            if first is None:
                first = speaker, name
                if not speaking or m_at >= paragraph or (m_at, name) in self.speaking \
                        or not _PLUPERFECT.search(re.split(r"[.!?\n]", self.text[m_at:])[0]):
                    return first
            elif (m_at, name) in self.speaking and at - m_at < 1200:
                return speaker, name
        return first

    def _office_before(self, noun: str, at: int) -> str | None:
        """The latest word before `at` naming an office that ends with `noun` ('Bahnsprecherin'
        for 'Sprecherin'), when it is nearer than any mention of a person."""
        if len(noun) < 5 or not names_an_office(noun):
            return None
        latest = max((m_at for m_at, _, name, person in self.mentions[-50:]
                      if m_at < at and person and not names_an_office(name)), default=-1)
        pattern = re.compile(r"(?<![\w’'-])[" + UPPER + r"][\w-]*" + re.escape(noun.lower())
                             + r"(?![\w’'-])")
        found = [m for m in pattern.finditer(self.text, max(latest, 0, at - 1500), at)]
        return found[-1].group() if found else None

    def named_next(self, at: int) -> tuple[str | None, str] | None:
        """The registered person the paragraph names next after `at`: an office named before
        its holder ('la ministre de la Santé l'assure : "…" … Non, assure Agnès Buzyn')."""
        end = self.text.find("\n", at)
        paragraph = self.text[at:end if end >= 0 else min(len(self.text), at + 2000)]
        persons = [h for h in self.registry.find(paragraph) if self.registry.is_person(h[2])]
        return (persons[0][2], self.registry.people[persons[0][2]].name) if persons else None

    def phrase(self, phrase: str, at: int) -> Guess | None:
        """Whoever `phrase` names; None when it names no one (nor words that cannot name a
        speaker: 'Non', 'the Euro Summit')."""
        found = self._named_by(phrase, at)
        if found is not None and found[0] is None and not could_be_speaker(found[1]):
            return None
        return found

    def _named_by(self, phrase: str, at: int) -> Guess | None:
        # 'Jean-Michel Blanquer l'a assuré', 'il nous a dit': the object pronoun before the
        # verb is no part of the name.
        subject = _CLITIC.sub("", _subject(phrase))
        # 'Mais elle prévient', 'But he warned': the conjunction opening the sentence is no name.
        while len(subject.split()) > 1 and subject.split()[0] in OPENERS:
            subject = subject.split(" ", 1)[1]
        words = subject.split()
        if len(words) > 1 and words[0].lower() in PRONOUNS_PERSON \
                and all(w[:1].islower() for w in words[1:]):
            subject = words[0]  # 'she is expected to tell members:', 'er wird sagen': she
        elif len(words) > 1 and words[-1].lower() in PRONOUNS_PERSON and (
                words[0] in OPENERS or words[0][:1].islower()
                # 'Turning to the result he says': a clause before the pronoun, no name.
                or (len(words) >= 4 and words[0].lower().endswith("ing"))) and not any(
                w[:1].isupper() for w in words[1:-1]):
            subject = words[-1]  # 'При этом она отметила', 'Dabei betonte er': she, he
        last_word = subject.split()[-1].lower() if subject.split() else ""
        if last_word in PRONOUNS_PERSON and len(subject.split()) > 1 and \
                subject.split()[-2].lower() in _THAT_WORDS:
            subject = last_word  # '… a meeting on 30 October that he claims': he

        # 'a annoncé l’élu': the elided article before an office, as 'le maire'.
        subject = re.sub(r"^[lL]['’](?=[a-zà-ÿ])", "le ", subject)
        # 'prévient l'Isavia': the elided article before a body's name, no part of it.
        subject = ELIDED_ARTICLE.sub("", subject)
        word = subject.strip(" ,.").lower().replace("a-t-", "").replace("t-", "")
        # 'the minister', 'a visibly angry Speaker', 'the former chief whip': someone named
        # before, by their office or a description.
        described = subject.split()
        if 2 <= len(described) <= 3 and described[0].lower() in _DEFINITE \
                and described[-1].casefold().endswith(_PRESS_OFFICES):
            # 'Die Wiesn-Pressestelle sagt': a body's press office, no person named before.
            return None, " ".join(described[1:]), ""
        if described and (described[0].lower() in _DESCRIBING or (  # a sentence's capital
                described[0].lower() in ROLE_NOUNS and len(described) > 1)):
            # 'Глава ЦИК отметила', 'Глава региона подчеркнул': an office opening the sentence.
            described = [described[0].lower(), *described[1:]]
        role_noun = bool(described) and (
            (_is_role_noun(described[-1]) and all(w[:1].islower() for w in described[:-1]))
            or (described[0] in _DESCRIBING and all(w[:1].islower() for w in described))
            # 'die Kanzlerkandidatin', 'der SPD-Chef': an article and a noun that names no
            # one the text gives in full, as German capitalises every noun.
            or (len(described) == 2 and described[0] in _DEFINITE
                and not self.registry.find(subject)
                and not full_name_in(self.text, described[1])))
        # 'The Health Secretary said' after 'Jeremy Hunt has urged …': an office in capitals
        # after its article, the person named before, never a name 'Health Secretary'.
        role_noun = role_noun or (
            len(described) >= 3 and described[0] == "the" and described[-1] in TITLE_WORDS
            and all(w[:1].isupper() and w not in TITLE_WORDS for w in described[1:-1])
            and not self.registry.find(subject))
        unnamed_noun = bool(described) and (described[-1] in ROLE_NOUNS or (
            described[-1] in _UNNAMED and len(described) >= 3))
        if (unnamed_noun and not role_noun
                and (described[0].lower() in _INDEFINITE or described[0][:1].isupper())):
            # 'a Number 10 spokesman', '– Kremlin spokesman': someone the text never names,
            # known by their office; the editor adds them under that description.
            unnamed = described[1:] if described[0].lower() in _INDEFINITE else described
            return None, " ".join(unnamed), ""
        # 'пресс-секретарь Путина', 'porte-parole du Kremlin': an office of someone named,
        # held by the person named before.
        # 'le ministre de l'Agriculture', 'the minister for Europe': the office, with its field.
        office = described[1:] if described[:1] and described[0] in _DEFINITE else described
        of_someone = (len(office) >= 2 and office[0] in ROLE_NOUNS
                      and sum(w[:1].isupper() for w in described) < 2)
        if word in PRONOUNS_PERSON and self.section is not None:
            return self.section[0], self.section[1], ""  # 'POPE FRANCIS … he said:'
        if word in PRONOUNS_PERSON or word in PRONOUNS_ANY or role_noun or of_someone:
            found = self.last(at, person=word in PRONOUNS_PERSON or role_noun or of_someone,
                              speaking=word in PRONOUNS_PERSON)
            if role_noun and (found is None or names_an_office(found[1])) and (
                    office_word := self._office_before(described[-1], at)) is not None:
                # 'nach Angaben einer Bahnsprecherin … sagte die Sprecherin': the office named
                # last, unnamed like the one before it ('eine Polizeisprecherin').
                found = None, office_word
            if found is None and (role_noun or of_someone):
                found = self.named_next(at)
            if found is None and word in PRONOUNS_PERSON and self.lead is not None \
                    and self.lead[0] < at:
                found = self.lead[1], self.lead[2]  # no one quoted yet: the one the lead names
            return (found[0], found[1], "") if found else None
        if (head := _OFFICE_OF.fullmatch(subject.strip())) is not None and (
                holder := _holder_of(self.text, head.group("org"), at)) is not None:
            # 'sagte der Vorstandschef des FC Bayern' after 'Bayern-Boss Karl-Heinz
            # Rummenigge': the one the text names with that organisation.
            found_id = self.registry.resolve(holder)
            return (found_id, self.registry.people[found_id].name, "") if found_id else (
                None, holder, "")
        if (len(described) >= 2 and _is_role_noun(described[0])
                and (holder := _holder_after_office(self.text, subject.strip(" ,."), at))):
            # 'сказала глава Банка России' after 'Глава Банка России Мария Образцова': the
            # office the text named before its holder, not a body called 'Банка России'.
            found_id = self.registry.resolve(holder)
            return (found_id, self.registry.people[found_id].name, "") if found_id else (
                None, holder, "")
        exact = self.registry.exact(subject)
        if exact:
            return exact, subject, ""
        # 'ESA-Generaldirektor Jean-Jacques Dordain': the body opens its officer's compound.
        hits = speaking_hits(self.registry, subject, namesakes=True)
        if hits:
            s, e, person_id = hits[0]
            given = subject[:s].split()[-1:]
            if (given and given[0][:1].isupper() and given[0] not in TITLE_WORDS
                    and given[0] not in self.registry.people[person_id].name
                    and self.registry.is_person(person_id) and " " not in subject[s:e]):
                # 'Diana Johnson' is not the registry's Boris Johnson: a namesake to add.
                return None, f"{given[0]} {subject[s:e]}", ""
            tail = subject[e:].strip()
            # "NATO partners": a known name used as a modifier names someone else.
            if tail and len(tail.split()) <= 2 and tail[:1].islower():
                return None
            return person_id, subject[s:e], ""
        # 'weil Laschet vor der Bundestagswahl': a known surname among the words.
        known = {by_name for m in re.finditer(r"[" + UPPER + r"][\w’'\-]{2,}", subject)
                 if m.group() not in TITLE_WORDS and (by_name := self.registry.surname(m.group()))
                 and not self.registry.given_name_at(subject, m.start(), m.end(), by_name)}
        if len(known) == 1 and self.registry.is_person(only := known.pop()):
            return only, self.registry.people[only].name, ""
        named = proper_name(subject) or named_subject(subject)
        if named is None or (" " not in named[0] and not full_name_in(self.text, named[0])):
            # A surname among other words that the text gives in full elsewhere ('Armin
            # Laschet' for 'weil Laschet vor der Bundestagswahl'), rather than a noun.
            for w in re.findall(r"(?<=\s)[" + UPPER + r"][\w’'\-]{2,}", " " + subject):
                if w not in TITLE_WORDS and (fuller := full_name_in(self.text, w)):
                    return None, fuller, ""
        if named is None:
            return None
        by_surname = self.registry.surname(named[0])
        if by_surname:
            return by_surname, named[0], ""
        last = named[0].split()[-1]
        # "Ryabkov" after "Sergei Ryabkov": the same person still to add, by the fullest name
        # the text has given them ('Sultan Al Jaber', not a later 'Al Jaber').
        # 'Paul Exemple' after 'Marie Exemple' is someone else: a given name of its own.
        own_given = named[0].split()[0] if len(named[0].split()) >= 2 and named[0].split()[0] \
            not in _PARTICLES else None
        same = [name for _, speaker, name, _ in self.mentions[-50:]
                if speaker is None and name.split() and name.split()[-1] == last
                and (own_given is None or own_given in name.split()[:-1])]
        if same:
            return None, max(reversed(same), key=lambda n: len(n.split())), ""
        if len(named[0].split()) == 1 and (fuller := full_name_in(self.text, last)):
            return None, fuller, named[1]
        return None, named[0], named[1]


def _is_role_noun(word: str) -> bool:
    """Whether a word names an office, in any case: 'minister', 'губернатора' ('по словам
    губернатора'), 'главы', 'представителя'."""
    folded = word.lower().strip(".,")
    if folded in ROLE_NOUNS or folded.rsplit("-", 1)[-1] in ROLE_NOUNS:
        return True  # 'вице-премьер', 'ex-ministre': the office with its rank
    if not re.fullmatch(r"[а-яё\-]{4,}[аяуыеи]", folded):
        return False
    stem = folded[:-1]
    return bool({stem, stem + "ь", stem + "а"} & ROLE_NOUNS)


def resolve_speakers(layout: Layout, passages: list[Candidate], registry: Registry,
                     resolver: Resolver | None = None) -> list[Candidate]:
    """The passages with speakers guessed in reading order."""
    resolver = resolver or Resolver(registry, layout.text)
    resolver.lead = lead_person(layout, registry)
    inside = SpanSet()
    for cand in passages:
        inside.add(cand.start, max(cand.end, cand.start + 1))
    # Sentence subjects are antecedents for pronouns too ("Stoltenberg met ... He said"):
    # they are noted with the passages, in the order of the text.
    subjects: list[tuple[int, str | None, str]] = []
    for s, e in layout.sents:
        hits = [h for h in speaking_hits(registry, layout.text[s:e])
                if not inside.holds(s + h[0])]
        earlier = named_subject(layout.text[s:e]) if hits else None
        if earlier and " " in earlier[0] and not inside.holds(s) \
                and 0 <= layout.text.find(earlier[0], s, e) <= s + hits[0][0] - len(earlier[0]) \
                and registry.resolve(earlier[0]) is None and not is_institution(earlier[0]):
            # 'Juso-Chef Kevin Kühnert hat Bundesinnenminister Horst Seehofer … vorgeworfen':
            # the subject, new to the registry, comes before the registered name.
            subjects.append((s, None, earlier[0]))
        elif hits and (opener := _surname_opening(layout.text, s, s + hits[0][0])):
            # 'Newsom applauded Harris, who …': the surname opening the sentence is its subject,
            # whom 'he' names next, not the registered name after it.
            subjects.append((s, registry.resolve(opener), opener))
        elif hits:
            at, to, person = s + hits[0][0], s + hits[0][1], hits[0][2]
            subjects.append((at, person, layout.text[at:to]))
        elif inside.holds(s) or inside.holds(s + 1) or is_byline(layout.text[s:e]) \
                or _name_alone(layout.text[s:e]):
            continue  # the author of the text, a credit line, is no one's antecedent
        elif (named := named_subject(layout.text[s:e])) and not inside.holds(
                layout.text.find(named[0], s, e)):
            # ('Er nennt die AfD "Handlanger Putins"': words in marks name no one.)
            name = named[0] if " " in named[0] else full_name_in(layout.text, named[0]) \
                or named[0]
            # 'Мария Захарова' for the registry's 'Maria Zakharova': known by surname.
            subjects.append((s, registry.resolve(name), name))
        elif (agent := _passive_agent(layout.text[s:e])) is not None:
            subjects.append((s, registry.resolve(agent), agent))
        elif (speaker := _said_by_at_end(layout.text[s:e])) is not None:
            subjects.append((s, registry.resolve(speaker), speaker))
        elif surname := _russian_surname(layout.text, s, e):
            subjects.append(surname)
        elif opener := _surname_opening(layout.text, s, e):
            subjects.append((s, registry.resolve(opener), opener))
        elif (alone := _speaker_by_one_name(layout.text, s, e)) is not None:
            subjects.append((s, None, alone))
        elif (known := _inverted_surname(layout.text, s, e)) is not None:
            # 'In einer emotionalen Ansprache drückte Hoffmann zudem …': the surname of
            # 'Christiane Hoffmann', named in full above, is whom 'sie' names next.
            subjects.append((s, registry.resolve(known), known))
    headings = speaker_headings(layout, registry)
    entries = entry_headings(layout, registry)
    # In text order; at one place (a heading that is also a sentence's subject), one resolved
    # to no one (None) sorts first, as an empty id would.
    subjects = sorted(subjects + headings + [e for e in entries if e[2]],
                      key=lambda m: (m[0], m[1] or "", m[2]))
    for at, _, name in subjects:
        if speech_verb(layout.text[at:layout.sentence(at)[1]]) is not None:
            resolver.speaking.add((at, name))
    out: list[Candidate] = []
    i = h = n = 0
    for cand in passages:
        while i < len(subjects) and subjects[i][0] < cand.start:
            resolver.mention(*subjects[i])
            i += 1
        while h < len(headings) and headings[h][0] < cand.start:
            h += 1
        while n < len(entries) and entries[n][0] < cand.start:
            n += 1
        resolver.section = (headings[h - 1][1], headings[h - 1][2]) if h else None
        resolver.entry = (entries[n - 1][1], entries[n - 1][2]) if n and entries[n - 1][2] \
            else None
        out.append(_resolved(layout, cand, resolver, out))
    return _added_to(layout.text, out)


_ADDED = re.compile(r"(?<![\w-])(?:added|adds|a ajouté|ajoute|fügte\s+\S*\s*hinzu|ergänzte|"
                    r"добавил|добавила|продолжил|продолжила)(?![\w-])")
"""'- добавил Игорь Шубин', 'a ajouté le maire': the speaker goes on from words said before."""


def _added_to(text: str, quotes: list[Candidate]) -> list[Candidate]:
    """Quotations no one is named for ('…, - говорится в обращении.'), right before one its
    speaker 'added': that speaker's words too."""
    out = list(quotes)
    for n, cand in enumerate(out):
        if not (cand.speaker or cand.name) or cand.kind != "direct" \
                or _ADDED.search(cand.evidence) is None:
            continue
        back = n
        while back > 0 and not (out[back - 1].speaker or out[back - 1].name) \
                and out[back - 1].kind == "direct" \
                and text[out[back - 1].end:out[back].start].count("\n") <= 2:
            back -= 1
            out[back] = replace(out[back], speaker=cand.speaker, name=cand.name, role=cand.role,
                                evidence=cand.evidence)
    return out


_AGENT = re.compile(r"\s(?:by|von|par)\s+(?P<who>[^.;:!?\"“”«»„]{3,90}?)[.!]?\s*$")


def _said_by_at_end(sentence: str) -> str | None:
    """The full name closing a sentence after its verb of speech ('Dix-huit communes ont
    demandé …, a indiqué le préfet du Var Laurent Cayrel.'): who is reported speaking."""
    at_end = said_at_end(sentence)
    named = proper_name(at_end[1]) if at_end else None
    return named[0] if named and len(named[0].split()) >= 2 else None


def _passive_agent(sentence: str) -> str | None:
    """The full name ending a passive sentence ('The talks were described as fruitful by the
    union's secretary Jane Doe.'): its subject in all but grammar, whom 'he' names next."""
    agent = _AGENT.search(sentence)
    named = proper_name(agent.group("who")) if agent is not None else None
    return named[0] if named is not None and " " in named[0] else None


_OPENING_WORD = re.compile(r"[" + UPPER + r"][\w’'\-]{2,}(?=\s)")


def _surname_opening(text: str, start: int, before: int) -> str | None:
    """The full name the text gives a surname that opens a sentence ('Newsom' → 'Gavin
    Newsom'), when it comes before `before`."""
    word = _OPENING_WORD.match(text, start, before)
    if word is None or word.group() in OPENERS or word.group() in TITLE_WORDS:
        return None
    full = full_name_in(text, word.group())
    return full if full and " " in full and not is_institution(full) else None


def _speaker_by_one_name(text: str, start: int, end: int) -> str | None:
    """A name of one word opening a sentence ('Johanna travaille dans une école'), where the
    text names a speaker so right after a verb of speech ('témoigne Johanna qui …'): the
    subject whom 'elle' names next."""
    # '19:30: Obama has one eye on …': a live entry's time before the sentence.
    start += (end - start) - len(without_entry_time(text[start:end]))
    word = _OPENING_WORD.match(text, start, end)
    if word is None or word.group() in OPENERS or word.group() in TITLE_WORDS \
            or not text[word.end():word.end() + 2].strip()[:1].islower():
        return None
    # 'Obama’s first press conference … Obama has …': a name the text gives a possessive,
    # never a common word, is someone's too.
    owned = word.group() in _possessives(text) and word.group().lower() not in OPENERS \
        and not lower_case_elsewhere(text, word.group())
    return word.group() if owned or word.group() in _named_after_verbs(text) else None


_GERMAN_OPENING_PREPOSITIONS = frozenset(words_of(
    "In Im Bei Beim Nach Auf Mit Während Vor Am Zum Zur Seit Trotz Wegen Bereits Später Danach "
    "Dabei Zudem Anschließend"))


def _inverted_surname(text: str, start: int, end: int) -> str | None:
    """The full name, given earlier in the text, whose surname follows the verb of a German
    sentence opening on a preposition's phrase ('In einer Ansprache drückte Hoffmann …'): the
    verb second, its subject right after it."""
    words = text[start:end].split()[:12]
    if not words or words[0] not in _GERMAN_OPENING_PREPOSITIONS:
        return None
    for n in range(2, len(words)):
        word = words[n].strip(",.;:")
        if not word[:1].isupper():
            continue
        if words[n - 1].islower() and len(word) >= 3 and word not in TITLE_WORDS \
                and (full := full_name_in(text[:start], word)) is not None \
                and " " in full and full.split()[-1] == word:
            return full
    return None


@functools.lru_cache(maxsize=8)
def _possessives(text: str) -> frozenset[str]:
    """Each capitalised word the text gives a possessive ('Obama’s'), read in one pass."""
    return frozenset(re.findall(r"(?<![\w-])([" + UPPER + r"][\w-]{2,})['’]s(?![\w-])", text))


@functools.lru_cache(maxsize=8)
def _named_after_verbs(text: str) -> frozenset[str]:
    """Each capitalised word right after a verb of speech ('témoigne Johanna'), read in one
    pass so that looking sentence by sentence stays linear."""
    after = re.compile(r"[^\S\n]+([" + UPPER + r"][\w’'\-]{2,})")
    return frozenset(m.group(1) for verb in speech_verbs(text, 200_000)
                     if (m := after.match(text, verb.end())) is not None)


def _name_alone(sentence: str) -> bool:
    """A line that is only a name or two, as a credit under a byline ('France Télévisions')."""
    words = sentence.split()
    return 0 < len(words) <= 3 and all(w[:1].isupper() for w in words) \
        and sentence.rstrip()[-1:] not in ".!?:"


_RU_SURNAME = re.compile(r"(?<=[\w,] )[А-ЯЁ][а-яё]+(?:ов|ев|ёв|ин|ын|ский|цкий|ова|ева|ина|"
                         r"ская|цкая|ко|ук|юк|ич)(?![\w-])")
"""A Russian surname inside a sentence ('не испытывается ли Песков'): a capital after the
sentence's first word, with a surname's ending."""


def _russian_surname(text: str, start: int, end: int) -> tuple[int, None, str] | None:
    for match in _RU_SURNAME.finditer(text, start, end):
        before = text[max(start, match.start() - 30):match.start()].split()
        # 'журналиста Зарубина', 'пресс-секретарь Путина': a genitive after a noun names
        # whom an office or a person belongs to, not who acts.
        if before and before[-1][-1:] in "аяь" and before[-1].islower():
            continue
        return match.start(), None, match.group()
    return None


_ENTRY_TIME = re.compile(r"(?:\+{3}\s*)?\d{1,2}[:.h]\d{2}(?:\s*(?:Uhr|am|pm|a\.m\.|p\.m\.|"
                         r"BST|GMT|CET|CEST|MSK|ET|МСК))?\s*(?:\+{3})?\s*[:.\-–—|]?\s+(?=\S)")
"""The time opening a live entry: '12:30', '18.20 Uhr:', '+++ 17:30 +++'."""


def entry_headings(layout: Layout, registry: Registry) -> list[tuple[int, str | None, str]]:
    """(offset, id, name) of every live entry's start, with whom its heading names ('12:30
    Jane Doe: rich countries must pay', '12:10 John Roe warns of delays'), or no one ('')
    when the heading names no one or the entry opens on its text."""
    found: list[tuple[int, str | None, str]] = []
    for s, e in layout.paras[1:]:
        time = _ENTRY_TIME.match(layout.text, s, e)
        if time is None:
            continue
        heading = layout.text[time.end():e].strip()
        named = None
        if len(heading.split()) <= 12 and not heading.endswith((".", "!", "?", "»", "”", "\"")):
            before_colon = heading.split(":", 1)[0] if ":" in heading else ""
            named = (proper_name(before_colon) if before_colon else None) \
                or named_subject(heading)
        if named is None or is_party(named[0]) or (
                " " not in named[0] and registry.resolve(named[0]) is None):
            found.append((s, None, ""))
            continue
        person = registry.resolve(named[0])
        found.append((s, person, registry.people[person].name if person else named[0]))
    return found


def speaker_headings(layout: Layout, registry: Registry) -> list[tuple[int, str | None, str]]:
    """(offset, id, name) of each heading in capitals that names whose comments follow, as wire
    round-ups print them: 'GERMAN CHANCELLOR OLAF SCHOLZ', 'AVINASH PERSAUD, BARBADOS CLIMATE
    ENVOY', 'POPE FRANCIS'."""
    found = []
    for s, e in layout.paras[1:]:
        line = layout.text[s:e].strip()
        if not (line.isupper() and len(line.split()) <= 10) or is_label(line) or is_dateline(line):
            continue
        named = proper_name(proper_case(line.split(",")[0]))
        if named is None or common_words(layout.text, named[0]):
            continue
        person = registry.resolve(named[0])
        if person is not None or len(named[0].split()) >= 2:
            found.append((s, person, registry.people[person].name if person else named[0]))
    return found


_SPOKESPERSON = re.compile(
    r"(?<![\w-])(?P<office>(?i:représentante?s?|porte-parole|présidente?|secrétaire générale?|"
    r"spokes(?:wo)?man|spokesperson|representatives?|Sprecherin|Sprecher|Vertreterin|Vertreter|"
    r"Vorsitzende[rn]?|представител\w*|пресс-секретар\w*|председател\w*))"
    # 'председатель ЦБ Мария Образцова': the body's acronym between is no given name.
    r",?\s+(?:[" + UPPER + r"]{2,6}\s+)?(?P<name>[" + UPPER + r"][^\W\d_" + UPPER
    + r"][\w’'-]*\s+[" + UPPER + r"][\w’'-]+)")
"""A body's spokesperson named beside it: 'ses représentants, Karine Duc et José Perez'."""


def _spokesperson_after(layout: Layout, cand: Candidate, resolver: Resolver) -> Guess | None:
    """Whom the words after a quotation name speaking for the body it was given to ('« … »,
    comme l'ont martelé ses représentants, Karine Duc et José Perez'): the first named."""
    tail = layout.text[cand.end:max(layout.sentence(cand.end + 1)[1], cand.end)]
    tail = re.split(r"[“«„\"]", tail.lstrip("”»\" "), maxsplit=1)[0]
    verb = speech_verb(tail)
    found = _SPOKESPERSON.search(tail)
    if verb is None or found is None or found.start() < verb.start():
        return None
    name = found.group("name")
    person = resolver.registry.resolve(name)
    return person, resolver.registry.people[person].name if person else name, \
        found.group("office")


_INITIALS_LEAD = re.compile(r"[^\S\n]*[-–—]?[^\S\n]*(?P<initials>[A-Z]{2,4})(?![\w’'-])")
_FULL_NAME = re.compile(r"(?<![\w’'-])[" + UPPER + r"][\w’'-]+(?:[^\S\n]+[" + UPPER
                        + r"][\w’'-]+)+")


def _name_of_initials(text: str, initials: str, before: int) -> str | None:
    """The full name, given earlier in the text, whose initials a live account uses for its
    holder ('EDM' for 'Éric Dupond-Moretti'), hyphenated parts and accents counted."""
    for match in _FULL_NAME.finditer(text, 0, before):
        parts = re.split(r"[\s-]+", match.group())
        letters = "".join(latin(p[0]).upper() for p in parts)
        if letters == initials:
            return match.group()
    return None


def _initials_speaker(layout: Layout, cand: Candidate, resolver: Resolver) -> Guess | None:
    """Whom initials opening the quotation's sentence name ('EDM continue : "…"', 'EDM "…"')."""
    start = layout.sentence(max(cand.start - 1, 0))[0]
    lead = _INITIALS_LEAD.match(layout.text, start, cand.start)
    if lead is None or resolver.registry.resolve(lead.group("initials")) is not None:
        return None
    name = _name_of_initials(layout.text, lead.group("initials"), start)
    if name is None:
        return None
    person = resolver.registry.resolve(name)
    return person, resolver.registry.people[person].name if person else name, ""


def _resolved(layout: Layout, cand: Candidate, resolver: Resolver, before: list[Candidate]
              ) -> Candidate:
    guess = _guess(layout, cand, resolver, before)
    if cand.how == "quotation marks" and (by_initials := _initials_speaker(layout, cand,
                                                                           resolver)):
        guess = by_initials, evidence(layout.text[layout.sentence(max(cand.start - 1, 0))[0]:
                                                  cand.start])
    spokes = _spokesperson_after(layout, cand, resolver) if cand.how == "quotation marks" \
        else None
    if spokes is not None and (guess is None or guess[0][1] != spokes[1]):
        guess = spokes, evidence(layout.text[cand.end:layout.sentence(cand.end + 1)[1]])
    if guess is not None:
        (speaker, name, role), why = guess
        if speaker is None and (full := _initial_in_full(layout.text, name)) is not None:
            speaker, name = resolver.registry.resolve(full), full
        cand = replace(cand, speaker=speaker, name=name, role=role or cand.role, evidence=why)
        if speaker or name:
            resolver.mention(cand.start, speaker, name)
            resolver.speaking.add((cand.start, resolver.mentions[-1][2]))
    if cand.how == "quotation marks" and _STATEMENT_WORDS.search(cand.evidence):
        cand = replace(cand, kind="statement")
    return cand


_INITIAL_AND_SURNAME = re.compile(r"([" + UPPER + r"])\.[^\S\n]?([" + UPPER + r"][\w’'-]+)")


def _initial_in_full(text: str, name: str) -> str | None:
    """The full name the text gives for an initial and a surname («Юрий Киселев» for «Ю.
    Киселев», 'Jane Example' for 'J. Example'), when its given name has that initial."""
    found = _INITIAL_AND_SURNAME.fullmatch(name.strip())
    if found is None:
        return None
    full = full_name_in(text, found.group(2))
    return full if full and full.startswith(found.group(1)) and " " in full else None


def _guess(layout: Layout, cand: Candidate, resolver: Resolver, before: list[Candidate]
           ) -> tuple[Guess, str] | None:
    text = layout.text
    if cand.attribution:
        found = resolver.phrase(cand.attribution, cand.start)
        return (found, cand.evidence) if found else None
    s_start = layout.sentence(max(cand.start - 1, 0))[0]
    if before and s_start < before[-1].end <= cand.start:
        # '„… Liebe Bürger, machen Sie mit!“, fordert Scholz …': the words before, inside the
        # quotation just before, name no one who speaks.
        s_start = before[-1].end
    # The sentence may run on after the closing mark: "..., he said in Brussels."
    tail_end = max(layout.sentence(cand.end + 1)[1], cand.end)
    tail = tail_attribution(text, cand.end, tail_end) or _tail_after_next(text, cand.end,
                                                                           tail_end)
    # Attributed to someone the text describes but no one here can name ('a Cabinet source
    # said'): not to be given to whoever the lead names.
    attributed = bool(tail.strip())
    if tail:
        found = resolver.phrase(tail, cand.start)
        if found:
            # Up to the next quotation, which is no part of this one's attribution.
            next_mark = re.search(r"[“«„\"]", text[cand.end + 1:tail_end])
            said_end = cand.end + 1 + next_mark.start() if next_mark else tail_end
            return found, evidence(text[cand.end:said_end].rstrip(" ,"))
    lead = without_entry_time(lead_attribution(text, s_start, cand.start - 1)) \
        if s_start < cand.start else ""
    if not lead.strip():
        lead = _introduction(layout, cand.start)
    attributed = attributed or speech_verb(lead) is not None
    if lead.strip():
        found_lead = _lead_speaker(lead, cand.start, resolver)
        if found_lead:
            return found_lead
    # A quotation standing as its own sentence, the next naming someone: '"Bold, but risky."
    # Lord Dannatt, the former head of the army, has just been on the Today programme'.
    own_end = layout.sentence(max(cand.end - 1, cand.start))[1]
    if own_end - cand.end <= 2:
        following = layout.sentence(own_end + 1)
        if following[0] > cand.end and following[0] - own_end <= 2 and layout.para_index(
                following[0]) == layout.para_index(cand.end - 1) and (
                opening := _opening_name(layout, following, resolver, cand.start)
                or _named_by_this(layout, following, resolver)):
            return opening
    signed = _signature_line(layout, cand)
    if signed and (found := resolver.phrase(signed, cand.start)):
        return found, evidence(signed)
    incise = _by_patronymic(text, _incise(cand.text))
    if incise and (found := resolver.phrase(incise, cand.start)):
        return found, evidence(incise)
    if resolver.section is not None:  # under a heading naming whose comments follow
        return (resolver.section[0], resolver.section[1], ""), "the heading above"
    # A quotation on its own, right after another: the same speaker goes on.
    if before and (before[-1].speaker is not None or before[-1].name):
        prev = before[-1]
        gap = text[prev.end:cand.start]
        # '„…“ … / 18.20 Uhr: Kandidatin Lisa Beispiel ist zufrieden. „…“': someone else named
        # in between is the one who goes on.
        named_between = "\n" in gap and any(
            prev.end < at < cand.start and person and name != prev.name
            for at, _, name, person in resolver.mentions[-50:])
        if gap.count("\n") <= 2 and len(gap) < 200 and not named_between:
            return (prev.speaker, prev.name, prev.role), CONTINUES
    if attributed:
        return None
    unattributed = _unattributed(layout, cand, resolver)
    if resolver.entry is not None and (unattributed is None or unattributed[1] == LEAD_PERSON):
        # The live entry's heading names whose words these are: '12:30 Jane Doe: …'.
        return (resolver.entry[0], resolver.entry[1], ""), ENTRY_HEADING
    return unattributed


_CLOSING = {"«": "»", "“": "”", "„": "“", "\"": "\"", "‘": "’"}


def _tail_after_next(text: str, end: int, sentence_end: int) -> str:
    """The attribution after the next quotation of the sentence, when only a few words join
    the two ('« J’ai pris la décision … », jusqu’à « sans doute mardi matin », a indiqué le
    préfet'): the one sentence signs both, when it names its speaker."""
    gap = re.match(r"[»”“\"’]?\s*,?\s*((?:[\w’'-]+\s+){0,3}?)([«“„\"‘])", text[end:sentence_end])
    if gap is None or not gap.group(1).strip():
        return ""
    opened = end + gap.end()
    closed = text.find(_CLOSING[gap.group(2)], opened, sentence_end)
    tail = tail_attribution(text, closed, sentence_end) if closed > opened else ""
    # '…, a-t-il ajouté': a pronoun, whose antecedent is the speaker's before, who goes on.
    return "" if tail.lower() in PRONOUNS_PERSON | PRONOUNS_ANY else tail


def _signature_line(layout: Layout, cand: Candidate) -> str | None:
    """The line under a paragraph that is one quotation, naming its speaker with no speech
    verb ('Chicago Mayor Richard M. Daley'), where the text lists quotations so, two at least;
    None otherwise."""
    para = layout.para_index(cand.start)
    if para is None or not _quotation_then_name(layout, para):
        return None
    signed = sum(_quotation_then_name(layout, i) for i in range(min(len(layout.paras), 400)))
    if signed < 2:
        return None
    s, e = layout.paras[para + 1]
    return layout.text[s:e].strip()


def _quotation_then_name(layout: Layout, index: int) -> bool:
    """Whether paragraph `index` is all one quotation and the next a short line of capitalised
    words without a verb of speech or a sentence's end: a speaker's signature line."""
    if index + 1 >= len(layout.paras):
        return False
    s, e = layout.paras[index]
    words = layout.text[s:e].strip()
    if len(words) < 20 or words[0] not in QUOTE_CHARS or words.rstrip(".")[-1] not in QUOTE_CHARS \
            or any(c in QUOTE_CHARS for c in words[1:-2]):
        return False
    ns, ne = layout.paras[index + 1]
    line = layout.text[ns:ne].strip()
    return (0 < len(line.split()) <= 10 and not line.isupper()
            and not line.endswith((".", "!", "?", ":", "…"))
            and not any(c in QUOTE_CHARS for c in line) and speech_verb(line) is None
            and sum(w[:1].isupper() for w in line.split()) * 2 >= len(line.split()))


def _unattributed(layout: Layout, cand: Candidate, resolver: Resolver
                  ) -> tuple[Guess, str] | None:
    """Whom a quotation with no attribution of its own is most likely by: the person the
    paragraph has named ('Merkel dankt … „…“'), else the one its title or lead names ('Angela
    Merkel hat für das neue Jahr …', 'Прямая линия Путина'), whose speech the text reports."""
    if word_count(cand.text) < 5:
        return None  # a few words in marks no one is named for: a term (see resolved_quotes)
    para = layout.para_index(cand.start)
    p_start = layout.paras[para][0] if para is not None else cand.start
    latest = next((m for m in reversed(resolver.mentions[-50:])
                   if m[0] <= cand.start and m[3]), None)
    lead = resolver.lead
    if lead is not None and (latest is None or latest[1] is None) and lead[2].split() and \
            re.search(r"(?<![\w-])" + re.escape(lead[2].split()[-1]),
                      layout.text[max(p_start, cand.start - 2000):cand.start]):
        # The lead's person, named again in the paragraph ('… hat sich Scholz zum Ziel
        # gesetzt'), rather than capitalised nouns taken for a name ('30 Millionen Impfungen').
        return (lead[1], lead[2], ""), PARAGRAPH_SUBJECT
    if latest is not None and latest[0] >= p_start:
        return (latest[1], latest[2], ""), PARAGRAPH_SUBJECT
    if resolver.lead is not None and cand.start > resolver.lead[0]:
        return (resolver.lead[1], resolver.lead[2], ""), LEAD_PERSON
    return None


_BYLINE_ALONE = re.compile(r"(?:(?i:by|par|von|автор:?)\s+)?[" + UPPER + r"][\w’'\-]+"
                           r"(?:\s+[" + UPPER + r"][\w’'\-]+){1,2}")


_PRESS_OFFICES = ("pressestelle", "presseamt", "pressebüro", "press office", "пресс-служба",
                  "пресс-центр")
"""A body's press office: no one the text names before it, whatever 'die' opens it."""
_COMPOUND_OFFICE = re.compile(r"(?:-[\w-]+|[^\S\n]+[\w-]+)\s+(?P<name>[" + UPPER
                              + r"][\w’'\-]+(?:\s+[" + UPPER + r"][\w’'\-]+){1,2})")


def speaking_hits(registry: Registry, text: str, namesakes: bool = False
                  ) -> list[tuple[int, int, str]]:
    """The registry's names in `text` (`Registry.find`) that can be who speaks there: not a
    body opening its officer's name ('ESA-Generaldirektor Jean-Jacques Dordain', 'Tepco
    spokesman Naohiro Omura': the officer speaks), nor, unless the caller makes `namesakes` of
    them, a surname standing after another given name ('Prof. Mike Atkinson' is not the
    registry's Caroline Atkinson)."""
    return [h for h in registry.find(text)
            if (namesakes or " " in text[h[0]:h[1]].strip()
                or not registry.other_given_name(text[:h[0]].split()[-1:], h[2]))
            and not _compound_before_name(text, h[1], len(text))]


def _compound_before_name(text: str, at: int, end: int) -> bool:
    """Whether the registry name ending at `at` opens a compound naming an office held by the
    full name after it ('ESA-Generaldirektor Jean-Jacques Dordain', 'SPD-Chef Lars Beispiel'),
    or names the body of the office before it ('Tepco spokesman Naohiro Omura')."""
    match = _COMPOUND_OFFICE.match(text, at, end)
    if match is None:
        return False
    office = text[at:match.start("name")].strip(" -")
    return (names_an_office(office) or office in TITLE_WORDS
            or office.casefold().endswith(_OFFICE_ENDINGS)) \
        and could_be_speaker(match.group("name"))


_OFFICE_ENDINGS = ("direktor", "direktorin", "chef", "chefin", "leiter", "leiterin", "präsident",
                   "präsidentin", "vorsitzende", "vorsitzender", "sprecher", "sprecherin",
                   "minister", "ministerin")
"""German offices closing a compound whose first half is the body ('ESA-Generaldirektor')."""


def lead_person(layout: Layout, registry: Registry) -> tuple[int, str | None, str] | None:
    """(offset, id, name) of the person the title or the lead's first sentence names first."""
    for s, e in layout.paras[:2]:
        if _BYLINE_ALONE.fullmatch(layout.text[s:e].strip()):
            continue  # 'Vincent Vantighem' under the title: the author, who says nothing
        if all(line.rstrip().endswith((",", "!")) for line in layout.text[s:e].split("\n")):
            # 'sehr geehrter Herr Stadtratsvorsitzender, Gerd Schönfeld,': whom a speech
            # addresses, not who speaks.
            continue
        start, end = layout.sentence(s)
        words = layout.text[start:end]
        persons = [h for h in speaking_hits(registry, words) if registry.is_person(h[2])]
        if persons:
            return start + persons[0][0], persons[0][2], registry.people[persons[0][2]].name
        for match in re.finditer(r"[" + UPPER + r"][\w’'\-]{2,}", words):
            if match.group() not in TITLE_WORDS and (found := registry.surname(match.group())) \
                    and registry.is_person(found) \
                    and not registry.other_given_name(words[:match.start()].split()[-1:], found):
                return start + match.start(), found, registry.people[found].name
        # 'Mayor Accepts City Council Budget for Fiscal Year 2016': a headline in title case
        # capitalises nouns that name no one.
        named = None if _title_case(words) else named_subject(words)
        if named is not None and " " in named[0] and not is_institution(named[0]):
            return start + max(words.find(named[0]), 0), registry.resolve(named[0]), named[0]
    return None


def _title_case(line: str) -> bool:
    """Whether a line capitalises nearly every word of four letters or more, as an English
    headline does."""
    long = [w for w in re.findall(r"[^\W\d_][\w’'-]*", line) if len(w) >= 4]
    return len(long) >= 4 and sum(w[:1].isupper() for w in long) >= 0.8 * len(long)


_INCISE = re.compile(r",\s+((?:a|a-t-il|a-t-elle|)\s*[\w’'-]+)\s+((?:le|la|l’|l')\s*[^,.;:!?]{2,60}"
                     # 'regrette Victoire élève au lycée …': a name, then who they are.
                     r"|[A-ZÀ-ÖØ-Þ][\w’'-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w’'-]+){0,2})"
                     r"(?:[,.;!?]|\s+(?=[a-zßà-öø-ÿ]))")


def _incise(quotation: str) -> str:
    """Who a French quotation says it is, inside its own marks: '« Vous n'êtes pas nombreux,
    a constaté le ministre de l'Agriculture. Non, … »'."""
    for match in _INCISE.finditer(quotation[:2000]):
        verb = speech_verb(match.group(1))
        if verb is not None and verb.group() == match.group(1).strip():
            return match.group(2)
    # '«… начинал работать, — подчеркнул Анатолий Евгеньевич. — Самое …»'.
    for match in _DASH_INCISE.finditer(quotation[:2000]):
        verb = speech_verb(match.group(1))
        if verb is not None and verb.group() == match.group(1).strip():
            return match.group(2)
    return ""


_DASH_INCISE = re.compile(r"[,.!?]?\s[—–]\s+([а-яё]+)\s+([" + UPPER + r"][^,.;:!?—–«»]{1,60}?)"
                          r"[.,]?\s+[—–]\s")
_NAME_AND_PATRONYMIC = re.compile(r"([А-ЯЁ][а-яё]+)\s+[А-ЯЁ][а-яё]+"
                                  r"(?:ович|евич|ьич|ич|ична|овна|евна)")


def _by_patronymic(text: str, name: str) -> str:
    """The full name of someone called by first name and patronymic ('Анатолий Евгеньевич'),
    from where the text names them by first name and surname ('мэр Анатолий Локоть')."""
    called = _NAME_AND_PATRONYMIC.fullmatch(name.strip())
    if called is None:
        return name
    for match in re.finditer(r"(?<![\w-])" + called.group(1) + r"\s+([А-ЯЁ][а-яё\-]+)",
                             text[:20_000]):
        if not _NAME_AND_PATRONYMIC.fullmatch(match.group()):
            return nominative(match.group())
    return name


_BEFORE_VERB = re.compile(r"[,;(]| (?:is|was|has|had|says|said|told|hat|ist|a|est|—)\b")


def _opening_name(layout: Layout, sentence: tuple[int, int], resolver: Resolver, at: int
                  ) -> tuple[Guess, str] | None:
    """The person a sentence opens with, by their name, before any verb."""
    words = layout.text[sentence[0]:sentence[1]]
    head = _BEFORE_VERB.split(words, maxsplit=1)[0]
    if not head or not head[:1].isupper() or len(head.split()) > 4:
        return None
    found = resolver.phrase(head, at)
    if found is None or not (found[0] or found[1]):
        return None
    # 'Eine erste Analyse?': one capitalised word after a lower-case one is a noun, not a name
    # ('Lord Dannatt, the former head of the army, …' is one).
    before = head[:head.find(found[1])].split() if " " not in found[1] else []
    if before and before[-1][:1].islower():
        return None
    # 'Zum Flughafen ist die Unternehmensberaterin … gekommen.': one word no one knows, after
    # a preposition, is where the sentence goes, not who speaks.
    if before and found[0] is None and before[-1] in OPENERS:
        return None
    return found, evidence(words[:60])


_THIS = re.compile(r"(?:Das|Dies|This|That|C[’']est|Cela|Это)\s", re.IGNORECASE)


def _named_by_this(layout: Layout, sentence: tuple[int, int], resolver: Resolver
                   ) -> tuple[Guess, str] | None:
    """The one person a sentence about the quotation before names: '„…“ Das ist ein
    versöhnlicher Schlusssatz von Rolf Mützenich.'"""
    words = layout.text[sentence[0]:sentence[1]]
    this = _THIS.match(words)
    if this is None or speech_verb(words) is not None:
        return None
    persons = {h[2] for h in resolver.registry.find(words) if resolver.registry.is_person(h[2])}
    if not persons and (named := named_subject(words[this.end():])) is not None \
            and " " in named[0] and not is_institution(named[0]):
        # '„…“ That was the message from mayor John Roe, who …': someone the registry lacks.
        return (resolver.registry.resolve(named[0]), named[0], ""), evidence(words[:70])
    if len(persons) != 1:
        return None
    only = persons.pop()
    return (only, resolver.registry.people[only].name, ""), evidence(words[:70])


def _introduction(layout: Layout, at: int) -> str:
    """A quotation opening a paragraph, introduced by the paragraph before: '... said:'."""
    para = layout.para_index(max(at - 1, 0))
    if not para:
        return ""
    p_start, p_end = layout.paras[para - 1]
    if not layout.text[p_start:p_end].rstrip().endswith(":"):
        return ""
    prev_start = layout.sentence(p_end - 1)[0]
    return layout.text[prev_start:p_end].rstrip(" :")


_APPOSED = re.compile(r",\s+((?:[" + UPPER + r"][\w’'-]+\s+){1,2}[" + UPPER + r"][\w’'-]+),\s")
_ABOUT = re.compile(r"\s(?:zu|über|an|gegen|to|on|about|against|à|sur|contre|о|об|про)\s")


_DATELINE_DASH = re.compile(r"^\s*[" + UPPER + r"][\w.\-]*(?:\s+[" + UPPER + r"][\w.\-]*)?"
                            r"\s+[–—-]\s+")
"""A place and a dash opening a release's first sentence: 'Berlin – ', 'PARIS - '."""
_INVERTING = frozenset(words_of("in im am an bei nach auf vor zu zum zur beim während dabei dann "
                               "danach zudem außerdem heute gestern"))
"""German words opening a sentence that put the subject after its verb: 'Bei der Eröffnung
sagte Ministerin …'."""


def _inverted_subject(after: str, text: str) -> str | None:
    """The name right after an inverted verb: a full name, or a surname the text gives in
    full ('Lauterbach' of 'Lauterbach einen Umbau der Krankenhauslandschaft')."""
    if (named := named_subject(after)) is not None:
        return named[0]
    first = after.split()[0] if after.split() else ""
    full = full_name_in(text, first) if first[:1].isupper() and first not in TITLE_WORDS else None
    return full if full and " " in full else None


_NEXT_ENTRY = re.compile(r"\n[^\S\n]*(?:[•*\-–][^\S\n]*)?(?:\+{3}\s*)?\d{1,2}[:.h]\d{2}")
_COMMENTS = re.compile(r"(?i)(?<![\w-])(?:kommentier\w*|comment\w*|réagi\w*|reagier\w*|"
                       r"react\w*|прокомментир\w*)(?![\w-])")


def _entry_speaker(resolver: Resolver, at: int) -> Guess:
    """Whom the live entry from `at` on reports commenting or speaking, if it names only one
    ('Marius Brey, Kreisvorsitzender der Linken, kommentiert das Ergebnis'); else no one."""
    body = resolver.text[at:at + 2000]
    if (next_entry := _NEXT_ENTRY.search(body)) is not None:
        body = body[:next_entry.start()]
    named = set()
    for sentence in re.split(r"(?<=[.!?])\s+", body.split("\n", 1)[-1]):
        subject = named_subject(sentence) if (
            _COMMENTS.search(sentence) or speech_verb(sentence)) else None
        if subject and len(subject[0].split()) >= 2 and not is_party(subject[0]):
            named.add(subject[0])
    if len(named) != 1:
        return None, "", ""
    name = named.pop()
    person = resolver.registry.resolve(name)
    return person, resolver.registry.people[person].name if person else name, ""


def _lead_speaker(lead: str, at: int, resolver: Resolver) -> tuple[Guess, str] | None:
    label = lead.strip()
    if label.endswith(":") and is_party(label) and resolver.registry.exact(
            label.strip(" :–-•")) is None:
        # '21:45 Uhr – Grüne: „…“': the entry's party, whose words are whoever's it names.
        return _entry_speaker(resolver, at), evidence(lead)
    lowered = lead.lower()
    for phrase in ACCORDING_TO:
        # A word of its own: 'laut' in 'Lauterbach' is no 'according to'.
        hit = re.search(r"(?<![\w’'-])" + re.escape(phrase.lower()) + r"(?![\w’'-])", lowered)
        pos = hit.start() if hit else -1
        if pos >= 0:
            found = resolver.phrase(lead[pos + len(phrase):].split(",")[0], at)
            if found:
                return found, evidence(lead[pos:])
    verb = speech_verb(lead, last=True) or naming_verb(lead)
    if verb is not None:
        why = evidence(lead[:verb.end()])
        after = lead[verb.end():].strip(" ,:")
        # Inverted: 'Demnach sagte Laschet:', 'Then said the minister:', '— заявил Песков:'
        # ('Alice Weidel nennt Merz "…"': after a verb of naming, whom it names).
        # 'Berlin – Zur heutigen Sitzung … erklärt Iris Beispiel': the dateline is no opening.
        opening = _DATELINE_DASH.sub("", lead[:verb.start()]).split()[:1]
        if after and speech_verb(lead, last=True) is not None and len(after.split()) <= 4 \
                and (found := resolver.phrase(after, at)):
            return found, evidence(lead)
        if after and opening and opening[0].lower() in _INVERTING \
                and (subject_after := _inverted_subject(after, resolver.text)) is not None:
            # 'Bei der Eröffnung sagte Ministerin Anna Beispiel am Mittwoch:', 'Auf dem Gipfel
            # nannte Lauterbach einen Umbau "zwingend notwendig"': the subject after the verb.
            found = resolver.phrase(subject_after, at)
            if found:
                return found, evidence(lead)
        found = resolver.phrase(lead[:verb.start()], at)
        if found:
            return found, why
        subject = _subject(lead[:verb.start()])
        # 'The same contact also called the situation regarding PPE …': a clause, no name.
        if any(w[:1].isupper() for w in subject.split()) and len(subject.split()) <= 6:
            # Someone is named, just not anyone known: the editor adds them or an alias.
            return (None, subject, ""), why
    # 'At the … conference, she is expected to tell members:': a pronoun is the clause's
    # subject, whatever is named in the circumstances before it.
    clause = lead.rsplit(",", 1)[-1].split()
    if clause and clause[0].lower() in PRONOUNS_PERSON and all(
            w[:1].islower() for w in clause[1:]) and (found := resolver.phrase(clause[0], at)):
        return found, evidence(lead)
    # 'Das gelte auch für die üblichen Kinder-Späße …: „…“': a sentence in the subjunctive of
    # reported speech goes on reporting whoever spoke last; its nouns name no one.
    if _SUBJUNCTIVE.search(lead) and not resolver.registry.find(lead) \
            and (last := resolver.last(at, person=True, speaking=True)) is not None:
        return (last[0], last[1], ""), evidence(lead)
    # No speech verb: the first name in the sentence is most often its subject; in a headline
    # 'Söder zu Scholz: „…“' the one spoken to or about comes after the preposition.
    # 'Markus Weinzierl (Trainer VfB Stuttgart):', 'In Villenbach (Landkreis Dillingen)
    # rechnet Bürgermeister …': what the brackets add (a club, a county) is no speaker.
    # '…, der Norddeutsche Wetterdienst gibt aber Entwarnung für die Küste: „…“': the clause
    # right before the colon has the subject, after what the sentence said first.
    last_clause = lead.rsplit(",", 1)[-1] if "," in lead else ""
    unbracketed = re.sub(r"\s*\([^()]*\)", "", lead)
    if any(w[:1].isupper() for w in unbracketed.split()):
        lead = unbracketed
    about = _ABOUT.search(lead)
    if about and any(w[:1].isupper() for w in lead[:about.start()].split()):
        lead = lead[:about.start()]
    apposed = _APPOSED.search(lead)
    if apposed and not resolver.registry.find(lead[:apposed.start()]):
        # 'Der Erste Parlamentarische Geschäftsführer der SPD-Bundestagsfraktion, Carsten
        # Schneider, sprach von einer „Frechheit“': the name in apposition to the office.
        lead = apposed.group(1)
    hits = speaking_hits(resolver.registry, lead)
    if hits:
        s, e, person_id = hits[0]
        return (person_id, lead[s:e], ""), evidence(lead)
    named = proper_name(lead.split(",")[0]) or named_subject(lead) or (
        named_subject(last_clause) if last_clause else None)
    if named:
        # 'Scholz: „…“' in a headline: the surname, in full where the text gives it so.
        name = named[0] if " " in named[0] else (
            full_name_in(resolver.text, named[0]) or named[0])
        return (resolver.registry.resolve(name), name, named[1]), evidence(lead)
    return None


_NAME_WORD = r"[" + UPPER + r"][a-zßà-öø-ÿа-яё’'\-]+(?:-[" + UPPER + r"][a-zßà-öø-ÿа-яё’']+)*"
"""A word of a name, 'Jean-Michel' and 'Rimsky-Korsakov' included."""
_NAME_RUN = re.compile(r"(?<![\w’'-])((?:" + _NAME_WORD + r"\s+"
                       # 'François de Rugy', 'Abdullah al-Thinni': a particle inside the name.
                       r"(?:(?:de|du|van|di|da|dos|bin|ibn)\s+|(?:al|el)-)?)+"
                       + _NAME_WORD + r")(?![\w’-])")


_PARTICLES = frozenset(words_of("Le La De Van Von Der Di Al El Bin Ibn Abu Da Dos Du"))
"""The capitalised word before a surname that belongs to it: 'Jean-Yves Le Drian', 'Sultan Al
Jaber'."""


_AUXILIARIES = frozenset(words_of("hat habe hatte ist war wird has had is was will a est était va "
                                  "sagte said says dit sagt und and et и"))


_ORGANISATION_GOES_ON = re.compile(r"\s+(?:and|&|und|et|и)\s+(?:[" + UPPER + r"][\w-]*\s+){0,3}"
                                   r"(?i:union|association|party|federation|workers|"
                                   r"gewerkschaft|verband|partei|syndicat|parti|союз|партия)")
"""'Rail Tram and Bus Union': the capitalised words before 'and' open an organisation's name."""


_SOURCE_CLAUSE = re.compile(
    r"\A\s*(?:(?i:как\s+(?:передает|передаёт|сообщает|пишет|информирует))\s[^,.!?\n]{2,80}"
    r"|(?i:wie|comme|as)\s[^,.!?\n]{2,80}?\s(?i:berichtet|berichtete|meldet|meldete|schreibt|"
    r"rapporte|indique|écrit|reports?|reported|writes)),\s+")
"""A clause opening the sentence on who relays it ('Как передает корреспондент Псковской Ленты
Новостей, об этом заявил директор …'): the outlet, not the speaker the sentence names."""


_APPOSED_NAME = re.compile(r",[^\S\n]+(" + _NAME_WORD + r"[^\S\n]+" + _NAME_WORD + r")[^\S\n]*,")


TEXT_NOUNS = frozenset(words_of(
    "Message Botschaft Erklärung Statement Déclaration Communiqué Discours Allocution Rede "
    "Ansprache Grußwort Remarks Speech Address Letter Lettre Brief Mot Appel Appeal "
    "Обращение Заявление Послание Выступление Поздравление"))
"""Nouns naming the text itself, which a heading opens with before its speaker's name
('Message du Président de la FFE Yves Marek'): never the first word of a name."""


_WIRE_DATELINE_OPENING = re.compile(r"^\s*[" + UPPER + r"][" + UPPER + r"\s/.-]{1,40}\s*"
                                    r"\([^()\n]{1,30}\)\s*[-–—]\s+")
"""A wire's dateline opening its first sentence: 'FUKUSHIMA (dpa-AFX) - ', 'PARIS (AFP) — '."""


def named_subject(sentence: str) -> tuple[str, str] | None:
    """(name, role) of the first full name among a sentence's first words: 'Friedrich Merz
    erinnerte daran', 'Министр культуры РФ Владимир Мединский поздравил'."""
    sentence = _SOURCE_CLAUSE.sub("", sentence, count=1)
    # A wire's dateline ('FUKUSHIMA (dpa-AFX) - …') is no part of the sentence's first words,
    # which must reach '… hat Bundesumweltministerin Steffi Lemke'.
    sentence = _WIRE_DATELINE_OPENING.sub("", sentence, count=1)
    head = " ".join(sentence.split()[:12])
    whole = " ".join(sentence.split()[:20])  # the same words, and a few after
    surname_only: tuple[str, str] | None = None
    surname_end = 0
    for match in _NAME_RUN.finditer(head):
        if head[:match.start()].split()[-1:] in (["des"], ["du"]) and (
                holder := _APPOSED_NAME.search(whole, match.end())) is not None:
            # 'Der Vorstandsvorsitzende des Deutschen Zentrums …, Johann-Dietrich Wörner': the
            # body an office is of, in the genitive, is not the holder named after it.
            return holder.group(1), whole[:holder.start()].strip(" ,")
        gap = head[surname_end:match.start()].split()
        if surname_only is not None and (len(gap) > 1 or set(gap) & _AUXILIARIES):
            return surname_only  # the full name, if any, is someone else's
        words = match.group(1).split()
        if words[0] in OPENERS or words[0] in TEXT_NOUNS:
            words.pop(0)  # 'During Monday’s …', 'Message du …': a sentence's capital
        after = head[match.end():].split(" ", 2)[1:2]
        if after and after[0] in ROLE_NOUNS:  # 'Le Premier ministre': an office, not a name
            continue
        if len(words) == 2 and words[0] in ("The", "Der", "Die", "Das", "Le", "La") \
                and after and after[0].islower() \
                and (following := _NAME_RUN.search(head, match.end())) is not None \
                and len(head[match.end():following.start()].split()) <= 2:
            continue  # 'The Austrian singer Andreas Gabalier': an adjective before his trade
        titled = False
        while words and words[0] in TITLE_WORDS:
            titled = titled or words[0] not in _ARTICLES
            words.pop(0)
        if titled and len(words) == 1 and len(words[0]) >= 3:
            # 'Bundeskanzler Scholz hat …': a title before a surname names a person too, unless
            # a full name follows ('Губернатор Алтайского края Александр Карлин').
            surname_only = surname_only or (
                words[0], head[:head.find(match.group(1))].strip(" ,")
                or match.group(1)[:match.group(1).rfind(words[0])].strip())
            surname_end = match.end()
            continue
        # 'Cabinet Office Minister Michael Gove': the name is what follows the last title.
        last_title = max((i for i, w in enumerate(words) if w in TITLE_WORDS
                          and w not in ("Le", "La", "Der", "Die")), default=-1)
        words = words[last_title + 1:]
        particle = len(words) >= 3 and (words[-2] in _PARTICLES or words[-2].islower())
        # 'Le géologue Magnús Tumi Example': three names after a role in lower case.
        whole_name = three_given_names(head[:match.start()].split(), words)
        words = words[-3:] if particle or whole_name else words[-2:]
        if words[:1] and words[0].islower():
            continue  # a particle left at the front: not a name's start
        if len(words) >= 2 and could_be_speaker(" ".join(words)) \
                and not _ORGANISATION_GOES_ON.match(whole, match.end()):
            name = " ".join(words)
            role = head[:head.find(name)].strip(" ,")
            return _strong_form(name, role), role
    return surname_only


def _strong_form(name: str, before: str) -> str:
    """A German name opening on an adjective as its article inflects it, as the body calls
    itself: 'der Norddeutsche Wetterdienst' is 'Norddeutscher Wetterdienst', 'das Deutsche Rote
    Kreuz' 'Deutsches Rotes Kreuz' (an ending -e after 'der' or 'das' is the nominative's)."""
    article = before.split()[-1:] if before.split() else []
    ending = {"der": "r", "das": "s"}.get(article[0].casefold() if article else "")
    words = name.split()
    # An adjective's ending ('Deutsche', 'Nationale', 'Kassenärztliche'), never a given name
    # ending in -e ('der Kölner Arne Beispiel').
    if ending is None or not re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]*(?:sche|ale|liche|ige)", words[0]):
        return name
    out = []
    for n, word in enumerate(words):
        if n < len(words) - 1 and re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]+e", word):
            out.append(word + ending)  # every adjective before the noun: 'Rote' → 'Rotes'
        else:
            out.extend(words[n:])
            break
    return " ".join(out)
