"""The words of a sentence that name a speaker and what they said: speech verbs ('said',
'a déclaré', 'sagte', 'заявил'), 'according to X', attribution lines under block quotes.
Pure functions of the text, for `build-dossier new`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .marks import QUOTE_CHARS
from .speakers import OPENERS, PRONOUNS_PERSON
from .textparts import UPPER, words_of
from .titles import without_entry_time

SPEECH_VERBS: tuple[str, ...] = (
    # English, past and present
    "said", "says", "stated", "states", "stressed", "stresses", "underlined", "underlines",
    "underscored", "emphasised", "emphasized", "emphasises", "emphasizes", "noted", "notes",
    "warned", "warns", "insisted", "insists", "added", "adds", "argued", "argues", "claimed",
    "claims", "explained", "explains", "announced", "confirmed", "acknowledged", "admitted",
    "pointed out", "made it clear", "made clear", "makes clear", "has made it clear",
    "has just made it clear", "reiterated", "reiterates", "observed", "declared", "declares",
    "maintained", "told reporters", "told journalists", "replied", "responded", "concluded",
    "recalled", "remarked", "asserted", "affirmed", "told the Commons", "told MPs", "told",
    "asked", "wrote", "tweeted", "explains", "reckons", "believes", "thinks", "saying",
    "adding", "warning", "insisting", "arguing", "complained", "complains", "complained to",
    "conceded", "concedes", "suggested", "suggests", "promised", "vowed", "pledged",
    "denied", "recalls", "noting", "stressing", "versprach", "räumte ein",
    "verwies darauf", "sagten", "verspricht", "versprechen", "commented",
    "kommentierte", "ergänzte", "a commenté", "commente", "продолжил", "clarified", "clarifies",
    "продолжила",
    # French
    "a déclaré", "a dit", "a affirmé", "a souligné", "a ajouté", "a précisé", "a estimé",
    "a rappelé", "a insisté", "a averti", "a assuré", "a expliqué", "a plaidé", "a indiqué",
    "a annoncé", "a martelé", "a lancé", "a répondu", "a tranché", "a reconnu", "déclare",
    "affirme", "souligne", "estime", "ajoute", "précise",
    "explique", "assure", "indique", "déclaré", "a prévenu", "a jugé", "a dénoncé",
    "a regretté", "a confié", "a promis", "a répété", "a poursuivi", "a conclu", "a réagi",
    "a écrit", "a tweeté", "prévient", "juge", "dénonce", "regrette", "insiste", "rappelle",
    "poursuit", "lance", "tranche", "témoigne", "a témoigné", "raconte", "a raconté", "dit",
    "écrivait", "schrieb", "писал",
    # The imperfect a live page narrates in: '« … », lançait Karine Duc dans la matinée'.
    "lançait", "déclarait", "expliquait", "affirmait", "ajoutait", "assurait", "soulignait",
    "précisait", "martelait", "estimait", "indiquait", "confiait", "répondait", "racontait",
    "disait",
    # The present, as 'a confié' and 'confiait' are: '« … », confie Jean Exemple'.
    "confie",
    # How loud it was said, in a hearing's live account: '"…" tonne Éva Touboul'.
    "tonne", "crie", "hurle", "s'emporte", "s’emporte", "s'exclame", "s’exclame", "a crié",
    "a tonné", "s'est exclamé", "s’est exclamé", "shouted", "shouts", "yelled", "exclaimed",
    "schrie", "brüllte", "крикнул", "крикнула", "воскликнул", "воскликнула",
    # German
    "sagte", "erklärte", "betonte", "warnte", "fügte hinzu", "unterstrich", "bekräftigte",
    "sagt", "erklärt", "betont", "warnt", "meinte", "versicherte", "mahnte", "kritisierte",
    "erinnerte", "rief", "fragte", "antwortete", "fuhr fort", "fuhr weiter", "berichtete",
    # Russian, masculine and feminine
    "сказал", "сказала", "заявил", "заявила", "отметил", "отметила", "подчеркнул",
    "подчеркнула", "добавил", "добавила", "сообщил", "сообщила", "пояснил", "пояснила",
    "уточнил", "уточнила", "считает", "заверил", "заверила", "прокомментировал",
    "прокомментировала", "признался", "призналась", "говорит", "заявляет", "отмечает",
    "ответил", "ответила", "написал", "написала", "рассказал", "рассказала", "признал",
    "признала", "предупредил", "предупредила", "напомнил", "напомнила", "пообещал",
    "пообещала", "констатировал", "констатировала", "заметил", "заметила",
    # A quotation's tail tells how it was said: '«…», — улыбнулась Захарова'
    "smiled", "joked", "quipped", "retorted", "a souri", "sourit", "a constaté", "constate",
    "a remarqué", "a observé", "a noté", "a plaisanté", "a ironisé",
    "lächelte", "scherzte", "entgegnete", "konterte", "улыбнулся", "улыбнулась", "пошутил",
    "пошутила", "парировал", "парировала",
    # How the words were voiced: '«…», murmelte Bundespräsident Hans Beispiel'.
    "murmured", "muttered", "whispered", "sighed", "a murmuré", "a chuchoté", "a soupiré",
    "murmelte", "flüsterte", "seufzte", "raunte", "пробормотал", "пробормотала", "прошептал",
    "прошептала", "вздохнул", "вздохнула",
    # Said after another, the same: '«…», — вторил ей куратор Алексей Петров'.
    "echoed", "вторил", "вторила",
)
# Said by several, in the same tense: 'comme l'ont martelé ses représentants'.
SPEECH_VERBS += tuple("ont " + verb[2:] for verb in SPEECH_VERBS if verb.startswith("a "))
OBJECT_VERBS = (
    "reaffirmed", "reaffirms", "expressed", "expresses", "called on", "called for", "urged",
    "urges", "condemned", "condemns", "welcomed the", "rejected", "rejects", "demanded",
    "a réaffirmé", "a exprimé", "a appelé", "a condamné", "forderte", "fordert", "verurteilte",
    "bekräftigte", "призвал", "призвала", "осудил", "осудила",
)
"""Verbs whose object, not a clause, is what was said: the paraphrase starts at the verb."""
_ACCORDING_TO_THEM = {"по его словам": "он", "по её словам": "она", "по ее словам": "она",
                      "по их словам": "они", "по его мнению": "он", "по её мнению": "она",
                      "по ее мнению": "она"}
"""'По его словам, …': according to him — the pronoun the phrase stands for."""
ACCORDING_TO = (*_ACCORDING_TO_THEM, "according to", "selon", "d'après", "d’après", "laut",
                "nach Angaben von", "nach Angaben", "по словам", "по мнению", "как сообщил",
                "как сообщила")
_DEMONSTRATIVES = frozenset([*words_of("das dies this that it cela ceci это так darüber davon"),
                             "об этом", "об этом же", "about this", "all this"])
_PREPOSITIONS = frozenset(words_of(
    "in im am an bei nach auf vor zum zur dans lors en au à в на во"))
_INVERTED = re.compile(r"\s+((?:der|die|das|le|la|l'|the)?\s*(?:[\w-]+\s+){0,2}[\w-]+),\s+")
_THAT = ("that", "que", "qu'", "qu’", "dass", "что")
# After a speech verb, these start circumstances ("said in a statement"), not what was said.
_NOT_A_CLAUSE = frozenset(words_of(
    "in at on during after before to of with by when while from as about at, it this lors dans sur "
    "à au en am im bei nach vor auf в на во после"))
_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_NAME_WORD = r"[" + UPPER + r"][\w’'\-.]*"
# A French verb may carry an elided pronoun: 'la ministre l'assure', 'il s'explique'.
_VERB_RE = re.compile(r"(?:(?<![\w’'-])|(?<=(?<![\w’'-])[lsmLSM]['’]))(?:" + "|".join(
    re.escape(v) for v in sorted(SPEECH_VERBS + OBJECT_VERBS, key=len, reverse=True))
    # '…,” Mayor Bell continued.', '…,” he presses.': a verb of speech only where it ends the
    # clause, not in 'Russia’s continued military build-up' or 'pressed ahead'.
    + r"|(?:continued|continues|went on|presses|pressed)(?=\s*[.,;:!?]))"
    r"(?![\w’'-])")


def speech_verb(sentence: str, last: bool = False) -> re.Match[str] | None:
    """The first (or last) speech verb in `sentence`."""
    if not last:
        return _VERB_RE.search(sentence)
    found = None
    for found in _VERB_RE.finditer(sentence):  # noqa: B007 — the last one is wanted
        pass
    return found


def speech_verbs(text: str, end: int) -> Iterator[re.Match[str]]:
    """Every speech verb in `text` up to `end`, in order."""
    return _VERB_RE.finditer(text, 0, end)


def word_count(text: str) -> int:
    """Words in `text`, apostrophes kept inside words."""
    return len(_WORD_RE.findall(text))


def _clause(text: str, start: int, end: int, who: str) -> tuple[int, int, str, str] | None:
    clause = text[start:end]
    start += len(clause) - len(clause.lstrip(" ,:"))
    end = start + len(text[start:end].rstrip())
    while end > start and text[end - 1] in ".;,":
        end -= 1
    if word_count(text[start:end]) < 4 or not _mostly_own_words(text[start:end]):
        return None
    return start, end, who, "paraphrase"


_QUOTED = re.compile(r"[“\"«„‘]([^“”\"«»„‘’\n]{0,300})[”\"»“’]")


def _mostly_own_words(clause: str) -> bool:
    """Whether a reported clause is the reporter's words, quoting at most a few of the
    speaker's ('er gehe "ohne Rückfahrkarte" nach Berlin'); a clause that is mostly a
    quotation is the quotation's, found by its marks."""
    if not any(c in clause for c in QUOTE_CHARS):
        return True
    if clause.lstrip()[:1] in QUOTE_CHARS:
        return False
    own = _QUOTED.sub(" ", clause)
    # A mark left open or closed alone: the clause runs into or out of a quotation.
    return not any(c in own for c in QUOTE_CHARS) and word_count(own) * 2 >= word_count(clause)


