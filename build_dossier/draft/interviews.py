"""Interviews printed without speakers' labels: questions alternating with answers, as
paragraphs that ask ('Wie haben Sie die ersten Tage erlebt?') or as dash-led turns ('– …?',
'– К счастью, нет.'). Finds the answers and the person answering, for `build-dossier new`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .marks import QUOTE_CHARS
from .quotes import named_subject
from .reported import speech_verb
from .speakers import (
    Registry,
    could_be_speaker,
    full_name_in,
    is_institution,
    proper_case,
    strip_titles,
)
from .textparts import TURN_LABEL, UPPER, Layout
from .titles import is_byline

_DASH_TURN = re.compile(r"[-–—][^\S\n]+(?=\S)")
"""A turn opened by a dash, as Russian and French interviews print them: '– Виталий …?'."""
_SIGNED_DASH = re.compile(r",\s*[-–—]\s+\S")
"""'— Мы готовы, — сказал он': a quotation signed inside its paragraph, as news prints it."""
MAX_QUESTION_WORDS = 70
"""A question longer than this is a statement that ends by asking, not an interviewer's turn."""
FIRST_PERSON = re.compile(r"(?<![\w’'-])(I|I'm|I’m|I've|I'd|we|We|our|Our|us|my|My|me|nous|"
                          r"notre|nos|je|j['’]|moi|vous|Je|J['’]|Nous|Notre|Nos|Moi|"
                          r"wir|Wir|unsere?\w*|Unsere?\w*|uns|ich|Ich|mir|mich|"
                          r"Ihnen|мы|Мы|наш\w*|Наш\w*|я|Я|вы|мне|нам|нас|mes|Mes|mon|Mon|ma|Ma)"
                          r"(?![\w’'-])"
                          # Elided before the word it is joined to: 'J’étais', 'm’a'.
                          r"|(?<![\w’'-])(?:[jJ]|[mM](?=['’][aeéiouyh]))['’](?=\w)")
"""Words of someone speaking for themselves or to their audience: 'we', 'nous', 'uns', 'мы'."""
SECOND_PERSON = re.compile(r"(?<![\w’'-])(?:you|You|vous|Vous|votre|Sie|Ihr|Ihre\w*|Ihnen|вы|Вы|"
                            r"ваш\w*|Ваш\w*)(?![\w’'-])"
                            # French's inverted question: 'Comment avez-vous vécu …'.
                            r"|(?<=\w-)(?:vous|tu)(?![\w’'-])")
"""Words of a question put to the one answering: 'you', 'vous', 'Sie', 'вы'."""


@dataclass(frozen=True)
class Answer:
    """The paragraphs [first, last] answering one question, and where the words start."""

    first: int
    last: int
    start: int
    inline: bool = False
    """Whether the question opens the answer's own paragraph ('Wie lange sind Sie schon
    Bürgermeister? Am ersten Mai werden es 10 Jahre.'): the words start after it."""

    @property
    def asked_at(self) -> int:
        """The paragraph the answer's question is in."""
        return self.first if self.inline else self.first - 1


def _asks(text: str) -> bool:
    words = text.rstrip(" " + QUOTE_CHARS)
    return words.endswith("?") and len(words.split()) <= MAX_QUESTION_WORDS


_YOU_OPENING = re.compile(r"\s*(?:You|Vous|Sie|Du|Вы|Ты)\s")


def _remark_to_guest(para: str) -> bool:
    """Whether a paragraph is an interviewer's remark: short, opening on 'you' ('Vous',
    'Sie', 'Вы'), ending on an exclamation mark."""
    words = para.rstrip(" " + QUOTE_CHARS)
    return words.endswith("!") and len(words.split()) <= 20 and _YOU_OPENING.match(words) \
        is not None


def _puts_to(para: str) -> bool:
    """Whether a turn asks, or speaks to the one answering ('вы', 'vous', 'you')."""
    return _asks(para) or SECOND_PERSON.search(para) is not None


