"""The text's language, its quotation marks, and ids readable in any script, for
`build-dossier new`: detection with langdetect (among the languages of the text's script),
transliteration with anyascii.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path
from typing import Any

from anyascii import anyascii

from ..names import RESERVED_IDS as RESERVED_BY_BUILD
from ..schema import SLUG

QUOTE_MARKS = {"en": ("“", "”"), "fr": ("« ", " »"), "ru": ("«", "»"), "uk": ("«", "»"),
               "de": ("„", "“"), "es": ("«", "»"), "it": ("«", "»"), "pl": ("„", "”")}
"""Each language's own quotation marks, for the notes `new` writes about its text."""

# The names `check` refuses as ids (the build's own pages), and a few more a site or its
# readers' tools use, so that a draft never proposes one.
RESERVED_IDS = RESERVED_BY_BUILD | frozenset(
    ["editors", "site", "docs", "statements", "tags", "rss", "atom"])


_SCRIPTS = {
    "latin": ("af ca cs cy da de en es et fi fr hr hu id it lt lv nl no pl pt ro sk sl so sq sv "
              "sw tl tr vi"),
    "cyrillic": "bg mk ru uk",
}
"""The languages langdetect knows that are written in each script: a text in one script is
told apart among those only, so that a draft loads 4 or 31 of its 55 profiles, not all."""
_LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏ]")
_CYRILLIC = re.compile(r"[Ѐ-ӿ]")


def _script(sample: str, letters: int) -> str | None:
    for name, pattern in (("cyrillic", _CYRILLIC), ("latin", _LATIN)):
        if len(pattern.findall(sample)) * 10 >= letters * 9:
            return name
    return None


@functools.cache
def _factory(script: str | None) -> Any:
    """A langdetect factory with the profiles of one script's languages (all when None),
    loaded once per process."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    profiles = Path(PROFILES_DIRECTORY)
    names = _SCRIPTS[script].split() if script else sorted(p.name for p in profiles.iterdir())
    factory = DetectorFactory()
    factory.load_json_profile([(profiles / name).read_text(encoding="utf-8") for name in names])
    factory.set_seed(0)  # langdetect samples at random: the same text, the same answer
    return factory


def detect_language(text: str) -> tuple[str, float] | None:
    """(ISO 639-1 code, probability) of the text's language, or None when it cannot be told."""
    from langdetect.lang_detect_exception import LangDetectException

    sample = text[:20_000]
    letters = sum(ch.isalpha() for ch in sample)
    if letters < 20:
        return None
    detector = _factory(_script(sample, letters)).create()
    try:
        detector.append(sample)
        best = detector.get_probabilities()[0]
    except LangDetectException:
        return None
    code = str(best.lang).split("-")[0]
    return code, float(best.prob)


def quote_marks(language: str) -> tuple[str, str]:
    """The quotation marks of `language` (English ones for a language not in the table)."""
    return QUOTE_MARKS.get(language, QUOTE_MARKS["en"])


def in_marks(words: str, language: str) -> str:
    """`words` between the language's own quotation marks."""
    opening, closing = quote_marks(language)
    return f"{opening}{words}{closing}"


def transliterate(text: str) -> str:
    """Latin letters for any script (Cyrillic, Greek, …): 'Путин' → 'Putin'."""
    return anyascii(unicodedata.normalize("NFC", text))


def slugify(text: str, limit: int = 60) -> str:
    """An id made of a title's words: lowercase ASCII and hyphens, cut at a word."""
    ascii_text = transliterate(text).lower().replace("'", "").replace("’", "")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug


def safe_id(candidate: str, fallback: str, suffix: str) -> str:
    """`candidate` as an id the schema accepts and no page of the build already uses."""
    slug = candidate.strip("-") or fallback
    if slug in RESERVED_IDS:
        slug = f"{slug}-{suffix}"
    if SLUG.check(slug) is not None:
        slug = f"{suffix}-{slug}"[:100].strip("-")
    return slug if SLUG.check(slug) is None else fallback


_GERMAN_SPELLING = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe",
                                  "Ü": "Ue", "ß": "ss"})
"""How German writes its umlauts without them ('Kämpfer' → 'Kaempfer'), as its own ids do."""


def person_id(name: str, language: str = "") -> str:
    """The id proposed for a person not in the registry: their name, transliterated, a soft or
    hard sign before 'е' as 'ye' the way registries write it ('Кондратьев' → 'kondratyev'), a
    German text's umlauts as ae/oe/ue/ss, as German spells them without the marks."""
    if language == "de":
        name = name.translate(_GERMAN_SPELLING)
    return safe_id(slugify(re.sub(r"[ьъЬЪ]([еЕ])", r"y\1", name), 100), "person", "person")