_FINDINGS = re.compile(r"(?i)\b(?:umfrage|studie|bericht\w*|prognose|hochrechnung|poll|survey|"
                       r"report|study|figures|data|forecast|sondage|étude|rapport|chiffres|"
                       r"données|website|site|images|footage|video|vidéo|photos|sources|"
                       r"quellen|bilder|webseite)\b|(?i:опрос\w*|исследовани\w*|данным|прогноз\w*|"
                       r"сайт\w*|источник\w*)")
"""What 'according to' can cite that is no one's words: a poll, a study, a report, a website,
pictures, unnamed sources."""
_CHAIN = re.compile(r"(?:" + "|".join(re.escape(p) for p in ACCORDING_TO) + r")[^,]{0,80},",
                    re.IGNORECASE)


_BODYS_PEOPLE = re.compile(r"(?<=\w)\s+(?:officials|staff|scientists|experts|spokespeople)$")
"""The people of a body named before them, who speak for it: 'Hawaiian Volcano Observatory
officials'."""


def _according_to(text: str, start: int, end: int) -> tuple[int, int, str, str] | None:
    """'According to X, …' and '…, according to X.' — the last such phrase of the sentence
    that is followed by a comma names the speaker (looked for without recursion)."""
    sentence = text[start:end]
    lowered = sentence.lower()
    best = None
    for phrase in ACCORDING_TO:
        at = lowered.rfind(phrase.lower())
        while at >= 0 and at > 0 and lowered[at - 1].isalnum():
            at = lowered.rfind(phrase.lower(), 0, at)
        if at < 0:
            continue
        who_start = at + len(phrase)
        comma = sentence.find(",", who_start, who_start + 81)
        if comma < 0 and sentence[:at].rstrip().endswith(",") \
                and len(sentence[who_start:].rstrip()) <= 80 and word_count(sentence[:at]) >= 6:
            # '… continues, according to Hawaiian Volcano Observatory officials.': the phrase
            # ends the sentence, and names who said the words before it.
            comma = len(sentence.rstrip().rstrip(".!"))
        if comma >= 0 and (best is None or at > best[0]):
            best = (at, who_start, comma, _ACCORDING_TO_THEM.get(phrase, ""))
    if best is None:
        return None
    at, who_start, comma, pronoun = best
    # 'according to Hawaiian Volcano Observatory officials': the body speaks through them.
    who = pronoun or sentence[who_start:comma].strip()
    if (people := _BODYS_PEOPLE.search(who)) is not None \
            and who[:people.start()].split()[-1][:1].isupper():
        who = who[:people.start()]
    if _FINDINGS.search(who):
        return None  # 'laut einer Umfrage', 'according to a report': findings, not words said
    # Words before the phrase, once earlier 'according to …,' phrases of a chain are gone.
    before = _CHAIN.sub("", sentence[:at])
    if before.strip(" ,"):
        # "X, according to Y." — the words before are what was said.
        return _clause(text, start, start + at, who)
    return _clause(text, start + comma + 1, end, who)