def _dash_turns(layout: Layout) -> list[tuple[int, int]] | None:
    """(paragraph index, speech offset) of each dash-led turn, when the text holds three or
    more of them (or a question and its answer) and none is a quotation signed within it."""
    text = layout.text
    turns = []
    for i, (s, e) in enumerate(layout.paras):
        m = _DASH_TURN.match(text, s, e)
        if m is not None:
            if _SIGNED_DASH.search(text, m.end(), e) and speech_verb(text[m.end():e]):
                return None
            turns.append((i, m.end()))
    if len(turns) == 2:
        # '- Александр Михайлович, … Что лично вы считаете …? / - Я думаю, …': an exchange cut
        # after its first answer is one question and its answer.
        # '— В книге …, героем которой вы тоже стали, … / — Я то же самое думаю.': a remark put
        # to the one answering, who answers in the first person, is a question too.
        asked, answered = (text[slice(*layout.paras[i])] for i, _ in turns)
        return turns if _puts_to(asked) and not _asks(answered) and (
            _asks(asked) or _speaks_for_oneself(answered)) else None
    return turns if len(turns) >= 3 else None


def _answers_of_dashes(layout: Layout, turns: list[tuple[int, int]]) -> list[Answer]:
    text = layout.text
    asking = next((n for n, (i, _) in enumerate(turns)
                   if _asks(text[slice(*layout.paras[i])])), None)
    if asking is None and len(turns) == 2:
        asking = 0  # a remark put to the one answering (see `_dash_turns`)
    if asking is None:
        return []
    out = []
    for n in range(asking + 1, len(turns), 2):
        i, start = turns[n]
        last = turns[n + 1][0] - 1 if n + 1 < len(turns) else len(layout.paras) - 1
        out.append(Answer(i, last, start))
    return out


_NUMBERED = re.compile(r"\d{1,2}[.)]?[^\S\n]+(?=\S)")
"""A questionnaire's number before its question: '7 Combien avez-vous d’adjoints ?'."""
_OPENING_QUESTION = re.compile(r"[^?!.\n]{3,200}?[^\S\n]?\?(?:[^\S\n]+|(?=[" + UPPER + r"(]))")
_LEAD_IN = re.compile(r"[^?!.\n]{3,200}?\.[^\S\n]+(?=[" + UPPER + r"])")
"""The sentence a numbered question may open on before it asks."""
_STAGE_DIRECTION = re.compile(r"\([^()\n]{1,40}\)[^\S\n]+(?=\S)")
"""'(lächelt) Ich habe …': how the answer was given, no part of it."""


def _inline_answer(text: str, start: int, end: int) -> tuple[int, bool] | None:
    """Where the answer starts in a paragraph that opens with a question and runs on with the
    answer ('7 Combien avez-vous d’adjoints ? J’en ai 9.'), and whether the question is put
    to the one answering ('vous', 'Sie'); None when the paragraph is not so."""
    numbered = _NUMBERED.match(text, start, end)
    at = numbered.end() if numbered else start
    asked = _OPENING_QUESTION.match(text, at, end)
    if asked is None and numbered and (lead := _LEAD_IN.match(text, at, end)) is not None:
        # '1. You studied economics first. What caused the change of heart? I was …': a
        # numbered question may open on a sentence of its own.
        asked = _OPENING_QUESTION.match(text, lead.end(), end)
    if asked is None or not text[at:at + 1].isupper() or len(text[at:asked.end()].split()) > 30:
        return None
    question, rest = text[at:asked.end()], text[asked.end():end].strip()
    if not rest or rest.rstrip(" " + QUOTE_CHARS).endswith("?") or rest.endswith(":"):
        return None
    answer = asked.end()
    if (direction := _STAGE_DIRECTION.match(text, answer, end)) is not None:
        answer = direction.end()
    return answer, SECOND_PERSON.search(question) is not None


def _answers_of_questions(layout: Layout) -> list[Answer]:
    text = layout.text
    asking = [i for i, (s, e) in enumerate(layout.paras) if _asks(text[s:e])]
    if len(asking) >= 2:
        # 'Vous remettez en question le statut du chef !' between two answers: a remark put
        # to the one answering in place of a question, his answer below it.
        asking = sorted([*asking, *(i for i, (s, e) in enumerate(layout.paras)
                                    if i > asking[0] and _remark_to_guest(text[s:e]))])
    found = {i: at for i, (s, e) in enumerate(layout.paras)
             if i not in asking and (at := _inline_answer(text, s, e)) is not None}
    inline = {i: at for i, (at, _) in found.items()}
    # Asked and answered in one paragraph once, or without the questions putting them to
    # anyone ('Was heißt das? Es heißt …'): a speaker's rhetorical questions, no interview.
    if len(found) < 2 or sum(addressed for _, addressed in found.values()) * 3 < len(found):
        inline = {}
    bounds = sorted([*asking, *inline])
    out = []
    for n, i in enumerate(bounds):
        if i in inline:
            out.append(Answer(i, i, inline[i], inline=True))
            continue
        last = bounds[n + 1] - 1 if n + 1 < len(bounds) else len(layout.paras) - 1
        if last > i:
            out += _alternating(layout, Answer(i + 1, last, layout.paras[i + 1][0]))
    return out


