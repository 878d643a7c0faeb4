"""Reading what the editor was given — plain text, a saved web page, a PDF, a Word file or
standard input — into the text to draft from and the metadata the file itself states.
First step of `build-dossier new`; every refusal is a `NewError` with one line to print.
"""

from __future__ import annotations

import io
import itertools
import re
import stat
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

MAX_TEXT_BYTES = 2_000_000
"""A text above this is not one article: the longest official transcripts are about 300 KB."""
MAX_FILE_BYTES = 20_000_000
"""Saved pages, PDFs and Word files carry images and styles: a larger allowance."""


class NewError(Exception):
    """`new` cannot write the source; the message says why and what to do."""


@dataclass(frozen=True)
class Metadata:
    """What the file states about itself, as opposed to what `new` guesses from the text."""

    title: str = ""
    published: str = ""
    """ISO date (YYYY-MM-DD) the file's metadata gives."""
    author: str = ""
    outlet: str = ""
    url: str = ""


@dataclass(frozen=True)
class Input:
    """The text to draft from, where it came from, and what its file states."""

    text: str
    origin: str
    """How the editor named it: the file's name, or 'standard input'."""
    form: str
    """text, html, pdf or docx."""
    metadata: Metadata = field(default_factory=Metadata)


def read_input(path: str, stdin: BinaryIO | None = None) -> Input:
    """The article in `path` ('-' for standard input), refused with a NewError when unusable."""
    if path == "-":
        stream = stdin or getattr(sys.stdin, "buffer", None)
        if stream is None:  # a text stream put in place of standard input
            text = sys.stdin.read(MAX_TEXT_BYTES + 1)
            data = text.encode("utf-8", "surrogatepass")
        else:
            data = _read_capped(stream, MAX_FILE_BYTES, "standard input")
        return _decode_any(data, "standard input", "")
    target = Path(path)
    try:
        info = target.stat()
    except OSError as error:
        raise NewError(f"cannot read '{path}': {error.strerror}") from error
    if stat.S_ISDIR(info.st_mode):
        raise NewError(f"'{path}' is a folder; give the article's file")
    if stat.S_ISREG(info.st_mode) and info.st_size > MAX_FILE_BYTES:
        raise NewError(f"'{path}' is {info.st_size // 1_000_000} MB, over the "
                       f"{MAX_FILE_BYTES // 1_000_000} MB limit for one article")
    try:
        with open(target, "rb") as handle:
            data = _read_capped(handle, MAX_FILE_BYTES, f"'{path}'")
    except OSError as error:
        raise NewError(f"cannot read '{path}': {error.strerror}") from error
    return _decode_any(data, target.name, target.suffix.lower())


def _read_capped(handle: BinaryIO, limit: int, name: str) -> bytes:
    """At most `limit` bytes; a stream that goes on (such as /dev/zero) is refused, not read."""
    data = handle.read(limit + 1)
    if len(data) > limit:
        raise NewError(f"{name} is over the {limit // 1_000_000} MB limit for one article")
    return data


def _decode_any(data: bytes, origin: str, suffix: str) -> Input:
    form = _form_of(data, suffix)
    if form == "pdf":
        return Input(_pdf_text(data, origin), origin, "pdf", _pdf_metadata(data))
    if form == "docx":
        text, meta = _docx(data, origin)
        return Input(text, origin, "docx", meta)
    text = _decode(data, origin)
    if form == "html":
        return _html(text, origin)
    if len(data) > MAX_TEXT_BYTES:
        raise NewError(f"{origin} is over the {MAX_TEXT_BYTES // 1_000_000} MB limit for a "
                       "plain text")
    return Input(text, origin, "text")


def _form_of(data: bytes, suffix: str) -> str:
    """The file's kind, from its first bytes rather than its name, which may be wrong."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or (
            suffix in (".html", ".htm", ".xhtml") and head.startswith(b"<")):
        return "html"
    return "text"


def _decode(data: bytes, origin: str) -> str:
    if b"\x00" in data[:65536]:
        raise NewError(f"{origin} is not text (it holds NUL bytes); give the article as "
                       "plain text, a saved web page, a PDF or a Word (.docx) file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise NewError(f"{origin} is not UTF-8 (byte 0x{data[error.start]:02X} at offset "
                       f"{error.start}); save it as UTF-8") from error
    if not text.strip():
        raise NewError(f"{origin} is empty; give a file with the article's text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _paragraphs(lines: list[str]) -> str:
    """Extracted lines as Markdown paragraphs: one blank line between them, none inside."""
    kept = [" ".join(line.split()) for line in lines]
    return "\n\n".join(line for line in kept if line) + "\n"


# ---------------------------------------------------------------------------------------------
# Saved web pages.


_NOT_TEXT_OPEN = re.compile(r"<(script|style|svg|noscript|template)\b", re.IGNORECASE)
_INLINE_DATA = re.compile(r"\bdata:[\w/+.-]{1,100};base64,[A-Za-z0-9+/=]+")


def _strip_non_text(page: str) -> str:
    """The page without scripts, styles, drawings and inline images, in one pass: each
    element's end is looked for once, and an element never closed ends the page."""
    kept: list[str] = []
    at = 0
    lowered = page.lower()
    while (opening := _NOT_TEXT_OPEN.search(page, at)) is not None:
        kept.append(page[at:opening.start()])
        close = lowered.find(f"</{opening.group(1).lower()}", opening.end())
        if close < 0:
            at = len(page)
            break
        at = lowered.find(">", close) + 1 or len(page)
    kept.append(page[at:])
    return _INLINE_DATA.sub(" ", "".join(kept))