_SO_NAME = re.compile(r",\s+so\s+((?:[A-ZÄÖÜ][\w.-]*\s+){0,3}[A-ZÄÖÜ][\w-]+)\s*[.!]?\s*$")


_TOLD_TO = re.compile(r"\s+(?:der|dem|den|the|to the|to)\s+(?=[„“\"«])|\s*\(")


_INVERTED_END = re.compile(r",\s*(?:(?:a|avait|hat|hatte|ont|has|had)\s+)?$")


def said_at_end(sentence: str) -> tuple[int, str] | None:
    """(offset of the comma, speaker phrase) when a sentence gives what was said, then a verb
    of speech and who said it ('Douze communes ont demandé l'aide, a indiqué le maire Jacques
    Martin.', '…, a détaillé le préfet, qui a évalué …')."""
    verb = speech_verb(sentence, last=True)
    if verb is None or not (comma := _INVERTED_END.search(sentence[:verb.start()])):
        return None
    parts = sentence[verb.end():].rstrip(" .!").split(",")
    after = parts[0].strip()
    if len(parts) > 1 and _APPOSED_NAME.fullmatch(parts[1]):
        after = parts[1].strip()  # '…, erklärte der Bezirksvorsitzende der GDL, Hartmut Petersen'
    first = after.split()[:1]
    if not first or len(after.split()) > 8 or any(c in after for c in ":;" + QUOTE_CHARS) \
            or not (first[0][:1].isupper() or first[0].lower() in _SUBJECT_ARTICLES):
        return None
    return comma.start(), after


_APPOSED_NAME = re.compile(r"\s*[" + UPPER + r"][\w’'-]+(?:\s+[" + UPPER + r"][\w’'-]+){1,2}\s*")
_TOLD_WHOM_ONLY = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}(?:корреспондент\w*|журналист\w*|репортер\w*|репортёр\w*|"
    r"изданию|газете|агентству|телеканалу|радиостанции|reporters|journalists|"
    r"the press|la presse|aux journalistes|Journalisten|Reportern)(?![\w-])", re.IGNORECASE)