def _speaks_for_oneself(para: str) -> bool:
    """Whether a paragraph says 'I' or 'we' ('vous', 'Ihnen' address someone else)."""
    return any(m.group(1) not in ("vous", "Ihnen", "вы") for m in FIRST_PERSON.finditer(para))


def _alternating(layout: Layout, answer: Answer) -> list[Answer]:
    """An answer's paragraphs told apart from the interviewer's remarks between them, when
    they alternate: 'Pas particulièrement. J'ai conscience … / Même José Bové a dit qu'il
    n'irait pas. / [Le Salon] c'est aussi une fête …' — a remark, put without a question mark,
    is short and says nothing in the first person."""
    count = answer.last - answer.first + 1
    if count < 3 or count % 2 == 0:
        return [answer]
    remarks = range(answer.first + 1, answer.last, 2)
    if not all(len(layout.text[slice(*layout.paras[i])].split()) <= 45
               and not _speaks_for_oneself(layout.text[slice(*layout.paras[i])])
               for i in remarks):
        return [answer]
    return [Answer(i, i, layout.paras[i][0]) for i in range(answer.first, answer.last + 1, 2)]


def _wholly_marked(para: str) -> bool:
    """Whether a paragraph is one quotation: it opens and closes with a mark, none between."""
    para = para.strip()
    inner = para[1:-1]
    return (len(para) > 2 and para[0] in QUOTE_CHARS and para[-1] in QUOTE_CHARS
            and not any(c in inner for c in QUOTE_CHARS))


_INTERVIEW_ANNOUNCED = re.compile(
    r"(?i:(?<![\w-])(?:interview(?:s|ed|t|te|é|ée)?|entretien|s['’]est\s+entretenue?s?\s+avec|"
    r"im\s+gespräch\s+mit|интервью|поговорили\s+с|побеседовал\w*\s+с)(?![\w-]))")
"""Words of a lead saying an interview took place: 'an email interview', 'Ein Interview',
's'est entretenue avec', 'мы поговорили с'."""
_TALKED_WITH = re.compile(
    r"(?i:(?<![\w-])(?:s['’]est\s+entretenue?s?\s+avec|(?:a|ont)\s+interrogé|interviewed|"
    r"(?:spoke|talked)\s+(?:to|with)|answers\s+(?:are|come)\s+from|sprach(?:en)?\s+mit|"
    r"hat\s+\w+\s+(?:mit|befragt)|interviewt|im\s+gespräch\s+mit)(?![\w-]))")
"""A lead's words naming whom the talk was with: 's'est entretenue avec le père …', 'These
answers are from …', 'sprach mit …'; the name follows."""
_GUEST_NAME = re.compile(r"(?:[a-zà-ÿäöüß’'.-]+\s+){0,3}(?P<name>(?:[" + UPPER + r"]\.\s?)?["
                         + UPPER + r"][\w’'-]+(?:\s+[" + UPPER + r"][\w’'-]+){0,2})"
                         r"(?P<role>,[^.,;\n]{3,80})?")

_APPOSED_GUEST = re.compile(
    r"(?<=[\w)]),\s+(?P<name>[" + UPPER + r"][\w’'-]+(?:\s+[" + UPPER + r"][\w’'-]+){0,2}),\s+"
    r"(?:interviewt|befragt|interviewed|interviewé|interrogé)(?![\w-])")
"""'… habe ich den ehemaligen Steiger …, Eberhart, interviewt': the guest set off by commas
right before the verb, by whatever name the lead gives."""


