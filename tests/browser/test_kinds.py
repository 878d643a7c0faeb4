"""Kinds shown honestly in the built site: a paraphrase is never inside quotation marks, a
<q> or a blockquote on any HTML page, and every direct quotation is shown in quotation marks."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.slow]

OPENING = "“\"«„‘"
CLOSING = "”\"»“’"


def pages(built_root: Path) -> dict[str, str]:
    """Every HTML page of the built site, as text with tags kept and entities decoded."""
    site = built_root / "site"
    return {p.relative_to(site).as_posix(): html.unescape(p.read_text("utf-8"))
            for p in site.rglob("*.html")}


def quotes_of(dossier: dict[str, Any], kind: str) -> list[str]:
    return sorted({q["text"] for s in dossier["sources"] for q in s["quotes"]
                   if q["kind"] == kind})


def wrapped(text: str) -> re.Pattern[str]:
    """The text right inside an opening quotation mark (tags between allowed)."""
    return re.compile(f"[{OPENING}](?:<[^>]*>)*" + re.escape(text[:40]))


def test_no_paraphrase_is_shown_in_quotation_marks_a_q_or_a_blockquote(built_root, dossier):
    paraphrases = quotes_of(dossier, "paraphrase")
    assert len(paraphrases) >= 10  # the seeds carry 14
    found = pages(built_root)
    shown = 0
    for path, text in found.items():
        quoted = " ".join(re.findall(r"<(?:q|blockquote)\b.*?</(?:q|blockquote)>", text, re.S))
        for words in paraphrases:
            if words[:40] in text:
                shown += 1
            assert not wrapped(words).search(text), (path, words)
            assert words[:40] not in quoted, (path, words)
    assert shown >= len(paraphrases) * 3, "paraphrases appear on their pages as reported speech"


def test_every_direct_quotation_is_in_quotation_marks_on_the_quote_index(built_root, dossier):
    index = pages(built_root)["quotes/index.html"]
    for words in quotes_of(dossier, "direct"):
        if words[:40] in index:
            assert wrapped(words).search(index), words


def test_a_paraphrase_says_who_reports_it(built_root, dossier):
    index = pages(built_root)["quotes/index.html"]
    assert index.count("Reported speech") >= 10
    assert re.search(r"Reported speech</span>\s*In the words of <a href=", index)