"""After a verb of telling, only whom it was told to: a recipient, no words reported."""
_SUBJECT_ARTICLES = frozenset(words_of("le la l' the der die das"))


_NEGATED = re.compile(r"(?<![\w’'-])(?:no|not|never|n[’']t|nicht|nie|kein\w*|не|ни|the|an?)"
                      r"(?:\s+(?:yet|been|ever|noch|bisher|officially))?\s*$", re.IGNORECASE)
"""A negation right before the speech verb ('have not confirmed', 'no confirmed'), or an
article, which makes it an adjective ('on the confirmed death')."""


def reported(text: str, start: int, end: int) -> tuple[int, int, str, str] | None:
    """(start, end, speaker phrase, kind) of what a sentence reports someone as saying."""
    # A live entry's time before its headline ('12h30 : …') is no part of what was said.
    start += (end - start) - len(without_entry_time(text[start:end]))
    hit = _according_to(text, start, end)
    if hit is not None:
        return hit
    sentence = text[start:end]
    german = _SO_NAME.search(sentence)
    if german:  # 'Er freue sich auf die neue Aufgabe, so Schäuble.'
        return _clause(text, start, start + german.start(), german.group(1))
    match = speech_verb(sentence)
    if match is None or _NEGATED.search(sentence[:match.start()]):
        # 'there are no confirmed people wounded', 'have not confirmed injuries': what no one
        # said is no one's reported speech; 'the confirmed death' says nothing.
        return None
    if _TOLD_WHOM_ONLY.match(sentence, match.end()) and not _CLAUSE_IN.search(
            sentence, match.end()):
        # 'он рассказал специальному корреспонденту Ъ', 'told reporters about the plans': to
        # whom and about what, but not what was said.
        return None
    if (at_end := said_at_end(sentence)) is not None:
        # What was said, then who said it, whatever verbs what was said holds ('Douze
        # communes ont demandé …, a indiqué le maire de Exempleville Jacques Martin.').
        return _clause(text, start, start + at_end[0], at_end[1])
    # 'Javid has accused the BBC of bias – calling one item “very, very anti-Tory” – and
    # said …': an aside set off by dashes is no part of the subject.
    subject = _DASHED_ASIDE.sub(" ", sentence[:match.start()])
    # '“…,” he said': the verb attributes the quotation before it. A few words in marks well
    # before the verb ('… «список Магнитского» и заявила, что …') are the narration's.
    if not subject.strip() or subject.rstrip(" ,—–-")[-1:] in "”»\"“" or (
            any(c in subject for c in "”»\"“") and not _mostly_own_words(subject)):
        return None
    if _demonstrative(subject):
        return None  # 'Das sagte X.': X said the sentence before, not the words after
    inverted = _INVERTED.match(sentence, match.end())
    if len(subject.split()) == 1 and subject.strip() in OPENERS \
            and sentence[match.end():].lstrip()[:1].isupper():
        # 'Dann konterte Kanzler Scholz nicht minder heftig.': an adverb, the verb, then its
        # subject; what was said follows a comma after the subject, or is not given at all.
        return _clause(text, start + inverted.end(), end, inverted.group(1)) if inverted \
            else None
    if subject.split()[0].lower() in _PREPOSITIONS and _INTRODUCES.fullmatch(
            sentence[match.end():]):
        # 'Bei der Eröffnung sagte Ministerin Anna Beispiel am Mittwoch:': the words after the
        # verb name its subject; what was said follows the colon.
        return None
    if subject.split()[0].lower() in _PREPOSITIONS and inverted:
        # 'In seiner Neujahrsansprache sagte der Kanzler, mit 2022 gehe …': the subject follows
        # the verb, and what was said follows the subject.
        return _clause(text, start + inverted.end(), end, inverted.group(1))
    verb = match.group().lower()
    if _noun_phrase_object(verb, sentence[match.end():]):
        return None  # 'rejected the idea of a royal charter', 'announced a package of £40m'
    if any(verb.startswith(v) for v in OBJECT_VERBS if v not in SPEECH_VERBS):
        return _clause(text, start + match.start(), end, subject)
    # '…, sagte Seehofer der "Bild" (Samstag).': the paper it was told to is not the speaker.
    rest = _TOLD_TO.split(sentence[match.end():].strip(" .!"), maxsplit=1)[0].strip()
    # '…, assure Agnès Buzyn, invitée mercredi d'Europe 1': the apposition is not the name.
    rest = rest.split(",", 1)[0].strip()
    # '…, a déclaré lundi la ministre de la Culture Roselyne Bachelot sur BFM-TV': the day
    # before the subject and the channel after it are not the speaker.
    dated = _DAY_BEFORE_SUBJECT.sub("", rest)
    if dated != rest and _SPEAKER_START.match(dated):
        rest = _WHERE_AFTER.split(dated, maxsplit=1)[0].strip()
    if (subject.rstrip().endswith(",") and (rest[:1].isupper() or dated != rest)
            and len(rest.split()) <= (5 if dated == rest else 10)
            and not any(c in rest for c in ":" + QUOTE_CHARS)):
        # '…, assure Olivier Véran', '…, sagt Scholz': what was said, then who said it.
        return _clause(text, start, start + subject.rstrip().rfind(","), rest)
    pronoun = rest.split()[0] if rest.split() else ""
    if subject.rstrip().endswith(",") and pronoun.lower() in PRONOUNS_PERSON:
        # '…, sagt er im Gespräch mit …', '…, he said on Monday': the words before the comma
        # were said; what follows the pronoun is where and to whom.
        return _clause(text, start, start + subject.rstrip().rfind(","), pronoun)
    lead = _clause_start(sentence[match.end():], verb)
    if lead is None:
        return _said_before(text, start, subject, sentence[match.end():])
    said = sentence[match.end() + lead:]
    if (other := speech_verb(said)) is not None and said[other.end():].lstrip()[:1] in (
            ":" + QUOTE_CHARS):
        return None  # 'Asked what he told backbenchers, Mr Cleverly replied: "…"'
    return _clause(text, start + match.end() + lead, end, subject)