def _guest_of_lead(header: str) -> tuple[str, str] | None:
    """(name, office) of the one a lead says the interview was with, when it says so once:
    'Radio Vatican s’est entretenue avec le père Michel Daubanes, recteur du sanctuaire …'
    (the outlet that speaks is not the guest), 'These answers are from B. David.'"""
    found = []
    for talked in _TALKED_WITH.finditer(header):
        guest = _GUEST_NAME.match(header, talked.end() + 1)
        if guest is None or not (" " in guest["name"] or "." in guest["name"]):
            continue
        name = guest["name"]
        if not re.match(r"[" + UPPER + r"]\.", name):  # 'B. David': an initial, no title
            name = strip_titles(name)
        if " " in name and could_be_speaker(name) and not is_institution(name):
            found.append((name, (guest["role"] or "").strip(" ,")))
    for apposed in _APPOSED_GUEST.finditer(header):
        if could_be_speaker(apposed["name"]) and not is_institution(apposed["name"]):
            found.append((apposed["name"], ""))
    return found[0] if len({n for n, _ in found}) == 1 else None


_MARKED = re.compile(r"[“«„\"]([^“”«»„\"\n]{1,400})[”»“\"]")


def _quotes_someone(para: str) -> bool:
    """Whether a paragraph quotes words in marks; a name in marks ('программу «Цирк
    Легенда»', 'the “Big Apple” show') is no quotation."""
    return any(len(m.group(1).split()) > 3 for m in _MARKED.finditer(para)) \
        or sum(para.count(c) for c in QUOTE_CHARS) % 2 == 1


def unlabelled_answers(layout: Layout) -> list[Answer]:
    """The answers of an interview printed without labels; [] when the text is not one: at
    least two questions each answered, most answers in the first person and few quoting."""
    dashes = _dash_turns(layout)
    answers = _answers_of_dashes(layout, dashes) if dashes else _answers_of_questions(layout)
    text = layout.text
    # An interview cut after its first answer: one question, answered, under a lead that says
    # the talk took place ('… s'est entretenue avec le père …', 'I asked … an email interview').
    if len(answers) < 2 and not (dashes and answers) and not (
            answers and _INTERVIEW_ANNOUNCED.search(
                text, 0, layout.paras[max(answers[0].asked_at, 0)][0])):
        return []
    spans = [(a.start, layout.paras[a.last][1]) for a in answers]
    first_person = sum(bool(FIRST_PERSON.search(text, s, e)) for s, e in spans)
    # An answer printed whole in quotation marks ('"Oui, complètement. …"') is the answer,
    # not an article quoting someone.
    quoting = sum(_quotes_someone(text[s:e]) and not _wholly_marked(text[s:e])
                  for s, e in spans)
    # Questions take a good share of the paragraphs from the first one on, as turns do.
    asked_from = answers[0].asked_at
    questions = len(layout.paras) - asked_from - sum(a.last - a.first + 1 for a in answers) \
        + sum(a.inline for a in answers)
    # Answers that say 'on' rather than 'je' ('On fait le réseau express vélo.') still answer
    # where three questions or more are put to someone directly ('Vous êtes adjoint …').
    addressed = len(answers) >= 3 and any(
        SECOND_PERSON.search(text, layout.paras[a.asked_at][0], a.start) for a in answers)
    # Dash turns each answering a question put just before ('– Сколько матчей …? / – Если
    # командировка, то смотрю …') answer, whether or not they say 'I'.
    asked_each = bool(dashes) and all(
        _asks(text[slice(*layout.paras[a.first - 1])]) for a in answers if a.first)
    if ((first_person * 2 < len(spans) and not addressed and not asked_each)
            or quoting * 2 > len(spans)
            or questions * 5 < len(layout.paras) - asked_from):
        return []
    return answers


_PATRONYMIC = re.compile(r"(?<![\w-])([А-ЯЁ][а-яё]+)\s+[А-ЯЁ][а-яё]+(?:ович|евич|ьич|ична|овна|"
                         r"евна)(?![\w-])")


_ADDRESSED_SURNAME = re.compile(r"(?<![\w-])(?:Herr|Frau|Mr\.?|Mrs\.?|Ms\.?|Monsieur|Madame|"
                                r"M\.|Mme|господин|госпожа)\s+(?P<surname>[" + UPPER
                                + r"][\w’'\-]{2,}),")


def _addressed_surname(questions: str, text: str) -> str | None:
    """The full name of the one the questions address by surname ('Herr Rukwied, ich erreiche
    Sie …' with 'Joachim Rukwied' above), when they address one person only."""
    surnames = {m.group("surname") for m in _ADDRESSED_SURNAME.finditer(questions)}
    if len(surnames) != 1:
        return None
    return full_name_in(text, surnames.pop())