MAX_PAGE_BYTES = 2_000_000
"""Markup left once scripts, styles and inline images are gone: an article page holds far
less, and extraction takes about a second per megabyte."""


def _html(page: str, origin: str) -> Input:
    import trafilatura  # a second to import: only when a page is given
    from trafilatura.settings import Document

    page = _strip_non_text(page)
    if len(page) > MAX_PAGE_BYTES:
        raise NewError(f"{origin} holds over {MAX_PAGE_BYTES // 1_000_000} MB of text and "
                       "markup once scripts and images are set aside; save the article's own "
                       "page, or copy its text into a .txt file")

    document = trafilatura.bare_extraction(
        page, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=True, deduplicate=False)
    body = getattr(document, "text", None) or ""
    if not body.strip():
        raise NewError(f"{origin}: no article text found in the page; save the article's own "
                       "page, or copy its text into a .txt file")
    meta: dict[str, Any] = document.as_dict() if isinstance(document, Document) else {}
    url = str(meta.get("url") or "")
    # trafilatura names the site after the URL's host when the page does not: not a statement.
    sitename = str(meta.get("sitename") or "")
    stated_site = sitename if sitename and sitename != meta.get("hostname") else ""
    return Input(_paragraphs(body.split("\n")), origin, "html", Metadata(
        title=_clean(meta.get("title")), published=_iso(meta.get("date")),
        author=_clean(meta.get("author")), outlet=_clean(stated_site),
        url=url if re.match(r"https?://", url) else ""))


def _clean(value: Any) -> str:
    return " ".join(str(value).split()) if value else ""


def _iso(value: Any) -> str:
    text = str(value or "")
    return text[:10] if re.match(r"\d{4}-\d{2}-\d{2}", text) else ""


# ---------------------------------------------------------------------------------------------
# PDF and Word files.


def _pdf_text(data: bytes, origin: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    lines: list[tuple[float, str]] = []
    """(height on the page, text) of every line, pages in order."""

    def visit(text: str, cm: list[float], tm: list[float], *_: Any) -> None:
        for part in text.split("\n"):
            if part.strip():
                lines.append((tm[5] * cm[3] + cm[5], part))

    try:
        for page in PdfReader(io.BytesIO(data)).pages:
            page.extract_text(visitor_text=visit)
            lines.append((float("nan"), ""))  # a page break
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        raise NewError(f"{origin} is not a readable PDF ({error})") from error
    text = _join_lines(lines)
    if not text.strip():
        raise NewError(f"{origin} holds no text (a scanned PDF?); copy its text into a .txt file")
    return text


def _join_lines(lines: list[tuple[float, str]]) -> str:
    """PDF lines joined into paragraphs. A paragraph ends where the space between lines grows,
    or where the next line's first word would have fitted on the line (it was not wrapped)."""
    gaps = sorted(abs(a[0] - b[0]) for a, b in itertools.pairwise(lines)
                  if a[0] == a[0] and b[0] == b[0] and a[0] != b[0])
    usual_gap = gaps[len(gaps) // 2] if gaps else 0.0
    widths = sorted(len(text.strip()) for _, text in lines if text.strip())
    full = widths[int(len(widths) * 0.9)] if widths else 0
    paragraphs: list[str] = []
    current: list[str] = []
    for (y, text), (next_y, following) in zip(lines, [*lines[1:], (float("nan"), "")],
                                               strict=True):
        line = text.strip()
        if line:
            current.append(line)
        next_word = following.strip().split(" ", 1)[0]
        spaced = usual_gap > 0 and abs(y - next_y) > 1.4 * usual_gap
        short = len(line) + 1 + len(next_word) < 0.9 * full
        if current and (not line or not following.strip() or spaced or short):
            paragraphs.append(_joined(current))
            current = []
    if current:
        paragraphs.append(_joined(current))
    return _paragraphs(paragraphs)


def _joined(lines: list[str]) -> str:
    """A paragraph's lines as one: a space between them, except after a line that ends in a
    hyphen inside a word ('là-' + 'encore'), which the layout broke there and the text did not."""
    out = lines[0]
    for line in lines[1:]:
        glue = "" if len(out) > 1 and out[-1] == "-" and out[-2].isalpha() else " "
        out += glue + line
    return out


def _pdf_metadata(data: bytes) -> Metadata:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        info = PdfReader(io.BytesIO(data)).metadata
    except (PdfReadError, ValueError, KeyError, TypeError):
        return Metadata()
    if info is None:
        return Metadata()
    # A PDF's creation date is when the file was made, not when the text was published.
    return Metadata(title=_clean(info.get("/Title")), author=_clean(info.get("/Author")))


def _docx(data: bytes, origin: str) -> tuple[str, Metadata]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise NewError(f"{origin} is not a readable Word (.docx) file ({error})") from error
    text = _paragraphs([p.text for p in document.paragraphs])
    if not text.strip():
        raise NewError(f"{origin} holds no text")
    props = document.core_properties
    # As for PDFs, the file's creation date says nothing of the publication.
    return text, Metadata(title=_clean(props.title), author=_clean(props.author))