_INTRODUCES = re.compile(r"[^:,;.!?“”\"«»„]{1,80}:\s*")
"""Words up to a colon that ends the sentence: the subject of an inverted verb of speech."""
_NP_VERBS = frozenset(["rejected", "rejects", "condemned", "condemns", "welcomed the",
                       "expressed", "expresses", "reaffirmed", "reaffirms", "announced",
                       "a réaffirmé", "a exprimé", "a condamné", "a annoncé", "verurteilte",
                       "bekräftigte", "осудил", "осудила"])
_NP_START = re.compile(r"\s*(?:the|a|an|his|her|its|their|our|this|these|le|la|les|l['’]|un|une|"
                       r"des|son|sa|ses|leur|leurs|den|die|das|einen|eine|ein|seine|ihre)\s",
                       re.IGNORECASE)
_CLAUSE_IN = re.compile(r"(?<![\w’'-])(?:that|que|qu['’]|dass|что)(?![\w’'-])")


def _noun_phrase_object(verb: str, rest: str) -> bool:
    """Whether a verb's object is a thing, not what was said: 'rejected the idea of a royal
    charter', 'announced a package of more than £40m' report no words of anyone's (an
    clause after it, 'announced that', is what was said; 'urged … to' is no such verb)."""
    if verb not in _NP_VERBS or _NP_START.match(rest) is None:
        return False
    return _CLAUSE_IN.search(re.split(r"[,;.:]", rest, maxsplit=1)[0]) is None


_DASHED_ASIDE = re.compile(r"\s[–—]\s[^–—\n]{1,200}?\s[–—]\s")
_SPEAKER_START = re.compile(r"(?:the|a|an|le|la|les|l[’']|der|die|das|ein|eine)\s|[" + UPPER + r"]")


def _said_before(text: str, start: int, subject: str, rest: str
                 ) -> tuple[int, int, str, str] | None:
    """'Prices will rise, the minister said on Monday.': what was said comes before the comma
    that opens the words naming the speaker, when only circumstances follow the verb."""
    comma = subject.rfind(",")
    who = subject[comma + 1:].strip()
    if (comma < 0 or not who or len(who.split()) > 6 or not _SPEAKER_START.match(who)
            or len(rest.split()) > 8 or any(c in rest for c in ":" + QUOTE_CHARS)):
        return None
    first = subject.split(" ", 1)[0].lower().strip(",")
    if first in _PREPOSITIONS or first in _NOT_A_CLAUSE or first.endswith("ing") or first in (
            "asked", "interrogé", "befragt", "отвечая"):
        return None  # 'Speaking following the meeting, Jens Stoltenberg said:' says nothing
    return _clause(text, start, start + comma, who)


def _demonstrative(subject: str) -> bool:
    """Whether the words before a speech verb only point back at what was said before: 'Об
    этом', 'Das', or one of them with when it was said ('Об этом в понедельник, 28 декабря')."""
    words = subject.strip().lower()
    if words in _DEMONSTRATIVES:
        return True
    lead = next((d for d in sorted(_DEMONSTRATIVES, key=len, reverse=True)
                 if words.startswith(d + " ")), None)
    rest = words[len(lead):].split() if lead else []
    return lead is not None and len(rest) <= 6 and all(
        w.strip(",").isdigit() or w.strip(",") in _WHEN for w in rest)


_WHEN = frozenset(words_of(
    "в во на в понедельник вторник среду четверг пятницу субботу воскресенье вчера сегодня "
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря утром "
    "вечером днём днем am heute gestern montag dienstag mittwoch donnerstag freitag samstag "
    "sonntag on monday tuesday wednesday thursday friday saturday sunday yesterday today"))
"""Words of a date or a day: the circumstances of 'Об этом в понедельник, 28 декабря …'."""