_SURNAME_BEFORE_VERB = re.compile(r"(?<![\w-])(?P<surname>[" + UPPER + r"][\w’'\-]{2,})\s+(?=\S)")


def _subject_of_speech(header: str, registry: Registry, firsts: set[str]
                       ) -> tuple[str | None, str, str] | None:
    """The one a header says speaks, by the surname right before its speech verb ('академик
    Сергеев рассказал', after 'корреспонденту … Алексею Курилову'): the registry's, or the
    surname with the first name the questions address them by ('Александр Михайлович')."""
    verb = speech_verb(header)
    if verb is None:
        return None
    before = list(_SURNAME_BEFORE_VERB.finditer(header, max(0, verb.start() - 40),
                                                verb.start() + 1))
    if not before or before[-1].end() != verb.start():
        return None
    surname = before[-1].group("surname")
    if (found := registry.surname(surname)) is not None and registry.is_person(found):
        return found, registry.people[found].name, ""
    if len(firsts) == 1:
        return None, f"{next(iter(firsts))} {surname}", ""
    full = full_name_in(header, surname)
    return (None, full, "") if full else None


_CAPITALS_NAME = re.compile(r"(?<![\w-])[" + UPPER + r"]{2,}(?:[\s-][" + UPPER + r"]{2,})+"
                            r"(?![\w-])")
"""Two words or more in capitals: a name as some papers print it, 'ВЛАДИМИР ЧУРОВ'."""


def interviewee(layout: Layout, answers: list[Answer], registry: Registry
                ) -> tuple[str | None, str, str] | None:
    """(id, name, role) of the one who answers: named above the first question, the one the
    questions address by first name ('Виталий Леонтьевич, …'), else the one a sentence there
    says speaks ('Министр спорта РФ Виталий Мутко рассказал «Шпигелю» …'), else the first."""
    text = layout.text
    if (labelled := _answers_label(layout, answers, registry)) is not None:
        return labelled
    header_end = layout.paras[max(answers[0].asked_at, 0)][0]
    named: list[tuple[str, str, bool]] = []
    for s, e in layout.paras[:max(answers[0].asked_at, 0)]:
        if is_byline(text[s:e]):
            continue  # 'Von Tariq Platta, Klasse 8b': who asks, not who answers
        # 'Председатель Центризбиркома ВЛАДИМИР ЧУРОВ …': a name printed in capitals.
        para = _CAPITALS_NAME.sub(lambda m: proper_case(m.group()), text[s:e])
        found = named_subject(para)
        if found is not None and " " in found[0]:
            named.append((found[0], found[1], speech_verb(para) is not None))
    asked = text[header_end:layout.paras[answers[-1].last][1]]
    if (called := _addressed_surname(asked, text)) is not None:
        found_id = registry.resolve(called)
        return (found_id, registry.people[found_id].name, "") if found_id else (None, called, "")
    firsts = {m.group(1) for m in _PATRONYMIC.finditer(asked)}
    if (said := _subject_of_speech(text[:header_end], registry, firsts)) is not None:
        return said
    if (guest := _guest_of_lead(text[:header_end])) is not None:
        found_id = registry.resolve(guest[0])
        return (found_id, registry.people[found_id].name, "") if found_id \
            else (None, guest[0], guest[1])
    addressed = {m.group(0) for m in _PATRONYMIC.finditer(asked)}
    if len(addressed) == 1 and (lead := _first_name_in_lead(text[:header_end], *addressed)):
        found_id = registry.resolve(lead)
        return (found_id, registry.people[found_id].name, "") if found_id else (None, lead, "")
    if not named and (put_to := _vocative(text[layout.paras[answers[0].asked_at][0]:
                                                answers[0].start])):
        # 'Bonjour Maxime Boyer. Vous êtes …', 'Bürgermeister Georg Willi, wie klingt das?':
        # the first question names whom it is put to.
        named.append((put_to[0], put_to[1], False))
    if not named:
        named = _subject_in_lead(layout, answers[0].asked_at)
    if not named:
        return None
    chosen = (next((n for n in named if n[0].split()[0] in firsts), None)
              or next((n for n in named if n[2]), None) or named[0])
    found_id = registry.resolve(chosen[0])
    if found_id is not None:
        return found_id, registry.people[found_id].name, ""
    return None, chosen[0], chosen[1]