def said_by_before(sentence: str) -> str | None:
    """Who a sentence says said the sentence before it: 'Об этом заявил министр Сергей Лавров
    в понедельник' → 'министр Сергей Лавров', 'Das sagte Scholz am Montag.' → 'Scholz'."""
    match = speech_verb(sentence)
    if match is None or not _demonstrative(sentence[:match.start()]):
        return None
    # Up to the circumstances or the audience ('der Deutschen Presse-Agentur', 'журналистам').
    who = re.split(r"[,.;]| (?:in|at|on|to|am|im|bei|nach|vor|der|dem|den|в|на|во|lors|à|au|"
                   r"журналистам|агентству|изданию|газете|телеканалу|радио) ",
                   sentence[match.end():].strip(), maxsplit=1)[0].strip()
    return who if who and len(who.split()) <= 6 and not any(c in who for c in QUOTE_CHARS) \
        else None


def _clause_start(rest: str, verb: str) -> int | None:
    """Where what was said starts in the words after the speech verb, if it does."""
    stripped = rest.lstrip(" ,")
    lead = len(rest) - len(stripped)
    for adverb in ("also ", "again ", "repeatedly ", "once again ", "then ", "hatte, ",
                   "hat, ", "habe, ", "had, "):
        if stripped.lower().startswith(adverb):
            lead += len(adverb)
            stripped = stripped[len(adverb):]
    first = stripped.split(" ", 1)[0].lower() if stripped else ""
    if stripped.startswith(":"):
        return lead + 1
    if verb.startswith("told"):  # 'told MPs on Wednesday': the audience, then maybe 'that …'
        after = _after_circumstance(stripped)
        return lead + after if after else None
    if first in _THAT or first.startswith(("qu'", "qu’")):
        return lead + (len(first) if first in _THAT else 3)
    if first.rstrip(",") in _NOT_A_CLAUSE and (after := _after_circumstance(stripped)):
        return lead + after
    if (first.rstrip(",") in _NOT_A_CLAUSE or not first or stripped[0] in ",“\"«„‘"
            or "clear" in verb):
        return None
    return lead


def _after_circumstance(words: str) -> int:
    """Where what was said starts after 'said on Monday that ...' or 'erklärte in Genf, ...'."""
    match = re.match(r"(?:[^\s,.;:“”\"«»„]+\s+){0,5}?(?:(?:that|que|qu[’']|dass|что)\s+|"
                     r"[^\s,]+,\s+(?:dass\s+|что\s+)?)(?=[^\W\d_])", words[:300])
    return match.end() if match else 0


def attribution_line(line: str, is_known: object) -> tuple[str, str] | None:
    """(name, role) when a short line only names a speaker: 'Jens Stoltenberg, NATO …'.

    `is_known(name)` says whether the registry knows the name.
    """
    line = line.strip()
    if (not line or len(line) > 90 or len(line.split()) > 12 or line[-1] in ".!?:;"
            or any(c in line for c in QUOTE_CHARS)):
        return None
    dashed = re.match(r"[—–\-~]+\s*", line)
    line = line[dashed.end():] if dashed else line
    name, _, role = line.partition(",")
    name, role = name.strip(), role.strip()
    if callable(is_known) and is_known(name):
        return name, role
    # '– Number 10 spokesman' under a quotation: a dash signs it, whoever the words name.
    if dashed and name[:1].isupper() and len(name.split()) <= 6:
        return name, role
    if re.fullmatch(_NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){1,3}", name) and not any(
            w.lower() in {"the", "read", "share", "courtesy", "photo", "source", "follow",
                          # 'Reuters Staff': a byline, signing the article, not words said
                          "staff", "reporters", "correspondent", "redaktion", "rédaction"}
            for w in name.split()):
        return name, role
    return None


_LEADING_NAME = re.compile(r"(?:[" + UPPER + r"]\.\s*)*[" + UPPER + r"][\w’'-]+"
                           r"(?:\s+(?:(?:[" + UPPER + r"]\.\s*)*[" + UPPER
                           + r"][\w’'-]+|(?:de|von|van|le|la)(?![\w’'-])))*")

_JOINED_OFFICES = re.compile(
    r"^[" + UPPER + r"][\w’'-]+\s+(?:und|sowie|and|et|и)\s+(?=[" + UPPER + r"][\w’'-]+\s+["
    + UPPER + r"][\w’'-]+\s+[" + UPPER + r"][\w’'-]+)")
"""An office joined to the next before a full name ('Schauspieler und Sänger Volker …'); two
people would leave no third capitalised word ('Anna und Peter Müller')."""


ON_REQUEST = re.compile(r"(?:^|\s+)(?i:auf\s+(?:[\w-]+-)?nachfrage"
                        r"(?:\s+(?:der|des|von)\s+[\w„“\"»«-]+)?|"
                        r"on request|upon request|when asked|à la demande|sur demande|"
                        r"по просьбе)(?![\w-])")
"""What is no one's name after a verb of speech: 'sagte ein Polizeisprecher auf Nachfrage',
'sagt auf AZ-Nachfrage', 'said on request'."""
_TOLD_MEDIUM = re.compile(
    r"\s+(?:der|dem|den)\s+(?:[A-ZÄÖÜ][\w-]*\s+)?[\w-]*(?:Agentur|agentur|Zeitung|zeitung|Blatt|"
    r"Magazin|Sender|Rundfunk|Fernsehen|Radio|Portal|Redaktion|Presse|Tagesschau)(?![\w-]).*$")
"""A German dative after the speaker: the agency, paper or station it was said to ('der
Deutschen Presse-Agentur', 'dem Sender', 'der Nachrichtenagentur Reuters')."""
ELIDED_ARTICLE = re.compile(r"^[lL]['’](?=[" + UPPER + r"])")
"""French's article elided before a capitalised name: 'l'Isavia', 'l’Unesco'."""


def tail_attribution(text: str, quote_end: int, sentence_end: int) -> str:
    """The words after a quotation in its sentence, when they name the speaker."""
    tail = text[quote_end:sentence_end].lstrip("”“\"» ,.—–-")
    # Only the attribution's own sentence: a run-on page ('… asked on Twitter. - 2.08 p.m. -
    # Honorary president …') may hold the next entry in the same line.
    tail = _NEXT_SENTENCE.split(tail, 1)[0]
    # '– говорит начальник маяка «Стирсудден» Пётр Иванов', 'said the captain of the
    # "Sea Star" John Doe': a name in quotation marks inside the clause that signs the
    # quotation (a ship's, a club's, a firm's) is part of it, not the next quotation.
    tail = _QUOTED_NAME_IN_CLAUSE.sub(r"\g<name>", tail)
    # '…", a déclaré lundi la ministre …, précisant que "…"': the next quotation is not part
    # of this one's attribution.
    tail = re.split(r"[“«„\"]", tail, maxsplit=1)[0]
    french = re.match(r"[\w’'-]+?-(?:t-)?(il|elle|ils|elles)(?![\w-])", tail)
    if french:  # « … », a-t-il lancé. / poursuit-elle. / explique-t-elle, en ajoutant : « … »
        return french.group(1)
    if len(tail.split()) > 25 and (verb := speech_verb(tail)) is not None and verb.start() == 0:
        # '« … », lançait Karine Duc dans la matinée, annonçant …': the clause that signs it.
        tail = tail.split(",", 1)[0]
    if not tail.split() or len(tail.split()) > 25 or tail.rstrip().endswith(":"):
        # '„…“ Zur AfD sagt die Gautingerin: „…“': the words introduce the next quotation.
        return ""
    german = re.match(r"so\s+((?:[A-ZÄÖÜ][\w.-]*\s+){0,3}[A-ZÄÖÜ][\w-]+)", tail)
    if german:  # „…“, so Schäuble.
        return german.group(1)
    according = _ACCORDING_AFTER.match(tail)
    if according:  # « "…" selon Ségolène Royal », '"…", according to the minister'
        return according.group(1).strip()
    verb = speech_verb(tail)
    if verb is None or (verb.start() > 60 and not (
            # '“…,” Jane Roe, president of the Festival Board of Directors said': a full
            # name set off by a comma, then the office, however long, before the verb.
            verb.start() <= 120 and _NAME_THEN_OFFICE.match(tail[:verb.start()]))):
        return ""
    # 'he was cited as saying', 'she was quoted as telling': the passive frame is no name.
    before = _PASSIVE_FRAME.sub("", tail[:verb.start()].strip(" ,"))
    if before:
        # '“…,” Anna Example, head of the agency, said.': the comma before the verb closes an
        # apposition, which is no part of the name.
        return before + "," if tail[:verb.start()].rstrip().endswith(",") else before
    # Inverted: "said Stoltenberg", "a-t-il ajouté", "sagte er", "сказал Мединский".
    after = ON_REQUEST.sub("", tail[verb.end():]).strip(" ,.")
    # 'a déclaré, vendredi, le ministre …': the day set off by commas is not the speaker.
    after = _SET_OFF_DAY.sub("", after)
    after = _DAY_BEFORE_SUBJECT.sub("", after)  # 'a déclaré lundi la ministre …'
    # 'indique par ailleurs le ministre', 'déclare en outre Aurélien Rousseau': an adverb
    # between the verb and the subject is not the speaker.
    after = _ADVERB_BEFORE_SUBJECT.sub("", after)
    after = re.sub(r"^(?:M|Mme|Mr|Mrs|Ms|Dr|Herr|Frau)\.?\s+", "", after)
    first = after.split(" ", 1)[0].lower().replace("a-t-", "").replace("t-", "")
    if first in {"he", "she", "il", "elle", "er", "sie", "они", "он", "она", "they", "ils"}:
        return first
    # 'sagte Schauspieler und Sänger Volker Lechtenbrink': two offices joined before a name
    # are the one speaker's.
    after = _JOINED_OFFICES.sub("", after)
    # 'prévient l'Isavia dans un communiqué': the elided article before a body's name.
    after = ELIDED_ARTICLE.sub("", after)
    # 'sagte die Grünen-Politikerin der Deutschen Presse-Agentur': the agency it was told to.
    after = _TOLD_MEDIUM.sub("", after)
    named = _LEADING_NAME.match(after)
    if named:  # 'С. Лавров вчера в Москве': the name, without what follows it
        words = named.group().split()
        if len(words) >= 3 and words[-1].isupper() and 2 <= len(words[-1]) <= 3 \
                and not words[-2].isupper() and not words[-3].isupper():
            words.pop()  # 'Volker Lechtenbrink NDR 90,3': the station it was said to
        return " ".join(words)
    # 'a déclaré le secrétaire général de l'Otan, Jens Stoltenberg, à l'issue': the office,
    # then the name in apposition.
    office, _, rest = after.partition(",")
    apposed = _LEADING_NAME.match(rest.strip())
    if apposed and office[:1].islower() and " " in apposed.group().strip():
        return apposed.group().strip()
    # 'sagte der Winzer Hans Beispiel vom Weingut Musterhof', 'said the grower John Doe of
    # Hill Farm': where the person named works, after the name, is not the speaker.
    if (works := _NAME_THEN_WHERE.match(after)) is not None:
        after = works.group("who")
    # 'sagte der SPD-Politiker der „Rheinischen Post“': whom it was said to is not the speaker.
    return re.sub(r"\s+(?:der|dem|den|the|to)$", "", re.split(
        r"[,.;„“\"«]| (?:in|at|on|during|after|before|lors|après|devant|sur|bei|am|nach|vor|im|в|на"
        r"|во) ", after)[0].strip())