_OBLIQUE_SURNAME = {
    False: (("ским", "ский"), ("скому", "ский"), ("ского", "ский"), ("ым", ""), ("у", ""),
            ("а", ""), ("е", "")),
    True: (("ской", "ская"), ("ой", "а")),
}
"""A Russian surname's endings after 'с', 'к', 'у' ('Мазуриным', 'Ивановой', 'Петрову'), a
man's and a woman's, each with its nominative's."""


def _nominative_surname(word: str, woman: bool) -> str:
    """A surname in -ин, -ов, -ев, -ын or -ский in the nominative."""
    for ending, nominative_ending in _OBLIQUE_SURNAME[woman]:
        stem = word[:-len(ending)]
        if word.endswith(ending) and (stem.endswith(("ин", "ов", "ев", "ёв", "ын"))
                                      or ending.startswith("ск")):
            return stem + nominative_ending
    return word


def _first_name_in_lead(header: str, addressed: str) -> str | None:
    """The full name the lead gives the one the questions address by first name and
    patronymic ('Константин Евгеньевич, …' under '… мы поговорили с директором цирка
    Константином Мазуриным'), in the nominative; None when the lead names them otherwise."""
    first, patronymic = addressed.split()
    stem = re.escape(first[:-1] if first.endswith(("й", "а", "я", "ь")) else first)
    if re.search(r"[ео][бвгджзклмнпрстфхцчшщ]$", first):
        stem += "|" + re.escape(first[:-2] + first[-1])  # 'Павел' → 'Павлом': its vowel drops
    found = {m.group(1) for m in re.finditer(
        r"(?<![\w-])(?:" + stem + r")[а-яё]{0,3}\s+([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)"
        r"(?![\w-])", header)}
    if len(found) != 1:
        return None
    return f"{first} {_nominative_surname(found.pop(), patronymic.endswith('на'))}"


_PATRONYMIC_WORD = re.compile(r"[А-ЯЁ][а-яё]+(?:ович|евич|ьич|ична|овна|евна|инична)")


def _subject_in_lead(layout: Layout, before: int) -> list[tuple[str, str, bool]]:
    """The person a sentence of the lead above the first question opens on, in full ('Я
    встретилась с одним из них. Пётр Петрович Иванов из посёлка … занимается …', 'Anne
    Exemple dirige depuis 2019 …'): the one the interview is with, the last so named; a
    patronymic is no part of the name proposed."""
    found: list[tuple[str, str, bool]] = []
    for s, e in layout.paras[:max(before, 0)]:
        for start, end in layout.sentences_in(s, e):
            sentence = layout.text[start:end]
            named = named_subject(sentence)
            if named is None:
                continue
            name, role = named
            words = name.split()
            if (len(words) == 2 and _PATRONYMIC_WORD.fullmatch(words[0])
                    and re.fullmatch(r"[А-ЯЁ][а-яё]+", role)):
                name, role = f"{role} {words[1]}", ""  # 'Павел Рафаилович Рябков'
            elif len(words) == 3 and _PATRONYMIC_WORD.fullmatch(words[1]):
                name = f"{words[0]} {words[2]}"
            if " " in name and sentence.lstrip().startswith(name.split()[0]):
                found.append((name, role, speech_verb(sentence) is not None))
    return found[-1:]


def _vocative(question: str) -> tuple[str, str] | None:
    """(name, role) of the one a question addresses by full name as it opens: a name followed
    by a comma or a full stop, after a greeting or an office or nothing."""
    found = named_subject(question)
    if found is None or " " not in found[0]:
        return None
    at = question.find(found[0])
    before = question[:at].split()
    if question[at + len(found[0]):at + len(found[0]) + 1] not in (",", ".", "!") \
            or len(before) > 3:
        return None
    return found


def _answers_label(layout: Layout, answers: list[Answer], registry: Registry
                   ) -> tuple[str | None, str, str] | None:
    """The one whose label opens most answers to unlabelled questions ('Willi: Neu und …'),
    by the fullest name the text gives them."""
    labels = [TURN_LABEL.match(layout.text, a.start, layout.paras[a.first][1]) for a in answers]
    names = {m["label"] for m in labels if m is not None}
    if len(names) != 1 or sum(m is not None for m in labels) * 2 <= len(answers):
        return None
    label = names.pop()
    found_id = registry.resolve(label)
    if found_id is not None:
        return found_id, registry.people[found_id].name, ""
    full = full_name_in(layout.text, strip_titles(label).split()[-1])
    return (None, full, "") if full and " " in full else None