_QUOTED_NAME_IN_CLAUSE = re.compile(
    r"(?<=[\w,][^\S\n])[«“„\"](?P<name>[" + UPPER + r"][\w’'-]*(?:[^\S\n]+[\w’'-]+){0,2})"
    r"[»”“\"](?=[^\S\n]+[\w" + UPPER + r"])")
"""A name of one to three words in quotation marks inside a clause, more of the clause after it:
'начальник маяка «Стирсудден» Пётр Иванов'."""
_NAME_THEN_OFFICE = re.compile(
    r"(?:[" + UPPER + r"][\w’'-]+[^\S\n]+){1,2}[" + UPPER + r"][\w’'-]+,[^\S\n]+"
    r"(?:the[^\S\n]+)?[a-zßà-öø-ÿа-яё][^,.;:!?\n]+,?[^\S\n]*$")
"""A full name, a comma, then an office in lower case up to the verb: 'Jane Roe, president of
the Festival Board of Directors'."""
_NAME_THEN_WHERE = re.compile(
    r"(?P<who>.*?[" + UPPER + r"][\w’'-]+[^\S\n]+[" + UPPER + r"][\w’'-]+)[^\S\n]+"
    r"(?:vom|von der|aus dem|aus der|bei der|beim|of the|from the|at the|du|de la|de l['’]|"
    r"des|из|с)[^\S\n]+[" + UPPER + r"\w]")
"""A full name, then where the person works: 'der Winzer Hans Beispiel vom Weingut …'."""
_ACCORDING_AFTER = re.compile(
    r"(?i:selon|d['’]après|according to|laut|по словам|по данным)\s+([^,.;:!?()\n]{2,60})")
_NEXT_SENTENCE = re.compile(r"(?<=[a-zßà-öø-ÿа-яё]{3}[.!?])\s+(?=[-–—]\s|[" + UPPER + r"])")
_PASSIVE_FRAME = re.compile(r"\s+(?:was|is|were|are|has been|had been)\s+(?:cited|quoted|"
                            r"reported|heard|overheard)\s+as$")
_ADVERB_BEFORE_SUBJECT = re.compile(
    r"^(?:(?:par ailleurs|en outre|encore|aussi|également|ensuite|alors|enfin|toutefois|"
    r"cependant|pourtant|même|again|also|later|then|further|still|auch|noch|dann|zudem|außerdem|"
    r"sogar|"
    r"jedoch|также|тоже|затем|ещё|еще|"
    # 'a dit devant la presse Mme Girardin': to whom, before who.
    r"devant (?:la presse|les journalistes|les députés)|à la presse|aux journalistes|"
    r"to reporters|to journalists|vor (?:Journalisten|der Presse)|журналистам)\s+)+(?=\S)",
    re.IGNORECASE)
_DAY_BEFORE_SUBJECT = re.compile(
    r"^(?i:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd[’']hui|"
    r"on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|yesterday|today|"
    r"am (?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)|gestern|heute|"
    r"вчера|сегодня)(?:\s+(?i:matin|soir|midi|morning|evening|abend|morgen))?\s+")
_WHERE_AFTER = re.compile(r"\s+(?:sur|à|au|dans|devant|on|in|at|to|bei|im|auf|vor|в|на)\s+")
_SET_OFF_DAY = re.compile(
    r"^(?i:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd[’']hui|ce matin|"
    r"ce soir|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|yesterday|today|"
    r"am (?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)|gestern|heute|"
    r"вчера|сегодня)\s*,\s*")


def lead_attribution(text: str, sentence_start: int, quote_start: int) -> str:
    """The words before a quotation in its sentence, minus its opening mark."""
    return text[sentence_start:quote_start].rstrip(" “\"«„")
